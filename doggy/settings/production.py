"""Production settings: no default for any secret; refuses to start misconfigured."""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a random value of 50+ chars.")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off in production.")
# Checked at start-up, not at the first encrypted read: a key that is not a Fernet key
# would otherwise surface only when a secret setting is first read or written. Blank
# entries are skipped, as doggy.encryption skips them.
_encryption_keys = [
    k.strip() for k in env.list("DOGGY_SETTINGS_ENCRYPTION_KEYS", default=[]) if k.strip()
]
if not _encryption_keys:
    raise ImproperlyConfigured("DOGGY_SETTINGS_ENCRYPTION_KEYS must hold at least one Fernet key.")
for _position, _key in enumerate(_encryption_keys):
    try:
        Fernet(_key)
    except ValueError:  # binascii.Error (not base64) is a ValueError too
        # The position, never the key, goes into the message (it ends up in logs).
        raise ImproperlyConfigured(
            f"DOGGY_SETTINGS_ENCRYPTION_KEYS[{_position}] is not a Fernet key (32 url-safe "
            "base64-encoded bytes; make one with Fernet.generate_key())."
        ) from None
del _encryption_keys, _position, _key

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
DOGGY_FRONTEND_URL = env("DOGGY_FRONTEND_URL")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
