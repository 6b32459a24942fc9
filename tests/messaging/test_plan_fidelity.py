"""The migrated messaging tables against SCHEMA.md 2.17–2.24 and the amendments A1–A7.

The plan gives titles only for 017–024, so the catalog is the contract: every column
with its nullability, every named index with its columns (and its filter where it has
one), every unique key and CHECK, checked through Django's introspection of the
migrated database. The amendments' removals are checked too: no `UnreadCount`, no
`IsRead` on messages, no stored online status, and none of the indexes A3 drops.
"""

from __future__ import annotations

import pytest
from django.db import connection

from messaging import models as messaging_models

# table -> {column: nullable}
COLUMNS = {
    "Conversations": {
        "Id": False,
        "CreatedAt": False,
        "UpdatedAt": False,
        "Type": False,
        "Title": False,
        "CreatedById": True,
        "DirectKey": True,
        "LastMessageId": True,
        "LastMessageAt": True,
        "MessageCount": False,
        "IsLocked": False,
        # messaging/0010, the link step of plan 026 (SCHEMA.md D10).
        "AppointmentId": True,
    },
    "ConversationParticipants": {
        "Id": False,
        "ConversationId": False,
        "UserId": False,
        "JoinedAt": False,
        "Role": False,
        "LeftAt": True,
        "LastReadMessageId": True,
        "LastReadAt": True,
        "ReadMessageCount": False,
        "IsMuted": False,
        "MutedUntil": True,
        "NotificationLevel": False,
        "IsArchived": False,
        "IsPinned": False,
        "PinnedAt": True,
    },
    "Messages": {
        "Id": False,
        "ConversationId": False,
        "SenderId": True,
        "Content": False,
        "CreatedAt": False,
        "MessageType": False,
        "ClientMessageId": True,
        "ReplyToMessageId": True,
        "HasAttachment": False,
        "Metadata": False,
        "EditedAt": True,
        "DeletedAt": True,
        "DeletedById": True,
        "ModerationStatus": False,
    },
    "MessageAttachments": {
        "Id": False,
        "MessageId": False,
        "FileId": False,
        "SortOrder": False,
        "Caption": False,
    },
    "MessageReactions": {
        "Id": False,
        "MessageId": False,
        "UserId": False,
        "EmojiCode": False,
        "EmojiName": False,
        "CreatedAt": False,
    },
    "MessageReadReceipts": {
        "Id": False,
        "MessageId": False,
        "UserId": False,
        "DeliveredAt": True,
        "ReadAt": True,
    },
    "VideoCallSessions": {
        "Id": False,
        "ConversationId": True,
        "AppointmentId": True,
        "InitiatedById": True,
        "CallType": False,
        "VideoProvider": False,
        "ExternalRoomId": True,
        "JoinUrl": False,
        "Status": False,
        "ScheduledStartAt": True,
        "StartedAt": True,
        "EndedAt": True,
        "DurationSeconds": True,
        "EndReason": False,
        "RecordingFileId": True,
        "CreatedAt": False,
    },
    "VideoCallParticipants": {
        "Id": False,
        "SessionId": False,
        "UserId": False,
        "Role": False,
        "Status": False,
        "InvitedAt": True,
        "JoinedAt": True,
        "LeftAt": True,
        "DurationSeconds": True,
    },
    "Notifications": {
        "Id": False,
        "RecipientId": False,
        "ActorId": True,
        "NotificationType": False,
        "Level": False,
        "Title": False,
        "Body": False,
        "EntityType": True,
        "EntityId": True,
        "ActionUrl": False,
        "Data": False,
        "DedupeKey": True,
        "IsRead": False,
        "ReadAt": True,
        "IsArchived": False,
        "ScheduledFor": True,
        "CreatedAt": False,
        "ExpiresAt": True,
    },
    "NotificationDeliveries": {
        "Id": False,
        "NotificationId": False,
        "Channel": False,
        "PushDeviceId": True,
        "Status": False,
        "SkipReason": False,
        "AttemptCount": False,
        "NextAttemptAt": True,
        "LastError": False,
        "ProviderMessageId": False,
        "CreatedAt": False,
        "SentAt": True,
        "DeliveredAt": True,
    },
    "PushDevices": {
        "Id": False,
        "UserId": False,
        "Platform": False,
        "Token": False,
        "TokenHash": False,
        "P256dh": False,
        "Auth": False,
        "Browser": False,
        "ApplicationId": False,
        "DeviceName": False,
        "AppVersion": False,
        "IsActive": False,
        "FailureCount": False,
        "LastUsedAt": True,
        "CreatedAt": False,
    },
    "NotificationPreferences": {
        "Id": False,
        "UserId": False,
        "NotificationType": False,
        "Channel": False,
        "IsEnabled": False,
    },
    "UserPresences": {
        "UserId": False,
        "Status": False,
        "LastActiveAt": True,
        "LastConnectedAt": True,
        "StatusText": False,
        "StatusExpiresAt": True,
        "LastUpdateId": False,
        "UpdatedAt": False,
    },
    "UserActivityIntervals": {"Id": False, "UserId": False, "StartAt": False, "EndAt": False},
    "MessageEdits": {
        "Id": False,
        "MessageId": False,
        "PreviousContent": False,
        "EditedById": True,
        "EditedAt": False,
    },
    "UserBlocks": {
        "Id": False,
        "BlockerId": False,
        "BlockedId": False,
        "Reason": False,
        "CreatedAt": False,
    },
}

# Named indexes: name -> (table, columns). Filtered ones are marked in FILTERED.
INDEXES = {
    "IX_Messages_Conv_Created": ("Messages", ["ConversationId", "CreatedAt"]),
    "IX_Messages_Conv_Id": ("Messages", ["ConversationId", "Id"]),
    "IX_ConvParticipants_User_Inbox": (
        "ConversationParticipants",
        ["UserId", "IsArchived", "IsPinned"],
    ),
    "IX_MsgAttachments_File": ("MessageAttachments", ["FileId"]),
    "IX_ReadReceipts_User_Unread": ("MessageReadReceipts", ["UserId", "MessageId"]),
    "IX_VideoCalls_Conv_Created": ("VideoCallSessions", ["ConversationId", "CreatedAt"]),
    "IX_VideoCalls_Status": ("VideoCallSessions", ["Status"]),
    "IX_Notifs_Recipient_Unread": ("Notifications", ["RecipientId", "IsRead", "CreatedAt"]),
    "IX_Notifs_Scheduled": ("Notifications", ["ScheduledFor"]),
    "IX_NotifDeliveries_Status": ("NotificationDeliveries", ["Status", "Channel"]),
    "IX_NotifDeliveries_Notif": ("NotificationDeliveries", ["NotificationId"]),
    "IX_PushDevices_User_Active": ("PushDevices", ["UserId", "IsActive"]),
    "IX_Presence_LastActive": ("UserPresences", ["LastActiveAt"]),
    "IX_Presence_LastUpdate": ("UserPresences", ["LastUpdateId"]),
    "IX_ActivityIntervals_User_End": ("UserActivityIntervals", ["UserId", "EndAt"]),
    "IX_MessageEdits_Msg": ("MessageEdits", ["MessageId", "EditedAt"]),
    "IX_UserBlocks_Blocked": ("UserBlocks", ["BlockedId"]),
}
# Unique keys: name -> (table, columns)
UNIQUES = {
    "UX_ConvParticipants_Conv_User": ("ConversationParticipants", ["ConversationId", "UserId"]),
    "UX_Conversations_DirectKey": ("Conversations", ["DirectKey"]),
    "UX_Conversations_Appointment": ("Conversations", ["AppointmentId"]),
    "UX_Messages_Sender_ClientId": ("Messages", ["SenderId", "ClientMessageId"]),
    "UX_MsgAttachments_Msg_File": ("MessageAttachments", ["MessageId", "FileId"]),
    "UX_Reactions_Msg_User_Emoji": ("MessageReactions", ["MessageId", "UserId", "EmojiCode"]),
    "UX_ReadReceipts_Msg_User": ("MessageReadReceipts", ["MessageId", "UserId"]),
    "UX_VideoCalls_Prov_Room": ("VideoCallSessions", ["VideoProvider", "ExternalRoomId"]),
    "UX_CallParticipants_Sess_User": ("VideoCallParticipants", ["SessionId", "UserId"]),
    "UX_Notifs_Recipient_Dedupe": ("Notifications", ["RecipientId", "DedupeKey"]),
    "UX_NotifDeliveries_Notif_Chan": ("NotificationDeliveries", ["NotificationId", "Channel"]),
    "UX_NotifDeliveries_Notif_Dev": (
        "NotificationDeliveries",
        ["NotificationId", "PushDeviceId"],
    ),
    "UX_PushDevices_TokenHash": ("PushDevices", ["TokenHash"]),
    "UX_NotifPrefs_User_Type_Chan": (
        "NotificationPreferences",
        ["UserId", "NotificationType", "Channel"],
    ),
    "UX_UserBlocks_Pair": ("UserBlocks", ["BlockerId", "BlockedId"]),
}
# Filtered (partial) indexes and unique keys: name -> the columns their filter reads.
FILTERED = {
    "IX_ConvParticipants_User_Inbox": ["LeftAt"],
    "IX_ReadReceipts_User_Unread": ["ReadAt"],
    "IX_VideoCalls_Status": ["Status"],
    "IX_Notifs_Scheduled": ["ScheduledFor"],
    "IX_NotifDeliveries_Status": ["Status"],
    "UX_Conversations_DirectKey": ["DirectKey"],
    "UX_Conversations_Appointment": ["AppointmentId"],
    "UX_Messages_Sender_ClientId": ["ClientMessageId", "SenderId"],
    "UX_VideoCalls_Prov_Room": ["ExternalRoomId"],
    "UX_Notifs_Recipient_Dedupe": ["DedupeKey"],
    "UX_NotifDeliveries_Notif_Chan": ["PushDeviceId"],
    "UX_NotifDeliveries_Notif_Dev": ["PushDeviceId"],
}
CHECKS = {
    "Conversations": ["CK_Conversations_Type", "CK_Conversations_Direct"],
    "ConversationParticipants": [
        "CK_ConversationParticipants_Role",
        "CK_ConversationParticipants_NotificationLevel",
    ],
    "Messages": ["CK_Messages_Type", "CK_Messages_ModerationStatus"],
    "VideoCallSessions": [
        "CK_VideoCalls_Times",
        "CK_VideoCalls_Status",
        "CK_VideoCallSessions_CallType",
        "CK_VideoCallSessions_VideoProvider",
        "CK_VideoCallSessions_EndReason",
    ],
    "VideoCallParticipants": ["CK_VideoCallParticipants_Role", "CK_VideoCallParticipants_Status"],
    "Notifications": ["CK_Notifs_Read", "CK_Notifications_Level"],
    "NotificationDeliveries": [
        "CK_NotificationDeliveries_Channel",
        "CK_NotificationDeliveries_Status",
        "CK_NotificationDeliveries_SkipReason",
    ],
    "PushDevices": [
        "CK_PushDevices_WebPushKeys",
        "CK_PushDevices_Platform",
        "CK_PushDevices_Browser",
    ],
    "NotificationPreferences": ["CK_NotificationPreferences_Channel"],
    "UserPresences": ["CK_UserPresences_Status"],
    "UserActivityIntervals": ["CK_ActivityIntervals_Range"],
    "UserBlocks": ["CK_UserBlocks_NotSelf"],
}
# What the amendments took out of 2.17–2.24 (A2, A3, A5).
REMOVED_COLUMNS = [
    ("ConversationParticipants", "UnreadCount"),
    ("Messages", "IsRead"),
]
DROPPED_INDEXES = [
    "IX_Messages_Sender",
    "IX_Reactions_Msg",
    "IX_Conversations_LastMsg",
    "IX_ConvParticipants_User",
]
# Columns 017/024 add to the baseline tables: each has a database default (A1).
BASELINE_ADDITIONS = {
    "Conversations": ["Type", "Title", "MessageCount", "IsLocked"],
    "ConversationParticipants": [
        "Role",
        "ReadMessageCount",
        "IsMuted",
        "NotificationLevel",
        "IsArchived",
        "IsPinned",
    ],
    "Messages": ["MessageType", "HasAttachment", "Metadata", "ModerationStatus"],
}


def _columns(table: str) -> dict:
    with connection.cursor() as cursor:
        return {c.name: c for c in connection.introspection.get_table_description(cursor, table)}


def _constraints(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def test_the_catalog_covers_every_messaging_model():
    tables = {
        model._meta.db_table
        for model in vars(messaging_models).values()
        if isinstance(model, type)
        and issubclass(model, messaging_models.models.Model)
        and not model._meta.abstract
        and model._meta.app_label == "messaging"
    }
    assert tables == set(COLUMNS)


@pytest.mark.parametrize("table", COLUMNS)
def test_table_has_exactly_the_catalogs_columns(db, table):
    columns = _columns(table)
    assert {name: bool(c.null_ok) for name, c in columns.items()} == COLUMNS[table]


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = _constraints(table)[name]
    assert constraint["index"] is True
    assert constraint["unique"] is False
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = _constraints(table)[name]
    assert constraint["unique"] is True
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("name", "filter_columns"), FILTERED.items(), ids=list(FILTERED))
def test_filtered_index_has_its_filter(name, filter_columns):
    # SQL Server builds these as filtered indexes: the condition must be AND-ed simple
    # comparisons (SCHEMA.md 0.1), so it has no OR and no NOT
    found = [
        item
        for model in vars(messaging_models).values()
        if isinstance(model, type) and issubclass(model, messaging_models.models.Model)
        for item in (*model._meta.indexes, *model._meta.constraints)
        if item.name == name
    ]
    assert len(found) == 1
    condition = found[0].condition
    assert condition is not None
    assert condition.connector == "AND"
    assert not condition.negated
    model = next(
        m
        for m in vars(messaging_models).values()
        if isinstance(m, type)
        and issubclass(m, messaging_models.models.Model)
        and found[0] in (*m._meta.indexes, *m._meta.constraints)
    )
    read = sorted(
        model._meta.get_field(lookup.split("__")[0]).column for lookup, _ in condition.children
    )
    assert read == sorted(filter_columns)


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    constraints = _constraints(table)
    named = {name for name, c in constraints.items() if c["check"] and name.startswith("CK_")}
    assert named == set(CHECKS[table])


@pytest.mark.parametrize(("table", "column"), REMOVED_COLUMNS)
def test_amended_columns_are_not_there(db, table, column):
    assert column not in _columns(table)


@pytest.mark.parametrize("name", DROPPED_INDEXES)
def test_indexes_the_amendments_drop_are_not_there(db, name):
    tables = {table for table, _ in (*INDEXES.values(), *UNIQUES.values())}
    assert all(name not in _constraints(table) for table in tables)


@pytest.mark.parametrize(
    ("table", "column"),
    [(t, c) for t, cols in BASELINE_ADDITIONS.items() for c in cols],
)
def test_columns_added_to_a_baseline_table_have_a_database_default(db, table, column):
    field = next(
        f
        for model in vars(messaging_models).values()
        if isinstance(model, type)
        and issubclass(model, messaging_models.models.Model)
        and getattr(model._meta, "db_table", None) == table
        for f in model._meta.concrete_fields
        if f.column == column
    )
    assert field.has_db_default()
    assert _columns(table)[column].default is not None


def test_no_unnamed_index_duplicates_a_named_one(db):
    # FK columns that lead a named index or key carry no second, generated index (0.1)
    for table in COLUMNS:
        constraints = _constraints(table)
        named_leads = {
            c["columns"][0]
            for name, c in constraints.items()
            if (c["index"] or c["unique"]) and name[:3] in ("IX_", "UX_") and c["columns"]
        }
        generated = [
            name
            for name, c in constraints.items()
            if c["index"]
            and not c["unique"]
            and name[:3] not in ("IX_", "UX_")
            and not c["primary_key"]
            and c["columns"]
            and c["columns"][0] in named_leads
        ]
        assert generated == [], table
