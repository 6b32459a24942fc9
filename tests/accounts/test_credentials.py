"""Plan 038: providers submit credentials, reviewers decide them, the daily sweep expires
them, and `IsVerified` derives from KYC plus the required credentials (SCHEMA.md 2.38)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
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
from accounts.credential_errors import CredentialErrorCode
from accounts.models import ProviderCredential, ProviderCredentialType, ServiceProvider
from accounts.services.credentials import (
    background_check_request,
    background_check_update,
    credential_approve,
    credential_reject,
    credentials_expire,
    credentials_expire_sweep,
    provider_verification_recompute,
)
from accounts.services.kyc import kyc_approve
from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.choices import FilePurpose, JobRunStatus, ScanStatus
from doggy.core.errors import ConflictError, PermissionDeniedError
from doggy.models import BackgroundJobRun, StoredFile
from tests.accounts.factories import (
    KycVerificationFactory,
    ProviderCredentialFactory,
    ServiceProviderFactory,
)
from tests.callers import bearer_client
from tests.doggy.factories import StoredFileFactory
from tests.scheduling.factories import ServiceCategoryFactory, ServiceOfferingFactory

pytestmark = pytest.mark.django_db

CREDENTIALS_URL = "/api/v1/providers/me/credentials/"
VERIFICATION_URL = "/api/v1/providers/me/verification/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
REQUIRED = (CredentialType.BUSINESS_LICENSE, CredentialType.LIABILITY_INSURANCE)


@pytest.fixture(autouse=True)
def required_types(db):
    """Every provider needs a business licence and liability insurance (as seeded)."""
    for code in REQUIRED:
        ProviderCredentialType.objects.update_or_create(
            code=code, category=None, defaults={"name": code, "is_required": True}
        )


def _today():
    return timezone.now().date()


def _kyc_approved(provider):
    now = timezone.now()
    return KycVerificationFactory(
        user=provider.user,
        service_provider=provider,
        status=KycStatus.APPROVED,
        submitted_at=now,
        reviewed_at=now,
    )


def _credential(provider, code, **fields):
    document = StoredFileFactory(owner=provider.user, purpose=FilePurpose.CREDENTIAL_DOCUMENT)
    return ProviderCredentialFactory(
        provider=provider, credential_type=code, file=document, **fields
    )


def _verified_provider(**fields):
    """A KYC-approved provider holding every required credential, verified."""
    provider = ServiceProviderFactory(**fields)
    _kyc_approved(provider)
    for code in REQUIRED:
        _credential(provider, code)
    return provider_verification_recompute(actor=None, provider=provider)


def _upload(client, **extra):
    payload = {
        "file": SimpleUploadedFile("licence.png", PNG, content_type="image/png"),
        "credential_type": CredentialType.BUSINESS_LICENSE,
        "issuer": "City of Springfield",
        "credential_number": "LIC 1234 5678",
        "issued_on": "2026-01-01",
        "expires_on": (_today() + datetime.timedelta(days=365)).isoformat(),
        **extra,
    }
    return client.post(CREDENTIALS_URL, payload, format="multipart")


# --- Submitting -----------------------------------------------------------------------------


def test_a_provider_submits_a_credential_with_its_document(provider_user, media_root):
    # when
    response = _upload(bearer_client(provider_user))

    # then the credential waits for review, keeping only the number's last four
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["credential_number"], body["issuer"]) == (
        CredentialStatus.PENDING,
        "5678",
        "City of Springfield",
    )
    credential = ProviderCredential.objects.get(pk=body["id"])
    assert credential.provider == provider_user.service_provider
    stored = StoredFile.objects.get(pk=body["file_id"])
    assert (stored.owner_id, stored.purpose) == (
        provider_user.pk,
        FilePurpose.CREDENTIAL_DOCUMENT,
    )
    audit = AuditLog.objects.get(action=AuditAction.CREATE, entity_id=str(credential.pk))
    assert audit.user_id == provider_user.pk
    assert "LIC 1234 5678" not in str(audit.new_values)


def test_an_expired_credential_is_refused_and_its_upload_discarded(provider_user, media_root):
    # when
    response = _upload(
        bearer_client(provider_user),
        expires_on=(_today() - datetime.timedelta(days=1)).isoformat(),
    )

    # then
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"expires_on": ["The credential has expired."]}
    assert ProviderCredential.objects.count() == 0
    assert StoredFile.objects.get().deleted_at is not None


def test_a_provider_reads_only_their_own_credentials(provider_user, media_root):
    # given a credential of another provider
    others = _credential(ServiceProviderFactory(), CredentialType.BUSINESS_LICENSE)
    mine = _upload(bearer_client(provider_user)).json()
    client = bearer_client(provider_user)

    # then
    listed = client.get(CREDENTIALS_URL).json()["results"]
    assert [row["id"] for row in listed] == [mine["id"]]
    assert client.get(f"{CREDENTIALS_URL}{mine['id']}/").status_code == 200
    hidden = client.get(f"{CREDENTIALS_URL}{others.pk}/")
    assert hidden.status_code == 404
    assert hidden.json()["error"]["code"] == CredentialErrorCode.CREDENTIAL_NOT_FOUND.value


def test_the_verification_summary_names_the_missing_credentials(provider_user):
    # given an approved KYC case and one of the two required credentials
    provider = provider_user.service_provider
    _kyc_approved(provider)
    _credential(provider, CredentialType.BUSINESS_LICENSE)
    # and an offering in a category that needs a groomer certification
    grooming = ServiceCategoryFactory()
    ProviderCredentialType.objects.create(
        code=CredentialType.GROOMER_CERTIFICATION,
        name="Groomer",
        is_required=True,
        category=grooming,
    )
    ServiceOfferingFactory(provider=provider, category=grooming)

    # when
    body = bearer_client(provider_user).get(VERIFICATION_URL).json()

    # then
    assert body == {
        "is_verified": False,
        "verification_status": provider.verification_status,
        "kyc_approved": True,
        "required_credentials": sorted([*REQUIRED, CredentialType.GROOMER_CERTIFICATION]),
        "missing_credentials": sorted(
            [CredentialType.GROOMER_CERTIFICATION, CredentialType.LIABILITY_INSURANCE]
        ),
        "background_check_required": False,
        "background_check_clear": False,
        "background_check": None,
    }


# --- Reviewing and IsVerified ------------------------------------------------------------------


def test_approving_the_last_required_credential_verifies_the_provider(kyc_reviewer):
    # given a KYC-approved provider with one verified and one pending credential
    provider = ServiceProviderFactory()
    _kyc_approved(provider)
    _credential(provider, CredentialType.BUSINESS_LICENSE)
    pending = _credential(
        provider, CredentialType.LIABILITY_INSURANCE, status=CredentialStatus.PENDING
    )
    assert provider_verification_recompute(actor=None, provider=provider).is_verified is False

    # when
    credential_approve(actor=kyc_reviewer, credential=pending)

    # then
    pending.refresh_from_db()
    assert (pending.status, pending.verified_by_id) == (CredentialStatus.VERIFIED, kyc_reviewer.pk)
    provider.refresh_from_db()
    assert provider.is_verified is True
    assert provider.verified_at is not None
    assert AuditLog.objects.filter(
        action=AuditAction.UPDATE, entity_id=str(pending.pk), user=kyc_reviewer
    ).exists()


def test_rejecting_a_required_credential_unverifies_the_provider(kyc_reviewer):
    # given
    provider = _verified_provider()
    assert provider.is_verified is True
    insurance = provider.credentials.get(credential_type=CredentialType.LIABILITY_INSURANCE)

    # when
    credential_reject(actor=kyc_reviewer, credential=insurance, reason="The policy lapsed.")

    # then
    insurance.refresh_from_db()
    assert (insurance.status, insurance.rejection_reason) == (
        CredentialStatus.REJECTED,
        "The policy lapsed.",
    )
    provider.refresh_from_db()
    assert (provider.is_verified, provider.verified_at) == (False, None)


def test_kyc_approval_alone_does_not_verify_a_provider_without_credentials(kyc_reviewer):
    # given a provider with a KYC case in review and no credentials
    provider = ServiceProviderFactory()
    now = timezone.now()
    case = KycVerificationFactory(
        user=provider.user,
        service_provider=provider,
        status=KycStatus.IN_REVIEW,
        submitted_at=now,
        review_started_at=now,
    )

    # when
    kyc_approve(actor=kyc_reviewer, verification=case)

    # then the case mirrors on the profile, which stays unverified
    provider.refresh_from_db()
    assert (provider.verification_status, provider.is_verified) == (KycStatus.APPROVED, False)


def test_only_pending_credentials_can_be_approved(kyc_reviewer):
    rejected = _credential(
        ServiceProviderFactory(), CredentialType.BONDING, status=CredentialStatus.REJECTED
    )
    with pytest.raises(ConflictError) as refused:
        credential_approve(actor=kyc_reviewer, credential=rejected)
    assert refused.value.code == CredentialErrorCode.CREDENTIAL_INVALID_TRANSITION.value


def test_a_document_not_yet_scanned_cannot_be_approved(kyc_reviewer):
    credential = _credential(
        ServiceProviderFactory(), CredentialType.BONDING, status=CredentialStatus.PENDING
    )
    StoredFile.objects.filter(pk=credential.file_id).update(scan_status=ScanStatus.PENDING)
    with pytest.raises(ConflictError) as refused:
        credential_approve(actor=kyc_reviewer, credential=credential)
    assert refused.value.code == CredentialErrorCode.CREDENTIAL_FILE_INVALID.value


def test_only_reviewers_decide_and_never_on_their_own(owner, kyc_reviewer):
    credential = _credential(
        ServiceProviderFactory(), CredentialType.BONDING, status=CredentialStatus.PENDING
    )
    with pytest.raises(PermissionDeniedError) as refused:
        credential_approve(actor=owner, credential=credential)
    assert refused.value.code == CredentialErrorCode.PERMISSION_DENIED.value
    own = _credential(
        ServiceProviderFactory(user=kyc_reviewer),
        CredentialType.BONDING,
        status=CredentialStatus.PENDING,
    )
    with pytest.raises(PermissionDeniedError) as refused:
        credential_approve(actor=kyc_reviewer, credential=own)
    assert refused.value.code == CredentialErrorCode.CREDENTIAL_OWN_REVIEW.value


# --- The daily sweep ----------------------------------------------------------------------------


def test_the_sweep_expires_credentials_unverifies_audits_and_emails(
    django_capture_on_commit_callbacks,
):
    # given a verified provider whose insurance expired yesterday
    provider = _verified_provider()
    insurance = provider.credentials.get(credential_type=CredentialType.LIABILITY_INSURANCE)
    ProviderCredential.objects.filter(pk=insurance.pk).update(
        expires_on=_today() - datetime.timedelta(days=1)
    )
    # and another provider's credential expiring today (still current)
    today = _verified_provider()
    ProviderCredential.objects.filter(provider=today).update(expires_on=_today())

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = credentials_expire()

    # then
    assert (result.expired, result.providers_unverified) == (1, 1)
    insurance.refresh_from_db()
    assert insurance.status == CredentialStatus.EXPIRED
    provider.refresh_from_db()
    assert provider.is_verified is False
    today.refresh_from_db()
    assert today.is_verified is True
    audit = AuditLog.objects.get(action=AuditAction.UPDATE, entity_id=str(insurance.pk))
    assert audit.user_id is None
    assert (audit.old_values["status"], audit.new_values["status"]) == ("Verified", "Expired")
    expired_mail = [m for m in mail.outbox if m.subject.endswith("has expired")]
    assert [message.to for message in expired_mail] == [[provider.user.email]]
    assert expired_mail[0].subject == "Your Liability Insurance has expired"
    # (the credentials expiring today got their expiry notice: tested below)
    assert result.notices_sent == 2
    # and a second run does nothing
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = credentials_expire()
    assert (again.expired, again.notices_sent, len(mail.outbox)) == (0, 0, sent)


def test_the_sweep_command_and_task_report_what_they_did():
    provider = _verified_provider()
    ProviderCredential.objects.filter(provider=provider).update(
        expires_on=_today() - datetime.timedelta(days=3)
    )
    out = io.StringIO()
    call_command("expire_credentials", "--batch-size", "1", stdout=out)
    assert out.getvalue() == (
        "2 credential(s) expired, 1 provider(s) no longer verified, 0 expiry notice(s) sent.\n"
    )
    assert set(provider.credentials.values_list("status", flat=True)) == {"Expired"}
    assert credentials_expire_sweep() == 0
    assert ServiceProvider.objects.get(pk=provider.pk).is_verified is False
    # the command's run and the task's, each recorded
    runs = BackgroundJobRun.objects.order_by("started_at", "id")
    assert [(r.job_name, r.status, r.items_processed) for r in runs] == [
        ("expire_credentials", JobRunStatus.SUCCEEDED, 2),
        ("expire_credentials", JobRunStatus.SUCCEEDED, 0),
    ]


# --- Background checks ---------------------------------------------------------------------------


def test_a_background_check_moves_forward_and_a_complete_one_is_final(kyc_reviewer):
    provider = ServiceProviderFactory()
    check = background_check_request(
        actor=kyc_reviewer, provider=provider, vendor=BackgroundCheckVendor.CHECKR
    )
    assert (check.status, check.external_report_id) == (BackgroundCheckStatus.PENDING, None)

    done = background_check_update(
        actor=None,
        check=check,
        status=BackgroundCheckStatus.COMPLETE,
        result=BackgroundCheckResult.CLEAR,
        external_report_id="rpt_42",
    )
    assert (done.status, done.result, done.external_report_id) == ("complete", "clear", "rpt_42")
    assert done.completed_at is not None
    with pytest.raises(ConflictError) as refused:
        background_check_update(actor=None, check=check, status=BackgroundCheckStatus.PENDING)
    assert refused.value.code == CredentialErrorCode.BACKGROUND_CHECK_INVALID_TRANSITION.value
    assert AuditLog.objects.filter(entity_id=str(check.pk)).count() == 2


def test_a_background_check_needs_a_reviewer(owner):
    with pytest.raises(PermissionDeniedError) as refused:
        background_check_request(
            actor=owner, provider=ServiceProviderFactory(), vendor=BackgroundCheckVendor.CHECKR
        )
    assert refused.value.code == CredentialErrorCode.PERMISSION_DENIED.value


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 4])
def test_the_credential_list_costs_the_same_at_any_size(
    provider_user, count, django_assert_num_queries
):
    for code in CredentialType.values[:count]:
        _credential(provider_user.service_provider, code)
    client = bearer_client(provider_user)
    client.get(CREDENTIALS_URL)  # warm the per-user caches
    # auth (1) + RBAC version/permissions (cached) + count + page
    with django_assert_num_queries(3):
        response = client.get(CREDENTIALS_URL)
    assert response.json()["count"] == count


# --- The admin review queue ----------------------------------------------------------------------


def _admin_action(client, action, credentials, **data):
    url = reverse("admin:accounts_providercredential_changelist")
    payload = {"action": action, "_selected_action": [str(c.pk) for c in credentials], **data}
    return client.post(url, payload)


@pytest.fixture
def staff_reviewer(client, kyc_reviewer):
    kyc_reviewer.is_staff = True
    kyc_reviewer.save(update_fields=["is_staff"])
    client.force_login(kyc_reviewer)
    return client


def test_the_admin_queue_shows_pending_credentials_and_approves_through_the_service(
    staff_reviewer, kyc_reviewer
):
    # given a KYC-approved provider missing only a pending insurance
    provider = ServiceProviderFactory()
    _kyc_approved(provider)
    _credential(provider, CredentialType.BUSINESS_LICENSE)
    pending = _credential(
        provider, CredentialType.LIABILITY_INSURANCE, status=CredentialStatus.PENDING
    )
    queue = staff_reviewer.get(reverse("admin:accounts_providercredential_changelist"))
    assert [row.pk for row in queue.context["cl"].result_list] == [pending.pk]

    # when
    response = _admin_action(staff_reviewer, "approve", [pending])

    # then
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.verified_by_id) == (CredentialStatus.VERIFIED, kyc_reviewer.pk)
    assert ServiceProvider.objects.get(pk=provider.pk).is_verified is True


def test_the_admin_rejects_with_a_reason(staff_reviewer):
    pending = _credential(
        ServiceProviderFactory(), CredentialType.BONDING, status=CredentialStatus.PENDING
    )
    # the first step shows the reason form
    form = _admin_action(staff_reviewer, "reject", [pending])
    assert form.status_code == 200
    assert pending.__class__.objects.get(pk=pending.pk).status == CredentialStatus.PENDING
    # the second applies it
    done = _admin_action(
        staff_reviewer, "reject", [pending], _apply_action_form="1", reason="Illegible scan."
    )
    assert done.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.rejection_reason) == (
        CredentialStatus.REJECTED,
        "Illegible scan.",
    )
