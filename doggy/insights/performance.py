"""Provider performance snapshots (plan 036): each provider's KPIs over a rolling period.

Computed daily for the 90 days ending yesterday (UTC), for every provider, from:

* appointments requested in the period: received (reschedules excluded: the new row of a
  reschedule is not a new request), accepted (confirmed at some point), declined,
  expired and cancelled;
* the visit check-ins (030) of appointments starting in the period: on time when the
  check-in is at most 10 minutes after the start, else late;
* response times: request to confirmation, request to decline, and, where the
  appointment has a conversation, the owner's first message to the provider's first
  reply. `MedianResponseSeconds` is the median of all of them, empty without any.

A provider with no appointments gets a row of zeros, not an error. The write is an
idempotent upsert on (ProviderId, PeriodStart, PeriodEnd): computing the same period
again replaces the row with the same values.

The average rating and gross revenue are not stored (SCHEMA.md A17 left them out); the
API computes them for the snapshot's period when it reads it (`snapshot_extras`).
"""

from __future__ import annotations

import logging
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import (
    Avg,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import ServiceProvider
from audit.models import ProviderPerformanceSnapshot
from doggy.health import job_run
from messaging.models import Conversation, Message
from scheduling.choices import AppointmentStatus, ReviewStatus
from scheduling.models import (
    Appointment,
    AppointmentStatusHistory,
    ProviderReview,
    ServiceVisit,
)

logger = logging.getLogger(__name__)

SNAPSHOT_JOB_NAME = "provider_performance_snapshots"
PERIOD_DAYS = 90
# A check-in at most this long after the start counts as on time (SCHEMA.md 2.36).
ON_TIME_GRACE = timedelta(minutes=10)
REVENUE_CURRENCY = "USD"


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=UTC)

    @property
    def end_before(self) -> datetime:
        """The first instant after the period (its end date is included)."""
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=UTC)


def rolling_period(as_of: date | None = None, days: int = PERIOD_DAYS) -> Period:
    """The `days` days ending with `as_of` (default: yesterday, the last complete UTC day)."""
    end = as_of or (timezone.now().astimezone(UTC).date() - timedelta(days=1))
    return Period(start=end - timedelta(days=days - 1), end=end)


def _request_counts(period: Period) -> dict[str, dict[str, int]]:
    rows = (
        Appointment.objects.filter(
            created_at__gte=period.start_at, created_at__lt=period.end_before
        )
        .order_by()
        .values("provider_id")
        .annotate(
            received=Count("pk", filter=Q(rescheduled_from__isnull=True)),
            accepted=Count(
                "pk", filter=Q(rescheduled_from__isnull=True, confirmed_at__isnull=False)
            ),
            declined=Count("pk", filter=Q(status=AppointmentStatus.DECLINED)),
            expired=Count("pk", filter=Q(status=AppointmentStatus.EXPIRED)),
            cancelled=Count("pk", filter=Q(status=AppointmentStatus.CANCELLED)),
        )
    )
    return {str(row.pop("provider_id")): row for row in rows}


def _arrival_counts(period: Period) -> dict[str, dict[str, int]]:
    on_time = Q(check_in_at__lte=F("appointment__start_at") + ON_TIME_GRACE)
    rows = (
        ServiceVisit.objects.filter(
            check_in_at__isnull=False,
            appointment__start_at__gte=period.start_at,
            appointment__start_at__lt=period.end_before,
        )
        .order_by()
        .values(provider_id=F("appointment__provider_id"))
        .annotate(on_time=Count("pk", filter=on_time), late=Count("pk", filter=~on_time))
    )
    return {str(row.pop("provider_id")): row for row in rows}


def _response_seconds(period: Period) -> dict[str, list[float]]:
    """Every response time of each provider in the period, in seconds."""
    found: dict[str, list[float]] = defaultdict(list)
    requested = Q(created_at__gte=period.start_at, created_at__lt=period.end_before)
    confirmed = Appointment.objects.filter(requested, confirmed_at__isnull=False).values_list(
        "provider_id", "created_at", "confirmed_at"
    )
    for provider_id, asked, answered in confirmed:
        found[str(provider_id)].append((answered - asked).total_seconds())
    declined = AppointmentStatusHistory.objects.filter(
        to_status=AppointmentStatus.DECLINED,
        appointment__created_at__gte=period.start_at,
        appointment__created_at__lt=period.end_before,
    ).values_list("appointment__provider_id", "appointment__created_at", "changed_at")
    for provider_id, asked, answered in declined:
        found[str(provider_id)].append((answered - asked).total_seconds())
    for provider_id, asked, answered in _message_replies(period):
        found[str(provider_id)].append((answered - asked).total_seconds())
    return found


def _message_replies(period: Period):
    """(provider, owner's first message, provider's first reply after it) per conversation
    of an appointment requested in the period; one query."""
    provider_user = OuterRef("appointment__provider__user_id")
    first_ask = (
        Message.objects.filter(conversation=OuterRef("pk"), deleted_at__isnull=True)
        .exclude(sender_id=provider_user)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    first_reply = (
        Message.objects.filter(
            conversation=OuterRef("pk"),
            sender_id=provider_user,
            created_at__gt=OuterRef("first_ask"),
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    return (
        Conversation.objects.filter(
            appointment__created_at__gte=period.start_at,
            appointment__created_at__lt=period.end_before,
        )
        .order_by()
        .annotate(first_ask=Subquery(first_ask))
        .annotate(first_reply=Subquery(first_reply))
        .filter(first_reply__isnull=False)
        .values_list("appointment__provider_id", "first_ask", "first_reply")
    )


def snapshots_compute(period: Period) -> list[ProviderPerformanceSnapshot]:
    """Every provider's KPIs over `period` (unsaved rows, zeros where nothing happened)."""
    requests = _request_counts(period)
    arrivals = _arrival_counts(period)
    responses = _response_seconds(period)
    now = timezone.now()
    snapshots = []
    for provider_id in ServiceProvider.objects.order_by("pk").values_list("pk", flat=True):
        key = str(provider_id)
        asked = requests.get(key, {})
        came = arrivals.get(key, {})
        seconds = responses.get(key)
        snapshots.append(
            ProviderPerformanceSnapshot(
                provider_id=provider_id,
                period_start=period.start,
                period_end=period.end,
                requests_received=asked.get("received", 0),
                requests_accepted=asked.get("accepted", 0),
                requests_declined=asked.get("declined", 0),
                requests_expired=asked.get("expired", 0),
                cancellations=asked.get("cancelled", 0),
                on_time_arrivals=came.get("on_time", 0),
                late_arrivals=came.get("late", 0),
                median_response_seconds=round(statistics.median(seconds)) if seconds else None,
                computed_at=now,
            )
        )
    return snapshots


UPSERT_FIELDS = [
    "requests_received",
    "requests_accepted",
    "requests_declined",
    "requests_expired",
    "cancellations",
    "on_time_arrivals",
    "late_arrivals",
    "median_response_seconds",
    "computed_at",
]


def provider_performance_snapshot(period: Period | None = None, *, batch_size: int = 1000) -> int:
    """Compute and upsert the snapshots of `period` (default: the rolling 90 days)."""
    period = period or rolling_period()
    snapshots = snapshots_compute(period)
    with transaction.atomic():
        if connection.features.supports_update_conflicts_with_target:
            ProviderPerformanceSnapshot.objects.bulk_create(
                snapshots,
                batch_size=batch_size,
                update_conflicts=True,
                unique_fields=["provider", "period_start", "period_end"],
                update_fields=UPSERT_FIELDS,
            )
        else:
            ProviderPerformanceSnapshot.objects.filter(
                period_start=period.start, period_end=period.end
            ).delete()
            ProviderPerformanceSnapshot.objects.bulk_create(snapshots, batch_size=batch_size)
    return len(snapshots)


def provider_performance_snapshot_task() -> int:
    """The daily snapshot as a scheduled task (Celery beat): recorded in BackgroundJobRuns."""
    with job_run(SNAPSHOT_JOB_NAME) as outcome:
        written = provider_performance_snapshot()
        outcome["items_processed"] = written
    logger.info("Provider performance: %s snapshot(s).", written)
    return written


# --- Reading ---------------------------------------------------------------------------
def with_period_extras(queryset: QuerySet[ProviderPerformanceSnapshot]) -> QuerySet:
    """Annotate each snapshot with the average published rating of reviews written in its
    period and the gross revenue (USD prices of appointments completed in it); two
    correlated subqueries, so the page stays one query."""
    in_period = {
        "provider_id": OuterRef("provider_id"),
        "created_at__date__gte": OuterRef("period_start"),
        "created_at__date__lte": OuterRef("period_end"),
    }
    rating = (
        ProviderReview.objects.filter(status=ReviewStatus.PUBLISHED, **in_period)
        .order_by()
        .values("provider_id")
        .annotate(value=Avg("rating"))
        .values("value")
    )
    revenue = (
        Appointment.objects.filter(
            provider_id=OuterRef("provider_id"),
            status=AppointmentStatus.COMPLETED,
            currency=REVENUE_CURRENCY,
            completed_at__date__gte=OuterRef("period_start"),
            completed_at__date__lte=OuterRef("period_end"),
        )
        .order_by()
        .values("provider_id")
        .annotate(value=Sum("price_amount"))
        .values("value")
    )
    money = DecimalField(max_digits=14, decimal_places=2)
    return queryset.annotate(
        average_rating=Subquery(rating, output_field=FloatField()),
        gross_revenue=ExpressionWrapper(
            Coalesce(Subquery(revenue, output_field=money), 0, output_field=money),
            output_field=money,
        ),
    )
