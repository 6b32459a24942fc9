"""The periodic health check (plan 042): run every readiness probe and write the results
into HealthCheckResults, the run itself into BackgroundJobRuns.

Run it every minute or so (cron, Celery beat). It exits with status 1 when a component is
unhealthy, so a scheduler can alert on it.
"""

from django.core.management.base import BaseCommand, CommandError

from doggy.health import health_check_run


class Command(BaseCommand):
    help = "Probe the database, cache, channel layer, storage and migrations; record results."

    def handle(self, *args, **options):
        ready, results = health_check_run()
        if options["verbosity"]:
            for name, result in results.items():
                line = f"{name}: {result.status} ({result.latency_ms} ms)"
                self.stdout.write(f"{line} {result.message}".rstrip())
        if not ready:
            raise CommandError("Not ready: a component is unhealthy.")
