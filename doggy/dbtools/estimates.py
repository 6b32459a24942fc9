"""Time estimates of migrations, and the plan history that calibrates them.

`plan migrate` estimates each migration before it runs, from the row counts of the tables
its operations touch and a per-operation cost model, and records how long it really took
in the plan history table (`doggy_plan_history`, created by the tool on first use, like
Django's own `django_migrations`). The recorded timings calibrate later estimates: the
raw estimate is multiplied by the median of (actual / raw estimate) over the history of
this database. With `--max-ratio R` a step that runs past R times its estimate aborts the
phase, which is then rolled back (see the plan command).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from django.apps.registry import Apps
from django.db import DatabaseError, models
from django.db.migrations import operations as ops
from django.db.migrations.migration import Migration
from django.db.migrations.state import ProjectState
from django.utils import timezone

from doggy.core import migration_ops as online

HISTORY_TABLE = "doggy_plan_history"
# An estimate is never below this: fixed costs of a migration (transaction, DDL round
# trips, state rendering) dominate small tables, and a ratio to a near-zero estimate
# would trip on noise.
MIN_ESTIMATE_SECONDS = 0.5

# Seconds per operation, and per row of the table the operation touches. The per-row
# figures are deliberately conservative starting points (PostgreSQL on commodity disks);
# the history of each database calibrates them.
COSTS: dict[str, tuple[float, float]] = {
    "create": (0.01, 0.0),  # a new, empty table
    "add_column": (0.01, 2e-7),  # metadata, or a rewrite when a default is not constant
    "alter_column": (0.01, 3e-6),  # a rewrite or a validating scan
    "index": (0.01, 2e-6),  # a sort of the table
    "constraint": (0.01, 1e-6),  # a validating scan
    "drop": (0.01, 1e-7),
    "data": (0.05, 2e-5),  # Python over the rows, in batches
    "other": (0.01, 0.0),
}


def operation_kind(operation) -> str:
    # The online forms (doggy.core.migration_ops): a NOT VALID constraint reads no row;
    # the index builds sort, and the validations scan, the table.
    if isinstance(operation, online.AddConstraintNotValid):
        return "other"
    if isinstance(operation, online.AddFieldIndexOnline | online.AddConstraintOnline):
        return "index"
    if isinstance(operation, online.ValidateConstraint):
        return "constraint"
    if isinstance(operation, ops.CreateModel):
        return "create"
    if isinstance(operation, ops.AddField):
        return "add_column"
    if isinstance(operation, ops.AlterField | ops.RenameField):
        return "alter_column"
    if isinstance(operation, ops.AddIndex | ops.AlterUniqueTogether | ops.AlterIndexTogether):
        return "index"
    if isinstance(operation, ops.AddConstraint):
        return "constraint"
    if isinstance(operation, ops.RemoveField | ops.DeleteModel | ops.RemoveIndex):
        return "drop"
    if isinstance(operation, ops.RunPython | ops.RunSQL) or not operation.reduces_to_sql:
        return "data"
    return "other"


def _table_of(operation, app_label: str, state: ProjectState) -> str | None:
    name = getattr(operation, "model_name", None) or getattr(operation, "name", None)
    if not isinstance(name, str):
        return None
    model_state = state.models.get((app_label, name.lower()))
    if model_state is None:
        return None
    return model_state.options.get("db_table") or f"{app_label}_{model_state.name_lower}"


def raw_estimate(migration: Migration, state: ProjectState, row_counts: dict[str, int]) -> float:
    """Seconds the cost model gives `migration`, applied on top of `state`."""
    state = state.clone()
    total = 0.0
    for operation in migration.operations:
        base, per_row = COSTS[operation_kind(operation)]
        table = _table_of(operation, migration.app_label, state)
        rows = row_counts.get(table, 0) if table else 0
        if isinstance(operation, ops.RunPython | ops.RunSQL):
            # A data step reads the tables of its migration: take the largest.
            rows = max((row_counts.get(t, 0) for t in _tables_of(migration, state)), default=0)
        total += base + per_row * rows
        operation.state_forwards(migration.app_label, state)
    return total


def _tables_of(migration: Migration, state: ProjectState) -> set[str]:
    tables = set()
    for operation in migration.operations:
        table = _table_of(operation, migration.app_label, state)
        if table:
            tables.add(table)
    return tables


# --- The history table -------------------------------------------------------------------
_history_apps = Apps()


class PlanStepRun(models.Model):
    """One migration applied by `plan migrate`: how long it took against its estimate."""

    app = models.CharField(max_length=255)
    name = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    seconds = models.FloatField()
    raw_estimate_seconds = models.FloatField()
    estimate_seconds = models.FloatField()
    outcome = models.CharField(max_length=20)  # applied, aborted, failed

    class Meta:
        apps = _history_apps
        app_label = "plan_history"
        db_table = HISTORY_TABLE

    def __str__(self) -> str:
        return f"{self.app}.{self.name}: {self.seconds:.2f}s of {self.estimate_seconds:.2f}s"


def history_exists(connection) -> bool:
    with connection.cursor() as cursor:
        return HISTORY_TABLE in connection.introspection.table_names(cursor)


def history_ensure(connection) -> None:
    if not history_exists(connection):
        with connection.schema_editor() as editor:
            editor.create_model(PlanStepRun)


def history_record(connection, *, app, name, seconds, raw, estimate, outcome) -> None:
    history_ensure(connection)
    PlanStepRun.objects.using(connection.alias).create(
        app=app,
        name=name,
        started_at=timezone.now(),
        seconds=seconds,
        raw_estimate_seconds=raw,
        estimate_seconds=estimate,
        outcome=outcome,
    )


def history_runs(connection) -> list[PlanStepRun]:
    if not history_exists(connection):
        return []
    return list(PlanStepRun.objects.using(connection.alias).order_by("pk"))


def calibration_factor(connection) -> float:
    """Median of actual / raw estimate over this database's applied steps (1.0 without)."""
    try:
        ratios = [
            run.seconds / run.raw_estimate_seconds
            for run in history_runs(connection)
            if run.outcome == "applied" and run.raw_estimate_seconds > 0
        ]
    except DatabaseError:
        return 1.0
    return statistics.median(ratios) if ratios else 1.0


@dataclass(frozen=True)
class Estimate:
    raw: float
    seconds: float  # calibrated, at least MIN_ESTIMATE_SECONDS

    @classmethod
    def of(cls, raw: float, factor: float) -> Estimate:
        return cls(raw=raw, seconds=max(MIN_ESTIMATE_SECONDS, raw * factor))
