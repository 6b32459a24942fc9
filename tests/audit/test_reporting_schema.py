"""The reporting tables (plan 041) against SCHEMA.md 2.41 and amendment A22.

The catalog holds every column with its type, nullability and delete rule; the named
indexes and unique keys are checked in the migrated database, the closed vocabularies'
CHECKs refuse bad values written past all Python validation, and the key follows A22's
pattern.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.deletion import ProtectedError

from audit.models import DashboardSnapshot, ReportDefinition, ReportRun
from tests.accounts.factories import PermissionFactory
from tests.audit.factories import (
    DashboardSnapshotFactory,
    ReportDefinitionFactory,
    ReportRunFactory,
)
from tests.catalog import db_columns, db_constraints, filter_columns, model_columns, named

N, Y = False, True

CATALOG = {
    "ReportDefinitions": {
        "Id": ("auto", N),
        "Key": ("char(100)", N),
        "Name": ("char(200)", N),
        "Description": ("text", N),
        "Audience": ("char(15)", N),
        "RequiredPermissionId": ("fk:Permissions:PROTECT", Y),
        "Parameters": ("json", N),
        "IsActive": ("bool", N),
    },
    "ReportRuns": {
        "Id": ("uuid", N),
        "ReportDefinitionId": ("fk:ReportDefinitions:PROTECT", N),
        "RequestedById": ("fk:Users:SET_NULL", Y),
        "Parameters": ("json", N),
        "Format": ("char(5)", N),
        "Status": ("char(10)", N),
        "RowCount": ("posint", Y),
        "ResultFileId": ("fk:StoredFiles:SET_NULL", Y),
        "Error": ("text", N),
        "CreatedAt": ("datetime", N),
        "StartedAt": ("datetime", Y),
        "FinishedAt": ("datetime", Y),
    },
    "DashboardSnapshots": {
        "Id": ("bigauto", N),
        "Scope": ("char(15)", N),
        "ScopeId": ("char(64)", N),
        "SnapshotDate": ("date", N),
        "Payload": ("json", N),
        "GeneratedAt": ("datetime", N),
    },
}
MODELS = {"ReportDefinitions": ReportDefinition, "ReportRuns": ReportRun}
MODELS["DashboardSnapshots"] = DashboardSnapshot
CHECKS = {
    "ReportDefinitions": ["CK_ReportDefinitions_Audience"],
    "ReportRuns": ["CK_ReportRuns_Format", "CK_ReportRuns_Status"],
    "DashboardSnapshots": ["CK_DashSnapshots_Scope"],
}


@pytest.mark.parametrize("table", CATALOG)
def test_model_has_exactly_the_catalogs_columns(table):
    assert model_columns(MODELS[table]) == CATALOG[table]


@pytest.mark.parametrize("table", CATALOG)
def test_migrated_table_has_the_catalogs_columns_and_nullability(db, table):
    assert db_columns(table) == {column: null for column, (_, null) in CATALOG[table].items()}


@pytest.mark.parametrize("table", CHECKS)
def test_closed_vocabularies_have_their_checks(db, table):
    found = {n for n, c in db_constraints(table).items() if c["check"] and n.startswith("CK_")}
    assert found == set(CHECKS[table])


def test_named_indexes_and_unique_keys(db):
    runs = db_constraints("ReportRuns")
    assert runs["IX_ReportRuns_User_Created"]["columns"] == ["RequestedById", "CreatedAt"]
    assert runs["IX_ReportRuns_Status"]["columns"] == ["Status"]
    assert filter_columns(ReportRun, named(ReportRun, "IX_ReportRuns_Status")) == ["Status"]
    assert named(ReportRun, "IX_ReportRuns_Status").condition.children == [
        ("status__in", ["Queued", "Running"])
    ]
    snapshots = db_constraints("DashboardSnapshots")["UX_DashSnapshots_Key"]
    assert (snapshots["unique"], snapshots["columns"]) == (
        True,
        ["Scope", "ScopeId", "SnapshotDate"],
    )
    key = db_constraints("ReportDefinitions")["UX_ReportDefinitions_Key"]
    assert (key["unique"], key["columns"]) == (True, ["Key"])


def test_the_user_column_leads_a_named_index_and_has_no_generated_one(db):
    generated = [
        name
        for name, c in db_constraints("ReportRuns").items()
        if c["index"] and c["columns"] == ["RequestedById"]
    ]
    assert generated == []


BAD_UPDATES = [
    ("CK_ReportDefinitions_Audience", ReportDefinitionFactory, {"audience": "Staff"}),
    ("CK_ReportRuns_Format", ReportRunFactory, {"format": "xml"}),
    ("CK_ReportRuns_Status", ReportRunFactory, {"status": "Done"}),
    ("CK_DashSnapshots_Scope", DashboardSnapshotFactory, {"scope": "User"}),
]


@pytest.mark.parametrize(
    ("constraint", "factory", "values"), BAD_UPDATES, ids=[c for c, _, _ in BAD_UPDATES]
)
def test_check_constraint_refuses_bad_values(db, constraint, factory, values):
    row = factory()
    model = type(row)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)
    assert constraint in str(refused.value)


def _refused_by(error: IntegrityError, name: str) -> None:
    if connection.vendor == "postgresql":
        assert name in str(error)
    else:
        assert "UNIQUE constraint failed" in str(error)


def test_one_snapshot_per_scope_and_day(db):
    day = datetime.date(2026, 12, 6)
    DashboardSnapshotFactory(snapshot_date=day)
    DashboardSnapshotFactory(snapshot_date=day, scope="Provider", scope_id="p1")
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        DashboardSnapshotFactory(snapshot_date=day)
    _refused_by(refused.value, "UX_DashSnapshots_Key")


def test_definition_keys_are_unique(db):
    ReportDefinitionFactory(key="admin.kyc_queue")
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        ReportDefinition.objects.create(key="admin.kyc_queue", name="Again", audience="Admin")
    _refused_by(refused.value, "UX_ReportDefinitions_Key")


@pytest.mark.parametrize(
    "key", ["admin.kyc_queue", "owner.expenses_by_dog.2026", "a", "x_1.y_2.z_3"]
)
def test_keys_of_dotted_lower_case_segments_are_valid(db, key):
    ReportDefinition(key=key, name="n", audience="Admin").full_clean(validate_unique=False)


@pytest.mark.parametrize(
    "key", ["Admin.kyc", "admin..kyc", ".admin", "admin.", "admin-kyc", "admin kyc", ""]
)
def test_keys_outside_the_pattern_are_refused(db, key):
    with pytest.raises(ValidationError) as refused:
        ReportDefinition(key=key, name="n", audience="Admin").full_clean(validate_unique=False)
    assert "key" in refused.value.message_dict


def test_a_definition_with_runs_and_a_permission_in_use_are_protected(db):
    permission = PermissionFactory(name="reports.view", category="Reports")
    run = ReportRunFactory(report_definition__required_permission=permission)
    with pytest.raises(ProtectedError):
        run.report_definition.delete()
    with pytest.raises(ProtectedError):
        permission.delete()


def test_a_run_outlives_its_requester_and_file(db):
    from tests.doggy.factories import StoredFileFactory

    run = ReportRunFactory(result_file=StoredFileFactory())
    run.requested_by.delete()
    run.result_file.delete()
    run.refresh_from_db()
    assert (run.requested_by_id, run.result_file_id) == (None, None)
