"""A bookable provider for the slot and booking tests.

`bookable_world(provider)` gives `provider` a default schedule (09:00–17:00 every day in
`zone`), a one-hour offering and a provider-wide booking rule with no notice and ten
years of advance, so that fixed dates in 2030 are bookable whatever today is.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from scheduling.models import AvailabilitySchedule, BookingRule, ServiceOffering
from tests.scheduling.factories import (
    AvailabilityRuleFactory,
    AvailabilityScheduleFactory,
    BookingRuleFactory,
    ServiceOfferingFactory,
)

NEW_YORK = "America/New_York"
# A Monday in June 2030 (no DST change near it).
MONDAY = datetime.date(2030, 6, 3)
UTC = datetime.UTC


@dataclass
class World:
    provider: object
    schedule: AvailabilitySchedule
    offering: ServiceOffering
    rule: BookingRule
    zone: ZoneInfo

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        """Local wall-clock time on `day`, as an aware UTC datetime."""
        local = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.zone)
        return local.astimezone(UTC)


def bookable_world(
    provider,
    *,
    zone: str = NEW_YORK,
    hours: tuple[datetime.time, datetime.time] = (datetime.time(9), datetime.time(17)),
    days: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7),
    duration: int = 60,
    **rule_fields,
) -> World:
    schedule = AvailabilityScheduleFactory(provider=provider, time_zone=zone, is_default=True)
    for day in days:
        AvailabilityRuleFactory(
            schedule=schedule, day_of_week=day, start_time=hours[0], end_time=hours[1]
        )
    offering = ServiceOfferingFactory(provider=provider, duration_minutes=duration)
    fields = {"minimum_notice_minutes": 0, "max_advance_days": 3650, **rule_fields}
    rule = BookingRuleFactory(provider=provider, **fields)
    return World(provider, schedule, offering, rule, ZoneInfo(zone))
