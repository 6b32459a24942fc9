"""Root conftest: shared fixtures (tests/fixtures.py) and the callers (tests/callers.py)."""

pytest_plugins = ["tests.fixtures", "tests.callers", "tests.matrix"]
