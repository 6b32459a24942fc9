"""Races on PostgreSQL: twenty owners book one slot, or overlapping slots, at once (I-1).

Real threads, each with its own database connection and bearer session, start together
at a barrier and POST /api/v1/appointments/. Exactly one booking per round may win; the
others answer 409 `slot_unavailable`. Ten rounds of each. Prints one `RELIABILITY` line
per test with what it measured.
"""

from __future__ import annotations

import datetime
import threading
from collections import Counter

import pytest
from django.db import connection, connections

from accounts.choices import RoleName
from scheduling.choices import LIVE_APPOINTMENT_STATUSES
from scheduling.models import Appointment
from tests.callers import bearer_client, make_user
from tests.pets.factories import DogProfileFactory
from tests.scheduling.booking_world import MONDAY, bookable_world
from tests.scheduling.factories import ListedProviderFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"
    ),
]

THREADS = 20
ROUNDS = 10


def _race(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:  # reported as the thread's result
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _owners_with_dogs(rbac, count: int, tag: str):
    owners = [
        make_user(rbac, RoleName.PET_OWNER, email=f"racer-{tag}-{i}@example.com")
        for i in range(count)
    ]
    return [(owner, DogProfileFactory(owner=owner)) for owner in owners]


def _run_rounds(rbac, world, starts_for_round) -> list[Counter]:
    """Each round, THREADS owners book `starts_for_round(r)[i]`; returns each round's
    statuses and checks the database holds exactly one new live booking per round."""
    racers = _owners_with_dogs(rbac, THREADS, "r")
    clients = [(bearer_client(owner), dog) for owner, dog in racers]
    outcomes = []
    for round_number in range(ROUNDS):
        starts = starts_for_round(round_number)

        def book(i, starts=starts, round_number=round_number):
            client, dog = clients[i]
            response = client.post(
                "/api/v1/appointments/",
                {
                    "offering": str(world.offering.pk),
                    "start_at": starts[i].isoformat(),
                    "dogs": [str(dog.pk)],
                },
                format="json",
                HTTP_IDEMPOTENCY_KEY=f"round-{round_number}-{i}",
            )
            code = (
                response.json().get("error", {}).get("code")
                if response.status_code >= 400
                else None
            )
            return response.status_code, code

        results = _race(THREADS, book)
        outcomes.append(Counter(results))
    return outcomes


def test_twenty_bookings_of_one_slot_let_exactly_one_through(transactional_db, rbac):
    # Given a bookable provider, a new day per round
    world = bookable_world(ListedProviderFactory())

    # When twenty owners book the same 10:00 slot at once, ten rounds
    outcomes = _run_rounds(
        rbac,
        world,
        lambda r: [world.at(MONDAY + datetime.timedelta(days=r), 10)] * THREADS,
    )

    # Then each round has one 201 and nineteen 409 slot_unavailable
    for outcome in outcomes:
        assert outcome == {(201, None): 1, (409, "slot_unavailable"): THREADS - 1}, outcome
    live = Appointment.objects.filter(status__in=LIVE_APPOINTMENT_STATUSES)
    assert live.count() == ROUNDS
    print(
        f"RELIABILITY I-1 one_slot winners_per_round={[o[(201, None)] for o in outcomes]} "
        f"rounds={ROUNDS} threads={THREADS} PASS"
    )


def test_twenty_bookings_of_overlapping_slots_with_buffers_let_exactly_one_through(
    transactional_db, rbac
):
    # Given 15-minute slots of a one-hour offering with 30-minute buffers on both sides:
    # any two starts less than two hours apart collide
    world = bookable_world(
        ListedProviderFactory(),
        slot_interval_minutes=15,
        buffer_before_minutes=30,
        buffer_after_minutes=30,
    )

    # When twenty owners book starts spread over 10:00-11:30 (seven distinct times), ten rounds
    def starts(r):
        day = MONDAY + datetime.timedelta(days=r)
        return [
            world.at(day, 10) + datetime.timedelta(minutes=15 * (i % 7)) for i in range(THREADS)
        ]

    outcomes = _run_rounds(rbac, world, starts)

    # Then each round has one 201 and nineteen 409 slot_unavailable
    for outcome in outcomes:
        assert outcome == {(201, None): 1, (409, "slot_unavailable"): THREADS - 1}, outcome
    blocks = sorted(
        Appointment.objects.filter(status__in=LIVE_APPOINTMENT_STATUSES).values_list(
            "block_start_at", "block_end_at"
        )
    )
    assert len(blocks) == ROUNDS
    assert all(a[1] <= b[0] for a, b in zip(blocks, blocks[1:], strict=False))
    print(
        f"RELIABILITY I-1 overlapping_buffered winners_per_round="
        f"{[o[(201, None)] for o in outcomes]} rounds={ROUNDS} threads={THREADS} PASS"
    )
