"""Loading many new rows: PostgreSQL `COPY`, `bulk_create` in batches on other engines.

For data loads (demo data at scale, imports), not for requests: no `save()`, no signals,
no audit rows, exactly like `bulk_create`. The values are prepared by each field as
`bulk_create` prepares them (`pre_save`, then `get_db_prep_save`), so `auto_now` columns,
JSON and UUIDs are written the same way; a column left to its database default
(`db_default`), or NULL in every row of a batch, is left out of the `COPY`; every row
of a batch must leave the same columns to their database default. The instances must
carry their primary keys (UUIDs, or ids set by the caller) unless the engine is not
PostgreSQL.

`rebuild_indexes=True` (PostgreSQL; for a load that is large next to the table, such as
seeding an empty database with 100,000 rows) drops the table's secondary indexes and
outgoing foreign keys for the load and re-creates them after the last batch, in the
same transaction: PostgreSQL then builds each index once from all rows and checks a
foreign key with one join instead of row by row (100,000 dogs: 16.2k instead of 12.2k
rows/s on a loaded machine; at 20,000 dogs it is no faster, bench/results.md). Primary
keys, unique indexes and check constraints stay in place, so bad rows still fail, and
a foreign key that a row breaks fails the load when it is re-created. The DDL locks
the table (and the tables its keys point to) until the transaction ends: for data
loads, never while the platform serves requests. Run `ANALYZE` after a large load (or
let autovacuum do it) before measuring queries on the table.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from django.db import connections, models, router, transaction
from django.db.models.expressions import DatabaseDefault

DEFAULT_BATCH_SIZE = 5_000


def _batches(objs: Iterable[models.Model], size: int) -> Iterator[list[models.Model]]:
    iterator = iter(objs)
    while batch := list(islice(iterator, size)):
        yield batch


# Fields whose Python value psycopg writes as it is: no preparation by the field.
_AS_IS = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.ForeignKey,
)


def _copy_plan(model: type[models.Model], batch: list[models.Model]) -> list[tuple]:
    """`(field, prepare)` for each column to write; prepare is None for values as they are.

    Left out: columns left to their `db_default`, and nullable columns that are NULL in
    every row of the batch (their default is NULL), which keeps sparse rows cheap.
    """
    first = batch[0]
    plan = []
    for field in model._meta.local_concrete_fields:
        attname = field.attname
        if isinstance(getattr(first, attname), DatabaseDefault):
            continue
        automatic = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        if field.primary_key and getattr(first, attname) is None:
            raise ValueError(f"bulk_insert needs the primary keys of {model.__name__} set.")
        if (
            field.null
            and not automatic
            and field.db_default is models.NOT_PROVIDED
            and all(getattr(obj, attname) is None for obj in batch)
        ):
            continue
        as_is = isinstance(field, _AS_IS) and not automatic
        plan.append((field, None if as_is else field))
    return plan


def _copy(connection, model: type[models.Model], fields, values: Iterable[list]) -> None:
    """COPY `values` (lists in the order of `fields`) into `model`'s table."""
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        # psycopg's own cursor: Django's wrapper has no copy()
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in values:
            copy.write_row(row)


_SECONDARY_INDEXES = """
    SELECT pg_get_indexdef(x.indexrelid), quote_ident(i.relname)
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = %s::regclass AND NOT x.indisprimary AND NOT x.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
"""
_FOREIGN_KEYS = """
    SELECT quote_ident(conname), pg_get_constraintdef(oid)
    FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'
"""


@contextlib.contextmanager
def _indexes_rebuilt_after(connection, model: type[models.Model], enabled: bool):
    """Drop the secondary indexes and foreign keys of `model`'s table, re-create them after.

    Runs inside the caller's transaction; on PostgreSQL only (elsewhere it does nothing).
    """
    if not enabled or connection.vendor != "postgresql":
        yield
        return
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        # Earlier writes of the transaction may have deferred foreign-key checks queued;
        # PostgreSQL refuses to alter a table with pending checks, so run them now (as
        # Django's TestCase does) and defer again below.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(_SECONDARY_INDEXES, [table])
        indexes = cursor.fetchall()
        cursor.execute(_FOREIGN_KEYS, [table])
        foreign_keys = cursor.fetchall()
        for name, _ in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        for _, name in indexes:
            cursor.execute(f"DROP INDEX {name}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for definition, _ in indexes:
            cursor.execute(definition)
        for name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _instance_values(plan: list[tuple], batch: list[models.Model], connection) -> Iterator:
    for obj in batch:
        yield [
            getattr(obj, field.attname)
            if prepare is None
            else prepare.get_db_prep_save(prepare.pre_save(obj, add=True), connection)
            for field, prepare in plan
        ]


def bulk_insert(
    model: type[models.Model],
    objs: Iterable[models.Model],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    using: str | None = None,
    rebuild_indexes: bool = False,
) -> int:
    """Insert `objs` (new rows of `model`) and return how many; COPY on PostgreSQL."""
    alias = using or router.db_for_write(model)
    vendor = connections[alias].vendor
    count = 0
    with (
        transaction.atomic(using=alias),
        _indexes_rebuilt_after(connections[alias], model, rebuild_indexes),
    ):
        for batch in _batches(objs, batch_size):
            if vendor == "postgresql":
                plan = _copy_plan(model, batch)
                values = _instance_values(plan, batch, connections[alias])
                _copy(connections[alias], model, [field for field, _ in plan], values)
            else:
                model._base_manager.using(alias).bulk_create(batch)
            count += len(batch)
    return count


def bulk_insert_rows(
    model: type[models.Model],
    field_names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    using: str | None = None,
    rebuild_indexes: bool = False,
) -> int:
    """Insert plain tuples of values for `field_names` (attnames: `owner_id`); no instances.

    The loader for large generated data: building a model instance costs more than writing
    its row, so on PostgreSQL the tuples go to `COPY` as they are (values prepared by the
    field where psycopg needs it: decimals, JSON, aware datetimes). Other columns take their
    database defaults; `auto_now` columns are not filled, so pass them. Elsewhere the
    tuples become instances for `bulk_create`.
    """
    alias = using or router.db_for_write(model)
    connection = connections[alias]
    fields = [model._meta.get_field(name) for name in field_names]
    attnames = [field.attname for field in fields]
    prepare = [None if isinstance(field, _AS_IS) else field for field in fields]
    count = 0
    with (
        transaction.atomic(using=alias),
        _indexes_rebuilt_after(connection, model, rebuild_indexes),
    ):
        for batch in _batches(rows, batch_size):
            if connection.vendor != "postgresql":
                objs = [model(**dict(zip(attnames, row, strict=True))) for row in batch]
                model._base_manager.using(alias).bulk_create(objs)
            else:
                values = (
                    [
                        value
                        if field is None or value is None
                        else field.get_db_prep_save(value, connection)
                        for field, value in zip(prepare, row, strict=True)
                    ]
                    for row in batch
                )
                _copy(connection, model, fields, values)
            count += len(batch)
    return count
