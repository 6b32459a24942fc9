"""Races on PostgreSQL: refresh-token rotation and the lockout counter.

Real threads, each with its own database connection, start together at a barrier.
SQLite serializes writers anyway (and has no row locks to test), so these run only on
PostgreSQL. Each test prints one `RELIABILITY` line with what it measured.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from accounts.choices import LoginFailureReason, SessionEndReason
from accounts.models import LoginAttempt, User, UserSession
from accounts.services.sessions import user_session_create
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"
    ),
]

REFRESH_THREADS = 20
REFRESH_ROUNDS = 10
LOGIN_THREADS = 50


def _race(count: int, work) -> list:
    """Run `work(i)` in `count` threads released together; returns their results."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:  # reported as the thread's result
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def generous_throttle(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"auth": "10000/minute"},
    }


def test_twenty_concurrent_refreshes_of_one_token_let_exactly_one_through(
    transactional_db, generous_throttle
):
    # given
    user = UserFactory(email="racer@example.com")
    winners_per_round = []

    for _ in range(REFRESH_ROUNDS):
        refresh_token = user_session_create(user=user).refresh_token

        # when
        statuses = _race(
            REFRESH_THREADS,
            lambda i, token=refresh_token: (
                APIClient().post("/api/v1/auth/refresh/", {"refresh_token": token}).status_code
            ),
        )

        # then
        assert Counter(statuses) == {200: 1, 401: REFRESH_THREADS - 1}, statuses
        winners_per_round.append(statuses.count(200))

    replaced = UserSession.objects.filter(end_reason=SessionEndReason.REPLACED).count()
    assert replaced == REFRESH_ROUNDS
    # The losers presented a consumed token: each round's successor was revoked as reuse.
    assert not UserSession.objects.filter(user=user, is_active=True).exists()
    print(
        f"RELIABILITY A8 successful_refreshes_per_round={sorted(set(winners_per_round))} "
        f"rounds={REFRESH_ROUNDS} threads={REFRESH_THREADS} threshold=1 PASS"
    )


def test_fifty_concurrent_wrong_logins_get_no_more_password_checks_than_the_limit(
    transactional_db, generous_throttle, monkeypatch
):
    # given: count the real password checks against the account
    user = UserFactory(email="target@example.com")
    checks = []
    lock = threading.Lock()
    real_check = User.check_password

    def counting_check(self, raw_password):
        with lock:
            checks.append(self.pk)
        return real_check(self, raw_password)

    monkeypatch.setattr(User, "check_password", counting_check)

    # when
    statuses = _race(
        LOGIN_THREADS,
        lambda i: (
            APIClient()
            .post("/api/v1/auth/login/", {"email": user.email, "password": f"wrong-guess-{i}"})
            .status_code
        ),
    )

    # then
    assert statuses == [401] * LOGIN_THREADS
    reasons = Counter(
        LoginAttempt.objects.filter(email=user.email).values_list("failure_reason", flat=True)
    )
    assert reasons == {
        LoginFailureReason.INVALID_CREDENTIALS: 5,
        LoginFailureReason.ACCOUNT_LOCKED: LOGIN_THREADS - 5,
    }
    assert len(checks) == 5
    user.refresh_from_db()
    assert user.lockout_end is not None
    # Even the right password is refused now.
    response = APIClient().post(
        "/api/v1/auth/login/", {"email": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 401
    print(
        f"RELIABILITY B2 password_checks_executed={len(checks)} concurrent={LOGIN_THREADS} "
        "threshold<=5 PASS"
    )


ADDRESS_THREADS = 20
ADDRESS_BURSTS = 6


def test_twenty_concurrent_new_default_addresses_leave_exactly_one_default(transactional_db, rbac):
    # given: one owner, one access token shared by every thread
    from accounts.models import Address
    from tests.api.conftest import make_user

    owner = make_user(rbac, "PetOwner", email="mover@example.com")
    token = user_session_create(user=owner).access_token

    def create(i: int, burst: int) -> int:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        payload = {
            "line1": f"{burst}-{i} High Street",
            "city": "London",
            "country_code": "GB",
            "is_default": True,
        }
        return client.post("/api/v1/addresses/", payload, format="json").status_code

    # when: six bursts of twenty "make this my default" creations
    outcomes = []
    for burst in range(ADDRESS_BURSTS):
        outcomes += _race(ADDRESS_THREADS, lambda i, burst=burst: create(i, burst))

    # then
    errors = [outcome for outcome in outcomes if outcome != 201]
    kinds = Counter(type(e).__name__ if isinstance(e, Exception) else e for e in errors)
    print(
        f"RELIABILITY address_default_burst errors={len(errors)} {dict(kinds)} "
        f"requests={len(outcomes)} bursts={ADDRESS_BURSTS} threads={ADDRESS_THREADS}"
    )
    assert errors == []
    active = Address.objects.filter(user=owner, is_active=True)
    assert active.count() == ADDRESS_THREADS * ADDRESS_BURSTS
    assert active.filter(is_default=True).count() == 1
