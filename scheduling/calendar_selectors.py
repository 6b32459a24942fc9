"""Reads of calendar integration (plan 027): the ICS feed, feed tokens, connections.

The feed is an RFC 5545 `VCALENDAR` built with `icalendar`: one `VEVENT` per
appointment of the provider in the feed window, `UID` = `Appointments.ICalUid` (stable
across reschedules, SCHEMA.md A12), `SEQUENCE` = `ICalSequence` (raised by every change),
`DTSTAMP`/`LAST-MODIFIED` = the row's `UpdatedAt`. Confirmed and in-progress
appointments are `STATUS:CONFIRMED`, completed ones stay in the window as confirmed
history (requested ones join the feed once confirmed), and cancelled, declined, expired
and no-show ones are `STATUS:CANCELLED`, so a subscribed calendar drops them. A rescheduled
appointment's old row shares its UID with the new one and is left out. The feed is
built in two queries whatever its size: the token with its provider, then the
appointments with their offering.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import ServiceProvider, User
from doggy.core.errors import NotFoundError

from .choices import AppointmentStatus
from .errors import CalendarErrorCode
from .models import Appointment, CalendarConnection, CalendarFeedToken

# The feed shows appointments from this long ago up to any time ahead.
FEED_PAST_DAYS = 60
# At most this many events in one feed (the newest are kept).
FEED_MAX_EVENTS = 2000
PRODID = "-//MeAndMyDoggy//Provider calendar//EN"

FEED_STATUSES = {
    AppointmentStatus.CONFIRMED: "CONFIRMED",
    AppointmentStatus.IN_PROGRESS: "CONFIRMED",
    AppointmentStatus.COMPLETED: "CONFIRMED",
    AppointmentStatus.CANCELLED: "CANCELLED",
    AppointmentStatus.DECLINED: "CANCELLED",
    AppointmentStatus.EXPIRED: "CANCELLED",
    AppointmentStatus.NO_SHOW: "CANCELLED",
}


def feed_token_hash(token: str) -> str:
    """The stored form of a feed token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _feed_not_found() -> NotFoundError:
    return NotFoundError(CalendarErrorCode.FEED_TOKEN_NOT_FOUND, "Feed not found.")


def calendar_feed_provider(*, token: str) -> ServiceProvider:
    """The provider whose feed `token` opens; 404 for an unknown or revoked token."""
    if not token or len(token) > 200:
        raise _feed_not_found()
    row = (
        CalendarFeedToken.objects.select_related("user__service_provider")
        .filter(token_hash=feed_token_hash(token), revoked_at__isnull=True)
        .first()
    )
    provider = getattr(row.user, "service_provider", None) if row is not None else None
    if provider is None or not row.user.is_active:
        raise _feed_not_found()
    return provider


def calendar_feed_appointments(
    *, provider: ServiceProvider, now: datetime | None = None
) -> list[Appointment]:
    """The appointments of the provider's feed, newest version per calendar UID."""
    now = now or timezone.now()
    rows = list(
        Appointment.objects.filter(
            provider_id=provider.pk,
            status__in=list(FEED_STATUSES),
            end_at__gte=now - timedelta(days=FEED_PAST_DAYS),
        )
        .select_related("service_offering")
        .only(
            "id",
            "reference",
            "start_at",
            "end_at",
            "status",
            "location_type",
            "ical_uid",
            "ical_sequence",
            "created_at",
            "updated_at",
            "service_offering__name",
        )
        .order_by("-start_at", "id")[:FEED_MAX_EVENTS]
    )
    newest: dict[str, Appointment] = {}
    for row in rows:
        kept = newest.get(row.ical_uid)
        if kept is None or row.ical_sequence > kept.ical_sequence:
            newest[row.ical_uid] = row
    return sorted(newest.values(), key=lambda a: (a.start_at, a.ical_uid))


def calendar_feed_render(*, token: str, now: datetime | None = None) -> bytes:
    """The provider's feed as iCalendar bytes (RFC 5545); 404 when the token opens none."""
    import icalendar

    provider = calendar_feed_provider(token=token)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{provider.business_name} bookings")
    calendar.add("x-wr-timezone", provider.time_zone or "UTC")
    for appointment in calendar_feed_appointments(provider=provider, now=now):
        calendar.add_component(appointment_vevent(appointment))
    return calendar.to_ical()


def appointment_vevent(appointment: Appointment) -> Any:
    """The appointment as a `VEVENT` (feed and CalDAV push); needs its offering loaded."""
    import icalendar

    event = icalendar.Event()
    event.add("uid", appointment.ical_uid)
    event.add("sequence", appointment.ical_sequence)
    event.add("dtstamp", appointment.updated_at)
    event.add("created", appointment.created_at)
    event.add("last-modified", appointment.updated_at)
    event.add("dtstart", appointment.start_at)
    event.add("dtend", appointment.end_at)
    event.add("summary", f"{appointment.service_offering.name} ({appointment.reference})")
    event.add("status", FEED_STATUSES[appointment.status])
    event.add(
        "transp", "TRANSPARENT" if FEED_STATUSES[appointment.status] == "CANCELLED" else "OPAQUE"
    )
    event.add(
        "description", f"Booking {appointment.reference}: {appointment.get_status_display()}."
    )
    return event


def calendar_feed_token_list(*, actor: User) -> QuerySet[CalendarFeedToken]:
    """The caller's feed tokens, live and revoked, newest first."""
    return CalendarFeedToken.objects.filter(user_id=actor.pk).order_by("-created_at", "id")


def calendar_connection_list(*, actor: User) -> QuerySet[CalendarConnection]:
    """The caller's connected calendars, with their calendar rows prefetched."""
    return (
        CalendarConnection.objects.filter(user_id=actor.pk)
        .prefetch_related("calendars")
        .order_by("created_at", "id")
    )


def calendar_connection_get_own(*, actor: User, connection_id: Any) -> CalendarConnection:
    connection = (
        CalendarConnection.objects.filter(pk=connection_id, user_id=actor.pk)
        .prefetch_related("calendars")
        .first()
    )
    if connection is None:
        raise NotFoundError(
            CalendarErrorCode.CALENDAR_CONNECTION_NOT_FOUND, "Calendar connection not found."
        )
    return connection
