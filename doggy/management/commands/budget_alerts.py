"""The budget alert sweep (plan 040): notify owners whose spend this month or year crossed
80% or 100% of a budget, once per budget, period and threshold.

Run it hourly or daily (cron, Celery beat runs `doggy.insights.budgets.budget_alerts_sweep_task`);
a second run in the same period notifies nobody again. Each run is recorded in
BackgroundJobRuns (`budget_alerts`).
"""

import datetime

from django.core.management.base import BaseCommand

from doggy.health import job_run
from doggy.insights.budgets import JOB_NAME, OWNER_BATCH_SIZE, budget_alerts_sweep


class Command(BaseCommand):
    help = "Notify owners whose spend crossed 80% or 100% of one of their budgets."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=OWNER_BATCH_SIZE)
        parser.add_argument(
            "--on",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day whose periods to check (YYYY-MM-DD; default today).",
        )

    def handle(self, *args, **options):
        with job_run(JOB_NAME) as outcome:
            result = budget_alerts_sweep(on=options["on"], batch_size=options["batch_size"])
            outcome["items_processed"] = result.alerts
        if options["verbosity"]:
            self.stdout.write(
                f"{result.owners} owner(s), {result.budgets} budget(s), "
                f"{result.alerts} alert(s) sent."
            )
