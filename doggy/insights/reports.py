"""The report catalogue: every kind of report the platform can produce, fixed in code.

Nobody sends SQL: a kind names what it reads, the JSON schema of its parameters, the
audience it is for, the RBAC permission a caller needs, its columns and a generator
that yields its rows in batches (lists of tuples), scoped to the caller where the
audience asks for it (a provider's own appointments, an owner's own expenses).

Staff offer kinds to users through `ReportDefinitions` rows (`report_services`): a
definition's `Key` is a kind's key or a dotted extension of it
(`admin.users_signups.providers` runs `admin.users_signups`), and its `Parameters` are
default values for the kind's parameters. A run's parameters are laid over them and the
result is validated against the kind's schema (`report_parameters_resolve`).

This module reads across apps (accounts, scheduling, billing, pets), which is what the
insights layer is for; nothing below it imports it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.choices import KYC_OPEN_STATUSES, KycStatus
from accounts.models import KycVerification, ServiceProvider, User
from audit.choices import ReportAudience
from billing.models import PetExpense
from doggy.core.errors import ApplicationError
from doggy.core.permissions import PermissionName, actor_may
from scheduling.choices import AppointmentStatus
from scheduling.models import Appointment

from .errors import InsightsErrorCode

# Rows are read and written in batches of this size; `RowCount` advances per batch.
BATCH_SIZE = 500
# The widest date range one run may cover.
MAX_RANGE_DAYS = 366
# The range a kind with dates covers when neither end is given.
DEFAULT_RANGE_DAYS = 30

Row = tuple[Any, ...]
Rows = Iterator[list[Row]]


@dataclass(frozen=True)
class ReportKind:
    key: str
    name: str
    description: str
    audience: str
    permission: str
    parameters_schema: Mapping[str, Any]
    columns: tuple[str, ...]
    # generate(actor, parameters) -> batches of rows; parameters are validated already.
    generate: Callable[[Any, Mapping[str, Any]], Rows]


# --- parameters ---------------------------------------------------------------------------
_DATE = {"type": "string", "format": "date"}


def _schema(**properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"date_from": _DATE, "date_to": _DATE, **properties},
        "additionalProperties": False,
    }


def _invalid(fields: dict[str, list[str]]) -> ApplicationError:
    return ApplicationError(
        InsightsErrorCode.REPORT_INVALID, "The report parameters are not valid.", fields=fields
    )


def _error_field(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        # "'x' is a required property": the missing property is the field.
        return f"parameters.{error.message.split(chr(39))[1]}"
    if error.validator == "additionalProperties" and not error.path:
        return "parameters"
    path = ".".join(str(part) for part in error.path)
    return f"parameters.{path}" if path else "parameters"


def report_parameters_validate(kind: ReportKind, parameters: Any) -> dict[str, Any]:
    """`parameters` checked against the kind's JSON schema and the date rules, with the
    default date range filled in; raises `report_invalid` (400) with a message per
    field (`parameters.<name>`)."""
    validator = jsonschema.Draft202012Validator(
        kind.parameters_schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    fields: dict[str, list[str]] = {}
    for error in sorted(validator.iter_errors(parameters), key=lambda e: list(e.path)):
        fields.setdefault(_error_field(error), []).append(error.message)
    if fields:
        raise _invalid(fields)
    resolved = dict(parameters)
    if "date_from" in kind.parameters_schema["properties"]:
        date_to = (
            datetime.date.fromisoformat(resolved["date_to"])
            if "date_to" in resolved
            else timezone.now().date()
        )
        date_from = (
            datetime.date.fromisoformat(resolved["date_from"])
            if "date_from" in resolved
            else date_to - datetime.timedelta(days=DEFAULT_RANGE_DAYS - 1)
        )
        if date_from > date_to:
            raise _invalid({"parameters.date_from": ["Must not be after date_to."]})
        if (date_to - date_from).days >= MAX_RANGE_DAYS:
            raise _invalid(
                {"parameters.date_to": [f"A report covers at most {MAX_RANGE_DAYS} days."]}
            )
        resolved["date_from"], resolved["date_to"] = date_from.isoformat(), date_to.isoformat()
    return resolved


def report_parameters_resolve(
    kind: ReportKind, defaults: Mapping[str, Any], parameters: Any
) -> dict[str, Any]:
    """The definition's defaults with the caller's parameters laid over them, validated."""
    if not isinstance(parameters, dict):
        raise _invalid({"parameters": ["Send an object of parameters."]})
    return report_parameters_validate(kind, {**defaults, **parameters})


def _day_range(parameters: Mapping[str, Any]) -> tuple[datetime.datetime, datetime.datetime]:
    """[start of date_from, start of the day after date_to) in UTC."""
    start = datetime.date.fromisoformat(parameters["date_from"])
    end = datetime.date.fromisoformat(parameters["date_to"]) + datetime.timedelta(days=1)
    utc = datetime.UTC
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=utc),
        datetime.datetime.combine(end, datetime.time.min, tzinfo=utc),
    )


# --- cell values --------------------------------------------------------------------------
def cell(value: Any) -> Any:
    """A value as it goes into a file: times ISO 8601 in UTC, dates ISO, None empty.
    Decimals stay decimals; the file writers give them two places."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def batched(rows: Iterable[Row], size: int = BATCH_SIZE) -> Rows:
    batch: list[Row] = []
    for row in rows:
        batch.append(tuple(cell(value) for value in row))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- the kinds ----------------------------------------------------------------------------
def _kyc_queue(actor, parameters: Mapping[str, Any]) -> Rows:
    start, end = _day_range(parameters)
    statuses = parameters.get("statuses") or list(KYC_OPEN_STATUSES)
    rows = (
        KycVerification.objects.filter(status__in=statuses)
        .filter(Q(submitted_at__isnull=True) | Q(submitted_at__gte=start, submitted_at__lt=end))
        .order_by(F("submitted_at").asc(nulls_last=True), "id")
        .values_list(
            "id",
            "user__email",
            "level",
            "status",
            "submitted_at",
            "review_started_at",
        )
    )
    yield from batched(
        (str(case_id), *rest) for case_id, *rest in rows.iterator(chunk_size=BATCH_SIZE)
    )


NO_ROLE = "(none)"


def _users_signups(actor, parameters: Mapping[str, Any]) -> Rows:
    start, end = _day_range(parameters)
    users = User.objects.filter(date_joined__gte=start, date_joined__lt=end)
    role = parameters.get("role")
    # A user holding two roles counts under each; one without a role under NO_ROLE.
    grouped = (
        users.annotate(day=TruncDate("date_joined", tzinfo=datetime.UTC))
        .values("day", "user_roles__role__name")
        .annotate(signups=Count("id", distinct=True))
        .order_by("day", "user_roles__role__name")
    )
    counts: dict[tuple[datetime.date, str], int] = {}
    for row in grouped:
        name = row["user_roles__role__name"] or NO_ROLE
        counts[(row["day"], name)] = counts.get((row["day"], name), 0) + row["signups"]
    rows = sorted(counts.items())
    if role:
        rows = [item for item in rows if item[0][1] == role]
    yield from batched((day, name, count) for (day, name), count in rows)


def _provider_earnings(actor, parameters: Mapping[str, Any]) -> Rows:
    start, end = _day_range(parameters)
    provider = ServiceProvider.objects.filter(user_id=getattr(actor, "pk", None)).first()
    if provider is None:
        return
    statuses = parameters.get("statuses") or [AppointmentStatus.COMPLETED]
    rows = (
        Appointment.objects.filter(
            provider=provider, status__in=statuses, start_at__gte=start, start_at__lt=end
        )
        .order_by("start_at", "id")
        .values_list(
            "start_at",
            "reference",
            "service_offering__name",
            "status",
            "price_amount",
            "currency",
        )
    )
    yield from batched(rows.iterator(chunk_size=BATCH_SIZE))


HOUSEHOLD = "(household)"


def _expenses_by_dog(actor, parameters: Mapping[str, Any]) -> Rows:
    start = datetime.date.fromisoformat(parameters["date_from"])
    end = datetime.date.fromisoformat(parameters["date_to"])
    rows = (
        PetExpense.objects.filter(
            owner_id=getattr(actor, "pk", None), expense_date__gte=start, expense_date__lte=end
        )
        .values("dog_id", "dog__name", "currency")
        .annotate(expenses=Count("id"), total=Sum("amount"))
        .order_by(F("dog__name").asc(nulls_last=True), "dog_id", "currency")
    )
    yield from batched(
        (
            str(row["dog_id"]) if row["dog_id"] else "",
            row["dog__name"] or HOUSEHOLD,
            row["currency"],
            row["expenses"],
            row["total"],
        )
        for row in rows
    )


def _bookings_by_category(actor, parameters: Mapping[str, Any]) -> Rows:
    start, end = _day_range(parameters)
    rows = (
        Appointment.objects.filter(start_at__gte=start, start_at__lt=end)
        .values("service_offering__category__name", "status", "currency")
        .annotate(appointments=Count("id"), total=Sum("price_amount"))
        .order_by("service_offering__category__name", "status", "currency")
    )
    yield from batched(
        (
            row["service_offering__category__name"],
            row["status"],
            row["currency"],
            row["appointments"],
            row["total"],
        )
        for row in rows
    )


_STATUS_LIST = {"type": "array", "minItems": 1, "uniqueItems": True}

CATALOGUE: dict[str, ReportKind] = {
    kind.key: kind
    for kind in (
        ReportKind(
            key="admin.kyc_queue",
            name="KYC review queue",
            description="Identity-verification cases waiting for a decision, oldest first.",
            audience=ReportAudience.ADMIN,
            permission=PermissionName.KYC_REVIEW,
            parameters_schema=_schema(
                statuses={**_STATUS_LIST, "items": {"enum": list(KycStatus.values)}}
            ),
            columns=("case_id", "email", "level", "status", "submitted_at", "review_started_at"),
            generate=_kyc_queue,
        ),
        ReportKind(
            key="admin.users_signups",
            name="Sign-ups by day and role",
            description="New accounts per UTC day and role.",
            audience=ReportAudience.ADMIN,
            permission=PermissionName.USERS_MANAGE,
            parameters_schema=_schema(role={"type": "string", "minLength": 1, "maxLength": 256}),
            columns=("day", "role", "signups"),
            generate=_users_signups,
        ),
        ReportKind(
            key="admin.bookings_by_category",
            name="Bookings by service category",
            description="Appointments starting in the range, by category, status and currency.",
            audience=ReportAudience.ADMIN,
            permission=PermissionName.SYSTEM_ADMIN,
            parameters_schema=_schema(),
            columns=("category", "status", "currency", "appointments", "total_amount"),
            generate=_bookings_by_category,
        ),
        ReportKind(
            key="provider.earnings",
            name="My earnings",
            description="Your appointments (completed by default) with their price.",
            audience=ReportAudience.SERVICE_PROVIDER,
            permission=PermissionName.SERVICES_PROVIDE,
            parameters_schema=_schema(
                statuses={**_STATUS_LIST, "items": {"enum": list(AppointmentStatus.values)}}
            ),
            columns=("start_at", "reference", "service", "status", "amount", "currency"),
            generate=_provider_earnings,
        ),
        ReportKind(
            key="owner.expenses_by_dog",
            name="My expenses by dog",
            description="Your expenses in the range, totalled per dog and currency.",
            audience=ReportAudience.PET_OWNER,
            permission=PermissionName.SERVICES_BOOK,
            parameters_schema=_schema(),
            columns=("dog_id", "dog", "currency", "expenses", "total_amount"),
            generate=_expenses_by_dog,
        ),
    )
}

# The permission each audience needs on top of a definition's RequiredPermission.
AUDIENCE_PERMISSIONS = {
    ReportAudience.ADMIN: (
        PermissionName.SYSTEM_ADMIN,
        PermissionName.USERS_MANAGE,
        PermissionName.KYC_REVIEW,
    ),
    ReportAudience.SERVICE_PROVIDER: (PermissionName.SERVICES_PROVIDE,),
    ReportAudience.PET_OWNER: (PermissionName.SERVICES_BOOK,),
}


def report_kind_for(key: str) -> ReportKind | None:
    """The kind a definition key runs: the kind whose key equals it or is a dotted prefix
    of it (the longest such), else None."""
    parts = key.split(".")
    for length in range(len(parts), 0, -1):
        kind = CATALOGUE.get(".".join(parts[:length]))
        if kind is not None:
            return kind
    return None


def audience_admits(actor, audience: str) -> bool:
    """Whether `actor` belongs to a report audience (a staff, provider or owner
    permission, through `actor_may`)."""
    return actor_may(actor, *AUDIENCE_PERMISSIONS.get(audience, ()))
