"""Plan 021, Notifications System (SCHEMA.md 2.21, A4, A7).

The in-app inbox (`Notifications`, deduplicated per recipient by `DedupeKey`, I-23) and
the per-channel delivery tracking (`NotificationDeliveries`, with attempts and the next
retry time). `NotificationType` is an open vocabulary, checked in code (A7). The
delivery's push device and its two filtered unique keys come with push devices in 022.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0005_video_calls"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Notification",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "notification_type",
                    models.CharField(db_column="NotificationType", max_length=60),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("success", "Success"),
                            ("info", "Info"),
                            ("warning", "Warning"),
                            ("error", "Error"),
                        ],
                        db_column="Level",
                        default="info",
                        max_length=8,
                    ),
                ),
                ("title", models.CharField(db_column="Title", max_length=200)),
                (
                    "body",
                    models.CharField(blank=True, db_column="Body", default="", max_length=1000),
                ),
                (
                    "entity_type",
                    models.CharField(blank=True, db_column="EntityType", max_length=100, null=True),
                ),
                (
                    "entity_id",
                    models.CharField(blank=True, db_column="EntityId", max_length=100, null=True),
                ),
                (
                    "action_url",
                    models.CharField(blank=True, db_column="ActionUrl", default="", max_length=500),
                ),
                ("data", models.JSONField(blank=True, db_column="Data", default=dict)),
                (
                    "dedupe_key",
                    models.CharField(blank=True, db_column="DedupeKey", max_length=150, null=True),
                ),
                (
                    "is_read",
                    models.BooleanField(db_column="IsRead", db_default=False, default=False),
                ),
                ("read_at", models.DateTimeField(blank=True, db_column="ReadAt", null=True)),
                (
                    "is_archived",
                    models.BooleanField(db_column="IsArchived", db_default=False, default=False),
                ),
                (
                    "scheduled_for",
                    models.DateTimeField(
                        blank=True,
                        db_column="ScheduledFor",
                        help_text="Future delivery (reminders).",
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
                    "expires_at",
                    models.DateTimeField(
                        blank=True,
                        db_column="ExpiresAt",
                        help_text="Purged after this instant.",
                        null=True,
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        db_column="ActorId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "recipient",
                    models.ForeignKey(
                        db_column="RecipientId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "Notifications",
                "ordering": ["recipient_id", "-created_at"],
                "indexes": [
                    models.Index(
                        fields=["recipient", "is_read", "-created_at"],
                        name="IX_Notifs_Recipient_Unread",
                    ),
                    models.Index(
                        condition=models.Q(("scheduled_for__isnull", False)),
                        fields=["scheduled_for"],
                        name="IX_Notifs_Scheduled",
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("dedupe_key__isnull", False)),
                        fields=("recipient", "dedupe_key"),
                        name="UX_Notifs_Recipient_Dedupe",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("is_read", False), ("read_at__isnull", False), _connector="OR"
                        ),
                        name="CK_Notifs_Read",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("level__in", ["success", "info", "warning", "error"])),
                        name="CK_Notifications_Level",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="NotificationDelivery",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("InApp", "In app"),
                            ("Email", "Email"),
                            ("Sms", "SMS"),
                            ("Push", "Push"),
                        ],
                        db_column="Channel",
                        max_length=8,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Sent", "Sent"),
                            ("Delivered", "Delivered"),
                            ("Failed", "Failed"),
                            ("Skipped", "Skipped"),
                        ],
                        db_column="Status",
                        default="Pending",
                        max_length=10,
                    ),
                ),
                (
                    "skip_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("UserOptOut", "User opted out"),
                            ("QuietHours", "Quiet hours"),
                            ("NoDevice", "No device"),
                            ("MasterSwitchOff", "Master switch off"),
                        ],
                        db_column="SkipReason",
                        default="",
                        max_length=30,
                    ),
                ),
                (
                    "attempt_count",
                    models.PositiveSmallIntegerField(db_column="AttemptCount", default=0),
                ),
                (
                    "next_attempt_at",
                    models.DateTimeField(
                        blank=True,
                        db_column="NextAttemptAt",
                        help_text="When to retry (backoff).",
                        null=True,
                    ),
                ),
                (
                    "last_error",
                    models.CharField(blank=True, db_column="LastError", default="", max_length=500),
                ),
                (
                    "provider_message_id",
                    models.CharField(
                        blank=True, db_column="ProviderMessageId", default="", max_length=200
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
                ("sent_at", models.DateTimeField(blank=True, db_column="SentAt", null=True)),
                (
                    "delivered_at",
                    models.DateTimeField(blank=True, db_column="DeliveredAt", null=True),
                ),
                (
                    "notification",
                    models.ForeignKey(
                        db_column="NotificationId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="deliveries",
                        to="messaging.notification",
                    ),
                ),
            ],
            options={
                "db_table": "NotificationDeliveries",
                "ordering": ["notification_id", "id"],
                "indexes": [
                    models.Index(
                        condition=models.Q(("status", "Pending")),
                        fields=["status", "channel"],
                        name="IX_NotifDeliveries_Status",
                    ),
                    models.Index(fields=["notification"], name="IX_NotifDeliveries_Notif"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("channel__in", ["InApp", "Email", "Sms", "Push"])),
                        name="CK_NotificationDeliveries_Channel",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["Pending", "Sent", "Delivered", "Failed", "Skipped"])
                        ),
                        name="CK_NotificationDeliveries_Status",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "skip_reason__in",
                                ["", "UserOptOut", "QuietHours", "NoDevice", "MasterSwitchOff"],
                            )
                        ),
                        name="CK_NotificationDeliveries_SkipReason",
                    ),
                ],
            },
        ),
    ]
