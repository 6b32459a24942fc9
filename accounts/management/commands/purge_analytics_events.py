"""Delete AnalyticsEvents older than the 13-month retention (plan 034).

Batched deletes (`--batch-size` ids each), progress on stdout; each run is recorded in
BackgroundJobRuns (`purge_analytics_events`). Celery beat runs
`analytics_events_purge_task` daily instead.
"""

from django.core.management.base import BaseCommand, CommandError

from accounts.services.analytics import (
    PURGE_BATCH_SIZE,
    PURGE_JOB,
    analytics_events_purge,
    analytics_retention_cutoff,
)
from doggy.health import job_run


class Command(BaseCommand):
    help = "Delete analytics events past their 13-month retention, in batches."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=PURGE_BATCH_SIZE)

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        verbose = options["verbosity"] > 0

        def progress(deleted: int) -> None:
            if verbose:
                self.stdout.write(f"  {deleted} deleted")

        with job_run(PURGE_JOB) as outcome:
            deleted = analytics_events_purge(batch_size=options["batch_size"], progress=progress)
            outcome["items_processed"] = deleted
        if verbose:
            self.stdout.write(
                f"{deleted} analytics event(s) older than {analytics_retention_cutoff():%Y-%m-%d} "
                "deleted."
            )
