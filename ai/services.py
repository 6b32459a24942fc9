"""Writes of the ai app: recommendation jobs, feedback, quotas, moderation and reports.

* **Quota** (`quota_reserve`): one conditional UPDATE per request on the caller's
  `AiDailyUsage` row of the UTC day, `RequestCount = RequestCount + 1 WHERE RequestCount <
  limit` (and the day's tokens under the token limit); a missing row is inserted with the
  count 1, and an insert that loses the race to a concurrent one retries the UPDATE. No
  lock is taken before the statement, and no interleaving lets the count pass the limit.
* **Recommendations** are a job: `recommendation_request` reserves the quota, creates the
  job's `AiUsageRecord` (Status `Pending`, `RequestId` = the job id) and queues
  `recommendation_job_run` after commit. The job reads the dog's facts through
  `pets.selectors` as the requester, asks the configured advisor, and stores the drafts
  with their evidence; a newer recommendation about the same thing supersedes the old.
* **Every provider call** ends in its `AiUsageRecord` (tokens, cost from `AiModelPrices`,
  latency, outcome) and in the day's counters.
* **Urgent recommendations** (urgency `Urgent`) notify the dog's owner once per job,
  after the commit that stores them (`doggy.core.notifications.notify_after_commit`;
  messaging is a sibling and is not imported). A condition that was already urgent and
  active (the same rule key) is not notified again.
* **Moderation** works through `doggy.core.moderation`: the owning apps submit content
  after commit and register per-kind handlers; this app registers the checker
  (`moderation_content_check`, in `AiConfig.ready`). `moderation_check_content`
  classifies a text, records the check, and hides flagged content through the owner's
  handler in the same transaction (`PendingReview` in the queue). Staff decisions
  (`moderation_review`) restore (Approved: a recorded false positive) or remove the
  content through the same handler and close the content's open user reports. User
  reports (`content_report_create`) must name content the reporter can see (404
  otherwise) and join the same queue. Everything staff do is audited in the same
  transaction.
"""

from __future__ import annotations

import datetime
import logging
import time
import uuid
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.lookups import LessThan
from django.utils import timezone

from accounts.services.analytics import analytics_event_record
from audit.choices import AuditAction
from audit.services import audit_log_record
from doggy.core.errors import ApplicationError, PermissionDeniedError
from doggy.core.moderation import (
    content_hide,
    content_remove,
    content_restore,
    content_text,
    content_visible_to,
    moderated_kinds,
)
from doggy.core.notifications import notify_after_commit
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.tasks import run_after_commit
from doggy.core.updates import model_update
from pets.models import DogAllergy, DogProfile, Medication, Vaccination, VetVisit, WeightRecord
from pets.selectors import dog_get, medical_record_list

from .choices import (
    OPEN_REPORT_STATUSES,
    AiFeature,
    AiUsageStatus,
    ModerationDecision,
    ModerationReviewOutcome,
    RecommendationStatus,
    RecommendationTrigger,
    RecommendationUrgency,
    ReportStatus,
)
from .errors import (
    AiAccessDeniedError,
    AiErrorCode,
    AiQuotaExceededError,
    ModerationNotPendingError,
    ReportedContentNotFoundError,
    ReportExistsError,
    ReportNotOpenError,
)
from .models import (
    AiDailyUsage,
    AiHealthRecommendation,
    AiRecommendationFeedback,
    AiUsageRecord,
    ContentReport,
    ModerationCheck,
)
from .providers import health_advisor, moderator
from .providers.base import ProviderError, Usage
from .providers.rules import rule_set
from .selectors import (
    daily_limits,
    model_price_get,
    seconds_to_next_utc_midnight,
    usage_cost,
    utc_today,
)

logger = logging.getLogger(__name__)


def _require_ai_access(actor) -> None:
    if not actor_may(actor, PermissionName.AI_ACCESS):
        raise AiAccessDeniedError()


def _require_staff(actor) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(AiErrorCode.STAFF_ONLY, "Only staff review content.")


# --- Quota ----------------------------------------------------------------------------------
def _conditional_increment(
    user_id, day: datetime.date, requests: int | None, tokens: int | None
) -> bool:
    rows = AiDailyUsage.objects.filter(user_id=user_id, usage_date=day)
    if requests is not None:
        rows = rows.filter(request_count__lt=requests)
    if tokens is not None:
        rows = rows.filter(LessThan(F("prompt_tokens") + F("completion_tokens"), tokens))
    updated = rows.update(request_count=F("request_count") + 1, updated_at=timezone.now())
    return updated == 1


def quota_reserve(*, user, now: datetime.datetime | None = None) -> bool:
    """Count one AI request of `user` on the UTC day if the limits allow it (True).

    Atomic without locks: the conditional UPDATE; on a missing day row an INSERT with
    the count 1 (in a savepoint); if a concurrent request inserted it first, the UPDATE
    once more. Call inside the transaction that records the request.
    """
    limits = daily_limits(user=user)
    day = utc_today(now)
    if limits.requests == 0 or limits.tokens == 0:
        return False
    if _conditional_increment(user.pk, day, limits.requests, limits.tokens):
        return True
    if AiDailyUsage.objects.filter(user_id=user.pk, usage_date=day).exists():
        return False
    try:
        with transaction.atomic():
            AiDailyUsage.objects.create(user_id=user.pk, usage_date=day, request_count=1)
    except IntegrityError:
        # Another request created the day's row between our UPDATE and INSERT.
        return _conditional_increment(user.pk, day, limits.requests, limits.tokens)
    return True


def _quota_refused(*, user, feature: str, provider: str, model_name: str) -> AiQuotaExceededError:
    now = timezone.now()
    AiUsageRecord.objects.create(
        user=user,
        feature=feature,
        ai_provider=provider,
        model_name=model_name,
        status=AiUsageStatus.QUOTA_EXCEEDED,
        error_code=AiErrorCode.QUOTA_EXCEEDED.value,
        usage_date=utc_today(now),
        started_at=now,
        completed_at=now,
        latency_ms=0,
    )
    limit = daily_limits(user=user).requests or 0
    return AiQuotaExceededError(limit=limit, retry_after=seconds_to_next_utc_midnight(now))


def _record_outcome(
    record: AiUsageRecord,
    *,
    status: str,
    usage: Usage,
    latency_ms: int,
    error_code: str = "",
) -> None:
    """Finish a usage record (tokens, cost, latency, outcome) and add it to the day's counters.

    Call inside a transaction; `record` must already be saved.
    """
    price = model_price_get(
        provider=record.ai_provider, model_name=record.model_name, day=record.usage_date
    )
    cost = usage_cost(
        price,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cached_tokens=usage.cached_tokens,
    )
    record.status = status
    record.error_code = error_code[:50]
    record.provider_request_id = usage.provider_request_id[:100]
    record.prompt_tokens = usage.prompt_tokens
    record.completion_tokens = usage.completion_tokens
    record.cached_tokens = usage.cached_tokens
    record.total_tokens = usage.prompt_tokens + usage.completion_tokens
    record.cost_usd = cost
    record.latency_ms = latency_ms
    record.completed_at = timezone.now()
    record.save()
    if record.user_id is None:
        return
    succeeded = status == AiUsageStatus.SUCCESS
    counters = {
        "success_count": F("success_count") + (1 if succeeded else 0),
        "failure_count": F("failure_count") + (0 if succeeded else 1),
        "prompt_tokens": F("prompt_tokens") + usage.prompt_tokens,
        "completion_tokens": F("completion_tokens") + usage.completion_tokens,
        "cost_usd": F("cost_usd") + cost,
        "updated_at": timezone.now(),
    }
    updated = AiDailyUsage.objects.filter(
        user_id=record.user_id, usage_date=record.usage_date
    ).update(**counters)
    if not updated:
        # Calls that reserve no quota (moderation) start the day's row here.
        try:
            with transaction.atomic():
                AiDailyUsage.objects.create(
                    user_id=record.user_id,
                    usage_date=record.usage_date,
                    success_count=1 if succeeded else 0,
                    failure_count=0 if succeeded else 1,
                    prompt_tokens=usage.prompt_tokens,
                    completion_tokens=usage.completion_tokens,
                    cost_usd=cost,
                )
        except IntegrityError:
            AiDailyUsage.objects.filter(
                user_id=record.user_id, usage_date=record.usage_date
            ).update(**counters)


def _elapsed_ms(started: float) -> int:
    return max(0, round((time.monotonic() - started) * 1000))


# --- Dog facts (the evidence) -----------------------------------------------------------------
def _age_months(birthdate: datetime.date | None, today: datetime.date) -> int | None:
    if birthdate is None:
        return None
    months = (today.year - birthdate.year) * 12 + today.month - birthdate.month
    if today.day < birthdate.day:
        months -= 1
    return max(0, months)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def dog_facts(*, actor, dog_id, today: datetime.date | None = None) -> dict[str, Any]:
    """What the advisors see of a dog, read as `actor` (no owner PII: no names of people,
    contacts, addresses or notes). Raises DogNotFoundError when the actor may not see it."""
    today = today or utc_today()
    dog = dog_get(actor=actor, dog_id=dog_id)

    def records(model):
        return medical_record_list(actor=actor, dog_id=dog.pk, model=model)

    weights = sorted(
        ({"on": w.measured_on.isoformat(), "lb": float(w.weight)} for w in records(WeightRecord)),
        key=lambda w: w["on"],
    )
    latest_by_vaccine: dict[str, Vaccination] = {}
    for vaccination in records(Vaccination).filter(status="Completed").order_by("administered_on"):
        latest_by_vaccine[vaccination.vaccine_name.casefold()] = vaccination
    vaccinations = [
        {
            "vaccine": v.vaccine_name,
            "administered_on": v.administered_on.isoformat(),
            "next_due_on": v.next_due_on.isoformat() if v.next_due_on else None,
        }
        for v in sorted(latest_by_vaccine.values(), key=lambda v: v.vaccine_name.casefold())
    ]
    medications = [
        {"name": m.name, "end_date": m.end_date.isoformat() if m.end_date else None}
        for m in records(Medication).filter(status="Active").order_by("name")
    ]
    allergies = [
        {"substance": a.substance, "category": a.category, "criticality": a.criticality}
        for a in records(DogAllergy).filter(clinical_status="Active").order_by("substance")
    ]
    last_visit = (
        records(VetVisit).order_by("-visit_date").values_list("visit_date", flat=True).first()
    )
    latest_weight = weights[-1]["lb"] if weights else _float(dog.weight)
    return {
        "today": today.isoformat(),
        "dog": {
            "name": dog.name,
            "breed": dog.breed,
            "age_months": _age_months(dog.birthdate, today),
            "weight_lb": latest_weight,
        },
        "weights": weights,
        "vaccinations": vaccinations,
        "medications": medications,
        "allergies": allergies,
        "last_vet_visit_on": last_visit.isoformat() if last_visit else None,
    }


# --- Recommendations ------------------------------------------------------------------------
def recommendation_request(*, actor, dog_id) -> AiUsageRecord:
    """Queue recommendations for a dog the actor may see; the job is the returned record.

    403 without `ai.access`, 404 for a dog the actor may not see, 429 over the daily
    limit (recorded as a `QuotaExceeded` usage record). The job runs after commit.
    """
    _require_ai_access(actor)
    dog = dog_get(actor=actor, dog_id=dog_id)
    advisor = health_advisor()
    now = timezone.now()
    with transaction.atomic():
        if quota_reserve(user=actor, now=now):
            job = AiUsageRecord.objects.create(
                user=actor,
                feature=AiFeature.HEALTH_RECOMMENDATION,
                ai_provider=advisor.provider,
                model_name=advisor.model_name,
                status=AiUsageStatus.PENDING,
                usage_date=utc_today(now),
                started_at=now,
                metadata={
                    "dog_id": str(dog.pk),
                    "trigger": RecommendationTrigger.ON_DEMAND,
                    "prompt_version": advisor.prompt_version,
                },
            )
            run_after_commit(recommendation_job_run, job.pk)
            analytics_event_record(
                user=actor,
                name="ai_recommendation_requested",
                properties={"dog_id": dog.pk, "job_id": job.request_id},
            )
            return job
    raise _quota_refused(
        user=actor,
        feature=AiFeature.HEALTH_RECOMMENDATION,
        provider=advisor.provider,
        model_name=advisor.model_name,
    )


def _job_fail(job: AiUsageRecord, *, status: str, code: str, latency_ms: int, usage=None) -> None:
    with transaction.atomic():
        locked = AiUsageRecord.objects.select_for_update().filter(
            pk=job.pk, status=AiUsageStatus.PENDING
        )
        if not locked.exists():
            return
        _record_outcome(
            job, status=status, usage=usage or Usage(), latency_ms=latency_ms, error_code=code
        )


def recommendation_job_run(usage_record_id: int) -> None:
    """The after-commit work of a recommendation job (plain id argument: queueable).

    Runs once: a job that is no longer `Pending` is left alone. Provider failures end the
    job as `Error` or `RateLimited` with the error code; nothing else is stored.
    """
    job = (
        AiUsageRecord.objects.filter(pk=usage_record_id, status=AiUsageStatus.PENDING)
        .select_related("user")
        .first()
    )
    if job is None:
        return
    started = time.monotonic()
    if job.user is None:
        _job_fail(job, status=AiUsageStatus.ERROR, code="requester_gone", latency_ms=0)
        return
    advisor = health_advisor()
    try:
        facts = dog_facts(actor=job.user, dog_id=job.metadata.get("dog_id"))
        result = advisor.advise(facts, request_id=str(job.request_id))
    except ProviderError as exc:
        _job_fail(job, status=exc.usage_status, code=exc.code, latency_ms=_elapsed_ms(started))
        return
    except ApplicationError as exc:
        # The dog is gone or no longer shared with the requester.
        _job_fail(job, status=AiUsageStatus.ERROR, code=exc.code, latency_ms=_elapsed_ms(started))
        return
    except Exception:
        _job_fail(
            job, status=AiUsageStatus.ERROR, code="internal_error", latency_ms=_elapsed_ms(started)
        )
        raise
    latency = _elapsed_ms(started)
    with transaction.atomic():
        if (
            not AiUsageRecord.objects.select_for_update()
            .filter(pk=job.pk, status=AiUsageStatus.PENDING)
            .exists()
        ):
            return
        _store_recommendations(job, advisor, result.drafts)
        _record_outcome(job, status=AiUsageStatus.SUCCESS, usage=result.usage, latency_ms=latency)


def _store_recommendations(job: AiUsageRecord, advisor, drafts) -> list[AiHealthRecommendation]:
    dog_id = job.metadata["dog_id"]
    disclaimer = rule_set()["disclaimer"]
    created = AiHealthRecommendation.objects.bulk_create(
        [
            AiHealthRecommendation(
                id=uuid.uuid4(),
                dog_id=dog_id,
                requested_by_id=job.user_id,
                trigger=job.metadata.get("trigger", RecommendationTrigger.ON_DEMAND),
                category=draft.category,
                title=draft.title[:200],
                summary=draft.summary[:1000],
                details=draft.details,
                urgency=draft.urgency,
                confidence=draft.confidence,
                input_snapshot={**draft.evidence, "key": draft.key, "disclaimer": disclaimer},
                model_name=advisor.model_name[:100],
                prompt_version=advisor.prompt_version[:30],
                usage_record_id=job.pk,
            )
            for draft in drafts
        ]
    )
    by_key = {rec.input_snapshot["key"]: rec for rec in created}
    stale = []
    for old in AiHealthRecommendation.objects.filter(
        dog_id=dog_id, status=RecommendationStatus.ACTIVE
    ).exclude(usage_record_id=job.pk):
        newer = by_key.get((old.input_snapshot or {}).get("key"))
        if newer is not None:
            old.status = RecommendationStatus.SUPERSEDED
            old.superseded_by = newer
            stale.append(old)
    AiHealthRecommendation.objects.bulk_update(stale, ["status", "superseded_by"])
    was_urgent = {
        (old.input_snapshot or {}).get("key")
        for old in stale
        if old.urgency == RecommendationUrgency.URGENT
    }
    urgent = [
        rec
        for rec in created
        if rec.urgency == RecommendationUrgency.URGENT
        and rec.input_snapshot["key"] not in was_urgent
    ]
    if urgent:
        _urgent_notify(job, dog_id, urgent)
    if created:
        audit_log_record(
            actor=None,
            action=AuditAction.CREATE,
            entity_type="ai.AiHealthRecommendation",
            entity_id=job.request_id,
            new={
                "dog_id": str(dog_id),
                "recommendations": [str(rec.pk) for rec in created],
                "superseded": [str(rec.pk) for rec in stale],
            },
        )
    return created


URGENT_NOTIFICATION_TYPE = "health.urgent_recommendation"


def _urgent_notify(job: AiUsageRecord, dog_id, urgent: list[AiHealthRecommendation]) -> None:
    """Queue one notification of the dog's owner for the job's new urgent recommendations.

    Sent after the commit that stores them; the job's request id is the dedupe key, so a
    job notifies at most once whatever retries the runner makes.
    """
    dog = DogProfile.objects.filter(pk=dog_id).only("id", "name", "owner_id").first()
    if dog is None or dog.owner_id is None:
        return
    titles = [rec.title for rec in urgent]
    notify_after_commit(
        dog.owner_id,
        URGENT_NOTIFICATION_TYPE,
        f"{dog.name}: contact a vet now"[:200],
        "; ".join(titles)[:1000],
        {"dog_id": str(dog.pk), "recommendation_ids": [str(rec.pk) for rec in urgent]},
        f"ai.urgent:{job.request_id}",
        entity_type="ai.AiHealthRecommendation",
        entity_id=urgent[0].pk,
        level="warning",
    )


def recommendation_feedback_give(
    *, actor, recommendation: AiHealthRecommendation, is_helpful: bool, comment: str = ""
) -> tuple[AiRecommendationFeedback, bool]:
    """The actor's verdict on a recommendation; a second verdict replaces the first.

    Returns (feedback, created). The caller found `recommendation` through
    `recommendation_get` (a dog the actor may see).
    """
    _require_ai_access(actor)
    with transaction.atomic():
        feedback = (
            AiRecommendationFeedback.objects.select_for_update()
            .filter(recommendation_id=recommendation.pk, user_id=actor.pk)
            .first()
        )
        if feedback is None:
            try:
                with transaction.atomic():
                    feedback = AiRecommendationFeedback.objects.create(
                        recommendation=recommendation,
                        user=actor,
                        is_helpful=is_helpful,
                        comment=comment,
                    )
            except IntegrityError:
                raise ApplicationError(
                    AiErrorCode.INVALID,
                    "Feedback was given at the same time; send it again.",
                    status_code=409,
                ) from None
            audit_log_record(
                actor=actor,
                action=AuditAction.CREATE,
                target=feedback,
                new={"is_helpful": is_helpful, "comment": comment},
            )
            return feedback, True
        model_update(
            feedback,
            actor=actor,
            changes={"is_helpful": is_helpful, "comment": comment},
            allowed={"is_helpful", "comment"},
            validation_error=_validation_error,
            conflict_error=lambda exc: ApplicationError(
                AiErrorCode.INVALID, str(exc), status_code=409
            ),
        )
        return feedback, False


def _validation_error(exc) -> ApplicationError:
    fields = {k: [str(m) for m in v] for k, v in getattr(exc, "message_dict", {}).items()}
    return ApplicationError(AiErrorCode.INVALID, "Invalid input.", fields=fields)


# --- Moderation -----------------------------------------------------------------------------
def moderation_check_content(
    *, content_type: str, content_id: str, text: str, author=None
) -> ModerationCheck:
    """Classify `text` with the configured moderator and record the check.

    Flagged content is queued (`PendingReview`) and hidden from all but its author and
    staff by the owning app's handler (`doggy.core.moderation.content_hide`), in this
    transaction; clean content is `Allowed`. A failed provider call also queues the
    content for staff (never silently allowed) but does not hide it.
    """
    engine = moderator()
    now = timezone.now()
    record = AiUsageRecord(
        user=author,
        feature=AiFeature.MODERATION,
        ai_provider=engine.provider,
        model_name=engine.model_name,
        status=AiUsageStatus.PENDING,
        usage_date=utc_today(now),
        started_at=now,
        metadata={"content_type": content_type, "content_id": str(content_id)},
    )
    started = time.monotonic()
    try:
        result = engine.classify(text, request_id=str(record.request_id))
        error = None
    except ProviderError as exc:
        result, error = None, exc
    latency = _elapsed_ms(started)
    with transaction.atomic():
        record.save()
        if error is not None:
            _record_outcome(
                record,
                status=error.usage_status,
                usage=Usage(),
                latency_ms=latency,
                error_code=error.code,
            )
            flagged, categories, scores, max_score = False, {}, {}, None
            decision = ModerationDecision.PENDING_REVIEW
        else:
            _record_outcome(
                record, status=AiUsageStatus.SUCCESS, usage=result.usage, latency_ms=latency
            )
            flagged, categories, scores = result.flagged, result.categories, result.category_scores
            max_score = result.max_score
            decision = ModerationDecision.PENDING_REVIEW if flagged else ModerationDecision.ALLOWED
        check = ModerationCheck.objects.create(
            content_type=content_type,
            content_id=str(content_id)[:100],
            author=author,
            engine=engine.engine,
            flagged=flagged,
            categories=categories,
            category_scores=scores,
            max_score=None if max_score is None else Decimal(str(round(max_score, 4))),
            decision=decision,
            usage_record=record,
        )
        if flagged:
            content_hide(content_type, check.content_id)
        return check


def moderation_content_check(kind: str, object_id: str, author_id: str | None = None) -> None:
    """The checker registered in the kernel: check submitted content after commit.

    Reads the text through the owner's handler when it runs (content deleted meanwhile,
    or without text, is not checked). Plain arguments: it runs as a queued task.
    """
    content = content_text(kind, object_id)
    if content is None or not content.text.strip():
        return
    from django.contrib.auth import get_user_model

    author_pk = content.author_id or author_id
    author = get_user_model().objects.filter(pk=author_pk).first() if author_pk else None
    moderation_check_content(
        content_type=kind, content_id=object_id, text=content.text, author=author
    )


def moderation_review(*, actor, check: ModerationCheck, outcome: str) -> ModerationCheck:
    """Staff decision on a queued check: Approved (the content is shown again; a flagged
    check approved is a recorded false positive), Removed (the owner removes the content)
    or Escalated (stays queued). The content's open user reports follow: dismissed on
    approval, resolved on removal, `Reviewing` on escalation."""
    _require_staff(actor)
    if outcome not in ModerationReviewOutcome.values:
        raise ApplicationError(AiErrorCode.INVALID, f"Unknown outcome {outcome!r}.")
    with transaction.atomic():
        check = ModerationCheck.objects.select_for_update().get(pk=check.pk)
        if check.decision != ModerationDecision.PENDING_REVIEW:
            raise ModerationNotPendingError()
        decision = {
            ModerationReviewOutcome.APPROVED: ModerationDecision.ALLOWED,
            ModerationReviewOutcome.REMOVED: ModerationDecision.BLOCKED,
            ModerationReviewOutcome.ESCALATED: ModerationDecision.PENDING_REVIEW,
        }[outcome]
        model_update(
            check,
            actor=actor,
            changes={
                "decision": decision,
                "review_outcome": outcome,
                "reviewed_by": actor,
                "reviewed_at": timezone.now(),
            },
            allowed={"decision", "review_outcome", "reviewed_by", "reviewed_at"},
            validation_error=_validation_error,
            conflict_error=lambda exc: ModerationNotPendingError(),
        )
        if outcome == ModerationReviewOutcome.APPROVED:
            content_restore(actor, check.content_type, check.content_id)
        elif outcome == ModerationReviewOutcome.REMOVED:
            content_remove(actor, check.content_type, check.content_id)
        _close_reports_of(actor=actor, check=check, outcome=outcome)
        if outcome == ModerationReviewOutcome.APPROVED and check.flagged:
            audit_log_record(
                actor=actor,
                action=AuditAction.UPDATE,
                target=check,
                new={
                    "false_positive": True,
                    "engine": check.engine,
                    "max_score": str(check.max_score),
                },
            )
        return check


REPORT_ENGINE = "user-report"
_REPORT_CLOSE = {
    ModerationReviewOutcome.APPROVED: (ReportStatus.DISMISSED, "No violation found"),
    ModerationReviewOutcome.REMOVED: (ReportStatus.RESOLVED, "Content removed by staff"),
    ModerationReviewOutcome.ESCALATED: (ReportStatus.REVIEWING, ""),
}


def _close_reports_of(*, actor, check: ModerationCheck, outcome: str) -> None:
    """Carry a staff decision to the open reports of the same content (audited each)."""
    status, resolution = _REPORT_CLOSE[outcome]
    reports = ContentReport.objects.select_for_update().filter(
        content_type=check.content_type,
        content_id=check.content_id,
        status__in=OPEN_REPORT_STATUSES,
    )
    for report in reports.order_by("id"):
        if report.status == status:
            continue
        closing = status != ReportStatus.REVIEWING
        model_update(
            report,
            actor=actor,
            changes={
                "status": status,
                "resolution": resolution,
                "resolved_by": actor if closing else None,
                "resolved_at": timezone.now() if closing else None,
            },
            allowed={"status", "resolution", "resolved_by", "resolved_at"},
            validation_error=_validation_error,
            conflict_error=lambda exc: ReportNotOpenError(),
        )


def content_report_create(
    *, actor, content_type: str, content_id: str, reason: str, details: str = ""
) -> ContentReport:
    """A signed-in user's report of content; it joins the staff moderation queue.

    The content must exist and be visible to the reporter, asked through the owning
    app's handler (`doggy.core.moderation.content_visible_to`): otherwise 404
    `reported_content_not_found`, the same answer for both. Kinds no app registered a
    handler for are a 400. The report is linked to the content's check waiting in the
    queue, or a new check of engine `user-report` is queued for it (the content is not
    hidden by a report alone). One open report per reporter and content: a second is
    409 `report_exists`.
    """
    if content_type not in moderated_kinds():
        message = f"Reports are taken for: {', '.join(moderated_kinds())}."
        raise ApplicationError(AiErrorCode.INVALID, message, fields={"content_type": [message]})
    content = content_visible_to(actor, content_type, content_id)
    if content is None:
        raise ReportedContentNotFoundError()
    content_id = content.object_id  # as stored: "05" and "5" name one message
    with transaction.atomic():
        queued = (
            ModerationCheck.objects.filter(
                content_type=content_type,
                content_id=content_id,
                decision=ModerationDecision.PENDING_REVIEW,
            )
            .order_by("-created_at", "-id")
            .first()
        )
        if queued is None:
            queued = ModerationCheck.objects.create(
                content_type=content_type,
                content_id=content_id,
                author_id=content.author_id,
                engine=REPORT_ENGINE,
                flagged=False,
                decision=ModerationDecision.PENDING_REVIEW,
            )
        try:
            with transaction.atomic():
                report = ContentReport.objects.create(
                    reporter=actor,
                    content_type=content_type,
                    content_id=content_id,
                    reported_user_id=content.author_id,
                    reason=reason,
                    details=details,
                    moderation_check=queued,
                )
        except IntegrityError:
            raise ReportExistsError() from None
        audit_log_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=report,
            new={"content_type": content_type, "content_id": str(content_id), "reason": reason},
        )
        return report


def content_report_resolve(
    *, actor, report: ContentReport, status: str, resolution: str = ""
) -> ContentReport:
    """Staff close an open report: `Resolved` (acted on) or `Dismissed` (nothing wrong)."""
    _require_staff(actor)
    if status not in (ReportStatus.RESOLVED, ReportStatus.DISMISSED):
        raise ApplicationError(AiErrorCode.INVALID, "A report closes as Resolved or Dismissed.")
    with transaction.atomic():
        report = ContentReport.objects.select_for_update().get(pk=report.pk)
        if report.status not in OPEN_REPORT_STATUSES:
            raise ReportNotOpenError()
        model_update(
            report,
            actor=actor,
            changes={
                "status": status,
                "resolution": resolution[:200],
                "resolved_by": actor,
                "resolved_at": timezone.now(),
            },
            allowed={"status", "resolution", "resolved_by", "resolved_at"},
            validation_error=_validation_error,
            conflict_error=lambda exc: ReportNotOpenError(),
        )
        return report
