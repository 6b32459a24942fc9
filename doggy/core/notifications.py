"""Notifying a user from any app, by dependency inversion (the kernel imports no app).

Notifications belong to messaging (`messaging.notification_services.notify`), which sits
beside ai and billing and above the apps below it, so those may not import it. They call
`notify_after_commit(user_id, type, title, …)` here instead; messaging registers its
`notify` at start-up (`register_notifier`). The notification is made once the current
transaction commits (never inside it, never for a rolled-back change), through the task
runner, with plain arguments only. The type must be registered in
`messaging.notification_types`; a `dedupe_key` makes a repeated call a no-op.

Without a registered notifier (messaging not installed) nothing is sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from doggy.core.tasks import run_after_commit

logger = logging.getLogger(__name__)

_notifier: Callable[..., Any] | None = None


def register_notifier(notifier: Callable[..., Any]) -> None:
    """Install the notifier: `notifier(user_id, type, title, body, data, dedupe_key, *,
    entity_type, entity_id, level)` (the messaging app, once, at start-up)."""
    global _notifier  # noqa: PLW0603 - one process-wide notifier, set once by an AppConfig
    _notifier = notifier


def notify_after_commit(
    user_id: Any,
    notification_type: str,
    title: str,
    body: str = "",
    data: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
    *,
    entity_type: str | None = None,
    entity_id: Any = None,
    level: str = "Info",
) -> None:
    """Queue a notification of `user_id` for after the current transaction commits."""
    run_after_commit(
        notification_send,
        str(user_id),
        notification_type,
        title,
        body,
        data or {},
        dedupe_key,
        entity_type,
        None if entity_id is None else str(entity_id),
        level,
    )


def notification_send(
    user_id: str,
    notification_type: str,
    title: str,
    body: str,
    data: dict[str, Any],
    dedupe_key: str | None,
    entity_type: str | None,
    entity_id: str | None,
    level: str,
) -> None:
    """The queued task: hand the notification to the registered notifier."""
    if _notifier is None:
        logger.warning("No notifier is registered; %s to %s dropped", notification_type, user_id)
        return
    _notifier(
        user_id,
        notification_type,
        title,
        body,
        data,
        dedupe_key,
        entity_type=entity_type,
        entity_id=entity_id,
        level=level,
    )
