"""Plan 024, Conversation Management Enhancements, step 1 (SCHEMA.md 2.24, A3, A14).

Participants get mute, archive, pin and a notify level, with the one inbox index
`IX_ConvParticipants_User_Inbox (UserId, IsArchived, IsPinned) WHERE LeftAt IS NULL`,
which replaces the unnamed `UserId` index (A3). `MessageEdits` keeps the content before
each edit (append-only, I-16: `PROTECT` from messages, the editor's id kept, A14);
`UserBlocks` forbids blocking oneself (`CK_UserBlocks_NotSelf`, I-10). The legacy
`Messages.IsRead` goes in the next migration.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db
from doggy.core.migration_ops import AddConstraintNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0008_presence"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="MessageEdit",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "message",
                    models.ForeignKey(
                        db_column="MessageId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="edits",
                        to="messaging.message",
                    ),
                ),
                ("previous_content", models.TextField(db_column="PreviousContent")),
                (
                    "edited_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="EditedById",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "edited_at",
                    models.DateTimeField(
                        db_column="EditedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "MessageEdits",
                "ordering": ["message_id", "edited_at", "id"],
                "indexes": [
                    models.Index(fields=["message", "edited_at"], name="IX_MessageEdits_Msg")
                ],
            },
        ),
        migrations.CreateModel(
            name="UserBlock",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "blocker",
                    models.ForeignKey(
                        db_column="BlockerId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="blocks_made",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "blocked",
                    models.ForeignKey(
                        db_column="BlockedId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="blocks_received",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reason",
                    models.CharField(blank=True, db_column="Reason", default="", max_length=200),
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
            ],
            options={
                "db_table": "UserBlocks",
                "ordering": ["blocker_id", "-created_at"],
                "indexes": [models.Index(fields=["blocked"], name="IX_UserBlocks_Blocked")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("blocker", "blocked"), name="UX_UserBlocks_Pair"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("blocker__lt", models.F("blocked")),
                            ("blocker__gt", models.F("blocked")),
                            _connector="OR",
                        ),
                        name="CK_UserBlocks_NotSelf",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="is_archived",
            field=models.BooleanField(
                db_column="IsArchived",
                db_default=False,
                default=False,
                help_text="Per-user archive; a new message un-archives.",
            ),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="is_muted",
            field=models.BooleanField(db_column="IsMuted", db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="is_pinned",
            field=models.BooleanField(db_column="IsPinned", db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="muted_until",
            field=models.DateTimeField(blank=True, db_column="MutedUntil", null=True),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="notification_level",
            field=models.CharField(
                choices=[("All", "All"), ("Mentions", "Mentions"), ("None", "None")],
                db_column="NotificationLevel",
                db_default="All",
                default="All",
                max_length=8,
            ),
        ),
        migrations.AddField(
            model_name="conversationparticipant",
            name="pinned_at",
            field=models.DateTimeField(blank=True, db_column="PinnedAt", null=True),
        ),
        migrations.AlterField(
            model_name="conversationparticipant",
            name="user",
            field=models.ForeignKey(
                db_column="UserId",
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="conversation_memberships",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        # NOT VALID (SQL Server: WITH NOCHECK): 0009_online_conversation_management
        # builds the inbox index online and validates the check.
        AddConstraintNotValid(
            model_name="conversationparticipant",
            constraint=models.CheckConstraint(
                condition=models.Q(("notification_level__in", ["All", "Mentions", "None"])),
                name="CK_ConversationParticipants_NotificationLevel",
            ),
        ),
    ]
