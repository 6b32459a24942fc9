"""Plan 042: every scheduled job records its runs in BackgroundJobRuns, whether a
scheduler runs its management command or Celery beat runs its task."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils.module_loading import import_string

from doggy.celery import app
from doggy.choices import JobRunStatus
from doggy.health import JOB_NAMES
from doggy.models import BackgroundJobRun

pytestmark = pytest.mark.django_db

COMMANDS = {
    "health_check": "health_check",
    "expire_credentials": "expire_credentials",
    "process_payment_webhooks": "process_payment_webhooks",
    "deliver_notifications": "deliver_notifications",
    "sync_calendars": "sync_calendars",
    "calls_sweep": "calls_sweep",
    "expire_dog_shares": "expire_dog_shares",
    "budget_alerts": "budget_alerts",
    "fill_metric_counts": "fill_metric_counts",
    "snapshot_provider_performance": "provider_performance_snapshots",
    "expire_report_runs": "expire_report_runs",
    "build_dashboard_snapshots": "build_dashboard_snapshots",
    "rollup_user_activity": "rollup_user_activity",
    "purge_analytics_events": "purge_analytics_events",
}


def test_every_registered_job_has_a_command():
    assert set(COMMANDS.values()) == JOB_NAMES


@pytest.mark.parametrize(("command", "job_name"), sorted(COMMANDS.items()))
def test_each_command_records_one_run(command, job_name):
    call_command(command, verbosity=0)
    run = BackgroundJobRun.objects.get()
    assert (run.job_name, run.status, run.error) == (job_name, JobRunStatus.SUCCEEDED, "")
    assert run.finished_at is not None
    assert run.items_processed is not None


BEAT = sorted((name, entry["args"]) for name, entry in app.conf.beat_schedule.items())


def test_every_registered_job_runs_on_beat():
    # The README's table promises that Celery beat runs every recorded job: running
    # each beat entry once records every registered job name.
    for _, (task, *arguments) in BEAT:
        import_string(task)(*arguments)
    recorded = set(BackgroundJobRun.objects.values_list("job_name", flat=True))
    assert recorded == JOB_NAMES


@pytest.mark.parametrize(("entry", "args"), BEAT, ids=[name for name, _ in BEAT])
def test_each_beat_task_records_one_run(entry, args):
    task, *arguments = args
    import_string(task)(*arguments)
    run = BackgroundJobRun.objects.get()
    assert run.job_name in JOB_NAMES
    assert run.status == JobRunStatus.SUCCEEDED


def test_a_failing_command_is_recorded_as_failed(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("CalDAV server unreachable")

    monkeypatch.setattr(
        "scheduling.management.commands.sync_calendars.calendar_connections_sync_due", broken
    )
    with pytest.raises(RuntimeError, match="CalDAV server unreachable"):
        call_command("sync_calendars", verbosity=0)
    run = BackgroundJobRun.objects.get()
    assert (run.job_name, run.status, run.error) == (
        "sync_calendars",
        JobRunStatus.FAILED,
        "RuntimeError: CalDAV server unreachable",
    )
