"""The sign-in throttle counts across processes: its counters live in the shared cache.

Two separate Python processes run the login view against one database with the project's
default cache (no `CACHE_URL`), as two server workers would. With a per-process cache each
would count alone and neither would ever answer 429.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

REPO = Path(settings.BASE_DIR)
WORKER = r"""
import json
import sys

import django

django.setup()
from django.core.management import call_command
from rest_framework.test import APIRequestFactory

from accounts.api.views import LoginView

call_command("createcachetable", verbosity=0)
view = LoginView.as_view()
factory = APIRequestFactory()
statuses = []
for _ in range(int(sys.argv[1])):
    request = factory.post("/api/v1/auth/login/", {}, format="json", REMOTE_ADDR="203.0.113.9")
    statuses.append(view(request).status_code)
print(json.dumps(statuses))
"""


def _worker(requests: int, database: Path) -> list[int]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CACHE_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="doggy.settings.local",
        DATABASE_URL=f"sqlite:///{database}",
        DOGGY_AUTH_THROTTLE_RATE="3/minute",
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", WORKER, str(requests)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_two_processes_share_one_throttle_count(tmp_path):
    # given: the first process uses two of the three sign-in attempts a minute
    database = tmp_path / "shared.sqlite3"
    first = _worker(2, database)

    # when: a second process tries twice more from the same address
    second = _worker(2, database)

    # then: the empty bodies get 400 until the combined count passes the rate
    assert first == [400, 400]
    assert second == [400, 429]
