"""The Phase 2 routes document themselves: the OpenAPI schema has no warning."""

from __future__ import annotations

import yaml
from django.core.management import call_command

PHASE2_PATHS = {
    "/api/v1/services/categories/",
    "/api/v1/services/offerings/",
    "/api/v1/providers/",
    "/api/v1/providers/{provider_id}/",
    "/api/v1/providers/{provider_id}/reviews/",
    "/api/v1/providers/me/",
    "/api/v1/providers/me/offerings/",
    "/api/v1/providers/me/offerings/{offering_id}/",
    "/api/v1/billing/plans/",
    "/api/v1/billing/subscription/",
    "/api/v1/billing/subscription/cancel/",
    "/api/v1/addresses/",
    "/api/v1/addresses/{address_id}/",
}


def test_phase2_schema_generates_without_warnings(tmp_path):
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert set(schema["paths"]) >= PHASE2_PATHS
    search = schema["paths"]["/api/v1/services/offerings/"]["get"]
    assert {p["name"] for p in search["parameters"]} >= {"lat", "lng", "radius_km", "address"}
