"""The seed rows after a flush: what the data migrations wrote, put back.

A transactional test (`django_db(transaction=True)`) ends with Django's flush, which
empties every table, the rows the data migrations seeded included (roles, permissions,
settings, categories, the free plan). The next test on the same worker would then find
a database that `migrate` never leaves behind, and which tests see it depends on the
order they run in (tests/ordering.py runs the long transactional ones first). Flush
sends `post_migrate` afterwards (without a `plan`, which is how a flush is told from a
migrate); the receiver here puts the seed rows back through the seed migrations' own
forward functions, so every test starts from the migrated state.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models.signals import post_migrate

# The data migrations that seed rows (idempotent, keyed on natural keys), in plan order.
SEED_STEPS = (
    ("accounts", "0004_rbac_permissions", "create_system_user"),
    ("accounts", "0005_seed_rbac", "seed_rbac"),
    ("doggy", "0002_seed_system_settings", "seed_settings"),
    ("doggy", "0004_setting_validation_rules", "set_validation_rules"),
    ("scheduling", "0002_seed_service_categories", "seed_categories"),
    ("billing", "0002_seed_free_plan", "seed_free_plan"),
    ("accounts", "0013_seed_credential_types", "seed_credential_types"),
    ("billing", "0006_seed_expense_categories", "seed_categories"),
)


def reseed(using: str = "default") -> None:
    """Put the seed rows back (after a flush, or before a test that needs them).

    Runs the seed migrations' own forward functions (idempotent) against the current
    models, which at head are the migrations' final state.
    """
    editor = SimpleNamespace(connection=connections[using])
    for app_label, migration, function in SEED_STEPS:
        module = importlib.import_module(f"{app_label}.migrations.{migration}")
        getattr(module, function)(apps, editor)
    ContentType.objects.clear_cache()


def _after_flush(sender, using="default", **kwargs) -> None:
    if "plan" in kwargs:
        return  # a migrate: the migrations seed what they seed
    if sender is not list(apps.get_app_configs())[-1]:
        return  # flush signals every app; reseed once, after the last
    reseed(using)


post_migrate.connect(_after_flush, weak=False, dispatch_uid="tests.seeds.after_flush")
