"""Stored files: upload checks, storage layout, cleanup on failure, download scoping."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audit.models import AuditLog
from doggy import services as doggy_services
from doggy.choices import ScanStatus, SettingDataType
from doggy.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from doggy.models import StoredFile
from doggy.selectors import stored_file_get_for_download
from doggy.services import (
    sanitize_file_name,
    sniff_content_type,
    stored_file_create,
    stored_file_mark_scanned,
    stored_file_soft_delete,
)
from tests.accounts.factories import UserFactory
from tests.doggy.factories import StoredFileFactory, SystemSettingFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 64
GIF = b"GIF89a" + b"\x02" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x03" * 64
PDF = b"%PDF-1.7\n" + b"4 0 obj" * 10
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def _upload(content: bytes, name: str = "rex.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _blobs(media_root) -> list[str]:
    if not media_root.exists():
        return []
    return sorted(
        str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
    )


# --- Sniffing and names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "head", "expected"),
    [
        ("jpeg", JPEG, "image/jpeg"),
        ("png", PNG, "image/png"),
        ("gif", GIF, "image/gif"),
        ("webp", WEBP, "image/webp"),
        ("pdf", PDF, "application/pdf"),
        ("exe", EXE, None),
        ("riff_not_webp", b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
        ("text", b"hello world", None),
    ],
)
def test_sniff_content_type_reads_magic_numbers(_case, head, expected):
    assert sniff_content_type(head[:32]) == expected


@pytest.mark.parametrize(
    ("_case", "name", "expected"),
    [
        ("plain", "rex.png", "rex.png"),
        ("posix_path", "../../etc/passwd", "passwd"),
        ("windows_path", "C:\\Users\\ann\\rex.png", "rex.png"),
        ("control_chars", "re\x00x\n.png", "rex.png"),
        ("bidi_override", "photo\u202egnp.exe", "photognp.exe"),
        ("empty", "", "file"),
        ("dots_only", "..", "file"),
        ("none", None, "file"),
    ],
)
def test_sanitize_file_name(_case, name, expected):
    assert sanitize_file_name(name) == expected


def test_sanitize_file_name_keeps_the_extension_of_a_long_name():
    name = sanitize_file_name("a" * 300 + ".jpeg")

    assert len(name) == 255
    assert name.endswith("a.jpeg")


# --- Upload ----------------------------------------------------------------------------------


def test_upload_stores_the_blob_under_the_key_layout_with_its_checksum(media_root, user):
    # given
    content = PNG

    # when
    stored = stored_file_create(
        actor=user, uploaded_file=_upload(content, name="../Rex\x07.png"), purpose="DogPhoto"
    )

    # then
    stored.refresh_from_db()
    now = timezone.now()
    assert stored.storage_key == f"DogPhoto/{now:%Y}/{now:%m}/{stored.pk}"
    assert re.fullmatch(r"DogPhoto/\d{4}/\d{2}/[0-9a-f-]{36}", stored.storage_key)
    assert stored.checksum_sha256 == hashlib.sha256(content).hexdigest()
    assert stored.size_bytes == len(content)
    assert stored.content_type == "image/png"
    assert stored.original_file_name == "Rex.png"
    assert stored.owner_id == user.pk
    assert stored.visibility == "Private"
    assert stored.upload_status == "Uploaded"
    assert stored.scan_status == "Pending"
    assert stored.storage_backend == "default"
    storage = storages["default"]
    assert storage.exists(stored.storage_key)
    with storage.open(stored.storage_key) as blob:
        assert blob.read() == content
    assert _blobs(media_root) == [stored.storage_key]
    log = AuditLog.objects.get()
    assert log.action == "FileUploaded"
    assert log.entity_type == "doggy.StoredFile"
    assert log.entity_id == str(stored.pk)
    assert log.new_values["checksum_sha256"] == stored.checksum_sha256


def test_upload_streams_large_files_in_chunks(media_root, user):
    # given: more than one 64 KiB chunk
    content = PDF + b"x" * (200 * 1024)

    # when
    stored = stored_file_create(
        actor=user,
        uploaded_file=_upload(content, name="report.pdf", content_type="application/pdf"),
        purpose="MedicalDocument",
    )

    # then
    assert stored.size_bytes == len(content)
    assert stored.checksum_sha256 == hashlib.sha256(content).hexdigest()
    assert stored.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("_case", "content", "declared", "expected"),
    [
        ("jpeg", JPEG, "image/jpeg", "image/jpeg"),
        ("webp", WEBP, "image/webp", "image/webp"),
        ("pdf", PDF, "application/pdf", "application/pdf"),
        ("bytes_win_over_declared", PNG, "application/pdf", "image/png"),
    ],
)
def test_upload_records_the_sniffed_type(_case, content, declared, expected, media_root, user):
    stored = stored_file_create(
        actor=user,
        uploaded_file=_upload(content, content_type=declared),
        purpose="Other",
    )

    assert stored.content_type == expected


def test_the_declared_type_is_a_fallback_only_for_unsniffable_allowed_types(media_root, user):
    stored = stored_file_create(
        actor=user,
        uploaded_file=_upload(b"plain notes", name="notes.txt", content_type="text/plain"),
        purpose="Other",
        allowed_content_types=["text/plain"],
    )

    assert stored.content_type == "text/plain"


@pytest.mark.parametrize(
    ("_case", "content", "name", "declared", "allowed"),
    [
        ("exe_renamed_png", EXE, "cat.png", "image/png", None),
        ("exe_declared_as_allowed_text", EXE, "notes.txt", "text/plain", ["text/plain"]),
        ("png_claim_without_png_bytes", b"not an image at all", "cat.png", "image/png", None),
        ("gif_not_in_default_list", GIF, "cat.gif", "image/gif", None),
        ("declared_type_not_allowed", b"hello", "a.txt", "text/plain", None),
    ],
)
def test_a_refused_type_raises_and_leaves_nothing_behind(
    _case, content, name, declared, allowed, media_root, user
):
    with pytest.raises(ApplicationError) as excinfo:
        stored_file_create(
            actor=user,
            uploaded_file=_upload(content, name=name, content_type=declared),
            purpose="DogPhoto",
            allowed_content_types=allowed,
        )

    assert excinfo.value.code == "file_type_not_allowed"
    assert excinfo.value.status_code == 400
    assert StoredFile.objects.count() == 0
    assert AuditLog.objects.count() == 0
    assert _blobs(media_root) == []


def test_a_file_over_the_limit_raises_and_leaves_nothing_behind(media_root, user):
    with pytest.raises(ApplicationError) as excinfo:
        stored_file_create(
            actor=user, uploaded_file=_upload(PNG), purpose="DogPhoto", max_size=len(PNG) - 1
        )

    assert excinfo.value.code == "file_too_large"
    assert excinfo.value.status_code == 400
    assert excinfo.value.fields == {"file": [f"The file is larger than {len(PNG) - 1} bytes."]}
    assert StoredFile.objects.count() == 0
    assert _blobs(media_root) == []


def test_a_file_exactly_at_the_limit_is_accepted(media_root, user):
    stored = stored_file_create(
        actor=user, uploaded_file=_upload(PNG), purpose="DogPhoto", max_size=len(PNG)
    )

    assert stored.size_bytes == len(PNG)


def test_the_size_counted_from_the_bytes_wins_over_a_declared_size(media_root, user):
    # given: an upload object that under-reports its size
    upload = _upload(PNG)
    upload.size = 1

    # when / then
    with pytest.raises(ApplicationError) as excinfo:
        stored_file_create(actor=user, uploaded_file=upload, purpose="DogPhoto", max_size=10)
    assert excinfo.value.code == "file_too_large"
    assert _blobs(media_root) == []


def test_the_limits_default_to_the_system_settings(media_root, user):
    # given
    SystemSettingFactory(
        setting_key="Messaging.MaxFileSize", data_type=SettingDataType.INTEGER, setting_value="20"
    )
    SystemSettingFactory(
        setting_key="Files.AllowedContentTypes",
        data_type=SettingDataType.JSON,
        setting_value='["image/gif"]',
    )

    # when
    with pytest.raises(ApplicationError) as too_large:
        stored_file_create(actor=user, uploaded_file=_upload(PNG), purpose="DogPhoto")
    stored = stored_file_create(actor=user, uploaded_file=_upload(GIF[:20]), purpose="DogPhoto")
    with pytest.raises(ApplicationError) as wrong_type:
        stored_file_create(actor=user, uploaded_file=_upload(PNG[:20]), purpose="DogPhoto")

    # then
    assert too_large.value.code == "file_too_large"
    assert stored.content_type == "image/gif"
    assert wrong_type.value.code == "file_type_not_allowed"


def test_without_setting_rows_the_built_in_limits_apply(media_root, user):
    # given: no rows (the seed may have created them)
    from doggy.models import SystemSetting

    SystemSetting.objects.filter(
        setting_key__in=["Messaging.MaxFileSize", "Files.AllowedContentTypes"]
    ).delete()

    # when
    stored = stored_file_create(actor=user, uploaded_file=_upload(WEBP), purpose="DogPhoto")
    with pytest.raises(ApplicationError) as wrong_type:
        stored_file_create(actor=user, uploaded_file=_upload(GIF), purpose="DogPhoto")

    # then
    assert stored.content_type == "image/webp"
    assert wrong_type.value.code == "file_type_not_allowed"


def test_an_empty_file_is_refused(media_root, user):
    with pytest.raises(ApplicationError) as excinfo:
        stored_file_create(actor=user, uploaded_file=_upload(b""), purpose="DogPhoto")

    assert excinfo.value.code == "file_empty"
    assert StoredFile.objects.count() == 0


@pytest.mark.parametrize(
    ("_case", "kwargs", "field"),
    [
        ("purpose", {"purpose": "Memes"}, "purpose"),
        ("visibility", {"visibility": "World"}, "visibility"),
    ],  # noqa: E501
)
def test_an_unknown_purpose_or_visibility_is_refused(_case, kwargs, field, media_root, user):
    arguments = {"purpose": "DogPhoto", **kwargs}

    with pytest.raises(ApplicationError) as excinfo:
        stored_file_create(actor=user, uploaded_file=_upload(PNG), **arguments)

    assert excinfo.value.code == "file_invalid"
    assert list(excinfo.value.fields) == [field]
    assert _blobs(media_root) == []


def test_an_anonymous_upload_is_refused(media_root):
    with pytest.raises(PermissionDeniedError):
        stored_file_create(actor=AnonymousUser(), uploaded_file=_upload(PNG), purpose="DogPhoto")

    assert _blobs(media_root) == []


@pytest.mark.parametrize("_case", ["audit_write_fails", "row_insert_fails"])
def test_a_database_failure_after_the_blob_was_saved_deletes_the_blob(
    _case, media_root, user, monkeypatch
):
    # given: the database write fails once the blob is in storage
    saved_keys = []
    storage = storages["default"]
    real_save = storage.save

    def save_and_remember(name, content, max_length=None):
        saved_keys.append(real_save(name, content, max_length=max_length))
        return saved_keys[-1]

    def fail(*args, **kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(storage, "save", save_and_remember)
    if _case == "audit_write_fails":
        monkeypatch.setattr(doggy_services, "audit_log_record", fail)
    else:
        monkeypatch.setattr(StoredFile, "save", fail)

    # when
    with pytest.raises(RuntimeError, match="database unavailable"):
        stored_file_create(actor=user, uploaded_file=_upload(PNG), purpose="DogPhoto")

    # then: the blob was written, then removed; no row
    assert len(saved_keys) == 1
    assert not storage.exists(saved_keys[0])
    assert _blobs(media_root) == []
    assert StoredFile.objects.count() == 0


# --- Scan, delete, download ----------------------------------------------------------------


def test_mark_scanned_records_the_verdict(user):
    stored = StoredFileFactory(owner=user, scan_status=ScanStatus.PENDING)

    stored_file_mark_scanned(file=stored, status="Infected")

    stored.refresh_from_db()
    assert stored.scan_status == "Infected"
    assert stored.scanned_at is not None
    log = AuditLog.objects.get()
    assert log.severity == "Warning"
    assert log.old_values == {"scan_status": "Pending"}
    assert log.new_values == {"scan_status": "Infected"}


def test_mark_scanned_refuses_pending_as_a_verdict(user):
    stored = StoredFileFactory(owner=user, scan_status=ScanStatus.PENDING)

    with pytest.raises(ApplicationError):
        stored_file_mark_scanned(file=stored, status="Pending")

    stored.refresh_from_db()
    assert stored.scanned_at is None


def test_the_owner_soft_deletes_a_file(user):
    stored = StoredFileFactory(owner=user)

    stored_file_soft_delete(actor=user, file=stored)

    stored.refresh_from_db()
    assert stored.deleted_at is not None
    assert AuditLog.objects.get().action == "Delete"
    with pytest.raises(NotFoundError):
        stored_file_get_for_download(actor=user, file_id=stored.pk)


def test_another_user_cannot_soft_delete_a_file(user, other_user):
    stored = StoredFileFactory(owner=user)

    with pytest.raises(NotFoundError):
        stored_file_soft_delete(actor=other_user, file=stored)

    stored.refresh_from_db()
    assert stored.deleted_at is None
    assert AuditLog.objects.count() == 0


@pytest.mark.parametrize(
    ("_case", "who", "allowed"),
    [
        ("owner", "owner", True),
        ("other_user", "other", False),
        ("staff", "staff", True),
        # is_staff only opens the admin site; it grants no capability (one staff predicate).
        ("bare_is_staff", "bare_staff", False),
        ("system_admin_permission", "rbac_admin", True),
        ("anonymous", "anonymous", False),
    ],
)
def test_download_is_answered_for_the_owner_and_staff_only(
    _case, who, allowed, user, other_user, superuser, user_with_permission
):
    # given
    stored = StoredFileFactory(owner=user)
    actor = {
        "owner": user,
        "other": other_user,
        "staff": superuser,
        "bare_staff": UserFactory(is_staff=True) if who == "bare_staff" else None,
        "anonymous": AnonymousUser(),
    }.get(who) or user_with_permission("system.admin")

    # when / then
    if allowed:
        assert stored_file_get_for_download(actor=actor, file_id=str(stored.pk)) == stored
    else:
        with pytest.raises(NotFoundError) as excinfo:
            stored_file_get_for_download(actor=actor, file_id=stored.pk)
        assert excinfo.value.code == "file_not_found"
        assert excinfo.value.status_code == 404


@pytest.mark.parametrize(
    ("_case", "overrides"),
    [
        ("scan_pending", {"scan_status": ScanStatus.PENDING}),
        ("infected", {"scan_status": ScanStatus.INFECTED}),
        ("scan_error", {"scan_status": ScanStatus.ERROR}),
        ("deleted", {"deleted_at": timezone.now()}),
        ("expired", {"expires_at": timezone.now() - datetime.timedelta(minutes=1)}),
        ("upload_incomplete", {"upload_status": "Pending"}),
    ],
)
def test_download_refuses_files_that_may_not_be_served(_case, overrides, user, superuser):
    stored = StoredFileFactory(owner=user, **overrides)

    for actor in (user, superuser):
        with pytest.raises(NotFoundError):
            stored_file_get_for_download(actor=actor, file_id=stored.pk)


def test_download_serves_skipped_files_and_unexpired_temporary_files(user):
    skipped = StoredFileFactory(owner=user, scan_status=ScanStatus.SKIPPED)
    temporary = StoredFileFactory(
        owner=user, expires_at=timezone.now() + datetime.timedelta(hours=1)
    )

    assert stored_file_get_for_download(actor=user, file_id=skipped.pk) == skipped
    assert stored_file_get_for_download(actor=user, file_id=temporary.pk) == temporary


@pytest.mark.parametrize("file_id", ["not-a-uuid", "", "0b7e4c1e-56a4-4a0f-9f8e-2d2a8f0b9c11"])
def test_download_of_a_malformed_or_unknown_id_is_not_found(file_id, user):
    with pytest.raises(NotFoundError):
        stored_file_get_for_download(actor=user, file_id=file_id)


def test_download_costs_one_query_for_the_owner(user, django_assert_num_queries):
    stored = StoredFileFactory(owner=user)

    with django_assert_num_queries(1):
        stored_file_get_for_download(actor=user, file_id=stored.pk)


def _failing_scanner(stored_file, uploaded_file):
    raise ConnectionError("scanner unreachable")


@pytest.mark.parametrize(
    ("_case", "scanner", "expected"),
    [
        ("no scanner: the file waits", "", ScanStatus.PENDING),
        ("a scanner's verdict is recorded", "doggy.scanning.trust_uploads", ScanStatus.CLEAN),
        (
            "a failing scanner never passes a file",
            "tests.doggy.test_files._failing_scanner",
            ScanStatus.ERROR,
        ),
    ],
)
def test_the_configured_scanner_decides_the_scan_status(
    _case, scanner, expected, media_root, user, settings, django_capture_on_commit_callbacks
):
    # Given a scanner setting
    settings.DOGGY_FILE_SCANNER = scanner

    # When a file is uploaded and its transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        stored = stored_file_create(actor=user, uploaded_file=_upload(PNG), purpose="DogPhoto")

    # Then its scan status is the scanner's verdict
    assert StoredFile.objects.get(pk=stored.pk).scan_status == expected


def test_the_scan_runs_only_after_the_upload_commits(
    media_root, user, settings, django_capture_on_commit_callbacks
):
    # Given a scanner
    settings.DOGGY_FILE_SCANNER = "doggy.scanning.trust_uploads"

    # When a file is uploaded inside a transaction that has not committed yet
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        stored = stored_file_create(actor=user, uploaded_file=_upload(PNG), purpose="DogPhoto")

        # Then the request's transaction holds the file unscanned, with one task queued
        assert StoredFile.objects.get(pk=stored.pk).scan_status == ScanStatus.PENDING
    assert len(callbacks) == 1

    # And the task records the verdict once run after the commit
    callbacks[0]()
    assert StoredFile.objects.get(pk=stored.pk).scan_status == ScanStatus.CLEAN
