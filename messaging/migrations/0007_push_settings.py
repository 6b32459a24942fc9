"""Plan 022, Push Notification Settings (SCHEMA.md 2.22, A4).

Push devices (Web Push keys, FCM and APNs tokens; unique by the SHA-256 of the token,
as an endpoint URL can exceed SQL Server's index key limit) and per-type per-channel
preferences. A delivery now names its device: one delivery per (notification, channel)
without a device and one per (notification, device) with one, two filtered unique
indexes (A4).
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0006_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="NotificationPreference",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "notification_type",
                    models.CharField(
                        db_column="NotificationType",
                        help_text="A registry key, or * for all.",
                        max_length=60,
                    ),
                ),
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
                    "is_enabled",
                    models.BooleanField(db_column="IsEnabled", db_default=True, default=True),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notification_preferences",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "NotificationPreferences",
                "ordering": ["user_id", "notification_type", "channel"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "notification_type", "channel"),
                        name="UX_NotifPrefs_User_Type_Chan",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("channel__in", ["InApp", "Email", "Sms", "Push"])),
                        name="CK_NotificationPreferences_Channel",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="PushDevice",
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
                    "platform",
                    models.CharField(
                        choices=[("WebPush", "Web Push"), ("FCM", "Fcm"), ("APNS", "Apns")],
                        db_column="Platform",
                        max_length=8,
                    ),
                ),
                (
                    "token",
                    models.TextField(
                        db_column="Token", help_text="FCM/APNs token, or the Web Push endpoint URL."
                    ),
                ),
                ("token_hash", models.CharField(db_column="TokenHash", max_length=64)),
                (
                    "p256dh",
                    models.CharField(blank=True, db_column="P256dh", default="", max_length=88),
                ),
                ("auth", models.CharField(blank=True, db_column="Auth", default="", max_length=24)),
                (
                    "browser",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("CHROME", "Chrome"),
                            ("FIREFOX", "Firefox"),
                            ("OPERA", "Opera"),
                            ("EDGE", "Edge"),
                            ("SAFARI", "Safari"),
                        ],
                        db_column="Browser",
                        default="",
                        max_length=10,
                    ),
                ),
                (
                    "application_id",
                    models.CharField(
                        blank=True, db_column="ApplicationId", default="", max_length=64
                    ),
                ),
                (
                    "device_name",
                    models.CharField(
                        blank=True, db_column="DeviceName", default="", max_length=100
                    ),
                ),
                (
                    "app_version",
                    models.CharField(blank=True, db_column="AppVersion", default="", max_length=30),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                (
                    "failure_count",
                    models.PositiveSmallIntegerField(db_column="FailureCount", default=0),
                ),
                (
                    "last_used_at",
                    models.DateTimeField(blank=True, db_column="LastUsedAt", null=True),
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
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="push_devices",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "PushDevices",
                "ordering": ["user_id", "-created_at"],
                "indexes": [
                    models.Index(fields=["user", "is_active"], name="IX_PushDevices_User_Active")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("token_hash",), name="UX_PushDevices_TokenHash"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("platform__in", ["FCM", "APNS"]),
                            models.Q(("p256dh__gt", ""), ("auth__gt", "")),
                            _connector="OR",
                        ),
                        name="CK_PushDevices_WebPushKeys",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("platform__in", ["WebPush", "FCM", "APNS"])),
                        name="CK_PushDevices_Platform",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("browser__in", ["", "CHROME", "FIREFOX", "OPERA", "EDGE", "SAFARI"])
                        ),
                        name="CK_PushDevices_Browser",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="notificationdelivery",
            name="push_device",
            field=models.ForeignKey(
                blank=True,
                db_column="PushDeviceId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="deliveries",
                to="messaging.pushdevice",
            ),
        ),
        migrations.AddConstraint(
            model_name="notificationdelivery",
            constraint=models.UniqueConstraint(
                condition=models.Q(("push_device__isnull", True)),
                fields=("notification", "channel"),
                name="UX_NotifDeliveries_Notif_Chan",
            ),
        ),
        migrations.AddConstraint(
            model_name="notificationdelivery",
            constraint=models.UniqueConstraint(
                condition=models.Q(("push_device__isnull", False)),
                fields=("notification", "push_device"),
                name="UX_NotifDeliveries_Notif_Dev",
            ),
        ),
    ]
