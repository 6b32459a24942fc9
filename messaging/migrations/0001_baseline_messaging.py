"""Baseline: the "basic messaging infrastructure" the plan assumes (SCHEMA.md 2.0).

Plans 017–024 extend these three tables (types, read cursors, attachments, reactions).
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Conversation",
            fields=[
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
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
            ],
            options={
                "db_table": "Conversations",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="ConversationParticipant",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "conversation",
                    models.ForeignKey(
                        db_column="ConversationId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participants",
                        to="messaging.conversation",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="conversation_memberships",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "joined_at",
                    models.DateTimeField(
                        db_column="JoinedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "ConversationParticipants",
                "ordering": ["conversation_id", "joined_at", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("conversation", "user"), name="UX_ConvParticipants_Conv_User"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Message",
            fields=[
                # bigint on purpose: monotonic ids drive read cursors and pagination (D11).
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "conversation",
                    models.ForeignKey(
                        db_column="ConversationId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="messaging.conversation",
                    ),
                ),
                (
                    "sender",
                    models.ForeignKey(
                        blank=True,
                        db_column="SenderId",
                        help_text="Empty for system messages.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sent_messages",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("content", models.TextField(blank=True, db_column="Content", default="")),
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
                    "is_read",
                    models.BooleanField(
                        db_column="IsRead",
                        db_default=False,
                        default=False,
                        help_text="Legacy 1:1 flag, superseded by read receipts (019).",
                    ),
                ),
            ],
            options={
                "db_table": "Messages",
                "ordering": ["conversation_id", "-created_at"],
                "indexes": [
                    models.Index(
                        fields=["conversation", "-created_at"], name="IX_Messages_Conv_Created"
                    )
                ],
            },
        ),
    ]
