"""Reads of calls (plan 020) and of who receives a socket's client frames.

Every read is scoped to the caller: a call is visible to its participants only, and a
conversation's typing indicator reaches its other active participants only. Nothing
here writes.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Prefetch, QuerySet

from doggy.core.permissions import PermissionName, actor_may

from .call_errors import CallNotFoundError
from .choices import LIVE_CALL_STATUSES, CallParticipantStatus
from .models import ConversationParticipant, UserBlock, VideoCallParticipant, VideoCallSession

# The participants a call's signaling reaches: everyone still in it or still being rung.
SIGNALING_STATUSES = (
    CallParticipantStatus.INVITED,
    CallParticipantStatus.RINGING,
    CallParticipantStatus.CONNECTED,
)


def parse_uuid(value: Any) -> uuid.UUID | None:
    """`value` as a UUID, or None when it is not one (ids in paths and frames)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _may_message(actor) -> bool:
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor_may(actor, PermissionName.MESSAGING_ACCESS)
    )


def call_list(*, actor) -> QuerySet[VideoCallSession]:
    """The calls `actor` takes part in, newest first, with their participants loaded
    (`participant_list`); one query for the page and one for its participants."""
    if not _may_message(actor):
        return VideoCallSession.objects.none()
    mine = VideoCallParticipant.objects.filter(user_id=actor.pk).values("session_id")
    return (
        VideoCallSession.objects.filter(pk__in=mine)
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=VideoCallParticipant.objects.order_by("id"),
                to_attr="participant_list",
            )
        )
        .order_by("-created_at", "-id")
    )


def call_get(*, actor, call_id: Any) -> VideoCallSession:
    """One call of `actor`'s; anything else (unknown, not a participant) is a 404."""
    pk = parse_uuid(call_id)
    call = call_list(actor=actor).filter(pk=pk).first() if pk else None
    if call is None:
        raise CallNotFoundError()
    return call


def call_signal_recipients(*, actor, call_id: Any) -> list[str] | None:
    """The user ids a signaling frame of `actor` about `call_id` is relayed to: the other
    participants of the live call who are connected or being rung. None when the call is
    not live or `actor` is not (or no longer) in it."""
    pk = parse_uuid(call_id)
    if pk is None or not _may_message(actor):
        return None
    rows = list(
        VideoCallParticipant.objects.filter(
            session_id=pk,
            session__status__in=LIVE_CALL_STATUSES,
            status__in=SIGNALING_STATUSES,
        ).values_list("user_id", flat=True)
    )
    if actor.pk not in rows:
        return None
    return sorted(user_id for user_id in rows if user_id != actor.pk)


def without_blocked(participants: QuerySet, actor_id: str) -> QuerySet:
    """`participants` less the users `actor_id` blocked or is blocked by (no typing and no
    calls across a block). A user never blocks themself, so `actor_id`'s row stays."""
    return participants.exclude(
        user_id__in=UserBlock.objects.filter(blocker_id=actor_id).values("blocked_id")
    ).exclude(user_id__in=UserBlock.objects.filter(blocked_id=actor_id).values("blocker_id"))


def conversation_peer_ids(*, actor, conversation_id: Any) -> list[str] | None:
    """The other active participants of a conversation `actor` is an active participant
    of, less the users blocked either way; None when `actor` is not in it (or it does not
    exist, or `actor` may not message)."""
    pk = parse_uuid(conversation_id)
    if pk is None or not _may_message(actor):
        return None
    active = ConversationParticipant.objects.filter(conversation_id=pk, left_at__isnull=True)
    rows = list(without_blocked(active, actor.pk).values_list("user_id", flat=True))
    if actor.pk not in rows:
        return None
    return sorted(user_id for user_id in rows if user_id != actor.pk)
