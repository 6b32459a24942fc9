"""`manage.py calls_sweep`: calls nobody answered within the ring timeout are missed.

Run it every few seconds to a minute (cron, a systemd timer, a Celery beat task); each
run is idempotent and recorded in BackgroundJobRuns (`calls_sweep`).
"""

from django.core.management.base import BaseCommand

from doggy.health import job_run
from messaging.call_services import calls_sweep_missed


class Command(BaseCommand):
    help = "Mark calls still ringing after DOGGY_CALL_RING_TIMEOUT_SECONDS as missed."

    def handle(self, *args, **options):
        with job_run("calls_sweep") as outcome:
            changed = calls_sweep_missed()
            outcome["items_processed"] = changed
        self.stdout.write(f"{changed} call(s) timed out.")
