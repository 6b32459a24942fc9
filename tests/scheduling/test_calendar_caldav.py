"""CalDAV busy-time import (plan 027) against a real Radicale server on loopback.

The `radicale` fixture starts `python -m radicale` with a temporary storage folder and
plain htpasswd users on a free port, waits for its "Listening" log line, and stops it on
teardown (also when a test fails). Events are written with the `caldav` client, then the
sync service reads them back into `ExternalBusyBlocks`.
"""

from __future__ import annotations

import datetime
import socket
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass

import caldav
import icalendar
import pytest
from django.core.management import call_command

from audit.models import AuditLog
from doggy.core.errors import ConflictError
from scheduling.calendar_services import (
    caldav_connection_create,
    calendar_appointment_push,
    calendar_connection_sync,
)
from scheduling.choices import AppointmentStatus, CalendarConnectionStatus, CalendarSyncStatus
from scheduling.models import CalendarConnection, CalendarEventLink, ExternalBusyBlock
from tests.callers import bearer_client
from tests.scheduling.factories import AppointmentFactory, ServiceOfferingFactory

UTC = datetime.UTC
USERS = {"alice": "wonderland", "bob": "builder"}
# "now" of every sync: the events below lie inside its window.
NOW = datetime.datetime(2030, 1, 1, 8, 0, tzinfo=UTC)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)
READY_TIMEOUT_SECONDS = 20


@dataclass
class Radicale:
    url: str

    def calendar(self, user: str, password: str | None = None) -> caldav.Calendar:
        """A fresh calendar of `user` (one per test, so tests never share events)."""
        client = caldav.DAVClient(
            url=self.url, username=user, password=password or USERS[user], enable_rfc6764=False
        )
        return client.principal().make_calendar(name="Work", cal_id=uuid.uuid4().hex)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    folder = tmp_path_factory.mktemp("radicale")
    users = folder / "users"
    users.write_text("".join(f"{name}:{password}\n" for name, password in USERS.items()))
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603 - a fixed argument list of this interpreter
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--storage-filesystem-folder",
            str(folder / "collections"),
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(users),
            "--auth-htpasswd-encryption",
            "plain",
            "--rights-type",
            "owner_only",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--logging-level",
            "info",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready = threading.Event()
    log: list[str] = []

    def drain():
        # Reads the log until the server exits, so a full pipe never blocks it.
        for line in process.stderr:
            log.append(line)
            if "Listening on" in line:
                ready.set()
        ready.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        if not ready.wait(READY_TIMEOUT_SECONDS) or process.poll() is not None:
            pytest.fail("Radicale did not start:\n" + "".join(log[-20:]))
        yield Radicale(url=f"http://127.0.0.1:{port}/")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        process.stderr.close()


@pytest.fixture
def connect(provider_user, fernet_keys, django_capture_on_commit_callbacks):
    """Connect a Radicale calendar for the provider (the after-commit sync not run)."""

    def make(
        calendar: caldav.Calendar, *, user="alice", password=None, write_bookings=False
    ) -> CalendarConnection:
        with django_capture_on_commit_callbacks(execute=False):
            return caldav_connection_create(
                actor=provider_user,
                url=str(calendar.url),
                username=user,
                password=password or USERS[user],
                name="Work",
                write_bookings=write_bookings,
            )

    return make


def _event(calendar, uid, start, end=None, **extra):
    return calendar.save_event(
        dtstart=start, dtend=end or start + HOUR, summary="Busy", uid=uid, **extra
    )


def _blocks(connection) -> list[tuple[str, datetime.datetime, datetime.datetime]]:
    return list(
        ExternalBusyBlock.objects.filter(external_calendar__connection=connection)
        .order_by("start_at", "external_event_id")
        .values_list("external_event_id", "start_at", "end_at")
    )


def test_sync_imports_single_and_recurring_events_as_busy_blocks(radicale, connect):
    # given: one event, and a daily event with three occurrences
    calendar = radicale.calendar("alice")
    day = NOW + DAY
    _event(calendar, "single", day.replace(hour=9))
    _event(calendar, "daily", day.replace(hour=14), rrule={"FREQ": "DAILY", "COUNT": 3})
    connection = connect(calendar)

    # when
    counts = calendar_connection_sync(connection.pk, now=NOW)

    # then
    assert counts == {"created": 4, "updated": 0, "deleted": 0, "unchanged": 0}
    assert _blocks(connection) == [
        ("single", day.replace(hour=9), day.replace(hour=10)),
        ("daily#20300102T140000Z", day.replace(hour=14), day.replace(hour=15)),
        ("daily#20300103T140000Z", day.replace(hour=14) + DAY, day.replace(hour=15) + DAY),
        ("daily#20300104T140000Z", day.replace(hour=14) + 2 * DAY, day.replace(hour=15) + 2 * DAY),
    ]
    connection.refresh_from_db()
    assert connection.last_synced_at == NOW
    assert connection.sync_error == ""


def test_a_second_sync_of_the_same_events_writes_no_new_rows(radicale, connect):
    # given
    calendar = radicale.calendar("alice")
    _event(calendar, "single", NOW + DAY)
    _event(calendar, "weekly", NOW + 2 * DAY, rrule={"FREQ": "WEEKLY", "COUNT": 2})
    connection = connect(calendar)
    calendar_connection_sync(connection.pk, now=NOW)
    ids = set(ExternalBusyBlock.objects.values_list("pk", flat=True))

    # when
    counts = calendar_connection_sync(connection.pk, now=NOW + HOUR)

    # then: the same rows, their cache lease renewed
    assert counts == {"created": 0, "updated": 0, "deleted": 0, "unchanged": 3}
    assert set(ExternalBusyBlock.objects.values_list("pk", flat=True)) == ids
    assert set(ExternalBusyBlock.objects.values_list("fetched_at", flat=True)) == {NOW + HOUR}


def test_a_moved_event_moves_its_block_and_a_deleted_one_loses_it(radicale, connect):
    # given
    calendar = radicale.calendar("alice")
    moved = _event(calendar, "moved", NOW + DAY)
    deleted = _event(calendar, "deleted", NOW + 2 * DAY)
    _event(calendar, "kept", NOW + 3 * DAY)
    connection = connect(calendar)
    calendar_connection_sync(connection.pk, now=NOW)

    # when: one event moves by two hours, one is deleted on the server
    moved.icalendar_component["DTSTART"].dt = NOW + DAY + 2 * HOUR
    moved.icalendar_component["DTEND"].dt = NOW + DAY + 3 * HOUR
    moved.save()
    deleted.delete()
    counts = calendar_connection_sync(connection.pk, now=NOW)

    # then
    assert counts == {"created": 0, "updated": 1, "deleted": 1, "unchanged": 1}
    assert _blocks(connection) == [
        ("moved", NOW + DAY + 2 * HOUR, NOW + DAY + 3 * HOUR),
        ("kept", NOW + 3 * DAY, NOW + 3 * DAY + HOUR),
    ]


def test_an_excluded_occurrence_disappears_and_free_events_block_nothing(radicale, connect):
    # given
    calendar = radicale.calendar("alice")
    series = _event(calendar, "series", NOW + DAY, rrule={"FREQ": "DAILY", "COUNT": 3})
    _event(calendar, "free", NOW + DAY + 4 * HOUR, transp="TRANSPARENT")
    connection = connect(calendar)
    calendar_connection_sync(connection.pk, now=NOW)
    assert len(_blocks(connection)) == 3

    # when: the middle occurrence is cancelled with an EXDATE
    series.icalendar_component.add("exdate", NOW + 2 * DAY)
    series.save()
    counts = calendar_connection_sync(connection.pk, now=NOW)

    # then
    assert counts["deleted"] == 1
    assert [key for key, _, _ in _blocks(connection)] == [
        "series#20300102T080000Z",
        "series#20300104T080000Z",
    ]


def test_events_outside_the_window_are_not_imported(radicale, connect):
    # given: one event last month, one next week
    calendar = radicale.calendar("alice")
    _event(calendar, "past", NOW - 30 * DAY)
    _event(calendar, "soon", NOW + 7 * DAY)
    connection = connect(calendar)

    # when
    calendar_connection_sync(connection.pk, now=NOW)

    # then
    assert [key for key, _, _ in _blocks(connection)] == ["soon"]


def test_a_wrong_password_marks_the_connection_invalid_and_keeps_the_blocks(radicale, connect):
    # given: a synced connection whose password is then changed on our side
    calendar = radicale.calendar("alice")
    _event(calendar, "single", NOW + DAY)
    good = connect(calendar)
    calendar_connection_sync(good.pk, now=NOW)
    bad = connect(radicale.calendar("bob"), user="bob", password="not-the-password")

    # when
    counts = calendar_connection_sync(bad.pk, now=NOW)

    # then
    assert counts == {"created": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    bad.refresh_from_db()
    assert bad.status == CalendarConnectionStatus.INVALID
    assert bad.sync_error == "The calendar server refused the user name or password."
    assert bad.last_synced_at is None
    assert "not-the-password" not in bad.sync_error
    assert len(_blocks(good)) == 1


def test_an_unreachable_server_is_recorded_and_the_connection_stays_active(connect, radicale):
    # given: a calendar URL on a port where nothing listens
    calendar = radicale.calendar("alice")
    connection = connect(calendar)
    connection.calendars.update(
        external_calendar_id=f"http://127.0.0.1:{_free_port()}/alice/nothing/"
    )

    # when
    calendar_connection_sync(connection.pk, now=NOW)

    # then
    connection.refresh_from_db()
    assert connection.status == CalendarConnectionStatus.ACTIVE
    assert connection.sync_error.startswith("The calendar could not be read (")


def test_the_password_is_stored_encrypted(radicale, connect):
    # when
    connection = connect(radicale.calendar("alice"))

    # then
    connection.refresh_from_db()
    assert USERS["alice"] not in connection.access_token_encrypted
    assert connection.access_token_encrypted.startswith("gAAAA")  # a Fernet token
    (row,) = AuditLog.objects.filter(entity_id=str(connection.pk))
    assert USERS["alice"] not in str(row.new_values)


def test_connecting_the_same_account_twice_is_a_conflict(radicale, connect):
    # given
    connect(radicale.calendar("alice"))

    # then
    with pytest.raises(ConflictError) as exc:
        connect(radicale.calendar("alice"))
    assert exc.value.code == "calendar_connection_exists"


def test_sync_now_runs_after_commit_through_the_api(
    radicale, connect, provider_user, django_capture_on_commit_callbacks
):
    # given
    calendar = radicale.calendar("alice")
    _event(calendar, "soon", datetime.datetime.now(UTC) + DAY)
    connection = connect(calendar)
    client = bearer_client(provider_user)

    # when
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/api/v1/providers/me/calendar/connections/{connection.pk}/sync/")

    # then
    assert response.status_code == 202
    assert len(callbacks) == 1
    assert [key for key, _, _ in _blocks(connection)] == ["soon"]
    connection.refresh_from_db()
    assert connection.last_synced_at is not None


def test_connecting_through_the_api_syncs_after_commit(
    radicale, provider_user, fernet_keys, django_capture_on_commit_callbacks
):
    # given
    calendar = radicale.calendar("alice")
    _event(calendar, "soon", datetime.datetime.now(UTC) + DAY)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = bearer_client(provider_user).post(
            "/api/v1/providers/me/calendar/connections/",
            {"url": str(calendar.url), "username": "alice", "password": USERS["alice"]},
            format="json",
        )

    # then
    assert response.status_code == 201
    body = response.json()
    assert "password" not in body
    assert body["calendars"][0]["url"] == str(calendar.url)
    connection = CalendarConnection.objects.get(pk=body["id"])
    assert [key for key, _, _ in _blocks(connection)] == ["soon"]


def test_the_sweep_command_syncs_due_connections(radicale, connect):
    # given
    calendar = radicale.calendar("alice")
    _event(calendar, "soon", datetime.datetime.now(UTC) + DAY)
    connection = connect(calendar)

    # when
    call_command("sync_calendars", "--min-age-minutes", "0")

    # then
    assert [key for key, _, _ in _blocks(connection)] == ["soon"]


# --- Bookings pushed to the destination calendar -----------------------------------------


@pytest.fixture
def booking(provider_profile):
    offering = ServiceOfferingFactory(provider=provider_profile, name="Morning walk")
    start = datetime.datetime.now(UTC).replace(microsecond=0) + 2 * DAY
    return AppointmentFactory(
        service_offering=offering,
        status=AppointmentStatus.CONFIRMED,
        start_at=start,
        end_at=start + HOUR,
    )


def _server_events(calendar) -> dict[str, icalendar.Event]:
    found = {}
    for obj in calendar.events():
        for event in icalendar.Calendar.from_ical(obj.data).walk("VEVENT"):
            found[str(event["UID"])] = event
    return found


def test_a_confirmed_booking_is_written_once_and_follows_its_changes(radicale, connect, booking):
    # given
    calendar = radicale.calendar("alice")
    connect(calendar, write_bookings=True)

    # when
    first = calendar_appointment_push(booking.pk)
    again = calendar_appointment_push(booking.pk)

    # then
    assert (first, again) == ("pushed", "unchanged")
    event = _server_events(calendar)[booking.ical_uid]
    assert event["DTSTART"].dt == booking.start_at
    assert str(event["SUMMARY"]) == f"Morning walk ({booking.reference})"
    assert int(event["SEQUENCE"]) == 0
    link = CalendarEventLink.objects.get(appointment=booking)
    assert (link.sync_status, link.last_synced_sequence) == (CalendarSyncStatus.SYNCED, 0)

    # when: the booking moves an hour later (every change raises the sequence)
    booking.start_at += HOUR
    booking.end_at += HOUR
    booking.ical_sequence += 1
    booking.save()
    assert calendar_appointment_push(booking.pk) == "pushed"

    # then: the same event, replaced
    events = _server_events(calendar)
    assert list(events) == [booking.ical_uid]
    assert events[booking.ical_uid]["DTSTART"].dt == booking.start_at
    assert int(events[booking.ical_uid]["SEQUENCE"]) == 1


def test_cancelling_removes_the_event(radicale, connect, booking):
    # given
    calendar = radicale.calendar("alice")
    connect(calendar, write_bookings=True)
    calendar_appointment_push(booking.pk)

    # when
    booking.status = AppointmentStatus.CANCELLED
    booking.cancelled_at = booking.start_at - DAY
    booking.ical_sequence += 1
    booking.save()
    outcome = calendar_appointment_push(booking.pk)

    # then
    assert outcome == "deleted"
    assert _server_events(calendar) == {}
    link = CalendarEventLink.objects.get(appointment=booking)
    assert link.sync_status == CalendarSyncStatus.DELETED
    assert calendar_appointment_push(booking.pk) == "unchanged"


def test_pushed_bookings_are_not_imported_back_as_busy_time(radicale, connect, booking):
    # given: the destination calendar also holds a private event
    calendar = radicale.calendar("alice")
    _event(calendar, "dentist", datetime.datetime.now(UTC).replace(microsecond=0) + DAY)
    connection = connect(calendar, write_bookings=True)
    calendar_appointment_push(booking.pk)

    # when
    calendar_connection_sync(connection.pk)

    # then
    assert [key for key, _, _ in _blocks(connection)] == ["dentist"]


def test_a_calendar_only_read_gets_no_bookings(radicale, connect, booking):
    # given
    calendar = radicale.calendar("alice")
    connect(calendar)

    # then
    assert calendar_appointment_push(booking.pk) == "unchanged"
    assert _server_events(calendar) == {}
    assert not CalendarEventLink.objects.exists()


def test_the_sweep_pushes_bookings_not_yet_written(radicale, connect, booking):
    # given
    calendar = radicale.calendar("alice")
    connect(calendar, write_bookings=True)

    # when
    call_command("sync_calendars", "--min-age-minutes", "0")

    # then
    assert list(_server_events(calendar)) == [booking.ical_uid]
