"""Shared fixtures. Factories live in tests/<app>/factories.py; the common ones are here."""

from __future__ import annotations

import os

import pytest
import redis
from cryptography.fernet import Fernet
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from accounts.models import Permission, RolePermission
from tests.accounts.factories import RoleFactory, UserFactory, UserRoleFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    # Settings and permission reads are cached through Django's cache, which outlives
    # each test's transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def fernet_keys(settings):
    """Three fresh keys A, B, C; the configured list starts as [A]."""
    keys = [Fernet.generate_key().decode() for _ in range(3)]
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [keys[0]]
    return keys


@pytest.fixture
def user_with_permission(db):
    """A non-staff user holding the RBAC permission `name` through a role."""

    def make(name: str):
        permission, _ = Permission.objects.get_or_create(
            name=name, defaults={"category": "Administration"}
        )
        role = RoleFactory(name=f"Holders of {name}")
        RolePermission.objects.get_or_create(role=role, permission=permission)
        member = UserFactory()
        UserRoleFactory(user=member, role=role)
        return member

    return make


@pytest.fixture
def redis_url(worker_id):
    """The throwaway redis-server of scripts/with_redis.sh: one database per xdist worker,
    flushed before the test.

    Tests that use it carry the `redis` marker. Without the server they are skipped, except
    where the test script requires them (DOGGY_REDIS_REQUIRED=1, the PostgreSQL stage of
    `make test`), where a missing server is a failure.
    """
    url = os.environ.get("DOGGY_TEST_REDIS_URL", "")
    if not url:
        if os.environ.get("DOGGY_REDIS_REQUIRED") == "1":
            pytest.fail("DOGGY_REDIS_REQUIRED=1 but DOGGY_TEST_REDIS_URL is not set")
        pytest.skip("needs redis-server: run under scripts/with_redis.sh")
    index = 0 if worker_id == "master" else int(worker_id.removeprefix("gw")) + 1
    url = f"{url.rsplit('/', 1)[0]}/{index}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()
    return url


@pytest.fixture(scope="session", autouse=True)
def _no_stray_postgresql_sessions(django_db_setup, django_db_blocker):
    """Ends every other session on the test database before it is dropped.

    Tests that start servers or worker threads (two daphne processes, a Celery worker,
    twenty racing threads) close their connections, but a backend can outlive its client
    by a moment; `DROP DATABASE` then fails the whole run at teardown.
    """
    yield
    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
