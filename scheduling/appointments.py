"""Reads of appointments, scoped to the caller (plans 026, 029).

An owner sees the appointments they booked (IX_Appointments_Owner_Start), a provider the
ones booked with their profile (IX_Appointments_Provider_Start); the two lists are two
selectors, so neither needs an OR across both columns. A single appointment is visible
to its owner and its provider; anyone else gets 404 `appointment_not_found`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from accounts.models import User
from doggy.core.errors import ApplicationError, NotFoundError
from doggy.core.prepared import Param, PreparedList, Related

from .choices import AppointmentStatus
from .errors import SchedulingErrorCode
from .models import Appointment, AppointmentPet, AppointmentStatusHistory

# The columns a list row shows (the API's AppointmentSerializer): the offering, provider
# and dogs by id and name only, not their whole rows.
LIST_FIELDS = (
    "id",
    "reference",
    "status",
    "start_at",
    "end_at",
    "time_zone",
    "provider",
    "provider__business_name",
    "service_offering",
    "service_offering__name",
    "location_type",
    "location_text",
    "price_amount",
    "currency",
    "deposit_amount",
    "owner_notes",
    "confirmed_at",
    "completed_at",
    "cancelled_at",
    "cancellation_reason",
    "decline_reason",
    "no_show_party",
    "rescheduled_from",
    "reschedule_count",
    "created_at",
)


def _pet_row_queryset() -> QuerySet[AppointmentPet]:
    """An appointment's dogs as a row shows them: id and name."""
    return (
        AppointmentPet.objects.select_related("dog")
        .only("appointment", "dog", "dog__name")
        .order_by("id")
    )


def _pet_rows() -> list[Prefetch]:
    return [Prefetch("pets", queryset=_pet_row_queryset(), to_attr="pet_rows")]


def _list_rows(queryset: QuerySet[Appointment]) -> QuerySet[Appointment]:
    """A list row: its own columns, offering and provider names; the dogs in one more query."""
    return (
        queryset.select_related("service_offering", "provider")
        .only(*LIST_FIELDS)
        .prefetch_related(*_pet_rows())
    )


# The owner's unfiltered bookings, compiled once per process (performance.md).
_PLAIN_OWNER_LIST = PreparedList(
    lambda owner_id: (
        Appointment.objects.filter(owner_id=owner_id)
        .select_related("service_offering", "provider")
        .only(*LIST_FIELDS)
        .order_by("-start_at", "id")
    ),
    related=[Related(lambda owner_id: _pet_row_queryset(), fk="appointment", to_attr="pet_rows")],
    owner_id=Param("prepared-list-owner", field=Appointment._meta.get_field("owner").target_field),
)


def _filtered(
    queryset: QuerySet[Appointment],
    *,
    status: str | None,
    start_from: datetime | None,
    start_to: datetime | None,
) -> QuerySet[Appointment]:
    if status:
        if status not in AppointmentStatus.values:
            message = f"Choose one of {', '.join(AppointmentStatus.values)}."
            raise ApplicationError(
                SchedulingErrorCode.INVALID, message, fields={"status": [message]}
            )
        queryset = queryset.filter(status=status)
    if start_from is not None:
        queryset = queryset.filter(start_at__gte=start_from)
    if start_to is not None:
        queryset = queryset.filter(start_at__lt=start_to)
    return queryset


def appointment_list_owner(
    *,
    actor: User,
    status: str | None = None,
    start_from: datetime | None = None,
    start_to: datetime | None = None,
) -> QuerySet[Appointment]:
    """The caller's bookings, latest start first."""
    if status is None and start_from is None and start_to is None:
        return _PLAIN_OWNER_LIST.bind(owner_id=actor.pk)
    queryset = Appointment.objects.filter(owner_id=actor.pk)
    queryset = _filtered(queryset, status=status, start_from=start_from, start_to=start_to)
    return _list_rows(queryset).order_by("-start_at", "id")


def appointment_list_provider(
    *,
    actor: User,
    status: str | None = None,
    start_from: datetime | None = None,
    start_to: datetime | None = None,
) -> QuerySet[Appointment]:
    """The appointments booked with the caller's provider profile, earliest start first."""
    queryset = Appointment.objects.filter(provider__user_id=actor.pk)
    queryset = _filtered(queryset, status=status, start_from=start_from, start_to=start_to)
    return _list_rows(queryset).order_by("start_at", "id")


def appointment_get(*, actor: User, appointment_id: Any) -> Appointment:
    """One appointment of which the caller is the owner or the provider, with its history."""
    appointment = (
        Appointment.objects.filter(pk=appointment_id)
        .filter(Q(owner_id=actor.pk) | Q(provider__user_id=actor.pk))
        .select_related("service_offering", "provider")
        .prefetch_related(
            *_pet_rows(),
            Prefetch(
                "status_history",
                queryset=AppointmentStatusHistory.objects.order_by("changed_at", "id"),
                to_attr="history_rows",
            ),
        )
        .first()
    )
    if appointment is None:
        raise NotFoundError(SchedulingErrorCode.APPOINTMENT_NOT_FOUND, "Appointment not found.")
    return appointment


def appointment_completed_for_review(
    *, actor: User, provider_id: Any, appointment_id: Any
) -> Appointment | None:
    """The caller's completed appointment with the provider (I-5), or None."""
    return Appointment.objects.filter(
        pk=appointment_id,
        owner_id=actor.pk,
        provider_id=provider_id,
        status=AppointmentStatus.COMPLETED,
    ).first()
