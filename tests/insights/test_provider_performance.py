"""Provider performance snapshots (plan 036): KPIs, zero rows, idempotent upserts."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from audit.models import ProviderPerformanceSnapshot
from doggy.choices import JobRunStatus
from doggy.insights import performance
from doggy.models import BackgroundJobRun
from messaging.models import Message
from tests.accounts.factories import ServiceProviderFactory
from tests.insights.perf_world import AS_OF, BUSY_KPIS, IDLE_KPIS, build_performance_world

pytestmark = pytest.mark.django_db

KPI_FIELDS = tuple(BUSY_KPIS)
PERIOD = performance.rolling_period(AS_OF)


def kpis(provider) -> dict:
    row = ProviderPerformanceSnapshot.objects.get(provider=provider)
    return {name: getattr(row, name) for name in KPI_FIELDS}


@pytest.fixture
def world():
    return build_performance_world()


def test_the_rolling_period_is_the_90_days_ending_on_the_day():
    assert (PERIOD.start, PERIOD.end) == (date(2026, 1, 1), date(2026, 3, 31))
    yesterday = performance.rolling_period()
    assert yesterday.end - yesterday.start == timedelta(days=89)


def test_a_providers_kpis_count_its_appointments_visits_and_replies(world):
    assert performance.provider_performance_snapshot(PERIOD) == 2

    assert kpis(world["busy"]) == BUSY_KPIS


def test_a_provider_without_appointments_gets_a_row_of_zeros(world):
    performance.provider_performance_snapshot(PERIOD)

    assert kpis(world["idle"]) == IDLE_KPIS


def test_without_messages_the_median_is_of_the_booking_responses_only(world):
    Message.objects.all().delete()

    performance.provider_performance_snapshot(PERIOD)

    # 1200, 1800, 3600, 3600: the median of an even count is the mean of the middle two.
    assert kpis(world["busy"])["median_response_seconds"] == 2700


def test_without_any_appointments_every_provider_gets_zeros():
    providers = ServiceProviderFactory.create_batch(2)

    assert performance.provider_performance_snapshot(PERIOD) == 2

    assert [kpis(provider) for provider in providers] == [IDLE_KPIS, IDLE_KPIS]


def test_computing_a_period_again_upserts_the_same_values(world):
    performance.provider_performance_snapshot(PERIOD)
    first = list(ProviderPerformanceSnapshot.objects.order_by("provider_id").values(*KPI_FIELDS))

    performance.provider_performance_snapshot(PERIOD)

    assert ProviderPerformanceSnapshot.objects.count() == 2
    again = list(ProviderPerformanceSnapshot.objects.order_by("provider_id").values(*KPI_FIELDS))
    assert again == first


def test_another_day_adds_a_snapshot_beside_the_first(world):
    performance.provider_performance_snapshot(PERIOD)
    performance.provider_performance_snapshot(performance.rolling_period(date(2026, 3, 5)))

    assert ProviderPerformanceSnapshot.objects.filter(provider=world["busy"]).count() == 2
    early = ProviderPerformanceSnapshot.objects.get(provider=world["busy"], period_end="2026-03-05")
    # 6 December to 5 March: the request of 20 December and the four of 1-4 March.
    assert (early.period_start, early.requests_received) == (date(2025, 12, 6), 5)


def test_the_snapshot_is_a_constant_number_of_queries(world, django_assert_num_queries):
    # Appointments, arrivals, confirmations, declines, replies, providers, and the upsert
    # (savepoint, insert, release), whatever the number of providers and appointments.
    with django_assert_num_queries(9):
        performance.provider_performance_snapshot(PERIOD)
    ServiceProviderFactory.create_batch(3)
    build_performance_world()
    with django_assert_num_queries(9):
        performance.provider_performance_snapshot(PERIOD)


def test_the_command_and_the_task_record_their_runs(world):
    out = StringIO()
    call_command("snapshot_provider_performance", "--as-of", "2026-03-31", stdout=out)

    assert out.getvalue() == "2 provider snapshot(s) for 2026-01-01–2026-03-31.\n"
    assert kpis(world["busy"]) == BUSY_KPIS
    assert performance.provider_performance_snapshot_task() == 2
    runs = BackgroundJobRun.objects.filter(job_name="provider_performance_snapshots")
    assert sorted(runs.values_list("status", "items_processed")) == [
        (JobRunStatus.SUCCEEDED, 2),
        (JobRunStatus.SUCCEEDED, 2),
    ]
