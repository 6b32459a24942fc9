"""Plan 023, User Presence & Activity (SCHEMA.md 2.23, A5).

Zulip's presence: the last active and last connected instants, a status set by hand
(`Busy`, `Away`) and `LastUpdateId` for incremental fetches. Online and idle are derived
at read time, never stored (A5). Activity intervals record spans of active use.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "__first__"),
        ("messaging", "0007_push_settings"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="UserPresence",
            fields=[
                (
                    "user",
                    models.OneToOneField(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="presence",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        blank=True,
                        choices=[("Busy", "Busy"), ("Away", "Away")],
                        db_column="Status",
                        default="",
                        max_length=8,
                    ),
                ),
                (
                    "last_active_at",
                    models.DateTimeField(
                        blank=True,
                        db_column="LastActiveAt",
                        help_text="Last real interaction; mirrored to Users.LastSeenAt.",
                        null=True,
                    ),
                ),
                (
                    "last_connected_at",
                    models.DateTimeField(
                        blank=True,
                        db_column="LastConnectedAt",
                        help_text="Last socket or heartbeat, idle included.",
                        null=True,
                    ),
                ),
                (
                    "status_text",
                    models.CharField(
                        blank=True, db_column="StatusText", default="", max_length=100
                    ),
                ),
                (
                    "status_expires_at",
                    models.DateTimeField(blank=True, db_column="StatusExpiresAt", null=True),
                ),
                ("last_update_id", models.BigIntegerField(db_column="LastUpdateId", default=0)),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
            ],
            options={
                "db_table": "UserPresences",
                "ordering": ["-last_active_at"],
                "indexes": [
                    models.Index(fields=["-last_active_at"], name="IX_Presence_LastActive"),
                    models.Index(fields=["last_update_id"], name="IX_Presence_LastUpdate"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["", "Busy", "Away"])),
                        name="CK_UserPresences_Status",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="UserActivityInterval",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("start_at", models.DateTimeField(db_column="StartAt")),
                ("end_at", models.DateTimeField(db_column="EndAt")),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="activity_intervals",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "UserActivityIntervals",
                "ordering": ["user_id", "start_at"],
                "indexes": [
                    models.Index(fields=["user", "end_at"], name="IX_ActivityIntervals_User_End")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end_at__gte", models.F("start_at"))),
                        name="CK_ActivityIntervals_Range",
                    )
                ],
            },
        ),
    ]
