"""Reads of service delivery tracking (plan 030), scoped to the appointment's two parties.

The provider of an appointment (the user of its `ServiceProviders` row) reads and
writes its visit; the owner (the booker) reads it. Anyone else gets 404, as if the
appointment did not exist; the owner asking to write gets 403.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from accounts.models import User
from doggy.core.errors import NotFoundError, PermissionDeniedError
from doggy.models import StoredFile
from doggy.selectors import stored_file_servable_q

from .errors import VisitErrorCode
from .models import (
    Appointment,
    ServiceVisit,
    ServiceVisitEvent,
    ServiceVisitLocation,
    ServiceVisitMedia,
)


def _appointment_not_found() -> NotFoundError:
    return NotFoundError(VisitErrorCode.APPOINTMENT_NOT_FOUND, "Appointment not found.")


def visit_appointment_get(*, actor: User, appointment_id: Any, write: bool) -> Appointment:
    """The appointment, when `actor` is its provider (or, reading, its owner)."""
    appointment = (
        Appointment.objects.select_related("provider")
        .filter(pk=appointment_id)
        .only("id", "owner_id", "provider__user_id", "provider__id", "status", "start_at", "end_at")
        .first()
    )
    if appointment is None:
        raise _appointment_not_found()
    if appointment.provider.user_id == actor.pk:
        return appointment
    if appointment.owner_id == actor.pk:
        if write:
            raise PermissionDeniedError(
                VisitErrorCode.PERMISSION_DENIED, "Only the provider records the visit."
            )
        return appointment
    raise _appointment_not_found()


def visit_get(*, appointment: Appointment) -> ServiceVisit:
    """The appointment's visit with its photos (and their files); 404 before check-in."""
    visit = (
        ServiceVisit.objects.filter(appointment_id=appointment.pk)
        .prefetch_related(
            Prefetch(
                "media",
                queryset=ServiceVisitMedia.objects.select_related("file").order_by("id"),
            )
        )
        .first()
    )
    if visit is None:
        raise NotFoundError(VisitErrorCode.VISIT_NOT_FOUND, "The visit has not started yet.")
    return visit


def visit_event_list(*, appointment: Appointment) -> QuerySet[ServiceVisitEvent]:
    """The visit's timeline, oldest first (IX_VisitEvents_Visit_Time)."""
    return ServiceVisitEvent.objects.filter(visit__appointment_id=appointment.pk).order_by(
        "occurred_at", "id"
    )


def visit_location_list(*, appointment: Appointment) -> QuerySet[ServiceVisitLocation]:
    """The visit's GPS trail, oldest first (IX_VisitLocations_Visit_Time)."""
    return ServiceVisitLocation.objects.filter(visit__appointment_id=appointment.pk).order_by(
        "recorded_at", "id"
    )


def visit_media_get_servable(*, appointment: Appointment, media_id: Any) -> ServiceVisitMedia:
    """One photo of the visit with its file row, if the file may be served now (I-12).

    404 when it is not this visit's, or its file is pending its scan, infected or gone.
    """
    media = (
        ServiceVisitMedia.objects.select_related("file")
        .filter(
            pk=media_id,
            visit__appointment_id=appointment.pk,
            file__in=StoredFile.objects.filter(stored_file_servable_q()).values("pk"),
        )
        .first()
    )
    if media is None:
        raise NotFoundError(VisitErrorCode.VISIT_NOT_FOUND, "Photo not found.")
    return media
