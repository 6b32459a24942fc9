"""The OpenAPI schema generates without a single warning, and the docs are served."""

from __future__ import annotations

import yaml
from django.core.management import call_command
from rest_framework.test import APIClient


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
