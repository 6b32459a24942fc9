"""`make bench-metrics`: the business-intelligence count fill over a million analytics events.

Run through `make bench-metrics`, which starts a throwaway PostgreSQL
(scripts/with_postgres.sh). Steps:

1. migrate; seed `--users` users joining over the period, `--events` AnalyticsEvents
   (a tenth anonymous), `--usage` AiUsageRecords and `--appointments` appointments of
   50 providers, spread over `--days` days, through `doggy.bulk.bulk_insert_rows` (COPY);
2. `ANALYZE`; fill `users.active_7d` alone, the stat that reads the events (each day
   bucket reads the 7 days before it): events/s is the events over that time;
3. fill every other stat (day and hour buckets) and report the whole fill;
4. refill the last 7 days (`--from`), as a restart would, and check that the rows are
   the same.

It prints the figures and writes them to `--output` (default bench/results-metrics.md).
Not a gate: the machine is shared, the numbers are for comparison between runs.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "doggy.settings.local"
os.environ.setdefault("CACHE_URL", "locmemcache://")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from accounts.models import User  # noqa: E402
from ai.choices import AiFeature, AiProvider, AiUsageStatus  # noqa: E402
from ai.models import AiUsageRecord  # noqa: E402
from audit.choices import ClientPlatform  # noqa: E402
from audit.models import AnalyticsEvent, MetricCount  # noqa: E402
from doggy.bulk import bulk_insert, bulk_insert_rows  # noqa: E402
from doggy.insights import metrics  # noqa: E402
from scheduling.choices import AppointmentStatus  # noqa: E402
from scheduling.models import Appointment  # noqa: E402
from tests.scheduling.factories import ServiceOfferingFactory  # noqa: E402

END = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
BATCH = 20_000
EVENT_NAMES = ["app.opened", "dog.created", "booking.requested", "message.sent", "ai.used"]
PLATFORMS = list(ClientPlatform.values)


def seed_users(count: int, start: datetime.datetime, rng: random.Random) -> list[str]:
    span = (END - start).total_seconds()
    users = []
    for i in range(count):
        email = f"member{i}@bench.invalid"
        users.append(
            User(
                id=str(uuid.uuid4()),
                email=email,
                normalized_email=email.upper(),
                password="!",  # noqa: S106 - an unusable password hash
                first_name="Member",
                last_name=str(i),
                date_joined=start + datetime.timedelta(seconds=rng.random() * span),
            )
        )
    bulk_insert(User, users, batch_size=BATCH)
    return [user.pk for user in users]


def _moment(start: datetime.datetime, rng: random.Random) -> datetime.datetime:
    return start + datetime.timedelta(seconds=rng.random() * (END - start).total_seconds())


def seed_events(count: int, users: list[str], start, rng: random.Random) -> None:
    def rows():
        for n in range(count):
            when = _moment(start, rng)
            anonymous = n % 10 == 0
            yield (
                None if anonymous else rng.choice(users),
                f"device-{n}" if anonymous else "",
                rng.choice(EVENT_NAMES),
                {},
                rng.choice(PLATFORMS),
                "2.4.0",
                "GB",
                when,
                when,
            )

    columns = (
        "user_id",
        "anonymous_id",
        "event_name",
        "properties",
        "platform",
        "app_version",
        "country_code",
        "occurred_at",
        "received_at",
    )
    bulk_insert_rows(AnalyticsEvent, columns, rows(), batch_size=BATCH, rebuild_indexes=True)


def seed_usage(count: int, users: list[str], start, rng: random.Random) -> None:
    features = list(AiFeature.values)

    def rows():
        for _ in range(count):
            when = _moment(start, rng)
            yield (
                uuid.uuid4(),
                rng.choice(users),
                rng.choice(features),
                AiProvider.OPENAI,
                "gpt-4o-mini",
                420,
                180,
                600,
                Decimal("0.000171"),
                850,
                AiUsageStatus.SUCCESS,
                when.date(),
                when,
                when + datetime.timedelta(milliseconds=850),
                {},
                "",
                0,
                "",
            )

    columns = (
        "request_id",
        "user_id",
        "feature",
        "ai_provider",
        "model_name",
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "cost_usd",
        "latency_ms",
        "status",
        "usage_date",
        "started_at",
        "completed_at",
        "metadata",
        "provider_request_id",
        "cached_tokens",
        "error_code",
    )
    bulk_insert_rows(AiUsageRecord, columns, rows(), batch_size=BATCH)


def seed_appointments(count: int, users: list[str], start, rng: random.Random) -> None:
    offerings = [ServiceOfferingFactory() for _ in range(50)]

    def rows():
        for n in range(count):
            offering = rng.choice(offerings)
            created = _moment(start, rng)
            begins = created + datetime.timedelta(days=2)
            completed = n % 10 < 7  # not live: outside the no-overlap constraint
            yield (
                uuid.uuid4(),
                f"B{n:011d}",
                rng.choice(users),
                offering.provider_id,
                offering.pk,
                begins,
                begins + datetime.timedelta(hours=1),
                "Europe/London",
                AppointmentStatus.COMPLETED if completed else AppointmentStatus.CANCELLED,
                0,
                0,
                offering.price,
                offering.currency,
                Decimal("1"),
                Decimal("0"),
                created + datetime.timedelta(minutes=30),
                begins + datetime.timedelta(hours=1) if completed else None,
                None if completed else created + datetime.timedelta(hours=3),
                f"bench-{n}@bench.invalid",
                begins,
                begins + datetime.timedelta(hours=1),
                created,
                created,
                "OwnerHome",
                "",
                "",
                "",
                "",
                "",
                0,
                0,
            )

    columns = (
        "id",
        "reference",
        "owner_id",
        "provider_id",
        "service_offering_id",
        "start_at",
        "end_at",
        "time_zone",
        "status",
        "buffer_before_minutes",
        "buffer_after_minutes",
        "price_amount",
        "currency",
        "price_units",
        "deposit_amount",
        "confirmed_at",
        "completed_at",
        "cancelled_at",
        "ical_uid",
        "block_start_at",
        "block_end_at",
        "created_at",
        "updated_at",
        "location_type",
        "location_text",
        "owner_notes",
        "provider_notes",
        "cancellation_reason",
        "decline_reason",
        "reschedule_count",
        "ical_sequence",
    )
    bulk_insert_rows(Appointment, columns, rows(), batch_size=BATCH)


def counts_snapshot() -> list[tuple]:
    return list(
        MetricCount.objects.order_by("property", "frequency", "end_time", "subgroup").values_list(
            "property", "frequency", "end_time", "subgroup", "value"
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--usage", type=int, default=100_000)
    parser.add_argument("--appointments", type=int, default=50_000)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results-metrics.md"))
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Run it on PostgreSQL: make bench-metrics", file=sys.stderr)
        return 2
    rng = random.Random(35)  # noqa: S311 - reproducible test data, not secrets
    start = END - datetime.timedelta(days=args.days)

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    users = seed_users(args.users, start, rng)
    seed_events(args.events, users, start, rng)
    seed_usage(args.usage, users, start, rng)
    seed_appointments(args.appointments, users, start, rng)
    seed_seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seeded in {seed_seconds:.1f} s", flush=True)

    began = time.perf_counter()
    active = metrics.metric_counts_fill(until=END, properties=["users.active_7d"])
    active_seconds = time.perf_counter() - began
    print(f"users.active_7d: {active.buckets} buckets in {active_seconds:.1f} s", flush=True)

    others = [prop for prop in metrics.PROPERTIES if prop != "users.active_7d"]
    began = time.perf_counter()
    rest = metrics.metric_counts_fill(until=END, properties=others)
    rest_seconds = time.perf_counter() - began
    print(f"other stats: {rest.buckets} buckets in {rest_seconds:.1f} s", flush=True)

    before = counts_snapshot()
    began = time.perf_counter()
    refill = metrics.metric_counts_fill(until=END, refill_from=END - datetime.timedelta(days=7))
    refill_seconds = time.perf_counter() - began
    identical = counts_snapshot() == before

    total_seconds = active_seconds + rest_seconds
    events_per_second = args.events / active_seconds
    lines = [
        "# Metric count fill",
        "",
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPUs; load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (shared machine: numbers vary)",
        f"- PostgreSQL; {args.days} days of data: {args.users:,} users, {args.events:,} "
        f"AnalyticsEvents, {args.usage:,} AiUsageRecords, {args.appointments:,} appointments "
        f"(seeded by COPY in {seed_seconds:.1f} s)",
        "",
        "| fill | buckets | rows written | seconds | rate |",
        "|---|---:|---:|---:|---:|",
        f"| users.active_7d (reads the events) | {active.buckets:,} | {active.rows:,} | "
        f"{active_seconds:.1f} | {events_per_second:,.0f} events/s |",
        f"| every other stat (day and hour) | {rest.buckets:,} | {rest.rows:,} | "
        f"{rest_seconds:.1f} | {rest.buckets / rest_seconds:,.0f} buckets/s |",
        f"| the whole fill | {active.buckets + rest.buckets:,} | {active.rows + rest.rows:,} | "
        f"{total_seconds:.1f} | {args.events / total_seconds:,.0f} events/s |",
        f"| refill of the last 7 days (`--from`) | {refill.buckets:,} | {refill.rows:,} | "
        f"{refill_seconds:.1f} | rows identical: {'yes' if identical else 'NO'} |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    Path(args.output).write_text(text)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
