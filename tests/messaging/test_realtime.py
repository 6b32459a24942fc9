"""The WebSocket `/ws/v1/` (messaging.realtime), driven through channels' communicator.

Authentication by the bearer token (subprotocol or header), forwarding of published
events, typing scoped to a conversation's active participants, call signaling scoped to
a call's participants, and the close of a socket whose session ends.
"""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator

from accounts.choices import SessionEndReason
from accounts.models import UserSession
from accounts.services.sessions import user_session_create, user_session_end, user_sessions_revoke
from doggy.asgi import application
from doggy.choices import FeatureArea
from doggy.core.realtime import publish_to_users
from doggy.services import feature_flag_set
from messaging import call_services, realtime
from messaging.models import UserPresence
from tests.messaging.factories import ConversationParticipantFactory, UserBlockFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    # The in-memory layer's queues belong to one event loop; each test has its own.
    channel_layers.backends = {}
    yield
    channel_layers.backends = {}


def _socket(token: str | None = None, *, header: bool = False) -> WebsocketCommunicator:
    if token is None:
        return WebsocketCommunicator(application, "/ws/v1/")
    if header:
        return WebsocketCommunicator(
            application, "/ws/v1/", headers=[(b"authorization", f"Bearer {token}".encode())]
        )
    return WebsocketCommunicator(
        application, "/ws/v1/", subprotocols=["doggy.v1", f"bearer.{token}"]
    )


async def _open(user) -> tuple[WebsocketCommunicator, UserSession]:
    issued = await database_sync_to_async(user_session_create)(user=user)
    socket = _socket(issued.access_token)
    connected, subprotocol = await socket.connect()
    assert (connected, subprotocol) == (True, "doggy.v1")
    return socket, issued.session


async def _closed_with(socket: WebsocketCommunicator) -> int | None:
    output = await socket.receive_output(timeout=2)
    assert output["type"] == "websocket.close"
    return output.get("code")


@pytest.mark.parametrize("token", [None, "", "not-a-token", "AAAAAAAAAAAAAAAA.forged-secret"])
async def test_a_handshake_without_a_live_session_is_closed_with_4401(db, token):
    socket = _socket(token) if token is not None else _socket()
    connected, _ = await socket.connect()
    assert connected is True
    assert await _closed_with(socket) == 4401


async def test_an_ended_session_cannot_open_a_socket(owner):
    issued = await database_sync_to_async(user_session_create)(user=owner)
    await database_sync_to_async(user_session_end)(actor=owner, session=issued.session)
    socket = _socket(issued.access_token)
    await socket.connect()
    assert await _closed_with(socket) == 4401


async def test_published_events_reach_the_users_sockets(owner, other_owner):
    # given: a socket of each user; the owner's authenticated by the Authorization header
    issued = await database_sync_to_async(user_session_create)(user=owner)
    mine = _socket(issued.access_token, header=True)
    connected, subprotocol = await mine.connect()
    theirs, _ = await _open(other_owner)

    # when: a service publishes to the owner
    await database_sync_to_async(publish_to_users)([owner.pk], "message.created", {"id": 7})

    # then: the owner's socket gets it, nobody else's
    assert (connected, subprotocol) == (True, None)
    assert await mine.receive_json_from() == {"type": "message.created", "data": {"id": 7}}
    assert await theirs.receive_nothing() is True
    await mine.disconnect()
    await theirs.disconnect()


async def test_ping_answers_pong_and_bad_frames_answer_errors(owner):
    socket, _ = await _open(owner)

    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from() == {"type": "pong"}
    await socket.send_to(text_data="{not json")
    assert (await socket.receive_json_from())["data"]["code"] == "invalid_frame"
    await socket.send_json_to({"type": "presence.nope"})
    assert (await socket.receive_json_from())["data"]["code"] == "unknown_frame_type"
    await socket.send_to(
        text_data='{"type": "ping", "pad": "' + "x" * realtime.MAX_FRAME_BYTES + '"}'
    )
    assert (await socket.receive_json_from())["data"]["code"] == "frame_too_large"
    await socket.disconnect()


async def test_typing_reaches_only_the_other_active_participants(
    conversation, owner, provider_user, other_owner, kyc_reviewer
):
    # given: a participant who left, and a stranger; everyone has a socket open
    await database_sync_to_async(ConversationParticipantFactory)(
        conversation=conversation, user=other_owner, left_at="2026-01-01T00:00:00Z"
    )
    typist, _ = await _open(owner)
    peer, _ = await _open(provider_user)
    former, _ = await _open(other_owner)
    stranger, _ = await _open(kyc_reviewer)

    # when
    await typist.send_json_to(
        {"type": "typing", "conversation_id": str(conversation.pk), "active": True}
    )

    # then
    assert await peer.receive_json_from() == {
        "type": "typing",
        "data": {"conversation_id": str(conversation.pk), "user_id": owner.pk, "active": True},
    }
    assert await former.receive_nothing() is True
    assert await stranger.receive_nothing() is True
    assert await typist.receive_nothing() is True
    for socket in (typist, peer, former, stranger):
        await socket.disconnect()


async def test_typing_in_a_conversation_one_is_not_in_is_refused(
    conversation, other_owner, provider_user
):
    outsider, _ = await _open(other_owner)
    member, _ = await _open(provider_user)

    await outsider.send_json_to({"type": "typing", "conversation_id": str(conversation.pk)})

    assert (await outsider.receive_json_from())["data"]["code"] == "conversation_not_found"
    assert await member.receive_nothing() is True
    await outsider.disconnect()
    await member.disconnect()


async def test_typing_does_not_cross_a_block(conversation, owner, provider_user):
    await database_sync_to_async(UserBlockFactory)(blocker=provider_user, blocked=owner)
    typist, _ = await _open(owner)
    peer, _ = await _open(provider_user)

    await typist.send_json_to({"type": "typing", "conversation_id": str(conversation.pk)})

    assert await peer.receive_nothing() is True
    await typist.disconnect()
    await peer.disconnect()


async def test_call_signaling_is_relayed_to_the_calls_participants_only(
    conversation, owner, provider_user, other_owner
):
    # given: the owner rings the provider; a stranger has a socket too
    caller, _ = await _open(owner)
    callee, _ = await _open(provider_user)
    stranger, _ = await _open(other_owner)
    call, _ = await database_sync_to_async(call_services.call_start)(
        actor=owner, conversation_id=conversation.pk
    )
    ringing = await callee.receive_json_from()
    offer = {"type": "offer", "sdp": "v=0\r\n"}

    # when: the caller sends an offer; the stranger tries to inject one
    await caller.send_json_to(
        {"type": "call.signal", "call_id": str(call.pk), "kind": "offer", "payload": offer}
    )
    await stranger.send_json_to(
        {"type": "call.signal", "call_id": str(call.pk), "kind": "offer", "payload": offer}
    )

    # then
    assert ringing["type"] == "call.ringing"
    assert ringing["data"]["id"] == str(call.pk)
    assert await callee.receive_json_from() == {
        "type": "call.signal",
        "data": {
            "call_id": str(call.pk),
            "from_user_id": owner.pk,
            "kind": "offer",
            "payload": offer,
        },
    }
    assert (await stranger.receive_json_from())["data"]["code"] == "call_not_found"
    assert await callee.receive_nothing() is True
    assert await caller.receive_nothing() is True
    for socket in (caller, callee, stranger):
        await socket.disconnect()


async def test_call_signaling_to_a_non_participant_or_an_ended_call_is_refused(
    conversation, owner, provider_user, other_owner
):
    caller, _ = await _open(owner)
    call, _ = await database_sync_to_async(call_services.call_start)(
        actor=owner, conversation_id=conversation.pk
    )
    frame = {
        "type": "call.signal",
        "call_id": str(call.pk),
        "kind": "ice",
        "payload": {"candidate": ""},
    }

    await caller.send_json_to({**frame, "to": other_owner.pk})
    assert (await caller.receive_json_from())["data"]["code"] == "call_not_found"
    await caller.send_json_to({**frame, "kind": "bye"})
    assert (await caller.receive_json_from())["data"]["code"] == "invalid_frame"
    await database_sync_to_async(call_services.call_end)(actor=owner, call_id=call.pk)
    assert (await caller.receive_json_from())["type"] == "call.updated"
    await caller.send_json_to(frame)
    assert (await caller.receive_json_from())["data"]["code"] == "call_not_found"
    await caller.disconnect()


async def test_call_changes_reach_every_participant(conversation, owner, provider_user):
    caller, _ = await _open(owner)
    call, _ = await database_sync_to_async(call_services.call_start)(
        actor=owner, conversation_id=conversation.pk
    )

    await database_sync_to_async(call_services.call_accept)(actor=provider_user, call_id=call.pk)

    event = await caller.receive_json_from()
    assert event["type"] == "call.updated"
    assert event["data"]["status"] == "InProgress"
    assert {p["user_id"]: p["status"] for p in event["data"]["participants"]} == {
        owner.pk: "Connected",
        provider_user.pk: "Connected",
    }
    await caller.disconnect()


async def test_logout_closes_the_sockets_of_that_session_only(owner):
    # given: two devices of one user
    phone, phone_session = await _open(owner)
    laptop, laptop_session = await _open(owner)

    # when: the phone's session ends (logout)
    await database_sync_to_async(user_session_end)(actor=owner, session=phone_session)

    # then: both hear of it; only the phone's socket closes, with 4401
    event = {"type": "session.revoked", "data": {"session_ids": [str(phone_session.pk)]}}
    assert await phone.receive_json_from() == event
    assert await _closed_with(phone) == 4401
    assert await laptop.receive_json_from() == event
    await laptop.send_json_to({"type": "ping"})
    assert await laptop.receive_json_from() == {"type": "pong"}
    await laptop.disconnect()


async def test_revoking_all_sessions_closes_every_socket(owner):
    # given
    phone, _ = await _open(owner)
    laptop, _ = await _open(owner)

    # when: a password change or a suspension revokes every session
    await database_sync_to_async(user_sessions_revoke)(user=owner, reason=SessionEndReason.REVOKED)

    # then
    assert (await phone.receive_json_from())["type"] == "session.revoked"
    assert await _closed_with(phone) == 4401
    assert (await laptop.receive_json_from())["type"] == "session.revoked"
    assert await _closed_with(laptop) == 4401


async def test_an_incoming_frame_rechecks_the_session(owner, monkeypatch):
    # given: a socket whose session is ended behind its back (no event published)
    monkeypatch.setattr(realtime.UserSocketConsumer, "RECHECK_SECONDS", 0.0)
    socket, session = await _open(owner)
    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from() == {"type": "pong"}
    await database_sync_to_async(UserSession.objects.filter(pk=session.pk).update)(
        is_active=False, end_reason=SessionEndReason.REVOKED, ended_at="2026-01-01T00:00:00Z"
    )

    # when
    await socket.send_json_to({"type": "ping"})

    # then
    assert await _closed_with(socket) == 4401


async def test_a_presence_heartbeat_frame_records_presence_and_is_acknowledged(owner):
    socket, _session = await _open(owner)

    await socket.send_json_to({"type": "presence.heartbeat", "status": "idle"})

    assert await socket.receive_json_from(timeout=2) == {
        "type": "presence.ack",
        "data": {"status": "idle"},
    }
    assert await database_sync_to_async(UserPresence.objects.filter(user=owner).exists)()
    await socket.send_json_to({"type": "presence.heartbeat", "status": "asleep"})
    refused = await socket.receive_json_from(timeout=2)
    assert (refused["type"], refused["data"]["code"]) == ("error", "invalid_frame")
    await socket.disconnect()


async def test_no_socket_opens_while_messaging_is_switched_off(owner, superuser):
    await database_sync_to_async(feature_flag_set)(
        actor=superuser, area=FeatureArea.MESSAGING, enabled=False
    )
    issued = await database_sync_to_async(user_session_create)(user=owner)
    socket = _socket(issued.access_token)
    await socket.connect()
    assert await _closed_with(socket) == realtime.CLOSE_FEATURE_DISABLED
