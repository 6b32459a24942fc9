"""The daily credential sweep (plan 038): expire credentials past their ExpiresOn and
un-verify their providers, audited and notified by email; then tell providers, once per
credential, that a credential expires within `Verification.CredentialExpiryNoticeDays`.

Run it once a day (cron, Celery beat); the task runner can call
`accounts.services.credentials.credentials_expire_sweep` instead. A second run the same
day changes nothing. Each run is recorded in BackgroundJobRuns (`expire_credentials`).
"""

from django.core.management.base import BaseCommand

from accounts.services.credentials import SWEEP_BATCH_SIZE, credentials_expire
from doggy.health import job_run


class Command(BaseCommand):
    help = "Expire provider credentials whose expiry date has passed; un-verify their providers."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=SWEEP_BATCH_SIZE)

    def handle(self, *args, **options):
        with job_run("expire_credentials") as outcome:
            result = credentials_expire(batch_size=options["batch_size"])
            outcome["items_processed"] = result.expired
        if options["verbosity"]:
            self.stdout.write(
                f"{result.expired} credential(s) expired, "
                f"{result.providers_unverified} provider(s) no longer verified, "
                f"{result.notices_sent} expiry notice(s) sent."
            )
