"""Plan 017, Enhanced Messaging System, step 1: the new columns (SCHEMA.md 2.17, A1–A3).

Conversations get a type, a title, the direct-conversation key, the denormalized last
message and `MessageCount`; participants get a role, `LeftAt` and the read cursor
(`LastReadMessageId`, `ReadMessageCount`: unread is `MessageCount − ReadMessageCount`,
Mattermost's way, A2); messages get a type, the client idempotency key
(`UX_Messages_Sender_ClientId`, I-23), replies, soft delete, metadata and moderation.

`messaging/0001` may be an adopted table with rows, so every NOT NULL column comes with a
database default and the table is not rewritten (A1). The next migration fills the new
columns of existing rows; `CK_Conversations_Direct` and `UX_Conversations_DirectKey`
come after it. `SenderId` loses its unnamed index: `UX_Messages_Sender_ClientId` leads
with it (A3). Reversible: the reverse drops what this adds.

The three tables may hold rows, so the new foreign keys and checks are added NOT VALID
(SQL Server: WITH NOCHECK), and `0002_online_enhanced_messaging_indexes` builds the indexes
(`IX_Messages_Conv_Id`, `UX_Messages_Sender_ClientId`, the keys' own) online and
validates the constraints.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from doggy.core.migration_ops import AddConstraintNotValid, AddForeignKeyNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0001_baseline_messaging"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddForeignKeyNotValid(
            model_name="conversation",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                db_column="CreatedById",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="conversation",
            name="direct_key",
            field=models.CharField(
                blank=True,
                db_column="DirectKey",
                help_text="SHA-256 of the sorted participant ids; set for direct conversations only.",
                max_length=64,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="conversation",
            name="is_locked",
            field=models.BooleanField(db_column="IsLocked", db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="conversation",
            name="last_message_at",
            field=models.DateTimeField(blank=True, db_column="LastMessageAt", null=True),
        ),
        migrations.AddField(
            model_name="conversation",
            name="last_message_id",
            field=models.BigIntegerField(
                blank=True,
                db_column="LastMessageId",
                help_text="Denormalized; not a foreign key, to avoid write contention.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="conversation",
            name="message_count",
            field=models.PositiveIntegerField(
                db_column="MessageCount",
                db_default=0,
                default=0,
                help_text="Messages ever sent here; a participant's unread = this − ReadMessageCount.",
            ),
        ),
        migrations.AddField(
            model_name="conversation",
            name="title",
            field=models.CharField(
                blank=True, db_column="Title", db_default="", default="", max_length=200
            ),
        ),
        migrations.AddField(
            model_name="conversation",
            name="type",
            field=models.CharField(
                choices=[
                    ("Direct", "Direct"),
                    ("Group", "Group"),
                    ("Booking", "Booking"),
                    ("Support", "Support"),
                ],
                db_column="Type",
                db_default="Direct",
                default="Direct",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="last_read_at",
            field=models.DateTimeField(blank=True, db_column="LastReadAt", null=True),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="last_read_message_id",
            field=models.BigIntegerField(
                blank=True, db_column="LastReadMessageId", help_text="The read cursor.", null=True
            ),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="left_at",
            field=models.DateTimeField(
                blank=True, db_column="LeftAt", help_text="Active participant ⇔ empty.", null=True
            ),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="read_message_count",
            field=models.PositiveIntegerField(
                db_column="ReadMessageCount",
                db_default=0,
                default=0,
                help_text="Conversations.MessageCount as of the cursor.",
            ),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="role",
            field=models.CharField(
                choices=[("Owner", "Owner"), ("Admin", "Admin"), ("Member", "Member")],
                db_column="Role",
                db_default="Member",
                default="Member",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="message",
            name="client_message_id",
            field=models.CharField(
                blank=True,
                db_column="ClientMessageId",
                help_text="The sender's idempotency key (Mattermost's pending_post_id).",
                max_length=64,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="message",
            name="deleted_at",
            field=models.DateTimeField(blank=True, db_column="DeletedAt", null=True),
        ),
        AddForeignKeyNotValid(
            model_name="message",
            name="deleted_by",
            field=models.ForeignKey(
                blank=True,
                db_column="DeletedById",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="message",
            name="edited_at",
            field=models.DateTimeField(blank=True, db_column="EditedAt", null=True),
        ),
        migrations.AddField(
            model_name="message",
            name="has_attachment",
            field=models.BooleanField(db_column="HasAttachment", db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="message",
            name="message_type",
            field=models.CharField(
                choices=[
                    ("Text", "Text"),
                    ("Image", "Image"),
                    ("File", "File"),
                    ("System", "System"),
                    ("CallEvent", "Call event"),
                    ("BookingEvent", "Booking event"),
                ],
                db_column="MessageType",
                db_default="Text",
                default="Text",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="message",
            name="metadata",
            field=models.JSONField(blank=True, db_column="Metadata", db_default={}, default=dict),
        ),
        migrations.AddField(
            model_name="message",
            name="moderation_status",
            field=models.CharField(
                choices=[
                    ("Clean", "Clean"),
                    ("Pending", "Pending"),
                    ("Flagged", "Flagged"),
                    ("Blocked", "Blocked"),
                ],
                db_column="ModerationStatus",
                db_default="Clean",
                default="Clean",
                max_length=10,
            ),
        ),
        AddForeignKeyNotValid(
            model_name="message",
            name="reply_to",
            field=models.ForeignKey(
                blank=True,
                db_column="ReplyToMessageId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="replies",
                to="messaging.message",
            ),
        ),
        migrations.AlterField(
            model_name="message",
            name="sender",
            field=models.ForeignKey(
                blank=True,
                db_column="SenderId",
                db_index=False,
                help_text="Empty for system messages.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="sent_messages",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        AddConstraintNotValid(
            model_name="conversation",
            constraint=models.CheckConstraint(
                condition=models.Q(("type__in", ["Direct", "Group", "Booking", "Support"])),
                name="CK_Conversations_Type",
            ),
        ),
        AddConstraintNotValid(
            model_name="conversationparticipant",
            constraint=models.CheckConstraint(
                condition=models.Q(("role__in", ["Owner", "Admin", "Member"])),
                name="CK_ConversationParticipants_Role",
            ),
        ),
        AddConstraintNotValid(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "message_type__in",
                        ["Text", "Image", "File", "System", "CallEvent", "BookingEvent"],
                    )
                ),
                name="CK_Messages_Type",
            ),
        ),
        AddConstraintNotValid(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("moderation_status__in", ["Clean", "Pending", "Flagged", "Blocked"])
                ),
                name="CK_Messages_ModerationStatus",
            ),
        ),
    ]
