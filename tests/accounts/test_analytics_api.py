"""`POST /api/v1/analytics/events/` (plan 034): batches of the apps' events, checked one
by one against the registry; the permission matrix of the route."""

from __future__ import annotations

import datetime

import pytest
from django.core import signals
from django.db import close_old_connections
from django.utils import timezone

from accounts.models import User
from accounts.services.analytics import MAX_BATCH
from audit.models import AnalyticsEvent
from tests.accounts.factories import UserSettingsFactory
from tests.api.test_schema import _conformance, _schema
from tests.callers import bearer_client
from tests.matrix import PermissionMatrix, Route

pytestmark = pytest.mark.django_db

URL = "/api/v1/analytics/events/"


def _now(**delta) -> str:
    return (timezone.now() + datetime.timedelta(**delta)).isoformat()


def _screen(screen: str = "dog_list", **extra) -> dict:
    return {"name": "screen_view", "occurred_at": _now(), "properties": {"screen": screen}, **extra}


def _post(user, body, **headers):
    return bearer_client(user).post(URL, body, format="json", **headers)


def test_a_signed_in_batch_is_stored_with_its_session_platform_and_version(owner):
    client = bearer_client(owner)
    body = {
        "events": [
            _screen(),
            {"name": "app_opened", "occurred_at": _now(seconds=-5)},
            {
                "name": "search_performed",
                "occurred_at": _now(),
                "properties": {"category": "grooming", "result_count": 12, "has_location": True},
            },
        ]
    }

    response = client.post(
        URL, body, format="json", HTTP_X_CLIENT_PLATFORM="Android", HTTP_X_APP_VERSION="3.1.0"
    )

    assert response.status_code == 202
    assert response.json() == {
        "accepted": 3,
        "rejected": 0,
        "properties_dropped": 0,
        "rejections": [],
    }
    rows = list(AnalyticsEvent.objects.order_by("id"))
    assert [r.event_name for r in rows] == ["screen_view", "app_opened", "search_performed"]
    assert {(r.user_id, r.platform, r.app_version, r.anonymous_id) for r in rows} == {
        (owner.pk, "Android", "3.1.0", "")
    }
    assert {r.session_id for r in rows} == {client.issued.session.pk}
    assert rows[2].properties == {"category": "grooming", "result_count": 12, "has_location": True}


def test_an_anonymous_batch_needs_and_keeps_the_device_id(anonymous):
    response = _post(None, {"anonymous_id": "device-7f3a", "events": [_screen()]})

    assert response.status_code == 202
    event = AnalyticsEvent.objects.get()
    assert (event.user_id, event.anonymous_id, event.session_id) == (None, "device-7f3a", None)


def test_an_anonymous_batch_without_a_device_id_is_a_400(anonymous):
    response = _post(None, {"events": [_screen()]})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert list(response.json()["error"]["fields"]) == ["anonymous_id"]
    assert AnalyticsEvent.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "events"),
        ({"events": []}, "events"),
        ({"events": {"name": "screen_view"}}, "events"),
        ({"events": [_screen()] * (MAX_BATCH + 1)}, "events"),
        ({"events": [_screen()], "anonymous_id": "has spaces"}, "anonymous_id"),
    ],
    ids=["missing", "empty", "not-a-list", "over-the-limit", "bad-device-id"],
)
def test_a_malformed_batch_is_a_400_in_the_one_error_shape(owner, body, field):
    response = _post(owner, body)

    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], list(error["fields"])) == ("invalid", [field])
    assert AnalyticsEvent.objects.count() == 0


def test_the_largest_batch_is_taken(owner):
    response = _post(owner, {"events": [_screen()] * MAX_BATCH})

    assert response.status_code == 202
    assert response.json()["accepted"] == MAX_BATCH
    assert AnalyticsEvent.objects.count() == MAX_BATCH


def test_each_bad_event_is_rejected_by_index_and_the_rest_are_kept(owner):
    body = {
        "events": [
            _screen("home"),
            "not an object",
            {"name": "dog_adopted", "occurred_at": _now()},  # unregistered
            {"name": "user_signed_up", "occurred_at": _now()},  # a server event
            {"name": "screen_view", "occurred_at": "yesterday"},
            {"name": "screen_view", "occurred_at": "2026-12-01T10:00:00"},  # naive
            {"name": "screen_view", "occurred_at": _now(days=-8)},
            {"name": "screen_view", "occurred_at": _now(), "properties": ["screen"]},
            _screen("settings"),
        ]
    }

    response = _post(owner, body)

    assert response.status_code == 202
    body = response.json()
    assert (body["accepted"], body["rejected"]) == (2, 7)
    assert [(r["index"], r["code"]) for r in body["rejections"]] == [
        (1, "invalid"),
        (2, "unknown_event"),
        (3, "unknown_event"),
        (4, "invalid_occurred_at"),
        (5, "invalid_occurred_at"),
        (6, "too_old"),
        (7, "invalid_properties"),
    ]
    screens = [e.properties["screen"] for e in AnalyticsEvent.objects.order_by("id")]
    assert screens == ["home", "settings"]


def test_pii_and_unlisted_properties_are_stripped(owner):
    event = {
        "name": "provider_viewed",
        "occurred_at": _now(),
        "properties": {
            "provider_id": "3f1c2a9e-0000-4000-8000-000000000001",
            "source": "search",
            "email": "someone@example.com",  # not a property of the event
            "position": "first place",  # wrong kind
            "ip": "203.0.113.5",
        },
    }

    response = _post(owner, {"events": [event]})

    assert response.status_code == 202
    assert (response.json()["accepted"], response.json()["properties_dropped"]) == (1, 3)
    assert AnalyticsEvent.objects.get().properties == {
        "provider_id": "3f1c2a9e-0000-4000-8000-000000000001",
        "source": "search",
    }


def test_a_future_time_is_clamped_to_the_receive_time(owner):
    _post(owner, {"events": [{"name": "app_opened", "occurred_at": _now(days=2)}]})

    event = AnalyticsEvent.objects.get()
    assert event.occurred_at == event.received_at


def test_an_opted_out_user_gets_the_same_answer_and_nothing_is_stored(owner, other_owner):
    UserSettingsFactory(user=other_owner, analytics_opt_in=False)
    body = {"events": [_screen(), {"name": "dog_adopted", "occurred_at": _now()}]}

    opted_in = _post(owner, body)
    AnalyticsEvent.objects.all().delete()
    opted_out = _post(User.objects.get(pk=other_owner.pk), body)

    assert opted_out.status_code == opted_in.status_code == 202
    assert opted_out.json() == opted_in.json()
    assert AnalyticsEvent.objects.count() == 0


def test_the_route_is_throttled_per_client_ip(owner, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"analytics": "2/minute"},
    }
    body = {"anonymous_id": "dev-1", "events": [_screen()]}
    statuses = [_post(None, body).status_code for _ in range(2)]

    response = _post(owner, body)

    assert statuses == [202, 202]
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert AnalyticsEvent.objects.count() == 2


@pytest.mark.parametrize("size", [1, MAX_BATCH])
def test_a_batch_costs_the_same_queries_at_any_size(owner, size, django_assert_num_queries):
    client = bearer_client(owner)
    client.post(URL, {"events": [_screen()]}, format="json")  # warm the caller's caches
    # the bearer session, the opt-in read, the one INSERT
    with django_assert_num_queries(3):
        response = client.post(URL, {"events": [_screen()] * size}, format="json")
    assert response.status_code == 202


@pytest.fixture
def _keep_the_test_connection():
    """As in tests/api/test_schema.py: the in-process WSGI call must not close the
    connection that holds the test's transaction (PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("_keep_the_test_connection")
def test_the_answers_match_the_schema(owner):
    body = {"events": [_screen(), {"name": "nope", "occurred_at": _now()}]}
    response, failures = _conformance(
        _schema(), "POST", URL, user=owner, body=body, media_type="application/json"
    )
    assert (response.status_code, failures) == (202, [])

    response, failures = _conformance(
        _schema(), "POST", URL, body={"events": []}, media_type="application/json"
    )
    assert (response.status_code, failures) == (400, [])


def test_the_schema_lists_every_status():
    operation = _schema()["paths"][URL]["post"]
    assert sorted(operation["responses"]) == ["202", "400", "401", "413", "415", "429", "503"]


# --- The permission matrix ------------------------------------------------------------------


def _batch(world) -> dict:
    return {"anonymous_id": "matrix-device", "events": [_screen()]}


class TestAnalyticsPermissionMatrix(PermissionMatrix):
    callers = ("anonymous", "owner", "provider_user", "kyc_reviewer", "rbac_admin", "superuser")
    routes = (
        Route(
            "POST",
            URL,
            {caller: 202 for caller in callers},
            body=_batch,
            notes="Anyone may send events; anonymous callers identify their device.",
        ),
    )

    def check_success(self, cell, response, before, after):
        assert response.json()["accepted"] == 1
        assert AnalyticsEvent.objects.count() == 1
