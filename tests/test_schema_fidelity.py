"""The migrated database against the plan's own SQL for items 001–005.

docs/migration-plan.md is parsed, not copied: every table, column, index, foreign key and
seed row its SQL blocks declare is checked in the database through Django's
introspection, so dropping a column or an index from a migration fails a test here.
Deliberate differences are the ones SCHEMA.md decides: a UNIQUE column plus a same-column
`IX_` index is one unique constraint named `IX_…` (D8); a composite primary key is a
surrogate key plus a unique pair (D3); foreign key names are Django's (0.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import connection

PLAN_PATH = Path(__file__).resolve().parent.parent / "docs" / "migration-plan.md"
PLAN_ITEMS = ("001", "002", "003", "004", "005")

# The plan's SQL Server types and the Django field types introspection may report for them
# (UUIDs are char(32) on SQLite, D2; JSON text columns are JSONField).
ACCEPTED_FIELD_TYPES = {
    "NVARCHAR": {"CharField"},
    "NVARCHAR(MAX)": {"TextField", "JSONField"},
    "INT": {"IntegerField", "AutoField"},
    "BIT": {"BooleanField"},
    "DATE": {"DateField"},
    "DATETIMEOFFSET": {"DateTimeField"},
    "UNIQUEIDENTIFIER": {"UUIDField", "CharField"},
}


class PlanParseError(ValueError):
    """The plan holds SQL this parser does not understand; extend the parser."""


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    sql_type: str
    nullable: bool
    unique: bool
    default: str | None

    @property
    def length(self) -> int | None:
        match = re.fullmatch(r"NVARCHAR\((\d+)\)", self.sql_type)
        return int(match[1]) if match else None

    @property
    def type_family(self) -> str:
        return "NVARCHAR" if self.length else self.sql_type


@dataclass(frozen=True)
class Index:
    table: str
    name: str
    columns: tuple[str, ...]
    descending: tuple[bool, ...]


@dataclass(frozen=True)
class ForeignKey:
    table: str
    column: str
    ref_table: str
    ref_column: str


@dataclass(frozen=True)
class Grant:
    """One `INSERT INTO <link> (…) SELECT r.Id, p.Id FROM <roles> r, <perms> p WHERE …`."""

    link_table: str
    role_column: str
    permission_column: str
    role_table: str
    role_key: str
    role_id: str
    role_value: str
    permission_table: str
    permission_id: str
    permission_attribute: str
    permission_values: tuple[str, ...]


@dataclass
class Plan:
    tables: list[str] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    composite_keys: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    rows: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = field(default_factory=dict)
    grants: list[Grant] = field(default_factory=list)

    def add_table(self, table: str) -> None:
        if table not in self.tables:
            self.tables.append(table)


# --- Parser ----------------------------------------------------------------------------
IDENT = r"\w+"
COLUMN_RE = re.compile(rf"^({IDENT}) ([A-Z]+(?:\((?:\d+|MAX)(?:, ?\d+)?\))?)(.*)$", re.I)
DEFAULT_RE = re.compile(r"\bDEFAULT ('(?:[^']|'')*'|\w+\(\)|-?\d+(?:\.\d+)?)", re.I)
CREATE_TABLE_RE = re.compile(rf"^CREATE TABLE ({IDENT}) \((.*)\)$", re.I)
INLINE_INDEX_RE = re.compile(rf"^INDEX ({IDENT}) \((.*)\)$", re.I)
PRIMARY_KEY_RE = re.compile(r"^PRIMARY KEY \((.*)\)$", re.I)
FOREIGN_KEY_RE = re.compile(
    rf"^FOREIGN KEY \(({IDENT})\) REFERENCES ({IDENT}) ?\(({IDENT})\)"
    r"(?: ON DELETE (?:CASCADE|SET NULL|NO ACTION))?$",
    re.I,
)
ADD_COLUMN_RE = re.compile(rf"^ALTER TABLE ({IDENT}) ADD COLUMN (.*)$", re.I)
ADD_FOREIGN_KEY_RE = re.compile(
    rf"^ALTER TABLE ({IDENT}) ADD CONSTRAINT {IDENT} "
    rf"FOREIGN KEY \(({IDENT})\) REFERENCES ({IDENT}) ?\(({IDENT})\)$",
    re.I,
)
CREATE_INDEX_RE = re.compile(rf"^CREATE INDEX ({IDENT}) ON ({IDENT}) \((.*)\)$", re.I)
# Patterns that read SQL, not queries that build it.
INSERT_VALUES_RE = re.compile(rf"^INSERT INTO ({IDENT}) \(([^)]*)\) VALUES (.*)$", re.I)  # noqa: S608
INSERT_SELECT_RE = re.compile(
    rf"^INSERT INTO ({IDENT}) \(({IDENT}), ({IDENT})\) "  # noqa: S608
    rf"SELECT r\.({IDENT}), p\.({IDENT}) FROM ({IDENT}) r, ({IDENT}) p "
    rf"WHERE r\.({IDENT}) = '([^']*)' AND p\.({IDENT}) (?:= '([^']*)'|IN \((.*)\))$",
    re.I,
)


def split_top_level(text: str) -> list[str]:
    """Split on commas outside parentheses and string literals."""
    parts, current, depth, quoted = [], [], 0, False
    for char in text:
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        if char == "," and depth == 0 and not quoted:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def parse_literal(text: str) -> object:
    text = text.strip()
    if text.startswith("'") and text.endswith("'"):
        return text[1:-1].replace("''", "'")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text.upper() == "NULL":
        return None
    raise PlanParseError(f"Unknown literal: {text}")


def parse_column(table: str, definition: str) -> Column:
    match = COLUMN_RE.match(definition)
    if not match:
        raise PlanParseError(f"Unknown column definition in {table}: {definition}")
    name, sql_type, rest = match[1], match[2].upper().replace(" ", ""), match[3]
    default = DEFAULT_RE.search(rest)
    leftover = DEFAULT_RE.sub("", rest)
    for token in ("NOT NULL", "NULL", "UNIQUE", "PRIMARY KEY", "IDENTITY(1,1)"):
        leftover = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", "", leftover, flags=re.I)
    if leftover.strip():
        raise PlanParseError(f"Unknown column option in {table}.{name}: {leftover.strip()}")
    return Column(
        table=table,
        name=name,
        sql_type=sql_type,
        nullable=not re.search(r"\b(NOT NULL|PRIMARY KEY)\b", rest, re.I),
        unique=bool(re.search(r"\bUNIQUE\b", rest, re.I)),
        default=default[1] if default else None,
    )


def parse_index_columns(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    names, descending = [], []
    for part in split_top_level(text):
        tokens = part.split()
        if len(tokens) not in (1, 2) or (
            len(tokens) == 2 and tokens[1].upper() not in {"ASC", "DESC"}
        ):
            raise PlanParseError(f"Unknown index column: {part}")
        names.append(tokens[0])
        descending.append(len(tokens) == 2 and tokens[1].upper() == "DESC")
    return tuple(names), tuple(descending)


def sql_statements(sql: str) -> Iterator[str]:
    sql = re.sub(r"--[^\n]*", "", sql)
    for statement in sql.split(";"):
        statement = " ".join(statement.split()).replace("( ", "(").replace(" )", ")")
        if statement:
            yield statement


def parse_statement(plan: Plan, statement: str) -> None:
    if match := CREATE_TABLE_RE.match(statement):
        table = match[1]
        plan.add_table(table)
        for item in split_top_level(match[2]):
            if index := INLINE_INDEX_RE.match(item):
                plan.indexes.append(Index(table, index[1], *parse_index_columns(index[2])))
            elif key := PRIMARY_KEY_RE.match(item):
                plan.composite_keys.append((table, parse_index_columns(key[1])[0]))
            elif fk := FOREIGN_KEY_RE.match(item):
                plan.foreign_keys.append(ForeignKey(table, fk[1], fk[2], fk[3]))
            else:
                plan.columns.append(parse_column(table, item))
    elif match := ADD_COLUMN_RE.match(statement):
        plan.add_table(match[1])
        plan.columns.append(parse_column(match[1], match[2]))
    elif match := ADD_FOREIGN_KEY_RE.match(statement):
        plan.foreign_keys.append(ForeignKey(match[1], match[2], match[3], match[4]))
    elif match := CREATE_INDEX_RE.match(statement):
        plan.add_table(match[2])
        plan.indexes.append(Index(match[2], match[1], *parse_index_columns(match[3])))
    elif match := INSERT_VALUES_RE.match(statement):
        table = match[1]
        columns = tuple(c.strip() for c in match[2].split(","))
        rows = []
        for row in split_top_level(match[3]):
            if not (row.startswith("(") and row.endswith(")")):
                raise PlanParseError(f"Unknown VALUES row in {table}: {row}")
            values = tuple(parse_literal(v) for v in split_top_level(row[1:-1]))
            if len(values) != len(columns):
                raise PlanParseError(f"{table} row has {len(values)} values: {row}")
            rows.append(values)
        plan.rows.setdefault(table, (columns, []))[1].extend(rows)
    elif match := INSERT_SELECT_RE.match(statement):
        values = (
            (match[11],)
            if match[11] is not None
            else tuple(str(parse_literal(v)) for v in split_top_level(match[12]))
        )
        plan.grants.append(
            Grant(
                link_table=match[1],
                role_column=match[2],
                permission_column=match[3],
                role_id=match[4],
                permission_id=match[5],
                role_table=match[6],
                permission_table=match[7],
                role_key=match[8],
                role_value=match[9],
                permission_attribute=match[10],
                permission_values=values,
            )
        )
    else:
        raise PlanParseError(f"Unknown statement: {statement}")


def parse_plan(text: str, items: tuple[str, ...]) -> Plan:
    """The schema and seed rows the SQL blocks of the given plan items declare."""
    parts = re.split(r"^#### Migration (\d{3}):[^\n]*$", text, flags=re.M)
    blocks = {
        number: re.findall(r"```sql\n(.*?)```", body, flags=re.S)
        for number, body in zip(parts[1::2], parts[2::2], strict=True)
        if number in items
    }
    missing = [item for item in items if not blocks.get(item)]
    if missing:
        raise PlanParseError(f"No SQL found for plan items {missing}")
    plan = Plan()
    for item in items:
        for block in blocks[item]:
            for statement in sql_statements(block):
                parse_statement(plan, statement)
    return plan


PLAN = parse_plan(PLAN_PATH.read_text(encoding="utf-8"), PLAN_ITEMS)


# --- Database access ---------------------------------------------------------------------
def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns(table: str) -> dict[str, object]:
    with connection.cursor() as cursor:
        return {c.name: c for c in connection.introspection.get_table_description(cursor, table)}


def _constraints(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def _field_type(description) -> str:
    return connection.introspection.get_field_type(description.type_code, description)


def _unique_column_sets(table: str) -> list[set[str]]:
    return [
        set(c["columns"])
        for c in _constraints(table).values()
        if c["unique"] and not c["primary_key"]
    ]


def _plan_rows(table: str) -> tuple[str, list[dict[str, object]]]:
    """The natural key column (the INSERT's first) and the rows of a seeded table."""
    columns, rows = PLAN.rows[table]
    return columns[0], [dict(zip(columns, row, strict=True)) for row in rows]


# --- The parse itself ------------------------------------------------------------------
def test_plan_parser_reads_every_phase_one_block():
    # given the parsed plan
    # then each kind of statement the plan uses was found (a parser regression empties them)
    assert len(PLAN.tables) >= 7
    assert len(PLAN.columns) > 50
    assert len(PLAN.indexes) > 15
    assert PLAN.composite_keys
    assert PLAN.foreign_keys
    assert set(PLAN.rows) == {"Permissions", "SystemSettings"}
    assert len(PLAN.grants) == 4


# --- Schema ----------------------------------------------------------------------------
@pytest.mark.parametrize("table", PLAN.tables)
def test_plan_table_exists(db, table):
    with connection.cursor() as cursor:
        tables = {t.name for t in connection.introspection.get_table_list(cursor)}
    assert table in tables


@pytest.mark.parametrize("column", PLAN.columns, ids=lambda c: f"{c.table}.{c.name}")
def test_plan_column_exists_with_type_and_nullability(db, column):
    # given the plan's column
    # when the database describes its table
    described = _columns(column.table)

    # then the column exists, of the plan's type family, length and nullability
    assert column.name in described, f"{column.table}.{column.name} is missing"
    info = described[column.name]
    assert info.null_ok is column.nullable
    assert _field_type(info) in ACCEPTED_FIELD_TYPES[column.type_family]
    if column.length is not None:
        assert info.display_size == column.length


@pytest.mark.parametrize(
    "column",
    [c for c in PLAN.columns if c.default is not None],
    ids=lambda c: f"{c.table}.{c.name}",
)
def test_plan_default_is_a_database_default(db, column):
    # given a column the plan gives a DEFAULT
    db_default = _columns(column.table)[column.name].default

    # then the database has a default too (rows inserted by other systems get it)
    assert db_default is not None
    literal = column.default
    if literal.startswith("'"):
        assert literal in db_default
    elif re.fullmatch(r"-?\d+", literal):
        normalized = db_default.strip("()").split("::")[0].strip("'").lower()
        if column.sql_type == "BIT":
            normalized = {"true": "1", "false": "0"}.get(normalized, normalized)
        assert normalized == literal


@pytest.mark.parametrize("index", PLAN.indexes, ids=lambda i: i.name)
def test_plan_index_exists_with_its_columns(db, index):
    # given an index name of the plan
    constraints = _constraints(index.table)

    # then an index or a unique constraint (D8) of that name covers the plan's columns
    assert index.name in constraints, f"{index.name} is missing on {index.table}"
    found = constraints[index.name]
    assert found["index"] or found["unique"]
    assert tuple(found["columns"]) == index.columns
    if found.get("orders"):
        assert tuple(o == "DESC" for o in found["orders"]) == index.descending


@pytest.mark.parametrize(
    "column", [c for c in PLAN.columns if c.unique], ids=lambda c: f"{c.table}.{c.name}"
)
def test_plan_unique_column_is_unique(db, column):
    assert {column.name} in _unique_column_sets(column.table)


@pytest.mark.parametrize("key", PLAN.composite_keys, ids=lambda k: k[0])
def test_plan_composite_key_is_a_unique_pair(db, key):
    # given the plan's composite primary key
    table, columns = key

    # then the pair is unique behind a surrogate key (D3)
    assert set(columns) in _unique_column_sets(table)


@pytest.mark.parametrize(
    "fk", PLAN.foreign_keys, ids=lambda f: f"{f.table}.{f.column}->{f.ref_table}"
)
def test_plan_foreign_key_exists(db, fk):
    references = [
        c["foreign_key"]
        for c in _constraints(fk.table).values()
        if c["foreign_key"] and c["columns"] == [fk.column]
    ]
    assert references == [(fk.ref_table, fk.ref_column)]


# --- Seed rows -------------------------------------------------------------------------
@pytest.fixture
def seeded(request, db):
    """The database as the migrations left it; --nomigrations builds it without seed rows."""
    if request.config.getoption("nomigrations", default=False):
        pytest.skip("seed rows come from data migrations, which --nomigrations turns off")


@pytest.mark.parametrize(
    ("table", "row"),
    [(table, row) for table, (_, rows) in PLAN.rows.items() for row in rows],
    ids=lambda value: value if isinstance(value, str) else str(value[0]),
)
def test_plan_seed_row_present(seeded, table, row):
    # given a row of the plan's INSERT … VALUES, keyed on its first column
    columns = PLAN.rows[table][0]
    select = ", ".join(_qn(c) for c in columns)

    # when the database is asked for that key
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {select} FROM {_qn(table)} WHERE {_qn(columns[0])} = %s",  # noqa: S608
            [row[0]],
        )
        found = cursor.fetchall()

    # then exactly that row is there (BIT 1/0 compares equal to True/False)
    assert len(found) == 1
    assert tuple(found[0]) == row


def test_plan_role_grants_present(seeded):
    # given the plan's INSERT … SELECT rules, evaluated over its own permission rows
    expected = set()
    for grant in PLAN.grants:
        permission_key, permissions = _plan_rows(grant.permission_table)
        for permission in permissions:
            if str(permission[grant.permission_attribute]) in grant.permission_values:
                expected.add((grant.role_value, permission[permission_key]))
    assert len(expected) == 14

    # when the database lists the grants of those roles
    grant = PLAN.grants[0]
    permission_key, _ = _plan_rows(grant.permission_table)
    role_join = f"r.{_qn(grant.role_id)} = rp.{_qn(grant.role_column)}"
    permission_join = f"p.{_qn(grant.permission_id)} = rp.{_qn(grant.permission_column)}"
    with connection.cursor() as cursor:
        # Identifiers parsed from the plan, quoted; there are no values.
        cursor.execute(
            f"SELECT r.{_qn(grant.role_key)}, p.{_qn(permission_key)} "  # noqa: S608
            f"FROM {_qn(grant.link_table)} rp "
            f"JOIN {_qn(grant.role_table)} r ON {role_join} "
            f"JOIN {_qn(grant.permission_table)} p ON {permission_join}"
        )
        roles = {g.role_value for g in PLAN.grants}
        actual = {(role, name) for role, name in cursor.fetchall() if role in roles}

    # then they are exactly the plan's
    assert actual == expected
