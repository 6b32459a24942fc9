"""Presence (plan 023) in Zulip's way: heartbeats, derived status, last seen, intervals.

Clients send a heartbeat about once a minute, `active` while the user interacts and
`idle` otherwise. No online flag is stored (amendment A5): a user is *active* if
`LastActiveAt` is within `OFFLINE_THRESHOLD`, *idle* if only `LastConnectedAt` is, else
*offline*. Heartbeats are cheap: the last written state of each user is kept in the
cache, and a heartbeat writes the database only when the derived status changes or the
last write is `DOGGY_PRESENCE_WRITE_SECONDS` (60 s) old. Active writes extend the user's
`UserActivityIntervals` (intervals less than 15 minutes apart are merged).

A status change is published as `presence.updated` to the users who share an active
conversation with the user and are not blocked either way; a user who hides their online
status (`UserSettings.ShowOnlineStatus`) is shown to nobody.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from doggy.core.errors import ApplicationError
from doggy.core.realtime import publish_to_users

from .models import UserActivityInterval, UserPresence
from .notification_errors import NotificationErrorCode
from .notification_selectors import conversation_peer_ids, recipient_profile

ACTIVE, IDLE, OFFLINE = "active", "idle", "offline"
HEARTBEAT_STATUSES = (ACTIVE, IDLE)
PRESENCE_STATUSES = (ACTIVE, IDLE, OFFLINE)
# Zulip's OFFLINE_THRESHOLD_SECS: a client that sent nothing for this long is offline.
OFFLINE_THRESHOLD = dt.timedelta(seconds=140)
# Zulip's MIN_INTERVAL_LENGTH: activity less than this apart is one interval.
INTERVAL_MERGE_GAP = dt.timedelta(minutes=15)
EVENT_UPDATED = "presence.updated"


def _write_interval() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "DOGGY_PRESENCE_WRITE_SECONDS", 60))


def _cache_key(user_id: Any) -> str:
    return f"presence:v1:{user_id}"


def derived_status(
    *, last_active_at: dt.datetime | None, last_connected_at: dt.datetime | None, now
) -> str:
    if last_active_at is not None and now - last_active_at < OFFLINE_THRESHOLD:
        return ACTIVE
    if last_connected_at is not None and now - last_connected_at < OFFLINE_THRESHOLD:
        return IDLE
    return OFFLINE


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def presence_heartbeat(*, actor, status: str, now: dt.datetime | None = None) -> dict[str, Any]:
    """Record a heartbeat; returns {status, written} (written: the database was touched)."""
    if status not in HEARTBEAT_STATUSES:
        message = f"Choose one of {', '.join(HEARTBEAT_STATUSES)}."
        raise ApplicationError(NotificationErrorCode.INVALID, message, fields={"status": [message]})
    now = now or timezone.now()
    key = _cache_key(actor.pk)
    last = cache.get(key)
    if last is None:
        row = UserPresence.objects.filter(user=actor).first()
        last = {
            "active": row.last_active_at if row else None,
            "connected": row.last_connected_at if row else None,
            "written": row.updated_at if row else None,
        }
    previous = derived_status(
        last_active_at=last["active"], last_connected_at=last["connected"], now=now
    )
    changed = previous != status
    if not changed and last["written"] is not None and now - last["written"] < _write_interval():
        return {"status": status, "written": False}
    with transaction.atomic():
        presence, _ = UserPresence.objects.select_for_update().get_or_create(user=actor)
        presence.last_connected_at = now
        if status == ACTIVE:
            presence.last_active_at = now
            _extend_interval(actor, now)
        # Grows with every write: clients ask for the changes since the last one they saw.
        presence.last_update_id = max(presence.last_update_id + 1, int(now.timestamp() * 1000))
        presence.save()
        if changed:
            _publish(actor, presence, status)
    cache.set(
        key,
        {"active": presence.last_active_at, "connected": now, "written": now},
        timeout=int(OFFLINE_THRESHOLD.total_seconds()) * 4,
    )
    return {"status": status, "written": True}


def _extend_interval(user, now: dt.datetime) -> None:
    latest = (
        UserActivityInterval.objects.select_for_update()
        .filter(user=user, end_at__gte=now - INTERVAL_MERGE_GAP)
        .order_by("-end_at")
        .first()
    )
    if latest is None:
        UserActivityInterval.objects.create(user=user, start_at=now, end_at=now)
    elif latest.end_at < now:
        latest.end_at = now
        latest.save(update_fields=["end_at"])


def _publish(user, presence: UserPresence, status: str) -> None:
    profile = recipient_profile(user_id=user.pk) or {}
    if profile.get("settings__show_online_status") is False:
        return
    peers = conversation_peer_ids(user_id=user.pk)
    if peers:
        publish_to_users(peers, EVENT_UPDATED, _entry(user.pk, presence, status))


def _entry(user_id: Any, presence: UserPresence | None, status: str) -> dict[str, Any]:
    return {
        "user_id": str(user_id),
        "status": status,
        "last_active_at": _iso(presence.last_active_at) if presence else None,
        "status_text": presence.status_text if presence else "",
        "last_update_id": presence.last_update_id if presence else 0,
    }


def presence_list(*, actor, since: int | None = None, now=None) -> list[dict[str, Any]]:
    """Presence of the users the actor shares an active conversation with.

    Blocked users (either way) and users who hide their online status are left out;
    `since` keeps only entries written after that `last_update_id`.
    """
    now = now or timezone.now()
    peers = conversation_peer_ids(user_id=actor.pk)
    if not peers:
        return []
    rows = UserPresence.objects.filter(user_id__in=peers).exclude(
        user__settings__show_online_status=False
    )
    if since is not None:
        rows = rows.filter(last_update_id__gt=since)
    return [
        _entry(
            row.user_id,
            row,
            derived_status(
                last_active_at=row.last_active_at, last_connected_at=row.last_connected_at, now=now
            ),
        )
        for row in rows.order_by("user_id")
    ]
