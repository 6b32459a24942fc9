"""Query counts of the booking routes: constant in the rows they show or read.

The same method as test_query_counts.py: a warm-up request fills the shared caches, then
the request is measured at N and at 2N rows. Each test states the count it measured.
Lists stay within the list budget (6); the slot read and the detail state theirs.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scheduling.choices import AppointmentStatus
from tests.callers import bearer_client as client_for
from tests.pets.factories import DogProfileFactory
from tests.scheduling.booking_world import MONDAY, bookable_world
from tests.scheduling.factories import (
    AppointmentFactory,
    AppointmentPetFactory,
    AppointmentStatusHistoryFactory,
    SlotHoldFactory,
)

pytestmark = pytest.mark.django_db

LIST_BUDGET = 6
N = 3


def _measure(user, url: str, params=None) -> tuple[int, dict]:
    client_for(user).get(url, params)
    client = client_for(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries.captured_queries), response.json()


@pytest.fixture
def world(listed_provider):
    return bookable_world(listed_provider)


def _appointments(world, owner, count, *, day_offset):
    """`count` appointments of `owner`, each with two dogs and a history row."""
    for i in range(count):
        day = MONDAY + datetime.timedelta(days=day_offset + i)
        appointment = AppointmentFactory(
            owner=owner,
            service_offering=world.offering,
            start_at=world.at(day, 9),
            end_at=world.at(day, 10),
            status=AppointmentStatus.CONFIRMED,
        )
        for _ in range(2):
            AppointmentPetFactory(appointment=appointment, dog=DogProfileFactory(owner=owner))
        AppointmentStatusHistoryFactory(appointment=appointment)


def test_owner_list_is_constant_in_page_size(world, owner):
    _appointments(world, owner, N, day_offset=0)
    small, body_small = _measure(owner, "/api/v1/appointments/")
    _appointments(world, owner, N, day_offset=N)
    large, body_large = _measure(owner, "/api/v1/appointments/")

    assert body_large["count"] == body_small["count"] + N
    # session+user, RBAC-free route; count, page, pets with their dogs
    assert small == large == 4
    assert large <= LIST_BUDGET


def test_provider_list_is_constant_in_page_size(world, owner, provider_user):
    _appointments(world, owner, N, day_offset=0)
    small, body_small = _measure(provider_user, "/api/v1/providers/me/appointments/")
    _appointments(world, owner, N, day_offset=N)
    large, body_large = _measure(provider_user, "/api/v1/providers/me/appointments/")

    assert body_large["count"] == body_small["count"] + N
    # the same four: the RBAC check reads the warm permission cache
    assert small == large == 4
    assert large <= LIST_BUDGET


def test_detail_is_constant_in_dogs_and_history(world, owner):
    _appointments(world, owner, 1, day_offset=0)
    appointment = world.offering.appointments.get()
    url = f"/api/v1/appointments/{appointment.pk}/"
    small, _ = _measure(owner, url)
    for _ in range(N):
        AppointmentPetFactory(appointment=appointment, dog=DogProfileFactory(owner=owner))
        AppointmentStatusHistoryFactory(appointment=appointment)
    large, body = _measure(owner, url)

    assert len(body["dogs"]) == 2 + N
    assert small == large == 4


def test_slots_are_constant_in_appointments_holds_and_days(world, owner, other_owner):
    url = f"/api/v1/providers/{world.provider.pk}/slots/"
    params = {"offering": str(world.offering.pk), "from": "2030-06-03", "to": "2030-06-16"}
    _appointments(world, other_owner, N, day_offset=0)
    SlotHoldFactory(service_offering=world.offering, start_at=world.at(MONDAY, 12))
    small, body_small = _measure(owner, url, params)
    _appointments(world, other_owner, N, day_offset=N)
    SlotHoldFactory(service_offering=world.offering, start_at=world.at(MONDAY, 14))
    large, body_large = _measure(owner, url, params)

    assert len(body_large["slots"]) == len(body_small["slots"]) - N - 1
    # session+user, provider, offering, schedule, rule, rules, overrides, appointments,
    # holds, busy blocks
    assert small == large == 10
