"""Forms of the staff admin for accounts: users, roles, assignments and KYC decisions.

A form that stands for a service call checks that call while it validates: the service
runs inside a savepoint that is always rolled back (`service_dry_run`), so a refusal
(a role at or above the actor's level, a full role, a transition the state machine does
not allow) is shown on the form with the input kept, and nothing is written until the
admin saves for real, through the same service.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import timezone

from doggy.admin_mixins import SERVICE_ERRORS, form_add_service_error, service_dry_run
from doggy.core.request_context import current_request

from .choices import AccountStatus, KycRejectType, RoleName
from .models import Permission, Role, RolePermission, User, UserRole
from .services.rbac import (
    ROLE_EDITABLE_FIELDS,
    permission_create,
    role_create,
    role_permission_grant,
    role_permission_revoke,
    role_update,
    roles_grantable_by,
    user_role_grant,
    user_role_revoke,
)
from .services.users import (
    PROFILE_FIELDS,
    user_create,
    user_deactivate,
    user_password_set,
    user_reactivate,
    user_suspend,
    user_update_profile,
)

ServiceCall = Callable[[], Any]

DEFAULT_LOCK_MINUTES = 15


class ServiceCheckedFormMixin:
    """A form whose save is a service call, checked by a dry run while validating.

    The admin sets `actor` (the signed-in staff user) on the form class it builds for
    each request. `service_field_map` renames the service's field names to the form's.
    """

    actor: User | None = None
    service_field_map: dict[str, str] = {}

    def add_service_error(self, exc: Exception) -> None:
        form_add_service_error(self, exc, field_map=self.service_field_map)

    def check_service(self, call: ServiceCall) -> bool:
        """Dry-run `call`; on refusal put the error on the form. True when accepted."""
        try:
            service_dry_run(call)
        except SERVICE_ERRORS as exc:
            self.add_service_error(exc)
            return False
        return True


# --- Users ---------------------------------------------------------------------------------


class UserCreationForm(ServiceCheckedFormMixin, auth_forms.AdminUserCreationForm):
    """Creates an account through `user_create`: email login, optional first role."""

    role = forms.ModelChoiceField(
        queryset=Role.objects.order_by("level", "normalized_name"),
        required=False,
        help_text="Granted through the usual checks: below your own level, within MaxUsers.",
    )
    service_field_map = {"role_name": "role", "password": "password1"}

    class Meta:
        model = User
        fields = ("email", "first_name", "last_name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        grantable = roles_grantable_by(actor=self.actor)
        self.fields["role"].queryset = grantable
        if not self.is_bound:
            self.fields["role"].initial = grantable.filter(
                normalized_name=RoleName.PET_OWNER.upper()
            ).first()

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        role = data.get("role")
        return {
            "email": data["email"],
            "password": data.get("password1") if data.get("set_usable_password") else None,
            "first_name": data.get("first_name") or None,
            "last_name": data.get("last_name") or None,
            "role_name": role.name if role else None,
        }

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        kwargs = self.service_kwargs()
        self.check_service(lambda: user_create(actor=self.actor, **kwargs))

    def create(self) -> User:
        return user_create(actor=self.actor, **self.service_kwargs())


def _account_status_call(
    *, actor: User, old: str, new: str, reason: str
) -> Callable[[User], Any] | None:
    """The service that moves an account from `old` to `new`, or None for a plain edit.

    Suspension, deactivation and reactivation revoke or restore access and so go through
    their services; Pending and Active swap as a plain, audited field change.
    """
    if new == AccountStatus.SUSPENDED:
        return lambda user: user_suspend(actor=actor, user=user, reason=reason)
    if new == AccountStatus.DEACTIVATED:
        return lambda user: user_deactivate(actor=actor, user=user)
    if new == AccountStatus.ACTIVE and old in (AccountStatus.SUSPENDED, AccountStatus.DEACTIVATED):
        return lambda user: user_reactivate(actor=actor, user=user)
    return None


class UserChangeForm(ServiceCheckedFormMixin, auth_forms.UserChangeForm):
    """Edits an account. Profile and status changes go through their services."""

    service_field_map = {"reason": "status_reason"}
    # Declared so the form states its URL scheme (Django 6 changes the default to https).
    profile_image_url = forms.URLField(
        label="Profile image URL",
        required=False,
        max_length=500,
        assume_scheme="https",
        empty_value=None,
    )
    status_reason = forms.CharField(
        label="Reason for the status change",
        required=False,
        max_length=500,
        help_text="Required when suspending; recorded in the audit log.",
    )

    class Meta:
        model = User
        fields = "__all__"

    def profile_changes(self) -> dict[str, Any]:
        return {f: self.cleaned_data[f] for f in PROFILE_FIELDS if f in self.changed_data}

    def status_change(self) -> Callable[[User], Any] | None:
        if "account_status" not in self.changed_data:
            return None
        return _account_status_call(
            actor=self.actor,
            old=self.initial.get("account_status"),
            new=self.cleaned_data["account_status"],
            reason=self.cleaned_data.get("status_reason", ""),
        )

    def service_fields(self) -> set[str]:
        """Model fields this form's save hands to services (the admin saves the rest)."""
        fields = set(self.profile_changes())
        if self.status_change() is not None:
            fields |= {"account_status", "is_active"}
        return fields

    def service_calls(self) -> list[Callable[[User], Any]]:
        calls: list[Callable[[User], Any]] = []
        profile = self.profile_changes()
        if profile:
            calls.append(lambda user: user_update_profile(actor=self.actor, user=user, **profile))
        status = self.status_change()
        if status is not None:
            calls.append(status)
        return calls

    def clean_account_status(self):
        new = self.cleaned_data.get("account_status")
        old = self.initial.get("account_status")
        if new == AccountStatus.PENDING and old in (
            AccountStatus.SUSPENDED,
            AccountStatus.DEACTIVATED,
        ):
            raise forms.ValidationError("Reactivate the account (Active) instead.")
        return new

    def _post_clean(self):
        super()._post_clean()
        if self.errors or self.instance.pk is None:
            return
        calls = self.service_calls()
        if not calls:
            return

        def run():
            # A fresh copy: the services lock and reload the user they are given.
            user = User.objects.get(pk=self.instance.pk)
            for call in calls:
                call(user)

        self.check_service(run)


class AdminPasswordChangeForm(auth_forms.AdminPasswordChangeForm):
    """Django's admin password form, saved through `user_password_set` (which ends the
    user's sessions and audits the change) on behalf of the signed-in staff member."""

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        usable = self.cleaned_data.get("set_usable_password", True)
        password = self.cleaned_data["password1"] if usable else None
        request = current_request()
        user_password_set(actor=getattr(request, "user", None), user=self.user, password=password)
        return self.user


class SuspendForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=500,
        help_text="Recorded in the audit log.",
    )


class RevokeSessionsForm(forms.Form):
    """The confirmation step of revoking sessions: why (kept in the audit log)."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=500,
        help_text="Recorded in the audit log, e.g. a lost phone or a suspected takeover.",
    )


class LockForm(forms.Form):
    """Lock sign-in for some minutes (15 by default) or until a given moment."""

    minutes = forms.IntegerField(
        min_value=1,
        max_value=60 * 24 * 366,
        required=False,
        initial=DEFAULT_LOCK_MINUTES,
        help_text="How long to lock, in minutes.",
    )
    until = forms.SplitDateTimeField(
        required=False,
        widget=forms.SplitDateTimeWidget(date_attrs={"type": "date"}, time_attrs={"type": "time"}),
        help_text="Or lock until this moment (server time zone); it wins over minutes.",
    )

    def clean(self):
        cleaned = super().clean()
        until = cleaned.get("until")
        minutes = cleaned.get("minutes")
        if until is None and not minutes and not self.errors:
            raise forms.ValidationError("Give a number of minutes or an end.")
        if until is None and minutes:
            until = timezone.now() + datetime.timedelta(minutes=minutes)
        if until is not None and until <= timezone.now():
            self.add_error("until", "The lock must end in the future.")
        cleaned["lock_until"] = until
        return cleaned


# --- Roles, permissions and assignments ----------------------------------------------------


class RoleForm(ServiceCheckedFormMixin, forms.ModelForm):
    """Creates a role through `role_create`, edits one through `role_update`."""

    class Meta:
        model = Role
        fields = ("name", "level", "max_users", "description")

    def changes(self) -> dict[str, Any]:
        return {
            f: self.cleaned_data[f]
            for f in ROLE_EDITABLE_FIELDS
            if f in self.changed_data and f in self.cleaned_data
        }

    def save_call(self) -> Callable[[], Role] | None:
        if self.instance.pk is None:
            values = {f: self.cleaned_data.get(f) for f in ROLE_EDITABLE_FIELDS}
            values["description"] = values.get("description") or ""
            values = {k: v for k, v in values.items() if k in self.fields}
            return lambda: role_create(actor=self.actor, **values)
        changes = self.changes()
        if not changes:
            return None
        pk = self.instance.pk
        return lambda: role_update(actor=self.actor, role=Role.objects.get(pk=pk), **changes)

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        call = self.save_call()
        if call is not None:
            self.check_service(call)


class PermissionForm(ServiceCheckedFormMixin, forms.ModelForm):
    """New permissions go through `permission_create`; edits are plain audited saves."""

    class Meta:
        model = Permission
        fields = ("name", "description", "category")

    def _post_clean(self):
        super()._post_clean()
        if self.errors or self.instance.pk is not None:
            return
        self.check_service(self.create)

    def create(self) -> Permission:
        data = self.cleaned_data
        return permission_create(
            actor=self.actor,
            name=data["name"],
            category=data["category"],
            description=data.get("description") or None,
        )


class RolePermissionInlineForm(forms.ModelForm):
    class Meta:
        model = RolePermission
        fields = ("permission",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and "permission" in self.fields:
            # A grant is revoked (deleted) and granted anew, never re-pointed.
            self.fields["permission"].disabled = True


def role_permission_form_call(
    form: forms.ModelForm, *, actor: User, role: Role
) -> ServiceCall | None:
    """The grant or revoke a permission row of a role stands for, or None."""
    deleting = form.cleaned_data.get("DELETE", False)
    if form.instance.pk is None:
        permission = form.cleaned_data.get("permission")
        if deleting or permission is None:
            return None
        return lambda: role_permission_grant(actor=actor, role=role, permission=permission)
    if deleting:
        pk = form.instance.pk
        return lambda: role_permission_revoke(
            actor=actor, role_permission=RolePermission.objects.get(pk=pk)
        )
    return None


class RolePermissionInlineFormSet(forms.BaseInlineFormSet):
    """Each added or removed permission is checked by a dry run of its service."""

    actor: User | None = None

    def service_calls(self, role: Role) -> list[tuple[forms.ModelForm, ServiceCall]]:
        calls = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data"):
                continue
            call = role_permission_form_call(form, actor=self.actor, role=role)
            if call is not None:
                calls.append((form, call))
        return calls

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.pk is None:
            return
        _dry_run_formset(self.service_calls(Role.objects.get(pk=self.instance.pk)))


class UserRoleForm(ServiceCheckedFormMixin, forms.ModelForm):
    """A role assignment: added through `user_role_grant`, ended through `user_role_revoke`.

    On a current assignment only `IsActive` can change (clearing it revokes). An ended or
    expired one can be granted again, with a new expiry and notes, by ticking it active.
    """

    class Meta:
        model = UserRole
        fields = ("user", "role", "is_active", "expires_at", "notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            if "role" in self.fields:
                # Only roles the signed-in staff member may grant (Level, users.manage).
                self.fields["role"].queryset = roles_grantable_by(actor=self.actor)
            if "is_active" in self.fields:
                self.fields["is_active"].disabled = True
                self.fields["is_active"].initial = True
            return
        for name in ("user", "role"):
            if name in self.fields:
                self.fields[name].disabled = True
        if self.instance.is_effective():
            for name in ("expires_at", "notes"):
                if name in self.fields:
                    self.fields[name].disabled = True

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        call = self.service_call()
        if call is not None:
            self.check_service(call)

    def service_call(self, user: User | None = None) -> ServiceCall | None:
        return user_role_form_call(self, actor=self.actor, user=user)


def user_role_form_call(
    form: forms.ModelForm, *, actor: User, user: User | None = None
) -> ServiceCall | None:
    """The grant or revoke a role-assignment form stands for, or None when nothing changes."""
    data = form.cleaned_data
    if data.get("DELETE"):
        return None
    if form.instance.pk is None:
        role = data.get("role")
        user = user or data.get("user")
        if role is None or user is None:
            return None
        return lambda: user_role_grant(
            actor=actor,
            user=user,
            role=role,
            expires_at=data.get("expires_at"),
            notes=data.get("notes") or None,
        )
    if not form.has_changed():
        return None
    pk = form.instance.pk
    expires = form.initial.get("expires_at")
    was_effective = bool(form.initial.get("is_active")) and (
        expires is None or expires > timezone.now()
    )
    if was_effective and not data.get("is_active"):
        return lambda: user_role_revoke(actor=actor, user_role=UserRole.objects.get(pk=pk))
    if not was_effective and data.get("is_active"):
        stored = form.instance
        return lambda: user_role_grant(
            actor=actor,
            user=User.objects.get(pk=stored.user_id),
            role=Role.objects.get(pk=stored.role_id),
            expires_at=data.get("expires_at"),
            notes=data.get("notes") or None,
        )
    return None


class UserRoleInlineFormSet(forms.BaseInlineFormSet):
    """Role rows on a user: every grant and revoke is checked by a dry run, together, so
    that two new grants of one role see each other against MaxUsers."""

    actor: User | None = None

    def service_calls(self, user: User) -> list[tuple[forms.ModelForm, ServiceCall]]:
        calls = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data"):
                continue
            call = user_role_form_call(form, actor=self.actor, user=user)
            if call is not None:
                calls.append((form, call))
        return calls

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.pk is None:
            return
        _dry_run_formset(self.service_calls(User.objects.get(pk=self.instance.pk)))


def _dry_run_formset(calls: list[tuple[forms.ModelForm, ServiceCall]]) -> None:
    """Run every call in one rolled-back savepoint; each refusal lands on its own row."""
    failures: list[tuple[forms.ModelForm, Exception]] = []

    def run():
        for form, call in calls:
            try:
                call()
            except SERVICE_ERRORS as exc:
                failures.append((form, exc))

    if calls:
        service_dry_run(run)
    for form, exc in failures:
        form_add_service_error(form, exc)


# --- KYC decisions ---------------------------------------------------------------------------

# The reject labels a reviewer picks from (Sumsub's names), stored as the code on the left.
KYC_REJECT_LABELS = (
    ("DOCUMENT_EXPIRED", "Document expired"),
    ("DOCUMENT_DAMAGED", "Document damaged"),
    ("BLURRY_IMAGE", "Image blurry or unreadable"),
    ("BAD_SELFIE", "Selfie unusable"),
    ("DATA_MISMATCH", "Data does not match the profile"),
    ("INCOMPLETE_DOCUMENT", "Document incomplete (a side or page missing)"),
    ("UNSUPPORTED_DOCUMENT", "Document type not accepted"),
    ("FRAUDULENT", "Suspected forgery or fraud"),
)

# How each way of turning a case down reads on the form, least destructive first.
KYC_REJECT_TYPE_CHOICES = (
    (KycRejectType.RETRY, "Retry: send it back, the applicant may upload again"),
    (KycRejectType.FINAL, "Final: close the case for good"),
)


class _KycLabelsField(forms.MultipleChoiceField):
    """Zero or more labels from `KYC_REJECT_LABELS`, as ticks."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("choices", KYC_REJECT_LABELS)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("help_text", "Tick every label that applies.")
        super().__init__(**kwargs)


class KycApproveForm(forms.Form):
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Optional, recorded with the review event.",
    )


class KycResubmissionForm(forms.Form):
    """Send a case back to the applicant (Retry); the reason is shown to them."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Shown to the applicant: what to fix before resubmitting.",
    )
    labels = _KycLabelsField()

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Give a reason.")
        return reason


class KycRejectForm(KycResubmissionForm):
    """Turn a case down: Retry (the default) asks for a resubmission, Final closes it."""

    # Retry by default: a mistaken Retry costs the applicant an upload, a mistaken Final
    # closes their case.
    reject_type = forms.ChoiceField(
        label="Outcome",
        choices=KYC_REJECT_TYPE_CHOICES,
        initial=KycRejectType.RETRY,
        widget=forms.RadioSelect,
    )
    internal_comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Staff only; never shown to the applicant.",
    )

    field_order = ("reject_type", "reason", "labels", "internal_comment")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = "Shown to the applicant."
