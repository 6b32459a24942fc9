"""Online index builds and deferred constraint validation (doggy.core.migration_ops).

On PostgreSQL against real tables with rows; the SQL Server text through the offline
renderer (in a subprocess, as mssql-django patches Django) and the catalog; the plan
round trip of a phase whose validation fails; and a database migrated before the online
steps were split out of the migrations it applied.
"""

from __future__ import annotations

import json
import textwrap
import uuid

import pytest
from django.core.management import call_command
from django.db import IntegrityError, NotSupportedError, connection, models, transaction
from django.db.migrations import operations as ops
from django.db.migrations.exceptions import InconsistentMigrationHistory
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.migrations.state import ProjectState

from doggy.core.migration_ops import (
    AddConstraintNotValid,
    AddConstraintOnline,
    AddFieldIndexOnline,
    AddForeignKeyNotValid,
    AddIndexOnline,
    ValidateConstraint,
    ValidateForeignKey,
    is_online_migration,
    mssql_online,
)
from doggy.dbtools.mssql_ddl import Catalog
from doggy.dbtools.plan import (
    PROJECT_APPS,
    online_steps_to_reconcile,
    plan_items_of_phase,
    plan_verify,
    table_row_counts,
)
from tests.plan.conftest import plan_command
from tests.plan.test_mssql_ddl import _run_python

APP = "probe"
PARENT = ops.CreateModel(
    "Parent", [("id", models.BigAutoField(primary_key=True))], options={"db_table": "ProbeParents"}
)
CHILD = ops.CreateModel(
    "Child",
    [
        ("id", models.BigAutoField(primary_key=True)),
        ("weight", models.IntegerField()),
        ("code", models.CharField(max_length=20, null=True)),
    ],
    options={"db_table": "ProbeChildren"},
)
PARENT_FK = models.ForeignKey(
    "probe.Parent", null=True, on_delete=models.SET_NULL, db_column="ParentId"
)
WEIGHT_CHECK = models.CheckConstraint(condition=models.Q(weight__gte=0), name="CK_Probe_Weight")
WEIGHT_INDEX = models.Index(fields=["weight"], name="IX_Probe_Weight")
CODE_UNIQUE = models.UniqueConstraint(
    fields=["code"], condition=models.Q(code__isnull=False), name="UX_Probe_Code"
)


# --- Helpers: run operations against the test database -----------------------------------
def apply(state: ProjectState, *operations, atomic: bool = False) -> ProjectState:
    for operation in operations:
        new = state.clone()
        operation.state_forwards(APP, new)
        with connection.schema_editor(atomic=atomic) as editor:
            operation.database_forwards(APP, editor, state, new)
        state = new
    return state


def unapply(before: ProjectState, operation, *, atomic: bool = False) -> None:
    after = before.clone()
    operation.state_forwards(APP, after)
    with connection.schema_editor(atomic=atomic) as editor:
        operation.database_backwards(APP, editor, after, before)


def names(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def pg_one(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else row[0]


def index_valid(name: str):
    return pg_one(
        "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)",
        [connection.ops.quote_name(name)],
    )


def constraint_validated(name: str):
    return pg_one("SELECT convalidated FROM pg_constraint WHERE conname = %s", [name])


def insert_children(*rows: tuple[int, str | None]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            'INSERT INTO "ProbeChildren" ("weight", "code") VALUES (%s, %s)', list(rows)
        )


@pytest.fixture
def probe_tables(transactional_db):
    """ProbeParents and ProbeChildren with three rows, outside any transaction."""
    state = apply(ProjectState(), PARENT, CHILD, atomic=True)
    insert_children((1, "a"), (2, "b"), (3, None))
    yield state
    with connection.cursor() as cursor:
        cursor.execute('DROP TABLE IF EXISTS "ProbeChildren"')
        cursor.execute('DROP TABLE IF EXISTS "ProbeParents"')


# --- PostgreSQL ------------------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_an_index_built_online_is_valid_and_its_reverse_drops_it(probe_tables):
    add = AddIndexOnline("child", WEIGHT_INDEX)

    apply(probe_tables, add)

    assert index_valid("IX_Probe_Weight") is True
    # Run again (a database that has it already): nothing happens, nothing fails
    apply(probe_tables, add)
    unapply(probe_tables, add)
    assert index_valid("IX_Probe_Weight") is None
    unapply(probe_tables, add)  # gone already: still fine


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_concurrent_build_refuses_to_run_inside_a_transaction(probe_tables):
    with pytest.raises(NotSupportedError, match="atomic = False"), transaction.atomic():
        apply(probe_tables, AddIndexOnline("child", WEIGHT_INDEX), atomic=True)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_an_index_left_invalid_by_an_interrupted_build_is_built_again(probe_tables):
    # Given a concurrent build of the unique index that failed on a duplicate code,
    # leaving an INVALID index behind, and the duplicate removed afterwards
    insert_children((4, "a"))
    with pytest.raises(IntegrityError, match="UX_Probe_Code"), connection.cursor() as cursor:
        cursor.execute(
            'CREATE UNIQUE INDEX CONCURRENTLY "UX_Probe_Code" ON "ProbeChildren" ("code") '
            'WHERE "code" IS NOT NULL'
        )
    assert index_valid("UX_Probe_Code") is False
    with connection.cursor() as cursor:
        cursor.execute('DELETE FROM "ProbeChildren" WHERE "weight" = 4')

    # When the step runs again
    apply(probe_tables, AddConstraintOnline("child", CODE_UNIQUE))

    # Then the index is rebuilt, valid, and enforces the rule
    assert index_valid("UX_Probe_Code") is True
    with pytest.raises(IntegrityError, match="UX_Probe_Code"):
        insert_children((5, "b"))


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_foreign_key_added_not_valid_is_indexed_online_and_then_validated(probe_tables):
    add = AddForeignKeyNotValid("child", "parent", PARENT_FK)
    state = apply(probe_tables, add, atomic=True)
    fk = pg_one(
        "SELECT conname FROM pg_constraint WHERE contype = 'f' "
        "AND conrelid = to_regclass('\"ProbeChildren\"')"
    )
    assert fk.startswith("ProbeChildren_ParentId_")
    assert fk.endswith("_fk_ProbeParents_id")
    assert constraint_validated(fk) is False
    # No index yet: the online step builds it
    assert not any(index_valid(name) for name in names("ProbeChildren") if "ParentId" in name)

    apply(state, AddFieldIndexOnline("child", "parent"), ValidateForeignKey("child", "parent"))

    assert constraint_validated(fk) is True
    built = [name for name in names("ProbeChildren") if name.startswith("ProbeChildren_ParentId")]
    assert sorted(built) == sorted([fk, fk.removesuffix("_fk_ProbeParents_id")])
    assert index_valid(fk.removesuffix("_fk_ProbeParents_id")) is True


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_check_added_not_valid_holds_for_new_rows_and_validate_fails_on_old_ones(
    probe_tables,
):
    # Given a row that breaks the rule before the check exists
    insert_children((-1, "negative"))

    # When the check is added NOT VALID: the old row does not stop it...
    state = apply(probe_tables, AddConstraintNotValid("child", WEIGHT_CHECK), atomic=True)
    assert constraint_validated("CK_Probe_Weight") is False
    # ...but a new row that breaks it is refused at once
    with pytest.raises(IntegrityError, match="CK_Probe_Weight"):
        insert_children((-2, None))

    # Then validating it finds the old row
    with pytest.raises(IntegrityError, match="CK_Probe_Weight"):
        apply(state, ValidateConstraint("child", "CK_Probe_Weight"))
    assert constraint_validated("CK_Probe_Weight") is False

    # And once the row is fixed it validates
    with connection.cursor() as cursor:
        cursor.execute('UPDATE "ProbeChildren" SET "weight" = 0 WHERE "weight" < 0')
    apply(state, ValidateConstraint("child", "CK_Probe_Weight"))
    assert constraint_validated("CK_Probe_Weight") is True


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_unique_field_is_built_as_the_constraint_django_would_make(probe_tables):
    # Given `code` made unique in the state only (its database side comes online)
    state = probe_tables.clone()
    alter = ops.AlterField("child", "code", models.CharField(max_length=20, null=True, unique=True))
    alter.state_forwards(APP, state)

    apply(state, AddFieldIndexOnline("child", "code"))

    # Then it is a real unique constraint (what a later AlterField looks for) plus the
    # LIKE index, both valid
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, "ProbeChildren")
    unique = [n for n, c in found.items() if c["unique"] and c["columns"] == ["code"]]
    assert len(unique) == 1
    assert unique[0].endswith("_uniq")
    assert pg_one("SELECT contype FROM pg_constraint WHERE conname = %s", unique) == "u"
    assert any(name.endswith("_like") for name in found)
    with pytest.raises(IntegrityError, match=unique[0]):
        insert_children((9, "a"))
    # And the reverse drops both
    unapply(state, AddFieldIndexOnline("child", "code"))
    assert {n for n in names("ProbeChildren") if "code" in n} == set()


# --- Every engine: the plain forms, and a second run ------------------------------------
def test_the_operations_leave_the_state_of_their_plain_counterparts():
    pairs = [
        (AddIndexOnline("child", WEIGHT_INDEX), ops.AddIndex("child", WEIGHT_INDEX)),
        (AddConstraintOnline("child", CODE_UNIQUE), ops.AddConstraint("child", CODE_UNIQUE)),
        (
            AddConstraintNotValid("child", WEIGHT_CHECK),
            ops.AddConstraint("child", WEIGHT_CHECK),
        ),
        (
            AddForeignKeyNotValid("child", "parent", PARENT_FK),
            ops.AddField("child", "parent", PARENT_FK),
        ),
    ]
    base = ProjectState()
    for create in (PARENT, CHILD):
        create.state_forwards(APP, base)
    for online, plain in pairs:
        left, right = base.clone(), base.clone()
        online.state_forwards(APP, left)
        plain.state_forwards(APP, right)
        assert left.models == right.models, online.describe()
    untouched = base.clone()
    for step in (
        AddFieldIndexOnline("child", "weight"),
        ValidateConstraint("child", "CK_Probe_Weight"),
        ValidateForeignKey("child", "parent"),
    ):
        step.state_forwards(APP, untouched)
    assert untouched.models == base.models


def test_the_operations_refuse_what_they_cannot_build():
    with pytest.raises(ValueError, match="CheckConstraint"):
        AddConstraintNotValid("child", CODE_UNIQUE)
    with pytest.raises(ValueError, match="UniqueConstraint"):
        AddConstraintOnline("child", WEIGHT_CHECK)
    with pytest.raises(ValueError, match="nullable ForeignKey"):
        AddForeignKeyNotValid(
            "child", "parent", models.ForeignKey("probe.Parent", on_delete=models.CASCADE)
        )


def test_online_steps_run_twice_build_once_on_every_engine(probe_tables):
    steps = (
        AddIndexOnline("child", WEIGHT_INDEX),
        AddConstraintOnline("child", CODE_UNIQUE),
    )
    apply(probe_tables, *steps)
    apply(probe_tables, *steps)  # the objects exist: nothing is built, nothing fails

    assert {"IX_Probe_Weight", "UX_Probe_Code"} <= names("ProbeChildren")
    with pytest.raises(IntegrityError):
        insert_children((7, "a"))
    for step in reversed(steps):
        unapply(probe_tables, step)
        unapply(probe_tables, step)
    assert not {"IX_Probe_Weight", "UX_Probe_Code"} & names("ProbeChildren")


def test_every_split_online_step_is_an_online_migration_right_after_its_origin():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    online = sorted(
        node for node in graph.nodes if node[0] in PROJECT_APPS and "_online_" in node[1]
    )
    assert len(online) == 9
    for node in online:
        migration = graph.nodes[node]
        assert is_online_migration(migration), node
        # <number>_online_<origin>: right after <number>_<origin> (the messaging 0002 index
        # step after 0002_enhanced_messaging names itself ..._indexes)
        number, _, origin = node[1].partition("_online_")
        origin = origin.removesuffix("_indexes")
        assert migration.dependencies == [(node[0], f"{number}_{origin}")], node


# --- SQL Server: the rendered text ----------------------------------------------------
def test_the_sql_server_text_of_each_operation():
    script = textwrap.dedent(
        """
        import django, json
        from doggy.dbtools import mssql_ddl
        mssql_ddl.install_pyodbc_stub()
        django.setup()
        from django.db import models
        from django.db.migrations import operations as ops
        from doggy.core import migration_ops as online
        from tests.plan.test_online_ops import (
            CHILD, CODE_UNIQUE, PARENT, PARENT_FK, WEIGHT_CHECK, WEIGHT_INDEX,
        )

        print(json.dumps(mssql_ddl.render_operations(
            [
                PARENT,
                CHILD,
                online.AddForeignKeyNotValid("child", "parent", PARENT_FK),
                online.AddConstraintNotValid("child", WEIGHT_CHECK),
                online.AddFieldIndexOnline("child", "parent"),
                online.AddIndexOnline("child", WEIGHT_INDEX),
                online.AddConstraintOnline("child", CODE_UNIQUE),
                online.ValidateForeignKey("child", "parent"),
                online.ValidateConstraint("child", "CK_Probe_Weight"),
            ],
            app_label="probe",
        )))
        """
    )
    result = _run_python("-c", script)
    assert result.returncode == 0, result.stderr
    statements = json.loads(result.stdout.splitlines()[-1])[2:]  # after the two tables
    fk = "ProbeChildren_ParentId_91f1b66d_fk_ProbeParents_id"

    def switch(sql):
        return (
            "IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)\n"
            f"    {sql} WITH (ONLINE = ON)\nELSE\n    {sql}"
        )

    assert statements == [
        "ALTER TABLE [ProbeChildren] ADD [ParentId] bigint NULL",
        f"ALTER TABLE [ProbeChildren] WITH NOCHECK ADD CONSTRAINT [{fk}] FOREIGN KEY "
        "([ParentId]) REFERENCES [ProbeParents] ([id])",
        "ALTER TABLE [ProbeChildren] WITH NOCHECK ADD CONSTRAINT [CK_Probe_Weight] CHECK "
        "([weight] >= 0)",
        switch("CREATE INDEX [ProbeChildren_ParentId_91f1b66d] ON [ProbeChildren] ([ParentId])"),
        switch("CREATE INDEX [IX_Probe_Weight] ON [ProbeChildren] ([weight])"),
        switch(
            "CREATE UNIQUE INDEX [UX_Probe_Code] ON [ProbeChildren] ([code]) "
            "WHERE [code] IS NOT NULL"
        ),
        f"ALTER TABLE [ProbeChildren] WITH CHECK CHECK CONSTRAINT [{fk}]",
        "ALTER TABLE [ProbeChildren] WITH CHECK CHECK CONSTRAINT [CK_Probe_Weight]",
    ]


def test_the_catalog_reads_the_online_forms_and_refuses_a_bad_one():
    catalog = Catalog()
    create = "CREATE TABLE [T] ([Id] int NOT NULL PRIMARY KEY, [A] int NULL)"
    issues = [
        str(issue)
        for sql in (
            create,
            "ALTER TABLE [T] WITH NOCHECK ADD CONSTRAINT [CK_T_A] CHECK ([A] > 0)",
            mssql_online("CREATE INDEX [IX_T_A] ON [T] ([A])"),
            "ALTER TABLE [T] WITH CHECK CHECK CONSTRAINT [CK_T_A]",
        )
        for issue in catalog.apply(sql)
    ]
    assert issues == []
    assert {"CK_T_A", "IX_T_A"} <= set(catalog.tables["T"].constraints)

    missing = [str(i) for i in catalog.apply("ALTER TABLE [T] WITH CHECK CHECK CONSTRAINT [X]")]
    assert missing == [
        "ERROR missing-constraint: CHECK CONSTRAINT X: no such foreign key or check on [T]"
    ]
    differ = (
        "IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)\n"
        "    CREATE INDEX [IX_T_B] ON [T] ([A]) WITH (ONLINE = ON)\n"
        "ELSE\n    CREATE INDEX [IX_T_C] ON [T] ([A])"
    )
    assert [i.code for i in catalog.apply(differ)] == ["online-switch"]


# --- The plan: a failed validation rolls the phase back -------------------------------
@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="NOT VALID is PostgreSQL's")
def test_a_validation_that_fails_stops_the_phase_and_restores_it(migrating_db, monkeypatch):
    from django.core.management.base import CommandError

    from doggy.management.commands.plan import StepTimer
    from tests.plan.test_plan_command import _back_to_end_of, _fill_phase_1

    # Given the end of phase 2 with a legacy conversation, and a legacy writer that, right
    # after messaging.0002 added CreatedById NOT VALID, stores a creator that does not
    # exist (the key's trigger bypassed, as a bulk load with triggers off would)
    _back_to_end_of(2)
    _fill_phase_1()
    with connection.cursor() as cursor:
        cursor.execute('INSERT INTO "Conversations" ("Id") VALUES (%s)', [uuid.uuid4().hex])
    before = table_row_counts(connection)
    finish = StepTimer.finish

    def legacy_write(self, migration):
        if (migration.app_label, migration.name) == ("messaging", "0002_enhanced_messaging"):
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = replica")
                cursor.execute("""UPDATE "Conversations" SET "CreatedById" = 'nobody'""")
                cursor.execute("SET session_replication_role = DEFAULT")
        return finish(self, migration)

    monkeypatch.setattr(StepTimer, "finish", legacy_write)

    # When phase 3 is deployed
    with pytest.raises(CommandError, match="Phase 3 was stopped and rolled back"):
        plan_command("migrate", "--phase", "3", "--no-backup", "--noinput")

    # Then its online step failed on the validation, after it had built
    # IX_Messages_Conv_Id over two columns that were there before the phase; the index
    # is gone with the rest of the phase, and every row is as before
    assert index_valid("IX_Messages_Conv_Id") is None
    applied = MigrationRecorder(connection).applied_migrations()
    assert ("messaging", "0002_enhanced_messaging") not in applied
    assert ("messaging", "0002_online_enhanced_messaging_indexes") not in applied
    phase_3 = {table for item in plan_items_of_phase(3) for table in item.tables}
    now = table_row_counts(connection)
    assert {t: n for t, n in now.items() if t not in phase_3} == {
        t: n for t, n in before.items() if t not in phase_3
    }
    assert "CreatedById" not in {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), "Conversations"
        )
    }
    assert plan_verify(connection, snapshot=None).ok


# --- A database migrated before the online steps were split out ------------------------
@pytest.mark.slow
def test_a_database_migrated_before_the_split_is_reconciled_by_plan_migrate(migrating_db):
    # Given a database at head whose history predates the split: the indexes and
    # constraints are there (the old migrations built them inline), the online steps
    # are not recorded
    recorder = MigrationRecorder(connection)
    loader = MigrationLoader(connection)
    steps = sorted(
        node
        for node in loader.graph.nodes
        if node[0] in PROJECT_APPS and is_online_migration(loader.graph.nodes[node])
    )
    recorder.migration_qs.filter(app__in=PROJECT_APPS, name__contains="_online_").delete()
    objects_before = {
        table: names(table)
        for table in ("ServiceProviders", "Messages", "Conversations", "ProviderReviews")
    }

    # Then Django's own migrate refuses the history, and verify says what to run
    with pytest.raises(InconsistentMigrationHistory):
        call_command("migrate", verbosity=0, interactive=False)
    leaf = ("messaging", "0010_online_appointment_links")
    assert set(online_steps_to_reconcile(MigrationLoader(connection))) == set(steps) - {leaf}
    report = "\n".join(plan_verify(connection, snapshot=None).lines())
    assert "[FAIL] migrations" in report
    assert "`plan migrate` (or `plan rollback`) records them" in report

    # When the plan migrates to the end
    out = plan_command("migrate", "--phase", "6", "--no-backup", "--noinput")

    # Then the eight steps with a later migration are recorded, the leaf one is applied,
    # nothing was built twice, and verify passes
    assert "Recorded 8 online steps split out of migrations" in out
    assert "messaging.0010_online_appointment_links applied" in out
    applied = MigrationRecorder(connection).applied_migrations()
    assert all(node in applied for node in steps)
    assert {table: names(table) for table in objects_before} == objects_before
    assert plan_verify(connection, snapshot=None).ok


def test_the_cost_model_reads_the_online_forms():
    from doggy.dbtools.estimates import operation_kind

    assert operation_kind(AddConstraintNotValid("child", WEIGHT_CHECK)) == "other"
    assert operation_kind(AddForeignKeyNotValid("child", "parent", PARENT_FK)) == "add_column"
    assert operation_kind(AddIndexOnline("child", WEIGHT_INDEX)) == "index"
    assert operation_kind(AddConstraintOnline("child", CODE_UNIQUE)) == "index"
    assert operation_kind(AddFieldIndexOnline("child", "parent")) == "index"
    assert operation_kind(ValidateConstraint("child", "CK_Probe_Weight")) == "constraint"
    assert operation_kind(ValidateForeignKey("child", "parent")) == "constraint"
