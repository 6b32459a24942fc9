"""Calendar integration (plan 027): the provider's ICS feed and CalDAV busy-time import.

**Feed tokens.** A provider subscribes their calendar app to a secret URL
(`/api/v1/calendar/feed/<token>.ics`). The token is shown once, when it is made; only its
SHA-256 is stored (`CalendarFeedTokens.TokenHash`), so a database leak yields no usable
URL. A token is revoked (the URL answers 404 from then on) or rotated (revoked, and a
new one made in the same transaction). A user has at most `MAX_LIVE_FEED_TOKENS` live
tokens, one per calendar app they subscribe.

**CalDAV connections.** A provider connects one CalDAV calendar: its URL, the user name
and the password. The password is encrypted at rest with the project's Fernet helper
(`doggy.encryption`, the keys of the encrypted settings) in
`CalendarConnections.AccessTokenEncrypted`; the user name is the connection's
`ExternalAccountEmail`, and the calendar URL the `ExternalCalendars.ExternalCalendarId`
of its one calendar. `calendar_connection_sync` (a task: "sync now" hands it to the task
runner after commit, and `manage.py sync_calendars` sweeps every active connection)
reads the calendar's events over a window, expands recurring ones with
`recurring-ical-events`, and mirrors them into `ExternalBusyBlocks`: one block per
occurrence, keyed by UID (plus the occurrence's RECURRENCE-ID for recurring events), so
a second sync of the same data writes nothing, a moved event moves its block, and a block
whose event disappeared is deleted. The outcome is recorded on the connection
(`LastSyncedAt`, `SyncError`); a refused login marks it `Invalid` until it is reconnected.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import ServiceProvider, User
from audit.choices import AuditAction
from audit.services import audit_log_record
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError
from doggy.core.tasks import run_after_commit
from doggy.encryption import decrypt_value, encrypt_value
from doggy.selectors import setting_int

from .calendar_selectors import PRODID, appointment_vevent, feed_token_hash
from .choices import (
    AppointmentStatus,
    CalendarConnectionStatus,
    CalendarProvider,
    CalendarSyncStatus,
)
from .errors import CalendarErrorCode
from .models import (
    ICAL_UID_DOMAIN,
    Appointment,
    CalendarConnection,
    CalendarEventLink,
    CalendarFeedToken,
    ExternalBusyBlock,
    ExternalCalendar,
)

logger = logging.getLogger(__name__)

# Live (unrevoked) feed tokens a user may hold at once: one per subscribed calendar app.
MAX_LIVE_FEED_TOKENS = 5
# Random bytes of a feed token (43 url-safe characters).
FEED_TOKEN_BYTES = 32

# The window a sync imports: from a day ago to the booking horizon plus a margin.
SYNC_PAST_DAYS = 1
SYNC_MARGIN_DAYS = 7
DEFAULT_BOOKING_ADVANCE_DAYS = 30
# Busy blocks are a cache: each sync renews `ExpiresAt` to now plus this.
BUSY_BLOCK_TTL = timedelta(days=1)
# Occurrences one calendar may contribute to one sync (a runaway RRULE stops here).
MAX_BLOCKS_PER_CALENDAR = 5000
# Network timeout of one CalDAV request, in seconds.
CALDAV_TIMEOUT_SECONDS = 20
_SYNC_ERROR_MAX = 500
_EVENT_ID_MAX = 255

# Events we pushed ourselves (`Appointments.ICalUid`) are never imported as busy time.
OWN_UID_SUFFIX = f"@{ICAL_UID_DOMAIN}"

PASSWORD_LABEL = "A CalDAV password"  # noqa: S105 - a label for error messages


# --- Feed tokens -------------------------------------------------------------------------


def _provider_of(actor: User) -> ServiceProvider:
    provider = ServiceProvider.objects.filter(user_id=actor.pk).first()
    if provider is None:
        raise NotFoundError(
            CalendarErrorCode.PROVIDER_PROFILE_MISSING, "You have no provider profile yet."
        )
    return provider


@transaction.atomic
def calendar_feed_token_create(*, actor: User) -> tuple[CalendarFeedToken, str]:
    """A new feed token of the caller's provider calendar: the row and the token (once)."""
    _provider_of(actor)
    # Serialize the caller's token creations, so the limit holds under concurrency.
    User.objects.select_for_update().filter(pk=actor.pk).first()
    live = CalendarFeedToken.objects.filter(user_id=actor.pk, revoked_at__isnull=True).count()
    if live >= MAX_LIVE_FEED_TOKENS:
        raise ConflictError(
            CalendarErrorCode.FEED_TOKEN_LIMIT,
            f"At most {MAX_LIVE_FEED_TOKENS} feed links can be live; revoke one first.",
        )
    token = secrets.token_urlsafe(FEED_TOKEN_BYTES)
    row = CalendarFeedToken.objects.create(user=actor, token_hash=feed_token_hash(token))
    audit_log_record(actor=actor, action=AuditAction.CREATE, target=row, new={"user": actor.pk})
    return row, token


def _live_token_of(actor: User, token_id: Any) -> CalendarFeedToken:
    row = (
        CalendarFeedToken.objects.select_for_update().filter(pk=token_id, user_id=actor.pk).first()
    )
    if row is None:
        raise NotFoundError(CalendarErrorCode.FEED_TOKEN_NOT_FOUND, "Feed link not found.")
    if row.revoked_at is not None:
        raise ConflictError(CalendarErrorCode.FEED_TOKEN_REVOKED, "This feed link is revoked.")
    return row


def _revoke(row: CalendarFeedToken, *, actor: User | None) -> None:
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=row,
        old={"revoked_at": None},
        new={"revoked_at": row.revoked_at.isoformat()},
    )


@transaction.atomic
def calendar_feed_token_revoke(*, actor: User, token_id: Any) -> CalendarFeedToken:
    """Revoke one of the caller's feed tokens: its URL answers 404 from now on."""
    row = _live_token_of(actor, token_id)
    _revoke(row, actor=actor)
    return row


@transaction.atomic
def calendar_feed_token_rotate(*, actor: User, token_id: Any) -> tuple[CalendarFeedToken, str]:
    """Revoke one of the caller's feed tokens and make its replacement, atomically."""
    _revoke(_live_token_of(actor, token_id), actor=actor)
    return calendar_feed_token_create(actor=actor)


@transaction.atomic
def calendar_feed_token_staff_revoke(*, actor: User, token: CalendarFeedToken) -> bool:
    """Staff revoke any feed token (admin action); False when it was already revoked."""
    row = CalendarFeedToken.objects.select_for_update().get(pk=token.pk)
    if row.revoked_at is not None:
        return False
    _revoke(row, actor=actor)
    return True


# --- CalDAV connections ------------------------------------------------------------------


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(CalendarErrorCode.INVALID, message, fields={field: [message]})


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _invalid("url", "Enter the http(s) URL of the calendar.")
    if parts.username or parts.password:
        raise _invalid("url", "Send the user name and password in their own fields.")
    return url if url.endswith("/") else url + "/"


@transaction.atomic
def caldav_connection_create(
    *,
    actor: User,
    url: str,
    username: str,
    password: str,
    name: str = "",
    write_bookings: bool = False,
) -> CalendarConnection:
    """Connect a CalDAV calendar of the caller's provider profile and sync it after commit.

    The password is stored encrypted and never logged or audited. The calendar's events
    block slot times (`CheckForConflicts`). With `write_bookings` it also becomes the
    user's one destination calendar (`IsDestination`; a previous one stops being it):
    confirmed bookings are written to it and cancelled ones removed.
    """
    _provider_of(actor)
    calendar_url = _check_url(url.strip())
    if not username.strip():
        raise _invalid("username", "Enter the user name of the calendar account.")
    if not password:
        raise _invalid("password", "Enter the password of the calendar account.")
    connection = CalendarConnection(
        user=actor,
        provider=CalendarProvider.CALDAV,
        external_account_email=username.strip(),
        access_token_encrypted=encrypt_value(password),
        status=CalendarConnectionStatus.ACTIVE,
    )
    try:
        with transaction.atomic():
            connection.save(force_insert=True)
    except IntegrityError:
        raise ConflictError(
            CalendarErrorCode.CALENDAR_CONNECTION_EXISTS,
            "This calendar account is already connected.",
        ) from None
    if write_bookings:
        ExternalCalendar.objects.filter(connection__user_id=actor.pk, is_destination=True).update(
            is_destination=False
        )
    calendar = ExternalCalendar.objects.create(
        connection=connection,
        external_calendar_id=calendar_url,
        name=name.strip()[:200],
        check_for_conflicts=True,
        is_destination=write_bookings,
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=connection,
        new={
            "provider": connection.provider,
            "external_account_email": connection.external_account_email,
            "calendar_url": calendar.external_calendar_id,
            "write_bookings": write_bookings,
        },
    )
    run_after_commit(calendar_connection_sync, str(connection.pk))
    return connection


@transaction.atomic
def calendar_connection_delete(*, actor: User, connection: CalendarConnection) -> None:
    """Disconnect: the connection, its calendars and their busy blocks go."""
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=connection,
        old={
            "provider": connection.provider,
            "external_account_email": connection.external_account_email,
        },
    )
    connection.delete()


def calendar_connection_sync_request(*, actor: User, connection: CalendarConnection) -> None:
    """ "Sync now": the sync runs on the task runner once the caller's transaction commits."""
    if connection.status == CalendarConnectionStatus.REVOKED:
        raise ConflictError(
            CalendarErrorCode.CALENDAR_CONNECTION_INACTIVE, "This connection is revoked."
        )
    with transaction.atomic():
        audit_log_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=connection,
            new={"sync_requested": True},
        )
        run_after_commit(calendar_connection_sync, str(connection.pk))


# --- Sync --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BusyInterval:
    key: str
    start_at: datetime
    end_at: datetime


class CalendarFetchError(Exception):
    """The calendar could not be read; `invalid_login` when the server refused the login."""

    def __init__(self, message: str, *, invalid_login: bool = False):
        super().__init__(message)
        self.invalid_login = invalid_login


def sync_window(now: datetime) -> tuple[datetime, datetime]:
    days = setting_int("Calendar.BookingAdvanceDays", DEFAULT_BOOKING_ADVANCE_DAYS)
    days = days or DEFAULT_BOOKING_ADVANCE_DAYS
    return now - timedelta(days=SYNC_PAST_DAYS), now + timedelta(days=days + SYNC_MARGIN_DAYS)


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _as_utc(value: date | datetime, zone: ZoneInfo) -> datetime:
    """An iCalendar DATE or DATE-TIME as an aware UTC datetime.

    All-day dates start at local midnight of the provider; floating times are the
    provider's local time.
    """
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(ZoneInfo("UTC"))


def _event_key(uid: str, recurrence_id: datetime | None) -> str:
    key = uid if recurrence_id is None else f"{uid}#{recurrence_id:%Y%m%dT%H%M%SZ}"
    if len(key) > _EVENT_ID_MAX:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key


def busy_intervals_from_ical(
    documents: list[str], *, start: datetime, end: datetime, zone: ZoneInfo
) -> list[BusyInterval]:
    """The busy occurrences of the VEVENTs in `documents` that overlap [start, end).

    Recurring events are expanded with `recurring-ical-events` (RRULE, RDATE, EXDATE and
    moved occurrences). Transparent ("free") and cancelled events block nothing. Each
    occurrence is keyed by its UID, plus its RECURRENCE-ID when the event recurs.
    """
    import icalendar
    import recurring_ical_events

    found: dict[str, BusyInterval] = {}
    for document in documents:
        calendar = icalendar.Calendar.from_ical(document)
        recurring_uids = {
            str(c.get("UID"))
            for c in calendar.walk("VEVENT")
            if c.get("RRULE") or c.get("RDATE") or c.get("RECURRENCE-ID")
        }
        for event in recurring_ical_events.of(calendar).between(start, end):
            if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
                continue
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                continue
            uid = str(event.get("UID", "")).strip()
            dtstart = event.get("DTSTART")
            if not uid or dtstart is None or uid.endswith(OWN_UID_SUFFIX):
                continue  # our own pushed bookings block through their appointments
            starts = _as_utc(dtstart.dt, zone)
            if event.get("DTEND") is not None:
                ends = _as_utc(event["DTEND"].dt, zone)
            elif event.get("DURATION") is not None:
                ends = starts + event["DURATION"].dt
            elif not isinstance(dtstart.dt, datetime):
                ends = starts + timedelta(days=1)
            else:
                continue  # a zero-length event blocks no time
            if ends <= starts:
                continue
            recurrence = starts if uid in recurring_uids else None
            key = _event_key(uid, recurrence)
            found[key] = BusyInterval(key, starts, ends)
            if len(found) >= MAX_BLOCKS_PER_CALENDAR:
                break
    return sorted(found.values(), key=lambda b: (b.start_at, b.key))


def fetch_caldav_documents(
    *, url: str, username: str, password: str, start: datetime, end: datetime
) -> list[str]:
    """The iCalendar text of every event of the calendar at `url` overlapping the window.

    The server filters by time range (recurring events included, unexpanded); expansion
    happens here, so every server gives the same result.
    """
    import caldav
    from caldav.lib import error as caldav_error

    try:
        with caldav.DAVClient(
            url=url,
            username=username,
            password=password,
            timeout=CALDAV_TIMEOUT_SECONDS,
            enable_rfc6764=False,
        ) as client:
            calendar = client.calendar(url=url)
            objects = calendar.search(start=start, end=end, event=True, expand=False)
            return [obj.data for obj in objects]
    except caldav_error.AuthorizationError as exc:
        raise CalendarFetchError(
            "The calendar server refused the user name or password.", invalid_login=True
        ) from exc
    except caldav_error.DAVError as exc:
        raise CalendarFetchError(f"The calendar server answered an error: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - any transport failure is the sync's outcome
        raise CalendarFetchError(
            f"The calendar could not be read ({type(exc).__name__}): {exc}"
        ) from exc


def _record_failure(connection_id: Any, message: str, *, invalid_login: bool) -> None:
    changes: dict[str, Any] = {"sync_error": message[:_SYNC_ERROR_MAX]}
    if invalid_login:
        changes["status"] = CalendarConnectionStatus.INVALID
    CalendarConnection.objects.filter(pk=connection_id).update(updated_at=timezone.now(), **changes)


def calendar_connection_sync(connection_id: Any, now: datetime | None = None) -> dict[str, int]:
    """Mirror a CalDAV connection's events into busy blocks; a task (plain arguments).

    Returns the counts `{"created", "updated", "deleted", "unchanged"}`. The network
    reads happen outside any transaction; the writes of one calendar are one
    transaction, under a lock on the connection row, so two syncs of one connection
    never interleave their writes. Failures are recorded on the connection, never raised.
    """
    now = now or timezone.now()
    counts = {"created": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    connection = (
        CalendarConnection.objects.filter(
            pk=connection_id,
            provider=CalendarProvider.CALDAV,
            status=CalendarConnectionStatus.ACTIVE,
        )
        .select_related("user__service_provider")
        .first()
    )
    if connection is None:
        return counts
    provider = getattr(connection.user, "service_provider", None)
    zone = _zone(provider.time_zone if provider else None)
    start, end = sync_window(now)
    calendars = list(connection.calendars.filter(check_for_conflicts=True))
    try:
        password = decrypt_value(connection.access_token_encrypted, label=PASSWORD_LABEL)
    except Exception:  # noqa: BLE001 - a key problem is recorded, the password never is
        _record_failure(connection.pk, "The stored password cannot be read.", invalid_login=True)
        return counts
    fetched: dict[Any, list[BusyInterval]] = {}
    try:
        for calendar in calendars:
            documents = fetch_caldav_documents(
                url=calendar.external_calendar_id,
                username=connection.external_account_email,
                password=password,
                start=start,
                end=end,
            )
            fetched[calendar.pk] = busy_intervals_from_ical(
                documents, start=start, end=end, zone=zone
            )
    except CalendarFetchError as exc:
        logger.warning("Calendar sync of connection %s failed: %s", connection.pk, exc)
        _record_failure(connection.pk, str(exc), invalid_login=exc.invalid_login)
        return counts
    except ValueError as exc:  # unparsable iCalendar text
        _record_failure(
            connection.pk, f"The calendar sent invalid data: {exc}", invalid_login=False
        )
        return counts

    with transaction.atomic():
        locked = (
            CalendarConnection.objects.select_for_update()
            .filter(pk=connection.pk, status=CalendarConnectionStatus.ACTIVE)
            .first()
        )
        if locked is None:
            return counts
        for calendar_id, intervals in fetched.items():
            for name, value in _mirror(calendar_id, intervals, now=now).items():
                counts[name] += value
        locked.last_synced_at = now
        locked.sync_error = ""
        locked.save(update_fields=["last_synced_at", "sync_error", "updated_at"])
    if connection.calendars.filter(is_destination=True).exists():
        calendar_appointments_push_due(now=now, user_id=connection.user_id)
    return counts


def _mirror(calendar_id: Any, intervals: list[BusyInterval], *, now: datetime) -> dict[str, int]:
    """Make the calendar's blocks equal `intervals` (by key); renew every block's expiry."""
    counts = {"created": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    expires = now + BUSY_BLOCK_TTL
    existing: dict[str, ExternalBusyBlock] = {}
    duplicates: list[int] = []
    for block in ExternalBusyBlock.objects.filter(external_calendar_id=calendar_id):
        if block.external_event_id in existing:
            duplicates.append(block.pk)
        else:
            existing[block.external_event_id] = block
    wanted = {interval.key: interval for interval in intervals}
    gone = [block.pk for key, block in existing.items() if key not in wanted] + duplicates
    if gone:
        counts["deleted"] = ExternalBusyBlock.objects.filter(pk__in=gone).delete()[0]
    new_blocks, changed = [], []
    for key, interval in wanted.items():
        block = existing.get(key)
        if block is None:
            new_blocks.append(
                ExternalBusyBlock(
                    external_calendar_id=calendar_id,
                    external_event_id=key,
                    start_at=interval.start_at,
                    end_at=interval.end_at,
                    fetched_at=now,
                    expires_at=expires,
                )
            )
        elif block.start_at != interval.start_at or block.end_at != interval.end_at:
            block.start_at, block.end_at = interval.start_at, interval.end_at
            changed.append(block)
        else:
            counts["unchanged"] += 1
    ExternalBusyBlock.objects.bulk_create(new_blocks, batch_size=500)
    counts["created"] = len(new_blocks)
    if changed:
        ExternalBusyBlock.objects.bulk_update(changed, ["start_at", "end_at"], batch_size=500)
        counts["updated"] = len(changed)
    # Everything still on the calendar was seen now: renew the cache's lease in one query.
    ExternalBusyBlock.objects.filter(external_calendar_id=calendar_id).update(
        fetched_at=now, expires_at=expires
    )
    return counts


def calendar_connections_sync_due(
    *, now: datetime | None = None, min_age: timedelta = timedelta(minutes=10)
) -> int:
    """The sweep of `manage.py sync_calendars`: sync each active CalDAV connection not
    synced within `min_age`. Returns how many were synced (attempted)."""
    now = now or timezone.now()
    ids = list(
        CalendarConnection.objects.filter(
            provider=CalendarProvider.CALDAV, status=CalendarConnectionStatus.ACTIVE
        )
        .exclude(last_synced_at__gt=now - min_age)
        .order_by("last_synced_at", "id")
        .values_list("pk", flat=True)
    )
    for connection_id in ids:
        calendar_connection_sync(connection_id, now=now)
    calendar_appointments_push_due(now=now)
    return len(ids)


# --- Bookings pushed to the destination calendar -----------------------------------------

# Appointments that stand in the provider's own calendar; any other status removes them.
PUSHED_STATUSES = (
    AppointmentStatus.CONFIRMED,
    AppointmentStatus.IN_PROGRESS,
    AppointmentStatus.COMPLETED,
)
# The sweep looks at appointments that ended at most this long ago.
PUSH_LOOKBACK = timedelta(days=1)


def _caldav_calendar(connection: CalendarConnection, url: str):
    import caldav

    password = decrypt_value(connection.access_token_encrypted, label=PASSWORD_LABEL)
    client = caldav.DAVClient(
        url=url,
        username=connection.external_account_email,
        password=password,
        timeout=CALDAV_TIMEOUT_SECONDS,
        enable_rfc6764=False,
    )
    return client, client.calendar(url=url)


def put_caldav_event(*, connection: CalendarConnection, url: str, ical: str) -> str:
    """Create or replace the event (by its UID) in the calendar at `url`; its URL."""
    from caldav.lib import error as caldav_error

    try:
        client, calendar = _caldav_calendar(connection, url)
        with client:
            # SEQUENCE is ours (ICalSequence): the library must not raise it again.
            return str(calendar.add_event(ical=ical, increase_seqno=False).url)
    except caldav_error.AuthorizationError as exc:
        raise CalendarFetchError(
            "The calendar server refused the user name or password.", invalid_login=True
        ) from exc
    except Exception as exc:  # noqa: BLE001 - any failure is the push's outcome
        raise CalendarFetchError(
            f"The event could not be written ({type(exc).__name__}): {exc}"
        ) from exc


def delete_caldav_event(*, connection: CalendarConnection, url: str, event_url: str) -> None:
    """Delete the event at `event_url`; an event already gone counts as deleted."""
    import caldav
    from caldav.lib import error as caldav_error

    try:
        client, calendar = _caldav_calendar(connection, url)
        with client:
            caldav.Event(client=client, url=event_url, parent=calendar).delete()
    except caldav_error.NotFoundError:
        return
    except caldav_error.AuthorizationError as exc:
        raise CalendarFetchError(
            "The calendar server refused the user name or password.", invalid_login=True
        ) from exc
    except Exception as exc:  # noqa: BLE001 - any failure is the push's outcome
        raise CalendarFetchError(
            f"The event could not be deleted ({type(exc).__name__}): {exc}"
        ) from exc


def _destination_calendars(user_id: Any) -> list[ExternalCalendar]:
    return list(
        ExternalCalendar.objects.filter(
            connection__user_id=user_id,
            connection__provider=CalendarProvider.CALDAV,
            connection__status=CalendarConnectionStatus.ACTIVE,
            is_destination=True,
        ).select_related("connection")
    )


def calendar_appointment_push(appointment_id: Any) -> str:
    """Bring the appointment's event in the provider's destination calendar up to date.

    A task (plain arguments), idempotent: a confirmed, in-progress or completed
    appointment is written (by its `ICalUid`, so a rescheduled booking replaces its
    event) unless its link already carries the current `ICalSequence`; any other status
    deletes the event and marks the link `Deleted` (the old row of a reschedule only
    marks it: the new row owns the UID). Failures are kept on the link (`Failed`,
    `LastError`) and retried by the sweep. Returns what happened, for the sweep's count.
    """
    appointment = (
        Appointment.objects.select_related("service_offering", "provider")
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None:
        return "missing"
    outcome = "unchanged"
    for calendar in _destination_calendars(appointment.provider.user_id):
        outcome = _push_one(appointment, calendar)
    return outcome


def _push_one(appointment: Appointment, calendar: ExternalCalendar) -> str:
    link = CalendarEventLink.objects.filter(
        appointment_id=appointment.pk, external_calendar_id=calendar.pk
    ).first()
    sequence = appointment.ical_sequence
    connection = calendar.connection
    try:
        if appointment.status not in PUSHED_STATUSES:
            if link is None or link.sync_status == CalendarSyncStatus.DELETED:
                return "unchanged"
            if appointment.status != AppointmentStatus.RESCHEDULED:
                delete_caldav_event(
                    connection=connection,
                    url=calendar.external_calendar_id,
                    event_url=link.external_event_id,
                )
            _store_link(appointment, calendar, link.external_event_id, CalendarSyncStatus.DELETED)
            return "deleted"
        if (
            link is not None
            and link.sync_status == CalendarSyncStatus.SYNCED
            and link.last_synced_sequence == sequence
        ):
            return "unchanged"
        event_url = put_caldav_event(
            connection=connection,
            url=calendar.external_calendar_id,
            ical=_single_event_calendar(appointment),
        )
        _store_link(appointment, calendar, event_url, CalendarSyncStatus.SYNCED)
        return "pushed"
    except CalendarFetchError as exc:
        logger.warning("Pushing appointment %s failed: %s", appointment.pk, exc)
        _store_link(
            appointment,
            calendar,
            link.external_event_id if link else "",
            CalendarSyncStatus.FAILED,
            error=str(exc),
        )
        if exc.invalid_login:
            _record_failure(connection.pk, str(exc), invalid_login=True)
        return "failed"


def _single_event_calendar(appointment: Appointment) -> str:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(appointment_vevent(appointment))
    return calendar.to_ical().decode("utf-8")


def _store_link(
    appointment: Appointment,
    calendar: ExternalCalendar,
    event_url: str,
    status: str,
    *,
    error: str = "",
) -> None:
    defaults = {"sync_status": status, "last_error": error[:_SYNC_ERROR_MAX]}
    if status != CalendarSyncStatus.FAILED:
        defaults["last_synced_sequence"] = appointment.ical_sequence
    if event_url:
        defaults["external_event_id"] = event_url[:_EVENT_ID_MAX]
    with transaction.atomic():
        link, created = CalendarEventLink.objects.select_for_update().get_or_create(
            appointment_id=appointment.pk,
            external_calendar_id=calendar.pk,
            defaults={"external_event_id": "", **defaults},
        )
        if not created:
            for name, value in defaults.items():
                setattr(link, name, value)
            link.save(update_fields=list(defaults))


def calendar_appointments_push_due(*, now: datetime | None = None, user_id: Any = None) -> int:
    """The sweep's push half: every recent appointment of a provider with a destination
    calendar (of `user_id` only, when given) is brought up to date; those already current
    cost no request. Returns how many were written or deleted."""
    now = now or timezone.now()
    users = ExternalCalendar.objects.filter(
        is_destination=True,
        connection__provider=CalendarProvider.CALDAV,
        connection__status=CalendarConnectionStatus.ACTIVE,
    )
    if user_id is not None:
        users = users.filter(connection__user_id=user_id)
    users = users.values("connection__user_id")
    ids = (
        Appointment.objects.filter(provider__user_id__in=users, end_at__gte=now - PUSH_LOOKBACK)
        .exclude(status=AppointmentStatus.REQUESTED)
        .order_by("start_at", "id")
        .values_list("pk", flat=True)
    )
    return sum(1 for pk in ids.iterator() if calendar_appointment_push(pk) in ("pushed", "deleted"))
