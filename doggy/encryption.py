"""Application-level encryption of secret values (`SystemSettings` rows with `IsEncrypted`).

Keys come from `settings.DOGGY_SETTINGS_ENCRYPTION_KEYS`, newest first, and are read on
every call, never at import time, so a changed key list takes effect without a restart
of anything but the process that reads it. `MultiFernet` encrypts with the first key
and decrypts with any of them; a key is rotated by prepending a new one, re-encrypting
every value with `rotate` (see `doggy.services.system_setting_encryption_rotate`) and
then removing the old key.

Fernet is AES-128-CBC with HMAC-SHA256, so a token is authenticated: a wrong key or a
tampered token fails the HMAC check instead of decrypting to garbage.

The keys are dedicated to this purpose and independent of `SECRET_KEY`: rotating the
Django secret (sessions, password reset tokens) never makes stored values unreadable.

Failure is closed. Decryption either returns the plaintext or raises `DecryptionError`;
it never hands back the stored token in place of the value (the fail-open behaviour of
some encrypted-field libraries, which return the ciphertext on `InvalidToken`).
"""

from __future__ import annotations

import binascii

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SETTING_NAME = "DOGGY_SETTINGS_ENCRYPTION_KEYS"


class EncryptionError(ImproperlyConfigured):
    """Base of the encryption failures: the configuration cannot handle a stored value."""


class EncryptionKeyError(EncryptionError):
    """The key list is missing, empty or holds something that is not a Fernet key."""


class DecryptionError(EncryptionError):
    """No configured key decrypts the token (wrong key, or a value changed outside the app).

    The message names what was being decrypted (e.g. the setting key) and never the
    token or the plaintext.
    """

    def __init__(self, label: str):
        self.label = label
        super().__init__(
            f"{label} could not be decrypted with any key in {SETTING_NAME}: the key that "
            "encrypted it is not configured, or the stored value was changed outside the "
            "application."
        )


def _keys() -> list[str]:
    raw = getattr(settings, SETTING_NAME, None)
    if isinstance(raw, str):
        raw = raw.split(",")
    keys = [str(k).strip() for k in (raw or []) if str(k).strip()]
    if not keys:
        raise EncryptionKeyError(
            f"{SETTING_NAME} is empty: set at least one Fernet key (newest first) to store "
            "or read encrypted values."
        )
    return keys


def _multi_fernet() -> MultiFernet:
    fernets = []
    for position, key in enumerate(_keys()):
        try:
            fernets.append(Fernet(key))
        except (ValueError, binascii.Error) as exc:
            # The position, never the key itself, goes into the message.
            raise EncryptionKeyError(
                f"{SETTING_NAME}[{position}] is not a Fernet key (32 url-safe base64-encoded "
                "bytes)."
            ) from exc
    return MultiFernet(fernets)


def check_keys() -> None:
    """Raise `EncryptionKeyError` unless every configured key is a usable Fernet key."""
    _multi_fernet()


def encrypt_value(plaintext: str) -> str:
    """A Fernet token (ASCII text) for `plaintext`, encrypted under the newest key."""
    if not isinstance(plaintext, str):
        raise TypeError("encrypt_value takes the string form of a value.")
    return _multi_fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt_value(token: str, *, label: str = "An encrypted value") -> str:
    """The plaintext of `token`; raises `DecryptionError` (naming `label`) when no key fits."""
    fernet = _multi_fernet()
    try:
        return fernet.decrypt(_token_bytes(token, label)).decode("utf-8")
    except (InvalidToken, UnicodeDecodeError):
        raise DecryptionError(label) from None


def rotate(token: str, *, label: str = "An encrypted value") -> str:
    """`token` re-encrypted under the newest key (decryptable by any configured key)."""
    fernet = _multi_fernet()
    try:
        return fernet.rotate(_token_bytes(token, label)).decode("ascii")
    except InvalidToken:
        raise DecryptionError(label) from None


def _token_bytes(token: str, label: str) -> bytes:
    try:
        return token.encode("ascii")
    except (AttributeError, UnicodeEncodeError):
        # Not a Fernet token at all (tokens are url-safe base64, hence ASCII).
        raise DecryptionError(label) from None
