"""Who may call what on the conversations API: the permission matrix (tests/matrix.py).

The world: a direct conversation of `owner` and `provider_user` with a message of the
owner (one attachment, scanned Clean, with its thumbnail; the owner's 🐶 reaction), and a
group owned by `owner` with `provider_user` as a Member. `other_owner` and the
superuser hold `messaging.access` but are in neither conversation: 404, never 403.
`kyc_reviewer` lacks `messaging.access`: 403 everywhere.
"""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from PIL import Image

from doggy.choices import FilePurpose
from messaging.models import (
    Conversation,
    ConversationParticipant,
    Message,
    MessageAttachment,
    MessageReaction,
    UserBlock,
)
from messaging.services.conversations import (
    conversation_create_group,
    conversation_get_or_create_direct,
    message_send,
    reaction_add,
    user_block,
)
from tests.callers import make_user
from tests.doggy.factories import StoredFileFactory
from tests.matrix import PermissionMatrix, Route

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

CONVERSATIONS = "/api/v1/conversations/"
DIRECT = "/api/v1/conversations/{direct}/"
GROUP = "/api/v1/conversations/{group}/"
MESSAGE = "/api/v1/conversations/{direct}/messages/{message}/"
ATTACHMENT = MESSAGE + "attachments/{file}/"
BLOCKS = "/api/v1/blocks/"

# Answers of a route inside the direct conversation: participants pass, others 404.
READ = (401, 200, 404, 200, 403, 404)


def row(method: str, path: str, *statuses: int, body=None, multipart=False) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body, multipart)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(out, format="PNG")
    return out.getvalue()


class TestMessagingPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", CONVERSATIONS, 401, 200, 200, 200, 403, 200),
        row(
            "POST",
            CONVERSATIONS,
            401,
            201,
            201,
            201,
            403,
            201,
            body=lambda w: {"type": "Group", "title": "New", "user_ids": [w["third"]]},
        ),
        row("GET", DIRECT, *READ),
        row("PATCH", DIRECT, *READ, body={"is_pinned": True}),
        row("GET", GROUP + "participants/", *READ),
        row(
            "POST",
            GROUP + "participants/",
            401,
            201,
            404,
            403,
            403,
            404,
            body=lambda w: {"user_id": w["third"]},
        ),
        row("DELETE", GROUP + "participants/{provider}/", 401, 204, 404, 204, 403, 404),
        row("POST", DIRECT + "read/", *READ, body={}),
        row("GET", DIRECT + "messages/", *READ),
        row("POST", DIRECT + "messages/", 401, 201, 404, 201, 403, 404, body={"content": "hi"}),
        row("GET", MESSAGE, *READ),
        row("PATCH", MESSAGE, 401, 200, 404, 403, 403, 404, body={"content": "changed"}),
        row("DELETE", MESSAGE, 401, 204, 404, 403, 403, 404),
        row("GET", MESSAGE + "edits/", *READ),
        row("GET", MESSAGE + "receipts/", *READ),
        row(
            "POST",
            MESSAGE + "reactions/",
            401,
            200,
            404,
            201,
            403,
            404,
            body={"emoji_code": "1f436", "emoji_name": "dog"},
        ),
        row("DELETE", MESSAGE + "reactions/1f436/", 401, 204, 404, 404, 403, 404),
        row("GET", ATTACHMENT, *READ),
        row("GET", ATTACHMENT + "thumbnail/", *READ),
        row("GET", BLOCKS, 401, 200, 200, 200, 403, 200),
        row(
            "POST",
            BLOCKS,
            401,
            201,
            201,
            201,
            403,
            201,
            body=lambda w: {"user_id": w["third"]},
        ),
        row("DELETE", BLOCKS + "{blocked}/", 401, 204, 404, 404, 403, 404),
    )

    def build_world(self, request, users):
        request.getfixturevalue("media_root")
        rbac = request.getfixturevalue("rbac")
        owner, provider = users["owner"], users["provider_user"]
        third = make_user(rbac, "PetOwner", email="third@example.com")
        blocked = make_user(rbac, "PetOwner", email="blocked@example.com")
        direct, _ = conversation_get_or_create_direct(actor=owner, other_user_id=provider.pk)
        group = conversation_create_group(actor=owner, title="Walkies", user_ids=[provider.pk])
        message, _ = message_send(actor=owner, conversation=direct, content="hello")
        stored = StoredFileFactory(owner=owner, purpose=FilePurpose.MESSAGE_ATTACHMENT)
        storage = storages["default"]
        storage.save(stored.storage_key, ContentFile(_png()))
        stored.thumbnail_key = storage.save(f"{stored.storage_key}.thumb.jpg", ContentFile(_png()))
        stored.save(update_fields=["thumbnail_key"])
        MessageAttachment.objects.create(message=message, file=stored)
        reaction_add(
            actor=owner, conversation=direct, message=message, emoji_code="1f436", emoji_name="dog"
        )
        user_block(actor=owner, user_id=blocked.pk)
        return {
            "direct": direct.pk,
            "group": group.pk,
            "message": message.pk,
            "file": stored.pk,
            "provider": provider.pk,
            "third": third.pk,
            "blocked": blocked.pk,
        }

    def state(self):
        return {
            **super().state(),
            "conversations": Conversation.objects.count(),
            "participants": ConversationParticipant.objects.filter(left_at__isnull=True).count(),
            "messages": Message.objects.filter(deleted_at__isnull=True).count(),
            "edited": Message.objects.filter(edited_at__isnull=False).count(),
            "reactions": MessageReaction.objects.count(),
            "blocks": UserBlock.objects.count(),
            "pinned": ConversationParticipant.objects.filter(is_pinned=True).count(),
        }

    def check_success(self, cell, response, before, after):
        # reads write nothing; every write changes something the state shows
        if cell.route.method == "GET":
            if getattr(response, "streaming", False):
                response.close()
            assert after == before
        elif cell.route.path.endswith("read/") or cell.expected == 200:
            return
        else:
            assert after != before
