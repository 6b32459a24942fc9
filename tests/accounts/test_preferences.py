"""User settings (plan 008): get-or-create and validated, audited updates."""

from __future__ import annotations

import datetime

import pytest

from accounts.models import UserSettings
from accounts.services import user_settings_get_or_create, user_settings_update
from audit.models import AuditLog
from doggy.core.errors import ApplicationError, PermissionDeniedError
from tests.accounts.factories import (
    UserFactory,
    UserRoleFactory,
    UserSettingsFactory,
    system_rbac,
)

pytestmark = pytest.mark.django_db


def test_get_or_create_makes_one_row_with_defaults(user):
    first = user_settings_get_or_create(user=user)
    second = user_settings_get_or_create(user=user)

    assert first.pk == second.pk == user.pk
    assert UserSettings.objects.filter(user=user).count() == 1
    assert (first.theme, first.time_format, first.week_start) == ("System", 12, "Sunday")
    assert (first.distance_unit, first.weight_unit, first.currency) == ("mi", "lb", "USD")
    assert (first.quiet_hours_start, first.quiet_hours_end) == (None, None)


def test_user_updates_own_settings(user):
    UserSettingsFactory(user=user)

    settings = user_settings_update(
        actor=user,
        user=user,
        theme="Dark",
        time_format=24,
        weight_unit="kg",
        currency="eur",
        quiet_hours_start=datetime.time(22, 0),
        quiet_hours_end=datetime.time(7, 0),
        marketing_emails_opt_in=False,
    )

    fresh = UserSettings.objects.get(user=user)
    assert (fresh.theme, fresh.time_format, fresh.weight_unit, fresh.currency) == (
        "Dark",
        24,
        "kg",
        "EUR",
    )
    assert (fresh.quiet_hours_start, fresh.quiet_hours_end) == (
        datetime.time(22, 0),
        datetime.time(7, 0),
    )
    assert settings.theme == "Dark"
    log = AuditLog.objects.get()
    assert (log.action, log.entity_type, log.user_id) == (
        "Update",
        "accounts.UserSettings",
        user.pk,
    )
    # marketing_emails_opt_in did not change, so it is not part of the record.
    assert log.old_values == {
        "theme": "System",
        "time_format": 12,
        "weight_unit": "lb",
        "currency": "USD",
        "quiet_hours_start": None,
        "quiet_hours_end": None,
    }
    assert log.new_values["quiet_hours_start"] == "22:00:00"


def test_update_creates_the_row_for_older_accounts(user):
    user_settings_update(actor=user, user=user, digest_frequency="Daily")

    assert UserSettings.objects.get(user=user).digest_frequency == "Daily"


def test_unchanged_values_write_nothing(user):
    UserSettingsFactory(user=user)

    user_settings_update(actor=user, user=user, theme="System")

    assert not AuditLog.objects.exists()


@pytest.mark.parametrize(
    ("_case", "fields", "field"),
    [
        ("start only", {"quiet_hours_start": datetime.time(22, 0)}, "quiet_hours_end"),
        ("end only", {"quiet_hours_end": datetime.time(7, 0)}, "quiet_hours_start"),
        (
            "empty window",
            {"quiet_hours_start": datetime.time(7, 0), "quiet_hours_end": datetime.time(7, 0)},
            "quiet_hours_end",
        ),
        ("bad theme", {"theme": "Neon"}, "theme"),
        ("bad time format", {"time_format": 13}, "time_format"),
        ("bad week start", {"week_start": "Friday"}, "week_start"),
        ("bad unit", {"distance_unit": "ly"}, "distance_unit"),
        ("bad digest", {"digest_frequency": "Hourly"}, "digest_frequency"),
        ("bad visibility", {"profile_visibility": "Friends"}, "profile_visibility"),
        ("bad currency", {"currency": "EURO"}, "currency"),
        ("bad date format", {"date_format": "YY/M/D"}, "date_format"),
        ("bad extra", {"extra": ["not", "an", "object"]}, "extra"),
    ],
)
def test_invalid_settings_are_refused(user, _case, fields, field):
    UserSettingsFactory(user=user)
    before = UserSettings.objects.values().get(user=user)

    with pytest.raises(ApplicationError) as exc:
        user_settings_update(actor=user, user=user, **fields)

    assert exc.value.code == "invalid"
    assert list(exc.value.fields) == [field]
    assert UserSettings.objects.values().get(user=user) == before
    assert not AuditLog.objects.exists()


def test_clearing_both_quiet_hours_is_allowed(user):
    UserSettingsFactory(
        user=user, quiet_hours_start=datetime.time(22, 0), quiet_hours_end=datetime.time(7, 0)
    )

    user_settings_update(actor=user, user=user, quiet_hours_start=None, quiet_hours_end=None)

    fresh = UserSettings.objects.get(user=user)
    assert (fresh.quiet_hours_start, fresh.quiet_hours_end) == (None, None)


def test_settings_of_another_user_need_users_manage(user, other_user):
    UserSettingsFactory(user=other_user)
    admin = UserFactory()
    UserRoleFactory(user=admin, role=system_rbac()["Admin"])

    with pytest.raises(PermissionDeniedError):
        user_settings_update(actor=user, user=other_user, theme="Dark")
    assert UserSettings.objects.get(user=other_user).theme == "System"

    user_settings_update(actor=admin, user=other_user, theme="Dark")
    assert UserSettings.objects.get(user=other_user).theme == "Dark"


def test_unknown_fields_are_a_programming_error(user):
    with pytest.raises(TypeError):
        user_settings_update(actor=user, user=user, user_id="someone-else")
