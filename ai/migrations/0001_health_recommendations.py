"""Plan 031: AI health recommendations per dog and users' feedback on them (SCHEMA.md 2.31).

Each recommendation keeps the facts it was made from (`InputSnapshot`), its urgency and
the model and prompt version that produced it. `UsageRecordId` comes with 033 (D10).
"""

import uuid
from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("pets", "0001_dog_profiles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AiHealthRecommendation",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "trigger",
                    models.CharField(
                        choices=[
                            ("OnDemand", "On Demand"),
                            ("Scheduled", "Scheduled"),
                            ("RecordChange", "Record Change"),
                        ],
                        db_column="Trigger",
                        default="OnDemand",
                        max_length=12,
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("Nutrition", "Nutrition"),
                            ("Exercise", "Exercise"),
                            ("Preventive", "Preventive"),
                            ("Vaccination", "Vaccination"),
                            ("Weight", "Weight"),
                            ("Behavior", "Behavior"),
                            ("Grooming", "Grooming"),
                            ("Symptom", "Symptom"),
                            ("Dental", "Dental"),
                        ],
                        db_column="Category",
                        max_length=15,
                    ),
                ),
                ("title", models.CharField(db_column="Title", max_length=200)),
                ("summary", models.CharField(db_column="Summary", max_length=1000)),
                (
                    "details",
                    models.TextField(
                        blank=True, db_column="Details", default="", help_text="Markdown."
                    ),
                ),
                (
                    "urgency",
                    models.CharField(
                        choices=[
                            ("Info", "Info"),
                            ("Low", "Low"),
                            ("Medium", "Medium"),
                            ("High", "High"),
                            ("Urgent", "Urgent"),
                        ],
                        db_column="Urgency",
                        default="Info",
                        help_text="Urgent = contact a vet now.",
                        max_length=8,
                    ),
                ),
                (
                    "confidence",
                    models.DecimalField(
                        blank=True,
                        db_column="Confidence",
                        decimal_places=3,
                        max_digits=4,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0")),
                            django.core.validators.MaxValueValidator(Decimal("1")),
                        ],
                    ),
                ),
                (
                    "input_snapshot",
                    models.JSONField(blank=True, db_column="InputSnapshot", default=dict),
                ),
                ("model_name", models.CharField(db_column="ModelName", max_length=100)),
                ("prompt_version", models.CharField(db_column="PromptVersion", max_length=30)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Active", "Active"),
                            ("Dismissed", "Dismissed"),
                            ("Completed", "Completed"),
                            ("Superseded", "Superseded"),
                            ("Expired", "Expired"),
                        ],
                        db_column="Status",
                        default="Active",
                        max_length=12,
                    ),
                ),
                (
                    "dismissed_at",
                    models.DateTimeField(blank=True, db_column="DismissedAt", null=True),
                ),
                ("expires_at", models.DateTimeField(blank=True, db_column="ExpiresAt", null=True)),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ai_recommendations",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RequestedById",
                        help_text="Empty for a scheduled or proactive run.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "superseded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="SupersededById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="supersedes",
                        to="ai.aihealthrecommendation",
                    ),
                ),
            ],
            options={
                "db_table": "AiHealthRecommendations",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="AiRecommendationFeedback",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("is_helpful", models.BooleanField(db_column="IsHelpful")),
                (
                    "comment",
                    models.CharField(blank=True, db_column="Comment", default="", max_length=1000),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "recommendation",
                    models.ForeignKey(
                        db_column="RecommendationId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="feedback",
                        to="ai.aihealthrecommendation",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "AiRecommendationFeedback",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.AddIndex(
            model_name="aihealthrecommendation",
            index=models.Index(
                fields=["dog", "status", "-created_at"], name="IX_AiRecs_Dog_Status_Created"
            ),
        ),
        migrations.AddConstraint(
            model_name="aihealthrecommendation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("confidence__isnull", True),
                    models.Q(("confidence__gte", 0), ("confidence__lte", 1)),
                    _connector="OR",
                ),
                name="CK_AiRecs_Confidence",
            ),
        ),
        migrations.AddConstraint(
            model_name="aihealthrecommendation",
            constraint=models.CheckConstraint(
                condition=models.Q(("urgency__in", ["Info", "Low", "Medium", "High", "Urgent"])),
                name="CK_AiRecs_Urgency",
            ),
        ),
        migrations.AddConstraint(
            model_name="aihealthrecommendation",
            constraint=models.CheckConstraint(
                condition=models.Q(("trigger__in", ["OnDemand", "Scheduled", "RecordChange"])),
                name="CK_AiHealthRecommendations_Trigger",
            ),
        ),
        migrations.AddConstraint(
            model_name="aihealthrecommendation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "category__in",
                        [
                            "Nutrition",
                            "Exercise",
                            "Preventive",
                            "Vaccination",
                            "Weight",
                            "Behavior",
                            "Grooming",
                            "Symptom",
                            "Dental",
                        ],
                    )
                ),
                name="CK_AiHealthRecommendations_Category",
            ),
        ),
        migrations.AddConstraint(
            model_name="aihealthrecommendation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["Active", "Dismissed", "Completed", "Superseded", "Expired"])
                ),
                name="CK_AiHealthRecommendations_Status",
            ),
        ),
        migrations.AddConstraint(
            model_name="airecommendationfeedback",
            constraint=models.UniqueConstraint(
                fields=("recommendation", "user"), name="UX_AiFeedback_Rec_User"
            ),
        ),
    ]
