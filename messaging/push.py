"""Sending one Web Push message (RFC 8030 / 8291 / 8292) through pywebpush.

The payload is encrypted for the subscription (`aes128gcm`) and signed with the
platform's VAPID key (`settings.DOGGY_VAPID_PRIVATE_KEY`, claim `sub` from
`settings.DOGGY_VAPID_SUBJECT`). The result says what the push service answered, so the
delivery service can decide between done, retry and "this subscription is gone".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from pywebpush import WebPushException, webpush

# 404 and 410 from a push service: the subscription expired or was unsubscribed.
GONE_STATUSES = frozenset({404, 410})
TIMEOUT_SECONDS = 10
# How long the push service keeps an undelivered message (seconds).
TTL_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class PushResult:
    ok: bool
    status: int | None = None
    location: str = ""
    error: str = ""

    @property
    def gone(self) -> bool:
        return self.status in GONE_STATUSES


class PushNotConfigured(RuntimeError):
    """No VAPID private key is configured."""


def web_push_configured() -> bool:
    return bool(getattr(settings, "DOGGY_VAPID_PRIVATE_KEY", ""))


def web_push_send(*, endpoint: str, p256dh: str, auth: str, payload: dict[str, Any]) -> PushResult:
    """POST one encrypted message to `endpoint`; never raises for an answer of the service."""
    if not web_push_configured():
        raise PushNotConfigured("DOGGY_VAPID_PRIVATE_KEY is not set.")
    try:
        response = webpush(
            subscription_info={"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}},
            data=json.dumps(payload, separators=(",", ":")),
            vapid_private_key=settings.DOGGY_VAPID_PRIVATE_KEY,
            vapid_claims={"sub": settings.DOGGY_VAPID_SUBJECT},
            timeout=TIMEOUT_SECONDS,
            ttl=TTL_SECONDS,
        )
    except WebPushException as exc:
        status = exc.response.status_code if exc.response is not None else None
        return PushResult(ok=False, status=status, error=str(exc)[:500])
    except requests.RequestException as exc:
        return PushResult(ok=False, error=f"{type(exc).__name__}: {exc}"[:500])
    return PushResult(
        ok=True, status=response.status_code, location=response.headers.get("Location", "")
    )
