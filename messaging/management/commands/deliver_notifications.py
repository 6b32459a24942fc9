"""Send the notification deliveries that are due: held for quiet hours, or retrying.

A delivery is first attempted right after the notification's transaction commits. One
that waits (quiet hours, backoff after a failure) is sent by this sweep; run it every
minute from cron, or let Celery beat run the same sweep (doggy/celery.py). Either way
each run is recorded in BackgroundJobRuns (`deliver_notifications`).
"""

from django.core.management.base import BaseCommand

from doggy.health import job_run
from messaging.notification_services import notification_deliveries_sweep


class Command(BaseCommand):
    help = "Attempt the notification deliveries whose time has come."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many.")

    def handle(self, *args, **options):
        with job_run("deliver_notifications") as outcome:
            counts = notification_deliveries_sweep(limit=options["limit"])
            outcome["items_processed"] = sum(counts.values())
        if options["verbosity"]:
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            self.stdout.write(f"Deliveries attempted: {summary or 'none due'}.")
