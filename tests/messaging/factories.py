"""Factories of the messaging app (baseline conversations and messages)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from messaging.models import Conversation, ConversationParticipant, Message
from tests.accounts.factories import UserFactory


class ConversationFactory(DjangoModelFactory[Conversation]):
    class Meta:
        model = Conversation


class ConversationParticipantFactory(DjangoModelFactory[ConversationParticipant]):
    class Meta:
        model = ConversationParticipant

    conversation = factory.SubFactory(ConversationFactory)
    user = factory.SubFactory(UserFactory)


class MessageFactory(DjangoModelFactory[Message]):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    sender = factory.SubFactory(UserFactory)
    content = factory.Faker("sentence")
