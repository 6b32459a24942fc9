"""System settings: typed reads, validation, writes, cache coherence, staff listing."""

from __future__ import annotations

import decimal
import urllib.request

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from audit.models import AuditLog
from doggy.choices import SettingDataType
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.models import SystemSetting
from doggy.selectors import (
    SettingTypeError,
    SettingValueError,
    setting_bool,
    setting_decimal,
    setting_display_value,
    setting_get,
    setting_int,
    setting_json,
    setting_str,
    system_setting_list,
)
from doggy.services import system_setting_create, system_setting_update, system_setting_validate
from tests.accounts.factories import UserFactory
from tests.doggy.factories import SystemSettingFactory

pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    """Raised at the end of a block to roll its transaction back."""


def _in_rolled_back_transaction(body) -> None:
    try:
        with transaction.atomic():
            body()
            raise _Rollback
    except _Rollback:
        pass


# --- Typed reads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "data_type", "stored", "expected"),
    [
        ("string", SettingDataType.STRING, " keep spaces ", " keep spaces "),
        ("integer", SettingDataType.INTEGER, "120", 120),
        ("negative_integer", SettingDataType.INTEGER, "-3", -3),
        ("boolean_true_any_case", SettingDataType.BOOLEAN, "TRUE", True),
        ("boolean_false", SettingDataType.BOOLEAN, "false", False),
        (
            "json_list",
            SettingDataType.JSON,
            '["image/png","application/pdf"]',
            ["image/png", "application/pdf"],
        ),  # noqa: E501
        ("json_object", SettingDataType.JSON, '{"a": {"b": [1, 2]}}', {"a": {"b": [1, 2]}}),
        ("decimal", SettingDataType.DECIMAL, "12.50", decimal.Decimal("12.50")),
    ],
)
def test_setting_get_returns_the_value_typed_by_its_data_type(_case, data_type, stored, expected):
    # given
    SystemSettingFactory(setting_key="Test.Typed", data_type=data_type, setting_value=stored)

    # when
    value = setting_get("Test.Typed")

    # then
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("_case", "getter", "data_type", "stored", "expected"),
    [
        ("str", setting_str, SettingDataType.STRING, "hello", "hello"),
        ("int", setting_int, SettingDataType.INTEGER, "42", 42),
        ("bool", setting_bool, SettingDataType.BOOLEAN, "True", True),
        ("json", setting_json, SettingDataType.JSON, '{"x": 1}', {"x": 1}),
        ("decimal", setting_decimal, SettingDataType.DECIMAL, "0.25", decimal.Decimal("0.25")),
    ],
)
def test_typed_getters_read_their_type(_case, getter, data_type, stored, expected):
    # given
    SystemSettingFactory(setting_key="Test.Getter", data_type=data_type, setting_value=stored)

    # when
    value = getter("Test.Getter", None)

    # then
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("_case", "getter", "default"),
    [
        ("str", setting_str, "fallback"),
        ("int", setting_int, 5),
        ("bool", setting_bool, True),
        ("json", setting_json, ["image/png"]),
        ("decimal", setting_decimal, decimal.Decimal("1.5")),
        ("untyped", setting_get, 7),
    ],
)
def test_getters_return_the_default_when_the_row_is_missing(_case, getter, default):
    assert getter("Test.DoesNotExist", default) == default


def test_getters_return_none_when_the_row_is_missing_and_no_default_is_given():
    assert setting_int("Test.DoesNotExist") is None


def test_typed_getter_on_a_row_of_another_type_raises_a_clear_error():
    # given
    SystemSettingFactory(
        setting_key="Test.Limit", data_type=SettingDataType.INTEGER, setting_value="100"
    )

    # when / then
    with pytest.raises(SettingTypeError, match=r"'Test.Limit' is of type Integer, not Boolean"):
        setting_bool("Test.Limit", False)


@pytest.mark.parametrize(
    ("_case", "data_type", "stored"),
    [
        ("boolean_yes", SettingDataType.BOOLEAN, "yes"),
        ("integer_float", SettingDataType.INTEGER, "1.5"),
        ("decimal_word", SettingDataType.DECIMAL, "ten"),
        ("json_broken", SettingDataType.JSON, "{oops"),
    ],
)
def test_a_stored_value_that_does_not_parse_raises_without_quoting_it(_case, data_type, stored):
    # given: a row edited outside the application
    SystemSettingFactory(setting_key="Test.Corrupt", data_type=data_type, setting_value=stored)

    # when / then
    with pytest.raises(SettingValueError) as excinfo:
        setting_get("Test.Corrupt")
    assert str(excinfo.value) == (
        f"System setting 'Test.Corrupt' does not hold a valid {data_type} value."
    )


# --- Validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "data_type", "value", "canonical"),
    [
        ("string", SettingDataType.STRING, "x y", "x y"),
        ("bool_python", SettingDataType.BOOLEAN, True, "true"),
        ("bool_string_any_case", SettingDataType.BOOLEAN, " False ", "false"),
        ("int_python", SettingDataType.INTEGER, 7, "7"),
        ("int_string", SettingDataType.INTEGER, " +12 ", "12"),
        ("decimal_python", SettingDataType.DECIMAL, decimal.Decimal("1.50"), "1.50"),
        ("decimal_float", SettingDataType.DECIMAL, 0.1, "0.1"),
        ("decimal_exponent", SettingDataType.DECIMAL, "1E+2", "100"),
        ("json_python", SettingDataType.JSON, {"a": [1, "é"]}, '{"a":[1,"é"]}'),
        ("json_text", SettingDataType.JSON, "[1, 2]", "[1,2]"),
        ("json_string_value", SettingDataType.JSON, '"abc"', '"abc"'),
    ],
)
def test_validate_returns_the_canonical_string_form(_case, data_type, value, canonical):
    assert (
        system_setting_validate(data_type=data_type, value=value, validation_rule=None) == canonical
    )


@pytest.mark.parametrize(
    ("_case", "data_type", "value"),
    [
        ("int_fraction", SettingDataType.INTEGER, "12.5"),
        ("int_bool", SettingDataType.INTEGER, True),
        ("int_underscores", SettingDataType.INTEGER, "1_000"),
        ("bool_word", SettingDataType.BOOLEAN, "yes"),
        ("bool_number", SettingDataType.BOOLEAN, 1),
        ("decimal_nan", SettingDataType.DECIMAL, "NaN"),
        ("decimal_infinite_float", SettingDataType.DECIMAL, float("inf")),
        ("decimal_word", SettingDataType.DECIMAL, "abc"),
        ("json_broken", SettingDataType.JSON, "{bad"),
        ("json_nan", SettingDataType.JSON, "NaN"),
        ("json_unrepresentable", SettingDataType.JSON, {"when": object()}),
        ("string_not_text", SettingDataType.STRING, 5),
    ],
)
def test_validate_rejects_a_value_of_the_wrong_type(_case, data_type, value):
    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(data_type=data_type, value=value, validation_rule=None)
    assert list(excinfo.value.message_dict) == ["setting_value"]


def test_validate_applies_a_regex_rule_to_the_whole_string():
    rule = r"[a-z]+"
    assert system_setting_validate(data_type="String", value="abc", validation_rule=rule) == "abc"
    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(data_type="String", value="abc1", validation_rule=rule)
    assert excinfo.value.message_dict == {
        "setting_value": ["Does not match the setting's required pattern."]
    }


def test_validate_applies_a_json_schema_rule_to_the_parsed_value():
    rule = '{"type": "integer", "minimum": 1, "maximum": 10}'
    assert system_setting_validate(data_type="Integer", value="10", validation_rule=rule) == "10"
    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(data_type="Integer", value="11", validation_rule=rule)
    assert excinfo.value.message_dict == {
        "setting_value": [
            "Does not match the setting's JSON Schema at (root): 11 is greater than the "
            "maximum of 10."
        ]
    }


def test_validate_does_not_quote_the_value_of_an_encrypted_setting():
    rule = '{"type": "string", "minLength": 20}'
    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(
            data_type="String", value="sk_short", validation_rule=rule, is_encrypted=True
        )
    assert "sk_short" not in str(excinfo.value)
    assert excinfo.value.message_dict == {
        "setting_value": [
            "Does not match the setting's JSON Schema at (root): fails the 'minLength' rule."
        ]
    }


@pytest.mark.parametrize(
    ("_case", "rule"),
    [("bad_regex", "(unclosed"), ("bad_schema", '{"type": "nonsense"}')],
)
def test_validate_reports_an_invalid_rule_on_the_rule_field(_case, rule):
    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(data_type="String", value="x", validation_rule=rule)
    assert list(excinfo.value.message_dict) == ["validation_rule"]


def test_a_json_schema_rule_never_fetches_a_remote_ref(monkeypatch):
    # given
    fetched = []
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: fetched.append(a))
    rule = '{"$ref": "https://schemas.example.com/limit.json"}'

    # when
    with pytest.raises(ValidationError) as excinfo:
        system_setting_validate(data_type="Integer", value="1", validation_rule=rule)

    # then
    assert fetched == []
    assert excinfo.value.message_dict == {
        "validation_rule": [
            "The JSON Schema refers to 'https://schemas.example.com/limit.json', which is not "
            "available; keep the schema self-contained."
        ]
    }


# --- Update ---------------------------------------------------------------------------------


def test_update_stores_the_canonical_value_and_audits_the_change(superuser):
    # given
    setting = SystemSettingFactory(
        setting_key="Platform.SessionTimeoutMinutes",
        data_type=SettingDataType.INTEGER,
        setting_value="120",
    )

    # when
    updated = system_setting_update(
        actor=superuser, key="Platform.SessionTimeoutMinutes", value=" 90 "
    )

    # then
    setting.refresh_from_db()
    assert setting.setting_value == "90"
    assert setting.updated_by_id == superuser.pk
    assert updated.pk == setting.pk
    log = AuditLog.objects.get()
    assert log.action == "SettingChanged"
    assert log.entity_type == "doggy.SystemSetting"
    assert log.entity_id == str(setting.pk)
    assert log.user_id == superuser.pk
    assert log.actor_email == superuser.email
    assert log.old_values == {
        "setting_key": "Platform.SessionTimeoutMinutes",
        "setting_value": "120",
    }
    assert log.new_values == {
        "setting_key": "Platform.SessionTimeoutMinutes",
        "setting_value": "90",
    }


def test_update_accepts_the_instance_a_screen_holds_and_refreshes_it(superuser):
    # given
    held = SystemSettingFactory(
        setting_key="Test.Held", data_type=SettingDataType.INTEGER, setting_value="1"
    )

    # when
    system_setting_update(actor=superuser, setting=held, value="2")

    # then
    assert held.setting_value == "2"
    assert held.updated_by_id == superuser.pk
    assert SystemSetting.objects.get(setting_key="Test.Held").setting_value == "2"


@pytest.mark.parametrize("_case", ["neither", "both"])
def test_update_takes_exactly_one_of_key_and_setting(_case, superuser):
    held = SystemSettingFactory(setting_key="Test.Either", setting_value="old")
    kwargs = {} if _case == "neither" else {"key": "Test.Either", "setting": held}

    with pytest.raises(TypeError, match="exactly one of key and setting"):
        system_setting_update(actor=superuser, value="new", **kwargs)

    assert SystemSetting.objects.get(setting_key="Test.Either").setting_value == "old"


@pytest.mark.parametrize(
    ("_case", "data_type", "rule", "value"),
    [
        ("wrong_type", SettingDataType.INTEGER, None, "ninety"),
        ("regex_mismatch", SettingDataType.STRING, r"[A-Z]{2}", "gb"),
        (
            "json_schema_mismatch",
            SettingDataType.JSON,
            '{"type": "array", "items": {"type": "string"}}',
            [1],
        ),  # noqa: E501
    ],
)
def test_invalid_update_raises_field_errors_and_writes_nothing(
    _case, data_type, rule, value, superuser
):
    # given
    before = {
        SettingDataType.INTEGER: "30",
        SettingDataType.STRING: "GB",
        SettingDataType.JSON: '["a"]',
    }[data_type]
    SystemSettingFactory(
        setting_key="Test.Validated",
        data_type=data_type,
        validation_rule=rule,
        setting_value=before,
    )

    # when
    with pytest.raises(ApplicationError) as excinfo:
        system_setting_update(actor=superuser, key="Test.Validated", value=value)

    # then
    assert excinfo.value.code == "setting_invalid"
    assert excinfo.value.status_code == 400
    assert list(excinfo.value.fields) == ["setting_value"]
    assert SystemSetting.objects.get(setting_key="Test.Validated").setting_value == before
    assert AuditLog.objects.count() == 0


def test_update_with_an_unchanged_value_writes_no_audit_row(superuser):
    SystemSettingFactory(
        setting_key="Test.Same", data_type=SettingDataType.BOOLEAN, setting_value="true"
    )

    system_setting_update(actor=superuser, key="Test.Same", value=True)

    assert AuditLog.objects.count() == 0


def test_update_of_an_unknown_key_is_not_found(superuser):
    with pytest.raises(NotFoundError) as excinfo:
        system_setting_update(actor=superuser, key="Test.Nope", value="x")
    assert excinfo.value.code == "setting_not_found"


@pytest.mark.parametrize("_case", ["plain_user", "anonymous"])
def test_update_by_a_non_staff_user_is_denied_and_writes_nothing(_case, user):
    from django.contrib.auth.models import AnonymousUser

    actor = user if _case == "plain_user" else AnonymousUser()
    SystemSettingFactory(
        setting_key="Test.Guarded",
        setting_value="old",
        is_user_editable=True,
    )

    with pytest.raises(PermissionDeniedError) as excinfo:
        system_setting_update(actor=actor, key="Test.Guarded", value="new")

    assert excinfo.value.code == "permission_denied"
    assert SystemSetting.objects.get(setting_key="Test.Guarded").setting_value == "old"
    assert AuditLog.objects.count() == 0


def test_staff_who_are_not_superusers_edit_only_user_editable_settings(user_with_permission):
    # given
    admin = user_with_permission("system.admin")
    SystemSettingFactory(setting_key="Test.Locked", setting_value="old", is_user_editable=False)
    SystemSettingFactory(setting_key="Test.Open", setting_value="old", is_user_editable=True)

    # when
    with pytest.raises(PermissionDeniedError) as excinfo:
        system_setting_update(actor=admin, key="Test.Locked", value="new")
    system_setting_update(actor=admin, key="Test.Open", value="new")

    # then
    assert excinfo.value.code == "setting_not_editable"
    assert SystemSetting.objects.get(setting_key="Test.Locked").setting_value == "old"
    assert SystemSetting.objects.get(setting_key="Test.Open").setting_value == "new"
    assert AuditLog.objects.count() == 1


# --- Create ---------------------------------------------------------------------------------


def test_create_stores_a_validated_setting_and_audits_it(superuser):
    setting = system_setting_create(
        actor=superuser,
        key="Test.SlotHoldMinutes",
        value=10,
        data_type=SettingDataType.INTEGER,
        category="Calendar",
        description="Minutes a slot is held during checkout",
        validation_rule='{"type": "integer", "minimum": 1}',
    )

    setting.refresh_from_db()
    assert setting.setting_value == "10"
    assert setting.updated_by_id == superuser.pk
    assert setting_int("Test.SlotHoldMinutes", 0) == 10
    log = AuditLog.objects.get()
    assert log.action == "Create"
    assert log.entity_id == str(setting.pk)
    assert log.new_values["setting_value"] == "10"


def test_create_of_a_taken_key_conflicts_and_writes_nothing(superuser):
    SystemSettingFactory(setting_key="Test.Taken", setting_value="first")

    with pytest.raises(ConflictError) as excinfo:
        system_setting_create(
            actor=superuser,
            key="Test.Taken",
            value="second",
            data_type=SettingDataType.STRING,
            category="Test",
        )

    assert excinfo.value.code == "setting_exists"
    assert excinfo.value.status_code == 409
    assert SystemSetting.objects.get(setting_key="Test.Taken").setting_value == "first"
    assert AuditLog.objects.count() == 0


def test_create_reports_every_invalid_field_and_writes_nothing(superuser):
    with pytest.raises(ApplicationError) as excinfo:
        system_setting_create(
            actor=superuser,
            key="no dots here",
            value="x",
            data_type=SettingDataType.INTEGER,
            category="Test",
        )

    assert excinfo.value.code == "setting_invalid"
    assert sorted(excinfo.value.fields) == ["setting_key", "setting_value"]
    assert not SystemSetting.objects.filter(setting_key="no dots here").exists()
    assert AuditLog.objects.count() == 0


def test_create_by_a_plain_user_is_denied(user):
    with pytest.raises(PermissionDeniedError):
        system_setting_create(
            actor=user, key="Test.Mine", value="x", data_type="String", category="Test"
        )
    assert not SystemSetting.objects.filter(setting_key="Test.Mine").exists()


# --- Cache ----------------------------------------------------------------------------------


def test_a_second_read_is_served_from_the_cache(django_assert_num_queries):
    SystemSettingFactory(
        setting_key="AI.DailyRequestLimit", data_type=SettingDataType.INTEGER, setting_value="100"
    )

    with django_assert_num_queries(1):
        assert setting_int("AI.DailyRequestLimit", 0) == 100
    with django_assert_num_queries(0):
        assert setting_int("AI.DailyRequestLimit", 0) == 100


def test_a_missing_row_is_cached_too(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert setting_int("Test.NotSeeded", 5) == 5
    with django_assert_num_queries(0):
        assert setting_int("Test.NotSeeded", 5) == 5


def test_a_read_after_an_update_sees_the_new_value_at_once(superuser):
    # given: the old value is cached
    SystemSettingFactory(
        setting_key="Platform.MaintenanceMode",
        data_type=SettingDataType.BOOLEAN,
        setting_value="false",
    )
    assert setting_bool("Platform.MaintenanceMode", False) is False

    # when
    system_setting_update(actor=superuser, key="Platform.MaintenanceMode", value=True)

    # then
    assert setting_bool("Platform.MaintenanceMode", False) is True


def test_a_created_row_replaces_a_cached_missing_entry(superuser):
    assert setting_str("Test.Later", "default") == "default"

    system_setting_create(
        actor=superuser, key="Test.Later", value="set", data_type="String", category="Test"
    )

    assert setting_str("Test.Later", "default") == "set"


@pytest.mark.django_db(transaction=True)
def test_after_a_committed_update_the_next_reads_fill_and_use_the_cache(
    django_assert_num_queries,
):
    # given
    admin = UserFactory(is_staff=True, is_superuser=True)
    SystemSettingFactory(
        setting_key="Calendar.BookingAdvanceDays",
        data_type=SettingDataType.INTEGER,
        setting_value="30",
    )
    assert setting_int("Calendar.BookingAdvanceDays", 0) == 30

    # when: the update commits (no test transaction around it)
    system_setting_update(actor=admin, key="Calendar.BookingAdvanceDays", value=60)

    # then
    with django_assert_num_queries(1):
        assert setting_int("Calendar.BookingAdvanceDays", 0) == 60
    with django_assert_num_queries(0):
        assert setting_int("Calendar.BookingAdvanceDays", 0) == 60


def test_a_read_inside_a_rolled_back_update_does_not_leak_into_the_cache(superuser):
    # given
    SystemSettingFactory(
        setting_key="KYC.AutoApprovalEnabled",
        data_type=SettingDataType.BOOLEAN,
        setting_value="false",
    )
    assert setting_bool("KYC.AutoApprovalEnabled", False) is False

    # when: a transaction changes the value, reads it back, then rolls back
    def change_and_read_back():
        system_setting_update(actor=superuser, key="KYC.AutoApprovalEnabled", value=True)
        assert setting_bool("KYC.AutoApprovalEnabled", False) is True

    _in_rolled_back_transaction(change_and_read_back)

    # then
    assert setting_bool("KYC.AutoApprovalEnabled", False) is False


@pytest.mark.django_db(transaction=True)
def test_a_read_inside_a_rolled_back_transaction_is_not_cached_for_later_reads():
    # given
    admin = UserFactory(is_staff=True, is_superuser=True)
    SystemSettingFactory(
        setting_key="Test.RolledBack", data_type=SettingDataType.STRING, setting_value="old"
    )

    # when
    def change_and_read_back():
        system_setting_update(actor=admin, key="Test.RolledBack", value="never committed")
        assert setting_str("Test.RolledBack") == "never committed"

    _in_rolled_back_transaction(change_and_read_back)

    # then
    assert setting_str("Test.RolledBack") == "old"
    assert setting_str("Test.RolledBack") == "old"


# --- Staff list and display ---------------------------------------------------------------


def test_setting_list_shows_every_row_to_staff_in_constant_queries(
    superuser, django_assert_num_queries
):
    for n in range(3):
        SystemSettingFactory(setting_key=f"Test.Listed{n}", updated_by=superuser)
    expected = SystemSetting.objects.count()

    with django_assert_num_queries(1):
        rows = list(system_setting_list(actor=superuser))
        emails = {row.updated_by.email for row in rows if row.updated_by}

    for n in range(3, 6):
        SystemSettingFactory(setting_key=f"Test.Listed{n}", updated_by=superuser)
    with django_assert_num_queries(1):
        more = list(system_setting_list(actor=superuser))
        _ = [row.updated_by for row in more]

    assert len(rows) == expected
    assert len(more) == expected + 3
    assert emails == {superuser.email}


def test_setting_list_shows_rows_to_holders_of_system_admin(user_with_permission):
    SystemSettingFactory(setting_key="Test.Visible", category="Unique")
    admin = user_with_permission("system.admin")

    rows = list(system_setting_list(actor=admin, filters={"category": "Unique"}))

    assert [row.setting_key for row in rows] == ["Test.Visible"]


def test_setting_list_is_empty_for_a_plain_user(user):
    SystemSettingFactory(setting_key="Test.Hidden")

    assert list(system_setting_list(actor=user)) == []


def test_display_value_masks_encrypted_rows_only():
    plain = SystemSetting(setting_key="A.B", setting_value="visible", is_encrypted=False)
    secret = SystemSetting(setting_key="A.C", setting_value="gAAAAAB-token", is_encrypted=True)

    assert setting_display_value(plain) == "visible"
    assert setting_display_value(secret) == "********"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_does_not_keep_later_transactions_off_the_cache(
    django_assert_num_queries,
):
    # given: a write to the key that was rolled back
    admin = UserFactory(is_staff=True, is_superuser=True)
    SystemSettingFactory(
        setting_key="Test.Reused", data_type=SettingDataType.STRING, setting_value="old"
    )
    _in_rolled_back_transaction(
        lambda: system_setting_update(actor=admin, key="Test.Reused", value="discarded")
    )

    # when: a later transaction on the same connection reads the key twice
    with transaction.atomic():
        with django_assert_num_queries(1):
            assert setting_str("Test.Reused") == "old"
        with django_assert_num_queries(0):
            assert setting_str("Test.Reused") == "old"


@pytest.mark.parametrize("key", ["NoDot", "Area.Name\n", "Area..Name", "1Area.Name", "A.B C"])
def test_create_refuses_a_key_that_is_not_a_dotted_name(key, superuser):
    with pytest.raises(ApplicationError) as excinfo:
        system_setting_create(
            actor=superuser, key=key, value="x", data_type="String", category="Test"
        )

    assert list(excinfo.value.fields) == ["setting_key"]
    assert not SystemSetting.objects.filter(setting_key=key).exists()
