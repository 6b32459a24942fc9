"""Fixtures of the API tests (the callers are tests/callers.py's)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from accounts.choices import RoleName
from tests.accounts.factories import ServiceProviderFactory
from tests.callers import make_user


@pytest.fixture(autouse=True)
def _empty_cache():
    # Settings and throttle counters live in Django's cache, which outlives each test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _file_scanner(settings, monkeypatch):
    settings.DOGGY_FILE_SCANNER = "doggy.scanning.trust_uploads"
    # A test's transaction never commits: run after-commit work (the scan) at once, as a
    # request in autocommit would see it. tests/doggy/test_files.py tests the deferral.
    monkeypatch.setattr("doggy.core.tasks.on_commit", lambda func, using=None: func())


@pytest.fixture
def other_provider_user(rbac):
    """A second provider, a stranger to `provider_user`'s KYC case."""
    user = make_user(rbac, RoleName.SERVICE_PROVIDER, email="other-provider@example.com")
    ServiceProviderFactory(user=user, business_name="Wag Walkers")
    return user


class Clock:
    """A settable `timezone.now()` for the services under test."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        import datetime

        self.now += datetime.timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    from django.utils import timezone

    frozen = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", frozen)
    return frozen


@pytest.fixture
def setting(db):
    """Set a platform setting for the test: `setting("Security.MaxFailedLogins", 3)`."""
    from doggy.choices import SettingDataType
    from tests.doggy.factories import SystemSettingFactory

    def make(key: str, value):
        if isinstance(value, bool):
            data_type, raw = SettingDataType.BOOLEAN, "true" if value else "false"
        elif isinstance(value, int):
            data_type, raw = SettingDataType.INTEGER, str(value)
        elif isinstance(value, (list, dict)):
            import json

            data_type, raw = SettingDataType.JSON, json.dumps(value)
        else:
            data_type, raw = SettingDataType.STRING, str(value)
        return SystemSettingFactory(
            setting_key=key, setting_value=raw, data_type=data_type, category="Test"
        )

    return make
