"""The WebSocket at `/ws/v1/`: events to a user's sockets, client frames from them.

Authentication is the API's bearer token, checked on the handshake by
`BearerTokenSocketMiddleware` against `UserSessions` exactly as a request is. Browsers
cannot set headers on a WebSocket, so the token travels as a subprotocol:

    new WebSocket(url, ["doggy.v1", "bearer." + accessToken])

and the server answers with `doggy.v1`. Other clients may send
`Authorization: Bearer <token>` instead. The token is never put in the URL (URLs end up
in access logs) and never logged. A handshake without a live session is accepted and
closed at once with code 4401, so the client sees why.

Every socket of a user joins the channel-layer group `user.<id>`
(`doggy.core.realtime.user_group`); services publish there after commit and
`event_forward` sends `{"type": event, "data": payload}` to the client. When one of the
user's sessions ends (logout, password change, staff revoking it), accounts publishes
`session.revoked` with the ended session ids and the sockets opened with them close with
4401. The session is also checked again on incoming frames at most every
`RECHECK_SECONDS`, so a socket that missed the event still closes.

Client frames are JSON objects with a `type`: `ping`, `typing` (to the other active
participants of a conversation), `call.signal` (WebRTC offer, answer and ICE candidates,
to the other participants of a live call). docs/api/realtime.md is the protocol.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.middleware import BaseMiddleware
from django.contrib.auth.models import AnonymousUser
from django.urls import path

from accounts.services.sessions import (
    SESSION_REVOKED_EVENT,
    user_session_authenticate,
    user_session_recheck,
)
from doggy.choices import FeatureArea
from doggy.core.errors import ApplicationError
from doggy.core.realtime import FORWARD_TYPE, user_group
from doggy.selectors import feature_enabled

from .call_selectors import call_signal_recipients, conversation_peer_ids
from .presence import presence_heartbeat

logger = logging.getLogger(__name__)

SUBPROTOCOL = "doggy.v1"
TOKEN_SUBPROTOCOL_PREFIX = "bearer."  # noqa: S105 - a protocol name, not a secret
# Application close codes (4000-4999): 4401 = no live session (as HTTP 401).
CLOSE_UNAUTHENTICATED = 4401
# 4503 = the Messaging feature flag is off (as HTTP 503 feature_disabled); retry later.
CLOSE_FEATURE_DISABLED = 4503
# A client frame larger than this is refused (a WebRTC offer is a few kilobytes).
MAX_FRAME_BYTES = 64 * 1024
SIGNAL_KINDS = frozenset({"offer", "answer", "ice"})


def _token_from_scope(scope: dict[str, Any]) -> str | None:
    """The bearer token of a handshake: the `bearer.<token>` subprotocol, else the
    Authorization header."""
    for protocol in scope.get("subprotocols") or ():
        if protocol.startswith(TOKEN_SUBPROTOCOL_PREFIX):
            return protocol[len(TOKEN_SUBPROTOCOL_PREFIX) :] or None
    for name, value in scope.get("headers") or ():
        if name.lower() == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
    return None


def _authenticate(token: str):
    session = user_session_authenticate(token=token)
    if session is None:
        return None
    return session.user, str(session.pk)


class BearerTokenSocketMiddleware(BaseMiddleware):
    """Puts the handshake's user (or AnonymousUser) and session id into the scope."""

    async def __call__(self, scope, receive, send):
        scope = dict(scope, user=AnonymousUser(), session_id=None)
        token = _token_from_scope(scope)
        if token:
            found = await database_sync_to_async(_authenticate)(token)
            if found is not None:
                scope["user"], scope["session_id"] = found
        return await super().__call__(scope, receive, send)


class UserSocketConsumer(AsyncWebsocketConsumer):
    """One client socket: forwards the user's events, relays typing and call signaling."""

    # Incoming frames check the session again when the last check is older than this.
    RECHECK_SECONDS = 60.0

    user = None
    session_id: str | None = None
    group: str | None = None
    closing = False

    async def connect(self):
        offered = self.scope.get("subprotocols") or ()
        subprotocol = SUBPROTOCOL if SUBPROTOCOL in offered else None
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.accept(subprotocol=subprotocol)
            await self._close(CLOSE_UNAUTHENTICATED)
            return
        if not await database_sync_to_async(feature_enabled)(FeatureArea.MESSAGING):
            await self.accept(subprotocol=subprotocol)
            await self._close(CLOSE_FEATURE_DISABLED)
            return
        self.user = user
        self.session_id = self.scope.get("session_id")
        self.group = user_group(user.pk)
        self.checked_at = time.monotonic()
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept(subprotocol=subprotocol)

    async def disconnect(self, code):
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            self.group = None

    async def _close(self, code: int) -> None:
        self.closing = True
        await self.disconnect(code)
        await self.close(code=code)

    async def _send(self, event_type: str, data: Any = None) -> None:
        frame: dict[str, Any] = {"type": event_type}
        if data is not None:
            frame["data"] = data
        await self.send(text_data=json.dumps(frame, separators=(",", ":")))

    async def _error(self, code: str, message: str) -> None:
        await self._send("error", {"code": code, "message": message})

    # -- events from the channel layer -------------------------------------------------------
    async def event_forward(self, message: dict[str, Any]) -> None:
        if self.closing:
            return
        event, data = message["event"], message.get("data")
        await self._send(event, data)
        if event == SESSION_REVOKED_EVENT and self.session_id in (data or {}).get(
            "session_ids", ()
        ):
            await self._close(CLOSE_UNAUTHENTICATED)

    # -- frames from the client --------------------------------------------------------------
    async def receive(self, text_data=None, bytes_data=None):
        if self.closing or self.user is None:
            return
        if not await self._session_still_live():
            await self._close(CLOSE_UNAUTHENTICATED)
            return
        if text_data is None:
            await self._error("invalid_frame", "Frames are JSON text.")
            return
        if len(text_data) > MAX_FRAME_BYTES:
            await self._error("frame_too_large", f"A frame is at most {MAX_FRAME_BYTES} bytes.")
            return
        try:
            frame = json.loads(text_data)
        except ValueError:
            frame = None
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            await self._error("invalid_frame", "A frame is a JSON object with a `type`.")
            return
        handler = self.FRAME_HANDLERS.get(frame["type"])
        if handler is None:
            await self._error("unknown_frame_type", f"Unknown frame type {frame['type']!r}.")
            return
        await handler(self, frame)

    async def _session_still_live(self) -> bool:
        now = time.monotonic()
        if now - self.checked_at < self.RECHECK_SECONDS:
            return True
        live = await database_sync_to_async(user_session_recheck)(session_id=self.session_id)
        self.checked_at = now
        return live

    async def _relay(self, user_ids, event_type: str, data: dict[str, Any]) -> None:
        message = {"type": FORWARD_TYPE, "event": event_type, "data": data}
        for user_id in user_ids:
            await self.channel_layer.group_send(user_group(user_id), message)

    async def on_ping(self, frame: dict[str, Any]) -> None:
        await self._send("pong")

    async def on_typing(self, frame: dict[str, Any]) -> None:
        conversation_id = frame.get("conversation_id")
        peers = await database_sync_to_async(conversation_peer_ids)(
            actor=self.user, conversation_id=conversation_id
        )
        if peers is None:
            await self._error("conversation_not_found", "Conversation not found.")
            return
        data = {
            "conversation_id": str(conversation_id),
            "user_id": self.user.pk,
            "active": frame.get("active", True) is not False,
        }
        await self._relay(peers, "typing", data)

    async def on_presence_heartbeat(self, frame: dict[str, Any]) -> None:
        """A client heartbeat (`status`: active or idle), throttled like the REST one."""
        try:
            result = await database_sync_to_async(presence_heartbeat)(
                actor=self.user, status=frame.get("status", "active")
            )
        except ApplicationError as exc:
            await self._error("invalid_frame", exc.message)
            return
        await self._send("presence.ack", {"status": result["status"]})

    async def on_call_signal(self, frame: dict[str, Any]) -> None:
        kind, call_id, to = frame.get("kind"), frame.get("call_id"), frame.get("to")
        if kind not in SIGNAL_KINDS or not isinstance(frame.get("payload"), dict):
            await self._error(
                "invalid_frame", "call.signal needs a kind (offer, answer, ice) and a payload."
            )
            return
        peers = await database_sync_to_async(call_signal_recipients)(
            actor=self.user, call_id=call_id
        )
        if peers is None or (to is not None and to not in peers):
            await self._error("call_not_found", "Call not found.")
            return
        data = {
            "call_id": str(call_id),
            "from_user_id": self.user.pk,
            "kind": kind,
            "payload": frame["payload"],
        }
        await self._relay([to] if to is not None else peers, "call.signal", data)

    FRAME_HANDLERS = {
        "ping": on_ping,
        "typing": on_typing,
        "call.signal": on_call_signal,
        "presence.heartbeat": on_presence_heartbeat,
    }


websocket_urlpatterns = [
    path("ws/v1/", UserSocketConsumer.as_asgi(), name="ws-v1"),
]
