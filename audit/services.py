"""The one writer of `AuditLogs`."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from doggy.request_context import request_meta

from .choices import Severity
from .models import AuditLog

MASK = "***"
# Keys whose values never reach the audit log, whatever the caller passes.
_SECRET_MARKERS = ("password", "token", "secret", "api_key", "apikey", "private_key")


def _is_secret_key(key: str) -> bool:
    lowered = key.lower()
    return any(marker in lowered for marker in _SECRET_MARKERS)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def mask_values(values: Mapping[str, Any] | None, *, mask: Iterable[str] = ()) -> dict | None:
    """A JSON-safe copy of `values` with secrets (and the keys in `mask`) replaced by ***."""
    if values is None:
        return None
    extra = set(mask)
    return {
        str(k): (MASK if (k in extra or _is_secret_key(str(k))) else _jsonable(v))
        for k, v in values.items()
    }


def model_snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` on `instance`, by attribute name (FKs as ids)."""
    snapshot: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        snapshot[name] = getattr(instance, attname)
    return snapshot


def audit_log_record(
    *,
    actor=None,
    action: str,
    target: models.Model | None = None,
    entity_type: str | None = None,
    entity_id: Any = None,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
    severity: str = Severity.INFO,
    mask: Iterable[str] = (),
) -> AuditLog:
    """Append one audit row; call it inside the transaction of the change it describes.

    `actor` is the acting user (None for the system). IP, user agent, session and
    correlation id come from the current request when there is one. `old`/`new` are
    JSON-serialised with secrets masked: keys that look like passwords or tokens, and
    the keys named in `mask`.
    """
    if target is not None:
        entity_type = entity_type or target._meta.label
        entity_id = target.pk if entity_id is None else entity_id
    if not entity_type:
        raise ValueError("audit_log_record needs a target or an entity_type.")
    meta = request_meta()
    if actor is None and meta is not None:
        actor = meta.user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditLog.objects.create(
        user=actor,
        actor_email=getattr(actor, "email", None),
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id)[:100],
        old_values=mask_values(old, mask=mask),
        new_values=mask_values(new, mask=mask),
        ip_address=meta.ip_address if meta else None,
        user_agent=meta.user_agent if meta else None,
        session_id=meta.session_id if meta else None,
        correlation_id=meta.correlation_id if meta else None,
        severity=severity,
    )
