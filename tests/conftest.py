"""Root conftest: shared fixtures (tests/fixtures.py), the callers (tests/callers.py), the
permission matrix (tests/matrix.py), the order of the slow tests (tests/ordering.py) and
the seed rows after a flush (tests/seeds.py)."""

pytest_plugins = [
    "tests.fixtures",
    "tests.callers",
    "tests.matrix",
    "tests.ordering",
    "tests.seeds",
]
