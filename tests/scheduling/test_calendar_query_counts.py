"""The provider's calendar lists cost the same queries at any page size."""

from __future__ import annotations

import pytest

from tests.callers import bearer_client
from tests.scheduling.factories import (
    CalendarConnectionFactory,
    CalendarFeedTokenFactory,
    ExternalCalendarFactory,
)


def _warm(client, path):
    # the first request fills the session's and the RBAC set's caches
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("rows", [3, 6])
def test_feed_token_list_queries_are_constant(provider_user, rows, django_assert_num_queries):
    # given
    for _ in range(rows):
        CalendarFeedTokenFactory(user=provider_user)
    client = bearer_client(provider_user)
    path = "/api/v1/providers/me/calendar/feed-tokens/"
    _warm(client, path)

    # then: session, provider profile, count, page
    with django_assert_num_queries(4):
        response = client.get(path)
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [3, 6])
def test_connection_list_queries_are_constant(provider_user, rows, django_assert_num_queries):
    # given: each connection with two calendars
    for _ in range(rows):
        connection = CalendarConnectionFactory(user=provider_user)
        ExternalCalendarFactory.create_batch(2, connection=connection)
    client = bearer_client(provider_user)
    path = "/api/v1/providers/me/calendar/connections/"
    _warm(client, path)

    # then: session, provider profile, count, page, the calendars of the page
    with django_assert_num_queries(5):
        response = client.get(path)
    body = response.json()
    assert body["count"] == rows
    assert [len(c["calendars"]) for c in body["results"]] == [2] * rows
