"""Reads of the ai app: recommendations and jobs scoped to the caller, limits and prices.

Dogs are read through `pets.selectors` (the caller's scope: owner or a live share), so a
dog the caller may not see answers 404 here too. The plan entitlement is read through the
billing selector named by `settings.DOGGY_AI_PLAN_SUBSCRIPTION` (billing sits beside ai,
so it is named, not imported), falling back to the `AI.DailyRequestLimit` /
`AI.DailyTokenLimit` system settings.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from doggy.core.errors import ApplicationError
from doggy.selectors import setting_int
from pets.selectors import dog_get

from .choices import AiFeature, ModerationDecision, RecommendationStatus
from .errors import AiErrorCode, AiJobNotFoundError, RecommendationNotFoundError
from .models import (
    AiDailyUsage,
    AiHealthRecommendation,
    AiModelPrice,
    AiRecommendationFeedback,
    AiUsageRecord,
    ModerationCheck,
)

DEFAULT_DAILY_REQUEST_LIMIT = 100
DEFAULT_DAILY_TOKEN_LIMIT = 200_000
REQUESTS_ENTITLEMENT = "ai.daily_requests"
TOKENS_ENTITLEMENT = "ai.daily_tokens"


# --- UTC days ---------------------------------------------------------------------------
def utc_today(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(datetime.UTC).date()


def seconds_to_next_utc_midnight(now: datetime.datetime | None = None) -> int:
    """Whole seconds until the next UTC midnight, at least 1 (the `Retry-After` of a 429)."""
    now = (now or timezone.now()).astimezone(datetime.UTC)
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=datetime.UTC
    )
    return max(1, int((midnight - now).total_seconds() + 0.999999))


# --- Limits ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class DailyLimits:
    """None = unlimited. `source` is `plan` or `setting`."""

    requests: int | None
    tokens: int | None
    source: str


def _plan_entitlements(user) -> dict[str, Any] | None:
    """{feature key: entitlement} of the user's live plan, or None without a plan."""
    path = getattr(settings, "DOGGY_AI_PLAN_SUBSCRIPTION", "")
    if not path:
        return None
    subscription = import_string(path)(actor=user)
    if subscription is None:
        return None
    return {e.feature_key: e for e in subscription.plan.entitlements.all()}


def _limit(entitlement, fallback: int | None) -> int | None:
    if entitlement is None:
        return fallback
    if not entitlement.is_enabled:
        return 0
    return entitlement.limit_value


def daily_limits(*, user) -> DailyLimits:
    """The user's AI limits per UTC day: plan entitlements override the system settings."""
    request_setting = setting_int("AI.DailyRequestLimit", DEFAULT_DAILY_REQUEST_LIMIT)
    token_setting = setting_int("AI.DailyTokenLimit", DEFAULT_DAILY_TOKEN_LIMIT)
    entitlements = _plan_entitlements(user)
    if not entitlements or REQUESTS_ENTITLEMENT not in entitlements:
        requests = request_setting
        source = "setting"
    else:
        requests = _limit(entitlements[REQUESTS_ENTITLEMENT], request_setting)
        source = "plan"
    tokens = _limit((entitlements or {}).get(TOKENS_ENTITLEMENT), token_setting)
    return DailyLimits(requests=requests, tokens=tokens, source=source)


def daily_usage_get(*, user, day: datetime.date | None = None) -> AiDailyUsage | None:
    return AiDailyUsage.objects.filter(user_id=user.pk, usage_date=day or utc_today()).first()


def model_price_get(*, provider: str, model_name: str, day: datetime.date) -> AiModelPrice | None:
    """The price in force on `day` (the latest `EffectiveFrom` not after it)."""
    return (
        AiModelPrice.objects.filter(
            ai_provider=provider, model_name=model_name, effective_from__lte=day
        )
        .order_by("-effective_from")
        .first()
    )


def usage_cost(
    price: AiModelPrice | None, *, prompt_tokens: int, completion_tokens: int, cached_tokens: int
) -> Decimal:
    """Tokens × the price per million; cached prompt tokens at the cached price."""
    if price is None:
        return Decimal("0")
    million = Decimal(1_000_000)
    uncached = max(0, prompt_tokens - cached_tokens)
    cost = (
        Decimal(uncached) * price.input_per_million_usd
        + Decimal(cached_tokens) * price.cached_input_per_million_usd
        + Decimal(completion_tokens) * price.output_per_million_usd
    ) / million
    return cost.quantize(Decimal("0.000001"))


# --- Recommendations ------------------------------------------------------------------------
def _feedback_prefetch(actor) -> Prefetch:
    return Prefetch(
        "feedback",
        queryset=AiRecommendationFeedback.objects.filter(user_id=actor.pk),
        to_attr="my_feedback",
    )


LIST_STATUSES = {"all": None, **{s.lower(): s for s in RecommendationStatus.values}}


def recommendation_list(
    *, actor, dog_id: uuid.UUID | str, filters: Mapping[str, Any] | None = None
) -> QuerySet[AiHealthRecommendation]:
    """A dog's recommendations, newest first; `?status=` (default `active`, or `all`).

    One query for the page plus one for the caller's own feedback on it, at any size.
    """
    dog = dog_get(actor=actor, dog_id=dog_id)
    raw = ((filters or {}).get("status") or "active").lower()
    if raw not in LIST_STATUSES:
        message = f"One of: {', '.join(sorted(LIST_STATUSES))}."
        raise ApplicationError(AiErrorCode.INVALID, message, fields={"status": [message]})
    queryset = AiHealthRecommendation.objects.filter(dog_id=dog.pk)
    if LIST_STATUSES[raw] is not None:
        queryset = queryset.filter(status=LIST_STATUSES[raw])
    return queryset.prefetch_related(_feedback_prefetch(actor)).order_by("-created_at", "-id")


def recommendation_get(*, actor, recommendation_id: uuid.UUID | str) -> AiHealthRecommendation:
    """One recommendation about a dog the actor may see."""
    try:
        pk = uuid.UUID(str(recommendation_id))
    except ValueError:
        raise RecommendationNotFoundError() from None
    recommendation = (
        AiHealthRecommendation.objects.filter(pk=pk)
        .prefetch_related(_feedback_prefetch(actor))
        .first()
    )
    if recommendation is None:
        raise RecommendationNotFoundError()
    try:
        dog_get(actor=actor, dog_id=recommendation.dog_id)
    except ApplicationError:
        raise RecommendationNotFoundError() from None
    return recommendation


def job_get(*, actor, job_id: uuid.UUID | str) -> AiUsageRecord:
    """A recommendation job of the actor (its usage record, by `RequestId`), with the
    recommendations it produced in `job_recommendations`."""
    try:
        request_id = uuid.UUID(str(job_id))
    except ValueError:
        raise AiJobNotFoundError() from None
    job = AiUsageRecord.objects.filter(
        request_id=request_id,
        user_id=actor.pk,
        feature=AiFeature.HEALTH_RECOMMENDATION,
    ).first()
    if job is None:
        raise AiJobNotFoundError()
    job.job_recommendations = list(
        AiHealthRecommendation.objects.filter(usage_record_id=job.pk)
        .prefetch_related(_feedback_prefetch(actor))
        .order_by("-created_at", "-id")
    )
    if job.job_recommendations:
        try:
            dog_get(actor=actor, dog_id=job.job_recommendations[0].dog_id)
        except ApplicationError:
            # The share ended since: the job stays the caller's, the advice about the dog not.
            job.job_recommendations = []
    return job


# --- Moderation -----------------------------------------------------------------------------
def moderation_queue() -> QuerySet[ModerationCheck]:
    """Checks waiting for staff, highest score first (IX_ModChecks_Queue)."""
    return (
        ModerationCheck.objects.filter(decision=ModerationDecision.PENDING_REVIEW)
        .select_related("author")
        .order_by("-max_score", "created_at")
    )


def recommendation_disclaimer() -> str:
    """The "not veterinary advice" sentence every recommendation carries."""
    from .providers.rules import rule_set

    return rule_set()["disclaimer"]
