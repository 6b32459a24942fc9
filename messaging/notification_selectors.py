"""Caller-scoped reads of notifications, preferences, push devices and blocks (021–023).

Every read takes the actor and returns only the actor's own rows; another user's
notification or device is "not found".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone

from doggy.core.prepared import SENTINEL_TIME, Param, PreparedList

from .choices import ALL_NOTIFICATION_TYPES, DeliveryStatus
from .models import (
    ConversationParticipant,
    Notification,
    NotificationDelivery,
    NotificationPreference,
    PushDevice,
    UserBlock,
)
from .notification_errors import NotificationNotFoundError, PushDeviceNotFoundError
from .notification_types import NOTIFICATION_TYPES, PREFERENCE_CHANNELS

# The columns an inbox row shows (the rest stay in the database).
INBOX_FIELDS = (
    "id",
    "recipient_id",
    "actor_id",
    "notification_type",
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
)


def _inbox(recipient_id: Any, now: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=recipient_id, is_archived=False).filter(
        Q(scheduled_for__isnull=True) | Q(scheduled_for__lte=now),
        Q(expires_at__isnull=True) | Q(expires_at__gt=now),
    )


# The whole inbox (no `unread`), compiled once per process (performance.md).
_PLAIN_INBOX = PreparedList(
    lambda recipient_id, now: _inbox(recipient_id, now).only(*INBOX_FIELDS).order_by("-id"),
    recipient_id=Param(
        "prepared-list-recipient", field=Notification._meta.get_field("recipient").target_field
    ),
    now=Param(SENTINEL_TIME, field=Notification._meta.get_field("expires_at")),
)


def notification_list(*, actor, unread: bool | None = None) -> QuerySet[Notification]:
    """The actor's inbox, newest first: not archived, not scheduled for later, not expired.

    Served by `IX_Notifs_Recipient_Unread` (RecipientId, IsRead, -CreatedAt); the API pages
    it by id with a cursor, so no COUNT is run.
    """
    now = timezone.now()
    if unread is None:
        return _PLAIN_INBOX.bind(recipient_id=actor.pk, now=now)
    queryset = _inbox(actor.pk, now)
    if unread is not None:
        queryset = queryset.filter(is_read=not unread)
    return queryset.only(*INBOX_FIELDS).order_by("-id")


# The largest id a bigint column holds: a larger one cannot exist (and overflows drivers).
MAX_BIGINT = 2**63 - 1


def notification_get(*, actor, notification_id: Any) -> Notification:
    try:
        pk = int(notification_id)
        if not 0 < pk <= MAX_BIGINT:
            raise ValueError(pk)
        return Notification.objects.get(pk=pk, recipient=actor)
    except (Notification.DoesNotExist, TypeError, ValueError):
        raise NotificationNotFoundError() from None


def notification_unread_count(*, actor) -> int:
    return notification_list(actor=actor, unread=True).count()


def notification_preferences_stored(*, user) -> dict[tuple[str, str], bool]:
    """(type or `*`, channel) -> enabled, for the rows the user has set."""
    rows = NotificationPreference.objects.filter(user=user).values_list(
        "notification_type", "channel", "is_enabled"
    )
    return {(type_, channel): enabled for type_, channel, enabled in rows}


def notification_preference_effective(
    stored: dict[tuple[str, str], bool], type_key: str, channel: str
) -> bool:
    """The rule of SCHEMA.md 2.22: the type's own row, else `*`, else the registry default."""
    if (type_key, channel) in stored:
        return stored[(type_key, channel)]
    if (ALL_NOTIFICATION_TYPES, channel) in stored:
        return stored[(ALL_NOTIFICATION_TYPES, channel)]
    registered = NOTIFICATION_TYPES.get(type_key)
    return registered.default_for(channel) if registered else False


def notification_preferences_view(*, actor) -> dict[str, Any]:
    """The actor's stored rows and the effective value of every type on every channel."""
    stored = notification_preferences_stored(user=actor)
    return {
        "defaults": {
            channel.value: stored.get((ALL_NOTIFICATION_TYPES, channel.value))
            for channel in PREFERENCE_CHANNELS
        },
        "types": [
            {
                "type": key,
                "transactional": registered.transactional,
                "channels": {
                    channel.value: notification_preference_effective(stored, key, channel.value)
                    for channel in PREFERENCE_CHANNELS
                },
            }
            for key, registered in NOTIFICATION_TYPES.items()
        ],
    }


def push_device_list(*, actor) -> QuerySet[PushDevice]:
    """The actor's active devices, newest first (`IX_PushDevices_User_Active`)."""
    return PushDevice.objects.filter(user=actor, is_active=True).order_by("-created_at")


def push_device_get(*, actor, device_id: Any) -> PushDevice:
    try:
        return PushDevice.objects.get(pk=device_id, user=actor, is_active=True)
    except (PushDevice.DoesNotExist, ValidationError, ValueError, TypeError):
        # ValidationError: an id that is not a UUID.
        raise PushDeviceNotFoundError() from None


def notification_deliveries_due(*, now=None, limit: int = 500) -> list[int]:
    """Ids of pending deliveries whose time has come (held, retried, or never attempted)."""
    now = now or timezone.now()
    return list(
        NotificationDelivery.objects.filter(status=DeliveryStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )


def users_blocked_between(*, user_id: Any, others: Iterable[Any]) -> set[int]:
    """Those of `others` who block `user_id` or are blocked by them (either direction)."""
    others = list(others)
    if not others:
        return set()
    rows = UserBlock.objects.filter(
        Q(blocker_id=user_id, blocked_id__in=others) | Q(blocked_id=user_id, blocker_id__in=others)
    ).values_list("blocker_id", "blocked_id")
    return {blocked if str(blocker) == str(user_id) else blocker for blocker, blocked in rows}


def conversation_peer_ids(*, user_id: Any) -> set:
    """Users who share an active conversation with `user_id`, blocks excluded both ways."""
    mine = ConversationParticipant.objects.filter(user_id=user_id, left_at__isnull=True).values(
        "conversation_id"
    )
    peers = set(
        ConversationParticipant.objects.filter(conversation_id__in=mine, left_at__isnull=True)
        .exclude(user_id=user_id)
        .values_list("user_id", flat=True)
        .distinct()
    )
    return peers - users_blocked_between(user_id=user_id, others=peers)


def recipient_profile(*, user_id: Any) -> dict[str, Any] | None:
    """What delivery needs to know of a user, in one query: email, master switch, time
    zone, quiet hours and the presence privacy switch (UserSettings may be missing)."""
    return (
        get_user_model()
        .objects.filter(pk=user_id)
        .values(
            "id",
            "email",
            "is_active",
            "time_zone",
            "is_email_notifications_enabled",
            "settings__quiet_hours_start",
            "settings__quiet_hours_end",
            "settings__show_online_status",
        )
        .first()
    )


def recipient_user(*, user_id: Any):
    """The active user `user_id`, or None (a notification by id: unknown or deactivated
    users get nothing)."""
    return get_user_model().objects.filter(pk=str(user_id), is_active=True).first()
