"""Root conftest: fixtures come from tests/fixtures.py (factories exposed as fixtures)."""

pytest_plugins = ["tests.fixtures"]
