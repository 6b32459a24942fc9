"""ASP.NET Core Identity V2/V3 hashes: verification and the Argon2 upgrade on login."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import authenticate

from accounts.hashers import identity_hash_looks_valid, identity_hash_verify
from tests.accounts.factories import UserFactory
from tests.plan.identity_hashes import (
    PRF_SHA1,
    PRF_SHA512,
    identity_v2_hash,
    identity_v3_hash,
)

ARGON2_FIRST = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


@pytest.mark.parametrize(
    ("_case", "encoded"),
    [
        ("v2", identity_v2_hash("S3cret!pass", salt=bytes(range(16)))),
        (
            "v3 sha1",
            identity_v3_hash("S3cret!pass", prf=PRF_SHA1, iterations=1000, salt=b"s" * 16),
        ),
        ("v3 sha256 (.NET Core 2-6)", identity_v3_hash("S3cret!pass", salt=b"t" * 16)),
        (
            "v3 sha512 (.NET 7+)",
            identity_v3_hash("S3cret!pass", prf=PRF_SHA512, iterations=100_000, salt=b"u" * 16),
        ),
        ("v3 32-byte salt", identity_v3_hash("S3cret!pass", salt=bytes(range(32)))),
    ],
)
def test_identity_hashes_verify_the_right_password_only(_case, encoded):
    assert identity_hash_looks_valid(encoded) is True
    assert identity_hash_verify("S3cret!pass", encoded) is True
    assert identity_hash_verify("S3cret!pasS", encoded) is False
    assert identity_hash_verify("", encoded) is False


def test_the_hashes_have_the_prefixes_identity_writes():
    # Identity's documented prefixes: V3 (.NET Core 2-6) "AQAAAAEAACcQAAAAE",
    # V3 (.NET 7+) "AQAAAAIAAYagAAAAE", V2 starts with a zero byte.
    assert identity_v3_hash("x").startswith("AQAAAAEAACcQAAAAE")
    assert identity_v3_hash("x", prf=PRF_SHA512, iterations=100_000).startswith("AQAAAAIAAYagAAAAE")
    assert base64.b64decode(identity_v2_hash("x"))[0] == 0
    assert len(identity_v2_hash("x")) == 68
    assert len(identity_v3_hash("x")) == 84


@pytest.mark.parametrize(
    ("_case", "encoded"),
    [
        ("django argon2", "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA"),
        ("django pbkdf2", "pbkdf2_sha256$1000000$salt$aGFzaA=="),
        ("unusable", "!Zq3kLr7"),
        ("empty", ""),
        ("none", None),
        ("not base64", "not-base64-at-all*"),
        ("unknown marker", base64.b64encode(b"\x02" + bytes(48)).decode()),
        ("v2 too short", base64.b64encode(b"\x00" + bytes(40)).decode()),
        (
            "v3 unknown prf",
            base64.b64encode(b"\x01" + (9).to_bytes(4, "big") + bytes(60)).decode(),
        ),
        (
            "v3 absurd iterations",
            base64.b64encode(
                b"\x01"
                + (1).to_bytes(4, "big")
                + (2**31).to_bytes(4, "big")
                + (16).to_bytes(4, "big")
                + bytes(48)
            ).decode(),
        ),
        (
            "v3 salt longer than the payload",
            base64.b64encode(
                b"\x01"
                + (1).to_bytes(4, "big")
                + (1000).to_bytes(4, "big")
                + (400).to_bytes(4, "big")
                + bytes(48)
            ).decode(),
        ),
    ],
)
def test_anything_else_is_not_an_identity_hash(_case, encoded):
    assert identity_hash_looks_valid(encoded) is False
    assert identity_hash_verify("whatever", encoded) is False


@pytest.mark.django_db
def test_a_user_with_an_identity_hash_logs_in_and_is_upgraded_to_argon2(settings):
    # Given a user whose stored hash is Identity's V3 format
    settings.PASSWORD_HASHERS = ARGON2_FIRST
    user = UserFactory(email="adopted@example.com")
    legacy = identity_v3_hash("Legacy-pass-1")
    user.password = legacy
    user.save(update_fields=["password"])

    # When the user signs in with the old password
    signed_in = authenticate(email="adopted@example.com", password="Legacy-pass-1")

    # Then the login succeeds and the stored hash is now Argon2
    assert signed_in is not None
    assert signed_in.pk == user.pk
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert user.check_password("Legacy-pass-1") is True


@pytest.mark.django_db
def test_a_wrong_password_leaves_the_identity_hash_alone(settings):
    # Given a user with an Identity V2 hash
    settings.PASSWORD_HASHERS = ARGON2_FIRST
    user = UserFactory(email="adopted2@example.com")
    legacy = identity_v2_hash("Legacy-pass-2")
    user.password = legacy
    user.save(update_fields=["password"])

    # When someone tries a wrong password
    signed_in = authenticate(email="adopted2@example.com", password="legacy-pass-2")

    # Then the login fails and the hash is not touched
    assert signed_in is None
    user.refresh_from_db()
    assert user.password == legacy


@pytest.mark.django_db
def test_django_hashes_are_still_checked_by_django(settings):
    # Given a user with a regular Django hash
    settings.PASSWORD_HASHERS = ARGON2_FIRST
    user = UserFactory(email="native@example.com")
    user.set_password("Native-pass-3")
    user.save(update_fields=["password"])
    stored = user.password

    # Then the override defers to Django for it, and changes nothing on success
    assert user.check_password("Native-pass-3") is True
    assert user.check_password("native-pass-3") is False
    user.refresh_from_db()
    assert user.password == stored
