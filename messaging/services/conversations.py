"""Writes of conversations, messages, attachments, reactions, read state and blocks.

Every function takes the acting user as `actor`, needs `messaging.access`, runs in one
transaction and, where the change concerns other users, publishes a real-time event to
the conversation's active participants with `doggy.core.realtime.publish_to_users`
(sent after commit, never for a rolled-back change; payloads in docs/api/messaging.md).

Rules (SCHEMA.md I-10, I-11, I-23):
- only active participants read or write a conversation; others get 404;
- one direct conversation per pair of users (`DirectKey`), none across a block;
- a send is idempotent per (sender, client message id): a retry gets the first row;
- sends to one conversation are serialized by a lock on its row, which keeps
  `MessageCount`, `LastMessageId` and the read cursors exact.

Moderation: every send or edit with text queues the content check after commit
(`doggy.core.moderation.content_submitted`). The verdicts come back through the handler
this app registers (`message_flag_hide`, `message_flag_restore`, `message_flag_remove`):
a flagged message is hidden from all but its sender (`ModerationStatus` Flagged) and
participants hear `message.hidden`, never its text.

Audit rows: conversations, participants, blocks, deletions and moderation are audited;
sends, edits (kept in MessageEdits), reactions and read cursors are the records
themselves and are not copied into the audit log.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from accounts.services.analytics import analytics_event_record
from audit.choices import AuditAction
from audit.services import audit_log_record
from doggy.choices import FilePurpose, FileVisibility
from doggy.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from doggy.core.moderation import MESSAGE, content_submitted
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.realtime import publish_to_users
from doggy.core.tasks import run_after_commit
from doggy.services import THUMBNAIL_CONTENT_TYPES, stored_file_create, stored_file_thumbnail_create

from ..choices import (
    ConversationType,
    MessageType,
    ModerationStatus,
    NotificationLevel,
    ParticipantRole,
)
from ..errors import (
    ConversationAdminOnlyError,
    ConversationNotFoundError,
    MessageNotFoundError,
    MessagingConflictError,
    MessagingErrorCode,
    UserBlockedError,
    field_error,
)
from ..keys import direct_key
from ..models import (
    Conversation,
    ConversationParticipant,
    Message,
    MessageAttachment,
    MessageEdit,
    MessageReaction,
    MessageReadReceipt,
    UserBlock,
)
from ..selectors.conversations import (
    MAX_MESSAGE_ID,
    blocked_user_ids,
    is_blocked,
    messaging_access_check,
    participant_get,
    participant_user_ids,
)

GROUP_MAX_PARTICIPANTS = 100
MESSAGE_MAX_LENGTH = 10_000
MESSAGE_MAX_ATTACHMENTS = 10
# Read receipts are written for at most this many messages per cursor move.
RECEIPTS_PER_READ = 200
MANAGERS = (ParticipantRole.OWNER, ParticipantRole.ADMIN)

EVENT_MESSAGE_CREATED = "message.created"
EVENT_MESSAGE_EDITED = "message.edited"
EVENT_MESSAGE_DELETED = "message.deleted"
EVENT_MESSAGE_HIDDEN = "message.hidden"
EVENT_REACTION_ADDED = "reaction.added"
EVENT_REACTION_REMOVED = "reaction.removed"
EVENT_RECEIPT_READ = "receipt.read"
EVENT_CONVERSATION_UPDATED = "conversation.updated"


# --- Helpers ---------------------------------------------------------------------------------
def _iso(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _lock_conversation(conversation: Conversation) -> Conversation:
    locked = Conversation.objects.select_for_update().filter(pk=conversation.pk).first()
    if locked is None:
        raise ConversationNotFoundError()
    return locked


def _membership(actor, conversation: Conversation) -> ConversationParticipant:
    """The actor's active participation, or 404 as if the conversation did not exist."""
    messaging_access_check(actor)
    participant = participant_get(conversation_id=conversation.pk, user_id=actor.pk)
    if participant is None:
        raise ConversationNotFoundError()
    return participant


def _ensure_manager(participant: ConversationParticipant) -> None:
    if participant.role not in MANAGERS:
        raise ConversationAdminOnlyError()


def _messaging_user(user_id, field: str) -> User:
    """An active user who may use messaging, named by a request field."""
    user = User.objects.filter(pk=str(user_id), is_active=True).first() if user_id else None
    if user is None or not actor_may(user, PermissionName.MESSAGING_ACCESS):
        raise field_error(MessagingErrorCode.PARTICIPANT_INVALID, field, "No such user.")
    return user


def _conversation_payload(conversation: Conversation, **extra: Any) -> dict[str, Any]:
    return {"conversation_id": str(conversation.pk), **extra}


def _publish(conversation_id, event: str, payload: dict[str, Any], also: Iterable = ()) -> None:
    publish_to_users([*participant_user_ids(conversation_id), *also], event, payload)


def _message_payload(message: Message) -> dict[str, Any]:
    return {
        "id": message.pk,
        "conversation_id": str(message.conversation_id),
        "sender_id": message.sender_id,
        "message_type": message.message_type,
        "client_message_id": message.client_message_id,
        "reply_to_id": message.reply_to_id,
        "has_attachment": message.has_attachment,
        "created_at": _iso(message.created_at),
    }


# --- Conversations ---------------------------------------------------------------------------
@transaction.atomic
def conversation_get_or_create_direct(*, actor, other_user_id) -> tuple[Conversation, bool]:
    """The one direct conversation of the actor and another user; made on first use.

    Deduplicated by `DirectKey` (I-10): a concurrent first use loses the unique index and
    gets the winner's row. Refused across a block (403) and with oneself (400).
    """
    messaging_access_check(actor)
    if str(other_user_id) == str(actor.pk):
        raise field_error(
            MessagingErrorCode.PARTICIPANT_INVALID, "user_id", "You cannot message yourself."
        )
    other = _messaging_user(other_user_id, "user_id")
    if is_blocked(actor, other):
        raise UserBlockedError()
    key = direct_key([actor.pk, other.pk])
    existing = Conversation.objects.filter(direct_key=key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(
                type=ConversationType.DIRECT, direct_key=key, created_by=actor
            )
            ConversationParticipant.objects.bulk_create(
                [
                    ConversationParticipant(conversation=conversation, user=user)
                    for user in (actor, other)
                ]
            )
    except IntegrityError:
        existing = Conversation.objects.filter(direct_key=key).first()
        if existing is None:
            raise MessagingConflictError() from None
        return existing, False
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=conversation,
        new={"type": conversation.type, "participant_ids": sorted([actor.pk, other.pk])},
    )
    _publish(conversation.pk, EVENT_CONVERSATION_UPDATED, _conversation_payload(conversation))
    return conversation, True


@transaction.atomic
def conversation_create_group(*, actor, title: str, user_ids: Sequence[str]) -> Conversation:
    """A group conversation of the actor (its Owner) and the named users (Members)."""
    messaging_access_check(actor)
    title = (title or "").strip()
    if not title or len(title) > 200:
        raise field_error(
            MessagingErrorCode.CONVERSATION_INVALID, "title", "Give a title of 1 to 200 characters."
        )
    wanted = [str(u) for u in dict.fromkeys(user_ids) if str(u) != str(actor.pk)]
    if not wanted or len(wanted) + 1 > GROUP_MAX_PARTICIPANTS:
        raise field_error(
            MessagingErrorCode.PARTICIPANT_INVALID,
            "user_ids",
            f"Name 1 to {GROUP_MAX_PARTICIPANTS - 1} other users.",
        )
    users = [_messaging_user(user_id, "user_ids") for user_id in wanted]
    if blocked_user_ids(actor, users):
        raise UserBlockedError("You cannot add a user you have blocked or who blocked you.")
    conversation = Conversation.objects.create(
        type=ConversationType.GROUP, title=title, created_by=actor
    )
    ConversationParticipant.objects.bulk_create(
        [ConversationParticipant(conversation=conversation, user=actor, role=ParticipantRole.OWNER)]
        + [ConversationParticipant(conversation=conversation, user=user) for user in users]
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=conversation,
        new={"type": conversation.type, "title": title, "participant_ids": [actor.pk, *wanted]},
    )
    _publish(conversation.pk, EVENT_CONVERSATION_UPDATED, _conversation_payload(conversation))
    return conversation


# Columns of a participant row its user sets for themselves.
PARTICIPANT_SETTINGS = frozenset(
    {"is_muted", "muted_until", "notification_level", "is_archived", "is_pinned"}
)


@transaction.atomic
def conversation_settings_update(
    *, actor, conversation: Conversation, **changes: Any
) -> ConversationParticipant:
    """The actor's own mute, notify level, archive and pin of a conversation.

    Pinning stamps `PinnedAt`; unmuting clears `MutedUntil`. Only the actor's own
    devices hear of it (`conversation.updated`).
    """
    unknown = set(changes) - PARTICIPANT_SETTINGS
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}.")
    participant = _membership(actor, conversation)
    participant = ConversationParticipant.objects.select_for_update().get(pk=participant.pk)
    level = changes.get("notification_level")
    if level is not None and level not in NotificationLevel.values:
        raise field_error(
            MessagingErrorCode.CONVERSATION_INVALID,
            "notification_level",
            f"Use one of: {', '.join(NotificationLevel.values)}.",
        )
    if changes.get("is_muted") is False:
        changes["muted_until"] = None
    if "is_pinned" in changes and bool(changes["is_pinned"]) != participant.is_pinned:
        changes["pinned_at"] = timezone.now() if changes["is_pinned"] else None
    fields = []
    for name, value in changes.items():
        if getattr(participant, name) != value:
            setattr(participant, name, value)
            fields.append(name)
    if fields:
        participant.save(update_fields=fields)
        publish_to_users(
            [actor.pk],
            EVENT_CONVERSATION_UPDATED,
            _conversation_payload(conversation, fields=sorted(fields)),
        )
    return participant


@transaction.atomic
def participant_add(
    *, actor, conversation: Conversation, user_id, role: str = ParticipantRole.MEMBER
) -> ConversationParticipant:
    """Add a user to a group conversation (owners and admins; only owners add admins).

    A user who left comes back with the read cursor at the end (no old unread).
    """
    me = _membership(actor, conversation)
    _ensure_manager(me)
    if conversation.type == ConversationType.DIRECT:
        raise ApplicationError(
            MessagingErrorCode.CONVERSATION_INVALID,
            "A direct conversation has exactly its two users.",
        )
    if role not in (ParticipantRole.ADMIN, ParticipantRole.MEMBER):
        raise field_error(MessagingErrorCode.PARTICIPANT_INVALID, "role", "Use Admin or Member.")
    if role == ParticipantRole.ADMIN and me.role != ParticipantRole.OWNER:
        raise ConversationAdminOnlyError("Only the conversation's owners add admins.")
    user = _messaging_user(user_id, "user_id")
    if is_blocked(actor, user):
        raise UserBlockedError("You cannot add a user you have blocked or who blocked you.")
    locked = _lock_conversation(conversation)
    row = ConversationParticipant.objects.filter(conversation=locked, user=user).first()
    if row is not None and row.left_at is None:
        raise MessagingConflictError("The user is already a participant.")
    active = ConversationParticipant.objects.filter(conversation=locked, left_at__isnull=True)
    if active.count() >= GROUP_MAX_PARTICIPANTS:
        raise field_error(
            MessagingErrorCode.PARTICIPANT_INVALID,
            "user_id",
            f"A conversation has at most {GROUP_MAX_PARTICIPANTS} participants.",
        )
    cursor = {
        "last_read_message_id": locked.last_message_id,
        "read_message_count": locked.message_count,
        "role": role,
    }
    if row is None:
        row = ConversationParticipant.objects.create(conversation=locked, user=user, **cursor)
    else:
        for name, value in {**cursor, "left_at": None, "joined_at": timezone.now()}.items():
            setattr(row, name, value)
        row.save()
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=row,
        new={"conversation_id": str(locked.pk), "user_id": user.pk, "role": role},
    )
    _publish(
        locked.pk,
        EVENT_CONVERSATION_UPDATED,
        _conversation_payload(locked, participant_added=user.pk),
    )
    return row


@transaction.atomic
def participant_remove(*, actor, conversation: Conversation, user_id) -> ConversationParticipant:
    """Leave a group conversation, or remove someone from it (owners and admins).

    Admins remove members only; owners remove anyone. The row stays, stamped `LeftAt`.
    Direct conversations cannot be left (archive them instead).
    """
    me = _membership(actor, conversation)
    if conversation.type == ConversationType.DIRECT:
        raise ApplicationError(
            MessagingErrorCode.CONVERSATION_INVALID,
            "A direct conversation cannot be left; archive it instead.",
        )
    leaving = str(user_id) == str(actor.pk)
    target = me if leaving else participant_get(conversation_id=conversation.pk, user_id=user_id)
    if target is None:
        raise NotFoundError(MessagingErrorCode.PARTICIPANT_NOT_FOUND, "Participant not found.")
    if not leaving:
        _ensure_manager(me)
        if target.role != ParticipantRole.MEMBER and me.role != ParticipantRole.OWNER:
            raise ConversationAdminOnlyError("Only the conversation's owners remove admins.")
    locked = _lock_conversation(conversation)
    target = ConversationParticipant.objects.select_for_update().get(pk=target.pk)
    target.left_at = timezone.now()
    target.save(update_fields=["left_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=target,
        old={"conversation_id": str(locked.pk), "user_id": target.user_id, "role": target.role},
        new={"left_at": target.left_at},
    )
    _publish(
        locked.pk,
        EVENT_CONVERSATION_UPDATED,
        _conversation_payload(locked, participant_removed=target.user_id),
        also=[target.user_id],
    )
    return target


# --- Messages --------------------------------------------------------------------------------
def _existing_send(actor, conversation: Conversation, client_message_id: str) -> Message | None:
    message = Message.objects.filter(
        sender_id=actor.pk, client_message_id=client_message_id
    ).first()
    if message is not None and message.conversation_id != conversation.pk:
        raise field_error(
            MessagingErrorCode.CLIENT_MESSAGE_ID_REUSED,
            "client_message_id",
            "This client message id was used in another conversation.",
        )
    return message


def _check_may_post(actor, conversation: Conversation) -> None:
    if conversation.is_locked:
        raise PermissionDeniedError(
            MessagingErrorCode.CONVERSATION_LOCKED, "This conversation is locked."
        )
    if conversation.type == ConversationType.DIRECT:
        others = [u for u in participant_user_ids(conversation.pk) if u != actor.pk]
        if blocked_user_ids(actor, others):
            raise UserBlockedError()


def _store_attachments(actor, files: Sequence[Any]) -> list:
    if len(files) > MESSAGE_MAX_ATTACHMENTS:
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID,
            "files",
            f"Attach at most {MESSAGE_MAX_ATTACHMENTS} files.",
        )
    # Size (Messaging.MaxFileSize) and type (Files.AllowedContentTypes) are the file
    # service's defaults; a refused file is a 400 on `file` and nothing is stored.
    return [
        stored_file_create(
            actor=actor,
            uploaded_file=upload,
            purpose=FilePurpose.MESSAGE_ATTACHMENT,
            visibility=FileVisibility.PRIVATE,
        )
        for upload in files
    ]


@transaction.atomic
def message_send(
    *,
    actor,
    conversation: Conversation,
    content: str = "",
    client_message_id: str | None = None,
    reply_to_id: int | None = None,
    files: Sequence[Any] = (),
) -> tuple[Message, bool]:
    """Post a message; returns (message, created).

    With a `client_message_id`, a retry (same sender, same id) returns the first message
    and `created=False`, however many retries race: the conversation row is locked for
    the send, and the unique index `UX_Messages_Sender_ClientId` backs it. Each upload in
    `files` becomes a StoredFile (purpose MessageAttachment); image thumbnails are made
    after commit. The send un-archives the conversation for everyone and moves the
    sender's read cursor to the new message.
    """
    _membership(actor, conversation)
    content = content or ""
    if client_message_id is not None:
        client_message_id = client_message_id.strip()
        if not client_message_id or len(client_message_id) > 64:
            raise field_error(
                MessagingErrorCode.MESSAGE_INVALID,
                "client_message_id",
                "Use 1 to 64 characters.",
            )
        existing = _existing_send(actor, conversation, client_message_id)
        if existing is not None:
            return existing, False
    if not content.strip() and not files:
        raise field_error(MessagingErrorCode.MESSAGE_INVALID, "content", "Write something.")
    if len(content) > MESSAGE_MAX_LENGTH:
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID,
            "content",
            f"A message has at most {MESSAGE_MAX_LENGTH} characters.",
        )
    if (
        reply_to_id is not None
        and not Message.objects.filter(pk=reply_to_id, conversation_id=conversation.pk).exists()
    ):
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID, "reply_to_id", "No such message here."
        )
    _check_may_post(actor, conversation)
    stored = _store_attachments(actor, files)

    locked = _lock_conversation(conversation)
    if client_message_id is not None:
        # A retry that raced this one may have committed while we waited for the lock.
        existing = _existing_send(actor, locked, client_message_id)
        if existing is not None:
            return existing, False
    if stored:
        kind = (
            MessageType.IMAGE
            if all(f.content_type.startswith("image/") for f in stored)
            else MessageType.FILE
        )
    else:
        kind = MessageType.TEXT
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=locked,
                sender=actor,
                content=content,
                client_message_id=client_message_id,
                reply_to_id=reply_to_id,
                message_type=kind,
                has_attachment=bool(stored),
            )
    except IntegrityError:
        existing = client_message_id and _existing_send(actor, locked, client_message_id)
        if not existing:
            raise MessagingConflictError() from None
        return existing, False
    MessageAttachment.objects.bulk_create(
        [
            MessageAttachment(message=message, file=file, sort_order=index)
            for index, file in enumerate(stored)
        ]
    )
    count = locked.message_count + 1
    Conversation.objects.filter(pk=locked.pk).update(
        message_count=count,
        last_message_id=message.pk,
        last_message_at=message.created_at,
        updated_at=message.created_at,
    )
    ConversationParticipant.objects.filter(
        conversation_id=locked.pk, left_at__isnull=True, is_archived=True
    ).update(is_archived=False)
    ConversationParticipant.objects.filter(conversation_id=locked.pk, user_id=actor.pk).update(
        last_read_message_id=message.pk, last_read_at=message.created_at, read_message_count=count
    )
    for file in stored:
        if file.content_type in THUMBNAIL_CONTENT_TYPES:
            run_after_commit(stored_file_thumbnail_create, file.pk)
    _publish(locked.pk, EVENT_MESSAGE_CREATED, _message_payload(message))
    analytics_event_record(
        user=actor,
        name="message_sent",
        properties={
            "conversation_id": locked.pk,
            "message_type": kind.lower(),
            "has_attachment": bool(stored),
        },
    )
    if content.strip():
        content_submitted(MESSAGE, message.pk, actor.pk)
    message.attachment_list = list(message.attachments.select_related("file"))
    message.reaction_list = []
    message.viewer_id = actor.pk
    return message, True


def _writable_message(actor, conversation: Conversation, message: Message) -> None:
    if message.conversation_id != conversation.pk:
        raise MessageNotFoundError()
    if message.deleted_at is not None:
        raise ApplicationError(
            MessagingErrorCode.MESSAGE_DELETED, "The message was deleted.", status_code=409
        )


@transaction.atomic
def message_edit(*, actor, conversation: Conversation, message: Message, content: str) -> Message:
    """Change a message's text (its sender only); the old text goes to MessageEdits."""
    _membership(actor, conversation)
    locked = Message.objects.select_for_update().filter(pk=message.pk).first()
    if locked is None:
        raise MessageNotFoundError()
    _writable_message(actor, conversation, locked)
    if locked.sender_id != actor.pk:
        raise PermissionDeniedError(
            MessagingErrorCode.MESSAGE_AUTHOR_ONLY, "Only the sender edits a message."
        )
    content = content or ""
    if not content.strip() and not locked.has_attachment:
        raise field_error(MessagingErrorCode.MESSAGE_INVALID, "content", "Write something.")
    if len(content) > MESSAGE_MAX_LENGTH:
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID,
            "content",
            f"A message has at most {MESSAGE_MAX_LENGTH} characters.",
        )
    if content != locked.content:
        MessageEdit.objects.create(message=locked, previous_content=locked.content, edited_by=actor)
        locked.content = content
        locked.edited_at = timezone.now()
        locked.save(update_fields=["content", "edited_at"])
        if content.strip():
            content_submitted(MESSAGE, locked.pk, actor.pk)
        _publish(
            conversation.pk,
            EVENT_MESSAGE_EDITED,
            {
                "id": locked.pk,
                "conversation_id": str(conversation.pk),
                "edited_at": _iso(locked.edited_at),
            },
        )
    message.content, message.edited_at = locked.content, locked.edited_at
    return message


@transaction.atomic
def message_delete(*, actor, conversation: Conversation, message: Message) -> Message:
    """Soft-delete a message: its sender, or the conversation's owners and admins.

    `DeletedAt` and `DeletedById` are stamped and the text is blanked; the row stays as a
    tombstone so cursors and replies keep their place. Deleting twice changes nothing.
    """
    me = _membership(actor, conversation)
    locked = Message.objects.select_for_update().filter(pk=message.pk).first()
    if locked is None or locked.conversation_id != conversation.pk:
        raise MessageNotFoundError()
    if locked.deleted_at is not None:
        return locked
    if locked.sender_id != actor.pk:
        _ensure_manager(me)
    locked.deleted_at = timezone.now()
    locked.deleted_by = actor
    locked.content = ""
    locked.save(update_fields=["deleted_at", "deleted_by", "content"])
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        old={"deleted_at": None},
        new={"deleted_at": locked.deleted_at, "conversation_id": str(conversation.pk)},
    )
    _publish(
        conversation.pk,
        EVENT_MESSAGE_DELETED,
        {"id": locked.pk, "conversation_id": str(conversation.pk)},
    )
    return locked


# --- Reactions -------------------------------------------------------------------------------
@transaction.atomic
def reaction_add(
    *, actor, conversation: Conversation, message: Message, emoji_code: str, emoji_name: str
) -> tuple[MessageReaction, bool]:
    """React to a message; reacting again with the same emoji returns the first row (I-11)."""
    _membership(actor, conversation)
    _writable_message(actor, conversation, message)
    emoji_code, emoji_name = (emoji_code or "").strip().lower(), (emoji_name or "").strip()
    if (
        not emoji_code
        or len(emoji_code) > 64
        or not all(c in "0123456789abcdef-" for c in emoji_code)
    ):
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID,
            "emoji_code",
            "Use the emoji's code points in hex, e.g. 1f436.",
        )
    if not emoji_name or len(emoji_name) > 64:
        raise field_error(MessagingErrorCode.MESSAGE_INVALID, "emoji_name", "Name the emoji.")
    existing = MessageReaction.objects.filter(
        message_id=message.pk, user_id=actor.pk, emoji_code=emoji_code
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            reaction = MessageReaction.objects.create(
                message=message, user=actor, emoji_code=emoji_code, emoji_name=emoji_name
            )
    except IntegrityError:
        return (
            MessageReaction.objects.get(
                message_id=message.pk, user_id=actor.pk, emoji_code=emoji_code
            ),
            False,
        )
    _publish(
        conversation.pk,
        EVENT_REACTION_ADDED,
        {
            "message_id": message.pk,
            "conversation_id": str(conversation.pk),
            "user_id": actor.pk,
            "emoji_code": emoji_code,
            "emoji_name": emoji_name,
        },
    )
    return reaction, True


@transaction.atomic
def reaction_remove(
    *, actor, conversation: Conversation, message: Message, emoji_code: str
) -> None:
    """Take back one's own reaction; 404 when there is none."""
    _membership(actor, conversation)
    if message.conversation_id != conversation.pk:
        raise MessageNotFoundError()
    deleted, _ = MessageReaction.objects.filter(
        message_id=message.pk, user_id=actor.pk, emoji_code=(emoji_code or "").strip().lower()
    ).delete()
    if not deleted:
        raise NotFoundError(MessagingErrorCode.REACTION_NOT_FOUND, "Reaction not found.")
    _publish(
        conversation.pk,
        EVENT_REACTION_REMOVED,
        {
            "message_id": message.pk,
            "conversation_id": str(conversation.pk),
            "user_id": actor.pk,
            "emoji_code": emoji_code,
        },
    )


# --- Read state ------------------------------------------------------------------------------
@transaction.atomic
def conversation_mark_read(
    *, actor, conversation: Conversation, message_id: int | None = None
) -> ConversationParticipant:
    """Move the actor's read cursor forward to `message_id` (default: the newest message).

    `ReadMessageCount` follows the cursor (Mattermost's channel member): at the newest
    message it is `MessageCount`; before it, the messages up to the cursor are counted
    once, on the (ConversationId, Id) index. The cursor never moves back. Read receipts
    are recorded for the newly read messages of others (the latest RECEIPTS_PER_READ),
    and participants hear `receipt.read`.
    """
    participant = _membership(actor, conversation)
    locked = Conversation.objects.filter(pk=conversation.pk).first()
    participant = ConversationParticipant.objects.select_for_update().get(pk=participant.pk)
    target = locked.last_message_id if message_id is None else int(message_id)
    if target is None:
        return participant
    if (
        message_id is not None
        and not Message.objects.filter(pk=target, conversation_id=locked.pk).exists()
    ):
        raise field_error(MessagingErrorCode.MESSAGE_INVALID, "message_id", "No such message here.")
    previous = participant.last_read_message_id or 0
    if target <= previous:
        return participant
    if target == locked.last_message_id:
        read_count = locked.message_count
    else:
        read_count = Message.objects.filter(conversation_id=locked.pk, id__lte=target).count()
    now = timezone.now()
    participant.last_read_message_id = target
    participant.last_read_at = now
    participant.read_message_count = max(read_count, participant.read_message_count)
    participant.save(update_fields=["last_read_message_id", "last_read_at", "read_message_count"])
    newly_read = list(
        Message.objects.filter(conversation_id=locked.pk, id__gt=previous, id__lte=target)
        .exclude(sender_id=actor.pk)
        .order_by("-id")
        .values_list("id", flat=True)[:RECEIPTS_PER_READ]
    )
    MessageReadReceipt.objects.bulk_create(
        [
            MessageReadReceipt(message_id=pk, user_id=actor.pk, delivered_at=now, read_at=now)
            for pk in newly_read
        ],
        ignore_conflicts=True,
    )
    _publish(
        locked.pk,
        EVENT_RECEIPT_READ,
        {
            "conversation_id": str(locked.pk),
            "user_id": actor.pk,
            "last_read_message_id": target,
            "read_at": _iso(now),
        },
    )
    return participant


# --- Blocks ----------------------------------------------------------------------------------
@transaction.atomic
def user_block(*, actor, user_id, reason: str = "") -> tuple[UserBlock, bool]:
    """Block a user: no messages either way, and no presence (I-10). Idempotent."""
    messaging_access_check(actor)
    if str(user_id) == str(actor.pk):
        raise field_error(MessagingErrorCode.BLOCK_INVALID, "user_id", "You cannot block yourself.")
    user = User.objects.filter(pk=str(user_id)).first() if user_id else None
    if user is None:
        raise field_error(MessagingErrorCode.BLOCK_INVALID, "user_id", "No such user.")
    if len(reason or "") > 200:
        raise field_error(MessagingErrorCode.BLOCK_INVALID, "reason", "At most 200 characters.")
    existing = UserBlock.objects.filter(blocker_id=actor.pk, blocked_id=user.pk).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            block = UserBlock.objects.create(blocker=actor, blocked=user, reason=reason or "")
    except IntegrityError:
        return UserBlock.objects.get(blocker_id=actor.pk, blocked_id=user.pk), False
    audit_log_record(
        actor=actor, action=AuditAction.CREATE, target=block, new={"blocked_id": user.pk}
    )
    return block, True


@transaction.atomic
def user_unblock(*, actor, user_id) -> None:
    messaging_access_check(actor)
    block = UserBlock.objects.filter(blocker_id=actor.pk, blocked_id=str(user_id)).first()
    if block is None:
        raise NotFoundError(MessagingErrorCode.BLOCK_NOT_FOUND, "Block not found.")
    audit_log_record(
        actor=actor, action=AuditAction.DELETE, target=block, old={"blocked_id": block.blocked_id}
    )
    block.delete()


# --- Moderation (staff) ----------------------------------------------------------------------
def _moderate(*, actor, message: Message, status: str, reason: str, action: str) -> Message:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            MessagingErrorCode.ACCESS_REQUIRED, "Only platform staff moderate messages."
        )
    reason = (reason or "").strip()
    if not reason or len(reason) > 500:
        raise field_error(MessagingErrorCode.MESSAGE_INVALID, "reason", "Give a reason.")
    locked = Message.objects.select_for_update().get(pk=message.pk)
    old = locked.moderation_status
    if old == status:
        return locked
    locked.moderation_status = status
    locked.save(update_fields=["moderation_status"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={"moderation_status": old},
        new={"moderation_status": status, "moderation": action, "reason": reason},
    )
    _publish(
        locked.conversation_id,
        EVENT_MESSAGE_EDITED,
        {
            "id": locked.pk,
            "conversation_id": str(locked.conversation_id),
            "hidden": status == ModerationStatus.BLOCKED,
        },
    )
    message.moderation_status = status
    return locked


@transaction.atomic
def message_hide(*, actor, message: Message, reason: str) -> Message:
    """Hide a message from its conversation (ModerationStatus Blocked); staff, audited."""
    return _moderate(
        actor=actor, message=message, status=ModerationStatus.BLOCKED, reason=reason, action="hide"
    )


@transaction.atomic
def message_unhide(*, actor, message: Message, reason: str) -> Message:
    """Show a hidden message again (ModerationStatus Clean); staff, audited."""
    return _moderate(
        actor=actor, message=message, status=ModerationStatus.CLEAN, reason=reason, action="unhide"
    )


# --- Moderation verdicts (the handler registered in messaging.apps) --------------------------
def _message_for_verdict(message_id) -> Message | None:
    try:
        pk = int(message_id)
    except (TypeError, ValueError):
        return None
    if not 1 <= pk <= MAX_MESSAGE_ID:
        return None
    return Message.objects.select_for_update().filter(pk=pk).first()


def _verdict(*, actor, locked: Message, status: str, action: str, hidden: bool) -> None:
    old = locked.moderation_status
    locked.moderation_status = status
    locked.save(update_fields=["moderation_status"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={"moderation_status": old},
        new={"moderation_status": status, "moderation": action},
    )
    payload = {"id": locked.pk, "conversation_id": str(locked.conversation_id)}
    if hidden:
        _publish(locked.conversation_id, EVENT_MESSAGE_HIDDEN, payload)
    else:
        _publish(locked.conversation_id, EVENT_MESSAGE_EDITED, {**payload, "hidden": False})


def _require_staff(actor) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            MessagingErrorCode.ACCESS_REQUIRED, "Only platform staff moderate messages."
        )


@transaction.atomic
def message_flag_hide(message_id: str) -> None:
    """The content check flagged the message: Flagged (hidden from all but its sender).

    Only a Clean, undeleted message changes; the audit row has no actor (the check).
    Participants hear `message.hidden` with the ids only.
    """
    locked = _message_for_verdict(message_id)
    if locked is None or locked.deleted_at is not None:
        return
    if locked.moderation_status != ModerationStatus.CLEAN:
        return
    _verdict(actor=None, locked=locked, status=ModerationStatus.FLAGGED, action="flag", hidden=True)


@transaction.atomic
def message_flag_restore(actor, message_id: str) -> None:
    """Staff approved a flagged message (a false positive): Clean again; audited."""
    _require_staff(actor)
    locked = _message_for_verdict(message_id)
    if locked is None or locked.moderation_status != ModerationStatus.FLAGGED:
        return
    _verdict(
        actor=actor, locked=locked, status=ModerationStatus.CLEAN, action="approve", hidden=False
    )


@transaction.atomic
def message_flag_remove(actor, message_id: str) -> None:
    """Staff removed the message: Blocked (hidden from everyone, sender included); audited."""
    _require_staff(actor)
    locked = _message_for_verdict(message_id)
    if locked is None or locked.moderation_status == ModerationStatus.BLOCKED:
        return
    _verdict(
        actor=actor, locked=locked, status=ModerationStatus.BLOCKED, action="remove", hidden=True
    )
