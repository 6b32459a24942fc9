"""Shared building blocks of the staff admin.

`AuditedModelAdmin` is the one base every `ModelAdmin` of the project uses: each admin
add, change and delete that does not go through a service writes an `AuditLogs` row with
the old and new values, inside the same transaction as the change (Django's admin wraps
every change view in `transaction.atomic`). Admins whose writes go through services
override the corresponding hook and let the service write the audit row instead.

The helpers below turn service errors (`ApplicationError`, `ValidationError`) into admin
messages and form errors, so that a refused operation never becomes a 500.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from audit.choices import AuditAction, Severity
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError
from doggy.core.permissions import actor_may

T = TypeVar("T")

# Service failures that the admin reports to the user instead of raising.
SERVICE_ERRORS = (ApplicationError, ValidationError)

_PENDING_ATTR = "_doggy_audit_pending"


# --- Service errors ------------------------------------------------------------------------


def service_error_messages(exc: Exception) -> list[str]:
    """Human-readable messages of an `ApplicationError` or a Django `ValidationError`."""
    if isinstance(exc, ApplicationError):
        found = [exc.message]
        for errors in exc.fields.values():
            found.extend(str(error) for error in errors if str(error) not in found)
        return found
    if isinstance(exc, ValidationError):
        return [str(message) for message in exc.messages]
    return [str(exc)]


def form_add_service_error(
    form: forms.BaseForm, exc: Exception, *, field_map: dict[str, str] | None = None
) -> None:
    """Attach a service error to `form`: on the field it names when the form has it.

    `field_map` renames the service's field names to the form's (`role_name` → `role`).
    """
    field_map = field_map or {}

    def target(name: str) -> str | None:
        name = field_map.get(name, name)
        return name if name in form.fields else None

    if isinstance(exc, ApplicationError):
        placed = False
        for field, errors in exc.fields.items():
            name = target(field)
            if name is not None:
                for error in errors:
                    form.add_error(name, error)
                placed = True
        if not placed:
            form.add_error(None, exc.message)
        return
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            name = target(field)
            for error in errors:
                form.add_error(name, error)
        return
    if isinstance(exc, ValidationError):
        form.add_error(None, exc)
        return
    form.add_error(None, str(exc))


def message_service_error(request: HttpRequest, exc: Exception, *, prefix: str = "") -> None:
    for text in service_error_messages(exc):
        messages.error(request, f"{prefix}{text}" if prefix else text)


@contextmanager
def reported_service_errors(request: HttpRequest, *, prefix: str = "") -> Iterator[list]:
    """Run a service call; an `ApplicationError`/`ValidationError` becomes an admin message.

    The yielded list receives the exception, so the caller can tell success from failure.
    The failed call's own atomic block has already rolled its writes back.
    """
    failures: list[Exception] = []
    try:
        yield failures
    except SERVICE_ERRORS as exc:
        failures.append(exc)
        message_service_error(request, exc, prefix=prefix)


class _DryRunRollback(Exception):
    """Raised inside `service_dry_run` only to roll its savepoint back."""


def service_dry_run(call: Callable[[], Any]) -> None:
    """Run a service call and roll back everything it wrote, raising what it raised.

    Forms use it to learn whether a service accepts an operation before the admin saves
    anything, so that a refusal is shown on the form with the input intact. The
    savepoint also discards the call's audit rows and `on_commit` callbacks.
    """
    try:
        with transaction.atomic():
            call()
            raise _DryRunRollback
    except _DryRunRollback:
        return


# --- Saving through services ----------------------------------------------------------------


class ServiceSaveAdminMixin:
    """An admin whose add and change screens write through the app's services.

    Subclasses name the form fields the services accept (`service_fields`) and implement
    `service_create(request, data)` (returning the new row) and
    `service_update(request, obj, data)` (`obj` is the stored row, `data` only the changed
    fields). The form first dry-runs the call, so a refusal is shown on the form with the
    input intact; then `save_model` makes the real call. The services write the audit
    rows, so `AuditedModelAdmin` (listed after this mixin) writes none of its own.
    """

    service_fields: tuple[str, ...] = ()

    def service_create(self, request: HttpRequest, data: dict[str, Any]) -> models.Model:
        raise NotImplementedError

    def service_update(self, request: HttpRequest, obj: models.Model, data: dict[str, Any]):
        raise NotImplementedError

    def _service_data(self, form: forms.ModelForm, change: bool) -> dict[str, Any]:
        names = form.changed_data if change else list(form.cleaned_data)
        return {name: form.cleaned_data[name] for name in names if name in self.service_fields}

    def _service_call(self, request, obj, form, change: bool) -> Callable[[], Any]:
        data = self._service_data(form, change)
        if not change:
            return lambda: self.service_create(request, data)
        stored = type(obj)._default_manager.get(pk=obj.pk)
        return lambda: self.service_update(request, stored, data) if data else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ServiceCheckedForm(form_class):
            def clean(self):
                cleaned = super().clean()
                if not self.errors:
                    call = model_admin._service_call(request, self.instance, self, change)
                    try:
                        service_dry_run(call)
                    except SERVICE_ERRORS as exc:
                        form_add_service_error(self, exc)
                return cleaned

        return ServiceCheckedForm

    def save_model(self, request, obj, form, change):
        saved = self._service_call(request, obj, form, change)()
        if change:
            obj.refresh_from_db()
        else:
            adopt_saved(obj, saved)


# --- Auditing ------------------------------------------------------------------------------


def audit_field_names(model: type[models.Model], exclude: Iterable[str] = ()) -> list[str]:
    """Concrete, non-m2m fields of `model` by name, without those in `exclude`."""
    skipped = set(exclude)
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.name not in skipped and not field.many_to_many
    ]


def _diff(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    changed = [key for key in new if old.get(key) != new.get(key)]
    return {k: old.get(k) for k in changed}, {k: new.get(k) for k in changed}


class AuditedModelAdmin(admin.ModelAdmin):
    """A `ModelAdmin` whose adds, changes and deletes each write one audit row.

    Rows carry `Create`/`Update`/`Delete`, the entity, and the old and new values: the
    full snapshot on create and delete, only the changed fields on update (many-to-many
    fields as sorted id lists). Secrets are masked by `audit_log_record`; list further
    fields in `audit_mask` and fields that must never be snapshotted in `audit_exclude`.

    Also maps admin access onto the plan's RBAC names: `rbac_view_permission` grants the
    view screens and `rbac_change_permission` the add/change screens to staff holding
    that permission, besides Django's own model permissions. Deleting is never granted
    through RBAC.
    """

    audit_exclude: tuple[str, ...] = ()
    audit_mask: tuple[str, ...] = ()
    rbac_view_permission: str | None = None
    rbac_change_permission: str | None = None

    # -- permissions ------------------------------------------------------------------------
    def has_module_permission(self, request):
        return (
            super().has_module_permission(request)
            or self._has_rbac(request, self.rbac_view_permission)
            or self._has_rbac(request, self.rbac_change_permission)
        )

    def has_view_permission(self, request, obj=None):
        return (
            super().has_view_permission(request, obj)
            or self._has_rbac(request, self.rbac_view_permission)
            or self._has_rbac(request, self.rbac_change_permission)
        )

    def has_add_permission(self, request):
        return super().has_add_permission(request) or self._has_rbac(
            request, self.rbac_change_permission
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self._has_rbac(
            request, self.rbac_change_permission
        )

    @staticmethod
    def _has_rbac(request: HttpRequest, name: str | None) -> bool:
        return bool(name) and actor_may(request.user, name)

    # -- snapshots --------------------------------------------------------------------------
    def audit_snapshot(self, obj: models.Model, m2m: Iterable[str] = ()) -> dict[str, Any]:
        snapshot = model_snapshot(obj, audit_field_names(type(obj), self.audit_exclude))
        for name in m2m:
            snapshot[name] = sorted(
                str(pk) for pk in getattr(obj, name).values_list("pk", flat=True)
            )
        return snapshot

    def _form_m2m_fields(self, obj: models.Model, form) -> list[str]:
        if form is None:
            return []
        names = {field.name for field in obj._meta.many_to_many}
        return [name for name in form.fields if name in names and name not in self.audit_exclude]

    def audit_record(
        self,
        request: HttpRequest,
        *,
        action: str,
        obj: models.Model,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
        entity_id: Any = None,
        severity: str = Severity.INFO,
    ) -> None:
        audit_log_record(
            actor=request.user,
            action=action,
            target=obj,
            entity_id=entity_id,
            old=old,
            new=new,
            severity=severity,
            mask=self.audit_mask,
        )

    # -- forms ------------------------------------------------------------------------------
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            # Explicit, so the form does not depend on Django's changing default scheme.
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A fresh class per call (modelform_factory), so this never leaks across requests.
        form.actor = request.user
        return form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Django's change view; a service refusal that the form's dry run could not
        foresee (a concurrent change) becomes a message, after a full rollback."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except SERVICE_ERRORS as exc:
            message_service_error(request, exc)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        """Django's delete view; a service refusal (a role still in use, a system row)
        becomes a message on the object's page, after a full rollback."""
        try:
            return super().delete_view(request, object_id, extra_context)
        except SERVICE_ERRORS as exc:
            message_service_error(request, exc)
            opts = self.opts
            return HttpResponseRedirect(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[object_id],
                    current_app=self.admin_site.name,
                )
            )

    def changelist_view(self, request, extra_context=None):
        """Django's list; a refused bulk delete becomes a message (nothing was deleted)."""
        try:
            return super().changelist_view(request, extra_context)
        except SERVICE_ERRORS as exc:
            message_service_error(request, exc, prefix="Nothing was changed: ")
            return HttpResponseRedirect(request.get_full_path())

    # -- add / change -----------------------------------------------------------------------
    def audit_skip_fields(self, request, obj, form) -> set[str]:
        """Fields whose change a service saves and audits itself (left out of the row)."""
        return set()

    def save_model(self, request, obj, form, change):
        """Save, remembering the stored values; `save_related` writes the audit row."""
        m2m = self._form_m2m_fields(obj, form)
        old = None
        if change and obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            old = self.audit_snapshot(stored, m2m) if stored is not None else None
        skip = self.audit_skip_fields(request, obj, form)
        super().save_model(request, obj, form, change)
        pending = getattr(request, _PENDING_ATTR, None)
        if pending is None:
            pending = {}
            setattr(request, _PENDING_ATTR, pending)
        pending[id(obj)] = (change, old, m2m, skip)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        pending = getattr(request, _PENDING_ATTR, {})
        if id(obj) not in pending:
            # The subclass saved through a service, which wrote its own audit row.
            return
        was_change, old, m2m, skip = pending.pop(id(obj))
        new = self.audit_snapshot(obj, m2m)
        if was_change and old is not None:
            old_changed, new_changed = _diff(
                {k: v for k, v in old.items() if k not in skip},
                {k: v for k, v in new.items() if k not in skip},
            )
            if new_changed:
                self.audit_record(
                    request, action=AuditAction.UPDATE, obj=obj, old=old_changed, new=new_changed
                )
        else:
            self.audit_record(request, action=AuditAction.CREATE, obj=obj, old=None, new=new)

    def save_formset(self, request, form, formset, change):
        """Save an inline formset, auditing each added, changed and deleted row."""
        model = formset.model
        existing = [f.instance for f in formset.initial_forms if f.instance.pk is not None]
        pks = {id(instance): instance.pk for instance in existing}
        stored = model._default_manager.in_bulk([instance.pk for instance in existing])
        old = {pk: self.audit_snapshot(row) for pk, row in stored.items()}
        formset.save()
        for obj in formset.new_objects:
            self.audit_record(
                request, action=AuditAction.CREATE, obj=obj, old=None, new=self.audit_snapshot(obj)
            )
        for obj, _fields in formset.changed_objects:
            before = old.get(obj.pk, {})
            old_changed, new_changed = _diff(before, self.audit_snapshot(obj))
            if new_changed:
                self.audit_record(
                    request, action=AuditAction.UPDATE, obj=obj, old=old_changed, new=new_changed
                )
        for obj in formset.deleted_objects:
            pk = pks.get(id(obj))
            self.audit_record(
                request,
                action=AuditAction.DELETE,
                obj=obj,
                entity_id=pk,
                old=old.get(pk),
                new=None,
                severity=Severity.WARNING,
            )

    # -- delete -----------------------------------------------------------------------------
    def delete_model(self, request, obj):
        pk = obj.pk
        old = self.audit_snapshot(obj)
        with transaction.atomic():
            super().delete_model(request, obj)
            self.audit_record(
                request,
                action=AuditAction.DELETE,
                obj=obj,
                entity_id=pk,
                old=old,
                new=None,
                severity=Severity.WARNING,
            )

    def delete_queryset(self, request, queryset):
        """Delete one by one, so each row is audited (and services see each delete)."""
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)


class ServiceInlineMixin:
    """Inlines whose rows are saved through services, with the parent's RBAC mapping.

    The formset and its form get the acting user (`actor`) for their dry runs; view,
    add, change and delete follow the parent admin's permissions for the parent object.
    """

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Fresh classes per call (inlineformset_factory), so this never leaks.
        formset.actor = request.user
        formset.form.actor = request.user
        return formset

    def _parent_admin(self):
        return self.admin_site._registry.get(self.parent_model)

    def has_view_permission(self, request, obj=None):
        parent = self._parent_admin()
        if parent is not None and parent.has_view_permission(request, obj):
            return True
        return super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        parent = self._parent_admin()
        return parent is not None and parent.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        parent = self._parent_admin()
        return parent is not None and parent.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        parent = self._parent_admin()
        return parent is not None and parent.has_change_permission(request, obj)


def adopt_saved(obj: models.Model, saved: models.Model) -> models.Model:
    """Make the admin's unsaved `obj` the row a service created as `saved`.

    The admin keeps using its own instance after `save_model` (for the change message,
    the redirect and `save_m2m`), so it takes over the new row's state.
    """
    obj.pk = saved.pk
    obj.refresh_from_db()
    obj._state.adding = False
    return obj


class ReviewQueueFilter(admin.SimpleListFilter):
    """A review queue (`queue_statuses`) unless a status or "all" is chosen.

    Subclasses set `queue_statuses` and `all_label`. Choosing a status in the status
    filter shows that status, wherever it is in the workflow.
    """

    title = "queue"
    parameter_name = "queue"
    REVIEW = "review"
    ALL = "all"
    queue_statuses: tuple[str, ...] = ()
    all_label = "All"

    def lookups(self, request, model_admin):
        return ((self.REVIEW, "Waiting for review"), (self.ALL, self.all_label))

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.status_chosen = "status__exact" in request.GET

    def choices(self, changelist):
        current = self.value() or (None if self.status_chosen else self.REVIEW)
        for lookup, title in self.lookup_choices:
            yield {
                "selected": current == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}, ["status__exact"]
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.ALL or (value is None and self.status_chosen):
            return queryset
        return queryset.filter(status__in=self.queue_statuses)


class ReadOnlyAdminMixin:
    """Admins of append-only or system-written tables: view only, no add/change/delete."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def call_for_each(
    request: HttpRequest,
    objects: Iterable[T],
    call: Callable[[T], Any],
    *,
    done: str,
) -> int:
    """Call a service once per object; failures become messages, successes are counted.

    Each call is its own transaction (the service's), so one refused object does not
    undo the others. `done` is a message template with `{count}`.
    """
    count = 0
    for obj in objects:
        with reported_service_errors(request, prefix=f"{obj}: ") as failed:
            call(obj)
        if not failed:
            count += 1
    if count:
        messages.success(request, done.format(count=count))
    return count
