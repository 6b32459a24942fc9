"""doggy.core.tasks.CeleryRunner: after-commit work queued on Celery through Redis and
run by a real worker (celery's `start_worker` test helper, a worker thread in this
process), and the in-process fallback when the broker cannot be reached."""

from __future__ import annotations

import threading

import pytest
from django.db import transaction

from doggy.celery import app, task_path
from doggy.core.tasks import CeleryRunner, run_after_commit

CELERY_RUNNER = "doggy.core.tasks.CeleryRunner"
# What `record` was called with, and a signal for the test waiting on the worker.
CALLS: list[tuple] = []
CALLED = threading.Event()


def record(*args) -> None:
    """A task of plain arguments (module level, so a worker imports it by its path)."""
    CALLS.append(args)
    CALLED.set()


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()
    CALLED.clear()


def _use_broker(url: str | None) -> None:
    # The connection and producer pools are built from the broker URL on first use;
    # kombu keeps them per URL, so the next use builds (or finds) the pools of `url`.
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(redis_url):
    """Point the Celery app at the throwaway Redis; restore it after the test."""
    previous = app.conf.broker_url
    _use_broker(redis_url)
    yield redis_url
    _use_broker(previous)


@pytest.mark.redis
def test_task_runs_on_a_celery_worker_after_commit(
    db, broker, settings, django_capture_on_commit_callbacks
):
    from celery.contrib.testing.worker import start_worker

    # given: the Celery runner, and a worker consuming the Redis broker
    settings.DOGGY_TASK_RUNNER = CELERY_RUNNER
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        # when: work is queued inside a transaction
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            run_after_commit(record, "notification", 42, {"plain": ["json"]})
            assert CALLS == []  # nothing before the commit

        # then: the worker ran it, with the arguments as JSON carried them
        assert CALLED.wait(timeout=20), "the worker did not run the task"
    assert CALLS == [("notification", 42, {"plain": ["json"]})]


def test_unreachable_broker_runs_the_task_in_process(settings):
    # given: a broker nobody listens on
    previous = app.conf.broker_url
    _use_broker("redis://127.0.0.1:1/0")
    try:
        # when
        CeleryRunner().submit(record, "fallback", 1)
    finally:
        _use_broker(previous)

    # then: the work was not lost
    assert CALLS == [("fallback", 1)]


def test_only_module_level_functions_can_be_queued():
    def closure():
        pass

    assert task_path(record) == "tests.messaging.test_celery_runner.record"
    with pytest.raises(ValueError, match="not importable"):
        task_path(closure)
