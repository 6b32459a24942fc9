"""Hand-written statements prepared on the server (doggy.core.prepared.statement_cursor).

The bearer lookup runs on every authenticated request; on PostgreSQL it is prepared once
per connection, so the server parses and plans it once. These tests pin what must not
change with it: the rows, Django's query log, Django's exceptions, and the fallback to
Django's own cursor where statements are not prepared.
"""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.services import sessions as session_services
from accounts.services.sessions import user_session_get_by_access_token
from doggy.core.prepared import statement_cursor

pytestmark = pytest.mark.django_db

LOOKUP_TEXT = 'WHERE "UserSessions"."TokenPrefix" = $1'


def _prepared_lookups() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            [f"%{LOOKUP_TEXT}%"],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: other engines run Django's cursor")


def test_the_statement_returns_what_djangos_cursor_returns(db):
    sql = "SELECT %s + 1, %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [41, "dog"])
        expected = cursor.fetchall()

    with statement_cursor("default") as cursor:
        cursor.execute(sql, [41, "dog"])
        assert cursor.fetchall() == expected == [(42, "dog")]


@pytest.mark.postgres
def test_the_bearer_lookup_is_prepared_once_per_connection(postgresql, owner):
    # given
    issued = session_services.user_session_create(user=owner)

    # when: three requests' lookups on one connection
    sessions = [user_session_get_by_access_token(token=issued.access_token) for _ in range(3)]

    # then: one statement on the server, each run finding the session
    assert [s.pk for s in sessions] == [issued.session.pk] * 3
    assert _prepared_lookups() == 1


@pytest.mark.postgres
def test_the_query_log_shows_the_statement_with_its_values(postgresql, owner):
    # given
    issued = session_services.user_session_create(user=owner)
    prefix = issued.access_token.split(".")[0]

    # when
    with CaptureQueriesContext(connection) as queries:
        user_session_get_by_access_token(token=issued.access_token)

    # then: one query, logged as Django logs its own
    assert len(queries) == 1
    assert f"\"TokenPrefix\" = '{prefix}'" in queries[0]["sql"]


@pytest.mark.postgres
def test_errors_are_djangos_and_the_statement_survives_a_rollback(postgresql, owner):
    # given
    issued = session_services.user_session_create(user=owner)
    user_session_get_by_access_token(token=issued.access_token)

    # when: a failing prepared statement inside a rolled-back savepoint
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        statement_cursor("default") as cursor,
    ):
        cursor.execute('SELECT "NoSuchColumn" FROM "UserSessions" WHERE "Id" = %s', [1])

    # then: the next lookup on the connection still runs (re-prepared if it had to be)
    session = user_session_get_by_access_token(token=issued.access_token)
    assert session.pk == issued.session.pk


@pytest.mark.postgres
def test_without_prepared_statements_it_is_djangos_cursor(postgresql, owner, monkeypatch):
    # given: a connection whose statements may not be prepared (behind a pooler)
    issued = session_services.user_session_create(user=owner)
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its statements with it
    monkeypatch.setattr(connection.connection, "prepare_threshold", None)

    # when
    session = user_session_get_by_access_token(token=issued.access_token)

    # then
    assert session.pk == issued.session.pk
    assert _prepared_lookups() == 0
