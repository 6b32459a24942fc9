"""Plan 042's tables against SCHEMA.md 2.42 with A7 and A23, and their CHECKs refused.

Open vocabularies (`Component`, `JobName`, A7) have no CHECK; the latency table keeps
additive histogram counts and no stored percentile (A23).
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from doggy.models import ApiMetricBucket, HealthCheckResult
from tests import catalog
from tests.doggy.factories import (
    ApiMetricBucketFactory,
    BackgroundJobRunFactory,
    HealthCheckResultFactory,
    SystemIncidentFactory,
)

COLUMNS = {
    "HealthCheckResults": {
        "Id": False,
        "Component": False,
        "Status": False,
        "LatencyMs": True,
        "Message": False,
        "Details": False,
        "CheckedAt": False,
    },
    "SystemIncidents": {
        "Id": False,
        "Title": False,
        "Severity": False,
        "Status": False,
        "AffectedComponents": False,
        "StartedAt": False,
        "ResolvedAt": True,
        "CreatedById": True,
        "PublicMessage": False,
    },
    "BackgroundJobRuns": {
        "Id": False,
        "JobName": False,
        "Status": False,
        "Attempt": False,
        "StartedAt": False,
        "FinishedAt": True,
        "DurationMs": True,
        "ItemsProcessed": True,
        "Error": False,
    },
    "ApiMetricBuckets": {
        "Id": False,
        "BucketStart": False,
        "Route": False,
        "Method": False,
        "StatusClass": False,
        "Count": False,
        "SumMs": False,
        **{f"Le{n}": False for n in (5, 10, 25, 50, 100, 250, 500, 1000)},
        "LeInf": False,
    },
}
INDEXES = {
    "IX_HealthChecks_Comp_Time": ("HealthCheckResults", ["Component", "CheckedAt"]),
    "IX_JobRuns_Name_Started": ("BackgroundJobRuns", ["JobName", "StartedAt"]),
}
UNIQUES = {
    "UX_ApiMetrics_Key": ("ApiMetricBuckets", ["BucketStart", "Route", "Method", "StatusClass"]),
}
CHECKS = {
    "HealthCheckResults": {"CK_HealthCheckResults_Status"},
    "SystemIncidents": {
        "CK_Incidents_Resolved",
        "CK_SystemIncidents_Severity",
        "CK_SystemIncidents_Status",
    },
    "BackgroundJobRuns": {"CK_BackgroundJobRuns_Status"},
    "ApiMetricBuckets": {"CK_ApiMetricBuckets_StatusClass"},
}
BAD_UPDATES = [
    ("CK_HealthCheckResults_Status", HealthCheckResultFactory, {"status": "Down"}),
    ("CK_SystemIncidents_Severity", SystemIncidentFactory, {"severity": "Tiny"}),
    ("CK_SystemIncidents_Status", SystemIncidentFactory, {"status": "Closed"}),
    ("CK_Incidents_Resolved", SystemIncidentFactory, {"resolved_at": None}),
    ("CK_BackgroundJobRuns_Status", BackgroundJobRunFactory, {"status": "Queued"}),
    ("CK_ApiMetricBuckets_StatusClass", ApiMetricBucketFactory, {"status_class": "1xx"}),
]


@pytest.mark.parametrize("table", COLUMNS)
def test_table_has_exactly_the_catalogs_columns(db, table):
    assert catalog.db_columns(table) == COLUMNS[table]


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists(db, name, where):
    catalog.assert_index(where[0], name, where[1], unique=False)


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists(db, name, where):
    catalog.assert_index(where[0], name, where[1], unique=True)


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    assert catalog.named_checks(table) == CHECKS[table]


@pytest.mark.parametrize(("_case", "factory", "values"), BAD_UPDATES)
def test_check_constraint_refuses_bad_values(db, _case, factory, values):
    row = factory()
    model = type(row)
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)
    assert model.objects.filter(pk=row.pk).values(*values).get() != values


def test_an_open_incident_needs_no_resolution_time(db):
    incident = SystemIncidentFactory(status="Investigating", resolved_at=None)
    assert incident.resolved_at is None


def test_open_vocabularies_take_any_name(db):
    # A7: components and job names are checked in code, not by the database
    HealthCheckResultFactory(component="a_new_probe")
    BackgroundJobRunFactory(job_name="a_new_job")
    assert HealthCheckResult.objects.filter(component="a_new_probe").count() == 1


def test_one_bucket_per_minute_route_method_and_class(db):
    bucket = ApiMetricBucketFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ApiMetricBucket.objects.bulk_create(
            [
                ApiMetricBucket(
                    bucket_start=bucket.bucket_start,
                    route=bucket.route,
                    method=bucket.method,
                    status_class=bucket.status_class,
                )
            ]
        )
    assert ApiMetricBucket.objects.count() == 1


def test_no_percentile_is_stored(db):
    # A23: percentiles are computed from the histogram when read
    assert not {"P50Ms", "P95Ms", "P99Ms", "MaxMs", "RequestCount"} & set(
        catalog.db_columns("ApiMetricBuckets")
    )
