"""Races on PostgreSQL: idempotent sends, the direct-conversation key and the counters.

Real threads, each with its own database connection, start together at a barrier.
SQLite serializes writers anyway (and has no row locks to test), so these run only on
PostgreSQL.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from messaging.models import Conversation, ConversationParticipant, Message
from tests.callers import bearer_client

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"
    ),
]

THREADS = 20


def _race(count: int, work) -> list:
    """Run `work(i)` in `count` threads released together; returns their results."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:  # reported as the thread's result
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_twenty_parallel_retries_of_one_send_make_exactly_one_message(owner, direct):
    # given: twenty clients of the owner (a phone retrying on a flaky network)
    clients = [bearer_client(owner) for _ in range(THREADS)]
    url = f"/api/v1/conversations/{direct.pk}/messages/"
    body = {"content": "On my way", "client_message_id": "retry-me"}

    # when
    responses = _race(THREADS, lambda i: clients[i].post(url, body, format="json"))

    # then: one 201, nineteen 200s, all with the same message; one row, counted once
    assert Counter(r.status_code for r in responses) == {201: 1, 200: THREADS - 1}
    assert len({r.json()["id"] for r in responses}) == 1
    assert Message.objects.filter(client_message_id="retry-me").count() == 1
    direct.refresh_from_db()
    assert direct.message_count == 1


def test_parallel_different_sends_keep_the_counters_exact(owner, provider_user, direct):
    # given
    clients = [bearer_client(owner if i % 2 else provider_user) for i in range(THREADS)]
    url = f"/api/v1/conversations/{direct.pk}/messages/"

    # when
    responses = _race(THREADS, lambda i: clients[i].post(url, {"content": f"m{i}"}, format="json"))

    # then: every send counted; LastMessageId is the highest id
    assert Counter(r.status_code for r in responses) == {201: THREADS}
    direct.refresh_from_db()
    assert direct.message_count == THREADS
    assert direct.last_message_id == max(r.json()["id"] for r in responses)


def test_parallel_first_contacts_make_one_direct_conversation(owner, provider_user):
    # given: both sides open the conversation many times at once
    clients = [bearer_client(owner if i % 2 else provider_user) for i in range(THREADS)]
    targets = [provider_user.pk if i % 2 else owner.pk for i in range(THREADS)]

    # when
    responses = _race(
        THREADS,
        lambda i: clients[i].post("/api/v1/conversations/", {"user_id": targets[i]}, format="json"),
    )

    # then: one conversation (UX_Conversations_DirectKey), one 201
    assert Counter(r.status_code for r in responses) == {201: 1, 200: THREADS - 1}
    assert Conversation.objects.count() == 1
    assert ConversationParticipant.objects.count() == 2
