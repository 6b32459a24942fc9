"""Notifications (021), their delivery (email, Web Push; 022) and the user's choices.

`notify(user, type, title, body, data, dedupe_key)` is what other apps call. In one
transaction it writes the `Notifications` row (a repeated dedupe key returns the first
row and sends nothing again) and one `NotificationDeliveries` row per channel (per device
for push), decided by the user's preferences (type, then `*`, then the registry's
default), the email master switch and the quiet hours of `UserSettings`. After commit it
publishes `notification.created` to the user's sockets and hands the due deliveries to the
task runner.

A delivery attempt claims its row first (attempt count up, a lease in `NextAttemptAt`),
sends outside any transaction, then records the result: Sent with the provider's id, a
retry with exponential backoff, or Failed. A 404/410 from a push service deactivates the
device. Deliveries held for quiet hours or waiting for a retry are sent by the sweep
(`notification_deliveries_sweep`: `manage.py deliver_notifications`, or Celery beat).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import logging
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError
from doggy.core.realtime import publish_to_users
from doggy.core.tasks import run_after_commit
from doggy.health import job_run

from .choices import (
    ALL_NOTIFICATION_TYPES,
    Channel,
    DeliveryStatus,
    NotificationSeverity,
    PushBrowser,
    PushPlatform,
    SkipReason,
)
from .models import Notification, NotificationDelivery, NotificationPreference, PushDevice
from .notification_errors import NotificationErrorCode
from .notification_selectors import (
    notification_deliveries_due,
    notification_get,
    notification_list,
    notification_preference_effective,
    notification_preferences_stored,
    push_device_get,
    recipient_profile,
    recipient_user,
)
from .notification_types import NOTIFICATION_TYPES, PREFERENCE_CHANNELS
from .push import PushNotConfigured, web_push_send

logger = logging.getLogger(__name__)

# Retries: 1 min, 2, 4, 8, then Failed (five attempts in all).
MAX_ATTEMPTS = 5
BACKOFF_BASE = dt.timedelta(minutes=1)
BACKOFF_CAP = dt.timedelta(hours=1)
# A claimed attempt that never reports back (the process died) is retried after this.
ATTEMPT_LEASE = dt.timedelta(minutes=5)
EVENT_CREATED = "notification.created"
EVENT_READ = "notification.read"
DEVICE_FIELDS = ("platform", "browser", "device_name", "app_version", "is_active")


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(NotificationErrorCode.INVALID, message, fields={field: [message]})


# -- quiet hours ---------------------------------------------------------------------------
def quiet_hours_end(
    *, now: dt.datetime, start: dt.time | None, end: dt.time | None, time_zone: str
) -> dt.datetime | None:
    """When the quiet period that contains `now` ends, or None outside quiet hours.

    `start`/`end` are wall-clock times in the user's time zone; a period may wrap
    midnight (22:00–07:00).
    """
    if start is None or end is None or start == end:
        return None
    try:
        zone = ZoneInfo(time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = now.astimezone(zone)
    clock = local.time().replace(tzinfo=None)
    if start < end:
        quiet = start <= clock < end
        end_day = local.date()
    else:
        quiet = clock >= start or clock < end
        end_day = local.date() + dt.timedelta(days=1) if clock >= start else local.date()
    if not quiet:
        return None
    return dt.datetime.combine(end_day, end, tzinfo=zone).astimezone(dt.UTC)


def backoff(attempt: int) -> dt.timedelta:
    """The wait after failed attempt number `attempt` (1-based): 1, 2, 4, 8 … minutes."""
    return min(BACKOFF_BASE * (2 ** max(attempt - 1, 0)), BACKOFF_CAP)


# -- notify --------------------------------------------------------------------------------
def notify(
    user,
    type: str,  # noqa: A002 - the public name other apps call it with
    title: str,
    body: str = "",
    data: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
    *,
    actor=None,
    level: str = NotificationSeverity.INFO,
    entity_type: str | None = None,
    entity_id: Any = None,
    action_url: str = "",
) -> Notification:
    """Notify `user`; returns the notification (the first one again for a repeated key)."""
    registered = NOTIFICATION_TYPES.get(type)
    if registered is None:
        raise ApplicationError(
            NotificationErrorCode.NOTIFICATION_TYPE_UNKNOWN,
            f"Unknown notification type {type!r}.",
        )
    if level not in NotificationSeverity.values:
        raise _invalid("level", f"Choose one of {', '.join(NotificationSeverity.values)}.")
    with transaction.atomic():
        if dedupe_key is not None:
            existing = Notification.objects.filter(recipient=user, dedupe_key=dedupe_key).first()
            if existing is not None:
                return existing
        now = timezone.now()
        profile = recipient_profile(user_id=user.pk) or {}
        stored = {} if registered.transactional else notification_preferences_stored(user=user)

        def enabled(channel: str) -> bool:
            if registered.transactional:
                return True
            return notification_preference_effective(stored, type, channel)

        in_app = enabled(Channel.IN_APP)
        notification = Notification(
            recipient=user,
            actor=actor,
            notification_type=type,
            level=level,
            title=title[:200],
            body=body[:1000],
            entity_type=entity_type,
            entity_id=None if entity_id is None else str(entity_id)[:100],
            action_url=action_url[:500],
            data=data or {},
            dedupe_key=dedupe_key,
            # Switched off in-app: kept for the other channels, but not in the inbox.
            is_archived=not in_app,
        )
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            # A concurrent notify() with the same key won (UX_Notifs_Recipient_Dedupe).
            existing = Notification.objects.filter(recipient=user, dedupe_key=dedupe_key).first()
            if dedupe_key is None or existing is None:
                raise
            return existing
        held_until = quiet_hours_end(
            now=now,
            start=profile.get("settings__quiet_hours_start"),
            end=profile.get("settings__quiet_hours_end"),
            time_zone=profile.get("time_zone") or "UTC",
        )
        deliveries = _plan_deliveries(
            notification,
            in_app=in_app,
            email=enabled(Channel.EMAIL)
            and bool(profile.get("email"))
            and (registered.transactional or profile.get("is_email_notifications_enabled", True)),
            email_master_off=not registered.transactional
            and not profile.get("is_email_notifications_enabled", True),
            push=enabled(Channel.PUSH),
            held_until=held_until,
            now=now,
        )
        NotificationDelivery.objects.bulk_create(deliveries)
        if in_app:
            publish_to_users([user.pk], EVENT_CREATED, notification_payload(notification))
        due_now = [d for d in deliveries if d.status == DeliveryStatus.PENDING]
        if due_now and held_until is None:
            run_after_commit(notification_deliver, notification.pk)
    return notification


def notify_user_id(
    user_id: str,
    type: str,  # noqa: A002 - the same name as notify()'s
    title: str,
    body: str = "",
    data: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
    *,
    entity_type: str | None = None,
    entity_id: Any = None,
    level: str = NotificationSeverity.INFO,
) -> Notification | None:
    """`notify` for a user named by id: the notifier registered in the kernel
    (`doggy.core.notifications`, for apps that may not import this one). An unknown or
    deactivated user gets nothing."""
    user = recipient_user(user_id=user_id)
    if user is None:
        return None
    return notify(
        user,
        type,
        title,
        body,
        data,
        dedupe_key,
        level=level,
        entity_type=entity_type,
        entity_id=entity_id,
    )


def _plan_deliveries(
    notification: Notification,
    *,
    in_app: bool,
    email: bool,
    email_master_off: bool,
    push: bool,
    held_until: dt.datetime | None,
    now: dt.datetime,
) -> list[NotificationDelivery]:
    def row(channel, status=DeliveryStatus.PENDING, skip="", device=None, **extra):
        if status == DeliveryStatus.PENDING:
            extra.setdefault("next_attempt_at", held_until)
        return NotificationDelivery(
            notification=notification,
            channel=channel,
            status=status,
            skip_reason=skip,
            push_device=device,
            **extra,
        )

    skipped, opted_out = DeliveryStatus.SKIPPED, SkipReason.USER_OPT_OUT
    rows = [
        row(Channel.IN_APP, DeliveryStatus.SENT, sent_at=now)
        if in_app
        else row(Channel.IN_APP, skipped, opted_out)
    ]
    if email:
        rows.append(row(Channel.EMAIL))
    else:
        reason = SkipReason.MASTER_SWITCH_OFF if email_master_off else opted_out
        rows.append(row(Channel.EMAIL, skipped, reason))
    if not push:
        rows.append(row(Channel.PUSH, skipped, opted_out))
    else:
        devices = list(
            PushDevice.objects.filter(
                user_id=notification.recipient_id,
                is_active=True,
                platform=PushPlatform.WEB_PUSH,
            ).only("id")
        )
        if not devices:
            rows.append(row(Channel.PUSH, skipped, SkipReason.NO_DEVICE))
        rows.extend(row(Channel.PUSH, device=device) for device in devices)
    return rows


def notification_payload(notification: Notification) -> dict[str, Any]:
    """The JSON of a notification in events and pushes (the inbox row's fields)."""
    return {
        "id": notification.pk,
        "type": notification.notification_type,
        "level": notification.level,
        "title": notification.title,
        "body": notification.body,
        "entity_type": notification.entity_type,
        "entity_id": notification.entity_id,
        "action_url": notification.action_url,
        "data": notification.data,
        "is_read": notification.is_read,
        "created_at": notification.created_at.isoformat().replace("+00:00", "Z"),
    }


# -- delivery ------------------------------------------------------------------------------
def notification_deliver(notification_id: int) -> None:
    """Attempt every delivery of the notification that is due now (a task: plain id)."""
    now = timezone.now()
    due = (
        NotificationDelivery.objects.filter(
            notification_id=notification_id, status=DeliveryStatus.PENDING
        )
        .exclude(next_attempt_at__gt=now)
        .values_list("id", flat=True)
    )
    for delivery_id in list(due):
        notification_delivery_attempt(delivery_id)


def notification_deliveries_sweep(*, now: dt.datetime | None = None, limit: int = 500) -> dict:
    """Attempt due deliveries (held for quiet hours, retries); Celery beat and
    `manage.py deliver_notifications` call it. Returns the count per resulting status."""
    counts: dict[str, int] = {}
    for delivery_id in notification_deliveries_due(now=now, limit=limit):
        status = notification_delivery_attempt(delivery_id, now=now)
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts


def notification_delivery_attempt(
    delivery_id: int, *, now: dt.datetime | None = None
) -> str | None:
    """One attempt of one delivery; returns its status afterwards (None: not due/claimed)."""
    now = now or timezone.now()
    with transaction.atomic():
        # Only the delivery row is locked (a join to the nullable device cannot be).
        delivery = (
            NotificationDelivery.objects.select_for_update()
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
            .first()
        )
        if delivery is None or (delivery.next_attempt_at and delivery.next_attempt_at > now):
            return None
        delivery.attempt_count += 1
        delivery.next_attempt_at = now + ATTEMPT_LEASE
        delivery.save(update_fields=["attempt_count", "next_attempt_at"])
    if delivery.channel == Channel.EMAIL:
        outcome = _send_email(delivery)
    elif delivery.channel == Channel.PUSH:
        outcome = _send_push(delivery)
    else:
        outcome = {"status": DeliveryStatus.FAILED, "error": f"No sender for {delivery.channel}."}
    return _record_outcome(delivery, outcome, now=now)


def _send_email(delivery: NotificationDelivery) -> dict[str, Any]:
    notification = delivery.notification
    profile = recipient_profile(user_id=notification.recipient_id) or {}
    if not profile.get("email") or not profile.get("is_active", True):
        return {"status": DeliveryStatus.SKIPPED, "skip": SkipReason.USER_OPT_OUT}
    message_id = make_msgid(domain="meandmydoggy")
    message = EmailMessage(
        subject=notification.title,
        body=notification.body or notification.title,
        to=[profile["email"]],
        headers={"Message-ID": message_id},
    )
    try:
        message.send(fail_silently=False)
    except Exception as exc:  # the backend's errors (SMTP, network) are retried
        return {"status": None, "error": f"{type(exc).__name__}: {exc}"}
    return {"status": DeliveryStatus.SENT, "provider_id": message_id}


def _send_push(delivery: NotificationDelivery) -> dict[str, Any]:
    device = delivery.push_device
    if device is None or not device.is_active:
        return {"status": DeliveryStatus.SKIPPED, "skip": SkipReason.NO_DEVICE}
    try:
        result = web_push_send(
            endpoint=device.token,
            p256dh=device.p256dh,
            auth=device.auth,
            payload=notification_payload(delivery.notification),
        )
    except PushNotConfigured as exc:
        return {"status": DeliveryStatus.FAILED, "error": str(exc)}
    if result.ok:
        return {"status": DeliveryStatus.SENT, "provider_id": result.location, "device_ok": True}
    if result.gone:
        return {"status": DeliveryStatus.FAILED, "error": result.error, "device_gone": True}
    return {"status": None, "error": result.error, "device_failed": True}


@transaction.atomic
def _record_outcome(delivery: NotificationDelivery, outcome: dict[str, Any], *, now) -> str:
    status = outcome["status"]
    delivery.last_error = str(outcome.get("error", ""))[:500]
    if status is None:  # a transient failure: retry with backoff, or give up
        if delivery.attempt_count >= MAX_ATTEMPTS:
            status = DeliveryStatus.FAILED
        else:
            status = DeliveryStatus.PENDING
            delivery.next_attempt_at = now + backoff(delivery.attempt_count)
    delivery.status = status
    if status != DeliveryStatus.PENDING:
        delivery.next_attempt_at = None
    if status == DeliveryStatus.SENT:
        delivery.sent_at = timezone.now()
        delivery.provider_message_id = str(outcome.get("provider_id", ""))[:200]
    if status == DeliveryStatus.SKIPPED:
        delivery.skip_reason = outcome["skip"]
    delivery.save(
        update_fields=[
            "status",
            "skip_reason",
            "next_attempt_at",
            "last_error",
            "provider_message_id",
            "sent_at",
        ]
    )
    device = delivery.push_device
    if device is not None:
        if outcome.get("device_gone"):
            push_device_deactivate(actor=None, device=device, reason=delivery.last_error)
        elif outcome.get("device_failed"):
            PushDevice.objects.filter(pk=device.pk).update(failure_count=device.failure_count + 1)
        elif outcome.get("device_ok"):
            PushDevice.objects.filter(pk=device.pk).update(failure_count=0, last_used_at=now)
    return status


# -- the inbox -----------------------------------------------------------------------------
@transaction.atomic
def notification_mark_read(*, actor, notification_id: Any) -> Notification:
    """Mark one of the actor's notifications read (again: no change)."""
    notification = notification_get(actor=actor, notification_id=notification_id)
    if not notification.is_read:
        notification.is_read = True
        notification.read_at = timezone.now()
        notification.save(update_fields=["is_read", "read_at"])
        publish_to_users([actor.pk], EVENT_READ, {"ids": [notification.pk]})
    return notification


@transaction.atomic
def notification_mark_all_read(*, actor) -> int:
    """Mark every unread notification of the actor's inbox read; returns how many."""
    ids = list(notification_list(actor=actor, unread=True).values_list("id", flat=True))
    if not ids:
        return 0
    marked = Notification.objects.filter(pk__in=ids, is_read=False).update(
        is_read=True, read_at=timezone.now()
    )
    publish_to_users([actor.pk], EVENT_READ, {"all": True})
    return marked


# -- preferences ---------------------------------------------------------------------------
@transaction.atomic
def notification_preferences_set(*, actor, preferences: list[dict[str, Any]]) -> None:
    """Set the actor's switches: each item is {type (a registry key or `*`), channel,
    enabled}. Rows not named are kept. One audit row lists the changes."""
    channels = [channel.value for channel in PREFERENCE_CHANNELS]
    wanted: dict[tuple[str, str], bool] = {}
    for index, item in enumerate(preferences):
        type_key, channel = item.get("type"), item.get("channel")
        if type_key != ALL_NOTIFICATION_TYPES and type_key not in NOTIFICATION_TYPES:
            raise _invalid(f"preferences[{index}].type", f"Unknown notification type {type_key!r}.")
        if channel not in channels:
            raise _invalid(f"preferences[{index}].channel", f"Choose one of {', '.join(channels)}.")
        wanted[(type_key, channel)] = bool(item.get("enabled"))
    stored = notification_preferences_stored(user=actor)
    changed = {key: value for key, value in wanted.items() if stored.get(key) != value}
    if not changed:
        return
    for (type_key, channel), value in changed.items():
        NotificationPreference.objects.update_or_create(
            user=actor,
            notification_type=type_key,
            channel=channel,
            defaults={"is_enabled": value},
        )
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        entity_type="messaging.NotificationPreference",
        entity_id=actor.pk,
        old={f"{t}:{c}": stored.get((t, c)) for t, c in changed},
        new={f"{t}:{c}": v for (t, c), v in changed.items()},
    )


# -- push devices --------------------------------------------------------------------------
def _b64url_bytes(value: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None


def _check_subscription(endpoint: str, p256dh: str, auth: str) -> None:
    parts = urlsplit(endpoint)
    allowed = getattr(settings, "DOGGY_WEB_PUSH_SCHEMES", ("https",))
    if parts.scheme not in allowed or not parts.netloc:
        raise _invalid("endpoint", "A push endpoint is an https URL of the browser's push service.")
    key = _b64url_bytes(p256dh)
    if key is None or len(key) != 65 or key[0] != 4:
        raise _invalid("p256dh", "An uncompressed P-256 public key, base64url (65 bytes).")
    secret = _b64url_bytes(auth)
    if secret is None or len(secret) != 16:
        raise _invalid("auth", "The subscription's auth secret, base64url (16 bytes).")


@transaction.atomic
def push_device_register(
    *,
    actor,
    endpoint: str,
    p256dh: str,
    auth: str,
    browser: str = "",
    device_name: str = "",
    app_version: str = "",
) -> tuple[PushDevice, bool]:
    """Register the actor's Web Push subscription; returns (device, created).

    The endpoint belongs to the browser: registering it again (after a sign-in as
    another user, or with new keys) takes the existing row over and reactivates it.
    """
    _check_subscription(endpoint, p256dh, auth)
    if browser and browser not in PushBrowser.values:
        raise _invalid("browser", f"Choose one of {', '.join(PushBrowser.values)}.")
    token_hash = hashlib.sha256(endpoint.encode("utf-8")).hexdigest()
    values = {
        "user": actor,
        "platform": PushPlatform.WEB_PUSH,
        "token": endpoint,
        "p256dh": p256dh,
        "auth": auth,
        "browser": browser,
        "device_name": device_name[:100],
        "app_version": app_version[:30],
        "is_active": True,
        "failure_count": 0,
    }
    device = PushDevice.objects.select_for_update().filter(token_hash=token_hash).first()
    if device is None:
        device = PushDevice.objects.create(token_hash=token_hash, **values)
        audit_log_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=device,
            new=model_snapshot(device, DEVICE_FIELDS),
        )
        return device, True
    old = {**model_snapshot(device, DEVICE_FIELDS), "user": device.user_id}
    for name, value in values.items():
        setattr(device, name, value)
    device.save()
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=device,
        old=old,
        new={**model_snapshot(device, DEVICE_FIELDS), "user": device.user_id},
    )
    return device, False


@transaction.atomic
def push_device_delete(*, actor, device_id: Any) -> None:
    """Remove one of the actor's devices (the browser unsubscribed)."""
    device = push_device_get(actor=actor, device_id=device_id)
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=device,
        old=model_snapshot(device, DEVICE_FIELDS),
    )
    device.delete()


@transaction.atomic
def push_device_deactivate(*, actor, device: PushDevice, reason: str = "") -> PushDevice:
    """Stop pushing to a device: the push service said it is gone (actor None), or staff
    deactivated it in the admin. Its pending pushes are skipped."""
    device = PushDevice.objects.select_for_update().get(pk=device.pk)
    if not device.is_active:
        return device
    device.is_active = False
    device.save(update_fields=["is_active"])
    NotificationDelivery.objects.filter(push_device=device, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SKIPPED, skip_reason=SkipReason.NO_DEVICE, next_attempt_at=None
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=device,
        old={"is_active": True},
        new={"is_active": False, "reason": reason[:200]},
    )
    return device


def notification_deliveries_sweep_task() -> None:
    """`notification_deliveries_sweep` as a task of plain arguments (Celery beat), its
    run recorded in BackgroundJobRuns (`deliver_notifications`)."""
    with job_run("deliver_notifications") as outcome:
        counts = notification_deliveries_sweep()
        outcome["items_processed"] = sum(counts.values())
    if counts:
        logger.info("Notification deliveries swept: %s", counts)
