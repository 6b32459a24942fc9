"""ASP.NET Core Identity password hashes, verified so that adopted users keep their password.

An adopted `Users` table holds the hashes ASP.NET Core Identity's `PasswordHasher<TUser>`
wrote: base64 text without Django's `algorithm$` prefix, in one of two binary layouts.

* **V2** (ASP.NET Identity 2, `IdentityV2` compatibility mode)::

      0x00 | salt (16 bytes) | subkey (32 bytes)

  PBKDF2 with HMAC-SHA1, 1000 iterations.
* **V3** (ASP.NET Core Identity, the default)::

      0x01 | PRF (uint32) | iteration count (uint32) | salt length (uint32) | salt | subkey

  The three header integers are big-endian (network byte order). PRF is the
  `KeyDerivationPrf` enum: 0 = HMAC-SHA1, 1 = HMAC-SHA256, 2 = HMAC-SHA512. The subkey is
  the rest of the payload (32 bytes in every Identity release). Identity 3 used
  HMAC-SHA256 with 10,000 iterations; .NET 7 moved to HMAC-SHA512 with 100,000.

Nothing here creates Identity hashes: a user who signs in with one is re-hashed with
Django's first configured hasher (Argon2), see `User.check_password`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct

IDENTITY_V2_MARKER = 0x00
IDENTITY_V3_MARKER = 0x01
IDENTITY_V2_ITERATIONS = 1000
IDENTITY_V2_SALT_SIZE = 16
IDENTITY_V2_SUBKEY_SIZE = 32
# KeyDerivationPrf values in the V3 header.
IDENTITY_V3_PRFS = {0: "sha1", 1: "sha256", 2: "sha512"}
# Bounds that reject forged headers before any key derivation runs: Identity writes
# salts of 16 bytes and 32-byte subkeys; the iteration ceiling keeps a hostile row from
# turning one login into minutes of CPU.
_MIN_SALT_SIZE = 8
_MIN_SUBKEY_SIZE = 16
_MAX_ITERATIONS = 10_000_000
_V3_HEADER = struct.Struct(">BIII")


def identity_hash_looks_valid(encoded: str | None) -> bool:
    """True when `encoded` has the shape of an Identity V2 or V3 hash.

    Django's own hashes always contain `$` (`argon2$…`, `pbkdf2_sha256$…`) and unusable
    passwords start with `!`; neither character belongs to the base64 alphabet.
    """
    return _decode(encoded) is not None


def identity_hash_verify(password: str, encoded: str | None) -> bool:
    """Check `password` against an ASP.NET Core Identity V2 or V3 hash, in constant time.

    Returns False for anything that is not a well-formed Identity hash, so it is safe to
    call on any stored value.
    """
    payload = _decode(encoded)
    if payload is None or password is None:
        return False
    parts = _parse(payload)
    if parts is None:
        return False
    algorithm, iterations, salt, subkey = parts
    actual = hashlib.pbkdf2_hmac(
        algorithm, password.encode("utf-8"), salt, iterations, dklen=len(subkey)
    )
    return hmac.compare_digest(actual, subkey)


def _decode(encoded: str | None) -> bytes | None:
    if not encoded or "$" in encoded or encoded.startswith("!"):
        return None
    try:
        payload = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
    return payload if _parse(payload) is not None else None


def _parse(payload: bytes) -> tuple[str, int, bytes, bytes] | None:
    """Split a decoded hash into (digest name, iterations, salt, subkey), or None."""
    if not payload:
        return None
    marker = payload[0]
    if marker == IDENTITY_V2_MARKER:
        if len(payload) != 1 + IDENTITY_V2_SALT_SIZE + IDENTITY_V2_SUBKEY_SIZE:
            return None
        salt = payload[1 : 1 + IDENTITY_V2_SALT_SIZE]
        subkey = payload[1 + IDENTITY_V2_SALT_SIZE :]
        return "sha1", IDENTITY_V2_ITERATIONS, salt, subkey
    if marker == IDENTITY_V3_MARKER:
        if len(payload) < _V3_HEADER.size:
            return None
        _, prf, iterations, salt_size = _V3_HEADER.unpack_from(payload)
        algorithm = IDENTITY_V3_PRFS.get(prf)
        if algorithm is None or not 0 < iterations <= _MAX_ITERATIONS:
            return None
        if salt_size < _MIN_SALT_SIZE:
            return None
        salt_end = _V3_HEADER.size + salt_size
        subkey = payload[salt_end:]
        if len(subkey) < _MIN_SUBKEY_SIZE:
            return None
        return algorithm, iterations, payload[_V3_HEADER.size : salt_end], subkey
    return None
