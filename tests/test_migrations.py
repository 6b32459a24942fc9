"""Phase 1's migrations run both ways, keep adopted data and seed idempotently.

Every test ends with the database migrated to the latest state, so the tests that run
after these find the schema they expect.
"""

from __future__ import annotations

import importlib
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from accounts.models import Role, User, UserRole

pytestmark = [pytest.mark.slow]


@pytest.fixture(autouse=True)
def _needs_migrations(request):
    if request.config.getoption("nomigrations", default=False):
        pytest.skip("exercises the migrations, which --nomigrations turns off")


SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"
# The shape of an ASP.NET Core Identity V3 hash (base64, 84 characters); kept as it is.
IDENTITY_V3_HASH = "AQAAAAIAAYagAAAAE" + "x" * 67

# The project's apps, dependents before the apps they depend on.
PROJECT_APPS = ["messaging", "audit", "ai", "billing", "scheduling", "pets", "doggy", "accounts"]
MIGRATED_APPS = [
    app
    for app in PROJECT_APPS
    if any(label == app for label, _ in MigrationLoader(None).disk_migrations)
]


def _state_tables(*app_labels: str) -> set[str]:
    """The tables the latest migration state gives these apps (many-to-many ones included)."""
    state_apps = MigrationLoader(connection).project_state().apps
    return {
        model._meta.db_table
        for model in state_apps.get_models(include_auto_created=True)
        if model._meta.app_label in app_labels and model._meta.managed and not model._meta.proxy
    }


def _migrate(*args: str) -> None:
    # System checks belong to `manage.py check`; here only the migrations are exercised.
    call_command("migrate", *args, verbosity=0, interactive=False, skip_checks=True)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {t.name for t in connection.introspection.get_table_list(cursor)}


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def _execute(sql: str, params: list | None = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchall() if cursor.description else []


def _insert(table: str, values: dict[str, object]) -> None:
    columns = ", ".join(_qn(c) for c in values)
    placeholders = ", ".join(["%s"] * len(values))
    _execute(
        f"INSERT INTO {_qn(table)} ({columns}) VALUES ({placeholders})",  # noqa: S608 - quoted names
        list(values.values()),
    )


def _identity_user(user_id: str, email: str | None, password: str | None = None) -> None:
    """A `Users` row as ASP.NET Core Identity writes it (accounts/0001's columns only)."""
    _insert(
        "Users",
        {
            "Id": user_id,
            "UserName": user_id,
            "NormalizedUserName": user_id.upper(),
            "Email": email,
            "NormalizedEmail": email.upper() if email else None,
            "EmailConfirmed": True,
            "PasswordHash": password,
            "SecurityStamp": "STAMP",
            "ConcurrencyStamp": "c0ffee",
            "PhoneNumberConfirmed": False,
            "TwoFactorEnabled": False,
            "LockoutEnabled": True,
            "AccessFailedCount": 0,
        },
    )


def _identity_role(name: str) -> int:
    _insert("Roles", {"Name": name, "NormalizedName": name.upper(), "ConcurrencyStamp": "s"})
    rows = _execute(
        f"SELECT {_qn('Id')} FROM {_qn('Roles')} WHERE {_qn('Name')} = %s",  # noqa: S608
        [name],
    )
    return rows[0][0]


@pytest.fixture
def migrated_afterwards(transactional_db):
    """Leave the database at the latest state, also when a test stops half-way."""
    yield
    try:
        _migrate()
    except Exception:
        # Rows a failed test left at the Identity baseline may block the way forward.
        for table in ("UserRoles", "Roles", "Users"):
            _execute(f"DELETE FROM {_qn(table)}")  # noqa: S608
        _migrate()


def test_every_app_migrates_to_zero_and_back(migrated_afterwards):
    # given a fully migrated database
    every_table = _state_tables(*MIGRATED_APPS)
    assert _tables() >= every_table

    # when each app in turn is migrated to zero, dependents first
    for app in MIGRATED_APPS:
        app_tables = _state_tables(app)
        _migrate(app, "zero")

        # then its tables are gone
        assert app_tables
        assert not app_tables & _tables(), f"{app} left tables behind"

    # when everything is migrated again, then every table is back
    _migrate()
    assert _tables() >= every_table


# Identity users whose e-mails cannot become the unique login, by the reason why.
UNADOPTABLE_EMAILS = {
    "missing email": ["rex@example.com", None],
    "case-insensitive duplicate": ["Rex@Example.com", "rex@example.COM"],
}


def _assert_auth_columns_refuse(emails: list[str | None]) -> None:
    """accounts/0002 stops on these users and rolls back as a whole."""
    module = importlib.import_module("accounts.migrations.0002_django_auth_columns")
    for number, email in enumerate(emails):
        _identity_user(f"bad-{number}", email, password="AQAAAAEAACcQ")

    with pytest.raises(module.UnadoptableUsersError):
        _migrate("accounts", "0002_django_auth_columns")

    assert ("accounts", "0002_django_auth_columns") not in (
        MigrationLoader(connection).applied_migrations
    )
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(cursor, "Users")}
    assert "IsActive" not in columns
    stored = _execute(f"SELECT {_qn('Email')} FROM {_qn('Users')}")  # noqa: S608
    assert {email for (email,) in stored} == set(emails)
    _execute(f"DELETE FROM {_qn('Users')}")  # noqa: S608


def test_identity_database_is_adopted_with_its_role_assignments(migrated_afterwards):
    # given the Identity baseline (one rewind serves every step: migrations are slow)
    _migrate("accounts", "0001_baseline_identity")

    # when its users have no unique e-mail, then the Django columns migration refuses them
    for emails in UNADOPTABLE_EMAILS.values():
        _assert_auth_columns_refuse(emails)

    # given a valid user, two roles and their two assignments, as Identity writes them
    _identity_user("legacy-user", "Rex.Owner@Example.COM", password=None)
    _identity_user("legacy-hashed", "walker@example.com", password=IDENTITY_V3_HASH)
    pet_owner = _identity_role("PetOwner")
    editor = _identity_role("LegacyEditor")
    for role_id in (pet_owner, editor):
        _insert("UserRoles", {"UserId": "legacy-user", "RoleId": role_id})

    # when the database is migrated to the latest state
    _migrate()

    # then both assignments survived with surrogate ids, attributed to the system user
    assignments = list(UserRole.objects.filter(user_id="legacy-user").order_by("role_id"))
    assert [a.role_id for a in assignments] == [pet_owner, editor]
    assert all(isinstance(a.id, int) for a in assignments)
    assert len({a.id for a in assignments}) == 2
    assert {a.assigned_by_id for a in assignments} == {SYSTEM_USER_ID}
    assert all(a.is_active for a in assignments)
    assert all(a.assigned_at is not None for a in assignments)

    # and the user was brought to Django's shape: lower-case login, unusable password
    user = User.objects.get(pk="legacy-user")
    assert user.email == "rex.owner@example.com"
    assert user.has_usable_password() is False
    assert (user.is_active, user.account_status) == (True, "Active")
    assert User.objects.get(pk="legacy-hashed").password == IDENTITY_V3_HASH

    # and the existing PetOwner role became the seeded system role instead of a duplicate
    assert Role.objects.filter(normalized_name="PETOWNER").count() == 1
    assert Role.objects.get(pk=pet_owner).is_system_role is True
    assert Role.objects.get(pk=editor).is_system_role is False


SEED_MIGRATIONS = [
    ("accounts", "0005_seed_rbac", "seed_rbac", "unseed_rbac"),
    ("doggy", "0002_seed_system_settings", "seed_settings", "unseed_settings"),
]
SEEDED_TABLES = ["Roles", "Permissions", "RolePermissions", "SystemSettings"]


def _row_counts() -> dict[str, int]:
    return {
        table: _execute(f"SELECT COUNT(*) FROM {_qn(table)}")[0][0]  # noqa: S608
        for table in SEEDED_TABLES
    }


def _run_seed(app: str, name: str, function: str) -> None:
    module = importlib.import_module(f"{app}.migrations.{name}")
    state = MigrationLoader(connection).project_state((app, name), at_end=True)
    getattr(module, function)(state.apps, SimpleNamespace(connection=connection))


@pytest.mark.parametrize(
    ("app", "name", "forward", "backward"), SEED_MIGRATIONS, ids=[m[1] for m in SEED_MIGRATIONS]
)
def test_seed_migration_is_idempotent_and_reversible(
    transactional_db, app, name, forward, backward
):
    # given the seed rows (made sure of, since a flushed database has none)
    _run_seed(app, name, forward)
    seeded = _row_counts()

    # when the seed runs again
    _run_seed(app, name, forward)

    # then nothing changed
    assert _row_counts() == seeded

    # when it is reversed, then only its rows are gone; seeding again restores them
    _run_seed(app, name, backward)
    removed = {t: seeded[t] - n for t, n in _row_counts().items() if seeded[t] != n}
    expected_removed = {
        "0005_seed_rbac": {"Roles": 4, "Permissions": 9, "RolePermissions": 14},
        "0002_seed_system_settings": {"SystemSettings": 17},
    }[name]
    assert removed == expected_removed
    _run_seed(app, name, forward)
    assert _row_counts() == seeded


def test_models_have_no_unmigrated_changes(transactional_db):
    # when makemigrations checks every app against its migrations
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, skip_checks=True, stdout=out)
        exit_code = 0
    except SystemExit as exit_:
        exit_code = exit_.code

    # then there is nothing to generate
    assert exit_code == 0, out.getvalue()
