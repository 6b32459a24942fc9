"""SQL Server DDL of every migration, rendered offline through mssql-django's schema editor.

No SQL Server runs on the project's machines, yet production runs on one. So the SQL
Server effect of every migration is rendered here, without a database, by mssql-django's
*own* schema editor, and committed under docs/sql/mssql/<app>/<migration>.sql, so that
reviewers see what each model change does to SQL Server (docs/development/sql-server-ddl.md):

* the migration plan is the one `migrate` builds for an empty database; each migration
  gets a schema editor in collect-SQL mode, outside any transaction;
* mssql-django asks the live catalog for the names of constraints and indexes it has to
  drop (many of them named by SQL Server itself). Those questions are answered by an
  emulated `Catalog`, built from the DDL already rendered, and every `DROP CONSTRAINT`
  of a name SQL Server chose becomes a look-up at run time (dynamic T-SQL);
* deferred statements are sorted, since mssql-django keeps them in a set;
* `RunPython` steps appear as comments (they run only through `migrate`); custom
  operations that move rows themselves (the `UserRoles` rebuild) run with data reads
  answered by no rows;
* after the last migration the catalog is compared with the final models (drift).

Importing mssql-django patches Django process-wide, so rendering runs in a process of its
own: `python -m doggy.dbtools.mssql_ddl` with `DJANGO_SETTINGS_MODULE=doggy.settings.mssql_offline`
(what `manage.py plan ddl --vendor mssql` does). The validator (`validate_directory`)
needs neither Django nor mssql-django: it parses every statement with sqlfluff's T-SQL
dialect and replays the files through the same `Catalog` for the structural lints
(index key size, `(max)` keys, identifier length, types, ALTER COLUMN dependencies).
"""

from __future__ import annotations

import argparse
import copy
import difflib
import os
import re
import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from doggy.backends.mssql.schema import PreserveCheckConstraintsMixin
from doggy.dbtools.backfill import Progress

SQL_SERVER_VERSION = 2022
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "docs" / "sql" / "mssql"
MANIFEST = "README.md"

# Session options every script needs: filtered indexes and mssql-django's JSON checks
# (`ISJSON ("col")`) require QUOTED_IDENTIFIER ON, which sqlcmd leaves OFF unless -I.
PREAMBLE = (
    "SET ANSI_NULLS ON;\n"
    "SET ANSI_PADDING ON;\n"
    "SET ANSI_WARNINGS ON;\n"
    "SET ARITHABORT ON;\n"
    "SET CONCAT_NULL_YIELDS_NULL ON;\n"
    "SET NUMERIC_ROUNDABORT OFF;\n"
    "SET QUOTED_IDENTIFIER ON;\n"
    "SET XACT_ABORT ON;"
)
BATCH_SEPARATOR = "GO"

# Key-size limits of SQL Server 2016+: a clustered key (the primary key) 900 bytes, a
# nonclustered index key 1700 bytes; identifiers 128 characters.
MAX_CLUSTERED_KEY_BYTES = 900
MAX_INDEX_KEY_BYTES = 1700
MAX_IDENTIFIER_LENGTH = 128
SQL_SERVER_TYPES = {
    "bigint",
    "binary",
    "bit",
    "char",
    "date",
    "datetime",
    "datetime2",
    "datetimeoffset",
    "decimal",
    "float",
    "image",
    "int",
    "money",
    "nchar",
    "ntext",
    "numeric",
    "nvarchar",
    "real",
    "smalldatetime",
    "smallint",
    "smallmoney",
    "text",
    "time",
    "tinyint",
    "uniqueidentifier",
    "varbinary",
    "varchar",
    "xml",
}
_FIXED_SIZES = {
    "bigint": 8,
    "bit": 1,
    "date": 3,
    "datetime": 8,
    "datetime2": 8,
    "datetimeoffset": 10,
    "float": 8,
    "int": 4,
    "money": 8,
    "real": 4,
    "smalldatetime": 4,
    "smallint": 2,
    "smallmoney": 4,
    "time": 5,
    "tinyint": 1,
    "uniqueidentifier": 16,
}
_UNBOUNDED_TYPES = {"text", "ntext", "image", "xml"}

# Keys over the size limit that are accepted on purpose, with the reason. SQL Server
# creates such an index with a warning; an insert whose key values exceed the limit fails.
ACCEPTED_KEY_SIZES = {
    ("UserRoles", ("UserId", "RoleId")): (
        "ASP.NET Core Identity's own primary key (NVARCHAR(450) + INT); user ids are "
        "36-character GUID strings, and accounts/0002 replaces the key"
    ),
    ("UserBlocks", ("BlockerId", "BlockedId")): (
        "a pair of Users.Id (NVARCHAR(450) each, SCHEMA.md D1); user ids are 36-character "
        "GUID strings, so a real key is 144 bytes"
    ),
}


class OfflineDatabaseAccess(RuntimeError):
    """The schema editor asked the database something the emulated catalog cannot answer."""


# =========================================================================================
# Tokens
# =========================================================================================
_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>--[^\n]*|/\*.*?\*/)
    | (?P<bracket>\[(?:[^\]]|\]\])*\])
    | (?P<string>N?'(?:[^']|'')*')
    | (?P<dquote>"(?:[^"]|"")*")
    | (?P<var>@@?\w+)
    | (?P<number>\d+(?:\.\d+)?)
    | (?P<word>[A-Za-z_#][\w$#]*)
    | (?P<punct><>|!=|<=|>=|[(),;=<>+\-*/%.])
    | (?P<other>.)
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class Tok:
    kind: str
    text: str

    @property
    def up(self) -> str:
        return self.text.upper() if self.kind == "word" else self.text

    @property
    def ident(self) -> str:
        if self.kind == "bracket":
            return self.text[1:-1].replace("]]", "]")
        if self.kind == "dquote":
            return self.text[1:-1].replace('""', '"')
        if self.kind == "string":
            body = self.text[2:-1] if self.text.startswith("N") else self.text[1:-1]
            return body.replace("''", "'")
        return self.text


def tokenize(sql: str) -> list[Tok]:
    return [
        Tok(m.lastgroup, m.group())
        for m in _TOKEN.finditer(sql)
        if m.lastgroup not in ("ws", "comment")
    ]


def _render(tokens: Iterable[Tok]) -> str:
    """Tokens back to compact text (for types, defaults and conditions)."""
    out = ""
    prev = None
    for tok in tokens:
        glue = not (
            prev is None
            or tok.text in (")", ",")
            or prev.text == "("
            or (tok.text == "(" and prev.kind == "word" and prev.up not in _KEYWORDS_SPACED)
        )
        out += (" " if glue else "") + tok.text
        prev = tok
    return out


_KEYWORDS_SPACED = {"AND", "OR", "NOT", "IN", "IS", "CHECK", "WHERE", "ON", "DEFAULT", "KEY"}


class Cursor:
    """A reading position over tokens."""

    def __init__(self, tokens: list[Tok]):
        self.tokens = tokens
        self.pos = 0

    def peek(self, offset: int = 0) -> Tok | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def at(self, *words: str) -> bool:
        for offset, word in enumerate(words):
            tok = self.peek(offset)
            if tok is None or tok.up != word:
                return False
        return True

    def accept(self, *words: str) -> bool:
        if self.at(*words):
            self.pos += len(words)
            return True
        return False

    def next(self) -> Tok:
        tok = self.peek()
        if tok is None:
            raise ValueError("unexpected end of statement")
        self.pos += 1
        return tok

    def group(self) -> list[Tok]:
        """Consume a parenthesized group; return the tokens inside it."""
        if self.peek() is None or self.peek().text != "(":
            raise ValueError("expected (")
        depth = 0
        start = self.pos
        while True:
            tok = self.next()
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
                if depth == 0:
                    return self.tokens[start + 1 : self.pos - 1]

    def done(self) -> bool:
        return self.peek() is None or self.peek().text == ";"


def split_commas(tokens: list[Tok]) -> list[list[Tok]]:
    parts: list[list[Tok]] = [[]]
    depth = 0
    for tok in tokens:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        if tok.text == "," and depth == 0:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [part for part in parts if part]


def _key_columns(tokens: list[Tok]) -> tuple[list[str], list[str]]:
    """`[a] DESC, [b]` → (["a", "b"], ["DESC", "ASC"])."""
    columns, orders = [], []
    for part in split_commas(tokens):
        columns.append(part[0].ident)
        orders.append("DESC" if len(part) > 1 and part[1].up == "DESC" else "ASC")
    return columns, orders


# =========================================================================================
# The emulated catalog
# =========================================================================================
@dataclass
class Column:
    name: str
    type: str
    null: bool
    identity: bool = False


@dataclass
class Constraint:
    """A constraint or index as SQL Server's catalog would report it.

    `kind` is PK, UQ, FK, CK, DF (table constraints) or IX (an index, unique or not).
    `system` marks a name SQL Server generates itself; such constraints carry a
    placeholder name here and are dropped through a run-time look-up.
    """

    name: str
    kind: str
    columns: list[str]
    system: bool = False
    unique: bool = False
    orders: list[str] = field(default_factory=list)
    condition: str | None = None
    include: list[str] = field(default_factory=list)
    references: tuple[str, str] | None = None
    column_level: bool = False

    @property
    def label(self) -> str:
        if not self.system:
            return f"{self.kind} {self.name}"
        kinds = {"PK": "primary key", "UQ": "UNIQUE", "CK": "CHECK", "DF": "DEFAULT", "FK": "FK"}
        return f"the unnamed {kinds.get(self.kind, self.kind)}"


@dataclass
class Table:
    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    constraints: dict[str, Constraint] = field(default_factory=dict)

    def ordered(self, names: Iterable[str]) -> list[str]:
        wanted = set(names)
        return [name for name in self.columns if name in wanted]


@dataclass(frozen=True)
class Issue:
    level: str  # "error" or "warning"
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.level.upper()} {self.code}: {self.message}"


_DYNAMIC_DROP = re.compile(
    r"DECLARE (?P<var>@\w+) nvarchar\(max\) = \(SELECT TOP 1 N'ALTER TABLE "
    r"\[(?P<table>(?:[^\]]|\]\])+)\] DROP CONSTRAINT ' \+ QUOTENAME\(c\.name\) "
    r"FROM sys\.(?P<view>\w+) AS c WHERE (?P<where>.*?)\);",
    re.S,
)


# `doggy.core.migration_ops.mssql_online`: an index built WITH (ONLINE = ON) on the editions
# that can, and the same statement offline elsewhere (SQL Server Standard).
_ONLINE_SWITCH = re.compile(
    r"IF CAST\(SERVERPROPERTY\('EngineEdition'\) AS int\) IN \((?P<editions>[\d, ]+)\)\s+"
    r"(?P<online>.*?)\s+WITH \(ONLINE = ON\)\s+ELSE\s+(?P<plain>.*)",
    re.S,
)


class Catalog:
    """Tables, columns, constraints and indexes learnt from the DDL statements applied.

    `apply()` reads one statement in the shapes mssql-django and Django emit and returns
    the lint issues of that statement, judged against the catalog as it was before it.
    `get_constraints()` answers in the dict shape of mssql's introspection.
    """

    def __init__(self):
        self.tables: dict[str, Table] = {}
        self.unknown: list[str] = []
        self._counter = 0

    def clone(self) -> Catalog:
        return copy.deepcopy(self)

    def restore(self, other: Catalog) -> None:
        """Become a copy of `other`, in place (connections hold this object)."""
        self.tables = copy.deepcopy(other.tables)
        self.unknown = list(other.unknown)
        self._counter = other._counter

    # --- Introspection answers ---------------------------------------------------------
    def get_constraints(self, table_name: str) -> dict[str, dict]:
        table = self.tables.get(table_name)
        if table is None:
            return {}
        result: dict[str, dict] = {}
        for con in table.constraints.values():
            if con.kind == "IX":
                continue
            columns = table.ordered(con.columns) if con.kind == "CK" else list(con.columns)
            result[con.name] = {
                "columns": columns,
                "primary_key": con.kind == "PK",
                "unique": con.kind in ("PK", "UQ"),
                "unique_constraint": con.kind == "UQ",
                "foreign_key": con.references if con.kind == "FK" else None,
                "check": con.kind == "CK",
                "index": False,
                "default": con.kind == "DF",
            }
        for con in table.constraints.values():
            if con.kind != "IX":
                continue
            result[con.name] = {
                "columns": list(con.columns),
                "primary_key": False,
                "unique": con.unique,
                "unique_constraint": False,
                "foreign_key": None,
                "check": False,
                "default": False,
                "index": True,
                "orders": list(con.orders),
                "type": "idx",
            }
        return result

    def system_default(self, table_name: str, column: str) -> Constraint | None:
        table = self.tables.get(table_name)
        if table is None:
            return None
        for con in table.constraints.values():
            if con.kind == "DF" and con.columns == [column]:
                return con
        return None

    def find(self, table_name: str, name: str) -> Constraint | None:
        table = self.tables.get(table_name)
        return table.constraints.get(name) if table else None

    # --- Applying statements -----------------------------------------------------------
    def apply(self, sql: str) -> list[Issue]:
        """Record the effect of one statement; return its lint issues."""
        issues: list[Issue] = []
        match = _DYNAMIC_DROP.match(sql.strip())
        if match:
            self._apply_dynamic_drop(match)
            return issues
        switch = _ONLINE_SWITCH.fullmatch(sql.strip())
        if switch:
            if " ".join(switch["online"].split()) != " ".join(switch["plain"].split()):
                issues.append(
                    Issue(
                        "error",
                        "online-switch",
                        f"the ONLINE and the offline branch differ: {_short(sql)}",
                    )
                )
            return issues + self.apply(switch["plain"])
        if re.search(r"\bDROP TABLE\b", sql) and sql.lstrip().upper().startswith("DECLARE"):
            tail = sql[sql.upper().rindex("DROP TABLE") :]
            self._drop_table(tokenize(tail)[2].ident)
            return issues
        tokens = tokenize(sql)
        cur = Cursor(tokens)
        try:
            if cur.accept("CREATE", "TABLE"):
                issues += self._create_table(cur)
            elif cur.at("CREATE", "UNIQUE", "INDEX") or cur.at("CREATE", "INDEX"):
                issues += self._create_index(cur)
            elif cur.accept("ALTER", "TABLE"):
                issues += self._alter_table(cur)
            elif cur.accept("DROP", "INDEX"):
                name = cur.next().ident
                cur.accept("ON")
                self._table(cur.next().ident).constraints.pop(name, None)
            elif cur.accept("DROP", "TABLE"):
                self._drop_table(cur.next().ident)
            elif cur.accept("EXEC") or cur.accept("EXECUTE"):
                self._exec(cur)
            elif cur.at("UPDATE") or cur.at("INSERT") or cur.at("DELETE") or cur.at("SELECT"):
                pass  # data, not schema
            elif cur.at("IF", "NOT", "EXISTS") and "sys.extended_properties" in sql:
                pass  # db_comment: sp_addextendedproperty / sp_updateextendedproperty
            else:
                self.unknown.append(sql)
                issues.append(
                    Issue("warning", "unknown-statement", f"not understood: {_short(sql)}")
                )
        except (ValueError, IndexError, KeyError) as exc:
            self.unknown.append(sql)
            issues.append(
                Issue("warning", "unknown-statement", f"not understood ({exc}): {_short(sql)}")
            )
        return issues

    def _table(self, name: str) -> Table:
        if name not in self.tables:
            raise KeyError(f"table {name} is not in the catalog")
        return self.tables[name]

    def _placeholder(self, kind: str) -> str:
        self._counter += 1
        return f"__SYS_{kind}_{self._counter}__"

    def _drop_table(self, name: str) -> None:
        self.tables.pop(name, None)
        for table in self.tables.values():
            for con_name, con in list(table.constraints.items()):
                if con.kind == "FK" and con.references and con.references[0] == name:
                    del table.constraints[con_name]

    def _create_table(self, cur: Cursor) -> list[Issue]:
        name = cur.next().ident
        table = Table(name)
        issues = self._name_issues("table", name)
        if name in self.tables:
            issues.append(Issue("error", "duplicate-table", f"table [{name}] already exists"))
        self.tables[name] = table
        for part in split_commas(cur.group()):
            sub = Cursor(part)
            if sub.peek().kind in ("bracket", "dquote") or (
                sub.peek().kind == "word" and sub.peek().up not in ("CONSTRAINT", "PRIMARY")
            ):
                issues += self._add_column(table, sub)
            else:
                issues += self._add_table_constraint(table, sub)
        return issues

    def _add_column(self, table: Table, cur: Cursor) -> list[Issue]:
        name = cur.next().ident
        issues = self._name_issues("column", name)
        type_tokens = [cur.next()]
        if cur.peek() is not None and cur.peek().text == "(":
            args = cur.group()
            type_tokens += [Tok("punct", "(")] + args + [Tok("punct", ")")]
        col_type = _render(type_tokens).lower().replace(" ", "")
        col_type = col_type.replace(",", ", ")
        issues += self._type_issues(table.name, name, col_type)
        column = Column(name, col_type, null=True)
        if name in table.columns:
            issues.append(
                Issue("error", "duplicate-column", f"column [{table.name}].[{name}] exists")
            )
        table.columns[name] = column
        while not cur.done():
            if cur.accept("NOT", "NULL"):
                column.null = False
            elif cur.accept("NULL"):
                column.null = True
            elif cur.accept("WITH", "VALUES"):
                pass
            elif cur.accept("DEFAULT"):
                self._skip_expression(cur)
                self._add(table, Constraint(self._placeholder("DF"), "DF", [name], system=True))
            elif cur.accept("PRIMARY", "KEY"):
                column.null = False
                issues += self._add(
                    table,
                    Constraint(self._placeholder("PK"), "PK", [name], system=True, unique=True),
                )
            elif cur.accept("UNIQUE"):
                issues += self._add(
                    table,
                    Constraint(self._placeholder("UQ"), "UQ", [name], system=True, unique=True),
                )
            elif cur.accept("IDENTITY"):
                if cur.peek() is not None and cur.peek().text == "(":
                    cur.group()
                column.identity = True
            elif cur.accept("COLLATE"):
                cur.next()
            elif cur.at("CONSTRAINT") or cur.at("CHECK"):
                named = cur.accept("CONSTRAINT")
                con_name = cur.next().ident if named else self._placeholder("CK")
                if not cur.accept("CHECK"):
                    raise ValueError("expected CHECK in a column constraint")
                expr = cur.group()
                issues += self._add(
                    table,
                    Constraint(
                        con_name,
                        "CK",
                        self._referenced_columns(table, expr) or [name],
                        system=not named,
                        column_level=True,
                    ),
                )
            else:
                raise ValueError(f"unexpected {cur.peek().text!r} in a column definition")
        return issues

    @staticmethod
    def _skip_expression(cur: Cursor) -> None:
        tok = cur.peek()
        if tok.text == "(":
            cur.group()
            return
        if tok.text == "-":
            cur.next()
        cur.next()
        # A function call such as GETUTCDATE() without surrounding parentheses.
        if cur.peek() is not None and cur.peek().text == "(":
            cur.group()

    def _referenced_columns(self, table: Table, tokens: list[Tok]) -> list[str]:
        names = [tok.ident for tok in tokens if tok.kind in ("bracket", "dquote", "word")]
        return table.ordered(name for name in names if name in table.columns)

    def _add_table_constraint(self, table: Table, cur: Cursor) -> list[Issue]:
        named = cur.accept("CONSTRAINT")
        name = cur.next().ident if named else None
        if cur.accept("PRIMARY", "KEY"):
            cur.accept("CLUSTERED") or cur.accept("NONCLUSTERED")
            columns, orders = _key_columns(cur.group())
            for column in columns:
                table.columns[column].null = False
            con = Constraint(
                name or self._placeholder("PK"), "PK", columns, not named, True, orders
            )
        elif cur.accept("UNIQUE"):
            cur.accept("CLUSTERED") or cur.accept("NONCLUSTERED")
            columns, orders = _key_columns(cur.group())
            con = Constraint(
                name or self._placeholder("UQ"), "UQ", columns, not named, True, orders
            )
        elif cur.accept("CHECK"):
            expr = cur.group()
            con = Constraint(
                name or self._placeholder("CK"),
                "CK",
                self._referenced_columns(table, expr),
                not named,
            )
        elif cur.accept("FOREIGN", "KEY"):
            columns, _ = _key_columns(cur.group())
            if not cur.accept("REFERENCES"):
                raise ValueError("expected REFERENCES")
            ref_table = cur.next().ident
            ref_columns, _ = _key_columns(cur.group())
            con = Constraint(
                name or self._placeholder("FK"),
                "FK",
                columns,
                not named,
                references=(ref_table, ref_columns[0]),
            )
            if ref_table not in self.tables:
                return [
                    Issue(
                        "error",
                        "missing-table",
                        f"FOREIGN KEY of [{table.name}] references [{ref_table}], which "
                        "does not exist yet",
                    )
                ] + self._add(table, con)
        elif cur.accept("DEFAULT"):
            self._skip_expression(cur)
            if not cur.accept("FOR"):
                raise ValueError("expected FOR")
            column = cur.next().ident
            con = Constraint(name or self._placeholder("DF"), "DF", [column], not named)
        else:
            raise ValueError(f"unexpected {cur.peek().text!r} in a table constraint")
        return self._add(table, con)

    def _add(self, table: Table, con: Constraint) -> list[Issue]:
        issues: list[Issue] = []
        if not con.system:
            issues += self._name_issues("constraint", con.name)
        for column in con.columns:
            if column not in table.columns:
                issues.append(
                    Issue(
                        "error",
                        "missing-column",
                        f"{con.label} names [{table.name}].[{column}], which does not exist",
                    )
                )
        if con.name in table.constraints or any(
            con.name in other.constraints for other in self.tables.values() if con.kind != "IX"
        ):
            issues.append(
                Issue("error", "duplicate-name", f"{con.name} already exists ([{table.name}])")
            )
        if con.kind in ("PK", "UQ", "IX"):
            issues += self._key_issues(table, con)
        if con.kind == "UQ" and any(
            table.columns[c].null for c in con.columns if c in table.columns
        ):
            issues.append(
                Issue(
                    "warning",
                    "nullable-unique",
                    f"UNIQUE constraint {con.name} on nullable columns of [{table.name}]: "
                    "SQL Server treats NULLs as equal here, PostgreSQL and SQLite do not",
                )
            )
        table.constraints[con.name] = con
        return issues

    def _create_index(self, cur: Cursor) -> list[Issue]:
        cur.accept("CREATE")
        unique = cur.accept("UNIQUE")
        cur.accept("CLUSTERED") or cur.accept("NONCLUSTERED")
        cur.accept("INDEX")
        name = cur.next().ident
        if not cur.accept("ON"):
            raise ValueError("expected ON")
        table = self._table(cur.next().ident)
        columns, orders = _key_columns(cur.group())
        include: list[str] = []
        condition = None
        while not cur.done():
            if cur.accept("INCLUDE"):
                include, _ = _key_columns(cur.group())
            elif cur.accept("WHERE"):
                rest = []
                while not cur.done():
                    rest.append(cur.next())
                condition = _render(rest)
            else:
                cur.next()
        issues = []
        if name in table.constraints:
            issues.append(
                Issue("error", "duplicate-name", f"index {name} already exists on [{table.name}]")
            )
        issues += self._add(
            table,
            Constraint(name, "IX", columns, False, unique, orders, condition, include),
        )
        return issues

    def _alter_table(self, cur: Cursor) -> list[Issue]:
        table = self._table(cur.next().ident)
        # WITH NOCHECK ADD CONSTRAINT (rows not checked), WITH CHECK CHECK CONSTRAINT (the
        # rows checked later: doggy.core.migration_ops).
        cur.accept("WITH", "NOCHECK") or cur.accept("WITH", "CHECK")
        if cur.accept("CHECK", "CONSTRAINT"):
            name = cur.next().ident
            con = table.constraints.get(name)
            if con is None or con.kind not in ("FK", "CK"):
                return [
                    Issue(
                        "error",
                        "missing-constraint",
                        f"CHECK CONSTRAINT {name}: no such foreign key or check on [{table.name}]",
                    )
                ]
            return []
        if cur.accept("ADD"):
            if cur.at("CONSTRAINT") or cur.at("PRIMARY") or cur.at("DEFAULT"):
                return self._add_table_constraint(table, cur)
            cur.accept("COLUMN")
            return self._add_column(table, cur)
        if cur.accept("DROP", "CONSTRAINT"):
            name = cur.next().ident
            if table.constraints.pop(name, None) is None:
                return [
                    Issue(
                        "error",
                        "missing-constraint",
                        f"DROP CONSTRAINT {name}: no such constraint on [{table.name}]",
                    )
                ]
            return []
        if cur.accept("DROP", "COLUMN"):
            name = cur.next().ident
            issues = self._dependency_issues(table, name)
            table.columns.pop(name, None)
            for con_name, con in list(table.constraints.items()):
                if name in con.columns:
                    del table.constraints[con_name]
            return issues
        if cur.accept("ALTER", "COLUMN"):
            name = cur.next().ident
            type_tokens = [cur.next()]
            if cur.peek() is not None and cur.peek().text == "(":
                type_tokens += [Tok("punct", "(")] + cur.group() + [Tok("punct", ")")]
            new_type = _render(type_tokens).lower().replace(" ", "").replace(",", ", ")
            null = None
            if cur.accept("NOT", "NULL"):
                null = False
            elif cur.accept("NULL"):
                null = True
            column = table.columns[name]
            issues = self._type_issues(table.name, name, new_type)
            blockers = [
                con.name
                for con in table.constraints.values()
                if name in con.columns + con.include
                and _blocks_alter_column(con, column, new_type, null)
            ]
            if blockers:
                issues.append(
                    Issue(
                        "error",
                        "dependent-objects",
                        f"ALTER COLUMN [{table.name}].[{name}] {column.type} -> {new_type} "
                        f"while {', '.join(sorted(blockers))} depend on it: SQL Server "
                        "refuses this (error 5074)",
                    )
                )
            column.type = new_type
            if null is not None:
                column.null = null
            return issues
        raise ValueError("unsupported ALTER TABLE")

    def _exec(self, cur: Cursor) -> None:
        proc = cur.next().ident.lower()
        if proc != "sp_rename":
            raise ValueError(f"unsupported EXEC {proc}")
        args = [part for part in split_commas(cur.tokens[cur.pos :]) if part]
        args = [[tok for tok in arg if tok.text != ";"] for arg in args]
        old = args[0][0].ident if len(args[0]) == 1 else _render(args[0])
        new = args[1][0].ident
        kind = args[2][0].ident.upper() if len(args) > 2 else "OBJECT"
        if kind == "COLUMN":
            table_name, column = [
                part.strip("[]") for part in re.split(r"\]\.\[|\.", old, maxsplit=1)
            ]
            table = self._table(table_name.strip("[]"))
            table.columns = {
                (new if key == column else key): value for key, value in table.columns.items()
            }
            table.columns[new].name = new
            for con in table.constraints.values():
                con.columns = [new if c == column else c for c in con.columns]
        elif kind == "INDEX":
            table_name, index = [
                part.strip("[]") for part in re.split(r"\]\.\[|\.", old, maxsplit=1)
            ]
            table = self._table(table_name)
            con = table.constraints.pop(index)
            con.name = new
            table.constraints[new] = con
        else:
            table = self.tables.pop(old.strip("[]"))
            table.name = new
            self.tables[new] = table
            for other in self.tables.values():
                for con in other.constraints.values():
                    if con.references and con.references[0] == old:
                        con.references = (new, con.references[1])

    def _apply_dynamic_drop(self, match: re.Match) -> None:
        table = self._table(match["table"].replace("]]", "]"))
        view, where = match["view"], match["where"]
        column = re.search(r"N'((?:[^']|'')*)', 'ColumnId'", where)
        kind = {"default_constraints": "DF", "check_constraints": "CK"}.get(view)
        if view == "key_constraints":
            kind = "PK" if "c.type = 'PK'" in where else "UQ"
        for name, con in list(table.constraints.items()):
            if con.kind != kind or not con.system:
                continue
            if kind in ("DF", "CK") and con.columns != [column.group(1).replace("''", "'")]:
                continue
            if kind == "UQ":
                cols = re.search(r"= N'((?:[^']|'')*)'\)?$", where.strip())
                if cols is None or ",".join(con.columns) != cols.group(1):
                    continue
            del table.constraints[name]
            return

    # --- Lints -------------------------------------------------------------------------
    @staticmethod
    def _name_issues(what: str, name: str) -> list[Issue]:
        if len(name) > MAX_IDENTIFIER_LENGTH:
            return [
                Issue(
                    "error",
                    "name-too-long",
                    f"{what} name {name} has {len(name)} characters (max {MAX_IDENTIFIER_LENGTH})",
                )
            ]
        return []

    @staticmethod
    def _type_issues(table: str, column: str, col_type: str) -> list[Issue]:
        base = col_type.split("(")[0]
        if base not in SQL_SERVER_TYPES:
            return [
                Issue(
                    "error",
                    "unknown-type",
                    f"[{table}].[{column}] has type {col_type}, which SQL Server does not have",
                )
            ]
        return []

    def _key_issues(self, table: Table, con: Constraint) -> list[Issue]:
        issues = []
        total = 0
        for column in con.columns:
            col = table.columns.get(column)
            if col is None:
                continue
            size = column_bytes(col.type)
            if size is None:
                issues.append(
                    Issue(
                        "error",
                        "max-key",
                        f"{con.label} has [{table.name}].[{column}] ({col.type}) in "
                        "its key; SQL Server cannot index (max)/LOB columns",
                    )
                )
                continue
            total += size
        limit = MAX_CLUSTERED_KEY_BYTES if con.kind == "PK" else MAX_INDEX_KEY_BYTES
        if total > limit:
            accepted = ACCEPTED_KEY_SIZES.get((table.name, tuple(con.columns)))
            issues.append(
                Issue(
                    "warning" if accepted else "error",
                    "key-size",
                    f"{con.label} on [{table.name}] has a {total}-byte key "
                    f"(max {limit}): inserts of long values would fail"
                    + (f"; accepted: {accepted}" if accepted else ""),
                )
            )
        return issues

    @staticmethod
    def _dependency_issues(table: Table, column: str) -> list[Issue]:
        """SQL Server refuses to drop a column that an index or constraint still uses."""
        blockers = [
            con.name for con in table.constraints.values() if column in con.columns + con.include
        ]
        if not blockers:
            return []
        return [
            Issue(
                "error",
                "dependent-objects",
                f"DROP COLUMN [{table.name}].[{column}] while {', '.join(sorted(blockers))} "
                "depend on it: SQL Server refuses this (error 5074)",
            )
        ]


def column_bytes(col_type: str) -> int | None:
    """Bytes a value of `col_type` takes in an index key at most; None for (max)/LOB."""
    base, _, args = col_type.partition("(")
    args = args.rstrip(")")
    if base in _UNBOUNDED_TYPES or args == "max":
        return None
    if base in _FIXED_SIZES:
        return _FIXED_SIZES[base]
    if base in ("nvarchar", "nchar"):
        return 2 * int(args or 1)
    if base in ("varchar", "char", "varbinary", "binary"):
        return int(args or 1)
    if base in ("numeric", "decimal"):
        precision = int(args.split(",")[0]) if args else 18
        return 5 if precision <= 9 else 9 if precision <= 19 else 13 if precision <= 28 else 17
    return 8


_VAR_LENGTH = ("varchar", "nvarchar", "varbinary")


def _blocks_alter_column(con: Constraint, column: Column, new_type: str, null: bool | None) -> bool:
    """Whether `con` makes SQL Server refuse ALTER COLUMN to `new_type` / `null`.

    From the ALTER TABLE documentation: a column used in an index can only grow as a
    var-length type; one used in a PRIMARY KEY or FOREIGN KEY cannot change; one used in
    a CHECK or UNIQUE constraint may change only the length of a var-length type; one
    with a DEFAULT may change length, precision or scale but not the type.
    """
    old_base = column.type.split("(")[0]
    new_base = new_type.split("(")[0]
    type_change = new_type != column.type
    null_change = null is not None and null != column.null
    if con.kind in ("PK", "FK"):
        return type_change or null_change
    if con.kind in ("IX", "UQ"):
        return null_change or (type_change and not _is_widening(column.type, new_type))
    if con.kind == "CK":
        return type_change and not (old_base == new_base and old_base in _VAR_LENGTH)
    if con.kind == "DF":
        return type_change and old_base != new_base
    return False


def _is_widening(old: str, new: str) -> bool:
    """SQL Server lets ALTER COLUMN widen a var-length column even when it is indexed."""
    old_base, _, old_args = old.partition("(")
    new_base, _, new_args = new.partition("(")
    if old_base != new_base or old_base not in _VAR_LENGTH:
        return False
    old_size, new_size = old_args.rstrip(")"), new_args.rstrip(")")
    if new_size == "max":
        return False
    return old_size != "max" and int(new_size) >= int(old_size)


def _strip_strings(sql: str) -> str:
    return re.sub(r"N?'(?:[^']|'')*'", "''", sql)


def _short(sql: str) -> str:
    flat = " ".join(sql.split())
    return flat if len(flat) <= 160 else flat[:157] + "..."


def dynamic_drop_sql(table: str, con: Constraint, var: str) -> str:
    """T-SQL that drops a constraint whose name SQL Server chose, looked up at run time.

    The same pattern EF Core's SQL Server script generator uses: the name is read from
    the catalog views by table, column and kind, and the DROP runs through sp_executesql.
    Key-constraint look-ups by column list use STRING_AGG (SQL Server 2017+).
    """
    quoted = table.replace("]", "]]").replace("'", "''")
    obj = f"OBJECT_ID(N'[{quoted}]')"
    if con.kind in ("DF", "CK"):
        view = "default_constraints" if con.kind == "DF" else "check_constraints"
        column = con.columns[0].replace("'", "''")
        where = (
            f"c.parent_object_id = {obj} AND c.parent_column_id = "
            f"COLUMNPROPERTY({obj}, N'{column}', 'ColumnId')"
        )
    elif con.kind == "PK":
        view = "key_constraints"
        where = f"c.parent_object_id = {obj} AND c.type = 'PK'"
    elif con.kind == "UQ":
        view = "key_constraints"
        columns = ",".join(con.columns).replace("'", "''")
        where = (
            f"c.parent_object_id = {obj} AND c.type = 'UQ' AND (SELECT STRING_AGG("  # noqa: S608
            "COL_NAME(ic.object_id, ic.column_id), N',') WITHIN GROUP (ORDER BY "
            "ic.key_ordinal) FROM sys.index_columns AS ic WHERE ic.object_id = "
            f"c.parent_object_id AND ic.index_id = c.unique_index_id) = N'{columns}'"
        )
    else:
        raise OfflineDatabaseAccess(f"cannot look up a system-named {con.kind} constraint")
    # Every name in this text is a catalog identifier escaped for its literal above.
    return (
        f"DECLARE {var} nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [{quoted}] DROP "  # noqa: S608
        f"CONSTRAINT ' + QUOTENAME(c.name) FROM sys.{view} AS c WHERE {where});\n"
        f"IF {var} IS NOT NULL EXEC sp_executesql {var}"
    )


# =========================================================================================
# Rendering (needs Django set up with the mssql backend; see main())
# =========================================================================================
@dataclass
class RenderedStatement:
    sql: str
    issues: list[Issue]


@dataclass
class RenderedMigration:
    app_label: str
    name: str
    atomic: bool
    plan_item: str
    lines: list[str | RenderedStatement] = field(default_factory=list)
    backwards: bool = False
    # Steps only `migrate` can run: RunPython code, operations that move rows in Python.
    python_steps: list[str] = field(default_factory=list)
    phase: int | None = None

    @property
    def path(self) -> str:
        suffix = ".rollback.sql" if self.backwards else ".sql"
        return f"{self.app_label}/{self.name}{suffix}"

    @property
    def statements(self) -> list[RenderedStatement]:
        return [line for line in self.lines if isinstance(line, RenderedStatement)]

    def text(self) -> str:
        what = "SQL Server rollback DDL" if self.backwards else "SQL Server DDL"
        out = [
            f"-- {self.app_label}.{self.name} (plan item {self.plan_item}): {what}",
            "-- Rendered offline through mssql-django's schema editor by",
            "-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.",
        ]
        if self.backwards:
            out.append(
                "-- Reverses this migration on a database at its end (every later one reversed)."
            )
        out += [PREAMBLE, BATCH_SEPARATOR]
        if self.atomic:
            out += ["BEGIN TRANSACTION;", BATCH_SEPARATOR]
        for line in self.lines:
            if isinstance(line, RenderedStatement):
                out += [line.sql.rstrip().rstrip(";") + ";", BATCH_SEPARATOR]
            else:
                out.append(line)
        if self.atomic:
            out += ["COMMIT TRANSACTION;", BATCH_SEPARATOR]
        return "\n".join(out) + "\n"


def _tsql_string(text: str) -> str:
    return "N'" + text.replace("'", "''") + "'"


def _applied(migration: RenderedMigration) -> str:
    return (
        "SELECT 1 FROM [django_migrations] WHERE [app] = "  # noqa: S608 - literals escaped
        f"{_tsql_string(migration.app_label)} AND [name] = {_tsql_string(migration.name)}"
    )


def phase_script(
    phase: int, migrations: list[RenderedMigration], *, rollback: bool, recorder_ddl: str = ""
) -> str:
    """An idempotent script for a DBA who deploys by hand, in EF Core's `--idempotent` style.

    Every statement runs only when its migration is not yet applied (deploy) or still
    applied (rollback), judged by `django_migrations`, which the script keeps as
    `migrate` does; running it twice changes nothing. A migration with Python steps
    (seeds, backfills) stops the script at that point (THROW; run it with `sqlcmd -b`)
    with the `manage.py migrate` command that applies it; run the script again afterwards
    and it continues from there.
    """
    verb = "rollback" if rollback else "deploy"
    guard = "IF EXISTS" if rollback else "IF NOT EXISTS"
    out = [
        f"-- Phase {phase} {verb} script for SQL Server, idempotent: every statement is guarded",
        "-- by `django_migrations`, so the script can run again after a stop or a failure.",
        "-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.",
        "-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.",
        PREAMBLE,
        BATCH_SEPARATOR,
    ]
    if not rollback and recorder_ddl:
        out += [
            f"IF OBJECT_ID(N'[django_migrations]', N'U') IS NULL\n    {recorder_ddl};",
            BATCH_SEPARATOR,
        ]
    for migration in migrations:
        label = f"{migration.app_label}.{migration.name}"
        condition = f"{guard} ({_applied(migration)})"
        out.append(f"-- {label} (plan item {migration.plan_item})")
        if migration.python_steps:
            target = migration.name
            if rollback:
                command = f"manage.py plan rollback, or manage.py migrate {migration.app_label} "
                command += "<the migration before it>"
            else:
                command = f"manage.py migrate {migration.app_label} {target}"
            message = (
                f"{label} runs Python ({', '.join(migration.python_steps)}): apply it with "
                f"{command}, then run this script again."
            )
            out += [f"{condition}\n    THROW 50001, {_tsql_string(message)}, 1;", BATCH_SEPARATOR]
        if migration.atomic:
            out += [f"{condition}\n    BEGIN TRANSACTION;", BATCH_SEPARATOR]
        for statement in migration.statements:
            sql = statement.sql.rstrip().rstrip(";")
            out += [
                f"{condition}\nBEGIN\n    EXEC({_tsql_string(sql)});\nEND;",
                BATCH_SEPARATOR,
            ]
        if rollback:
            record = (
                "DELETE FROM [django_migrations] WHERE [app] = "  # noqa: S608 - literals escaped
                f"{_tsql_string(migration.app_label)} AND [name] = {_tsql_string(migration.name)};"
            )
        else:
            record = (
                "INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES "  # noqa: S608
                f"({_tsql_string(migration.app_label)}, {_tsql_string(migration.name)}, "
                "SYSUTCDATETIME());"
            )
        out += [f"{condition}\nBEGIN\n    {record}\nEND;", BATCH_SEPARATOR]
        if migration.atomic:
            out += ["IF @@TRANCOUNT > 0\n    COMMIT TRANSACTION;", BATCH_SEPARATOR]
    return "\n".join(out) + "\n"


@dataclass
class Rendering:
    migrations: list[RenderedMigration]
    drift: list[str]
    versions: dict[str, str]
    rollbacks: list[RenderedMigration] = field(default_factory=list)  # reverse apply order
    recorder_ddl: str = ""  # CREATE TABLE of django_migrations, as mssql-django renders it

    def files(self) -> dict[str, str]:
        files = {migration.path: migration.text() for migration in self.migrations}
        files.update({migration.path: migration.text() for migration in self.rollbacks})
        for phase in sorted({m.phase for m in self.migrations if m.phase is not None}):
            forward = [m for m in self.migrations if m.phase == phase]
            backward = [m for m in self.rollbacks if m.phase == phase]
            files[f"phases/phase-{phase}.deploy.sql"] = phase_script(
                phase, forward, rollback=False, recorder_ddl=self.recorder_ddl
            )
            files[f"phases/phase-{phase}.rollback.sql"] = phase_script(
                phase, backward, rollback=True
            )
        files[MANIFEST] = self.manifest()
        return files

    def manifest(self) -> str:
        lines = [
            "# SQL Server DDL of every migration",
            "",
            "Generated by `manage.py plan ddl --vendor mssql`; do not edit. Each file holds",
            "the DDL mssql-django's schema editor produces for one migration on SQL Server",
            f"{SQL_SERVER_VERSION}, rendered offline (no server), with the session options",
            "the statements need. A test re-renders them and fails when they are stale, so a",
            "model change shows its SQL Server effect in review. `RunPython` steps (data, or",
            "vendor-gated DDL such as the DogProfiles full-text index) appear as comments and",
            "run only through `manage.py migrate` (`manage.py plan migrate`).",
            "",
            f"Rendered with Django {self.versions['django']} and mssql-django "
            f"{self.versions['mssql']}.",
            "",
            "Each migration also has its rollback script (`<migration>.rollback.sql`), the",
            "DDL of `migrate` back to before it, valid on a database at the end of that",
            "migration; run them in the reverse order of this table.",
            "",
            "For DBAs who deploy by hand, `phases/phase-<N>.deploy.sql` and",
            "`phases/phase-<N>.rollback.sql` hold a whole phase as one idempotent script:",
            "every statement is guarded by `django_migrations`, so a script can run again",
            "after a stop. A migration with Python steps stops the script with the",
            "`manage.py migrate` command that applies it (run with `sqlcmd -b -I`).",
            "",
            "Apply order (the order `migrate` uses on an empty database):",
            "",
            "| # | migration | plan item | statements | rollback | statements |",
            "|---|---|---|---|---|---|",
        ]
        rollbacks = {(m.app_label, m.name): m for m in self.rollbacks}
        for number, migration in enumerate(self.migrations, 1):
            back = rollbacks.get((migration.app_label, migration.name))
            rollback = f"[rollback]({back.path}) | {len(back.statements)}" if back else "- | -"
            lines.append(
                f"| {number} | [{migration.app_label}.{migration.name}]({migration.path}) | "
                f"{migration.plan_item} | {len(migration.statements)} | {rollback} |"
            )
        return "\n".join(lines) + "\n"


def install_pyodbc_stub() -> bool:
    """Put a minimal `pyodbc` in sys.modules when the real one cannot load (no libodbc).

    mssql-django imports pyodbc unconditionally but, to render DDL, reads only its
    version and a few SQL_* type constants. Returns True when the stub was installed.
    """
    try:
        import pyodbc  # noqa: F401
    except ImportError:
        pass
    else:
        return False
    stub = types.ModuleType("pyodbc")
    stub.version = "5.2.0"
    stub.pooling = True

    class Error(Exception):
        pass

    stub.Error = Error
    codes: dict[str, int] = {}

    def __getattr__(name: str) -> int:
        if name.startswith("SQL_"):
            return codes.setdefault(name, -1000 - len(codes))
        raise AttributeError(name)

    stub.__getattr__ = __getattr__
    sys.modules["pyodbc"] = stub
    return True


class _FakeCursor:
    """Answers the two raw catalog queries mssql-django runs; anything else is an error.

    In data mode (a custom operation that moves rows in Python), SELECTs return no rows
    and writes are ignored: only the schema editor's DDL matters here.
    """

    def __init__(self, catalog: Catalog, mode: dict):
        self.catalog = catalog
        self.mode = mode
        self.rows: list[tuple] = []
        self.rowcount = 0
        self.description = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass

    def execute(self, sql, params=None):
        flat = " ".join(str(sql).split())
        index = re.search(
            r"FROM sys\.indexes AS i .* OBJECT_ID\('(?P<table>[^']+)'\) and i\.name = "
            r"'(?P<name>[^']+)'",
            flat,
        )
        usage = re.search(
            r"INFORMATION_SCHEMA\.CONSTRAINT_COLUMN_USAGE WHERE CONSTRAINT_NAME = '([^']+)'",
            flat,
        )
        if index:
            con = self.catalog.find(index["table"], index["name"])
            condition = f"({con.condition})" if con and con.condition else None
            self.rows = [(column, condition) for column in (con.columns if con else [])]
        elif usage:
            found = any(
                usage.group(1) in table.constraints
                and table.constraints[usage.group(1)].kind != "IX"
                for table in self.catalog.tables.values()
            )
            self.rows = [(1,)] if found else []
        elif self.mode.get("data"):
            self.rows = []
        else:
            raise OfflineDatabaseAccess(f"query needs a live database: {_short(flat)}")
        return self

    def executemany(self, sql, param_list):
        if not self.mode.get("data"):
            raise OfflineDatabaseAccess(f"query needs a live database: {_short(str(sql))}")
        return self

    def fetchall(self):
        return list(self.rows)

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchmany(self, size=None):
        rows, self.rows = self.rows[: size or 1], self.rows[size or 1 :]
        return rows

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.fetchall())


def _editor_class(base, *, preserve_checks: bool = True):
    """mssql-django's schema editor, writing into a list and the emulated catalog."""
    bases = (PreserveCheckConstraintsMixin, base) if preserve_checks else (base,)

    class OfflineSchemaEditor(*bases):
        catalog: Catalog
        sink: list
        var_counter: list

        def execute(self, sql, params=(), has_result=False):
            sql = str(sql)
            if params is not None:
                sql = sql % tuple(map(self.quote_value, params))
            if has_result:
                return self._answer(sql)
            sql = sql.strip().rstrip(";").strip()
            if not sql:
                return None
            dropped = re.fullmatch(
                r"ALTER TABLE \[(?P<table>(?:[^\]]|\]\])+)\] DROP CONSTRAINT "
                r"\[(?P<name>__SYS_[A-Z]+_\d+__)\]",
                sql,
            )
            if dropped:
                table = dropped["table"].replace("]]", "]")
                con = self.catalog.find(table, dropped["name"])
                if con is None:
                    raise OfflineDatabaseAccess(f"unknown constraint in {sql}")
                self.var_counter[0] += 1
                sql = dynamic_drop_sql(table, con, f"@dj_drop_{self.var_counter[0]}")
            self.sink.append(RenderedStatement(sql, self.catalog.apply(sql)))
            return None

        def _answer(self, sql):
            """The default-constraint name look-up of `_alter_column_default_sql`."""
            found = re.search(r"t\.name = '((?:[^']|'')*)' AND c\.name = '((?:[^']|'')*)'", sql)
            if not found:
                raise OfflineDatabaseAccess(f"query needs a live database: {_short(sql)}")
            table, column = (part.replace("''", "'") for part in found.groups())
            con = self.catalog.system_default(table, column)
            if con is None:
                raise OfflineDatabaseAccess(f"no DEFAULT on [{table}].[{column}] to drop")
            return [(con.name,)]

    return OfflineSchemaEditor


def _prepare_connection(connection, catalog: Catalog, mode: dict) -> None:
    """Make one connection object answer from `catalog`; it never connects."""

    def refuse(*args, **kwargs):
        raise OfflineDatabaseAccess("the renderer tried to open a database connection")

    connection.__dict__["sql_server_version"] = SQL_SERVER_VERSION
    connection.__dict__["to_azure_sql_db"] = False
    connection.ensure_connection = refuse
    connection.connect = refuse
    connection.cursor = lambda: _FakeCursor(catalog, mode)
    connection.introspection.get_constraints = lambda cursor, table_name: catalog.get_constraints(
        table_name
    )


def migration_phases(graph) -> dict[tuple[str, str], int]:
    """The phase whose deployment first applies each migration (external apps included)."""
    from doggy.dbtools.plan import ITEMS, PlanMap

    plan_map = PlanMap(graph)
    phases: dict[tuple[str, str], int] = {}
    for item in ITEMS:
        if plan_map.built_migrations(item):
            for node in plan_map.forwards_plan(plan_map.targets_to_item(item.number)):
                phases.setdefault(node, item.phase)
    return phases


def migration_order(graph) -> list[tuple[str, str]]:
    """Every migration in the order of the plan's items, then whatever else remains."""
    from doggy.dbtools.plan import ITEMS, PlanMap

    plan_map = PlanMap(graph)
    order: dict[tuple[str, str], None] = {}
    for item in ITEMS:
        if plan_map.built_migrations(item):
            for node in plan_map.forwards_plan(plan_map.targets_to_item(item.number)):
                order.setdefault(node, None)
    for node in plan_map.forwards_plan(sorted(graph.leaf_nodes())):
        order.setdefault(node, None)
    return list(order)


class _Renderer:
    """One offline connection, its emulated catalog and the schema editor class."""

    def __init__(self, connection, *, preserve_checks: bool = True):
        if connection.vendor != "microsoft":
            raise SystemExit("The DDL renderer needs settings whose default ENGINE is 'mssql'.")
        self.connection = connection
        self.catalog = Catalog()
        self.mode: dict = {}
        _prepare_connection(connection, self.catalog, self.mode)
        self.editor_class = _editor_class(
            connection.SchemaEditorClass, preserve_checks=preserve_checks
        )

    def migration(self, app_label, operations, state, out: RenderedMigration) -> None:
        """Render `operations` of one migration into `out`, advancing `state`."""
        from django.db.migrations.operations import RunPython, SeparateDatabaseAndState

        editor = self.editor_class(self.connection, collect_sql=True, atomic=False)
        editor.deferred_sql = []
        editor.catalog = self.catalog
        editor.sink = out.lines
        editor.var_counter = [0]
        mode = self.mode

        def run(operation, from_state, to_state):
            if isinstance(operation, SeparateDatabaseAndState):
                for inner in operation.database_operations:
                    inner_state = from_state.clone()
                    inner.state_forwards(app_label, inner_state)
                    run(inner, from_state, inner_state)
                    from_state = inner_state
                return
            if isinstance(operation, RunPython):
                code = getattr(operation.code, "__name__", "code")
                if operation.code is not RunPython.noop:
                    out.python_steps.append(code)
                out.lines.append(
                    f"-- RunPython {code}(): Python, run only by `manage.py migrate`; any "
                    "SQL it runs is not shown."
                )
                return
            out.lines.append(f"-- {operation.describe()}")
            if not operation.reduces_to_sql:
                out.python_steps.append(operation.describe())
                out.lines.append(
                    "-- Rows are read and written by Python at migrate time; only the DDL is shown."
                )
                mode["data"] = True
            try:
                operation.database_forwards(app_label, editor, from_state, to_state)
            finally:
                mode["data"] = False

        for operation in operations:
            before = state.clone()
            operation.state_forwards(app_label, state)
            run(operation, before, state)
        self._flush_deferred(editor, out)

    def migration_backwards(self, app_label, operations, state, out: RenderedMigration) -> None:
        """Render the reverse of `operations`, from `state` (before the migration) advanced
        to their end, back to `state`; as Django's `Migration.unapply` does."""
        from django.db.migrations.exceptions import IrreversibleError
        from django.db.migrations.operations import RunPython

        editor = self.editor_class(self.connection, collect_sql=True, atomic=False)
        editor.deferred_sql = []
        editor.catalog = self.catalog
        editor.sink = out.lines
        editor.var_counter = [0]
        mode = self.mode

        steps = []
        current = state.clone()
        for operation in operations:
            before = current.clone()
            operation.state_forwards(app_label, current)
            steps.append((operation, before, current.clone()))
        for operation, before, after in reversed(steps):
            if isinstance(operation, RunPython):
                code = operation.reverse_code
                if code is None:
                    out.lines.append(f"-- RunPython {operation.code.__name__}(): irreversible.")
                    out.python_steps.append(f"{operation.code.__name__} (irreversible)")
                else:
                    if code is not RunPython.noop:
                        out.python_steps.append(getattr(code, "__name__", "code"))
                    out.lines.append(
                        f"-- RunPython {getattr(code, '__name__', 'code')}(): Python, run only "
                        "by `manage.py migrate`; any SQL it runs is not shown."
                    )
                continue
            out.lines.append(f"-- Undo: {operation.describe()}")
            if not operation.reduces_to_sql:
                out.python_steps.append(operation.describe())
                out.lines.append(
                    "-- Rows are read and written by Python at migrate time; only the DDL is shown."
                )
                mode["data"] = True
            try:
                operation.database_backwards(app_label, editor, after, before)
            except IrreversibleError as exc:
                out.lines.append(f"-- Irreversible: {exc}")
            finally:
                mode["data"] = False
        self._flush_deferred(editor, out)

    def create_table_sql(self, model) -> str:
        """The CREATE TABLE of `model` alone, on a scratch catalog."""
        editor = self.editor_class(self.connection, collect_sql=True, atomic=False)
        editor.deferred_sql = []
        editor.catalog = Catalog()
        editor.sink = []
        editor.var_counter = [0]
        editor.create_model(model)
        return "; ".join(statement.sql for statement in editor.sink)

    def _flush_deferred(self, editor, out: RenderedMigration) -> None:
        if editor.deferred_sql:
            out.lines.append("-- Deferred: indexes, unique indexes and foreign keys")
            # mssql-django keeps deferred SQL in a set; sort it for a stable file, with
            # foreign keys last so that every key they reference exists first.
            deferred = sorted(
                (str(sql) for sql in editor.deferred_sql if sql),
                key=lambda sql: ("FOREIGN KEY" in sql, sql),
            )
            editor.deferred_sql = []
            for sql in deferred:
                editor.execute(sql, None)


def render(*, progress: bool = False) -> Rendering:
    """Render the DDL of every migration (Django must be set up with ENGINE "mssql")."""
    import django
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.state import ProjectState

    from doggy.dbtools.plan import PROJECT_APPS, plan_item_of_migration

    renderer = _Renderer(connections[DEFAULT_DB_ALIAS])
    loader = MigrationLoader(None, ignore_no_migrations=True)
    state = ProjectState(real_apps=loader.unmigrated_apps)
    rendered: list[RenderedMigration] = []
    before: dict[tuple[str, str], ProjectState] = {}
    order = migration_order(loader.graph)
    phases = migration_phases(loader.graph)
    meter = Progress("Rendering", 2 * len(order), unit="migrations", enabled=progress)
    for node in order:
        meter.advance(1, f"{node[0]}.{node[1]}")
        migration = loader.graph.nodes[node]
        item = plan_item_of_migration(node)
        out = RenderedMigration(
            migration.app_label, migration.name, migration.atomic, item.code if item else "-"
        )
        out.phase = phases.get(node)
        before[node] = state.clone()
        renderer.migration(migration.app_label, migration.operations, state, out)
        rendered.append(out)
    drift_state = state

    # Rollbacks: from the end, each migration reversed on a catalog at its end.
    final_catalog = renderer.catalog.clone()
    rollbacks: list[RenderedMigration] = []
    for node in reversed(order):
        meter.advance(1, f"{node[0]}.{node[1]} (rollback)")
        migration = loader.graph.nodes[node]
        if node[0] not in PROJECT_APPS:
            continue
        item = plan_item_of_migration(node)
        out = RenderedMigration(
            migration.app_label,
            migration.name,
            migration.atomic,
            item.code if item else "-",
            backwards=True,
            phase=phases.get(node),
        )
        renderer.migration_backwards(
            migration.app_label, migration.operations, before[node].clone(), out
        )
        rollbacks.append(out)
    meter.close()
    renderer.catalog.restore(final_catalog)

    import mssql

    versions = {
        "django": django.get_version(),
        "mssql": getattr(mssql, "__version__", None) or _dist_version("mssql-django"),
    }
    from django.db.migrations.recorder import MigrationRecorder

    drift = drift_check(renderer.catalog, drift_state, renderer.connection)
    recorder = renderer.create_table_sql(MigrationRecorder.Migration)
    return Rendering(rendered, drift, versions, rollbacks, recorder)


def render_operations(
    operations, *, app_label: str = "probe", preserve_checks: bool = True
) -> list[str]:
    """The SQL Server statements of `operations` applied to an empty project state.

    For probing mssql-django's behaviour on a hand-made migration (tests, bug reports);
    Django must be set up with the mssql settings, as for `render()`.
    """
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.state import ProjectState

    renderer = _Renderer(connections[DEFAULT_DB_ALIAS], preserve_checks=preserve_checks)
    out = RenderedMigration(app_label, "probe", atomic=False, plan_item="-")
    renderer.migration(app_label, operations, ProjectState(), out)
    return [statement.sql for statement in out.statements]


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def drift_check(catalog: Catalog, state, connection) -> list[str]:
    """Differences between the catalog the DDL builds and the final models.

    Checks tables, columns (type and NULL), every named index and constraint the backend
    supports, single-column unique fields and foreign keys. A difference means the
    rendered DDL, and so a real `migrate` on SQL Server, does not produce the schema the
    models describe.
    """
    from django.db import models

    problems = []
    expected_tables = set()
    for model in state.apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.swapped:
            continue
        expected_tables.add(meta.db_table)
        table = catalog.tables.get(meta.db_table)
        if table is None:
            problems.append(f"table [{meta.db_table}] ({meta.label}) is missing")
            continue
        for fld in meta.local_concrete_fields:
            if fld.column is None:
                continue
            col = table.columns.get(fld.column)
            if col is None:
                problems.append(f"column [{meta.db_table}].[{fld.column}] is missing")
                continue
            want = fld.db_parameters(connection=connection)["type"]
            if want and col.type != want.lower().replace(" ", "").replace(",", ", "):
                problems.append(
                    f"column [{meta.db_table}].[{fld.column}] is {col.type}, the model says {want}"
                )
            if col.null != (fld.null and not fld.primary_key):
                problems.append(
                    f"column [{meta.db_table}].[{fld.column}] is "
                    f"{'NULL' if col.null else 'NOT NULL'}, the model says the opposite"
                )
            kinds = {
                con.kind if con.kind != "IX" or con.unique else "IX-plain"
                for con in table.constraints.values()
                if con.columns == [fld.column]
            }
            if fld.unique and not fld.primary_key and not kinds & {"UQ", "IX"}:
                problems.append(f"unique [{meta.db_table}].[{fld.column}] has no constraint")
            if fld.is_relation and fld.many_to_one and fld.db_constraint and "FK" not in kinds:
                problems.append(f"foreign key [{meta.db_table}].[{fld.column}] is missing")
        for index in meta.indexes:
            if index.contains_expressions and not connection.features.supports_expression_indexes:
                continue
            con = table.constraints.get(index.name)
            if con is None or con.kind != "IX":
                problems.append(f"index {index.name} on [{meta.db_table}] is missing")
        for constraint in meta.constraints:
            if isinstance(constraint, models.UniqueConstraint) and (
                constraint.contains_expressions
                or constraint.deferrable
                or constraint.nulls_distinct is not None
            ):
                continue
            con = table.constraints.get(constraint.name)
            if con is None:
                problems.append(f"constraint {constraint.name} on [{meta.db_table}] is missing")
    for name in sorted(set(catalog.tables) - expected_tables):
        problems.append(f"table [{name}] exists but no model has it")
    return problems


# =========================================================================================
# Validation of rendered files (no Django needed)
# =========================================================================================
@dataclass
class Validation:
    files: int = 0
    statements: int = 0
    rejected: list[str] = field(default_factory=list)
    issues: list[tuple[str, Issue]] = field(default_factory=list)

    @property
    def errors(self) -> list[tuple[str, Issue]]:
        return [(where, issue) for where, issue in self.issues if issue.level == "error"]

    @property
    def warnings(self) -> list[tuple[str, Issue]]:
        return [(where, issue) for where, issue in self.issues if issue.level == "warning"]

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.errors

    def summary(self) -> str:
        return (
            f"{self.files} files, {self.statements} DDL statements: "
            f"{len(self.rejected)} rejected by the T-SQL parser, {len(self.errors)} lint "
            f"errors, {len(self.warnings)} warnings"
        )


def manifest_order(text: str) -> list[str]:
    """File paths in apply order, from the manifest's table."""
    return re.findall(r"^\| \d+ \| \[[^\]]+\]\(([^)]+)\)", text, re.M)


def rollback_order(text: str) -> list[str]:
    """Rollback script paths in the order they run: the reverse of the apply order."""
    return list(reversed(re.findall(r"\[rollback\]\(([^)]+)\)", text)))


def split_batches(text: str) -> list[str]:
    """The batches of a script (separated by GO lines), comments removed."""
    batches = re.split(rf"^{BATCH_SEPARATOR}\s*$", text, flags=re.M)
    cleaned = []
    for batch in batches:
        lines = [line for line in batch.splitlines() if not line.lstrip().startswith("--")]
        body = "\n".join(lines).strip()
        if body:
            cleaned.append(body)
    return cleaned


def _is_control(batch: str) -> bool:
    upper = batch.upper()
    return upper.startswith("SET ") or upper in ("BEGIN TRANSACTION;", "COMMIT TRANSACTION;")


def validate_files(files: dict[str, str], *, progress: bool = False) -> Validation:
    """Parse every statement with sqlfluff (T-SQL) and replay it for the structural lints.

    The forward scripts replay in apply order, then the rollback scripts in reverse order
    on the catalog the forward ones built.
    """
    from sqlfluff.core import Linter

    linter = Linter(dialect="tsql")
    catalog = Catalog()
    result = Validation()
    paths = manifest_order(files[MANIFEST]) + rollback_order(files[MANIFEST])
    meter = Progress("Validating", len(paths), unit="files", enabled=progress)
    for path in paths:
        meter.advance(1, path)
        result.files += 1
        text = files[path]
        # mssql-django writes JSON checks as ISJSON ("col"): with QUOTED_IDENTIFIER OFF
        # (sqlcmd's default) "col" is a string and every insert would violate the check.
        if '"' in _strip_strings(text) and "SET QUOTED_IDENTIFIER ON;" not in text:
            result.issues.append(
                (
                    path,
                    Issue(
                        "error",
                        "quoted-identifier",
                        "double-quoted identifiers without SET QUOTED_IDENTIFIER ON",
                    ),
                )
            )
        for batch in split_batches(text):
            if not _is_control(batch):
                result.statements += 1
                for issue in catalog.apply(batch.rstrip(";")):
                    result.issues.append((path, issue))
            _parse(linter, path, batch, result)
    for path in sorted(p for p in files if p.startswith("phases/")):
        result.files += 1
        for batch in split_batches(files[path]):
            _parse(linter, path, batch, result)
    meter.close()
    return result


def _parse(linter, path: str, batch: str, result: Validation) -> None:
    # Both parsers reject mssql-django's `DEFAULT x WITH VALUES`, valid T-SQL for a
    # nullable column added with a default: drop it before parsing.
    parsed = linter.parse_string(re.sub(r"\bWITH VALUES\b", "", batch))
    tree = parsed.tree
    if tree is None or parsed.violations or "unparsable" in tree.type_set():
        reason = parsed.violations[0].desc() if parsed.violations else "unparsable"
        result.rejected.append(f"{path}: {reason}: {_short(batch)}")


def validate_directory(directory: Path) -> Validation:
    directory = Path(directory)
    files = {MANIFEST: (directory / MANIFEST).read_text(encoding="utf-8")}
    for path in manifest_order(files[MANIFEST]) + rollback_order(files[MANIFEST]):
        files[path] = (directory / path).read_text(encoding="utf-8")
    for script in sorted((directory / "phases").glob("*.sql")):
        files[f"phases/{script.name}"] = script.read_text(encoding="utf-8")
    return validate_files(files)


# =========================================================================================
# Writing and checking
# =========================================================================================
def write_files(files: dict[str, str], out: Path) -> list[str]:
    """Write the files; delete .sql files no migration produces any more."""
    out.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    removed = []
    for stale in sorted(out.rglob("*.sql")):
        relative = stale.relative_to(out).as_posix()
        if relative not in files:
            stale.unlink()
            removed.append(relative)
    return removed


def compare_files(files: dict[str, str], out: Path) -> list[str]:
    """Differences between freshly rendered files and those in `out`, as unified diffs."""
    problems = []
    existing = (
        {path.relative_to(out).as_posix() for path in out.rglob("*.sql")} if out.exists() else set()
    )
    if (out / MANIFEST).exists():
        existing.add(MANIFEST)
    for path in sorted(set(files) | existing):
        if path not in files:
            problems.append(f"{path}: no migration renders it any more")
            continue
        target = out / path
        if not target.exists():
            problems.append(f"{path}: missing")
            continue
        current = target.read_text(encoding="utf-8")
        if current != files[path]:
            diff = difflib.unified_diff(
                current.splitlines(), files[path].splitlines(), path, path + " (fresh)", lineterm=""
            )
            problems.append("\n".join(list(diff)[:40]))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m doggy.dbtools.mssql_ddl",
        description="Render the SQL Server DDL of every migration offline and check it.",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail when the files in --out differ from a fresh render",
    )
    parser.add_argument("--no-validate", action="store_true", help="skip sqlfluff and lints")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doggy.settings.mssql_offline")
    stubbed = install_pyodbc_stub()
    import django

    django.setup()
    try:
        rendering = render(progress=True)
    except OfflineDatabaseAccess as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    files = rendering.files()
    status = 0
    statements = sum(len(m.statements) for m in rendering.migrations)
    print(
        f"Rendered {len(rendering.migrations)} migrations, {statements} DDL statements "
        f"(mssql-django {rendering.versions['mssql']}, SQL Server {SQL_SERVER_VERSION}"
        f"{', pyodbc stubbed' if stubbed else ''})."
    )
    for problem in rendering.drift:
        print(f"DRIFT: {problem}")
    if rendering.drift:
        status = 1
    if args.check:
        problems = compare_files(files, args.out)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} file(s) differ from a fresh render: run `manage.py plan ddl`.")
            status = status or 2
        else:
            print(f"{args.out} is up to date.")
    else:
        removed = write_files(files, args.out)
        print(f"Wrote {len(files)} files to {args.out}.")
        for path in removed:
            print(f"Removed {path}: no migration renders it any more.")
    if not args.no_validate:
        validation = validate_files(files, progress=True)
        for path, issue in validation.issues:
            print(f"{path}: {issue}")
        for rejected in validation.rejected:
            print(f"REJECTED {rejected}")
        print(validation.summary())
        if not validation.ok:
            status = status or 1
    return status


if __name__ == "__main__":
    sys.exit(main())
