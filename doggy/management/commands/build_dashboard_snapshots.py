"""Build the staff dashboard's Platform snapshot of a UTC day (plan 041).

    manage.py build_dashboard_snapshots                  # yesterday, the last full day
    manage.py build_dashboard_snapshots --date 2026-12-06

Idempotent: building a day again replaces its snapshot. Run it daily after midnight UTC
(cron, or the Celery beat entry `build-dashboard-snapshots`). Each run is recorded in
BackgroundJobRuns (`build_dashboard_snapshots`).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from doggy.health import job_run
from doggy.insights.snapshots import JOB_NAME, dashboard_snapshot_build


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be a date like 2026-12-06, not {value!r}.") from None


class Command(BaseCommand):
    help = "Compute the Platform dashboard snapshot of a day (default: yesterday, UTC)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The UTC day (YYYY-MM-DD); default yesterday.")

    def handle(self, *args, **options):
        day = (
            _date(options["date"])
            if options["date"]
            else timezone.now().date() - datetime.timedelta(days=1)
        )
        with job_run(JOB_NAME) as outcome:
            snapshot = dashboard_snapshot_build(day)
            outcome["items_processed"] = 1
        if options["verbosity"]:
            self.stdout.write(f"Dashboard snapshot of {snapshot.snapshot_date} built.")
