"""Roll AnalyticsEvents up into UserDailyActivity for one UTC day (plan 034).

    manage.py rollup_user_activity                   # yesterday
    manage.py rollup_user_activity --date 2026-12-06
    manage.py rollup_user_activity --date 2026-12-01 --days 7

Idempotent: a rerun of a day gives identical rows (updated in place; rows of users with
no events left are deleted). Users are processed in batches, each its own transaction,
with progress on stdout. Each run is recorded in BackgroundJobRuns
(`rollup_user_activity`). Celery beat runs `user_activity_rollup_task` nightly instead.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.services.analytics import ROLLUP_BATCH_SIZE, ROLLUP_JOB, user_activity_rollup
from doggy.health import job_run


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date takes YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = "Upsert the UserDailyActivity rows of a UTC day from its analytics events."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=_date, help="The UTC day (default: yesterday).")
        parser.add_argument("--days", type=int, default=1, help="Days from --date on.")
        parser.add_argument("--batch-size", type=int, default=ROLLUP_BATCH_SIZE)

    def handle(self, *args, **options):
        first = options["date"] or timezone.now().date() - datetime.timedelta(days=1)
        if options["days"] < 1 or options["batch_size"] < 1:
            raise CommandError("--days and --batch-size must be at least 1.")
        verbose = options["verbosity"] > 0

        def progress(done: int, total: int) -> None:
            if verbose:
                self.stdout.write(f"  {done}/{total} users")

        with job_run(ROLLUP_JOB) as outcome:
            rows = 0
            for offset in range(options["days"]):
                day = first + datetime.timedelta(days=offset)
                if verbose:
                    self.stdout.write(f"{day}:")
                result = user_activity_rollup(
                    day=day, batch_size=options["batch_size"], progress=progress
                )
                rows += result.rows
                if verbose:
                    self.stdout.write(
                        f"{day}: {result.users} user(s), {result.rows} row(s) written, "
                        f"{result.deleted} stale row(s) deleted."
                    )
            outcome["items_processed"] = rows
