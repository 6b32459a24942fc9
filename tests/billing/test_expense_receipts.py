"""Plan 040: an expense's receipt through the StoredFiles service: uploaded (image or PDF,
private, virus-scanned), downloaded by its owner only once the scan passed, replaced or
removed with the old file deleted through the service, deleted with its expense."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.choices import AuditAction
from audit.models import AuditLog
from billing.models import ExpenseCategory, PetExpense
from doggy.choices import FilePurpose, FileVisibility, ScanStatus
from doggy.models import StoredFile
from tests.billing.factories import PetExpenseFactory
from tests.callers import bearer_client

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


@pytest.fixture(autouse=True)
def _media(media_root):
    return media_root


@pytest.fixture
def scanner(settings):
    settings.DOGGY_FILE_SCANNER = "doggy.scanning.trust_uploads"


@pytest.fixture
def expense(owner):
    vet = ExpenseCategory.objects.get(slug="veterinary", owner__isnull=True)
    return PetExpenseFactory(
        owner=owner,
        category=vet,
        amount=Decimal("80.00"),
        expense_date=datetime.date(2026, 11, 3),
        receipt_file=None,
    )


def _url(expense) -> str:
    return f"/api/v1/billing/expenses/{expense.pk}/receipt/"


def _put(client, expense, content=PNG, name="bill.png", content_type="image/png"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.put(_url(expense), {"file": upload}, format="multipart")


def test_an_owner_uploads_a_receipt_and_downloads_it_once_scanned(
    owner, expense, scanner, django_capture_on_commit_callbacks
):
    client = bearer_client(owner)

    # when the receipt is uploaded and its transaction commits (the scan runs after)
    with django_capture_on_commit_callbacks(execute=True):
        response = _put(client, expense)

    # then the expense carries a private Receipt file, scanned Clean
    assert response.status_code == 200
    expense.refresh_from_db()
    stored = StoredFile.objects.get(pk=expense.receipt_file_id)
    assert (stored.purpose, stored.visibility, stored.owner_id, stored.content_type) == (
        FilePurpose.RECEIPT,
        FileVisibility.PRIVATE,
        owner.pk,
        "image/png",
    )
    assert response.json()["receipt"] == {
        "file_name": "bill.png",
        "content_type": "image/png",
        "size_bytes": len(PNG),
        "scan_status": "Pending",
    }
    assert stored.scan_status == ScanStatus.CLEAN
    download = client.get(_url(expense))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG
    assert download["Content-Type"] == "image/png"
    assert download["Content-Disposition"] == 'attachment; filename="bill.png"'
    assert download["Cache-Control"] == "private, no-store"
    update = AuditLog.objects.get(entity_id=str(expense.pk), action=AuditAction.UPDATE)
    assert update.new_values == {"receipt_file": str(stored.pk)}


def test_a_receipt_waiting_for_its_scan_is_not_served(owner, expense):
    client = bearer_client(owner)
    assert _put(client, expense).status_code == 200
    response = client.get(_url(expense))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "expense_receipt_not_found"


def test_nobody_else_sees_or_changes_the_receipt(owner, other_owner, expense, scanner):
    _put(bearer_client(owner), expense)
    stranger = bearer_client(other_owner)
    assert stranger.get(_url(expense)).json()["error"]["code"] == "expense_not_found"
    assert _put(stranger, expense).status_code == 404
    assert stranger.delete(_url(expense)).status_code == 404
    expense.refresh_from_db()
    assert StoredFile.objects.get(pk=expense.receipt_file_id).deleted_at is None


def test_replacing_a_receipt_deletes_the_old_file(owner, expense):
    client = bearer_client(owner)
    _put(client, expense)
    expense.refresh_from_db()
    old = expense.receipt_file_id

    response = _put(client, expense, content=PDF, name="bill.pdf", content_type="application/pdf")

    assert response.status_code == 200
    assert response.json()["receipt"]["content_type"] == "application/pdf"
    expense.refresh_from_db()
    assert expense.receipt_file_id != old
    assert StoredFile.objects.get(pk=old).deleted_at is not None
    assert StoredFile.objects.get(pk=expense.receipt_file_id).deleted_at is None


def test_removing_a_receipt_deletes_its_file_and_a_second_removal_is_not_found(owner, expense):
    client = bearer_client(owner)
    _put(client, expense)
    expense.refresh_from_db()
    old = expense.receipt_file_id

    assert client.delete(_url(expense)).status_code == 204

    expense.refresh_from_db()
    assert expense.receipt_file_id is None
    assert StoredFile.objects.get(pk=old).deleted_at is not None
    again = client.delete(_url(expense))
    assert (again.status_code, again.json()["error"]["code"]) == (
        404,
        "expense_receipt_not_found",
    )


def test_deleting_the_expense_deletes_its_receipt(owner, expense):
    client = bearer_client(owner)
    _put(client, expense)
    expense.refresh_from_db()
    receipt = expense.receipt_file_id

    assert client.delete(f"/api/v1/billing/expenses/{expense.pk}/").status_code == 204

    assert not PetExpense.objects.filter(pk=expense.pk).exists()
    assert StoredFile.objects.get(pk=receipt).deleted_at is not None


@pytest.mark.parametrize(
    ("_case", "content", "content_type", "code"),
    [
        ("a script", b"#!/bin/sh\necho hi\n", "text/plain", "file_type_not_allowed"),
        ("a text file", b"just words", "text/plain", "file_type_not_allowed"),
        ("a PNG that is not one", b"not a png at all", "image/png", "file_type_not_allowed"),
        ("empty", b"", "image/png", "file_empty"),
    ],
)
def test_a_receipt_must_be_an_image_or_a_pdf(owner, expense, _case, content, content_type, code):
    response = _put(bearer_client(owner), expense, content=content, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert StoredFile.objects.count() == 0
    expense.refresh_from_db()
    assert expense.receipt_file_id is None


def test_a_receipt_larger_than_ten_mebibytes_is_refused(owner, expense):
    big = PNG + b"\x00" * (10 * 1024 * 1024)
    response = _put(bearer_client(owner), expense, content=big)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "file_too_large")
    assert StoredFile.objects.count() == 0
