"""Error codes of the messaging app (stable strings clients may switch on).

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError


class MessagingErrorCode(Enum):
    # The caller does not hold `messaging.access`.
    ACCESS_REQUIRED = "messaging_access_required"
    # No such conversation, or the caller is not an active participant (never a 403).
    CONVERSATION_NOT_FOUND = "conversation_not_found"
    CONVERSATION_INVALID = "conversation_invalid"
    # The conversation is locked by staff: nothing new can be posted.
    CONVERSATION_LOCKED = "conversation_locked"
    # Only the conversation's owners and admins may do this.
    CONVERSATION_ADMIN_ONLY = "conversation_admin_only"
    MESSAGE_NOT_FOUND = "message_not_found"
    MESSAGE_INVALID = "message_invalid"
    # Only the sender edits a message.
    MESSAGE_AUTHOR_ONLY = "message_author_only"
    MESSAGE_DELETED = "message_deleted"
    # The client message id was used by the sender for a message in another conversation.
    CLIENT_MESSAGE_ID_REUSED = "client_message_id_reused"
    PARTICIPANT_INVALID = "participant_invalid"
    PARTICIPANT_NOT_FOUND = "participant_not_found"
    # A block between the two users (either way) forbids messaging (I-10).
    USER_BLOCKED = "user_blocked"
    BLOCK_INVALID = "block_invalid"
    BLOCK_NOT_FOUND = "block_not_found"
    REACTION_NOT_FOUND = "reaction_not_found"
    ATTACHMENT_NOT_FOUND = "attachment_not_found"
    CONFLICT = "conflict"


class MessagingAccessRequiredError(PermissionDeniedError):
    def __init__(self, message: str = "Messaging is not available to this account."):
        super().__init__(MessagingErrorCode.ACCESS_REQUIRED, message)


class ConversationNotFoundError(NotFoundError):
    """No such conversation, or the caller may not know it exists."""

    def __init__(self, message: str = "Conversation not found."):
        super().__init__(MessagingErrorCode.CONVERSATION_NOT_FOUND, message)


class MessageNotFoundError(NotFoundError):
    def __init__(self, message: str = "Message not found."):
        super().__init__(MessagingErrorCode.MESSAGE_NOT_FOUND, message)


class UserBlockedError(PermissionDeniedError):
    def __init__(self, message: str = "You cannot message this user."):
        super().__init__(MessagingErrorCode.USER_BLOCKED, message)


class ConversationAdminOnlyError(PermissionDeniedError):
    def __init__(self, message: str = "Only the conversation's owners and admins can do this."):
        super().__init__(MessagingErrorCode.CONVERSATION_ADMIN_ONLY, message)


class MessagingConflictError(ConflictError):
    def __init__(self, message: str = "The change conflicts with another one; reload and retry."):
        super().__init__(MessagingErrorCode.CONFLICT, message)


def field_error(code: MessagingErrorCode, field: str, message: str) -> ApplicationError:
    """A 400 naming the request field at fault."""
    return ApplicationError(code, message, fields={field: [message]})
