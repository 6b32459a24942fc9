"""Presence: heartbeats with throttled writes, derived status, activity intervals, and
who sees it (conversation peers, not blocked, not hidden)."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from accounts.services.preferences import user_settings_update
from doggy.core.errors import ApplicationError
from doggy.core.realtime import user_group
from messaging.models import UserActivityInterval, UserPresence
from messaging.presence import presence_heartbeat, presence_list
from tests.messaging.factories import (
    ConversationFactory,
    ConversationParticipantFactory,
    UserBlockFactory,
)

SECOND = dt.timedelta(seconds=1)


@pytest.fixture
def t0():
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def conversation(owner, other_owner, provider_user):
    """The owner talks with the other owner and the provider."""
    conversation = ConversationFactory()
    for user in (owner, other_owner, provider_user):
        ConversationParticipantFactory(conversation=conversation, user=user)
    return conversation


def _updated_at(user):
    return UserPresence.objects.get(user=user).updated_at


def test_heartbeats_within_the_interval_write_once(owner, t0, django_assert_num_queries):
    # when: three active heartbeats within a minute
    first = presence_heartbeat(actor=owner, status="active", now=t0)
    stamp = _updated_at(owner)
    with django_assert_num_queries(0):
        second = presence_heartbeat(actor=owner, status="active", now=t0 + 20 * SECOND)
        third = presence_heartbeat(actor=owner, status="active", now=t0 + 59 * SECOND)

    # then: the first wrote; the others touched neither the database nor the row
    assert [first["written"], second["written"], third["written"]] == [True, False, False]
    presence = UserPresence.objects.get(user=owner)
    assert presence.updated_at == stamp
    assert presence.last_active_at == t0

    # when: the interval has passed
    assert presence_heartbeat(actor=owner, status="active", now=t0 + 60 * SECOND)["written"]

    # then
    presence.refresh_from_db()
    assert presence.last_active_at == t0 + 60 * SECOND


def test_a_status_change_is_always_written(owner, t0):
    presence_heartbeat(actor=owner, status="active", now=t0)

    # when: the user goes idle ten seconds later
    result = presence_heartbeat(actor=owner, status="idle", now=t0 + 10 * SECOND)

    # then: written at once; the last activity stays, the connection moves on
    assert result == {"status": "idle", "written": True}
    presence = UserPresence.objects.get(user=owner)
    assert (presence.last_active_at, presence.last_connected_at) == (t0, t0 + 10 * SECOND)


def test_the_throttle_survives_an_empty_cache(owner, t0):
    # given: a written heartbeat, then the cache is lost (restart, eviction)
    from django.core.cache import cache

    presence_heartbeat(actor=owner, status="active", now=t0)
    cache.clear()

    # when: an unchanged heartbeat shortly after
    result = presence_heartbeat(actor=owner, status="active", now=timezone.now() + 5 * SECOND)

    # then: the row itself says it is fresh
    assert result["written"] is False


def test_update_id_grows_with_every_write(owner, t0):
    presence_heartbeat(actor=owner, status="active", now=t0)
    first = UserPresence.objects.get(user=owner).last_update_id
    presence_heartbeat(actor=owner, status="idle", now=t0 + SECOND)
    assert UserPresence.objects.get(user=owner).last_update_id > first


def test_activity_intervals_merge_within_fifteen_minutes(owner, t0):
    # when: active for two minutes, idle, then active again 14 and 40 minutes later
    for offset in (0, 60, 120):
        presence_heartbeat(actor=owner, status="active", now=t0 + offset * SECOND)
    presence_heartbeat(actor=owner, status="idle", now=t0 + 180 * SECOND)
    presence_heartbeat(actor=owner, status="active", now=t0 + 14 * 60 * SECOND)
    presence_heartbeat(actor=owner, status="active", now=t0 + 40 * 60 * SECOND)

    # then
    intervals = UserActivityInterval.objects.filter(user=owner).order_by("start_at")
    assert [(i.start_at - t0, i.end_at - t0) for i in intervals] == [
        (dt.timedelta(0), dt.timedelta(minutes=14)),
        (dt.timedelta(minutes=40), dt.timedelta(minutes=40)),
    ]


def test_unknown_status_is_refused(owner):
    with pytest.raises(ApplicationError) as caught:
        presence_heartbeat(actor=owner, status="online")
    assert (caught.value.code, list(caught.value.fields)) == ("invalid", ["status"])


def test_presence_is_shown_to_peers_who_are_not_blocked(
    owner, other_owner, provider_user, superuser, conversation
):
    # given: the provider blocked the owner; the superuser shares no conversation
    UserBlockFactory(blocker=provider_user, blocked=owner)
    now = timezone.now()
    for user in (other_owner, provider_user, superuser):
        presence_heartbeat(actor=user, status="active", now=now)
    presence_heartbeat(actor=owner, status="idle", now=now)

    # then: the block hides each of the pair from the other, both ways
    assert [(p["user_id"], p["status"]) for p in presence_list(actor=owner, now=now)] == [
        (str(other_owner.pk), "active")
    ]
    assert [p["user_id"] for p in presence_list(actor=provider_user, now=now)] == [
        str(other_owner.pk)
    ]
    assert [p["user_id"] for p in presence_list(actor=other_owner, now=now)] == sorted(
        [str(owner.pk), str(provider_user.pk)]
    )


def test_derived_status_goes_offline(owner, other_owner, conversation):
    now = timezone.now()
    presence_heartbeat(actor=other_owner, status="active", now=now)
    statuses = [
        presence_list(actor=owner, now=now + dt.timedelta(seconds=s))[0]["status"]
        for s in (0, 139, 140)
    ]
    assert statuses == ["active", "active", "offline"]


def test_hidden_online_status_is_shown_to_no_one(owner, other_owner, conversation):
    user_settings_update(actor=other_owner, user=other_owner, show_online_status=False)
    presence_heartbeat(actor=other_owner, status="active")
    assert presence_list(actor=owner) == []


def test_since_returns_only_newer_entries(owner, other_owner, provider_user, conversation):
    now = timezone.now()
    presence_heartbeat(actor=other_owner, status="active", now=now)
    seen = presence_list(actor=owner, now=now)[0]["last_update_id"]
    presence_heartbeat(actor=provider_user, status="active", now=now + SECOND)
    assert [p["user_id"] for p in presence_list(actor=owner, since=seen, now=now)] == [
        str(provider_user.pk)
    ]


def _socket(user) -> str:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(user.pk), channel)
    return channel


def _pending(channel: str) -> list[dict]:
    layer = get_channel_layer()
    queue = layer.channels.get(channel)
    events = []
    while queue is not None and not queue.empty():
        events.append(queue.get_nowait()[1])
    return events


def test_status_changes_are_published_to_unblocked_peers(
    owner, other_owner, provider_user, conversation, django_capture_on_commit_callbacks
):
    # given: sockets of both peers; the provider blocked the owner
    UserBlockFactory(blocker=provider_user, blocked=owner)
    peer, blocked = _socket(other_owner), _socket(provider_user)
    now = timezone.now()

    # when: the owner comes online, heartbeats unchanged, then goes idle
    with django_capture_on_commit_callbacks(execute=True):
        presence_heartbeat(actor=owner, status="active", now=now)
    with django_capture_on_commit_callbacks(execute=True):
        presence_heartbeat(actor=owner, status="active", now=now + 61 * SECOND)
    with django_capture_on_commit_callbacks(execute=True):
        presence_heartbeat(actor=owner, status="idle", now=now + 62 * SECOND)

    # then: two events (the unchanged write published nothing), none to the blocker
    events = _pending(peer)
    assert [(e["event"], e["data"]["user_id"], e["data"]["status"]) for e in events] == [
        ("presence.updated", str(owner.pk), "active"),
        ("presence.updated", str(owner.pk), "idle"),
    ]
    assert _pending(blocked) == []
