"""Writes of the platform app: system settings (plan 004) and stored files (plan 007)."""

from __future__ import annotations

import decimal
import hashlib
import io
import json
import logging
import math
import posixpath
import re
import unicodedata
import uuid
from collections.abc import Iterable
from typing import Any

import jsonschema
import referencing
import referencing.exceptions
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from PIL import Image

from audit.choices import AuditAction, Severity
from audit.services import audit_log_record

from .choices import (
    FeatureArea,
    FilePurpose,
    FileVisibility,
    ScanStatus,
    SettingDataType,
    UploadStatus,
)
from .core.error_codes import PlatformErrorCode
from .core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from .core.permissions import PermissionName, actor_may
from .core.tasks import run_after_commit
from .encryption import DecryptionError, decrypt_value, encrypt_value, rotate
from .models import StoredFile, SystemSetting
from .scanning import configured_scanner
from .selectors import (
    parse_setting_value,
    setting_cache_invalidate,
    setting_int,
    setting_json,
)

logger = logging.getLogger(__name__)

# --- System settings ----------------------------------------------------------------------

# Dotted `Area.Name` keys, as in the plan's seed rows (`Platform.MaintenanceMode`).
_SETTING_KEY_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+")


def _setting_value_error(message: str) -> ValidationError:
    return ValidationError({"setting_value": [message]})


def _canonical_string(data_type: str, value: Any) -> str:
    """The string form of `value` for `data_type`; ValidationError when it has none.

    A Python value of the type is accepted, and so is its string form (what a form or
    an API field delivers). For JSON, a string is the JSON text itself: pass '"abc"' to
    store the JSON string abc.
    """
    if data_type == SettingDataType.STRING:
        if not isinstance(value, str):
            raise _setting_value_error("Enter text.")
        return value
    if data_type == SettingDataType.BOOLEAN:
        if isinstance(value, bool):
            return "true" if value else "false"
        if not isinstance(value, str):
            raise _setting_value_error("Enter true or false.")
    elif data_type == SettingDataType.INTEGER:
        # bool is an int subclass; True is not a number here.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise _setting_value_error("Enter a whole number.")
    elif data_type == SettingDataType.DECIMAL:
        if isinstance(value, float):
            if not math.isfinite(value):
                raise _setting_value_error("Enter a finite decimal number.")
            # repr() is the shortest string that round-trips: 0.1, not 0.1000000000000000055…
            value = repr(value)
        elif isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool):
            value = str(value)
        elif not isinstance(value, str):
            raise _setting_value_error("Enter a decimal number.")
    elif data_type == SettingDataType.JSON:
        if not isinstance(value, str):
            try:
                return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            except (TypeError, ValueError):
                raise _setting_value_error("Enter a value that JSON can represent.") from None
    else:
        raise ValidationError({"data_type": [f"Unknown data type {data_type!r}."]})

    try:
        parsed = parse_setting_value(data_type, value)
    except ValueError as exc:
        raise _setting_value_error(str(exc)) from None
    if data_type == SettingDataType.BOOLEAN:
        return "true" if parsed else "false"
    if data_type == SettingDataType.INTEGER:
        return str(parsed)
    if data_type == SettingDataType.DECIMAL:
        # Fixed-point, keeping the given scale: "1.50" stays "1.50", "1E+2" becomes "100".
        return format(parsed, "f")
    return json.dumps(parsed, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _json_schema_rule(rule: str) -> dict | None:
    """The rule as a JSON Schema when it is a JSON object; None when it is a regex."""
    try:
        parsed = json.loads(rule)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


def system_setting_validate(
    *, data_type: str, value: Any, validation_rule: str | None, is_encrypted: bool = False
) -> str:
    """The canonical string form of `value`, or ValidationError keyed by model field.

    Checks, in order: the value parses as `data_type`; then `validation_rule`, which is
    either a JSON Schema (when the rule parses as a JSON object; checked against the
    parsed value) or a regular expression (`re.fullmatch` on the canonical string).
    The admin form and the services call this one function. With `is_encrypted`, error
    messages never quote the value. Rules are written by staff only; a schema must be
    self-contained (no `$ref` is fetched).
    """
    if data_type not in SettingDataType.values:
        raise ValidationError({"data_type": [f"Unknown data type {data_type!r}."]})
    canonical = _canonical_string(data_type, value)
    if not validation_rule:
        return canonical

    schema = _json_schema_rule(validation_rule)
    if schema is not None:
        validator_class = jsonschema.validators.validator_for(schema)
        try:
            validator_class.check_schema(schema)
        except jsonschema.SchemaError as exc:
            raise ValidationError(
                {"validation_rule": [f"Not a valid JSON Schema: {exc.message}"]}
            ) from None
        # An empty registry: a `$ref` to a URL would otherwise be fetched over the
        # network, on input typed into a staff screen.
        validator = validator_class(schema, registry=referencing.Registry())
        try:
            error = jsonschema.exceptions.best_match(
                validator.iter_errors(parse_setting_value(data_type, canonical))
            )
        except referencing.exceptions.Unresolvable as exc:
            raise ValidationError(
                {
                    "validation_rule": [
                        f"The JSON Schema refers to {exc.ref!r}, which is not "
                        "available; keep the schema self-contained."
                    ]
                }
            ) from None
        if error is not None:
            location = "/".join(str(p) for p in error.absolute_path) or "(root)"
            detail = f"fails the '{error.validator}' rule" if is_encrypted else error.message
            raise _setting_value_error(
                f"Does not match the setting's JSON Schema at {location}: {detail}."
            )
        return canonical

    try:
        pattern = re.compile(validation_rule)
    except re.error as exc:
        raise ValidationError(
            {"validation_rule": [f"Not a valid regular expression: {exc}."]}
        ) from None
    if pattern.fullmatch(canonical) is None:
        raise _setting_value_error("Does not match the setting's required pattern.")
    return canonical


def _invalid_setting(exc: ValidationError) -> ApplicationError:
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"setting_value": exc.messages}
    first = next(iter(fields.values()))[0]
    return ApplicationError(PlatformErrorCode.SETTING_INVALID, first, fields=fields)


def _check_may_edit(actor, *, is_user_editable: bool) -> None:
    """Superusers edit every setting; other platform staff only `IsUserEditable` rows.

    `actor=None` is the system itself (migrations, management commands).
    """
    if actor is None:
        return
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            PlatformErrorCode.PERMISSION_DENIED, "Only platform staff manage system settings."
        )
    if not (actor.is_superuser or is_user_editable):
        raise PermissionDeniedError(
            PlatformErrorCode.SETTING_NOT_EDITABLE,
            "This setting can only be changed by a superuser.",
        )


def _audit_setting_values(setting: SystemSetting, value: str) -> dict[str, Any]:
    return {"setting_key": setting.setting_key, "setting_value": value}


@transaction.atomic
def system_setting_update(
    *, actor, key: str | None = None, value: Any, setting: SystemSetting | None = None
) -> SystemSetting:
    """Set the value of setting `key`, validated, encrypted when `IsEncrypted`, audited.

    Name the row by `key`, or pass the `setting` instance a screen already holds (its
    fields are refreshed to the saved values). `value` is a Python value of the
    setting's DataType or its string form. Invalid input raises ApplicationError
    (`setting_invalid`, with field errors) and writes nothing. An unchanged value writes
    nothing either. The audit row (`SettingChanged`) carries old and new values, masked
    for encrypted rows.
    """
    if (key is None) == (setting is None):
        raise TypeError("system_setting_update takes exactly one of key and setting.")
    passed = setting
    if key is None:
        key = setting.setting_key
    # Staff first, so that others cannot probe which keys exist.
    _check_may_edit(actor, is_user_editable=True)
    setting = SystemSetting.objects.select_for_update().filter(setting_key=key).first()
    if setting is None:
        raise NotFoundError(PlatformErrorCode.SETTING_NOT_FOUND, f"No setting {key!r}.")
    _check_may_edit(actor, is_user_editable=setting.is_user_editable)

    try:
        canonical = system_setting_validate(
            data_type=setting.data_type,
            value=value,
            validation_rule=setting.validation_rule,
            is_encrypted=setting.is_encrypted,
        )
    except ValidationError as exc:
        raise _invalid_setting(exc) from None

    label = f"System setting {key!r}"
    old_stored = setting.setting_value
    if setting.is_encrypted:
        try:
            unchanged = decrypt_value(old_stored, label=label) == canonical
        except DecryptionError:
            # The old value is unreadable (lost key); replacing it is how it gets fixed.
            unchanged = False
        new_stored = encrypt_value(canonical)
        old_audit = new_audit = "(encrypted)"
    else:
        unchanged = old_stored == canonical
        new_stored = canonical
        old_audit, new_audit = old_stored, canonical
    if unchanged:
        return setting

    setting.setting_value = new_stored
    setting.updated_by = actor
    setting.full_clean(validate_unique=False, validate_constraints=False)
    setting.save(update_fields=["setting_value", "updated_by", "updated_at"])
    setting_cache_invalidate(setting.setting_key)
    audit_log_record(
        actor=actor,
        action=AuditAction.SETTING_CHANGED,
        target=setting,
        old=_audit_setting_values(setting, old_audit),
        new=_audit_setting_values(setting, new_audit),
        mask=("setting_value",) if setting.is_encrypted else (),
    )
    if passed is not None and passed is not setting:
        passed.setting_value = setting.setting_value
        passed.updated_by = setting.updated_by
        passed.updated_at = setting.updated_at
    return setting


@transaction.atomic
def system_setting_create(
    *,
    actor,
    key: str,
    value: Any,
    data_type: str,
    category: str,
    description: str | None = None,
    is_user_editable: bool = False,
    is_encrypted: bool = False,
    validation_rule: str | None = None,
) -> SystemSetting:
    """Create setting `key` (a dotted `Area.Name`) with a validated first value.

    A taken key raises ConflictError (`setting_exists`); invalid input raises
    ApplicationError (`setting_invalid`). Nothing is written in either case.
    """
    _check_may_edit(actor, is_user_editable=is_user_editable)
    errors: dict[str, list[str]] = {}
    if not isinstance(key, str) or len(key) > 200 or not _SETTING_KEY_RE.fullmatch(key):
        errors["setting_key"] = ["Use a dotted name such as Area.Name (at most 200 characters)."]
    canonical = ""
    try:
        canonical = system_setting_validate(
            data_type=data_type,
            value=value,
            validation_rule=validation_rule,
            is_encrypted=is_encrypted,
        )
    except ValidationError as exc:
        errors.update(_invalid_setting(exc).fields)
    if errors:
        first = next(iter(errors.values()))[0]
        raise ApplicationError(PlatformErrorCode.SETTING_INVALID, first, fields=errors)
    if SystemSetting.objects.filter(setting_key=key).exists():
        raise ConflictError(PlatformErrorCode.SETTING_EXISTS, f"Setting {key!r} already exists.")

    setting = SystemSetting(
        setting_key=key,
        setting_value=encrypt_value(canonical) if is_encrypted else canonical,
        data_type=data_type,
        category=category,
        description=description,
        is_user_editable=is_user_editable,
        is_encrypted=is_encrypted,
        validation_rule=validation_rule or None,
        updated_by=actor,
    )
    try:
        setting.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise _invalid_setting(exc) from None
    try:
        # A savepoint, so a concurrent create of the same key becomes a 409, not a
        # broken transaction.
        with transaction.atomic():
            setting.save(force_insert=True)
    except IntegrityError:
        raise ConflictError(
            PlatformErrorCode.SETTING_EXISTS, f"Setting {key!r} already exists."
        ) from None
    # The key may have been cached as missing.
    setting_cache_invalidate(key)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=setting,
        new={
            "setting_key": key,
            "setting_value": "(encrypted)" if is_encrypted else canonical,
            "data_type": data_type,
            "category": category,
            "is_user_editable": is_user_editable,
            "is_encrypted": is_encrypted,
            "validation_rule": validation_rule or None,
        },
        mask=("setting_value",) if is_encrypted else (),
    )
    return setting


@transaction.atomic
def feature_flag_set(*, actor, area: str, enabled: bool) -> SystemSetting:
    """Switch an area's feature flag (`Features.<Area>.Enabled`), audited.

    A flag without a row is on; the first switch creates the row here (Boolean, with a
    boolean ValidationRule), audited like every setting change. The rows are not seeded
    by a migration: a row added by a later phase to the phase-1 SystemSettings table
    would be a row that phase's rollback either loses or leaves behind. `actor=None` is
    the system (`plan migrate --flags-off`).
    """
    key = FeatureArea(area).setting_key
    if not SystemSetting.objects.filter(setting_key=key).exists():
        return system_setting_create(
            actor=actor,
            key=key,
            value=enabled,
            data_type=SettingDataType.BOOLEAN,
            category="Features",
            description=f"{FeatureArea(area).label}: the API and admin screens are available",
            validation_rule='{"type":"boolean"}',
        )
    return system_setting_update(actor=actor, key=key, value=enabled)


@transaction.atomic
def system_setting_encryption_rotate(*, actor) -> int:
    """Re-encrypt every encrypted setting under the newest key; returns how many rows.

    Step two of a key rotation: prepend the new key to DOGGY_SETTINGS_ENCRYPTION_KEYS,
    run this, then drop the old key. Idempotent (a second run re-encrypts under the same
    newest key). A row no configured key can decrypt stops the run and rolls it back.
    """
    if actor is not None and not (
        actor_may(actor, PermissionName.SYSTEM_ADMIN) and actor.is_superuser
    ):
        raise PermissionDeniedError(
            PlatformErrorCode.PERMISSION_DENIED, "Only a superuser rotates encryption keys."
        )
    rows = list(SystemSetting.objects.select_for_update().filter(is_encrypted=True).order_by("pk"))
    for setting in rows:
        setting.setting_value = rotate(
            setting.setting_value, label=f"System setting {setting.setting_key!r}"
        )
        setting.save(update_fields=["setting_value", "updated_at"])
        setting_cache_invalidate(setting.setting_key)
    if rows:
        audit_log_record(
            actor=actor,
            action=AuditAction.UPDATE,
            entity_type=SystemSetting._meta.label,
            new={"encryption_rotated": [s.setting_key for s in rows]},
            severity=Severity.WARNING,
        )
    return len(rows)


# --- Stored files -------------------------------------------------------------------------

DEFAULT_MAX_FILE_SIZE = 10_485_760
DEFAULT_ALLOWED_CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp", "application/pdf")

# Magic numbers of the types the platform accepts (SCHEMA.md 2.7: the type is sniffed,
# not trusted from the client). A fixed table is deliberate: the allow list is what
# protects the platform, and a general-purpose sniffer would only put names on more
# types that are refused anyway.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
SNIFFABLE_CONTENT_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}
)
# Executables and scripts are refused whatever the client declares.
_EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows PE
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",  # Mach-O
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal / Java class
    b"#!",
)
_HEAD_BYTES = 32
_CHUNK_SIZE = 64 * 1024


def sniff_content_type(head: bytes) -> str | None:
    """The content type the first bytes prove (JPEG, PNG, WebP, GIF, PDF), else None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def _looks_executable(head: bytes) -> bool:
    return head.startswith(_EXECUTABLE_SIGNATURES)


def _resolve_content_type(head: bytes, declared: str | None, allowed: Iterable[str]) -> str | None:
    """The type to record, or None when the file must be refused.

    The bytes decide whenever they match a known signature. Only when they match none
    is the client's declared type used, and then only if it is on the allow list and is
    not a type whose signature the bytes would have shown (a "PNG" that does not start
    like a PNG is refused). Executables are refused whatever the client declares.
    """
    allowed_set = {t.strip().lower() for t in allowed}
    if _looks_executable(head):
        return None
    sniffed = sniff_content_type(head)
    if sniffed is not None:
        return sniffed if sniffed in allowed_set else None
    declared_type = (declared or "").split(";")[0].strip().lower()
    if declared_type and declared_type in allowed_set:
        if declared_type in SNIFFABLE_CONTENT_TYPES:
            return None
        return declared_type
    return None


def sanitize_file_name(name: str | None) -> str:
    """A display-safe version of a client's file name: its last path segment, without
    control or format characters (which hide a real extension, e.g. U+202E), NFC
    normalised, at most 255 characters with the extension kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = posixpath.basename(name.replace("\\", "/"))
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    name = name.strip().strip(".").strip()
    if not name:
        return "file"
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 16 and stem:
            name = stem[: 255 - len(ext) - 1] + "." + ext
        else:
            name = name[:255]
    return name


def _file_rejected(code: PlatformErrorCode, message: str) -> ApplicationError:
    return ApplicationError(code, message, fields={"file": [message]}, status_code=400)


def stored_file_create(
    *,
    actor,
    uploaded_file: File,
    purpose: str,
    visibility: str = FileVisibility.PRIVATE,
    max_size: int | None = None,
    allowed_content_types: list[str] | None = None,
    storage_backend: str = "default",
    expires_at=None,
    generated: bool = False,
) -> StoredFile:
    """Store an upload's bytes and record them as a `StoredFile` owned by `actor`.

    The blob goes to `storages[storage_backend]` under `<purpose>/<yyyy>/<mm>/<uuid>`
    (the uuid is the row's id; the client's file name never reaches the key). The
    service records the SHA-256 (streamed in chunks), the size, the sniffed content type
    (see `_resolve_content_type`) and the sanitized original name. The new file is
    `Uploaded` and `ScanStatus='Pending'` (unservable). Once the upload's transaction
    commits, the configured virus scanner (`DOGGY_FILE_SCANNER`, see doggy.scanning)
    scans the blob through the task runner (`stored_file_scan`) and records its verdict;
    without a scanner the file waits for an out-of-band one.

    Limits default to the settings `Messaging.MaxFileSize` and
    `Files.AllowedContentTypes`. A file too large (`file_too_large`), of a refused type
    (`file_type_not_allowed`) or empty (`file_empty`) raises ApplicationError (400) and
    leaves nothing behind: no blob, no row. If the database write fails after the blob
    was saved, the blob is deleted before the error propagates.

    Not atomic as a whole on purpose: the blob upload (slow on object storage) happens
    outside any transaction this service opens, and only the row and its audit entry
    are written atomically. A blob orphaned by a caller's transaction rolling back later
    has no row; the purge job removes blobs without rows.

    `expires_at` makes the file unservable from then on (report exports). `generated`
    marks a file the platform wrote itself from its own data (a report export), not a
    client's upload: it is recorded `ScanStatus='Skipped'` and queued for no scan.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(PlatformErrorCode.PERMISSION_DENIED, "Sign in to upload files.")
    if purpose not in FilePurpose.values:
        raise ApplicationError(
            PlatformErrorCode.FILE_INVALID,
            f"Unknown file purpose {purpose!r}.",
            fields={"purpose": [f"Choose one of: {', '.join(FilePurpose.values)}."]},
        )
    if visibility not in FileVisibility.values:
        raise ApplicationError(
            PlatformErrorCode.FILE_INVALID,
            f"Unknown visibility {visibility!r}.",
            fields={"visibility": [f"Choose one of: {', '.join(FileVisibility.values)}."]},
        )
    if max_size is None:
        max_size = setting_int("Messaging.MaxFileSize", DEFAULT_MAX_FILE_SIZE)
    if allowed_content_types is None:
        allowed_content_types = setting_json(
            "Files.AllowedContentTypes", list(DEFAULT_ALLOWED_CONTENT_TYPES)
        )

    declared_size = getattr(uploaded_file, "size", None)
    if declared_size is not None and declared_size > max_size:
        raise _file_rejected(
            PlatformErrorCode.FILE_TOO_LARGE, f"The file is larger than {max_size} bytes."
        )

    # One pass over the bytes before anything is stored: the real size (not what the
    # client claimed), the checksum and the first bytes for sniffing.
    digest = hashlib.sha256()
    size = 0
    head = b""
    for chunk in uploaded_file.chunks(chunk_size=_CHUNK_SIZE):
        if len(head) < _HEAD_BYTES:
            head += chunk[: _HEAD_BYTES - len(head)]
        size += len(chunk)
        if size > max_size:
            raise _file_rejected(
                PlatformErrorCode.FILE_TOO_LARGE, f"The file is larger than {max_size} bytes."
            )
        digest.update(chunk)
    if size == 0:
        raise _file_rejected(PlatformErrorCode.FILE_EMPTY, "The file is empty.")
    content_type = _resolve_content_type(
        head, getattr(uploaded_file, "content_type", None), allowed_content_types
    )
    if content_type is None:
        raise _file_rejected(
            PlatformErrorCode.FILE_TYPE_NOT_ALLOWED, "This type of file is not accepted."
        )

    now = timezone.now()
    file_id = uuid.uuid4()
    key = f"{purpose}/{now:%Y}/{now:%m}/{file_id}"
    storage = storages[storage_backend]
    uploaded_file.seek(0)
    stored_key = storage.save(key, uploaded_file, max_length=512)
    try:
        with transaction.atomic():
            stored = StoredFile(
                id=file_id,
                owner=actor,
                purpose=purpose,
                storage_backend=storage_backend,
                storage_key=stored_key,
                original_file_name=sanitize_file_name(getattr(uploaded_file, "name", None)),
                content_type=content_type,
                size_bytes=size,
                checksum_sha256=digest.hexdigest(),
                visibility=visibility,
                upload_status=UploadStatus.UPLOADED,
                scan_status=ScanStatus.SKIPPED if generated else ScanStatus.PENDING,
                expires_at=expires_at,
                created_at=now,
            )
            # The key is a fresh UUID and the database enforces the constraints; field
            # validation is what can still catch a bad value here.
            stored.full_clean(validate_unique=False, validate_constraints=False)
            stored.save(force_insert=True)
            audit_log_record(
                actor=actor,
                action=AuditAction.FILE_UPLOADED,
                target=stored,
                new={
                    "purpose": purpose,
                    "storage_key": stored_key,
                    "original_file_name": stored.original_file_name,
                    "content_type": content_type,
                    "size_bytes": size,
                    "checksum_sha256": stored.checksum_sha256,
                    "visibility": visibility,
                    **({"generated": True, "expires_at": expires_at} if generated else {}),
                },
            )
    except BaseException:
        _delete_blob_quietly(storage, stored_key)
        raise
    if not generated and configured_scanner() is not None:
        run_after_commit(stored_file_scan, stored.pk)
    return stored


def stored_file_scan(file_id) -> None:
    """Run the configured scanner on a stored file's blob and record its verdict.

    A task (`doggy.core.tasks`): it runs after the upload's transaction commits, outside
    the request. A file already scanned, deleted or gone is left alone.
    """
    scanner = configured_scanner()
    stored = StoredFile.objects.filter(pk=file_id, scan_status=ScanStatus.PENDING).first()
    if scanner is None or stored is None or stored.deleted_at is not None:
        return
    try:
        with storages[stored.storage_backend].open(stored.storage_key, "rb") as blob:
            verdict = scanner(stored, blob)
    except Exception:
        # A scanner outage must not pass a file as clean; it stays unservable.
        logger.exception("The virus scanner failed on %s", stored.pk)
        verdict = ScanStatus.ERROR
    stored_file_mark_scanned(file=stored, status=verdict)


def _delete_blob_quietly(storage, key: str) -> None:
    try:
        storage.delete(key)
    except Exception:
        # The original error matters more; the purge job retries blobs without rows.
        logger.exception("Could not delete the orphaned blob %s", key)


@transaction.atomic
def stored_file_mark_scanned(*, file: StoredFile, status: str, actor=None) -> StoredFile:
    """Record the virus scanner's verdict (`Clean`, `Infected`, `Error` or `Skipped`).

    Called by the scan task (actor None = the system). An infected file is audited as a
    warning; it stays unservable, and the purge job removes its blob.
    """
    if status not in ScanStatus.values or status == ScanStatus.PENDING:
        raise ApplicationError(
            PlatformErrorCode.FILE_INVALID,
            f"Unknown scan result {status!r}.",
            fields={"scan_status": ["Use Clean, Infected, Error or Skipped."]},
        )
    locked = StoredFile.objects.select_for_update().get(pk=file.pk)
    old_status = locked.scan_status
    locked.scan_status = status
    locked.scanned_at = timezone.now()
    locked.save(update_fields=["scan_status", "scanned_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={"scan_status": old_status},
        new={"scan_status": status},
        severity=Severity.WARNING if status == ScanStatus.INFECTED else Severity.INFO,
    )
    file.scan_status = locked.scan_status
    file.scanned_at = locked.scanned_at
    return locked


@transaction.atomic
def stored_file_soft_delete(*, actor, file: StoredFile) -> StoredFile:
    """Mark the file deleted (`DeletedAt`); it is no longer served, the purge job removes
    the blob. Only the owner or platform staff may; others get NotFoundError, as if the
    file did not exist. Deleting a deleted file changes nothing."""
    locked = StoredFile.objects.select_for_update().filter(pk=file.pk).first()
    is_owner = (
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and locked is not None
        and locked.owner_id == actor.pk
    )
    if locked is None or not (is_owner or actor_may(actor, PermissionName.SYSTEM_ADMIN)):
        raise NotFoundError(PlatformErrorCode.FILE_NOT_FOUND, "File not found.")
    if locked.deleted_at is not None:
        return locked
    locked.deleted_at = timezone.now()
    locked.save(update_fields=["deleted_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old={"deleted_at": None},
        new={"deleted_at": locked.deleted_at},
    )
    file.deleted_at = locked.deleted_at
    return locked


def stored_file_expire(file_id, *, before_expiry: bool = False) -> bool:
    """Delete a file whose `ExpiresAt` has passed: its blob goes from storage and the row
    is marked deleted (`DeletedAt`), audited as the system. A file not yet expired,
    already deleted or gone is left alone (False). The expiry sweeps call it;
    `before_expiry` deletes an expiring file at once (one nobody will download)."""
    now = timezone.now()
    due = Q(expires_at__isnull=False) if before_expiry else Q(expires_at__lte=now)
    with transaction.atomic():
        locked = (
            StoredFile.objects.select_for_update()
            .filter(due, pk=file_id, deleted_at__isnull=True)
            .first()
        )
        if locked is None:
            return False
        locked.deleted_at = now
        locked.save(update_fields=["deleted_at"])
        audit_log_record(
            actor=None,
            action=AuditAction.DELETE,
            target=locked,
            old={"deleted_at": None},
            new={"deleted_at": now, "reason": "expired"},
        )
        storage = storages[locked.storage_backend]
        key = locked.storage_key
        # The blob goes once the row says so; a failure leaves it to the purge job.
        transaction.on_commit(lambda: _delete_blob_quietly(storage, key))
    return True


THUMBNAIL_MAX_EDGE = 320
THUMBNAIL_CONTENT_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})


def stored_file_thumbnail_create(file_id, max_edge: int = THUMBNAIL_MAX_EDGE) -> str | None:
    """Make a JPEG thumbnail (longest edge `max_edge`) of an image file with Pillow.

    A task (`doggy.core.tasks`): it runs after the upload's transaction commits. The
    thumbnail goes next to the blob, under `<StorageKey>.thumb.jpg`, and the row records
    `ThumbnailKey`, `Width` and `Height` (of the original). Files that are not images,
    already have a thumbnail, are deleted or gone, or that Pillow cannot decode are left
    as they are. Returns the thumbnail's key, or None.
    """
    stored = StoredFile.objects.filter(
        pk=file_id, deleted_at__isnull=True, thumbnail_key__isnull=True
    ).first()
    if stored is None or stored.content_type not in THUMBNAIL_CONTENT_TYPES:
        return None
    storage = storages[stored.storage_backend]
    try:
        with storage.open(stored.storage_key, "rb") as blob, Image.open(blob) as image:
            width, height = image.size
            if width * height > Image.MAX_IMAGE_PIXELS:
                return None
            image.thumbnail((max_edge, max_edge))
            out = io.BytesIO()
            image.convert("RGB").save(out, format="JPEG", quality=80)
    except (OSError, Image.DecompressionBombError, ValueError):
        logger.warning("No thumbnail for %s: not a decodable image", stored.pk)
        return None
    key = storage.save(f"{stored.storage_key}.thumb.jpg", ContentFile(out.getvalue()))
    updated = StoredFile.objects.filter(pk=stored.pk, thumbnail_key__isnull=True).update(
        thumbnail_key=key, width=width, height=height
    )
    if not updated:
        _delete_blob_quietly(storage, key)
        return None
    return key
