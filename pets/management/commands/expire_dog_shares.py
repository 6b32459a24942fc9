"""Revoke dog shares whose expiry has passed and drop their guardian permissions.

Access already ends at `ExpiresAt` without this command (the selectors check the
expiry); run it periodically (cron, Celery beat) to keep guardian's rows tidy. Each run
is recorded in BackgroundJobRuns (`expire_dog_shares`).
"""

from django.core.management.base import BaseCommand

from doggy.health import job_run
from pets.services import dog_shares_expire


class Command(BaseCommand):
    help = "Revoke expired dog shares and remove their object permissions."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, **options):
        with job_run("expire_dog_shares") as outcome:
            count = dog_shares_expire(batch_size=options["batch_size"])
            outcome["items_processed"] = count
        if options["verbosity"]:
            self.stdout.write(f"{count} expired share(s) revoked.")
