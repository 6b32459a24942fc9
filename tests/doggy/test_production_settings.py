"""Production settings refuse to start misconfigured, and start when configured."""

from __future__ import annotations

import base64
import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

GOOD = {
    "DJANGO_SECRET_KEY": "k" * 64,
    "DJANGO_ALLOWED_HOSTS": "doggy.example.com",
    "DOGGY_FRONTEND_URL": "https://app.doggy.example.com",
    "DOGGY_SETTINGS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    "DJANGO_DEBUG": "false",
}


# A fixed, valid key: parameter ids must not change between runs (xdist compares them).
GOOD_KEY = base64.urlsafe_b64encode(b"0" * 32).decode()


def _load_production(
    overrides: dict[str, str | None], code: str = "print('started')"
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DOGGY_"))}
    env.update({k: v for k, v in {**GOOD, **overrides}.items() if v is not None})
    env["DJANGO_SETTINGS_MODULE"] = "doggy.settings.production"
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_start_when_configured():
    result = _load_production({})

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


@pytest.mark.parametrize(
    ("_case", "overrides", "message"),
    [
        ("no secret key", {"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY"),
        ("a short secret key", {"DJANGO_SECRET_KEY": "short"}, "DJANGO_SECRET_KEY"),
        ("debug on", {"DJANGO_DEBUG": "true"}, "DJANGO_DEBUG"),
        ("no encryption keys", {"DOGGY_SETTINGS_ENCRYPTION_KEYS": None}, "ENCRYPTION_KEYS"),
        ("no allowed hosts", {"DJANGO_ALLOWED_HOSTS": None}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_settings_refuse_to_start_misconfigured(_case, overrides, message):
    result = _load_production(overrides)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
    assert "started" not in result.stdout


@pytest.mark.parametrize(
    ("keys", "position"),
    [
        pytest.param("not-a-fernet-key", 0, id="not base64 at all"),
        pytest.param(
            base64.urlsafe_b64encode(b"k" * 16).decode(), 0, id="base64 of 16 bytes, not 32"
        ),
        pytest.param(f"{GOOD_KEY},not-a-fernet-key", 1, id="a good key, then a bad one"),
    ],
)
def test_production_settings_refuse_an_encryption_key_that_is_not_a_fernet_key(keys, position):
    # when production starts with a key list that holds something other than a Fernet key
    result = _load_production({"DOGGY_SETTINGS_ENCRYPTION_KEYS": keys})

    # then it refuses, naming the position of the bad key and never the key itself
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"DOGGY_SETTINGS_ENCRYPTION_KEYS[{position}] is not a Fernet key" in result.stderr
    assert keys.split(",")[position] not in result.stderr
    assert "started" not in result.stdout


def test_production_settings_accept_a_rotation_list_of_fernet_keys():
    # given two keys, newest first, with the spaces an operator may type after the comma
    keys = f"{Fernet.generate_key().decode()}, {GOOD_KEY}"

    # when production starts, then it does
    result = _load_production({"DOGGY_SETTINGS_ENCRYPTION_KEYS": keys})

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


POSTGRES = {"DATABASE_URL": "postgres://doggy@db.internal:5432/doggy"}
PREPARE_THRESHOLD = (
    "from django.conf import settings; "
    "print(settings.DATABASES['default']['OPTIONS'].get('prepare_threshold'))"
)


@pytest.mark.parametrize(
    ("_case", "overrides", "expected"),
    [
        ("direct to PostgreSQL", {}, "5"),
        ("behind pgbouncer", {"DOGGY_DB_PGBOUNCER": "true"}, "None"),
        (
            "behind a pgbouncer that keeps prepared statements",
            {"DOGGY_DB_PGBOUNCER": "true", "DOGGY_DB_PREPARED_STATEMENTS": "true"},
            "5",
        ),
        ("turned off", {"DOGGY_DB_PREPARED_STATEMENTS": "false"}, "None"),
    ],
)
def test_prepared_statements_are_on_unless_a_pooler_forbids_them(_case, overrides, expected):
    result = _load_production({**POSTGRES, **overrides}, PREPARE_THRESHOLD)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
