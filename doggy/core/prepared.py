"""Prepared lists: a list queryset built and compiled once per process, bound per request.

The plain form of a caller-scoped list (no query parameter) is the same query for
every caller: only the caller's id and the current time change. Building that
queryset (the scope's `UNION ALL`, a `relation` CASE/subquery annotation) and
compiling it to SQL cost more than running it (bench/results.md: about half of a
20-row dog page). `PreparedList` builds the queryset once per connection from
sentinel values, compiles the COUNT and each page slice once, records which SQL
parameters carry each sentinel, and afterwards only swaps in the request's values:

    _PLAIN = PreparedList(
        lambda actor_id, now: DogProfile.objects.filter(owner_id=actor_id, ...),
        actor_id=Param("prepared-actor", field=User._meta.pk),
        now=Param(SENTINEL_TIME, field=DogAccessGrant._meta.get_field("expires_at")),
    )
    rows = _PLAIN.bind(actor_id=user.pk, now=timezone.now())

`bind()` returns a `PreparedQuerySet`: `count()`, slices and iteration run the
compiled SQL and build the instances (with annotations, `select_related` objects and
prefetches) exactly as Django's `ModelIterable` does, with the same number of queries.
Anything else (`filter()`, `.query`, `explain()`, …) builds the real queryset from the
bound values and delegates to it, so a prepared list is a drop-in for its queryset.

The build function must use its arguments only as query values (compared, not used
to choose the shape of the query), and every argument must reach the SQL at least
once. Prefetches whose querysets depend on the arguments are passed as `prefetch`,
a function of the same arguments, and built per request.

A reverse foreign key shown in each row (a user's roles, an appointment's dogs) can be
prepared too: `related=[Related(build, fk="user", to_attr="effective_user_roles")]`.
`build` takes the list's arguments and returns the related rows' queryset; its SQL, with
`fk IN (...)` over the page's keys, is compiled once per connection and number of
rows on the page, and each row gets the list of its related instances (in the
queryset's order) in `to_attr`, as `Prefetch(..., to_attr=...)` gives it, with one
query. An argument may then reach the list's SQL or a related one.

`statement_cursor(alias)` is for hand-written SQL run on every request (the bearer
lookup): on PostgreSQL, with prepared statements enabled in the settings, the server
parses and plans the statement once per connection; elsewhere it is Django's cursor.
"""

from __future__ import annotations

import datetime
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models, router
from django.db.models.query import ModelIterable, get_related_populators, prefetch_related_objects

# A time no real request carries; `Param(SENTINEL_TIME, field=<a DateTimeField>)`.
SENTINEL_TIME = datetime.datetime(2001, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
# Page slices compiled per process and connection (page sizes × page numbers in use).
MAX_SLICES = 256


@dataclass(frozen=True)
class Param:
    """One per-request value of a prepared list: its sentinel, and the field preparing it."""

    sentinel: Any
    field: models.Field | None = None

    def prepare(self, value: Any, connection) -> Any:
        if self.field is None:
            return value
        return self.field.get_db_prep_value(value, connection, prepared=False)


@dataclass(frozen=True)
class Related:
    """A reverse foreign key of the listed rows, loaded into a list on each row."""

    build: Callable[..., models.QuerySet]  # the related rows, of the list's arguments
    fk: str  # the related model's foreign key to the listed model
    to_attr: str


@dataclass
class _Compiled:
    sql: str
    params: list  # the sentinels' params replaced per request
    slots: list[tuple[int, str]]  # (position in params, Param name)
    compiler: Any = None  # for pages: the compiler whose select list maps the rows
    keys: list[int] = field(default_factory=list)  # related: positions of the page's keys


class _Prepared:
    """The compiled statements of one PreparedList on one connection."""

    def __init__(self) -> None:
        self.count: _Compiled | None = None
        self.pages: dict[tuple[int, int | None], _Compiled] = {}
        self.related: dict[tuple[int, int], _Compiled] = {}
        self.checked = False


def _key_sentinels(key_field: models.Field, count: int) -> list:
    """`count` distinct values of the listed model's key that no real row carries."""
    if isinstance(key_field, models.UUIDField):
        return [uuid.UUID(int=0x0D06_0000_0000 + n) for n in range(count)]
    if isinstance(key_field, models.IntegerField):
        return [-(2**40) - n for n in range(count)]
    return [f"prepared-key-{n}" for n in range(count)]


class PreparedList:
    """A list queryset compiled once per connection; see the module docstring."""

    def __init__(
        self,
        build: Callable[..., models.QuerySet],
        *,
        prefetch: Callable[..., list] | None = None,
        related: list[Related] | tuple[Related, ...] = (),
        **params: Param,
    ) -> None:
        self.build = build
        self.prefetch = prefetch
        self.related = tuple(related)
        self.params = params
        self._local = threading.local()  # Django's connections are per thread too
        self._shape: tuple[type[models.Model], bool] | None = None
        self.ordering: tuple = ()

    def shape(self) -> tuple[type[models.Model], bool]:
        """The list's model and whether it is ordered (checked once, on first use)."""
        if self._shape is None:
            probe = self._sentinel_queryset()
            if probe._prefetch_related_lookups:
                raise ImproperlyConfigured("Pass a prepared list's prefetches as `prefetch`.")
            if probe._iterable_class is not ModelIterable or probe.query.is_sliced:
                raise ImproperlyConfigured("A prepared list is an unsliced queryset of instances.")
            self.ordering = tuple(probe.query.order_by)
            self._shape = (probe.model, probe.ordered)
        return self._shape

    def bind(self, **values: Any) -> PreparedQuerySet:
        if values.keys() != self.params.keys():
            raise TypeError(f"bind() takes exactly {sorted(self.params)}")
        return PreparedQuerySet(self, values)

    # --- compilation ------------------------------------------------------------------------
    def _sentinel_queryset(self) -> models.QuerySet:
        return self.build(**{name: param.sentinel for name, param in self.params.items()})

    def _statements(self, alias: str) -> _Prepared:
        cache = getattr(self._local, "by_alias", None)
        if cache is None:
            cache = self._local.by_alias = {}
        # A new connection object (after close) keeps the statements; they hold no cursor.
        prepared = cache.get(alias)
        if prepared is None:
            prepared = cache[alias] = _Prepared()
        return prepared

    def _slots(self, params: tuple, connection, *, strict: bool = True) -> list[tuple[int, str]]:
        slots = []
        for name, param in self.params.items():
            marker = param.prepare(param.sentinel, connection)
            found = [n for n, value in enumerate(params) if value == marker]
            if not found and strict:
                raise ImproperlyConfigured(f"The prepared list's `{name}` never reaches its SQL.")
            slots += [(n, name) for n in found]
        return slots

    def _check_reach(self, alias: str, statement: _Compiled) -> None:
        """With related rows, an argument may reach the list's SQL or a related one."""
        prepared = self._statements(alias)
        if prepared.checked:
            return
        reached = {name for _, name in statement.slots}
        for index in range(len(self.related)):
            reached |= {name for _, name in self.compiled_related(alias, index, 1).slots}
        missing = sorted(set(self.params) - reached)
        if missing:
            raise ImproperlyConfigured(f"The prepared list's {missing} never reach its SQL.")
        prepared.checked = True

    def compiled_count(self, alias: str) -> _Compiled:
        prepared = self._statements(alias)
        if prepared.count is None:
            connection = connections[alias]
            inner = self._sentinel_queryset().order_by().values("pk")
            sql, params = inner.query.get_compiler(using=alias).as_sql()
            strict = not self.related
            prepared.count = _Compiled(
                f"SELECT COUNT(*) FROM ({sql}) prepared_count",  # noqa: S608 - compiled SQL
                list(params),
                self._slots(params, connection, strict=strict),
            )
            if not strict:
                self._check_reach(alias, prepared.count)
        return prepared.count

    def compiled_page(self, alias: str, low: int, high: int | None) -> _Compiled:
        prepared = self._statements(alias)
        compiled = prepared.pages.get((low, high))
        if compiled is None:
            connection = connections[alias]
            queryset = self._sentinel_queryset()
            queryset.query.set_limits(low, high)
            compiler = queryset.query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            strict = not self.related
            compiled = _Compiled(
                sql, list(params), self._slots(params, connection, strict=strict), compiler
            )
            if not strict:
                self._check_reach(alias, compiled)
            if len(prepared.pages) >= MAX_SLICES:
                prepared.pages.clear()
            prepared.pages[(low, high)] = compiled
        return compiled

    def compiled_related(self, alias: str, index: int, count: int) -> _Compiled:
        """The related rows of `count` listed rows: `fk IN (count keys)`."""
        prepared = self._statements(alias)
        compiled = prepared.related.get((index, count))
        if compiled is None:
            connection = connections[alias]
            related = self.related[index]
            key_field = self.shape()[0]._meta.pk
            keys = _key_sentinels(key_field, count)
            sentinels = {name: param.sentinel for name, param in self.params.items()}
            queryset = related.build(**sentinels).filter(**{f"{related.fk}__in": keys})
            compiler = queryset.query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            markers = [key_field.get_db_prep_value(key, connection) for key in keys]
            positions = [params.index(marker) for marker in markers]
            compiled = _Compiled(
                sql,
                list(params),
                self._slots(params, connection, strict=False),
                compiler,
                positions,
            )
            if len(prepared.related) >= MAX_SLICES:
                prepared.related.clear()
            prepared.related[(index, count)] = compiled
        return compiled


class PreparedQuerySet:
    """A bound prepared list: count, slices and iteration from the compiled SQL."""

    def __init__(self, prepared: PreparedList, values: dict[str, Any]) -> None:
        self._prepared = prepared
        self._values = values
        self._queryset: models.QuerySet | None = None
        self._result_cache: list | None = None
        self.model, self.ordered = prepared.shape()
        self.db = router.db_for_read(self.model)

    def queryset(self) -> models.QuerySet:
        """The real queryset for the bound values (built on first use)."""
        if self._queryset is None:
            queryset = self._prepared.build(**self._values)
            if self._prepared.prefetch is not None:
                queryset = queryset.prefetch_related(*self._prepared.prefetch(**self._values))
            for related in self._prepared.related:
                rows = related.build(**self._values)
                queryset = queryset.prefetch_related(
                    models.Prefetch(
                        rows.model._meta.get_field(related.fk).remote_field.get_accessor_name(),
                        queryset=rows,
                        to_attr=related.to_attr,
                    )
                )
            self._queryset = queryset
        return self._queryset

    def all(self) -> PreparedQuerySet:
        """A fresh copy (what a FilterSet takes before applying any filter)."""
        return PreparedQuerySet(self._prepared, self._values)

    def order_by(self, *fields):
        """Itself when asked for its own order (cursor pagination does), else the queryset's."""
        if fields and tuple(fields) == self._prepared.ordering:
            return self.all()
        return self.queryset().order_by(*fields)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.queryset(), name)

    def __repr__(self) -> str:
        return f"<PreparedQuerySet {self.queryset()!r}>"

    def _params(self, compiled: _Compiled) -> list:
        connection = connections[self.db]
        params = list(compiled.params)
        prepared = {
            name: self._prepared.params[name].prepare(value, connection)
            for name, value in self._values.items()
        }
        for position, name in compiled.slots:
            params[position] = prepared[name]
        return params

    def count(self) -> int:
        if self._result_cache is not None:
            return len(self._result_cache)
        compiled = self._prepared.compiled_count(self.db)
        with connections[self.db].cursor() as cursor:
            cursor.execute(compiled.sql, self._params(compiled))
            return cursor.fetchone()[0]

    def _fetch(self, low: int, high: int | None) -> list:
        if high is not None and high <= low:
            return []  # Django's empty slice runs no query either
        compiled = self._prepared.compiled_page(self.db, low, high)
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, self._params(compiled))
            rows = cursor.fetchall()
        objs = list(_instances(compiled.compiler, self.db, rows))
        if self._prepared.prefetch is not None and objs:
            prefetch_related_objects(objs, *self._prepared.prefetch(**self._values))
        for index in range(len(self._prepared.related)):
            if objs:
                self._fetch_related(index, objs)
        return objs

    def _fetch_related(self, index: int, objs: list) -> None:
        related = self._prepared.related[index]
        keys = list(dict.fromkeys(obj.pk for obj in objs))
        compiled = self._prepared.compiled_related(self.db, index, len(keys))
        connection = connections[self.db]
        params = self._params(compiled)
        key_field = self.model._meta.pk
        for position, key in zip(compiled.keys, keys, strict=True):
            params[position] = key_field.get_db_prep_value(key, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        attname = compiled.compiler.query.model._meta.get_field(related.fk).attname
        grouped: dict[Any, list] = {key: [] for key in keys}
        for instance in _instances(compiled.compiler, self.db, rows):
            grouped[getattr(instance, attname)].append(instance)
        for obj in objs:
            setattr(obj, related.to_attr, grouped[obj.pk])

    def __getitem__(self, key):
        if self._result_cache is not None:
            return self._result_cache[key]
        if isinstance(key, slice) and key.step is None:
            low, high = key.start or 0, key.stop
            if low >= 0 and (high is None or high >= 0):
                return self._fetch(low, high)
        return self.queryset()[key]

    def __iter__(self) -> Iterator:
        if self._result_cache is None:
            self._result_cache = self._fetch(0, None)
        return iter(self._result_cache)

    def __len__(self) -> int:
        if self._result_cache is None:
            self._result_cache = self._fetch(0, None)
        return len(self._result_cache)

    def __bool__(self) -> bool:
        return len(self) > 0


def _instances(compiler, db: str, rows: list) -> Iterator[models.Model]:
    """Model instances of `rows`, as `django.db.models.query.ModelIterable` builds them."""
    select, klass_info = compiler.select, compiler.klass_info
    annotation_col_map = compiler.annotation_col_map
    model_cls = klass_info["model"]
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    init_list = [f[0].target.attname for f in select[start:end]]
    related_populators = get_related_populators(klass_info, select, db)
    for row in compiler.results_iter(results=[rows]):
        obj = model_cls.from_db(db, init_list, row[start:end])
        for populator in related_populators:
            populator.populate(row, obj)
        if annotation_col_map:
            for attr_name, position in annotation_col_map.items():
                setattr(obj, attr_name, row[position])
        yield obj


# --- Server-side prepared statements ----------------------------------------------------
class _Preparing:
    """A psycopg cursor binding on the server whose statements are prepared: PostgreSQL
    parses and plans each SQL text once per connection, then only executes it."""

    def __init__(self, cursor, connection):
        self.cursor = cursor
        self.connection = connection
        self.last = ("", None)

    def execute(self, sql, params=None):
        self.last = (sql, params)
        return self.cursor.execute(sql, params, prepare=True)

    @property
    def _query(self):
        # Django's query log (last_executed_query) reads `_query.query`, which psycopg
        # leaves empty for a prepared statement: the SQL with its values, as Django
        # writes it for server-side binding. Only read when queries are logged.
        sql, params = self.last
        return _LoggedQuery(self.connection.ops.compose_sql(sql, params).encode())

    def __getattr__(self, name):
        return getattr(self.cursor, name)


@dataclass(frozen=True)
class _LoggedQuery:
    query: bytes


def statement_cursor(alias: str):
    """A cursor for one hand-written statement run on every request.

    On PostgreSQL with prepared statements enabled (`prepare_threshold` in the database
    OPTIONS, which the settings set unless a pooler forbids them), the statement is
    prepared on the server once per connection; elsewhere it is Django's cursor. Either
    way it is wrapped as Django wraps its own (query logging, execute wrappers, errors).
    """
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        return connection.cursor()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        cursor = _Preparing(connection.Database.Cursor(raw), connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)
