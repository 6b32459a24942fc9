"""The migrated analytics tables against SCHEMA.md 2.34–2.36 and amendments A7, A16, A17.

The plan gives titles only for items 034–036, so the catalog is the contract: every
column with its type, nullability and delete rule, every named index and unique key,
every CHECK, and the amendments: open vocabularies without a CHECK (A7), fill state
keyed by property and frequency (A16), and the provider KPI columns of A17 in place of
2.36's first draft.
"""

from __future__ import annotations

import pytest
from django.db import models

from audit import models as audit_models
from doggy.core.db import UtcNow
from tests.audit.test_reporting_schema import CATALOG as REPORTING_CATALOG
from tests.catalog import db_columns, db_constraints, model_columns

N, Y = False, True
# Plan 041's tables have their own catalog (tests/audit/test_reporting_schema.py).
REPORTING_TABLES = tuple(REPORTING_CATALOG)

CATALOG = {
    "AnalyticsEvents": {
        "Id": ("bigauto", N),
        "UserId": ("fk:Users:SET_NULL", Y),
        "AnonymousId": ("char(64)", N),
        "SessionId": ("fk:UserSessions:SET_NULL", Y),
        "EventName": ("char(100)", N),
        "Properties": ("json", N),
        "Platform": ("char(8)", N),
        "AppVersion": ("char(30)", N),
        "CountryCode": ("char(2)", N),
        "OccurredAt": ("datetime", N),
        "ReceivedAt": ("datetime", N),
    },
    "UserDailyActivity": {
        "Id": ("bigauto", N),
        "UserId": ("fk:Users:CASCADE", N),
        "ActivityDate": ("date", N),
        "Platform": ("char(8)", N),
        "RequestCount": ("posint", N),
        "ActiveSeconds": ("posint", N),
        "FirstSeenAt": ("datetime", N),
        "LastSeenAt": ("datetime", N),
    },
    "MetricCounts": {
        "Id": ("bigauto", N),
        "Property": ("char(60)", N),
        "Subgroup": ("char(60)", N),
        "Frequency": ("char(4)", N),
        "EndTime": ("datetime", N),
        "ScopeType": ("char(10)", N),
        "ScopeId": ("char(64)", N),
        "Value": ("dec(18,4)", N),
    },
    "MetricFillStates": {
        "Id": ("bigauto", N),
        "Property": ("char(60)", N),
        "Frequency": ("char(4)", N),
        "EndTime": ("datetime", N),
        "State": ("char(8)", N),
        "UpdatedAt": ("datetime", N),
    },
    "ProviderPerformanceSnapshots": {
        "Id": ("bigauto", N),
        "ProviderId": ("fk:ServiceProviders:CASCADE", N),
        "PeriodStart": ("date", N),
        "PeriodEnd": ("date", N),
        "RequestsReceived": ("posint", N),
        "RequestsAccepted": ("posint", N),
        "RequestsDeclined": ("posint", N),
        "RequestsExpired": ("posint", N),
        "Cancellations": ("posint", N),
        "OnTimeArrivals": ("posint", N),
        "LateArrivals": ("posint", N),
        "MedianResponseSeconds": ("posint", Y),
        "ComputedAt": ("datetime", N),
    },
}
INDEXES = {
    "IX_AnalyticsEvents_Name_Time": ("AnalyticsEvents", ["EventName", "OccurredAt"]),
    "IX_AnalyticsEvents_User_Time": ("AnalyticsEvents", ["UserId", "OccurredAt"]),
    "IX_MetricCounts_Prop_End": ("MetricCounts", ["Property", "EndTime"]),
}
UNIQUES = {
    "UX_UserDailyActivity_Key": ("UserDailyActivity", ["UserId", "ActivityDate", "Platform"]),
    "UX_MetricCounts_Key": (
        "MetricCounts",
        ["Property", "Subgroup", "Frequency", "EndTime", "ScopeType", "ScopeId"],
    ),
    "UX_MetricFillStates_Prop_Freq": ("MetricFillStates", ["Property", "Frequency"]),
    "UX_ProviderPerf_Prov_Period": (
        "ProviderPerformanceSnapshots",
        ["ProviderId", "PeriodStart", "PeriodEnd"],
    ),
}
CHECKS = {
    # EventName and Property are open vocabularies: no CHECK (A7)
    "AnalyticsEvents": ["CK_AnalyticsEvents_Platform"],
    "UserDailyActivity": ["CK_UserDailyActivity_Platform"],
    "MetricCounts": ["CK_MetricCounts_Frequency", "CK_MetricCounts_ScopeType"],
    "MetricFillStates": ["CK_MetricFillStates_Frequency", "CK_MetricFillStates_State"],
    "ProviderPerformanceSnapshots": ["CK_ProvPerf_Period"],
}
DEFAULTS = {
    ("AnalyticsEvents", "AnonymousId"): "",
    ("AnalyticsEvents", "AppVersion"): "",
    ("AnalyticsEvents", "CountryCode"): "",
    ("UserDailyActivity", "RequestCount"): 0,
    ("MetricCounts", "Subgroup"): "",
    ("MetricCounts", "Frequency"): "day",
    ("MetricCounts", "ScopeType"): "Platform",
    ("MetricCounts", "ScopeId"): "",
    ("ProviderPerformanceSnapshots", "RequestsReceived"): 0,
    ("ProviderPerformanceSnapshots", "LateArrivals"): 0,
}
UTC_NOW = [
    ("AnalyticsEvents", "ReceivedAt"),
    ("MetricFillStates", "UpdatedAt"),
    ("ProviderPerformanceSnapshots", "ComputedAt"),
]
# 2.36's first draft, replaced by A17's counts
NOT_THERE = [
    "Completed",
    "CancelledByProvider",
    "CancelledByOwner",
    "NoShowProvider",
    "MedianResponseMinutes",
    "OnTimeCheckInRate",
    "RepeatClientRate",
]

MODELS = {
    m._meta.db_table: m
    for m in vars(audit_models).values()
    if isinstance(m, type) and issubclass(m, models.Model) and m._meta.db_table in CATALOG
}


def _field(table: str, column: str) -> models.Field:
    (field,) = [f for f in MODELS[table]._meta.concrete_fields if f.column == column]
    return field


def test_the_catalog_covers_every_phase_5_audit_model():
    phase_5 = {
        m._meta.db_table
        for m in vars(audit_models).values()
        if isinstance(m, type)
        and issubclass(m, models.Model)
        and m._meta.app_label == "audit"
        and m._meta.db_table not in ("AuditLogs", *REPORTING_TABLES)
    }
    assert phase_5 == set(CATALOG)


@pytest.mark.parametrize("table", CATALOG)
def test_model_has_exactly_the_catalogs_columns_types_and_delete_rules(table):
    assert model_columns(MODELS[table]) == CATALOG[table]


@pytest.mark.parametrize("table", CATALOG)
def test_migrated_table_has_the_catalogs_columns_and_nullability(db, table):
    assert db_columns(table) == {column: null for column, (_, null) in CATALOG[table].items()}


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = db_constraints(table)[name]
    assert (constraint["index"], constraint["unique"]) == (True, False)
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = db_constraints(table)[name]
    assert constraint["unique"] is True
    assert constraint["columns"] == columns


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    found = {n for n, c in db_constraints(table).items() if c["check"] and n.startswith("CK_")}
    assert found == set(CHECKS[table])


@pytest.mark.parametrize(("where", "value"), DEFAULTS.items(), ids=[c for _, c in DEFAULTS])
def test_catalog_default(where, value):
    field = _field(*where)
    assert field.get_default() == value
    assert not field.has_db_default()


@pytest.mark.parametrize("where", UTC_NOW, ids=[c for _, c in UTC_NOW])
def test_timestamps_default_to_utc_now_in_the_database(where):
    assert isinstance(_field(*where).db_default, UtcNow)


@pytest.mark.parametrize("column", NOT_THERE)
def test_provider_snapshots_hold_a17s_counts_not_the_first_draft(db, column):
    assert column not in db_columns("ProviderPerformanceSnapshots")


def test_no_generated_index_duplicates_a_named_one(db):
    for table in CATALOG:
        constraints = db_constraints(table)
        leads = {
            c["columns"][0]
            for n, c in constraints.items()
            if (c["index"] or c["unique"]) and n[:3] in ("IX_", "UX_") and c["columns"]
        }
        generated = [
            n
            for n, c in constraints.items()
            if c["index"]
            and not c["unique"]
            and n[:3] not in ("IX_", "UX_")
            and not c["primary_key"]
            and c["columns"]
            and c["columns"][0] in leads
        ]
        assert generated == [], table
