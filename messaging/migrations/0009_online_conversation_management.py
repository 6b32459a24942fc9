"""Plan 024, the online step of `0009_conversation_management`.

`ConversationParticipants` holds rows before phase 3 ends, so the inbox index
`IX_ConvParticipants_User_Inbox` is built concurrently (PostgreSQL) or `WITH (ONLINE =
ON)` (SQL Server Enterprise / Azure; offline on Standard), and
`CK_ConversationParticipants_NotificationLevel`, added NOT VALID, is validated, neither
blocking writes. Non-atomic. Every step does nothing when its object is already there (a
database that applied the earlier, inline `0009_conversation_management`); the reverse
drops the index.
"""

from django.db import migrations, models

from doggy.core.migration_ops import AddIndexOnline, ValidateConstraint


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("messaging", "0009_conversation_management"),
    ]

    operations = [
        AddIndexOnline(
            model_name="conversationparticipant",
            index=models.Index(
                condition=models.Q(("left_at__isnull", True)),
                fields=["user", "is_archived", "is_pinned"],
                name="IX_ConvParticipants_User_Inbox",
            ),
        ),
        ValidateConstraint(
            model_name="conversationparticipant",
            name="CK_ConversationParticipants_NotificationLevel",
        ),
    ]
