"""Booking through the API: holds, idempotent booking, the state machine, reviews after
completion, the conversation of a booking, and the real-time events (plans 026-029)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from audit.models import AuditLog
from messaging.models import Conversation
from scheduling import booking
from scheduling.choices import AppointmentStatus, NoShowParty, RescheduleStatus
from scheduling.models import (
    Appointment,
    AppointmentReschedule,
    AppointmentStatusHistory,
    ProviderReview,
    SlotHold,
)
from tests.callers import bearer_client
from tests.pets.factories import DogProfileFactory
from tests.scheduling.booking_world import MONDAY, bookable_world
from tests.scheduling.factories import SlotHoldFactory

pytestmark = pytest.mark.django_db

BOOK = "/api/v1/appointments/"


@pytest.fixture
def world(listed_provider):
    return bookable_world(listed_provider)


@pytest.fixture
def dog(owner):
    return DogProfileFactory(owner=owner, name="Rex")


@pytest.fixture
def events(monkeypatch):
    """The real-time events the booking services publish, in order."""
    sent = []
    monkeypatch.setattr(
        booking,
        "publish_to_users",
        lambda users, event, payload: sent.append((sorted(users), event, payload["status"])),
    )
    return sent


def _body(world, dog, hour=10, **extra):
    return {
        "offering": str(world.offering.pk),
        "start_at": world.at(MONDAY, hour).isoformat(),
        "dogs": [str(dog.pk)],
        **extra,
    }


def _book(client, world, dog, hour=10, key=None, **extra):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(BOOK, _body(world, dog, hour, **extra), format="json", **headers)


def _act(user, appointment_id, action, **body):
    return bearer_client(user).post(f"{BOOK}{appointment_id}/{action}/", body, format="json")


# --- Booking ------------------------------------------------------------------------------


def test_booking_creates_a_requested_appointment_with_history_audit_and_events(
    world, owner, dog, provider_user, events
):
    response = _book(bearer_client(owner), world, dog, key="k-1")

    assert response.status_code == 201
    body = response.json()
    appointment = Appointment.objects.get(pk=body["id"])
    assert body["status"] == "Requested"
    assert body["start_at"] == "2030-06-03T14:00:00Z"
    assert body["dogs"] == [{"id": str(dog.pk), "name": "Rex"}]
    assert body["price_amount"] == "20.00"
    assert appointment.time_zone == "America/New_York"
    assert appointment.idempotency_key == "k-1"
    history = list(appointment.status_history.values_list("from_status", "to_status"))
    assert history == [(None, "Requested")]
    assert AuditLog.objects.filter(
        entity_type="scheduling.Appointment", entity_id=str(appointment.pk), action="Create"
    ).exists()
    assert events == [(sorted([owner.pk, provider_user.pk]), "appointment.updated", "Requested")]


def test_a_retry_with_the_same_idempotency_key_returns_the_same_appointment(world, owner, dog):
    client = bearer_client(owner)

    first = _book(client, world, dog, key="retry-me")
    second = _book(client, world, dog, key="retry-me")

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert Appointment.objects.count() == 1
    assert AppointmentStatusHistory.objects.count() == 1


def test_without_confirmation_the_booking_is_confirmed_at_once(world, owner, dog):
    world.rule.requires_confirmation = False
    world.rule.save()

    response = _book(bearer_client(owner), world, dog)

    assert response.status_code == 201
    assert response.json()["status"] == "Confirmed"
    assert response.json()["confirmed_at"] is not None


def test_a_taken_slot_answers_409_slot_unavailable(world, owner, other_owner, dog):
    assert _book(bearer_client(owner), world, dog).status_code == 201
    other_dog = DogProfileFactory(owner=other_owner)

    response = _book(bearer_client(other_owner), world, other_dog)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "slot_unavailable"
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize(
    "_case", ["outside the rules", "not on the slot grid", "in the past"], ids=str
)
def test_a_start_that_is_no_slot_is_refused(world, owner, dog, _case):
    start = {
        "outside the rules": world.at(MONDAY, 20),
        "not on the slot grid": world.at(MONDAY, 10, 15),
        "in the past": datetime.datetime(2020, 6, 1, 14, tzinfo=datetime.UTC),
    }[_case]
    body = _body(world, dog, start_at=start.isoformat())

    response = bearer_client(owner).post(BOOK, body, format="json")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "slot_unavailable"


def test_only_the_callers_own_active_dogs_can_be_booked(world, owner, other_owner, dog):
    strangers_dog = DogProfileFactory(owner=other_owner)
    inactive = DogProfileFactory(owner=owner, is_active=False)

    for dogs in ([str(strangers_dog.pk)], [str(inactive.pk)], []):
        body = {**_body(world, dog), "dogs": dogs}
        response = bearer_client(owner).post(BOOK, body, format="json")
        assert response.status_code == 400, dogs
        assert response.json()["error"]["code"] == "appointment_dogs_invalid"
    assert Appointment.objects.count() == 0


def test_more_dogs_than_the_offering_takes_are_refused(world, owner, dog):
    dogs = [dog, *DogProfileFactory.create_batch(2, owner=owner)]
    body = {**_body(world, dog), "dogs": [str(d.pk) for d in dogs]}

    response = bearer_client(owner).post(BOOK, body, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"dogs": ["This service takes at most 2 dogs."]}


def test_an_unlisted_providers_offering_is_not_found(world, owner, dog, listed_provider):
    listed_provider.is_active = False
    listed_provider.save()

    response = _book(bearer_client(owner), world, dog)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "offering_not_found"


# --- Holds --------------------------------------------------------------------------------


def test_a_hold_blocks_the_slot_for_others_until_it_expires(world, owner, other_owner, dog):
    hold = bearer_client(other_owner).post(
        f"{BOOK}holds/",
        {"offering": str(world.offering.pk), "start_at": world.at(MONDAY, 10).isoformat()},
        format="json",
    )
    assert hold.status_code == 201
    assert hold.json()["end_at"] == "2030-06-03T15:00:00Z"

    refused = _book(bearer_client(owner), world, dog)
    assert refused.status_code == 409

    SlotHold.objects.update(expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    accepted = _book(bearer_client(owner), world, dog)
    assert accepted.status_code == 201
    # The expired hold was swept inside the provider lock
    assert SlotHold.objects.count() == 0


def test_the_holder_books_their_own_held_slot_and_the_hold_goes(world, owner, dog):
    client = bearer_client(owner)
    hold = client.post(
        f"{BOOK}holds/",
        {"offering": str(world.offering.pk), "start_at": world.at(MONDAY, 10).isoformat()},
        format="json",
    )

    response = _book(client, world, dog)

    assert (hold.status_code, response.status_code) == (201, 201)
    assert SlotHold.objects.count() == 0


def test_a_second_hold_replaces_the_callers_first(world, owner):
    client = bearer_client(owner)
    for hour in (10, 11):
        response = client.post(
            f"{BOOK}holds/",
            {"offering": str(world.offering.pk), "start_at": world.at(MONDAY, hour).isoformat()},
            format="json",
        )
        assert response.status_code == 201
    assert list(SlotHold.objects.values_list("start_at", flat=True)) == [world.at(MONDAY, 11)]


def test_a_hold_is_released_by_its_holder_only(world, owner, other_owner):
    hold = SlotHoldFactory(service_offering=world.offering, held_by=owner)

    assert bearer_client(other_owner).delete(f"{BOOK}holds/{hold.pk}/").status_code == 404
    assert bearer_client(owner).delete(f"{BOOK}holds/{hold.pk}/").status_code == 204
    assert SlotHold.objects.count() == 0


# --- The state machine --------------------------------------------------------------------


@pytest.fixture
def appointment(world, owner, dog):
    response = _book(bearer_client(owner), world, dog)
    assert response.status_code == 201
    return Appointment.objects.get(pk=response.json()["id"])


def test_the_happy_path_writes_history_and_audit_for_every_step(
    appointment, owner, provider_user, events
):
    for action, status in [
        ("confirm", "Confirmed"),
        ("start", "InProgress"),
        ("complete", "Completed"),
    ]:
        response = _act(provider_user, appointment.pk, action)
        assert response.status_code == 200, response.content
        assert response.json()["status"] == status

    history = [row["to_status"] for row in response.json()["history"]]
    assert history == ["Requested", "Confirmed", "InProgress", "Completed"]
    audits = AuditLog.objects.filter(entity_id=str(appointment.pk), action="Update")
    assert audits.count() == 3
    assert [status for _, _, status in events] == ["Confirmed", "InProgress", "Completed"]
    assert {tuple(users) for users, _, _ in events} == {tuple(sorted([owner.pk, provider_user.pk]))}


def test_only_the_provider_confirms(appointment, owner):
    response = _act(owner, appointment.pk, "confirm")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_a_stranger_cannot_see_or_act_on_an_appointment(appointment, other_owner):
    assert bearer_client(other_owner).get(f"{BOOK}{appointment.pk}/").status_code == 404
    response = _act(other_owner, appointment.pk, "cancel")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "appointment_not_found"


def test_a_transition_from_the_wrong_status_is_409(appointment, provider_user):
    response = _act(provider_user, appointment.pk, "complete")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "appointment_invalid_transition"
    assert AppointmentStatusHistory.objects.filter(appointment=appointment).count() == 1


def test_decline_frees_the_slot(appointment, provider_user, other_owner, world):
    response = _act(provider_user, appointment.pk, "decline", reason="Fully booked")

    assert response.status_code == 200
    assert response.json()["decline_reason"] == "Fully booked"
    rebooked = _book(bearer_client(other_owner), world, DogProfileFactory(owner=other_owner))
    assert rebooked.status_code == 201


def test_an_owners_cancellation_inside_the_free_window_is_late(appointment, owner):
    # Given the appointment starts in two hours (the provider's Moderate policy: 48 h)
    soon = timezone.now() + datetime.timedelta(hours=2)
    Appointment.objects.filter(pk=appointment.pk).update(
        start_at=soon,
        end_at=soon + datetime.timedelta(hours=1),
        block_start_at=soon,
        block_end_at=soon + datetime.timedelta(hours=1),
        deposit_amount=Decimal("5.00"),
    )

    response = _act(owner, appointment.pk, "cancel", reason="Plans changed")

    assert response.status_code == 200
    assert response.json()["status"] == "Cancelled"
    row = AppointmentStatusHistory.objects.get(appointment=appointment, to_status="Cancelled")
    assert row.metadata == {
        "cancelled_by": "owner",
        "free_cancellation_hours": 48,
        "late": True,
        "forfeited_deposit": "5.00",
    }
    assert row.reason == "Plans changed"


def test_a_cancellation_well_ahead_follows_the_providers_policy(appointment, provider_user):
    response = _act(provider_user, appointment.pk, "cancel")

    assert response.status_code == 200
    row = AppointmentStatusHistory.objects.get(appointment=appointment, to_status="Cancelled")
    assert row.metadata == {
        "cancelled_by": "provider",
        "free_cancellation_hours": 48,  # the provider's Moderate policy
        "late": False,
        "forfeited_deposit": "0.00",
    }


def test_no_show_only_after_the_start(appointment, provider_user):
    _act(provider_user, appointment.pk, "confirm")

    early = _act(provider_user, appointment.pk, "no-show")
    assert early.status_code == 409

    Appointment.objects.filter(pk=appointment.pk).update(
        start_at=datetime.datetime(2020, 1, 1, 9, tzinfo=datetime.UTC),
        end_at=datetime.datetime(2020, 1, 1, 10, tzinfo=datetime.UTC),
        block_start_at=datetime.datetime(2020, 1, 1, 9, tzinfo=datetime.UTC),
        block_end_at=datetime.datetime(2020, 1, 1, 10, tzinfo=datetime.UTC),
    )
    late = _act(provider_user, appointment.pk, "no-show")
    assert late.status_code == 200
    assert late.json()["no_show_party"] == NoShowParty.OWNER


def test_reschedule_keeps_lineage_and_calendar_identity(appointment, owner, provider_user):
    _act(provider_user, appointment.pk, "confirm")
    new_start = appointment.start_at + datetime.timedelta(hours=3)

    response = bearer_client(owner).post(
        f"{BOOK}{appointment.pk}/reschedule/",
        {"start_at": new_start.isoformat(), "reason": "Later please"},
        format="json",
    )

    assert response.status_code == 201, response.content
    new = Appointment.objects.get(pk=response.json()["id"])
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.RESCHEDULED
    assert appointment.cancelled_at is not None
    assert new.rescheduled_from_id == appointment.pk
    assert (new.ical_uid, new.ical_sequence) == (appointment.ical_uid, 1)
    assert new.reschedule_count == 1
    # The owner moved it, and the rule requires confirmation again
    assert new.status == AppointmentStatus.REQUESTED
    assert list(new.pets.values_list("dog_id", flat=True)) == list(
        appointment.pets.values_list("dog_id", flat=True)
    )
    lineage = AppointmentReschedule.objects.get(appointment=appointment)
    assert (lineage.new_appointment_id, lineage.status) == (new.pk, RescheduleStatus.ACCEPTED)
    assert lineage.previous_start_at == appointment.start_at


def test_reschedule_onto_its_own_time_overlapping_itself_is_allowed(
    appointment, provider_user, world
):
    # The old row no longer blocks: 30 minutes later overlaps the old hour
    world.rule.slot_interval_minutes = 30
    world.rule.save()
    new_start = appointment.start_at + datetime.timedelta(minutes=30)

    response = bearer_client(provider_user).post(
        f"{BOOK}{appointment.pk}/reschedule/", {"start_at": new_start.isoformat()}, format="json"
    )

    assert response.status_code == 201, response.content


def test_reschedule_limit(appointment, owner, world):
    world.rule.reschedule_limit = 0
    world.rule.save()

    response = bearer_client(owner).post(
        f"{BOOK}{appointment.pk}/reschedule/",
        {"start_at": (appointment.start_at + datetime.timedelta(hours=2)).isoformat()},
        format="json",
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reschedule_not_allowed"


# --- Lists and detail ---------------------------------------------------------------------


def test_owner_and_provider_lists_with_filters(appointment, owner, provider_user, world, dog):
    second = _book(bearer_client(owner), world, dog, hour=14).json()["id"]
    _act(provider_user, second, "confirm")

    mine = bearer_client(owner).get(BOOK).json()
    theirs = bearer_client(provider_user).get("/api/v1/providers/me/appointments/").json()
    confirmed = bearer_client(owner).get(BOOK, {"status": "Confirmed"}).json()
    late = bearer_client(owner).get(BOOK, {"from": world.at(MONDAY, 12).isoformat()}).json()

    assert [row["id"] for row in mine["results"]] == [second, str(appointment.pk)]
    assert [row["id"] for row in theirs["results"]] == [str(appointment.pk), second]
    assert [row["id"] for row in confirmed["results"]] == [second]
    assert [row["id"] for row in late["results"]] == [second]
    bad = bearer_client(owner).get(BOOK, {"status": "Sleeping"})
    assert bad.status_code == 400


# --- Reviews after completion (I-5) -------------------------------------------------------


def _complete(appointment, provider_user):
    for action in ("confirm", "start", "complete"):
        assert _act(provider_user, appointment.pk, action).status_code == 200


def test_a_completed_appointment_unlocks_exactly_one_review(
    appointment, owner, provider_user, listed_provider
):
    url = f"/api/v1/providers/{listed_provider.pk}/reviews/"
    body = {"appointment_id": str(appointment.pk), "rating": 4, "comment": "Good walk"}

    before = bearer_client(owner).post(url, body, format="json")
    _complete(appointment, provider_user)
    first = bearer_client(owner).post(url, body, format="json")
    second = bearer_client(owner).post(url, body, format="json")

    assert before.status_code == 409
    assert before.json()["error"]["code"] == "review_requires_completed_appointment"
    assert first.status_code == 201, first.content
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "review_exists"
    review = ProviderReview.objects.get()
    assert review.appointment_id == appointment.pk
    listed_provider.refresh_from_db()
    assert (listed_provider.review_count, listed_provider.average_rating) == (1, Decimal("4.00"))


def test_someone_elses_completed_appointment_unlocks_nothing(
    appointment, other_owner, provider_user, listed_provider
):
    _complete(appointment, provider_user)

    response = bearer_client(other_owner).post(
        f"/api/v1/providers/{listed_provider.pk}/reviews/",
        {"appointment_id": str(appointment.pk), "rating": 5},
        format="json",
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "review_requires_completed_appointment"


# --- The conversation of a booking --------------------------------------------------------


def test_either_side_opens_the_one_conversation_of_a_booking(
    appointment, owner, provider_user, other_owner
):
    url = f"{BOOK}{appointment.pk}/conversation/"

    first = bearer_client(owner).post(url)
    again = bearer_client(provider_user).post(url)
    stranger = bearer_client(other_owner).post(url)

    assert (first.status_code, again.status_code, stranger.status_code) == (201, 200, 404)
    assert first.json()["id"] == again.json()["id"]
    conversation = Conversation.objects.get()
    assert conversation.appointment_id == appointment.pk
    assert conversation.type == "Booking"
    members = set(conversation.participants.values_list("user_id", flat=True))
    assert members == {owner.pk, provider_user.pk}


# --- PostgreSQL: the exclusion constraint is the backstop ---------------------------------


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints")
def test_the_exclusion_constraint_answers_409_when_the_check_is_skipped(
    appointment, other_owner, world, monkeypatch
):
    # Given a writer whose slot check wrongly says "free"
    monkeypatch.setattr(booking, "slot_is_free", lambda *a, **k: True)

    response = _book(bearer_client(other_owner), world, DogProfileFactory(owner=other_owner))

    # Then EX_Appointments_NoOverlap refuses the row and the API answers 409
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "slot_unavailable"
    assert Appointment.objects.count() == 1


# --- The live event on the channel layer --------------------------------------------------


def test_a_confirmation_reaches_both_sides_sockets_after_commit(
    appointment, owner, provider_user, django_capture_on_commit_callbacks
):
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from doggy.core.realtime import FORWARD_TYPE, user_group

    # Given a socket of the owner and one of the provider on the (in-memory) channel layer
    layer = get_channel_layer()
    sockets = {}
    for user in (owner, provider_user):
        sockets[user.pk] = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(user_group(user.pk), sockets[user.pk])

    # When the provider confirms and the transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        booking.appointment_confirm(actor=provider_user, appointment=appointment)

    # Then each socket receives the one event, with the new status
    for channel in sockets.values():
        message = async_to_sync(layer.receive)(channel)
        assert message["type"] == FORWARD_TYPE
        assert message["event"] == "appointment.updated"
        assert message["data"]["id"] == str(appointment.pk)
        assert message["data"]["status"] == "Confirmed"
