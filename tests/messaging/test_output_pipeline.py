"""The messaging output serializers write exactly what stock DRF writes (as
tests/api/test_output_pipeline.py checks for the other apps)."""

from __future__ import annotations

import pytest
from rest_framework import serializers

from messaging.api.conversation_serializers import (
    BlockSerializer,
    ConversationSerializer,
    MessageEditSerializer,
    MessageSerializer,
    ReceiptSerializer,
)
from messaging.models import MessageAttachment, MessageEdit, MessageReadReceipt
from messaging.selectors.conversations import (
    conversation_list,
    message_get,
    message_list,
    user_block_list,
)
from messaging.services.conversations import (
    conversation_mark_read,
    message_delete,
    message_edit,
    message_send,
    reaction_add,
    user_block,
)
from tests.doggy.factories import StoredFileFactory

pytestmark = pytest.mark.django_db


def drf_output(serializer_class, instance) -> dict:
    """What DRF's own `Serializer.to_representation` writes for `instance`."""
    return dict(serializers.Serializer.to_representation(serializer_class(), instance))


def test_messaging_rows_match_drf(owner, provider_user, other_owner, direct, group):
    # given: messages of every shape (text, reply, edited, deleted, attachment, reactions)
    first, _ = message_send(actor=owner, conversation=direct, content="hello")
    reply, _ = message_send(
        actor=provider_user, conversation=direct, content="hi \u2028 there", reply_to_id=first.pk
    )
    gone, _ = message_send(actor=owner, conversation=direct, content="oops")
    message_delete(actor=owner, conversation=direct, message=gone)
    message_edit(actor=owner, conversation=direct, message=first, content="hello!")
    MessageAttachment.objects.create(
        message=first, file=StoredFileFactory(owner=owner, purpose="MessageAttachment")
    )
    reaction_add(
        actor=provider_user,
        conversation=direct,
        message=first,
        emoji_code="1f436",
        emoji_name="dog",
    )
    conversation_mark_read(actor=provider_user, conversation=direct)
    user_block(actor=owner, user_id=other_owner.pk, reason="")

    # then
    conversations = list(conversation_list(actor=owner, filters={"archived": "all"}))
    assert len(conversations) == 2
    for row in conversations:
        assert ConversationSerializer(row).data == drf_output(ConversationSerializer, row)
    page = message_list(actor=owner, conversation=conversations[0])["results"]
    page += message_list(actor=owner, conversation=direct)["results"]
    page.append(message_get(actor=owner, conversation=direct, message_id=first.pk))
    assert len(page) >= 3
    for row in page:
        assert MessageSerializer(row).data == drf_output(MessageSerializer, row)
    for serializer_class, instance in (
        (MessageEditSerializer, MessageEdit.objects.get()),
        (ReceiptSerializer, MessageReadReceipt.objects.first()),
        (BlockSerializer, user_block_list(actor=owner).get()),
    ):
        assert serializer_class(instance).data == drf_output(serializer_class, instance)
    assert reply.reply_to_id == first.pk
