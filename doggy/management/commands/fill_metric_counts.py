"""Fill the business-intelligence counts (plan 035) up to now, or up to `--until`.

Restartable and idempotent (doggy.insights.metrics): a run that dies mid-bucket leaves
that bucket `Started`, and the next run deletes its rows and writes it again; a second
run with nothing new to fill writes nothing. `--from` rewrites the buckets after a time.
One fill runs at a time (a second one stops with an error). Prints the buckets done out
of the total; each run is recorded in BackgroundJobRuns
(`fill_metric_counts`). Celery beat runs it hourly (doggy/celery.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError

from doggy.health import job_run
from doggy.insights.metrics import (
    FILL_JOB_NAME,
    PROPERTIES,
    FillAlreadyRunning,
    FillProgress,
    metric_counts_fill,
)


def _moment(raw: str) -> datetime:
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"{raw!r} is not an ISO date or date-time.") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = "Fill MetricCounts (Zulip-style CountStats), restartably, up to now or --until."

    def add_arguments(self, parser):
        parser.add_argument("--until", type=_moment, help="Fill buckets ending at or before.")
        parser.add_argument(
            "--property",
            action="append",
            choices=PROPERTIES,
            dest="properties",
            help="Only this property (repeatable).",
        )
        parser.add_argument(
            "--from",
            type=_moment,
            dest="refill_from",
            help="Delete and write again the buckets ending after this time.",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def report(step: FillProgress) -> None:
            stat = step.stat
            last_of_stat = step.done == step.total or verbosity > 1
            if verbosity and (last_of_stat or step.done % 100 == 0):
                self.stdout.write(
                    f"[{step.done}/{step.total}] {stat.property} ({stat.frequency}) "
                    f"to {step.end_time:%Y-%m-%d %H:%M}"
                )

        try:
            with job_run(FILL_JOB_NAME) as outcome:
                result = metric_counts_fill(
                    until=options["until"],
                    properties=options["properties"],
                    refill_from=options["refill_from"],
                    progress=report,
                )
                outcome["items_processed"] = result.buckets
        except FillAlreadyRunning as exc:
            raise CommandError(str(exc)) from None
        if verbosity:
            self.stdout.write(f"{result.buckets} bucket(s) filled, {result.rows} row(s) written.")
