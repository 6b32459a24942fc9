"""Plan 013, Reviews & Ratings: `ProviderReviews` (SCHEMA.md 2.13).

`AppointmentId` and `UX_Reviews_Appt_Reviewer` arrive with the appointments (plan 026, D10).
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0002_seed_service_categories"),
        # The rating columns this table feeds (plan 012).
        ("accounts", "0010_service_provider_enhancements"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProviderReview",
            fields=[
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
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
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
                    "rating",
                    models.PositiveSmallIntegerField(
                        db_column="Rating",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                    ),
                ),
                (
                    "title",
                    models.CharField(blank=True, db_column="Title", default="", max_length=150),
                ),
                ("comment", models.TextField(blank=True, db_column="Comment", default="")),
                ("sub_ratings", models.JSONField(blank=True, db_column="SubRatings", default=dict)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Published", "Published"),
                            ("Hidden", "Hidden"),
                            ("Removed", "Removed"),
                        ],
                        db_column="Status",
                        default="Published",
                        max_length=12,
                    ),
                ),
                (
                    "provider_response",
                    models.TextField(blank=True, db_column="ProviderResponse", default=""),
                ),
                (
                    "provider_responded_at",
                    models.DateTimeField(blank=True, db_column="ProviderRespondedAt", null=True),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviews",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "reviewer",
                    models.ForeignKey(
                        blank=True,
                        db_column="ReviewerId",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="provider_reviews",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "ProviderReviews",
                "ordering": ["provider_id", "status", "-created_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["provider", "status", "-created_at"],
                        name="IX_Reviews_Provider_Created",
                    ),
                    models.Index(fields=["reviewer"], name="IX_Reviews_Reviewer"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("rating__gte", 1), ("rating__lte", 5)),
                        name="CK_Reviews_Rating",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["Pending", "Published", "Hidden", "Removed"])
                        ),
                        name="CK_Reviews_Status",
                    ),
                ],
            },
        ),
    ]
