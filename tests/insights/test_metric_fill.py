"""The business-intelligence count fill (plan 035): exact values, idempotence, restarts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from audit.choices import ClientPlatform, MetricFillStatus
from audit.models import MetricCount, MetricFillState, UserDailyActivity
from doggy.choices import JobRunStatus
from doggy.insights import metrics
from doggy.models import BackgroundJobRun
from tests.insights.world import EXPECTED_DAY, EXPECTED_HOUR, UNTIL, at, build_metric_world

pytestmark = pytest.mark.django_db


def rows(frequency: str | None = None) -> dict:
    found = MetricCount.objects.all()
    if frequency:
        found = found.filter(frequency=frequency)
    return {
        (row.property, row.end_time, row.subgroup): row.value
        for row in found.order_by("property", "end_time", "subgroup")
    }


def full_rows() -> list[tuple]:
    """Every column but the id, in a fixed order."""
    return list(
        MetricCount.objects.order_by("property", "frequency", "end_time", "subgroup").values_list(
            "property", "subgroup", "frequency", "end_time", "scope_type", "scope_id", "value"
        )
    )


def states() -> dict:
    return {
        (state.property, state.frequency): (state.end_time, state.state)
        for state in MetricFillState.objects.all()
    }


@pytest.fixture
def world():
    return build_metric_world()


def test_every_stat_counts_the_small_world_exactly(world):
    result = metrics.metric_counts_fill(until=UNTIL)

    assert rows("day") == EXPECTED_DAY
    assert rows("hour") == EXPECTED_HOUR
    # 8 day stats x 4 buckets, 2 hour stats x 96 buckets (1 March 01:00 to 5 March 00:00).
    assert result.buckets == 8 * 4 + 2 * 96
    assert result.rows == len(EXPECTED_DAY) + len(EXPECTED_HOUR)
    assert set(states().values()) == {(UNTIL, MetricFillStatus.DONE)}
    assert len(states()) == len(metrics.COUNT_STATS)


def test_every_stat_is_registered_with_its_property_and_frequency():
    assert metrics.PROPERTIES == (
        "users.new",
        "users.active_7d",
        "appointments.created",
        "appointments.completed",
        "gmv.usd",
        "subscriptions.active",
        "ai.requests",
        "kyc.approved",
    )
    assert sorted(key for key in metrics.STATS_BY_KEY if key[1] == "hour") == [
        ("ai.requests", "hour"),
        ("appointments.created", "hour"),
    ]


def test_active_users_come_from_daily_activity_when_it_has_rows(world):
    a, b, c = world["users"]
    UserDailyActivity.objects.create(
        user=c, activity_date=at(3).date(), platform=ClientPlatform.WEB,
        first_seen_at=at(3, 9), last_seen_at=at(3, 10),
    )  # fmt: skip

    metrics.metric_counts_fill(until=UNTIL, properties=["users.active_7d"])

    # Only c, on 3 March: the events of a and b are not read any more.
    assert rows() == {
        ("users.active_7d", at(4), ""): Decimal(1),
        ("users.active_7d", at(5), ""): Decimal(1),
    }


def test_a_second_run_writes_nothing_and_keeps_the_rows(world):
    metrics.metric_counts_fill(until=UNTIL)
    before = list(MetricCount.objects.order_by("pk").values_list("pk", "value"))

    again = metrics.metric_counts_fill(until=UNTIL)

    assert (again.buckets, again.rows) == (0, 0)
    assert list(MetricCount.objects.order_by("pk").values_list("pk", "value")) == before


def test_refilling_a_period_gives_identical_rows(world):
    metrics.metric_counts_fill(until=UNTIL)
    first = full_rows()

    refill = metrics.metric_counts_fill(until=UNTIL, refill_from=at(2))

    assert refill.buckets == 8 * 3 + 2 * 72
    assert full_rows() == first
    assert set(states().values()) == {(UNTIL, MetricFillStatus.DONE)}


def test_filling_in_two_steps_gives_the_rows_of_one_run(world):
    metrics.metric_counts_fill(until=at(3, 12))
    assert states()[("users.new", "day")] == (at(3), MetricFillStatus.DONE)
    metrics.metric_counts_fill(until=UNTIL)

    assert rows("day") == EXPECTED_DAY
    assert rows("hour") == EXPECTED_HOUR


class Crash(Exception):
    pass


def test_a_crash_mid_period_then_a_rerun_gives_the_rows_of_a_clean_run(world):
    metrics.metric_counts_fill(until=UNTIL)
    clean = full_rows()
    MetricCount.objects.all().delete()
    MetricFillState.objects.all().delete()

    real_fill = metrics.fill_bucket

    def crash_after_writing(stat, end_time):
        written = real_fill(stat, end_time)
        if stat.key == ("subscriptions.active", "day") and end_time == at(4):
            raise Crash("worker died after writing the bucket")
        return written

    with mock.patch.object(metrics, "fill_bucket", crash_after_writing), pytest.raises(Crash):
        metrics.metric_counts_fill(until=UNTIL)

    # The bucket is left Started with its rows, later stats are not filled yet.
    assert states()[("subscriptions.active", "day")] == (at(4), MetricFillStatus.STARTED)
    assert ("subscriptions.active", at(4), "premium") in rows()
    assert ("ai.requests", "day") not in states()

    metrics.metric_counts_fill(until=UNTIL)

    assert full_rows() == clean
    assert set(states().values()) == {(UNTIL, MetricFillStatus.DONE)}


def test_a_started_bucket_with_partial_rows_is_deleted_before_it_is_written_again(world):
    metrics.metric_counts_fill(until=UNTIL)
    clean = full_rows()
    # As if a run died inside the bucket of 2 March after writing a wrong row.
    MetricFillState.objects.filter(property="appointments.created", frequency="day").update(
        end_time=at(3), state=MetricFillStatus.STARTED
    )
    MetricCount.objects.filter(property="appointments.created", frequency="day").update(
        value=Decimal(99)
    )
    MetricCount.objects.filter(
        property="appointments.created", frequency="day", end_time__gt=at(3)
    ).delete()

    result = metrics.metric_counts_fill(until=UNTIL)

    assert result.buckets == 3
    assert full_rows() == clean


def test_no_users_means_nothing_to_fill():
    result = metrics.metric_counts_fill(until=UNTIL)

    assert (result.buckets, result.rows) == (0, 0)
    assert MetricCount.objects.count() == 0


def test_an_unknown_property_is_refused():
    with pytest.raises(ValueError, match="Unknown metric properties: users.old"):
        metrics.count_stats(["users.old"])


def test_one_insert_per_bucket_whatever_the_rows(world, django_assert_num_queries):
    stat = metrics.STATS_BY_KEY[("appointments.created", "day")]
    with django_assert_num_queries(1):
        assert metrics.fill_bucket(stat, at(3)) == 1
    build_metric_world_more_rows()
    with django_assert_num_queries(1):
        assert metrics.fill_bucket(stat, at(6)) == 1


def build_metric_world_more_rows() -> None:
    from tests.scheduling.factories import AppointmentFactory

    AppointmentFactory.create_batch(5, created_at=at(5, 9))


def test_the_command_prints_progress_and_records_its_run(world):
    out = StringIO()
    call_command(
        "fill_metric_counts", "--until", "2026-03-05", "--property", "users.new", stdout=out
    )

    lines = out.getvalue().splitlines()
    assert lines == [
        "[4/4] users.new (day) to 2026-03-05 00:00",
        "4 bucket(s) filled, 2 row(s) written.",
    ]
    run = BackgroundJobRun.objects.get(job_name="fill_metric_counts")
    assert (run.status, run.items_processed) == (JobRunStatus.SUCCEEDED, 4)


def test_the_command_at_verbosity_2_prints_every_bucket(world):
    out = StringIO()
    call_command(
        "fill_metric_counts", "--until", "2026-03-05", "--property", "kyc.approved",
        verbosity=2, stdout=out,
    )  # fmt: skip

    assert out.getvalue().splitlines()[:4] == [
        f"[{n}/4] kyc.approved (day) to 2026-03-0{n + 1} 00:00" for n in range(1, 5)
    ]


def test_the_command_refuses_a_bad_time():
    with pytest.raises(CommandError, match="'tomorrowish' is not an ISO date"):
        call_command("fill_metric_counts", "--until", "tomorrowish", stdout=StringIO())


def test_a_failed_fill_is_recorded_as_failed(world):
    failing = mock.patch.object(metrics, "fill_bucket", side_effect=Crash("disk full"))
    with failing, pytest.raises(Crash):
        call_command("fill_metric_counts", "--until", "2026-03-05", stdout=StringIO())
    run = BackgroundJobRun.objects.get(job_name="fill_metric_counts")
    assert (run.status, run.error) == (JobRunStatus.FAILED, "Crash: disk full")


def test_the_task_fills_up_to_now_and_records_its_run(world):
    buckets = metrics.metric_counts_fill_task()

    assert buckets > 0
    run = BackgroundJobRun.objects.get(job_name="fill_metric_counts")
    assert (run.status, run.items_processed) == (JobRunStatus.SUCCEEDED, buckets)
    assert MetricCount.objects.filter(property="users.new").count() >= 2


def test_the_beat_schedule_runs_both_jobs_through_the_task_runner():
    from doggy.celery import app

    schedule = app.conf.beat_schedule
    assert schedule["fill-metric-counts"] == {
        "task": "doggy.run_task",
        "schedule": 3600.0,
        "args": ("doggy.insights.metrics.metric_counts_fill_task",),
    }
    assert schedule["snapshot-provider-performance"]["args"] == (
        "doggy.insights.performance.provider_performance_snapshot_task",
    )
    assert schedule["snapshot-provider-performance"]["schedule"] == 86400.0


def test_bucket_floor_is_utc():
    assert metrics.floor_to(at(3, 14, 59) + timedelta(seconds=1), "hour") == at(3, 14)
    assert metrics.floor_to(at(3, 14, 59), "day") == at(3)
    assert connection.vendor in ("sqlite", "postgresql")


def test_a_second_fill_while_one_runs_does_nothing(world):
    from django.core.cache import cache

    cache.add(metrics.FILL_LOCK_KEY, "another-process", 60)
    try:
        assert metrics.metric_counts_fill_task() == 0
        with pytest.raises(CommandError, match="Another metric count fill is running."):
            call_command("fill_metric_counts", "--until", "2026-03-05", stdout=StringIO())
        assert MetricCount.objects.count() == 0
        assert MetricFillState.objects.count() == 0
    finally:
        cache.delete(metrics.FILL_LOCK_KEY)
    assert metrics.metric_counts_fill(until=UNTIL).buckets == 8 * 4 + 2 * 96
    assert cache.get(metrics.FILL_LOCK_KEY) is None
