"""Staff screens of the accounts app: users, RBAC, sessions, sign-in attempts and KYC.

Writes go through `accounts.services` (which check Level, MaxUsers, the KYC state
machine and who may act, and write the audit rows); the forms check the same services
by a dry run first, so refusals appear on the form. What no service covers is saved by
`AuditedModelAdmin`, which audits it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from doggy.admin_mixins import (
    SERVICE_ERRORS,
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    ReviewQueueFilter,
    ServiceInlineMixin,
    adopt_saved,
    call_for_each,
    message_service_error,
    reported_service_errors,
)
from doggy.core.errors import NotFoundError
from doggy.core.permissions import actor_may
from doggy.selectors import stored_file_get_servable

from .admin_actions import action_form_page
from .choices import SYSTEM_USER_ID, KycRejectType, KycStatus, PermissionName
from .forms import (
    AdminPasswordChangeForm,
    KycApproveForm,
    KycRejectForm,
    KycResubmissionForm,
    LockForm,
    PermissionForm,
    RevokeSessionsForm,
    RoleForm,
    RolePermissionInlineForm,
    RolePermissionInlineFormSet,
    SuspendForm,
    UserChangeForm,
    UserCreationForm,
    UserRoleForm,
    UserRoleInlineFormSet,
)
from .models import (
    KycDocument,
    KycReviewEvent,
    KycVerification,
    LoginAttempt,
    Permission,
    Role,
    RolePermission,
    User,
    UserRole,
    UserSession,
)
from .selectors import KYC_QUEUE_STATUSES, kyc_actor_is_reviewer
from .services.kyc import kyc_approve, kyc_reject, kyc_request_resubmission, kyc_review_start
from .services.rbac import permission_delete, role_delete, user_role_revoke
from .services.users import (
    PROFILE_FIELDS,
    user_deactivate,
    user_lock,
    user_reactivate,
    user_session_staff_revoke,
    user_sessions_staff_revoke,
    user_suspend,
    user_unlock,
)


def _effective_q(prefix: str = "") -> Q:
    now = timezone.now()
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


# --- Users ---------------------------------------------------------------------------------


class RoleListFilter(admin.SimpleListFilter):
    """Users who hold a role now (an active, unexpired assignment)."""

    title = "role"
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [(role.pk, role.name) for role in Role.objects.order_by("-level", "name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        holders = UserRole.objects.effective().filter(role_id=self.value()).values("user_id")
        return queryset.filter(pk__in=holders)


class UserRoleInline(ServiceInlineMixin, admin.TabularInline):
    """A user's roles: new rows are granted, unticking IsActive revokes (via services)."""

    model = UserRole
    fk_name = "user"
    form = UserRoleForm
    formset = UserRoleInlineFormSet
    extra = 0
    can_delete = False
    fields = ("role", "is_active", "expires_at", "notes", "assigned_by", "assigned_at")
    readonly_fields = ("assigned_by", "assigned_at")
    verbose_name = "role assignment"
    verbose_name_plural = "roles (untick Is active to revoke)"

    def get_queryset(self, request):
        # Each row is titled "email as role" (UserRole.__str__).
        return super().get_queryset(request).select_related("user", "role", "assigned_by")


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    """Accounts. Creation, profile, status, locks and roles go through the services."""

    form = UserChangeForm
    add_form = UserCreationForm
    change_password_form = AdminPasswordChangeForm
    # The seed gives users.view to every role, so the directory is for user managers.
    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.USERS_MANAGE
    audit_exclude = (
        "password",
        "security_stamp",
        "concurrency_stamp",
        "normalized_email",
        "normalized_user_name",
    )
    inlines = (UserRoleInline,)
    list_display = (
        "email",
        "full_name",
        "account_status",
        "roles",
        "is_staff",
        "last_seen_at",
        "date_joined",
    )
    list_filter = (
        "account_status",
        "is_staff",
        "is_superuser",
        "email_confirmed",
        RoleListFilter,
    )
    search_fields = ("email", "first_name", "last_name")
    search_help_text = "Part of the email address, first or last name."
    ordering = ("email",)
    show_full_result_count = False
    filter_horizontal = ("groups", "user_permissions")
    fieldsets = (
        (
            "Identity",
            {
                "fields": (
                    "email",
                    "user_name",
                    "password",
                    "email_confirmed",
                    "phone_number",
                    "phone_number_confirmed",
                )
            },
        ),
        ("Profile (plan 001)", {"fields": (*PROFILE_FIELDS, "last_seen_at")}),
        (
            "Permissions",
            {
                "fields": (
                    "account_status",
                    "status_reason",
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (
            "Security",
            {
                "fields": (
                    "two_factor_enabled",
                    "lockout_enabled",
                    "lockout_end",
                    "access_failed_count",
                    "last_login",
                    "date_joined",
                )
            },
        ),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "first_name",
                    "last_name",
                    "role",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    # Lock state changes through the lock and unlock actions, which audit them.
    base_readonly_fields = (
        "is_active",
        "last_seen_at",
        "two_factor_enabled",
        "lockout_enabled",
        "lockout_end",
        "access_failed_count",
        "last_login",
        "date_joined",
    )
    # Only a superuser hands out admin powers.
    superuser_only_fields = ("is_staff", "is_superuser", "groups", "user_permissions")
    actions = (
        "suspend_users",
        "reactivate_users",
        "deactivate_users",
        "lock_users",
        "unlock_users",
        "revoke_user_sessions",
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "user_roles",
                    queryset=UserRole.objects.effective()
                    .select_related("role")
                    .order_by("-role__level", "role_id"),
                    to_attr="effective_user_roles",
                )
            )
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and str(obj.pk) == SYSTEM_USER_ID:
            # The system user (SCHEMA.md D6) is an attribution, not an account to edit.
            return False
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            # Editing a superuser's email or password would hand over their powers.
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        fields = list(self.base_readonly_fields)
        if not request.user.is_superuser:
            fields.extend(self.superuser_only_fields)
        return fields

    def get_inline_instances(self, request, obj=None):
        # Roles are granted once the account exists (after "Save and continue").
        return [] if obj is None else super().get_inline_instances(request, obj)

    @admin.display(description="name", ordering="last_name")
    def full_name(self, obj: User) -> str:
        return obj.full_name

    @admin.display(description="roles")
    def roles(self, obj: User) -> str:
        assignments = getattr(obj, "effective_user_roles", None)
        if assignments is None:
            return ""
        return ", ".join(str(a.role) for a in assignments)

    # -- saving -----------------------------------------------------------------------------
    def audit_skip_fields(self, request, obj, form):
        return form.service_fields() if isinstance(form, UserChangeForm) else set()

    def save_model(self, request, obj, form, change):
        if not change:
            adopt_saved(obj, form.create())
            return
        handled = form.service_fields()
        calls = form.service_calls()
        if handled:
            # The services change these from the stored values; the plain save keeps them.
            stored = User.objects.get(pk=obj.pk)
            for name in handled:
                setattr(obj, name, getattr(stored, name))
        super().save_model(request, obj, form, change)
        for call in calls:
            call(obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is not UserRole:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row_form, call in formset.service_calls(form.instance):
            assignment = call()
            if row_form.instance.pk is None:
                formset.new_objects.append(assignment)
            else:
                formset.changed_objects.append((assignment, row_form.changed_data))
        return None

    # -- actions ----------------------------------------------------------------------------
    @admin.action(description="Suspend selected accounts…", permissions=["change"])
    def suspend_users(self, request, queryset):
        def apply(data):
            call_for_each(
                request,
                queryset,
                lambda user: user_suspend(actor=request.user, user=user, reason=data["reason"]),
                done="Suspended {count} account(s); their sessions were ended.",
            )

        return action_form_page(
            self,
            request,
            queryset,
            form_class=SuspendForm,
            title="Suspend accounts",
            intro="Suspended accounts cannot sign in and lose every session.",
            submit_label="Suspend",
            on_valid=apply,
            action="suspend_users",
        )

    @admin.action(description="Reactivate selected accounts", permissions=["change"])
    def reactivate_users(self, request, queryset):
        call_for_each(
            request,
            queryset,
            lambda user: user_reactivate(actor=request.user, user=user),
            done="Reactivated {count} account(s).",
        )

    @admin.action(description="Deactivate selected accounts", permissions=["change"])
    def deactivate_users(self, request, queryset):
        call_for_each(
            request,
            queryset,
            lambda user: user_deactivate(actor=request.user, user=user),
            done="Deactivated {count} account(s); their sessions were ended.",
        )

    @admin.action(description="Lock sign-in of selected accounts…", permissions=["change"])
    def lock_users(self, request, queryset):
        def apply(data):
            until = data["lock_until"]
            call_for_each(
                request,
                queryset,
                lambda user: user_lock(actor=request.user, user=user, until=until),
                done="Locked {count} account(s) until " + f"{until:%Y-%m-%d %H:%M %Z}.",
            )

        return action_form_page(
            self,
            request,
            queryset,
            form_class=LockForm,
            title="Lock sign-in",
            intro="Locked accounts cannot sign in until the lock ends.",
            submit_label="Lock",
            on_valid=apply,
            action="lock_users",
        )

    @admin.action(description="Unlock selected accounts", permissions=["change"])
    def unlock_users(self, request, queryset):
        call_for_each(
            request,
            queryset,
            lambda user: user_unlock(actor=request.user, user=user),
            done="Unlocked {count} account(s).",
        )

    @admin.action(description="Revoke all sessions of selected accounts…", permissions=["change"])
    def revoke_user_sessions(self, request, queryset):
        def apply(data):
            total = 0
            for user in queryset:
                try:
                    total += user_sessions_staff_revoke(
                        actor=request.user, user=user, reason=data["reason"]
                    )
                except SERVICE_ERRORS as exc:
                    message_service_error(request, exc, prefix=f"{user.email}: ")
            messages.success(request, f"Ended {total} session(s).")

        return action_form_page(
            self,
            request,
            queryset,
            form_class=RevokeSessionsForm,
            title="Revoke all sessions",
            intro="These accounts are signed out on every device at once.",
            submit_label="Revoke sessions",
            on_valid=apply,
            action="revoke_user_sessions",
        )


# Django's permission groups decide what staff may do in this admin, so their changes are
# audited like every other admin change.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedModelAdmin, DjangoGroupAdmin):
    """Django permission groups (admin access), audited."""


# --- Roles and permissions ---------------------------------------------------------------


class RolePermissionInline(ServiceInlineMixin, admin.TabularInline):
    """A role's permissions: added rows are granted, deleted rows revoked (via services)."""

    model = RolePermission
    form = RolePermissionInlineForm
    formset = RolePermissionInlineFormSet
    extra = 0
    fields = ("permission", "granted_at", "granted_by")
    readonly_fields = ("granted_at", "granted_by")
    verbose_name = "permission"
    verbose_name_plural = "permissions"

    def get_queryset(self, request):
        # Each row is titled "role → permission" (RolePermission.__str__).
        return super().get_queryset(request).select_related("role", "permission", "granted_by")


@admin.register(Role)
class RoleAdmin(AuditedModelAdmin):
    """Roles with their permissions. System roles cannot be deleted or renamed."""

    form = RoleForm
    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    inlines = (RolePermissionInline,)
    list_display = (
        "name",
        "level",
        "max_users",
        "active_assignments",
        "is_system_role",
        "description",
    )
    list_filter = ("is_system_role",)
    search_fields = ("name", "description")
    ordering = ("-level", "normalized_name")
    fields = ("name", "level", "max_users", "description", "is_system_role")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                active_assignment_count=Count(
                    "user_roles", filter=_effective_q("user_roles__"), distinct=True
                )
            )
        )

    @admin.display(description="active users", ordering="active_assignment_count")
    def active_assignments(self, obj: Role) -> int:
        return obj.active_assignment_count

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_system_role:
            return ("is_system_role", "name")
        return ("is_system_role",)

    def get_inline_instances(self, request, obj=None):
        return [] if obj is None else super().get_inline_instances(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_system_role:
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Ended assignments and permission grants go with the role (role_delete decides, and
        # refuses while anyone holds it); their own admins only forbid deleting them singly.
        cascaded = {str(UserRole._meta.verbose_name), str(RolePermission._meta.verbose_name)}
        perms_needed = {name for name in perms_needed if str(name) not in cascaded}
        return deleted, model_count, perms_needed, protected

    def save_model(self, request, obj, form, change):
        call = form.save_call()
        if call is None:
            return
        role = call()
        if change:
            obj.refresh_from_db()
        else:
            adopt_saved(obj, role)

    def save_formset(self, request, form, formset, change):
        if formset.model is not RolePermission:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row_form, call in formset.service_calls(form.instance):
            result = call()
            if row_form.instance.pk is None:
                formset.new_objects.append(result)
            else:
                formset.deleted_objects.append(row_form.instance)
        return None

    def delete_model(self, request, obj):
        role_delete(actor=request.user, role=obj)


@admin.register(Permission)
class PermissionAdmin(AuditedModelAdmin):
    """Permission names. System permissions cannot be deleted or renamed."""

    form = PermissionForm
    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("name", "category", "description", "is_system_permission", "created_at")
    list_filter = ("category", "is_system_permission")
    search_fields = ("name", "description")
    ordering = ("name",)
    fields = ("name", "category", "description", "is_system_permission", "created_at")

    def get_readonly_fields(self, request, obj=None):
        fields = ["is_system_permission", "created_at"]
        if obj is not None and obj.is_system_permission:
            fields.append("name")
        return fields

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_system_permission:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            # No service edits a permission's text; the admin saves and audits it.
            super().save_model(request, obj, form, change)
            return
        adopt_saved(obj, form.create())

    def delete_model(self, request, obj):
        permission_delete(actor=request.user, permission=obj)


class ExpiredListFilter(admin.SimpleListFilter):
    title = "expiry"
    parameter_name = "expired"

    def lookups(self, request, model_admin):
        return (("yes", "Expired"), ("no", "Not expired"))

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(expires_at__lte=now)
        if self.value() == "no":
            return queryset.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        return queryset


@admin.register(UserRole)
class UserRoleAdmin(AuditedModelAdmin):
    """Role assignments: granted and revoked through the services, never deleted."""

    form = UserRoleForm
    rbac_view_permission = PermissionName.USERS_MANAGE
    rbac_change_permission = PermissionName.USERS_MANAGE
    list_display = (
        "user",
        "role",
        "is_active",
        "is_effective_now",
        "expires_at",
        "assigned_by",
        "assigned_at",
    )
    list_select_related = ("user", "role", "assigned_by")
    list_filter = ("role", "is_active", ExpiredListFilter)
    search_fields = ("user__email", "role__name")
    autocomplete_fields = ("user",)
    ordering = ("-assigned_at",)
    actions = ("revoke_assignments",)

    def get_queryset(self, request):
        # The change page's heading and messages name the assignment by email and role.
        return super().get_queryset(request).select_related("user", "role")

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "role", "expires_at", "notes")
        return ("user", "role", "is_active", "expires_at", "notes", "assigned_by", "assigned_at")

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else ("assigned_by", "assigned_at")

    @admin.display(description="effective", boolean=True)
    def is_effective_now(self, obj: UserRole) -> bool:
        return obj.is_effective()

    def has_delete_permission(self, request, obj=None):
        # The row is the record of the grant; revoking ends it instead.
        return False

    def save_model(self, request, obj, form, change):
        call = form.service_call()
        if call is None:
            return
        assignment = call()
        if change:
            obj.refresh_from_db()
        else:
            adopt_saved(obj, assignment)

    def save_related(self, request, form, formsets, change):
        # Nothing related to save; the service call in save_model wrote the audit row.
        return None

    @admin.action(description="Revoke selected assignments", permissions=["change"])
    def revoke_assignments(self, request, queryset):
        call_for_each(
            request,
            queryset.filter(is_active=True),
            lambda assignment: user_role_revoke(actor=request.user, user_role=assignment),
            done="Revoked {count} assignment(s).",
        )


# --- Sessions and sign-in attempts -------------------------------------------------------


@admin.register(UserSession)
class UserSessionAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Signed-in devices. Token digests are never shown; the prefix identifies a session."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = (
        "token_prefix",
        "user",
        "is_active",
        "created_at",
        "last_activity_at",
        "expires_at",
        "end_reason",
        "ip_address",
        "device_info",
    )
    list_select_related = ("user",)
    list_filter = ("is_active", "end_reason", "created_at")
    search_fields = ("user__email", "=token_prefix", "ip_address")
    search_help_text = "Part of the user's email or an IP address, or an exact token prefix."
    date_hierarchy = "created_at"
    ordering = ("-last_activity_at",)
    show_full_result_count = False
    fields = (
        "id",
        "user",
        "token_prefix",
        "is_active",
        "created_at",
        "last_activity_at",
        "expires_at",
        "ended_at",
        "end_reason",
        "replaced_by_session",
        "ip_address",
        "user_agent",
        "device_info",
        "location",
    )
    readonly_fields = fields
    actions = ("revoke_sessions",)

    def get_queryset(self, request):
        # Sessions are named by token prefix and owner's email (the confirmation step too).
        return super().get_queryset(request).select_related("user")

    def has_revoke_permission(self, request):
        return actor_may(request.user, PermissionName.USERS_MANAGE) or (
            request.user.has_perm("accounts.change_usersession")
        )

    @admin.action(description="Revoke selected sessions…", permissions=["revoke"])
    def revoke_sessions(self, request, queryset):
        active = queryset.filter(is_active=True)

        def apply(data):
            call_for_each(
                request,
                active,
                lambda session: user_session_staff_revoke(
                    actor=request.user, session=session, reason=data["reason"]
                ),
                done="Revoked {count} session(s).",
            )

        return action_form_page(
            self,
            request,
            active,
            form_class=RevokeSessionsForm,
            title="Revoke sessions",
            intro="Each device below is signed out at once.",
            submit_label="Revoke sessions",
            on_valid=apply,
            action="revoke_sessions",
        )


@admin.register(LoginAttempt)
class LoginAttemptAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Every sign-in attempt, read-only."""

    rbac_view_permission = PermissionName.USERS_MANAGE
    list_display = ("attempted_at", "email", "ip_address", "success", "failure_reason")
    list_filter = ("success", "failure_reason", "attempted_at")
    search_fields = ("email", "ip_address")
    search_help_text = "Part of the email address or IP address."
    date_hierarchy = "attempted_at"
    ordering = ("-attempted_at",)
    show_full_result_count = False
    fields = ("attempted_at", "email", "ip_address", "user_agent", "success", "failure_reason")
    readonly_fields = fields


# --- KYC review queue ----------------------------------------------------------------------


class KycQueueFilter(ReviewQueueFilter):
    """The review queue (Pending and InReview) unless a status or "all" is chosen."""

    queue_statuses = tuple(KYC_QUEUE_STATUSES)
    all_label = "All cases"


class KycDocumentInline(admin.TabularInline):
    """The case's documents, read-only; a file opens only once it may be served."""

    model = KycDocument
    extra = 0
    can_delete = False
    fields = (
        "document_type",
        "side",
        "status",
        "file_name",
        "file_type",
        "file_size",
        "file_link",
        "issuing_country",
        "document_number_last4",
        "document_expires_on",
        "uploaded_at",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("file")

    def has_view_permission(self, request, obj=None):
        return kyc_actor_is_reviewer(actor=request.user) or super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="file name")
    def file_name(self, obj: KycDocument) -> str:
        return obj.file.original_file_name

    @admin.display(description="type")
    def file_type(self, obj: KycDocument) -> str:
        return obj.file.content_type

    @admin.display(description="size")
    def file_size(self, obj: KycDocument) -> str:
        return filesizeformat(obj.file.size_bytes)

    @admin.display(description="file")
    def file_link(self, obj: KycDocument):
        stored = obj.file
        if not stored.is_servable:
            return f"not available (scan {stored.scan_status})"
        url = reverse("admin:accounts_kycverification_document", args=[obj.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">open</a>', url)


class KycReviewEventInline(admin.TabularInline):
    """The case's history of status changes, read-only."""

    model = KycReviewEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "from_status", "to_status", "actor", "comment")
    readonly_fields = fields
    verbose_name = "review event"
    verbose_name_plural = "review history"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    def has_view_permission(self, request, obj=None):
        return kyc_actor_is_reviewer(actor=request.user) or super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# What a decision did, by the status the case ended in: said in words, never the stored value.
KYC_OUTCOME_MESSAGES = {
    KycStatus.IN_REVIEW: "Review started.",
    KycStatus.APPROVED: "Approved: the applicant is verified.",
    KycStatus.REJECTED: "Rejected for good: the case is closed.",
    KycStatus.RESUBMISSION_REQUESTED: (
        "Sent back for resubmission: the applicant may upload their documents again."
    ),
}

# Decisions a reviewer can take on one case: the form they fill in and the service call.
KYC_DECISIONS: dict[str, dict[str, Any]] = {
    "start": {
        "label": "Start review",
        "title": "Start the review",
        "form": None,
        "statuses": (KycStatus.PENDING,),
        "call": lambda actor, case, data: kyc_review_start(actor=actor, verification=case),
    },
    "approve": {
        "label": "Approve",
        "title": "Approve",
        "form": KycApproveForm,
        "statuses": KYC_QUEUE_STATUSES,
        "call": lambda actor, case, data: kyc_approve(
            actor=actor, verification=case, comment=data.get("comment", "")
        ),
    },
    "reject": {
        "label": "Reject",
        # The form offers Retry (the default) as well as Final, so the page says both.
        "title": "Reject or send back",
        "submit": "Save decision",
        "form": KycRejectForm,
        "statuses": KYC_QUEUE_STATUSES,
        "call": lambda actor, case, data: kyc_reject(
            actor=actor,
            verification=case,
            reason=data["reason"],
            reject_type=data["reject_type"],
            labels=data["labels"],
            internal_comment=data.get("internal_comment", ""),
        ),
    },
    "resubmit": {
        "label": "Request resubmission",
        "title": "Request resubmission",
        "form": KycResubmissionForm,
        "statuses": KYC_QUEUE_STATUSES,
        "call": lambda actor, case, data: kyc_request_resubmission(
            actor=actor, verification=case, reason=data["reason"], labels=data["labels"]
        ),
    },
}

NOT_A_REVIEWER = "Reviewing KYC cases needs the kyc.review permission."


@admin.register(KycVerification)
class KycVerificationAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """The KYC review queue: oldest submission first; decisions go through the services."""

    rbac_view_permission = PermissionName.KYC_REVIEW
    change_form_template = "admin/accounts/kycverification/change_form.html"
    list_display = (
        "submitted_at",
        "user_email",
        "provider",
        "status",
        "level",
        "attempt_number",
        "document_count",
        "review_started_at",
        "reviewed_by",
    )
    list_select_related = ("user", "service_provider", "reviewed_by")
    list_filter = (KycQueueFilter, "status", "level", "vendor", "submitted_at")
    search_fields = ("user__email", "legal_last_name", "service_provider__business_name", "=id")
    search_help_text = "Part of the applicant's email, legal last name or business name."
    ordering = ("submitted_at", "id")
    show_full_result_count = False
    inlines = (KycDocumentInline, KycReviewEventInline)
    actions = ("start_review", "approve", "reject", "request_resubmission")
    fieldsets = (
        (
            "Case",
            {
                "fields": (
                    "id",
                    "user",
                    "service_provider",
                    "status",
                    "level",
                    "attempt_number",
                    "vendor",
                    "vendor_applicant_id",
                )
            },
        ),
        (
            "Applicant",
            {"fields": ("legal_first_name", "legal_last_name", "date_of_birth", "country_code")},
        ),
        (
            "Review",
            {
                "fields": (
                    "submitted_at",
                    "review_started_at",
                    "reviewed_at",
                    "reviewed_by",
                    "auto_approved",
                    "reject_type",
                    "reject_labels",
                    "applicant_comment",
                    "internal_comment",
                    "expires_at",
                )
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(documents_total=Count("documents"))

    @admin.display(description="applicant", ordering="user__email")
    def user_email(self, obj: KycVerification) -> str:
        return obj.user.email

    @admin.display(description="provider", ordering="service_provider__business_name")
    def provider(self, obj: KycVerification) -> str:
        return obj.service_provider.business_name if obj.service_provider else "-"

    @admin.display(description="documents", ordering="documents_total")
    def document_count(self, obj: KycVerification) -> int:
        return obj.documents_total

    def get_urls(self):
        return [
            path(
                "<path:object_id>/decide/<str:decision>/",
                self.admin_site.admin_view(self.decision_view),
                name="accounts_kycverification_decide",
            ),
            path(
                "document/<uuid:document_id>/file/",
                self.admin_site.admin_view(self.document_file_view),
                name="accounts_kycverification_document",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        case = self.get_object(request, unquote(object_id))
        decisions = []
        if case is not None and kyc_actor_is_reviewer(actor=request.user):
            for key, spec in KYC_DECISIONS.items():
                if case.status in spec["statuses"]:
                    url = reverse("admin:accounts_kycverification_decide", args=[case.pk, key])
                    decisions.append({"url": url, "label": spec["label"]})
        extra_context["kyc_decisions"] = decisions
        return super().change_view(request, object_id, form_url, extra_context)

    # -- one case -----------------------------------------------------------------------------
    def decision_view(self, request, object_id, decision):
        spec = KYC_DECISIONS.get(decision)
        case = self.get_object(request, unquote(object_id))
        if spec is None or case is None:
            raise Http404("No such KYC case or decision.")
        if not self.has_view_permission(request, case):
            raise PermissionDenied
        change_url = reverse("admin:accounts_kycverification_change", args=[case.pk])
        if not kyc_actor_is_reviewer(actor=request.user):
            messages.error(request, NOT_A_REVIEWER)
            return HttpResponseRedirect(change_url)

        def apply(data):
            with reported_service_errors(request) as failed:
                decided = spec["call"](request.user, case, data)
            if failed:
                return None
            messages.success(request, KYC_OUTCOME_MESSAGES[decided.status])
            return HttpResponseRedirect(change_url)

        response = action_form_page(
            self,
            request,
            [case],
            form_class=spec["form"] or forms.Form,
            title=f"{spec['title']}: {case.user.email}",
            submit_label=spec.get("submit", spec["label"]),
            on_valid=apply,
            cancel_url=change_url,
        )
        if response is None:
            # The service refused; its message is queued. Show the case again.
            return HttpResponseRedirect(change_url)
        return response

    def document_file_view(self, request, document_id):
        """Stream a document's file to a reviewer, once its scan has passed."""
        if not kyc_actor_is_reviewer(actor=request.user):
            raise PermissionDenied
        document = KycDocument.objects.filter(pk=document_id).first()
        if document is None:
            raise Http404("No such document.")
        try:
            stored = stored_file_get_servable(file_id=document.file_id)
        except NotFoundError:
            raise Http404("The file cannot be served (not scanned, deleted or expired).") from None
        handle = storages[stored.storage_backend].open(stored.storage_key, "rb")
        # Images and PDFs open in the browser; anything else downloads, so a file can never
        # run as a page of the admin's origin.
        inline = stored.content_type in ("image/png", "image/jpeg", "application/pdf")
        response = FileResponse(
            handle,
            as_attachment=not inline,
            filename=stored.original_file_name,
            content_type=stored.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response

    # -- bulk actions -------------------------------------------------------------------------
    def _refuse_non_reviewer(self, request) -> bool:
        if kyc_actor_is_reviewer(actor=request.user):
            return False
        messages.error(request, NOT_A_REVIEWER)
        return True

    @admin.action(description="Start review of selected cases")
    def start_review(self, request, queryset):
        if self._refuse_non_reviewer(request):
            return
        call_for_each(
            request,
            queryset,
            lambda case: kyc_review_start(actor=request.user, verification=case),
            done="Started the review of {count} case(s).",
        )

    @admin.action(description="Approve selected cases")
    def approve(self, request, queryset):
        if self._refuse_non_reviewer(request):
            return
        call_for_each(
            request,
            queryset,
            lambda case: kyc_approve(actor=request.user, verification=case),
            done="Approved {count} case(s).",
        )

    @admin.action(description="Reject selected cases…")
    def reject(self, request, queryset):
        if self._refuse_non_reviewer(request):
            return None

        def apply(data):
            final = data["reject_type"] == KycRejectType.FINAL
            call_for_each(
                request,
                queryset,
                lambda case: kyc_reject(
                    actor=request.user,
                    verification=case,
                    reason=data["reason"],
                    reject_type=data["reject_type"],
                    labels=data["labels"],
                    internal_comment=data.get("internal_comment", ""),
                ),
                done=(
                    "Rejected {count} case(s) for good: closed."
                    if final
                    else "Sent {count} case(s) back for resubmission."
                ),
            )

        return action_form_page(
            self,
            request,
            queryset.select_related("user"),
            form_class=KycRejectForm,
            title="Reject or send back KYC cases",
            intro="The reason is shown to the applicant.",
            submit_label="Save decision",
            on_valid=apply,
            action="reject",
        )

    @admin.action(description="Request resubmission of selected cases…")
    def request_resubmission(self, request, queryset):
        if self._refuse_non_reviewer(request):
            return None

        def apply(data):
            call_for_each(
                request,
                queryset,
                lambda case: kyc_request_resubmission(
                    actor=request.user,
                    verification=case,
                    reason=data["reason"],
                    labels=data["labels"],
                ),
                done="Requested resubmission of {count} case(s).",
            )

        return action_form_page(
            self,
            request,
            queryset.select_related("user"),
            form_class=KycResubmissionForm,
            title="Request resubmission",
            intro="The reason is shown to the applicant, who can upload again.",
            submit_label="Request resubmission",
            on_valid=apply,
            action="request_resubmission",
        )


# The address book (plan 016) has its own module. Provider profiles live with the
# scheduling app, which owns the provider concept (scheduling/admin_providers.py).
# Provider credentials and background checks (plan 038) have theirs too.
from . import admin_addresses, admin_verification  # noqa: E402, F401
