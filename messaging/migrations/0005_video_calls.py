"""Plan 020, Video Call Sessions (SCHEMA.md 2.20).

A call (Twilio-room-like: status, provider room, end reason, duration) and its
participants' join and leave. `AppointmentId` arrives with appointments, in
`messaging/0010_appointment_links` (D10).
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0003_stored_files"),
        ("messaging", "0004_reactions_read_receipts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="VideoCallSession",
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
                    "call_type",
                    models.CharField(
                        choices=[("Audio", "Audio"), ("Video", "Video")],
                        db_column="CallType",
                        default="Video",
                        max_length=6,
                    ),
                ),
                (
                    "video_provider",
                    models.CharField(
                        choices=[
                            ("Twilio", "Twilio"),
                            ("Daily", "Daily"),
                            ("Jitsi", "Jitsi"),
                            ("Zoom", "Zoom"),
                            ("WebRTC", "WebRTC"),
                        ],
                        db_column="VideoProvider",
                        max_length=10,
                    ),
                ),
                (
                    "external_room_id",
                    models.CharField(
                        blank=True, db_column="ExternalRoomId", max_length=100, null=True
                    ),
                ),
                (
                    "join_url",
                    models.URLField(blank=True, db_column="JoinUrl", default="", max_length=500),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Scheduled", "Scheduled"),
                            ("Ringing", "Ringing"),
                            ("InProgress", "In progress"),
                            ("Completed", "Completed"),
                            ("Missed", "Missed"),
                            ("Declined", "Declined"),
                            ("Canceled", "Canceled"),
                            ("Failed", "Failed"),
                        ],
                        db_column="Status",
                        default="Ringing",
                        max_length=12,
                    ),
                ),
                (
                    "scheduled_start_at",
                    models.DateTimeField(blank=True, db_column="ScheduledStartAt", null=True),
                ),
                ("started_at", models.DateTimeField(blank=True, db_column="StartedAt", null=True)),
                ("ended_at", models.DateTimeField(blank=True, db_column="EndedAt", null=True)),
                (
                    "duration_seconds",
                    models.PositiveIntegerField(
                        blank=True,
                        db_column="DurationSeconds",
                        help_text="Set when the call ends.",
                        null=True,
                    ),
                ),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("HungUp", "Hung up"),
                            ("Timeout", "Timeout"),
                            ("Error", "Error"),
                            ("ProviderEnded", "Ended by the provider"),
                        ],
                        db_column="EndReason",
                        default="",
                        max_length=30,
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
                    "conversation",
                    models.ForeignKey(
                        blank=True,
                        db_column="ConversationId",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="video_calls",
                        to="messaging.conversation",
                    ),
                ),
                (
                    "initiated_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="InitiatedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="initiated_calls",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "recording_file",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordingFileId",
                        help_text="Only with every participant's explicit consent.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
            ],
            options={
                "db_table": "VideoCallSessions",
                "ordering": ["-created_at"],
                "indexes": [
                    models.Index(
                        fields=["conversation", "-created_at"], name="IX_VideoCalls_Conv_Created"
                    ),
                    models.Index(
                        condition=models.Q(("status__in", ["Ringing", "InProgress"])),
                        fields=["status"],
                        name="IX_VideoCalls_Status",
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("external_room_id__isnull", False)),
                        fields=("video_provider", "external_room_id"),
                        name="UX_VideoCalls_Prov_Room",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ended_at__isnull", True),
                            ("started_at__isnull", True),
                            ("ended_at__gte", models.F("started_at")),
                            _connector="OR",
                        ),
                        name="CK_VideoCalls_Times",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "Scheduled",
                                    "Ringing",
                                    "InProgress",
                                    "Completed",
                                    "Missed",
                                    "Declined",
                                    "Canceled",
                                    "Failed",
                                ],
                            )
                        ),
                        name="CK_VideoCalls_Status",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("call_type__in", ["Audio", "Video"])),
                        name="CK_VideoCallSessions_CallType",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("video_provider__in", ["Twilio", "Daily", "Jitsi", "Zoom", "WebRTC"])
                        ),
                        name="CK_VideoCallSessions_VideoProvider",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_reason__in", ["", "HungUp", "Timeout", "Error", "ProviderEnded"])
                        ),
                        name="CK_VideoCallSessions_EndReason",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="VideoCallParticipant",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "role",
                    models.CharField(
                        choices=[("Host", "Host"), ("Participant", "Participant")],
                        db_column="Role",
                        default="Participant",
                        max_length=12,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Invited", "Invited"),
                            ("Ringing", "Ringing"),
                            ("Connected", "Connected"),
                            ("Disconnected", "Disconnected"),
                            ("Declined", "Declined"),
                            ("Missed", "Missed"),
                        ],
                        db_column="Status",
                        default="Invited",
                        max_length=12,
                    ),
                ),
                ("invited_at", models.DateTimeField(blank=True, db_column="InvitedAt", null=True)),
                ("joined_at", models.DateTimeField(blank=True, db_column="JoinedAt", null=True)),
                ("left_at", models.DateTimeField(blank=True, db_column="LeftAt", null=True)),
                (
                    "duration_seconds",
                    models.PositiveIntegerField(blank=True, db_column="DurationSeconds", null=True),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="call_participations",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        db_column="SessionId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participants",
                        to="messaging.videocallsession",
                    ),
                ),
            ],
            options={
                "db_table": "VideoCallParticipants",
                "ordering": ["session_id", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("session", "user"), name="UX_CallParticipants_Sess_User"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("role__in", ["Host", "Participant"])),
                        name="CK_VideoCallParticipants_Role",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "Invited",
                                    "Ringing",
                                    "Connected",
                                    "Disconnected",
                                    "Declined",
                                    "Missed",
                                ],
                            )
                        ),
                        name="CK_VideoCallParticipants_Status",
                    ),
                ],
            },
        ),
    ]
