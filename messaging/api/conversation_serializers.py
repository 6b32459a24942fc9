"""Serializers of the conversations API: plain `Serializer`s for input, fast ones for output.

Output serializers take `FastOutputMixin` (doggy.api.output), nested ones included.
Rules that need the database (participation, blocks, reply targets) are the services'.
"""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from doggy.api.output import FastOutputMixin
from doggy.choices import SERVABLE_SCAN_STATUSES, UploadStatus

from ..choices import ConversationType, ModerationStatus, NotificationLevel, ParticipantRole
from ..selectors.conversations import MAX_MESSAGE_ID, message_shown_to
from ..services.conversations import (
    MESSAGE_MAX_ATTACHMENTS,
    MESSAGE_MAX_LENGTH,
)


# --- Output ----------------------------------------------------------------------------------
class ParticipantSerializer(FastOutputMixin, serializers.Serializer):
    user_id = serializers.CharField(read_only=True)
    name = serializers.SerializerMethodField()
    role = serializers.CharField(read_only=True)
    joined_at = serializers.DateTimeField(read_only=True)

    def get_name(self, participant) -> str:
        user = participant.user
        return f"{user.first_name} {user.last_name}".strip() or user.email.split("@")[0]


class ConversationSerializer(FastOutputMixin, serializers.Serializer):
    """A conversation as its viewer sees it: unread count and own settings included."""

    id = serializers.UUIDField(read_only=True)
    type = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    is_locked = serializers.BooleanField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    last_message_id = serializers.IntegerField(read_only=True, allow_null=True)
    last_message_at = serializers.DateTimeField(read_only=True, allow_null=True)
    message_count = serializers.IntegerField(read_only=True)
    unread_count = serializers.IntegerField(read_only=True)
    role = serializers.CharField(source="my_role", read_only=True)
    is_muted = serializers.BooleanField(source="my_is_muted", read_only=True)
    muted_until = serializers.DateTimeField(
        source="my_muted_until", read_only=True, allow_null=True
    )
    notification_level = serializers.CharField(source="my_notification_level", read_only=True)
    is_archived = serializers.BooleanField(source="my_is_archived", read_only=True)
    is_pinned = serializers.BooleanField(source="my_is_pinned", read_only=True)
    last_read_message_id = serializers.IntegerField(
        source="my_last_read_message_id", read_only=True, allow_null=True
    )
    participants = ParticipantSerializer(source="active_participants", many=True, read_only=True)


class AttachmentSerializer(FastOutputMixin, serializers.Serializer):
    file_id = serializers.UUIDField(read_only=True)
    file_name = serializers.CharField(source="file.original_file_name", read_only=True)
    content_type = serializers.CharField(source="file.content_type", read_only=True)
    size_bytes = serializers.IntegerField(source="file.size_bytes", read_only=True)
    width = serializers.IntegerField(source="file.width", read_only=True, allow_null=True)
    height = serializers.IntegerField(source="file.height", read_only=True, allow_null=True)
    caption = serializers.CharField(read_only=True)
    is_ready = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    def _path(self, attachment, name: str) -> str:
        message = attachment.message
        return reverse(
            f"messaging:{name}",
            kwargs={
                "conversation_id": str(message.conversation_id),
                "message_id": str(message.pk),
                "file_id": str(attachment.file_id),
            },
        )

    def get_is_ready(self, attachment) -> bool:
        """Served once uploaded, scanned Clean (or Skipped), and not deleted (I-12)."""
        file = attachment.file
        return (
            file.deleted_at is None
            and file.upload_status == UploadStatus.UPLOADED
            and file.scan_status in SERVABLE_SCAN_STATUSES
        )

    def get_url(self, attachment) -> str | None:
        if not self.get_is_ready(attachment):
            return None
        return self._path(attachment, "message-attachment-detail")

    def get_thumbnail_url(self, attachment) -> str | None:
        if not attachment.file.thumbnail_key or not self.get_is_ready(attachment):
            return None
        return self._path(attachment, "message-attachment-thumbnail")


class MessageSerializer(FastOutputMixin, serializers.Serializer):
    """A message; deleted and hidden ones keep their place with no content.

    `is_hidden`: hidden from the conversation, by staff (Blocked) or because the content
    check flagged it and staff have not decided yet (Flagged). The sender of a flagged
    message still gets its content; everyone else gets none. The viewer is the row's
    `viewer_id`, set by the selectors and services that return messages.
    """

    id = serializers.IntegerField(read_only=True)
    conversation_id = serializers.UUIDField(read_only=True)
    sender_id = serializers.CharField(read_only=True, allow_null=True)
    message_type = serializers.CharField(read_only=True)
    content = serializers.SerializerMethodField()
    client_message_id = serializers.CharField(read_only=True, allow_null=True)
    reply_to_id = serializers.IntegerField(read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)
    edited_at = serializers.DateTimeField(read_only=True, allow_null=True)
    is_deleted = serializers.SerializerMethodField()
    is_hidden = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    reactions = serializers.SerializerMethodField()

    def _shown(self, message) -> bool:
        return message_shown_to(message, getattr(message, "viewer_id", None))

    def get_content(self, message) -> str:
        return message.content if self._shown(message) else ""

    def get_is_deleted(self, message) -> bool:
        return message.deleted_at is not None

    def get_is_hidden(self, message) -> bool:
        return message.moderation_status in (ModerationStatus.BLOCKED, ModerationStatus.FLAGGED)

    def get_attachments(self, message) -> list[dict]:
        if not self._shown(message):
            return []
        attachments = getattr(message, "attachment_list", [])
        if not attachments:
            return []  # most messages: no nested serializer to build
        for attachment in attachments:
            attachment.message = message
        return AttachmentSerializer(attachments, many=True).data

    def get_reactions(self, message) -> list[dict]:
        """One entry per emoji: its code, name, count and the users, in first-use order."""
        grouped: dict[str, dict] = {}
        for reaction in getattr(message, "reaction_list", []):
            entry = grouped.setdefault(
                reaction.emoji_code,
                {
                    "emoji_code": reaction.emoji_code,
                    "emoji_name": reaction.emoji_name,
                    "count": 0,
                    "user_ids": [],
                },
            )
            entry["count"] += 1
            entry["user_ids"].append(reaction.user_id)
        return list(grouped.values())


class MessagePageSerializer(serializers.Serializer):
    """A page of messages by id cursor (schema only; the view builds the dict)."""

    results = MessageSerializer(many=True, read_only=True)
    has_more = serializers.BooleanField(read_only=True)
    direction = serializers.ChoiceField(choices=["before", "after"], read_only=True)
    next = serializers.CharField(read_only=True, allow_null=True)


class MessageEditSerializer(FastOutputMixin, serializers.Serializer):
    previous_content = serializers.CharField(read_only=True)
    edited_by_id = serializers.CharField(read_only=True, allow_null=True)
    edited_at = serializers.DateTimeField(read_only=True)


class ReceiptSerializer(FastOutputMixin, serializers.Serializer):
    user_id = serializers.CharField(read_only=True)
    read_at = serializers.DateTimeField(read_only=True)


class ReactionSerializer(FastOutputMixin, serializers.Serializer):
    message_id = serializers.IntegerField(read_only=True)
    user_id = serializers.CharField(read_only=True)
    emoji_code = serializers.CharField(read_only=True)
    emoji_name = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class ReadStateSerializer(FastOutputMixin, serializers.Serializer):
    conversation_id = serializers.UUIDField(read_only=True)
    last_read_message_id = serializers.IntegerField(read_only=True, allow_null=True)
    last_read_at = serializers.DateTimeField(read_only=True, allow_null=True)
    read_message_count = serializers.IntegerField(read_only=True)


class BlockSerializer(FastOutputMixin, serializers.Serializer):
    user_id = serializers.CharField(source="blocked_id", read_only=True)
    reason = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


# --- Input -----------------------------------------------------------------------------------
class ConversationCreateInputSerializer(serializers.Serializer):
    """`Direct` names `user_id`; `Group` names `title` and `user_ids`."""

    type = serializers.ChoiceField(
        choices=[ConversationType.DIRECT, ConversationType.GROUP],
        default=ConversationType.DIRECT,
    )
    user_id = serializers.CharField(required=False, max_length=450)
    title = serializers.CharField(required=False, max_length=200)
    user_ids = serializers.ListField(
        child=serializers.CharField(max_length=450), required=False, max_length=99
    )

    def validate(self, attrs):
        if attrs["type"] == ConversationType.DIRECT and not attrs.get("user_id"):
            raise serializers.ValidationError({"user_id": ["Name the other user."]})
        if attrs["type"] == ConversationType.GROUP:
            if not attrs.get("title"):
                raise serializers.ValidationError({"title": ["Give the group a title."]})
            if not attrs.get("user_ids"):
                raise serializers.ValidationError({"user_ids": ["Name the other users."]})
        return attrs


class ConversationSettingsInputSerializer(serializers.Serializer):
    is_muted = serializers.BooleanField(required=False)
    muted_until = serializers.DateTimeField(required=False, allow_null=True)
    notification_level = serializers.ChoiceField(choices=NotificationLevel.choices, required=False)
    is_archived = serializers.BooleanField(required=False)
    is_pinned = serializers.BooleanField(required=False)


class ParticipantAddInputSerializer(serializers.Serializer):
    user_id = serializers.CharField(max_length=450)
    role = serializers.ChoiceField(
        choices=[ParticipantRole.MEMBER, ParticipantRole.ADMIN], default=ParticipantRole.MEMBER
    )


class MessageSendInputSerializer(serializers.Serializer):
    """JSON, or multipart with `files` (one part per file)."""

    content = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=MESSAGE_MAX_LENGTH,
        trim_whitespace=False,
    )
    client_message_id = serializers.CharField(required=False, max_length=64)
    reply_to_id = serializers.IntegerField(required=False, min_value=1, max_value=MAX_MESSAGE_ID)
    files = serializers.ListField(
        child=serializers.FileField(), required=False, max_length=MESSAGE_MAX_ATTACHMENTS
    )


class MessageEditInputSerializer(serializers.Serializer):
    content = serializers.CharField(max_length=MESSAGE_MAX_LENGTH, trim_whitespace=False)


class ReactionInputSerializer(serializers.Serializer):
    emoji_code = serializers.CharField(max_length=64)
    emoji_name = serializers.CharField(max_length=64)


class MarkReadInputSerializer(serializers.Serializer):
    message_id = serializers.IntegerField(required=False, min_value=1, max_value=MAX_MESSAGE_ID)


class BlockInputSerializer(serializers.Serializer):
    user_id = serializers.CharField(max_length=450)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
