"""Staff screens of the platform app: system settings and stored-file metadata, and the
admin site's own settings ("View site", the page that says access is denied)."""

from __future__ import annotations

from functools import wraps

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse

from doggy.core.permissions import PermissionName

from .admin_mixins import (
    SERVICE_ERRORS,
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
    adopt_saved,
    form_add_service_error,
    service_dry_run,
    service_error_messages,
)
from .choices import SettingDataType
from .models import StoredFile, SystemSetting
from .selectors import setting_display_value
from .services import system_setting_create, system_setting_update, system_setting_validate

_VALUE_WIDGET_ATTRS = {"rows": 3, "cols": 60, "autocomplete": "off"}


class SystemSettingForm(forms.ModelForm):
    """Edits the value of one setting, checked against its DataType and ValidationRule.

    An encrypted value is never sent to the browser: the field starts empty, and leaving
    it empty keeps the stored value.
    """

    value = forms.CharField(
        label="Value",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs=_VALUE_WIDGET_ATTRS),
    )

    class Meta:
        model = SystemSetting
        fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        setting = self.instance
        if setting.is_encrypted:
            self.fields[
                "value"
            ].help_text = "Encrypted: the current value is never shown. Leave empty to keep it."
            self.fields["value"].widget = forms.PasswordInput(
                render_value=False, attrs={"autocomplete": "new-password"}
            )
        else:
            self.initial["value"] = setting.setting_value
            rule = f" It must match: {setting.validation_rule}" if setting.validation_rule else ""
            self.fields["value"].help_text = f"A {setting.data_type} value.{rule}"

    @property
    def keeps_current_value(self) -> bool:
        return self.instance.is_encrypted and self.cleaned_data.get("value", "") == ""

    def clean_value(self):
        value = self.cleaned_data.get("value", "")
        setting = self.instance
        if setting.is_encrypted and value == "":
            return value
        try:
            system_setting_validate(
                data_type=setting.data_type,
                value=value,
                validation_rule=setting.validation_rule,
                is_encrypted=setting.is_encrypted,
            )
        except SERVICE_ERRORS as exc:
            raise forms.ValidationError(service_error_messages(exc)) from None
        return value


class SystemSettingCreationForm(forms.ModelForm):
    """Defines a new setting through `system_setting_create` (checked by a dry run)."""

    value = forms.CharField(
        label="Value", strip=False, widget=forms.Textarea(attrs=_VALUE_WIDGET_ATTRS)
    )
    actor = None
    service_field_map = {"setting_value": "value"}

    class Meta:
        model = SystemSetting
        fields = (
            "setting_key",
            "data_type",
            "category",
            "description",
            "validation_rule",
            "is_user_editable",
            "is_encrypted",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["data_type"].initial = SettingDataType.STRING

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "key": data["setting_key"],
            "value": data["value"],
            "data_type": data["data_type"],
            "category": data["category"],
            "description": data.get("description") or None,
            "is_user_editable": data.get("is_user_editable", False),
            "is_encrypted": data.get("is_encrypted", False),
            "validation_rule": data.get("validation_rule") or None,
        }

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            service_dry_run(lambda: self.create())
        except SERVICE_ERRORS as exc:
            form_add_service_error(self, exc, field_map=self.service_field_map)

    def create(self) -> SystemSetting:
        return system_setting_create(actor=self.actor, **self.service_kwargs())


@admin.register(SystemSetting)
class SystemSettingAdmin(AuditedModelAdmin):
    """Platform settings. Values are validated and saved by `doggy.services`."""

    form = SystemSettingForm
    add_form = SystemSettingCreationForm
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    rbac_change_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "setting_key",
        "display_value",
        "data_type",
        "category",
        "is_user_editable",
        "is_encrypted",
        "updated_at",
        "updated_by",
    )
    list_select_related = ("updated_by",)
    list_filter = ("category", "data_type", "is_user_editable", "is_encrypted")
    search_fields = ("setting_key", "description")
    ordering = ("setting_key",)
    readonly_fields = (
        "setting_key",
        "data_type",
        "category",
        "description",
        "is_user_editable",
        "is_encrypted",
        "validation_rule",
        "updated_at",
        "updated_by",
    )
    fieldsets = (
        (None, {"fields": ("setting_key", "value")}),
        (
            "Definition",
            {
                "fields": (
                    "data_type",
                    "category",
                    "description",
                    "validation_rule",
                    "is_user_editable",
                    "is_encrypted",
                )
            },
        ),
        ("Last change", {"fields": ("updated_at", "updated_by")}),
    )

    @admin.display(description="value")
    def display_value(self, obj: SystemSetting) -> str:
        value = setting_display_value(obj)
        return value if len(value) <= 80 else value[:77] + "..."

    @admin.display(description="value")
    def value(self, obj: SystemSetting) -> str:
        # Shown when the form is read-only (rows the viewer may not change).
        return setting_display_value(obj)

    add_fieldsets = (
        (
            None,
            {
                "fields": (
                    "setting_key",
                    "value",
                    "data_type",
                    "category",
                    "description",
                    "validation_rule",
                    "is_user_editable",
                    "is_encrypted",
                )
            },
        ),
    )

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, change=change, **kwargs)

    def has_add_permission(self, request):
        # New keys are a deployment matter; only superusers define them here.
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        # Code reads settings by key; a missing row silently falls back to a default.
        return False

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # Rows that are not IsUserEditable belong to superusers (SCHEMA.md 2.4).
        return obj is None or obj.is_user_editable or request.user.is_superuser

    def save_model(self, request, obj, form, change):
        """Save through the services, which validate, encrypt, audit and clear the cache."""
        if not change:
            adopt_saved(obj, form.create())
            return
        if form.keeps_current_value:
            return
        system_setting_update(
            actor=request.user, key=obj.setting_key, value=form.cleaned_data["value"]
        )
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # No related rows; the service wrote the audit row.
        return None


@admin.register(StoredFile)
class StoredFileAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """Metadata of stored blobs; the bytes are never shown here."""

    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "original_file_name",
        "purpose",
        "content_type",
        "size",
        "scan_status",
        "upload_status",
        "visibility",
        "owner",
        "created_at",
    )
    list_select_related = ("owner",)
    list_filter = ("purpose", "scan_status", "visibility", "upload_status", "created_at")
    search_fields = ("original_file_name", "=checksum_sha256", "=id")
    search_help_text = "Part of the original name, or an exact checksum or id."
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    show_full_result_count = False
    fields = (
        "id",
        "owner",
        "purpose",
        "original_file_name",
        "content_type",
        "size",
        "checksum_sha256",
        "width",
        "height",
        "duration_seconds",
        "visibility",
        "upload_status",
        "scan_status",
        "scanned_at",
        "storage_backend",
        "storage_key",
        "metadata",
        "created_at",
        "deleted_at",
        "expires_at",
    )
    readonly_fields = fields

    @admin.display(description="size", ordering="size_bytes")
    def size(self, obj: StoredFile) -> str:
        return filesizeformat(obj.size_bytes)


# --- The site ------------------------------------------------------------------------------

# The backend has no public pages: "View site" opens the API documentation.
admin.site.site_url = "/api/docs/"

DENIED_TEMPLATE = "admin/denied.html"
DENIED_MESSAGE = "Your account may not open this page or do this."


def admin_denied_page(request, exc: PermissionDenied) -> TemplateResponse:
    """The admin's own page (header, user tools, sidebar) saying access was refused, 403."""
    request.current_app = admin.site.name
    context = {
        **admin.site.each_context(request),
        "title": "Access denied",
        "reason": str(exc) or DENIED_MESSAGE,
    }
    return TemplateResponse(request, DENIED_TEMPLATE, context, status=403)


def _with_denied_page(admin_view):
    """Wrap `AdminSite.admin_view` so that a view of the site which raises PermissionDenied
    answers with `admin_denied_page` rather than the bare 403 of Django's default handler."""

    @wraps(admin_view)
    def wrapper(view, cacheable=False):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as exc:
                return admin_denied_page(request, exc)

        return admin_view(guarded, cacheable)

    return wrapper


# Every admin URL (the site's and each ModelAdmin's) is built through `admin_view` once the
# URLconf loads, after this module was imported by admin autodiscovery.
admin.site.admin_view = _with_denied_page(admin.site.admin_view)


from . import admin_health, admin_reports  # noqa: E402, F401
