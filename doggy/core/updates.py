"""The one update helper: every service that edits columns of an existing row uses it.

`model_update` applies the allowed changes, validates the changed fields and every
constraint of the row, saves only the changed columns (plus `auto_now` columns), turns a
constraint lost to a concurrent write into the service's 409, and records one audit row
in the same transaction. It has one behaviour on failure: the instance gets its old
values back in memory and nothing is written.

The kernel imports no app, so the audit app registers the writer of the audit row at
start-up (`audit.apps.AuditConfig.ready`); a service's own audit call stays possible for
actions other than an update.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any, Protocol, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


class UpdateAuditor(Protocol):
    def __call__(
        self, *, actor: Any, target: models.Model, old: dict[str, Any], new: dict[str, Any]
    ) -> None: ...


_auditor: UpdateAuditor | None = None


def register_update_auditor(auditor: UpdateAuditor) -> None:
    """Install the writer of update audit rows (the audit app does, once, at start-up)."""
    global _auditor  # noqa: PLW0603 - one process-wide writer, set once by an AppConfig
    _auditor = auditor


def field_values(instance: models.Model, names: Collection[str]) -> dict[str, Any]:
    """The current values of `names` on `instance`, by field name (foreign keys as ids)."""
    values: dict[str, Any] = {}
    for name in names:
        field = instance._meta.get_field(name)
        values[name] = getattr(instance, getattr(field, "attname", name))
    return values


def model_update(
    instance: M,
    *,
    actor: Any,
    changes: Mapping[str, Any],
    allowed: Collection[str],
    validation_error: Callable[[ValidationError], Exception],
    conflict_error: Callable[[IntegrityError], Exception],
) -> list[str]:
    """Apply `changes` to `instance` and save the fields that really changed.

    Returns the changed field names (empty when nothing changed: no query, no audit row).
    A name outside `allowed` is a programming error (TypeError). Validation covers the
    changed fields and every constraint of the row; a failure raises
    `validation_error(exc)`, a lost race on a constraint raises `conflict_error(exc)`
    (from a savepoint, so the caller's transaction stays usable). Either way the
    instance's changed attributes get their old values back.

    Call it inside the service's `transaction.atomic()`, with the row locked when
    concurrent edits must apply one after the other.
    """
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"Not editable on {type(instance).__name__}: {sorted(unknown)}")
    before = field_values(instance, changes)
    for name, value in changes.items():
        setattr(instance, name, value)
    after = field_values(instance, changes)
    changed = [name for name in changes if after[name] != before[name]]
    if not changed:
        return []

    def restore() -> None:
        for name in changes:
            field = instance._meta.get_field(name)
            setattr(instance, getattr(field, "attname", name), before[name])
            if field.is_relation and field.is_cached(instance):
                field.delete_cached_value(instance)

    concrete = instance._meta.concrete_fields
    try:
        instance.full_clean(
            exclude=[f.name for f in concrete if f.name not in changed],
            validate_constraints=False,
        )
        instance.validate_constraints()
    except ValidationError as exc:
        restore()
        raise validation_error(exc) from None
    touched = [f.name for f in concrete if getattr(f, "auto_now", False) and f.name not in changed]
    try:
        with transaction.atomic():
            instance.save(update_fields=[*changed, *touched])
    except IntegrityError as exc:
        restore()
        raise conflict_error(exc) from exc
    if _auditor is None:
        raise RuntimeError("No update auditor is registered (is the audit app installed?).")
    _auditor(
        actor=actor,
        target=instance,
        old={name: before[name] for name in changed},
        new={name: after[name] for name in changed},
    )
    return changed
