"""The daily AI quota under contention, on PostgreSQL: 50 requests at once never pass the
limit, whether the day's row exists or is inserted by the racers themselves.

Real threads, each with its own connection and transaction, start together at a barrier.
Each test prints one `RELIABILITY` line with the figure it measured.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections, transaction

from ai.models import AiDailyUsage
from ai.selectors import utc_today
from ai.services import quota_reserve
from tests.accounts.factories import UserFactory
from tests.doggy.factories import SystemSettingFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"
    ),
]

THREADS = 50
LIMIT = 10


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


def _reserve(user):
    with transaction.atomic():
        return quota_reserve(user=user)


@pytest.fixture
def limit_of_ten(transactional_db):
    SystemSettingFactory(
        setting_key="AI.DailyRequestLimit", setting_value=str(LIMIT), data_type="Integer"
    )


@pytest.mark.parametrize("day_row", ["missing", "exists"])
def test_fifty_parallel_requests_at_a_limit_of_ten_get_exactly_ten(limit_of_ten, day_row):
    # given a user with no AI request today (with or without the day's row)
    user = UserFactory(email=f"quota-{day_row}@example.com")
    if day_row == "exists":
        AiDailyUsage.objects.create(user=user, usage_date=utc_today())

    # when 50 requests reserve at once
    results = _race(THREADS, lambda i: _reserve(user))

    # then exactly the limit got through, the rest were refused, and nothing failed
    outcomes = Counter(r if isinstance(r, bool) else type(r).__name__ for r in results)
    print(
        f"RELIABILITY ai quota ({day_row} day row): {THREADS} parallel requests at a limit of "
        f"{LIMIT}: {outcomes[True]} allowed, {outcomes[False]} refused"
    )
    assert outcomes == Counter({True: LIMIT, False: THREADS - LIMIT})
    row = AiDailyUsage.objects.get(user=user)
    assert row.request_count == LIMIT
