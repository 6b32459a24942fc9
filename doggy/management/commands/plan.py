"""`manage.py plan`: the customer's 42-item migration plan, deployed phase by phase.

    plan status                      the 42 items: migrations, applied state, rows
    plan migrate --to 008            apply up to the end of an item (like the plan's
    plan migrate --phase 2             `--target-migration 008_UserSettings`) or a phase
    plan migrate --phase 3 --flags-off   the phase's areas answer 503 until verify passes
    plan rollback --phase 2          reverse phase 2 and later; earlier phases' rows stay
    plan verify                      row counts, foreign keys, seed rows, migrations
    plan adopt --to 008              bring an existing ASP.NET Identity database along
    plan ddl --vendor mssql          SQL Server DDL of every migration, rendered offline
    plan lint                        lock and data-loss risks of every migration (DL001-DL007)
    plan baseline record|compare     the hot queries timed before and after a phase (<5%)

`migrate`, `rollback` and `adopt` take a backup before each phase (SQLite's backup API,
pg_dump on PostgreSQL, a BACKUP DATABASE statement on SQL Server), record a snapshot of
every table's row count, and run `verify` against that snapshot afterwards. Options go
after the subcommand: `manage.py plan migrate --to 008 --noinput`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ModelState
from django.db.models import NOT_PROVIDED
from django.utils.module_loading import module_has_submodule

from doggy.choices import FEATURE_AREA_PHASES, FeatureArea
from doggy.core.migration_ops import is_online_migration
from doggy.dbtools.backfill import Progress
from doggy.dbtools.baseline import (
    CALIBRATION,
    DEFAULT_MAX_SLOWDOWN,
    baseline_load,
    baseline_save,
    compare,
    measure,
)
from doggy.dbtools.estimates import (
    Estimate,
    calibration_factor,
    history_record,
    history_runs,
    raw_estimate,
)
from doggy.dbtools.migration_lint import lint_migrations
from doggy.dbtools.plan import (
    ITEMS,
    LAST_ITEM,
    PHASES,
    PlanError,
    PlanMap,
    Snapshot,
    backup_root,
    database_label,
    plan_item_get,
    plan_items_of_phase,
    plan_phase_last_item,
    plan_verify,
    reconcile_online_steps,
    snapshot_latest,
    snapshot_save,
    snapshot_take,
    table_row_counts,
)
from doggy.services import feature_flag_set

logger = logging.getLogger(__name__)

# The tables ASP.NET Core Identity (plus the partial provider table) already has in a
# database that `plan adopt` takes over; accounts/0001 describes exactly these.
ADOPTED_TABLES = ("Users", "Roles", "UserRoles", "ServiceProviders")
# The three tables every ASP.NET Core Identity database has; the rest of the baseline
# (the partial ServiceProviders, the basic messaging tables) is created when missing.
IDENTITY_TABLES = ("Users", "Roles", "UserRoles")
BASELINE_MIGRATIONS = (
    ("accounts", "0001_baseline_identity"),
    ("messaging", "0001_baseline_messaging"),
)
BASELINE_MODELS = (
    ("accounts", "User"),
    ("accounts", "Role"),
    ("accounts", "UserRole"),
    ("accounts", "ServiceProvider"),
    ("messaging", "Conversation"),
    ("messaging", "ConversationParticipant"),
    ("messaging", "Message"),
)
_INTEGER_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
}
_STRING_TYPES = {"CharField", "TextField", "EmailField", "SlugField"}


def _type_family(django_type: str | None) -> str | None:
    if django_type in _INTEGER_TYPES:
        return "integer"
    if django_type in _STRING_TYPES:
        return "string"
    return None


def _type_problem(table: str, column: str, found: str, wanted: str) -> str:
    text = (
        f"{table}.{column} holds {_type_family(found)} values ({found}); the plan's "
        f"{table}.{column} is {_type_family(wanted)} ({wanted})"
    )
    if (table, column) in (("Roles", "Id"), ("UserRoles", "RoleId")):
        text += (
            ". This is ASP.NET Identity's default IdentityRole with string ids; the plan "
            "keys roles by integer (IdentityRole<int>). Give every role an integer id "
            "(keep the old-to-new mapping) and rewrite UserRoles.RoleId to it, then adopt "
            "again"
        )
    return text


def _creator(model):
    return lambda editor: editor.create_model(model)


def _adder(model, fld):
    return lambda editor: editor.add_field(model, fld)


IDENTITY_INDEXES = {"Users": ("EmailIndex", "UserNameIndex"), "Roles": ("RoleNameIndex",)}


def item_number(value: str) -> int:
    """`008`, `8` or the plan's own `008_UserSettings` → 8."""
    match = re.match(r"^\s*(\d{1,3})(?:\D.*)?$", value)
    if not match:
        raise ValueError(value)
    number = int(match.group(1))
    plan_item_get(number)
    return number


class Command(BaseCommand):
    help = (
        "The customer's migration plan (items 001-042 in six phases): status, migrate, "
        "rollback, verify, adopt, ddl, lint, baseline."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True, title="subcommands")

        status = subcommands.add_parser("status", help="the plan's items and their state")
        self._database_option(status)
        status.add_argument(
            "--tables", action="store_true", help="also list the row count of every table"
        )

        migrate = subcommands.add_parser(
            "migrate", help="apply the plan up to the end of an item or a phase"
        )
        target = migrate.add_mutually_exclusive_group(required=True)
        target.add_argument(
            "--to", type=item_number, metavar="NNN", help="last item to apply (001-042)"
        )
        target.add_argument("--phase", type=int, choices=sorted(PHASES), help="last phase")
        migrate.add_argument(
            "--max-ratio",
            type=float,
            default=None,
            metavar="R",
            help="abort and roll the phase back when a step runs past R times its estimate",
        )
        migrate.add_argument(
            "--flags-off",
            action="store_true",
            help="switch each phase's feature flags off while it migrates, on after verify",
        )
        migrate.add_argument(
            "--fake-initial",
            action="store_true",
            help="mark initial migrations applied when their tables already exist",
        )
        self._phase_options(migrate)

        rollback = subcommands.add_parser(
            "rollback", help="reverse a phase and every later one, keeping earlier rows"
        )
        rollback.add_argument("--phase", type=int, choices=sorted(PHASES), required=True)
        self._phase_options(rollback)

        verify = subcommands.add_parser("verify", help="check the database against the plan")
        self._database_option(verify)
        verify.add_argument("--backup-dir", help="where snapshots are kept")
        verify.add_argument(
            "--record", action="store_true", help="record a new snapshot when all checks pass"
        )

        adopt = subcommands.add_parser(
            "adopt", help="take over an existing ASP.NET Core Identity database"
        )
        adopt.add_argument(
            "--to", type=item_number, metavar="NNN", default=None, help="last item to apply"
        )
        self._phase_options(adopt)

        ddl = subcommands.add_parser("ddl", help="render the DDL of every migration offline")
        ddl.add_argument("--vendor", choices=["mssql"], required=True)
        ddl.add_argument("--out", help="output directory (default docs/sql/<vendor>)")
        ddl.add_argument(
            "--check", action="store_true", help="fail when the committed files are stale"
        )

        baseline = subcommands.add_parser(
            "baseline", help="time the hot queries before a phase, and compare after it"
        )
        baseline.add_argument("action", choices=["record", "compare"])
        self._database_option(baseline)
        baseline.add_argument("--backup-dir", help="where the baseline is kept")
        baseline.add_argument("--rounds", type=int, default=7, help="interleaved rounds")
        baseline.add_argument("--repeat", type=int, default=20, help="calls per query per round")
        baseline.add_argument(
            "--max-slowdown",
            type=float,
            default=DEFAULT_MAX_SLOWDOWN,
            help="largest accepted slowdown as a fraction (default 0.05: 5%%)",
        )

        lint = subcommands.add_parser(
            "lint", help="flag migrations that lock or rewrite existing tables, or lose data"
        )
        lint.add_argument(
            "--all", action="store_true", help="also list the acknowledged findings and why"
        )

    @staticmethod
    def _database_option(parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias")

    def _phase_options(self, parser):
        self._database_option(parser)
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="never prompt",
        )
        parser.add_argument("--backup-dir", help="where backups and snapshots go")
        parser.add_argument(
            "--no-backup", action="store_true", help="skip the backup (the snapshot is kept)"
        )
        parser.add_argument(
            "--run-backup",
            action="store_true",
            help="SQL Server: run BACKUP DATABASE instead of printing it",
        )

    # =====================================================================================
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.interactive = options.get("interactive", False)
        self.options = options
        try:
            return getattr(self, "handle_" + options["subcommand"])(**options)
        except PlanError as exc:
            raise CommandError(str(exc)) from exc

    # --- status --------------------------------------------------------------------------
    def handle_status(self, *, database, tables, **options):
        connection = connections[database]
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        plan_map = PlanMap(loader.graph)
        applied = set(loader.applied_migrations or {})
        counts = table_row_counts(connection)

        rows = []
        for item in ITEMS:
            built = plan_map.built_migrations(item)
            done = sum(node in applied for node in built)
            if not built:
                state = "not built"
            elif done == len(built):
                state = "applied"
            elif done:
                state = f"partly applied ({done}/{len(built)})"
            else:
                state = "not applied"
            if built and plan_map.item_state(item) == "partly built":
                state += ", partly built"
            migrations = ", ".join(_short_migrations(plan_map, item.migrations))
            present = [table for table in item.tables if table in counts]
            rows_text = str(sum(counts[table] for table in present)) if present else "-"
            rows.append((item.code, item.title[:36], str(item.phase), migrations, state, rows_text))
        self._table(("item", "title", "phase", "migrations", "state", "rows"), rows)
        self.stdout.write("")
        for phase, name in PHASES.items():
            items = plan_items_of_phase(phase)
            applied_items = sum(
                bool(plan_map.built_migrations(item))
                and all(node in applied for node in plan_map.built_migrations(item))
                for item in items
            )
            built_items = sum(plan_map.item_state(item) == "built" for item in items)
            self.stdout.write(
                f"Phase {phase} ({name}): {applied_items}/{len(items)} items applied, "
                f"{built_items}/{len(items)} built."
            )
        self.stdout.write("'?' marks a migration that is not built yet.")
        self._status_times(connection, plan_map, applied, counts)
        for node in plan_map.unmapped_migrations():
            self.stdout.write(
                self.style.WARNING(f"{node[0]}.{node[1]} is not claimed by any plan item.")
            )
        if tables:
            self.stdout.write("")
            self._table(("table", "rows"), [(name, str(n)) for name, n in sorted(counts.items())])

    def _status_times(self, connection, plan_map, applied, counts) -> None:
        """Per phase: the estimate of what is left to apply, and the recorded durations."""
        executor = MigrationExecutor(connection)
        state = executor._create_project_state(with_applied_migrations=True)
        factor = calibration_factor(connection)
        recorded: dict[tuple[str, str], float] = {}
        for run in history_runs(connection):
            if run.outcome == "applied":
                recorded[(run.app, run.name)] = run.seconds  # the latest run wins
        self.stdout.write("")
        self.stdout.write(f"Time (estimates calibrated x{factor:.2f} by the plan history):")
        for phase in PHASES:
            nodes = []
            for item in plan_items_of_phase(phase):
                nodes.extend(plan_map.built_migrations(item))
            left = [node for node in nodes if node not in applied]
            estimate = 0.0
            for node in left:
                migration = executor.loader.graph.nodes[node]
                estimate += Estimate.of(raw_estimate(migration, state, counts), factor).seconds
                state = migration.mutate_state(state, preserve=True)
            seen = [recorded[node] for node in nodes if node in recorded]
            last = f"{sum(seen):.1f}s recorded over {len(seen)}" if seen else "nothing recorded"
            self.stdout.write(
                f"Phase {phase}: estimate {estimate:.1f}s for {len(left)} migrations to apply; "
                f"{last}."
            )

    def _table(self, header, rows):
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(line.format(*header).rstrip())
        self.stdout.write(line.format(*("-" * w for w in widths)).rstrip())
        for row in rows:
            self.stdout.write(line.format(*row).rstrip())

    # --- migrate -------------------------------------------------------------------------
    def handle_migrate(self, *, database, to, phase, fake_initial, **options):
        connection = connections[database]
        last = to if to is not None else plan_phase_last_item(phase)
        self._migrate_to(connection, last, fake_initial=fake_initial)

    def _reconcile(self, connection) -> None:
        """Record the online steps split out of migrations this database applied before
        the split (else Django refuses to migrate); each builds only what is missing."""
        steps = reconcile_online_steps(connection)
        if steps:
            names = ", ".join(f"{app}.{name}" for app, name in steps)
            self.stdout.write(
                f"Recorded {len(steps)} online steps split out of migrations this database "
                f"applied before the split (their indexes and constraints were checked and "
                f"only missing ones built): {names}."
            )

    def _migrate_to(self, connection, last: int, *, fake_initial: bool) -> None:
        self._reconcile(connection)
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        plan_map = PlanMap(loader.graph)
        applied = set(loader.applied_migrations or {})
        beyond = [
            item.code
            for item in ITEMS
            if item.number > last
            and any(node in applied for node in plan_map.built_migrations(item))
        ]
        if beyond:
            raise CommandError(
                f"The database is past the end of item {last:03d} (items {', '.join(beyond)} "
                "are applied); `plan migrate` only moves forward. Use `plan rollback --phase "
                f"{plan_item_get(int(beyond[0])).phase}` to go back."
            )
        final_phase = plan_item_get(last).phase
        for phase in range(1, final_phase + 1):
            self._migrate_phase(
                connection, phase, min(plan_phase_last_item(phase), last), fake_initial
            )

    def _migrate_phase(self, connection, phase: int, end: int, fake_initial: bool) -> None:
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        plan_map = PlanMap(loader.graph)
        items = [item for item in plan_items_of_phase(phase) if item.number <= end]
        header = (
            f"Phase {phase} ({PHASES[phase]}), items {max(items[0].number, 1):03d}-{items[-1].code}"
        )
        unbuilt = [item for item in items if plan_map.item_state(item) != "built"]
        if not any(plan_map.built_migrations(item) for item in items):
            self.stdout.write(
                f"{header}: no migration of these items is built yet; nothing to apply."
            )
            return
        targets = plan_map.targets_to_item(end)
        executor = MigrationExecutor(connection)
        executor.loader.check_consistent_history(connection)
        # Forward only: what reaching the targets needs and is not applied yet. (Django's
        # own plan for a target would also reverse whatever an app has beyond it.)
        applied = set(executor.loader.applied_migrations or {})
        plan = [
            (executor.loader.graph.nodes[node], False)
            for node in plan_map.forwards_plan(targets)
            if node not in applied
        ]
        not_built = (
            "; not built yet: " + ", ".join(item.code for item in unbuilt) if unbuilt else ""
        )
        if not plan:
            self.stdout.write(f"{header}: already applied{not_built}.")
            return
        self.stdout.write(
            self.style.MIGRATE_HEADING(f"{header}: {len(plan)} migrations to apply{not_built}.")
        )
        snapshot = self._before_phase(connection, f"before-phase-{phase}")
        areas = self._flags(phase, enabled=False)
        try:
            self._execute(executor, targets, plan, f"Phase {phase}", fake_initial=fake_initial)
        except PhaseRestored:
            # Show that the rollback left the database as the snapshot before the phase.
            self._report(plan_verify(connection, snapshot=snapshot))
            raise
        self._verify_after(connection, snapshot, f"phase {phase}", f"after-phase-{phase}")
        self._flags(phase, enabled=True, areas=areas)

    def _flags(self, phase: int, *, enabled: bool, areas=None) -> list[str]:
        """With --flags-off: switch the phase's areas off before it migrates, and on again
        once `verify` passed. A failure in between leaves them off (the error says so)."""
        if not self.options.get("flags_off"):
            return []
        if areas is None:
            areas = [area for area, p in FEATURE_AREA_PHASES.items() if p == phase]
        for area in areas:
            feature_flag_set(actor=None, area=area, enabled=enabled)
        if areas:
            names = ", ".join(FeatureArea(area).label for area in areas)
            state = "on again" if enabled else "off for the migration window"
            self.stdout.write(f"Feature flags {state}: {names}.")
        return areas

    # --- rollback ------------------------------------------------------------------------
    def handle_rollback(self, *, database, phase, **options):
        connection = connections[database]
        self._reconcile(connection)
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        plan_map = PlanMap(loader.graph)
        targets = plan_map.rollback_targets(phase, loader.applied_migrations or {})
        first = max(plan_items_of_phase(phase)[0].number, 1)
        if not targets:
            self.stdout.write(
                f"Nothing of phase {phase} (items from {first:03d}) or later is applied; "
                "nothing to roll back."
            )
            return
        executor = MigrationExecutor(connection)
        executor.loader.check_consistent_history(connection)
        plan = executor.migration_plan(targets)
        if any(not backwards for _, backwards in plan):
            raise CommandError(
                "The earlier phases are not fully applied; run `plan migrate` to the end of "
                f"phase {phase - 1} first."
            )
        if not plan:
            self.stdout.write(f"Nothing of phase {phase} or later is applied.")
            return
        keep = f"the end of phase {phase - 1}" if phase > 1 else "an empty database"
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                f"Rolling back phase {phase} and later: {len(plan)} migrations to reverse, "
                f"back to {keep}."
            )
        )
        if self.interactive and sys.stdin.isatty():
            answer = input(
                f"Tables created by phase {phase} and later are dropped with their rows. "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Rollback cancelled.")
        snapshot = self._before_phase(connection, f"before-rollback-phase-{phase}")
        self._execute(executor, targets, plan, f"Rollback {phase}", fake_initial=False)
        self._verify_after(
            connection, snapshot, f"rollback of phase {phase}", f"after-rollback-phase-{phase}"
        )

    # --- adopt ---------------------------------------------------------------------------
    def handle_adopt(self, *, database, to, **options):
        """Check the legacy tables against the baseline, complete them, then migrate.

        The pre-check compares tables, columns and column types with the baseline
        migrations (accounts/0001, messaging/0001) and changes nothing when it finds a
        problem. Then baseline tables that do not exist (an Identity-only database has no
        ServiceProviders or messaging tables) are created, and columns a partial table
        lacks are added, so that `--fake-initial` can adopt every baseline migration.
        """
        connection = connections[database]
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        if ("accounts", "0001_baseline_identity") in (loader.applied_migrations or {}):
            raise CommandError("accounts.0001 is already applied: nothing to adopt.")
        problems, warnings, fixes = self._adoption_problems(connection, loader)
        for warning in warnings:
            self.stdout.write(self.style.WARNING(warning))
        if problems:
            raise CommandError(
                "The existing tables cannot be adopted; nothing was changed:\n  - "
                + "\n  - ".join(problems)
            )
        if fixes:
            with connection.schema_editor() as editor:
                for describe, apply in fixes:
                    apply(editor)
                    self.stdout.write(f"Adopt: {describe}.")
        self.stdout.write(
            f"{', '.join(ADOPTED_TABLES)} match accounts/0001; they are adopted as they are "
            "and every later migration runs on them."
        )
        self._migrate_to(connection, to if to is not None else LAST_ITEM, fake_initial=True)

    def _adoption_problems(self, connection, loader):
        """(problems, warnings, fixes) of the existing tables against the baseline."""
        state = loader.project_state(nodes=list(BASELINE_MIGRATIONS), at_end=True)
        problems: list[str] = []
        warnings: list[str] = []
        fixes: list[tuple[str, Callable]] = []
        with connection.cursor() as cursor:
            existing = set(connection.introspection.table_names(cursor))
            if not set(IDENTITY_TABLES) & existing:
                return ["none of the ASP.NET tables exists; use `plan migrate` instead."], [], []
            problems += [
                f"table {table} does not exist (ASP.NET Core Identity creates it)"
                for table in IDENTITY_TABLES
                if table not in existing
            ]
            for app_label, model_name in BASELINE_MODELS:
                model = state.apps.get_model(app_label, model_name)
                table = model._meta.db_table
                if table not in existing:
                    if table not in IDENTITY_TABLES:
                        fixes.append(
                            (f"created the missing baseline table {table}", _creator(model))
                        )
                    continue
                description = {
                    col.name: col
                    for col in connection.introspection.get_table_description(cursor, table)
                }
                self._compare_columns(connection, model, description, problems, warnings, fixes)
                constraints = connection.introspection.get_constraints(cursor, table)
                for index in IDENTITY_INDEXES.get(table, ()):
                    if index not in constraints:
                        warnings.append(f"{table} has no index {index} (Identity creates it).")
        return problems, warnings, fixes

    @staticmethod
    def _compare_columns(connection, model, description, problems, warnings, fixes) -> None:
        table = model._meta.db_table
        known = set()
        for fld in model._meta.local_concrete_fields:
            known.add(fld.column)
            column = description.get(fld.column)
            if column is None:
                if fld.null or fld.has_default() or fld.db_default is not NOT_PROVIDED:
                    fixes.append(
                        (f"added the missing column {table}.{fld.column}", _adder(model, fld))
                    )
                else:
                    problems.append(
                        f"{table}.{fld.column} does not exist and is NOT NULL without a "
                        "default: add it with a value for every row, then adopt again"
                    )
                continue
            found = connection.introspection.get_field_type(column.type_code, column)
            wanted = (fld.target_field if fld.is_relation else fld).get_internal_type()
            if (
                _type_family(found)
                and _type_family(wanted)
                and (_type_family(found) != _type_family(wanted))
            ):
                problems.append(_type_problem(table, fld.column, found, wanted))
            elif bool(column.null_ok) != bool(fld.null) and not fld.primary_key:
                warnings.append(
                    f"{table}.{fld.column} is {'NULL' if column.null_ok else 'NOT NULL'}"
                    f"; the baseline expects {'NULL' if fld.null else 'NOT NULL'}."
                )
        for name, column in description.items():
            if name in known:
                continue
            default = getattr(column, "default", None)
            if not column.null_ok and default is None:
                problems.append(
                    f"{table}.{name} is not in the plan and is NOT NULL without a default: "
                    "rows the platform inserts would fail; make it NULL or give it a "
                    "default, then adopt again"
                )
            else:
                warnings.append(f"{table}.{name} is not in the plan; it is kept as it is.")

    # --- verify --------------------------------------------------------------------------
    def handle_verify(self, *, database, backup_dir, record, **options):
        connection = connections[database]
        root = backup_root(backup_dir)
        report = plan_verify(connection, snapshot=snapshot_latest(connection, root))
        self._report(report)
        if not report.ok:
            raise CommandError("Verification failed.")
        if record:
            path = snapshot_save(connection, snapshot_take(connection, "verify"), root)
            self.stdout.write(f"Snapshot recorded: {path}")

    # --- ddl -----------------------------------------------------------------------------
    def handle_ddl(self, *, vendor, out, check, **options):
        """Render in a separate process: importing mssql-django patches Django globally."""
        command = [sys.executable, "-m", "doggy.dbtools.mssql_ddl"]
        if out:
            command += ["--out", str(Path(out).resolve())]
        if check:
            command.append("--check")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doggy.settings.mssql_offline"}
        terminal = getattr(self.stdout, "_out", None) is sys.stdout and sys.stdout.isatty()
        if terminal:
            # The renderer draws its own progress bars on the terminal it inherits.
            returncode = subprocess.call(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
        else:
            with subprocess.Popen(  # noqa: S603 - our own interpreter and module
                command,
                cwd=settings.BASE_DIR,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ) as child:
                for line in child.stdout:
                    self.stdout.write(line.rstrip("\n"))
            returncode = child.returncode
        if returncode:
            raise CommandError(f"The {vendor} DDL check failed (exit {returncode}).")

    # --- baseline ------------------------------------------------------------------------
    def handle_baseline(self, *, action, database, rounds, repeat, max_slowdown, **options):
        connection = connections[database]
        root = backup_root(options.get("backup_dir"))
        if action == "record":
            baseline = measure(connection, rounds=rounds, repeat=repeat)
            path = baseline_save(connection, baseline, root)
            for name, seconds in baseline.medians.items():
                self.stdout.write(f"{seconds * 1000:10.3f} ms  {name}")
            for name, why in baseline.skipped.items():
                self.stdout.write(f"   skipped  {name}: {why}")
            self.stdout.write(f"Baseline of {len(baseline.medians) - 1} queries saved to {path}.")
            return
        before = baseline_load(connection, root)
        if before is None:
            raise CommandError(
                f"No baseline for this database in {root}: run `plan baseline record` first."
            )
        after = measure(connection, samples=before.samples, rounds=rounds, repeat=repeat)
        rows = compare(before, after, max_slowdown=max_slowdown)
        self._table(
            ("query", "before ms", "after ms", "ratio", "verdict"),
            [
                (
                    row.name,
                    f"{row.before * 1000:.3f}",
                    f"{row.after * 1000:.3f}",
                    f"{row.ratio:.3f}",
                    "ok" if row.ok else "SLOWER",
                )
                for row in rows
            ],
        )
        slower = [row for row in rows if not row.ok]
        self.stdout.write(
            f"{len(rows)} queries compared, calibrated by {CALIBRATION!r} "
            f"(before {before.medians[CALIBRATION] * 1000:.3f} ms, "
            f"after {after.medians[CALIBRATION] * 1000:.3f} ms); "
            f"{len(slower)} more than {max_slowdown:.0%} slower."
        )
        if slower:
            raise CommandError(
                "Performance degraded beyond the plan's limit: "
                + ", ".join(f"{row.name} x{row.ratio:.2f}" for row in slower)
            )

    # --- lint ----------------------------------------------------------------------------
    def handle_lint(self, *, all, **options):  # noqa: A002 - the option's name
        report = lint_migrations(MigrationLoader(None, ignore_no_migrations=True).graph)
        shown = report.findings if all else report.open
        for finding in shown:
            self.stdout.write(str(finding))
            if finding.acknowledged:
                self.stdout.write(f"    acknowledged: {finding.acknowledged}")
            else:
                self.stdout.write(f"    fix: {finding.fix}")
        for key in report.stale_acknowledgements:
            self.stdout.write(f"stale acknowledgement (no such finding any more): {key}")
        acknowledged = len(report.findings) - len(report.open)
        self.stdout.write(
            f"{report.migrations} migrations, {len(report.findings)} findings: "
            f"{acknowledged} acknowledged, {len(report.open)} open, "
            f"{len(report.stale_acknowledgements)} stale acknowledgements."
        )
        if not report.ok:
            raise CommandError("plan lint failed: fix the open findings or acknowledge them.")

    # =====================================================================================
    # Running migrations, as `manage.py migrate` does, with progress
    # =====================================================================================
    def _execute(self, executor, targets, plan, label: str, *, fake_initial: bool) -> None:
        connection = executor.connection
        for app_config in apps.get_app_configs():
            if module_has_submodule(app_config.module, "management"):
                import_module(".management", app_config.name)
        connection.prepare_database()
        pre_migrate_state = executor._create_project_state(with_applied_migrations=True)
        emit_pre_migrate_signal(
            max(self.verbosity - 1, 0),
            self.interactive,
            connection.alias,
            stdout=self.stdout,
            apps=pre_migrate_state.apps,
            plan=plan,
        )
        meter = Progress(
            label,
            len(plan),
            unit="migrations",
            stream=self.stdout,
            min_interval=0.0,
            enabled=self.verbosity >= 1,
        )

        estimates = self._estimates(connection, plan, pre_migrate_state)
        timer = StepTimer(self, connection, estimates, self.options.get("max_ratio"))

        def progress(action, migration=None, fake=False):
            if action == "apply_start":
                timer.start(migration)
            if action == "apply_success" and fake:
                timer.faked.add((migration.app_label, migration.name))
            if action in ("apply_success", "unapply_success"):
                verb = "faked" if fake else "applied" if action == "apply_success" else "reversed"
                detail = f"{migration.app_label}.{migration.name} {verb}"
                if action == "apply_success" and not fake:
                    detail += timer.finish(migration)
                meter.advance(1, detail)

        executor.progress_callback = progress
        started = time.monotonic()
        try:
            post_migrate_state = executor.migrate(
                targets, plan=plan, state=pre_migrate_state.clone(), fake_initial=fake_initial
            )
        except Exception as exc:
            meter.close("stopped")
            timer.failed()
            self._restore_phase(connection, plan, label, exc, faked=timer.faked)
        finally:
            timer.reset()
        meter.close(f"in {time.monotonic() - started:.1f}s")
        # As `migrate` does: re-render the real apps' models before post_migrate.
        post_migrate_state.clear_delayed_apps_cache()
        post_migrate_apps = post_migrate_state.apps
        with post_migrate_apps.bulk_update():
            model_keys = []
            for model_state in post_migrate_apps.real_models:
                model_key = model_state.app_label, model_state.name_lower
                model_keys.append(model_key)
                post_migrate_apps.unregister_model(*model_key)
        post_migrate_apps.render_multiple(
            [ModelState.from_model(apps.get_model(*model)) for model in model_keys]
        )
        emit_post_migrate_signal(
            max(self.verbosity - 1, 0),
            self.interactive,
            connection.alias,
            stdout=self.stdout,
            apps=post_migrate_apps,
            plan=plan,
        )

    def _estimates(self, connection, plan, state) -> dict:
        """The calibrated estimate of each migration of `plan`, printed before it runs."""
        counts = table_row_counts(connection)
        factor = calibration_factor(connection)
        estimates = {}
        for migration, backwards in plan:
            if backwards:
                continue  # a rollback is timed, not estimated: the cost model is forward
            raw = raw_estimate(migration, state, counts)
            estimates[(migration.app_label, migration.name)] = Estimate.of(raw, factor)
            state = migration.mutate_state(state, preserve=True)
        if not estimates:
            return estimates
        total = sum(e.seconds for e in estimates.values())
        self.stdout.write(
            f"Estimated {total:.1f}s for {len(plan)} migrations (calibration x{factor:.2f} "
            "from this database's plan history)."
        )
        return estimates

    def _restore_phase(self, connection, plan, label: str, exc: Exception, *, faked=()):
        """A step failed or ran too long: reverse what this run applied, then stop.

        Each migration is atomic on PostgreSQL and SQLite (the failed one is already
        undone), except the online steps (`atomic = False`), whose half-done work is
        reversed as well; so reversing the ones applied before it restores the pre-phase
        schema and rows; `verify` against the snapshot taken before the phase then runs as usual.
        A migration that was only marked applied (`--fake-initial`, the adopted tables)
        is only unmarked: its tables were there before the phase and stay.
        """
        connection.close()
        executor = MigrationExecutor(connection)
        applied = set(executor.loader.applied_migrations or {})
        done = [m for m, _ in plan if (m.app_label, m.name) in applied]
        # A non-atomic online step that failed half-way (a VALIDATE that found a bad
        # row, an index build that was cancelled) keeps what it built: undo it too. Its
        # reverse drops only what is there.
        failed = next(
            (m for m, back in plan if not back and (m.app_label, m.name) not in applied), None
        )
        if failed is not None and is_online_migration(failed):
            done.append(failed)
        if done:
            self.stdout.write(
                self.style.WARNING(
                    f"{label} stopped; reversing the {len(done)} migrations it applied."
                )
            )
            for migration in reversed(done):
                executor = MigrationExecutor(connection)
                node = (migration.app_label, migration.name)
                state = executor.loader.project_state(node, at_end=True)
                fake = node in faked
                executor.unapply_migration(state, migration, fake=fake)
                verb = "unmarked (adopted tables kept)" if fake else "reversed"
                self.stdout.write(f"  {migration.app_label}.{migration.name} {verb}")
        reason = str(exc) or type(exc).__name__
        flags = " Feature flags switched off stay off." if self.options.get("flags_off") else ""
        raise PhaseRestored(
            f"{label} was stopped and rolled back to where it began: {reason}.{flags}"
        ) from exc

    def _before_phase(self, connection, reason: str) -> Snapshot:
        """Backup (unless --no-backup) and a row-count snapshot, both kept on disk."""
        root = backup_root(self.options.get("backup_dir"))
        snapshot = snapshot_take(connection, reason)
        if self.options.get("no_backup"):
            self.stdout.write("Backup skipped (--no-backup).")
        else:
            self._backup(connection, root, reason)
        path = snapshot_save(connection, snapshot, root)
        if self.verbosity >= 2:
            self.stdout.write(f"Snapshot: {path}")
        return snapshot

    def _verify_after(self, connection, snapshot: Snapshot, what: str, reason: str) -> None:
        report = plan_verify(connection, snapshot=snapshot)
        self._report(report)
        if not report.ok:
            flags = " Feature flags switched off stay off." if self.options.get("flags_off") else ""
            raise CommandError(
                f"Verification after the {what} failed. The backup taken before it is in "
                f"{backup_root(self.options.get('backup_dir'))}.{flags}"
            )
        snapshot_save(
            connection,
            snapshot_take(connection, reason),
            backup_root(self.options.get("backup_dir")),
        )

    def _report(self, report) -> None:
        for line in report.lines():
            if line.startswith("[FAIL]"):
                self.stdout.write(self.style.ERROR(line))
            elif line.startswith("[ok]"):
                self.stdout.write(self.style.SUCCESS(line))
            else:
                self.stdout.write(line)

    # =====================================================================================
    # Backups
    # =====================================================================================
    def _backup(self, connection, root: Path, reason: str) -> Path | None:
        directory = root / database_label(connection)
        directory.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        base = f"{database_label(connection)}-{stamp}-{reason}"
        if connection.vendor == "sqlite":
            path = backup_sqlite(connection, directory / f"{base}.sqlite3", self._meter)
        elif connection.vendor == "postgresql":
            path = backup_postgresql(connection, directory / f"{base}.dump")
            if path is None:
                self.stdout.write(
                    self.style.WARNING(
                        "pg_dump not found (set DOGGY_PG_BIN or put it on PATH): no backup "
                        "taken. Take one by other means before continuing in production."
                    )
                )
                return None
        elif connection.vendor == "microsoft":
            return self._backup_mssql(connection, f"{base}.bak")
        else:
            self.stdout.write(
                self.style.WARNING(f"No backup support for {connection.vendor}; none taken.")
            )
            return None
        self.stdout.write(f"Backup: {path}")
        return path

    def _meter(self, total: int) -> Progress:
        return Progress(
            "Backup", total, unit="pages", stream=self.stdout, enabled=self.verbosity >= 1
        )

    def _backup_mssql(self, connection, file_name: str) -> None:
        statement = mssql_backup_statement(connection, file_name)
        if self.options.get("run_backup"):
            self.stdout.write(f"Running: {statement}")
            with connection.cursor() as cursor:
                cursor.execute(statement)
            return
        self.stdout.write("Run this backup on the SQL Server before continuing:")
        self.stdout.write(f"    {statement}")
        if self.interactive and sys.stdin.isatty():
            answer = input("Type 'yes' once the backup has completed: ")
            if answer.strip().lower() == "yes":
                return
            raise CommandError("Stopped: no backup confirmed.")
        raise CommandError(
            "Stopped before the phase: run the BACKUP DATABASE statement above, then re-run "
            "with --no-backup, or let this command run it with --run-backup."
        )


def backup_sqlite(connection, destination: Path, meter=None) -> Path:
    """Copy a live SQLite database with the sqlite3 online-backup API (consistent copy)."""
    if connection.in_atomic_block:
        # The backup reads through the same connection and would wait for ever on the
        # write lock of the open transaction.
        raise CommandError("A SQLite backup cannot run inside a transaction.")
    connection.ensure_connection()
    source = connection.connection
    target = sqlite3.connect(destination)
    progress = {}

    def report(status, remaining, total):
        if meter is None:
            return
        if "meter" not in progress:
            progress["meter"] = meter(total)
        bar = progress["meter"]
        bar.advance(total - remaining - bar.done)

    try:
        source.backup(target, pages=256, progress=report)
    finally:
        target.close()
    if "meter" in progress:
        progress["meter"].close()
    return destination


def pg_dump_path() -> str | None:
    """pg_dump from DOGGY_PG_BIN (the server's own binaries) or PATH."""
    directory = os.environ.get("DOGGY_PG_BIN") or getattr(settings, "DOGGY_PG_BIN", None)
    if directory:
        candidate = Path(directory) / "pg_dump"
        if candidate.exists():
            return str(candidate)
    return shutil.which("pg_dump")


def backup_postgresql(connection, destination: Path) -> Path | None:
    """`pg_dump --format=custom` of the connection's database; None without pg_dump."""
    binary = pg_dump_path()
    if binary is None:
        return None
    params = connection.settings_dict
    command = [binary, "--format=custom", "--no-password", f"--file={destination}"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            command += [flag, str(params[key])]
    command += ["--dbname", str(params["NAME"])]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    result = subprocess.run(  # noqa: S603 - fixed binary, arguments from settings
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
    return destination


def mssql_backup_statement(connection, file_name: str) -> str:
    """A full, copy-only backup that leaves the regular backup chain untouched.

    A bare file name lands in the instance's default backup directory.
    """
    name = str(connection.settings_dict["NAME"]).replace("]", "]]")
    path = file_name.replace("'", "''")
    return (
        f"BACKUP DATABASE [{name}] TO DISK = N'{path}' WITH COPY_ONLY, INIT, CHECKSUM, STATS = 10;"
    )


def _short_migrations(plan_map, nodes) -> list[str]:
    """`app.0003` per migration; steps that share a number show once, with their count.

    An item may take several steps under one number (`messaging.0002 (3 steps)`: the
    columns, the backfill of adopted rows, then the constraints). A `?` marks a step
    that is not built yet.
    """
    groups: dict[str, list[bool]] = {}
    for app, name in nodes:
        groups.setdefault(f"{app}.{name[:4]}", []).append(plan_map.built((app, name)))
    return [
        f"{label}{'' if all(built) else '?'}" + (f" ({len(built)} steps)" if len(built) > 1 else "")
        for label, built in groups.items()
    ]


class PhaseRestored(CommandError):
    """A phase stopped in the middle and its applied migrations were reversed."""


class StepTooSlow(RuntimeError):
    """A migration ran past `--max-ratio` times its estimate."""


class StepTimer:
    """Times each migration against its estimate, records it, and enforces --max-ratio.

    On PostgreSQL a step is also bounded while it runs: `statement_timeout` is set to
    the ratio times its estimate, so one long statement is cancelled instead of waited
    for. Elsewhere the ratio is checked when the step ends.
    """

    clock = staticmethod(time.monotonic)

    def __init__(self, command, connection, estimates, max_ratio: float | None):
        self.command = command
        self.connection = connection
        self.estimates = estimates
        self.max_ratio = max_ratio
        self.current = None
        self.started = 0.0
        self.faked: set[tuple[str, str]] = set()

    def start(self, migration) -> None:
        self.current = migration
        self.started = self.clock()
        estimate = self.estimates.get((migration.app_label, migration.name))
        if self.max_ratio and estimate and self.connection.vendor == "postgresql":
            limit_ms = int(self.max_ratio * estimate.seconds * 1000)
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT set_config('statement_timeout', %s, false)", [str(limit_ms)])

    def finish(self, migration) -> str:
        seconds = self.clock() - self.started
        estimate = self.estimates.get((migration.app_label, migration.name))
        self.current = None
        if estimate is None:
            return f" in {seconds:.2f}s"
        too_slow = bool(self.max_ratio) and seconds > self.max_ratio * estimate.seconds
        history_record(
            self.connection,
            app=migration.app_label,
            name=migration.name,
            seconds=seconds,
            raw=estimate.raw,
            estimate=estimate.seconds,
            outcome="aborted" if too_slow else "applied",
        )
        if too_slow:
            raise StepTooSlow(
                f"{migration.app_label}.{migration.name} took {seconds:.2f}s, more than "
                f"{self.max_ratio:g} x its estimate of {estimate.seconds:.2f}s"
            )
        return f" in {seconds:.2f}s (estimate {estimate.seconds:.2f}s)"

    def failed(self) -> None:
        """Record the step that was running when the phase stopped."""
        migration, self.current = self.current, None
        if migration is None:
            return
        estimate = self.estimates.get((migration.app_label, migration.name))
        if estimate is None:
            return
        try:
            self.connection.close()  # the failed statement may have broken the session
            history_record(
                self.connection,
                app=migration.app_label,
                name=migration.name,
                seconds=self.clock() - self.started,
                raw=estimate.raw,
                estimate=estimate.seconds,
                outcome="failed",
            )
        except Exception:  # noqa: BLE001 - recording must not hide the real failure
            logger.exception("Could not record the failed step in the plan history")

    def reset(self) -> None:
        if self.max_ratio and self.connection.vendor == "postgresql":
            try:
                with self.connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('statement_timeout', '0', false)")
            except Exception:  # noqa: BLE001 - a closed connection has no timeout to reset
                logger.debug("statement_timeout not reset: the connection is closed")
