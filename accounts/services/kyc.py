"""The KYC review state machine (SCHEMA.md 2.6, 2.7, I-15).

    NotStarted ──submit──▶ Pending ──review_start──▶ InReview
        ▲                    │  ╲                       │
        │                    │   ╲──approve / reject──▶ ├──▶ Approved (→ Expired, sweeper)
        │                    │                          ├──▶ Rejected (Final)
    (documents)              ◀──────── submit ───────── └──▶ ResubmissionRequested (Retry)

Every transition locks the case row, refuses anything the diagram does not allow with
`kyc_invalid_transition` (409) before writing, and records one `KycReviewEvent` plus
one audit row in the same transaction. A reviewer needs `kyc.review` and never decides
their own case. Only the last four characters of a document number are kept.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.choices import FilePurpose
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.models import StoredFile
from doggy.selectors import setting_bool, setting_int, stored_file_servable_q
from doggy.services import stored_file_create, stored_file_soft_delete

from ..choices import (
    KYC_OPEN_STATUSES,
    KycDocumentSide,
    KycDocumentStatus,
    KycDocumentType,
    KycLevel,
    KycRejectType,
    KycStatus,
)
from ..credential_selectors import provider_requirements_met
from ..errors import AccountsErrorCode, field_error, validation_error
from ..models import (
    KycDocument,
    KycReviewEvent,
    KycVerification,
    ServiceProvider,
    User,
)
from ..selectors import kyc_actor_is_reviewer

MAX_ATTEMPTS_SETTING = "KYC.MaxAttempts"
AUTO_APPROVAL_SETTING = "KYC.AutoApprovalEnabled"
REVERIFICATION_MONTHS_SETTING = "KYC.ReverificationMonths"
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_REVERIFICATION_MONTHS = 24

# A case can be submitted once it holds one of these and a selfie.
IDENTITY_DOCUMENT_TYPES = (
    KycDocumentType.PASSPORT,
    KycDocumentType.DRIVING_LICENCE,
    KycDocumentType.NATIONAL_IDENTITY_CARD,
    KycDocumentType.RESIDENCE_PERMIT,
)
# Documents can be added (and the case submitted) only while the applicant holds it.
APPLICANT_EDITABLE_STATUSES = (KycStatus.NOT_STARTED, KycStatus.RESUBMISSION_REQUESTED)
DECIDABLE_STATUSES = (KycStatus.PENDING, KycStatus.IN_REVIEW)
MAX_REJECT_LABELS = 20
MAX_REJECT_LABEL_LENGTH = 64

VERIFICATION_AUDIT_FIELDS = (
    "status",
    "reject_type",
    "reject_labels",
    "submitted_at",
    "review_started_at",
    "reviewed_at",
    "reviewed_by",
    "auto_approved",
    "expires_at",
)
DOCUMENT_AUDIT_FIELDS = (
    "verification",
    "document_type",
    "side",
    "issuing_country",
    "document_number_last4",
    "document_expires_on",
    "file",
    "status",
)

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
# "The event's actor is the acting user"; an explicit None records the system instead.
_ACTOR = object()


# --- Helpers ------------------------------------------------------------------------------


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """`moment` plus whole calendar months, clamped to the last day of a shorter month."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _lock(verification: KycVerification) -> None:
    """Reload the case in place with its row locked for the rest of the transaction."""
    verification.refresh_from_db(from_queryset=KycVerification.objects.select_for_update())


def _require_status(verification: KycVerification, allowed: Iterable[str], to: str) -> None:
    if verification.status not in tuple(allowed):
        raise ConflictError(
            AccountsErrorCode.KYC_INVALID_TRANSITION,
            f"A KYC case that is {verification.status} cannot move to {to}.",
        )


def _require_owner(actor: User, verification: KycVerification) -> None:
    # Anyone else learns nothing about the case, as with `kyc_verification_get`.
    if actor is None or str(verification.user_id) != str(actor.pk):
        raise NotFoundError(AccountsErrorCode.KYC_NOT_FOUND, "No such KYC verification.")


def _require_reviewer_of(actor: User, verification: KycVerification) -> None:
    if not kyc_actor_is_reviewer(actor=actor):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "Reviewing KYC cases needs kyc.review."
        )
    if str(verification.user_id) == str(actor.pk):
        raise PermissionDeniedError(
            AccountsErrorCode.KYC_OWN_CASE, "Nobody reviews their own KYC case."
        )


def _clean_country(field: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    value = value.strip().upper()
    if not _COUNTRY_RE.match(value):
        raise field_error(field, "Use a two-letter ISO 3166-1 country code.")
    return value


def _record(
    *,
    verification: KycVerification,
    from_status: str | None,
    actor: User | None,
    action: str,
    comment: str = "",
    old: dict[str, Any] | None = None,
    event_actor: Any = _ACTOR,
    extra_new: dict[str, Any] | None = None,
) -> KycReviewEvent:
    """The review event and the audit row of one transition (already saved)."""
    event = KycReviewEvent.objects.create(
        verification=verification,
        from_status=from_status,
        to_status=verification.status,
        actor=actor if event_actor is _ACTOR else event_actor,
        comment=comment or "",
    )
    audit_log_record(
        actor=actor,
        action=action,
        target=verification,
        old=old,
        new={**model_snapshot(verification, VERIFICATION_AUDIT_FIELDS), **(extra_new or {})},
    )
    _sync_provider(verification=verification, actor=actor)
    return event


def _sync_provider(*, verification: KycVerification, actor: User | None) -> None:
    """Mirror the case on the provider profile (VerificationStatus, IsVerified, VerifiedAt).

    The profile stays verified while any approved case of the person is unexpired, so a
    provider re-verifying ahead of expiry keeps being listed until the old approval lapses,
    and while every credential required of the provider is current and, where required,
    the latest background check is clear (plan 038, A19).
    """
    if verification.service_provider_id is None:
        return
    now = timezone.now()
    still_approved = (
        KycVerification.objects.filter(user_id=verification.user_id, status=KycStatus.APPROVED)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .exists()
    )
    provider = verification.service_provider
    provider_verification_sync(
        actor=actor,
        provider=provider,
        status=verification.status,
        is_verified=still_approved and provider_requirements_met(provider=provider),
        verified_at=verification.reviewed_at if verification.status == KycStatus.APPROVED else None,
    )


# --- Applicant steps ----------------------------------------------------------------------


def _attempts_so_far(user: User) -> int:
    """Cases since the user's last approval; an approved or expired case resets the count,
    so periodic re-verification never runs into `KYC.MaxAttempts`."""
    cases = KycVerification.objects.filter(user=user)
    last_cleared = (
        cases.filter(status__in=(KycStatus.APPROVED, KycStatus.EXPIRED))
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last_cleared is not None:
        cases = cases.filter(created_at__gt=last_cleared)
    return cases.count()


@transaction.atomic
def kyc_verification_start(
    *,
    actor: User,
    service_provider: ServiceProvider | None = None,
    level: str = KycLevel.BASIC,
    legal_first_name: str = "",
    legal_last_name: str = "",
    date_of_birth: datetime.date | None = None,
    country_code: str | None = None,
) -> KycVerification:
    """Open a new KYC case (NotStarted) for `actor`, optionally for their provider profile.

    At most one open case per user (`UX_Kyc_User_Open`) and at most `KYC.MaxAttempts`
    cases since the last approval.
    """
    if actor is None or not actor.is_authenticated or not actor.is_active:
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "Sign in to start a verification."
        )
    if service_provider is not None and str(service_provider.user_id) != str(actor.pk):
        raise field_error("service_provider", "This provider profile is not yours.")
    country_code = _clean_country("country_code", country_code)
    if date_of_birth is not None and date_of_birth > timezone.now().date():
        raise field_error("date_of_birth", "The date of birth lies in the future.")
    case_open = ConflictError(
        AccountsErrorCode.KYC_CASE_OPEN, "You already have an open verification."
    )
    if KycVerification.objects.filter(user=actor, status__in=KYC_OPEN_STATUSES).exists():
        raise case_open
    attempt = _attempts_so_far(actor) + 1
    max_attempts = setting_int(MAX_ATTEMPTS_SETTING, DEFAULT_MAX_ATTEMPTS)
    if attempt > max_attempts:
        raise ConflictError(
            AccountsErrorCode.KYC_MAX_ATTEMPTS,
            f"The limit of {max_attempts} verification attempts is reached; contact support.",
        )
    verification = KycVerification(
        user=actor,
        service_provider=service_provider,
        level=level,
        legal_first_name=(legal_first_name or "").strip(),
        legal_last_name=(legal_last_name or "").strip(),
        date_of_birth=date_of_birth,
        country_code=country_code,
        attempt_number=attempt,
    )
    try:
        verification.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise validation_error(exc) from None
    try:
        with transaction.atomic():
            verification.save(force_insert=True)
    except IntegrityError:
        # A concurrent start won the race for UX_Kyc_User_Open.
        raise case_open from None
    _record(
        verification=verification,
        from_status=None,
        actor=actor,
        action=AuditAction.CREATE,
        extra_new={
            "level": verification.level,
            "attempt_number": attempt,
            "service_provider": verification.service_provider_id,
        },
    )
    return verification


def _check_document_file(*, actor: User, file: StoredFile) -> None:
    if not isinstance(file, StoredFile):
        raise field_error(
            "file", "Upload the document first.", code=AccountsErrorCode.KYC_FILE_INVALID
        )
    usable = StoredFile.objects.filter(
        stored_file_servable_q(),
        pk=file.pk,
        owner_id=actor.pk,
        purpose=FilePurpose.KYC_DOCUMENT,
    ).exists()
    if not usable:
        raise field_error(
            "file",
            "The file must be your own KYC upload that has passed its scan.",
            code=AccountsErrorCode.KYC_FILE_INVALID,
        )
    if KycDocument.objects.filter(file_id=file.pk).exists():
        raise field_error(
            "file",
            "This file is already attached to a document.",
            code=AccountsErrorCode.KYC_FILE_INVALID,
        )


def kyc_document_upload(
    *, actor: User, verification: KycVerification, uploaded_file, **document: Any
) -> KycDocument:
    """Store an uploaded file and attach it to the applicant's case as one operation.

    The file is stored as a private `StoredFile` of purpose KycDocument (size and type
    checked by the file service), then `kyc_document_add` attaches it with `document`'s
    fields. The blob upload is not part of a database transaction (see
    `stored_file_create`), so if the case refuses the document the stored file is
    soft-deleted at once: an upload without its document row is served to nobody.
    """
    stored = stored_file_create(
        actor=actor, uploaded_file=uploaded_file, purpose=FilePurpose.KYC_DOCUMENT
    )
    try:
        return kyc_document_add(actor=actor, verification=verification, file=stored, **document)
    except Exception:
        stored_file_soft_delete(actor=actor, file=stored)
        raise


@transaction.atomic
def kyc_document_add(
    *,
    actor: User,
    verification: KycVerification,
    document_type: str,
    side: str = KycDocumentSide.SINGLE,
    file: StoredFile,
    issuing_country: str | None = None,
    document_number: str | None = None,
    document_expires_on: datetime.date | None = None,
) -> KycDocument:
    """Attach an uploaded document to the applicant's own case (NotStarted or
    ResubmissionRequested).

    A new upload of the same type and side supersedes the previous one, which is kept as
    Rejected. Of `document_number` only the last four characters are stored.
    """
    _require_owner(actor, verification)
    _lock(verification)
    if verification.status not in APPLICANT_EDITABLE_STATUSES:
        raise ConflictError(
            AccountsErrorCode.KYC_DOCUMENTS_LOCKED,
            f"Documents cannot be added while the case is {verification.status}.",
        )
    if document_type not in KycDocumentType.values:
        raise field_error("document_type", f"{document_type} is not a KYC document type.")
    if side not in KycDocumentSide.values:
        raise field_error("side", f"{side} is not a document side.")
    issuing_country = _clean_country("issuing_country", issuing_country)
    if document_expires_on is not None and document_expires_on < timezone.now().date():
        raise field_error("document_expires_on", "The document has expired.")
    _check_document_file(actor=actor, file=file)
    number = "".join((document_number or "").split())
    document = KycDocument(
        verification=verification,
        document_type=document_type,
        side=side,
        file=file,
        issuing_country=issuing_country,
        document_number_last4=number[-4:] or None,
        document_expires_on=document_expires_on,
    )
    try:
        document.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise validation_error(exc) from None
    superseded = KycDocument.objects.filter(
        verification=verification,
        document_type=document_type,
        side=side,
        status=KycDocumentStatus.UPLOADED,
    ).update(status=KycDocumentStatus.REJECTED, rejection_reason="Superseded by a newer upload.")
    document.save(force_insert=True)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=document,
        new={**model_snapshot(document, DOCUMENT_AUDIT_FIELDS), "superseded": superseded},
    )
    return document


def _missing_documents(verification: KycVerification) -> list[str]:
    present = set(
        verification.documents.filter(status=KycDocumentStatus.UPLOADED).values_list(
            "document_type", flat=True
        )
    )
    missing = []
    if not present.intersection(IDENTITY_DOCUMENT_TYPES):
        missing.append(
            "An identity document (passport, driving licence, national identity card or "
            "residence permit) is required."
        )
    if KycDocumentType.SELFIE not in present:
        missing.append("A selfie is required.")
    return missing


@transaction.atomic
def kyc_verification_submit(*, actor: User, verification: KycVerification) -> KycVerification:
    """Hand the applicant's case to review (→ Pending); the owner only.

    Needs an identity document and a selfie. With `KYC.AutoApprovalEnabled` the case is
    approved at once, without a reviewer (`AutoApproved = 1`, `ReviewedBy` NULL).
    """
    _require_owner(actor, verification)
    _lock(verification)
    _require_status(verification, APPLICANT_EDITABLE_STATUSES, KycStatus.PENDING)
    missing = _missing_documents(verification)
    if missing:
        raise ApplicationError(
            AccountsErrorCode.KYC_DOCUMENTS_MISSING, missing[0], fields={"documents": missing}
        )
    from_status = verification.status
    old = model_snapshot(verification, VERIFICATION_AUDIT_FIELDS)
    verification.status = KycStatus.PENDING
    verification.submitted_at = timezone.now()
    # A resubmission starts a fresh review round; the previous verdict stays in the events.
    verification.reject_type = None
    verification.reject_labels = []
    verification.applicant_comment = ""
    verification.review_started_at = None
    verification.reviewed_at = None
    verification.reviewed_by = None
    verification.save(
        update_fields=[
            "status",
            "submitted_at",
            "reject_type",
            "reject_labels",
            "applicant_comment",
            "review_started_at",
            "reviewed_at",
            "reviewed_by",
            "updated_at",
        ]
    )
    _record(
        verification=verification,
        from_status=from_status,
        actor=actor,
        action=AuditAction.KYC_SUBMITTED,
        old=old,
    )
    if setting_bool(AUTO_APPROVAL_SETTING, False):
        _approve(
            verification=verification,
            reviewer=None,
            actor=actor,
            comment="Approved automatically (KYC.AutoApprovalEnabled).",
        )
    return verification


# --- Reviewer steps -----------------------------------------------------------------------


@transaction.atomic
def kyc_review_start(*, actor: User, verification: KycVerification) -> KycVerification:
    """A reviewer takes a Pending case (→ InReview)."""
    _require_reviewer_of(actor, verification)
    _lock(verification)
    _require_status(verification, (KycStatus.PENDING,), KycStatus.IN_REVIEW)
    old = model_snapshot(verification, VERIFICATION_AUDIT_FIELDS)
    verification.status = KycStatus.IN_REVIEW
    verification.review_started_at = timezone.now()
    verification.save(update_fields=["status", "review_started_at", "updated_at"])
    _record(
        verification=verification,
        from_status=KycStatus.PENDING,
        actor=actor,
        action=AuditAction.KYC_REVIEW_STARTED,
        old=old,
    )
    return verification


def _approve(
    *,
    verification: KycVerification,
    reviewer: User | None,
    actor: User,
    comment: str,
) -> None:
    """Approve a locked Pending/InReview case: documents accepted, provider verified."""
    now = timezone.now()
    from_status = verification.status
    old = model_snapshot(verification, VERIFICATION_AUDIT_FIELDS)
    months = setting_int(REVERIFICATION_MONTHS_SETTING, DEFAULT_REVERIFICATION_MONTHS)
    verification.status = KycStatus.APPROVED
    verification.reviewed_at = now
    verification.reviewed_by = reviewer
    verification.auto_approved = reviewer is None
    verification.review_started_at = verification.review_started_at or now
    verification.reject_type = None
    verification.expires_at = add_months(now, months)
    verification.save(
        update_fields=[
            "status",
            "reviewed_at",
            "reviewed_by",
            "auto_approved",
            "review_started_at",
            "reject_type",
            "expires_at",
            "updated_at",
        ]
    )
    accepted = verification.documents.filter(status=KycDocumentStatus.UPLOADED).update(
        status=KycDocumentStatus.ACCEPTED
    )
    _record(
        verification=verification,
        from_status=from_status,
        actor=actor,
        event_actor=reviewer,
        action=AuditAction.KYC_APPROVED,
        comment=comment,
        old=old,
        extra_new={"documents_accepted": accepted},
    )


@transaction.atomic
def kyc_approve(
    *, actor: User, verification: KycVerification, comment: str = ""
) -> KycVerification:
    """A reviewer approves a Pending or InReview case (→ Approved).

    Sets `ReviewedAt`/`ReviewedBy` and `ExpiresAt` (now + `KYC.ReverificationMonths`),
    accepts the uploaded documents and marks the linked provider profile verified.
    """
    _require_reviewer_of(actor, verification)
    _lock(verification)
    _require_status(verification, DECIDABLE_STATUSES, KycStatus.APPROVED)
    _approve(verification=verification, reviewer=actor, actor=actor, comment=comment)
    return verification


def _clean_labels(labels: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for label in labels or ():
        if not isinstance(label, str) or not label.strip():
            raise field_error("labels", "Labels are non-empty strings such as BAD_SELFIE.")
        label = label.strip()
        if len(label) > MAX_REJECT_LABEL_LENGTH:
            raise field_error(
                "labels", f"A label has at most {MAX_REJECT_LABEL_LENGTH} characters."
            )
        if label not in cleaned:
            cleaned.append(label)
    if len(cleaned) > MAX_REJECT_LABELS:
        raise field_error("labels", f"Give at most {MAX_REJECT_LABELS} labels.")
    return cleaned


@transaction.atomic
def kyc_reject(
    *,
    actor: User,
    verification: KycVerification,
    reason: str,
    reject_type: str,
    labels: Iterable[str] = (),
    internal_comment: str = "",
) -> KycVerification:
    """A reviewer turns down a Pending or InReview case.

    `Final` closes it as Rejected (its documents rejected too); `Retry` sends it back to
    the applicant as ResubmissionRequested. `reason` is shown to the applicant
    (`ApplicantComment`); `internal_comment` is for staff only.
    """
    _require_reviewer_of(actor, verification)
    if reject_type not in KycRejectType.values:
        raise field_error("reject_type", "Choose Retry or Final.")
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", "Tell the applicant why.")
    labels = _clean_labels(labels)
    final = reject_type == KycRejectType.FINAL
    to_status = KycStatus.REJECTED if final else KycStatus.RESUBMISSION_REQUESTED
    _lock(verification)
    _require_status(verification, DECIDABLE_STATUSES, to_status)
    from_status = verification.status
    old = model_snapshot(verification, VERIFICATION_AUDIT_FIELDS)
    now = timezone.now()
    verification.status = to_status
    verification.reject_type = reject_type
    verification.reject_labels = labels
    verification.applicant_comment = reason
    if internal_comment:
        verification.internal_comment = internal_comment
    verification.reviewed_at = now
    verification.reviewed_by = actor
    verification.review_started_at = verification.review_started_at or now
    verification.save(
        update_fields=[
            "status",
            "reject_type",
            "reject_labels",
            "applicant_comment",
            "internal_comment",
            "reviewed_at",
            "reviewed_by",
            "review_started_at",
            "updated_at",
        ]
    )
    rejected_documents = 0
    if final:
        rejected_documents = verification.documents.filter(
            status=KycDocumentStatus.UPLOADED
        ).update(status=KycDocumentStatus.REJECTED, rejection_reason=reason[:200])
    _record(
        verification=verification,
        from_status=from_status,
        actor=actor,
        action=AuditAction.KYC_REJECTED if final else AuditAction.KYC_RESUBMISSION_REQUESTED,
        comment=reason,
        old=old,
        extra_new={
            "applicant_comment": reason,
            "internal_comment": verification.internal_comment,
            "documents_rejected": rejected_documents,
        },
    )
    return verification


def kyc_request_resubmission(
    *,
    actor: User,
    verification: KycVerification,
    reason: str,
    labels: Iterable[str] = (),
) -> KycVerification:
    """A reviewer asks the applicant to fix and resubmit (→ ResubmissionRequested, Retry)."""
    return kyc_reject(
        actor=actor,
        verification=verification,
        reason=reason,
        reject_type=KycRejectType.RETRY,
        labels=labels,
    )


__all__ = [
    "IDENTITY_DOCUMENT_TYPES",
    "add_months",
    "kyc_approve",
    "kyc_document_add",
    "kyc_reject",
    "kyc_request_resubmission",
    "kyc_review_start",
    "kyc_verification_start",
    "kyc_verification_submit",
]


@transaction.atomic
def provider_verification_sync(
    *,
    actor: User | None,
    provider: ServiceProvider,
    status: str,
    is_verified: bool | None = None,
    verified_at=None,
) -> ServiceProvider:
    """Mirror a KYC case's status on the profile: `VerificationStatus`, `IsVerified`, `VerifiedAt`.

    `IsVerified` defaults to "the status is Approved"; the KYC service passes it explicitly
    when an earlier, still valid approval keeps the profile verified. `VerifiedAt` is the
    approval time (now unless given) and is cleared when the profile stops being verified.
    """
    if status not in KycStatus.values:
        raise ValueError(f"Unknown KYC status {status!r}.")
    locked = ServiceProvider.objects.select_for_update().get(pk=provider.pk)
    fields = ("verification_status", "is_verified", "verified_at")
    old = model_snapshot(locked, fields)
    approved = status == KycStatus.APPROVED if is_verified is None else is_verified
    locked.verification_status = status
    locked.is_verified = approved
    if approved:
        locked.verified_at = verified_at or locked.verified_at or timezone.now()
    else:
        locked.verified_at = None
    new = model_snapshot(locked, fields)
    if new != old:
        locked.save(update_fields=[*fields, "updated_at"])
        audit_log_record(actor=actor, action=AuditAction.UPDATE, target=locked, old=old, new=new)
    return locked
