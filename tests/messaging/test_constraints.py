"""The messaging tables' invariants hold in the database itself (SCHEMA.md 2.17–2.24).

Each bad row is written past all Python validation (`update` / a second insert), so only
a CHECK or UNIQUE constraint can refuse it (I-10, I-11, I-20, I-23). PostgreSQL names
the constraint in its error; SQLite names a CHECK and lists a unique index's columns.
Runs on both engines.
"""

from __future__ import annotations

import datetime
from functools import partial

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import F, ProtectedError
from django.utils import timezone

from messaging.choices import Channel, ConversationType
from messaging.models import (
    Conversation,
    ConversationParticipant,
    Message,
    MessageEdit,
    Notification,
    NotificationDelivery,
    VideoCallSession,
)
from tests.messaging.factories import (
    ConversationFactory,
    ConversationParticipantFactory,
    MessageAttachmentFactory,
    MessageEditFactory,
    MessageFactory,
    MessageReactionFactory,
    MessageReadReceiptFactory,
    NotificationDeliveryFactory,
    NotificationFactory,
    NotificationPreferenceFactory,
    PushDeviceFactory,
    UserActivityIntervalFactory,
    UserBlockFactory,
    UserPresenceFactory,
    VideoCallParticipantFactory,
    VideoCallSessionFactory,
)

T0 = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
AN_HOUR = datetime.timedelta(hours=1)

# (constraint, factory, bad values written with UPDATE)
BAD_UPDATES = [
    # a keyed conversation, so that only the type breaks a rule
    ("CK_Conversations_Type", partial(ConversationFactory, direct=True), {"type": "Channel"}),
    ("CK_Conversations_Direct", ConversationFactory, {"type": ConversationType.DIRECT}),
    ("CK_ConversationParticipants_Role", ConversationParticipantFactory, {"role": "Guest"}),
    (
        "CK_ConversationParticipants_NotificationLevel",
        ConversationParticipantFactory,
        {"notification_level": "Some"},
    ),
    ("CK_Messages_Type", MessageFactory, {"message_type": "Video"}),
    ("CK_Messages_ModerationStatus", MessageFactory, {"moderation_status": "Hidden"}),
    (
        "CK_VideoCalls_Times",
        VideoCallSessionFactory,
        {"started_at": T0, "ended_at": T0 - AN_HOUR},
    ),
    ("CK_VideoCalls_Status", VideoCallSessionFactory, {"status": "Ended"}),
    ("CK_VideoCallSessions_CallType", VideoCallSessionFactory, {"call_type": "Screen"}),
    ("CK_VideoCallSessions_VideoProvider", VideoCallSessionFactory, {"video_provider": "Skype"}),
    ("CK_VideoCallSessions_EndReason", VideoCallSessionFactory, {"end_reason": "Bored"}),
    ("CK_VideoCallParticipants_Role", VideoCallParticipantFactory, {"role": "Guest"}),
    ("CK_VideoCallParticipants_Status", VideoCallParticipantFactory, {"status": "Left"}),
    ("CK_Notifs_Read", NotificationFactory, {"is_read": True, "read_at": None}),
    ("CK_Notifications_Level", NotificationFactory, {"level": "critical"}),
    ("CK_NotificationDeliveries_Channel", NotificationDeliveryFactory, {"channel": "Fax"}),
    ("CK_NotificationDeliveries_Status", NotificationDeliveryFactory, {"status": "Lost"}),
    (
        "CK_NotificationDeliveries_SkipReason",
        NotificationDeliveryFactory,
        {"skip_reason": "Tired"},
    ),
    ("CK_PushDevices_WebPushKeys", PushDeviceFactory, {"p256dh": ""}),
    ("CK_PushDevices_Platform", PushDeviceFactory, {"platform": "HMS"}),
    ("CK_PushDevices_Browser", PushDeviceFactory, {"browser": "chrome"}),
    ("CK_NotificationPreferences_Channel", NotificationPreferenceFactory, {"channel": "Fax"}),
    # Online is derived at read time, never stored (A5).
    ("CK_UserPresences_Status", UserPresenceFactory, {"status": "Online"}),
    (
        "CK_ActivityIntervals_Range",
        UserActivityIntervalFactory,
        {"start_at": T0, "end_at": T0 - datetime.timedelta(seconds=1)},
    ),
    ("CK_UserBlocks_NotSelf", UserBlockFactory, {"blocked_id": F("blocker_id")}),
]


@pytest.mark.parametrize(("constraint", "factory", "values"), BAD_UPDATES, ids=lambda v: v)
def test_check_constraint_refuses_bad_values(db, constraint, factory, values):
    # given a valid row
    row = factory()
    model = type(row)
    before = model.objects.filter(pk=row.pk).values(*values).get()

    # when a bad value is written past Python validation
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)

    # then the named CHECK refused it and the row kept its values
    assert constraint in str(error.value)
    assert model.objects.filter(pk=row.pk).values(*values).get() == before


def _duplicate_direct_key():
    first = ConversationFactory(direct=True)
    return lambda: ConversationFactory(direct=True, direct_key=first.direct_key)


def _duplicate_client_message_id():
    # the same sender retries in another conversation: still one message (I-23)
    first = MessageFactory()
    return lambda: MessageFactory(sender=first.sender, client_message_id=first.client_message_id)


def _duplicate_attachment():
    first = MessageAttachmentFactory()
    return lambda: MessageAttachmentFactory(message=first.message, file=first.file)


def _duplicate_reaction():
    first = MessageReactionFactory()
    return lambda: MessageReactionFactory(
        message=first.message, user=first.user, emoji_code=first.emoji_code, emoji_name="dog2"
    )


def _duplicate_receipt():
    first = MessageReadReceiptFactory()
    return lambda: MessageReadReceiptFactory(message=first.message, user=first.user)


def _duplicate_room():
    first = VideoCallSessionFactory()
    return lambda: VideoCallSessionFactory(external_room_id=first.external_room_id)


def _duplicate_call_participant():
    first = VideoCallParticipantFactory()
    return lambda: VideoCallParticipantFactory(session=first.session, user=first.user)


def _duplicate_dedupe_key():
    first = NotificationFactory()
    return lambda: NotificationFactory(recipient=first.recipient, dedupe_key=first.dedupe_key)


def _duplicate_channel_delivery():
    first = NotificationDeliveryFactory()
    return lambda: NotificationDeliveryFactory(notification=first.notification)


def _duplicate_device_delivery():
    first = NotificationDeliveryFactory(channel=Channel.PUSH, push_device=PushDeviceFactory())
    return lambda: NotificationDeliveryFactory(
        notification=first.notification, channel=Channel.PUSH, push_device=first.push_device
    )


def _duplicate_token_hash():
    first = PushDeviceFactory()
    return lambda: PushDeviceFactory(token=first.token)


def _duplicate_preference():
    first = NotificationPreferenceFactory()
    return lambda: NotificationPreferenceFactory(
        user=first.user, notification_type=first.notification_type, channel=first.channel
    )


def _duplicate_block():
    first = UserBlockFactory()
    return lambda: UserBlockFactory(blocker=first.blocker, blocked=first.blocked)


# (constraint, its table and columns as SQLite lists them, builder of the duplicate insert)
DUPLICATES = [
    ("UX_Conversations_DirectKey", "Conversations", ["DirectKey"], _duplicate_direct_key),
    (
        "UX_Messages_Sender_ClientId",
        "Messages",
        ["SenderId", "ClientMessageId"],
        _duplicate_client_message_id,
    ),
    (
        "UX_MsgAttachments_Msg_File",
        "MessageAttachments",
        ["MessageId", "FileId"],
        _duplicate_attachment,
    ),
    (
        "UX_Reactions_Msg_User_Emoji",
        "MessageReactions",
        ["MessageId", "UserId", "EmojiCode"],
        _duplicate_reaction,
    ),
    (
        "UX_ReadReceipts_Msg_User",
        "MessageReadReceipts",
        ["MessageId", "UserId"],
        _duplicate_receipt,
    ),
    (
        "UX_VideoCalls_Prov_Room",
        "VideoCallSessions",
        ["VideoProvider", "ExternalRoomId"],
        _duplicate_room,
    ),
    (
        "UX_CallParticipants_Sess_User",
        "VideoCallParticipants",
        ["SessionId", "UserId"],
        _duplicate_call_participant,
    ),
    (
        "UX_Notifs_Recipient_Dedupe",
        "Notifications",
        ["RecipientId", "DedupeKey"],
        _duplicate_dedupe_key,
    ),
    (
        "UX_NotifDeliveries_Notif_Chan",
        "NotificationDeliveries",
        ["NotificationId", "Channel"],
        _duplicate_channel_delivery,
    ),
    (
        "UX_NotifDeliveries_Notif_Dev",
        "NotificationDeliveries",
        ["NotificationId", "PushDeviceId"],
        _duplicate_device_delivery,
    ),
    ("UX_PushDevices_TokenHash", "PushDevices", ["TokenHash"], _duplicate_token_hash),
    (
        "UX_NotifPrefs_User_Type_Chan",
        "NotificationPreferences",
        ["UserId", "NotificationType", "Channel"],
        _duplicate_preference,
    ),
    ("UX_UserBlocks_Pair", "UserBlocks", ["BlockerId", "BlockedId"], _duplicate_block),
]


@pytest.mark.parametrize(
    ("constraint", "table", "columns", "build"), DUPLICATES, ids=[c[0] for c in DUPLICATES]
)
def test_unique_constraint_refuses_a_duplicate(db, constraint, table, columns, build):
    # given a row and an insert that repeats its key
    insert_duplicate = build()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        rows_before = cursor.fetchone()[0]

    # when the duplicate is inserted
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        insert_duplicate()

    # then the database refused it, naming the constraint (or its columns, on SQLite)
    if connection.vendor == "postgresql":
        assert constraint in str(error.value)
    else:
        expected = ", ".join(f"{table}.{column}" for column in columns)
        assert str(error.value) == f"UNIQUE constraint failed: {expected}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        assert cursor.fetchone()[0] == rows_before


def test_filtered_unique_keys_ignore_rows_outside_their_filter(db):
    # given rows whose key columns are NULL, which the filtered indexes leave out
    message = MessageFactory(client_message_id=None)
    MessageFactory(sender=message.sender, client_message_id=None)
    groups = ConversationFactory.create_batch(2, direct_key=None)
    calls = VideoCallSessionFactory.create_batch(2, external_room_id=None)
    notification = NotificationFactory(dedupe_key=None)
    NotificationFactory(recipient=notification.recipient, dedupe_key=None)
    # and push deliveries of one notification to two devices, beside its e-mail delivery
    delivery = NotificationDeliveryFactory(notification=notification)
    for _ in range(2):
        NotificationDeliveryFactory(
            notification=notification, channel=Channel.PUSH, push_device=PushDeviceFactory()
        )

    # then all of them were stored
    assert Message.objects.filter(sender=message.sender).count() == 2
    assert Conversation.objects.filter(pk__in=[g.pk for g in groups]).count() == 2
    assert VideoCallSession.objects.filter(pk__in=[c.pk for c in calls]).count() == 2
    assert Notification.objects.filter(recipient=notification.recipient).count() == 2
    assert NotificationDelivery.objects.filter(notification=delivery.notification).count() == 3


def test_message_edits_are_append_only(db):
    edit = MessageEditFactory()
    edit.previous_content = "rewritten history"
    with pytest.raises(RuntimeError, match="MessageEdits are append-only"):
        edit.save()
    assert MessageEdit.objects.get(pk=edit.pk).previous_content != "rewritten history"


def test_an_edited_message_is_not_hard_deleted(db):
    # A14: the edit history keeps its message; messages are soft-deleted instead
    edit = MessageEditFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        edit.message.delete()
    assert Message.objects.filter(pk=edit.message_id).exists()


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def _raw_insert(table: str, values: dict[str, object]) -> None:
    columns = ", ".join(_qn(column) for column in values)
    placeholders = ", ".join(["%s"] * len(values))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_qn(table)} ({columns}) VALUES ({placeholders})",  # noqa: S608 - quoted fixed names
            list(values.values()),
        )


def test_rows_the_legacy_app_inserts_get_the_017_and_024_defaults(db):
    # given a group conversation, a membership and a message inserted outside the ORM,
    # naming only the baseline columns (A1: every added column has a database default)
    user = ConversationParticipantFactory().user
    conversation = ConversationFactory()
    ConversationParticipant.objects.filter(user=user).delete()
    Conversation.objects.filter(pk=conversation.pk).delete()
    _raw_insert("Conversations", {"Id": conversation.pk.hex, "Type": "Group"})
    _raw_insert(
        "ConversationParticipants", {"ConversationId": conversation.pk.hex, "UserId": user.pk}
    )
    _raw_insert(
        "Messages", {"ConversationId": conversation.pk.hex, "SenderId": user.pk, "Content": "Hi"}
    )

    # then the database filled in every new column
    stored = Conversation.objects.get(pk=conversation.pk)
    assert (stored.title, stored.message_count, stored.is_locked) == ("", 0, False)
    member = ConversationParticipant.objects.get(conversation=stored)
    assert (member.role, member.read_message_count, member.notification_level) == (
        "Member",
        0,
        "All",
    )
    assert (member.is_muted, member.is_archived, member.is_pinned) == (False, False, False)
    message = Message.objects.get(conversation=stored)
    assert (message.message_type, message.has_attachment, message.metadata) == ("Text", False, {})
    assert (message.moderation_status, message.client_message_id) == ("Clean", None)
    assert abs(message.created_at - timezone.now()) < datetime.timedelta(minutes=5)
