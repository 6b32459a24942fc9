"""SQL Server DDL: the committed files are fresh, parse as T-SQL and pass the lints.

Rendering imports mssql-django, which patches Django process-wide, so it always runs in
a subprocess (`python -m doggy.dbtools.mssql_ddl`); the validator and the catalog need neither
Django nor mssql-django and run here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

from doggy.dbtools.mssql_ddl import (
    MANIFEST,
    Catalog,
    RenderedMigration,
    RenderedStatement,
    compare_files,
    dynamic_drop_sql,
    manifest_order,
    phase_script,
    rollback_order,
    split_batches,
    validate_directory,
)
from doggy.dbtools.plan import PROJECT_APPS

COMMITTED = Path(settings.BASE_DIR) / "docs" / "sql" / "mssql"


def _run_python(*args: str, timeout: int = 240) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "doggy.settings.mssql_offline",
        # A hash seed unlike pytest's own: the output must not depend on set order.
        "PYTHONHASHSEED": "12345",
    }
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.slow
def test_the_committed_ddl_equals_a_fresh_render(tmp_path):
    # When every migration is rendered again, into an empty directory
    result = _run_python("-m", "doggy.dbtools.mssql_ddl", "--out", str(tmp_path), "--no-validate")

    # Then rendering succeeds without drift, and the committed files are byte-identical
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DRIFT" not in result.stdout
    fresh = {
        path.relative_to(tmp_path).as_posix(): path.read_text(encoding="utf-8")
        for path in tmp_path.rglob("*")
        if path.is_file()
    }
    stale = compare_files(fresh, COMMITTED)
    assert stale == [], "docs/sql/mssql is stale; run `manage.py plan ddl --vendor mssql`:\n" + (
        "\n".join(stale)
    )


@pytest.mark.slow
def test_every_committed_statement_parses_and_passes_the_lints():
    # When the committed scripts are parsed with sqlfluff (T-SQL) and replayed for lints
    validation = validate_directory(COMMITTED)

    # Then nothing is rejected and no lint reports an error
    assert validation.rejected == []
    assert [f"{path}: {issue}" for path, issue in validation.errors] == []
    assert validation.statements > 300
    # Every forward and rollback script listed, and the twelve phase scripts
    manifest = (COMMITTED / MANIFEST).read_text(encoding="utf-8")
    listed = len(manifest_order(manifest)) + len(rollback_order(manifest))
    assert validation.files == listed + 12


def test_every_script_sets_the_session_options_the_statements_need():
    manifest = (COMMITTED / MANIFEST).read_text(encoding="utf-8")
    phases = [f"phases/{p.name}" for p in sorted((COMMITTED / "phases").glob("*.sql"))]
    for path in manifest_order(manifest) + rollback_order(manifest) + phases:
        text = (COMMITTED / path).read_text(encoding="utf-8")
        assert "SET QUOTED_IDENTIFIER ON;" in text, path
        assert "SET ANSI_NULLS ON;" in text, path


@pytest.mark.slow
def test_check_constraints_survive_alter_field_with_the_workaround():
    # Given a model CheckConstraint on a column whose type AlterField changes, rendered
    # with and without the workaround for mssql-django 2.0.0's two defects
    script = textwrap.dedent(
        """
        import django, json
        from doggy.dbtools import mssql_ddl
        mssql_ddl.install_pyodbc_stub()
        django.setup()
        from django.db import models
        from django.db.migrations import operations as ops
        from django.db.models import Q

        def probe(field, new_field, preserve):
            check = models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="CK_Probe_Rating"
            )
            return mssql_ddl.render_operations(
                [
                    ops.CreateModel(
                        "Review",
                        [("id", models.BigAutoField(primary_key=True)), ("rating", field)],
                        options={"db_table": "ProbeReviews", "constraints": [check]},
                    ),
                    ops.AlterField("Review", "rating", new_field),
                ],
                preserve_checks=preserve,
            )

        result = {}
        for name, field, new in [
            ("positive", models.PositiveSmallIntegerField(), models.PositiveIntegerField()),
            ("plain", models.SmallIntegerField(), models.IntegerField()),
        ]:
            for preserve in (False, True):
                result[f"{name}-{preserve}"] = probe(field, new, preserve)
        print(json.dumps(result))
        """
    )
    result = _run_python("-c", script)
    assert result.returncode == 0, result.stderr
    import json

    rendered = json.loads(result.stdout.splitlines()[-1])

    def replay(statements):
        catalog = Catalog()
        issues = [str(issue) for sql in statements for issue in catalog.apply(sql)]
        return catalog.tables["ProbeReviews"].constraints, issues

    # Then, without it: defect 1 loses the constraint; defect 2 is refused by SQL Server
    lost, _ = replay(rendered["positive-False"])
    assert "CK_Probe_Rating" not in lost
    _, refused = replay(rendered["plain-False"])
    assert any("dependent-objects" in issue and "CK_Probe_Rating" in issue for issue in refused)
    # And with it: the constraint is dropped first, and re-created after the ALTER COLUMN
    for case in ("positive-True", "plain-True"):
        constraints, issues = replay(rendered[case])
        assert "CK_Probe_Rating" in constraints
        assert issues == []
        assert rendered[case][-1] == (
            "ALTER TABLE [ProbeReviews] ADD CONSTRAINT [CK_Probe_Rating] CHECK "
            "(([rating] >= 1 AND [rating] <= 5))"
        )


# --- The catalog and its lints (no Django, no SQL Server) -------------------------------
def _catalog(*statements: str) -> tuple[Catalog, list[str]]:
    catalog = Catalog()
    issues = [str(issue) for sql in statements for issue in catalog.apply(sql)]
    return catalog, issues


def test_the_catalog_reads_tables_constraints_and_indexes_as_sql_server_reports_them():
    catalog, issues = _catalog(
        "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), "
        "[Code] nvarchar(20) NOT NULL UNIQUE, [Data] nvarchar(max) NULL CONSTRAINT "
        'T_Data_check CHECK ((ISJSON ("Data") = 1)), [Flag] bit DEFAULT 0 NOT NULL, '
        "CONSTRAINT [CK_T_Code] CHECK (([Code] <> N''x'')))",
        "CREATE UNIQUE INDEX [UX_T_Flag] ON [T] ([Flag], [Code] DESC) WHERE [Flag] = 1",
    )

    assert issues == []
    constraints = catalog.get_constraints("T")
    kinds = sorted(
        (info["primary_key"], info["unique"], info["check"], info["default"], info["index"])
        for info in constraints.values()
    )
    assert kinds == [
        (False, False, False, True, False),  # DEFAULT on Flag
        (False, False, True, False, False),  # CK_T_Code
        (False, False, True, False, False),  # T_Data_check
        (False, True, False, False, False),  # UNIQUE on Code
        (False, True, False, False, True),  # UX_T_Flag
        (True, True, False, False, False),  # PRIMARY KEY
    ]
    assert constraints["UX_T_Flag"]["columns"] == ["Flag", "Code"]
    assert constraints["UX_T_Flag"]["orders"] == ["ASC", "DESC"]
    assert constraints["T_Data_check"]["columns"] == ["Data"]


@pytest.mark.parametrize(
    ("_case", "statements", "code"),
    [
        (
            "index key over 1700 bytes",
            [
                "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [Url] nvarchar(1000) NOT NULL)",
                "CREATE INDEX [IX_T_Url] ON [T] ([Url])",
            ],
            "key-size",
        ),
        (
            "(max) column in a unique key",
            [
                "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [Bio] nvarchar(max) NOT NULL)",
                "ALTER TABLE [T] ADD CONSTRAINT [UQ_T_Bio] UNIQUE ([Bio])",
            ],
            "max-key",
        ),
        (
            "name over 128 characters",
            [
                "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY)",
                f"CREATE INDEX [{'I' * 129}] ON [T] ([Id])",
            ],
            "name-too-long",
        ),
        (
            "a type SQL Server lacks",
            ["CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [Doc] jsonb NULL)"],
            "unknown-type",
        ),
        (
            "narrowing an indexed column",
            [
                "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [Name] nvarchar(100) NOT NULL)",
                "CREATE INDEX [IX_T_Name] ON [T] ([Name])",
                "ALTER TABLE [T] ALTER COLUMN [Name] nvarchar(50) NOT NULL",
            ],
            "dependent-objects",
        ),
        (
            "dropping a column a constraint uses",
            [
                "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [N] int NOT NULL, "
                "CONSTRAINT [CK_T_N] CHECK ([N] > 0))",
                "ALTER TABLE [T] DROP COLUMN [N]",
            ],
            "dependent-objects",
        ),
        (
            "dropping a constraint that does not exist",
            [
                "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY)",
                "ALTER TABLE [T] DROP CONSTRAINT [CK_Nope]",
            ],
            "missing-constraint",
        ),
    ],
)
def test_the_lints_catch_what_sql_server_would_refuse(_case, statements, code):
    _, issues = _catalog(*statements)

    assert any(issue.startswith("ERROR " + code) for issue in issues), issues


def test_widening_an_indexed_varchar_is_allowed():
    _, issues = _catalog(
        "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [Name] nvarchar(100) NOT NULL)",
        "CREATE INDEX [IX_T_Name] ON [T] ([Name])",
        "ALTER TABLE [T] ALTER COLUMN [Name] nvarchar(150) NOT NULL",
    )

    assert issues == []


@pytest.mark.parametrize("kind", ["DF", "CK", "UQ", "PK"])
def test_system_named_constraints_are_dropped_through_a_runtime_lookup(kind):
    # Given a table whose constraints SQL Server names itself
    catalog, _ = _catalog(
        "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [Code] nvarchar(20) NOT NULL UNIQUE, "
        "[N] int DEFAULT 0 NOT NULL)",
        "ALTER TABLE [T] ADD [M] int NULL CHECK ([M] >= 0)",
    )
    con = next(c for c in catalog.tables["T"].constraints.values() if c.kind == kind)

    # When its drop is written as dynamic T-SQL and replayed
    sql = dynamic_drop_sql("T", con, "@dj_drop_1")
    issues = catalog.apply(sql)

    # Then the catalog forgets exactly that constraint, and the batch is self-contained
    assert issues == []
    assert con.name not in catalog.tables["T"].constraints
    assert sql.startswith("DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [T]")
    assert sql.endswith("IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1")


def test_scripts_split_into_batches_without_comments():
    text = "-- header\nSET ANSI_NULLS ON;\nGO\n-- op\nCREATE TABLE [T] ([Id] int NOT NULL);\nGO\n"

    assert split_batches(text) == ["SET ANSI_NULLS ON;", "CREATE TABLE [T] ([Id] int NOT NULL);"]


def test_mssql_database_urls_select_the_backend_with_the_workaround():
    # Given a SQL Server DATABASE_URL (never contacted: only the classes are inspected)
    code = (
        "import django; from doggy.dbtools.mssql_ddl import install_pyodbc_stub;"
        "install_pyodbc_stub(); django.setup();"
        "from django.conf import settings; from django.db import connection;"
        "from doggy.backends.mssql.schema import PreserveCheckConstraintsMixin;"
        "print(settings.DATABASES['default']['ENGINE'], connection.vendor,"
        " issubclass(connection.SchemaEditorClass, PreserveCheckConstraintsMixin))"
    )

    # When the settings load it
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "doggy.settings.test",
            "DATABASE_URL": "mssql://user:secret@sql.invalid:1433/doggy",
        },
    )

    # Then `migrate` on SQL Server runs through the fixed schema editor
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["doggy.backends.mssql", "microsoft", "True"]


def test_every_project_migration_has_a_committed_rollback_script():
    manifest = (COMMITTED / "README.md").read_text(encoding="utf-8")
    forward = manifest_order(manifest)
    rollbacks = rollback_order(manifest)
    project = [path for path in forward if path.split("/")[0] in PROJECT_APPS]
    assert len(project) >= 57
    # One rollback per project migration, run in the reverse of the apply order
    assert rollbacks == [path.replace(".sql", ".rollback.sql") for path in reversed(project)]
    for path in rollbacks:
        assert (COMMITTED / path).is_file(), path
    for phase in range(1, 7):
        for kind in ("deploy", "rollback"):
            assert (COMMITTED / "phases" / f"phase-{phase}.{kind}.sql").is_file()


def _rendered(name, statements, *, python_steps=(), atomic=True, backwards=False):
    migration = RenderedMigration(
        "pets", name, atomic, "009", backwards=backwards, python_steps=list(python_steps)
    )
    migration.lines = [RenderedStatement(sql, []) for sql in statements]
    return migration


def test_phase_scripts_guard_every_statement_by_the_migration_history():
    plain = _rendered(
        "0007_x", ["ALTER TABLE [Dogs] ADD [A] int NULL", "CREATE INDEX [I] ON [Dogs] ([A])"]
    )
    seeded = _rendered("0008_seed", ["ALTER TABLE [Dogs] ADD [B] int NULL"], python_steps=["seed"])
    script = phase_script(
        2, [plain, seeded], rollback=False, recorder_ddl="CREATE TABLE [x] ([a] int)"
    )
    batches = [b for b in split_batches(script) if not b.startswith("SET ")]

    # Every batch but the history table's creation runs only while its migration is unapplied
    guarded = (
        "IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' "
        "AND [name] = N'0007_x')"
    )
    assert batches[0].startswith("IF OBJECT_ID(N'[django_migrations]', N'U') IS NULL")
    assert all(b.startswith(("IF NOT EXISTS", "IF @@TRANCOUNT")) for b in batches[1:])
    assert f"{guarded}\nBEGIN\n    EXEC(N'CREATE INDEX [I] ON [Dogs] ([A])');\nEND;" in batches
    assert any("INSERT INTO [django_migrations]" in b and "N'0007_x'" in b for b in batches)
    # A migration with Python steps stops the script before any of its statements
    stop = next(i for i, b in enumerate(batches) if "THROW 50001" in b)
    assert "manage.py migrate pets 0008_seed" in batches[stop]
    assert all("N'0008_seed'" not in b for b in batches[:stop])


def test_phase_rollback_scripts_undo_only_applied_migrations_and_forget_them():
    back = _rendered("0007_x", ["DROP INDEX [I] ON [Dogs]"], backwards=True)
    script = phase_script(2, [back], rollback=True)
    batches = [b for b in split_batches(script) if not b.startswith("SET ")]
    assert "CREATE TABLE" not in script
    assert all(b.startswith(("IF EXISTS", "IF @@TRANCOUNT")) for b in batches)
    assert any("DELETE FROM [django_migrations]" in b for b in batches)
    # A quote inside a statement is doubled inside EXEC(N'…')
    quoted = phase_script(2, [_rendered("0009_q", ["EXEC sp_rename N'a', N'b'"])], rollback=False)
    assert "EXEC(N'EXEC sp_rename N''a'', N''b''');" in quoted
