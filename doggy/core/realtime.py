"""Real-time events to users' sockets, published after commit through the channel layer.

Every WebSocket connection of a user joins the group `user_group(user_id)`
(messaging.realtime's consumer). A service that changes state calls
`publish_to_users(user_ids, event_type, payload)` inside its transaction; the event is
sent only once the transaction commits (never for a rolled-back change), through the task
runner like any other after-commit work. With the in-memory layer the event reaches the
sockets of this process; with Redis (REDIS_URL) it reaches every process.

Payloads are plain JSON values: ids, strings, ISO timestamps. The consumer forwards
`{"type": event_type, "data": payload}` to the client unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from doggy.core.tasks import run_after_commit

logger = logging.getLogger(__name__)

# The channel-layer message type the consumer handles (`event_forward`).
FORWARD_TYPE = "event.forward"


def user_group(user_id: str) -> str:
    """The channel-layer group every socket of `user_id` joins.

    User ids are ASP.NET Identity GUID strings (SCHEMA.md D1): letters, digits and
    hyphens, which channel-layer group names allow.
    """
    return f"user.{user_id}"


def send_now(user_ids: Iterable[str], event_type: str, payload: dict[str, Any]) -> None:
    """Send the event to every socket of `user_ids` at once (no transaction involved)."""
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": FORWARD_TYPE, "event": event_type, "data": payload}
    send = async_to_sync(layer.group_send)
    for user_id in sorted({str(u) for u in user_ids}):
        send(user_group(user_id), message)


def publish_to_users(user_ids: Iterable[str], event_type: str, payload: dict[str, Any]) -> None:
    """Send the event to every socket of `user_ids` once the current transaction commits."""
    ids = sorted({str(u) for u in user_ids})
    if ids:
        run_after_commit(send_now, ids, event_type, payload)
