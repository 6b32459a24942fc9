"""The messaging admin's forms are read-only: no admin writes through the ORM (moderation
goes through its actions and the service, tests/messaging/test_admin.py)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from messaging.models import Conversation, ConversationParticipant, Message
from tests.messaging.factories import MessageFactory

pytestmark = pytest.mark.django_db

MODELS = (Conversation, ConversationParticipant, Message)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_no_add_change_or_delete_even_for_a_superuser(model, superuser):
    # given
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[model]

    # then
    assert (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request),
        model_admin.has_delete_permission(request),
        model_admin.has_view_permission(request),
    ) == (False, False, False, True)


def test_a_posted_change_is_refused_and_nothing_changes(superuser):
    # given
    message = MessageFactory(content="Original")
    client = Client()
    client.force_login(superuser)
    url = reverse("admin:messaging_message_change", args=[message.pk])

    # when
    page = client.get(url)
    response = client.post(
        url,
        {
            "conversation": str(message.conversation_id),
            "sender": str(message.sender_id),
            "content": "Rewritten",
        },
    )

    # then: the page shows the row read-only and the post is refused
    assert page.status_code == 200
    assert response.status_code == 403
    message.refresh_from_db()
    assert message.content == "Original"
