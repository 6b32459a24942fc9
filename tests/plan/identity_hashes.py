"""ASP.NET Core Identity password hashes, built here from the documented format.

Independent of accounts.hashers on purpose, so that the tests check the verifier against
the format (aspnetcore `PasswordHasher.cs`), not against itself:

* V2: `0x00 | salt(16) | subkey(32)`, PBKDF2-HMAC-SHA1, 1000 iterations;
* V3: `0x01 | prf | iterations | salt length | salt | subkey`, header integers
  big-endian; prf 0/1/2 = HMAC-SHA1/SHA256/SHA512.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct

PRF_SHA1, PRF_SHA256, PRF_SHA512 = 0, 1, 2
_DIGESTS = {PRF_SHA1: "sha1", PRF_SHA256: "sha256", PRF_SHA512: "sha512"}


def identity_v2_hash(password: str, salt: bytes | None = None) -> str:
    salt = os.urandom(16) if salt is None else salt
    subkey = hashlib.pbkdf2_hmac("sha1", password.encode("utf-8"), salt, 1000, dklen=32)
    return base64.b64encode(b"\x00" + salt + subkey).decode("ascii")


def identity_v3_hash(
    password: str,
    *,
    prf: int = PRF_SHA256,
    iterations: int = 10_000,
    salt: bytes | None = None,
) -> str:
    """.NET Core 2–6 defaults (SHA256, 10,000); .NET 7+ uses PRF_SHA512 and 100,000."""
    salt = os.urandom(16) if salt is None else salt
    subkey = hashlib.pbkdf2_hmac(
        _DIGESTS[prf], password.encode("utf-8"), salt, iterations, dklen=32
    )
    header = b"\x01" + struct.pack(">III", prf, iterations, len(salt))
    return base64.b64encode(header + salt + subkey).decode("ascii")
