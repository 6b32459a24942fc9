"""Calls (plan 020): the lifecycle services, the ring timeout sweep and TURN credentials."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditLog
from doggy.core.errors import ConflictError, PermissionDeniedError
from messaging import call_services
from messaging.call_errors import (
    CallConversationNotFoundError,
    CallNotFoundError,
    CallNotLiveError,
    CallStateError,
    TurnNotConfiguredError,
)
from messaging.choices import CallEndReason, CallParticipantStatus, CallStatus
from messaging.models import VideoCallParticipant, VideoCallSession
from tests.messaging.factories import ConversationParticipantFactory, UserBlockFactory

pytestmark = pytest.mark.django_db


def _statuses(call) -> dict[str, str]:
    return dict(VideoCallParticipant.objects.filter(session=call).values_list("user_id", "status"))


def _start(conversation, actor):
    call, _ = call_services.call_start(actor=actor, conversation_id=conversation.pk)
    return call


def test_start_rings_the_other_active_participants(
    conversation, owner, provider_user, other_owner, django_capture_on_commit_callbacks
):
    # given: a third participant who has left the conversation
    ConversationParticipantFactory(
        conversation=conversation, user=other_owner, left_at=timezone.now()
    )

    # when
    with django_capture_on_commit_callbacks() as callbacks:
        call, participants = call_services.call_start(
            actor=owner, conversation_id=conversation.pk, call_type="Audio"
        )

    # then: the host is connected, the active peer rung, the one who left not invited
    assert call.status == CallStatus.RINGING
    assert call.call_type == "Audio"
    assert call.video_provider == "WebRTC"
    assert _statuses(call) == {
        owner.pk: CallParticipantStatus.CONNECTED,
        provider_user.pk: CallParticipantStatus.RINGING,
    }
    assert AuditLog.objects.filter(entity_id=str(call.pk), action="Create").count() == 1
    assert len(callbacks) == 1  # one after-commit publish: call.ringing to the peer


def test_start_refuses_a_conversation_the_caller_is_not_in(conversation, other_owner):
    with pytest.raises(CallConversationNotFoundError):
        _start(conversation, other_owner)
    assert VideoCallSession.objects.count() == 0


def test_start_needs_messaging_access(conversation, kyc_reviewer):
    ConversationParticipantFactory(conversation=conversation, user=kyc_reviewer)
    with pytest.raises(PermissionDeniedError):
        _start(conversation, kyc_reviewer)


def test_start_skips_users_blocked_either_way(conversation, owner, provider_user):
    # given: the only peer blocked the caller
    UserBlockFactory(blocker=provider_user, blocked=owner)

    # when / then: nobody to ring
    with pytest.raises(ConflictError) as refused:
        _start(conversation, owner)
    assert refused.value.code == "call_no_peers"


def test_one_live_call_per_conversation(conversation, owner, provider_user):
    _start(conversation, owner)
    with pytest.raises(ConflictError) as refused:
        _start(conversation, provider_user)
    assert refused.value.code == "call_in_progress"


def test_accept_starts_the_call(conversation, owner, provider_user):
    # given
    call = _start(conversation, owner)

    # when
    call, _ = call_services.call_accept(actor=provider_user, call_id=call.pk)

    # then
    call.refresh_from_db()
    assert call.status == CallStatus.IN_PROGRESS
    assert call.started_at is not None
    assert _statuses(call)[provider_user.pk] == CallParticipantStatus.CONNECTED


def test_accepting_twice_is_a_conflict(conversation, owner, provider_user):
    call = _start(conversation, owner)
    call_services.call_accept(actor=provider_user, call_id=call.pk)
    with pytest.raises(CallStateError):
        call_services.call_accept(actor=provider_user, call_id=call.pk)


def test_decline_by_the_last_invitee_declines_the_call(conversation, owner, provider_user):
    # given
    call = _start(conversation, owner)

    # when
    call_services.call_decline(actor=provider_user, call_id=call.pk)

    # then: declined, ended; the host is disconnected
    call.refresh_from_db()
    assert call.status == CallStatus.DECLINED
    assert call.ended_at is not None
    assert _statuses(call) == {
        owner.pk: CallParticipantStatus.DISCONNECTED,
        provider_user.pk: CallParticipantStatus.DECLINED,
    }


def test_a_stranger_cannot_touch_the_call(conversation, owner, other_owner):
    call = _start(conversation, owner)
    for step in ("accept", "decline", "join", "leave", "end"):
        with pytest.raises(CallNotFoundError):
            getattr(call_services, f"call_{step}")(actor=other_owner, call_id=call.pk)
    with pytest.raises(CallNotFoundError):
        call_services.call_accept(actor=owner, call_id="not-a-uuid")


def test_leave_and_join_accumulate_the_participant_duration(
    conversation, owner, provider_user, other_owner, monkeypatch
):
    # given: a three-way call, answered by both, at fixed times
    ConversationParticipantFactory(conversation=conversation, user=other_owner)
    start = timezone.now()
    clock = {"now": start}
    monkeypatch.setattr(call_services.timezone, "now", lambda: clock["now"])
    call = _start(conversation, owner)
    call_services.call_accept(actor=provider_user, call_id=call.pk)
    call_services.call_accept(actor=other_owner, call_id=call.pk)

    # when: the provider is in for 10 s, out, back in for 5 s; then everyone leaves
    clock["now"] = start + datetime.timedelta(seconds=10)
    call_services.call_leave(actor=provider_user, call_id=call.pk)
    clock["now"] = start + datetime.timedelta(seconds=20)
    call_services.call_join(actor=provider_user, call_id=call.pk)
    clock["now"] = start + datetime.timedelta(seconds=25)
    call_services.call_leave(actor=provider_user, call_id=call.pk)
    call_services.call_leave(actor=other_owner, call_id=call.pk)
    call.refresh_from_db()
    assert call.status == CallStatus.IN_PROGRESS  # the host is still connected
    call_services.call_leave(actor=owner, call_id=call.pk)

    # then: the call completed when the last one left, after 25 s
    call.refresh_from_db()
    durations = dict(
        VideoCallParticipant.objects.filter(session=call).values_list("user_id", "duration_seconds")
    )
    assert call.status == CallStatus.COMPLETED
    assert call.end_reason == CallEndReason.HUNG_UP
    assert call.duration_seconds == 25
    assert durations == {owner.pk: 25, provider_user.pk: 15, other_owner.pk: 25}


def test_end_before_an_answer_cancels_and_the_invitee_misses_it(conversation, owner, provider_user):
    call = _start(conversation, owner)
    call_services.call_end(actor=owner, call_id=call.pk)
    call.refresh_from_db()
    assert call.status == CallStatus.CANCELED
    assert call.duration_seconds is None
    assert _statuses(call)[provider_user.pk] == CallParticipantStatus.MISSED
    with pytest.raises(CallNotLiveError):
        call_services.call_accept(actor=provider_user, call_id=call.pk)


def test_join_before_anyone_answered_is_refused(conversation, owner, provider_user):
    call = _start(conversation, owner)
    with pytest.raises(CallStateError):
        call_services.call_join(actor=provider_user, call_id=call.pk)


def test_sweep_misses_a_call_only_after_the_ring_timeout(
    conversation, owner, provider_user, settings
):
    # given: a call ringing since now, a 45 s timeout
    settings.DOGGY_CALL_RING_TIMEOUT_SECONDS = 45
    call = _start(conversation, owner)
    invited_at = VideoCallParticipant.objects.get(session=call, user=provider_user).invited_at

    # when: the sweep runs 44 s later, then 45 s later
    early = call_services.calls_sweep_missed(now=invited_at + datetime.timedelta(seconds=44))
    call.refresh_from_db()
    status_early = call.status
    late = call_services.calls_sweep_missed(now=invited_at + datetime.timedelta(seconds=45))

    # then
    call.refresh_from_db()
    assert (early, status_early) == (0, CallStatus.RINGING)
    assert late == 1
    assert call.status == CallStatus.MISSED
    assert call.end_reason == CallEndReason.TIMEOUT
    assert _statuses(call) == {
        owner.pk: CallParticipantStatus.DISCONNECTED,
        provider_user.pk: CallParticipantStatus.MISSED,
    }
    assert call_services.calls_sweep_missed(now=invited_at + datetime.timedelta(hours=1)) == 0


def test_sweep_misses_a_late_invitee_of_a_running_call(
    conversation, owner, provider_user, other_owner, settings
):
    # given: a three-way call the provider answered and other_owner never did
    settings.DOGGY_CALL_RING_TIMEOUT_SECONDS = 30
    ConversationParticipantFactory(conversation=conversation, user=other_owner)
    call = _start(conversation, owner)
    call_services.call_accept(actor=provider_user, call_id=call.pk)

    # when
    changed = call_services.calls_sweep_missed(now=timezone.now() + datetime.timedelta(seconds=31))

    # then: the call runs on; the late invitee missed it
    call.refresh_from_db()
    assert changed == 1
    assert call.status == CallStatus.IN_PROGRESS
    assert _statuses(call)[other_owner.pk] == CallParticipantStatus.MISSED


def test_calls_sweep_command_times_out_overdue_calls(conversation, owner, settings):
    # given: a call whose ring started two minutes ago
    settings.DOGGY_CALL_RING_TIMEOUT_SECONDS = 45
    call = _start(conversation, owner)
    VideoCallParticipant.objects.filter(session=call).update(
        invited_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    out = io.StringIO()

    # when
    call_command("calls_sweep", stdout=out)

    # then
    call.refresh_from_db()
    assert out.getvalue().strip() == "1 call(s) timed out."
    assert call.status == CallStatus.MISSED


def test_turn_credentials_are_coturn_rest_api_credentials(owner, settings):
    # given
    settings.DOGGY_TURN_SECRET = "north-of-the-wall"  # noqa: S105 - a test value
    settings.DOGGY_TURN_URLS = ["turn:turn.example.com:3478?transport=udp"]
    settings.DOGGY_TURN_TTL_SECONDS = 600
    now = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)

    # when
    issued = call_services.turn_credentials_issue(actor=owner, now=now)

    # then: username <expiry>:<user id>, credential base64(HMAC-SHA1(secret, username))
    expiry = int(now.timestamp()) + 600
    username = f"{expiry}:{owner.pk}"
    expected = base64.b64encode(
        hmac.new(b"north-of-the-wall", username.encode(), hashlib.sha1).digest()
    ).decode()
    assert issued == {
        "username": username,
        "credential": expected,
        "ttl": 600,
        "expires_at": now + datetime.timedelta(seconds=600),
        "uris": ["turn:turn.example.com:3478?transport=udp"],
    }


def test_turn_credentials_need_a_secret(owner, settings):
    settings.DOGGY_TURN_SECRET = ""
    with pytest.raises(TurnNotConfiguredError):
        call_services.turn_credentials_issue(actor=owner)
