"""Plan 008: per-user display, locale, privacy and quiet-hours preferences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from doggy.core.db import updated_at_field

from ..choices import (
    DigestFrequency,
    DistanceUnit,
    ProfileVisibility,
    Theme,
    TimeFormat,
    WeekStart,
    WeightUnit,
)


class UserSettings(models.Model):
    """One row per user, created with the account. Quiet hours are in `Users.TimeZone`."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="settings",
        db_column="UserId",
    )
    theme = models.CharField(
        max_length=10, choices=Theme.choices, default=Theme.SYSTEM, db_column="Theme"
    )
    time_format = models.PositiveSmallIntegerField(
        choices=TimeFormat.choices, default=TimeFormat.H12, db_column="TimeFormat"
    )
    week_start = models.CharField(
        max_length=10, choices=WeekStart.choices, default=WeekStart.SUNDAY, db_column="WeekStart"
    )
    date_format = models.CharField(max_length=20, default="MM/DD/YYYY", db_column="DateFormat")
    distance_unit = models.CharField(
        max_length=5,
        choices=DistanceUnit.choices,
        default=DistanceUnit.MILES,
        db_column="DistanceUnit",
    )
    weight_unit = models.CharField(
        max_length=5, choices=WeightUnit.choices, default=WeightUnit.POUNDS, db_column="WeightUnit"
    )
    currency = models.CharField(max_length=3, default="USD", db_column="Currency")
    quiet_hours_start = models.TimeField(null=True, blank=True, db_column="QuietHoursStart")
    quiet_hours_end = models.TimeField(null=True, blank=True, db_column="QuietHoursEnd")
    digest_frequency = models.CharField(
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
        db_column="DigestFrequency",
    )
    show_online_status = models.BooleanField(default=True, db_column="ShowOnlineStatus")
    share_read_receipts = models.BooleanField(default=True, db_column="ShareReadReceipts")
    profile_visibility = models.CharField(
        max_length=10,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.PUBLIC,
        db_column="ProfileVisibility",
    )
    marketing_emails_opt_in = models.BooleanField(default=False, db_column="MarketingEmailsOptIn")
    analytics_opt_in = models.BooleanField(default=True, db_column="AnalyticsOptIn")
    extra = models.JSONField(default=dict, blank=True, db_column="Extra")
    updated_at = updated_at_field()

    class Meta:
        db_table = "UserSettings"
        ordering = ["user_id"]
        verbose_name = "user settings"
        verbose_name_plural = "user settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(quiet_hours_start__isnull=True, quiet_hours_end__isnull=True)
                | Q(quiet_hours_start__isnull=False, quiet_hours_end__isnull=False),
                name="CK_UserSettings_QuietHours",
            ),
            models.CheckConstraint(
                condition=Q(theme__in=Theme.values), name="CK_UserSettings_Theme"
            ),
            models.CheckConstraint(
                condition=Q(time_format__in=TimeFormat.values), name="CK_UserSettings_TimeFormat"
            ),
            models.CheckConstraint(
                condition=Q(week_start__in=WeekStart.values), name="CK_UserSettings_WeekStart"
            ),
            models.CheckConstraint(
                condition=Q(distance_unit__in=DistanceUnit.values),
                name="CK_UserSettings_DistanceUnit",
            ),
            models.CheckConstraint(
                condition=Q(weight_unit__in=WeightUnit.values), name="CK_UserSettings_WeightUnit"
            ),
            models.CheckConstraint(
                condition=Q(digest_frequency__in=DigestFrequency.values),
                name="CK_UserSettings_DigestFrequency",
            ),
            models.CheckConstraint(
                condition=Q(profile_visibility__in=ProfileVisibility.values),
                name="CK_UserSettings_ProfileVisibility",
            ),
        ]

    def __str__(self) -> str:
        return f"Settings of {self.user_id}"
