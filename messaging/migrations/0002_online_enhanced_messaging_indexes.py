"""Plan 017, the online step of `0002_enhanced_messaging`: indexes and validations.

`Conversations`, `ConversationParticipants` and `Messages` may hold adopted rows, so
`0002_enhanced_messaging` builds no index and validates no constraint on them; this
migration does both without blocking writes (docs/development/plan.md, "Online indexes
and deferred constraints"):

- `IX_Messages_Conv_Id`, `UX_Messages_Sender_ClientId` (a filtered unique index) and the
  indexes of `CreatedById`, `DeletedById` and `ReplyToMessageId` are built concurrently
  (PostgreSQL) or `WITH (ONLINE = ON)` (SQL Server Enterprise / Azure; offline on
  Standard);
- those three keys and the four checks, added NOT VALID, are validated.

Non-atomic. Every step does nothing when its object is already there (a database that
applied the earlier, inline `0002_enhanced_messaging`); the reverse drops the indexes.
"""

from django.db import migrations, models

from doggy.core.migration_ops import (
    AddConstraintOnline,
    AddFieldIndexOnline,
    AddIndexOnline,
    ValidateConstraint,
    ValidateForeignKey,
)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("messaging", "0002_enhanced_messaging"),
    ]

    operations = [
        AddFieldIndexOnline(model_name="conversation", name="created_by"),
        AddFieldIndexOnline(model_name="message", name="deleted_by"),
        AddFieldIndexOnline(model_name="message", name="reply_to"),
        AddIndexOnline(
            model_name="message",
            index=models.Index(fields=["conversation", "-id"], name="IX_Messages_Conv_Id"),
        ),
        AddConstraintOnline(
            model_name="message",
            constraint=models.UniqueConstraint(
                condition=models.Q(("client_message_id__isnull", False), ("sender__isnull", False)),
                fields=("sender", "client_message_id"),
                name="UX_Messages_Sender_ClientId",
            ),
        ),
        ValidateForeignKey(model_name="conversation", name="created_by"),
        ValidateForeignKey(model_name="message", name="deleted_by"),
        ValidateForeignKey(model_name="message", name="reply_to"),
        ValidateConstraint(model_name="conversation", name="CK_Conversations_Type"),
        ValidateConstraint(
            model_name="conversationparticipant", name="CK_ConversationParticipants_Role"
        ),
        ValidateConstraint(model_name="message", name="CK_Messages_Type"),
        ValidateConstraint(model_name="message", name="CK_Messages_ModerationStatus"),
    ]
