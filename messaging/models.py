"""Messaging: conversations, messages and everything around them (plans 017–024).

The baseline tables (`messaging/0001`, the plan's "basic messaging infrastructure") are
extended by 017 (types, direct-conversation key, read cursor, idempotent sends); 018–024
add attachments, reactions and receipts, video calls, notifications, push devices,
presence, and conversation management (SCHEMA.md 2.17–2.24 with amendments A1–A7).

Read state is Mattermost's: `Conversations.MessageCount` grows by one per message, each
participant keeps `ReadMessageCount` and `LastReadMessageId`, and unread is the
difference (A2), so no per-message count query is ever needed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from doggy.core.db import TimeStampedModel, created_at_field, updated_at_field, uuid_primary_key

from .choices import (
    LIVE_CALL_STATUSES,
    CallEndReason,
    CallParticipantRole,
    CallParticipantStatus,
    CallStatus,
    CallType,
    Channel,
    ConversationType,
    DeliveryStatus,
    MessageType,
    ModerationStatus,
    NotificationLevel,
    NotificationSeverity,
    ParticipantRole,
    PresenceStatus,
    PushBrowser,
    PushPlatform,
    SkipReason,
    VideoProvider,
)

# The other conversation types, spelled as IN: SQL Server filters and every engine's CHECK
# accept it alike, where "<> 'Direct'" would need NOT (SCHEMA.md 0.1).
_NOT_DIRECT = [t for t in ConversationType.values if t != ConversationType.DIRECT]
# Platforms that carry no Web Push keys.
_NOT_WEB_PUSH = [p for p in PushPlatform.values if p != PushPlatform.WEB_PUSH]


class Conversation(TimeStampedModel):
    """A thread between participants.

    A direct conversation is found by `DirectKey`, the SHA-256 of its two sorted user
    ids (Zulip's `huddle_hash`), so there is one per pair (I-10).
    """

    id = uuid_primary_key()
    type = models.CharField(
        max_length=10,
        choices=ConversationType.choices,
        default=ConversationType.DIRECT,
        db_default=ConversationType.DIRECT,
        db_column="Type",
    )
    title = models.CharField(
        max_length=200, blank=True, default="", db_default="", db_column="Title"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="CreatedById",
    )
    direct_key = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        db_column="DirectKey",
        help_text="SHA-256 of the sorted participant ids; set for direct conversations only.",
    )
    last_message_id = models.BigIntegerField(
        null=True,
        blank=True,
        db_column="LastMessageId",
        help_text="Denormalized; not a foreign key, to avoid write contention.",
    )
    last_message_at = models.DateTimeField(null=True, blank=True, db_column="LastMessageAt")
    message_count = models.PositiveIntegerField(
        default=0,
        db_default=0,
        db_column="MessageCount",
        help_text="Messages ever sent here; a participant's unread = this − ReadMessageCount.",
    )
    is_locked = models.BooleanField(default=False, db_default=False, db_column="IsLocked")
    # Added by messaging/0010 (plan 026, SCHEMA.md D10/A13): the booking this thread is
    # about; at most one conversation per appointment (UX_Conversations_Appointment).
    appointment = models.ForeignKey(
        "scheduling.Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
        # Leads UX_Conversations_Appointment.
        db_index=False,
        db_column="AppointmentId",
    )

    class Meta:
        db_table = "Conversations"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=ConversationType.values), name="CK_Conversations_Type"
            ),
            models.CheckConstraint(
                condition=Q(type__in=_NOT_DIRECT) | Q(direct_key__isnull=False),
                name="CK_Conversations_Direct",
            ),
            models.UniqueConstraint(
                fields=["direct_key"],
                condition=Q(direct_key__isnull=False),
                name="UX_Conversations_DirectKey",
            ),
            models.UniqueConstraint(
                fields=["appointment"],
                condition=Q(appointment__isnull=False),
                name="UX_Conversations_Appointment",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.type} conversation {self.pk}"


class ConversationParticipant(models.Model):
    """A user's membership of a conversation, with the read cursor and inbox settings."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="participants",
        db_index=False,
        db_column="ConversationId",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conversation_memberships",
        # Leads IX_ConvParticipants_User_Inbox.
        db_index=False,
        db_column="UserId",
    )
    joined_at = created_at_field(db_column="JoinedAt")
    role = models.CharField(
        max_length=10,
        choices=ParticipantRole.choices,
        default=ParticipantRole.MEMBER,
        db_default=ParticipantRole.MEMBER,
        db_column="Role",
    )
    left_at = models.DateTimeField(
        null=True, blank=True, db_column="LeftAt", help_text="Active participant ⇔ empty."
    )
    last_read_message_id = models.BigIntegerField(
        null=True, blank=True, db_column="LastReadMessageId", help_text="The read cursor."
    )
    last_read_at = models.DateTimeField(null=True, blank=True, db_column="LastReadAt")
    read_message_count = models.PositiveIntegerField(
        default=0,
        db_default=0,
        db_column="ReadMessageCount",
        help_text="Conversations.MessageCount as of the cursor.",
    )
    is_muted = models.BooleanField(default=False, db_default=False, db_column="IsMuted")
    muted_until = models.DateTimeField(null=True, blank=True, db_column="MutedUntil")
    notification_level = models.CharField(
        max_length=8,
        choices=NotificationLevel.choices,
        default=NotificationLevel.ALL,
        db_default=NotificationLevel.ALL,
        db_column="NotificationLevel",
    )
    is_archived = models.BooleanField(
        default=False,
        db_default=False,
        db_column="IsArchived",
        help_text="Per-user archive; a new message un-archives.",
    )
    is_pinned = models.BooleanField(default=False, db_default=False, db_column="IsPinned")
    pinned_at = models.DateTimeField(null=True, blank=True, db_column="PinnedAt")

    class Meta:
        db_table = "ConversationParticipants"
        ordering = ["conversation_id", "joined_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="UX_ConvParticipants_Conv_User"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ParticipantRole.values),
                name="CK_ConversationParticipants_Role",
            ),
            models.CheckConstraint(
                condition=Q(notification_level__in=NotificationLevel.values),
                name="CK_ConversationParticipants_NotificationLevel",
            ),
        ]
        indexes = [
            # The one inbox index (A3): a user's active memberships.
            models.Index(
                fields=["user", "is_archived", "is_pinned"],
                condition=Q(left_at__isnull=True),
                name="IX_ConvParticipants_User_Inbox",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    """A message; bigint ids are monotonic and drive read cursors and pagination (D11).

    A retried send carries the same `ClientMessageId` and finds the first row
    (`UX_Messages_Sender_ClientId`, I-23). Deletion is soft: `DeletedAt` is stamped and
    the service blanks the content.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="messages",
        db_index=False,
        db_column="ConversationId",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_messages",
        # Leads UX_Messages_Sender_ClientId (A3).
        db_index=False,
        db_column="SenderId",
        help_text="Empty for system messages.",
    )
    content = models.TextField(blank=True, default="", db_column="Content")
    created_at = created_at_field()
    message_type = models.CharField(
        max_length=12,
        choices=MessageType.choices,
        default=MessageType.TEXT,
        db_default=MessageType.TEXT,
        db_column="MessageType",
    )
    client_message_id = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        db_column="ClientMessageId",
        help_text="The sender's idempotency key (Mattermost's pending_post_id).",
    )
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        db_column="ReplyToMessageId",
    )
    has_attachment = models.BooleanField(default=False, db_default=False, db_column="HasAttachment")
    metadata = models.JSONField(default=dict, db_default={}, blank=True, db_column="Metadata")
    edited_at = models.DateTimeField(null=True, blank=True, db_column="EditedAt")
    deleted_at = models.DateTimeField(null=True, blank=True, db_column="DeletedAt")
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="DeletedById",
    )
    moderation_status = models.CharField(
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.CLEAN,
        db_default=ModerationStatus.CLEAN,
        db_column="ModerationStatus",
    )

    class Meta:
        db_table = "Messages"
        ordering = ["conversation_id", "-created_at"]
        indexes = [
            models.Index(fields=["conversation", "-created_at"], name="IX_Messages_Conv_Created"),
            # Cursor pagination by id, both directions.
            models.Index(fields=["conversation", "-id"], name="IX_Messages_Conv_Id"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "client_message_id"],
                condition=Q(client_message_id__isnull=False) & Q(sender__isnull=False),
                name="UX_Messages_Sender_ClientId",
            ),
            models.CheckConstraint(
                condition=Q(message_type__in=MessageType.values), name="CK_Messages_Type"
            ),
            models.CheckConstraint(
                condition=Q(moderation_status__in=ModerationStatus.values),
                name="CK_Messages_ModerationStatus",
            ),
        ]

    def __str__(self) -> str:
        return f"Message {self.pk}"


class MessageAttachment(models.Model):
    """A stored file attached to a message (purpose `MessageAttachment`)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    message = models.ForeignKey(
        Message,
        on_delete=models.CASCADE,
        related_name="attachments",
        # Leads UX_MsgAttachments_Msg_File.
        db_index=False,
        db_column="MessageId",
    )
    file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.PROTECT,
        related_name="message_attachments",
        # Covered by IX_MsgAttachments_File.
        db_index=False,
        db_column="FileId",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, db_column="SortOrder")
    caption = models.CharField(max_length=500, blank=True, default="", db_column="Caption")

    class Meta:
        db_table = "MessageAttachments"
        ordering = ["message_id", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["message", "file"], name="UX_MsgAttachments_Msg_File"),
        ]
        indexes = [
            models.Index(fields=["file"], name="IX_MsgAttachments_File"),
        ]

    def __str__(self) -> str:
        return f"{self.file_id} on message {self.message_id}"


class MessageReaction(models.Model):
    """One emoji reaction of one user to one message (I-11)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    message = models.ForeignKey(
        Message,
        on_delete=models.CASCADE,
        related_name="reactions",
        # Leads UX_Reactions_Msg_User_Emoji.
        db_index=False,
        db_column="MessageId",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_reactions",
        db_column="UserId",
    )
    emoji_code = models.CharField(
        max_length=64, db_column="EmojiCode", help_text="Unicode code points, e.g. 1f436."
    )
    emoji_name = models.CharField(max_length=64, db_column="EmojiName")
    created_at = created_at_field()

    class Meta:
        db_table = "MessageReactions"
        ordering = ["message_id", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "user", "emoji_code"], name="UX_Reactions_Msg_User_Emoji"
            ),
        ]

    def __str__(self) -> str:
        return f":{self.emoji_name}: on message {self.message_id}"


class MessageReadReceipt(models.Model):
    """When one recipient got and read one message (the "seen by" of small chats).

    Unread counts never come from here but from the participant cursor (017).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    message = models.ForeignKey(
        Message,
        on_delete=models.CASCADE,
        related_name="read_receipts",
        # Leads UX_ReadReceipts_Msg_User.
        db_index=False,
        db_column="MessageId",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_read_receipts",
        # Leads IX_ReadReceipts_User_Unread.
        db_index=False,
        db_column="UserId",
    )
    delivered_at = models.DateTimeField(null=True, blank=True, db_column="DeliveredAt")
    read_at = models.DateTimeField(null=True, blank=True, db_column="ReadAt")

    class Meta:
        db_table = "MessageReadReceipts"
        ordering = ["message_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="UX_ReadReceipts_Msg_User"),
        ]
        indexes = [
            # Zulip's partial "unread" index.
            models.Index(
                fields=["user", "message"],
                condition=Q(read_at__isnull=True),
                name="IX_ReadReceipts_User_Unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on message {self.message_id}"


class VideoCallSession(models.Model):
    """One audio or video call (a Twilio-like room) and its lifecycle."""

    id = uuid_primary_key()
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="video_calls",
        # Leads IX_VideoCalls_Conv_Created.
        db_index=False,
        db_column="ConversationId",
    )
    # Added by messaging/0010 (plan 026, SCHEMA.md D10): a virtual consult's booking.
    appointment = models.ForeignKey(
        "scheduling.Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="video_calls",
        db_column="AppointmentId",
    )
    initiated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiated_calls",
        db_column="InitiatedById",
    )
    call_type = models.CharField(
        max_length=6, choices=CallType.choices, default=CallType.VIDEO, db_column="CallType"
    )
    video_provider = models.CharField(
        max_length=10, choices=VideoProvider.choices, db_column="VideoProvider"
    )
    external_room_id = models.CharField(
        max_length=100, null=True, blank=True, db_column="ExternalRoomId"
    )
    join_url = models.URLField(max_length=500, blank=True, default="", db_column="JoinUrl")
    status = models.CharField(
        max_length=12, choices=CallStatus.choices, default=CallStatus.RINGING, db_column="Status"
    )
    scheduled_start_at = models.DateTimeField(null=True, blank=True, db_column="ScheduledStartAt")
    started_at = models.DateTimeField(null=True, blank=True, db_column="StartedAt")
    ended_at = models.DateTimeField(null=True, blank=True, db_column="EndedAt")
    duration_seconds = models.PositiveIntegerField(
        null=True, blank=True, db_column="DurationSeconds", help_text="Set when the call ends."
    )
    end_reason = models.CharField(
        max_length=30,
        choices=CallEndReason.choices,
        blank=True,
        default="",
        db_column="EndReason",
    )
    recording_file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="RecordingFileId",
        help_text="Only with every participant's explicit consent.",
    )
    created_at = created_at_field()

    class Meta:
        db_table = "VideoCallSessions"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["video_provider", "external_room_id"],
                condition=Q(external_room_id__isnull=False),
                name="UX_VideoCalls_Prov_Room",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True)
                | Q(started_at__isnull=True)
                | Q(ended_at__gte=F("started_at")),
                name="CK_VideoCalls_Times",
            ),
            models.CheckConstraint(
                condition=Q(status__in=CallStatus.values), name="CK_VideoCalls_Status"
            ),
            models.CheckConstraint(
                condition=Q(call_type__in=CallType.values), name="CK_VideoCallSessions_CallType"
            ),
            models.CheckConstraint(
                condition=Q(video_provider__in=VideoProvider.values),
                name="CK_VideoCallSessions_VideoProvider",
            ),
            models.CheckConstraint(
                condition=Q(end_reason__in=["", *CallEndReason.values]),
                name="CK_VideoCallSessions_EndReason",
            ),
        ]
        indexes = [
            models.Index(fields=["conversation", "-created_at"], name="IX_VideoCalls_Conv_Created"),
            # Only live calls: what the missed-call timeout sweeps.
            models.Index(
                fields=["status"],
                condition=Q(status__in=list(LIVE_CALL_STATUSES)),
                name="IX_VideoCalls_Status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call_type} call {self.pk} ({self.status})"


class VideoCallParticipant(models.Model):
    """One user's part in a call: invitation, join and leave."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    session = models.ForeignKey(
        VideoCallSession,
        on_delete=models.CASCADE,
        related_name="participants",
        # Leads UX_CallParticipants_Sess_User.
        db_index=False,
        db_column="SessionId",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="call_participations",
        db_column="UserId",
    )
    role = models.CharField(
        max_length=12,
        choices=CallParticipantRole.choices,
        default=CallParticipantRole.PARTICIPANT,
        db_column="Role",
    )
    status = models.CharField(
        max_length=12,
        choices=CallParticipantStatus.choices,
        default=CallParticipantStatus.INVITED,
        db_column="Status",
    )
    invited_at = models.DateTimeField(null=True, blank=True, db_column="InvitedAt")
    joined_at = models.DateTimeField(null=True, blank=True, db_column="JoinedAt")
    left_at = models.DateTimeField(null=True, blank=True, db_column="LeftAt")
    duration_seconds = models.PositiveIntegerField(
        null=True, blank=True, db_column="DurationSeconds"
    )

    class Meta:
        db_table = "VideoCallParticipants"
        ordering = ["session_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="UX_CallParticipants_Sess_User"
            ),
            models.CheckConstraint(
                condition=Q(role__in=CallParticipantRole.values),
                name="CK_VideoCallParticipants_Role",
            ),
            models.CheckConstraint(
                condition=Q(status__in=CallParticipantStatus.values),
                name="CK_VideoCallParticipants_Status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in call {self.session_id}"


class Notification(models.Model):
    """One entry of a user's in-app inbox; deliveries on other channels hang off it.

    `NotificationType` is an open vocabulary checked in code against the registry (A7);
    `DedupeKey` makes a repeated send a no-op (`UX_Notifs_Recipient_Dedupe`, I-23).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        # Leads IX_Notifs_Recipient_Unread.
        db_index=False,
        db_column="RecipientId",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ActorId",
    )
    notification_type = models.CharField(max_length=60, db_column="NotificationType")
    level = models.CharField(
        max_length=8,
        choices=NotificationSeverity.choices,
        default=NotificationSeverity.INFO,
        db_column="Level",
    )
    title = models.CharField(max_length=200, db_column="Title")
    body = models.CharField(max_length=1000, blank=True, default="", db_column="Body")
    entity_type = models.CharField(max_length=100, null=True, blank=True, db_column="EntityType")
    entity_id = models.CharField(max_length=100, null=True, blank=True, db_column="EntityId")
    action_url = models.CharField(max_length=500, blank=True, default="", db_column="ActionUrl")
    data = models.JSONField(default=dict, blank=True, db_column="Data")
    dedupe_key = models.CharField(max_length=150, null=True, blank=True, db_column="DedupeKey")
    is_read = models.BooleanField(default=False, db_default=False, db_column="IsRead")
    read_at = models.DateTimeField(null=True, blank=True, db_column="ReadAt")
    is_archived = models.BooleanField(default=False, db_default=False, db_column="IsArchived")
    scheduled_for = models.DateTimeField(
        null=True, blank=True, db_column="ScheduledFor", help_text="Future delivery (reminders)."
    )
    created_at = created_at_field()
    expires_at = models.DateTimeField(
        null=True, blank=True, db_column="ExpiresAt", help_text="Purged after this instant."
    )

    class Meta:
        db_table = "Notifications"
        ordering = ["recipient_id", "-created_at"]
        indexes = [
            models.Index(
                fields=["recipient", "is_read", "-created_at"], name="IX_Notifs_Recipient_Unread"
            ),
            models.Index(
                fields=["scheduled_for"],
                condition=Q(scheduled_for__isnull=False),
                name="IX_Notifs_Scheduled",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=Q(dedupe_key__isnull=False),
                name="UX_Notifs_Recipient_Dedupe",
            ),
            models.CheckConstraint(
                condition=Q(is_read=False) | Q(read_at__isnull=False), name="CK_Notifs_Read"
            ),
            models.CheckConstraint(
                condition=Q(level__in=NotificationSeverity.values),
                name="CK_Notifications_Level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notification_type} for {self.recipient_id}"


class NotificationDelivery(models.Model):
    """One attempt series to deliver a notification on one channel (and device).

    There is one row per (notification, channel) without a device and one per
    (notification, device) for push (amendment A4), so a retry never sends twice.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    notification = models.ForeignKey(
        Notification,
        on_delete=models.CASCADE,
        related_name="deliveries",
        # Covered by IX_NotifDeliveries_Notif.
        db_index=False,
        db_column="NotificationId",
    )
    channel = models.CharField(max_length=8, choices=Channel.choices, db_column="Channel")
    push_device = models.ForeignKey(
        "PushDevice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
        db_column="PushDeviceId",
    )
    status = models.CharField(
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_column="Status",
    )
    skip_reason = models.CharField(
        max_length=30, choices=SkipReason.choices, blank=True, default="", db_column="SkipReason"
    )
    attempt_count = models.PositiveSmallIntegerField(default=0, db_column="AttemptCount")
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, db_column="NextAttemptAt", help_text="When to retry (backoff)."
    )
    last_error = models.CharField(max_length=500, blank=True, default="", db_column="LastError")
    provider_message_id = models.CharField(
        max_length=200, blank=True, default="", db_column="ProviderMessageId"
    )
    created_at = created_at_field()
    sent_at = models.DateTimeField(null=True, blank=True, db_column="SentAt")
    delivered_at = models.DateTimeField(null=True, blank=True, db_column="DeliveredAt")

    class Meta:
        db_table = "NotificationDeliveries"
        ordering = ["notification_id", "id"]
        indexes = [
            models.Index(
                fields=["status", "channel"],
                condition=Q(status=DeliveryStatus.PENDING),
                name="IX_NotifDeliveries_Status",
            ),
            models.Index(fields=["notification"], name="IX_NotifDeliveries_Notif"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"],
                condition=Q(push_device__isnull=True),
                name="UX_NotifDeliveries_Notif_Chan",
            ),
            models.UniqueConstraint(
                fields=["notification", "push_device"],
                condition=Q(push_device__isnull=False),
                name="UX_NotifDeliveries_Notif_Dev",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="CK_NotificationDeliveries_Channel"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values),
                name="CK_NotificationDeliveries_Status",
            ),
            models.CheckConstraint(
                condition=Q(skip_reason__in=["", *SkipReason.values]),
                name="CK_NotificationDeliveries_SkipReason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} delivery of {self.notification_id} ({self.status})"


class PushDevice(models.Model):
    """A Web Push subscription, FCM or APNs token of one user.

    `Token` can exceed SQL Server's index key limit (a Web Push endpoint URL), so
    uniqueness is on its SHA-256, `TokenHash`. A 404/410 from the push service
    deactivates the device.
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_devices",
        # Leads IX_PushDevices_User_Active.
        db_index=False,
        db_column="UserId",
    )
    platform = models.CharField(max_length=8, choices=PushPlatform.choices, db_column="Platform")
    token = models.TextField(
        db_column="Token", help_text="FCM/APNs token, or the Web Push endpoint URL."
    )
    token_hash = models.CharField(max_length=64, db_column="TokenHash")
    p256dh = models.CharField(max_length=88, blank=True, default="", db_column="P256dh")
    auth = models.CharField(max_length=24, blank=True, default="", db_column="Auth")
    browser = models.CharField(
        max_length=10, choices=PushBrowser.choices, blank=True, default="", db_column="Browser"
    )
    application_id = models.CharField(
        max_length=64, blank=True, default="", db_column="ApplicationId"
    )
    device_name = models.CharField(max_length=100, blank=True, default="", db_column="DeviceName")
    app_version = models.CharField(max_length=30, blank=True, default="", db_column="AppVersion")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    failure_count = models.PositiveSmallIntegerField(default=0, db_column="FailureCount")
    last_used_at = models.DateTimeField(null=True, blank=True, db_column="LastUsedAt")
    created_at = created_at_field()

    class Meta:
        db_table = "PushDevices"
        ordering = ["user_id", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["token_hash"], name="UX_PushDevices_TokenHash"),
            # Platform <> 'WebPush' OR (P256dh <> '' AND Auth <> ''), without NOT (0.1).
            models.CheckConstraint(
                condition=Q(platform__in=_NOT_WEB_PUSH) | (Q(p256dh__gt="") & Q(auth__gt="")),
                name="CK_PushDevices_WebPushKeys",
            ),
            models.CheckConstraint(
                condition=Q(platform__in=PushPlatform.values), name="CK_PushDevices_Platform"
            ),
            models.CheckConstraint(
                condition=Q(browser__in=["", *PushBrowser.values]), name="CK_PushDevices_Browser"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "is_active"], name="IX_PushDevices_User_Active"),
        ]

    def __str__(self) -> str:
        return f"{self.platform} device of {self.user_id}"


class NotificationPreference(models.Model):
    """A user's opt-in or opt-out of one notification type (or `*`) on one channel."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        # Leads UX_NotifPrefs_User_Type_Chan.
        db_index=False,
        db_column="UserId",
    )
    notification_type = models.CharField(
        max_length=60, db_column="NotificationType", help_text="A registry key, or * for all."
    )
    channel = models.CharField(max_length=8, choices=Channel.choices, db_column="Channel")
    is_enabled = models.BooleanField(default=True, db_default=True, db_column="IsEnabled")

    class Meta:
        db_table = "NotificationPreferences"
        ordering = ["user_id", "notification_type", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "notification_type", "channel"],
                name="UX_NotifPrefs_User_Type_Chan",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="CK_NotificationPreferences_Channel"
            ),
        ]

    def __str__(self) -> str:
        state = "on" if self.is_enabled else "off"
        return f"{self.notification_type} by {self.channel}: {state}"


class UserPresence(models.Model):
    """A user's last-known activity, Zulip's way (amendment A5).

    No online flag is stored: online and idle are derived at read time from
    `LastActiveAt` and `LastConnectedAt`. `Status` is only a status set by hand.
    `LastUpdateId` grows with every write, so clients fetch changes incrementally.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="presence",
        db_column="UserId",
    )
    status = models.CharField(
        max_length=8, choices=PresenceStatus.choices, blank=True, default="", db_column="Status"
    )
    last_active_at = models.DateTimeField(
        null=True,
        blank=True,
        db_column="LastActiveAt",
        help_text="Last real interaction; mirrored to Users.LastSeenAt.",
    )
    last_connected_at = models.DateTimeField(
        null=True,
        blank=True,
        db_column="LastConnectedAt",
        help_text="Last socket or heartbeat, idle included.",
    )
    status_text = models.CharField(max_length=100, blank=True, default="", db_column="StatusText")
    status_expires_at = models.DateTimeField(null=True, blank=True, db_column="StatusExpiresAt")
    last_update_id = models.BigIntegerField(default=0, db_column="LastUpdateId")
    updated_at = updated_at_field()

    class Meta:
        db_table = "UserPresences"
        ordering = ["-last_active_at"]
        indexes = [
            models.Index(fields=["-last_active_at"], name="IX_Presence_LastActive"),
            models.Index(fields=["last_update_id"], name="IX_Presence_LastUpdate"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["", *PresenceStatus.values]),
                name="CK_UserPresences_Status",
            ),
        ]

    def __str__(self) -> str:
        return f"Presence of {self.user_id}"


class UserActivityInterval(models.Model):
    """A span of active use; spans less than 15 minutes apart are merged (Zulip)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_intervals",
        # Leads IX_ActivityIntervals_User_End.
        db_index=False,
        db_column="UserId",
    )
    start_at = models.DateTimeField(db_column="StartAt")
    end_at = models.DateTimeField(db_column="EndAt")

    class Meta:
        db_table = "UserActivityIntervals"
        ordering = ["user_id", "start_at"]
        indexes = [
            models.Index(fields=["user", "end_at"], name="IX_ActivityIntervals_User_End"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gte=F("start_at")), name="CK_ActivityIntervals_Range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.start_at:%Y-%m-%d %H:%M}–{self.end_at:%H:%M}"


class MessageEdit(models.Model):
    """The content a message had before one edit (append-only, I-16).

    A message with edits cannot be hard-deleted (`PROTECT`; messages are soft-deleted),
    and the editor's id is kept even if that user row goes (A14).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    message = models.ForeignKey(
        Message,
        on_delete=models.PROTECT,
        related_name="edits",
        # Leads IX_MessageEdits_Msg.
        db_index=False,
        db_column="MessageId",
    )
    previous_content = models.TextField(db_column="PreviousContent")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_column="EditedById",
    )
    edited_at = created_at_field(db_column="EditedAt")

    class Meta:
        db_table = "MessageEdits"
        ordering = ["message_id", "edited_at", "id"]
        indexes = [
            models.Index(fields=["message", "edited_at"], name="IX_MessageEdits_Msg"),
        ]

    def __str__(self) -> str:
        return f"Edit of message {self.message_id} at {self.edited_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("MessageEdits are append-only.")
        super().save(*args, **kwargs)


class UserBlock(models.Model):
    """One user blocking another: no messages and no presence across it (I-10)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_made",
        # Leads UX_UserBlocks_Pair.
        db_index=False,
        db_column="BlockerId",
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_received",
        # Covered by IX_UserBlocks_Blocked.
        db_index=False,
        db_column="BlockedId",
    )
    reason = models.CharField(max_length=200, blank=True, default="", db_column="Reason")
    created_at = created_at_field()

    class Meta:
        db_table = "UserBlocks"
        ordering = ["blocker_id", "-created_at"]
        indexes = [
            models.Index(fields=["blocked"], name="IX_UserBlocks_Blocked"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="UX_UserBlocks_Pair"),
            # BlockerId <> BlockedId, without NOT (SCHEMA.md 0.1).
            models.CheckConstraint(
                condition=Q(blocker__lt=F("blocked")) | Q(blocker__gt=F("blocked")),
                name="CK_UserBlocks_NotSelf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"
