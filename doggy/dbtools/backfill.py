"""Batched, resumable, idempotent backfills for data migrations, and a progress reporter.

Every data migration that touches existing rows goes through `backfill()`, so that a
table of millions of rows is changed in batches of at most 10,000 rows (DESIGN.md
budgets), with progress shown, and so that an interrupted run can simply be started
again. See docs/development/data-migrations.md.

The module imports no model and keeps its signature stable, so migrations may import it
(the one exception to "migrations never import app code").
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import connections, models, transaction

MAX_BATCH_SIZE = 10_000


class Progress:
    """Progress of a long step: a bar on a terminal, plain lines otherwise.

    On a terminal the bar is redrawn in place; in a log or CI (no TTY) one line is
    written per `advance()` call at most every `min_interval` seconds, plus a final one,
    so logs stay short and still show that the step is alive.
    """

    def __init__(
        self,
        label: str,
        total: int | None,
        *,
        unit: str = "rows",
        stream: TextIO | None = None,
        min_interval: float = 1.0,
        enabled: bool = True,
    ):
        self.label = label
        self.total = total
        self.unit = unit
        self.stream = stream if stream is not None else sys.stdout
        self.done = 0
        self.enabled = enabled
        self.min_interval = min_interval
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_line = 0.0
        self._width = 30

    def advance(self, amount: int = 1, detail: str = "") -> None:
        self.done += amount
        if not self.enabled:
            return
        if self._tty:
            self._draw(detail)
            return
        now = time.monotonic()
        if now - self._last_line >= self.min_interval or self._finished():
            self._last_line = now
            self.stream.write(f"{self.label}: {self._counts()}{self._detail(detail)}\n")
            self.stream.flush()

    def close(self, detail: str = "") -> None:
        """Finish the bar (terminal) or write the final count (log)."""
        if not self.enabled:
            return
        if self._tty:
            self._draw(detail)
            self.stream.write("\n")
        elif not self._finished() or self._last_line == 0.0:
            self.stream.write(f"{self.label}: {self._counts()}{self._detail(detail)}\n")
        self.stream.flush()

    def _finished(self) -> bool:
        return self.total is not None and self.done >= self.total

    def _counts(self) -> str:
        if self.total:
            return f"{self.done}/{self.total} {self.unit} ({100 * self.done // self.total}%)"
        return f"{self.done} {self.unit}"

    @staticmethod
    def _detail(detail: str) -> str:
        return f" {detail}" if detail else ""

    def _draw(self, detail: str) -> None:
        if self.total:
            filled = min(self._width, self._width * self.done // self.total)
            bar = "#" * filled + "-" * (self._width - filled)
            line = f"\r{self.label} [{bar}] {self._counts()}{self._detail(detail)}"
        else:
            line = f"\r{self.label} {self._counts()}{self._detail(detail)}"
        self.stream.write(line[:200].ljust(80))
        self.stream.flush()


@dataclass(frozen=True)
class BackfillResult:
    """What a backfill did: rows it looked at, rows it changed, batches it committed."""

    rows_seen: int
    rows_changed: int
    batches: int


def backfill(
    queryset: models.QuerySet,
    *,
    values: Mapping[str, Any] | None = None,
    transform: Callable[[models.Model], bool | None] | None = None,
    fields: Sequence[str] = (),
    batch_size: int = MAX_BATCH_SIZE,
    label: str | None = None,
    stream: TextIO | None = None,
    progress: bool = True,
) -> BackfillResult:
    """Change the rows of `queryset` in primary-key batches of at most `batch_size`.

    Give either `values` (field → value or expression; one `UPDATE … WHERE pk IN (…)`
    per batch) or `transform` with `fields` (each row is loaded, `transform(row)` edits
    it and returns False to leave it alone, and the batch is written with
    `bulk_update(fields)`).

    Idempotent and resumable by construction:

    * `queryset` must select only the rows that still need the change (for example
      `filter(normalized_email__isnull=True)`), so a second run finds nothing to do and
      a run after an interruption finds only the rest;
    * batches are walked by ascending primary key (keyset pagination, no OFFSET), and
      each batch runs in its own `transaction.atomic()`. In a migration declared
      `atomic = False` every batch commits on its own, so an interrupted run keeps the
      batches already done; in an atomic migration the batches are savepoints of the one
      migration transaction.

    Use the historical model in migrations: `apps.get_model(...)._default_manager
    .using(schema_editor.connection.alias).filter(...)`.
    """
    if (values is None) == (transform is None):
        raise ValueError("Give exactly one of `values` or `transform`.")
    if transform is not None and not fields:
        raise ValueError("`transform` needs the `fields` it changes.")
    if not 0 < batch_size <= MAX_BATCH_SIZE:
        raise ValueError(f"batch_size must be between 1 and {MAX_BATCH_SIZE}.")

    model = queryset.model
    alias = queryset.db
    label = label or model._meta.db_table
    ordered = queryset.order_by("pk")
    meter = Progress(label, ordered.count(), stream=stream, enabled=progress)
    seen = changed = batches = 0
    last_pk = None
    while True:
        page = ordered if last_pk is None else ordered.filter(pk__gt=last_pk)
        if values is not None:
            pks = list(page.values_list("pk", flat=True)[:batch_size])
            if not pks:
                break
            with transaction.atomic(using=alias):
                changed += model._default_manager.using(alias).filter(pk__in=pks).update(**values)
            last_pk = pks[-1]
            count = len(pks)
        else:
            rows = list(page[:batch_size])
            if not rows:
                break
            dirty = [row for row in rows if transform(row) is not False]
            if dirty:
                with transaction.atomic(using=alias):
                    changed += model._default_manager.using(alias).bulk_update(
                        dirty, list(fields), batch_size=min(batch_size, 1000)
                    )
            last_pk = rows[-1].pk
            count = len(rows)
        seen += count
        batches += 1
        meter.advance(count, f"batch {batches}")
    meter.close()
    return BackfillResult(rows_seen=seen, rows_changed=changed, batches=batches)


def chunked(items: Iterable[Any], size: int = MAX_BATCH_SIZE) -> Iterable[list[Any]]:
    """Split `items` into lists of at most `size` (for `pk__in` lists built in Python)."""
    if not 0 < size <= MAX_BATCH_SIZE:
        raise ValueError(f"size must be between 1 and {MAX_BATCH_SIZE}.")
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze(alias: str, *model_classes: type[models.Model]) -> None:
    """Refresh the planner's statistics of the tables a data migration just filled.

    A table loaded in the same maintenance window has the statistics of its empty self
    until autovacuum catches up, so the next statement that joins it can plan a sequential
    scan per outer row (the 037 reverse read 100,000 dogs in 160 s that way; after
    ANALYZE it takes a few seconds). PostgreSQL runs `ANALYZE`, SQL Server `UPDATE
    STATISTICS`; SQLite (development only) and other engines do nothing: SQLite's
    `ANALYZE` would add its own statistics table, which `plan verify` counts.
    """
    connection = connections[alias]
    quote = connection.ops.quote_name
    statements = {
        "postgresql": "ANALYZE {}",
        "microsoft": "UPDATE STATISTICS {}",
    }
    template = statements.get(connection.vendor)
    if template is None:
        return
    with connection.cursor() as cursor:
        for model in model_classes:
            cursor.execute(template.format(quote(model._meta.db_table)))
