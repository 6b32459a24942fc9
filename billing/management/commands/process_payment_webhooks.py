"""Process the payment webhook inbox's Pending and Failed events again (plan 039).

Events are processed after the delivery commits; one whose processing crashed or failed
stays in the inbox (IX_WebhookEvents_Pending). Run this every few minutes; each run is
recorded in BackgroundJobRuns (`process_payment_webhooks`).
"""

from django.core.management.base import BaseCommand

from billing.payment_services import payment_webhooks_retry
from doggy.health import job_run


class Command(BaseCommand):
    help = "Process the payment webhook events still Pending or Failed."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, **options):
        with job_run("process_payment_webhooks") as outcome:
            count = payment_webhooks_retry(limit=options["limit"])
            outcome["items_processed"] = count
        if options["verbosity"]:
            self.stdout.write(f"{count} webhook event(s) processed.")
