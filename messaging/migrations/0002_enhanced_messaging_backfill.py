"""Plan 017, step 2: fill the new columns of the conversations that existed before 017.

`messaging/0001` can be adopted from an existing database (A1), so its rows get what 017
would have given them (SCHEMA.md 2.16a A1–A2), in batches through `doggy.dbtools.backfill`:

* a conversation of exactly two users becomes `Direct` with its `DirectKey` (the SHA-256
  of the sorted user ids, as `messaging.keys.direct_key` computes it); any other becomes
  `Group`;
* two direct conversations of the same pair are merged into the older one: the messages
  move, the younger conversation and its participant rows go. `UX_Conversations_DirectKey`
  (the next migration) then holds;
* `MessageCount`, `LastMessageId` and `LastMessageAt` are counted, and each participant's
  read cursor (`LastReadMessageId`, `ReadMessageCount`) is set from the legacy
  `Messages.IsRead`: a participant has read up to the message before the first unread
  one someone else sent.

Each step selects only the rows it has not done yet, so a second run changes nothing. The
reverse does nothing: the previous migration's reverse drops these columns, and merged
conversations stay merged (their messages are all kept).
"""

import hashlib

from django.db import migrations
from django.db.models import Count, Exists, OuterRef

from doggy.dbtools.backfill import backfill

DIRECT, GROUP = "Direct", "Group"


def _direct_key(user_ids):
    # Kept equal to messaging.keys.direct_key by tests/messaging/test_migrations.py.
    ids = sorted({str(user_id) for user_id in user_ids})
    return hashlib.sha256(",".join(ids).encode("utf-8")).hexdigest()


def _managers(apps, schema_editor):
    alias = schema_editor.connection.alias
    return tuple(
        apps.get_model("messaging", name)._default_manager.using(alias)
        for name in ("Conversation", "ConversationParticipant", "Message")
    )


def set_types_and_direct_keys(apps, schema_editor):
    conversations, participants, _ = _managers(apps, schema_editor)

    def classify(conversation):
        users = list(
            participants.filter(conversation_id=conversation.pk).values_list("user_id", flat=True)
        )
        if len(set(users)) == 2:
            conversation.direct_key = _direct_key(users)
        else:
            conversation.type = GROUP

    # 017 gave every existing row Type='Direct' and no key: exactly the rows still to do.
    backfill(
        conversations.filter(type=DIRECT, direct_key__isnull=True),
        transform=classify,
        fields=["type", "direct_key"],
        label="Conversations.DirectKey",
    )


def merge_duplicate_direct_conversations(apps, schema_editor):
    conversations, participants, messages = _managers(apps, schema_editor)
    duplicated = (
        conversations.filter(direct_key__isnull=False)
        .values("direct_key")
        .annotate(rows=Count("pk"))
        .filter(rows__gt=1)
        .values_list("direct_key", flat=True)
    )
    for key in list(duplicated):
        keep, *others = conversations.filter(direct_key=key).order_by("created_at", "pk")
        other_ids = [other.pk for other in others]
        messages.filter(conversation_id__in=other_ids).update(conversation_id=keep.pk)
        participants.filter(conversation_id__in=other_ids).delete()
        conversations.filter(pk__in=other_ids).delete()


def count_messages_and_set_read_cursors(apps, schema_editor):
    conversations, participants, messages = _managers(apps, schema_editor)

    def count(conversation):
        rows = list(
            messages.filter(conversation_id=conversation.pk)
            .order_by("pk")
            .values_list("pk", "sender_id", "is_read", "created_at")
        )
        conversation.message_count = len(rows)
        conversation.last_message_id = rows[-1][0]
        conversation.last_message_at = rows[-1][3]
        members = list(participants.filter(conversation_id=conversation.pk))
        for member in members:
            read = 0
            for _, sender_id, is_read, _ in rows:
                if sender_id != member.user_id and not is_read:
                    break
                read += 1
            member.read_message_count = read
            member.last_read_message_id = rows[read - 1][0] if read else None
        participants.bulk_update(members, ["read_message_count", "last_read_message_id"])

    # Conversations with messages and no count yet.
    has_messages = Exists(messages.filter(conversation_id=OuterRef("pk")))
    backfill(
        conversations.filter(message_count=0).filter(has_messages),
        transform=count,
        fields=["message_count", "last_message_id", "last_message_at"],
        label="Conversations.MessageCount",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0002_online_enhanced_messaging_indexes"),
    ]

    operations = [
        migrations.RunPython(set_types_and_direct_keys, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(
            merge_duplicate_direct_conversations, migrations.RunPython.noop, elidable=False
        ),
        migrations.RunPython(
            count_messages_and_set_read_cursors, migrations.RunPython.noop, elidable=False
        ),
    ]
