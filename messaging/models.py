"""Messaging: the baseline tables the plan calls 'basic messaging infrastructure'.

Plans 017–024 extend them (types, read cursors, attachments, reactions, calls, …).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from doggy.core.db import TimeStampedModel, created_at_field, uuid_primary_key


class Conversation(TimeStampedModel):
    """A thread between participants."""

    id = uuid_primary_key()

    class Meta:
        db_table = "Conversations"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Conversation {self.pk}"


class ConversationParticipant(models.Model):
    """A user's membership of a conversation."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="participants",
        db_index=False,
        db_column="ConversationId",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conversation_memberships",
        db_column="UserId",
    )
    joined_at = created_at_field(db_column="JoinedAt")

    class Meta:
        db_table = "ConversationParticipants"
        ordering = ["conversation_id", "joined_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="UX_ConvParticipants_Conv_User"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    """A message; bigint ids are monotonic and drive read cursors and pagination (D11)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="messages",
        db_index=False,
        db_column="ConversationId",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_messages",
        db_column="SenderId",
        help_text="Empty for system messages.",
    )
    content = models.TextField(blank=True, default="", db_column="Content")
    created_at = created_at_field()
    is_read = models.BooleanField(
        default=False,
        db_default=False,
        db_column="IsRead",
        help_text="Legacy 1:1 flag, superseded by read receipts (019).",
    )

    class Meta:
        db_table = "Messages"
        ordering = ["conversation_id", "-created_at"]
        indexes = [
            models.Index(fields=["conversation", "-created_at"], name="IX_Messages_Conv_Created"),
        ]

    def __str__(self) -> str:
        return f"Message {self.pk}"
