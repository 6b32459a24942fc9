"""Calls (plan 020): ring, accept, decline, join, leave, end, and missed after a timeout.

A call belongs to a conversation. Starting one rings the conversation's other active
participants (less blocks either way); the caller is connected from the start as the
host. The first accept makes it `InProgress`; when nobody is connected any more, or
someone ends it, it is over: `Completed` once it was answered, `Canceled` before. A
call nobody answers within `DOGGY_CALL_RING_TIMEOUT_SECONDS` is `Missed`
(`calls_sweep_missed`, run by `manage.py calls_sweep`), as is every invitee still being
rung when the call ends.

Every step locks the call row, then its participants, in that order. Participants are
told after commit over the WebSocket (`call.ringing` to the invitees of a new call,
`call.updated` to everyone on every later change); media and WebRTC signaling go peer to
peer, relayed by the socket (messaging.realtime). TURN credentials follow coturn's REST
API (`turn_credentials_issue`).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record
from doggy.core.errors import ConflictError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.realtime import publish_to_users

from .call_errors import (
    CallConversationNotFoundError,
    CallErrorCode,
    CallNotFoundError,
    CallNotLiveError,
    CallStateError,
    TurnNotConfiguredError,
)
from .call_selectors import parse_uuid, without_blocked
from .choices import (
    LIVE_CALL_STATUSES,
    CallEndReason,
    CallParticipantRole,
    CallParticipantStatus,
    CallStatus,
    CallType,
    VideoProvider,
)
from .models import Conversation, ConversationParticipant, VideoCallParticipant, VideoCallSession

CALL_RINGING_EVENT = "call.ringing"
CALL_UPDATED_EVENT = "call.updated"

_BEING_RUNG = (CallParticipantStatus.INVITED, CallParticipantStatus.RINGING)
_CALL_FIELDS = ["status", "started_at", "ended_at", "duration_seconds", "end_reason"]
_PARTICIPANT_FIELDS = ["status", "joined_at", "left_at", "duration_seconds"]


def ring_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=max(1, settings.DOGGY_CALL_RING_TIMEOUT_SECONDS))


def _iso(value: datetime.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def call_event_payload(call: VideoCallSession, participants) -> dict[str, Any]:
    """The JSON of a call in its real-time events (the REST representation's fields)."""
    return {
        "id": str(call.pk),
        "conversation_id": str(call.conversation_id) if call.conversation_id else None,
        "initiated_by_id": call.initiated_by_id,
        "call_type": call.call_type,
        "status": call.status,
        "created_at": _iso(call.created_at),
        "started_at": _iso(call.started_at),
        "ended_at": _iso(call.ended_at),
        "duration_seconds": call.duration_seconds,
        "end_reason": call.end_reason,
        "participants": [
            {
                "user_id": p.user_id,
                "role": p.role,
                "status": p.status,
                "invited_at": _iso(p.invited_at),
                "joined_at": _iso(p.joined_at),
                "left_at": _iso(p.left_at),
                "duration_seconds": p.duration_seconds,
            }
            for p in participants
        ],
    }


def _require_messaging(actor) -> None:
    if not actor_may(actor, PermissionName.MESSAGING_ACCESS):
        raise PermissionDeniedError(
            "permission_denied", "You do not have permission to perform this action."
        )


def _seconds(start: datetime.datetime | None, end: datetime.datetime) -> int:
    return max(0, int((end - start).total_seconds())) if start else 0


def _disconnect(participant: VideoCallParticipant, now: datetime.datetime) -> None:
    """Connected -> Disconnected; the time since the last join adds to the duration."""
    participant.status = CallParticipantStatus.DISCONNECTED
    participant.left_at = now
    participant.duration_seconds = (participant.duration_seconds or 0) + _seconds(
        participant.joined_at, now
    )


def _snapshot(row, fields: list[str]) -> tuple:
    return tuple(getattr(row, name) for name in fields)


def _save(call: VideoCallSession, participants: list[VideoCallParticipant]) -> None:
    """Write the rows a step changed (compared with what `_lock` read), nothing else.

    The values come from this module's transitions only: statuses from the closed
    lists, `EndedAt` never before `StartedAt`, so no validation query is needed.
    """
    if _snapshot(call, _CALL_FIELDS) != call._as_locked:
        call.save(update_fields=_CALL_FIELDS)
    for participant in participants:
        if _snapshot(participant, _PARTICIPANT_FIELDS) != participant._as_locked:
            participant.save(update_fields=_PARTICIPANT_FIELDS)


def _publish_update(call: VideoCallSession, participants: list[VideoCallParticipant]) -> None:
    publish_to_users(
        [p.user_id for p in participants],
        CALL_UPDATED_EVENT,
        call_event_payload(call, participants),
    )


def _finish(
    *,
    actor,
    call: VideoCallSession,
    participants: list[VideoCallParticipant],
    status: str,
    reason: str,
    now: datetime.datetime,
) -> None:
    """End the call for everyone: the connected leave, the still-rung miss it."""
    old = {"status": call.status}
    call.status = status
    call.ended_at = now
    call.end_reason = reason
    if call.started_at is not None:
        call.duration_seconds = _seconds(call.started_at, now)
    for participant in participants:
        if participant.status == CallParticipantStatus.CONNECTED:
            _disconnect(participant, now)
        elif participant.status in _BEING_RUNG:
            participant.status = CallParticipantStatus.MISSED
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=call,
        old=old,
        new={"status": status, "end_reason": reason, "duration_seconds": call.duration_seconds},
    )


def _lock_participants(call: VideoCallSession) -> list[VideoCallParticipant]:
    participants = list(
        VideoCallParticipant.objects.select_for_update().filter(session=call).order_by("id")
    )
    for participant in participants:
        participant._as_locked = _snapshot(participant, _PARTICIPANT_FIELDS)
    return participants


def _lock(*, actor, call_id: Any) -> tuple[VideoCallSession, list[VideoCallParticipant], Any]:
    """The call (locked), its participants (locked, in id order) and `actor`'s own row;
    a call `actor` is not in is a 404."""
    _require_messaging(actor)
    pk = parse_uuid(call_id)
    call = VideoCallSession.objects.select_for_update().filter(pk=pk).first() if pk else None
    if call is None:
        raise CallNotFoundError()
    call._as_locked = _snapshot(call, _CALL_FIELDS)
    participants = _lock_participants(call)
    me = next((p for p in participants if p.user_id == actor.pk), None)
    if me is None:
        raise CallNotFoundError()
    return call, participants, me


def _require_live(call: VideoCallSession) -> None:
    if call.status not in LIVE_CALL_STATUSES:
        raise CallNotLiveError()


@transaction.atomic
def call_start(
    *, actor, conversation_id: Any, call_type: str = CallType.VIDEO
) -> tuple[VideoCallSession, list[VideoCallParticipant]]:
    """Ring the other active participants of a conversation `actor` is active in.

    One live call per conversation: a second start while one rings or runs is a 409
    (`call_in_progress`), and so is a conversation with nobody else to ring.
    """
    _require_messaging(actor)
    pk = parse_uuid(conversation_id)
    # The conversation row serialises concurrent starts in it.
    conversation = Conversation.objects.select_for_update().filter(pk=pk).first() if pk else None
    if conversation is None:
        raise CallConversationNotFoundError()
    active = ConversationParticipant.objects.filter(conversation=conversation, left_at__isnull=True)
    members = list(without_blocked(active, actor.pk).values_list("user_id", flat=True))
    if actor.pk not in members:
        raise CallConversationNotFoundError()
    if conversation.is_locked:
        raise ConflictError(CallErrorCode.CALL_STATE_INVALID, "This conversation is locked.")
    peers = sorted(user_id for user_id in members if user_id != actor.pk)
    if not peers:
        raise ConflictError(CallErrorCode.CALL_NO_PEERS, "There is nobody to call here.")
    if VideoCallSession.objects.filter(
        conversation=conversation, status__in=LIVE_CALL_STATUSES
    ).exists():
        raise ConflictError(
            CallErrorCode.CALL_IN_PROGRESS, "A call is already ringing or running here."
        )
    now = timezone.now()
    call = VideoCallSession(
        conversation=conversation,
        initiated_by=actor,
        call_type=call_type,
        video_provider=VideoProvider.WEBRTC,
        status=CallStatus.RINGING,
        created_at=now,
    )
    call.full_clean(validate_unique=False, validate_constraints=False)
    call.save(force_insert=True)
    participants = [
        VideoCallParticipant(
            session=call,
            user_id=actor.pk,
            role=CallParticipantRole.HOST,
            status=CallParticipantStatus.CONNECTED,
            invited_at=now,
            joined_at=now,
        ),
        *(
            VideoCallParticipant(
                session=call,
                user_id=user_id,
                role=CallParticipantRole.PARTICIPANT,
                status=CallParticipantStatus.RINGING,
                invited_at=now,
            )
            for user_id in peers
        ),
    ]
    VideoCallParticipant.objects.bulk_create(participants)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=call,
        new={"conversation_id": str(conversation.pk), "call_type": call_type, "invited": peers},
    )
    publish_to_users(peers, CALL_RINGING_EVENT, call_event_payload(call, participants))
    return call, participants


@transaction.atomic
def call_accept(*, actor, call_id: Any) -> tuple[VideoCallSession, list[VideoCallParticipant]]:
    """An invitee answers: connected; the first answer starts the call."""
    call, participants, me = _lock(actor=actor, call_id=call_id)
    _require_live(call)
    if me.status not in _BEING_RUNG:
        raise CallStateError("Only a participant being rung can accept.")
    now = timezone.now()
    me.status = CallParticipantStatus.CONNECTED
    me.joined_at = now
    if call.status == CallStatus.RINGING:
        call.status = CallStatus.IN_PROGRESS
        call.started_at = now
    _save(call, participants)
    _publish_update(call, participants)
    return call, participants


@transaction.atomic
def call_decline(*, actor, call_id: Any) -> tuple[VideoCallSession, list[VideoCallParticipant]]:
    """An invitee refuses. A ringing call nobody else may still answer is `Declined`."""
    call, participants, me = _lock(actor=actor, call_id=call_id)
    _require_live(call)
    if me.status not in _BEING_RUNG:
        raise CallStateError("Only a participant being rung can decline.")
    me.status = CallParticipantStatus.DECLINED
    others_pending = any(p.status in _BEING_RUNG for p in participants)
    if call.status == CallStatus.RINGING and not others_pending:
        _finish(
            actor=actor,
            call=call,
            participants=participants,
            status=CallStatus.DECLINED,
            reason="",
            now=timezone.now(),
        )
    _save(call, participants)
    _publish_update(call, participants)
    return call, participants


@transaction.atomic
def call_join(*, actor, call_id: Any) -> tuple[VideoCallSession, list[VideoCallParticipant]]:
    """(Re)join a running call after leaving it, missing it or declining it."""
    call, participants, me = _lock(actor=actor, call_id=call_id)
    _require_live(call)
    if me.status in _BEING_RUNG:
        raise CallStateError("Accept the call to join it.")
    if me.status == CallParticipantStatus.CONNECTED:
        raise CallStateError("You are already in this call.")
    if call.status != CallStatus.IN_PROGRESS:
        raise CallStateError("Nobody has answered this call yet.")
    me.status = CallParticipantStatus.CONNECTED
    me.joined_at = timezone.now()
    me.left_at = None
    _save(call, participants)
    _publish_update(call, participants)
    return call, participants


@transaction.atomic
def call_leave(*, actor, call_id: Any) -> tuple[VideoCallSession, list[VideoCallParticipant]]:
    """Leave the call; when the last connected participant leaves, it is over."""
    call, participants, me = _lock(actor=actor, call_id=call_id)
    _require_live(call)
    if me.status != CallParticipantStatus.CONNECTED:
        raise CallStateError("You are not in this call.")
    now = timezone.now()
    _disconnect(me, now)
    if not any(p.status == CallParticipantStatus.CONNECTED for p in participants):
        answered = call.status == CallStatus.IN_PROGRESS
        _finish(
            actor=actor,
            call=call,
            participants=participants,
            status=CallStatus.COMPLETED if answered else CallStatus.CANCELED,
            reason=CallEndReason.HUNG_UP,
            now=now,
        )
    _save(call, participants)
    _publish_update(call, participants)
    return call, participants


@transaction.atomic
def call_end(*, actor, call_id: Any) -> tuple[VideoCallSession, list[VideoCallParticipant]]:
    """Hang up for everyone (the host, or anyone connected)."""
    call, participants, me = _lock(actor=actor, call_id=call_id)
    _require_live(call)
    if me.status != CallParticipantStatus.CONNECTED and me.role != CallParticipantRole.HOST:
        raise CallStateError("Only a participant in the call can end it.")
    answered = call.status == CallStatus.IN_PROGRESS
    _finish(
        actor=actor,
        call=call,
        participants=participants,
        status=CallStatus.COMPLETED if answered else CallStatus.CANCELED,
        reason=CallEndReason.HUNG_UP,
        now=timezone.now(),
    )
    _save(call, participants)
    _publish_update(call, participants)
    return call, participants


def calls_sweep_missed(*, now: datetime.datetime | None = None) -> int:
    """Time out the ringing: a call unanswered for the ring timeout is `Missed`, and an
    invitee of a running call still rung after it misses it. Returns the calls changed.

    Each call changes in its own transaction (locked, its state read again), so a sweep
    racing an accept loses cleanly to it.
    """
    now = now or timezone.now()
    deadline = now - ring_timeout()
    candidates = list(
        VideoCallSession.objects.filter(status__in=LIVE_CALL_STATUSES)
        .filter(participants__status__in=_BEING_RUNG, participants__invited_at__lte=deadline)
        .values_list("pk", flat=True)
        .distinct()
    )
    changed = 0
    for pk in candidates:
        with transaction.atomic():
            call = VideoCallSession.objects.select_for_update().filter(pk=pk).first()
            if call is None or call.status not in LIVE_CALL_STATUSES:
                continue
            call._as_locked = _snapshot(call, _CALL_FIELDS)
            participants = _lock_participants(call)
            overdue = [
                p
                for p in participants
                if p.status in _BEING_RUNG and p.invited_at and p.invited_at <= deadline
            ]
            if not overdue:
                continue
            if call.status == CallStatus.RINGING:
                _finish(
                    actor=None,
                    call=call,
                    participants=participants,
                    status=CallStatus.MISSED,
                    reason=CallEndReason.TIMEOUT,
                    now=now,
                )
            else:
                for participant in overdue:
                    participant.status = CallParticipantStatus.MISSED
            _save(call, participants)
            _publish_update(call, participants)
            changed += 1
    return changed


def turn_credentials_issue(*, actor, now: datetime.datetime | None = None) -> dict[str, Any]:
    """Short-lived TURN credentials for `actor` in coturn's REST API form.

    The username is `<expiry unix time>:<user id>` and the credential is
    base64(HMAC-SHA1(secret, username)), which coturn (`use-auth-secret`,
    `static-auth-secret`) checks on its own: nothing is stored.
    """
    _require_messaging(actor)
    secret = settings.DOGGY_TURN_SECRET
    if not secret:
        raise TurnNotConfiguredError()
    now = now or timezone.now()
    ttl = max(60, settings.DOGGY_TURN_TTL_SECONDS)
    expires = int(now.timestamp()) + ttl
    username = f"{expires}:{actor.pk}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return {
        "username": username,
        "credential": base64.b64encode(digest).decode("ascii"),
        "ttl": ttl,
        "expires_at": datetime.datetime.fromtimestamp(expires, tz=datetime.UTC),
        "uris": list(settings.DOGGY_TURN_URLS),
    }
