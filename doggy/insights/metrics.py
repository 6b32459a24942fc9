"""Business-intelligence counts (plan 035): Zulip's `CountStat`s, filled into `MetricCounts`.

Each `CountStat` names a property, a bucket size (`hour` or `day`), the dimension its
rows are split by (`Subgroup`) and whose count it is (`ScopeType`). Its `query` returns
one aggregate queryset for a bucket `[start, end)` (`sub`, `scope` and `val` columns);
the fill turns it into one `INSERT INTO MetricCounts ... SELECT` per bucket, so no row
of the source tables passes through Python. As in Zulip, zeros are not stored: a bucket
without a row counts 0.

The fill is restartable and idempotent, as Zulip's `process_count_stat`:

* `MetricFillStates` keeps, per (Property, Frequency) (SCHEMA.md A16), the last bucket
  end and whether it is `Started` or `Done`;
* a bucket is marked `Started` before its rows are written and `Done` after;
* a fill that finds `Started` (the previous run died inside that bucket) deletes that
  bucket's rows and writes the bucket again;
* `refill_from` rewinds a stat: its rows from that bucket on are deleted and written
  again, which gives the same rows as the first fill (`manage.py fill_metric_counts
  --from`).

`users.active_7d` reads `UserDailyActivity` when that table has rows, else the signed-in
users' `AnalyticsEvents`. Values are counts except `gmv.usd` (a sum of money).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, Left
from django.utils import timezone

from accounts.choices import KycStatus
from accounts.models import KycReviewEvent, User
from ai.models import AiUsageRecord
from audit.choices import MetricFillStatus, MetricFrequency, MetricScopeType
from audit.models import AnalyticsEvent, MetricCount, MetricFillState, UserDailyActivity
from billing.choices import PaymentStatus, SubscriptionStatus
from billing.models import PaymentRecord, UserSubscription
from doggy.health import job_run
from scheduling.choices import AppointmentStatus
from scheduling.models import Appointment

logger = logging.getLogger(__name__)

FILL_JOB_NAME = "fill_metric_counts"
# One fill at a time across processes (beat's hourly run may meet a manual one). A run
# that is killed leaves the lock until it expires; its Started bucket is rewritten then.
FILL_LOCK_KEY = "insights:metric-counts-fill"
FILL_LOCK_SECONDS = 2 * 3600

# A payment that succeeded keeps counting after a refund or dispute: GMV is gross.
PAID_STATUSES = (
    PaymentStatus.SUCCEEDED,
    PaymentStatus.PARTIALLY_REFUNDED,
    PaymentStatus.REFUNDED,
    PaymentStatus.DISPUTED,
)
# Subscriptions that never started (their first payment failed) are never counted; any
# other counts from `StartedAt` until `EndedAt`, so past days keep their values.
NEVER_STARTED_SUBSCRIPTION_STATUSES = (
    SubscriptionStatus.INCOMPLETE,
    SubscriptionStatus.INCOMPLETE_EXPIRED,
)
ACTIVE_WINDOW = timedelta(days=7)
SUBGROUP_LENGTH = MetricCount._meta.get_field("subgroup").max_length

INCREMENTS = {
    MetricFrequency.HOUR: timedelta(hours=1),
    MetricFrequency.DAY: timedelta(days=1),
}


class Aggregation:
    """How the days of a week combine: counts of events add up, gauges take the last day."""

    SUM = "sum"
    LAST = "last"


Query = Callable[[datetime, datetime], QuerySet]


@dataclass(frozen=True)
class CountStat:
    """One property at one frequency (Zulip's `CountStat`)."""

    property: str
    frequency: str
    query: Query
    subgroup: str = ""
    scope_type: str = MetricScopeType.PLATFORM
    aggregation: str = Aggregation.SUM
    description: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.property, self.frequency)

    @property
    def increment(self) -> timedelta:
        return INCREMENTS[self.frequency]


def _grouped(queryset: QuerySet, subgroup=None, *, value=None) -> QuerySet:
    """The `sub`, `scope`, `val` columns every stat's query returns."""
    sub = (
        Left(Coalesce(subgroup, Value("")), SUBGROUP_LENGTH) if subgroup is not None else Value("")
    )
    return (
        queryset.order_by()
        .values(sub=sub, scope=Value(""))
        .annotate(val=value if value is not None else Count("pk"))
    )


def _users_new(start: datetime, end: datetime) -> QuerySet:
    return _grouped(User.objects.filter(date_joined__gte=start, date_joined__lt=end))


def _users_active_7d(start: datetime, end: datetime) -> QuerySet:
    """Distinct users active on one of the 7 days before the bucket end."""
    window_start = end - ACTIVE_WINDOW
    if _daily_activity_exists():
        rows = UserDailyActivity.objects.filter(
            activity_date__gte=window_start.date(), activity_date__lt=end.date()
        )
        return _grouped(rows, value=Count("user_id", distinct=True))
    rows = AnalyticsEvent.objects.filter(
        user__isnull=False, occurred_at__gte=window_start, occurred_at__lt=end
    )
    return _grouped(rows, value=Count("user_id", distinct=True))


def _daily_activity_exists() -> bool:
    return UserDailyActivity.objects.exists()


def _appointments_created(start: datetime, end: datetime) -> QuerySet:
    rows = Appointment.objects.filter(created_at__gte=start, created_at__lt=end)
    return _grouped(rows, F("service_offering__category__slug"))


def _appointments_completed(start: datetime, end: datetime) -> QuerySet:
    rows = Appointment.objects.filter(
        status=AppointmentStatus.COMPLETED, completed_at__gte=start, completed_at__lt=end
    )
    return _grouped(rows, F("service_offering__category__slug"))


def _gmv_usd(start: datetime, end: datetime) -> QuerySet:
    rows = PaymentRecord.objects.filter(
        status__in=PAID_STATUSES, currency="USD", paid_at__gte=start, paid_at__lt=end
    )
    return _grouped(rows, F("purpose"), value=Sum("amount"))


def _subscriptions_active(start: datetime, end: datetime) -> QuerySet:
    """Subscriptions running at the bucket end, by plan code."""
    rows = UserSubscription.objects.filter(
        Q(ended_at__isnull=True) | Q(ended_at__gte=end), started_at__lt=end
    ).exclude(status__in=NEVER_STARTED_SUBSCRIPTION_STATUSES)
    return _grouped(rows, F("plan__code"))


def _ai_requests(start: datetime, end: datetime) -> QuerySet:
    rows = AiUsageRecord.objects.filter(started_at__gte=start, started_at__lt=end)
    return _grouped(rows, F("feature"))


def _kyc_approved(start: datetime, end: datetime) -> QuerySet:
    rows = KycReviewEvent.objects.filter(
        to_status=KycStatus.APPROVED, created_at__gte=start, created_at__lt=end
    )
    return _grouped(rows)


DAY, HOUR = MetricFrequency.DAY, MetricFrequency.HOUR

# The registry: `MetricCounts.Property` is an open vocabulary validated against it (A7).
COUNT_STATS: tuple[CountStat, ...] = (
    CountStat("users.new", DAY, _users_new, description="Accounts created."),
    CountStat(
        "users.active_7d",
        DAY,
        _users_active_7d,
        aggregation=Aggregation.LAST,
        description="Distinct users active in the 7 days before the bucket end.",
    ),
    CountStat(
        "appointments.created",
        DAY,
        _appointments_created,
        subgroup="service category slug",
        description="Booking requests made.",
    ),
    CountStat(
        "appointments.created",
        HOUR,
        _appointments_created,
        subgroup="service category slug",
        description="Booking requests made, per hour.",
    ),
    CountStat(
        "appointments.completed",
        DAY,
        _appointments_completed,
        subgroup="service category slug",
        description="Appointments completed.",
    ),
    CountStat(
        "gmv.usd",
        DAY,
        _gmv_usd,
        subgroup="payment purpose",
        description="USD paid (gross, reference amounts of PaymentRecords).",
    ),
    CountStat(
        "subscriptions.active",
        DAY,
        _subscriptions_active,
        subgroup="plan code",
        aggregation=Aggregation.LAST,
        description="Subscriptions running (started, not ended) at the bucket end.",
    ),
    CountStat(
        "ai.requests",
        DAY,
        _ai_requests,
        subgroup="AI feature",
        description="AI calls recorded in AiUsageRecords.",
    ),
    CountStat(
        "ai.requests",
        HOUR,
        _ai_requests,
        subgroup="AI feature",
        description="AI calls recorded in AiUsageRecords, per hour.",
    ),
    CountStat("kyc.approved", DAY, _kyc_approved, description="KYC cases approved."),
)
STATS_BY_KEY = {stat.key: stat for stat in COUNT_STATS}
PROPERTIES = tuple(dict.fromkeys(stat.property for stat in COUNT_STATS))


def count_stats(properties: Iterable[str] | None = None) -> list[CountStat]:
    """The registered stats, or those of the named properties (ValueError for unknown)."""
    if properties is None:
        return list(COUNT_STATS)
    wanted = list(properties)
    unknown = sorted(set(wanted) - set(PROPERTIES))
    if unknown:
        raise ValueError(f"Unknown metric properties: {', '.join(unknown)}.")
    return [stat for stat in COUNT_STATS if stat.property in wanted]


def floor_to(moment: datetime, frequency: str) -> datetime:
    """The bucket boundary at or before `moment` (UTC)."""
    moment = moment.astimezone(UTC)
    if frequency == MetricFrequency.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def installation_epoch() -> datetime | None:
    """The first bucket start of every stat: the day the first account was made."""
    first = User.objects.order_by("date_joined").values_list("date_joined", flat=True).first()
    return None if first is None else floor_to(first, MetricFrequency.DAY)


@dataclass
class FillProgress:
    """Passed to the progress callback after each bucket."""

    stat: CountStat
    end_time: datetime
    done: int
    total: int


@dataclass
class FillResult:
    buckets: int
    rows: int


def _fill_state(stat: CountStat) -> MetricFillState | None:
    return MetricFillState.objects.filter(property=stat.property, frequency=stat.frequency).first()


def _state_set(stat: CountStat, end_time: datetime, state: str) -> None:
    """Mark a bucket Started or Done; committed at once, so a crash leaves it behind."""
    updated = MetricFillState.objects.filter(
        property=stat.property, frequency=stat.frequency
    ).update(end_time=end_time, state=state, updated_at=timezone.now())
    if not updated:
        MetricFillState.objects.create(
            property=stat.property, frequency=stat.frequency, end_time=end_time, state=state
        )


def _stat_rows(stat: CountStat) -> QuerySet[MetricCount]:
    return MetricCount.objects.filter(
        property=stat.property, frequency=stat.frequency, scope_type=stat.scope_type
    )


def _resume_point(stat: CountStat, epoch: datetime | None) -> datetime | None:
    """The end of the last complete bucket, after cleaning up a Started one."""
    state = _fill_state(stat)
    if state is None:
        return None if epoch is None else floor_to(epoch, stat.frequency)
    if state.state == MetricFillStatus.STARTED:
        # The run that started this bucket died: its rows may be partial.
        _stat_rows(stat).filter(end_time=state.end_time).delete()
        return state.end_time - stat.increment
    return state.end_time


def _bucket_ends(stat: CountStat, after: datetime | None, until: datetime) -> list[datetime]:
    if after is None:
        return []
    last = floor_to(until, stat.frequency)
    ends, end = [], after + stat.increment
    while end <= last:
        ends.append(end)
        end += stat.increment
    return ends


def fill_bucket(stat: CountStat, end_time: datetime) -> int:
    """Write the rows of one bucket with one INSERT ... SELECT; returns the rows written."""
    start = end_time - stat.increment
    inner, params = stat.query(start, end_time).query.sql_with_params()
    quote = connection.ops.quote_name
    table = MetricCount._meta.db_table
    columns = ", ".join(
        quote(MetricCount._meta.get_field(name).column)
        for name in ("property", "frequency", "end_time", "scope_type", "subgroup", "scope_id")
    )
    end_param = MetricCount._meta.get_field("end_time").get_db_prep_value(end_time, connection)
    # Quoted names and the ORM's own SQL; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(table)} ({columns}, {quote('Value')}) "  # noqa: S608
        f"SELECT %s, %s, %s, %s, q.{quote('sub')}, q.{quote('scope')}, q.{quote('val')} "
        f"FROM ({inner}) q WHERE q.{quote('val')} IS NOT NULL AND q.{quote('val')} <> 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [stat.property, stat.frequency, end_param, stat.scope_type, *params])
        return max(cursor.rowcount, 0)


class FillAlreadyRunning(Exception):
    """Another process holds the fill lock."""


@contextmanager
def _fill_lock() -> Iterator[None]:
    token = uuid.uuid4().hex
    if not cache.add(FILL_LOCK_KEY, token, FILL_LOCK_SECONDS):
        raise FillAlreadyRunning("Another metric count fill is running.")
    try:
        yield
    finally:
        if cache.get(FILL_LOCK_KEY) == token:
            cache.delete(FILL_LOCK_KEY)


def metric_counts_fill(
    *,
    until: datetime | None = None,
    properties: Sequence[str] | None = None,
    refill_from: datetime | None = None,
    progress: Callable[[FillProgress], Any] | None = None,
) -> FillResult:
    """Fill every registered stat (or those of `properties`) up to `until` (default now).

    Buckets end at or before `until`; each is written once. With `refill_from`, the
    stats' rows of buckets ending after it are deleted first and written again. Raises
    `FillAlreadyRunning` while another fill runs.
    """
    with _fill_lock():
        return _fill(until=until, properties=properties, refill_from=refill_from, progress=progress)


def _fill(*, until, properties, refill_from, progress) -> FillResult:
    until = until or timezone.now()
    stats = count_stats(properties)
    epoch = installation_epoch()
    if refill_from is not None:
        for stat in stats:
            point = floor_to(refill_from, stat.frequency)
            with transaction.atomic():
                _stat_rows(stat).filter(end_time__gt=point).delete()
                state = _fill_state(stat)
                if state is not None and state.end_time > point:
                    _state_set(stat, point, MetricFillStatus.DONE)
    plans = [(stat, _bucket_ends(stat, _resume_point(stat, epoch), until)) for stat in stats]
    total = sum(len(ends) for _, ends in plans)
    done = rows = 0
    for stat, ends in plans:
        for end_time in ends:
            _state_set(stat, end_time, MetricFillStatus.STARTED)
            rows += fill_bucket(stat, end_time)
            _state_set(stat, end_time, MetricFillStatus.DONE)
            done += 1
            if progress is not None:
                progress(FillProgress(stat=stat, end_time=end_time, done=done, total=total))
    return FillResult(buckets=done, rows=rows)


def metric_counts_fill_task() -> int:
    """The fill as a scheduled task (Celery beat, hourly): recorded in BackgroundJobRuns."""
    with job_run(FILL_JOB_NAME) as outcome:
        try:
            result = metric_counts_fill()
        except FillAlreadyRunning:
            logger.info("Metric counts: another fill is running; nothing done.")
            result = FillResult(buckets=0, rows=0)
        outcome["items_processed"] = result.buckets
    logger.info("Metric counts: %s bucket(s), %s row(s).", result.buckets, result.rows)
    return result.buckets
