"""Service delivery tracking (plan 030): check-in and out, the timeline, trail and photos.

Only the appointment's provider writes (the views resolve the appointment through
`delivery_selectors.visit_appointment_get(write=True)`; the services check again).

- **Check-in** is allowed from `CHECK_IN_EARLY` before the start until the end of a
  Confirmed appointment. It creates the visit and moves the appointment to InProgress.
- **Check-out** is allowed after check-in until `CHECK_OUT_GRACE` after the end. It
  writes the report card (mood, notes, activity flags) and completes the appointment.
- **Events** (walk started, potty, fed, medication, note, incident, …) are recorded
  between check-in and check-out; feeding, potty and medication events also set the
  report card's `activity_summary` flags.
- **GPS trail**: batches of at most `MAX_POINTS_PER_BATCH` points; a point closer than
  `MIN_POINT_INTERVAL` to the one before it is dropped (rate bound), the trail holds at
  most `MAX_POINTS_PER_VISIT` points (size bound), and the walked distance
  (`DistanceMeters`) grows with every kept point. Points are not audited one by one.
- **Photos** are `StoredFiles` with purpose `DeliveryPhoto`, at most
  `MAX_PHOTOS_PER_VISIT` per visit.

Each change publishes `visit.updated` to the owner's sockets after commit
(`doggy.core.realtime.publish_to_users`); clients without a socket poll the visit.
Status changes of the appointment write `AppointmentStatusHistory` and an audit row in
the same transaction, and raise `ICalSequence` so calendar feeds pick them up.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from audit.choices import AuditAction
from audit.services import audit_log_record
from doggy.choices import FilePurpose, FileVisibility
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError
from doggy.core.realtime import publish_to_users
from doggy.core.tasks import run_after_commit
from doggy.services import stored_file_create

from .calendar_services import calendar_appointment_push
from .choices import AppointmentStatus, VisitEventType, VisitMood
from .errors import VisitErrorCode
from .geo import GeoPoint, haversine_km
from .models import (
    Appointment,
    AppointmentStatusHistory,
    ServiceVisit,
    ServiceVisitEvent,
    ServiceVisitLocation,
    ServiceVisitMedia,
)

CHECK_IN_EARLY = timedelta(minutes=30)
CHECK_OUT_GRACE = timedelta(hours=6)
# Events and points may carry a time slightly ahead of the server's clock.
CLOCK_SKEW = timedelta(minutes=2)
MAX_POINTS_PER_BATCH = 500
MAX_POINTS_PER_VISIT = 20_000
MIN_POINT_INTERVAL = timedelta(seconds=5)
MAX_PHOTOS_PER_VISIT = 30
PHOTO_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"]
VISIT_EVENT = "visit.updated"


# --- Helpers -----------------------------------------------------------------------------


def _lock_appointment(actor: User, appointment: Appointment) -> Appointment:
    """The appointment row, locked; only its provider passes."""
    locked = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("provider")
        .filter(pk=appointment.pk)
        .first()
    )
    if locked is None or locked.provider.user_id != actor.pk:
        raise NotFoundError(VisitErrorCode.APPOINTMENT_NOT_FOUND, "Appointment not found.")
    return locked


def _visit_of(appointment: Appointment) -> ServiceVisit:
    visit = ServiceVisit.objects.select_for_update().filter(appointment_id=appointment.pk).first()
    if visit is None or visit.check_in_at is None:
        raise ConflictError(VisitErrorCode.VISIT_NOT_STARTED, "Check in first.")
    return visit


def _transition(
    appointment: Appointment, to_status: str, *, actor: User, now: datetime, reason: str
) -> None:
    """Move the appointment to `to_status`: history row, audit row, next iCal sequence."""
    from_status = appointment.status
    appointment.status = to_status
    appointment.ical_sequence = F("ical_sequence") + 1
    fields = ["status", "ical_sequence", "updated_at"]
    if to_status == AppointmentStatus.COMPLETED:
        appointment.completed_at = now
        fields.append("completed_at")
    appointment.save(update_fields=fields)
    appointment.refresh_from_db(fields=["ical_sequence"])
    AppointmentStatusHistory.objects.create(
        appointment=appointment,
        from_status=from_status,
        to_status=to_status,
        changed_by=actor,
        reason=reason,
        changed_at=now,
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=appointment,
        old={"status": from_status},
        new={"status": to_status, "reason": reason},
    )
    # The provider's destination calendar follows (after commit; a no-op without one).
    run_after_commit(calendar_appointment_push, str(appointment.pk))


def _publish(appointment: Appointment, visit: ServiceVisit, change: str, **extra: Any) -> None:
    payload = {
        "appointment_id": str(appointment.pk),
        "visit_id": str(visit.pk),
        "change": change,
        **extra,
    }
    publish_to_users([appointment.owner_id], VISIT_EVENT, payload)


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(VisitErrorCode.INVALID, message, fields={field: [message]})


# --- Check-in / check-out ----------------------------------------------------------------


@transaction.atomic
def visit_check_in(
    *,
    actor: User,
    appointment: Appointment,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    now: datetime | None = None,
) -> ServiceVisit:
    """Start the visit of a confirmed appointment; it moves to InProgress."""
    now = now or timezone.now()
    appointment = _lock_appointment(actor, appointment)
    if appointment.status == AppointmentStatus.IN_PROGRESS:
        raise ConflictError(VisitErrorCode.VISIT_ALREADY_STARTED, "The visit has started.")
    if appointment.status != AppointmentStatus.CONFIRMED:
        raise ConflictError(
            VisitErrorCode.VISIT_APPOINTMENT_NOT_CONFIRMED,
            f"Only a confirmed appointment can start (this one is {appointment.status}).",
        )
    if not (appointment.start_at - CHECK_IN_EARLY <= now <= appointment.end_at):
        raise ConflictError(
            VisitErrorCode.VISIT_OUTSIDE_WINDOW,
            "Check in from 30 minutes before the start until the end of the appointment.",
        )
    visit, _ = ServiceVisit.objects.get_or_create(appointment=appointment)
    visit.check_in_at = now
    visit.check_in_lat, visit.check_in_lng = latitude, longitude
    visit.save(update_fields=["check_in_at", "check_in_lat", "check_in_lng", "updated_at"])
    ServiceVisitEvent.objects.create(
        visit=visit, event_type=VisitEventType.ARRIVED, occurred_at=now
    )
    _transition(appointment, AppointmentStatus.IN_PROGRESS, actor=actor, now=now, reason="CheckIn")
    _publish(appointment, visit, "checked_in", at=now.isoformat())
    return visit


@transaction.atomic
def visit_check_out(
    *,
    actor: User,
    appointment: Appointment,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    mood: str = "",
    report_notes: str = "",
    activity_summary: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> ServiceVisit:
    """End the visit with its report card; the appointment is Completed."""
    now = now or timezone.now()
    appointment = _lock_appointment(actor, appointment)
    visit = _visit_of(appointment)
    if visit.check_out_at is not None:
        raise ConflictError(VisitErrorCode.VISIT_ALREADY_FINISHED, "The visit has ended.")
    if now > appointment.end_at + CHECK_OUT_GRACE:
        raise ConflictError(
            VisitErrorCode.VISIT_OUTSIDE_WINDOW,
            "Check out at the latest 6 hours after the end of the appointment.",
        )
    if now <= visit.check_in_at:
        raise _invalid("non_field_errors", "The check-out must come after the check-in.")
    if mood and mood not in VisitMood.values:
        raise _invalid("mood", f"Choose one of: {', '.join(VisitMood.values)}.")
    visit.check_out_at = now
    visit.check_out_lat, visit.check_out_lng = latitude, longitude
    visit.mood = mood
    visit.report_notes = report_notes
    visit.activity_summary = {**(visit.activity_summary or {}), **(activity_summary or {})}
    visit.save(
        update_fields=[
            "check_out_at",
            "check_out_lat",
            "check_out_lng",
            "mood",
            "report_notes",
            "activity_summary",
            "updated_at",
        ]
    )
    ServiceVisitEvent.objects.create(
        visit=visit, event_type=VisitEventType.DEPARTED, occurred_at=now
    )
    _transition(appointment, AppointmentStatus.COMPLETED, actor=actor, now=now, reason="CheckOut")
    _publish(appointment, visit, "checked_out", at=now.isoformat())
    return visit


# --- Events ------------------------------------------------------------------------------

# Event types the provider records (Arrived and Departed are check-in's and check-out's).
RECORDABLE_EVENT_TYPES = tuple(
    t for t in VisitEventType.values if t not in (VisitEventType.ARRIVED, VisitEventType.DEPARTED)
)


def _summary_flags(event_type: str, data: dict[str, Any], summary: dict[str, Any]) -> dict:
    summary = dict(summary or {})
    if event_type == VisitEventType.FED:
        summary["fed"] = True
    elif event_type == VisitEventType.POTTY:
        if data.get("pee"):
            summary["peed"] = True
        if data.get("poo"):
            summary["pooped"] = True
    elif event_type == VisitEventType.MEDICATION_GIVEN and data.get("medication"):
        given = list(summary.get("medication_given") or [])
        given.append(str(data["medication"])[:200])
        summary["medication_given"] = given
    return summary


@transaction.atomic
def visit_event_add(
    *,
    actor: User,
    appointment: Appointment,
    event_type: str,
    occurred_at: datetime | None = None,
    notes: str = "",
    data: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> ServiceVisitEvent:
    """Record one event of a started, unfinished visit."""
    now = now or timezone.now()
    data = data or {}
    if event_type not in RECORDABLE_EVENT_TYPES:
        raise _invalid("event_type", f"Choose one of: {', '.join(RECORDABLE_EVENT_TYPES)}.")
    appointment = _lock_appointment(actor, appointment)
    visit = _visit_of(appointment)
    if visit.check_out_at is not None:
        raise ConflictError(VisitErrorCode.VISIT_ALREADY_FINISHED, "The visit has ended.")
    occurred_at = occurred_at or now
    if not (visit.check_in_at - CLOCK_SKEW <= occurred_at <= now + CLOCK_SKEW):
        raise _invalid("occurred_at", "The time must lie between the check-in and now.")
    event = ServiceVisitEvent.objects.create(
        visit=visit, event_type=event_type, occurred_at=occurred_at, notes=notes, data=data
    )
    summary = _summary_flags(event_type, data, visit.activity_summary)
    if summary != visit.activity_summary:
        visit.activity_summary = summary
        visit.save(update_fields=["activity_summary", "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=event,
        new={"visit": str(visit.pk), "event_type": event_type},
    )
    _publish(appointment, visit, "event", event_id=event.pk, event_type=event_type)
    return event


# --- GPS trail ---------------------------------------------------------------------------


@transaction.atomic
def visit_locations_add(
    *,
    actor: User,
    appointment: Appointment,
    points: list[dict[str, Any]],
    now: datetime | None = None,
) -> dict[str, int]:
    """Append a batch of GPS points to the trail; returns `{"accepted", "dropped"}`.

    Points are sorted by time. A point before the check-in, after the check-out, in the
    future or within `MIN_POINT_INTERVAL` of the previous kept point is dropped; a batch
    that would take the trail past `MAX_POINTS_PER_VISIT` is refused whole (409).
    """
    now = now or timezone.now()
    if len(points) > MAX_POINTS_PER_BATCH:
        raise _invalid("points", f"Send at most {MAX_POINTS_PER_BATCH} points per batch.")
    appointment = _lock_appointment(actor, appointment)
    visit = _visit_of(appointment)
    if visit.check_out_at is not None and now > visit.check_out_at + CHECK_OUT_GRACE:
        raise ConflictError(VisitErrorCode.VISIT_ALREADY_FINISHED, "The visit has ended.")
    last = (
        ServiceVisitLocation.objects.filter(visit=visit)
        .order_by("-recorded_at", "-id")
        .only("recorded_at", "latitude", "longitude")
        .first()
    )
    stored_count = ServiceVisitLocation.objects.filter(visit=visit).count()
    latest_allowed = min(visit.check_out_at or now + CLOCK_SKEW, now + CLOCK_SKEW)
    kept: list[ServiceVisitLocation] = []
    previous = last
    distance_km = 0.0
    for point in sorted(points, key=lambda p: p["recorded_at"]):
        recorded_at = point["recorded_at"]
        if not (visit.check_in_at - CLOCK_SKEW <= recorded_at <= latest_allowed):
            continue
        if previous is not None and recorded_at < previous.recorded_at + MIN_POINT_INTERVAL:
            continue
        row = ServiceVisitLocation(
            visit=visit,
            recorded_at=recorded_at,
            latitude=point["latitude"],
            longitude=point["longitude"],
            accuracy_meters=point.get("accuracy_meters"),
        )
        if previous is not None:
            distance_km += haversine_km(
                GeoPoint(float(previous.latitude), float(previous.longitude)),
                GeoPoint(float(row.latitude), float(row.longitude)),
            )
        kept.append(row)
        previous = row
    if stored_count + len(kept) > MAX_POINTS_PER_VISIT:
        raise ConflictError(
            VisitErrorCode.VISIT_TRAIL_FULL,
            f"A visit's trail holds at most {MAX_POINTS_PER_VISIT} points.",
        )
    ServiceVisitLocation.objects.bulk_create(kept, batch_size=500)
    if kept:
        visit.distance_meters = (visit.distance_meters or 0) + round(distance_km * 1000)
        visit.save(update_fields=["distance_meters", "updated_at"])
        _publish(
            appointment,
            visit,
            "trail",
            points=len(kept),
            distance_meters=visit.distance_meters,
        )
    return {"accepted": len(kept), "dropped": len(points) - len(kept)}


# --- Photos ------------------------------------------------------------------------------


def visit_photo_add(
    *,
    actor: User,
    appointment: Appointment,
    uploaded_file: File,
    caption: str = "",
    taken_at: datetime | None = None,
) -> ServiceVisitMedia:
    """Store a report-card photo (a private StoredFile, purpose DeliveryPhoto) and link it.

    The checks run before the upload and again, under the lock, before the link: the
    blob is stored outside any transaction (`stored_file_create`).
    """
    with transaction.atomic():
        visit = _visit_of(_lock_appointment(actor, appointment))
        if ServiceVisitMedia.objects.filter(visit=visit).count() >= MAX_PHOTOS_PER_VISIT:
            raise ConflictError(
                VisitErrorCode.VISIT_MEDIA_FULL,
                f"A visit holds at most {MAX_PHOTOS_PER_VISIT} photos.",
            )
    stored = stored_file_create(
        actor=actor,
        uploaded_file=uploaded_file,
        purpose=FilePurpose.DELIVERY_PHOTO,
        visibility=FileVisibility.PRIVATE,
        allowed_content_types=PHOTO_CONTENT_TYPES,
    )
    with transaction.atomic():
        locked = _lock_appointment(actor, appointment)
        visit = _visit_of(locked)
        if ServiceVisitMedia.objects.filter(visit=visit).count() >= MAX_PHOTOS_PER_VISIT:
            raise ConflictError(
                VisitErrorCode.VISIT_MEDIA_FULL,
                f"A visit holds at most {MAX_PHOTOS_PER_VISIT} photos.",
            )
        media = ServiceVisitMedia.objects.create(
            visit=visit, file=stored, caption=caption, taken_at=taken_at
        )
        audit_log_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=media,
            new={"visit": str(visit.pk), "file": str(stored.pk), "caption": caption},
        )
        _publish(locked, visit, "photo", media_id=media.pk)
    return media
