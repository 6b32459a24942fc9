"""Fixtures of the messaging tests: conversations between the callers of tests/callers.py."""

from __future__ import annotations

import pytest

from messaging.services.conversations import (
    conversation_create_group,
    conversation_get_or_create_direct,
)
from tests.messaging.factories import ConversationFactory, ConversationParticipantFactory


@pytest.fixture
def direct(owner, provider_user):
    """The direct conversation of `owner` and `provider_user`."""
    conversation, _created = conversation_get_or_create_direct(
        actor=owner, other_user_id=provider_user.pk
    )
    return conversation


@pytest.fixture
def group(owner, provider_user, other_owner):
    """A group of `owner` (its Owner), `provider_user` and `other_owner` (Members)."""
    return conversation_create_group(
        actor=owner, title="Walkies", user_ids=[provider_user.pk, other_owner.pk]
    )


@pytest.fixture
def conversation(owner, provider_user):
    """A group conversation whose active participants are `owner` and `provider_user`."""
    conversation = ConversationFactory()
    ConversationParticipantFactory(conversation=conversation, user=owner)
    ConversationParticipantFactory(conversation=conversation, user=provider_user)
    return conversation
