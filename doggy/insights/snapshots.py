"""Dashboard snapshots: the staff dashboard's widgets, precomputed once a day.

`dashboard_snapshot_build(day)` computes the Platform snapshot of a UTC day: the state
at the end of that day (users, verified providers, open KYC cases, appointments by
status), that day's activity (sign-ups, appointments created, expenses per currency, AI
requests), and the pre-aggregated `MetricCounts` of the day when the metric fill has
written them (read as rows; this module does not depend on the code that fills them).
It upserts on (Scope, ScopeId, SnapshotDate): building a day again replaces its payload,
so the `build_dashboard_snapshots` command and its beat entry may run any number of
times. `GET /api/v1/staff/dashboard/` reads the newest snapshot.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from accounts.choices import KYC_OPEN_STATUSES, AccountStatus
from accounts.models import KycVerification, ServiceProvider, User
from ai.models import AiUsageRecord
from audit.choices import DashboardScope, MetricFrequency, MetricScopeType
from audit.models import DashboardSnapshot, MetricCount
from billing.models import PetExpense
from doggy.health import job_run
from scheduling.models import Appointment

JOB_NAME = "build_dashboard_snapshots"
PAYLOAD_VERSION = 1


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    return start, start + datetime.timedelta(days=1)


def _money(value: Decimal | None) -> str:
    return f"{value or Decimal(0):.2f}"


def platform_payload(day: datetime.date) -> dict[str, Any]:
    """The Platform widgets of `day` (UTC); every value is plain JSON."""
    start, end = _day_bounds(day)
    users = User.objects.filter(date_joined__lt=end).aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(account_status=AccountStatus.ACTIVE)),
        new=Count("pk", filter=Q(date_joined__gte=start)),
    )
    providers = ServiceProvider.objects.filter(created_at__lt=end).aggregate(
        total=Count("pk"), verified=Count("pk", filter=Q(is_verified=True))
    )
    appointments_by_status = dict(
        Appointment.objects.filter(created_at__lt=end)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    appointments_created = Appointment.objects.filter(
        created_at__gte=start, created_at__lt=end
    ).count()
    expenses = {
        row["currency"]: {"count": row["count"], "total": _money(row["total"])}
        for row in PetExpense.objects.filter(expense_date=day)
        .values("currency")
        .annotate(count=Count("pk"), total=Sum("amount"))
        .order_by("currency")
    }
    ai = AiUsageRecord.objects.filter(started_at__gte=start, started_at__lt=end).aggregate(
        requests=Count("pk"), tokens=Sum("total_tokens")
    )
    kyc_open = KycVerification.objects.filter(
        status__in=list(KYC_OPEN_STATUSES), created_at__lt=end
    ).count()
    metrics = {
        (f"{prop}:{subgroup}" if subgroup else prop): str(value)
        for prop, subgroup, value in MetricCount.objects.filter(
            frequency=MetricFrequency.DAY,
            scope_type=MetricScopeType.PLATFORM,
            scope_id="",
            end_time=end,
        )
        .order_by("property", "subgroup")
        .values_list("property", "subgroup", "value")
    }
    return {
        "version": PAYLOAD_VERSION,
        "date": day.isoformat(),
        "users": {"total": users["total"], "active": users["active"], "new": users["new"]},
        "providers": {"total": providers["total"], "verified": providers["verified"]},
        "kyc": {"open_cases": kyc_open},
        "appointments": {"by_status": appointments_by_status, "created": appointments_created},
        "expenses": {"by_currency": expenses},
        "ai": {"requests": ai["requests"], "tokens": ai["tokens"] or 0},
        "metrics": metrics,
    }


@transaction.atomic
def dashboard_snapshot_build(day: datetime.date) -> DashboardSnapshot:
    """Compute and upsert the Platform snapshot of `day` (idempotent)."""
    snapshot, _ = DashboardSnapshot.objects.update_or_create(
        scope=DashboardScope.PLATFORM,
        scope_id="",
        snapshot_date=day,
        defaults={"payload": platform_payload(day), "generated_at": timezone.now()},
    )
    return snapshot


def dashboard_snapshots_build_task(day: str | None = None) -> None:
    """The beat entry: yesterday's snapshot (the last complete UTC day) unless `day`
    (ISO date) is given, recorded in BackgroundJobRuns."""
    target = (
        datetime.date.fromisoformat(day)
        if day
        else timezone.now().date() - datetime.timedelta(days=1)
    )
    with job_run(JOB_NAME) as outcome:
        dashboard_snapshot_build(target)
        outcome["items_processed"] = 1
