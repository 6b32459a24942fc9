"""Writes of booking: slot holds, appointments and their state machine (plans 026, 028, 029).

The one rule of I-1, no overlapping live exclusive appointments per provider, is kept by
two mechanisms at once:

- every write that takes provider time (a hold, a booking, a reschedule) first locks the
  provider row (`select_for_update`), deletes the expired holds, and asks
  `scheduling.slots` whether the start is still free, inside the same transaction. On
  SQLite (one writer at a time) and SQL Server (the row lock) this is the guarantee;
- on PostgreSQL the exclusion constraint `EX_Appointments_NoOverlap` refuses an
  overlapping row even from a writer that skipped the lock; its `IntegrityError` becomes
  the same 409 `slot_unavailable`.

Every status change is an explicit action (`appointment_confirm`, …) that locks the
appointment, checks the caller's side and the current status, writes the new status, one
`AppointmentStatusHistory` row and one audit row in the same transaction, and publishes
`appointment.updated` to the owner and the provider after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import ServiceProvider, User
from accounts.services.analytics import analytics_event_record
from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.realtime import publish_to_users
from doggy.selectors import setting_int
from pets.selectors import dog_list_owned_active

from .choices import (
    AppointmentLocationType,
    AppointmentStatus,
    NoShowParty,
    RescheduleStatus,
)
from .errors import SchedulingErrorCode
from .models import (
    Appointment,
    AppointmentPet,
    AppointmentReschedule,
    AppointmentStatusHistory,
    ServiceOffering,
    SlotHold,
)
from .slots import DEFAULT_HOLD_MINUTES, BookingPolicy, SlotQuery, slot_is_free, slot_query_get

APPOINTMENT_UPDATED = "appointment.updated"
AUDITED_APPOINTMENT_FIELDS = (
    "reference",
    "owner",
    "provider",
    "service_offering",
    "start_at",
    "end_at",
    "status",
    "price_amount",
    "currency",
)
# Hours before the start within which an owner's cancellation is late, per the
# provider's `CancellationPolicy`, when the booking rule does not set them (A11).
FREE_CANCELLATION_HOURS = {"Flexible": 24, "Moderate": 48, "Strict": 168}
DEFAULT_FREE_CANCELLATION_HOURS = 24


def _slot_unavailable() -> ConflictError:
    message = "This time is no longer available."
    return ConflictError(
        SchedulingErrorCode.SLOT_UNAVAILABLE, message, fields={"start_at": [message]}
    )


def _lock_provider(provider_id: Any) -> ServiceProvider:
    """The I-1 lock: one booking write per provider at a time (all engines)."""
    return ServiceProvider.objects.select_for_update().get(pk=provider_id)


def _drop_expired_holds(provider_id: Any, now: datetime) -> None:
    SlotHold.objects.filter(provider_id=provider_id, expires_at__lte=now).delete()


def _aware(value: datetime, field: str = "start_at") -> datetime:
    if timezone.is_naive(value):
        message = "Give the time with its UTC offset."
        raise ApplicationError(SchedulingErrorCode.INVALID, message, fields={field: [message]})
    return value


# --- Holds --------------------------------------------------------------------------------


@transaction.atomic
def slot_hold_create(*, actor: User, offering: ServiceOffering, start_at: datetime) -> SlotHold:
    """Hold a free slot for `Calendar.SlotHoldMinutes` while the owner checks out.

    The caller's earlier holds with this provider are released first (one hold per owner
    and provider); a taken slot answers 409 `slot_unavailable`.
    """
    start_at = _aware(start_at)
    now = timezone.now()
    query = slot_query_get(offering=offering)
    _lock_provider(offering.provider_id)
    _drop_expired_holds(offering.provider_id, now)
    SlotHold.objects.filter(provider_id=offering.provider_id, held_by=actor).delete()
    if not slot_is_free(query, start=start_at, now=now, exclude_holds_of=actor):
        raise _slot_unavailable()
    minutes = setting_int("Calendar.SlotHoldMinutes", DEFAULT_HOLD_MINUTES) or DEFAULT_HOLD_MINUTES
    return SlotHold.objects.create(
        provider_id=offering.provider_id,
        service_offering=offering,
        held_by=actor,
        start_at=start_at,
        end_at=start_at + query.policy.duration,
        expires_at=now + timedelta(minutes=minutes),
    )


@transaction.atomic
def slot_hold_release(*, actor: User, hold_id: Any) -> None:
    """Release one of the caller's holds; another's or an unknown one is a 404."""
    deleted, _ = SlotHold.objects.filter(pk=hold_id, held_by=actor).delete()
    if not deleted:
        raise NotFoundError(SchedulingErrorCode.HOLD_NOT_FOUND, "Hold not found.")


# --- Booking ------------------------------------------------------------------------------


def _dogs_for_booking(*, actor: User, offering: ServiceOffering, dog_ids: list[Any]) -> list:
    unique = list(dict.fromkeys(str(d) for d in dog_ids))
    if not unique:
        message = "Choose at least one of your dogs."
        raise ApplicationError(
            SchedulingErrorCode.APPOINTMENT_DOGS_INVALID, message, fields={"dogs": [message]}
        )
    if len(unique) > offering.max_pets:
        message = f"This service takes at most {offering.max_pets} dogs."
        raise ApplicationError(
            SchedulingErrorCode.APPOINTMENT_DOGS_INVALID, message, fields={"dogs": [message]}
        )
    dogs = dog_list_owned_active(actor=actor, dog_ids=unique)
    if len(dogs) != len(unique):
        message = "Book only your own active dogs."
        raise ApplicationError(
            SchedulingErrorCode.APPOINTMENT_DOGS_INVALID, message, fields={"dogs": [message]}
        )
    return dogs


def _location_type(offering: ServiceOffering, requested: str | None) -> str:
    allowed = list(offering.location_types or []) or [AppointmentLocationType.OWNER_HOME]
    if requested is None:
        return allowed[0]
    if requested not in allowed:
        message = f"This service takes place at: {', '.join(allowed)}."
        raise ApplicationError(
            SchedulingErrorCode.INVALID, message, fields={"location_type": [message]}
        )
    return requested


def _by_key(actor: User, key: str | None) -> Appointment | None:
    if not key:
        return None
    return Appointment.objects.filter(owner_id=actor.pk, idempotency_key=key).first()


def _record(
    appointment: Appointment,
    *,
    actor: User | None,
    from_status: str | None,
    reason: str = "",
    metadata: dict | None = None,
) -> None:
    """History row, audit row and the real-time event of one status change."""
    AppointmentStatusHistory.objects.create(
        appointment=appointment,
        from_status=from_status,
        to_status=appointment.status,
        changed_by=actor,
        reason=reason[:500],
        metadata=metadata or {},
    )
    if from_status is None:
        audit_log_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=appointment,
            new=model_snapshot(appointment, AUDITED_APPOINTMENT_FIELDS),
        )
    else:
        audit_log_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=appointment,
            old={"status": from_status},
            new={"status": appointment.status, **({"reason": reason} if reason else {})},
        )
    provider_user_id = (
        ServiceProvider.objects.filter(pk=appointment.provider_id)
        .values_list("user_id", flat=True)
        .first()
    )
    publish_to_users(
        [appointment.owner_id, provider_user_id],
        APPOINTMENT_UPDATED,
        {
            "id": str(appointment.pk),
            "reference": appointment.reference,
            "status": appointment.status,
            "start_at": appointment.start_at.isoformat(),
            "end_at": appointment.end_at.isoformat(),
        },
    )


def _new_appointment(
    *,
    actor: User,
    offering: ServiceOffering,
    policy: BookingPolicy,
    start_at: datetime,
    time_zone: str,
    **fields: Any,
) -> Appointment:
    status = (
        AppointmentStatus.REQUESTED if policy.requires_confirmation else AppointmentStatus.CONFIRMED
    )
    return Appointment(
        owner=actor,
        provider_id=offering.provider_id,
        service_offering=offering,
        start_at=start_at,
        end_at=start_at + policy.duration,
        time_zone=time_zone,
        status=status,
        confirmed_at=timezone.now() if status == AppointmentStatus.CONFIRMED else None,
        buffer_before_minutes=int(policy.buffer_before.total_seconds() // 60),
        buffer_after_minutes=int(policy.buffer_after.total_seconds() // 60),
        price_amount=offering.price,
        currency=offering.currency,
        deposit_amount=offering.deposit_amount,
        is_exclusive=policy.is_exclusive,
        **fields,
    )


def _insert(appointment: Appointment) -> None:
    """Insert in a savepoint; PostgreSQL's exclusion constraint is the backstop of I-1."""
    with transaction.atomic():
        appointment.save(force_insert=True)


@dataclass(frozen=True)
class BookingResult:
    appointment: Appointment
    created: bool


def appointment_book(
    *,
    actor: User,
    offering: ServiceOffering,
    start_at: datetime,
    dogs: list[Any],
    idempotency_key: str | None = None,
    location_type: str | None = None,
    location_text: str = "",
    owner_notes: str = "",
) -> BookingResult:
    """Book a free slot of `offering` for the caller's own dogs.

    With an `idempotency_key`, a retry of the same booking returns the appointment the
    first call made (`created=False`), also when the two race. Order of refusals: bad
    input and dogs (400), then a taken slot (409 `slot_unavailable`).
    """
    start_at = _aware(start_at)
    existing = _by_key(actor, idempotency_key)
    if existing is not None:
        return BookingResult(existing, False)
    dog_rows = _dogs_for_booking(actor=actor, offering=offering, dog_ids=dogs)
    location = _location_type(offering, location_type)
    query = slot_query_get(offering=offering)
    try:
        with transaction.atomic():
            return _book_locked(
                actor=actor,
                query=query,
                start_at=start_at,
                dogs=dog_rows,
                idempotency_key=idempotency_key,
                location_type=location,
                location_text=location_text,
                owner_notes=owner_notes,
            )
    except IntegrityError:
        # A concurrent retry with the same key won the insert (UX_Appointments_Owner_Idem).
        existing = _by_key(actor, idempotency_key)
        if existing is not None:
            return BookingResult(existing, False)
        raise _slot_unavailable() from None


def _book_locked(
    *,
    actor: User,
    query: SlotQuery,
    start_at: datetime,
    dogs: list,
    idempotency_key: str | None,
    **fields: Any,
) -> BookingResult:
    offering = query.offering
    now = timezone.now()
    _lock_provider(offering.provider_id)
    existing = _by_key(actor, idempotency_key)
    if existing is not None:
        return BookingResult(existing, False)
    _drop_expired_holds(offering.provider_id, now)
    if not slot_is_free(query, start=start_at, now=now, exclude_holds_of=actor):
        raise _slot_unavailable()
    appointment = _new_appointment(
        actor=actor,
        offering=offering,
        policy=query.policy,
        start_at=start_at,
        time_zone=str(query.zone),
        idempotency_key=idempotency_key or None,
        **fields,
    )
    try:
        _insert(appointment)
    except IntegrityError as exc:
        if _by_key(actor, idempotency_key) is not None:
            raise
        raise _slot_unavailable() from exc
    AppointmentPet.objects.bulk_create(
        [AppointmentPet(appointment=appointment, dog=dog) for dog in dogs]
    )
    SlotHold.objects.filter(provider_id=offering.provider_id, held_by=actor).delete()
    _record(appointment, actor=actor, from_status=None)
    analytics_event_record(
        user=actor,
        name="booking_created",
        properties={
            "appointment_id": appointment.pk,
            "provider_id": offering.provider_id,
            "offering_id": offering.pk,
            "dog_count": len(dogs),
        },
    )
    return BookingResult(appointment, True)


# --- The state machine --------------------------------------------------------------------

_OWNER, _PROVIDER, _STAFF = "owner", "provider", "staff"


def _side(actor: User, appointment: Appointment) -> str | None:
    if appointment.owner_id == actor.pk:
        return _OWNER
    if appointment.provider.user_id == actor.pk:
        return _PROVIDER
    if actor_may(actor, PermissionName.SYSTEM_ADMIN):
        return _STAFF
    return None


def _locked(appointment: Appointment) -> Appointment:
    return (
        Appointment.objects.select_for_update()
        .select_related("provider", "service_offering")
        .get(pk=appointment.pk)
    )


def _check(
    actor: User, appointment: Appointment, *, sides: tuple[str, ...], from_statuses, action: str
) -> str:
    side = _side(actor, appointment)
    if side is None:
        raise NotFoundError(SchedulingErrorCode.APPOINTMENT_NOT_FOUND, "Appointment not found.")
    if side not in sides:
        raise PermissionDeniedError(
            SchedulingErrorCode.PERMISSION_DENIED, f"You cannot {action} this appointment."
        )
    if appointment.status not in from_statuses:
        raise ConflictError(
            SchedulingErrorCode.APPOINTMENT_INVALID_TRANSITION,
            f"You cannot {action} an appointment that is {appointment.get_status_display()}.",
        )
    return side


def _transition(
    appointment: Appointment,
    *,
    actor: User,
    to_status: str,
    reason: str = "",
    metadata: dict | None = None,
    **columns: Any,
) -> Appointment:
    from_status = appointment.status
    appointment.status = to_status
    for name, value in columns.items():
        setattr(appointment, name, value)
    appointment.save(update_fields=["status", *columns, "updated_at"])
    _record(appointment, actor=actor, from_status=from_status, reason=reason, metadata=metadata)
    return appointment


@transaction.atomic
def appointment_confirm(*, actor: User, appointment: Appointment) -> Appointment:
    """The provider accepts a requested appointment."""
    locked = _locked(appointment)
    _check(
        actor,
        locked,
        sides=(_PROVIDER,),
        from_statuses=(AppointmentStatus.REQUESTED,),
        action="confirm",
    )
    return _transition(
        locked, actor=actor, to_status=AppointmentStatus.CONFIRMED, confirmed_at=timezone.now()
    )


@transaction.atomic
def appointment_decline(*, actor: User, appointment: Appointment, reason: str = "") -> Appointment:
    """The provider turns a request down; the time is free again."""
    locked = _locked(appointment)
    _check(
        actor,
        locked,
        sides=(_PROVIDER,),
        from_statuses=(AppointmentStatus.REQUESTED,),
        action="decline",
    )
    return _transition(
        locked,
        actor=actor,
        to_status=AppointmentStatus.DECLINED,
        reason=reason,
        decline_reason=reason[:500],
    )


@transaction.atomic
def appointment_start(*, actor: User, appointment: Appointment) -> Appointment:
    """The provider starts a confirmed appointment."""
    locked = _locked(appointment)
    _check(
        actor,
        locked,
        sides=(_PROVIDER,),
        from_statuses=(AppointmentStatus.CONFIRMED,),
        action="start",
    )
    return _transition(locked, actor=actor, to_status=AppointmentStatus.IN_PROGRESS)


@transaction.atomic
def appointment_complete(*, actor: User, appointment: Appointment) -> Appointment:
    """The provider completes an appointment in progress; it unlocks one review (I-5)."""
    locked = _locked(appointment)
    _check(
        actor,
        locked,
        sides=(_PROVIDER,),
        from_statuses=(AppointmentStatus.IN_PROGRESS,),
        action="complete",
    )
    completed = _transition(
        locked, actor=actor, to_status=AppointmentStatus.COMPLETED, completed_at=timezone.now()
    )
    analytics_event_record(
        user=actor,
        name="booking_completed",
        properties={"appointment_id": completed.pk, "provider_id": completed.provider_id},
    )
    return completed


def free_cancellation_hours(appointment: Appointment, policy: BookingPolicy) -> int:
    if policy.free_cancellation_hours is not None:
        return policy.free_cancellation_hours
    return FREE_CANCELLATION_HOURS.get(
        appointment.provider.cancellation_policy, DEFAULT_FREE_CANCELLATION_HOURS
    )


@transaction.atomic
def appointment_cancel(*, actor: User, appointment: Appointment, reason: str = "") -> Appointment:
    """Either side (or staff) cancels a requested or confirmed appointment.

    The cancellation policy decides whether an owner's cancellation is late: within the
    rule's `FreeCancellationHours` of the start (else the provider's `CancellationPolicy`:
    Flexible 24 h, Moderate 48 h, Strict 7 days). A late cancellation is recorded in the
    history's metadata with the deposit it forfeits; the payment side reads it there.
    """
    locked = _locked(appointment)
    side = _check(
        actor,
        locked,
        sides=(_OWNER, _PROVIDER, _STAFF),
        from_statuses=(AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED),
        action="cancel",
    )
    now = timezone.now()
    hours = free_cancellation_hours(locked, slot_query_get(offering=locked.service_offering).policy)
    late = side == _OWNER and locked.start_at - now < timedelta(hours=hours)
    metadata = {
        "cancelled_by": side,
        "free_cancellation_hours": hours,
        "late": late,
        "forfeited_deposit": str(locked.deposit_amount) if late else "0.00",
    }
    return _transition(
        locked,
        actor=actor,
        to_status=AppointmentStatus.CANCELLED,
        reason=reason,
        metadata=metadata,
        cancelled_at=now,
        cancelled_by=actor,
        cancellation_reason=reason[:500],
    )


@transaction.atomic
def appointment_no_show(*, actor: User, appointment: Appointment, reason: str = "") -> Appointment:
    """Mark the other side absent once the start has passed.

    The provider marks the owner, the owner marks the provider; staff name the party
    with `reason` only and mark the owner (the usual case).
    """
    locked = _locked(appointment)
    side = _check(
        actor,
        locked,
        sides=(_OWNER, _PROVIDER, _STAFF),
        from_statuses=(AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS),
        action="mark as no-show",
    )
    if timezone.now() < locked.start_at:
        raise ConflictError(
            SchedulingErrorCode.APPOINTMENT_INVALID_TRANSITION,
            "A no-show can be recorded only after the start time.",
        )
    party = NoShowParty.PROVIDER if side == _OWNER else NoShowParty.OWNER
    return _transition(
        locked,
        actor=actor,
        to_status=AppointmentStatus.NO_SHOW,
        reason=reason,
        metadata={"marked_by": side},
        no_show_party=party,
    )


@transaction.atomic
def appointment_reschedule(
    *, actor: User, appointment: Appointment, start_at: datetime, reason: str = ""
) -> Appointment:
    """Move a requested or confirmed appointment to another free slot (A12).

    Under the provider lock, the old row becomes `Rescheduled` (a cancellation) before
    the new row is inserted, so neither the slot check nor the exclusion constraint sees
    it; the new row keeps the calendar identity (`ICalUid`, `ICalSequence` + 1), points
    back with `RescheduledFromId`, and `AppointmentReschedules` keeps the lineage. A
    provider's move stays confirmed; an owner's needs confirming again when the rule
    requires confirmation.
    """
    start_at = _aware(start_at)
    _lock_provider(appointment.provider_id)
    locked = _locked(appointment)
    side = _check(
        actor,
        locked,
        sides=(_OWNER, _PROVIDER),
        from_statuses=(AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED),
        action="reschedule",
    )
    query = slot_query_get(offering=locked.service_offering)
    policy = query.policy
    if not policy.allow_reschedule or locked.reschedule_count >= policy.reschedule_limit:
        raise ConflictError(
            SchedulingErrorCode.RESCHEDULE_NOT_ALLOWED,
            "This appointment cannot be rescheduled again.",
        )
    now = timezone.now()
    _drop_expired_holds(locked.provider_id, now)
    if not slot_is_free(
        query,
        start=start_at,
        now=now,
        exclude_holds_of=locked.owner,
        exclude_appointment_id=locked.pk,
    ):
        raise _slot_unavailable()
    old_status = locked.status
    _transition(
        locked,
        actor=actor,
        to_status=AppointmentStatus.RESCHEDULED,
        reason=reason,
        metadata={"rescheduled_by": side},
        cancelled_at=now,
        cancelled_by=actor,
    )
    status = (
        AppointmentStatus.CONFIRMED
        if side == _PROVIDER and old_status == AppointmentStatus.CONFIRMED
        else AppointmentStatus.REQUESTED
        if policy.requires_confirmation
        else AppointmentStatus.CONFIRMED
    )
    new = Appointment(
        owner_id=locked.owner_id,
        provider_id=locked.provider_id,
        service_offering=locked.service_offering,
        start_at=start_at,
        end_at=start_at + (locked.end_at - locked.start_at),
        time_zone=locked.time_zone,
        status=status,
        confirmed_at=now if status == AppointmentStatus.CONFIRMED else None,
        buffer_before_minutes=locked.buffer_before_minutes,
        buffer_after_minutes=locked.buffer_after_minutes,
        location_type=locked.location_type,
        address_id=locked.address_id,
        location_text=locked.location_text,
        price_amount=locked.price_amount,
        currency=locked.currency,
        price_units=locked.price_units,
        deposit_amount=locked.deposit_amount,
        owner_notes=locked.owner_notes,
        rescheduled_from=locked,
        reschedule_count=locked.reschedule_count + 1,
        ical_uid=locked.ical_uid,
        ical_sequence=locked.ical_sequence + 1,
        is_exclusive=locked.is_exclusive,
    )
    try:
        _insert(new)
    except IntegrityError as exc:
        raise _slot_unavailable() from exc
    AppointmentPet.objects.bulk_create(
        [
            AppointmentPet(
                appointment=new, dog_id=pet.dog_id, care_instructions=pet.care_instructions
            )
            for pet in locked.pets.all()
        ]
    )
    AppointmentReschedule.objects.create(
        appointment=locked,
        new_appointment=new,
        requested_by=actor,
        previous_start_at=locked.start_at,
        previous_end_at=locked.end_at,
        proposed_start_at=new.start_at,
        proposed_end_at=new.end_at,
        reason=reason,
        status=RescheduleStatus.ACCEPTED,
        responded_at=now,
    )
    _record(
        new,
        actor=actor,
        from_status=None,
        reason=reason,
        metadata={"rescheduled_from": str(locked.pk)},
    )
    return new


# The actions of the API, by their path segment.
APPOINTMENT_ACTIONS = {
    "confirm": appointment_confirm,
    "decline": appointment_decline,
    "start": appointment_start,
    "complete": appointment_complete,
    "cancel": appointment_cancel,
    "no-show": appointment_no_show,
}
