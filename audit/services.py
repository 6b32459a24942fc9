"""The one writer of `AuditLogs`."""

from __future__ import annotations

import datetime
import decimal
import enum
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from doggy.core.request_context import request_meta

from .choices import AuditAction, Severity
from .models import AuditLog

MASK = "***"
# Keys whose values never reach the audit log, whatever the caller passes. Matched on
# the key lower-cased with separators removed, so `apiKey`, `api-key` and `API_KEY` are
# one key, at any depth of the values.
_SECRET_MARKERS = (
    "password",
    "passwd",
    "token",
    "secret",
    "apikey",
    "privatekey",
    "accesskey",
    "authorization",
    "cookie",
    "securitystamp",
    "cardnumber",
    "cvv",
    "cvc",
)
_SEPARATORS = re.compile(r"[\s_\-.]")
# Deeper structures are summarised instead of walked (and a cycle cannot recurse forever).
_MAX_DEPTH = 20
# Column sizes of AuditLogs (SCHEMA.md 2.5).
_ACTION_MAX = 100
_ENTITY_TYPE_MAX = 100
_ENTITY_ID_MAX = 100
_IP_MAX = 45
_USER_AGENT_MAX = 500
_CORRELATION_MAX = 64
_EMAIL_MAX = 256
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


# Counts of language-model tokens are usage figures, not credentials.
_TOKEN_COUNT = re.compile(r"tokens|tokencount")


def _is_secret_key(key: str) -> bool:
    normalized = _SEPARATORS.sub("", key.lower())
    if "token" in normalized and _TOKEN_COUNT.search(normalized):
        normalized = _TOKEN_COUNT.sub("", normalized)
    return any(marker in normalized for marker in _SECRET_MARKERS)


def _jsonable(value: Any, *, mask: frozenset[str], depth: int = 0) -> Any:
    """A JSON-safe copy of `value` with secrets masked at every level of dicts and lists."""
    if depth > _MAX_DEPTH:
        return "(nested too deeply)"
    if isinstance(value, Mapping):
        return {
            str(k): (
                MASK
                if (str(k) in mask or _is_secret_key(str(k)))
                else _jsonable(v, mask=mask, depth=depth + 1)
            )
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_jsonable(v, mask=mask, depth=depth + 1) for v in items]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, enum.Enum):
        return _jsonable(value.value, mask=mask, depth=depth + 1)
    if isinstance(value, float):
        # NaN and infinities are not JSON (PostgreSQL's jsonb refuses them).
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (str, int)):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (bytes, bytearray, memoryview)):
        # Binary payloads (files, keys) are summarised, never stored.
        return f"({len(value)} bytes)"
    return str(value)


def mask_values(values: Mapping[str, Any] | None, *, mask: Iterable[str] = ()) -> dict | None:
    """A JSON-safe copy of `values` with secrets (and the keys in `mask`) replaced by ***.

    Masking applies at every depth: a `password` inside a nested dict, or inside a dict
    in a list, is masked as well as one at the top.
    """
    if values is None:
        return None
    return _jsonable(dict(values), mask=frozenset(mask))


def model_snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` on `instance`, by attribute name (FKs as ids)."""
    snapshot: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        snapshot[name] = getattr(instance, attname)
    return snapshot


def entity_type_of(model: models.Model | type[models.Model]) -> str:
    """`app_label.ModelName` of the concrete model, so a row's history has one name."""
    return model._meta.concrete_model._meta.label


def _clip(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    text = _CONTROL_CHARS.sub("", str(value))[:limit]
    return text or None


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

    `actor` is the acting user (None for the system, or the request's user when there is
    a request). `EntityType` is `app_label.ModelName` of `target` unless given;
    `EntityId` is its pk. IP, user agent (clipped to 500 characters), session and
    correlation id come from the current request when there is one. `ActorEmail` keeps
    the actor's email as it was, so the row still names them after the user is
    anonymised. `old`/`new` are JSON-serialised with secrets masked at every depth: keys
    that look like passwords, tokens or keys, and the keys named in `mask`.
    """
    if not action or len(action) > _ACTION_MAX:
        raise ValueError(f"An audit action is 1 to {_ACTION_MAX} characters.")
    if severity not in Severity.values:
        raise ValueError(f"Unknown audit severity {severity!r}.")
    if target is not None:
        entity_type = entity_type or entity_type_of(target)
        entity_id = target.pk if entity_id is None else entity_id
    if not entity_type:
        raise ValueError("audit_log_record needs a target or an entity_type.")
    if len(entity_type) > _ENTITY_TYPE_MAX:
        raise ValueError(f"An entity type is at most {_ENTITY_TYPE_MAX} characters.")
    meta = request_meta()
    if actor is None and meta is not None:
        actor = meta.user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditLog.objects.create(
        user=actor,
        actor_email=_clip(getattr(actor, "email", None), _EMAIL_MAX),
        action=str(action),
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id)[:_ENTITY_ID_MAX],
        old_values=mask_values(old, mask=mask),
        new_values=mask_values(new, mask=mask),
        ip_address=_clip(meta.ip_address, _IP_MAX) if meta else None,
        user_agent=_clip(meta.user_agent, _USER_AGENT_MAX) if meta else None,
        session_id=meta.session_id if meta else None,
        correlation_id=_clip(meta.correlation_id, _CORRELATION_MAX) if meta else None,
        severity=severity,
    )


def audit_update_record(*, actor, target: models.Model, old: dict, new: dict) -> None:
    """The audit row of `doggy.core.updates.model_update`: one Update with the changed fields."""
    audit_log_record(actor=actor, action=AuditAction.UPDATE, target=target, old=old, new=new)
