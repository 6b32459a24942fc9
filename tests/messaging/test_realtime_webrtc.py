"""A real WebRTC peer connection signaled through the WebSocket: two aiortc peers on
loopback exchange offer, answer and ICE candidates as `call.signal` frames of a call,
then open a data channel and exchange a message over it.
"""

from __future__ import annotations

import asyncio

import aioice.ice
import pytest
from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.sdp import candidate_from_sdp
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator

from accounts.services.sessions import user_session_create
from doggy.asgi import application
from messaging import call_services

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

TIMEOUT = 30


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    # ICE gathers host candidates on loopback only: the peers never leave the machine.
    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])
    channel_layers.backends = {}
    yield
    channel_layers.backends = {}


async def _socket(user) -> WebsocketCommunicator:
    issued = await database_sync_to_async(user_session_create)(user=user)
    socket = WebsocketCommunicator(
        application, "/ws/v1/", subprotocols=["doggy.v1", f"bearer.{issued.access_token}"]
    )
    connected, _ = await socket.connect()
    assert connected is True
    return socket


async def _next(socket: WebsocketCommunicator, event_type: str) -> dict:
    while True:
        frame = await socket.receive_json_from(timeout=TIMEOUT)
        if frame["type"] == event_type:
            return frame["data"]


def _candidates(sdp: str) -> list[dict]:
    return [
        {"candidate": line[2:], "sdpMid": "0", "sdpMLineIndex": 0}
        for line in sdp.splitlines()
        if line.startswith("a=candidate:")
    ]


async def test_two_peers_open_a_data_channel_through_the_socket(conversation, owner, provider_user):
    # given: the owner calls the provider, who answers; both have a socket open
    caller_socket, callee_socket = await _socket(owner), await _socket(provider_user)
    call, _ = await database_sync_to_async(call_services.call_start)(
        actor=owner, conversation_id=conversation.pk
    )
    await database_sync_to_async(call_services.call_accept)(actor=provider_user, call_id=call.pk)
    call_id = str(call.pk)

    def signal(kind: str, payload: dict) -> dict:
        return {"type": "call.signal", "call_id": call_id, "kind": kind, "payload": payload}

    caller, callee = RTCPeerConnection(), RTCPeerConnection()
    opened, received = asyncio.Event(), asyncio.get_running_loop().create_future()
    channel = caller.createDataChannel("chat")
    channel.on("open", opened.set)

    @callee.on("datachannel")
    def on_datachannel(incoming):
        incoming.on("message", lambda message: received.done() or received.set_result(message))

    try:
        # when: offer from the caller, answer and ICE candidates from the callee, all relayed
        await caller.setLocalDescription(await caller.createOffer())
        await caller_socket.send_json_to(
            signal("offer", {"type": "offer", "sdp": caller.localDescription.sdp})
        )
        offer = await _next(callee_socket, "call.signal")
        await callee.setRemoteDescription(RTCSessionDescription(**offer["payload"]))
        await callee.setLocalDescription(await callee.createAnswer())
        await callee_socket.send_json_to(
            {
                **signal("answer", {"type": "answer", "sdp": callee.localDescription.sdp}),
                "to": owner.pk,
            }
        )
        for candidate in _candidates(callee.localDescription.sdp):
            await callee_socket.send_json_to(signal("ice", candidate))

        answer = await _next(caller_socket, "call.signal")
        await caller.setRemoteDescription(RTCSessionDescription(**answer["payload"]))
        ice = await _next(caller_socket, "call.signal")
        relayed = candidate_from_sdp(ice["payload"]["candidate"].removeprefix("candidate:"))
        relayed.sdpMid = ice["payload"]["sdpMid"]
        relayed.sdpMLineIndex = ice["payload"]["sdpMLineIndex"]
        await caller.addIceCandidate(relayed)

        await asyncio.wait_for(opened.wait(), TIMEOUT)
        channel.send("woof")
        message = await asyncio.wait_for(received, TIMEOUT)
    finally:
        await caller.close()
        await callee.close()
        await caller_socket.disconnect()
        await callee_socket.disconnect()

    # then: the signals came from the other peer through the server; the channel carried the message
    assert (offer["kind"], offer["from_user_id"]) == ("offer", owner.pk)
    assert (answer["kind"], answer["from_user_id"]) == ("answer", provider_user.pk)
    assert (ice["kind"], ice["from_user_id"]) == ("ice", provider_user.pk)
    assert message == "woof"
