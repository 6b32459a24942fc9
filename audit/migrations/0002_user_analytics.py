"""Plan 034: the product-analytics event stream and per-user daily rollups (SCHEMA.md 2.34).

`EventName` is an open vocabulary (A7), so only `Platform` has a CHECK.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_user_sessions_security"),
        ("audit", "0001_audit_logs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AnalyticsEvent",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "anonymous_id",
                    models.CharField(
                        blank=True,
                        db_column="AnonymousId",
                        default="",
                        help_text="Pre-login device id.",
                        max_length=64,
                    ),
                ),
                ("event_name", models.CharField(db_column="EventName", max_length=100)),
                ("properties", models.JSONField(blank=True, db_column="Properties", default=dict)),
                (
                    "platform",
                    models.CharField(
                        choices=[("Web", "Web"), ("iOS", "iOS"), ("Android", "Android")],
                        db_column="Platform",
                        max_length=8,
                    ),
                ),
                (
                    "app_version",
                    models.CharField(blank=True, db_column="AppVersion", default="", max_length=30),
                ),
                (
                    "country_code",
                    models.CharField(
                        blank=True,
                        db_column="CountryCode",
                        default="",
                        help_text="From GeoIP.",
                        max_length=2,
                    ),
                ),
                (
                    "occurred_at",
                    models.DateTimeField(
                        db_column="OccurredAt",
                        help_text="Client time, clamped to the receive time.",
                    ),
                ),
                (
                    "received_at",
                    models.DateTimeField(
                        db_column="ReceivedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        blank=True,
                        db_column="SessionId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="accounts.usersession",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_column="UserId",
                        db_index=False,
                        help_text="Empty for an anonymous visitor.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "AnalyticsEvents",
                "ordering": ["-occurred_at", "-id"],
                "indexes": [
                    models.Index(
                        fields=["event_name", "occurred_at"], name="IX_AnalyticsEvents_Name_Time"
                    ),
                    models.Index(
                        fields=["user", "occurred_at"], name="IX_AnalyticsEvents_User_Time"
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("platform__in", ["Web", "iOS", "Android"])),
                        name="CK_AnalyticsEvents_Platform",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="UserDailyActivity",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("activity_date", models.DateField(db_column="ActivityDate")),
                (
                    "platform",
                    models.CharField(
                        choices=[("Web", "Web"), ("iOS", "iOS"), ("Android", "Android")],
                        db_column="Platform",
                        max_length=8,
                    ),
                ),
                ("request_count", models.PositiveIntegerField(db_column="RequestCount", default=0)),
                (
                    "active_seconds",
                    models.PositiveIntegerField(db_column="ActiveSeconds", default=0),
                ),
                ("first_seen_at", models.DateTimeField(db_column="FirstSeenAt")),
                ("last_seen_at", models.DateTimeField(db_column="LastSeenAt")),
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
                "verbose_name_plural": "user daily activity",
                "db_table": "UserDailyActivity",
                "ordering": ["-activity_date", "user_id", "platform"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "activity_date", "platform"),
                        name="UX_UserDailyActivity_Key",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("platform__in", ["Web", "iOS", "Android"])),
                        name="CK_UserDailyActivity_Platform",
                    ),
                ],
            },
        ),
    ]
