"""The report-run sweep (plan 041): runs whose file passed its ExpiresAt become Expired
and the file is deleted; runs stuck Queued or Running for over an hour are failed.

Run it hourly (cron, or the Celery beat entry `expire-report-runs`); a second run changes
nothing. Each run is recorded in BackgroundJobRuns (`expire_report_runs`).
"""

from django.core.management.base import BaseCommand

from doggy.health import job_run
from doggy.insights.report_services import JOB_NAME, report_runs_expire


class Command(BaseCommand):
    help = "Expire report runs whose file expired (deleting the file); fail stuck runs."

    def handle(self, *args, **options):
        with job_run(JOB_NAME) as outcome:
            result = report_runs_expire()
            outcome["items_processed"] = result.expired + result.timed_out
        if options["verbosity"]:
            self.stdout.write(
                f"{result.expired} report run(s) expired, {result.timed_out} stuck run(s) failed."
            )
