"""Staff admin of calendar feed links and connections: pages render, actions go through
the calendar services (audited)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditLog
from scheduling.calendar_services import calendar_connection_sync
from scheduling.models import CalendarConnection, CalendarFeedToken
from tests.scheduling.factories import (
    CalendarConnectionFactory,
    CalendarFeedTokenFactory,
    ExternalCalendarFactory,
)


@pytest.fixture
def staff_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def test_feed_links_list_and_page_render_without_a_token(staff_client):
    # given
    token = CalendarFeedTokenFactory()

    # when
    listing = staff_client.get(reverse("admin:scheduling_calendarfeedtoken_changelist"))
    page = staff_client.get(reverse("admin:scheduling_calendarfeedtoken_change", args=[token.pk]))

    # then
    assert listing.status_code == 200
    assert page.status_code == 200
    assert token.token_hash not in page.content.decode()


def test_revoke_action_revokes_live_links_through_the_service(staff_client, superuser):
    # given
    live, revoked = CalendarFeedTokenFactory(), CalendarFeedTokenFactory()
    CalendarFeedToken.objects.filter(pk=revoked.pk).update(revoked_at="2030-01-01T00:00:00Z")

    # when
    response = staff_client.post(
        reverse("admin:scheduling_calendarfeedtoken_changelist"),
        {"action": "revoke", "_selected_action": [str(live.pk), str(revoked.pk)]},
    )

    # then
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.revoked_at is not None
    (row,) = AuditLog.objects.filter(entity_id=str(live.pk))
    assert (row.action, row.user_id) == ("Update", superuser.pk)
    assert not AuditLog.objects.filter(entity_id=str(revoked.pk)).exists()


def test_sync_now_action_syncs_after_commit_and_the_error_shows_in_the_list(
    staff_client, superuser, fernet_keys, django_capture_on_commit_callbacks, monkeypatch
):
    # given: a connection whose sync will fail (its stored password is not readable)
    connection = CalendarConnectionFactory(access_token_encrypted="not-a-fernet-token")
    ExternalCalendarFactory(connection=connection)
    ran = []
    monkeypatch.setattr(
        "scheduling.calendar_services.calendar_connection_sync",
        lambda pk: ran.append(pk) or calendar_connection_sync(pk),
    )

    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:scheduling_calendarconnection_changelist"),
            {"action": "sync_now", "_selected_action": [str(connection.pk)]},
        )

    # then
    assert response.status_code == 302
    assert ran == [str(connection.pk)]
    connection.refresh_from_db()
    assert connection.sync_error == "The stored password cannot be read."
    assert AuditLog.objects.filter(entity_id=str(connection.pk), action="Update").count() == 1
    listing = staff_client.get(reverse("admin:scheduling_calendarconnection_changelist"))
    assert "The stored password cannot be read." in listing.content.decode()
    assert CalendarConnection.objects.get(pk=connection.pk).status == "Invalid"
