"""Create a report definition for every report of the catalogue that has none (plan 041).

The catalogue is code (`doggy.insights.reports`); staff then adjust names, defaults,
permissions and the active flag in the admin. Existing definitions are left alone, so
running it again changes nothing. Run it after a deploy that adds a report.
"""

from django.core.management.base import BaseCommand

from doggy.insights.report_services import report_definitions_sync


class Command(BaseCommand):
    help = "Create the missing report definitions of the report catalogue."

    def handle(self, *args, **options):
        result = report_definitions_sync()
        if options["verbosity"]:
            for key in result.created:
                self.stdout.write(f"Created {key}.")
            self.stdout.write(
                f"{len(result.created)} definition(s) created, {len(result.existing)} existed."
            )
