"""Plan 008, User Settings & Preferences: one `UserSettings` row per user (SCHEMA.md 2.8)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_kyc_documents"),
    ]

    operations = [
        migrations.CreateModel(
            name="UserSettings",
            fields=[
                (
                    "user",
                    models.OneToOneField(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="settings",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "theme",
                    models.CharField(
                        choices=[("Light", "Light"), ("Dark", "Dark"), ("System", "System")],
                        db_column="Theme",
                        default="System",
                        max_length=10,
                    ),
                ),
                (
                    "time_format",
                    models.PositiveSmallIntegerField(
                        choices=[(12, "12-hour"), (24, "24-hour")],
                        db_column="TimeFormat",
                        default=12,
                    ),
                ),
                (
                    "week_start",
                    models.CharField(
                        choices=[("Sunday", "Sunday"), ("Monday", "Monday")],
                        db_column="WeekStart",
                        default="Sunday",
                        max_length=10,
                    ),
                ),
                (
                    "date_format",
                    models.CharField(db_column="DateFormat", default="MM/DD/YYYY", max_length=20),
                ),
                (
                    "distance_unit",
                    models.CharField(
                        choices=[("mi", "Miles"), ("km", "Kilometres")],
                        db_column="DistanceUnit",
                        default="mi",
                        max_length=5,
                    ),
                ),
                (
                    "weight_unit",
                    models.CharField(
                        choices=[("lb", "Pounds"), ("kg", "Kilograms")],
                        db_column="WeightUnit",
                        default="lb",
                        max_length=5,
                    ),
                ),
                ("currency", models.CharField(db_column="Currency", default="USD", max_length=3)),
                (
                    "quiet_hours_start",
                    models.TimeField(blank=True, db_column="QuietHoursStart", null=True),
                ),
                (
                    "quiet_hours_end",
                    models.TimeField(blank=True, db_column="QuietHoursEnd", null=True),
                ),
                (
                    "digest_frequency",
                    models.CharField(
                        choices=[("None", "None"), ("Daily", "Daily"), ("Weekly", "Weekly")],
                        db_column="DigestFrequency",
                        default="Weekly",
                        max_length=10,
                    ),
                ),
                (
                    "show_online_status",
                    models.BooleanField(db_column="ShowOnlineStatus", default=True),
                ),
                (
                    "share_read_receipts",
                    models.BooleanField(db_column="ShareReadReceipts", default=True),
                ),
                (
                    "profile_visibility",
                    models.CharField(
                        choices=[
                            ("Public", "Public"),
                            ("Contacts", "Contacts"),
                            ("Private", "Private"),
                        ],
                        db_column="ProfileVisibility",
                        default="Public",
                        max_length=10,
                    ),
                ),
                (
                    "marketing_emails_opt_in",
                    models.BooleanField(db_column="MarketingEmailsOptIn", default=False),
                ),
                ("analytics_opt_in", models.BooleanField(db_column="AnalyticsOptIn", default=True)),
                ("extra", models.JSONField(blank=True, db_column="Extra", default=dict)),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
            ],
            options={
                "verbose_name": "user settings",
                "verbose_name_plural": "user settings",
                "db_table": "UserSettings",
                "ordering": ["user_id"],
                "constraints": [
                    # Quiet hours are a window: both ends or neither.
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("quiet_hours_end__isnull", True),
                                ("quiet_hours_start__isnull", True),
                            ),
                            models.Q(
                                ("quiet_hours_end__isnull", False),
                                ("quiet_hours_start__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="CK_UserSettings_QuietHours",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("theme__in", ["Light", "Dark", "System"])),
                        name="CK_UserSettings_Theme",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("time_format__in", [12, 24])),
                        name="CK_UserSettings_TimeFormat",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("week_start__in", ["Sunday", "Monday"])),
                        name="CK_UserSettings_WeekStart",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("distance_unit__in", ["mi", "km"])),
                        name="CK_UserSettings_DistanceUnit",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("weight_unit__in", ["lb", "kg"])),
                        name="CK_UserSettings_WeightUnit",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("digest_frequency__in", ["None", "Daily", "Weekly"])),
                        name="CK_UserSettings_DigestFrequency",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("profile_visibility__in", ["Public", "Contacts", "Private"])
                        ),
                        name="CK_UserSettings_ProfileVisibility",
                    ),
                ],
            },
        ),
    ]
