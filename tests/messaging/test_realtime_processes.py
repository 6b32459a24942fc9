"""Delivery across server processes: a change made through process A reaches a socket on
process B, through the Redis channel layer (two real daphne processes on loopback).

PostgreSQL, because both processes and the test share the database; Redis, from
scripts/with_redis.sh. `make test` runs it in its PostgreSQL stage.
"""

from __future__ import annotations

import contextlib
import json

import httpx
import pytest
from django.db import connection
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from accounts.services.sessions import user_session_create
from tests.messaging.servers import current_database_url, daphne_servers

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the server processes share the database"
    ),
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def test_a_call_started_through_process_a_rings_a_socket_on_process_b(
    conversation, owner, provider_user, redis_url
):
    # given: two server processes; the provider's socket is on B
    callee = user_session_create(user=provider_user)
    caller = user_session_create(user=owner)
    with contextlib.ExitStack() as stack:
        a, b = stack.enter_context(
            daphne_servers(2, database_url=current_database_url(), redis_url=redis_url)
        )
        socket = stack.enter_context(
            connect(
                b.ws, subprotocols=["doggy.v1", f"bearer.{callee.access_token}"], open_timeout=20
            )
        )
        # when: the owner starts a call through A's HTTP API
        started = httpx.post(
            f"{a.http}/api/v1/calls/",
            json={"conversation_id": str(conversation.pk)},
            headers={"Authorization": f"Bearer {caller.access_token}"},
            timeout=30,
        )
        ringing = json.loads(socket.recv(timeout=20))

        # and: the provider logs out through A
        logout = httpx.post(
            f"{a.http}/api/v1/auth/logout/",
            headers={"Authorization": f"Bearer {callee.access_token}"},
            timeout=30,
        )
        revoked = json.loads(socket.recv(timeout=20))
        with pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=20)

    # then: B's socket rang, heard of the logout and was closed with 4401
    assert socket.subprotocol == "doggy.v1"
    assert started.status_code == 201
    assert ringing["type"] == "call.ringing"
    assert ringing["data"]["id"] == started.json()["id"]
    assert logout.status_code == 204
    assert revoked == {"type": "session.revoked", "data": {"session_ids": [str(callee.session.pk)]}}
    assert closed.value.rcvd.code == 4401
