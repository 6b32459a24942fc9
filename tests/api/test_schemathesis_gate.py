"""The API does what its OpenAPI schema says: a bounded schemathesis run over every operation.

Runs in-process against the WSGI application, once as a pet owner and once as a staff
admin, with real bearer tokens from the session service, every phase (examples, coverage,
fuzzing, stateful) and a fixed seed. It fails on any 5xx, any response that does not match
its documented schema, any undocumented status code or content type, and any non-JSON
response under /api/, and prints the figures: operations, cases per phase, failures by
kind. The main suite leaves it out (marker `schemathesis`); `scripts/test.sh` runs it as
its own stage after the SQLite suite, one caller per xdist worker:

    .venv/bin/python -m pytest -m schemathesis -n 2 -rA --show-capture=stdout \\
        tests/api/test_schemathesis_gate.py

DOGGY_SCHEMATHESIS_SEED and DOGGY_SCHEMATHESIS_MAX_EXAMPLES change the seed and the bound.
"""

from __future__ import annotations

import collections
import os
import time

import pytest
import schemathesis
from django.core.cache import cache
from schemathesis.engine import Status, from_schema
from schemathesis.engine import events as engine_events

from accounts.choices import RoleName
from accounts.models import UserSession
from accounts.services.sessions import user_session_create
from doggy.wsgi import application
from tests.accounts.factories import ServiceProviderFactory
from tests.callers import make_user
from tests.pets.factories import DogProfileFactory

pytestmark = pytest.mark.schemathesis

SCHEMA_URL = "/api/schema/?format=json"
SEED = int(os.environ.get("DOGGY_SCHEMATHESIS_SEED", "20260807"))
MAX_EXAMPLES = int(os.environ.get("DOGGY_SCHEMATHESIS_MAX_EXAMPLES", "5"))
# The checks the gate enforces, by the name schemathesis gives them; `json_under_api` is ours.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "json_under_api",
)


def _documented_media_types(case, status_code: int) -> set[str]:
    responses = case.operation.definition.raw.get("responses", {})
    response = responses.get(str(status_code)) or {}
    return set(response.get("content", {}))


@schemathesis.check
def json_under_api(ctx, response, case):
    """Every response under /api/ is JSON (a 204 has no body at all), except a success
    whose operation documents another media type for that status (a CSV export): errors
    are always JSON."""
    if not case.operation.path.startswith("/api/"):
        return
    content_type = response.headers.get("content-type", [""])[0]
    if response.status_code == 204 and not response.content:
        return
    media_type = content_type.split(";")[0].strip()
    if media_type.endswith(("/json", "+json")):
        return
    if response.status_code < 400 and media_type in _documented_media_types(
        case, response.status_code
    ):
        return
    raise AssertionError(f"Non-JSON response under /api/: {content_type or 'none'}")


class _SessionAuth:
    """A bearer token from the session service; a new one when the run signs the user out."""

    def __init__(self, user):
        self.user = user
        self.session_id = None
        self.token = None

    def get(self, case, context):
        active = (
            self.session_id is not None
            and UserSession.objects.filter(pk=self.session_id, is_active=True).exists()
        )
        if not active:
            issued = user_session_create(user=self.user)
            self.session_id, self.token = issued.session.pk, issued.access_token
        return self.token

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


def _config() -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "workers": 1,
            "cache": {"enabled": False},
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": 40},
            },
            "checks": {
                "enabled": False,
                **{name: {"enabled": True} for name in CHECKS},
            },
        }
    )


def _run(user, *, label: str) -> dict:
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, application, config=_config())
    auth = _SessionAuth(user)
    schema.auth(refresh_interval=None)(type("Auth", (), {"get": auth.get, "set": auth.set}))
    operations = set()
    cases: collections.Counter[str] = collections.Counter()
    seconds: collections.Counter[str] = collections.Counter()
    failures: dict[str, list[str]] = collections.defaultdict(list)
    errors = []
    started = time.monotonic()
    for event in from_schema(schema).execute():
        if isinstance(event, engine_events.ScenarioFinished):
            if event.status is Status.SKIP or not event.is_test_scenario:
                continue
            recorder = event.recorder
            for node in recorder.cases.values():
                operations.add(node.value.operation.label)
            cases[event.phase.value] += len(recorder.cases)
            seconds[event.phase.value] += event.elapsed_time
            for checks in recorder.checks.values():
                for check in checks:
                    if check.status is Status.FAILURE and check.failure_info is not None:
                        failure = check.failure_info.failure
                        failures[check.name].append(
                            f"{failure.title}: {failure.message}\n{check.failure_info.code_sample}"
                        )
        elif isinstance(event, engine_events.NonFatalError | engine_events.FatalError):
            errors.append(str(getattr(event, "info", event)))
    elapsed = time.monotonic() - started
    print(
        f"\nschemathesis as {label}: {len(operations)} operations, {cases.total()} cases in "
        f"{elapsed:.0f} s (seed {SEED}, max-examples {MAX_EXAMPLES})"
    )
    for phase, count in cases.items():
        print(f"  {phase}: {count} cases, {seconds[phase]:.0f} s")
    for name in CHECKS:
        print(f"  failures, {name}: {len(set(failures.get(name, [])))}")
    for name, found in failures.items():
        for text in dict.fromkeys(found):
            print(f"--- {name}\n{text}")
    for error in errors:
        print(f"--- error\n{error}")
    return {"cases": cases.total(), "failures": failures, "errors": errors}


@pytest.fixture
def callers(rbac, settings):
    # Throttle counters and cached settings live in Django's cache, which outlives a test.
    cache.clear()
    # A deployment as production runs it: the payment webhook has its signing secret (an
    # unconfigured webhook answers 503 by design, which is not what the gate is about).
    settings.DOGGY_STRIPE_WEBHOOK_SECRET = "whsec_schemathesis_gate"
    owner = make_user(rbac, RoleName.PET_OWNER, email="gate-owner@example.com")
    DogProfileFactory(owner=owner)
    provider_user = make_user(rbac, RoleName.SERVICE_PROVIDER, email="gate-provider@example.com")
    ServiceProviderFactory(user=provider_user, business_name="Gate Paws")
    admin = make_user(rbac, RoleName.ADMIN, email="gate-admin@example.com")
    return {"owner": owner, "admin": admin}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("caller", ["owner", "admin"])
def test_the_api_matches_its_schema(callers, caller):
    # when
    result = _run(callers[caller], label=caller)

    # then
    assert result["cases"] > 0
    assert result["errors"] == []
    assert {name: len(set(found)) for name, found in result["failures"].items()} == {}
