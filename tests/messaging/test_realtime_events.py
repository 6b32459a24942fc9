"""Every change reaches the participants' sockets through the channel layer, after commit.

The test joins each user's group (`doggy.core.realtime.user_group`) on the in-memory
channel layer, as the WebSocket consumer does, and reads what was queued for it.
"""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from doggy.core.realtime import FORWARD_TYPE, user_group
from messaging.services.conversations import (
    conversation_mark_read,
    conversation_settings_update,
    message_delete,
    message_edit,
    message_hide,
    message_send,
    participant_add,
    reaction_add,
    reaction_remove,
)
from tests.callers import make_user

pytestmark = pytest.mark.django_db


class Socket:
    """A channel joined to a user's group; `events()` drains what arrived."""

    def __init__(self, user):
        layer = get_channel_layer()
        self.layer = layer
        self.channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(user_group(user.pk), self.channel)

    def events(self) -> list[tuple[str, dict]]:
        queue = self.layer.channels.get(self.channel)
        found = []
        while queue is not None and not queue.empty():
            _expiry, message = queue.get_nowait()
            assert message["type"] == FORWARD_TYPE
            found.append((message["event"], message["data"]))
        return found


@pytest.fixture
def sockets(owner, provider_user, other_owner):
    return {"owner": Socket(owner), "provider": Socket(provider_user), "other": Socket(other_owner)}


def test_message_events_reach_participants_only_after_commit(
    owner, provider_user, direct, sockets, django_capture_on_commit_callbacks
):
    # when: a send, before and after its commit
    with django_capture_on_commit_callbacks(execute=True):
        message, _ = message_send(
            actor=owner, conversation=direct, content="hi", client_message_id="k1"
        )
        assert sockets["provider"].events() == []  # nothing before the commit

    # then: both participants hear it with ids and small fields; the stranger hears nothing
    expected = {
        "id": message.pk,
        "conversation_id": str(direct.pk),
        "sender_id": owner.pk,
        "message_type": "Text",
        "client_message_id": "k1",
        "reply_to_id": None,
        "has_attachment": False,
        "created_at": message.created_at.isoformat(),
    }
    assert sockets["provider"].events() == [("message.created", expected)]
    assert sockets["owner"].events() == [("message.created", expected)]
    assert sockets["other"].events() == []


def test_every_change_publishes_its_event(
    owner, provider_user, direct, sockets, superuser, django_capture_on_commit_callbacks
):
    # given
    with django_capture_on_commit_callbacks(execute=True):
        message, _ = message_send(actor=owner, conversation=direct, content="hi")
    sockets["provider"].events()
    conversation_id = str(direct.pk)

    # when: edit, react, unreact, read, hide, delete
    with django_capture_on_commit_callbacks(execute=True):
        message_edit(actor=owner, conversation=direct, message=message, content="hello")
        reaction_add(
            actor=provider_user,
            conversation=direct,
            message=message,
            emoji_code="1f436",
            emoji_name="dog",
        )
        reaction_remove(
            actor=provider_user, conversation=direct, message=message, emoji_code="1f436"
        )
        read = conversation_mark_read(actor=provider_user, conversation=direct)
        message_hide(actor=superuser, message=message, reason="Spam")
        message_delete(actor=owner, conversation=direct, message=message)

    # then: in order, to the other participant
    events = sockets["provider"].events()
    assert [name for name, _ in events] == [
        "message.edited",
        "reaction.added",
        "reaction.removed",
        "receipt.read",
        "message.edited",
        "message.deleted",
    ]
    edited, added, removed, receipt, hidden, deleted = (data for _, data in events)
    assert edited == {
        "id": message.pk,
        "conversation_id": conversation_id,
        "edited_at": edited["edited_at"],
    }
    reaction = {"message_id": message.pk, "conversation_id": conversation_id}
    assert added == {
        **reaction,
        "user_id": provider_user.pk,
        "emoji_code": "1f436",
        "emoji_name": "dog",
    }
    assert removed == {**reaction, "user_id": provider_user.pk, "emoji_code": "1f436"}
    assert receipt == {
        "conversation_id": conversation_id,
        "user_id": provider_user.pk,
        "last_read_message_id": message.pk,
        "read_at": read.last_read_at.isoformat(),
    }
    assert hidden == {"id": message.pk, "conversation_id": conversation_id, "hidden": True}
    assert deleted == {"id": message.pk, "conversation_id": conversation_id}


def test_settings_change_is_heard_by_the_callers_devices_only(
    owner, group, sockets, django_capture_on_commit_callbacks
):
    # when: the owner mutes the group
    with django_capture_on_commit_callbacks(execute=True):
        conversation_settings_update(actor=owner, conversation=group, is_muted=True)

    # then
    assert sockets["owner"].events() == [
        ("conversation.updated", {"conversation_id": str(group.pk), "fields": ["is_muted"]})
    ]
    assert sockets["provider"].events() == []


def test_rolled_back_send_publishes_nothing(
    owner, provider_user, direct, sockets, django_capture_on_commit_callbacks
):
    # when: the send succeeds, then its transaction rolls back
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        message_send(actor=owner, conversation=direct, content="x")
        transaction.set_rollback(True)

    # then
    assert callbacks == []
    assert sockets["provider"].events() == []


def test_participant_added_event(owner, group, sockets, rbac, django_capture_on_commit_callbacks):
    newcomer = make_user(rbac, "PetOwner", email="n@example.com")
    newcomer_socket = Socket(newcomer)

    with django_capture_on_commit_callbacks(execute=True):
        participant_add(actor=owner, conversation=group, user_id=newcomer.pk)

    payload = {"conversation_id": str(group.pk), "participant_added": newcomer.pk}
    assert newcomer_socket.events() == [("conversation.updated", payload)]
    assert sockets["provider"].events() == [("conversation.updated", payload)]
