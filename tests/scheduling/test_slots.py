"""Slot computation (plans 025, 028): rules in the provider's zone, DST, buffers, notice,
advance, limits, overrides, holds and busy blocks."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doggy.choices import SettingDataType
from doggy.models import SystemSetting
from scheduling.choices import AppointmentStatus, OverrideKind
from scheduling.slots import slot_query_get, slots_compute
from tests.accounts.factories import UserFactory
from tests.doggy.factories import SystemSettingFactory
from tests.scheduling.booking_world import MONDAY, UTC, bookable_world
from tests.scheduling.factories import (
    AppointmentFactory,
    AvailabilityOverrideFactory,
    CalendarConnectionFactory,
    ExternalBusyBlockFactory,
    ExternalCalendarFactory,
    ListedProviderFactory,
    SlotHoldFactory,
)

pytestmark = pytest.mark.django_db

# Long before every date used here: no notice or advance rule gets in the way.
LONG_AGO = datetime.datetime(2029, 1, 1, tzinfo=UTC)


def _local_times(world, day: datetime.date, *, now=LONG_AGO, **kwargs) -> list[str]:
    start = world.at(day, 0)
    end = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(), tzinfo=world.zone
    ).astimezone(UTC)
    slots = slots_compute(
        slot_query_get(offering=world.offering),
        window_start=start,
        window_end=end,
        now=now,
        **kwargs,
    )
    return [slot.start.astimezone(world.zone).strftime("%H:%M%z") for slot in slots]


@pytest.fixture
def provider():
    return ListedProviderFactory()


def test_weekly_rule_gives_hourly_slots_in_the_providers_zone(provider):
    world = bookable_world(provider, hours=(datetime.time(9), datetime.time(12)))

    assert _local_times(world, MONDAY) == ["09:00-0400", "10:00-0400", "11:00-0400"]


def test_nine_oclock_stays_nine_oclock_local_across_both_dst_changes(provider):
    # Given a 09:00-10:00 rule every day in New York
    world = bookable_world(provider, hours=(datetime.time(9), datetime.time(10)))
    query = slot_query_get(offering=world.offering)

    # When the slots around the spring and autumn changes of 2030 are computed
    def utc_starts(first, last):
        slots = slots_compute(
            query,
            window_start=world.at(first, 0),
            window_end=world.at(last, 0),
            now=LONG_AGO,
        )
        return [slot.start.strftime("%m-%d %H:%M") for slot in slots]

    # Then the UTC time moves by an hour and the local time does not
    assert utc_starts(datetime.date(2030, 3, 9), datetime.date(2030, 3, 11)) == [
        "03-09 14:00",  # 09:00 EST
        "03-10 13:00",  # 09:00 EDT
    ]
    assert utc_starts(datetime.date(2030, 11, 2), datetime.date(2030, 11, 4)) == [
        "11-02 13:00",  # 09:00 EDT
        "11-03 14:00",  # 09:00 EST
    ]


def test_the_skipped_hour_yields_no_slot(provider):
    # 2030-03-10 02:00 does not exist in New York: the clock jumps from 02:00 to 03:00
    world = bookable_world(provider, hours=(datetime.time(1), datetime.time(4)), days=(7,))

    assert _local_times(world, datetime.date(2030, 3, 10)) == ["01:00-0500", "03:00-0400"]


def test_the_repeated_hour_yields_both_of_its_slots(provider):
    # 2030-11-03 01:00-02:00 happens twice in New York (EDT, then EST)
    world = bookable_world(provider, hours=(datetime.time(0), datetime.time(3)), days=(7,))

    assert _local_times(world, datetime.date(2030, 11, 3)) == [
        "00:00-0400",
        "01:00-0400",
        "01:00-0500",
        "02:00-0500",
    ]


def test_a_rule_to_midnight_joins_the_next_days_rule(provider):
    # Given Monday 22:00-23:59 and Tuesday 00:00-02:00, and a two-hour offering
    world = bookable_world(
        provider, hours=(datetime.time(22), datetime.time(23, 59)), days=(1,), duration=120
    )
    world.schedule.rules.create(day_of_week=2, start_time="00:00", end_time="02:00")
    world.rule.slot_interval_minutes = 60
    world.rule.save()

    # Then one slot crosses local midnight, and none runs past the rules
    slots = slots_compute(
        slot_query_get(offering=world.offering),
        window_start=world.at(MONDAY, 0),
        window_end=world.at(MONDAY + datetime.timedelta(days=2), 0),
        now=LONG_AGO,
    )
    assert [s.start.astimezone(world.zone).strftime("%a %H:%M") for s in slots] == [
        "Mon 22:00",
        "Mon 23:00",
        "Tue 00:00",
    ]


def test_buffers_keep_the_time_around_an_appointment_free(provider):
    # Given 30-minute slots and an appointment 10:00-11:00 with 30 minutes after it
    world = bookable_world(
        provider, hours=(datetime.time(9), datetime.time(13)), slot_interval_minutes=30
    )
    AppointmentFactory(
        service_offering=world.offering,
        start_at=world.at(MONDAY, 10),
        end_at=world.at(MONDAY, 11),
        buffer_after_minutes=30,
    )

    # Then nothing starts before 11:30, and 09:00 still fits before it
    assert _local_times(world, MONDAY) == [
        "09:00-0400",
        "11:30-0400",
        "12:00-0400",
    ]


def test_the_new_bookings_own_buffers_count_too(provider):
    world = bookable_world(
        provider,
        hours=(datetime.time(9), datetime.time(13)),
        buffer_before_minutes=60,
        buffer_after_minutes=0,
    )
    AppointmentFactory(
        service_offering=world.offering,
        start_at=world.at(MONDAY, 10),
        end_at=world.at(MONDAY, 11),
        buffer_before_minutes=0,
    )

    # 11:00 would need 10:00-11:00 free before it; 09:00's buffer falls before the rule
    assert _local_times(world, MONDAY) == ["09:00-0400", "12:00-0400"]


def test_cancelled_appointments_free_their_time(provider):
    world = bookable_world(provider, hours=(datetime.time(9), datetime.time(11)))
    AppointmentFactory(
        service_offering=world.offering,
        start_at=world.at(MONDAY, 9),
        end_at=world.at(MONDAY, 10),
        status=AppointmentStatus.DECLINED,
    )

    assert _local_times(world, MONDAY) == ["09:00-0400", "10:00-0400"]


def test_minimum_notice_and_maximum_advance(provider):
    world = bookable_world(
        provider, minimum_notice_minutes=90, max_advance_days=1, slot_interval_minutes=30
    )
    now = world.at(MONDAY, 8, 45)

    times = _local_times(world, MONDAY, now=now)
    tomorrow = _local_times(world, MONDAY + datetime.timedelta(days=1), now=now)

    assert times[0] == "10:30-0400"
    # Tomorrow is within a day of now only until 08:45
    assert tomorrow == []


def test_advance_falls_back_to_the_setting(provider):
    SystemSetting.objects.filter(setting_key="Calendar.BookingAdvanceDays").delete()
    SystemSettingFactory(
        setting_key="Calendar.BookingAdvanceDays",
        setting_value="2",
        data_type=SettingDataType.INTEGER,
        category="Calendar",
    )
    world = bookable_world(provider, max_advance_days=None)
    now = world.at(MONDAY, 0)

    assert _local_times(world, MONDAY + datetime.timedelta(days=1), now=now) != []
    assert _local_times(world, MONDAY + datetime.timedelta(days=2), now=now) == []


def test_daily_limit_closes_the_day_and_weekly_limit_the_week(provider):
    world = bookable_world(provider, max_bookings_per_day=1)
    AppointmentFactory(
        service_offering=world.offering,
        start_at=world.at(MONDAY, 9),
        end_at=world.at(MONDAY, 10),
    )

    assert _local_times(world, MONDAY) == []
    assert len(_local_times(world, MONDAY + datetime.timedelta(days=1))) == 8

    world.rule.max_bookings_per_day = None
    world.rule.max_bookings_per_week = 1
    world.rule.save()
    # Sunday is the same ISO week; the next Monday is not
    assert _local_times(world, MONDAY + datetime.timedelta(days=6)) == []
    assert len(_local_times(world, MONDAY + datetime.timedelta(days=7))) == 8


def test_time_off_removes_hours_and_extra_hours_add_them(provider):
    world = bookable_world(provider, hours=(datetime.time(9), datetime.time(12)), days=(1,))
    AvailabilityOverrideFactory(
        schedule=world.schedule,
        kind=OverrideKind.UNAVAILABLE,
        start_at=world.at(MONDAY, 10),
        end_at=world.at(MONDAY, 11),
    )
    tuesday = MONDAY + datetime.timedelta(days=1)
    AvailabilityOverrideFactory(
        schedule=world.schedule,
        kind=OverrideKind.EXTRA_HOURS,
        start_at=world.at(tuesday, 18),
        end_at=world.at(tuesday, 20),
    )

    assert _local_times(world, MONDAY) == ["09:00-0400", "11:00-0400"]
    assert _local_times(world, tuesday) == ["18:00-0400", "19:00-0400"]


def test_live_holds_of_others_block_expired_ones_and_ones_own_do_not(provider):
    world = bookable_world(provider, hours=(datetime.time(9), datetime.time(12)))
    holder, other = UserFactory(), UserFactory()
    now = LONG_AGO
    SlotHoldFactory(
        service_offering=world.offering,
        held_by=holder,
        start_at=world.at(MONDAY, 9),
        expires_at=now + datetime.timedelta(minutes=5),
    )
    SlotHoldFactory(
        service_offering=world.offering,
        held_by=holder,
        start_at=world.at(MONDAY, 10),
        expires_at=now - datetime.timedelta(minutes=1),
    )

    assert _local_times(world, MONDAY, exclude_holds_of=other) == ["10:00-0400", "11:00-0400"]
    assert _local_times(world, MONDAY, exclude_holds_of=holder) == [
        "09:00-0400",
        "10:00-0400",
        "11:00-0400",
    ]


def test_group_offerings_allow_concurrent_bookings_up_to_the_limit(provider):
    world = bookable_world(
        provider, hours=(datetime.time(9), datetime.time(10)), max_concurrent_bookings=2
    )
    AppointmentFactory(
        service_offering=world.offering,
        start_at=world.at(MONDAY, 9),
        end_at=world.at(MONDAY, 10),
        is_exclusive=False,
    )
    assert _local_times(world, MONDAY) == ["09:00-0400"]

    AppointmentFactory(
        service_offering=world.offering,
        start_at=world.at(MONDAY, 9),
        end_at=world.at(MONDAY, 10),
        is_exclusive=False,
    )
    assert _local_times(world, MONDAY) == []


def test_busy_blocks_of_calendars_that_check_conflicts(provider):
    world = bookable_world(provider, hours=(datetime.time(9), datetime.time(12)))
    connection = CalendarConnectionFactory(user=provider.user)
    checked = ExternalCalendarFactory(connection=connection, check_for_conflicts=True)
    ignored = ExternalCalendarFactory(connection=connection, check_for_conflicts=False)
    far = datetime.datetime(2040, 1, 1, tzinfo=UTC)
    ExternalBusyBlockFactory(
        external_calendar=checked,
        start_at=world.at(MONDAY, 9, 30),
        end_at=world.at(MONDAY, 9, 45),
        expires_at=far,
    )
    ExternalBusyBlockFactory(
        external_calendar=ignored,
        start_at=world.at(MONDAY, 11),
        end_at=world.at(MONDAY, 12),
        expires_at=far,
    )

    assert _local_times(world, MONDAY) == ["10:00-0400", "11:00-0400"]


def test_without_a_schedule_there_are_no_slots(provider):
    world = bookable_world(provider)
    world.schedule.delete()

    assert _local_times(world, MONDAY) == []


DST_ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    zone=st.sampled_from(DST_ZONES),
    day=st.dates(min_value=datetime.date(2030, 1, 1), max_value=datetime.date(2030, 12, 31)),
    start_hour=st.integers(min_value=5, max_value=20),
)
def test_property_every_slot_keeps_the_rules_wall_clock(zone, day, start_hour):
    # Given a one-hour rule at `start_hour` every day in a zone with DST
    from django.db import transaction

    with transaction.atomic():
        provider = ListedProviderFactory()
        world = bookable_world(
            provider,
            zone=zone,
            hours=(datetime.time(start_hour), datetime.time(start_hour + 1)),
        )
        # When any week's slots are computed
        slots = slots_compute(
            slot_query_get(offering=world.offering),
            window_start=world.at(day, 0),
            window_end=world.at(day + datetime.timedelta(days=7), 0),
            now=LONG_AGO,
        )
        transaction.set_rollback(True)

    # Then there is one per day, each at the rule's local time and an hour long
    local = [slot.start.astimezone(ZoneInfo(zone)) for slot in slots]
    assert len(slots) == 7
    assert {(t.hour, t.minute) for t in local} == {(start_hour, 0)}
    assert all(slot.end - slot.start == datetime.timedelta(hours=1) for slot in slots)
