"""doggy.core.realtime: events reach the users' groups only after the transaction commits."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from doggy.core.realtime import FORWARD_TYPE, publish_to_users, user_group

pytestmark = pytest.mark.django_db(transaction=True)


def _join(user_id: int) -> str:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(user_id), channel)
    return channel


def _receive(channel: str) -> dict:
    return async_to_sync(get_channel_layer().receive)(channel)


def test_event_is_sent_after_commit_to_each_user_once():
    first, second = _join(7), _join(8)
    with transaction.atomic():
        publish_to_users([7, 8, 7], "message.created", {"id": 1})
        assert get_channel_layer().groups[user_group(7)]  # joined, nothing sent yet
    assert _receive(first) == {"type": FORWARD_TYPE, "event": "message.created", "data": {"id": 1}}
    assert _receive(second)["data"] == {"id": 1}


def test_rolled_back_change_sends_nothing():
    channel = _join(9)
    with transaction.atomic():
        publish_to_users([9], "message.created", {"id": 2})
        transaction.set_rollback(True)
    publish_to_users([9], "message.created", {"id": 3})  # autocommit: sent at once
    assert _receive(channel)["data"] == {"id": 3}


def test_guid_user_ids_name_their_groups():
    # given: user ids are ASP.NET Identity GUID strings, not integers
    user_id = "5f0c1f3e-9a43-4c55-a3c1-2b0f3a9e7d10"
    channel = _join(user_id)

    # when
    publish_to_users([user_id], "message.created", {"id": 4})

    # then
    assert user_group(user_id) == f"user.{user_id}"
    assert _receive(channel)["data"] == {"id": 4}
