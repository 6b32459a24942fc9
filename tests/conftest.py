"""Root conftest: shared fixtures (tests/fixtures.py), the callers (tests/callers.py), the
permission matrix (tests/matrix.py) and the order of the slow tests (tests/ordering.py)."""

pytest_plugins = ["tests.fixtures", "tests.callers", "tests.matrix", "tests.ordering"]
