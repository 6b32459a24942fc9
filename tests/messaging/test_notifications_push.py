"""Web Push delivery against a push service on loopback (tests/messaging/push_endpoint.py):
the VAPID signature and the encrypted payload are checked by the endpoint, a 410 deactivates
the device, and a server error is retried with exponential backoff."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditLog
from messaging.choices import Channel, DeliveryStatus, SkipReason
from messaging.models import NotificationDelivery
from messaging.notification_services import (
    MAX_ATTEMPTS,
    notification_deliveries_sweep,
    notification_delivery_attempt,
    notify,
    push_device_register,
)
from tests.messaging.push_endpoint import VapidKeys, start_push_endpoint

SUBJECT = "mailto:push-test@meandmydoggy.invalid"


@pytest.fixture
def vapid(settings) -> VapidKeys:
    keys = VapidKeys.generate()
    settings.DOGGY_VAPID_PRIVATE_KEY = keys.private
    settings.DOGGY_VAPID_PUBLIC_KEY = keys.public
    settings.DOGGY_VAPID_SUBJECT = SUBJECT
    # The loopback endpoint speaks plain HTTP; production accepts https only.
    settings.DOGGY_WEB_PUSH_SCHEMES = ("https", "http")
    return keys


@pytest.fixture
def endpoint():
    push = start_push_endpoint()
    yield push
    push.server.shutdown()
    push.server.server_close()


@pytest.fixture
def device(owner, endpoint, vapid):
    device, created = push_device_register(
        actor=owner, endpoint=endpoint.url(), p256dh=endpoint.p256dh, auth=endpoint.auth
    )
    assert created
    return device


def _push_delivery(notification) -> NotificationDelivery:
    return NotificationDelivery.objects.get(notification=notification, channel=Channel.PUSH)


def test_push_is_signed_with_vapid_and_encrypted_for_the_subscription(
    owner, device, endpoint, vapid, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            owner, "message.new", "Rex's walker wrote", "See you at 5", {"conversation": "c-1"}
        )

    # then: the endpoint verified the JWT against the platform's key and decrypted the body
    [received] = endpoint.received
    assert received.error == ""
    assert received.vapid_key == vapid.public
    assert received.claims["sub"] == SUBJECT
    assert received.claims["aud"] == endpoint.origin
    assert received.payload["id"] == notification.pk
    assert received.payload["title"] == "Rex's walker wrote"
    assert received.payload["body"] == "See you at 5"
    assert received.payload["data"] == {"conversation": "c-1"}
    assert received.payload["type"] == "message.new"
    delivery = _push_delivery(notification)
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.push_device_id == device.pk
    assert delivery.attempt_count == 1
    assert delivery.provider_message_id == f"{endpoint.origin}/messages/1"
    device.refresh_from_db()
    assert device.last_used_at is not None
    assert device.failure_count == 0


def test_gone_subscription_deactivates_the_device(
    owner, device, endpoint, django_capture_on_commit_callbacks
):
    # given: the push service says the subscription no longer exists
    endpoint.answer = 410

    # when
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(owner, "message.new", "Hello")

    # then: failed for good, no retry, the device is off and the change audited
    delivery = _push_delivery(notification)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.next_attempt_at is None
    assert "410" in delivery.last_error
    device.refresh_from_db()
    assert device.is_active is False
    assert AuditLog.objects.filter(entity_id=str(device.pk), action="Update").count() == 1

    # and the next notification does not push to it
    later = notify(owner, "message.new", "Again")
    assert _push_delivery(later).status == DeliveryStatus.SKIPPED
    assert _push_delivery(later).skip_reason == SkipReason.NO_DEVICE
    assert len(endpoint.received) == 1


def test_a_server_error_is_retried_with_exponential_backoff(owner, device, endpoint):
    # given: a push service that fails; the notification's commit never ran its task
    endpoint.answer = 503
    notification = notify(owner, "message.new", "Hello")
    delivery = _push_delivery(notification)
    t0 = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)

    # when: the first attempt fails
    assert notification_delivery_attempt(delivery.pk, now=t0) == DeliveryStatus.PENDING

    # then: pending again, one minute later
    delivery.refresh_from_db()
    assert (delivery.attempt_count, delivery.next_attempt_at) == (1, t0 + dt.timedelta(minutes=1))
    assert "503" in delivery.last_error

    # when: a sweep before that time sends nothing; at that time it retries (2 min next)
    assert notification_deliveries_sweep(now=t0 + dt.timedelta(seconds=59)) == {}
    assert notification_deliveries_sweep(now=t0 + dt.timedelta(minutes=1)) == {"Pending": 1}
    delivery.refresh_from_db()
    assert delivery.attempt_count == 2
    assert delivery.next_attempt_at == t0 + dt.timedelta(minutes=3)

    # when: the service recovers
    endpoint.answer = 201
    assert notification_deliveries_sweep(now=t0 + dt.timedelta(minutes=3)) == {"Sent": 1}

    # then
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempt_count, delivery.last_error) == ("Sent", 3, "")
    assert [r.error for r in endpoint.received] == ["", "", ""]
    device.refresh_from_db()
    assert (device.is_active, device.failure_count) == (True, 0)


def test_attempts_stop_after_the_last_one(owner, device, endpoint):
    # given
    endpoint.answer = 500
    delivery = _push_delivery(notify(owner, "message.new", "Hello"))
    now = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)

    # when: every attempt fails
    statuses = []
    for _ in range(MAX_ATTEMPTS):
        statuses.append(notification_delivery_attempt(delivery.pk, now=now))
        now += dt.timedelta(hours=2)

    # then
    assert statuses == ["Pending"] * (MAX_ATTEMPTS - 1) + ["Failed"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.next_attempt_at) == ("Failed", None)
    assert notification_delivery_attempt(delivery.pk, now=now) is None
    assert len(endpoint.received) == MAX_ATTEMPTS


def test_without_vapid_keys_push_fails_without_a_request(
    owner, endpoint, settings, django_capture_on_commit_callbacks
):
    # given: a device, but no VAPID key configured
    settings.DOGGY_WEB_PUSH_SCHEMES = ("https", "http")
    settings.DOGGY_VAPID_PRIVATE_KEY = ""
    push_device_register(
        actor=owner, endpoint=endpoint.url(), p256dh=endpoint.p256dh, auth=endpoint.auth
    )

    # when
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(owner, "message.new", "Hello")

    # then
    delivery = _push_delivery(notification)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error == "DOGGY_VAPID_PRIVATE_KEY is not set."
    assert endpoint.received == []
