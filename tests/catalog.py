"""Helpers of the schema-fidelity tests: migrated tables against catalogs written from
SCHEMA.md.

`field_spec` renders a concrete field in the catalog's shorthand (`char(12)`,
`dec(4,3)`, `fk:DogProfiles:CASCADE`, …) so that a test can hold a table's whole
column list, types, nullability and delete rules in one literal. The other helpers read
the migrated database through Django's introspection (columns, named indexes, unique
keys and CHECKs) and the models' own index and constraint definitions (filters).
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection, models


def field_spec(field: models.Field) -> str:
    if isinstance(field, models.ForeignKey):
        on_delete = field.remote_field.on_delete.__name__
        return f"fk:{field.related_model._meta.db_table}:{on_delete}"
    if isinstance(field, models.BigAutoField):
        return "bigauto"
    if isinstance(field, models.AutoField):
        return "auto"
    if isinstance(field, models.UUIDField):
        return "uuid"
    if isinstance(field, models.JSONField):
        return "json"
    if isinstance(field, models.TextField):
        return "text"
    if isinstance(field, models.CharField):
        return f"char({field.max_length})"
    if isinstance(field, models.DecimalField):
        return f"dec({field.max_digits},{field.decimal_places})"
    if isinstance(field, models.BooleanField):
        return "bool"
    if isinstance(field, models.DateTimeField):
        return "datetime"
    if isinstance(field, models.DateField):
        return "date"
    if isinstance(field, models.PositiveIntegerField):
        return "posint"
    if isinstance(field, models.BigIntegerField):
        return "bigint"
    raise AssertionError(f"no catalog shorthand for {field!r}")


def model_columns(model: type[models.Model]) -> dict[str, tuple[str, bool]]:
    """{column: (shorthand, nullable)} of a model, in declaration order."""
    return {f.column: (field_spec(f), f.null) for f in model._meta.concrete_fields}


def db_columns(table: str) -> dict[str, bool]:
    """{column: nullable} as the migrated database reports them."""
    with connection.cursor() as cursor:
        return {
            c.name: bool(c.null_ok)
            for c in connection.introspection.get_table_description(cursor, table)
        }


def db_constraints(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def named(model: type[models.Model], name: str):
    """The index or constraint of `model` called `name`."""
    (found,) = [i for i in (*model._meta.indexes, *model._meta.constraints) if i.name == name]
    return found


def filter_columns(model: type[models.Model], item) -> list[str]:
    """The columns an index's or unique key's filter reads, asserting it is SQL Server-safe.

    A filtered index on SQL Server takes AND-ed simple comparisons only: no OR, no NOT
    (SCHEMA.md 0.1).
    """
    condition = item.condition
    assert condition is not None
    assert condition.connector == "AND"
    assert not condition.negated
    return sorted(
        model._meta.get_field(lookup.split("__")[0]).column for lookup, _ in condition.children
    )


def model_of(table: str) -> type[models.Model]:
    return next(m for m in apps.get_models() if m._meta.db_table == table)


def assert_index(table: str, name: str, cols: list[str], *, unique: bool) -> None:
    found = db_constraints(table)[name]
    assert found["unique"] is unique
    if not unique:
        assert found["index"] is True
    assert found["columns"] == cols


def assert_filter_reads(table: str, name: str, columns: list[str]) -> None:
    """The filtered index or key `name` of `table` reads exactly `columns`, SQL Server-safe."""
    model = model_of(table)
    assert filter_columns(model, named(model, name)) == sorted(columns)


def named_checks(table: str) -> set[str]:
    return {
        name for name, c in db_constraints(table).items() if c["check"] and name.startswith("CK_")
    }


def generated_duplicates(table: str) -> list[str]:
    """Generated (unnamed) indexes on a column that already leads a named index or key
    covering every row (a filtered one does not, so the FK keeps its own index)."""
    found = db_constraints(table)
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
