"""The messaging admin: conversations with their participants (read-only), and message
moderation (hide, unhide) with a reason, through the service, audited."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditLog
from doggy.choices import FeatureArea
from doggy.services import feature_flag_set
from messaging.models import Message
from messaging.services.conversations import message_send
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

APPLY = "_apply_action_form"


@pytest.fixture
def staff_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def message(owner, direct):
    sent, _ = message_send(actor=owner, conversation=direct, content="Buy cheap bones")
    return sent


def _action(client, action: str, messages, **data):
    url = reverse("admin:messaging_message_changelist")
    payload = {"action": action, "_selected_action": [str(m.pk) for m in messages], **data}
    return client.post(url, payload)


def test_conversation_detail_shows_the_participants(staff_client, owner, provider_user, direct):
    # when
    listing = staff_client.get(reverse("admin:messaging_conversation_changelist"))
    detail = staff_client.get(reverse("admin:messaging_conversation_change", args=[direct.pk]))

    # then
    assert listing.status_code == detail.status_code == 200
    assert str(direct.pk).encode() in listing.content
    assert owner.email.encode() in detail.content
    assert provider_user.email.encode() in detail.content


def test_hide_and_unhide_with_a_reason_are_audited(staff_client, owner, message, client_for):
    # when: the form step, then the hide with its reason
    form = _action(staff_client, "hide_messages", [message])
    _action(staff_client, "hide_messages", [message], reason="Spam", **{APPLY: "1"})

    # then: hidden, audited with the reason; participants see no content
    assert form.status_code == 200
    assert b"Hide messages" in form.content
    message.refresh_from_db()
    assert message.moderation_status == "Blocked"
    seen = client_for(owner).get(
        f"/api/v1/conversations/{message.conversation_id}/messages/{message.pk}/"
    )
    assert (seen.json()["content"], seen.json()["is_hidden"]) == ("", True)

    # when: unhidden
    _action(staff_client, "unhide_messages", [message], reason="Appeal upheld", **{APPLY: "1"})

    # then
    message.refresh_from_db()
    assert message.moderation_status == "Clean"
    rows = AuditLog.objects.filter(entity_type="messaging.Message", entity_id=str(message.pk))
    assert [
        (r.new_values["moderation"], r.new_values["reason"]) for r in rows.order_by("timestamp")
    ] == [
        ("hide", "Spam"),
        ("unhide", "Appeal upheld"),
    ]


def test_hide_without_a_reason_changes_nothing(staff_client, message):
    response = _action(staff_client, "hide_messages", [message], reason="", **{APPLY: "1"})

    assert response.status_code == 200  # the form again, with its error
    message.refresh_from_db()
    assert message.moderation_status == "Clean"


def test_staff_without_system_admin_cannot_moderate(message):
    # given: admin-site staff holding no RBAC permission
    client = Client()
    client.force_login(UserFactory(email="staff@example.com", is_staff=True))

    # when
    response = _action(client, "hide_messages", [message], reason="x", **{APPLY: "1"})

    # then
    assert response.status_code == 403
    assert Message.objects.get(pk=message.pk).moderation_status == "Clean"


def test_messaging_flag_off_hides_the_api_and_the_admin(
    staff_client, superuser, owner, direct, client_for
):
    # given: the Messaging area switched off (a phase 3 migration window)
    feature_flag_set(actor=superuser, area=FeatureArea.MESSAGING, enabled=False)

    # when
    api = client_for(owner).get(f"/api/v1/conversations/{direct.pk}/messages/")
    screen = staff_client.get(reverse("admin:messaging_conversation_changelist"))

    # then
    assert api.status_code == 503
    assert api.json()["error"]["code"] == "feature_disabled"
    assert screen.status_code == 403

    # when: back on
    feature_flag_set(actor=superuser, area=FeatureArea.MESSAGING, enabled=True)

    # then
    assert client_for(owner).get(f"/api/v1/conversations/{direct.pk}/messages/").status_code == 200
