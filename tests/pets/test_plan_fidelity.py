"""DogProfiles against the plan's own SQL for Migration 009.

The "Migration 009" SQL block of docs/migration-plan.md is parsed here, not copied:
every column (name, order, type, length, precision, nullability, default), every index
name with its columns, the foreign key and the full-text column list are checked
against the model and the migrated database. Deliberate differences are SCHEMA.md's:
the Id is char(32) off PostgreSQL (D2), `IX_DogProfiles_Created` is an added index, and
the full-text index takes each engine's form (D7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection, models

from doggy.core.db import NewGuid, UtcNow
from pets.models import DogProfile
from pets.selectors import DOG_SEARCH_COLUMNS

PLAN_PATH = Path(__file__).resolve().parents[2] / "docs" / "migration-plan.md"


@dataclass(frozen=True)
class PlanColumn:
    name: str
    sql_type: str
    nullable: bool
    default: str | None


@dataclass(frozen=True)
class PlanTable:
    name: str
    columns: tuple[PlanColumn, ...]
    indexes: dict[str, tuple[str, ...]]
    foreign_keys: tuple[tuple[str, str, str, str], ...]
    fulltext_columns: tuple[str, ...]


def _split_top_level(text: str) -> list[str]:
    parts, current, depth = [], [], 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def parse_migration_009(text: str) -> PlanTable:
    """The DogProfiles table the plan's Migration 009 SQL block declares."""
    section = re.search(r"^#### Migration 009:.*?```sql\n(.*?)```", text, flags=re.S | re.M)
    assert section, "No SQL block under '#### Migration 009' in the plan"
    sql = re.sub(r"--[^\n]*", "", section[1])
    statements = [" ".join(s.split()) for s in sql.split(";") if s.strip()]
    table = re.fullmatch(r"CREATE TABLE (\w+) \((.*)\)", statements[0])
    assert table, statements[0]
    columns, indexes, foreign_keys = [], {}, []
    for item in _split_top_level(table[2]):
        if index := re.fullmatch(r"INDEX (\w+) \((.*)\)", item):
            indexes[index[1]] = tuple(c.strip() for c in index[2].split(","))
        elif fk := re.fullmatch(
            r"FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\) ON DELETE (CASCADE|SET NULL)", item
        ):
            foreign_keys.append((fk[1], fk[2], fk[3], fk[4]))
        elif column := re.fullmatch(r"(\w+) ([A-Z]+(?:\((?:\d+|MAX)(?:,\d+)?\))?)(.*)", item):
            rest = column[3]
            default = re.search(r"DEFAULT (\w+\(\)|\d+)", rest)
            columns.append(
                PlanColumn(
                    name=column[1],
                    sql_type=column[2],
                    nullable=not re.search(r"NOT NULL|PRIMARY KEY", rest),
                    default=default[1] if default else None,
                )
            )
        else:
            raise AssertionError(f"Unknown item in the plan's DogProfiles: {item}")
    fulltext = re.fullmatch(
        r"CREATE FULLTEXT INDEX ON (\w+) \((.*)\) KEY INDEX (\w+)", statements[1]
    )
    assert fulltext, statements[1]
    assert fulltext[1] == table[1], statements[1]
    return PlanTable(
        name=table[1],
        columns=tuple(columns),
        indexes=indexes,
        foreign_keys=tuple(foreign_keys),
        fulltext_columns=tuple(c.strip() for c in fulltext[2].split(",")),
    )


PLAN = parse_migration_009(PLAN_PATH.read_text(encoding="utf-8"))
FIELDS_BY_COLUMN = {f.column: f for f in DogProfile._meta.concrete_fields}

# The plan's SQL Server types and the Django fields that map to them (SCHEMA.md §0.1).
FIELD_CLASSES = {
    "UNIQUEIDENTIFIER": (models.UUIDField,),
    "NVARCHAR": (models.CharField,),
    "NVARCHAR(MAX)": (models.TextField, models.JSONField),
    "DATE": (models.DateField,),
    "DECIMAL": (models.DecimalField,),
    "BIT": (models.BooleanField,),
    "DATETIMEOFFSET": (models.DateTimeField,),
}
PLAN_DEFAULTS = {"NEWID()": NewGuid, "GETUTCDATE()": UtcNow}


def _family(sql_type: str) -> str:
    if sql_type == "NVARCHAR(MAX)":
        return sql_type
    return sql_type.split("(")[0]


def _db_columns() -> dict:
    with connection.cursor() as cursor:
        return {
            c.name: c for c in connection.introspection.get_table_description(cursor, PLAN.name)
        }


def _db_constraints() -> dict[str, dict]:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, PLAN.name)


def test_parser_reads_the_whole_block():
    # given the parsed plan, then it holds the table's 34 columns, 5 indexes, 1 FK, 5 FT columns
    assert PLAN.name == DogProfile._meta.db_table == "DogProfiles"
    assert len(PLAN.columns) == 34
    assert len(PLAN.indexes) == 5
    assert PLAN.foreign_keys == (("OwnerId", "Users", "Id", "CASCADE"),)
    assert len(PLAN.fulltext_columns) == 5


def test_model_has_the_plans_columns_in_the_plans_order():
    assert [f.column for f in DogProfile._meta.concrete_fields] == [c.name for c in PLAN.columns]


@pytest.mark.parametrize("column", PLAN.columns, ids=lambda c: c.name)
def test_column_type_length_and_nullability(column):
    field = FIELDS_BY_COLUMN[column.name]
    if column.name == "OwnerId":
        # NVARCHAR(450) is the type of Users.Id, the key the foreign key points at.
        assert isinstance(field, models.ForeignKey)
        assert field.target_field.max_length == 450
    else:
        assert isinstance(field, FIELD_CLASSES[_family(column.sql_type)]), field
    if length := re.fullmatch(r"NVARCHAR\((\d+)\)", column.sql_type):
        assert (field.target_field if field.is_relation else field).max_length == int(length[1])
    if precision := re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", column.sql_type):
        assert (field.max_digits, field.decimal_places) == (int(precision[1]), int(precision[2]))
    assert field.null is column.nullable


@pytest.mark.parametrize("column", PLAN.columns, ids=lambda c: c.name)
def test_column_in_the_database(db, column):
    description = _db_columns()[column.name]
    assert bool(description.null_ok) is column.nullable


@pytest.mark.parametrize("column", [c for c in PLAN.columns if c.default], ids=lambda c: c.name)
def test_plan_default_is_a_database_default(db, column):
    field = FIELDS_BY_COLUMN[column.name]
    if column.default in PLAN_DEFAULTS:
        assert isinstance(field.db_default, PLAN_DEFAULTS[column.default])
    else:
        assert field.db_default is bool(int(column.default))
    if connection.vendor != "sqlite" or column.name != "Id":
        # SQLite keeps expression defaults too; all engines report a column default.
        assert _db_columns()[column.name].default is not None


@pytest.mark.parametrize(("name", "columns"), PLAN.indexes.items())
def test_plan_index_exists_with_its_columns(db, name, columns):
    constraint = _db_constraints()[name]
    assert constraint["index"] is True
    assert tuple(constraint["columns"]) == columns


def test_owner_foreign_key(db):
    (column, table, target, on_delete) = PLAN.foreign_keys[0]
    field = FIELDS_BY_COLUMN[column]
    assert field.related_model._meta.db_table == table
    assert field.target_field.column == target
    assert field.remote_field.on_delete is getattr(models, on_delete.replace(" ", "_"))
    foreign = [c for c in _db_constraints().values() if c["foreign_key"]]
    assert [(c["columns"], c["foreign_key"]) for c in foreign] == [([column], (table, target))]
    # and no unnamed duplicate of IX_DogProfiles_Owner (SCHEMA.md D8)
    owner_indexes = [
        n for n, c in _db_constraints().items() if c["index"] and c["columns"] == [column]
    ]
    assert owner_indexes == ["IX_DogProfiles_Owner"]


def test_fulltext_columns_are_the_search_columns():
    assert PLAN.fulltext_columns == DOG_SEARCH_COLUMNS
