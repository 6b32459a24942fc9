"""The scheduling tables' invariants of plans 025–030 hold in the database itself.

Each bad row is written past all Python validation (`update` / a second insert), so only
a CHECK, UNIQUE or (PostgreSQL) exclusion constraint can refuse it (I-1, I-2, I-5, I-7,
I-13, I-17, I-20, I-23). PostgreSQL names the constraint in its error; SQLite names a
CHECK and lists a unique index's columns. Runs on both engines.
"""

from __future__ import annotations

import datetime
import importlib
import re
from decimal import Decimal
from functools import partial

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from scheduling.choices import LIVE_APPOINTMENT_STATUSES, AppointmentStatus, RescheduleStatus
from scheduling.models import (
    Appointment,
    AppointmentReschedule,
    AppointmentStatusHistory,
    AvailabilitySchedule,
    BookingRule,
    CalendarEventLink,
    ProviderReview,
)
from tests.scheduling.factories import (
    BASE_START,
    AppointmentFactory,
    AppointmentPetFactory,
    AppointmentRescheduleFactory,
    AppointmentStatusHistoryFactory,
    AvailabilityOverrideFactory,
    AvailabilityRuleFactory,
    AvailabilityScheduleFactory,
    BookingRuleFactory,
    CalendarConnectionFactory,
    CalendarEventLinkFactory,
    CalendarFeedTokenFactory,
    ExternalBusyBlockFactory,
    ExternalCalendarFactory,
    ProviderReviewFactory,
    ServiceOfferingFactory,
    ServiceVisitEventFactory,
    ServiceVisitFactory,
    ServiceVisitLocationFactory,
    ServiceVisitMediaFactory,
    SlotHoldFactory,
)

AN_HOUR = datetime.timedelta(hours=1)
A_MINUTE = datetime.timedelta(minutes=1)
T0 = BASE_START

# An appointment at a fixed time (09:00–10:00, no buffers), so that each bad value below
# breaks exactly one rule whatever the factory's sequence.
Booking = partial(AppointmentFactory, start_at=T0, end_at=T0 + AN_HOUR)

# (constraint, factory, bad values written with UPDATE)
BAD_UPDATES = [
    ("CK_AvailRules_Day", AvailabilityRuleFactory, {"day_of_week": 0}),
    ("CK_AvailRules_Day", AvailabilityRuleFactory, {"day_of_week": 8}),
    (
        "CK_AvailRules_Range",
        AvailabilityRuleFactory,
        {"start_time": datetime.time(17), "end_time": datetime.time(9)},
    ),
    (
        "CK_AvailRules_Range",
        AvailabilityRuleFactory,
        {"start_time": datetime.time(9), "end_time": datetime.time(9)},
    ),
    ("CK_AvailOverrides_Range", AvailabilityOverrideFactory, {"start_at": T0, "end_at": T0}),
    ("CK_AvailabilityOverrides_Kind", AvailabilityOverrideFactory, {"kind": "Busy"}),
    ("CK_AvailabilityOverrides_Reason", AvailabilityOverrideFactory, {"reason": "Bored"}),
    ("CK_Appointments_Range", Booking, {"start_at": T0, "end_at": T0 - AN_HOUR}),
    ("CK_Appointments_Status", Booking, {"status": "Pending"}),
    ("CK_Appointments_Amounts", Booking, {"price_amount": Decimal("-1.00")}),
    (
        "CK_Appointments_Amounts",
        Booking,
        {"price_amount": Decimal("10.00"), "deposit_amount": Decimal("10.01")},
    ),
    ("CK_Appointments_Amounts", Booking, {"deposit_amount": Decimal("-0.01")}),
    ("CK_Appointments_Cancelled", Booking, {"status": AppointmentStatus.CANCELLED}),
    ("CK_Appointments_Cancelled", Booking, {"status": AppointmentStatus.RESCHEDULED}),
    ("CK_Appointments_Completed", Booking, {"status": AppointmentStatus.COMPLETED}),
    ("CK_Appointments_Block", Booking, {"block_start_at": T0 + 30 * A_MINUTE}),
    ("CK_Appointments_Block", Booking, {"block_end_at": T0 + 30 * A_MINUTE}),
    ("CK_Appointments_LocationType", Booking, {"location_type": "Park"}),
    ("CK_Appointments_NoShowParty", Booking, {"no_show_party": "Both"}),
    ("CK_CalendarConnections_Provider", CalendarConnectionFactory, {"provider": "Yahoo"}),
    ("CK_CalendarConnections_Status", CalendarConnectionFactory, {"status": "Expired"}),
    ("CK_CalendarEventLinks_SyncStatus", CalendarEventLinkFactory, {"sync_status": "Lost"}),
    ("CK_BusyBlocks_Range", ExternalBusyBlockFactory, {"start_at": T0, "end_at": T0 - A_MINUTE}),
    ("CK_BookingRules_MaxConc", BookingRuleFactory, {"max_concurrent_bookings": 0}),
    ("CK_BookingRules_Advance", BookingRuleFactory, {"max_advance_days": 0}),
    ("CK_SlotHolds_Range", SlotHoldFactory, {"start_at": T0, "end_at": T0}),
    ("CK_AppointmentStatusHistory_ToStatus", AppointmentStatusHistoryFactory, {"to_status": "X"}),
    (
        "CK_AppointmentStatusHistory_FromStatus",
        AppointmentStatusHistoryFactory,
        {"from_status": "X"},
    ),
    (
        "CK_Reschedules_Range",
        AppointmentRescheduleFactory,
        {"proposed_start_at": T0, "proposed_end_at": T0 - AN_HOUR},
    ),
    ("CK_AppointmentReschedules_Status", AppointmentRescheduleFactory, {"status": "Maybe"}),
    (
        "CK_Visits_Checkout",
        ServiceVisitFactory,
        {"check_in_at": T0, "check_out_at": T0 - A_MINUTE},
    ),
    ("CK_Visits_Checkout", ServiceVisitFactory, {"check_in_at": None, "check_out_at": T0}),
    ("CK_Visits_Coords", ServiceVisitFactory, {"check_in_lat": Decimal("90.000001")}),
    ("CK_Visits_Coords", ServiceVisitFactory, {"check_out_lat": Decimal("-90.5")}),
    ("CK_Visits_Coords", ServiceVisitFactory, {"check_in_lng": Decimal("180.5")}),
    ("CK_Visits_Coords", ServiceVisitFactory, {"check_out_lng": Decimal("-181")}),
    ("CK_ServiceVisits_Mood", ServiceVisitFactory, {"mood": "Grumpy"}),
    ("CK_ServiceVisitEvents_EventType", ServiceVisitEventFactory, {"event_type": "Nap"}),
    ("CK_VisitLocations_Coords", ServiceVisitLocationFactory, {"latitude": Decimal("91")}),
    ("CK_VisitLocations_Coords", ServiceVisitLocationFactory, {"longitude": Decimal("-180.1")}),
]


@pytest.mark.parametrize(
    ("constraint", "factory", "values"),
    BAD_UPDATES,
    ids=[f"{c}-{'-'.join(map(str, v))}" for c, _, v in BAD_UPDATES],
)
def test_check_constraint_refuses_bad_values(db, constraint, factory, values):
    # given a valid row
    row = factory()
    model = type(row)
    before = model.objects.filter(pk=row.pk).values(*values).get()

    # when a bad value is written past Python validation
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)

    # then the named CHECK refused it and the row kept its values
    assert constraint in str(error.value)
    assert model.objects.filter(pk=row.pk).values(*values).get() == before


def _duplicate_default_schedule():
    first = AvailabilityScheduleFactory(is_default=True)
    return lambda: AvailabilityScheduleFactory(provider=first.provider, is_default=True)


def _duplicate_reference():
    first = AppointmentFactory()
    return lambda: AppointmentFactory(reference=first.reference)


def _duplicate_idempotency_key():
    # the same owner retries with the same key, even for another offering (I-23)
    first = AppointmentFactory(idempotency_key="retry-1")
    return lambda: AppointmentFactory(owner=first.owner, idempotency_key="retry-1")


def _duplicate_appointment_pet():
    first = AppointmentPetFactory()
    return lambda: AppointmentPetFactory(appointment=first.appointment, dog=first.dog)


def _duplicate_review():
    appointment = AppointmentFactory()
    ProviderReviewFactory(
        provider=appointment.provider, reviewer=appointment.owner, appointment=appointment
    )
    return lambda: ProviderReviewFactory(
        provider=appointment.provider, reviewer=appointment.owner, appointment=appointment
    )


def _duplicate_connection():
    first = CalendarConnectionFactory()
    return lambda: CalendarConnectionFactory(
        user=first.user,
        provider=first.provider,
        external_account_email=first.external_account_email,
    )


def _duplicate_external_calendar():
    first = ExternalCalendarFactory()
    return lambda: ExternalCalendarFactory(
        connection=first.connection, external_calendar_id=first.external_calendar_id
    )


def _duplicate_event_link():
    first = CalendarEventLinkFactory()
    return lambda: CalendarEventLinkFactory(
        appointment=first.appointment, external_calendar=first.external_calendar
    )


def _duplicate_feed_token():
    first = CalendarFeedTokenFactory()
    return lambda: CalendarFeedTokenFactory(token_hash=first.token_hash)


def _duplicate_offering_rule():
    offering = ServiceOfferingFactory()
    BookingRuleFactory(provider=offering.provider, service_offering=offering)
    return lambda: BookingRuleFactory(provider=offering.provider, service_offering=offering)


def _duplicate_default_rule():
    first = BookingRuleFactory()
    return lambda: BookingRuleFactory(provider=first.provider)


def _duplicate_pending_reschedule():
    first = AppointmentRescheduleFactory()
    return lambda: AppointmentRescheduleFactory(appointment=first.appointment)


def _duplicate_visit():
    first = ServiceVisitFactory()
    return lambda: ServiceVisitFactory(appointment=first.appointment)


def _duplicate_visit_media():
    first = ServiceVisitMediaFactory()
    return lambda: ServiceVisitMediaFactory(visit=first.visit, file=first.file)


# (constraint (None: Django's name for a unique=True column), its table and columns as
# SQLite lists them, builder of the duplicate insert)
DUPLICATES = [
    (
        "UX_Schedules_Provider_Default",
        "AvailabilitySchedules",
        ["ProviderId"],
        _duplicate_default_schedule,
    ),
    (None, "Appointments", ["Reference"], _duplicate_reference),
    (
        "UX_Appointments_Owner_Idem",
        "Appointments",
        ["OwnerId", "IdempotencyKey"],
        _duplicate_idempotency_key,
    ),
    (
        "UX_AppointmentPets_Appt_Dog",
        "AppointmentPets",
        ["AppointmentId", "DogId"],
        _duplicate_appointment_pet,
    ),
    (
        "UX_Reviews_Appt_Reviewer",
        "ProviderReviews",
        ["AppointmentId", "ReviewerId"],
        _duplicate_review,
    ),
    (
        "UX_CalConn_User_Prov_Email",
        "CalendarConnections",
        ["UserId", "Provider", "ExternalAccountEmail"],
        _duplicate_connection,
    ),
    (
        "UX_ExtCalendars_Conn_ExtId",
        "ExternalCalendars",
        ["ConnectionId", "ExternalCalendarId"],
        _duplicate_external_calendar,
    ),
    (
        "UX_CalEventLinks_Appt_Cal",
        "CalendarEventLinks",
        ["AppointmentId", "ExternalCalendarId"],
        _duplicate_event_link,
    ),
    (None, "CalendarFeedTokens", ["TokenHash"], _duplicate_feed_token),
    (
        "UX_BookingRules_Prov_Offering",
        "BookingRules",
        ["ProviderId", "ServiceOfferingId"],
        _duplicate_offering_rule,
    ),
    ("UX_BookingRules_Prov_Default", "BookingRules", ["ProviderId"], _duplicate_default_rule),
    (
        "UX_Reschedules_Appt_Pending",
        "AppointmentReschedules",
        ["AppointmentId"],
        _duplicate_pending_reschedule,
    ),
    (None, "ServiceVisits", ["AppointmentId"], _duplicate_visit),
    (
        "UX_VisitMedia_Visit_File",
        "ServiceVisitMedia",
        ["VisitId", "FileId"],
        _duplicate_visit_media,
    ),
]


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    ("constraint", "table", "columns", "build"),
    DUPLICATES,
    ids=[c[0] or f"{c[1]}.{c[2][0]}" for c in DUPLICATES],
)
def test_unique_constraint_refuses_a_duplicate(db, constraint, table, columns, build):
    # given a row and an insert that repeats its key
    insert_duplicate = build()
    rows_before = _count(table)

    # when the duplicate is inserted
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        insert_duplicate()

    # then the database refused it, naming the constraint (or its columns, on SQLite)
    if connection.vendor == "postgresql":
        assert (constraint or f"{table}_{columns[0]}") in str(error.value)
    else:
        expected = ", ".join(f"{table}.{column}" for column in columns)
        assert str(error.value) == f"UNIQUE constraint failed: {expected}"
    assert _count(table) == rows_before


def test_filtered_unique_keys_ignore_rows_outside_their_filter(db):
    # given a provider with a default schedule and two others
    default = AvailabilityScheduleFactory(is_default=True)
    AvailabilityScheduleFactory.create_batch(2, provider=default.provider)
    # an owner's two bookings without an idempotency key
    first = AppointmentFactory(idempotency_key=None)
    AppointmentFactory(owner=first.owner, idempotency_key=None)
    # two legacy reviews without an appointment, and two by a former user
    ProviderReviewFactory.create_batch(2, provider=first.provider, reviewer=first.owner)
    ProviderReviewFactory.create_batch(2, provider=first.provider, reviewer=None, appointment=first)
    # two links of one appointment whose calendars are gone
    CalendarEventLinkFactory.create_batch(2, appointment=first, external_calendar=None)
    # a provider default rule beside an offering rule
    rule = BookingRuleFactory()
    offering = ServiceOfferingFactory(provider=rule.provider)
    BookingRuleFactory(provider=rule.provider, service_offering=offering)
    # answered reschedule requests beside a pending one
    AppointmentRescheduleFactory(appointment=first, status=RescheduleStatus.DECLINED)
    AppointmentRescheduleFactory(appointment=first, status=RescheduleStatus.EXPIRED)
    AppointmentRescheduleFactory(appointment=first)

    # then all of them were stored
    assert AvailabilitySchedule.objects.filter(provider=default.provider).count() == 3
    assert Appointment.objects.filter(owner=first.owner).count() == 2
    assert ProviderReview.objects.filter(provider=first.provider).count() == 4
    assert CalendarEventLink.objects.filter(appointment=first).count() == 2
    assert BookingRule.objects.filter(provider=rule.provider).count() == 2
    assert AppointmentReschedule.objects.filter(appointment=first).count() == 3


def test_appointment_stores_its_buffered_block_and_calendar_uid(db):
    appointment = AppointmentFactory(
        start_at=T0, end_at=T0 + AN_HOUR, buffer_before_minutes=15, buffer_after_minutes=30
    )
    stored = Appointment.objects.get(pk=appointment.pk)
    assert stored.block_start_at == T0 - datetime.timedelta(minutes=15)
    assert stored.block_end_at == T0 + AN_HOUR + datetime.timedelta(minutes=30)
    assert stored.ical_uid == f"{appointment.pk.hex}@meandmydoggy"
    assert re.fullmatch(r"MD-[2-9A-HJKMNP-Z]{6}", stored.reference)

    # a save of the times alone moves the block with them
    stored.start_at, stored.end_at = T0 + AN_HOUR, T0 + 2 * AN_HOUR
    stored.save(update_fields=["start_at", "end_at"])
    stored.refresh_from_db()
    assert (stored.block_start_at, stored.block_end_at) == (
        T0 + datetime.timedelta(minutes=45),
        T0 + 2 * AN_HOUR + datetime.timedelta(minutes=30),
    )


def test_status_history_is_append_only(db):
    row = AppointmentStatusHistoryFactory()
    row.reason = "rewritten history"
    with pytest.raises(RuntimeError, match="AppointmentStatusHistory is append-only"):
        row.save()
    assert AppointmentStatusHistory.objects.get(pk=row.pk).reason == ""


def test_an_appointment_with_history_is_not_hard_deleted(db):
    # A14: the history keeps its appointment
    row = AppointmentStatusHistoryFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        row.appointment.delete()
    assert Appointment.objects.filter(pk=row.appointment_id).exists()


def test_a_booked_dog_is_not_deleted(db):
    pet = AppointmentPetFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        pet.dog.delete()
    assert type(pet).objects.filter(pk=pet.pk).exists()


def test_the_migrations_live_statuses_are_the_apps():
    migration = importlib.import_module("scheduling.migrations.0005_appointments")
    assert list(migration.LIVE_STATUSES) == [s.value for s in LIVE_APPOINTMENT_STATUSES]


# --- I-1 on PostgreSQL: EX_Appointments_NoOverlap ----------------------------------------


def _no_overlap_applied() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = %s", ["EX_Appointments_NoOverlap"]
        )
        return cursor.fetchone() is not None


@pytest.fixture
def pg_no_overlap(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite and SQL Server rely on the provider lock")
    if not _no_overlap_applied():
        pytest.skip("the exclusion constraint is not applied (--nomigrations)")


def _booked(**kwargs) -> Appointment:
    return AppointmentFactory(start_at=T0, end_at=T0 + AN_HOUR, **kwargs)


@pytest.mark.postgres
@pytest.mark.parametrize("status", [s.value for s in LIVE_APPOINTMENT_STATUSES])
def test_exclusion_refuses_an_overlapping_live_booking(pg_no_overlap, status):
    # given a live booking 09:00–10:00
    first = _booked(status=status)

    # when another exclusive booking of the provider overlaps it by a minute
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        AppointmentFactory(
            service_offering=first.service_offering,
            start_at=T0 + AN_HOUR - A_MINUTE,
            end_at=T0 + 2 * AN_HOUR,
        )

    # then the exclusion constraint refused it
    assert "EX_Appointments_NoOverlap" in str(error.value)
    assert Appointment.objects.filter(provider=first.provider).count() == 1


@pytest.mark.postgres
def test_exclusion_counts_the_buffers(pg_no_overlap):
    # given a booking 09:00–10:00 with 30 minutes of travel after it
    first = _booked(buffer_after_minutes=30)

    # when the next booking starts at 10:15 (inside the buffer)
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        AppointmentFactory(
            service_offering=first.service_offering,
            start_at=T0 + AN_HOUR + datetime.timedelta(minutes=15),
            end_at=T0 + 2 * AN_HOUR,
        )

    # then it is refused; at 10:30 the blocks only touch ('[)') and it is stored
    assert "EX_Appointments_NoOverlap" in str(error.value)
    AppointmentFactory(
        service_offering=first.service_offering,
        start_at=T0 + AN_HOUR + datetime.timedelta(minutes=30),
        end_at=T0 + 2 * AN_HOUR,
    )
    assert Appointment.objects.filter(provider=first.provider).count() == 2


@pytest.mark.postgres
def test_exclusion_leaves_out_ended_group_and_other_providers_bookings(pg_no_overlap):
    first = _booked(status=AppointmentStatus.CANCELLED, cancelled_at=T0 - AN_HOUR)
    offering = first.service_offering
    # a declined, an expired and a live booking of the same time
    _booked(service_offering=offering, status=AppointmentStatus.DECLINED)
    _booked(service_offering=offering, status=AppointmentStatus.EXPIRED)
    live = _booked(service_offering=offering)
    # group bookings (MaxConcurrentBookings > 1 at booking time) overlap freely
    _booked(service_offering=offering, is_exclusive=False)
    _booked(service_offering=offering, is_exclusive=False)
    # another provider at the same time
    _booked()

    assert Appointment.objects.filter(provider=live.provider).count() == 6
    assert Appointment.objects.filter(start_at=T0).count() == 7
