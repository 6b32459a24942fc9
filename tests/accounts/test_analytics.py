"""Analytics events (plan 034): the one recording function, the services that call it,
the daily activity rollup and the retention purge."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from accounts.services import analytics
from accounts.services.analytics import analytics_event_record
from accounts.services.users import user_create
from ai.services import recommendation_request
from audit.analytics_registry import CLIENT_EVENTS, EVENTS, SERVER_EVENTS
from audit.models import AnalyticsEvent, UserDailyActivity
from doggy.choices import JobRunStatus
from doggy.core.request_context import reset_current_request, set_current_request
from doggy.models import BackgroundJobRun
from messaging.services.conversations import conversation_get_or_create_direct, message_send
from pets.services import dog_create
from scheduling import booking
from tests.accounts.factories import UserSettingsFactory
from tests.pets.factories import DogProfileFactory
from tests.scheduling.booking_world import MONDAY, bookable_world

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


class Rollback(Exception):
    """Raised inside a test's transaction to roll it back."""


def _opt_out(user: User) -> User:
    UserSettingsFactory(user=user, analytics_opt_in=False)
    return User.objects.get(pk=user.pk)  # nothing cached: the service reads the setting


def _events(name: str | None = None) -> list[AnalyticsEvent]:
    queryset = AnalyticsEvent.objects.order_by("id")
    return list(queryset.filter(event_name=name) if name else queryset)


def _inserts(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "AnalyticsEvents"')]


# --- The recording function ---------------------------------------------------------------


def test_the_registry_splits_server_and_client_events_and_holds_the_schema_names():
    assert set(EVENTS) == SERVER_EVENTS | CLIENT_EVENTS
    assert not SERVER_EVENTS & CLIENT_EVENTS
    # SCHEMA.md 2.34's names are all registered
    assert {
        "screen_view",
        "search_performed",
        "provider_viewed",
        "booking_started",
        "booking_completed",
        "ai_recommendation_viewed",
    } <= set(EVENTS)


def test_an_event_is_one_row_with_ids_as_strings(owner):
    dog = DogProfileFactory(owner=owner)

    event = analytics_event_record(user=owner, name="dog_created", properties={"dog_id": dog.pk})

    stored = AnalyticsEvent.objects.get()
    assert stored.pk == event.pk
    assert (stored.user_id, stored.event_name, stored.properties) == (
        owner.pk,
        "dog_created",
        {"dog_id": str(dog.pk)},
    )
    assert (stored.platform, stored.app_version, stored.country_code) == ("Web", "", "")
    assert stored.anonymous_id == ""
    assert stored.occurred_at == stored.received_at


def test_an_opted_out_user_gets_no_row(owner):
    owner = _opt_out(owner)

    event = analytics_event_record(user=owner, name="dog_created", properties={"dog_id": "1"})

    assert event is None
    assert _events() == []


def test_opt_in_passed_by_the_caller_wins_without_a_read(owner):
    with CaptureQueriesContext(connection) as queries:
        analytics_event_record(user=owner, name="dog_created", properties={}, opt_in=False)
    assert len(queries) == 0
    assert _events() == []


def test_cost_is_one_insert_with_settings_known_else_one_read_more(owner):
    # given: a user object without loaded settings
    fresh = User.objects.get(pk=owner.pk)
    with CaptureQueriesContext(connection) as queries:
        analytics_event_record(user=fresh, name="dog_created", properties={"dog_id": "1"})
    # then: the opt-in read (by primary key) and the INSERT
    assert len(queries) == 2
    assert '"UserSettings"' in queries[0]["sql"]
    assert len(_inserts(queries)) == 1

    # given: the settings loaded on the user (as sign-up has them)
    settings = UserSettingsFactory(user=fresh)
    assert fresh.settings is settings
    with CaptureQueriesContext(connection) as queries:
        analytics_event_record(user=fresh, name="dog_created", properties={"dog_id": "2"})
    assert len(queries) == 1
    assert len(_inserts(queries)) == 1


@pytest.mark.parametrize(
    "properties",
    [
        {"dog_id": "1", "owner_email": "a@example.com"},  # a key the event does not list
        {"dog_id": "a@example.com"},  # an id that is not an id
        {"dog_id": "Rex the dog"},  # free text
        {"dog_id": {"nested": "x"}},
    ],
)
def test_pii_or_unlisted_properties_are_refused_on_the_server(owner, properties):
    with pytest.raises(ValueError, match="dog_created: properties"):
        analytics_event_record(user=owner, name="dog_created", properties=properties)
    assert _events() == []


def test_an_unregistered_or_client_event_is_refused_on_the_server(owner):
    with pytest.raises(ValueError, match="not a registered server analytics event"):
        analytics_event_record(user=owner, name="dog_adopted", properties={})
    with pytest.raises(ValueError, match="not a registered server analytics event"):
        analytics_event_record(user=owner, name="screen_view", properties={})


def test_a_platform_outside_the_list_is_refused(owner):
    with pytest.raises(ValueError, match="'Desktop' is not a client platform"):
        analytics_event_record(user=owner, name="dog_created", platform="Desktop")
    assert analytics_event_record(user=owner, name="dog_created", platform="iOS").platform == "iOS"


def test_occurred_at_in_the_future_is_clamped_and_too_old_is_refused(owner):
    now = timezone.now()
    event = analytics_event_record(
        user=owner, name="dog_created", occurred_at=now + datetime.timedelta(hours=3)
    )
    assert event.occurred_at == event.received_at
    assert event.occurred_at < now + datetime.timedelta(minutes=1)

    week_ago = now - datetime.timedelta(days=6)
    assert analytics_event_record(
        user=owner, name="dog_created", occurred_at=week_ago
    ).occurred_at == (week_ago)
    with pytest.raises(ValueError, match="older than 7 days"):
        analytics_event_record(
            user=owner, name="dog_created", occurred_at=now - datetime.timedelta(days=8)
        )


def test_platform_version_country_and_session_come_from_the_request(rf, owner, settings):
    # given: an iOS request through a proxy that names the country
    settings.DOGGY_ANALYTICS_COUNTRY_HEADER = "HTTP_CF_IPCOUNTRY"
    from accounts.services.sessions import user_session_create

    session = user_session_create(user=owner).session
    request = rf.post(
        "/",
        HTTP_X_CLIENT_PLATFORM="ios",
        HTTP_X_APP_VERSION="2.4.1",
        HTTP_CF_IPCOUNTRY="de",
        REMOTE_ADDR="203.0.113.9",
    )
    request.user, request.auth = owner, session
    token = set_current_request(request)
    try:
        event = analytics_event_record(user=owner, name="dog_created", properties={})
    finally:
        reset_current_request(token)

    stored = AnalyticsEvent.objects.get(pk=event.pk)
    assert (stored.platform, stored.app_version, stored.country_code) == ("iOS", "2.4.1", "DE")
    assert stored.session_id == session.pk
    # no IP anywhere in the row
    assert "203.0.113.9" not in str(AnalyticsEvent.objects.values().get())


def test_unknown_country_and_odd_headers_store_nothing(rf, owner, settings):
    settings.DOGGY_ANALYTICS_COUNTRY_HEADER = "HTTP_CF_IPCOUNTRY"
    request = rf.post(
        "/", HTTP_X_CLIENT_PLATFORM="toaster", HTTP_X_APP_VERSION="v 1 <b>", HTTP_CF_IPCOUNTRY="XX"
    )
    request.user = owner
    token = set_current_request(request)
    try:
        event = analytics_event_record(user=owner, name="dog_created")
    finally:
        reset_current_request(token)
    assert (event.platform, event.app_version, event.country_code) == ("Web", "", "")


# --- The services that record ---------------------------------------------------------------


@pytest.fixture
def world(listed_provider):
    return bookable_world(listed_provider)


def _sign_up(request):
    return user_create(email="new@example.com", password="A-long-enough-pass-42")


def _dog(request):
    owner = request.getfixturevalue("owner")
    return dog_create(actor=owner, name="Rex")


def _book(request):
    owner, world = request.getfixturevalue("owner"), request.getfixturevalue("world")
    dog = DogProfileFactory(owner=owner)
    return booking.appointment_book(
        actor=owner, offering=world.offering, start_at=world.at(MONDAY, 10), dogs=[dog.pk]
    ).appointment


def _complete(request):
    appointment = _book(request)
    provider = request.getfixturevalue("provider_user")
    booking.appointment_confirm(actor=provider, appointment=appointment)
    booking.appointment_start(actor=provider, appointment=appointment)
    return booking.appointment_complete(actor=provider, appointment=appointment)


def _message(request):
    owner, other = request.getfixturevalue("owner"), request.getfixturevalue("provider_user")
    conversation, _ = conversation_get_or_create_direct(actor=owner, other_user_id=other.pk)
    return message_send(actor=owner, conversation=conversation, content="Hello")[0]


def _ai(request):
    owner = request.getfixturevalue("owner")
    dog = DogProfileFactory(owner=owner)
    return recommendation_request(actor=owner, dog_id=dog.pk)


SERVICES = {
    "user_signed_up": (_sign_up, lambda r, obj: {"role": "petowner"}),
    "dog_created": (_dog, lambda r, dog: {"dog_id": str(dog.pk)}),
    "booking_created": (
        _book,
        lambda r, a: {
            "appointment_id": str(a.pk),
            "provider_id": str(a.provider_id),
            "offering_id": str(a.service_offering_id),
            "dog_count": 1,
        },
    ),
    "booking_completed": (
        _complete,
        lambda r, a: {"appointment_id": str(a.pk), "provider_id": str(a.provider_id)},
    ),
    "message_sent": (
        _message,
        lambda r, m: {
            "conversation_id": str(m.conversation_id),
            "message_type": "text",
            "has_attachment": False,
        },
    ),
    "ai_recommendation_requested": (
        _ai,
        lambda r, job: {"dog_id": job.metadata["dog_id"], "job_id": str(job.request_id)},
    ),
}


def _actor(request, name, obj):
    if name == "user_signed_up":
        return obj
    if name == "booking_completed":
        return request.getfixturevalue("provider_user")
    return request.getfixturevalue("owner")


def test_every_server_event_has_its_service():
    assert set(SERVICES) == SERVER_EVENTS


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_each_service_writes_its_event(request, name, django_capture_on_commit_callbacks):
    action, expected = SERVICES[name]

    with django_capture_on_commit_callbacks():
        obj = action(request)

    events = _events(name)
    assert len(events) == 1
    assert events[0].user_id == _actor(request, name, obj).pk
    assert events[0].properties == expected(request, obj)


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_no_event_when_the_callers_transaction_rolls_back(request, name):
    action, _ = SERVICES[name]

    inside = []

    def rolled_back():
        with transaction.atomic():
            action(request)
            inside.append(len(_events(name)))
            raise Rollback

    with pytest.raises(Rollback):
        rolled_back()

    assert inside == [1]  # written inside the transaction
    assert _events(name) == []


@pytest.mark.parametrize("name", sorted(set(SERVICES) - {"user_signed_up"}))
def test_each_service_writes_nothing_for_an_opted_out_actor(request, name):
    for fixture in ("owner", "provider_user"):
        _opt_out(request.getfixturevalue(fixture))
    action, _ = SERVICES[name]

    action(request)

    assert _events() == []


def test_an_account_made_by_staff_is_no_sign_up(rbac_admin):
    user_create(email="staff-made@example.com", password=None, actor=rbac_admin)
    assert _events() == []


def test_a_retried_booking_or_message_records_nothing_more(world, owner, provider_user):
    dog = DogProfileFactory(owner=owner)
    for _ in range(2):
        booking.appointment_book(
            actor=owner,
            offering=world.offering,
            start_at=world.at(MONDAY, 10),
            dogs=[dog.pk],
            idempotency_key="k-1",
        )
    conversation, _ = conversation_get_or_create_direct(actor=owner, other_user_id=provider_user.pk)
    for _ in range(2):
        message_send(actor=owner, conversation=conversation, content="hi", client_message_id="c-1")

    assert [e.event_name for e in _events()] == ["booking_created", "message_sent"]


# --- Daily activity -------------------------------------------------------------------------

DAY = datetime.date(2026, 11, 2)


def _at(hour: int, minute: int = 0, second: int = 0, day: datetime.date = DAY):
    return datetime.datetime.combine(day, datetime.time(hour, minute, second), tzinfo=UTC)


def _event(user, when, platform="Web", name="screen_view"):
    return AnalyticsEvent.objects.create(
        user=user, event_name=name, platform=platform, occurred_at=when, properties={}
    )


def _activity() -> list[tuple]:
    return list(
        UserDailyActivity.objects.order_by("user_id", "platform").values_list(
            "id",
            "user_id",
            "activity_date",
            "platform",
            "request_count",
            "active_seconds",
            "first_seen_at",
            "last_seen_at",
        )
    )


def test_the_rollup_counts_events_spans_and_first_and_last(owner, other_owner):
    # owner on the web: 09:00, 09:10, 09:25 (one visit: 25 min) and 14:00, 14:05 (5 min)
    for when in (_at(9), _at(9, 10), _at(9, 25), _at(14), _at(14, 5)):
        _event(owner, when)
    # owner on iOS once; other_owner once; an anonymous event; events of other days
    _event(owner, _at(20), platform="iOS")
    _event(other_owner, _at(23, 59, 59))
    AnalyticsEvent.objects.create(
        anonymous_id="dev-1", event_name="app_opened", platform="Web", occurred_at=_at(10)
    )
    _event(owner, _at(23, 59, 59, day=DAY - datetime.timedelta(days=1)))
    _event(owner, _at(0, day=DAY + datetime.timedelta(days=1)))

    result = analytics.user_activity_rollup(day=DAY)

    assert (result.users, result.rows, result.deleted) == (2, 3, 0)
    rows = {(r[1], r[3]): r[2:] for r in _activity()}
    assert rows == {
        (owner.pk, "Web"): (DAY, "Web", 5, 30 * 60, _at(9), _at(14, 5)),
        (owner.pk, "iOS"): (DAY, "iOS", 1, 0, _at(20), _at(20)),
        (other_owner.pk, "Web"): (DAY, "Web", 1, 0, _at(23, 59, 59), _at(23, 59, 59)),
    }


def test_the_rollup_is_idempotent_and_follows_changed_events(owner, other_owner):
    _event(owner, _at(9))
    _event(owner, _at(9, 1), platform="Android")
    other = _event(other_owner, _at(12))
    analytics.user_activity_rollup(day=DAY, batch_size=1)
    first = _activity()

    # a rerun gives identical rows (ids included)
    analytics.user_activity_rollup(day=DAY, batch_size=1)
    assert _activity() == first

    # a late event updates in place; a user and a platform without events lose their rows
    _event(owner, _at(9, 20))
    AnalyticsEvent.objects.filter(platform="Android").delete()
    other.delete()
    result = analytics.user_activity_rollup(day=DAY, batch_size=1)
    (row,) = _activity()
    web_id = next(r[0] for r in first if (r[1], r[3]) == (owner.pk, "Web"))
    assert row[0] == web_id
    assert row[1:] == (owner.pk, DAY, "Web", 2, 20 * 60, _at(9), _at(9, 20))
    assert result.deleted == 2

    # a day without events has no rows
    AnalyticsEvent.objects.all().delete()
    analytics.user_activity_rollup(day=DAY)
    assert _activity() == []


def test_the_rollup_command_prints_progress_and_records_its_run(owner, other_owner, capsys):
    _event(owner, _at(9))
    _event(other_owner, _at(10))

    call_command("rollup_user_activity", "--date", DAY.isoformat(), "--batch-size", "1")

    out = capsys.readouterr().out
    assert "1/2 users" in out
    assert "2/2 users" in out
    assert f"{DAY}: 2 user(s), 2 row(s) written, 0 stale row(s) deleted." in out
    run = BackgroundJobRun.objects.get(job_name="rollup_user_activity")
    assert (run.status, run.items_processed) == (JobRunStatus.SUCCEEDED, 2)
    assert len(_activity()) == 2


def test_the_scheduled_rollup_does_yesterday_and_today(owner):
    today = timezone.now().date()
    yesterday = today - datetime.timedelta(days=1)
    _event(owner, _at(12, day=yesterday))
    _event(owner, _at(0, day=today))
    _event(owner, _at(12, day=yesterday - datetime.timedelta(days=1)))  # not redone

    rows = analytics.user_activity_rollup_task()

    days = sorted(UserDailyActivity.objects.values_list("activity_date", flat=True))
    assert (rows, days) == (2, [yesterday, today])
    run = BackgroundJobRun.objects.get(job_name="rollup_user_activity")
    assert (run.status, run.items_processed) == (JobRunStatus.SUCCEEDED, 2)


def test_the_rollup_query_count_does_not_grow_with_users(django_assert_max_num_queries, rbac):
    from tests.callers import make_user

    users = [make_user(rbac, "PetOwner") for _ in range(6)]
    for user in users:
        _event(user, _at(9))
        _event(user, _at(9, 5))
    # distinct users, then per batch: events, existing rows, upsert (+ savepoint pair)
    with django_assert_max_num_queries(8):
        analytics.user_activity_rollup(day=DAY, batch_size=10)
    assert len(_activity()) == 6


# --- Retention ------------------------------------------------------------------------------


def test_the_purge_deletes_only_events_past_13_months_in_batches(owner, capsys):
    now = timezone.now()
    old = [_event(owner, now - datetime.timedelta(days=400 + i)) for i in range(5)]
    keep = _event(owner, now - datetime.timedelta(days=380))

    call_command("purge_analytics_events", "--batch-size", "2")

    assert [e.pk for e in _events()] == [keep.pk]
    out = capsys.readouterr().out
    assert "  2 deleted\n  4 deleted\n  5 deleted\n" in out
    assert "5 analytics event(s) older than" in out
    run = BackgroundJobRun.objects.get(job_name="purge_analytics_events")
    assert (run.status, run.items_processed) == (JobRunStatus.SUCCEEDED, 5)
    assert len(old) == 5


def test_the_retention_boundary_is_13_calendar_months():
    now = datetime.datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert analytics.analytics_retention_cutoff(now) == datetime.datetime(
        2025, 11, 7, 12, 0, tzinfo=UTC
    )


def test_the_beat_schedule_runs_rollup_and_purge():
    from doggy.celery import app

    tasks = {entry["args"][0] for entry in app.conf.beat_schedule.values()}
    assert "accounts.services.analytics.user_activity_rollup_task" in tasks
    assert "accounts.services.analytics.analytics_events_purge_task" in tasks
