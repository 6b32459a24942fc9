"""Reads of the staff dashboards and provider KPIs, scoped to the caller.

`metric_series` answers a property's counts by day, or by ISO week (Monday first) summed
in SQL from the day rows; a gauge (`users.active_7d`, `subscriptions.active`) takes the
last day of each week instead of the sum. `provider_performance_list` gives the latest
snapshot of each provider; `provider_performance_own` the caller's own. Filters are
validated here: a bad one is a 400 `invalid` naming the field.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import (
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast, NullIf, TruncWeek
from django.utils import timezone

from audit.choices import MetricFrequency
from audit.models import MetricCount, ProviderPerformanceSnapshot
from doggy.core.errors import PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may

from .errors import InsightsErrorCode, InsightsValidationError, PerformanceNotComputedError
from .metrics import PROPERTIES, STATS_BY_KEY, Aggregation
from .performance import with_period_extras

SERIES_FREQUENCIES = ("day", "week")
DEFAULT_SERIES_DAYS = 30
MAX_SERIES_DAYS = 731

# `?ordering=` of the provider list: name -> expression (each also with a leading `-`).
PERFORMANCE_ORDERINGS = {
    "business_name": F("provider__business_name"),
    "requests_received": F("requests_received"),
    "acceptance_rate": F("acceptance_rate"),
    "cancellation_rate": F("cancellation_rate"),
    "on_time_rate": F("on_time_rate"),
    "median_response_seconds": F("median_response_seconds"),
    "average_rating": F("average_rating"),
    "gross_revenue": F("gross_revenue"),
}
DEFAULT_PERFORMANCE_ORDERING = "business_name"


def _require_staff(actor) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            InsightsErrorCode.STAFF_ONLY, "Staff dashboards are for platform staff."
        )


def _parse_date(raw: Any, name: str, errors: dict[str, list[str]]) -> date | None:
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        errors[name] = ["A date as YYYY-MM-DD."]
        return None


def _series_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    prop = (filters.get("property") or "").strip()
    if not prop:
        errors["property"] = ["This filter is required."]
    elif prop not in PROPERTIES:
        errors["property"] = [f"One of: {', '.join(PROPERTIES)}."]
    frequency = (filters.get("frequency") or "day").strip()
    if frequency not in SERIES_FREQUENCIES:
        errors["frequency"] = [f"One of: {', '.join(SERIES_FREQUENCIES)}."]
    today = timezone.now().astimezone(UTC).date()
    end = _parse_date(filters["end"], "end", errors) if filters.get("end") else today
    start = (
        _parse_date(filters["start"], "start", errors)
        if filters.get("start")
        else (end or today) - timedelta(days=DEFAULT_SERIES_DAYS - 1)
    )
    if start and end:
        if start > end:
            errors["start"] = ["The start must not be after the end."]
        elif (end - start).days + 1 > MAX_SERIES_DAYS:
            errors["start"] = [f"At most {MAX_SERIES_DAYS} days at once."]
    subgroup = filters.get("subgroup")
    if subgroup is not None and len(subgroup) > MetricCount._meta.get_field("subgroup").max_length:
        errors["subgroup"] = ["Too long."]
    if errors:
        raise InsightsValidationError(errors)
    return {
        "property": prop,
        "frequency": frequency,
        "start": start,
        "end": end,
        "subgroup": subgroup,
    }


def metric_series(*, actor, filters: Mapping[str, Any]) -> dict[str, Any]:
    """`{"property", "frequency", "start", "end", "results": [{date, subgroup, value}]}`.

    `date` is the first day of the bucket (the day, or the week's Monday); one query.
    """
    _require_staff(actor)
    wanted = _series_filters(filters)
    stat = STATS_BY_KEY[(wanted["property"], MetricFrequency.DAY)]
    # A day bucket ends at the next midnight: the day of the row is its end minus a day.
    rows = MetricCount.objects.filter(
        property=stat.property,
        frequency=MetricFrequency.DAY,
        end_time__gt=datetime.combine(wanted["start"], time.min, tzinfo=UTC),
        end_time__lte=datetime.combine(wanted["end"] + timedelta(days=1), time.min, tzinfo=UTC),
    )
    if wanted["subgroup"] is not None:
        rows = rows.filter(subgroup=wanted["subgroup"])
    day_start = ExpressionWrapper(F("end_time") - timedelta(days=1), output_field=DateTimeField())
    if wanted["frequency"] == "day":
        series = rows.order_by("end_time", "subgroup").values_list("end_time", "subgroup", "value")
        results = [
            {"date": (end - timedelta(days=1)).date(), "subgroup": sub, "value": value}
            for end, sub, value in series
        ]
    else:
        weekly = rows.annotate(week=TruncWeek(day_start, tzinfo=UTC))
        if stat.aggregation == Aggregation.LAST:
            last_day = (
                weekly.filter(week=OuterRef("week"))
                .order_by()
                .values("week")
                .annotate(last=Max("end_time"))
                .values("last")
            )
            weekly = weekly.filter(end_time=Subquery(last_day))
        series = (
            weekly.order_by()
            .values("week", "subgroup")
            .annotate(total=Sum("value"))
            .order_by("week", "subgroup")
            .values_list("week", "subgroup", "total")
        )
        results = [
            {"date": _as_date(week), "subgroup": sub, "value": value} for week, sub, value in series
        ]
    return {**wanted, "aggregation": stat.aggregation, "results": results}


def _as_date(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _with_rates(queryset: QuerySet) -> QuerySet:
    def ratio(part, whole):
        return Cast(F(part), FloatField()) / Cast(NullIf(whole, 0), FloatField())

    return queryset.annotate(
        acceptance_rate=ratio("requests_accepted", F("requests_received")),
        cancellation_rate=ratio("cancellations", F("requests_accepted")),
        on_time_rate=ratio("on_time_arrivals", F("on_time_arrivals") + F("late_arrivals")),
    )


def _snapshots() -> QuerySet[ProviderPerformanceSnapshot]:
    return with_period_extras(
        _with_rates(ProviderPerformanceSnapshot.objects.select_related("provider"))
    )


def provider_performance_list(
    *, actor, filters: Mapping[str, Any] | None = None
) -> QuerySet[ProviderPerformanceSnapshot]:
    """The latest snapshot of each provider (staff), `?provider=` and `?ordering=`."""
    _require_staff(actor)
    filters = filters or {}
    errors: dict[str, list[str]] = {}
    newer = ProviderPerformanceSnapshot.objects.filter(provider_id=OuterRef("provider_id")).filter(
        Q(period_end__gt=OuterRef("period_end"))
        | Q(period_end=OuterRef("period_end"), pk__gt=OuterRef("pk"))
    )
    queryset = _snapshots().filter(~Exists(newer))
    if filters.get("provider"):
        try:
            queryset = queryset.filter(provider_id=uuid.UUID(str(filters["provider"])))
        except ValueError:
            errors["provider"] = ["A provider id (UUID)."]
    raw = (filters.get("ordering") or DEFAULT_PERFORMANCE_ORDERING).strip()
    name = raw.removeprefix("-")
    if name not in PERFORMANCE_ORDERINGS:
        choices = ", ".join(PERFORMANCE_ORDERINGS)
        errors["ordering"] = [f"One of: {choices} (a leading - reverses)."]
    if errors:
        raise InsightsValidationError(errors)
    expression = PERFORMANCE_ORDERINGS[name]
    order = (
        expression.desc(nulls_last=True) if raw.startswith("-") else expression.asc(nulls_last=True)
    )
    return queryset.order_by(order, "provider_id")


def provider_performance_own(*, actor, provider) -> ProviderPerformanceSnapshot:
    """The latest snapshot of the caller's own provider profile; 404 before the first."""
    snapshot = (
        _snapshots()
        .filter(provider_id=provider.pk, provider__user_id=actor.pk)
        .order_by("-period_end", "-pk")
        .first()
    )
    if snapshot is None:
        raise PerformanceNotComputedError()
    return snapshot
