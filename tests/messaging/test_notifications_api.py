"""The notifications, preferences, devices and presence routes: shapes, cursor paging,
filters, errors, and query counts that do not grow with the page size."""

from __future__ import annotations

import pytest
from django.utils import timezone

from messaging.models import PushDevice
from messaging.notification_services import notify
from tests.messaging.factories import (
    ConversationFactory,
    ConversationParticipantFactory,
    NotificationFactory,
    PushDeviceFactory,
)
from tests.messaging.push_endpoint import b64url

INBOX = "/api/v1/notifications/"
SUBSCRIPTION = {
    "endpoint": "https://updates.push.services.mozilla.com/wpush/v2/abc",
    "keys": {"p256dh": b64url(b"\x04" + b"\x07" * 64), "auth": b64url(b"\x08" * 16)},
    "browser": "FIREFOX",
}

# session, the page (page_size + 1 rows; cursor paging runs no COUNT)
INBOX_QUERIES = 2
# session, COUNT
UNREAD_QUERIES = 2


@pytest.fixture
def api(client_for, owner):
    client = client_for(owner)
    client.get("/api/v1/notifications/unread-count/")  # warm the per-user permission cache
    return client


def test_inbox_pages_newest_first_by_cursor(api, owner, other_owner):
    # given
    ids = [NotificationFactory(recipient=owner).pk for _ in range(5)]
    NotificationFactory(recipient=other_owner)

    # when
    first = api.get(INBOX, {"page_size": 2}).json()
    second = api.get(first["next"]).json()
    third = api.get(second["next"]).json()

    # then
    pages = [[n["id"] for n in page["results"]] for page in (first, second, third)]
    assert pages == [ids[4:2:-1], ids[2:0:-1], ids[0:1]]
    assert third["next"] is None
    assert set(first) == {"next", "previous", "results"}
    assert set(first["results"][0]) == {
        "id",
        "type",
        "level",
        "title",
        "body",
        "entity_type",
        "entity_id",
        "action_url",
        "data",
        "is_read",
        "read_at",
        "created_at",
    }


def test_unread_filter_count_and_marking(api, owner):
    # given
    read, unread = NotificationFactory(recipient=owner), NotificationFactory(recipient=owner)
    api.post(f"/api/v1/notifications/{read.pk}/read/")

    # then
    assert [n["id"] for n in api.get(INBOX, {"unread": "true"}).json()["results"]] == [unread.pk]
    assert [n["id"] for n in api.get(INBOX, {"unread": "false"}).json()["results"]] == [read.pk]
    assert api.get("/api/v1/notifications/unread-count/").json() == {"unread": 1}

    # when
    response = api.post("/api/v1/notifications/read-all/")

    # then
    assert (response.status_code, response.json()) == (200, {"marked": 1})
    assert api.get("/api/v1/notifications/unread-count/").json() == {"unread": 0}


def test_bad_unread_value_and_cursor(api):
    response = api.get(INBOX, {"unread": "maybe"})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"unread": ["Use true or false."]}
    response = api.get(INBOX, {"cursor": "garbage"})
    assert response.status_code == 404
    assert set(response.json()) == {"error"}


@pytest.mark.parametrize("page_size", [5, 20])
def test_inbox_queries_do_not_grow_with_the_page(
    api, owner, other_owner, django_assert_num_queries, page_size
):
    # given: more rows than a page, of several types, from actors
    for i in range(page_size * 2):
        NotificationFactory(recipient=owner, actor=other_owner, is_read=False, data={"i": i})

    # then
    with django_assert_num_queries(INBOX_QUERIES):
        response = api.get(INBOX, {"page_size": page_size})
    assert len(response.json()["results"]) == page_size
    with django_assert_num_queries(INBOX_QUERIES):
        api.get(INBOX, {"page_size": page_size, "unread": "true"})
    with django_assert_num_queries(UNREAD_QUERIES):
        api.get("/api/v1/notifications/unread-count/")


def test_notify_reaches_the_inbox(api, owner):
    notify(owner, "kyc.status_changed", "Verified", "Your documents were approved.")
    [item] = api.get(INBOX).json()["results"]
    assert (item["type"], item["title"], item["level"], item["is_read"]) == (
        "kyc.status_changed",
        "Verified",
        "info",
        False,
    )


def test_preferences_get_and_put(api):
    # when
    response = api.put(
        "/api/v1/notifications/preferences/",
        {
            "preferences": [
                {"type": "*", "channel": "Email", "enabled": False},
                {"type": "appointment.confirmed", "channel": "Email", "enabled": True},
            ]
        },
        format="json",
    )

    # then
    assert response.status_code == 200
    body = api.get("/api/v1/notifications/preferences/").json()
    assert body == response.json()
    assert body["defaults"] == {"InApp": None, "Email": False, "Push": None}
    types = {t["type"]: t for t in body["types"]}
    assert types["appointment.confirmed"]["channels"] == {
        "InApp": True,
        "Email": True,
        "Push": True,
    }
    assert types["appointment.cancelled"]["channels"]["Email"] is False
    assert types["subscription.payment_failed"]["transactional"] is True


def test_preferences_put_refuses_unknown_type(api):
    response = api.put(
        "/api/v1/notifications/preferences/",
        {"preferences": [{"type": "dog.barked", "channel": "Push", "enabled": True}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "preferences[0].type": ["Unknown notification type 'dog.barked'."]
    }


def test_device_register_is_201_then_200_and_listed(api, owner, settings):
    settings.DOGGY_VAPID_PUBLIC_KEY = "BPublicKey"

    # when
    first = api.post("/api/v1/devices/", SUBSCRIPTION, format="json")
    again = api.post("/api/v1/devices/", SUBSCRIPTION, format="json")

    # then
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    listing = api.get("/api/v1/devices/").json()
    assert listing["vapid_public_key"] == "BPublicKey"
    assert [(d["endpoint"], d["browser"], d["platform"]) for d in listing["results"]] == [
        (SUBSCRIPTION["endpoint"], "FIREFOX", "WebPush")
    ]
    # the keys never leave the server
    assert "p256dh" not in listing["results"][0]


def test_device_register_refuses_a_plain_http_endpoint(api):
    response = api.post(
        "/api/v1/devices/", {**SUBSCRIPTION, "endpoint": "http://10.0.0.1/x"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["endpoint"]
    assert PushDevice.objects.count() == 0


def test_an_id_beyond_bigint_is_not_found(api):
    response = api.post(f"/api/v1/notifications/{2**64}/read/")
    assert (response.status_code, response.json()["error"]["code"]) == (
        404,
        "notification_not_found",
    )


def test_device_delete(api, owner):
    device = PushDeviceFactory(user=owner)
    assert api.delete(f"/api/v1/devices/{device.pk}/").status_code == 204
    assert api.delete(f"/api/v1/devices/{device.pk}/").status_code == 404


def test_presence_heartbeat_and_list(api, client_for, owner, other_owner):
    # given: a conversation of the two
    conversation = ConversationFactory()
    for user in (owner, other_owner):
        ConversationParticipantFactory(conversation=conversation, user=user)

    # when
    beat = client_for(other_owner).post("/api/v1/presence/", {"status": "active"}, format="json")

    # then
    assert (beat.status_code, beat.json()) == (200, {"status": "active", "written": True})
    [entry] = api.get("/api/v1/presence/").json()["presences"]
    assert (entry["user_id"], entry["status"]) == (str(other_owner.pk), "active")
    assert api.get("/api/v1/presence/", {"since": entry["last_update_id"]}).json() == {
        "presences": []
    }
    assert api.get("/api/v1/presence/", {"since": "x"}).status_code == 400
    assert api.get("/api/v1/presence/", {"since": str(2**63)}).status_code == 400
    assert api.post("/api/v1/presence/", {"status": "online"}, format="json").status_code == 400


def test_fast_output_serializers_write_what_drf_writes(owner, other_owner):
    # given: rows as the selectors return them (inbox rows carry only the columns shown)
    from rest_framework import serializers

    from messaging.api.notifications import NotificationSerializer, PushDeviceSerializer
    from messaging.notification_selectors import notification_list, push_device_list

    notify(owner, "message.new", "Hi", "Body", {"conversation": "c"}, actor=other_owner)
    NotificationFactory(
        recipient=owner, is_read=True, read_at=timezone.now(), entity_type="pets.DogProfile"
    )
    PushDeviceFactory(user=owner)

    # then
    for serializer_class, rows in (
        (NotificationSerializer, list(notification_list(actor=owner))),
        (PushDeviceSerializer, list(push_device_list(actor=owner))),
    ):
        assert rows
        for row in rows:
            expected = dict(serializers.Serializer.to_representation(serializer_class(), row))
            assert serializer_class(row).data == expected
