"""Plan 027, Calendar Integration (SCHEMA.md 2.27).

Connected accounts (tokens stored encrypted by the application), their calendars (read
for busy times, or the destination of bookings), the external events appointments were
pushed to, the busy-time cache and the hashed tokens of the ICS subscribe feed.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("scheduling", "0005_online_appointments"),
    ]

    operations = [
        migrations.CreateModel(
            name="CalendarConnection",
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
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendar_connections",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "provider",
                    models.CharField(
                        choices=[
                            ("Google", "Google"),
                            ("Microsoft", "Microsoft"),
                            ("CalDAV", "Caldav"),
                        ],
                        db_column="Provider",
                        max_length=10,
                    ),
                ),
                (
                    "external_account_email",
                    models.CharField(db_column="ExternalAccountEmail", max_length=256),
                ),
                (
                    "access_token_encrypted",
                    models.TextField(blank=True, db_column="AccessTokenEncrypted", default=""),
                ),
                (
                    "refresh_token_encrypted",
                    models.TextField(blank=True, db_column="RefreshTokenEncrypted", default=""),
                ),
                (
                    "token_expires_at",
                    models.DateTimeField(blank=True, db_column="TokenExpiresAt", null=True),
                ),
                (
                    "scopes",
                    models.CharField(blank=True, db_column="Scopes", default="", max_length=500),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Active", "Active"),
                            ("Invalid", "Invalid"),
                            ("Revoked", "Revoked"),
                        ],
                        db_column="Status",
                        default="Active",
                        max_length=10,
                    ),
                ),
                (
                    "last_synced_at",
                    models.DateTimeField(blank=True, db_column="LastSyncedAt", null=True),
                ),
                (
                    "sync_error",
                    models.CharField(blank=True, db_column="SyncError", default="", max_length=500),
                ),
            ],
            options={
                "db_table": "CalendarConnections",
                "ordering": ["user_id", "provider", "external_account_email"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "provider", "external_account_email"),
                        name="UX_CalConn_User_Prov_Email",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("provider__in", ["Google", "Microsoft", "CalDAV"])),
                        name="CK_CalendarConnections_Provider",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["Active", "Invalid", "Revoked"])),
                        name="CK_CalendarConnections_Status",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ExternalCalendar",
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
                    "connection",
                    models.ForeignKey(
                        db_column="ConnectionId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendars",
                        to="scheduling.calendarconnection",
                    ),
                ),
                (
                    "external_calendar_id",
                    models.CharField(db_column="ExternalCalendarId", max_length=255),
                ),
                (
                    "name",
                    models.CharField(blank=True, db_column="Name", default="", max_length=200),
                ),
                (
                    "check_for_conflicts",
                    models.BooleanField(
                        db_column="CheckForConflicts", db_default=True, default=True
                    ),
                ),
                (
                    "is_destination",
                    models.BooleanField(db_column="IsDestination", db_default=False, default=False),
                ),
                (
                    "watch_channel_id",
                    models.CharField(
                        blank=True, db_column="WatchChannelId", max_length=255, null=True
                    ),
                ),
                (
                    "watch_resource_id",
                    models.CharField(
                        blank=True, db_column="WatchResourceId", max_length=255, null=True
                    ),
                ),
                (
                    "watch_expires_at",
                    models.DateTimeField(blank=True, db_column="WatchExpiresAt", null=True),
                ),
                (
                    "sync_token",
                    models.CharField(blank=True, db_column="SyncToken", default="", max_length=500),
                ),
            ],
            options={
                "db_table": "ExternalCalendars",
                "ordering": ["connection_id", "name", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("connection", "external_calendar_id"),
                        name="UX_ExtCalendars_Conn_ExtId",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CalendarEventLink",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "appointment",
                    models.ForeignKey(
                        db_column="AppointmentId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendar_links",
                        to="scheduling.appointment",
                    ),
                ),
                (
                    "external_calendar",
                    models.ForeignKey(
                        blank=True,
                        db_column="ExternalCalendarId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="event_links",
                        to="scheduling.externalcalendar",
                    ),
                ),
                (
                    "external_event_id",
                    models.CharField(db_column="ExternalEventId", max_length=255),
                ),
                (
                    "sync_status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Synced", "Synced"),
                            ("Failed", "Failed"),
                            ("Deleted", "Deleted"),
                        ],
                        db_column="SyncStatus",
                        default="Synced",
                        max_length=10,
                    ),
                ),
                (
                    "last_synced_sequence",
                    models.PositiveIntegerField(db_column="LastSyncedSequence", default=0),
                ),
                (
                    "last_error",
                    models.CharField(blank=True, db_column="LastError", default="", max_length=500),
                ),
            ],
            options={
                "db_table": "CalendarEventLinks",
                "ordering": ["appointment_id", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("external_calendar__isnull", False)),
                        fields=("appointment", "external_calendar"),
                        name="UX_CalEventLinks_Appt_Cal",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("sync_status__in", ["Pending", "Synced", "Failed", "Deleted"])
                        ),
                        name="CK_CalendarEventLinks_SyncStatus",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ExternalBusyBlock",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "external_calendar",
                    models.ForeignKey(
                        db_column="ExternalCalendarId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="busy_blocks",
                        to="scheduling.externalcalendar",
                    ),
                ),
                ("start_at", models.DateTimeField(db_column="StartAt")),
                ("end_at", models.DateTimeField(db_column="EndAt")),
                (
                    "external_event_id",
                    models.CharField(
                        blank=True, db_column="ExternalEventId", default="", max_length=255
                    ),
                ),
                ("fetched_at", models.DateTimeField(db_column="FetchedAt")),
                ("expires_at", models.DateTimeField(db_column="ExpiresAt")),
            ],
            options={
                "db_table": "ExternalBusyBlocks",
                "ordering": ["external_calendar_id", "start_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["external_calendar", "start_at", "end_at"],
                        name="IX_BusyBlocks_Cal_Range",
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end_at__gt", models.F("start_at"))),
                        name="CK_BusyBlocks_Range",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CalendarFeedToken",
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
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendar_feed_tokens",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("token_hash", models.CharField(db_column="TokenHash", max_length=64, unique=True)),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                ("revoked_at", models.DateTimeField(blank=True, db_column="RevokedAt", null=True)),
            ],
            options={
                "db_table": "CalendarFeedTokens",
                "ordering": ["user_id", "-created_at", "id"],
            },
        ),
    ]
