"""The Celery application: queued work after commit, and the beat schedule.

Used when `DOGGY_TASK_RUNNER = "doggy.core.tasks.CeleryRunner"`; the in-process runner
stays the default. The broker is `CELERY_BROKER_URL`, else `REDIS_URL`. There is one
task, `doggy.run_task`, which runs any after-commit task by its dotted path with plain
arguments (ids, strings, JSON values), so the project's tasks need no Celery decorator:

    celery -A doggy.celery worker -l info
    celery -A doggy.celery beat -l info     # the periodic sweeps below

The beat schedule below runs the periodic jobs; the README's table lists each with the
management command that does the same from cron.
Each scheduled job records its runs in BackgroundJobRuns (doggy.health.job_run), whichever
way it runs.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.schedules import crontab
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doggy.settings.production")

app = Celery("doggy")
# CELERY_* settings (CELERY_BROKER_URL: the broker, REDIS_URL by default), read lazily.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_serializer="json",
    accept_content=["json"],
    result_backend=None,
    task_ignore_result=True,
    # A task is acknowledged after it ran: a worker that dies mid-task leaves it queued.
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    beat_schedule={
        "deliver-due-notifications": {
            "task": "doggy.run_task",
            "schedule": 60.0,
            "args": ("messaging.notification_services.notification_deliveries_sweep_task",),
        },
        # Report runs whose file expired (and runs stuck for over an hour), hourly.
        "expire-report-runs": {
            "task": "doggy.run_task",
            "schedule": 3600.0,
            "args": ("doggy.insights.report_services.report_runs_expire_task",),
        },
        # Yesterday's staff dashboard snapshot; idempotent, so every 6 hours is safe.
        "build-dashboard-snapshots": {
            "task": "doggy.run_task",
            "schedule": 6 * 3600.0,
            "args": ("doggy.insights.snapshots.dashboard_snapshots_build_task",),
        },
        # Plan 034: yesterday's and today's UserDailyActivity, then the 13-month purge.
        "rollup-user-activity": {
            "task": "doggy.run_task",
            "schedule": crontab(minute=15, hour="*/6"),
            "args": ("accounts.services.analytics.user_activity_rollup_task",),
        },
        "purge-analytics-events": {
            "task": "doggy.run_task",
            "schedule": crontab(minute=45, hour=3),
            "args": ("accounts.services.analytics.analytics_events_purge_task",),
        },
        "fill-metric-counts": {
            "task": "doggy.run_task",
            "schedule": 3600.0,
            "args": ("doggy.insights.metrics.metric_counts_fill_task",),
        },
        "snapshot-provider-performance": {
            "task": "doggy.run_task",
            "schedule": 86400.0,
            "args": ("doggy.insights.performance.provider_performance_snapshot_task",),
        },
        # Idempotent (one alert per budget, period and threshold), so hourly is cheap.
        "budget-alerts": {
            "task": "doggy.run_task",
            "schedule": 3600.0,
            "args": ("doggy.insights.budgets.budget_alerts_sweep_task",),
        },
        "health-check": {
            "task": "doggy.run_task",
            "schedule": 60.0,
            "args": ("doggy.health.health_check_task",),
        },
        # Jobs with a command and no task of their own: beat runs the command itself
        # (it records its run like any other).
        "calls-sweep": {
            "task": "doggy.run_task",
            "schedule": 60.0,
            "args": ("django.core.management.call_command", "calls_sweep"),
        },
        "process-payment-webhooks": {
            "task": "doggy.run_task",
            "schedule": 5 * 60.0,
            "args": ("django.core.management.call_command", "process_payment_webhooks"),
        },
        "sync-calendars": {
            "task": "doggy.run_task",
            "schedule": 5 * 60.0,
            "args": ("django.core.management.call_command", "sync_calendars"),
        },
        "expire-dog-shares": {
            "task": "doggy.run_task",
            "schedule": 3600.0,
            "args": ("django.core.management.call_command", "expire_dog_shares"),
        },
        "expire-credentials": {
            "task": "doggy.run_task",
            "schedule": 24 * 60 * 60.0,
            "args": ("accounts.services.credentials.credentials_expire_sweep",),
        },
    },
)


def task_path(task) -> str:
    """The dotted path `run_task` imports a task back from."""
    path = f"{task.__module__}.{task.__qualname__}"
    if "<" in path:
        raise ValueError(f"{path} is not importable: queue a module-level function.")
    return path


@app.task(name="doggy.run_task")
def run_task(path: str, *args):
    """Run the task at `path` with `args` (plain values), as the in-process runner would."""
    import_string(path)(*args)
