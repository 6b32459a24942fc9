"""Plan 019, Message Reactions & Read Receipts (SCHEMA.md 2.19, I-11).

One reaction per (message, user, emoji) and one receipt per (message, user). Receipts
feed the "seen by" of small conversations only; unread counts come from the
participant cursor of 017. `IX_Reactions_Msg` is not created: the unique index leads
with `MessageId` (A3).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0003_message_attachments"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="MessageReaction",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "emoji_code",
                    models.CharField(
                        db_column="EmojiCode",
                        help_text="Unicode code points, e.g. 1f436.",
                        max_length=64,
                    ),
                ),
                ("emoji_name", models.CharField(db_column="EmojiName", max_length=64)),
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
                    "message",
                    models.ForeignKey(
                        db_column="MessageId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reactions",
                        to="messaging.message",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="message_reactions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "MessageReactions",
                "ordering": ["message_id", "created_at", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("message", "user", "emoji_code"), name="UX_Reactions_Msg_User_Emoji"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="MessageReadReceipt",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "delivered_at",
                    models.DateTimeField(blank=True, db_column="DeliveredAt", null=True),
                ),
                ("read_at", models.DateTimeField(blank=True, db_column="ReadAt", null=True)),
                (
                    "message",
                    models.ForeignKey(
                        db_column="MessageId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="read_receipts",
                        to="messaging.message",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="message_read_receipts",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "MessageReadReceipts",
                "ordering": ["message_id", "id"],
                "indexes": [
                    models.Index(
                        condition=models.Q(("read_at__isnull", True)),
                        fields=["user", "message"],
                        name="IX_ReadReceipts_User_Unread",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("message", "user"), name="UX_ReadReceipts_Msg_User"
                    )
                ],
            },
        ),
    ]
