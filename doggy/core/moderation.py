"""Content moderation across apps, by dependency inversion (the kernel imports no app).

The apps that own content (messaging's messages, scheduling's reviews) and the app that
judges it (ai) are not allowed to import each other: ai and messaging are siblings, and
scheduling sits below ai. Both sides talk through this module instead:

* **Owners register a handler per kind** at start-up (their `AppConfig.ready`):
  `register_content_handler("Message", ContentHandler(text=…, visible_to=…, hide=…,
  restore=…, remove=…))`. Every callable is a service or selector of the owning app, so
  the owning app stays the only writer of its rows (and of their audit rows).
* **Owners announce new or changed content** inside their service's transaction with
  `content_submitted(kind, object_id, author_id)`. The check is queued with
  `run_after_commit`: it never runs inside the request's transaction and never for a
  rolled-back change. Only ids travel through the queue; the checker reads the text
  through the owner's `text` handler when it runs.
* **The judge registers the checker** at start-up (`register_content_checker`); it
  classifies the text and calls `content_hide` for flagged content. Staff decisions call
  `content_restore` (approved: a false positive) or `content_remove`.

Without a registered checker (the ai app not installed) submitted content is not checked;
without a handler for a kind, the verdict functions do nothing and `content_visible_to`
answers None. The kinds are the values of `ModerationChecks.ContentType` (SCHEMA.md 2.32).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from doggy.core.tasks import run_after_commit

# The kinds owners register (`ai.choices.ModeratedContentType` values).
MESSAGE = "Message"
REVIEW = "Review"


@dataclass(frozen=True)
class ModeratedContent:
    """One piece of content as it stands: its id as stored (`str(pk)`, the canonical form
    of whatever id was asked for), its text, and who wrote it."""

    object_id: str
    text: str
    author_id: str | None


@dataclass(frozen=True)
class ContentHandler:
    """What an owning app does for one kind of content; ids are `str(pk)`.

    - `text(object_id)`: the content, or None when it is gone (deleted, unknown id);
    - `visible_to(actor, object_id)`: the content if `actor` may see it, else None
      (the 404 of a report);
    - `hide(object_id)`: flagged by the checker: hidden from all but its author and staff
      until a decision (idempotent; an unknown id is ignored);
    - `restore(actor, object_id)`: staff approved it: shown again if it was hidden by a
      flag (content hidden or removed for another reason stays as it is);
    - `remove(actor, object_id)`: staff removed it: hidden for good (soft-deleted).
    """

    text: Callable[[str], ModeratedContent | None]
    visible_to: Callable[[Any, str], ModeratedContent | None]
    hide: Callable[[str], None]
    restore: Callable[[Any, str], None]
    remove: Callable[[Any, str], None]


_handlers: dict[str, ContentHandler] = {}
_checker: Callable[[str, str, str | None], None] | None = None


def register_content_handler(kind: str, handler: ContentHandler) -> None:
    """Install the owning app's handler of `kind` (once, from its `AppConfig.ready`)."""
    _handlers[kind] = handler


def register_content_checker(checker: Callable[[str, str, str | None], None]) -> None:
    """Install the one checker of submitted content (the ai app, at start-up)."""
    global _checker  # noqa: PLW0603 - one process-wide checker, set once by an AppConfig
    _checker = checker


def content_handler(kind: str) -> ContentHandler | None:
    return _handlers.get(kind)


def moderated_kinds() -> list[str]:
    """The kinds some app has registered a handler for, sorted."""
    return sorted(_handlers)


def content_submitted(kind: str, object_id: Any, author_id: Any = None) -> None:
    """Queue the check of new or changed content for after the current transaction.

    Call it inside the owning service's transaction; a rollback queues nothing.
    """
    run_after_commit(
        content_check, kind, str(object_id), None if author_id is None else str(author_id)
    )


def content_check(kind: str, object_id: str, author_id: str | None = None) -> None:
    """The queued task: hand the content to the registered checker (plain arguments)."""
    if _checker is not None:
        _checker(kind, object_id, author_id)


def content_text(kind: str, object_id: Any) -> ModeratedContent | None:
    handler = _handlers.get(kind)
    return handler.text(str(object_id)) if handler else None


def content_visible_to(actor, kind: str, object_id: Any) -> ModeratedContent | None:
    handler = _handlers.get(kind)
    return handler.visible_to(actor, str(object_id)) if handler else None


def content_hide(kind: str, object_id: Any) -> None:
    handler = _handlers.get(kind)
    if handler is not None:
        handler.hide(str(object_id))


def content_restore(actor, kind: str, object_id: Any) -> None:
    handler = _handlers.get(kind)
    if handler is not None:
        handler.restore(actor, str(object_id))


def content_remove(actor, kind: str, object_id: Any) -> None:
    handler = _handlers.get(kind)
    if handler is not None:
        handler.remove(actor, str(object_id))
