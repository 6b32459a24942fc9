"""Checks of migrated tables against a catalog written from SCHEMA.md (plan items without SQL).

A test module describes its tables (columns with nullability, named indexes and unique
keys with their columns, filtered ones with the columns their filter reads, named
CHECKs) and calls these helpers, which read the migrated database through Django's
introspection and the models' own index and constraint definitions.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection


def columns(table: str) -> dict[str, bool]:
    """{column: nullable} of the migrated table."""
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    return {c.name: bool(c.null_ok) for c in description}


def constraints(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def model_of(table: str):
    return next(m for m in apps.get_models() if m._meta.db_table == table)


def assert_index(table: str, name: str, cols: list[str], *, unique: bool) -> None:
    found = constraints(table)[name]
    assert found["unique"] is unique
    if not unique:
        assert found["index"] is True
    assert found["columns"] == cols


def assert_filter_reads(table: str, name: str, filter_columns: list[str]) -> None:
    """The filtered index or key `name` has an AND-only, un-negated condition (SQL Server's
    filtered-index rule, SCHEMA.md 0.1) over exactly `filter_columns`."""
    model = model_of(table)
    found = [item for item in (*model._meta.indexes, *model._meta.constraints) if item.name == name]
    assert len(found) == 1
    condition = found[0].condition
    assert condition is not None
    assert condition.connector == "AND"
    assert not condition.negated
    read = sorted(
        model._meta.get_field(lookup.split("__")[0]).column for lookup, _ in condition.children
    )
    assert read == sorted(filter_columns)


def named_checks(table: str) -> set[str]:
    return {name for name, c in constraints(table).items() if c["check"] and name.startswith("CK_")}


def generated_duplicates(table: str) -> list[str]:
    """Generated (unnamed) indexes on a column that already leads a named index or key
    covering every row (a filtered one does not, so the FK keeps its own index)."""
    found = constraints(table)
    model = model_of(table)
    filtered = {
        item.name
        for item in (*model._meta.indexes, *model._meta.constraints)
        if getattr(item, "condition", None) is not None
    }
    named_leads = {
        c["columns"][0]
        for name, c in found.items()
        if (c["index"] or c["unique"])
        and name[:3] in ("IX_", "UX_")
        and name not in filtered
        and c["columns"]
    }
    return [
        name
        for name, c in found.items()
        if c["index"]
        and not c["unique"]
        and name[:3] not in ("IX_", "UX_")
        and not c["primary_key"]
        and c["columns"]
        and c["columns"][0] in named_leads
    ]
