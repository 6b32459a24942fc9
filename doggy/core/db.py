"""Database expressions and field builders shared by every app's models.

`UtcNow` and `NewGuid` are the plan's `GETUTCDATE()` and `NEWID()` defaults, rendered per
vendor so that rows inserted by other systems (SQL jobs, the legacy app, BI loads) get
the same values the ORM would give them. `InArray` is the `__in_array` lookup of the
caller-scoped list selectors (docs/development/performance.md).
"""

import uuid

from django.db import models
from django.db.models.functions import Now
from django.db.models.lookups import In
from django.utils import timezone


class UtcNow(Now):
    """`GETUTCDATE()` on SQL Server; `Now()` (already UTC) on PostgreSQL and SQLite.

    mssql-django renders `Now()` as `SYSDATETIMEOFFSET()`, which carries the server's local
    offset; the plan stores UTC instants (+00:00), so SQL Server gets `GETUTCDATE()`.
    """

    allowed_default = True

    def as_microsoft(self, compiler, connection, **extra_context):
        return "GETUTCDATE()", []


class NewGuid(models.Func):
    """The plan's `NEWID()` default in the form Django stores UUIDs on each engine.

    UUIDField is `char(32)` (lower-case hex, no dashes) on SQL Server and SQLite and a
    native `uuid` on PostgreSQL (SCHEMA.md D2).
    """

    allowed_default = True
    output_field = models.UUIDField()
    template = "lower(hex(randomblob(16)))"
    arity = 0

    def as_postgresql(self, compiler, connection, **extra_context):
        return "gen_random_uuid()", []

    def as_microsoft(self, compiler, connection, **extra_context):
        return "LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))", []


def uuid_primary_key() -> models.UUIDField:
    """`Id UNIQUEIDENTIFIER PRIMARY KEY DEFAULT NEWID()` in the portable form of D2."""
    return models.UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        db_default=NewGuid(),
        editable=False,
        db_column="Id",
    )


def created_at_field(db_column: str = "CreatedAt", **kwargs) -> models.DateTimeField:
    """A `... NOT NULL DEFAULT GETUTCDATE()` timestamp set once on insert."""
    kwargs.setdefault("editable", False)
    return models.DateTimeField(
        default=timezone.now, db_default=UtcNow(), db_column=db_column, **kwargs
    )


def updated_at_field(db_column: str = "UpdatedAt") -> models.DateTimeField:
    """`UpdatedAt`: stamped by the ORM on every save; `GETUTCDATE()` for foreign inserts."""
    return models.DateTimeField(auto_now=True, db_default=UtcNow(), db_column=db_column)


class TimeStampedModel(models.Model):
    """Abstract base for tables with the plan's `CreatedAt` / `UpdatedAt` pair."""

    created_at = created_at_field()
    updated_at = updated_at_field()

    class Meta:
        abstract = True


@models.Field.register_lookup
class InArray(In):
    """`field__in_array=<subquery>`: `IN (subquery)`, as `= ANY(ARRAY(subquery))` on PostgreSQL.

    For a small set of ids computed by a subquery (a caller's own and shared rows,
    `IN (… UNION ALL …)`). PostgreSQL plans `IN (subquery)` as a semi-join and, once the
    table outgrows the id set, scans the whole table for it (20,000 dogs: 12 ms for a
    160-dog owner's COUNT); `ARRAY(subquery)` is computed once, before the scan, and
    the ids are looked up in the primary key (0.4 ms). Other engines, and a list of
    values rather than a subquery, get the plain `IN`.
    """

    lookup_name = "in_array"

    def get_rhs_op(self, connection, rhs):
        if connection.vendor == "postgresql" and not self.rhs_is_direct_value():
            return f"= ANY(ARRAY{rhs})"
        return super().get_rhs_op(connection, rhs)
