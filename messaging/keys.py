"""The key that makes a direct conversation unique per pair of users (SCHEMA.md 2.17, I-10).

Zulip's `huddle_hash` with SHA-256: the hex digest of the sorted user ids joined by
commas. `messaging/0002_enhanced_messaging_backfill` computes the same value for the
conversations that existed before 017 (migrations never import app code, so it keeps its
own copy; a test holds the two equal).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def direct_key(user_ids: Iterable[str]) -> str:
    """`Conversations.DirectKey` of the conversation between exactly these users."""
    ids = sorted({str(user_id) for user_id in user_ids})
    return hashlib.sha256(",".join(ids).encode("utf-8")).hexdigest()
