"""Online index builds and deferred constraint validation, for migrations that change
tables which already hold rows (docs/development/plan.md, "Online indexes and deferred
constraints"; `plan lint` rules DL003 and DL004).

Each operation changes the migration state exactly as its plain counterpart does
(`AddIndex`, `AddConstraint`, `AddField`), so `makemigrations --check` sees no
difference; only the SQL differs, per vendor:

* `AddIndexOnline`, `AddConstraintOnline` (unique), `AddFieldIndexOnline`: PostgreSQL
  `CREATE [UNIQUE] INDEX CONCURRENTLY`; SQL Server `WITH (ONLINE = ON)` on Enterprise and
  Azure, offline on Standard (see MSSQL_ONLINE_EDITIONS); SQLite plain.
* `AddConstraintNotValid` (check), `AddForeignKeyNotValid`: PostgreSQL `ADD CONSTRAINT …
  NOT VALID`; SQL Server `WITH NOCHECK ADD CONSTRAINT`; SQLite plain.
* `ValidateConstraint`, `ValidateForeignKey`: PostgreSQL `VALIDATE CONSTRAINT`; SQL Server
  `WITH CHECK CHECK CONSTRAINT`; nothing on SQLite.

The index builds and the validations go in a migration of their own with `atomic = False`
(PostgreSQL cannot build an index concurrently inside a transaction, and a validation
inside the transaction that added the constraint would hold the adding lock while it
scans). Every build and drop first looks for the object and does nothing when it is
already there (forwards) or already gone (backwards), so a migration split out of one
that built the objects inline, on a database that applied the old one, is a no-op; on
PostgreSQL an index left INVALID by an interrupted concurrent build is dropped and built
again.
"""

from __future__ import annotations

import copy
import re

from django.db import NotSupportedError
from django.db.migrations import operations as ops
from django.db.migrations.operations.base import Operation
from django.db.models import CheckConstraint, UniqueConstraint

# SERVERPROPERTY('EngineEdition') values whose engine builds indexes online: 3 Enterprise
# (also Developer and Evaluation), 5 Azure SQL Database, 8 Azure SQL Managed Instance.
# Standard (2) and Express (4) refuse ONLINE = ON (error 1712) and build offline.
MSSQL_ONLINE_EDITIONS = (3, 5, 8)

_FK_SUFFIX = "_fk_%(to_table)s_%(to_column)s"


def mssql_online(sql: str) -> str:
    """One T-SQL statement that builds `sql` (CREATE INDEX, or ALTER TABLE … ADD
    CONSTRAINT … UNIQUE) WITH (ONLINE = ON) where the edition can, and offline elsewhere."""
    sql = str(sql).strip().rstrip(";")
    editions = ", ".join(str(edition) for edition in MSSQL_ONLINE_EDITIONS)
    return (
        f"IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN ({editions})\n"
        f"    {sql} WITH (ONLINE = ON)\nELSE\n    {sql}"
    )


def mssql_nocheck(sql: str) -> str:
    """`ALTER TABLE t ADD CONSTRAINT …` as `ALTER TABLE t WITH NOCHECK ADD CONSTRAINT …`."""
    sql = str(sql).strip()
    changed, count = re.subn(
        r"^ALTER TABLE (\[(?:[^\]]|\]\])+\]) ADD ", r"ALTER TABLE \1 WITH NOCHECK ADD ", sql
    )
    if count != 1:
        raise ValueError(f"not an ALTER TABLE … ADD CONSTRAINT statement: {sql}")
    return changed


# --- Helpers ---------------------------------------------------------------------------
def _vendor(schema_editor) -> str:
    return schema_editor.connection.vendor


def _live(schema_editor) -> bool:
    """False while SQL is only collected (`sqlmigrate`, the offline SQL Server render)."""
    return not schema_editor.collect_sql


def _ensure_not_in_transaction(schema_editor, what: str) -> None:
    if schema_editor.connection.in_atomic_block:
        raise NotSupportedError(
            f"{what} cannot run inside a transaction on PostgreSQL: put it in a migration of "
            "its own with `atomic = False`."
        )


def _constraint_names(schema_editor, table: str) -> set[str]:
    """Names of the indexes and constraints of `table` (empty while collecting SQL)."""
    if not _live(schema_editor):
        return set()
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def _has_unique(schema_editor, table: str, columns: list[str]) -> bool:
    """Whether `table` has a unique constraint or index over exactly `columns`, under any
    name (SQLite names the UNIQUE of a column itself when a later step rebuilds the table)."""
    if not _live(schema_editor):
        return False
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return any(
        con["unique"] and not con["primary_key"] and list(con["columns"]) == columns
        for con in found.values()
    )


def _pg_index_validity(schema_editor, name: str) -> bool | None:
    """PostgreSQL: whether index `name` is valid; None when it does not exist."""
    if not _live(schema_editor):
        return None
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(%s)",
            [schema_editor.quote_name(name)],
        )
        row = cursor.fetchone()
    return None if row is None else bool(row[0])


def _build(schema_editor, table: str, name: str, plain_sql, concurrent_sql) -> None:
    """Build index `name` of `table` online, unless it is already there.

    `plain_sql` is the vendor's own CREATE (SQLite as is, SQL Server wrapped in the
    ONLINE switch); `concurrent_sql` the PostgreSQL CREATE … CONCURRENTLY.
    """
    vendor = _vendor(schema_editor)
    if vendor == "postgresql":
        _ensure_not_in_transaction(schema_editor, f"Building {name} concurrently")
        valid = _pg_index_validity(schema_editor, name)
        if valid:
            return
        if valid is False:  # left INVALID by an interrupted concurrent build
            schema_editor.execute(
                f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(name)}"
            )
        schema_editor.execute(str(concurrent_sql), params=None)
        return
    if name in _constraint_names(schema_editor, table):
        return
    if vendor == "microsoft":
        schema_editor.execute(mssql_online(str(plain_sql)), params=None)
    else:
        schema_editor.execute(str(plain_sql), params=None)


def _drop(schema_editor, table: str, name: str, plain_sql) -> None:
    """Drop index `name` of `table` (PostgreSQL: concurrently), unless it is gone."""
    if _vendor(schema_editor) == "postgresql":
        _ensure_not_in_transaction(schema_editor, f"Dropping {name} concurrently")
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(name)}")
        return
    if _live(schema_editor) and name not in _constraint_names(schema_editor, table):
        return
    schema_editor.execute(str(plain_sql), params=None)


def _pg_concurrently(sql: str) -> str:
    """PostgreSQL's CREATE [UNIQUE] INDEX statement made concurrent."""
    changed, count = re.subn(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX CONCURRENTLY ", sql)
    if count != 1:
        raise ValueError(f"not a CREATE INDEX statement: {sql}")
    return changed


def _build_unique_constraint(schema_editor, model, name: str, columns: list[str], plain_sql):
    """An unconditional unique constraint, built online.

    PostgreSQL: the unique index concurrently, then `ADD CONSTRAINT … UNIQUE USING INDEX`
    (a catalog change under a brief lock), so the constraint is the one Django would have
    made. SQL Server: `ALTER TABLE … ADD CONSTRAINT … UNIQUE … WITH (ONLINE = ON)`.
    """
    table = model._meta.db_table
    if _vendor(schema_editor) != "postgresql":
        _build(schema_editor, table, name, plain_sql, None)
        return
    _ensure_not_in_transaction(schema_editor, f"Building {name} concurrently")
    if name in _constraint_names(schema_editor, table) and _pg_index_validity(schema_editor, name):
        return
    quote = schema_editor.quote_name
    index_sql = (
        f"CREATE UNIQUE INDEX CONCURRENTLY {quote(name)} ON {quote(table)} "
        f"({', '.join(quote(column) for column in columns)})"
    )
    _build(schema_editor, table, name, None, index_sql)
    schema_editor.execute(
        f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} UNIQUE USING INDEX {quote(name)}"
    )


def _drop_unique_constraint(schema_editor, model, name: str, plain_sql) -> None:
    table = model._meta.db_table
    if _vendor(schema_editor) == "postgresql":
        quote = schema_editor.quote_name
        schema_editor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT IF EXISTS {quote(name)}")
        _drop(schema_editor, table, name, None)  # an index left without its constraint
        return
    _drop(schema_editor, table, name, plain_sql)


def _add_not_valid(schema_editor, sql) -> None:
    """Run `ALTER TABLE … ADD CONSTRAINT …` without checking the existing rows."""
    vendor = _vendor(schema_editor)
    if vendor == "postgresql":
        schema_editor.execute(str(sql) + " NOT VALID", params=None)
    elif vendor == "microsoft":
        schema_editor.execute(mssql_nocheck(str(sql)), params=None)
    else:
        schema_editor.execute(sql, params=None)


def _validate(schema_editor, table: str, quoted_name: str) -> None:
    vendor = _vendor(schema_editor)
    quoted_table = schema_editor.quote_name(table)
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {quoted_table} VALIDATE CONSTRAINT {quoted_name}")
    elif vendor == "microsoft":
        schema_editor.execute(
            f"ALTER TABLE {quoted_table} WITH CHECK CHECK CONSTRAINT {quoted_name}"
        )
    # SQLite checks a constraint when it is added (the table is rebuilt): nothing to do.


def _unique_field_name(schema_editor, model, field) -> str:
    return schema_editor._create_index_name(model._meta.db_table, [field.column], suffix="_uniq")


# --- Index builds ------------------------------------------------------------------------
class AddIndexOnline(ops.AddIndex):
    """`AddIndex`, built without blocking writes: PostgreSQL `CREATE INDEX CONCURRENTLY`
    (Django's `AddIndexConcurrently`), SQL Server `WITH (ONLINE = ON)` where the edition
    has online index operations (offline on Standard: run it in the window), SQLite
    plain. The migration must have `atomic = False`."""

    category = ops.AddIndex.category

    def describe(self):
        return f"Create index {self.index.name} online on model {self.model_name}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        table = model._meta.db_table
        concurrent = (
            self.index.create_sql(model, schema_editor, concurrently=True)
            if _vendor(schema_editor) == "postgresql"
            else None
        )
        _build(
            schema_editor,
            table,
            self.index.name,
            self.index.create_sql(model, schema_editor),
            concurrent,
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        _drop(
            schema_editor,
            model._meta.db_table,
            self.index.name,
            self.index.remove_sql(model, schema_editor),
        )


class AddConstraintOnline(ops.AddConstraint):
    """`AddConstraint` of a `UniqueConstraint`, built online like `AddIndexOnline`.

    With a condition it is a (filtered) unique index on every engine. Without one it is
    a unique constraint: PostgreSQL builds its index concurrently and attaches it (`ADD
    CONSTRAINT … UNIQUE USING INDEX`); SQL Server adds it `WITH (ONLINE = ON)`."""

    def __init__(self, model_name, constraint):
        if not isinstance(constraint, UniqueConstraint) or constraint.expressions:
            raise ValueError(
                "AddConstraintOnline builds a UniqueConstraint over fields; add a check "
                "with AddConstraintNotValid."
            )
        super().__init__(model_name, constraint)

    def describe(self):
        return f"Create unique constraint {self.constraint.name} online on model {self.model_name}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        constraint = self.constraint
        plain = constraint.create_sql(model, schema_editor)
        if constraint.condition is None and not constraint.include:
            columns = [model._meta.get_field(name).column for name in constraint.fields]
            _build_unique_constraint(schema_editor, model, constraint.name, columns, plain)
            return
        concurrent = (
            _pg_concurrently(str(plain)) if _vendor(schema_editor) == "postgresql" else None
        )
        _build(schema_editor, model._meta.db_table, constraint.name, plain, concurrent)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        constraint = self.constraint
        plain = constraint.remove_sql(model, schema_editor)
        if constraint.condition is None and not constraint.include:
            _drop_unique_constraint(schema_editor, model, constraint.name, plain)
        else:
            _drop(schema_editor, model._meta.db_table, constraint.name, plain)


class _StatelessStep(Operation):
    """A database-only step on one named object of a model: it changes no migration state
    (the state already describes the object); subclasses say what SQL runs."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, model_name, name):
        self.model_name = model_name
        self.name = name

    @property
    def model_name_lower(self):
        return self.model_name.lower()

    def deconstruct(self):
        return (self.__class__.__name__, [], {"model_name": self.model_name, "name": self.name})

    def state_forwards(self, app_label, state):
        pass


class AddFieldIndexOnline(_StatelessStep):
    """Build, online, the index Django gives field `name` (a foreign key, `db_index`, or
    `unique`), which an earlier step of the migration state already declares.

    The pair of `AddForeignKeyNotValid` (or of an `AlterField` whose database side leaves
    the index out). It changes no state: the field already says it is indexed."""

    category = ops.AddIndex.category

    def describe(self):
        return f"Create the index of field {self.name} online on model {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name_lower}_{self.name.lower()}_index"

    def _statements(self, schema_editor, model):
        """(name, plain CREATE, PostgreSQL CREATE CONCURRENTLY, DROP) per index."""
        field = model._meta.get_field(self.name)
        table = model._meta.db_table
        postgres = _vendor(schema_editor) == "postgresql"
        out = []
        if field.unique and not field.primary_key:
            return [("unique", _unique_field_name(schema_editor, model, field), field)]
        if field.db_index:
            name = schema_editor._create_index_name(table, [field.column], suffix="")
            kwargs = {"concurrently": True} if postgres else {}
            out.append(
                (
                    "index",
                    name,
                    schema_editor._create_index_sql(model, fields=[field]),
                    schema_editor._create_index_sql(model, fields=[field], **kwargs)
                    if postgres
                    else None,
                )
            )
        if postgres:
            like = schema_editor._create_like_index_sql(model, field)
            if like is not None:
                name = schema_editor._create_index_name(table, [field.column], suffix="_like")
                out.append(("index", name, like, _pg_concurrently(str(like))))
        return out

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        table = model._meta.db_table
        for kind, name, *rest in self._statements(schema_editor, model):
            if kind == "unique":
                field = rest[0]
                # Built already, maybe under the name the engine gave it?
                built = _has_unique(schema_editor, table, [field.column]) and (
                    _vendor(schema_editor) != "postgresql"
                    or _pg_index_validity(schema_editor, name) is not False
                )
                if not built:
                    plain = schema_editor._create_unique_sql(model, [field])
                    _build_unique_constraint(schema_editor, model, name, [field.column], plain)
                if _vendor(schema_editor) == "postgresql":
                    like = schema_editor._create_like_index_sql(model, field)
                    if like is not None:
                        like_name = schema_editor._create_index_name(
                            table, [field.column], suffix="_like"
                        )
                        _build(schema_editor, table, like_name, like, _pg_concurrently(str(like)))
            else:
                plain, concurrent = rest
                _build(schema_editor, table, name, plain, concurrent)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        table = model._meta.db_table
        for kind, name, *rest in reversed(self._statements(schema_editor, model)):
            if kind == "unique":
                field = rest[0]
                if _vendor(schema_editor) == "postgresql":
                    like_name = schema_editor._create_index_name(
                        table, [field.column], suffix="_like"
                    )
                    _drop(schema_editor, table, like_name, None)
                plain = schema_editor._delete_unique_sql(model, name)
                _drop_unique_constraint(schema_editor, model, name, plain)
            else:
                _drop(schema_editor, table, name, schema_editor._delete_index_sql(model, name))


# --- Constraints added without checking the rows, validated later ----------------------
class AddConstraintNotValid(ops.AddConstraint):
    """`AddConstraint` of a `CheckConstraint` that does not read the existing rows:
    PostgreSQL `ADD CONSTRAINT … NOT VALID`, SQL Server `WITH NOCHECK ADD CONSTRAINT`.
    New and updated rows are checked at once; `ValidateConstraint`, in a later
    non-atomic migration, checks the existing ones. SQLite adds it as usual."""

    def __init__(self, model_name, constraint):
        if not isinstance(constraint, CheckConstraint):
            raise ValueError(
                "AddConstraintNotValid adds a CheckConstraint; build a unique one with "
                "AddConstraintOnline."
            )
        super().__init__(model_name, constraint)

    def describe(self):
        return f"Create constraint {self.constraint.name} NOT VALID on model {self.model_name}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if _vendor(schema_editor) in ("postgresql", "microsoft"):
            _add_not_valid(schema_editor, self.constraint.create_sql(model, schema_editor))
        else:
            schema_editor.add_constraint(model, self.constraint)


class AddForeignKeyNotValid(ops.AddField):
    """`AddField` of a foreign key whose constraint does not read the existing rows.

    The column is added without its constraint and without its index; the constraint
    follows NOT VALID (SQL Server: WITH NOCHECK). In a later non-atomic migration,
    `AddFieldIndexOnline` builds the index and `ValidateForeignKey` checks the rows.
    The field must be nullable (a NOT NULL key on a populated table needs a backfill
    first, DL001). SQLite adds the column with its inline REFERENCES as usual."""

    def __init__(self, model_name, name, field, preserve_default=True):
        if field.remote_field is None or not field.null:
            raise ValueError("AddForeignKeyNotValid adds a nullable ForeignKey.")
        super().__init__(model_name, name, field, preserve_default)

    def describe(self):
        return f"Add field {self.name} to {self.model_name}, its foreign key NOT VALID"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        to_model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, to_model):
            return
        from_model = from_state.apps.get_model(app_label, self.model_name)
        field = to_model._meta.get_field(self.name)
        column_only = copy.copy(field)
        column_only.db_index = False  # AddFieldIndexOnline builds it
        if _vendor(schema_editor) not in ("postgresql", "microsoft"):
            schema_editor.add_field(from_model, column_only)
            return
        column_only.db_constraint = False
        schema_editor.add_field(from_model, column_only)
        if field.db_constraint:
            _add_not_valid(schema_editor, schema_editor._create_fk_sql(to_model, field, _FK_SUFFIX))


class ValidateConstraint(_StatelessStep):
    """Check the existing rows against constraint `name` added NOT VALID: PostgreSQL
    `VALIDATE CONSTRAINT` (it reads the table without blocking writes), SQL Server `WITH
    CHECK CHECK CONSTRAINT` (the constraint becomes trusted). Nothing on SQLite. A row
    that violates it fails the step. No state change; the reverse does nothing."""

    category = ops.AddConstraint.category

    def describe(self):
        return f"Validate constraint {self.name} on model {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name_lower}_validate_{self.name.lower()}"

    def quoted_name(self, schema_editor, model) -> str:
        return schema_editor.quote_name(self.name)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        _validate(schema_editor, model._meta.db_table, self.quoted_name(schema_editor, model))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class ValidateForeignKey(ValidateConstraint):
    """`ValidateConstraint` for the foreign key of field `name`, whose constraint name
    Django derives per engine."""

    def describe(self):
        return f"Validate the foreign key of field {self.name} on model {self.model_name}"

    def quoted_name(self, schema_editor, model) -> str:
        field = model._meta.get_field(self.name)
        return str(schema_editor._fk_constraint_name(model, field, _FK_SUFFIX))


ONLINE_OPERATIONS = (
    AddIndexOnline,
    AddConstraintOnline,
    AddFieldIndexOnline,
    ValidateConstraint,
)
"""Operations that run outside a transaction (their migration has `atomic = False`) and
whose reverse tolerates a half-done forward step."""


def is_online_migration(migration) -> bool:
    """A non-atomic migration made only of online steps (each tolerates being run again,
    forwards or backwards, after a half-done run)."""
    return (
        not migration.atomic
        and bool(migration.operations)
        and all(isinstance(op, ONLINE_OPERATIONS) for op in migration.operations)
    )
