"""`plan lint`: each rule fires on the operation it names, and only on an existing table."""

from __future__ import annotations

import pytest
from django.contrib.postgres.operations import AddIndexConcurrently
from django.core.management import CommandError, call_command
from django.db import migrations, models
from django.db.migrations.loader import MigrationLoader

from doggy.core.migration_ops import (
    AddConstraintNotValid,
    AddConstraintOnline,
    AddFieldIndexOnline,
    AddForeignKeyNotValid,
    AddIndexOnline,
    ValidateConstraint,
    ValidateForeignKey,
)
from doggy.dbtools import migration_lint
from doggy.dbtools.backfill import backfill
from doggy.dbtools.migration_lint import lint_migrations, lint_one, lint_sequence

PHASE_3 = 3  # DogProfiles (pets, phase 2) exists before phase 3 begins


@pytest.fixture(scope="module")
def graph():
    return MigrationLoader(None, ignore_no_migrations=True).graph


def lint(graph, *operations, app="pets", phase=PHASE_3):
    migration = migrations.Migration("0099_probe", app)
    migration.operations = list(operations)
    return [(f.rule, f.subject) for f in lint_one(graph, app, migration, phase)]


def _fill(apps, schema_editor):
    dogs = apps.get_model("pets", "DogProfile")._default_manager
    backfill(dogs.filter(nickname__isnull=True), values={"nickname": "x"}, progress=False)


def _plain(apps, schema_editor):
    apps.get_model("pets", "DogProfile")._default_manager.update(name="x")


def test_not_null_column_without_default_on_a_populated_table_is_flagged(graph):
    bad = migrations.AddField("dogprofile", "nickname", models.CharField(max_length=40))
    assert lint(graph, bad) == [("DL001", "DogProfiles.nickname")]


def test_not_null_column_with_a_default_passes(graph):
    good = migrations.AddField(
        "dogprofile", "nickname", models.CharField(max_length=40, default="")
    )
    assert lint(graph, good) == []


def test_tables_created_in_the_same_phase_are_not_existing(graph):
    create = migrations.CreateModel(
        "Probe", [("id", models.BigAutoField(primary_key=True))], options={"db_table": "Probes"}
    )
    add = migrations.AddField("probe", "label", models.CharField(max_length=5))
    index = migrations.AddIndex("probe", models.Index(fields=["label"], name="IX_Probes_Label"))
    assert lint(graph, create, add, index) == []


def test_index_on_an_existing_table_needs_the_online_build(graph):
    index = models.Index(fields=["name"], name="IX_Dogs_Probe")
    assert lint(graph, migrations.AddIndex("dogprofile", index)) == [
        ("DL003", "DogProfiles IX_Dogs_Probe")
    ]
    assert lint(graph, AddIndexConcurrently("dogprofile", index)) == []


def test_check_constraint_and_foreign_key_on_an_existing_table(graph):
    check = models.CheckConstraint(condition=models.Q(weight__gte=0), name="CK_Dogs_Probe")
    fk = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, db_column="ProbeUserId"
    )
    assert lint(graph, migrations.AddConstraint("dogprofile", check)) == [
        ("DL004", "DogProfiles CK_Dogs_Probe")
    ]
    assert lint(graph, migrations.AddField("dogprofile", "probe_user", fk)) == [
        ("DL004", "DogProfiles.ProbeUserId"),
        ("DL003", "DogProfiles.ProbeUserId"),
    ]


def test_type_change_is_flagged_but_widening_a_varchar_is_not(graph):
    narrow = migrations.AlterField("dogprofile", "name", models.CharField(max_length=10))
    wide = migrations.AlterField(
        "dogprofile", "name", models.CharField(max_length=400, db_column="Name")
    )
    retyped = migrations.AlterField("dogprofile", "name", models.IntegerField(db_column="Name"))
    assert ("DL002", "DogProfiles.name") in lint(graph, narrow)
    assert [r for r, _ in lint(graph, wide)] == []
    assert ("DL002", "DogProfiles.Name") in lint(graph, retyped)


def test_drops_are_flagged(graph):
    assert lint(graph, migrations.RemoveField("dogprofile", "weight")) == [
        ("DL005", "DogProfiles.Weight")
    ]


def test_run_python_needs_a_reverse_and_the_backfill_helper(graph):
    assert lint(graph, migrations.RunPython(_plain)) == [("DL006", "_plain"), ("DL007", "_plain")]
    assert lint(graph, migrations.RunPython(_fill, migrations.RunPython.noop)) == []
    assert lint(graph, migrations.RunSQL("UPDATE x SET y = 1")) == [("DL006", "UPDATE x SET y = 1")]


def test_made_not_null_after_a_backfill_in_the_same_migration_passes(graph):
    add = migrations.AddField("dogprofile", "nickname", models.CharField(max_length=40, null=True))
    fill = migrations.RunPython(_fill, migrations.RunPython.noop)
    tighten = migrations.AlterField("dogprofile", "nickname", models.CharField(max_length=40))
    assert lint(graph, add, fill, tighten) == []
    assert lint(graph, add, tighten) == [("DL001", "DogProfiles.nickname")]


def test_every_project_migration_passes_or_is_acknowledged(graph):
    report = lint_migrations(graph)
    assert report.migrations >= 57
    assert report.open == []
    assert report.stale_acknowledgements == []
    assert all(finding.acknowledged for finding in report.findings)


def test_command_fails_on_a_stale_acknowledgement(monkeypatch, capsys):
    stale = ("pets", "0001_initial", "DL005", "Nowhere.Column")
    monkeypatch.setitem(migration_lint.ACKNOWLEDGED, stale, "no longer true")
    with pytest.raises(CommandError, match="plan lint failed"):
        call_command("plan", "lint")
    assert "stale acknowledgement" in capsys.readouterr().out


def test_command_reports_the_counts(capsys):
    call_command("plan", "lint")
    assert " 0 open, 0 stale acknowledgements." in capsys.readouterr().out


# --- The online operations (doggy.core.migration_ops) are the fix of DL003 and DL004 -----
def _migration(name, *operations, atomic=True):
    migration = migrations.Migration(name, "pets")
    migration.operations = list(operations)
    migration.atomic = atomic
    return migration


def lint_steps(graph, *steps):
    return [
        (f.migration, f.rule, f.subject) for f in lint_sequence(graph, "pets", list(steps), PHASE_3)
    ]


PROBE_CHECK = models.CheckConstraint(condition=models.Q(weight__gte=0), name="CK_Dogs_Probe")
PROBE_FK = models.ForeignKey(
    "accounts.User", null=True, on_delete=models.SET_NULL, db_column="ProbeUserId"
)


def test_online_index_builds_pass_in_a_non_atomic_migration(graph):
    index = models.Index(fields=["name"], name="IX_Dogs_Probe")
    unique = models.UniqueConstraint(
        fields=["name"], condition=models.Q(is_active=True), name="UX_Dogs_Probe"
    )
    online = _migration(
        "0099_online",
        AddIndexOnline("dogprofile", index),
        AddConstraintOnline("dogprofile", unique),
        atomic=False,
    )
    assert lint_steps(graph, online) == []
    # The plain AddConstraint of the same unique constraint is DL003
    assert lint(graph, migrations.AddConstraint("dogprofile", unique)) == [
        ("DL003", "DogProfiles UX_Dogs_Probe")
    ]


def test_an_online_build_in_an_atomic_migration_is_flagged(graph):
    index = models.Index(fields=["name"], name="IX_Dogs_Probe")
    atomic = _migration("0099_atomic", AddIndexOnline("dogprofile", index))
    assert lint_steps(graph, atomic) == [
        ("0099_atomic", "DL003", "DogProfiles IX_Dogs_Probe (online build in an atomic migration)")
    ]


def test_not_valid_constraints_validated_in_a_later_migration_pass(graph):
    add = _migration(
        "0099_add",
        AddConstraintNotValid("dogprofile", PROBE_CHECK),
        AddForeignKeyNotValid("dogprofile", "probe_user", PROBE_FK),
    )
    online = _migration(
        "0099_add_online",
        AddFieldIndexOnline("dogprofile", "probe_user"),
        ValidateConstraint("dogprofile", "CK_Dogs_Probe"),
        ValidateForeignKey("dogprofile", "probe_user"),
        atomic=False,
    )
    assert lint_steps(graph, add, online) == []


def test_a_not_valid_constraint_never_validated_is_flagged(graph):
    add = _migration(
        "0099_add",
        AddConstraintNotValid("dogprofile", PROBE_CHECK),
        AddForeignKeyNotValid("dogprofile", "probe_user", PROBE_FK),
    )
    assert lint_steps(graph, add) == [
        ("0099_add", "DL004", "DogProfiles CK_Dogs_Probe (never validated)"),
        ("0099_add", "DL004", "DogProfiles.ProbeUserId (never validated)"),
    ]


def test_validating_in_the_migration_that_adds_the_constraint_is_flagged(graph):
    both = _migration(
        "0099_both",
        AddConstraintNotValid("dogprofile", PROBE_CHECK),
        ValidateConstraint("dogprofile", "CK_Dogs_Probe"),
    )
    assert lint_steps(graph, both) == [
        (
            "0099_both",
            "DL004",
            "DogProfiles CK_Dogs_Probe (validated in the migration that adds it)",
        )
    ]
