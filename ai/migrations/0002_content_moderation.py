"""Plan 032: automated moderation checks and user content reports (SCHEMA.md 2.32).

Content is referenced by type and id, not by foreign key, so ai depends on no app whose
content it moderates. `UsageRecordId` comes with 033 (D10).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("ai", "0001_health_recommendations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ModerationCheck",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "content_type",
                    models.CharField(
                        choices=[
                            ("Message", "Message"),
                            ("Review", "Review"),
                            ("DogProfile", "Dog Profile"),
                            ("ProfileImage", "Profile Image"),
                            ("Attachment", "Attachment"),
                            ("ProviderProfile", "Provider Profile"),
                        ],
                        db_column="ContentType",
                        max_length=20,
                    ),
                ),
                (
                    "content_id",
                    models.CharField(db_column="ContentId", help_text="str(pk).", max_length=100),
                ),
                (
                    "engine",
                    models.CharField(
                        db_column="Engine",
                        help_text="e.g. openai:omni-moderation-latest or rules:v1.",
                        max_length=50,
                    ),
                ),
                ("flagged", models.BooleanField(db_column="Flagged")),
                ("categories", models.JSONField(blank=True, db_column="Categories", default=dict)),
                (
                    "category_scores",
                    models.JSONField(blank=True, db_column="CategoryScores", default=dict),
                ),
                (
                    "max_score",
                    models.DecimalField(
                        blank=True, db_column="MaxScore", decimal_places=4, max_digits=5, null=True
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("Allowed", "Allowed"),
                            ("Flagged", "Flagged"),
                            ("Blocked", "Blocked"),
                            ("PendingReview", "Pending Review"),
                        ],
                        db_column="Decision",
                        max_length=14,
                    ),
                ),
                (
                    "reviewed_at",
                    models.DateTimeField(blank=True, db_column="ReviewedAt", null=True),
                ),
                (
                    "review_outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("Approved", "Approved"),
                            ("Removed", "Removed"),
                            ("Escalated", "Escalated"),
                        ],
                        db_column="ReviewOutcome",
                        max_length=10,
                        null=True,
                    ),
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
                    "author",
                    models.ForeignKey(
                        blank=True,
                        db_column="AuthorId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="ReviewedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "ModerationChecks",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ContentReport",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "content_type",
                    models.CharField(
                        choices=[
                            ("Message", "Message"),
                            ("Review", "Review"),
                            ("DogProfile", "Dog Profile"),
                            ("ProfileImage", "Profile Image"),
                            ("Attachment", "Attachment"),
                            ("ProviderProfile", "Provider Profile"),
                        ],
                        db_column="ContentType",
                        max_length=20,
                    ),
                ),
                ("content_id", models.CharField(db_column="ContentId", max_length=100)),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("Spam", "Spam"),
                            ("Harassment", "Harassment"),
                            ("Inappropriate", "Inappropriate"),
                            ("Scam", "Scam"),
                            ("AnimalWelfare", "Animal Welfare"),
                            ("Other", "Other"),
                        ],
                        db_column="Reason",
                        max_length=15,
                    ),
                ),
                ("details", models.TextField(blank=True, db_column="Details", default="")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Open", "Open"),
                            ("Reviewing", "Reviewing"),
                            ("Resolved", "Resolved"),
                            ("Dismissed", "Dismissed"),
                        ],
                        db_column="Status",
                        default="Open",
                        max_length=10,
                    ),
                ),
                (
                    "resolution",
                    models.CharField(
                        blank=True, db_column="Resolution", default="", max_length=200
                    ),
                ),
                (
                    "resolved_at",
                    models.DateTimeField(blank=True, db_column="ResolvedAt", null=True),
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
                    "reported_user",
                    models.ForeignKey(
                        blank=True,
                        db_column="ReportedUserId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reporter",
                    models.ForeignKey(
                        blank=True,
                        db_column="ReporterId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "resolved_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="ResolvedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "moderation_check",
                    models.ForeignKey(
                        blank=True,
                        db_column="ModerationCheckId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="reports",
                        to="ai.moderationcheck",
                    ),
                ),
            ],
            options={
                "db_table": "ContentReports",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.AddIndex(
            model_name="moderationcheck",
            index=models.Index(fields=["content_type", "content_id"], name="IX_ModChecks_Content"),
        ),
        migrations.AddIndex(
            model_name="moderationcheck",
            index=models.Index(
                condition=models.Q(("decision", "PendingReview")),
                fields=["decision", "-max_score"],
                name="IX_ModChecks_Queue",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationcheck",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "content_type__in",
                        [
                            "Message",
                            "Review",
                            "DogProfile",
                            "ProfileImage",
                            "Attachment",
                            "ProviderProfile",
                        ],
                    )
                ),
                name="CK_ModerationChecks_ContentType",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationcheck",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("decision__in", ["Allowed", "Flagged", "Blocked", "PendingReview"])
                ),
                name="CK_ModerationChecks_Decision",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationcheck",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("review_outcome__isnull", True),
                    ("review_outcome__in", ["Approved", "Removed", "Escalated"]),
                    _connector="OR",
                ),
                name="CK_ModerationChecks_ReviewOutcome",
            ),
        ),
        migrations.AddIndex(
            model_name="contentreport",
            index=models.Index(fields=["status", "created_at"], name="IX_Reports_Status_Created"),
        ),
        migrations.AddConstraint(
            model_name="contentreport",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("reporter__isnull", False), ("status__in", ["Open", "Reviewing"])
                ),
                fields=("reporter", "content_type", "content_id"),
                name="UX_Reports_Reporter_Content",
            ),
        ),
        migrations.AddConstraint(
            model_name="contentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "content_type__in",
                        [
                            "Message",
                            "Review",
                            "DogProfile",
                            "ProfileImage",
                            "Attachment",
                            "ProviderProfile",
                        ],
                    )
                ),
                name="CK_ContentReports_ContentType",
            ),
        ),
        migrations.AddConstraint(
            model_name="contentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "reason__in",
                        ["Spam", "Harassment", "Inappropriate", "Scam", "AnimalWelfare", "Other"],
                    )
                ),
                name="CK_ContentReports_Reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="contentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["Open", "Reviewing", "Resolved", "Dismissed"])),
                name="CK_ContentReports_Status",
            ),
        ),
    ]
