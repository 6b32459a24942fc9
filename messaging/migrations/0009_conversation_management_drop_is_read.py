"""Plan 024, step 2: drop the legacy `Messages.IsRead` flag (SCHEMA.md 2.16a A2).

Read state lives in the participants' read cursors since 017 (`LastReadMessageId`,
`ReadMessageCount`), which `0002_enhanced_messaging_backfill` filled from this flag. The
reverse adds the column back (every row `False`, its database default) and recomputes
it from the cursors: a message is read once a participant other than its sender has read
up to it, which is what the 1:1 flag meant.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Q

from doggy.dbtools.backfill import backfill


def recompute_is_read(apps, schema_editor):
    alias = schema_editor.connection.alias
    Message = apps.get_model("messaging", "Message")
    ConversationParticipant = apps.get_model("messaging", "ConversationParticipant")
    read_by_someone_else = Exists(
        ConversationParticipant._default_manager.using(alias).filter(
            Q(conversation_id=OuterRef("conversation_id"))
            & Q(last_read_message_id__gte=OuterRef("pk"))
            & ~Q(user_id=OuterRef("sender_id"))
        )
    )
    backfill(
        Message._default_manager.using(alias).filter(is_read=False).filter(read_by_someone_else),
        values={"is_read": True},
        label="Messages.IsRead",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0009_online_conversation_management"),
    ]

    operations = [
        # Reversed after the column is back: the reverse recomputes the flag.
        migrations.RunPython(migrations.RunPython.noop, recompute_is_read, elidable=False),
        migrations.RemoveField(
            model_name="message",
            name="is_read",
        ),
    ]
