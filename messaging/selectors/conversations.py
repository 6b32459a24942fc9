"""Reads of conversations, messages, reactions, receipts and blocks, scoped to the caller.

Every read needs `messaging.access` and, inside a conversation, an active participation
(`LeftAt` empty). A conversation the caller is not in answers 404, exactly like one that
does not exist, so nothing leaks across conversations. Lists are single querysets whose
per-row values are annotated or prefetched (constant queries in the page size).

`is_blocked(a, b)` is the one block predicate other areas (presence, calls) use.

Moderation (docs/development/architecture.md, "Moderation"): a message flagged by the
content check (`ModerationStatus` Flagged) is shown only to its sender; a message staff
removed or hid (Blocked) to nobody. Rows read here carry `viewer_id`, which the
serializer compares with the sender (`message_shown_to`). Staff read messages in the
admin, never as a participant.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from doggy.core.errors import NotFoundError
from doggy.core.moderation import ModeratedContent
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.prepared import Param, PreparedList, Related
from doggy.models import StoredFile
from doggy.selectors import stored_file_servable_q

from ..choices import ModerationStatus
from ..errors import (
    ConversationNotFoundError,
    MessageNotFoundError,
    MessagingAccessRequiredError,
    MessagingErrorCode,
    field_error,
)
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

# Message ids are bigints: a larger number names no message (and must not reach the database).
MAX_MESSAGE_ID = 2**63 - 1
MESSAGE_PAGE_DEFAULT = 50
MESSAGE_PAGE_MAX = 100
# The membership columns a conversation row carries for its viewer.
_MEMBERSHIP = {
    "my_role": "role",
    "my_is_muted": "is_muted",
    "my_muted_until": "muted_until",
    "my_notification_level": "notification_level",
    "my_is_archived": "is_archived",
    "my_is_pinned": "is_pinned",
    "my_pinned_at": "pinned_at",
    "my_last_read_message_id": "last_read_message_id",
    "my_last_read_at": "last_read_at",
}


def messaging_access_check(actor) -> None:
    """Raise unless `actor` is an active, signed-in user holding `messaging.access`."""
    if not actor_may(actor, PermissionName.MESSAGING_ACCESS):
        raise MessagingAccessRequiredError()


# --- Blocks ------------------------------------------------------------------------------------
def is_blocked(a, b) -> bool:
    """True when either user has blocked the other (users or their ids).

    A block works both ways for messaging and presence: neither can message the other,
    and neither sees the other's presence (I-10).
    """
    a_id, b_id = getattr(a, "pk", a), getattr(b, "pk", b)
    if a_id is None or b_id is None or a_id == b_id:
        return False
    return UserBlock.objects.filter(
        Q(blocker_id=a_id, blocked_id=b_id) | Q(blocker_id=b_id, blocked_id=a_id)
    ).exists()


def blocked_user_ids(user, among) -> set[str]:
    """The ids in `among` that `user` has blocked or is blocked by (one query)."""
    ids = {str(getattr(u, "pk", u)) for u in among}
    user_id = str(getattr(user, "pk", user))
    ids.discard(user_id)
    if not ids:
        return set()
    rows = UserBlock.objects.filter(
        Q(blocker_id=user_id, blocked_id__in=ids) | Q(blocked_id=user_id, blocker_id__in=ids)
    ).values_list("blocker_id", "blocked_id")
    return {blocked if blocker == user_id else blocker for blocker, blocked in rows}


def user_block_list(*, actor) -> QuerySet[UserBlock]:
    """The users `actor` has blocked, newest first."""
    messaging_access_check(actor)
    return (
        UserBlock.objects.filter(blocker_id=actor.pk)
        .select_related("blocked")
        .order_by("-created_at", "-id")
    )


# --- Conversations -----------------------------------------------------------------------------
def _active_participant_rows() -> QuerySet[ConversationParticipant]:
    return (
        ConversationParticipant.objects.filter(left_at__isnull=True)
        .select_related("user")
        .order_by("joined_at", "id")
    )


def _active_participants() -> Prefetch:
    return Prefetch(
        "participants", queryset=_active_participant_rows(), to_attr="active_participants"
    )


def _for_viewer(actor, *, with_participants: bool = True) -> QuerySet[Conversation]:
    """Conversations `actor` is an active participant of, with their membership columns.

    The filter and the annotations share one join of ConversationParticipants (one
    `filter()` call, then `annotate()` on the same relation), and `unread_count` is the
    Mattermost difference `MessageCount − ReadMessageCount`: no per-message count.
    """
    mine = {"participants__user_id": actor.pk, "participants__left_at__isnull": True}
    queryset = Conversation.objects.filter(**mine).annotate(
        unread_count=F("message_count") - F("participants__read_message_count"),
        **{alias: F(f"participants__{column}") for alias, column in _MEMBERSHIP.items()},
    )
    return queryset.prefetch_related(_active_participants()) if with_participants else queryset


class _Viewer:
    """The caller of a prepared list, known by id."""

    def __init__(self, pk: Any) -> None:
        self.pk = pk


_ORDER = (
    F("my_is_pinned").desc(),
    F("last_message_at").desc(nulls_last=True),
    "-created_at",
    "id",
)
# The caller's conversations without the archived ones (the plain list), compiled once
# per process (docs/development/performance.md).
_PLAIN_CONVERSATION_LIST = PreparedList(
    lambda actor_id: (
        _for_viewer(_Viewer(actor_id), with_participants=False)
        .filter(my_is_archived=False)
        .order_by(*_ORDER)
    ),
    related=[
        Related(
            lambda actor_id: _active_participant_rows(),
            fk="conversation",
            to_attr="active_participants",
        )
    ],
    actor_id=Param(
        "prepared-list-actor",
        field=ConversationParticipant._meta.get_field("user").target_field,
    ),
)


def _parse_bool(filters, name: str) -> bool | None:
    raw = (filters or {}).get(name)
    if raw in (None, ""):
        return None
    if str(raw).lower() in ("true", "1"):
        return True
    if str(raw).lower() in ("false", "0"):
        return False
    raise field_error(MessagingErrorCode.CONVERSATION_INVALID, name, "Use true or false.")


def conversation_list(*, actor, filters: Any = None) -> QuerySet[Conversation]:
    """The caller's conversations: pinned first, then by `LastMessageAt`, newest first.

    Archived conversations are left out unless `archived=true` (then only they are
    listed); `archived=all` lists both. Each row carries `unread_count` and the caller's
    own settings (mute, archive, pin) and its active participants, prefetched.
    """
    messaging_access_check(actor)
    archived = (filters or {}).get("archived")
    if archived != "all" and not _parse_bool(filters, "archived"):
        return _PLAIN_CONVERSATION_LIST.bind(actor_id=actor.pk)
    queryset = _for_viewer(actor)
    if archived != "all":
        wanted = _parse_bool(filters, "archived") or False
        queryset = queryset.filter(my_is_archived=wanted)
    return queryset.order_by(*_ORDER)


def _uuid_or_none(value) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def conversation_get(*, actor, conversation_id, with_participants: bool = True) -> Conversation:
    """The conversation if `actor` is an active participant, else ConversationNotFoundError.

    `with_participants=False` skips prefetching `active_participants` (the message routes
    do not show them).
    """
    messaging_access_check(actor)
    pk = _uuid_or_none(conversation_id)
    viewer = _for_viewer(actor, with_participants=with_participants)
    conversation = viewer.filter(pk=pk).first() if pk else None
    if conversation is None:
        raise ConversationNotFoundError()
    return conversation


def participant_get(*, conversation_id, user_id) -> ConversationParticipant | None:
    """The active participation of `user_id` in the conversation (services use it)."""
    return ConversationParticipant.objects.filter(
        conversation_id=conversation_id, user_id=user_id, left_at__isnull=True
    ).first()


def participant_user_ids(conversation_id) -> list[str]:
    """Ids of the conversation's active participants (the receivers of its events)."""
    return list(
        ConversationParticipant.objects.filter(
            conversation_id=conversation_id, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )


# --- Messages ----------------------------------------------------------------------------------
def message_shown_to(message: Message, user_id) -> bool:
    """Whether `user_id` may read the message's text and attachments.

    Deleted and Blocked messages show to nobody; a Flagged one (waiting for staff) only
    to its sender. Rows without a viewer show only what everyone may see.
    """
    if message.deleted_at is not None:
        return False
    status = message.moderation_status
    if status == ModerationStatus.CLEAN:
        return True
    if status == ModerationStatus.FLAGGED:
        return user_id is not None and str(user_id) == str(message.sender_id)
    return False


def _with_viewer(rows, actor):
    for row in rows:
        row.viewer_id = actor.pk
    return rows


def _attachment_rows() -> QuerySet[MessageAttachment]:
    return MessageAttachment.objects.select_related("file").order_by("sort_order", "id")


def _reaction_rows() -> QuerySet[MessageReaction]:
    return MessageReaction.objects.order_by("created_at", "id")


def _message_prefetches() -> list[Prefetch]:
    return [
        Prefetch("attachments", queryset=_attachment_rows(), to_attr="attachment_list"),
        Prefetch("reactions", queryset=_reaction_rows(), to_attr="reaction_list"),
    ]


def _message_queryset() -> QuerySet[Message]:
    return Message.objects.prefetch_related(*_message_prefetches())


# The newest page (no cursor), compiled once per process (docs/development/performance.md).
_NEWEST_MESSAGES = PreparedList(
    lambda conversation_id: Message.objects.filter(conversation_id=conversation_id).order_by("-id"),
    related=[
        Related(
            lambda conversation_id: _attachment_rows(), fk="message", to_attr="attachment_list"
        ),
        Related(lambda conversation_id: _reaction_rows(), fk="message", to_attr="reaction_list"),
    ],
    conversation_id=Param(
        uuid.UUID("00000000-0000-4000-8000-0000000000aa"),
        field=Message._meta.get_field("conversation").target_field,
    ),
)


def _cursor(filters, name: str) -> int | None:
    raw = (filters or {}).get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = -1
    if not 0 <= value <= MAX_MESSAGE_ID:
        raise field_error(MessagingErrorCode.MESSAGE_INVALID, name, "Use a message id.")
    return value


def message_page_limit(filters) -> int:
    raw = (filters or {}).get("limit")
    if raw in (None, ""):
        return MESSAGE_PAGE_DEFAULT
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= MESSAGE_PAGE_MAX:
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID, "limit", f"Use 1 to {MESSAGE_PAGE_MAX}."
        )
    return value


def message_list(*, actor, conversation: Conversation, filters: Any = None) -> dict[str, Any]:
    """One page of the conversation's messages by id (a cursor, never an offset).

    `before=<id>` (or nothing: the newest) gives up to `limit` messages with smaller ids,
    newest first; `after=<id>` gives those with larger ids, oldest first. The answer is
    `{"results": [...], "has_more": bool, "direction": "before" | "after"}`; the next
    cursor is the last result's id. `conversation` comes from `conversation_get` (the
    caller's participation is already checked). Deleted messages stay as tombstones.
    """
    before, after = _cursor(filters, "before"), _cursor(filters, "after")
    if before is not None and after is not None:
        raise field_error(
            MessagingErrorCode.MESSAGE_INVALID, "after", "Use either before or after."
        )
    limit = message_page_limit(filters)
    if before is None and after is None:
        rows = _with_viewer(
            _NEWEST_MESSAGES.bind(conversation_id=conversation.pk)[: limit + 1], actor
        )
        return {"results": rows[:limit], "has_more": len(rows) > limit, "direction": "before"}
    queryset = _message_queryset().filter(conversation_id=conversation.pk)
    if after is not None:
        queryset, direction = queryset.filter(id__gt=after).order_by("id"), "after"
    else:
        if before is not None:
            queryset = queryset.filter(id__lt=before)
        queryset, direction = queryset.order_by("-id"), "before"
    rows = _with_viewer(list(queryset[: limit + 1]), actor)
    return {"results": rows[:limit], "has_more": len(rows) > limit, "direction": direction}


def message_get(*, actor, conversation: Conversation, message_id) -> Message:
    """One message of a conversation the caller is in (see `conversation_get`)."""
    try:
        pk = int(message_id)
    except (TypeError, ValueError):
        raise MessageNotFoundError() from None
    if not 1 <= pk <= MAX_MESSAGE_ID:
        raise MessageNotFoundError()
    message = _message_queryset().filter(conversation_id=conversation.pk, pk=pk).first()
    if message is None:
        raise MessageNotFoundError()
    message.viewer_id = actor.pk
    return message


def message_edit_list(*, actor, message: Message) -> QuerySet[MessageEdit]:
    """The earlier versions of a message, oldest first; none of a message whose text the
    actor may not read (deleted, hidden, or flagged and not theirs)."""
    if not message_shown_to(message, actor.pk):
        return MessageEdit.objects.none()
    return MessageEdit.objects.filter(message_id=message.pk).order_by("edited_at", "id")


def message_receipt_list(*, actor, message: Message) -> QuerySet[MessageReadReceipt]:
    """Who has read the message and when (the "seen by" of small chats)."""
    return MessageReadReceipt.objects.filter(message_id=message.pk, read_at__isnull=False).order_by(
        "read_at", "id"
    )


def message_attachment_get(*, actor, message: Message, file_id) -> StoredFile:
    """An attachment of a message the caller may read, once it may be served (I-12).

    Files still waiting for their virus scan, infected, deleted, or of a deleted, hidden
    or (for others than its sender) flagged message answer 404, like ids that are not
    attachments of this message.
    """
    pk = _uuid_or_none(file_id)
    shown = message_shown_to(message, actor.pk)
    if pk is None or not shown or not any(a.file_id == pk for a in message.attachment_list):
        raise _attachment_not_found()
    stored = StoredFile.objects.filter(stored_file_servable_q(), pk=pk).first()
    if stored is None:
        raise _attachment_not_found()
    return stored


def _attachment_not_found() -> NotFoundError:
    return NotFoundError(MessagingErrorCode.ATTACHMENT_NOT_FOUND, "Attachment not found.")


# --- Moderation handlers (doggy.core.moderation) -----------------------------------------------
def _message_by_id(message_id) -> Message | None:
    try:
        pk = int(message_id)
    except (TypeError, ValueError):
        return None
    if not 1 <= pk <= MAX_MESSAGE_ID:
        return None
    return Message.objects.filter(pk=pk).first()


def message_moderation_text(message_id: str) -> ModeratedContent | None:
    """The text the content check classifies; None for a deleted or unknown message."""
    message = _message_by_id(message_id)
    if message is None or message.deleted_at is not None:
        return None
    return ModeratedContent(
        object_id=str(message.pk), text=message.content, author_id=message.sender_id
    )


def message_moderation_visible_to(actor, message_id: str) -> ModeratedContent | None:
    """The message if `actor` may read it (an active participant, and the message shown to
    them), else None: what a report of it must see."""
    message = _message_by_id(message_id)
    if (
        message is None
        or not actor_may(actor, PermissionName.MESSAGING_ACCESS)
        or participant_get(conversation_id=message.conversation_id, user_id=actor.pk) is None
        or not message_shown_to(message, actor.pk)
    ):
        return None
    return ModeratedContent(
        object_id=str(message.pk), text=message.content, author_id=message.sender_id
    )
