"""notify(): dedupe, preferences per type and channel, master switch, quiet hours, the
after-commit event and email delivery; the inbox services; preferences; push devices."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core import mail
from django.utils import timezone

from accounts.services.preferences import user_settings_update
from audit.models import AuditLog
from doggy.core.errors import ApplicationError, NotFoundError
from doggy.core.realtime import FORWARD_TYPE, user_group
from messaging.choices import Channel, DeliveryStatus, SkipReason
from messaging.models import Notification, NotificationDelivery, NotificationPreference, PushDevice
from messaging.notification_selectors import notification_list, notification_unread_count
from messaging.notification_services import (
    backoff,
    notification_deliveries_sweep,
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_set,
    notify,
    push_device_delete,
    push_device_register,
    quiet_hours_end,
)
from tests.messaging.factories import NotificationFactory, PushDeviceFactory
from tests.messaging.push_endpoint import b64url

P256DH = b64url(b"\x04" + b"\x01" * 64)
AUTH = b64url(b"\x02" * 16)


def _deliveries(notification) -> dict[str, tuple[str, str]]:
    return {
        d.channel: (d.status, d.skip_reason)
        for d in NotificationDelivery.objects.filter(notification=notification)
    }


# -- notify ---------------------------------------------------------------------------------
def test_notify_writes_the_inbox_row_and_one_delivery_per_channel(owner):
    # when
    notification = notify(owner, "appointment.confirmed", "Confirmed", "Tomorrow 10:00", {"a": 1})

    # then: in-app sent at once; email (on by default for this type) waits for commit
    assert notification.recipient_id == owner.pk
    assert (notification.notification_type, notification.title) == (
        "appointment.confirmed",
        "Confirmed",
    )
    assert notification.data == {"a": 1}
    assert notification.is_archived is False
    assert _deliveries(notification) == {
        "InApp": ("Sent", ""),
        "Email": ("Pending", ""),
        "Push": ("Skipped", SkipReason.NO_DEVICE),
    }


def test_a_repeated_dedupe_key_returns_the_first_notification(owner):
    # given
    first = notify(owner, "appointment.reminder", "Tomorrow", dedupe_key="appointment.reminder:1")

    # when
    again = notify(owner, "appointment.reminder", "Tomorrow!", dedupe_key="appointment.reminder:1")

    # then: one row, one set of deliveries
    assert again.pk == first.pk
    assert Notification.objects.filter(recipient=owner).count() == 1
    assert NotificationDelivery.objects.filter(notification=first).count() == 3


def test_the_same_key_for_another_user_is_another_notification(owner, other_owner):
    notify(owner, "vaccination.due", "Due", dedupe_key="vaccination.due:7")
    notify(other_owner, "vaccination.due", "Due", dedupe_key="vaccination.due:7")
    assert Notification.objects.filter(dedupe_key="vaccination.due:7").count() == 2


def test_unknown_type_is_refused(owner):
    with pytest.raises(ApplicationError) as caught:
        notify(owner, "dog.barked", "Woof")
    assert caught.value.code == "notification_type_unknown"
    assert Notification.objects.count() == 0


def test_type_preference_beats_the_all_types_row_and_the_default(owner):
    # given: email off for everything, but on for message.new; push off for message.new
    notification_preferences_set(
        actor=owner,
        preferences=[
            {"type": "*", "channel": "Email", "enabled": False},
            {"type": "message.new", "channel": "Email", "enabled": True},
            {"type": "message.new", "channel": "Push", "enabled": False},
        ],
    )
    PushDeviceFactory(user=owner)

    # when
    message = notify(owner, "message.new", "Hi")
    confirmed = notify(owner, "appointment.confirmed", "Confirmed")

    # then
    assert _deliveries(message) == {
        "InApp": ("Sent", ""),
        "Email": ("Pending", ""),
        "Push": ("Skipped", SkipReason.USER_OPT_OUT),
    }
    assert _deliveries(confirmed)["Email"] == ("Skipped", SkipReason.USER_OPT_OUT)
    assert _deliveries(confirmed)["Push"] == ("Pending", "")


def test_in_app_off_keeps_the_notification_out_of_the_inbox(owner):
    notification_preferences_set(
        actor=owner, preferences=[{"type": "review.received", "channel": "InApp", "enabled": False}]
    )
    notification = notify(owner, "review.received", "5 stars")
    assert notification.is_archived is True
    assert list(notification_list(actor=owner)) == []
    assert _deliveries(notification)["InApp"] == ("Skipped", SkipReason.USER_OPT_OUT)


def test_email_master_switch_off(owner):
    owner.is_email_notifications_enabled = False
    owner.save(update_fields=["is_email_notifications_enabled"])
    notification = notify(owner, "appointment.confirmed", "Confirmed")
    assert _deliveries(notification)["Email"] == ("Skipped", SkipReason.MASTER_SWITCH_OFF)


def test_transactional_types_ignore_preferences_and_the_master_switch(owner):
    owner.is_email_notifications_enabled = False
    owner.save(update_fields=["is_email_notifications_enabled"])
    notification_preferences_set(
        actor=owner, preferences=[{"type": "*", "channel": "Email", "enabled": False}]
    )
    notification = notify(owner, "subscription.payment_failed", "Payment failed")
    assert _deliveries(notification)["Email"] == ("Pending", "")


# -- after commit: the event and the email ----------------------------------------------------
def test_event_and_email_go_out_after_commit(owner, django_capture_on_commit_callbacks):
    # given: a socket of the owner
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(owner.pk), channel)

    # when
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(owner, "appointment.confirmed", "Confirmed", "Tomorrow 10:00")
        assert mail.outbox == []

    # then: one event, one email, and the delivery records it
    assert len(callbacks) == 2
    event = async_to_sync(layer.receive)(channel)
    assert event["type"] == FORWARD_TYPE
    assert event["event"] == "notification.created"
    assert event["data"]["id"] == notification.pk
    assert event["data"]["title"] == "Confirmed"
    [email] = mail.outbox
    assert (email.subject, email.body, email.to) == ("Confirmed", "Tomorrow 10:00", [owner.email])
    delivery = NotificationDelivery.objects.get(notification=notification, channel=Channel.EMAIL)
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempt_count == 1
    assert delivery.provider_message_id == email.extra_headers["Message-ID"]


def test_failing_email_backend_is_retried(owner, settings, django_capture_on_commit_callbacks):
    # given: an email backend that cannot connect
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    # when
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(owner, "appointment.confirmed", "Confirmed")

    # then: pending, one attempt, the next in a minute
    delivery = NotificationDelivery.objects.get(notification=notification, channel=Channel.EMAIL)
    assert (delivery.status, delivery.attempt_count) == ("Pending", 1)
    assert "ConnectionRefusedError" in delivery.last_error
    assert before + backoff(1) <= delivery.next_attempt_at <= timezone.now() + backoff(1)

    # when: the backend is back and the retry is due
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notification_deliveries_sweep(now=delivery.next_attempt_at) == {"Sent": 1}
    assert len(mail.outbox) == 1


def test_backoff_doubles_up_to_an_hour():
    minutes = [backoff(n) / dt.timedelta(minutes=1) for n in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]


# -- quiet hours ------------------------------------------------------------------------------
NY = "America/New_York"


@pytest.mark.parametrize(
    ("local_now", "start", "end", "expected_local_end"),
    [
        ("2026-12-07 23:30", "22:00", "07:00", "2026-12-08 07:00"),  # wraps midnight, evening
        ("2026-12-08 03:00", "22:00", "07:00", "2026-12-08 07:00"),  # wraps midnight, morning
        ("2026-12-08 07:00", "22:00", "07:00", None),  # the end is not quiet
        ("2026-12-08 12:00", "22:00", "07:00", None),
        ("2026-12-08 13:15", "13:00", "14:00", "2026-12-08 14:00"),  # same day
        ("2026-12-08 12:59", "13:00", "14:00", None),
    ],
)
def test_quiet_hours_end(local_now, start, end, expected_local_end):
    zone = ZoneInfo(NY)
    now = dt.datetime.fromisoformat(local_now).replace(tzinfo=zone)
    result = quiet_hours_end(
        now=now.astimezone(dt.UTC),
        start=dt.time.fromisoformat(start),
        end=dt.time.fromisoformat(end),
        time_zone=NY,
    )
    expected = (
        dt.datetime.fromisoformat(expected_local_end).replace(tzinfo=zone)
        if expected_local_end
        else None
    )
    assert result == expected


def test_quiet_hours_hold_email_and_push_until_they_end(owner, django_capture_on_commit_callbacks):
    # given: quiet hours around the present moment, in the owner's time zone
    owner.time_zone = NY
    owner.save(update_fields=["time_zone"])
    local = timezone.now().astimezone(ZoneInfo(NY))
    start = (local - dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (local + dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    user_settings_update(actor=owner, user=owner, quiet_hours_start=start, quiet_hours_end=end)
    PushDeviceFactory(user=owner)

    # when
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(owner, "appointment.confirmed", "Confirmed")

    # then: in-app now; email and push pending until the end of the quiet hours, unsent
    held = NotificationDelivery.objects.filter(
        notification=notification, channel__in=[Channel.EMAIL, Channel.PUSH]
    )
    expected_end = quiet_hours_end(now=timezone.now(), start=start, end=end, time_zone=NY)
    assert [(d.status, d.next_attempt_at, d.attempt_count) for d in held] == [
        ("Pending", expected_end, 0),
        ("Pending", expected_end, 0),
    ]
    assert len(callbacks) == 1  # the in-app event only
    assert mail.outbox == []

    # when: the sweep runs before and at the end
    assert notification_deliveries_sweep(now=expected_end - dt.timedelta(seconds=1)) == {}
    notification_deliveries_sweep(now=expected_end)

    # then
    assert len(mail.outbox) == 1


# -- the inbox --------------------------------------------------------------------------------
def test_mark_read_one_and_all(owner, other_owner):
    # given
    first, second, third = (NotificationFactory(recipient=owner) for _ in range(3))
    theirs = NotificationFactory(recipient=other_owner)

    # when
    read = notification_mark_read(actor=owner, notification_id=first.pk)

    # then
    assert read.is_read is True
    assert read.read_at is not None
    assert notification_unread_count(actor=owner) == 2

    # when
    assert notification_mark_all_read(actor=owner) == 2

    # then: the other user's notification is untouched
    assert notification_unread_count(actor=owner) == 0
    theirs.refresh_from_db()
    assert theirs.is_read is False
    assert {second.pk, third.pk} <= set(
        Notification.objects.filter(is_read=True).values_list("id", flat=True)
    )


def test_another_users_notification_is_not_found(owner, other_owner):
    theirs = NotificationFactory(recipient=other_owner)
    with pytest.raises(NotFoundError) as caught:
        notification_mark_read(actor=owner, notification_id=theirs.pk)
    assert caught.value.code == "notification_not_found"


# -- preferences ------------------------------------------------------------------------------
def test_preferences_are_upserted_and_audited_once(owner):
    # when
    notification_preferences_set(
        actor=owner, preferences=[{"type": "message.new", "channel": "Push", "enabled": False}]
    )
    notification_preferences_set(
        actor=owner, preferences=[{"type": "message.new", "channel": "Push", "enabled": False}]
    )

    # then: the unchanged second call writes nothing
    rows = NotificationPreference.objects.filter(user=owner)
    assert [(r.notification_type, r.channel, r.is_enabled) for r in rows] == [
        ("message.new", "Push", False)
    ]
    audit = AuditLog.objects.filter(entity_type="messaging.NotificationPreference")
    assert [(a.old_values, a.new_values) for a in audit] == [
        ({"message.new:Push": None}, {"message.new:Push": False})
    ]


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"type": "dog.barked", "channel": "Push", "enabled": True}, "preferences[0].type"),
        ({"type": "message.new", "channel": "Sms", "enabled": True}, "preferences[0].channel"),
    ],
)
def test_preferences_refuse_unknown_types_and_channels(owner, item, field):
    with pytest.raises(ApplicationError) as caught:
        notification_preferences_set(actor=owner, preferences=[item])
    assert (caught.value.code, list(caught.value.fields)) == ("invalid", [field])
    assert NotificationPreference.objects.count() == 0


# -- push devices -----------------------------------------------------------------------------
def test_registering_a_known_endpoint_takes_it_over(owner, other_owner):
    # given: the browser was subscribed while the other owner was signed in
    endpoint = "https://fcm.googleapis.com/fcm/send/abc"
    device, created = push_device_register(
        actor=other_owner, endpoint=endpoint, p256dh=P256DH, auth=AUTH
    )
    assert created

    # when
    again, created = push_device_register(actor=owner, endpoint=endpoint, p256dh=P256DH, auth=AUTH)

    # then
    assert (again.pk, created, again.user_id) == (device.pk, False, owner.pk)
    assert PushDevice.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"endpoint": "http://push.example.com/x"}, "endpoint"),
        ({"endpoint": "file:///etc/passwd"}, "endpoint"),
        ({"p256dh": b64url(b"\x04" * 10)}, "p256dh"),
        ({"p256dh": "not base64!"}, "p256dh"),
        ({"auth": b64url(b"\x01" * 8)}, "auth"),
    ],
)
def test_invalid_subscriptions_are_refused(owner, values, field):
    data = {"endpoint": "https://push.example.com/x", "p256dh": P256DH, "auth": AUTH, **values}
    with pytest.raises(ApplicationError) as caught:
        push_device_register(actor=owner, **data)
    assert list(caught.value.fields) == [field]
    assert PushDevice.objects.count() == 0


def test_delete_only_own_device(owner, other_owner):
    mine, theirs = PushDeviceFactory(user=owner), PushDeviceFactory(user=other_owner)
    with pytest.raises(NotFoundError):
        push_device_delete(actor=owner, device_id=theirs.pk)
    with pytest.raises(NotFoundError):
        push_device_delete(actor=owner, device_id="not-a-uuid")
    push_device_delete(actor=owner, device_id=mine.pk)
    assert list(PushDevice.objects.values_list("id", flat=True)) == [theirs.pk]
    assert AuditLog.objects.filter(action="Delete", entity_id=str(mine.pk)).count() == 1


def test_deliver_notifications_command_sends_due_rows(owner):
    # given: an email delivery whose commit-time attempt never ran
    from io import StringIO

    from django.core.management import call_command

    notify(owner, "appointment.confirmed", "Confirmed")
    out = StringIO()

    # when
    call_command("deliver_notifications", stdout=out)
    call_command("deliver_notifications", stdout=out)

    # then
    assert out.getvalue().splitlines() == [
        "Deliveries attempted: 1 Sent.",
        "Deliveries attempted: none due.",
    ]
    assert len(mail.outbox) == 1
