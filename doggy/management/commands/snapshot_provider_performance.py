"""Compute the provider performance snapshots (plan 036) for the rolling 90 days.

Upserts one row per provider for the 90 days ending yesterday (UTC), or ending
`--as-of`; a second run of the same period gives the same rows. Each run is recorded in
BackgroundJobRuns (`provider_performance_snapshots`). Celery beat runs it daily.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from doggy.health import job_run
from doggy.insights.performance import (
    PERIOD_DAYS,
    SNAPSHOT_JOB_NAME,
    provider_performance_snapshot,
    rolling_period,
)


class Command(BaseCommand):
    help = "Compute every provider's performance snapshot for the rolling period."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", type=date.fromisoformat, help="The period's last day.")
        parser.add_argument("--days", type=int, default=PERIOD_DAYS)

    def handle(self, *args, **options):
        period = rolling_period(options["as_of"], options["days"])
        with job_run(SNAPSHOT_JOB_NAME) as outcome:
            written = provider_performance_snapshot(period)
            outcome["items_processed"] = written
        if options["verbosity"]:
            self.stdout.write(
                f"{written} provider snapshot(s) for {period.start:%Y-%m-%d}–{period.end:%Y-%m-%d}."
            )
