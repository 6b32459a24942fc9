"""The OpenAPI schema generates without a warning, is served, and says what the API answers."""

from __future__ import annotations

import functools

import jsonschema
import pytest
import schemathesis
import yaml
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.services.sessions import user_session_create
from doggy.wsgi import application
from tests.callers import bearer_client


def test_schema_generates_without_warnings_or_errors(tmp_path):
    # when: the same as `manage.py spectacular --validate --fail-on-warn`
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    # then
    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/auth/login/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An access token from POST /api/v1/auth/login/ or /auth/refresh/.",
    }


def test_schema_and_swagger_ui_are_served(db):
    # when
    schema = APIClient().get("/api/schema/")
    docs = APIClient().get("/api/docs/")

    # then
    assert schema.status_code == 200
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()


# --- The schema documents what the API answers (issue 8, item 4) ----------------------


@functools.cache
def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture(autouse=True)
def _requests_keep_the_test_connection():
    """Requests sent through the WSGI application, as Django's test client sends its own,
    must not close the connection that holds the test's transaction: on PostgreSQL
    `close_old_connections` at the end of a request closes a connection that is not in
    autocommit mode."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _conformance(raw_schema: dict, method: str, path: str, *, user=None, **case_kwargs):
    """Send one request in-process and return the failures of the schema checks."""
    schema = schemathesis.openapi.from_dict(raw_schema)
    template = path
    operation = schema[template][method]
    headers = {}
    if user is not None:
        headers["Authorization"] = f"Bearer {user_session_create(user=user).access_token}"
    case = operation.Case(headers=headers, **case_kwargs)
    response = case.call(app=application)
    try:
        case.validate_response(
            response,
            checks=[
                not_a_server_error,
                status_code_conformance,
                content_type_conformance,
                response_schema_conformance,
            ],
        )
    except FailureGroup as group:
        return response, [str(failure) for failure in group.exceptions]
    except AssertionError as failure:
        return response, [str(failure)]
    return response, []


@pytest.mark.parametrize("value", [100, 1.5, "x", True, {"a": 1}, [1]])
def test_a_setting_value_matches_exactly_one_documented_type(value):
    # given
    value_schema = _schema()["components"]["schemas"]["SystemSetting"]["properties"]["value"]

    # when
    matching = [
        branch
        for branch in value_schema["oneOf"]
        if jsonschema.Draft4Validator(branch).is_valid(value)
    ]

    # then: `oneOf` means exactly one
    assert len(matching) == 1, matching


def test_the_settings_list_matches_the_schema(rbac_admin, setting):
    # given
    setting("Calendar.BookingAdvanceDays", 100)

    # when
    response, failures = _conformance(_schema(), "GET", "/api/v1/admin/settings/", user=rbac_admin)

    # then
    assert response.status_code == 200
    assert failures == []


def test_a_provider_without_a_website_matches_the_schema(provider_user):
    # given
    provider_user.service_provider.website = ""
    provider_user.service_provider.save(update_fields=["website"])

    # when
    response, failures = _conformance(_schema(), "GET", "/api/v1/providers/me/", user=provider_user)

    # then
    assert response.status_code == 200
    assert response.json()["website"] == ""
    assert failures == []


@pytest.mark.parametrize(
    ("method", "path", "caller", "expected_status"),
    [
        ("GET", "/api/v1/dogs/", None, 401),
        ("GET", "/api/v1/admin/settings/", "owner", 403),
        ("GET", "/api/v1/admin/audit-logs/", "owner", 403),
        ("GET", "/api/v1/kyc/reviews/", "owner", 403),
        ("GET", "/api/v1/providers/me/offerings/", "owner", 403),
        ("POST", "/api/v1/addresses/", None, 401),
    ],
)
def test_framework_refusals_are_documented(db, request, method, path, caller, expected_status):
    # given
    user = request.getfixturevalue(caller) if caller else None

    # when
    response, failures = _conformance(_schema(), method, path, user=user)

    # then
    assert response.status_code == expected_status
    assert failures == []


def test_page_zero_is_a_documented_400_in_the_error_shape(owner):
    # when
    response, failures = _conformance(
        _schema(), "GET", "/api/v1/addresses/", user=owner, query={"page": 0}
    )

    # then
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "invalid",
            "message": "A page number is a whole number from 1.",
            "fields": {"page": ["A page number is a whole number from 1."]},
        }
    }
    assert failures == []


def test_a_page_past_the_last_is_a_documented_404(owner):
    # when
    response, failures = _conformance(
        _schema(), "GET", "/api/v1/addresses/", user=owner, query={"page": 2}
    )

    # then
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert failures == []


@pytest.mark.parametrize("page", ["-1", "abc", "1.5", "0"])
def test_a_page_that_is_not_a_whole_number_from_one_is_refused(owner, page):
    # when
    response = bearer_client(owner).get("/api/v1/dogs/", {"page": page})

    # then
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "page": ["A page number is a whole number from 1."]
    }


@pytest.mark.parametrize("page", ["1", "last", ""])
def test_the_first_and_last_pages_are_served(owner, page):
    # when
    response = bearer_client(owner).get("/api/v1/dogs/", {"page": page})

    # then
    assert response.status_code == 200


def test_each_operation_documents_the_errors_the_framework_can_answer():
    # when
    paths = _schema()["paths"]

    # then: a signed-in list with filters and pages
    assert _codes(paths["/api/v1/dogs/"]["get"]) == {"200", "400", "401", "404", "503"}
    # staff routes add 403
    assert _codes(paths["/api/v1/admin/settings/"]["get"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "503",
    }
    # bodies add 400, 413 and 415; throttled routes 429; a public route without a token no 401
    assert {"400", "413", "415", "429", "503"} <= _codes(paths["/api/v1/auth/register/"]["post"])
    assert "401" not in _codes(paths["/api/v1/auth/register/"]["post"])
    # a detail route without a body has 404 but no 400, 413 or 415
    assert _codes(paths["/api/v1/addresses/{address_id}/"]["get"]) == {"200", "401", "404", "503"}
    # the health check stays reachable in maintenance mode and is public
    assert _codes(paths["/api/v1/health/"]["get"]) == {"200", "503"}
    # every added error is the one error shape
    error = paths["/api/v1/dogs/"]["get"]["responses"]["401"]["content"]["application/json"]
    assert error["schema"] == {"$ref": "#/components/schemas/Error"}


def _codes(operation) -> set[str]:
    return set(operation["responses"])
