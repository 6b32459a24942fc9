"""Plan 033: AI usage records, daily per-user counters and model prices (SCHEMA.md 2.33).

Also links 031's recommendations and 032's checks to the call that produced them
(`UsageRecordId`, SET_NULL), now that `AiUsageRecords` exists (D10).
"""

import uuid
from decimal import Decimal

import django.db.models.deletion
import django.db.models.expressions
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("ai", "0002_content_moderation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AiModelPrice",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "ai_provider",
                    models.CharField(
                        choices=[
                            ("OpenAI", "OpenAI"),
                            ("AzureOpenAI", "Azure OpenAI"),
                            ("Anthropic", "Anthropic"),
                        ],
                        db_column="AiProvider",
                        max_length=20,
                    ),
                ),
                ("model_name", models.CharField(db_column="ModelName", max_length=100)),
                (
                    "input_per_million_usd",
                    models.DecimalField(
                        db_column="InputPerMillionUsd",
                        decimal_places=4,
                        default=Decimal("0"),
                        max_digits=10,
                    ),
                ),
                (
                    "output_per_million_usd",
                    models.DecimalField(
                        db_column="OutputPerMillionUsd",
                        decimal_places=4,
                        default=Decimal("0"),
                        max_digits=10,
                    ),
                ),
                (
                    "cached_input_per_million_usd",
                    models.DecimalField(
                        db_column="CachedInputPerMillionUsd",
                        decimal_places=4,
                        default=Decimal("0"),
                        max_digits=10,
                    ),
                ),
                ("effective_from", models.DateField(db_column="EffectiveFrom")),
            ],
            options={
                "db_table": "AiModelPrices",
                "ordering": ["ai_provider", "model_name", "-effective_from"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("ai_provider", "model_name", "effective_from"),
                        name="UX_AiModelPrices_Model_From",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ai_provider__in", ["OpenAI", "AzureOpenAI", "Anthropic"])
                        ),
                        name="CK_AiModelPrices_AiProvider",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="AiUsageRecord",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "request_id",
                    models.UUIDField(
                        db_column="RequestId", default=uuid.uuid4, editable=False, unique=True
                    ),
                ),
                (
                    "feature",
                    models.CharField(
                        choices=[
                            ("HealthRecommendation", "Health Recommendation"),
                            ("Moderation", "Moderation"),
                            ("Chat", "Chat"),
                            ("ImageAnalysis", "Image Analysis"),
                        ],
                        db_column="Feature",
                        max_length=20,
                    ),
                ),
                (
                    "ai_provider",
                    models.CharField(
                        choices=[
                            ("OpenAI", "OpenAI"),
                            ("AzureOpenAI", "Azure OpenAI"),
                            ("Anthropic", "Anthropic"),
                        ],
                        db_column="AiProvider",
                        max_length=20,
                    ),
                ),
                ("model_name", models.CharField(db_column="ModelName", max_length=100)),
                (
                    "provider_request_id",
                    models.CharField(
                        blank=True, db_column="ProviderRequestId", default="", max_length=100
                    ),
                ),
                ("prompt_tokens", models.PositiveIntegerField(db_column="PromptTokens", default=0)),
                (
                    "completion_tokens",
                    models.PositiveIntegerField(db_column="CompletionTokens", default=0),
                ),
                ("cached_tokens", models.PositiveIntegerField(db_column="CachedTokens", default=0)),
                (
                    "total_tokens",
                    models.PositiveIntegerField(
                        db_column="TotalTokens",
                        default=0,
                        help_text="PromptTokens + CompletionTokens.",
                    ),
                ),
                (
                    "cost_usd",
                    models.DecimalField(
                        db_column="CostUsd", decimal_places=6, default=Decimal("0"), max_digits=12
                    ),
                ),
                (
                    "latency_ms",
                    models.PositiveIntegerField(blank=True, db_column="LatencyMs", null=True),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Success", "Success"),
                            ("Error", "Error"),
                            ("RateLimited", "Rate Limited"),
                            ("Blocked", "Blocked"),
                            ("QuotaExceeded", "Quota Exceeded"),
                        ],
                        db_column="Status",
                        max_length=14,
                    ),
                ),
                (
                    "error_code",
                    models.CharField(blank=True, db_column="ErrorCode", default="", max_length=50),
                ),
                (
                    "usage_date",
                    models.DateField(
                        db_column="UsageDate", help_text="UTC date; the key of the daily limit."
                    ),
                ),
                ("started_at", models.DateTimeField(db_column="StartedAt")),
                (
                    "completed_at",
                    models.DateTimeField(blank=True, db_column="CompletedAt", null=True),
                ),
                ("metadata", models.JSONField(blank=True, db_column="Metadata", default=dict)),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_column="UserId",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "AiUsageRecords",
                "ordering": ["-started_at", "-id"],
            },
        ),
        migrations.AddField(
            model_name="aihealthrecommendation",
            name="usage_record",
            field=models.ForeignKey(
                blank=True,
                db_column="UsageRecordId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="ai.aiusagerecord",
            ),
        ),
        migrations.AddField(
            model_name="moderationcheck",
            name="usage_record",
            field=models.ForeignKey(
                blank=True,
                db_column="UsageRecordId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="ai.aiusagerecord",
            ),
        ),
        migrations.CreateModel(
            name="AiDailyUsage",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("usage_date", models.DateField(db_column="UsageDate", help_text="UTC.")),
                ("request_count", models.PositiveIntegerField(db_column="RequestCount", default=0)),
                ("success_count", models.PositiveIntegerField(db_column="SuccessCount", default=0)),
                ("failure_count", models.PositiveIntegerField(db_column="FailureCount", default=0)),
                ("prompt_tokens", models.BigIntegerField(db_column="PromptTokens", default=0)),
                (
                    "completion_tokens",
                    models.BigIntegerField(db_column="CompletionTokens", default=0),
                ),
                (
                    "cost_usd",
                    models.DecimalField(
                        db_column="CostUsd", decimal_places=6, default=Decimal("0"), max_digits=12
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "AiDailyUsage",
                "ordering": ["-usage_date", "user_id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "usage_date"), name="UX_AiDailyUsage_User_Date"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("completion_tokens__gte", 0),
                            ("cost_usd__gte", 0),
                            ("prompt_tokens__gte", 0),
                        ),
                        name="CK_AiDailyUsage_NonNeg",
                    ),
                ],
            },
        ),
        migrations.AddIndex(
            model_name="aiusagerecord",
            index=models.Index(fields=["user", "usage_date"], name="IX_AiUsage_User_Date"),
        ),
        migrations.AddIndex(
            model_name="aiusagerecord",
            index=models.Index(fields=["started_at"], name="IX_AiUsage_Started"),
        ),
        migrations.AddConstraint(
            model_name="aiusagerecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "total_tokens",
                        django.db.models.expressions.CombinedExpression(
                            models.F("prompt_tokens"), "+", models.F("completion_tokens")
                        ),
                    )
                ),
                name="CK_AiUsage_Tokens",
            ),
        ),
        migrations.AddConstraint(
            model_name="aiusagerecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("feature__in", ["HealthRecommendation", "Moderation", "Chat", "ImageAnalysis"])
                ),
                name="CK_AiUsageRecords_Feature",
            ),
        ),
        migrations.AddConstraint(
            model_name="aiusagerecord",
            constraint=models.CheckConstraint(
                condition=models.Q(("ai_provider__in", ["OpenAI", "AzureOpenAI", "Anthropic"])),
                name="CK_AiUsageRecords_AiProvider",
            ),
        ),
        migrations.AddConstraint(
            model_name="aiusagerecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["Success", "Error", "RateLimited", "Blocked", "QuotaExceeded"])
                ),
                name="CK_AiUsageRecords_Status",
            ),
        ),
    ]
