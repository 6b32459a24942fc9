"""Bookable slots of one offering: the availability arithmetic of plans 025 and 028.

`slot_list` answers "which start times can the owner pick?" and the booking service asks
the same function whether the start it was given is one of them, so the two can never
disagree. The inputs (SCHEMA.md §2.25, §2.28, A10, A11):

- the weekly rules of the offering's schedule (else the provider's default schedule),
  wall-clock times in the schedule's IANA time zone. Each rule is expanded with
  `dateutil.rrule` over local dates and only then given its zone, so a 09:00 rule stays
  09:00 local across a DST change; a rule touching a skipped hour is shortened by it and
  one spanning a repeated hour lengthened (the arithmetic is in UTC). Intervals that
  touch (a rule ending at 23:59 or later and the next day's rule starting at 00:00) are
  merged, so a slot may cross local midnight;
- date overrides: `ExtraHours` adds an interval, `Unavailable` (time off) removes one;
- the booking rule of the offering, else the provider-wide rule; each NULL column falls
  back to its SystemSetting (`Calendar.MinimumNoticeMinutes`,
  `Calendar.BookingAdvanceDays`, `Calendar.DefaultBufferMinutes`): minimum notice,
  maximum advance, buffers before and after, slot interval (default: the duration),
  daily and weekly limits (per local day and ISO week) and concurrent bookings;
- what is already taken: live appointments (their stored blocks, buffers included),
  live slot holds (not the caller's own), and the busy blocks imported from the
  provider's external calendars that check for conflicts.

Reads: a fixed number of queries whatever the window holds (the query-count tests pin
it); the overlap tests run on sorted lists with `bisect`, so 1,000 appointments in a
30-day window cost milliseconds, not a scan per candidate.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import WEEKLY, rrule, weekday
from django.db.models import Q
from django.utils import timezone

from accounts.models import ServiceProvider, User
from doggy.core.errors import ApplicationError, NotFoundError
from doggy.selectors import setting_int

from .choices import LIVE_APPOINTMENT_STATUSES, OverrideKind
from .errors import SchedulingErrorCode
from .models import (
    Appointment,
    AvailabilityOverride,
    AvailabilityRule,
    AvailabilitySchedule,
    BookingRule,
    ExternalBusyBlock,
    ServiceOffering,
    SlotHold,
)

# The widest window one request may ask for (a month and a bit).
MAX_WINDOW_DAYS = 42
# A rule ending at or after this local time runs to midnight (TimeField has no 24:00).
END_OF_DAY = time(23, 59)
# SystemSetting fallbacks when even the setting row is missing (the seed's values).
DEFAULT_NOTICE_MINUTES = 120
DEFAULT_ADVANCE_DAYS = 30
DEFAULT_BUFFER_MINUTES = 0
DEFAULT_HOLD_MINUTES = 10


@dataclass(frozen=True)
class BookingPolicy:
    """The effective booking rule of one offering (rule columns, else the settings)."""

    notice: timedelta
    advance: timedelta
    buffer_before: timedelta
    buffer_after: timedelta
    interval: timedelta
    duration: timedelta
    max_per_day: int | None
    max_per_week: int | None
    max_concurrent: int
    requires_confirmation: bool
    free_cancellation_hours: int | None
    allow_reschedule: bool
    reschedule_limit: int

    @property
    def is_exclusive(self) -> bool:
        return self.max_concurrent == 1


@dataclass(frozen=True)
class Slot:
    start: datetime  # UTC
    end: datetime  # UTC


Interval = tuple[datetime, datetime]


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(SchedulingErrorCode.INVALID, message, fields={field: [message]})


def zone_get(name: str, *, field: str = "tz") -> ZoneInfo:
    """The IANA zone `name`; an unknown one is a 400 on `field`."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise _invalid(field, "Unknown time zone.") from None


# --- The effective rule -------------------------------------------------------------------


def booking_rule_get(*, offering: ServiceOffering) -> BookingRule | None:
    """The offering's own active rule, else the provider-wide one (one query)."""
    rules = list(
        BookingRule.objects.filter(provider_id=offering.provider_id, is_active=True).filter(
            Q(service_offering_id=offering.pk) | Q(service_offering__isnull=True)
        )
    )
    rules.sort(key=lambda rule: rule.service_offering_id is None)
    return rules[0] if rules else None


def _or(value: int | None, key: str, default: int) -> int:
    if value is not None:
        return value
    setting = setting_int(key, default)
    return default if setting is None else setting


def booking_policy_get(*, offering: ServiceOffering) -> BookingPolicy:
    rule = booking_rule_get(offering=offering)
    duration = timedelta(minutes=offering.duration_minutes)
    get = (lambda name: getattr(rule, name)) if rule is not None else (lambda name: None)
    interval = get("slot_interval_minutes")
    return BookingPolicy(
        notice=timedelta(
            minutes=_or(
                get("minimum_notice_minutes"),
                "Calendar.MinimumNoticeMinutes",
                DEFAULT_NOTICE_MINUTES,
            )
        ),
        advance=timedelta(
            days=_or(get("max_advance_days"), "Calendar.BookingAdvanceDays", DEFAULT_ADVANCE_DAYS)
        ),
        buffer_before=timedelta(
            minutes=_or(
                get("buffer_before_minutes"),
                "Calendar.DefaultBufferMinutes",
                DEFAULT_BUFFER_MINUTES,
            )
        ),
        buffer_after=timedelta(
            minutes=_or(
                get("buffer_after_minutes"),
                "Calendar.DefaultBufferMinutes",
                DEFAULT_BUFFER_MINUTES,
            )
        ),
        interval=timedelta(minutes=interval) if interval else duration,
        duration=duration,
        max_per_day=get("max_bookings_per_day"),
        max_per_week=get("max_bookings_per_week"),
        max_concurrent=rule.max_concurrent_bookings if rule is not None else 1,
        requires_confirmation=rule.requires_confirmation if rule is not None else True,
        free_cancellation_hours=get("free_cancellation_hours"),
        allow_reschedule=rule.allow_reschedule if rule is not None else True,
        reschedule_limit=rule.reschedule_limit if rule is not None else 2,
    )


def schedule_get(*, offering: ServiceOffering) -> AvailabilitySchedule | None:
    """The offering's schedule, else the provider's default one (one query)."""
    if offering.schedule_id is not None:
        return AvailabilitySchedule.objects.filter(pk=offering.schedule_id).first()
    return AvailabilitySchedule.objects.filter(
        provider_id=offering.provider_id, is_default=True
    ).first()


# --- Interval arithmetic ------------------------------------------------------------------


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _subtract(intervals: list[Interval], removed: list[Interval]) -> list[Interval]:
    result: list[Interval] = []
    removed = _merge(removed)
    for start, end in intervals:
        pieces = [(start, end)]
        for r_start, r_end in removed:
            if r_end <= start or r_start >= end:
                continue
            next_pieces = []
            for p_start, p_end in pieces:
                if r_end <= p_start or r_start >= p_end:
                    next_pieces.append((p_start, p_end))
                    continue
                if p_start < r_start:
                    next_pieces.append((p_start, r_start))
                if r_end < p_end:
                    next_pieces.append((r_end, p_end))
            pieces = next_pieces
        result.extend(pieces)
    return result


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Wall-clock `at` on `day` in `zone`, as UTC. A time in a skipped hour (spring
    forward) maps as if the clock had not moved (fold=0), i.e. one hour later on the new
    offset; a repeated time (fall back) takes its first occurrence."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def working_intervals(
    rules: list[AvailabilityRule],
    overrides: list[AvailabilityOverride],
    zone: ZoneInfo,
    first_day: date,
    last_day: date,
) -> list[Interval]:
    """The provider's working time between two local dates, as merged UTC intervals."""
    intervals: list[Interval] = []
    dtstart = datetime.combine(first_day, time())
    until = datetime.combine(last_day, time(23, 59, 59))
    for rule in rules:
        # The weekly recurrence runs over naive local dates; the zone is attached after,
        # so every occurrence keeps its wall-clock time (SCHEMA.md I-22).
        days = rrule(WEEKLY, byweekday=weekday(rule.day_of_week - 1), dtstart=dtstart, until=until)
        for occurrence in days:
            day = occurrence.date()
            start = _local(day, rule.start_time, zone)
            if rule.end_time >= END_OF_DAY:
                end = _local(day + timedelta(days=1), time(), zone)
            else:
                end = _local(day, rule.end_time, zone)
            if end > start:
                intervals.append((start, end))
    extra = [(o.start_at, o.end_at) for o in overrides if o.kind == OverrideKind.EXTRA_HOURS]
    off = [(o.start_at, o.end_at) for o in overrides if o.kind == OverrideKind.UNAVAILABLE]
    return _subtract(_merge(intervals + extra), off)


class _Overlaps:
    """Counts the intervals of a list that overlap a query interval, by bisection."""

    def __init__(self, intervals: Iterable[Interval]):
        items = sorted(intervals)
        self.starts = [s for s, _ in items]
        self.items = items
        self.longest = max((e - s for s, e in items), default=timedelta(0))

    def count(self, start: datetime, end: datetime) -> int:
        if not self.items:
            return 0
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        return sum(1 for s, e in self.items[low:high] if e > start)


# --- The slots ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotQuery:
    """What a slot computation needs besides the window (built once per call)."""

    offering: ServiceOffering
    policy: BookingPolicy
    zone: ZoneInfo | None
    schedule_id: Any


def slot_query_get(*, offering: ServiceOffering) -> SlotQuery:
    schedule = schedule_get(offering=offering)
    zone = zone_get(schedule.time_zone) if schedule is not None else None
    return SlotQuery(
        offering=offering,
        policy=booking_policy_get(offering=offering),
        zone=zone,
        schedule_id=schedule.pk if schedule is not None else None,
    )


def _week_start(day: date) -> date:
    return day - timedelta(days=day.isoweekday() - 1)


def slots_compute(
    query: SlotQuery,
    *,
    window_start: datetime,
    window_end: datetime,
    now: datetime | None = None,
    exclude_holds_of: User | None = None,
    exclude_appointment_id: Any = None,
) -> list[Slot]:
    """Every free start of the offering with `window_start <= start < window_end` (UTC).

    `exclude_holds_of`: the caller's own holds do not hide slots from them.
    `exclude_appointment_id`: an appointment being moved does not block its new time.
    """
    if query.zone is None:
        return []
    now = now or timezone.now()
    policy, offering, zone = query.policy, query.offering, query.zone
    earliest = max(window_start, now + policy.notice)
    latest = min(window_end, now + policy.advance)
    if earliest >= latest:
        return []
    # Local days touched by the window, a day either side for slots crossing midnight.
    first_day = earliest.astimezone(zone).date() - timedelta(days=1)
    last_day = latest.astimezone(zone).date() + timedelta(days=1)
    schedule_id = query.schedule_id
    rules = list(AvailabilityRule.objects.filter(schedule_id=schedule_id))
    range_start = datetime.combine(first_day, time(), tzinfo=zone).astimezone(UTC)
    range_end = datetime.combine(last_day + timedelta(days=1), time(), tzinfo=zone).astimezone(UTC)
    overrides = list(
        AvailabilityOverride.objects.filter(
            schedule_id=schedule_id, start_at__lt=range_end, end_at__gt=range_start
        )
    )
    working = working_intervals(rules, overrides, zone, first_day, last_day)
    if not working:
        return []

    # Appointments of the whole weeks around the window: the weekly limit counts them.
    weeks_start = datetime.combine(_week_start(first_day), time(), tzinfo=zone).astimezone(UTC)
    weeks_end = datetime.combine(
        _week_start(last_day) + timedelta(days=7), time(), tzinfo=zone
    ).astimezone(UTC)
    appointments = Appointment.objects.filter(
        provider_id=offering.provider_id,
        status__in=LIVE_APPOINTMENT_STATUSES,
        block_start_at__lt=max(weeks_end, range_end),
        block_end_at__gt=min(weeks_start, range_start),
    )
    if exclude_appointment_id is not None:
        appointments = appointments.exclude(pk=exclude_appointment_id)
    appointment_rows = list(appointments.values_list("start_at", "block_start_at", "block_end_at"))
    holds = SlotHold.objects.filter(
        provider_id=offering.provider_id,
        expires_at__gt=now,
        start_at__lt=range_end,
        end_at__gt=range_start,
    )
    if exclude_holds_of is not None:
        holds = holds.exclude(held_by_id=exclude_holds_of.pk)
    hold_rows = list(holds.values_list("start_at", "end_at"))
    busy_rows = list(
        ExternalBusyBlock.objects.filter(
            external_calendar__connection__user__service_provider__pk=offering.provider_id,
            external_calendar__check_for_conflicts=True,
            expires_at__gt=now,
            start_at__lt=range_end,
            end_at__gt=range_start,
        ).values_list("start_at", "end_at")
    )

    taken = [(b_start, b_end) for _, b_start, b_end in appointment_rows]
    # A hold keeps its slot plus the offering's buffers (it becomes such a booking).
    taken += [(s - policy.buffer_before, e + policy.buffer_after) for s, e in hold_rows]
    hard = _Overlaps(busy_rows)
    counted = _Overlaps(taken)
    per_day = Counter(start.astimezone(zone).date() for start, _, _ in appointment_rows)
    per_week = Counter(
        _week_start(start.astimezone(zone).date()) for start, _, _ in appointment_rows
    )

    slots: list[Slot] = []
    for work_start, work_end in working:
        start = work_start
        while start + policy.duration <= work_end:
            end = start + policy.duration
            if start >= latest:
                break
            if start >= earliest:
                block = (start - policy.buffer_before, end + policy.buffer_after)
                day = start.astimezone(zone).date()
                if (
                    hard.count(start, end) == 0
                    and counted.count(*block) < policy.max_concurrent
                    and (policy.max_per_day is None or per_day[day] < policy.max_per_day)
                    and (
                        policy.max_per_week is None
                        or per_week[_week_start(day)] < policy.max_per_week
                    )
                ):
                    slots.append(Slot(start, end))
            start += policy.interval
    return slots


def slot_is_free(
    query: SlotQuery,
    *,
    start: datetime,
    now: datetime | None = None,
    exclude_holds_of: User | None = None,
    exclude_appointment_id: Any = None,
) -> bool:
    """Whether `start` is one of the offering's free slots now (the booking's check)."""
    slots = slots_compute(
        query,
        window_start=start,
        window_end=start + timedelta(microseconds=1),
        now=now,
        exclude_holds_of=exclude_holds_of,
        exclude_appointment_id=exclude_appointment_id,
    )
    return any(slot.start == start for slot in slots)


# --- The public read ----------------------------------------------------------------------


def slot_window(*, first_day: date, last_day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Local midnight of `first_day` to the midnight after `last_day`, in `zone`, as UTC."""
    if last_day < first_day:
        raise _invalid("to", "The end date must not be before the start date.")
    if (last_day - first_day).days >= MAX_WINDOW_DAYS:
        raise _invalid("to", f"Ask for at most {MAX_WINDOW_DAYS} days at a time.")
    start = datetime.combine(first_day, time(), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(last_day + timedelta(days=1), time(), tzinfo=zone).astimezone(UTC)
    return start, end


def offering_for_slots(*, provider: ServiceProvider, offering_id: Any) -> ServiceOffering:
    """A bookable offering of a listed provider; 404 `offering_not_found` otherwise."""
    offering = (
        ServiceOffering.objects.bookable()
        .filter(provider_id=provider.pk, pk=offering_id)
        .select_related("provider")
        .first()
    )
    if offering is None:
        raise NotFoundError(SchedulingErrorCode.OFFERING_NOT_FOUND, "Offering not found.")
    return offering


def slot_list(
    *,
    provider: ServiceProvider,
    offering_id: Any,
    first_day: date,
    last_day: date,
    tz: str | None = None,
    actor: User | None = None,
) -> tuple[ZoneInfo | None, list[Slot]]:
    """The free slots of a listed provider's offering between two dates of zone `tz`
    (default: the schedule's zone), and that zone."""
    offering = offering_for_slots(provider=provider, offering_id=offering_id)
    query = slot_query_get(offering=offering)
    zone = zone_get(tz) if tz else query.zone
    if zone is None:
        return None, []
    window_start, window_end = slot_window(first_day=first_day, last_day=last_day, zone=zone)
    holder = actor if actor is not None and actor.is_authenticated else None
    return zone, slots_compute(
        query, window_start=window_start, window_end=window_end, exclude_holds_of=holder
    )


def offering_get_bookable(*, offering_id: Any) -> ServiceOffering:
    """A bookable offering of any listed provider; 404 `offering_not_found` otherwise."""
    offering = (
        ServiceOffering.objects.bookable()
        .filter(pk=offering_id, provider__in=ServiceProvider.objects.listable())
        .select_related("provider")
        .first()
    )
    if offering is None:
        raise NotFoundError(SchedulingErrorCode.OFFERING_NOT_FOUND, "Offering not found.")
    return offering
