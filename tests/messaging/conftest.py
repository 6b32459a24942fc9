"""Fixtures of the messaging tests: a conversation between `owner` and `provider_user`."""

from __future__ import annotations

import pytest

from tests.messaging.factories import ConversationFactory, ConversationParticipantFactory


@pytest.fixture
def conversation(owner, provider_user):
    """A group conversation whose active participants are `owner` and `provider_user`."""
    conversation = ConversationFactory()
    ConversationParticipantFactory(conversation=conversation, user=owner)
    ConversationParticipantFactory(conversation=conversation, user=provider_user)
    return conversation
