"""Product analytics (plan 034): events, daily activity rollups and their retention.

One function records a server event, `analytics_event_record`; the services that matter
call it in their own transaction, so an event exists only if the change it describes
committed (a rolled-back sign-up leaves none). It lives here, in accounts, because it must
honour `UserSettings.AnalyticsOptIn` and every app that records events sits above
accounts. Not signals: each call is one visible line in the owning service.

The rules every event follows (both the services' and the apps'):

* the name is in `audit.analytics_registry.EVENTS` (an open vocabulary, no CHECK: A7);
* the properties are only the keys the registry lists for that event, each of its kind
  (opaque ids, short tokens, integers, booleans), so no free text, names, emails or IPs;
* `CountryCode` comes from the country header the edge proxy sets
  (`DOGGY_ANALYTICS_COUNTRY_HEADER`, e.g. `HTTP_CF_IPCOUNTRY`), never from an IP, and is
  empty without one; `Platform` and `AppVersion` from the `X-Client-Platform` and
  `X-App-Version` headers (Web when absent);
* `OccurredAt` is the client's time clamped: a time in the future becomes the receive
  time; a time more than `MAX_EVENT_AGE` old is refused (a client event is rejected, a
  server call raises ValueError);
* nothing is recorded for a user whose `AnalyticsOptIn` is false. A user without a
  settings row has the column's default (opted in).

Cost: one INSERT when the caller passes `opt_in` or the user's settings are already
loaded (`user.settings` cached); otherwise one primary-key read of `UserSettings` first.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from audit.analytics_registry import (
    CLIENT_EVENTS,
    EVENTS,
    SERVER_EVENTS,
    property_value_clean,
    property_value_valid,
)
from audit.choices import ClientPlatform
from audit.models import AnalyticsEvent, UserDailyActivity
from doggy.core.request_context import current_request, request_meta
from doggy.health import job_run

from ..models import User, UserSettings

logger = logging.getLogger(__name__)

# Client events may arrive late (an app offline for a few days sends its queue later).
MAX_EVENT_AGE = datetime.timedelta(days=7)
# The largest batch `POST /analytics/events/` takes.
MAX_BATCH = 50
# Retention of AnalyticsEvents (SCHEMA.md 2.34).
RETENTION_MONTHS = 13
PURGE_BATCH_SIZE = 2000
ROLLUP_BATCH_SIZE = 500
# Two events of one user and platform further apart than this are two visits: the time
# between them is not active time.
IDLE_GAP = datetime.timedelta(minutes=30)

ROLLUP_JOB = "rollup_user_activity"
PURGE_JOB = "purge_analytics_events"

PLATFORM_HEADER = "HTTP_X_CLIENT_PLATFORM"
APP_VERSION_HEADER = "HTTP_X_APP_VERSION"
_PLATFORMS = {value.lower(): value for value in ClientPlatform.values}
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_APP_VERSION_RE = re.compile(r"^[A-Za-z0-9._+-]{1,30}$")
_ANONYMOUS_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


# --- Where the event comes from -------------------------------------------------------------


@dataclass(frozen=True)
class ClientContext:
    platform: str = ClientPlatform.WEB
    app_version: str = ""
    country_code: str = ""


def client_context(request=None) -> ClientContext:
    """Platform, app version and country of `request` (default: the current request)."""
    request = request if request is not None else current_request()
    if request is None:
        return ClientContext()
    meta = request.META
    platform = _PLATFORMS.get(meta.get(PLATFORM_HEADER, "").strip().lower(), ClientPlatform.WEB)
    version = meta.get(APP_VERSION_HEADER, "").strip()
    country = ""
    header = settings.DOGGY_ANALYTICS_COUNTRY_HEADER
    if header:
        country = meta.get(header, "").strip().upper()
        # "XX" and "T1" are proxies' "unknown" and "Tor": no country.
        if not _COUNTRY_RE.match(country) or country in ("XX", "T1"):
            country = ""
    return ClientContext(
        platform=platform,
        app_version=version if _APP_VERSION_RE.match(version) else "",
        country_code=country,
    )


def _opted_in(user: User, opt_in: bool | None) -> bool:
    if opt_in is not None:
        return opt_in
    cached = user._state.fields_cache.get("settings")
    if cached is not None:
        return cached.analytics_opt_in
    return not UserSettings.objects.filter(user_id=user.pk, analytics_opt_in=False).exists()


def _clamp(occurred_at: datetime.datetime | None, now: datetime.datetime):
    """The stored OccurredAt: now for none or a future time; None when too old."""
    if occurred_at is None or occurred_at > now:
        return now
    if now - occurred_at > MAX_EVENT_AGE:
        return None
    return occurred_at


def _clean_properties(name: str, properties: Mapping[str, Any]) -> tuple[dict, list[str]]:
    """(the allowed properties in stored form, the keys that are not allowed or invalid)."""
    allowed = EVENTS[name].properties
    clean, refused = {}, []
    for key, value in properties.items():
        kind = allowed.get(key)
        if kind is None or not property_value_valid(kind, value):
            refused.append(str(key))
            continue
        clean[key] = property_value_clean(kind, value)
    return clean, refused


# --- Server events --------------------------------------------------------------------------


def analytics_event_record(
    *,
    user: User,
    name: str,
    properties: Mapping[str, Any] | None = None,
    platform: str | None = None,
    session: Any = None,
    occurred_at: datetime.datetime | None = None,
    opt_in: bool | None = None,
) -> AnalyticsEvent | None:
    """Record the server event `name` for `user` in the caller's transaction.

    Returns the row, or None when the user opted out. `properties` must hold only the
    registry's keys for the event; anything else is a programming error (ValueError),
    so a new property is added to the registry, reviewed, before it is sent. `platform`
    defaults to the request's `X-Client-Platform`; `session` to the request's bearer
    session when it is `user`'s. `opt_in` spares the settings read when the caller knows
    it.
    """
    if name not in SERVER_EVENTS:
        raise ValueError(f"{name!r} is not a registered server analytics event.")
    clean, refused = _clean_properties(name, properties or {})
    if refused:
        raise ValueError(f"{name}: properties {sorted(refused)} are not allowed or invalid.")
    now = timezone.now()
    when = _clamp(occurred_at, now)
    if when is None:
        raise ValueError(f"{name}: occurred_at is older than {MAX_EVENT_AGE.days} days.")
    if platform is not None and platform not in ClientPlatform.values:
        raise ValueError(f"{platform!r} is not a client platform.")
    if not _opted_in(user, opt_in):
        return None
    context = client_context()
    session_id = getattr(session, "pk", session)
    if session is None:
        meta = request_meta()
        if meta is not None and meta.user is not None and str(meta.user.pk) == str(user.pk):
            session_id = meta.session_id
    return AnalyticsEvent.objects.create(
        user=user,
        session_id=session_id,
        event_name=name,
        properties=clean,
        platform=platform or context.platform,
        app_version=context.app_version,
        country_code=context.country_code,
        occurred_at=when,
        received_at=now,
    )


# --- Client events --------------------------------------------------------------------------


@dataclass
class IngestResult:
    accepted: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    properties_dropped: int = 0


def anonymous_id_valid(value: str) -> bool:
    return bool(_ANONYMOUS_ID_RE.match(value))


def _check_client_event(index: int, raw: Any, now: datetime.datetime):
    """(the row's name, properties, OccurredAt, dropped keys) or a rejection dict."""

    def reject(code: str, message: str) -> dict[str, Any]:
        return {"index": index, "code": code, "message": message}

    if not isinstance(raw, Mapping):
        return reject("invalid", "An event is an object.")
    name = raw.get("name")
    if not isinstance(name, str) or name not in CLIENT_EVENTS:
        return reject("unknown_event", "This event name is not registered for clients.")
    properties = raw.get("properties") or {}
    if not isinstance(properties, Mapping):
        return reject("invalid_properties", "Properties are an object.")
    clean, dropped = _clean_properties(name, properties)
    stamp = raw.get("occurred_at")
    parsed = parse_datetime(stamp) if isinstance(stamp, str) else None
    if parsed is None or timezone.is_naive(parsed):
        return reject("invalid_occurred_at", "Give occurred_at as an ISO 8601 time with offset.")
    when = _clamp(parsed, now)
    if when is None:
        return reject("too_old", f"Events older than {MAX_EVENT_AGE.days} days are not taken.")
    return name, clean, when, dropped


def analytics_events_ingest(
    *,
    user: User | None,
    events: Iterable[Any],
    anonymous_id: str = "",
    session: Any = None,
    request=None,
) -> IngestResult:
    """Validate a batch of client events and store the valid ones (one bulk INSERT).

    Each event is checked on its own: an unregistered or server name, a missing or naive
    `occurred_at`, or one older than `MAX_EVENT_AGE` rejects that event (its index and a
    code in the result); properties the registry does not list for the event, or with a
    value of the wrong kind, are dropped from it (counted). For a user who opted out the
    result is computed the same way and nothing is written, so the answer does not tell.
    """
    now = timezone.now()
    context = client_context(request)
    result = IngestResult()
    rows = []
    for index, raw in enumerate(events):
        checked = _check_client_event(index, raw, now)
        if isinstance(checked, dict):
            result.rejected.append(checked)
            continue
        name, clean, when, dropped = checked
        result.accepted += 1
        result.properties_dropped += len(dropped)
        rows.append(
            AnalyticsEvent(
                user=user,
                anonymous_id=anonymous_id,
                session_id=getattr(session, "pk", session),
                event_name=name,
                properties=clean,
                platform=context.platform,
                app_version=context.app_version,
                country_code=context.country_code,
                occurred_at=when,
                received_at=now,
            )
        )
    if rows and (user is None or _opted_in(user, None)):
        AnalyticsEvent.objects.bulk_create(rows)
    return result


# --- Daily activity -------------------------------------------------------------------------


@dataclass
class RollupResult:
    day: datetime.date
    users: int = 0
    rows: int = 0
    deleted: int = 0


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    return start, start + datetime.timedelta(days=1)


def _activity_rows(user_ids: list, start, end) -> list[UserDailyActivity]:
    """The day's rows of `user_ids`: one per (user, platform) with events that day."""
    events = (
        AnalyticsEvent.objects.filter(
            user_id__in=user_ids, occurred_at__gte=start, occurred_at__lt=end
        )
        .order_by("user_id", "platform", "occurred_at", "id")
        .values_list("user_id", "platform", "occurred_at")
    )
    rows: dict[tuple, UserDailyActivity] = {}
    previous: datetime.datetime | None = None
    for user_id, platform, occurred_at in events.iterator(chunk_size=2000):
        row = rows.get((user_id, platform))
        if row is None:
            row = rows[(user_id, platform)] = UserDailyActivity(
                user_id=user_id,
                activity_date=start.date(),
                platform=platform,
                request_count=0,
                active_seconds=0,
                first_seen_at=occurred_at,
                last_seen_at=occurred_at,
            )
            previous = None
        row.request_count += 1
        row.last_seen_at = occurred_at
        if previous is not None and occurred_at - previous <= IDLE_GAP:
            row.active_seconds += int((occurred_at - previous).total_seconds())
        previous = occurred_at
    return list(rows.values())


def user_activity_rollup(
    *,
    day: datetime.date,
    batch_size: int = ROLLUP_BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> RollupResult:
    """Upsert the `UserDailyActivity` rows of the UTC day `day` from its AnalyticsEvents.

    One row per user and platform with at least one event that day (anonymous events
    count nowhere): `RequestCount` is the number of events, `FirstSeenAt` and
    `LastSeenAt` the first and last `OccurredAt`, `ActiveSeconds` the sum of the gaps
    between consecutive events that are at most `IDLE_GAP` apart (the session spans).
    Users are processed in batches of `batch_size`, each batch in one transaction;
    rows of the day that no longer have events are deleted. A rerun for the same day
    gives identical rows (the same ids too: they are updated in place).
    """
    start, end = _day_bounds(day)
    day_users = (
        AnalyticsEvent.objects.filter(
            occurred_at__gte=start, occurred_at__lt=end, user_id__isnull=False
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    user_ids = list(day_users)
    result = RollupResult(day=day, users=len(user_ids))
    for offset in range(0, len(user_ids), batch_size):
        batch = user_ids[offset : offset + batch_size]
        rows = _activity_rows(batch, start, end)
        with transaction.atomic():
            keys = {(row.user_id, row.platform) for row in rows}
            stale = [
                pk
                for pk, user_id, platform in UserDailyActivity.objects.filter(
                    activity_date=day, user_id__in=batch
                ).values_list("pk", "user_id", "platform")
                if (user_id, platform) not in keys
            ]
            if stale:
                result.deleted += UserDailyActivity.objects.filter(pk__in=stale).delete()[0]
            UserDailyActivity.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["user", "activity_date", "platform"],
                update_fields=["request_count", "active_seconds", "first_seen_at", "last_seen_at"],
            )
        result.rows += len(rows)
        if progress is not None:
            progress(min(offset + batch_size, len(user_ids)), len(user_ids))
    # Users who had rows for the day but no events any more (their events were purged).
    # A subquery, not the id list: the list can outgrow a statement's parameter limit.
    result.deleted += (
        UserDailyActivity.objects.filter(activity_date=day)
        .exclude(user_id__in=day_users.order_by())
        .delete()[0]
    )
    return result


def user_activity_rollup_task() -> int:
    """The scheduled rollup (Celery beat): yesterday and today so far, recorded as a job
    run. Yesterday is redone so events that arrived after its last run are counted."""
    today = timezone.now().date()
    with job_run(ROLLUP_JOB) as outcome:
        rows = 0
        for day in (today - datetime.timedelta(days=1), today):
            rows += user_activity_rollup(day=day).rows
        outcome["items_processed"] = rows
    return rows


# --- Retention ------------------------------------------------------------------------------


def analytics_retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - relativedelta(months=RETENTION_MONTHS)


def analytics_events_purge(
    *,
    now: datetime.datetime | None = None,
    batch_size: int = PURGE_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Delete the AnalyticsEvents that occurred more than `RETENTION_MONTHS` ago.

    In batches of `batch_size` ids, each its own short DELETE, so the table is never
    locked for long. The ids are found in primary-key order: old events have the lowest
    ids, so each search stops early. Returns how many rows were deleted.
    """
    cutoff = analytics_retention_cutoff(now)
    deleted = 0
    while True:
        ids = list(
            AnalyticsEvent.objects.filter(occurred_at__lt=cutoff)
            .order_by("id")
            .values_list("id", flat=True)[:batch_size]
        )
        if not ids:
            return deleted
        deleted += AnalyticsEvent.objects.filter(id__in=ids).delete()[0]
        if progress is not None:
            progress(deleted)


def analytics_events_purge_task() -> int:
    """The scheduled purge (Celery beat), recorded as a job run."""
    with job_run(PURGE_JOB) as outcome:
        outcome["items_processed"] = deleted = analytics_events_purge()
    return deleted
