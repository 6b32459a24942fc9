"""Reads of the platform app: typed system settings and stored files.

Settings are read on hot paths (login, booking, uploads), so each row is cached through
Django's cache framework: the database cache table by default, Redis when `CACHE_URL`
points at it, so every process and machine sees the same entry. Writes in `doggy.services` delete
the entry at once and again after commit; see `setting_cache_delete`.
"""

from __future__ import annotations

import decimal
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import router, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .choices import SERVABLE_SCAN_STATUSES, FeatureArea, SettingDataType, UploadStatus
from .core.error_codes import PlatformErrorCode
from .core.errors import NotFoundError
from .core.permissions import PermissionName, actor_may
from .encryption import decrypt_value
from .models import StoredFile, SystemSetting

SETTINGS_CACHE_ALIAS = "default"
# Bounds how long an entry written by a racing reader can outlive a change (a reader
# that fetched the old row before the commit and stored it after the post-commit delete).
SETTINGS_CACHE_SECONDS = 300
MASKED_VALUE = "********"

_CACHE_PREFIX = "doggy:setting:v1:"
_CACHE_SAFE_KEY = re.compile(r"[A-Za-z0-9._-]{1,200}")
_MISSING_ROW = "__missing__"
_NOT_CACHED = object()
# Keys written in the connection's open transaction; see `setting_cache_invalidate`.
_PENDING_ATTR = "_doggy_pending_setting_writes"

_TRUE, _FALSE = "true", "false"
_INTEGER_RE = re.compile(r"[+-]?[0-9]+")


class SystemSettingError(ImproperlyConfigured):
    """A stored setting cannot be used as asked; the row needs fixing, not the caller."""


class SettingTypeError(SystemSettingError):
    """A typed getter was used on a row of another `DataType`."""


class SettingValueError(SystemSettingError):
    """The stored string does not parse as the row's `DataType` (edited outside the app)."""


@dataclass(frozen=True)
class _Entry:
    """What the cache holds for one row: the stored string, never a decrypted secret."""

    key: str
    value: str
    data_type: str
    is_encrypted: bool


# --- Parsing ------------------------------------------------------------------------------


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON.")


def parse_setting_value(data_type: str, raw: str) -> Any:
    """The typed value of the string form `raw`; raises ValueError when it does not parse.

    Shared with `doggy.services.system_setting_validate`, so what a write accepts is
    exactly what a read can parse.
    """
    if data_type == SettingDataType.STRING:
        return raw
    text = raw.strip()
    if data_type == SettingDataType.BOOLEAN:
        lowered = text.lower()
        if lowered == _TRUE:
            return True
        if lowered == _FALSE:
            return False
        raise ValueError("Enter true or false.")
    if data_type == SettingDataType.INTEGER:
        # int() alone would also take "1_000" and other spellings other readers reject.
        if not _INTEGER_RE.fullmatch(text):
            raise ValueError("Enter a whole number.")
        return int(text)
    if data_type == SettingDataType.DECIMAL:
        try:
            number = decimal.Decimal(text)
        except decimal.InvalidOperation:
            raise ValueError("Enter a decimal number.") from None
        if not number.is_finite():
            raise ValueError("Enter a finite decimal number.")
        return number
    if data_type == SettingDataType.JSON:
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise ValueError(f"Enter valid JSON ({exc.msg}).") from None
    raise ValueError(f"Unknown data type {data_type!r}.")


# --- Cache --------------------------------------------------------------------------------


def _cache():
    return caches[SETTINGS_CACHE_ALIAS]


def _cache_key(key: str) -> str:
    if _CACHE_SAFE_KEY.fullmatch(key):
        return _CACHE_PREFIX + key
    # Memcached rejects spaces and control characters; hash anything unusual.
    return _CACHE_PREFIX + "h:" + uuid.uuid5(uuid.NAMESPACE_URL, key).hex


def _connection():
    return transaction.get_connection(router.db_for_write(SystemSetting))


def _pending_write(key: str) -> bool:
    """Whether this connection's open transaction wrote `key` (see `setting_cache_invalidate`).

    A write stays pending while its post-commit callback is still queued on the
    connection: Django drops the callback when the transaction or the savepoint that
    registered it rolls back, and runs it (ending the pending state) on commit.
    """
    connection = _connection()
    pending = connection.__dict__.get(_PENDING_ATTR)
    if not pending:
        return False
    if not connection.in_atomic_block:
        # Every transaction that wrote a key has ended.
        pending.clear()
        return False
    callbacks = pending.get(key)
    if not callbacks:
        return False
    # `run_on_commit` is Django's queue of (savepoint ids, callback, robust) entries, the
    # same one `TestCase.captureOnCommitCallbacks` reads. Were it ever renamed, this
    # check would answer "not pending" and reads would fall back to plain caching; the
    # rollback tests of the settings cache would flag it.
    queued = getattr(connection, "run_on_commit", ())
    alive = [cb for cb in callbacks if any(entry[1] is cb for entry in queued)]
    if alive:
        pending[key] = alive
        return True
    del pending[key]
    return False


def setting_cache_delete(key: str) -> None:
    """Forget the cached row of `key`; the next read goes to the database."""
    _cache().delete(_cache_key(key))


def setting_cache_invalidate(key: str) -> None:
    """Call in the write path right after the row of `key` was saved.

    The entry is deleted at once, so the next read in this process goes to the
    database, and again after commit, because a reader elsewhere may have cached the old
    row between this delete and the commit. Until the transaction ends, reads of `key`
    on this connection bypass the cache in both directions: they see their own
    uncommitted write (even if another process re-cached the old value meanwhile), and
    they never publish a value that a rollback could still discard.
    """
    setting_cache_delete(key)
    connection = _connection()
    if not connection.in_atomic_block:
        return

    def release() -> None:
        setting_cache_delete(key)
        pending = connection.__dict__.get(_PENDING_ATTR) or {}
        callbacks = pending.get(key)
        if callbacks and release in callbacks:
            callbacks.remove(release)
            if not callbacks:
                del pending[key]

    connection.__dict__.setdefault(_PENDING_ATTR, {}).setdefault(key, []).append(release)
    # robust: a cache outage after commit must not turn a committed change into an error.
    transaction.on_commit(release, using=connection.alias, robust=True)


def _entry_from_db(key: str) -> _Entry | None:
    row = (
        SystemSetting.objects.filter(setting_key=key)
        .values_list("setting_value", "data_type", "is_encrypted")
        .first()
    )
    if row is None:
        return None
    return _Entry(key=key, value=row[0], data_type=row[1], is_encrypted=bool(row[2]))


def _entry(key: str) -> _Entry | None:
    return _entries([key])[key]


def _entries(keys: list[str]) -> dict[str, _Entry | None]:
    """The rows of `keys` (None for a key without a row): one cache round trip
    (`get_many`), and one database query for the keys the cache does not hold.

    A key written in this connection's open transaction is read from the database and
    not cached (`setting_cache_invalidate`). A missing row is cached too: most optional
    keys have no row, and their getters run on every request; creating the row clears
    the entry like any other write.
    """
    found: dict[str, _Entry | None] = {}
    by_cache_key = {}
    for key in keys:
        if _pending_write(key):
            found[key] = _entry_from_db(key)
        else:
            by_cache_key[_cache_key(key)] = key
    cache = _cache()
    cached = cache.get_many(list(by_cache_key)) if by_cache_key else {}
    missed = []
    for cache_key, key in by_cache_key.items():
        payload = cached.get(cache_key, _NOT_CACHED)
        if payload == _MISSING_ROW:
            found[key] = None
        elif isinstance(payload, Mapping):
            found[key] = _Entry(
                key=key,
                value=payload["value"],
                data_type=payload["data_type"],
                is_encrypted=payload["is_encrypted"],
            )
        else:
            missed.append(key)
    if missed:
        rows = {
            key: _Entry(key=key, value=value, data_type=data_type, is_encrypted=bool(encrypted))
            for key, value, data_type, encrypted in SystemSetting.objects.filter(
                setting_key__in=missed
            ).values_list("setting_key", "setting_value", "data_type", "is_encrypted")
        }
        fresh = {}
        for key in missed:
            entry = found[key] = rows.get(key)
            fresh[_cache_key(key)] = (
                _MISSING_ROW
                if entry is None
                else {
                    "value": entry.value,
                    "data_type": entry.data_type,
                    "is_encrypted": entry.is_encrypted,
                }
            )
        cache.set_many(fresh, SETTINGS_CACHE_SECONDS)
    return found


def _typed_value(entry: _Entry) -> Any:
    raw = entry.value
    if entry.is_encrypted:
        # Decrypted per read: the cache only ever holds the token, never the plaintext.
        raw = decrypt_value(raw, label=f"System setting {entry.key!r}")
    try:
        return parse_setting_value(entry.data_type, raw)
    except ValueError:
        # The reason, not the value: it may be a secret.
        raise SettingValueError(
            f"System setting {entry.key!r} does not hold a valid {entry.data_type} value."
        ) from None


# --- Typed getters ------------------------------------------------------------------------


def setting_get(key: str, default: Any = None) -> Any:
    """The typed value of setting `key` (per its DataType), or `default` without a row.

    Encrypted rows are decrypted transparently; a key that cannot decrypt them raises
    `doggy.encryption.DecryptionError` rather than returning anything else.
    """
    entry = _entry(key)
    if entry is None:
        return default
    return _typed_value(entry)


def _typed(key: str, default: Any, data_type: str, entry: Any = _NOT_CACHED) -> Any:
    """The value of `key` as `data_type` (`entry`: its row, when already read)."""
    if entry is _NOT_CACHED:
        entry = _entry(key)
    if entry is None:
        return default
    if entry.data_type != data_type:
        raise SettingTypeError(
            f"System setting {key!r} is of type {entry.data_type}, not {data_type}."
        )
    return _typed_value(entry)


def setting_str(key: str, default: str | None = None) -> str | None:
    return _typed(key, default, SettingDataType.STRING)


def setting_int(key: str, default: int | None = None) -> int | None:
    return _typed(key, default, SettingDataType.INTEGER)


def setting_bool(key: str, default: bool | None = None) -> bool | None:
    return _typed(key, default, SettingDataType.BOOLEAN)


def setting_json(key: str, default: Any = None) -> Any:
    return _typed(key, default, SettingDataType.JSON)


def setting_decimal(key: str, default: decimal.Decimal | None = None) -> decimal.Decimal | None:
    return _typed(key, default, SettingDataType.DECIMAL)


# --- Feature flags -----------------------------------------------------------------------


def feature_enabled(area: str) -> bool:
    """Whether the area's flag (`Features.<Area>.Enabled`) is on; on without a row."""
    return bool(setting_bool(FeatureArea(area).setting_key, True))


@dataclass(frozen=True)
class PlatformSwitches:
    """Maintenance mode and every area's flag, as one request sees them."""

    maintenance: bool
    areas: Mapping[str, bool]

    def feature_enabled(self, area: str) -> bool:
        return self.areas[FeatureArea(area).value]


MAINTENANCE_SETTING = "Platform.MaintenanceMode"


def platform_switches() -> PlatformSwitches:
    """Maintenance mode (off without a row) and the feature flags (on without a row), read
    together: one cache round trip per request instead of one per switch."""
    keys = {area.value: area.setting_key for area in FeatureArea}
    entries = _entries([MAINTENANCE_SETTING, *keys.values()])

    def boolean(key: str, default: bool) -> bool:
        return bool(_typed(key, default, SettingDataType.BOOLEAN, entries[key]))

    return PlatformSwitches(
        maintenance=boolean(MAINTENANCE_SETTING, False),
        areas={area: boolean(key, True) for area, key in keys.items()},
    )


# --- Staff views of settings --------------------------------------------------------------


def system_setting_list(
    *, actor, filters: Mapping[str, Any] | None = None
) -> QuerySet[SystemSetting]:
    """Settings visible to `actor`: all rows for platform staff, none for anyone else.

    `filters` may hold `category` and `is_user_editable`. Show values through
    `setting_display_value`, which masks encrypted rows.
    """
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        return SystemSetting.objects.none()
    queryset = SystemSetting.objects.select_related("updated_by").order_by("setting_key")
    filters = dict(filters or {})
    unknown = set(filters) - {"category", "is_user_editable"}
    if unknown:
        raise ValueError(f"Unknown setting filters: {sorted(unknown)}.")
    if filters.get("category"):
        queryset = queryset.filter(category=filters["category"])
    if filters.get("is_user_editable") is not None:
        queryset = queryset.filter(is_user_editable=bool(filters["is_user_editable"]))
    return queryset


def setting_display_value(setting: SystemSetting) -> str:
    """The value as screens and exports may show it: encrypted rows become ********."""
    if setting.is_encrypted:
        return MASKED_VALUE
    return setting.setting_value


# --- Stored files -------------------------------------------------------------------------


def stored_file_servable_q(now=None) -> Q:
    """The rule of SCHEMA.md I-12: uploaded, scanned Clean (or Skipped), not deleted or expired."""
    now = now or timezone.now()
    return (
        Q(deleted_at__isnull=True)
        & Q(upload_status=UploadStatus.UPLOADED)
        & Q(scan_status__in=SERVABLE_SCAN_STATUSES)
        & (Q(expires_at__isnull=True) | Q(expires_at__gt=now))
    )


def stored_file_get_for_download(*, actor, file_id: uuid.UUID | str) -> StoredFile:
    """The file `actor` may download now: their own, or any file for holders of system.admin.

    Anything else (another user's file, a file still pending its scan, infected,
    deleted, expired, or an id that is not a UUID) raises NotFoundError, so the answer
    never reveals whether the id exists.
    """
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise _file_not_found()
    stored = stored_file_get_servable(file_id=file_id)
    # Ownership first: the owner's download costs one query, no permission lookup.
    if not (stored.owner_id == actor.pk or actor_may(actor, PermissionName.SYSTEM_ADMIN)):
        raise _file_not_found()
    return stored


def stored_file_get_servable(*, file_id: uuid.UUID | str) -> StoredFile:
    """The file if it may be served now, for a caller that has authorized the actor itself.

    The KYC review screen uses it: a reviewer may open the documents of a case it may
    review, which `stored_file_get_for_download` (owner or system.admin) cannot know.
    Anything not servable, or an id that is not a UUID, raises NotFoundError.
    """
    try:
        pk = file_id if isinstance(file_id, uuid.UUID) else uuid.UUID(str(file_id))
    except ValueError:
        raise _file_not_found() from None
    stored = StoredFile.objects.filter(stored_file_servable_q(), pk=pk).first()
    if stored is None:
        raise _file_not_found()
    return stored


def _file_not_found() -> NotFoundError:
    return NotFoundError(PlatformErrorCode.FILE_NOT_FOUND, "File not found.")
