"""Query counts of the conversations and messages lists: the same at N and 2N rows.

Budgets (DESIGN.md): list ≤ 6 queries, detail ≤ 5. Counted with a real bearer token, so
every count includes the session lookup (one query). Unread counts come from the read
cursor (`MessageCount − ReadMessageCount`), never from counting messages.
"""

from __future__ import annotations

import pytest

from messaging.models import MessageAttachment
from messaging.services.conversations import (
    conversation_get_or_create_direct,
    message_send,
    reaction_add,
)
from tests.callers import make_user
from tests.doggy.factories import StoredFileFactory

LIST_BUDGET = 6
DETAIL_BUDGET = 5

# session, COUNT, page (membership columns joined), active participants with their users
CONVERSATION_LIST = 4
# session, the conversation, page, attachments with their files, reactions
MESSAGE_LIST = 5
# the same for one message
MESSAGE_DETAIL = 5


@pytest.fixture(autouse=True)
def _warm_caches(client_for, owner):
    """One request first: cached project-wide reads (maintenance mode, the caller's
    permission set) are not the routes' queries."""
    client_for(owner).get("/api/v1/conversations/")


def test_counts_are_within_the_budgets():
    assert max(CONVERSATION_LIST, MESSAGE_LIST) <= LIST_BUDGET
    assert MESSAGE_DETAIL <= DETAIL_BUDGET


def _add_conversations(owner, rbac, n: int, start: int) -> None:
    """n direct conversations of the owner, each with one message from the other side."""
    for i in range(start, start + n):
        other = make_user(rbac, "PetOwner", email=f"friend{i}@example.com")
        conversation, _ = conversation_get_or_create_direct(actor=other, other_user_id=owner.pk)
        message_send(actor=other, conversation=conversation, content=f"hi {i}")


def test_conversation_list(client_for, owner, rbac, django_assert_num_queries):
    client = client_for(owner)
    # given N conversations with unread messages
    _add_conversations(owner, rbac, 3, 0)
    with django_assert_num_queries(CONVERSATION_LIST):
        first = client.get("/api/v1/conversations/")
    _add_conversations(owner, rbac, 3, 3)
    # then 2N cost the same
    with django_assert_num_queries(CONVERSATION_LIST):
        second = client.get("/api/v1/conversations/")
    assert (first.json()["count"], second.json()["count"]) == (3, 6)
    assert {row["unread_count"] for row in second.json()["results"]} == {1}


def _add_messages(owner, provider_user, conversation, n: int) -> None:
    """n messages, each with an attachment and a reaction from each side."""
    for _ in range(n):
        message, _ = message_send(actor=owner, conversation=conversation, content="m")
        MessageAttachment.objects.create(
            message=message, file=StoredFileFactory(owner=owner, purpose="MessageAttachment")
        )
        for user in (owner, provider_user):
            reaction_add(
                actor=user,
                conversation=conversation,
                message=message,
                emoji_code="1f436",
                emoji_name="dog",
            )


def test_message_list(client_for, owner, provider_user, direct, django_assert_num_queries):
    client = client_for(provider_user)
    url = f"/api/v1/conversations/{direct.pk}/messages/"
    # given N messages
    _add_messages(owner, provider_user, direct, 4)
    client.get(url)  # the provider's permission set, cached
    with django_assert_num_queries(MESSAGE_LIST):
        first = client.get(url)
    _add_messages(owner, provider_user, direct, 4)
    # then 2N cost the same, in both directions
    with django_assert_num_queries(MESSAGE_LIST):
        second = client.get(url)
    oldest = second.json()["results"][-1]["id"]
    with django_assert_num_queries(MESSAGE_LIST):
        forwards = client.get(f"{url}?after={oldest - 1}")
    assert (len(first.json()["results"]), len(second.json()["results"])) == (4, 8)
    assert len(forwards.json()["results"]) == 8
    assert all(len(m["attachments"]) == 1 for m in second.json()["results"])
    assert all(m["reactions"][0]["count"] == 2 for m in second.json()["results"])


def test_message_detail(client_for, owner, provider_user, direct, django_assert_num_queries):
    _add_messages(owner, provider_user, direct, 1)
    message_id = direct.messages.get().pk
    client = client_for(owner)
    with django_assert_num_queries(MESSAGE_DETAIL):
        response = client.get(f"/api/v1/conversations/{direct.pk}/messages/{message_id}/")
    assert response.status_code == 200
