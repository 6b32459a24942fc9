"""KYC through the API: a provider documents and submits a case, reviewers decide it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import KycDocumentStatus, KycStatus
from accounts.models import KycDocument, KycVerification, ServiceProvider
from accounts.services.rbac import user_role_grant
from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.choices import FilePurpose
from doggy.models import StoredFile
from tests.accounts.factories import current_credentials
from tests.callers import bearer_client

VERIFICATIONS_URL = "/api/v1/kyc/verifications/"
REVIEWS_URL = "/api/v1/kyc/reviews/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _png(name="passport.png", content=PNG, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _upload(client, verification_id, document_type, **extra):
    payload = {"file": extra.pop("file", None) or _png(), "document_type": document_type, **extra}
    return client.post(
        f"{VERIFICATIONS_URL}{verification_id}/documents/", payload, format="multipart"
    )


@pytest.fixture
def provider_client(provider_user):
    return bearer_client(provider_user)


@pytest.fixture
def open_case(provider_client):
    response = provider_client.post(
        VERIFICATIONS_URL,
        {"legal_first_name": "Pat", "legal_last_name": "Lee", "country_code": "GB"},
    )
    assert response.status_code == 201
    return response.json()


@pytest.fixture
def submitted_case(provider_client, open_case):
    assert _upload(provider_client, open_case["id"], "Passport").status_code == 201
    assert _upload(provider_client, open_case["id"], "Selfie").status_code == 201
    response = provider_client.post(f"{VERIFICATIONS_URL}{open_case['id']}/submit/")
    assert response.status_code == 200
    return response.json()


def test_a_provider_opens_a_case_for_their_provider_profile(provider_user, open_case):
    # then
    assert open_case["status"] == KycStatus.NOT_STARTED
    assert open_case["service_provider"] == str(provider_user.service_provider.pk)
    assert open_case["documents"] == []
    assert "internal_comment" not in open_case


def test_uploading_stores_a_private_file_and_attaches_the_document(
    provider_user, provider_client, open_case
):
    # when
    response = _upload(
        provider_client,
        open_case["id"],
        "Passport",
        issuing_country="GB",
        document_number="123 456 789",
    )

    # then
    assert response.status_code == 201
    body = response.json()
    assert (body["document_type"], body["side"], body["document_number_last4"]) == (
        "Passport",
        "Single",
        "6789",
    )
    assert "document_number" not in body
    stored = StoredFile.objects.get(pk=body["file"])
    assert (stored.owner_id, stored.purpose, stored.visibility) == (
        provider_user.pk,
        FilePurpose.KYC_DOCUMENT,
        "Private",
    )
    assert stored.content_type == "image/png"
    assert stored.size_bytes == len(PNG)


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (_png(content=b"MZ" + b"\x00" * 64, name="x.png"), "file_type_not_allowed"),
        (
            _png(content=b"just some text", content_type="text/plain", name="a.txt"),
            "file_type_not_allowed",
        ),
        (_png(content=PNG * 10), "file_too_large"),
    ],
    ids=["executable", "text", "too_large"],
)
def test_uploads_are_checked_against_the_settings(
    provider_client, open_case, setting, upload, code
):
    # given
    setting("Messaging.MaxFileSize", 200)

    # when
    response = _upload(provider_client, open_case["id"], "Passport", file=upload)

    # then
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert not KycDocument.objects.exists()
    assert not StoredFile.objects.exists()


def test_a_document_refused_by_the_case_leaves_no_servable_file(provider_client, submitted_case):
    # when: the case is Pending, so documents are locked
    response = _upload(provider_client, submitted_case["id"], "Passport")

    # then
    assert response.status_code == 409
    assert KycDocument.objects.count() == 2
    orphan = StoredFile.objects.exclude(pk__in=KycDocument.objects.values("file_id")).get()
    assert orphan.deleted_at is not None


def test_without_a_scanner_an_upload_waits_for_its_scan(provider_client, open_case, settings):
    # given
    settings.DOGGY_FILE_SCANNER = ""

    # when
    response = _upload(provider_client, open_case["id"], "Passport")

    # then
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "kyc_file_invalid"
    assert not KycDocument.objects.exists()


def test_submit_needs_an_identity_document_and_a_selfie(provider_client, open_case):
    # given
    _upload(provider_client, open_case["id"], "Passport")

    # when
    response = provider_client.post(f"{VERIFICATIONS_URL}{open_case['id']}/submit/")

    # then
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "kyc_documents_missing"
    assert KycVerification.objects.get().status == KycStatus.NOT_STARTED


def test_the_full_review_ends_in_approval(provider_user, submitted_case, kyc_reviewer):
    # given a provider holding the required credentials
    current_credentials(provider_user.service_provider)
    reviewer = bearer_client(kyc_reviewer)
    queue = reviewer.get(REVIEWS_URL).json()
    assert [row["id"] for row in queue["results"]] == [submitted_case["id"]]
    assert queue["results"][0]["user"]["email"] == provider_user.email

    # when
    started = reviewer.post(f"{REVIEWS_URL}{submitted_case['id']}/start/")
    approved = reviewer.post(
        f"{REVIEWS_URL}{submitted_case['id']}/approve/", {"comment": "Documents match."}
    )

    # then
    assert started.status_code == 200
    assert started.json()["status"] == KycStatus.IN_REVIEW
    assert approved.status_code == 200
    body = approved.json()
    assert body["status"] == KycStatus.APPROVED
    assert body["reviewed_by"] == kyc_reviewer.pk
    assert [event["to_status"] for event in body["events"]] == [
        KycStatus.NOT_STARTED,
        KycStatus.PENDING,
        KycStatus.IN_REVIEW,
        KycStatus.APPROVED,
    ]
    assert set(KycDocument.objects.values_list("status", flat=True)) == {KycDocumentStatus.ACCEPTED}
    assert ServiceProvider.objects.get(user=provider_user).is_verified is True
    decision = AuditLog.objects.get(action=AuditAction.KYC_APPROVED)
    assert decision.user_id == kyc_reviewer.pk
    assert reviewer.get(REVIEWS_URL).json()["count"] == 0


def test_reject_final_and_request_resubmission(
    provider_client, submitted_case, kyc_reviewer, rbac_admin
):
    # when
    resubmit = bearer_client(kyc_reviewer).post(
        f"{REVIEWS_URL}{submitted_case['id']}/request-resubmission/",
        {"reason": "The selfie is blurred.", "labels": ["BAD_SELFIE"]},
    )

    # then
    assert resubmit.status_code == 200
    assert resubmit.json()["status"] == KycStatus.RESUBMISSION_REQUESTED
    mine = provider_client.get(f"{VERIFICATIONS_URL}{submitted_case['id']}/").json()
    assert mine["applicant_comment"] == "The selfie is blurred."
    assert mine["reject_labels"] == ["BAD_SELFIE"]

    # when: the provider uploads a new selfie and resubmits; an admin rejects for good
    assert _upload(provider_client, submitted_case["id"], "Selfie").status_code == 201
    assert (
        provider_client.post(f"{VERIFICATIONS_URL}{submitted_case['id']}/submit/").status_code
        == 200
    )
    rejected = bearer_client(rbac_admin).post(
        f"{REVIEWS_URL}{submitted_case['id']}/reject/",
        {"reason": "Forged document.", "reject_type": "Final", "internal_comment": "Fraud ring"},
    )

    # then
    assert rejected.status_code == 200
    assert rejected.json()["status"] == KycStatus.REJECTED
    assert rejected.json()["internal_comment"] == "Fraud ring"
    applicant_view = provider_client.get(f"{VERIFICATIONS_URL}{submitted_case['id']}/").json()
    assert "internal_comment" not in applicant_view
    assert AuditLog.objects.filter(action=AuditAction.KYC_REJECTED).count() == 1
    assert AuditLog.objects.filter(action=AuditAction.KYC_RESUBMISSION_REQUESTED).count() == 1


def test_auto_approval_decides_at_submission(provider_client, open_case, setting):
    # given
    setting("KYC.AutoApprovalEnabled", True)
    _upload(provider_client, open_case["id"], "DrivingLicence")
    _upload(provider_client, open_case["id"], "Selfie")

    # when
    response = provider_client.post(f"{VERIFICATIONS_URL}{open_case['id']}/submit/")

    # then
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["auto_approved"]) == (
        KycStatus.APPROVED,
        True,
    )


def test_another_provider_users_case_is_a_404_everywhere(other_provider_user, open_case):
    # given
    intruder = bearer_client(other_provider_user)
    case_url = f"{VERIFICATIONS_URL}{open_case['id']}/"

    # when
    responses = [
        intruder.get(case_url),
        _upload(intruder, open_case["id"], "Passport"),
        intruder.post(f"{case_url}submit/"),
    ]

    # then
    assert [r.status_code for r in responses] == [404, 404, 404]
    assert intruder.get(VERIFICATIONS_URL).json()["count"] == 0
    assert not KycDocument.objects.exists()


def test_a_reviewer_cannot_decide_their_own_case(rbac, rbac_admin, provider_user, submitted_case):
    # given: the provider is also made a KYC reviewer (through the service, which retires
    # the permission set cached by the provider's earlier requests)
    user_role_grant(actor=rbac_admin, user=provider_user, role=rbac["KycReviewer"])

    # when
    response = bearer_client(provider_user).post(f"{REVIEWS_URL}{submitted_case['id']}/approve/")

    # then
    assert (response.status_code, response.json()["error"]["code"]) == (403, "kyc_own_case")
    assert KycVerification.objects.get().status == KycStatus.PENDING


def test_pet_owners_and_reviewers_cannot_open_cases(owner, kyc_reviewer):
    # when
    responses = [bearer_client(u).post(VERIFICATIONS_URL, {}) for u in (owner, kyc_reviewer)]

    # then
    assert [r.status_code for r in responses] == [403, 403]
    assert not KycVerification.objects.exists()


def test_the_queue_filters_by_status(submitted_case, kyc_reviewer):
    # given
    reviewer = bearer_client(kyc_reviewer)

    # when
    approved = reviewer.get(REVIEWS_URL, {"status": "Approved"})
    bogus = reviewer.get(REVIEWS_URL, {"status": "Bogus"})

    # then
    assert approved.json()["count"] == 0
    assert bogus.status_code == 400
