"""Encryption of secret settings: round trip, at-rest ciphertext, rotation, failing closed."""

from __future__ import annotations

import json

import pytest
from cryptography.fernet import Fernet
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from audit.models import AuditLog
from doggy.core.errors import PermissionDeniedError
from doggy.encryption import (
    DecryptionError,
    EncryptionKeyError,
    decrypt_value,
    encrypt_value,
    rotate,
)
from doggy.models import SystemSetting
from doggy.selectors import setting_display_value, setting_get, setting_str, system_setting_list
from doggy.services import (
    system_setting_create,
    system_setting_encryption_rotate,
    system_setting_update,
)
from tests.doggy.factories import SystemSettingFactory

SECRET = "sk_live_51Hx-very-secret-value"


def _raw_setting_value(key: str) -> str:
    # Raw SQL, so nothing in the ORM or the services can transform what is at rest.
    table = connection.ops.quote_name("SystemSettings")
    value_col = connection.ops.quote_name("SettingValue")
    key_col = connection.ops.quote_name("SettingKey")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {value_col} FROM {table} WHERE {key_col} = %s", [key])  # noqa: S608
        return cursor.fetchone()[0]


# --- The primitives -----------------------------------------------------------------------------


def test_encrypt_then_decrypt_returns_the_plaintext(fernet_keys):
    token = encrypt_value(SECRET)

    assert token != SECRET
    assert SECRET not in token
    assert decrypt_value(token) == SECRET


def test_encryption_is_not_deterministic(fernet_keys):
    assert encrypt_value(SECRET) != encrypt_value(SECRET)


def test_an_old_key_still_decrypts_after_a_new_key_is_prepended(settings, fernet_keys):
    # given: a token made under key A
    key_a, key_b, _ = fernet_keys
    token = encrypt_value(SECRET)

    # when: B becomes the newest key
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_b, key_a]

    # then
    assert decrypt_value(token) == SECRET


def test_rotate_re_encrypts_under_the_newest_key(settings, fernet_keys):
    # given
    key_a, key_b, _ = fernet_keys
    token = encrypt_value(SECRET)
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_b, key_a]

    # when
    rotated = rotate(token)

    # then: B alone reads it, A alone no longer does
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_b]
    assert decrypt_value(rotated) == SECRET
    assert Fernet(key_b).decrypt(rotated.encode()).decode() == SECRET
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_a]
    with pytest.raises(DecryptionError):
        decrypt_value(rotated)


def test_a_wrong_key_raises_and_never_returns_the_ciphertext(settings, fernet_keys):
    # given: a token made under A, and only C configured
    _, _, key_c = fernet_keys
    token = encrypt_value(SECRET)
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_c]

    # when / then
    with pytest.raises(DecryptionError) as excinfo:
        decrypt_value(token, label="System setting 'Stripe.SecretKey'")
    message = str(excinfo.value)
    assert "System setting 'Stripe.SecretKey' could not be decrypted" in message
    assert token not in message
    assert SECRET not in message
    assert isinstance(excinfo.value, ImproperlyConfigured)


def test_rotate_with_a_wrong_key_raises(settings, fernet_keys):
    token = encrypt_value(SECRET)
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [fernet_keys[2]]

    with pytest.raises(DecryptionError):
        rotate(token)


@pytest.mark.parametrize("_case", ["plaintext", "tampered", "non_ascii"])
def test_something_that_is_not_a_valid_token_raises(_case, fernet_keys):
    token = encrypt_value(SECRET)
    stored = {
        "plaintext": SECRET,
        "tampered": token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
        "non_ascii": "gAAAAé",
    }[_case]

    with pytest.raises(DecryptionError):
        decrypt_value(stored)


@pytest.mark.parametrize("_case", ["empty_list", "none", "blank_entries"])
def test_a_missing_key_list_raises_a_clear_error(_case, settings):
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = {
        "empty_list": [],
        "none": None,
        "blank_entries": [" ", ""],
    }[_case]  # noqa: E501

    with pytest.raises(EncryptionKeyError, match="DOGGY_SETTINGS_ENCRYPTION_KEYS is empty"):
        encrypt_value(SECRET)
    with pytest.raises(EncryptionKeyError):
        decrypt_value("gAAAA-anything")


def test_a_malformed_key_is_reported_by_position_not_by_value(settings, fernet_keys):
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [fernet_keys[0], "not-a-fernet-key"]

    with pytest.raises(EncryptionKeyError) as excinfo:
        encrypt_value(SECRET)

    assert str(excinfo.value) == (
        "DOGGY_SETTINGS_ENCRYPTION_KEYS[1] is not a Fernet key (32 url-safe base64-encoded bytes)."
    )


def test_keys_are_read_at_call_time(settings, fernet_keys):
    token = encrypt_value(SECRET)
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [fernet_keys[1]]

    with pytest.raises(DecryptionError):
        decrypt_value(token)


# --- Encrypted settings -------------------------------------------------------------------------


@pytest.fixture
def secret_setting(db, fernet_keys, superuser):
    return system_setting_create(
        actor=superuser,
        key="Integrations.StripeSecretKey",
        value=SECRET,
        data_type="String",
        category="Integrations",
        is_encrypted=True,
    )


def test_an_encrypted_setting_is_ciphertext_at_rest_and_plaintext_to_the_getter(secret_setting):
    at_rest = _raw_setting_value("Integrations.StripeSecretKey")

    assert SECRET not in at_rest
    assert decrypt_value(at_rest) == SECRET
    assert setting_get("Integrations.StripeSecretKey") == SECRET
    assert setting_str("Integrations.StripeSecretKey") == SECRET


@pytest.mark.django_db
def test_the_cache_holds_the_token_never_the_plaintext(fernet_keys):
    # given: a committed-looking row (the factory marks no write pending)
    SystemSettingFactory(
        setting_key="Integrations.StripeSecretKey",
        setting_value=encrypt_value(SECRET),
        is_encrypted=True,
    )

    # when
    assert setting_get("Integrations.StripeSecretKey") == SECRET

    cached = cache.get("doggy:setting:v1:Integrations.StripeSecretKey")

    assert cached["is_encrypted"] is True
    assert cached["value"] == _raw_setting_value("Integrations.StripeSecretKey")
    assert SECRET not in json.dumps(cached)


def test_an_encrypted_update_stays_encrypted_and_the_audit_row_is_masked(secret_setting, superuser):
    # given
    new_secret = "sk_live_rotated-secret-2"

    # when
    system_setting_update(actor=superuser, key="Integrations.StripeSecretKey", value=new_secret)

    # then
    at_rest = _raw_setting_value("Integrations.StripeSecretKey")
    assert new_secret not in at_rest
    assert setting_get("Integrations.StripeSecretKey") == new_secret
    change = AuditLog.objects.get(action="SettingChanged")
    assert change.old_values == {
        "setting_key": "Integrations.StripeSecretKey",
        "setting_value": "***",
    }  # noqa: E501
    assert change.new_values == {
        "setting_key": "Integrations.StripeSecretKey",
        "setting_value": "***",
    }  # noqa: E501
    every_audit_value = json.dumps(list(AuditLog.objects.values("old_values", "new_values")))
    assert SECRET not in every_audit_value
    assert new_secret not in every_audit_value


def test_the_staff_list_shows_encrypted_values_masked(secret_setting, superuser):
    row = system_setting_list(actor=superuser).get(setting_key="Integrations.StripeSecretKey")

    assert setting_display_value(row) == "********"


def test_reading_an_encrypted_setting_with_a_wrong_key_raises_naming_the_key(
    secret_setting, settings, fernet_keys
):
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [fernet_keys[2]]

    with pytest.raises(DecryptionError) as excinfo:
        setting_get("Integrations.StripeSecretKey", default="fallback")

    message = str(excinfo.value)
    assert "'Integrations.StripeSecretKey'" in message
    assert SECRET not in message
    assert _raw_setting_value("Integrations.StripeSecretKey") not in message


@pytest.mark.django_db
def test_creating_an_encrypted_setting_without_keys_writes_nothing(settings, superuser):
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = []

    with pytest.raises(EncryptionKeyError):
        system_setting_create(
            actor=superuser,
            key="Integrations.Unstorable",
            value=SECRET,
            data_type="String",
            category="Integrations",
            is_encrypted=True,
        )

    assert not SystemSetting.objects.filter(setting_key="Integrations.Unstorable").exists()
    assert AuditLog.objects.count() == 0


def test_an_update_replaces_a_value_that_no_key_can_read(
    secret_setting, settings, fernet_keys, superuser
):
    # given: the key that encrypted the row is lost
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [fernet_keys[1]]

    # when
    system_setting_update(actor=superuser, key="Integrations.StripeSecretKey", value="fresh")

    # then
    assert setting_get("Integrations.StripeSecretKey") == "fresh"


def test_rotation_of_every_encrypted_setting_survives_removal_of_the_old_key(
    secret_setting, settings, fernet_keys, superuser
):
    # given: a plain row beside the encrypted one, and B prepended to A
    key_a, key_b, _ = fernet_keys
    SystemSettingFactory(setting_key="Test.Plain", setting_value="plain")
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_b, key_a]

    # when
    rotated = system_setting_encryption_rotate(actor=superuser)
    settings.DOGGY_SETTINGS_ENCRYPTION_KEYS = [key_b]

    # then
    assert rotated == 1
    assert setting_get("Integrations.StripeSecretKey") == SECRET
    assert _raw_setting_value("Test.Plain") == "plain"
    assert system_setting_encryption_rotate(actor=superuser) == 1
    assert setting_get("Integrations.StripeSecretKey") == SECRET


def test_rotation_is_refused_to_staff_who_are_not_superusers(secret_setting, user_with_permission):
    before = _raw_setting_value("Integrations.StripeSecretKey")
    admin = user_with_permission("system.admin")

    with pytest.raises(PermissionDeniedError) as excinfo:
        system_setting_encryption_rotate(actor=admin)

    assert excinfo.value.code == "permission_denied"
    assert _raw_setting_value("Integrations.StripeSecretKey") == before
