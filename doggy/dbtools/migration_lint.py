"""`plan lint`: the migration linter, run over every project migration in `make test`.

It reads the operations of each migration (not the SQL of one vendor), so one rule covers
PostgreSQL and SQL Server alike, and flags what locks or rewrites a table that already
holds rows, or loses data:

    DL001  NOT NULL column added (or a column made NOT NULL) without a default
    DL002  column type changed
    DL003  index built on an existing table without CONCURRENTLY / ONLINE = ON
    DL004  foreign key or check constraint added to an existing table in one validating step
    DL005  column or table dropped
    DL006  RunPython / RunSQL without a reverse
    DL007  data migration that does not go through the backfill helper

"Existing table" means a table that existed before the migration's *phase* began: the
baseline's adopted Identity tables, and every table an earlier phase created. A table
created earlier in the same phase is still empty when the phase is deployed (a phase is
deployed as a whole, `plan migrate --phase N`), so building its indexes and constraints
inline costs nothing. Migrations that no plan item claims are linted as their own phase.

The fix of DL003 and DL004 is doggy.core.migration_ops: online index builds in a
migration with `atomic = False`, constraints added NOT VALID and validated in a later
migration. Used wrongly, those are findings too: an online build in an atomic migration
(DL003), a validation in the migration that adds the constraint, and a constraint added
NOT VALID that no migration validates (DL004).

A finding that is accepted on purpose is listed in `ACKNOWLEDGED` (doggy/dbtools/
migration_lint_acks.py) with the reason; every acknowledgement must still match a
finding, so a stale one fails the lint too.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from django.db.migrations import operations as ops
from django.db.migrations.graph import MigrationGraph
from django.db.migrations.migration import Migration
from django.db.migrations.operations.base import Operation
from django.db.migrations.state import ProjectState

from doggy.core import migration_ops as online
from doggy.dbtools import backfill as backfill_module
from doggy.dbtools.migration_lint_acks import ACKNOWLEDGED
from doggy.dbtools.plan import PROJECT_APPS, Node, graph_order, plan_item_of_migration

RULES: dict[str, tuple[str, str]] = {
    "DL001": (
        "NOT NULL column on an existing table without a default",
        "add it nullable (or with db_default), backfill it with doggy.dbtools.backfill, "
        "then make it NOT NULL in a later step",
    ),
    "DL002": (
        "column type changed on an existing table (a rewrite under an exclusive lock)",
        "add a new column, backfill it, switch readers, then drop the old one",
    ),
    "DL003": (
        "index on an existing table built without CONCURRENTLY / ONLINE = ON",
        "build it with AddIndexOnline / AddConstraintOnline / AddFieldIndexOnline "
        "(doggy.core.migration_ops) in a migration with atomic = False",
    ),
    "DL004": (
        "foreign key or check constraint added to an existing table in one validating step",
        "add it with AddConstraintNotValid / AddForeignKeyNotValid, then ValidateConstraint "
        "/ ValidateForeignKey in a later migration with atomic = False",
    ),
    "DL005": (
        "column or table dropped: its data is lost",
        "copy what is still needed first, and acknowledge the drop with the reason",
    ),
    "DL006": (
        "RunPython or RunSQL without a reverse: the migration cannot be rolled back",
        "give it a reverse (RunPython.noop / RunSQL.noop when there is truly nothing to undo)",
    ),
    "DL007": (
        "data migration that does not go through the backfill helper",
        "walk the rows with doggy.dbtools.backfill.backfill (batched, resumable, idempotent)",
    ),
}


@dataclass(frozen=True)
class Finding:
    rule: str
    app: str
    migration: str
    index: int  # position of the operation in `operations` (0-based)
    subject: str  # what the operation touches, e.g. "DogProfiles.OwnerId"
    acknowledged: str | None = None

    @property
    def title(self) -> str:
        return RULES[self.rule][0]

    @property
    def fix(self) -> str:
        return RULES[self.rule][1]

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.app, self.migration, self.rule, self.subject)

    def __str__(self) -> str:
        where = f"{self.app}/{self.migration} operation {self.index + 1}"
        return f"{self.rule} {where}: {self.title} ({self.subject})"


@dataclass
class LintReport:
    findings: list[Finding]
    stale_acknowledgements: list[tuple[str, str, str, str]]
    migrations: int

    @property
    def open(self) -> list[Finding]:
        return [f for f in self.findings if f.acknowledged is None]

    @property
    def ok(self) -> bool:
        return not self.open and not self.stale_acknowledgements


# --- The phase of a migration ------------------------------------------------------------
def migration_phase(node: Node) -> int | str:
    """The phase that deploys `node`: 0 for the baseline (its tables pre-exist the plan)."""
    item = plan_item_of_migration(node)
    if item is None:
        return f"{node[0]}.{node[1]}"  # unclaimed: its own phase
    return 0 if item.number == 0 else item.phase


# --- Linting -----------------------------------------------------------------------------
class _Linter:
    """Walks migrations in graph order, keeping the project state and where tables began."""

    def __init__(self):
        self.backfilled = False
        self.atomic = True
        self.migration = ""
        self.state = ProjectState(real_apps=set())
        self.born: dict[tuple[str, str], int | str] = {}  # model key -> phase that created it
        # Constraints added NOT VALID and not validated yet: key -> (migration, index, subject)
        self.unvalidated: dict[tuple[str, str, str], tuple[str, int, str]] = {}

    def existing(self, app: str, model: str, phase: int | str) -> bool:
        born = self.born.get((app, model.lower()))
        if born is None:
            return app not in PROJECT_APPS  # a table of another app: it is there already
        return born != phase

    def lint(self, app: str, migration: Migration, phase: int | str) -> Iterator[Finding]:
        # A column made NOT NULL right after the backfill helper filled it, in the same
        # migration, is the fix of DL001 itself (nullable, backfill, NOT NULL).
        self.backfilled = False
        self.atomic = migration.atomic
        self.migration = migration.name
        for index, operation in enumerate(migration.operations):
            for rule, subject in self._check(app, operation, phase):
                yield Finding(rule, app, migration.name, index, subject)
            self._track_validation(app, migration.name, index, operation)
            self._advance(app, operation, phase)

    def unvalidated_findings(self) -> Iterator[Finding]:
        """DL004 for every constraint added NOT VALID that no later migration validates."""
        for (app, _model, _name), (migration, index, subject) in self.unvalidated.items():
            yield Finding("DL004", app, migration, index, f"{subject} (never validated)")

    def _track_validation(self, app: str, migration: str, index: int, op: Operation) -> None:
        if isinstance(op, online.AddConstraintNotValid):
            key = (app, op.model_name_lower, op.constraint.name)
            subject = f"{self._table(app, op.model_name)} {op.constraint.name}"
        elif isinstance(op, online.AddForeignKeyNotValid):
            key = (app, op.model_name_lower, f"field:{op.name}")
            subject = f"{self._table(app, op.model_name)}.{_column(op.field, op.name)}"
        elif isinstance(op, online.ValidateForeignKey):
            self.unvalidated.pop((app, op.model_name_lower, f"field:{op.name}"), None)
            return
        elif isinstance(op, online.ValidateConstraint):
            self.unvalidated.pop((app, op.model_name_lower, op.name), None)
            return
        else:
            return
        self.unvalidated[key] = (migration, index, subject)

    # The state after each operation, and where each table was born.
    def _advance(self, app: str, operation: Operation, phase: int | str) -> None:
        if isinstance(operation, ops.CreateModel):
            self.born[(app, operation.name_lower)] = phase
        elif isinstance(operation, ops.SeparateDatabaseAndState):
            for inner in operation.state_operations:
                if isinstance(inner, ops.CreateModel):
                    self.born[(app, inner.name_lower)] = phase
        operation.state_forwards(app, self.state)

    def _model(self, app: str, name: str):
        return self.state.models[(app, name.lower())]

    def _table(self, app: str, name: str) -> str:
        model_state = self._model(app, name)
        return model_state.options.get("db_table") or f"{app}_{model_state.name_lower}"

    def _field(self, app: str, model: str, name: str) -> models.Field | None:
        try:
            return self._model(app, model).get_field(name)
        except KeyError:
            return None

    def _check(self, app: str, op: Operation, phase) -> Iterator[tuple[str, str]]:
        if isinstance(op, ops.SeparateDatabaseAndState):
            for inner in op.database_operations:
                yield from self._check(app, inner, phase)
            return
        if isinstance(op, ops.RunPython):
            yield from self._check_run_python(app, op)
            return
        if isinstance(op, ops.RunSQL):
            if op.reverse_sql is None:
                yield "DL006", _short(op.sql)
            return
        if isinstance(op, ops.DeleteModel):
            yield "DL005", self._table(app, op.name)
            return
        model = getattr(op, "model_name", None)
        if isinstance(op, online.ONLINE_OPERATIONS):
            yield from self._check_online(app, op)
            return
        if model is None or not self.existing(app, model, phase):
            return
        table = self._table(app, model)
        if isinstance(op, online.AddConstraintNotValid):
            return  # the fix of DL004; a later ValidateConstraint must follow
        if isinstance(op, online.AddForeignKeyNotValid):
            # The fix of DL004 and DL003: the key NOT VALID, the index built later.
            if not op.field.null and not _has_default(op.field):
                yield "DL001", f"{table}.{_column(op.field, op.name)}"
            return
        if isinstance(op, ops.RemoveField):
            field = self._field(app, model, op.name)
            yield "DL005", f"{table}.{_column(field, op.name)}"
        elif isinstance(op, ops.AddField):
            yield from self._check_new_field(table, op.name, op.field)
        elif isinstance(op, ops.AlterField):
            old = self._field(app, model, op.name)
            yield from self._check_altered_field(table, op.name, old, op.field)
        elif isinstance(op, ops.AddIndex):
            if not _is_concurrent(op):
                yield "DL003", f"{table} {op.index.name}"
        elif isinstance(op, ops.AddConstraint):
            constraint = op.constraint
            if isinstance(constraint, models.UniqueConstraint):
                yield "DL003", f"{table} {constraint.name}"
            elif isinstance(constraint, models.CheckConstraint):
                yield "DL004", f"{table} {constraint.name}"
        elif isinstance(op, ops.AlterUniqueTogether | ops.AlterIndexTogether) and (
            getattr(op, "option_value", None)
        ):
            yield "DL003", f"{table} {op.option_name}"

    def _check_online(self, app: str, op: Operation) -> Iterator[tuple[str, str]]:
        """An online step must run outside a transaction, and a validation in a later
        transaction than the one that added the constraint (else the adding lock is held
        while the rows are read)."""
        table = self._table(app, op.model_name)
        if isinstance(op, online.ValidateConstraint):
            key_name = f"field:{op.name}" if isinstance(op, online.ValidateForeignKey) else op.name
            added = self.unvalidated.get((app, op.model_name_lower, key_name))
            if added is not None and added[0] == self.migration:
                yield "DL004", f"{table} {op.name} (validated in the migration that adds it)"
            return
        if self.atomic:
            name = getattr(getattr(op, "index", None), "name", None) or getattr(
                getattr(op, "constraint", None), "name", None
            )
            subject = f"{table} {name}" if name else f"{table}.{op.name}"
            yield "DL003", f"{subject} (online build in an atomic migration)"

    def _check_new_field(self, table, name, field) -> Iterator[tuple[str, str]]:
        if field.many_to_many:
            return
        subject = f"{table}.{_column(field, name)}"
        if not field.null and not _has_default(field):
            yield "DL001", subject
        if field.remote_field is not None and getattr(field, "db_constraint", False):
            yield "DL004", subject
        if field.db_index or field.unique or field.remote_field is not None:
            yield "DL003", subject

    def _check_altered_field(self, table, name, old, new) -> Iterator[tuple[str, str]]:
        subject = f"{table}.{_column(new, name)}"
        if old is None:
            return
        if old.null and not new.null and not self.backfilled:
            yield "DL001", subject
        if _type_signature(old) != _type_signature(new) and not _is_widening(old, new):
            yield "DL002", subject
        if (new.db_index or new.unique) and not (old.db_index or old.unique):
            yield "DL003", subject
        new_fk = new.remote_field is not None and getattr(new, "db_constraint", False)
        old_fk = old.remote_field is not None and getattr(old, "db_constraint", False)
        if new_fk and not old_fk:
            yield "DL004", subject

    def _check_run_python(self, app, op: ops.RunPython) -> Iterator[tuple[str, str]]:
        name = getattr(op.code, "__name__", repr(op.code))
        if op.reverse_code is None:
            yield "DL006", name
        if _uses_backfill(op.code):
            self.backfilled = True
        elif op.code is not ops.RunPython.noop:
            yield "DL007", name


def lint_migrations(graph: MigrationGraph) -> LintReport:
    """Lint every project migration in graph order against the acknowledgements."""
    linter = _Linter()
    findings: list[Finding] = []
    count = 0
    for node in graph_order(graph):
        migration = graph.nodes[node]
        if node[0] not in PROJECT_APPS:
            for operation in migration.operations:
                linter._advance(node[0], operation, "external")
            continue
        count += 1
        findings.extend(linter.lint(node[0], migration, migration_phase(node)))
    findings.extend(linter.unvalidated_findings())
    return _acknowledge(findings, count)


def lint_one(
    graph: MigrationGraph, app: str, migration: Migration, phase: int | str
) -> list[Finding]:
    """Lint `migration` as if it were appended to `graph` in `phase` (tests and reviews)."""
    return list(_linter_at_end_of(graph).lint(app, migration, phase))


def lint_sequence(
    graph: MigrationGraph, app: str, migrations: list[Migration], phase: int | str
) -> list[Finding]:
    """Lint `migrations`, appended to `graph` in `phase` in this order, including the
    constraints they add NOT VALID and never validate."""
    linter = _linter_at_end_of(graph)
    findings = [f for migration in migrations for f in linter.lint(app, migration, phase)]
    return findings + list(linter.unvalidated_findings())


def _linter_at_end_of(graph: MigrationGraph) -> _Linter:
    linter = _Linter()
    for node in graph_order(graph):
        source = graph.nodes[node]
        phase = migration_phase(node) if node[0] in PROJECT_APPS else "external"
        for operation in source.operations:
            linter._track_validation(node[0], node[1], 0, operation)
            linter._advance(node[0], operation, phase)
    return linter


def _acknowledge(findings: list[Finding], count: int) -> LintReport:
    matched = set()
    out = []
    for finding in findings:
        reason = ACKNOWLEDGED.get(finding.key)
        if reason is not None:
            matched.add(finding.key)
        out.append(
            Finding(
                finding.rule,
                finding.app,
                finding.migration,
                finding.index,
                finding.subject,
                acknowledged=reason,
            )
        )
    stale = sorted(key for key in ACKNOWLEDGED if key not in matched)
    return LintReport(findings=out, stale_acknowledgements=stale, migrations=count)


# --- Helpers -----------------------------------------------------------------------------
def _column(field: models.Field | None, name: str) -> str:
    if field is None:
        return name
    return field.db_column or (f"{name}_id" if field.remote_field is not None else name)


def _has_default(field: models.Field) -> bool:
    return field.has_default() or field.db_default is not models.NOT_PROVIDED


def _type_signature(field: models.Field) -> tuple:
    return (
        field.get_internal_type(),
        getattr(field, "max_length", None),
        getattr(field, "max_digits", None),
        getattr(field, "decimal_places", None),
    )


def _is_widening(old: models.Field, new: models.Field) -> bool:
    """A longer varchar (or varchar -> text) keeps every value and, below the page size,
    changes only metadata on PostgreSQL and SQL Server alike."""
    kind = old.get_internal_type()
    if kind == "CharField" and new.get_internal_type() == "CharField":
        return (new.max_length or 0) >= (old.max_length or 0)
    return kind == "CharField" and new.get_internal_type() == "TextField"


def _is_concurrent(op: Operation) -> bool:
    """Django's own AddIndexConcurrently (PostgreSQL only) also passes DL003."""
    return type(op).__name__ == "AddIndexConcurrently"


def _short(sql) -> str:
    text = " ".join(str(sql).split())
    return text[:60] + ("…" if len(text) > 60 else "")


def _uses_backfill(func) -> bool:
    """Whether `func`, or a function of its module it calls, uses doggy.dbtools.backfill."""
    seen: set[types.CodeType] = set()
    module_globals = getattr(func, "__globals__", {})

    def visit(code: types.CodeType) -> bool:
        if code in seen:
            return False
        seen.add(code)
        for name in code.co_names:
            value = module_globals.get(name)
            if value is backfill_module or getattr(value, "__module__", None) == (
                backfill_module.__name__
            ):
                return True
            if (
                inspect.isfunction(value)
                and value.__module__ == func.__module__
                and visit(value.__code__)
            ):
                return True
        return any(isinstance(const, types.CodeType) and visit(const) for const in code.co_consts)

    code = getattr(func, "__code__", None)
    return code is not None and visit(code)


def rule_table() -> Iterable[tuple[str, str, str]]:
    return ((rule, title, fix) for rule, (title, fix) in RULES.items())
