"""Slot computation for a busy provider: 1,000 appointments over a 30-day window.

Prints one `BENCH` line (the median of five computations, and the query count); the
assertion is on the result, not on the time, because the machine is shared.
"""

from __future__ import annotations

import datetime
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scheduling.choices import AppointmentStatus
from scheduling.models import Appointment
from scheduling.slots import slot_query_get, slots_compute
from tests.accounts.factories import UserFactory
from tests.scheduling.booking_world import MONDAY, bookable_world
from tests.scheduling.factories import ListedProviderFactory

pytestmark = pytest.mark.django_db

DAYS = 30
APPOINTMENTS = 1_000
LONG_AGO = datetime.datetime(2029, 1, 1, tzinfo=datetime.UTC)


def test_slots_of_a_provider_with_1000_appointments_in_30_days():
    # Given 08:00-20:00 every day, 15-minute slots of a 15-minute offering, and 1,000
    # booked appointments (34 a day from 08:00, some with buffers)
    world = bookable_world(
        ListedProviderFactory(),
        hours=(datetime.time(8), datetime.time(20)),
        duration=15,
        slot_interval_minutes=15,
    )
    owner = UserFactory()
    rows = []
    for n in range(APPOINTMENTS):
        day = MONDAY + datetime.timedelta(days=n % DAYS)
        start = world.at(day, 8) + datetime.timedelta(minutes=15 * (n // DAYS))
        end = start + datetime.timedelta(minutes=15)
        rows.append(
            Appointment(
                owner=owner,
                provider=world.provider,
                service_offering=world.offering,
                start_at=start,
                end_at=end,
                block_start_at=start,
                block_end_at=end,
                time_zone=str(world.zone),
                status=AppointmentStatus.CONFIRMED,
                price_amount=world.offering.price,
                currency="USD",
                ical_uid=f"bench-{n}@example",
            )
        )
    Appointment.objects.bulk_create(rows, batch_size=500)
    query = slot_query_get(offering=world.offering)
    window = (world.at(MONDAY, 0), world.at(MONDAY + datetime.timedelta(days=DAYS), 0))

    # When the window's slots are computed five times
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            slots = slots_compute(query, window_start=window[0], window_end=window[1], now=LONG_AGO)
        timings.append(time.perf_counter() - started)

    # Then every day has its 48 quarter hours less the booked ones
    per_day = 48
    booked_per_day = [
        APPOINTMENTS // DAYS + (1 if d < APPOINTMENTS % DAYS else 0) for d in range(DAYS)
    ]
    assert len(slots) == DAYS * per_day - sum(booked_per_day)
    print(
        f"BENCH slots appointments={APPOINTMENTS} days={DAYS} slots={len(slots)} "
        f"median_ms={statistics.median(timings) * 1000:.1f} "
        f"min_ms={min(timings) * 1000:.1f} queries={len(queries.captured_queries)} "
        f"vendor={connection.vendor}"
    )
