"""Work that runs after the current transaction commits, through a pluggable task runner.

`run_after_commit(task, *args)` registers `task(*args)` with `transaction.on_commit`, so
it never sees uncommitted rows and never runs for a rolled-back change. When the
transaction commits, the runner named by `settings.DOGGY_TASK_RUNNER` receives it. The
default, `InProcessRunner`, runs it right away in the same process (after the commit,
outside the request's transaction). `CeleryRunner` queues it on Celery instead
(doggy/celery.py); tasks take only plain arguments (ids, strings, JSON values) and are
module-level functions, so a worker imports them back by their dotted path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from django.conf import settings
from django.db.transaction import on_commit
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class TaskRunner(Protocol):
    def submit(self, task: Callable[..., Any], *args: Any) -> None: ...


class InProcessRunner:
    """Runs the task at once, in this process; a failure is logged, never raised."""

    def submit(self, task: Callable[..., Any], *args: Any) -> None:
        try:
            task(*args)
        except Exception:
            logger.exception("Task %s failed", getattr(task, "__qualname__", task))


class CeleryRunner:
    """Queues the task on Celery's broker (`doggy.run_task` with its dotted path).

    A task that cannot be queued (a closure, arguments that are not JSON) is an error of
    the program and raises; a broker that cannot be reached is logged and the task is run
    in this process instead, so after-commit work is not lost.
    """

    def submit(self, task: Callable[..., Any], *args: Any) -> None:
        from kombu.exceptions import OperationalError

        from doggy.celery import run_task, task_path

        path = task_path(task)
        try:
            run_task.apply_async(args=(path, *args), retry=False)
        except OperationalError as exc:
            logger.warning("Broker unavailable (%s); running %s in process", exc, path)
            InProcessRunner().submit(task, *args)


def task_runner() -> TaskRunner:
    """The runner of `settings.DOGGY_TASK_RUNNER` (a dotted path to a class)."""
    return import_string(settings.DOGGY_TASK_RUNNER)()


def run_after_commit(task: Callable[..., Any], *args: Any, using: str | None = None) -> None:
    """Hand `task(*args)` to the task runner once the current transaction commits."""
    on_commit(lambda: task_runner().submit(task, *args), using=using)
