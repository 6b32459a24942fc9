"""Loading many new rows: PostgreSQL `COPY`, `bulk_create` in batches on other engines.

For data loads (demo data at scale, imports), not for requests: no `save()`, no signals,
no audit rows, exactly like `bulk_create`. The values are prepared by each field as
`bulk_create` prepares them (`pre_save`, then `get_db_prep_save`), so `auto_now` columns,
JSON and UUIDs are written the same way; a column left to its database default
(`db_default`), or NULL in every row of a batch, is left out of the `COPY`; every row
of a batch must leave the same columns to their database default. The instances must
carry their primary keys (UUIDs, or ids set by the caller) unless the engine is not
PostgreSQL.
"""

from __future__ import annotations

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
) -> int:
    """Insert `objs` (new rows of `model`) and return how many; COPY on PostgreSQL."""
    alias = using or router.db_for_write(model)
    vendor = connections[alias].vendor
    count = 0
    with transaction.atomic(using=alias):
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
    with transaction.atomic(using=alias):
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
