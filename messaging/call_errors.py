"""Error codes of calls (plan 020) and of the WebSocket's client frames.

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import ConflictError, NotFoundError


class CallErrorCode(Enum):
    CALL_NOT_FOUND = "call_not_found"
    CALL_NOT_LIVE = "call_not_live"
    CALL_IN_PROGRESS = "call_in_progress"
    CALL_STATE_INVALID = "call_state_invalid"
    CONVERSATION_NOT_FOUND = "conversation_not_found"
    CALL_NO_PEERS = "call_no_peers"
    TURN_NOT_CONFIGURED = "turn_not_configured"
    INVALID = "invalid"


class CallNotFoundError(NotFoundError):
    """No such call, or the caller is not one of its participants."""

    def __init__(self, message: str = "Call not found."):
        super().__init__(CallErrorCode.CALL_NOT_FOUND, message)


class CallNotLiveError(ConflictError):
    """The call has ended (completed, missed, declined, canceled)."""

    def __init__(self, message: str = "The call has ended."):
        super().__init__(CallErrorCode.CALL_NOT_LIVE, message)


class CallStateError(ConflictError):
    """The caller's part in the call does not allow this step (accepting twice, leaving
    a call never joined)."""

    def __init__(self, message: str):
        super().__init__(CallErrorCode.CALL_STATE_INVALID, message)


class CallConversationNotFoundError(NotFoundError):
    """No such conversation, or the caller is not an active participant of it."""

    def __init__(self, message: str = "Conversation not found."):
        super().__init__(CallErrorCode.CONVERSATION_NOT_FOUND, message)


class TurnNotConfiguredError(NotFoundError):
    """No TURN secret is configured: this deployment has no relay to hand credentials for
    (a 404, not a 5xx: the server works as configured)."""

    def __init__(self, message: str = "No TURN relay is configured."):
        super().__init__(CallErrorCode.TURN_NOT_CONFIGURED, message)
