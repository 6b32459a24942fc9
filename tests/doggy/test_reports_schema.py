"""The reports routes and the staff dashboard in the OpenAPI schema, with every status
they answer (plan 041)."""

from __future__ import annotations

import functools

import pytest
from drf_spectacular.generators import SchemaGenerator


@functools.cache
def _paths() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)["paths"]


@pytest.mark.parametrize(
    ("path", "method", "codes"),
    [
        ("/api/v1/reports/definitions/", "get", {"200", "400", "401", "404", "503"}),
        ("/api/v1/reports/runs/", "get", {"200", "400", "401", "404", "503"}),
        (
            "/api/v1/reports/runs/",
            "post",
            {"202", "400", "401", "404", "409", "413", "415", "503"},
        ),
        ("/api/v1/reports/runs/{run_id}/", "get", {"200", "401", "404", "503"}),
        (
            "/api/v1/reports/runs/{run_id}/download/",
            "get",
            {"200", "401", "404", "409", "410", "503"},
        ),
        ("/api/v1/staff/dashboard/", "get", {"200", "401", "403", "404", "503"}),
    ],
)
def test_each_reports_operation_documents_its_statuses(path, method, codes):
    assert set(_paths()[path][method]["responses"]) == codes


def test_the_download_is_a_csv_or_json_file():
    content = _paths()["/api/v1/reports/runs/{run_id}/download/"]["get"]["responses"]["200"][
        "content"
    ]
    assert set(content) == {"text/csv", "application/json"}


def test_the_run_list_filters_by_status():
    (status,) = [
        p for p in _paths()["/api/v1/reports/runs/"]["get"]["parameters"] if p["name"] == "status"
    ]
    assert sorted(status["schema"]["enum"]) == [
        "Expired",
        "Failed",
        "Queued",
        "Running",
        "Succeeded",
    ]
