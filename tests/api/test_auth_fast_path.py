"""The cheap form of bearer authentication: what one authenticated request reads."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import UserSession
from accounts.services import sessions as session_services
from accounts.services.sessions import (
    user_session_check_expiry,
    user_session_get_by_access_token,
)
from tests.callers import bearer_client

CATEGORIES_URL = "/api/v1/services/categories/"
ME_URL = "/api/v1/auth/me/"


def _count_setting_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    real = session_services.setting_int

    def counting(key, default=None):
        reads.append(key)
        return real(key, default)

    monkeypatch.setattr(session_services, "setting_int", counting)
    return reads


def test_the_lookup_builds_what_the_orm_query_builds(owner):
    # given
    issued = session_services.user_session_create(user=owner, user_agent="curl/8")
    expected = (
        UserSession.objects.select_related("user")
        .defer(*session_services._NOT_NEEDED_PER_REQUEST)
        .get(pk=issued.session.pk)
    )

    # when
    session = user_session_get_by_access_token(token=issued.access_token)

    # then: the same loaded values, the same deferred columns, the user already loaded
    assert session.get_deferred_fields() == expected.get_deferred_fields()
    assert session.user.get_deferred_fields() == expected.user.get_deferred_fields()
    for field in UserSession._meta.concrete_fields:
        if field.attname not in expected.get_deferred_fields():
            assert getattr(session, field.attname) == getattr(expected, field.attname)
    for field in type(owner)._meta.concrete_fields:
        if field.attname not in expected.user.get_deferred_fields():
            assert getattr(session.user, field.attname) == getattr(expected.user, field.attname)
    assert session._state.adding is False
    assert session._state.db == "default"
    with CaptureQueriesContext(connection) as queries:
        assert session.user.pk == owner.pk
        assert session.user_agent == "curl/8"
    # a deferred column loads on access, as with the ORM
    assert len(queries) == 1


def test_the_lookup_refuses_an_ended_session_and_a_wrong_secret(owner):
    # given
    issued = session_services.user_session_create(user=owner)
    prefix = issued.access_token.split(".")[0]

    # then
    assert user_session_get_by_access_token(token=f"{prefix}.wrong") is None
    session_services.user_session_end(actor=owner, session=issued.session)
    assert user_session_get_by_access_token(token=issued.access_token) is None


def test_a_request_soon_after_the_last_one_reads_no_setting(owner, clock, monkeypatch):
    # given
    client = bearer_client(owner)
    reads = _count_setting_reads(monkeypatch)
    clock.advance(seconds=59)

    # when
    response = client.get(ME_URL)

    # then: under the shortest possible idle timeout, so the setting cannot refuse it
    assert response.status_code == 200
    assert reads == []


def test_a_request_a_minute_after_the_last_one_reads_the_idle_timeout(
    owner, clock, monkeypatch, setting
):
    # given
    setting("Platform.SessionTimeoutMinutes", 1)
    client = bearer_client(owner)
    reads = _count_setting_reads(monkeypatch)
    clock.advance(seconds=60)

    # when
    response = client.get(ME_URL)

    # then
    assert response.status_code == 401
    assert reads == ["Platform.SessionTimeoutMinutes"]


def test_the_absolute_lifetime_is_checked_even_within_the_first_minute(owner, clock):
    # given: a session whose absolute lifetime ends in 30 seconds, used just now
    issued = session_services.user_session_create(user=owner)
    session = issued.session
    session.expires_at = clock() + datetime.timedelta(seconds=30)

    # when
    clock.advance(seconds=31)

    # then
    assert user_session_check_expiry(session=session, now=clock()) is False


@pytest.mark.parametrize("url", [CATEGORIES_URL])
def test_a_bearer_request_costs_one_query_more_than_an_anonymous_one(owner, url):
    # given
    client = bearer_client(owner)
    anonymous = APIClient()
    client.get(url), anonymous.get(url)  # warms the settings cache

    # when
    with CaptureQueriesContext(connection) as as_anonymous:
        assert anonymous.get(url).status_code == 200
    with CaptureQueriesContext(connection) as as_bearer:
        assert client.get(url).status_code == 200

    # then
    assert len(as_bearer) == len(as_anonymous) + 1
