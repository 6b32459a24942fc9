"""Races on PostgreSQL: refresh-token rotation and the lockout counter.

Real threads, each with its own database connection, start together at a barrier.
SQLite serializes writers anyway (and has no row locks to test), so these run only on
PostgreSQL. Each test prints one `RELIABILITY` line with what it measured.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
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


def test_attempts_on_an_account_are_answered_while_another_one_is_inside_its_hash(
    transactional_db, generous_throttle, monkeypatch
):
    # given: the first attempt's password check blocks until released
    user = UserFactory(email="target@example.com")
    inside_hash = threading.Event()
    release = threading.Event()
    real_check = User.check_password
    first = []

    def held_check(self, raw_password):
        if not first:
            first.append(raw_password)
            inside_hash.set()
            release.wait(timeout=30)
        return real_check(self, raw_password)

    monkeypatch.setattr(User, "check_password", held_check)

    def attempt(password: str) -> int:
        try:
            return (
                APIClient()
                .post("/api/v1/auth/login/", {"email": user.email, "password": password})
                .status_code
            )
        finally:
            connections.close_all()

    held = threading.Thread(target=attempt, args=("wrong-held",))
    held.start()
    assert inside_hash.wait(timeout=30)

    # when: five more wrong guesses while the first is still hashing
    later: list = []
    others = threading.Thread(target=lambda: later.extend(attempt(f"wrong-{i}") for i in range(5)))
    others.start()
    others.join(timeout=20)
    answered_while_held = not others.is_alive()
    release.set()
    held.join(timeout=30)
    others.join(timeout=30)

    # then: nobody queued behind the hash; the four free checks ran, then the lock answered
    assert answered_while_held
    assert later == [401] * 5
    reasons = Counter(
        LoginAttempt.objects.filter(email=user.email).values_list("failure_reason", flat=True)
    )
    assert reasons == {
        LoginFailureReason.INVALID_CREDENTIALS: 5,
        LoginFailureReason.ACCOUNT_LOCKED: 1,
    }
    user.refresh_from_db()
    assert user.lockout_end is not None


ADDRESS_THREADS = 20
ADDRESS_BURSTS = 6


def test_twenty_concurrent_new_default_addresses_leave_exactly_one_default(transactional_db, rbac):
    # given: one owner, one access token shared by every thread
    from accounts.models import Address
    from tests.callers import make_user

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


BENCH_WORKERS = 8
BENCH_WRONG_LOGINS = 50
SLEEPING_HASH_SECONDS = 0.2


class SleepingHasher(MD5PasswordHasher):
    """A hash that takes 200 ms of waiting instead of CPU: a server with a core per worker."""

    algorithm = "sleeping_md5"

    def encode(self, password, salt):
        time.sleep(SLEEPING_HASH_SECONDS)
        return super().encode(password, salt)


BENCH_HASHERS = {
    "argon2": "django.contrib.auth.hashers.Argon2PasswordHasher",
    "sleeping": f"{__name__}.SleepingHasher",
}


@pytest.mark.benchmark
@pytest.mark.parametrize("hasher", list(BENCH_HASHERS))
def test_benchmark_other_users_latency_during_a_wrong_login_burst(
    transactional_db, rbac, generous_throttle, settings, hasher
):
    """Prints what a lockout burst costs everyone else (`pytest -m benchmark -s`).

    A pool of `BENCH_WORKERS` threads stands in for a threaded server: 50 wrong-password
    logins for one account arrive at once, and another user's `GET /dogs/` arrives every
    100 ms behind them. A login that waits on a lock keeps its worker, so the other user's
    requests queue for a free one. Latency is measured from submission, queueing included.
    With Argon2 on a machine with fewer cores than workers the hashes themselves compete
    for the CPU; the sleeping hasher takes the same wall time without using the CPU, as on
    a server with a core per worker, and isolates what lock waits cost. Asserts nothing:
    the numbers depend on the machine.
    """
    import statistics
    from concurrent.futures import ThreadPoolExecutor

    from django.contrib.auth.hashers import make_password

    from tests.callers import make_user
    from tests.pets.factories import DogProfileFactory

    # given: the hasher, a target account and a bystander with three dogs
    settings.PASSWORD_HASHERS = [BENCH_HASHERS[hasher]]
    target = make_user(rbac, "PetOwner", email="target@example.com")
    target.set_password(DEFAULT_PASSWORD)
    target.save(update_fields=["password"])
    bystander = make_user(rbac, "PetOwner", email="bystander@example.com")
    DogProfileFactory.create_batch(3, owner=bystander)
    token = user_session_create(user=bystander).access_token

    def timed(submitted: float, request) -> tuple[float, float, int]:
        """(latency from submission, time inside a worker, status)."""
        started = time.perf_counter()
        try:
            status = request()
        finally:
            connections.close_all()
        finished = time.perf_counter()
        return finished - submitted, finished - started, status

    def list_dogs() -> int:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client.get("/api/v1/dogs/").status_code

    def wrong_login(i: int) -> int:
        return (
            APIClient()
            .post("/api/v1/auth/login/", {"email": target.email, "password": f"wrong-{i}"})
            .status_code
        )

    def p99(samples: list[float]) -> float:
        return statistics.quantiles(samples, n=100, method="inclusive")[98] * 1000

    with ThreadPoolExecutor(max_workers=BENCH_WORKERS) as pool:
        # quiet: the bystander alone
        pool.submit(timed, time.perf_counter(), list_dogs).result()  # warm-up
        quiet = [pool.submit(timed, time.perf_counter(), list_dogs).result() for _ in range(30)]

        # when: the burst, with the bystander's requests arriving behind it
        logins = [
            pool.submit(timed, time.perf_counter(), lambda i=i: wrong_login(i))
            for i in range(BENCH_WRONG_LOGINS)
        ]
        during = []
        while not all(f.done() for f in logins) or len(during) < 10:
            during.append(pool.submit(timed, time.perf_counter(), list_dogs))
            time.sleep(0.1)
        login_results = [f.result() for f in logins]
        during_results = [f.result() for f in during]

    # then
    quiet_times = [t for t, _, _ in quiet]
    during_times = [t for t, _, _ in during_results]
    login_times = [t for t, _, _ in login_results]
    login_service = [t for _, t, _ in login_results]
    assert {s for _, _, s in quiet + during_results} == {200}
    started = time.perf_counter()
    make_password("one-hash-for-scale")
    one_hash = (time.perf_counter() - started) * 1000
    print(
        f"\nlockout burst ({BENCH_WRONG_LOGINS} wrong logins, {BENCH_WORKERS} workers, {hasher} "
        f"{one_hash:.0f} ms per hash now): other user's GET /dogs/ p99 quiet "
        f"{p99(quiet_times):.0f} ms, during the burst p99 {p99(during_times):.0f} ms "
        f"(median {statistics.median(during_times) * 1000:.0f} ms, n={len(during_times)}); "
        f"wrong logins: max latency {max(login_times) * 1000:.0f} ms, max time inside a "
        f"worker {max(login_service) * 1000:.0f} ms (median "
        f"{statistics.median(login_service) * 1000:.0f} ms); "
        f"statuses {dict(Counter(s for _, _, s in login_results))}"
    )
