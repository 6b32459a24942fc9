"""Zero data loss, proven: every phase rolls back and re-applies without losing a row.

Every table is filled through the factories. Then `plan rollback --phase N` runs for each
phase from the last built one to the first, and `plan migrate --phase N` for each from
the first back to the last; every table that exists on both sides of each step must keep
its row count and the checksum of its rows over the columns both sides have, and a
rollback drops only its own phase's tables. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import glob
import hashlib
import importlib
import inspect
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission as AuthPermission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from factory.django import DjangoModelFactory

from doggy.dbtools.plan import (
    PHASES,
    PROJECT_APPS,
    PlanMap,
    plan_items_of_phase,
    table_columns,
    table_row_counts,
    value_fingerprint,
)
from tests.accounts.factories import UserFactory
from tests.plan.conftest import plan_command

SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"


def _app_factories() -> list[type[DjangoModelFactory]]:
    """Every DjangoModelFactory defined in tests/<app>/factories*.py."""
    found = []
    base = Path(settings.BASE_DIR)
    for path in sorted(glob.glob(str(base / "tests" / "*" / "factories*.py"))):
        module_name = ".".join(Path(path).relative_to(base).with_suffix("").parts)
        module = importlib.import_module(module_name)
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, DjangoModelFactory)
                and obj._meta.model is not None
                and obj.__module__ == module.__name__
            ):
                found.append(obj)
    return found


def _fill_every_table() -> None:
    # The system user of accounts/0004 (SCHEMA.md D6) exists in every real database; an
    # earlier test's flush may have removed it from the test database.
    UserFactory(id=SYSTEM_USER_ID, email="system@meandmydoggy.invalid", is_active=False)
    for factory_class in _app_factories():
        factory_class.create_batch(2)
    for user in UserFactory.create_batch(2):
        user.groups.add(Group.objects.create(name=f"group of {user.pk}"))
        user.user_permissions.add(AuthPermission.objects.order_by("pk").first())


def _project_tables() -> set[str]:
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PROJECT_APPS
    }


def _capture() -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table's columns and rows (normalized values), read in full."""
    qn = connection.ops.quote_name
    state = {}
    with connection.cursor() as cursor:
        for table, columns in table_columns(connection).items():
            cursor.execute(f"SELECT {', '.join(qn(c) for c in columns)} FROM {qn(table)}")  # noqa: S608
            state[table] = (columns, [tuple(value_fingerprint(v) for v in row) for row in cursor])
    return state


def _checksum(columns: list[str], rows: list[tuple], keep: list[str]) -> str:
    index = [columns.index(column) for column in keep]
    digest = hashlib.sha256()
    for row in sorted("\x1f".join(row[i] for i in index) for row in rows):
        digest.update(row.encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()


def _compare(before, after, figures: dict, step: str) -> None:
    for table in sorted(set(before) & set(after)):
        (cols_a, rows_a), (cols_b, rows_b) = before[table], after[table]
        common = [column for column in cols_a if column in cols_b]
        figures["tables"] += 1
        figures["rows"] += len(rows_a)
        if len(rows_a) != len(rows_b):
            figures["differences"].append(f"{step}: {table} {len(rows_a)} -> {len(rows_b)} rows")
        elif _checksum(cols_a, rows_a, common) != _checksum(cols_b, rows_b, common):
            figures["differences"].append(f"{step}: {table} rows changed")


def _built_phases() -> list[int]:
    plan_map = PlanMap(MigrationLoader(None, ignore_no_migrations=True).graph)
    return [
        phase
        for phase in PHASES
        if any(plan_map.built_migrations(item) for item in plan_items_of_phase(phase))
    ]


def _round_trips(phases_to_roll_back: list[int]) -> dict:
    """Fill every table, roll the phases back one at a time (last first), then re-apply
    them one at a time; return the figures.

    Each step is compared with the one before it, so each phase's rollback and its
    re-application are checked on their own, and the chain of steps covers what rolling
    a phase back from the end and re-applying it to the end does, running each phase's
    migrations once each way instead of once per earlier phase.
    """
    # Given every table of the project filled through the factories
    _fill_every_table()
    counts = table_row_counts(connection)
    assert sorted(table for table in _project_tables() if not counts.get(table)) == []
    phases = _built_phases()
    figures = {"tables": 0, "rows": 0, "differences": []}
    start = _capture()

    # When each phase, from the last to the first, is rolled back...
    state = start
    for phase in phases_to_roll_back:
        plan_command("rollback", "--phase", str(phase), "--no-backup", "--noinput")
        during = _capture()
        # Then every table on both sides of the step kept its rows, byte for byte
        _compare(state, during, figures, f"rollback of phase {phase}")
        # ...and only tables of the rolled-back phases were dropped
        assert (set(state) - set(during)) & _project_tables() <= _tables_from(phase, phases)
        state = during

    # ...and then re-applied, from the first to the last (the last step to the end)
    targets = [*reversed(phases_to_roll_back[1:]), phases[-1]]
    for phase in targets:
        plan_command("migrate", "--phase", str(phase), "--no-backup", "--noinput")
        after = _capture()
        _compare(state, after, figures, f"re-apply up to phase {phase}")
        state = after

    # Then every table came back
    assert set(state) == set(start)
    return figures


def _tables_from(phase: int, phases: list[int]) -> set[str]:
    return {
        table
        for later_phase in phases
        if later_phase >= phase
        for item in plan_items_of_phase(later_phase)
        for table in item.tables
    }


def _report(capsys, phases: list[int], figures: dict) -> None:
    with capsys.disabled():
        print(
            f"\nzero data loss on {connection.vendor}: phases {phases} rolled back and "
            f"re-applied; {figures['tables']} table comparisons, {figures['rows']} rows "
            f"compared, {len(figures['differences'])} differences"
        )


@pytest.mark.slow
def test_every_later_phase_rolls_back_and_reapplies_without_losing_a_row(migrating_db, capsys):
    phases = [phase for phase in reversed(_built_phases()) if phase > 1]
    if not phases:
        pytest.skip("only phase 1 is built")

    figures = _round_trips(phases)

    assert figures["differences"] == []
    assert figures["tables"] > 0
    _report(capsys, phases, figures)


@pytest.mark.slow
def test_phase_1_rolls_back_and_reapplies_without_losing_a_row(migrating_db, capsys):
    figures = _round_trips([1])

    assert figures["differences"] == []
    _report(capsys, [1], figures)
