"""KYC: the review state machine, its documents, settings and selectors."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.errors import AccountsErrorCode
from accounts.models import KycDocument, KycReviewEvent, KycVerification, ServiceProvider
from accounts.selectors import (
    kyc_review_queue,
    kyc_verification_get,
    kyc_verification_list_for_user,
)
from accounts.services import (
    kyc_approve,
    kyc_document_add,
    kyc_reject,
    kyc_request_resubmission,
    kyc_review_start,
    kyc_verification_start,
    kyc_verification_submit,
)
from accounts.services.kyc import add_months, kyc_document_upload
from audit.models import AuditLog
from doggy.choices import FilePurpose, ScanStatus
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.models import StoredFile
from tests.accounts.factories import (
    KycDocumentFactory,
    KycVerificationFactory,
    ServiceProviderFactory,
    UserFactory,
    UserRoleFactory,
    current_credentials,
    system_rbac,
)
from tests.doggy.factories import StoredFileFactory, SystemSettingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    return system_rbac()


@pytest.fixture
def reviewer(roles):
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["Admin"])
    return member


@pytest.fixture
def provider(roles):
    profile = ServiceProviderFactory()
    UserRoleFactory(user=profile.user, role=roles["ServiceProvider"])
    return profile


@pytest.fixture
def applicant(provider):
    return provider.user


def _setting(key: str, value: str, data_type: str) -> None:
    SystemSettingFactory(setting_key=key, setting_value=value, data_type=data_type, category="KYC")


def _upload(owner, **kwargs):
    return StoredFileFactory(owner=owner, purpose=FilePurpose.KYC_DOCUMENT, **kwargs)


def _add(applicant, verification, document_type, **kwargs):
    return kyc_document_add(
        actor=applicant,
        verification=verification,
        document_type=document_type,
        file=_upload(applicant),
        **kwargs,
    )


def _ready_case(applicant, provider=None) -> KycVerification:
    verification = kyc_verification_start(actor=applicant, service_provider=provider)
    _add(applicant, verification, "Passport", document_number="X 1234 5678 9", issuing_country="gb")
    _add(applicant, verification, "Selfie")
    return verification


def _events(verification) -> list[tuple[str | None, str]]:
    return list(
        KycReviewEvent.objects.filter(verification=verification)
        .order_by("created_at", "id")
        .values_list("from_status", "to_status")
    )


def _actions() -> list[str]:
    return list(AuditLog.objects.order_by("timestamp", "id").values_list("action", flat=True))


# --- Starting a case ------------------------------------------------------------------


def test_start_opens_a_case(applicant, provider):
    verification = kyc_verification_start(
        actor=applicant,
        service_provider=provider,
        legal_first_name=" Alex ",
        legal_last_name="Doe",
        country_code="gb",
    )

    assert verification.status == "NotStarted"
    assert verification.attempt_number == 1
    assert (verification.legal_first_name, verification.country_code) == ("Alex", "GB")
    assert verification.service_provider_id == provider.pk
    event = KycReviewEvent.objects.get(verification=verification)
    assert (event.from_status, event.to_status, event.actor_id) == (
        None,
        "NotStarted",
        applicant.pk,
    )
    log = AuditLog.objects.get()
    assert (log.action, log.entity_type, log.user_id) == (
        "Create",
        "accounts.KycVerification",
        applicant.pk,
    )


def test_one_open_case_per_user(applicant):
    first = kyc_verification_start(actor=applicant)

    with pytest.raises(ConflictError) as exc:
        kyc_verification_start(actor=applicant)

    assert exc.value.code == AccountsErrorCode.KYC_CASE_OPEN.value
    assert exc.value.status_code == 409
    assert list(KycVerification.objects.filter(user=applicant)) == [first]
    assert KycReviewEvent.objects.count() == 1
    assert AuditLog.objects.count() == 1


def _closed_case(user, status: str) -> KycVerification:
    extra = {}
    if status == "Rejected":
        extra = {"reject_type": "Final", "reviewed_at": timezone.now()}
    if status in ("Approved", "Expired"):
        extra = {"reviewed_at": timezone.now()}
    return KycVerificationFactory(user=user, status=status, **extra)


def test_attempts_are_limited_by_setting(applicant):
    _setting("KYC.MaxAttempts", "2", "Integer")
    _closed_case(applicant, "Rejected")
    second = kyc_verification_start(actor=applicant)
    assert second.attempt_number == 2
    KycVerification.objects.filter(pk=second.pk).update(
        status="Rejected", reject_type="Final", reviewed_at=timezone.now()
    )

    with pytest.raises(ConflictError) as exc:
        kyc_verification_start(actor=applicant)

    assert exc.value.code == AccountsErrorCode.KYC_MAX_ATTEMPTS.value
    assert KycVerification.objects.filter(user=applicant).count() == 2


def test_attempts_default_to_three(applicant):
    for _ in range(3):
        _closed_case(applicant, "Rejected")

    with pytest.raises(ConflictError) as exc:
        kyc_verification_start(actor=applicant)

    assert exc.value.code == "kyc_max_attempts"
    assert not KycReviewEvent.objects.exists()
    assert not AuditLog.objects.exists()


def test_an_approval_resets_the_attempt_count(applicant):
    for _ in range(3):
        _closed_case(applicant, "Rejected")
    _closed_case(applicant, "Expired")
    _closed_case(applicant, "Rejected")

    verification = kyc_verification_start(actor=applicant)

    assert verification.attempt_number == 2


@pytest.mark.parametrize(
    ("_case", "kwargs", "field"),
    [
        ("bad country", {"country_code": "GBR"}, "country_code"),
        ("bad level", {"level": "Ultra"}, "level"),
        ("future birth", {"date_of_birth": datetime.date(2999, 1, 1)}, "date_of_birth"),
    ],
)
def test_start_refuses_bad_input(applicant, _case, kwargs, field):
    with pytest.raises(ApplicationError) as exc:
        kyc_verification_start(actor=applicant, **kwargs)

    assert list(exc.value.fields) == [field]
    assert not KycVerification.objects.exists()


def test_start_refuses_someone_elses_provider_profile(applicant):
    other = ServiceProviderFactory()

    with pytest.raises(ApplicationError) as exc:
        kyc_verification_start(actor=applicant, service_provider=other)

    assert list(exc.value.fields) == ["service_provider"]
    assert not KycVerification.objects.exists()


# --- Documents ------------------------------------------------------------------------


def test_document_keeps_only_the_last_four_characters(applicant):
    verification = kyc_verification_start(actor=applicant)
    expires = timezone.now().date() + datetime.timedelta(days=400)

    document = _add(
        applicant,
        verification,
        "Passport",
        document_number="P<GBR 1234 5678 9",
        issuing_country="gb",
        document_expires_on=expires,
    )

    document.refresh_from_db()
    assert document.document_number_last4 == "6789"
    assert (document.issuing_country, document.status, document.side) == (
        "GB",
        "Uploaded",
        "Single",
    )
    log = AuditLog.objects.get(entity_type="accounts.KycDocument")
    assert log.new_values["document_number_last4"] == "6789"
    assert "1234" not in str(log.new_values)


def test_a_new_upload_supersedes_the_same_type_and_side(applicant):
    verification = kyc_verification_start(actor=applicant)
    first = _add(applicant, verification, "Selfie")

    second = _add(applicant, verification, "Selfie")

    first.refresh_from_db()
    assert (first.status, first.rejection_reason) == ("Rejected", "Superseded by a newer upload.")
    assert second.status == "Uploaded"


@pytest.mark.parametrize(
    ("_case", "file_kwargs"),
    [
        ("wrong purpose", {"purpose": FilePurpose.DOG_PHOTO}),
        ("not scanned", {"scan_status": ScanStatus.PENDING}),
        ("infected", {"scan_status": ScanStatus.INFECTED}),
        ("deleted", {"deleted_at": timezone.now()}),
    ],
)
def test_document_file_must_be_a_clean_kyc_upload(applicant, _case, file_kwargs):
    verification = kyc_verification_start(actor=applicant)
    stored = StoredFileFactory(
        owner=applicant, **{"purpose": FilePurpose.KYC_DOCUMENT, **file_kwargs}
    )

    with pytest.raises(ApplicationError) as exc:
        kyc_document_add(
            actor=applicant, verification=verification, document_type="Passport", file=stored
        )

    assert exc.value.code == AccountsErrorCode.KYC_FILE_INVALID.value
    assert not KycDocument.objects.exists()


def test_document_file_must_be_the_applicants_own(applicant):
    verification = kyc_verification_start(actor=applicant)
    stranger_file = _upload(UserFactory())

    with pytest.raises(ApplicationError) as exc:
        kyc_document_add(
            actor=applicant, verification=verification, document_type="Passport", file=stranger_file
        )

    assert exc.value.code == "kyc_file_invalid"
    assert not KycDocument.objects.exists()


def test_documents_are_locked_once_submitted(applicant):
    verification = _ready_case(applicant)
    kyc_verification_submit(actor=applicant, verification=verification)

    with pytest.raises(ConflictError) as exc:
        _add(applicant, verification, "ProofOfAddress")

    assert exc.value.code == AccountsErrorCode.KYC_DOCUMENTS_LOCKED.value
    assert not KycDocument.objects.filter(document_type="ProofOfAddress").exists()


def test_only_the_owner_adds_documents(applicant, reviewer):
    verification = kyc_verification_start(actor=applicant)

    with pytest.raises(NotFoundError):
        kyc_document_add(
            actor=reviewer,
            verification=verification,
            document_type="Passport",
            file=_upload(reviewer),
        )

    assert not KycDocument.objects.exists()


def test_expired_document_is_refused(applicant):
    verification = kyc_verification_start(actor=applicant)

    with pytest.raises(ApplicationError) as exc:
        _add(
            applicant,
            verification,
            "Passport",
            document_expires_on=timezone.now().date() - datetime.timedelta(days=1),
        )

    assert list(exc.value.fields) == ["document_expires_on"]


# --- Submission -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "documents", "missing"),
    [
        ("nothing", [], 2),
        ("no selfie", ["DrivingLicence"], 1),
        ("no identity document", ["Selfie", "ProofOfAddress"], 1),
    ],
)
def test_submit_needs_identity_document_and_selfie(applicant, _case, documents, missing):
    verification = kyc_verification_start(actor=applicant)
    for document_type in documents:
        _add(applicant, verification, document_type)
    audit_rows = AuditLog.objects.count()

    with pytest.raises(ApplicationError) as exc:
        kyc_verification_submit(actor=applicant, verification=verification)

    assert exc.value.code == AccountsErrorCode.KYC_DOCUMENTS_MISSING.value
    assert len(exc.value.fields["documents"]) == missing
    assert KycVerification.objects.get(pk=verification.pk).status == "NotStarted"
    assert _events(verification) == [(None, "NotStarted")]
    assert AuditLog.objects.count() == audit_rows


def test_only_the_owner_submits(applicant, reviewer):
    verification = _ready_case(applicant)

    with pytest.raises(NotFoundError):
        kyc_verification_submit(actor=reviewer, verification=verification)

    assert KycVerification.objects.get(pk=verification.pk).status == "NotStarted"


# --- The whole path -------------------------------------------------------------------


def test_start_submit_review_approve(applicant, provider, reviewer):
    current_credentials(provider)
    verification = _ready_case(applicant, provider)

    kyc_verification_submit(actor=applicant, verification=verification)
    assert verification.status == "Pending"
    assert verification.submitted_at is not None

    kyc_review_start(actor=reviewer, verification=verification)
    assert verification.status == "InReview"
    assert verification.review_started_at is not None

    kyc_approve(actor=reviewer, verification=verification, comment="All good")

    verification.refresh_from_db()
    assert verification.status == "Approved"
    assert verification.reviewed_by_id == reviewer.pk
    assert verification.auto_approved is False
    assert verification.expires_at == add_months(verification.reviewed_at, 24)
    assert set(verification.documents.values_list("status", flat=True)) == {"Accepted"}
    assert ServiceProvider.objects.get(pk=provider.pk).is_verified is True
    assert _events(verification) == [
        (None, "NotStarted"),
        ("NotStarted", "Pending"),
        ("Pending", "InReview"),
        ("InReview", "Approved"),
    ]
    last = KycReviewEvent.objects.filter(verification=verification).latest("id")
    assert (last.actor_id, last.comment) == (reviewer.pk, "All good")
    assert _actions() == [
        "Create",  # the case
        "Create",  # passport
        "Create",  # selfie
        "KycSubmitted",
        "Update",  # the provider's VerificationStatus mirrors Pending
        "KycReviewStarted",
        "Update",  # … InReview
        "KycApproved",
        "Update",  # … Approved, IsVerified and VerifiedAt
    ]


def test_provider_profile_mirrors_the_case_and_keeps_a_valid_approval(
    applicant, provider, reviewer
):
    # Given an approved case of a provider holding the required credentials
    current_credentials(provider)
    first = _ready_case(applicant, provider)
    kyc_verification_submit(actor=applicant, verification=first)
    kyc_approve(actor=reviewer, verification=first)
    profile = ServiceProvider.objects.get(pk=provider.pk)
    assert (profile.verification_status, profile.is_verified) == ("Approved", True)
    assert profile.verified_at == KycVerification.objects.get(pk=first.pk).reviewed_at

    # When the provider opens a re-verification case and submits it
    second = _ready_case(applicant, provider)
    kyc_verification_submit(actor=applicant, verification=second)

    # Then the profile shows the new case's status but stays verified on the old approval
    profile.refresh_from_db()
    assert (profile.verification_status, profile.is_verified) == ("Pending", True)

    # And once that approval has expired, a rejection unverifies the profile
    KycVerification.objects.filter(pk=first.pk).update(expires_at=timezone.now())
    kyc_review_start(actor=reviewer, verification=second)
    kyc_reject(actor=reviewer, verification=second, reason="Blurred", reject_type="Final")
    profile.refresh_from_db()
    assert (profile.verification_status, profile.is_verified) == ("Rejected", False)
    assert profile.verified_at is None


def test_reverification_months_come_from_settings(applicant, reviewer):
    _setting("KYC.ReverificationMonths", "12", "Integer")
    verification = _ready_case(applicant)
    kyc_verification_submit(actor=applicant, verification=verification)

    kyc_approve(actor=reviewer, verification=verification)

    assert verification.expires_at == add_months(verification.reviewed_at, 12)


def test_final_rejection_closes_the_case(applicant, reviewer):
    verification = _ready_case(applicant)
    kyc_verification_submit(actor=applicant, verification=verification)
    kyc_review_start(actor=reviewer, verification=verification)

    kyc_reject(
        actor=reviewer,
        verification=verification,
        reason="The document is forged.",
        reject_type="Final",
        labels=["FORGERY", "FORGERY", "BAD_DOCUMENT"],
        internal_comment="Hologram missing",
    )

    verification.refresh_from_db()
    assert (verification.status, verification.reject_type) == ("Rejected", "Final")
    assert verification.reject_labels == ["FORGERY", "BAD_DOCUMENT"]
    assert verification.applicant_comment == "The document is forged."
    assert verification.internal_comment == "Hologram missing"
    assert verification.reviewed_by_id == reviewer.pk
    assert set(verification.documents.values_list("status", flat=True)) == {"Rejected"}
    assert _events(verification)[-1] == ("InReview", "Rejected")
    assert _actions()[-1] == "KycRejected"
    # A closed case frees the way for another attempt.
    assert kyc_verification_start(actor=applicant).attempt_number == 2


def test_resubmission_round_trip(applicant, reviewer):
    verification = _ready_case(applicant)
    kyc_verification_submit(actor=applicant, verification=verification)

    kyc_request_resubmission(
        actor=reviewer,
        verification=verification,
        reason="The selfie is blurred.",
        labels=["BAD_SELFIE"],
    )
    assert (verification.status, verification.reject_type) == ("ResubmissionRequested", "Retry")
    assert verification.reject_labels == ["BAD_SELFIE"]

    _add(applicant, verification, "Selfie")
    kyc_verification_submit(actor=applicant, verification=verification)

    verification.refresh_from_db()
    assert verification.status == "Pending"
    assert (verification.reject_type, verification.reject_labels) == (None, [])
    assert (verification.reviewed_at, verification.reviewed_by_id) == (None, None)
    assert list(
        verification.documents.order_by("uploaded_at").values_list("document_type", "status")
    ) == [("Passport", "Uploaded"), ("Selfie", "Rejected"), ("Selfie", "Uploaded")]
    assert _events(verification) == [
        (None, "NotStarted"),
        ("NotStarted", "Pending"),
        ("Pending", "ResubmissionRequested"),
        ("ResubmissionRequested", "Pending"),
    ]
    assert _actions().count("KycResubmissionRequested") == 1
    assert _actions().count("KycSubmitted") == 2


def test_auto_approval_when_enabled(applicant, provider):
    _setting("KYC.AutoApprovalEnabled", "true", "Boolean")
    current_credentials(provider)
    verification = _ready_case(applicant, provider)

    kyc_verification_submit(actor=applicant, verification=verification)

    verification.refresh_from_db()
    assert verification.status == "Approved"
    assert verification.auto_approved is True
    assert verification.reviewed_by_id is None
    assert verification.reviewed_at is not None
    assert ServiceProvider.objects.get(pk=provider.pk).is_verified is True
    approved = KycReviewEvent.objects.get(verification=verification, to_status="Approved")
    assert (approved.from_status, approved.actor_id) == ("Pending", None)
    assert _actions()[-4:] == ["KycSubmitted", "Update", "KycApproved", "Update"]


def test_no_auto_approval_when_disabled(applicant):
    _setting("KYC.AutoApprovalEnabled", "false", "Boolean")
    verification = _ready_case(applicant)

    kyc_verification_submit(actor=applicant, verification=verification)

    assert KycVerification.objects.get(pk=verification.pk).status == "Pending"


# --- Refusals of reviewer steps -------------------------------------------------------


def _case_in(status: str, user=None) -> KycVerification:
    extra = {}
    if status in ("Approved", "Rejected"):
        extra["reviewed_at"] = timezone.now()
    if status in ("Rejected", "ResubmissionRequested"):
        extra["reject_type"] = "Final" if status == "Rejected" else "Retry"
    verification = KycVerificationFactory(user=user or UserFactory(), status=status, **extra)
    KycDocumentFactory(verification=verification, document_type="Passport")
    KycDocumentFactory(verification=verification, document_type="Selfie")
    return verification


def _approve(actor, verification):
    return kyc_approve(actor=actor, verification=verification)


def _review(actor, verification):
    return kyc_review_start(actor=actor, verification=verification)


def _reject(actor, verification):
    return kyc_reject(actor=actor, verification=verification, reason="No", reject_type="Final")


def _resubmit(actor, verification):
    return kyc_request_resubmission(actor=actor, verification=verification, reason="Again")


@pytest.mark.parametrize(
    ("_case", "status", "step"),
    [
        ("approve unsubmitted", "NotStarted", _approve),
        ("approve approved", "Approved", _approve),
        ("approve rejected", "Rejected", _approve),
        ("review in review", "InReview", _review),
        ("review unsubmitted", "NotStarted", _review),
        ("reject resubmission", "ResubmissionRequested", _reject),
        ("reject approved", "Approved", _reject),
        ("resubmit expired", "Expired", _resubmit),
    ],
)
def test_illegal_transitions_write_nothing(reviewer, _case, status, step):
    verification = _case_in(status)
    before = KycVerification.objects.values().get(pk=verification.pk)

    with pytest.raises(ConflictError) as exc:
        step(reviewer, verification)

    assert exc.value.code == AccountsErrorCode.KYC_INVALID_TRANSITION.value
    assert exc.value.status_code == 409
    assert KycVerification.objects.values().get(pk=verification.pk) == before
    assert not KycReviewEvent.objects.exists()
    assert not AuditLog.objects.exists()
    assert set(verification.documents.values_list("status", flat=True)) == {"Uploaded"}


def test_submit_twice_is_an_illegal_transition(applicant):
    verification = _ready_case(applicant)
    kyc_verification_submit(actor=applicant, verification=verification)
    events = KycReviewEvent.objects.count()

    with pytest.raises(ConflictError) as exc:
        kyc_verification_submit(actor=applicant, verification=verification)

    assert exc.value.code == "kyc_invalid_transition"
    assert KycReviewEvent.objects.count() == events


def test_reviewer_never_reviews_own_case(reviewer):
    verification = _case_in("Pending", user=reviewer)

    with pytest.raises(PermissionDeniedError) as exc:
        kyc_approve(actor=reviewer, verification=verification)

    assert exc.value.code == AccountsErrorCode.KYC_OWN_CASE.value
    assert KycVerification.objects.get(pk=verification.pk).status == "Pending"
    assert not KycReviewEvent.objects.exists()


@pytest.mark.parametrize("step", [_approve, _review, _reject, _resubmit])
def test_reviewer_steps_need_kyc_review(applicant, step):
    verification = _case_in("Pending")

    with pytest.raises(PermissionDeniedError) as exc:
        step(applicant, verification)

    assert exc.value.code == "permission_denied"
    assert KycVerification.objects.get(pk=verification.pk).status == "Pending"
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize(
    ("_case", "kwargs", "field"),
    [
        ("no reason", {"reason": " ", "reject_type": "Final"}, "reason"),
        ("bad type", {"reason": "No", "reject_type": "Maybe"}, "reject_type"),
        ("bad label", {"reason": "No", "reject_type": "Retry", "labels": [""]}, "labels"),
    ],
)
def test_reject_refuses_bad_input(reviewer, _case, kwargs, field):
    verification = _case_in("InReview")

    with pytest.raises(ApplicationError) as exc:
        kyc_reject(actor=reviewer, verification=verification, **kwargs)

    assert list(exc.value.fields) == [field]
    assert KycVerification.objects.get(pk=verification.pk).status == "InReview"
    assert not KycReviewEvent.objects.exists()


# --- Selectors ------------------------------------------------------------------------


def test_review_queue_lists_waiting_cases_oldest_first(reviewer):
    now = timezone.now()
    newer = KycVerificationFactory(status="Pending", submitted_at=now)
    older = KycVerificationFactory(
        status="InReview", submitted_at=now - datetime.timedelta(hours=1)
    )
    KycVerificationFactory(status="NotStarted")
    KycVerificationFactory(user=reviewer, status="Pending", submitted_at=now)

    queue = list(kyc_review_queue(actor=reviewer))
    pending_only = list(kyc_review_queue(actor=reviewer, status="Pending"))

    assert queue == [older, newer]
    assert pending_only == [newer]


def test_review_queue_needs_kyc_review(applicant):
    with pytest.raises(PermissionDeniedError):
        kyc_review_queue(actor=applicant)


def test_review_queue_does_not_grow_queries(reviewer, django_assert_num_queries):
    for _ in range(4):
        KycVerificationFactory(status="Pending", submitted_at=timezone.now())
    reviewer.has_perm("kyc.review")

    with django_assert_num_queries(1):
        emails = [v.user.email for v in kyc_review_queue(actor=reviewer)]

    assert len(emails) == 4


def test_verification_get_is_for_owner_and_reviewers(applicant, reviewer):
    verification = kyc_verification_start(actor=applicant)
    stranger = UserFactory()

    assert kyc_verification_get(actor=applicant, verification_id=verification.pk) == verification
    assert kyc_verification_get(actor=reviewer, verification_id=verification.pk) == verification
    with pytest.raises(NotFoundError):
        kyc_verification_get(actor=stranger, verification_id=verification.pk)
    with pytest.raises(NotFoundError):
        kyc_verification_get(actor=applicant, verification_id="not-a-uuid")


def test_list_for_user_shows_own_cases_newest_first(applicant):
    old = _closed_case(applicant, "Rejected")
    new = kyc_verification_start(actor=applicant)
    KycVerificationFactory()

    assert list(kyc_verification_list_for_user(actor=applicant)) == [new, old]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.datetime(2025, 1, 31, 12, tzinfo=datetime.UTC), 1, (2025, 2, 28)),
        (datetime.datetime(2024, 1, 31, 12, tzinfo=datetime.UTC), 1, (2024, 2, 29)),
        (datetime.datetime(2025, 11, 15, 12, tzinfo=datetime.UTC), 24, (2027, 11, 15)),
        (datetime.datetime(2025, 12, 1, 12, tzinfo=datetime.UTC), 1, (2026, 1, 1)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    result = add_months(start, months)

    assert (result.year, result.month, result.day) == expected
    assert result.time() == start.time()


def test_an_upload_the_case_refuses_is_soft_deleted_by_the_upload_service(applicant, media_root):
    # given a submitted case: its documents are locked
    verification = _ready_case(applicant)
    kyc_verification_submit(actor=applicant, verification=verification)
    upload = SimpleUploadedFile(
        "proof.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"
    )

    # when
    with pytest.raises(ConflictError) as exc:
        kyc_document_upload(
            actor=applicant,
            verification=verification,
            uploaded_file=upload,
            document_type="ProofOfAddress",
        )

    # then the refusal propagates and the stored upload is served to nobody
    assert exc.value.code == AccountsErrorCode.KYC_DOCUMENTS_LOCKED.value
    orphan = StoredFile.objects.exclude(pk__in=KycDocument.objects.values("file_id")).get()
    assert orphan.purpose == FilePurpose.KYC_DOCUMENT
    assert orphan.deleted_at is not None
