"""The provider's ICS feed (plan 027): secret links, RFC 5545 output parsed back, scoping."""

from __future__ import annotations

import datetime
import hashlib

import icalendar
import pytest
import recurring_ical_events

from audit.models import AuditLog
from doggy.core.errors import ConflictError, NotFoundError
from scheduling.calendar_selectors import calendar_feed_render
from scheduling.calendar_services import (
    MAX_LIVE_FEED_TOKENS,
    calendar_feed_token_create,
    calendar_feed_token_revoke,
    calendar_feed_token_rotate,
)
from scheduling.choices import AppointmentStatus
from scheduling.models import CalendarFeedToken
from tests.callers import bearer_client
from tests.scheduling.factories import AppointmentFactory, ServiceOfferingFactory

UTC = datetime.UTC
SOON = datetime.datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
NOW = datetime.datetime(2030, 3, 1, 12, 0, tzinfo=UTC)


def _parse(body: bytes) -> list:
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def offering(provider_profile):
    return ServiceOfferingFactory(provider=provider_profile, name="Morning walk")


def _appointment(offering, status, start=SOON, **kwargs):
    return AppointmentFactory(
        service_offering=offering,
        status=status,
        start_at=start,
        end_at=start + datetime.timedelta(hours=1),
        **({"cancelled_at": start} if status == AppointmentStatus.CANCELLED else {}),
        **kwargs,
    )


def test_a_feed_token_is_stored_only_as_its_hash(provider_user):
    # when
    row, token = calendar_feed_token_create(actor=provider_user)

    # then: the database holds the SHA-256, never the token
    row.refresh_from_db()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in row.token_hash
    assert len(token) >= 40
    assert AuditLog.objects.filter(entity_id=str(row.pk), action="Create").count() == 1


def test_the_feed_lists_confirmed_and_in_progress_appointments_and_cancels_cancelled_ones(
    provider_user, offering
):
    # given
    confirmed = _appointment(offering, AppointmentStatus.CONFIRMED)
    running = _appointment(
        offering, AppointmentStatus.IN_PROGRESS, SOON + datetime.timedelta(hours=3)
    )
    cancelled = _appointment(
        offering, AppointmentStatus.CANCELLED, SOON + datetime.timedelta(days=1)
    )
    _appointment(offering, AppointmentStatus.REQUESTED, SOON + datetime.timedelta(days=2))
    AppointmentFactory(status=AppointmentStatus.CONFIRMED)  # another provider's
    _, token = calendar_feed_token_create(actor=provider_user)

    # when
    events = {str(e["UID"]): e for e in _parse(calendar_feed_render(token=token, now=NOW))}

    # then
    assert set(events) == {confirmed.ical_uid, running.ical_uid, cancelled.ical_uid}
    assert str(events[confirmed.ical_uid]["STATUS"]) == "CONFIRMED"
    assert str(events[running.ical_uid]["STATUS"]) == "CONFIRMED"
    assert str(events[cancelled.ical_uid]["STATUS"]) == "CANCELLED"
    event = events[confirmed.ical_uid]
    assert event["DTSTART"].dt == confirmed.start_at
    assert event["DTEND"].dt == confirmed.end_at
    assert event["DTSTAMP"].dt == confirmed.updated_at.replace(microsecond=0)
    assert int(event["SEQUENCE"]) == 0
    assert str(event["SUMMARY"]) == f"Morning walk ({confirmed.reference})"


def test_uid_is_stable_and_sequence_grows_when_the_appointment_changes(provider_user, offering):
    # given
    appointment = _appointment(offering, AppointmentStatus.CONFIRMED)
    _, token = calendar_feed_token_create(actor=provider_user)
    (before,) = _parse(calendar_feed_render(token=token, now=NOW))

    # when: the booking is moved and its sequence raised (as every change does)
    appointment.start_at += datetime.timedelta(hours=2)
    appointment.end_at += datetime.timedelta(hours=2)
    appointment.ical_sequence += 1
    appointment.save()
    (after,) = _parse(calendar_feed_render(token=token, now=NOW))

    # then
    assert str(after["UID"]) == str(before["UID"]) == appointment.ical_uid
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after["DTSTART"].dt == SOON + datetime.timedelta(hours=2)


def test_a_rescheduled_booking_appears_once_under_its_kept_uid(provider_user, offering):
    # given: A12, the new row copies the UID with the next sequence; the old is Rescheduled
    old = _appointment(offering, AppointmentStatus.RESCHEDULED, cancelled_at=SOON, ical_sequence=0)
    new = _appointment(
        offering,
        AppointmentStatus.CONFIRMED,
        SOON + datetime.timedelta(days=1),
        ical_uid=old.ical_uid,
        ical_sequence=1,
    )
    _, token = calendar_feed_token_create(actor=provider_user)

    # when
    events = _parse(calendar_feed_render(token=token, now=NOW))

    # then
    assert [(str(e["UID"]), int(e["SEQUENCE"])) for e in events] == [(new.ical_uid, 1)]


def test_the_feed_parses_with_the_recurrence_tool(provider_user, offering):
    # given
    _appointment(offering, AppointmentStatus.CONFIRMED)
    _appointment(offering, AppointmentStatus.CONFIRMED, SOON + datetime.timedelta(days=7))
    _, token = calendar_feed_token_create(actor=provider_user)
    calendar = icalendar.Calendar.from_ical(calendar_feed_render(token=token, now=NOW))

    # when
    occurrences = recurring_ical_events.of(calendar).between(
        SOON, SOON + datetime.timedelta(days=8)
    )

    # then
    assert [o["DTSTART"].dt for o in occurrences] == [SOON, SOON + datetime.timedelta(days=7)]


def test_revoked_and_unknown_tokens_answer_404(provider_user, offering):
    # given
    row, token = calendar_feed_token_create(actor=provider_user)
    calendar_feed_token_revoke(actor=provider_user, token_id=row.pk)

    # then
    with pytest.raises(NotFoundError) as revoked:
        calendar_feed_render(token=token)
    with pytest.raises(NotFoundError) as unknown:
        calendar_feed_render(token="not-a-token")
    assert revoked.value.code == unknown.value.code == "feed_token_not_found"


def test_rotation_revokes_the_old_link_and_makes_a_new_one(provider_user, offering):
    # given
    row, token = calendar_feed_token_create(actor=provider_user)

    # when
    new_row, new_token = calendar_feed_token_rotate(actor=provider_user, token_id=row.pk)

    # then
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert new_row.revoked_at is None
    assert new_token != token
    calendar_feed_render(token=new_token)
    with pytest.raises(NotFoundError):
        calendar_feed_render(token=token)


def test_revoking_twice_is_a_conflict_and_another_users_token_is_not_found(
    provider_user, owner, offering
):
    # given
    row, _ = calendar_feed_token_create(actor=provider_user)
    calendar_feed_token_revoke(actor=provider_user, token_id=row.pk)

    # then
    with pytest.raises(ConflictError) as twice:
        calendar_feed_token_revoke(actor=provider_user, token_id=row.pk)
    assert twice.value.code == "feed_token_revoked"
    with pytest.raises(NotFoundError) as foreign:
        calendar_feed_token_revoke(actor=owner, token_id=row.pk)
    assert foreign.value.code == "feed_token_not_found"


def test_live_tokens_are_limited(provider_user):
    # given
    for _ in range(MAX_LIVE_FEED_TOKENS):
        calendar_feed_token_create(actor=provider_user)

    # then
    with pytest.raises(ConflictError) as exc:
        calendar_feed_token_create(actor=provider_user)
    assert exc.value.code == "feed_token_limit"
    assert CalendarFeedToken.objects.filter(user=provider_user).count() == MAX_LIVE_FEED_TOKENS


def test_a_user_without_a_provider_profile_gets_no_feed_token(owner):
    with pytest.raises(NotFoundError) as exc:
        calendar_feed_token_create(actor=owner)
    assert exc.value.code == "provider_profile_missing"


# --- HTTP --------------------------------------------------------------------------------


def test_the_feed_route_serves_text_calendar_without_sign_in(provider_user, offering):
    # given
    appointment = _appointment(offering, AppointmentStatus.CONFIRMED)
    created = bearer_client(provider_user).post("/api/v1/providers/me/calendar/feed-tokens/")
    assert created.status_code == 201
    token = created.json()["token"]
    assert created.json()["url"].endswith(f"/api/v1/calendar/feed/{token}.ics")

    # when
    response = bearer_client(None).get(f"/api/v1/calendar/feed/{token}.ics")

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (event,) = _parse(response.content)
    assert str(event["UID"]) == appointment.ical_uid


def test_the_feed_route_answers_404_in_the_error_shape_for_a_revoked_token(provider_user):
    # given
    client = bearer_client(provider_user)
    created = client.post("/api/v1/providers/me/calendar/feed-tokens/").json()
    assert (
        client.delete(f"/api/v1/providers/me/calendar/feed-tokens/{created['id']}/").status_code
        == 204
    )

    # when
    response = bearer_client(None).get(f"/api/v1/calendar/feed/{created['token']}.ics")

    # then
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "feed_token_not_found"


# The maintenance-mode and feature-flag settings (one read of them all, cached
# afterwards), the token with its provider, the appointments with their offering.
FEED_QUERIES = 3


@pytest.mark.parametrize("appointments", [5, 10])
def test_the_feed_costs_the_same_queries_at_n_and_2n_appointments(
    provider_user, offering, appointments, django_assert_num_queries
):
    # given
    _, token = calendar_feed_token_create(actor=provider_user)
    for day in range(appointments):
        _appointment(offering, AppointmentStatus.CONFIRMED, SOON + datetime.timedelta(days=day))
    client = bearer_client(None)

    # when
    with django_assert_num_queries(FEED_QUERIES):
        response = client.get(f"/api/v1/calendar/feed/{token}.ics")

    # then
    assert response.status_code == 200
    assert len(_parse(response.content)) == appointments


def test_feed_token_list_shows_no_token_or_hash(provider_user):
    # given
    client = bearer_client(provider_user)
    client.post("/api/v1/providers/me/calendar/feed-tokens/")

    # when
    body = client.get("/api/v1/providers/me/calendar/feed-tokens/").json()

    # then
    (row,) = body["results"]
    assert set(row) == {"id", "created_at", "revoked_at", "is_live"}
    assert row["is_live"] is True
