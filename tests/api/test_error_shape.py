"""Every error under /api/ is JSON in the one shape, whatever raised it and whatever DEBUG is.

Django answers some requests before (or instead of) any API view: a path that matches no
route, a body too large for Django itself, a refused host or user agent, an unhandled
exception. Under /api/ those answers are `{"error": {"code", "message", "fields"}}` too;
everywhere else (the admin) Django's HTML pages stay.
"""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import RequestDataTooBig
from django.test import RequestFactory
from rest_framework.test import APIClient

from doggy.api import handlers
from doggy.api.views import HealthView

DEBUG_MODES = [pytest.param(False, id="debug-off"), pytest.param(True, id="debug-on")]

NO_ROUTE = {
    "error": {"code": "not_found", "message": "No API route matches this path.", "fields": {}}
}


def _error(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message, "fields": {}}}


@pytest.fixture
def api(db):
    """A client that hands back the 500 page instead of re-raising the view's exception."""
    return APIClient(raise_request_exception=False)


# --- Paths that match no route ------------------------------------------------------------


@pytest.mark.parametrize("debug", DEBUG_MODES)
@pytest.mark.parametrize(
    "path",
    [
        "/api/",
        "/api/v1/",
        "/api/v1/nope/",
        "/api/v1/addresses/not-a-uuid/",
        "/api/v1/dogs/x/y/z/",
    ],
)
def test_a_path_matching_no_api_route_is_a_json_404(settings, api, debug, path):
    # given
    settings.DEBUG = debug

    # when
    response = api.get(path)

    # then
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == NO_ROUTE


@pytest.mark.parametrize("debug", DEBUG_MODES)
@pytest.mark.parametrize("method", ["get", "post", "patch", "delete"])
def test_a_missing_trailing_slash_is_a_json_404_that_names_the_route(settings, api, debug, method):
    # given a route that exists with its slash (no redirect: it would drop a POST's body)
    settings.DEBUG = debug

    # when
    response = getattr(api, method)("/api/v1/dogs", data={}, format="json")

    # then
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == _error(
        "not_found",
        "No API route matches this path. Did you mean /api/v1/dogs/ (with the trailing slash)?",
    )


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_the_rewritten_404_keeps_the_request_id(settings, api, debug):
    settings.DEBUG = debug

    response = api.get("/api/v1/nope/", HTTP_X_REQUEST_ID="req-42")

    assert response.status_code == 404
    assert response["X-Request-ID"] == "req-42"


# --- Answers Django gives before any view ---------------------------------------------------


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_a_refused_host_is_a_json_400(settings, api, debug):
    # given
    settings.DEBUG = debug

    # when
    response = api.get("/api/v1/health/", HTTP_HOST="evil.example")

    # then
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == _error("bad_request", "The request could not be understood.")


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_a_refused_user_agent_is_a_json_403(settings, api, debug):
    # given
    settings.DEBUG = debug
    settings.DISALLOWED_USER_AGENTS = [re.compile(r"^BadBot")]

    # when
    response = api.get("/api/v1/health/", HTTP_USER_AGENT="BadBot/1.0")

    # then
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json() == _error(
        "permission_denied", "You do not have permission to perform this action."
    )


def test_a_body_too_large_for_django_is_a_json_413_from_the_400_handler(settings):
    # given Django's own RequestDataTooBig, as raised when it reads request.body or POST
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    request = RequestFactory().post("/api/v1/auth/login/")

    # when
    response = handlers.bad_request(request, RequestDataTooBig("too big"))

    # then
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.content == (
        b'{"error": {"code": "request_too_large", "message": '
        b'"The request body is larger than 1000 bytes.", "fields": {}}}'
    )


# --- Unhandled exceptions ------------------------------------------------------------------


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_an_unhandled_exception_is_a_json_500(settings, api, monkeypatch, debug):
    # given a view that crashes
    settings.DEBUG = debug

    def crash(self, request):
        raise RuntimeError("secret internals must not leak")

    monkeypatch.setattr(HealthView, "get", crash)

    # when
    response = api.get("/api/v1/health/")

    # then
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == _error(
        "server_error", "An unexpected error occurred; it has been logged."
    )
    assert b"secret internals" not in response.content


def test_an_unhandled_exception_still_reaches_the_test_client(db, monkeypatch):
    # given the default client, which re-raises what Django's handler signalled
    def crash(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(HealthView, "get", crash)

    # when / then
    with pytest.raises(RuntimeError, match="^boom$"):
        APIClient().get("/api/v1/health/")


# --- Outside /api/ Django's pages stay ------------------------------------------------------


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_an_admin_404_stays_html(settings, client, superuser, debug):
    # given
    settings.DEBUG = debug
    client.force_login(superuser)

    # when
    response = client.get("/admin/doggy/no-such-model/")

    # then
    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert b'"error"' not in response.content


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_a_404_outside_the_api_stays_html(settings, db, client, debug):
    settings.DEBUG = debug

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_a_missing_trailing_slash_outside_the_api_still_redirects(settings, client, superuser):
    # given Django's APPEND_SLASH, kept for the admin
    client.force_login(superuser)

    # when
    response = client.get("/admin/doggy/systemsetting")

    # then
    assert response.status_code == 301
    assert response["Location"] == "/admin/doggy/systemsetting/"
