"""Models of the ai app: health recommendations (031), moderation (032), usage (033).

SCHEMA.md 2.31–2.33. Recommendations keep the dog facts they were made from
(`InputSnapshot`, no owner PII) and never claim to be veterinary advice. Moderation
targets are string references (`ContentType`, `ContentId`), not foreign keys, so this app
depends on no app that owns moderated content. Every AI call is one `AiUsageRecord`;
`AiDailyUsage` is the per-user, per-UTC-day counter the quota is enforced on.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from doggy.core.db import created_at_field, updated_at_field, uuid_primary_key

from .choices import (
    OPEN_REPORT_STATUSES,
    AiFeature,
    AiProvider,
    AiUsageStatus,
    ModeratedContentType,
    ModerationDecision,
    ModerationReviewOutcome,
    RecommendationCategory,
    RecommendationStatus,
    RecommendationTrigger,
    RecommendationUrgency,
    ReportReason,
    ReportStatus,
)

_UNIT_INTERVAL = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]


def _usage_record_fk() -> models.ForeignKey:
    # Added by 033 to the tables of 031 and 032 (SCHEMA.md D10): the call that produced it.
    return models.ForeignKey(
        "ai.AiUsageRecord",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="UsageRecordId",
    )


# --- 031 AI Health Recommendations -------------------------------------------------------
class AiHealthRecommendation(models.Model):
    """One piece of AI advice about a dog (`AiHealthRecommendations`), with its evidence.

    `InputSnapshot` holds the dog and medical facts the advice was made from (data
    minimization: no owner PII). A newer run over the same facts supersedes it.
    """

    id = uuid_primary_key()
    dog = models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.CASCADE,
        related_name="ai_recommendations",
        # Leads IX_AiRecs_Dog_Status_Created.
        db_index=False,
        db_column="DogId",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="RequestedById",
        help_text="Empty for a scheduled or proactive run.",
    )
    trigger = models.CharField(
        max_length=12,
        choices=RecommendationTrigger.choices,
        default=RecommendationTrigger.ON_DEMAND,
        db_column="Trigger",
    )
    category = models.CharField(
        max_length=15, choices=RecommendationCategory.choices, db_column="Category"
    )
    title = models.CharField(max_length=200, db_column="Title")
    summary = models.CharField(max_length=1000, db_column="Summary")
    details = models.TextField(blank=True, default="", db_column="Details", help_text="Markdown.")
    urgency = models.CharField(
        max_length=8,
        choices=RecommendationUrgency.choices,
        default=RecommendationUrgency.INFO,
        db_column="Urgency",
        help_text="Urgent = contact a vet now.",
    )
    confidence = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=_UNIT_INTERVAL,
        db_column="Confidence",
    )
    input_snapshot = models.JSONField(default=dict, blank=True, db_column="InputSnapshot")
    model_name = models.CharField(max_length=100, db_column="ModelName")
    prompt_version = models.CharField(max_length=30, db_column="PromptVersion")
    status = models.CharField(
        max_length=12,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.ACTIVE,
        db_column="Status",
    )
    dismissed_at = models.DateTimeField(null=True, blank=True, db_column="DismissedAt")
    expires_at = models.DateTimeField(null=True, blank=True, db_column="ExpiresAt")
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        db_column="SupersededById",
    )
    usage_record = _usage_record_fk()
    created_at = created_at_field()

    class Meta:
        db_table = "AiHealthRecommendations"
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["dog", "status", "-created_at"], name="IX_AiRecs_Dog_Status_Created"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="CK_AiRecs_Confidence",
            ),
            models.CheckConstraint(
                condition=Q(urgency__in=RecommendationUrgency.values), name="CK_AiRecs_Urgency"
            ),
            models.CheckConstraint(
                condition=Q(trigger__in=RecommendationTrigger.values),
                name="CK_AiHealthRecommendations_Trigger",
            ),
            models.CheckConstraint(
                condition=Q(category__in=RecommendationCategory.values),
                name="CK_AiHealthRecommendations_Category",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RecommendationStatus.values),
                name="CK_AiHealthRecommendations_Status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.title}"


class AiRecommendationFeedback(models.Model):
    """A user's verdict on a recommendation: helpful or not, with a comment; one per user."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    recommendation = models.ForeignKey(
        AiHealthRecommendation,
        on_delete=models.CASCADE,
        related_name="feedback",
        # Leads UX_AiFeedback_Rec_User.
        db_index=False,
        db_column="RecommendationId",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        db_column="UserId",
    )
    is_helpful = models.BooleanField(db_column="IsHelpful")
    comment = models.CharField(max_length=1000, blank=True, default="", db_column="Comment")
    created_at = created_at_field()

    class Meta:
        db_table = "AiRecommendationFeedback"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "user"], name="UX_AiFeedback_Rec_User"
            ),
        ]

    def __str__(self) -> str:
        return f"{'helpful' if self.is_helpful else 'not helpful'} ({self.recommendation_id})"


# --- 032 AI Content Moderation -----------------------------------------------------------
class ModerationCheck(models.Model):
    """One automated check of a piece of content, in OpenAI's moderation result shape.

    `Categories` holds a boolean and `CategoryScores` a float per category; `MaxScore`
    orders the review queue (`Decision = PendingReview`). The outcome of a review is
    propagated to the content's own status by the owning app.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    content_type = models.CharField(
        max_length=20, choices=ModeratedContentType.choices, db_column="ContentType"
    )
    content_id = models.CharField(max_length=100, db_column="ContentId", help_text="str(pk).")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="AuthorId",
    )
    engine = models.CharField(
        max_length=50,
        db_column="Engine",
        help_text="e.g. openai:omni-moderation-latest or rules:v1.",
    )
    flagged = models.BooleanField(db_column="Flagged")
    categories = models.JSONField(default=dict, blank=True, db_column="Categories")
    category_scores = models.JSONField(default=dict, blank=True, db_column="CategoryScores")
    max_score = models.DecimalField(
        max_digits=5, decimal_places=4, null=True, blank=True, db_column="MaxScore"
    )
    decision = models.CharField(
        max_length=14, choices=ModerationDecision.choices, db_column="Decision"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ReviewedById",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, db_column="ReviewedAt")
    review_outcome = models.CharField(
        max_length=10,
        choices=ModerationReviewOutcome.choices,
        null=True,
        blank=True,
        db_column="ReviewOutcome",
    )
    usage_record = _usage_record_fk()
    created_at = created_at_field()

    class Meta:
        db_table = "ModerationChecks"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "content_id"], name="IX_ModChecks_Content"),
            models.Index(
                fields=["decision", "-max_score"],
                condition=Q(decision=ModerationDecision.PENDING_REVIEW),
                name="IX_ModChecks_Queue",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(content_type__in=ModeratedContentType.values),
                name="CK_ModerationChecks_ContentType",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=ModerationDecision.values),
                name="CK_ModerationChecks_Decision",
            ),
            models.CheckConstraint(
                condition=Q(review_outcome__isnull=True)
                | Q(review_outcome__in=ModerationReviewOutcome.values),
                name="CK_ModerationChecks_ReviewOutcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type}:{self.content_id} {self.decision}"


class ContentReport(models.Model):
    """A user's report of content (Persona-style case: open → resolved with a resolution).

    A reporter has at most one open report per piece of content (UX_Reports_Reporter_Content).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        # Keeps its own index: UX_Reports_Reporter_Content covers open reports only.
        db_column="ReporterId",
    )
    content_type = models.CharField(
        max_length=20, choices=ModeratedContentType.choices, db_column="ContentType"
    )
    content_id = models.CharField(max_length=100, db_column="ContentId")
    reported_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ReportedUserId",
    )
    reason = models.CharField(max_length=15, choices=ReportReason.choices, db_column="Reason")
    details = models.TextField(blank=True, default="", db_column="Details")
    status = models.CharField(
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
        db_column="Status",
    )
    resolution = models.CharField(max_length=200, blank=True, default="", db_column="Resolution")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ResolvedById",
    )
    resolved_at = models.DateTimeField(null=True, blank=True, db_column="ResolvedAt")
    moderation_check = models.ForeignKey(
        ModerationCheck,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        db_column="ModerationCheckId",
    )
    created_at = created_at_field()

    class Meta:
        db_table = "ContentReports"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="IX_Reports_Status_Created"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "content_id"],
                condition=Q(status__in=OPEN_REPORT_STATUSES, reporter__isnull=False),
                name="UX_Reports_Reporter_Content",
            ),
            models.CheckConstraint(
                condition=Q(content_type__in=ModeratedContentType.values),
                name="CK_ContentReports_ContentType",
            ),
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values), name="CK_ContentReports_Reason"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="CK_ContentReports_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reason} report on {self.content_type}:{self.content_id}"


# --- 033 AI Usage Tracking ---------------------------------------------------------------
class AiUsageRecord(models.Model):
    """One AI call (LiteLLM's `SpendLogs`): tokens, cost, latency and outcome.

    `RequestId` is the platform's own id, also sent to the provider. The user link is
    SET_NULL so the cost history outlives the user. `Metadata` never holds raw prompts.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    request_id = models.UUIDField(
        unique=True, default=uuid.uuid4, editable=False, db_column="RequestId"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        # Leads IX_AiUsage_User_Date.
        db_index=False,
        db_column="UserId",
    )
    feature = models.CharField(max_length=20, choices=AiFeature.choices, db_column="Feature")
    ai_provider = models.CharField(
        max_length=20, choices=AiProvider.choices, db_column="AiProvider"
    )
    model_name = models.CharField(max_length=100, db_column="ModelName")
    provider_request_id = models.CharField(
        max_length=100, blank=True, default="", db_column="ProviderRequestId"
    )
    prompt_tokens = models.PositiveIntegerField(default=0, db_column="PromptTokens")
    completion_tokens = models.PositiveIntegerField(default=0, db_column="CompletionTokens")
    cached_tokens = models.PositiveIntegerField(default=0, db_column="CachedTokens")
    total_tokens = models.PositiveIntegerField(
        default=0, db_column="TotalTokens", help_text="PromptTokens + CompletionTokens."
    )
    cost_usd = models.DecimalField(
        max_digits=12, decimal_places=6, default=Decimal("0"), db_column="CostUsd"
    )
    latency_ms = models.PositiveIntegerField(null=True, blank=True, db_column="LatencyMs")
    status = models.CharField(max_length=14, choices=AiUsageStatus.choices, db_column="Status")
    error_code = models.CharField(max_length=50, blank=True, default="", db_column="ErrorCode")
    usage_date = models.DateField(
        db_column="UsageDate", help_text="UTC date; the key of the daily limit."
    )
    started_at = models.DateTimeField(db_column="StartedAt")
    completed_at = models.DateTimeField(null=True, blank=True, db_column="CompletedAt")
    metadata = models.JSONField(default=dict, blank=True, db_column="Metadata")

    class Meta:
        db_table = "AiUsageRecords"
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["user", "usage_date"], name="IX_AiUsage_User_Date"),
            models.Index(fields=["started_at"], name="IX_AiUsage_Started"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_tokens=F("prompt_tokens") + F("completion_tokens")),
                name="CK_AiUsage_Tokens",
            ),
            models.CheckConstraint(
                condition=Q(feature__in=AiFeature.values), name="CK_AiUsageRecords_Feature"
            ),
            models.CheckConstraint(
                condition=Q(ai_provider__in=AiProvider.values),
                name="CK_AiUsageRecords_AiProvider",
            ),
            models.CheckConstraint(
                condition=Q(status__in=AiUsageStatus.values), name="CK_AiUsageRecords_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.feature} {self.model_name} {self.status} ({self.request_id})"


class AiDailyUsage(models.Model):
    """A user's AI counters for one UTC day (LiteLLM's `DailyUserSpend`).

    The quota (I-9) is a conditional atomic increment of `RequestCount` on this row,
    made at reservation time, before the call.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        # Leads UX_AiDailyUsage_User_Date.
        db_index=False,
        db_column="UserId",
    )
    usage_date = models.DateField(db_column="UsageDate", help_text="UTC.")
    request_count = models.PositiveIntegerField(default=0, db_column="RequestCount")
    success_count = models.PositiveIntegerField(default=0, db_column="SuccessCount")
    failure_count = models.PositiveIntegerField(default=0, db_column="FailureCount")
    prompt_tokens = models.BigIntegerField(default=0, db_column="PromptTokens")
    completion_tokens = models.BigIntegerField(default=0, db_column="CompletionTokens")
    cost_usd = models.DecimalField(
        max_digits=12, decimal_places=6, default=Decimal("0"), db_column="CostUsd"
    )
    updated_at = updated_at_field()

    class Meta:
        db_table = "AiDailyUsage"
        ordering = ["-usage_date", "user_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "usage_date"], name="UX_AiDailyUsage_User_Date"
            ),
            models.CheckConstraint(
                condition=Q(prompt_tokens__gte=0, completion_tokens__gte=0, cost_usd__gte=0),
                name="CK_AiDailyUsage_NonNeg",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.usage_date}: {self.request_count} requests"


class AiModelPrice(models.Model):
    """Price per million tokens of one model from a date on; cost = tokens × the price."""

    id = models.AutoField(primary_key=True, db_column="Id")
    ai_provider = models.CharField(
        max_length=20, choices=AiProvider.choices, db_column="AiProvider"
    )
    model_name = models.CharField(max_length=100, db_column="ModelName")
    input_per_million_usd = models.DecimalField(
        max_digits=10, decimal_places=4, default=Decimal("0"), db_column="InputPerMillionUsd"
    )
    output_per_million_usd = models.DecimalField(
        max_digits=10, decimal_places=4, default=Decimal("0"), db_column="OutputPerMillionUsd"
    )
    cached_input_per_million_usd = models.DecimalField(
        max_digits=10,
        decimal_places=4,
        default=Decimal("0"),
        db_column="CachedInputPerMillionUsd",
    )
    effective_from = models.DateField(db_column="EffectiveFrom")

    class Meta:
        db_table = "AiModelPrices"
        ordering = ["ai_provider", "model_name", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["ai_provider", "model_name", "effective_from"],
                name="UX_AiModelPrices_Model_From",
            ),
            models.CheckConstraint(
                condition=Q(ai_provider__in=AiProvider.values),
                name="CK_AiModelPrices_AiProvider",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ai_provider} {self.model_name} from {self.effective_from}"
