"""Every path that ends sessions tells the user's sockets which ones (`session.revoked`),
after commit; the socket consumer closes the sockets opened with them
(tests/messaging/test_realtime.py)."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.layers import channel_layers, get_channel_layer

from accounts.services.sessions import (
    RefreshRefused,
    user_session_create,
    user_session_rotate,
)
from doggy.core.realtime import user_group

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    channel_layers.backends = {}
    yield
    channel_layers.backends = {}


def _listen(user_id: str) -> str:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(user_id), channel)
    return channel


def test_a_replayed_refresh_token_revokes_its_family_and_says_so(owner):
    # given: a session rotated once; its successor is the live one
    first = user_session_create(user=owner)
    second = user_session_rotate(refresh_token=first.refresh_token)
    channel = _listen(owner.pk)

    # when: the consumed refresh token is presented again (stolen)
    with pytest.raises(RefreshRefused):
        user_session_rotate(refresh_token=first.refresh_token)

    # then: the successor was revoked and its sockets are told
    message = async_to_sync(get_channel_layer().receive)(channel)
    assert message["event"] == "session.revoked"
    assert message["data"] == {"session_ids": [str(second.session.pk)]}
