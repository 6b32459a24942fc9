"""`manage.py calls_sweep`: calls nobody answered within the ring timeout are missed.

Run it every few seconds to a minute (cron, a systemd timer, a Celery beat task); each
run is idempotent.
"""

from django.core.management.base import BaseCommand

from messaging.call_services import calls_sweep_missed


class Command(BaseCommand):
    help = "Mark calls still ringing after DOGGY_CALL_RING_TIMEOUT_SECONDS as missed."

    def handle(self, *args, **options):
        changed = calls_sweep_missed()
        self.stdout.write(f"{changed} call(s) timed out.")
