"""The staff admin of plans 025–030: pages render read-only; appointments change only
through the staff actions, which call the booking services."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from scheduling.models import (
    Appointment,
    AvailabilitySchedule,
    BookingRule,
    CalendarConnection,
    CalendarEventLink,
    ServiceVisit,
    SlotHold,
)
from tests.scheduling.factories import (
    AppointmentPetFactory,
    AppointmentRescheduleFactory,
    AppointmentStatusHistoryFactory,
    AvailabilityOverrideFactory,
    AvailabilityRuleFactory,
    BookingRuleFactory,
    CalendarEventLinkFactory,
    ServiceVisitEventFactory,
    ServiceVisitMediaFactory,
    SlotHoldFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    AvailabilitySchedule,
    Appointment,
    ServiceVisit,
    BookingRule,
    SlotHold,
    CalendarConnection,
    CalendarEventLink,
]


@pytest.fixture
def staff_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def rows():
    rule = AvailabilityRuleFactory()
    AvailabilityOverrideFactory(schedule=rule.schedule)
    pet = AppointmentPetFactory()
    AppointmentStatusHistoryFactory(appointment=pet.appointment, reason="Booked online")
    AppointmentRescheduleFactory(appointment=pet.appointment)
    event = ServiceVisitEventFactory()
    ServiceVisitMediaFactory(visit=event.visit)
    link = CalendarEventLinkFactory(
        external_calendar__connection__access_token_encrypted="ciphertext-of-access"
    )
    return {
        AvailabilitySchedule: rule.schedule,
        Appointment: pet.appointment,
        ServiceVisit: event.visit,
        BookingRule: BookingRuleFactory(),
        SlotHold: SlotHoldFactory(),
        CalendarConnection: link.external_calendar.connection,
        CalendarEventLink: link,
    }


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_every_phase4_admin_renders_and_is_read_only(staff_client, rows, model):
    # Given a row of the model
    obj = rows[model]

    # When staff open the list, a search and the row's page
    listing = staff_client.get(_url(model, "changelist"))
    search = staff_client.get(_url(model, "changelist"), {"q": "x"})
    change = staff_client.get(_url(model, "change", obj.pk))

    # Then all render, and even a superuser can neither add, change nor delete
    assert admin.site.is_registered(model)
    assert (listing.status_code, search.status_code, change.status_code) == (200, 200, 200)
    assert staff_client.get(_url(model, "add")).status_code == 403
    assert staff_client.post(_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()


def test_appointment_page_shows_its_dogs_history_and_reschedules(staff_client, rows):
    appointment = rows[Appointment]
    page = staff_client.get(_url(Appointment, "change", appointment.pk)).content.decode()
    assert appointment.pets.get().dog.name in page
    assert "Booked online" in page
    assert "Pending" in page


def test_calendar_connection_page_never_shows_the_tokens(staff_client, rows):
    connection = rows[CalendarConnection]
    page = staff_client.get(_url(CalendarConnection, "change", connection.pk)).content.decode()
    assert connection.external_account_email in page
    assert "ciphertext-of-access" not in page


# --- Staff actions through the booking services -------------------------------------------


def _changelist_action(client, action: str, *appointments):
    return client.post(
        _url(Appointment, "changelist"),
        {"action": action, "_selected_action": [str(a.pk) for a in appointments]},
        follow=True,
    )


def test_staff_cancel_goes_through_the_service_with_history_and_audit(staff_client, admin_user):
    from audit.models import AuditLog
    from scheduling.choices import AppointmentStatus

    appointment = AppointmentPetFactory().appointment
    finished = AppointmentPetFactory(
        appointment__status=AppointmentStatus.COMPLETED,
        appointment__completed_at=appointment.start_at,
    ).appointment

    response = _changelist_action(staff_client, "cancel_by_staff", appointment, finished)

    assert response.status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert appointment.cancelled_by_id == admin_user.pk
    row = appointment.status_history.get()
    assert (row.to_status, row.reason, row.metadata["cancelled_by"]) == (
        "Cancelled",
        "Cancelled by platform staff.",
        "staff",
    )
    assert AuditLog.objects.filter(entity_id=str(appointment.pk), action="Update").exists()
    # The completed one is refused with the service's message, and left as it was
    finished.refresh_from_db()
    assert finished.status == AppointmentStatus.COMPLETED
    messages = [str(m) for m in response.context["messages"]]
    assert "Cancelled 1 appointment(s)." in messages
    assert any("cannot cancel" in m for m in messages)


def test_staff_mark_a_past_confirmed_appointment_as_owner_no_show(staff_client):
    import datetime

    from scheduling.choices import AppointmentStatus, NoShowParty

    start = datetime.datetime(2021, 5, 3, 9, tzinfo=datetime.UTC)
    appointment = AppointmentPetFactory(
        appointment__status=AppointmentStatus.CONFIRMED,
        appointment__start_at=start,
        appointment__end_at=start + datetime.timedelta(hours=1),
    ).appointment

    _changelist_action(staff_client, "mark_no_show", appointment)

    appointment.refresh_from_db()
    assert (appointment.status, appointment.no_show_party) == (
        AppointmentStatus.NO_SHOW,
        NoShowParty.OWNER,
    )


def test_staff_actions_need_system_admin(rbac):
    from accounts.choices import RoleName
    from tests.callers import make_user

    # A staff member with the admin site but without system.admin
    viewer = make_user(rbac, RoleName.PET_OWNER, email="viewer@example.com", is_staff=True)
    client = Client()
    client.force_login(viewer)
    appointment = AppointmentPetFactory().appointment

    _changelist_action(client, "cancel_by_staff", appointment)

    appointment.refresh_from_db()
    assert appointment.status == "Requested"
