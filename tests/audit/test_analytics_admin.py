"""The analytics screens of the admin (plan 034): read-only, filtered by event name,
platform and date, at a query count that does not grow with the rows shown."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AnalyticsEvent, UserDailyActivity
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

EVENTS = reverse("admin:audit_analyticsevent_changelist")
ACTIVITY = reverse("admin:audit_userdailyactivity_changelist")


@pytest.fixture
def staff(client, superuser):
    client.force_login(superuser)
    return client


def _events(n: int, name: str = "screen_view", platform: str = "Web") -> None:
    now = timezone.now()
    AnalyticsEvent.objects.bulk_create(
        AnalyticsEvent(
            user=UserFactory(),
            event_name=name,
            platform=platform,
            occurred_at=now - datetime.timedelta(minutes=i),
        )
        for i in range(n)
    )


def _activity(n: int) -> None:
    now = timezone.now()
    UserDailyActivity.objects.bulk_create(
        UserDailyActivity(
            user=UserFactory(),
            activity_date=now.date(),
            platform="iOS",
            request_count=3,
            first_seen_at=now,
            last_seen_at=now,
        )
        for _ in range(n)
    )


def _queries(client, url: str, **params) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_events_filter_by_registered_name_platform_and_date(staff):
    _events(2, name="screen_view", platform="iOS")
    _events(1, name="search_performed", platform="Web")
    today = timezone.now().date()

    _, page = _queries(staff, EVENTS, event_name="search_performed")
    assert "1 analytics event" in page
    _, page = _queries(staff, EVENTS, platform__exact="iOS")
    assert "2 analytics events" in page
    _, page = _queries(
        staff,
        EVENTS,
        occurred_at__year=today.year,
        occurred_at__month=today.month,
        occurred_at__day=today.day,
        event_name="screen_view",
    )
    assert "2 analytics events" in page
    # every registered name is offered, also before any such event exists
    _, page = _queries(staff, EVENTS)
    assert "?event_name=ai_recommendation_requested" in page


@pytest.mark.parametrize(("url", "fill"), [(EVENTS, _events), (ACTIVITY, _activity)])
def test_the_screens_cost_the_same_queries_for_1_and_20_rows(staff, url, fill):
    _queries(staff, url)  # warm the session and permission caches
    fill(1)
    first, _ = _queries(staff, url)
    fill(19)
    second, page = _queries(staff, url)
    assert first == second
    assert "20 " in page


@pytest.mark.parametrize("model", [AnalyticsEvent, UserDailyActivity])
def test_the_screens_are_read_only(staff, model):
    opts = model._meta
    add = staff.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add.status_code == 403
