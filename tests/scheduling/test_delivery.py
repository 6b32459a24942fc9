"""Service delivery tracking (plan 030): check-in/out, timeline, GPS trail, photos, live."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from audit.models import AuditLog
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError
from doggy.core.realtime import user_group
from scheduling.choices import AppointmentStatus, VisitEventType
from scheduling.delivery_selectors import visit_appointment_get
from scheduling.delivery_services import (
    MAX_POINTS_PER_VISIT,
    visit_check_in,
    visit_check_out,
    visit_event_add,
    visit_locations_add,
    visit_photo_add,
)
from scheduling.models import AppointmentStatusHistory, ServiceVisitLocation
from tests.callers import bearer_client
from tests.scheduling.factories import AppointmentFactory, ServiceOfferingFactory

UTC = datetime.UTC
START = datetime.datetime(2030, 5, 6, 10, 0, tzinfo=UTC)
END = START + datetime.timedelta(hours=1)
MINUTE = datetime.timedelta(minutes=1)
LONDON = (Decimal("51.507400"), Decimal("-0.127800"))


@pytest.fixture
def appointment(provider_profile, owner):
    offering = ServiceOfferingFactory(provider=provider_profile)
    return AppointmentFactory(
        service_offering=offering,
        owner=owner,
        status=AppointmentStatus.CONFIRMED,
        start_at=START,
        end_at=END,
    )


@pytest.fixture
def started(appointment, provider_user):
    visit_check_in(actor=provider_user, appointment=appointment, now=START)
    appointment.refresh_from_db()
    return appointment


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return SimpleUploadedFile("park.png", buffer.getvalue(), content_type="image/png")


# --- Check-in / check-out ------------------------------------------------------------------


def test_check_in_starts_the_visit_and_the_appointment(appointment, provider_user):
    # when
    visit = visit_check_in(
        actor=provider_user,
        appointment=appointment,
        latitude=LONDON[0],
        longitude=LONDON[1],
        now=START - 10 * MINUTE,
    )

    # then
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.IN_PROGRESS
    assert appointment.ical_sequence == 1
    assert visit.check_in_at == START - 10 * MINUTE
    assert (visit.check_in_lat, visit.check_in_lng) == LONDON
    (history,) = AppointmentStatusHistory.objects.filter(appointment=appointment)
    assert (history.from_status, history.to_status, history.changed_by_id) == (
        AppointmentStatus.CONFIRMED,
        AppointmentStatus.IN_PROGRESS,
        provider_user.pk,
    )
    assert list(visit.events.values_list("event_type", flat=True)) == [VisitEventType.ARRIVED]
    assert AuditLog.objects.filter(entity_id=str(appointment.pk), action="Update").count() == 1


@pytest.mark.parametrize(
    "now",
    [START - datetime.timedelta(minutes=31), END + MINUTE],
    ids=["too-early", "after-the-end"],
)
def test_check_in_outside_the_window_is_refused(appointment, provider_user, now):
    with pytest.raises(ConflictError) as exc:
        visit_check_in(actor=provider_user, appointment=appointment, now=now)
    assert exc.value.code == "visit_outside_window"
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CONFIRMED


def test_only_a_confirmed_appointment_can_start(appointment, provider_user):
    # given
    appointment.status = AppointmentStatus.REQUESTED
    appointment.save()

    # then
    with pytest.raises(ConflictError) as exc:
        visit_check_in(actor=provider_user, appointment=appointment, now=START)
    assert exc.value.code == "visit_appointment_not_confirmed"


def test_checking_in_twice_is_a_conflict(started, provider_user):
    with pytest.raises(ConflictError) as exc:
        visit_check_in(actor=provider_user, appointment=started, now=START + MINUTE)
    assert exc.value.code == "visit_already_started"


def test_another_provider_cannot_check_in(appointment, owner, other_owner):
    # the owner may read but not write; anyone else does not see the appointment
    with pytest.raises(ApplicationError) as by_owner:
        visit_appointment_get(actor=owner, appointment_id=appointment.pk, write=True)
    assert (by_owner.value.status_code, by_owner.value.code) == (403, "permission_denied")
    with pytest.raises(NotFoundError):
        visit_appointment_get(actor=other_owner, appointment_id=appointment.pk, write=False)
    with pytest.raises(NotFoundError):
        visit_check_in(actor=other_owner, appointment=appointment, now=START)


def test_check_out_writes_the_report_card_and_completes_the_appointment(started, provider_user):
    # when
    visit = visit_check_out(
        actor=provider_user,
        appointment=started,
        mood="Happy",
        report_notes="Chased a squirrel.",
        activity_summary={"water": True},
        now=END,
    )

    # then
    started.refresh_from_db()
    assert started.status == AppointmentStatus.COMPLETED
    assert started.completed_at == END
    assert started.ical_sequence == 2
    assert (visit.check_out_at, visit.mood, visit.report_notes) == (
        END,
        "Happy",
        "Chased a squirrel.",
    )
    assert visit.activity_summary == {"water": True}
    assert list(
        AppointmentStatusHistory.objects.filter(appointment=started)
        .order_by("id")
        .values_list("to_status", flat=True)
    ) == [AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED]


def test_check_out_before_check_in_and_twice_are_conflicts(appointment, provider_user):
    with pytest.raises(ConflictError) as early:
        visit_check_out(actor=provider_user, appointment=appointment, now=END)
    assert early.value.code == "visit_not_started"

    visit_check_in(actor=provider_user, appointment=appointment, now=START)
    visit_check_out(actor=provider_user, appointment=appointment, now=END)
    with pytest.raises(ConflictError) as twice:
        visit_check_out(actor=provider_user, appointment=appointment, now=END + MINUTE)
    assert twice.value.code == "visit_already_finished"


# --- Events --------------------------------------------------------------------------------


def test_events_build_the_timeline_and_the_report_card_flags(started, provider_user):
    # when
    visit_event_add(
        actor=provider_user,
        appointment=started,
        event_type=VisitEventType.WALK_STARTED,
        now=START + MINUTE,
    )
    visit_event_add(
        actor=provider_user,
        appointment=started,
        event_type=VisitEventType.POTTY,
        data={"pee": True, "poo": True},
        now=START + 5 * MINUTE,
    )
    visit_event_add(
        actor=provider_user,
        appointment=started,
        event_type=VisitEventType.FED,
        now=START + 9 * MINUTE,
    )

    # then
    visit = started.visit
    visit.refresh_from_db()
    assert visit.activity_summary == {"peed": True, "pooped": True, "fed": True}
    assert list(visit.events.order_by("occurred_at").values_list("event_type", flat=True)) == [
        VisitEventType.ARRIVED,
        VisitEventType.WALK_STARTED,
        VisitEventType.POTTY,
        VisitEventType.FED,
    ]


def test_an_event_before_check_in_or_of_a_reserved_type_is_refused(started, provider_user):
    with pytest.raises(ApplicationError) as early:
        visit_event_add(
            actor=provider_user,
            appointment=started,
            event_type=VisitEventType.NOTE,
            occurred_at=START - 10 * MINUTE,
            now=START + MINUTE,
        )
    assert early.value.fields == {
        "occurred_at": ["The time must lie between the check-in and now."]
    }
    with pytest.raises(ApplicationError) as reserved:
        visit_event_add(
            actor=provider_user,
            appointment=started,
            event_type=VisitEventType.ARRIVED,
            now=START + MINUTE,
        )
    assert list(reserved.value.fields) == ["event_type"]


# --- GPS trail -----------------------------------------------------------------------------


def _point(seconds: int, lat: str = "51.507400", lng: str = "-0.127800"):
    return {
        "recorded_at": START + datetime.timedelta(seconds=seconds),
        "latitude": Decimal(lat),
        "longitude": Decimal(lng),
    }


def test_the_trail_drops_points_too_close_in_time_and_adds_up_the_distance(started, provider_user):
    # given: points every 2 s, and one before the check-in
    points = [_point(s, lat=f"51.{507400 + s * 10:06d}") for s in range(0, 20, 2)]
    points.append(_point(-600))

    # when
    result = visit_locations_add(
        actor=provider_user, appointment=started, points=points, now=START + 30 * MINUTE
    )

    # then: one point per 5 s (0, 6, 12, 18) kept; 0.0018 degrees of latitude is ~200 m
    assert result == {"accepted": 4, "dropped": 7}
    recorded = list(
        ServiceVisitLocation.objects.order_by("recorded_at").values_list("recorded_at", flat=True)
    )
    assert recorded == [START + datetime.timedelta(seconds=s) for s in (0, 6, 12, 18)]
    started.visit.refresh_from_db()
    assert started.visit.distance_meters == 20


def test_a_batch_that_would_overfill_the_trail_is_refused_whole(
    started, provider_user, monkeypatch
):
    # given: a small cap, nearly reached
    monkeypatch.setattr("scheduling.delivery_services.MAX_POINTS_PER_VISIT", 3)
    visit_locations_add(
        actor=provider_user,
        appointment=started,
        points=[_point(0), _point(10)],
        now=START + 30 * MINUTE,
    )

    # then
    with pytest.raises(ConflictError) as exc:
        visit_locations_add(
            actor=provider_user,
            appointment=started,
            points=[_point(20), _point(30)],
            now=START + 30 * MINUTE,
        )
    assert exc.value.code == "visit_trail_full"
    assert ServiceVisitLocation.objects.count() == 2
    assert MAX_POINTS_PER_VISIT == 20_000


# --- Photos --------------------------------------------------------------------------------


def test_a_photo_is_stored_as_a_delivery_photo_and_linked(started, provider_user, media_root):
    # when
    media = visit_photo_add(
        actor=provider_user, appointment=started, uploaded_file=_png(), caption="At the park"
    )

    # then
    assert media.file.purpose == "DeliveryPhoto"
    assert media.file.owner_id == provider_user.pk
    assert media.caption == "At the park"
    assert list(started.visit.media.values_list("pk", flat=True)) == [media.pk]


# --- Live updates --------------------------------------------------------------------------


def test_the_owner_gets_visit_updated_after_commit(
    appointment, provider_user, owner, django_capture_on_commit_callbacks
):
    # given: a socket of the owner in its group (the in-memory channel layer)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(owner.pk), channel)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        visit = visit_check_in(actor=provider_user, appointment=appointment, now=START)

    # then
    message = async_to_sync(layer.receive)(channel)
    assert message == {
        "type": "event.forward",
        "event": "visit.updated",
        "data": {
            "appointment_id": str(appointment.pk),
            "visit_id": str(visit.pk),
            "change": "checked_in",
            "at": START.isoformat(),
        },
    }
    async_to_sync(layer.group_discard)(user_group(owner.pk), channel)


# --- HTTP ----------------------------------------------------------------------------------


def test_the_owner_reads_the_timeline_the_provider_writes_it(appointment, provider_user, owner):
    # given: an appointment that is on now (the API uses the server's clock)
    now = datetime.datetime.now(UTC)
    appointment.start_at, appointment.end_at = now - 5 * MINUTE, now + 55 * MINUTE
    appointment.save()
    provider, reader = bearer_client(provider_user), bearer_client(owner)
    path = f"/api/v1/appointments/{appointment.pk}/visit/"

    # when
    checked_in = provider.post(path + "check-in/", {}, format="json")
    created = provider.post(
        path + "events/", {"event_type": "Note", "notes": "Good boy"}, format="json"
    )
    refused = reader.post(path + "events/", {"event_type": "Note"}, format="json")
    timeline = reader.get(path + "events/")

    # then
    assert checked_in.status_code == 201
    assert created.status_code == 201
    assert refused.status_code == 403
    assert [e["event_type"] for e in timeline.json()["results"]] == ["Arrived", "Note"]
    assert reader.get(path).json()["id"] == checked_in.json()["id"]


@pytest.mark.parametrize("rows", [5, 10])
def test_list_queries_are_constant_in_page_size(started, owner, rows, django_assert_num_queries):
    # given
    visit = started.visit
    for n in range(rows):
        visit.events.create(event_type="Note", occurred_at=START + n * MINUTE)
        visit.locations.create(
            recorded_at=START + n * MINUTE, latitude=LONDON[0], longitude=LONDON[1]
        )
    client = bearer_client(owner)
    client.get(f"/api/v1/appointments/{started.pk}/visit/")  # warm the session and caches

    # then: session, appointment, count, page (the RBAC set and settings are cached)
    for route in ("events", "locations"):
        with django_assert_num_queries(4):
            response = client.get(f"/api/v1/appointments/{started.pk}/visit/{route}/")
        assert response.status_code == 200
        assert response.json()["count"] >= rows
