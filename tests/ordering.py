"""The order tests run in under pytest-xdist: each worker starts with its share of `slow`.

`make test` runs the suite on two workers with `--dist worksteal`: xdist gives each worker
a contiguous slice of the collected tests, in order, and an idle worker later steals the
far end of another's queue. The `slow` tests (migration round trips, a minute or more
each) sit at the end of the collection (tests/plan, tests/scheduling, tests/test_*.py),
so they fell to one worker and ran last, alone, while the other had nothing left to
steal: several minutes of one idle core per run.

Here the `slow` tests are dealt round-robin to the workers and put at the head of each
worker's slice, so every worker starts with its long tests and the short ones fill the
end, where stealing balances them. Without xdist (or with one worker) the order is left
as collected. All workers compute the same order, as xdist requires.
"""

from __future__ import annotations

import pytest


def _worker_count(config: pytest.Config) -> int:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        return 1  # the controller or a plain run: its order is not what runs
    return int(workerinput.get("workercount", 1))


def slices_with_slow_first(items: list, slow: set[int], workers: int) -> list:
    """`items` reordered so that each of the `workers` slices xdist hands out (the same
    sizes: what is left divided by the workers left) starts with its share of the
    indices in `slow`, dealt round-robin, followed by its share of the others."""
    heavy = [item for n, item in enumerate(items) if n in slow]
    light = [item for n, item in enumerate(items) if n not in slow]
    shares = [heavy[w::workers] for w in range(workers)]
    ordered: list = []
    left = len(items)
    for w in range(workers):
        size = left // (workers - w)
        left -= size
        take = max(0, size - len(shares[w]))
        ordered += shares[w] + light[:take]
        del light[:take]
    return ordered + light


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    workers = _worker_count(config)
    if workers < 2:
        return
    slow = {n for n, item in enumerate(items) if item.get_closest_marker("slow")}
    if slow:
        items[:] = slices_with_slow_first(items, slow, workers)
