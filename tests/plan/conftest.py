"""Fixtures for tests that move the test database along the plan and back.

These tests change the schema, so they run outside the per-test transaction and always
leave the database at the head of every migration, as they found it.
"""

from __future__ import annotations

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from tests.seeds import reseed


def plan_command(*args: str) -> str:
    """Run `manage.py plan …` and return what it printed."""
    out = io.StringIO()
    try:
        call_command("plan", *args, stdout=out, stderr=out)
    except CommandError as exc:
        raise CommandError(f"{exc}\n--- output ---\n{out.getvalue()}") from exc
    return out.getvalue()


def migrate_everything_to_zero() -> None:
    """Unapply every migration of every app, through the migrations' own reverse code."""
    executor = MigrationExecutor(connection)
    targets = [(app, None) for app in sorted(executor.loader.migrated_apps)]
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def empty_database() -> None:
    """Drop every table, as on a brand-new database (without running any reverse code)."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    qn = connection.ops.quote_name
    cascade = " CASCADE" if connection.vendor == "postgresql" else ""
    disabled = connection.disable_constraint_checking()
    try:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {qn(table)}{cascade}")
    finally:
        if disabled:
            connection.enable_constraint_checking()
    ContentType.objects.clear_cache()


def migrate_to_head() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _backups_in_tmp(settings, tmp_path):
    """Snapshots and backups of these tests go to a temporary directory."""
    settings.DOGGY_BACKUP_DIR = tmp_path / "backups"


@pytest.fixture
def migrating_db(transactional_db):
    """The test database, outside any transaction; put back at head afterwards.

    The rows the migrations seeded (roles, permissions, settings, the system user) are
    put back first, since the flush after any earlier transactional test removed them
    and `plan verify` checks for them. (Serialized rollback would do the same but breaks
    when an earlier flush re-created the content types it restores.)
    """
    if not MigrationRecorder(connection).has_table():
        pytest.skip("migrations are disabled (--nomigrations): nothing to migrate")
    reseed()
    yield connection
    try:
        migrate_to_head()
    except Exception:  # noqa: BLE001 - a failed test may leave a half-migrated schema
        _recover_connection()
        empty_database()
        migrate_to_head()


def _recover_connection() -> None:
    """Leave a transaction that a failed migration left open.

    When a migration fails on SQLite, the schema editor's exit raises in its constraint
    check before it closes its atomic block, so the connection stays inside a broken
    transaction that no `with` statement will ever exit.
    """
    connection.needs_rollback = False
    connection.in_atomic_block = False
    connection.savepoint_ids = []
    connection.rollback()
    connection.set_autocommit(True)
    if connection.vendor == "sqlite":
        connection.enable_constraint_checking()
