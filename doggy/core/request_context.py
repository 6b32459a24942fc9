"""Who is asking, from where: the current request, visible to services without passing it.

The middleware stores the request in a ContextVar for the duration of the request; audit
and security services read the acting user's IP, user agent, session and correlation id
from it. Outside a request (commands, tasks, tests) every accessor answers None.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

_current_request: ContextVar[HttpRequest | None] = ContextVar("doggy_request", default=None)

_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def current_request() -> HttpRequest | None:
    return _current_request.get()


def set_current_request(request: HttpRequest | None):
    """Bind `request` to this context; returns the token for `reset_current_request`."""
    return _current_request.set(request)


def reset_current_request(token) -> None:
    _current_request.reset(token)


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the hop the trusted proxies saw.

    With `DOGGY_TRUSTED_PROXY_COUNT = n > 0`, the n-th address from the right of
    X-Forwarded-For is the one the outermost trusted proxy received the request from;
    everything left of it is client-controlled and ignored. With n = 0 the header is
    ignored entirely, so a forged X-Forwarded-For gains nothing.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - unknown peer
    proxies = settings.DOGGY_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if len(hops) < proxies:
        return remote
    return hops[-proxies][:45]


def correlation_id_for(request: HttpRequest) -> str:
    """A caller-supplied X-Request-ID when well-formed, else a fresh one."""
    supplied = request.META.get("HTTP_X_REQUEST_ID", "")
    if _REQUEST_ID_RE.match(supplied):
        return supplied
    return uuid.uuid4().hex


@dataclass(frozen=True)
class RequestMeta:
    """What audit rows record about the request that caused them."""

    user: object | None
    ip_address: str | None
    user_agent: str | None
    session_id: object | None
    correlation_id: str | None


def request_meta() -> RequestMeta | None:
    request = current_request()
    if request is None:
        return None
    user = getattr(request, "user", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    # Bearer-token requests carry their UserSession as `request.auth` (set by DRF on the
    # underlying HttpRequest too); admin requests have none.
    auth = getattr(request, "auth", None)
    session_id = getattr(auth, "pk", None) if auth is not None else None
    return RequestMeta(
        user=user,
        ip_address=getattr(request, "client_ip", None) or client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT") or "")[:500] or None,
        session_id=session_id,
        correlation_id=getattr(request, "correlation_id", None),
    )
