"""Factories of the ai app: one per model of plans 031–033."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ai.choices import (
    AiFeature,
    AiProvider,
    AiUsageStatus,
    ModeratedContentType,
    ModerationDecision,
    RecommendationCategory,
    RecommendationUrgency,
    ReportReason,
)
from ai.models import (
    AiDailyUsage,
    AiHealthRecommendation,
    AiModelPrice,
    AiRecommendationFeedback,
    AiUsageRecord,
    ContentReport,
    ModerationCheck,
)
from tests.accounts.factories import UserFactory
from tests.pets.factories import DogProfileFactory


class AiHealthRecommendationFactory(DjangoModelFactory[AiHealthRecommendation]):
    """An active, on-demand weight recommendation for a dog, asked for by its owner."""

    class Meta:
        model = AiHealthRecommendation

    dog = factory.SubFactory(DogProfileFactory)
    requested_by = factory.SelfAttribute("dog.owner")
    category = RecommendationCategory.WEIGHT
    title = "Weight is above the breed's range"
    summary = "The last three weighings rose by 8%; ask your vet about portion sizes."
    urgency = RecommendationUrgency.MEDIUM
    confidence = Decimal("0.800")
    input_snapshot = factory.LazyFunction(
        lambda: {"breed": "Labrador Retriever", "weights": [40.1, 41.5, 43.3]}
    )
    model_name = "rules:v1"
    prompt_version = "2026-12-01"


class AiRecommendationFeedbackFactory(DjangoModelFactory[AiRecommendationFeedback]):
    class Meta:
        model = AiRecommendationFeedback

    recommendation = factory.SubFactory(AiHealthRecommendationFactory)
    user = factory.SelfAttribute("recommendation.dog.owner")
    is_helpful = True


class ModerationCheckFactory(DjangoModelFactory[ModerationCheck]):
    """A review flagged by the local rules and waiting in the queue."""

    class Meta:
        model = ModerationCheck

    content_type = ModeratedContentType.REVIEW
    content_id = factory.Sequence(lambda n: f"review-{n}")
    author = factory.SubFactory(UserFactory)
    engine = "rules:v1"
    flagged = True
    categories = factory.LazyFunction(lambda: {"harassment": True, "hate": False})
    category_scores = factory.LazyFunction(lambda: {"harassment": 0.91, "hate": 0.02})
    max_score = Decimal("0.9100")
    decision = ModerationDecision.PENDING_REVIEW


class ContentReportFactory(DjangoModelFactory[ContentReport]):
    """An open report of a message by a user."""

    class Meta:
        model = ContentReport

    reporter = factory.SubFactory(UserFactory)
    content_type = ModeratedContentType.MESSAGE
    content_id = factory.Sequence(lambda n: f"message-{n}")
    reported_user = factory.SubFactory(UserFactory)
    reason = ReportReason.SPAM


class AiUsageRecordFactory(DjangoModelFactory[AiUsageRecord]):
    """A successful recommendation call with consistent token counts."""

    class Meta:
        model = AiUsageRecord

    user = factory.SubFactory(UserFactory)
    feature = AiFeature.HEALTH_RECOMMENDATION
    ai_provider = AiProvider.OPENAI
    model_name = "gpt-4o-mini"
    prompt_tokens = 420
    completion_tokens = 180
    total_tokens = factory.LazyAttribute(lambda o: o.prompt_tokens + o.completion_tokens)
    cost_usd = Decimal("0.000171")
    latency_ms = 850
    status = AiUsageStatus.SUCCESS
    started_at = factory.LazyFunction(timezone.now)
    completed_at = factory.LazyAttribute(
        lambda o: o.started_at + datetime.timedelta(milliseconds=o.latency_ms)
    )
    usage_date = factory.LazyAttribute(lambda o: o.started_at.date())


class AiDailyUsageFactory(DjangoModelFactory[AiDailyUsage]):
    class Meta:
        model = AiDailyUsage

    user = factory.SubFactory(UserFactory)
    usage_date = factory.LazyFunction(lambda: timezone.now().date())
    request_count = 1
    success_count = 1
    prompt_tokens = 420
    completion_tokens = 180
    cost_usd = Decimal("0.000171")


class AiModelPriceFactory(DjangoModelFactory[AiModelPrice]):
    class Meta:
        model = AiModelPrice

    ai_provider = AiProvider.OPENAI
    model_name = factory.Sequence(lambda n: f"model-{n}")
    input_per_million_usd = Decimal("0.1500")
    output_per_million_usd = Decimal("0.6000")
    cached_input_per_million_usd = Decimal("0.0750")
    effective_from = datetime.date(2026, 1, 1)
