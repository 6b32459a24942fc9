"""`manage.py sync_calendars`: the scheduled sweep of connected CalDAV calendars.

Run it from the scheduler (cron, a Celery beat entry) every few minutes. Each active
CalDAV connection not synced within `--min-age-minutes` (default 10) is synced in turn:
its events over the booking window become `ExternalBusyBlocks`, and the outcome is
recorded on the connection. A failing calendar never stops the sweep. Each run is
recorded in BackgroundJobRuns (`sync_calendars`).
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand

from doggy.health import job_run
from scheduling.calendar_services import calendar_connections_sync_due


class Command(BaseCommand):
    help = "Sync the busy times of every connected CalDAV calendar that is due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age-minutes",
            type=int,
            default=10,
            help="Skip connections synced less than this many minutes ago (0: sync all).",
        )

    def handle(self, *args, **options):
        with job_run("sync_calendars") as outcome:
            count = calendar_connections_sync_due(
                min_age=timedelta(minutes=max(options["min_age_minutes"], 0))
            )
            outcome["items_processed"] = count
        self.stdout.write(f"Synced {count} calendar connection(s).")
