"""Test settings: fast hashing, in-memory email and cache, a fixed encryption key."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-not-a-secret"  # noqa: S105
# Tests create many users; Argon2 is exercised explicitly where a test needs it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="doggy-test-media-")
DOGGY_SETTINGS_ENCRYPTION_KEYS = env.list(
    "DOGGY_SETTINGS_ENCRYPTION_KEYS",
    default=["Gv0ZQm0sB8b7c2l1a8J3x9yXo6cS4dEeF5gH7iJ1kLM="],
)
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tests that exercise the latency buckets enable them and flush explicitly; elsewhere a
# flush after a response would add queries to the counts the tests assert.
DOGGY_API_LATENCY_BUCKETS = False
