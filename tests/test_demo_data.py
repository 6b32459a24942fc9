"""`manage.py demo_data`: the demo accounts of `make run`, loaded idempotently."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.choices import KycStatus, RoleName
from accounts.management.commands import demo_data
from accounts.models import (
    KycDocument,
    KycReviewEvent,
    KycVerification,
    Role,
    RolePermission,
    ServiceProvider,
    User,
    UserRole,
    UserSettings,
)
from accounts.selectors import user_permission_names
from audit.models import AuditLog
from doggy.models import StoredFile
from tests.accounts.factories import system_rbac

COUNTED = (
    User,
    UserSettings,
    Role,
    RolePermission,
    UserRole,
    ServiceProvider,
    KycVerification,
    KycDocument,
    KycReviewEvent,
    StoredFile,
    AuditLog,
)


@pytest.fixture
def seeded(db, settings, tmp_path):
    """The RBAC seed (with or without its data migration) and a throwaway media root."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return system_rbac()


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _logins(output: str) -> list[str]:
    lines = output.splitlines()
    return lines[lines.index(f"Admin: {demo_data.ADMIN_URL}") :]


@pytest.mark.django_db
def test_demo_data_refuses_without_debug(seeded, settings):
    # given a server configuration (DEBUG off)
    settings.DEBUG = False
    before = _counts()
    # when the command runs without --force
    with pytest.raises(CommandError, match="DEBUG"):
        _run()
    # then nothing is created
    assert _counts() == before


@pytest.mark.django_db
def test_demo_data_twice_creates_the_same_rows_and_prints_the_same_logins(seeded, settings):
    # given a development configuration
    settings.DEBUG = True
    # when the command runs twice
    first = _run()
    after_first = _counts()
    second = _run()
    # then the second run creates nothing and prints the same logins
    assert _counts() == after_first
    assert _logins(second) == _logins(first)
    assert second.splitlines()[0] == "Demo data already present; nothing created."
    # and the first run made the demo accounts
    assert _logins(first)[:3] == [
        "Admin: http://127.0.0.1:8000/admin/",
        "Demo logins (development only):",
        f"  {'superuser':<28} {'admin@doggy.local':<24} {demo_data.SUPERUSER_PASSWORD}",
    ]
    assert len(_logins(first)) == 2 + 1 + 1 + 3 + 3


@pytest.mark.django_db
def test_demo_accounts_can_sign_in_and_hold_their_roles(seeded, settings):
    # given the demo data
    settings.DEBUG = True
    _run()
    # then the superuser, the reviewer, the owners and the providers exist as printed
    admin = User.objects.get(email=demo_data.SUPERUSER_EMAIL)
    assert (admin.is_superuser, admin.is_staff) == (True, True)
    assert admin.check_password(demo_data.SUPERUSER_PASSWORD)
    reviewer = User.objects.get(email=demo_data.REVIEWER_EMAIL)
    assert (reviewer.is_staff, reviewer.is_superuser) == (True, False)
    assert reviewer.check_password(demo_data.REVIEWER_PASSWORD)
    assert user_permission_names(user=reviewer) == {"kyc.review", "users.view"}
    assert Role.objects.get(name=demo_data.REVIEWER_ROLE).level == demo_data.REVIEWER_ROLE_LEVEL
    for person in demo_data.PET_OWNERS:
        owner = User.objects.get(email=person.email)
        assert owner.check_password(demo_data.OWNER_PASSWORD)
        assert list(owner.user_roles.values_list("role__name", flat=True)) == [RoleName.PET_OWNER]
    for person in demo_data.PROVIDERS:
        provider = User.objects.get(email=person.email)
        assert provider.check_password(demo_data.PROVIDER_PASSWORD)
        assert provider.service_provider.business_name == person.business_name
        assert provider.service_provider.is_verified is False


@pytest.mark.django_db
def test_demo_providers_have_pending_kyc_cases_with_clean_documents(seeded, settings):
    # given the demo data
    settings.DEBUG = True
    _run()
    # then each provider has one submitted case holding a passport, a selfie and a PDF
    cases = KycVerification.objects.select_related("service_provider").order_by("user__email")
    assert [(c.user.email, c.status) for c in cases] == [
        (p.email, KycStatus.PENDING) for p in demo_data.PROVIDERS
    ]
    for case in cases:
        assert case.service_provider.user_id == case.user_id
        assert case.submitted_at is not None
        documents = case.documents.select_related("file").order_by("document_type")
        assert [(d.document_type, d.file.content_type) for d in documents] == [
            ("Passport", "image/png"),
            ("ProofOfAddress", "application/pdf"),
            ("Selfie", "image/png"),
        ]
        assert all(d.file.is_servable for d in documents)


def test_demo_png_and_pdf_are_well_formed():
    # when the generators make a PNG and a PDF
    png = demo_data.demo_png((1, 2, 3), size=4)
    pdf = demo_data.demo_pdf("Hello (world)")
    # then they start with their signatures and end properly
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert png.endswith(b"IEND\xaeB`\x82")
    assert pdf.startswith(b"%PDF-1.4")
    assert pdf.rstrip().endswith(b"%%EOF")
    xref_at = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref_at:].startswith(b"xref")
