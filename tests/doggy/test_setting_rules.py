"""Every seeded setting has a ValidationRule (doggy/0004), and every write path enforces it."""

from __future__ import annotations

import importlib
import json
import logging
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.services.sessions import user_session_create
from audit.models import AuditLog
from doggy.core.errors import ApplicationError
from doggy.models import SystemSetting
from doggy.selectors import setting_int, setting_json
from doggy.services import system_setting_update, system_setting_validate
from tests.doggy.factories import SystemSettingFactory

SEED = importlib.import_module("doggy.migrations.0002_seed_system_settings")
RULES = importlib.import_module("doggy.migrations.0004_setting_validation_rules")
SEEDED = {key: (value, data_type) for key, value, data_type, *_ in SEED.SETTINGS}
MIGRATION_LOG = "doggy.migrations"


def _editor():
    return SimpleNamespace(connection=connection)


def _seed_without_rules() -> None:
    """The seeded rows as `doggy/0002` left them: seed values and no rule."""
    SEED.seed_settings(apps, _editor())
    SystemSetting.objects.filter(setting_key__in=SEEDED).update(validation_rule=None)
    for key, (value, _data_type) in SEEDED.items():
        SystemSetting.objects.filter(setting_key=key).update(setting_value=value)


@pytest.fixture
def seeded(db):
    """The seeded rows at the head of the migrations: seed values and their rules.

    An earlier transactional test may have flushed the seed rows, so the two data
    migrations' own forward functions put them back (both are idempotent).
    """
    _seed_without_rules()
    RULES.set_validation_rules(apps, _editor())


def _rules() -> dict[str, str | None]:
    return dict(
        SystemSetting.objects.filter(setting_key__in=SEEDED).values_list(
            "setting_key", "validation_rule"
        )
    )


# --- The rules ------------------------------------------------------------------------------


def test_every_seeded_setting_has_a_rule_for_its_data_type():
    assert set(RULES.RULES) == set(SEEDED)
    assert {key: data_type for key, (data_type, _) in RULES.RULES.items()} == {
        key: data_type for key, (_, data_type) in SEEDED.items()
    }


@pytest.mark.parametrize("key", sorted(SEEDED))
def test_each_rule_is_a_json_schema_the_service_accepts_and_the_seed_value_satisfies(key):
    # given the rule as it is stored
    data_type, schema = RULES.RULES[key]
    rule = RULES.rule_text(schema)

    # then it fits ValidationRule, and the service reads it as a JSON Schema that the
    # seeded default passes
    assert len(rule) <= SystemSetting._meta.get_field("validation_rule").max_length
    assert isinstance(json.loads(rule), dict)
    value = SEEDED[key][0]
    assert system_setting_validate(data_type=data_type, value=value, validation_rule=rule) == value


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("Security.MaxFailedLogins", 0, id="max_failed_logins_zero"),
        pytest.param("Security.MaxFailedLogins", -5, id="max_failed_logins_negative"),
        pytest.param("Security.MaxFailedLogins", 999_999_999_999, id="max_failed_logins_huge"),
        pytest.param("Security.MaxFailedLogins", 2, id="max_failed_logins_below_3"),
        pytest.param("Security.MaxFailedLogins", 101, id="max_failed_logins_above_100"),
        pytest.param("Security.LockoutMinutes", 0, id="lockout_minutes_zero"),
        pytest.param("Platform.SessionTimeoutMinutes", 0, id="session_timeout_zero"),
        pytest.param("Messaging.MaxFileSize", 0, id="max_file_size_zero"),
        pytest.param("Messaging.MaxFileSize", 10**12, id="max_file_size_terabyte"),
        pytest.param("KYC.MaxAttempts", 0, id="kyc_attempts_zero"),
        pytest.param("Calendar.SlotHoldMinutes", -1, id="slot_hold_negative"),
        pytest.param("AI.DailyRequestLimit", -1, id="ai_requests_negative"),
        pytest.param("Files.AllowedContentTypes", ["text/html"], id="content_types_html"),
        pytest.param("Files.AllowedContentTypes", ["image/svg+xml"], id="content_types_svg"),
        pytest.param(
            "Files.AllowedContentTypes", ["image/png", "text/plain"], id="content_types_mixed"
        ),
        pytest.param("Files.AllowedContentTypes", [], id="content_types_empty"),
        pytest.param(
            "Files.AllowedContentTypes", ["image/png", "image/png"], id="content_types_repeated"
        ),
        pytest.param("Files.AllowedContentTypes", {"png": True}, id="content_types_not_a_list"),
    ],
)
def test_a_rule_refuses_values_that_break_the_platform(key, value):
    data_type, schema = RULES.RULES[key]

    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(
            data_type=data_type, value=value, validation_rule=RULES.rule_text(schema)
        )

    assert list(excinfo.value.message_dict) == ["setting_value"]
    assert excinfo.value.message_dict["setting_value"][0].startswith(
        "Does not match the setting's JSON Schema"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("Security.MaxFailedLogins", 3, id="max_failed_logins_lowest"),
        pytest.param("Security.MaxFailedLogins", 100, id="max_failed_logins_highest"),
        pytest.param("AI.DailyRequestLimit", 0, id="ai_switched_off"),
        pytest.param("Files.AllowedContentTypes", ["application/pdf"], id="content_types_pdf"),
        pytest.param("Platform.MaintenanceMode", True, id="maintenance_on"),
    ],
)
def test_a_rule_accepts_the_values_at_its_bounds(key, value):
    data_type, schema = RULES.RULES[key]

    system_setting_validate(
        data_type=data_type, value=value, validation_rule=RULES.rule_text(schema)
    )


# --- Every write path enforces them -----------------------------------------------------------

BREAKING_WRITES = [
    pytest.param("Security.MaxFailedLogins", 0, "5", id="max_failed_logins_zero"),
    pytest.param("Security.MaxFailedLogins", -5, "5", id="max_failed_logins_negative"),
    pytest.param("Security.MaxFailedLogins", 999_999_999_999, "5", id="max_failed_logins_huge"),
    pytest.param(
        "Files.AllowedContentTypes",
        ["text/html"],
        '["image/jpeg","image/png","image/webp","application/pdf"]',
        id="content_types_html",
    ),
]


@pytest.mark.parametrize(("key", "value", "before"), BREAKING_WRITES)
def test_the_service_refuses_a_breaking_value_and_writes_nothing(
    seeded, superuser, key, value, before
):
    # when a superuser sets a value the rule refuses
    with pytest.raises(ApplicationError) as excinfo:
        system_setting_update(actor=superuser, key=key, value=value)

    # then nothing is written and nothing audited
    assert excinfo.value.code == "setting_invalid"
    assert excinfo.value.status_code == 400
    assert list(excinfo.value.fields) == ["setting_value"]
    assert SystemSetting.objects.get(setting_key=key).setting_value == before
    assert AuditLog.objects.count() == 0


@pytest.mark.parametrize(("key", "value", "before"), BREAKING_WRITES)
def test_the_admin_refuses_a_breaking_value_and_writes_nothing(
    seeded, client, superuser, key, value, before
):
    # given a superuser on the setting's change page
    client.force_login(superuser)
    setting = SystemSetting.objects.get(setting_key=key)
    typed = value if isinstance(value, int) else json.dumps(value)

    # when the form is saved with the value
    response = client.post(
        reverse("admin:doggy_systemsetting_change", args=[setting.pk]), {"value": str(typed)}
    )

    # then the form shows the rule's error on the value, and nothing is written
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["value"]
    assert errors["value"][0].startswith("Does not match the setting's JSON Schema")
    assert SystemSetting.objects.get(setting_key=key).setting_value == before
    assert AuditLog.objects.count() == 0


@pytest.mark.parametrize(("key", "value", "before"), BREAKING_WRITES)
def test_the_staff_api_refuses_a_breaking_value_and_writes_nothing(
    seeded, superuser, key, value, before
):
    # given a superuser signed in to the API
    client = APIClient()
    issued = user_session_create(user=superuser)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.access_token}")

    # when the value is sent
    response = client.put(f"/api/v1/admin/settings/{key}/", {"value": value}, format="json")

    # then a 400 in the one error shape, naming the value, and nothing is written
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "setting_invalid"
    assert list(error["fields"]) == ["setting_value"]
    assert error["message"].startswith("Does not match the setting's JSON Schema")
    assert SystemSetting.objects.get(setting_key=key).setting_value == before
    assert AuditLog.objects.count() == 0


def test_a_value_inside_the_rule_is_still_saved(seeded, superuser):
    # when a superuser sets values the rules accept
    system_setting_update(actor=superuser, key="Security.MaxFailedLogins", value=10)
    system_setting_update(
        actor=superuser, key="Files.AllowedContentTypes", value=["image/png", "image/gif"]
    )

    # then they are stored and read back
    assert setting_int("Security.MaxFailedLogins") == 10
    assert setting_json("Files.AllowedContentTypes") == ["image/png", "image/gif"]


# --- The data migration -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_migration_gives_every_seeded_row_its_rule_and_a_second_run_changes_nothing(
    caplog,
):
    # given the seeded rows without rules
    _seed_without_rules()

    # when the forward step runs twice
    with caplog.at_level(logging.WARNING, logger=MIGRATION_LOG):
        RULES.set_validation_rules(apps, _editor())
        first = _rules()
        RULES.set_validation_rules(apps, _editor())

    # then every seeded row has its rule, the second run changed nothing, and the seed
    # values, which all satisfy their rules, caused no report
    assert first == {key: RULES.rule_text(schema) for key, (_, schema) in RULES.RULES.items()}
    assert _rules() == first
    assert caplog.records == []


@pytest.mark.django_db
def test_the_migration_reports_a_stored_value_that_breaks_its_rule_and_keeps_it(caplog):
    # given operators had set values the new rules refuse
    _seed_without_rules()
    SystemSetting.objects.filter(setting_key="Security.MaxFailedLogins").update(setting_value="0")
    SystemSetting.objects.filter(setting_key="Files.AllowedContentTypes").update(
        setting_value='["text/html"]'
    )

    # when the forward step runs
    with caplog.at_level(logging.WARNING, logger=MIGRATION_LOG):
        RULES.set_validation_rules(apps, _editor())

    # then both rows get their rule, keep their value, and are reported by key
    rows = {
        row.setting_key: row
        for row in SystemSetting.objects.filter(
            setting_key__in=["Security.MaxFailedLogins", "Files.AllowedContentTypes"]
        )
    }
    assert rows["Security.MaxFailedLogins"].setting_value == "0"
    assert rows["Files.AllowedContentTypes"].setting_value == '["text/html"]'
    assert all(row.validation_rule for row in rows.values())
    assert sorted(r.getMessage() for r in caplog.records) == [
        "SystemSettings Files.AllowedContentTypes breaks its new ValidationRule "
        "('text/html' is not one of ['image/jpeg', 'image/png', 'image/webp', 'image/gif', "
        "'application/pdf']); fix it in the admin.",
        "SystemSettings Security.MaxFailedLogins breaks its new ValidationRule "
        "(0 is less than the minimum of 3); fix it in the admin.",
    ]
    assert {r.levelno for r in caplog.records} == {logging.WARNING}


@pytest.mark.django_db
def test_the_migration_keeps_a_rule_an_operator_set_and_skips_a_row_of_another_type(caplog):
    # given one seeded row with an operator's own rule, and one whose type was changed
    _seed_without_rules()
    SystemSettingFactory(
        setting_key="Security.LockoutMinutes",
        setting_value="30",
        data_type="Integer",
        category="Security",
        validation_rule=r"[1-9][0-9]?",
    )
    SystemSettingFactory(
        setting_key="Calendar.SlotHoldMinutes",
        setting_value="ten",
        data_type="String",
        category="Calendar",
    )

    # when the forward step runs
    with caplog.at_level(logging.WARNING, logger=MIGRATION_LOG):
        RULES.set_validation_rules(apps, _editor())

    # then the operator's rule stays, the retyped row gets none and is reported
    rules = _rules()
    assert rules["Security.LockoutMinutes"] == r"[1-9][0-9]?"
    assert rules["Calendar.SlotHoldMinutes"] is None
    assert [r.getMessage() for r in caplog.records] == [
        "SystemSettings Calendar.SlotHoldMinutes is of type String, not Integer: "
        "no ValidationRule was set."
    ]


@pytest.mark.django_db
def test_the_reverse_restores_no_rule_only_where_the_migration_put_one():
    # given the migrated rows, one of which an operator had given a rule of their own
    _seed_without_rules()
    SystemSetting.objects.filter(setting_key="Security.LockoutMinutes").update(
        validation_rule=r"[1-9][0-9]?"
    )
    RULES.set_validation_rules(apps, _editor())

    # when the reverse step runs
    RULES.clear_validation_rules(apps, _editor())

    # then every rule the migration set is NULL again, and the operator's rule stays
    assert _rules() == {
        key: (r"[1-9][0-9]?" if key == "Security.LockoutMinutes" else None) for key in SEEDED
    }


@pytest.fixture
def migrated_afterwards(transactional_db, request):
    if request.config.getoption("nomigrations", default=False):
        pytest.skip("exercises the migrations, which --nomigrations turns off")
    yield
    call_command("migrate", "doggy", verbosity=0, interactive=False, skip_checks=True)


@pytest.mark.slow
def test_the_migration_runs_both_ways_through_migrate(migrated_afterwards, caplog):
    # given the seeded rows at the head of the migrations, one value the rules refuse
    _seed_without_rules()
    RULES.set_validation_rules(apps, _editor())

    # when doggy goes back to 0003, then its rules are gone
    call_command(
        "migrate", "doggy", "0003_stored_files", verbosity=0, interactive=False, skip_checks=True
    )
    assert set(_rules().values()) == {None}
    SystemSetting.objects.filter(setting_key="Security.MaxFailedLogins").update(setting_value="0")

    # when it migrates forward again, then every rule is back, the value is kept, reported
    with caplog.at_level(logging.WARNING, logger=MIGRATION_LOG):
        call_command("migrate", "doggy", verbosity=0, interactive=False, skip_checks=True)
    assert _rules() == {key: RULES.rule_text(schema) for key, (_, schema) in RULES.RULES.items()}
    assert SystemSetting.objects.get(setting_key="Security.MaxFailedLogins").setting_value == "0"
    assert [r.getMessage() for r in caplog.records] == [
        "SystemSettings Security.MaxFailedLogins breaks its new ValidationRule "
        "(0 is less than the minimum of 3); fix it in the admin."
    ]
