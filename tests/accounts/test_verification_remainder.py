"""Plan 038, the rest of it: the expiry notice ahead of a credential's expiry (once per
credential), and the background check as a requirement of IsVerified where the setting
asks for one, shown in the provider's verification summary and recorded in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.choices import (
    BackgroundCheckResult,
    BackgroundCheckStatus,
    BackgroundCheckVendor,
    CredentialStatus,
    CredentialType,
    KycStatus,
)
from accounts.models import BackgroundCheck, ProviderCredential, ProviderCredentialType
from accounts.services.credentials import (
    background_check_request,
    background_check_update,
    credentials_expire,
    credentials_expiry_notice,
    provider_verification_recompute,
)
from accounts.services.kyc import kyc_approve
from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.choices import FilePurpose, SettingDataType
from tests.accounts.factories import (
    BackgroundCheckFactory,
    KycVerificationFactory,
    ProviderCredentialFactory,
    ServiceProviderFactory,
)
from tests.callers import bearer_client
from tests.doggy.factories import StoredFileFactory, SystemSettingFactory

pytestmark = pytest.mark.django_db

REQUIRED = (CredentialType.BUSINESS_LICENSE, CredentialType.LIABILITY_INSURANCE)


@pytest.fixture(autouse=True)
def required_types(db):
    for code in REQUIRED:
        ProviderCredentialType.objects.update_or_create(
            code=code, category=None, defaults={"name": code, "is_required": True}
        )


def _setting(key, value):
    if isinstance(value, bool):
        data_type, raw = SettingDataType.BOOLEAN, "true" if value else "false"
    else:
        data_type, raw = SettingDataType.INTEGER, str(value)
    SystemSettingFactory(setting_key=key, setting_value=raw, data_type=data_type, category="Test")


def _today():
    return timezone.now().date()


def _credential(provider, code, **fields):
    document = StoredFileFactory(owner=provider.user, purpose=FilePurpose.CREDENTIAL_DOCUMENT)
    return ProviderCredentialFactory(
        provider=provider, credential_type=code, file=document, **fields
    )


def _verified_provider(**fields):
    provider = ServiceProviderFactory(**fields)
    now = timezone.now()
    KycVerificationFactory(
        user=provider.user,
        service_provider=provider,
        status=KycStatus.APPROVED,
        submitted_at=now,
        reviewed_at=now,
    )
    for code in REQUIRED:
        _credential(provider, code)
    return provider_verification_recompute(actor=None, provider=provider)


def _expiring_in(provider, days, **fields):
    return _credential(
        provider,
        CredentialType.PET_FIRST_AID_CPR,
        expires_on=_today() + datetime.timedelta(days=days),
        **fields,
    )


# --- The expiry notice -----------------------------------------------------------------------


def test_a_notice_goes_out_once_for_a_credential_expiring_within_30_days(
    django_capture_on_commit_callbacks,
):
    provider = ServiceProviderFactory()
    due = _expiring_in(provider, 30)
    _expiring_in(provider, 31)  # not yet
    _expiring_in(provider, 10, status=CredentialStatus.PENDING)  # not verified
    _expiring_in(provider, 5, expiry_notice_sent_at=timezone.now())  # told already

    with django_capture_on_commit_callbacks(execute=True):
        assert credentials_expiry_notice() == 1

    due.refresh_from_db()
    assert due.expiry_notice_sent_at is not None
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            [provider.user.email],
            f"Your Pet First Aid Cpr expires on {due.expires_on:%Y-%m-%d}",
        )
    ]
    audit = AuditLog.objects.get(entity_id=str(due.pk))
    assert (audit.action, audit.user_id, audit.old_values) == (
        AuditAction.UPDATE,
        None,
        {"expiry_notice_sent_at": None},
    )
    # a second sweep tells nobody again
    with django_capture_on_commit_callbacks(execute=True):
        assert credentials_expiry_notice() == 0
    assert len(mail.outbox) == 1


def test_the_notice_window_is_a_setting():
    _setting("Verification.CredentialExpiryNoticeDays", 7)
    provider = ServiceProviderFactory()
    soon, later = _expiring_in(provider, 7), _expiring_in(provider, 8)
    assert credentials_expiry_notice() == 1
    assert list(
        ProviderCredential.objects.filter(expiry_notice_sent_at__isnull=False).values_list(
            "pk", flat=True
        )
    ) == [soon.pk]
    later.refresh_from_db()
    assert later.expiry_notice_sent_at is None


def test_the_daily_sweep_sends_the_notices_after_expiring(django_capture_on_commit_callbacks):
    provider = ServiceProviderFactory()
    _expiring_in(provider, -1)  # past: expired, never "expires soon"
    _expiring_in(provider, 2)
    with django_capture_on_commit_callbacks(execute=True):
        result = credentials_expire()
    assert (result.expired, result.notices_sent) == (1, 1)
    assert sorted(m.subject.rsplit(" ", 2)[-2] for m in mail.outbox) == ["has", "on"]


# --- Background checks and IsVerified --------------------------------------------------------


def test_without_the_setting_a_background_check_does_not_matter():
    provider = _verified_provider()
    BackgroundCheckFactory(provider=provider, status="complete", result="consider")
    assert provider_verification_recompute(actor=None, provider=provider).is_verified is True


def test_with_the_setting_verification_waits_for_a_clear_check(kyc_reviewer):
    _setting("Verification.BackgroundCheckRequired", True)
    provider = _verified_provider()
    assert provider.is_verified is False  # no check yet

    check = background_check_request(
        actor=kyc_reviewer, provider=provider, vendor=BackgroundCheckVendor.CHECKR
    )
    provider.refresh_from_db()
    assert provider.is_verified is False  # pending

    background_check_update(
        actor=None,
        check=check,
        status=BackgroundCheckStatus.COMPLETE,
        result=BackgroundCheckResult.CLEAR,
        external_report_id="rpt_1",
    )
    provider.refresh_from_db()
    assert provider.is_verified is True

    # a newer check that comes back "consider" un-verifies the provider
    recheck = background_check_request(
        actor=kyc_reviewer, provider=provider, vendor=BackgroundCheckVendor.CHECKR
    )
    background_check_update(
        actor=None,
        check=recheck,
        status=BackgroundCheckStatus.COMPLETE,
        result=BackgroundCheckResult.CONSIDER,
    )
    provider.refresh_from_db()
    assert provider.is_verified is False
    # verified, then un-verified: each change of the flag audited
    assert AuditLog.objects.filter(entity_id=str(provider.pk)).count() == 2


def test_a_clear_check_past_its_recheck_date_no_longer_counts():
    _setting("Verification.BackgroundCheckRequired", True)
    provider = ServiceProviderFactory()
    BackgroundCheckFactory(
        provider=provider,
        status=BackgroundCheckStatus.COMPLETE,
        result=BackgroundCheckResult.CLEAR,
        expires_at=timezone.now() - datetime.timedelta(days=1),
    )
    now = timezone.now()
    KycVerificationFactory(
        user=provider.user,
        service_provider=provider,
        status=KycStatus.APPROVED,
        submitted_at=now,
        reviewed_at=now,
    )
    for code in REQUIRED:
        _credential(provider, code)
    assert provider_verification_recompute(actor=None, provider=provider).is_verified is False


def test_kyc_approval_also_requires_the_clear_check(kyc_reviewer):
    _setting("Verification.BackgroundCheckRequired", True)
    provider = ServiceProviderFactory()
    for code in REQUIRED:
        _credential(provider, code)
    case = KycVerificationFactory(
        user=provider.user,
        service_provider=provider,
        status=KycStatus.IN_REVIEW,
        submitted_at=timezone.now(),
    )
    kyc_approve(actor=kyc_reviewer, verification=case)
    provider.refresh_from_db()
    assert provider.is_verified is False
    BackgroundCheckFactory(provider=provider, status=BackgroundCheckStatus.COMPLETE, result="clear")
    assert provider_verification_recompute(actor=None, provider=provider).is_verified is True


def test_the_verification_summary_shows_the_latest_check(provider_user):
    _setting("Verification.BackgroundCheckRequired", True)
    provider = provider_user.service_provider
    BackgroundCheckFactory(
        provider=provider,
        vendor=BackgroundCheckVendor.CHECKR,
        status=BackgroundCheckStatus.COMPLETE,
        result=BackgroundCheckResult.CONSIDER,
        requested_at=timezone.now() - datetime.timedelta(days=40),
    )
    latest = BackgroundCheckFactory(
        provider=provider,
        vendor=BackgroundCheckVendor.STERLING,
        status=BackgroundCheckStatus.PENDING,
        result=None,
        completed_at=None,
        expires_at=None,
    )
    body = bearer_client(provider_user).get("/api/v1/providers/me/verification/").json()
    assert (body["background_check_required"], body["background_check_clear"]) == (True, False)
    assert body["background_check"] == {
        "vendor": "Sterling",
        "status": "pending",
        "result": None,
        "requested_at": body["background_check"]["requested_at"],
        "completed_at": None,
        "expires_at": None,
    }
    assert latest.requested_at.isoformat()[:19] == body["background_check"]["requested_at"][:19]


# --- The admin ---------------------------------------------------------------------------------


@pytest.fixture
def staff_reviewer(client, kyc_reviewer):
    kyc_reviewer.is_staff = True
    kyc_reviewer.save(update_fields=["is_staff"])
    client.force_login(kyc_reviewer)
    return client


def test_staff_record_a_check_and_its_vendor_status_in_the_admin(staff_reviewer, kyc_reviewer):
    _setting("Verification.BackgroundCheckRequired", True)
    provider = _verified_provider()
    added = staff_reviewer.post(
        reverse("admin:accounts_backgroundcheck_add"),
        {"provider": provider.pk, "vendor": "Checkr", "external_report_id": ""},
    )
    assert added.status_code == 302, added.content[:2000]
    check = BackgroundCheck.objects.get()
    assert (check.status, check.external_report_id) == ("pending", None)

    changed = staff_reviewer.post(
        reverse("admin:accounts_backgroundcheck_change", args=[check.pk]),
        {
            "provider": provider.pk,
            "vendor": "Checkr",
            "external_report_id": "rpt_9",
            "status": "complete",
            "result": "clear",
            "adjudication": "",
            "expires_at_0": "",
            "expires_at_1": "",
        },
    )
    assert changed.status_code == 302, changed.content[:2000]
    check.refresh_from_db()
    assert (check.status, check.result, check.external_report_id) == ("complete", "clear", "rpt_9")
    provider.refresh_from_db()
    assert provider.is_verified is True
    actions = list(
        AuditLog.objects.filter(entity_id=str(check.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATE, AuditAction.UPDATE]


def test_the_admin_refuses_changing_a_final_check_on_the_form(staff_reviewer):
    check = BackgroundCheckFactory(status=BackgroundCheckStatus.COMPLETE, result="clear")
    response = staff_reviewer.post(
        reverse("admin:accounts_backgroundcheck_change", args=[check.pk]),
        {
            "provider": check.provider_id,
            "vendor": check.vendor,
            "external_report_id": check.external_report_id or "",
            "status": "dispute",
            "result": "clear",
            "adjudication": "",
            "expires_at_0": "",
            "expires_at_1": "",
        },
    )
    assert response.status_code == 200
    assert b"it cannot change any more" in response.content
    check.refresh_from_db()
    assert check.status == BackgroundCheckStatus.COMPLETE
