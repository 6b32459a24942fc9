"""Provider verification (plan 038): credentials, their staff review and expiry, and
background checks; `IsVerified` derived from KYC and the credentials (SCHEMA.md 2.38, A19).

    Pending ──approve──▶ Verified ──(expiry sweep, ExpiresOn passed)──▶ Expired
       │                    │
       └──────reject────────┴──reject──▶ Rejected

A provider submits a credential (a document uploaded as a private `StoredFile` of purpose
CredentialDocument, the issuer, the number of which only the last four characters are
kept, the dates). A reviewer (`kyc.review`, never on their own credential) approves or
rejects it. Each transition locks the row, refuses anything the diagram does not allow
with `credential_invalid_transition` (409) and writes one audit row in the same
transaction.

`ServiceProviders.IsVerified` = the person's KYC is approved and unexpired AND every
credential type required of the provider (`ProviderCredentialTypes`: for every provider,
or for a category they offer) has a current credential (Verified, ExpiresOn not passed).
While the setting `Verification.BackgroundCheckRequired` is on, the provider's latest
background check must also be clear (complete, result `clear`, re-check date not passed).
It is recomputed by `provider_verification_recompute` on every credential and background
check write, by the KYC service on every case transition, and by the daily sweep
`credentials_expire`, which also tells a provider once per credential,
`Verification.CredentialExpiryNoticeDays` (30) days ahead, that it expires soon.
Background checks hold the vendor's reference and status only.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.choices import FilePurpose, ScanStatus
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from doggy.core.tasks import run_after_commit
from doggy.health import job_run
from doggy.models import StoredFile
from doggy.selectors import setting_int, stored_file_servable_q
from doggy.services import stored_file_create, stored_file_soft_delete

from ..choices import (
    BackgroundCheckAdjudication,
    BackgroundCheckResult,
    BackgroundCheckStatus,
    BackgroundCheckVendor,
    CredentialStatus,
    CredentialType,
)
from ..credential_errors import CredentialErrorCode
from ..credential_selectors import (
    credential_actor_is_reviewer,
    provider_kyc_approved,
    provider_of,
    provider_requirements_met,
)
from ..models import (
    BackgroundCheck,
    ProviderCredential,
    ServiceProvider,
    User,
)
from .kyc import provider_verification_sync

logger = logging.getLogger(__name__)

CREDENTIAL_AUDIT_FIELDS = (
    "credential_type",
    "issuer",
    "credential_number",
    "issued_on",
    "expires_on",
    "coverage_amount",
    "file",
    "status",
    "verified_by",
    "verified_at",
    "rejection_reason",
)
BACKGROUND_CHECK_AUDIT_FIELDS = (
    "vendor",
    "external_report_id",
    "status",
    "result",
    "adjudication",
    "completed_at",
    "expires_at",
)
# Files a credential may not point at: the scanner found something, or could not scan.
REFUSED_SCAN_STATUSES = (ScanStatus.INFECTED, ScanStatus.ERROR)
MAX_REJECTION_REASON = 300
SWEEP_BATCH_SIZE = 500
EXPIRY_NOTICE_DAYS_SETTING = "Verification.CredentialExpiryNoticeDays"
DEFAULT_EXPIRY_NOTICE_DAYS = 30


def _invalid(field: str, message: str, code=CredentialErrorCode.INVALID) -> ApplicationError:
    return ApplicationError(code, message, fields={field: [message]})


def _today() -> datetime.date:
    return timezone.now().date()


# --- IsVerified ---------------------------------------------------------------------------


def provider_verification_recompute(
    *, actor: User | None, provider: ServiceProvider
) -> ServiceProvider:
    """Derive `IsVerified` (KYC approved + required credentials current + a clear
    background check where required) and store it.

    Writes (and audits) only when the value changes; `VerificationStatus` keeps mirroring
    the KYC case.
    """
    verified = provider_kyc_approved(provider=provider) and provider_requirements_met(
        provider=provider
    )
    return provider_verification_sync(
        actor=actor,
        provider=provider,
        status=provider.verification_status,
        is_verified=verified,
    )


# --- The provider's side ------------------------------------------------------------------


def _check_file(*, actor: User, file: Any) -> StoredFile:
    if not isinstance(file, StoredFile):
        raise _invalid(
            "file", "Upload the document first.", CredentialErrorCode.CREDENTIAL_FILE_INVALID
        )
    usable = (
        StoredFile.objects.filter(
            pk=file.pk,
            owner_id=actor.pk,
            purpose=FilePurpose.CREDENTIAL_DOCUMENT,
            deleted_at__isnull=True,
        )
        .exclude(scan_status__in=REFUSED_SCAN_STATUSES)
        .exists()
    )
    if not usable:
        raise _invalid(
            "file",
            "The file must be your own credential document upload.",
            CredentialErrorCode.CREDENTIAL_FILE_INVALID,
        )
    if ProviderCredential.objects.filter(file_id=file.pk).exists():
        raise _invalid(
            "file",
            "This file is already attached to a credential.",
            CredentialErrorCode.CREDENTIAL_FILE_INVALID,
        )
    return file


def last_four(number: str | None) -> str:
    """The only part of a credential number that is stored: its last four characters
    (whitespace removed)."""
    return "".join((number or "").split())[-4:]


@transaction.atomic
def credential_submit(
    *,
    actor: User,
    credential_type: str,
    file: StoredFile,
    issuer: str = "",
    credential_number: str = "",
    issued_on: datetime.date | None = None,
    expires_on: datetime.date | None = None,
    coverage_amount: Decimal | None = None,
) -> ProviderCredential:
    """The caller (a provider) submits a credential for review: Pending, audited."""
    provider = provider_of(actor)
    if credential_type not in CredentialType.values:
        raise _invalid("credential_type", f"{credential_type} is not a credential type.")
    if expires_on is not None and expires_on < _today():
        raise _invalid("expires_on", "The credential has expired.")
    if expires_on is not None and issued_on is not None and expires_on <= issued_on:
        raise _invalid("expires_on", "The expiry date must come after the issue date.")
    if coverage_amount is not None and coverage_amount < 0:
        raise _invalid("coverage_amount", "The coverage cannot be negative.")
    _check_file(actor=actor, file=file)
    credential = ProviderCredential.objects.create(
        provider=provider,
        credential_type=credential_type,
        issuer=(issuer or "").strip()[:200],
        credential_number=last_four(credential_number),
        issued_on=issued_on,
        expires_on=expires_on,
        coverage_amount=coverage_amount,
        file=file,
        status=CredentialStatus.PENDING,
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=credential,
        new=model_snapshot(credential, CREDENTIAL_AUDIT_FIELDS),
    )
    return credential


def credential_upload(*, actor: User, uploaded_file, **fields: Any) -> ProviderCredential:
    """Store the uploaded document and submit the credential as one operation.

    The blob upload is not part of a database transaction (see `stored_file_create`);
    when the submission is refused, the stored file is soft-deleted at once.
    """
    provider_of(actor)
    stored = stored_file_create(
        actor=actor, uploaded_file=uploaded_file, purpose=FilePurpose.CREDENTIAL_DOCUMENT
    )
    try:
        return credential_submit(actor=actor, file=stored, **fields)
    except Exception:
        stored_file_soft_delete(actor=actor, file=stored)
        raise


# --- The reviewer's side ------------------------------------------------------------------


def _lock_for_review(actor: User, credential: ProviderCredential) -> ProviderCredential:
    if not credential_actor_is_reviewer(actor=actor):
        raise PermissionDeniedError(
            CredentialErrorCode.PERMISSION_DENIED, "Reviewing credentials needs kyc.review."
        )
    locked = (
        ProviderCredential.objects.select_for_update()
        .select_related("provider")
        .get(pk=credential.pk)
    )
    if locked.provider.user_id == actor.pk:
        raise PermissionDeniedError(
            CredentialErrorCode.CREDENTIAL_OWN_REVIEW, "You cannot review your own credential."
        )
    return locked


def _refuse(credential: ProviderCredential, verb: str) -> ConflictError:
    return ConflictError(
        CredentialErrorCode.CREDENTIAL_INVALID_TRANSITION,
        f"A {credential.status} credential cannot be {verb}.",
    )


def _finish(actor, credential, old, fields) -> ProviderCredential:
    credential.save(update_fields=[*fields, "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=credential,
        old=old,
        new=model_snapshot(credential, CREDENTIAL_AUDIT_FIELDS),
    )
    provider_verification_recompute(actor=actor, provider=credential.provider)
    return credential


@transaction.atomic
def credential_approve(*, actor: User, credential: ProviderCredential) -> ProviderCredential:
    """Pending → Verified. The document must have passed its scan and the credential must
    not have expired; the provider's `IsVerified` is recomputed."""
    locked = _lock_for_review(actor, credential)
    if locked.status != CredentialStatus.PENDING:
        raise _refuse(locked, "approved")
    if locked.expires_on is not None and locked.expires_on < _today():
        raise ConflictError(
            CredentialErrorCode.CREDENTIAL_INVALID_TRANSITION,
            "The credential expired before it was reviewed.",
        )
    servable = (
        locked.file_id is not None
        and StoredFile.objects.filter(stored_file_servable_q(), pk=locked.file_id).exists()
    )
    if not servable:
        raise ConflictError(
            CredentialErrorCode.CREDENTIAL_FILE_INVALID,
            "The document has not passed its virus scan.",
        )
    old = model_snapshot(locked, CREDENTIAL_AUDIT_FIELDS)
    locked.status = CredentialStatus.VERIFIED
    locked.verified_by = actor
    locked.verified_at = timezone.now()
    locked.rejection_reason = ""
    return _finish(actor, locked, old, ("status", "verified_by", "verified_at", "rejection_reason"))


@transaction.atomic
def credential_reject(
    *, actor: User, credential: ProviderCredential, reason: str
) -> ProviderCredential:
    """Pending or Verified → Rejected, with the reason shown to the provider."""
    reason = (reason or "").strip()
    if not reason:
        raise _invalid("reason", "Give the provider a reason.")
    if len(reason) > MAX_REJECTION_REASON:
        raise _invalid("reason", f"At most {MAX_REJECTION_REASON} characters.")
    locked = _lock_for_review(actor, credential)
    if locked.status not in (CredentialStatus.PENDING, CredentialStatus.VERIFIED):
        raise _refuse(locked, "rejected")
    old = model_snapshot(locked, CREDENTIAL_AUDIT_FIELDS)
    locked.status = CredentialStatus.REJECTED
    locked.verified_by = actor
    locked.verified_at = timezone.now()
    locked.rejection_reason = reason
    return _finish(actor, locked, old, ("status", "verified_by", "verified_at", "rejection_reason"))


# --- The daily expiry sweep ---------------------------------------------------------------


@dataclass(frozen=True)
class CredentialSweepResult:
    expired: int
    providers_unverified: int
    notices_sent: int = 0


def credentials_expire(
    *, today: datetime.date | None = None, batch_size: int = SWEEP_BATCH_SIZE
) -> CredentialSweepResult:
    """Expire every Verified credential whose `ExpiresOn` has passed and recompute its
    provider's `IsVerified`.

    Batches of `batch_size` credentials, each in its own transaction (the rows locked and
    re-checked, so a concurrent review or a second sweep changes nothing twice). Each
    expiry writes an audit row (the system as actor) and, after commit, emails the
    provider. Then the expiry notices (`credentials_expiry_notice`). A second run finds
    nothing to do.
    """
    today = today or _today()
    due = ProviderCredential.objects.filter(
        status=CredentialStatus.VERIFIED, expires_on__lt=today
    ).order_by("expires_on", "id")
    expired = unverified = 0
    while True:
        ids = list(due.values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        with transaction.atomic():
            locked = list(
                ProviderCredential.objects.select_for_update()
                .filter(pk__in=ids, status=CredentialStatus.VERIFIED, expires_on__lt=today)
                .select_related("provider")
                .order_by("id")
            )
            providers: dict[Any, ServiceProvider] = {}
            for credential in locked:
                old = model_snapshot(credential, CREDENTIAL_AUDIT_FIELDS)
                credential.status = CredentialStatus.EXPIRED
                credential.save(update_fields=["status", "updated_at"])
                audit_log_record(
                    actor=None,
                    action=AuditAction.UPDATE,
                    target=credential,
                    old=old,
                    new=model_snapshot(credential, CREDENTIAL_AUDIT_FIELDS),
                )
                run_after_commit(credential_expiry_notify, str(credential.pk))
                providers[credential.provider_id] = credential.provider
            for provider in providers.values():
                was_verified = provider.is_verified
                now = provider_verification_recompute(actor=None, provider=provider)
                unverified += was_verified and not now.is_verified
            expired += len(locked)
    notices = credentials_expiry_notice(today=today, batch_size=batch_size)
    return CredentialSweepResult(
        expired=expired, providers_unverified=unverified, notices_sent=notices
    )


def credentials_expiry_notice(
    *, today: datetime.date | None = None, batch_size: int = SWEEP_BATCH_SIZE
) -> int:
    """Tell each provider, once per credential, that a Verified credential expires within
    `Verification.CredentialExpiryNoticeDays` (30) days.

    A credential is claimed by a conditional `UPDATE … SET ExpiryNoticeSentAt = now WHERE
    ExpiryNoticeSentAt IS NULL`, so a second sweep, or two at once, send nothing twice;
    the claim is audited and the email sent after commit. Returns the notices sent.
    """
    today = today or _today()
    days = setting_int(EXPIRY_NOTICE_DAYS_SETTING, DEFAULT_EXPIRY_NOTICE_DAYS)
    if not days or days < 1:
        return 0
    due = ProviderCredential.objects.filter(
        status=CredentialStatus.VERIFIED,
        expires_on__gte=today,
        expires_on__lte=today + datetime.timedelta(days=days),
        expiry_notice_sent_at__isnull=True,
    ).order_by("expires_on", "id")
    sent = 0
    while True:
        ids = list(due.values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        now = timezone.now()
        with transaction.atomic():
            for credential_id in ids:
                claimed = ProviderCredential.objects.filter(
                    pk=credential_id, expiry_notice_sent_at__isnull=True
                ).update(expiry_notice_sent_at=now)
                if not claimed:
                    continue
                audit_log_record(
                    actor=None,
                    action=AuditAction.UPDATE,
                    entity_type="ProviderCredential",
                    entity_id=str(credential_id),
                    old={"expiry_notice_sent_at": None},
                    new={"expiry_notice_sent_at": now.isoformat()},
                )
                run_after_commit(credential_expiry_notice_send, str(credential_id))
                sent += 1
    return sent


def credential_expiry_notice_send(credential_id: str) -> None:
    """Email the provider that a credential expires soon (a task: takes the id)."""
    credential = (
        ProviderCredential.objects.select_related("provider__user").filter(pk=credential_id).first()
    )
    if credential is None or credential.status != CredentialStatus.VERIFIED:
        return
    name = credential.get_credential_type_display()
    send_mail(
        f"Your {name} expires on {credential.expires_on:%Y-%m-%d}",
        (
            f"Your {name} expires on {credential.expires_on:%Y-%m-%d}. Upload the renewed "
            "document before then to stay verified and listed."
        ),
        settings.DEFAULT_FROM_EMAIL,
        [credential.provider.user.email],
        fail_silently=True,
    )


def credentials_expire_sweep() -> int:
    """The sweep as a task (no arguments): for the task runner or Celery beat, its run
    recorded in BackgroundJobRuns (`expire_credentials`)."""
    with job_run("expire_credentials") as outcome:
        result = credentials_expire()
        outcome["items_processed"] = result.expired
    logger.info(
        "Credential sweep: %s expired, %s provider(s) unverified.",
        result.expired,
        result.providers_unverified,
    )
    return result.expired


def credential_expiry_notify(credential_id: str) -> None:
    """Email the provider that a credential expired (a task: takes the id)."""
    credential = (
        ProviderCredential.objects.select_related("provider__user").filter(pk=credential_id).first()
    )
    if credential is None or credential.status != CredentialStatus.EXPIRED:
        return
    user = credential.provider.user
    listed = "" if credential.provider.is_verified else " Until then you are not listed."
    send_mail(
        f"Your {credential.get_credential_type_display()} has expired",
        (
            f"Your {credential.get_credential_type_display()} expired on "
            f"{credential.expires_on:%Y-%m-%d}. Upload the renewed document to stay "
            f"verified.{listed}"
        ),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        fail_silently=True,
    )


# --- Background checks --------------------------------------------------------------------

# A report moves only forward: a later vendor status never goes back to an earlier one.
_CHECK_FINAL = (BackgroundCheckStatus.COMPLETE, BackgroundCheckStatus.CANCELED)


def _require_reviewer(actor: User | None) -> None:
    if actor is not None and not credential_actor_is_reviewer(actor=actor):
        raise PermissionDeniedError(
            CredentialErrorCode.PERMISSION_DENIED, "Background checks need kyc.review."
        )


@transaction.atomic
def background_check_request(
    *,
    actor: User | None,
    provider: ServiceProvider,
    vendor: str,
    external_report_id: str | None = None,
) -> BackgroundCheck:
    """Record a background check ordered from `vendor` (Pending), by reference only."""
    _require_reviewer(actor)
    if vendor not in BackgroundCheckVendor.values:
        raise _invalid("vendor", f"{vendor} is not a background-check vendor.")
    check = BackgroundCheck.objects.create(
        provider=provider, vendor=vendor, external_report_id=external_report_id or None
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=check,
        new=model_snapshot(check, BACKGROUND_CHECK_AUDIT_FIELDS),
    )
    # A new pending check is the latest: where one is required, the provider waits for it.
    provider_verification_recompute(actor=actor, provider=provider)
    return check


@transaction.atomic
def background_check_update(
    *,
    actor: User | None,
    check: BackgroundCheck,
    status: str,
    result: str | None = None,
    adjudication: str | None = None,
    external_report_id: str | None = None,
    expires_at: datetime.datetime | None = None,
) -> BackgroundCheck:
    """Record the vendor's status (Checkr's values), result and adjudication.

    A complete or canceled report is final: a later update to it is refused (409).
    `CompletedAt` is set when the report completes. `actor` None is the vendor's
    callback (the system); a person needs `kyc.review`.
    """
    _require_reviewer(actor)
    if status not in BackgroundCheckStatus.values:
        raise _invalid("status", f"{status} is not a background-check status.")
    if result is not None and result not in BackgroundCheckResult.values:
        raise _invalid("result", f"{result} is not a background-check result.")
    if adjudication is not None and adjudication not in BackgroundCheckAdjudication.values:
        raise _invalid("adjudication", f"{adjudication} is not an adjudication.")
    locked = BackgroundCheck.objects.select_for_update().get(pk=check.pk)
    if locked.status in _CHECK_FINAL:
        raise ConflictError(
            CredentialErrorCode.BACKGROUND_CHECK_INVALID_TRANSITION,
            f"The check is {locked.status}; it cannot change any more.",
        )
    old = model_snapshot(locked, BACKGROUND_CHECK_AUDIT_FIELDS)
    locked.status = status
    locked.result = result if result is not None else locked.result
    locked.adjudication = adjudication if adjudication is not None else locked.adjudication
    if external_report_id:
        locked.external_report_id = external_report_id
    if expires_at is not None:
        locked.expires_at = expires_at
    if status == BackgroundCheckStatus.COMPLETE:
        locked.completed_at = timezone.now()
    locked.save()
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old=old,
        new=model_snapshot(locked, BACKGROUND_CHECK_AUDIT_FIELDS),
    )
    provider_verification_recompute(actor=actor, provider=locked.provider)
    return locked
