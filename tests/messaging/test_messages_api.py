"""The messages API: sending (idempotent), the id cursor, edits, deletes, replies,
reactions, blocks and attachments."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from audit.models import AuditLog
from doggy.choices import SettingDataType
from doggy.models import StoredFile
from doggy.services import stored_file_mark_scanned
from messaging.models import Conversation, Message, MessageEdit, MessageReaction, UserBlock
from messaging.selectors.conversations import is_blocked
from messaging.services.conversations import user_block
from tests.doggy.factories import SystemSettingFactory

pytestmark = pytest.mark.django_db


def _messages_url(conversation) -> str:
    return f"/api/v1/conversations/{conversation.pk}/messages/"


def _send(client, conversation, content="hello", **extra):
    return client.post(_messages_url(conversation), {"content": content, **extra}, format="json")


def _png(width=800, height=600, name="rex.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


# --- Sending -----------------------------------------------------------------------------------
def test_send_returns_the_message_and_counts_it(client_for, owner, direct):
    # when
    response = _send(client_for(owner), direct, "Is Tuesday fine?")

    # then
    assert response.status_code == 201
    body = response.json()
    assert (body["content"], body["sender_id"], body["message_type"]) == (
        "Is Tuesday fine?",
        owner.pk,
        "Text",
    )
    direct.refresh_from_db()
    assert (direct.message_count, direct.last_message_id) == (1, body["id"])


def test_retried_send_returns_the_same_message_201_then_200(client_for, owner, direct):
    # given
    client = client_for(owner)

    # when: the client retries the same send three times
    responses = [_send(client, direct, "once", client_message_id="c-1") for _ in range(3)]

    # then: one row; the first answer 201, the retries 200 with the same message
    assert [r.status_code for r in responses] == [201, 200, 200]
    assert len({r.json()["id"] for r in responses}) == 1
    assert Message.objects.filter(conversation=direct).count() == 1
    direct.refresh_from_db()
    assert direct.message_count == 1


def test_client_message_id_of_another_conversation_is_refused(client_for, owner, direct, group):
    client = client_for(owner)
    _send(client, direct, client_message_id="c-1")

    response = _send(client, group, client_message_id="c-1")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "client_message_id_reused"


def test_empty_message_is_refused(client_for, owner, direct):
    response = _send(client_for(owner), direct, "   ")

    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"content": ["Write something."]}


def test_reply_points_at_a_message_of_the_same_conversation(client_for, owner, direct, group):
    client = client_for(owner)
    first = _send(client, direct, "first").json()
    elsewhere = _send(client, group, "elsewhere").json()

    reply = _send(client, direct, "re", reply_to_id=first["id"])
    stray = _send(client, direct, "re", reply_to_id=elsewhere["id"])

    assert reply.status_code == 201
    assert reply.json()["reply_to_id"] == first["id"]
    assert stray.status_code == 400
    assert set(stray.json()["error"]["fields"]) == {"reply_to_id"}


def test_locked_conversation_refuses_sends(client_for, owner, direct):
    Conversation.objects.filter(pk=direct.pk).update(is_locked=True)

    response = _send(client_for(owner), direct)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "conversation_locked"


# --- The id cursor -----------------------------------------------------------------------------
def test_pages_by_id_in_both_directions(client_for, owner, direct):
    # given: seven messages
    client = client_for(owner)
    ids = [_send(client, direct, f"m{i}").json()["id"] for i in range(7)]
    url = _messages_url(direct)

    # when: the newest three, then the three before them, then the last one
    newest = client.get(f"{url}?limit=3").json()
    older = client.get(newest["next"]).json()
    oldest = client.get(older["next"]).json()

    # then: newest first, with a next cursor while more remain
    assert [m["id"] for m in newest["results"]] == ids[6:3:-1]
    assert [m["id"] for m in older["results"]] == ids[3:0:-1]
    assert [m["id"] for m in oldest["results"]] == [ids[0]]
    assert (newest["has_more"], older["has_more"], oldest["has_more"]) == (True, True, False)
    assert oldest["next"] is None

    # when: forwards from the second message
    forwards = client.get(f"{url}?after={ids[1]}&limit=4").json()
    rest = client.get(forwards["next"]).json()

    # then: oldest first
    assert forwards["direction"] == "after"
    assert [m["id"] for m in forwards["results"]] == ids[2:6]
    assert [m["id"] for m in rest["results"]] == [ids[6]]
    assert rest["has_more"] is False


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("before=x", "before"),
        ("after=-1", "after"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("before=5&after=1", "after"),
    ],
)
def test_bad_cursor_is_a_field_error(client_for, owner, direct, query, field):
    response = client_for(owner).get(f"{_messages_url(direct)}?{query}")

    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {field}


# --- Edits and deletes -------------------------------------------------------------------------
def test_edit_keeps_the_history(client_for, owner, provider_user, direct):
    # given
    client = client_for(owner)
    message = _send(client, direct, "Tuesday at 10").json()
    url = f"{_messages_url(direct)}{message['id']}/"

    # when: two edits by the sender, one attempt by the other participant
    client.patch(url, {"content": "Tuesday at 11"}, format="json")
    edited = client.patch(url, {"content": "Wednesday at 11"}, format="json")
    by_other = client_for(provider_user).patch(url, {"content": "no"}, format="json")

    # then
    assert edited.status_code == 200
    assert edited.json()["content"] == "Wednesday at 11"
    assert edited.json()["edited_at"] is not None
    assert by_other.status_code == 403
    assert by_other.json()["error"]["code"] == "message_author_only"
    history = client_for(provider_user).get(f"{url}edits/").json()
    assert [e["previous_content"] for e in history] == ["Tuesday at 10", "Tuesday at 11"]
    assert MessageEdit.objects.count() == 2


def test_soft_delete_leaves_a_tombstone(client_for, owner, provider_user, direct):
    # given
    message = _send(client_for(owner), direct, "oops").json()
    url = f"{_messages_url(direct)}{message['id']}/"

    # when: the other participant tries; the sender deletes
    by_other = client_for(provider_user).delete(url)
    deleted = client_for(owner).delete(url)

    # then
    assert by_other.status_code == 403
    assert deleted.status_code == 204
    row = Message.objects.get(pk=message["id"])
    assert (row.content, row.deleted_by_id) == ("", owner.pk)
    assert row.deleted_at is not None
    listed = client_for(provider_user).get(_messages_url(direct)).json()["results"]
    assert [(m["id"], m["content"], m["is_deleted"]) for m in listed] == [(message["id"], "", True)]
    assert AuditLog.objects.filter(entity_id=str(row.pk), action="Delete").count() == 1
    # a deleted message is not edited
    again = client_for(owner).patch(url, {"content": "back"}, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "message_deleted"


def test_group_owner_deletes_a_members_message(client_for, owner, provider_user, group):
    message = _send(client_for(provider_user), group, "spam").json()

    response = client_for(owner).delete(f"{_messages_url(group)}{message['id']}/")

    assert response.status_code == 204


# --- Reactions ---------------------------------------------------------------------------------
def test_reactions_are_one_per_user_and_emoji(client_for, owner, provider_user, direct):
    # given
    message = _send(client_for(owner), direct).json()
    url = f"{_messages_url(direct)}{message['id']}/reactions/"
    dog = {"emoji_code": "1f436", "emoji_name": "dog"}

    # when
    first = client_for(provider_user).post(url, dog, format="json")
    again = client_for(provider_user).post(url, dog, format="json")
    client_for(owner).post(url, dog, format="json")

    # then
    assert (first.status_code, again.status_code) == (201, 200)
    listed = client_for(owner).get(f"{_messages_url(direct)}{message['id']}/").json()
    assert listed["reactions"] == [
        {
            "emoji_code": "1f436",
            "emoji_name": "dog",
            "count": 2,
            "user_ids": [provider_user.pk, owner.pk],
        }
    ]

    # when: one takes it back, twice
    removed = client_for(provider_user).delete(f"{url}1f436/")
    twice = client_for(provider_user).delete(f"{url}1f436/")

    # then
    assert (removed.status_code, twice.status_code) == (204, 404)
    assert list(MessageReaction.objects.values_list("user_id", flat=True)) == [owner.pk]


def test_bad_emoji_code_is_refused(client_for, owner, direct):
    message = _send(client_for(owner), direct).json()

    response = client_for(owner).post(
        f"{_messages_url(direct)}{message['id']}/reactions/",
        {"emoji_code": "<script>", "emoji_name": "x"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"emoji_code"}


# --- Blocks ------------------------------------------------------------------------------------
def test_blocked_user_cannot_message_the_blocker(client_for, owner, provider_user, direct):
    # given: the owner blocks the provider
    blocked = client_for(owner).post(
        "/api/v1/blocks/", {"user_id": provider_user.pk, "reason": "rude"}, format="json"
    )
    assert blocked.status_code == 201

    # when: the provider writes in their direct conversation, or starts a new one
    sent = _send(client_for(provider_user), direct)
    started = client_for(provider_user).post(
        "/api/v1/conversations/", {"user_id": owner.pk}, format="json"
    )
    # and the blocker cannot write either
    back = _send(client_for(owner), direct)

    # then
    for response in (sent, started, back):
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "user_blocked"
    assert Message.objects.count() == 0

    # when: unblocked, they talk again
    assert client_for(owner).delete(f"/api/v1/blocks/{provider_user.pk}/").status_code == 204
    assert _send(client_for(provider_user), direct).status_code == 201


def test_block_list_and_idempotent_block(client_for, owner, provider_user):
    client = client_for(owner)
    client.post("/api/v1/blocks/", {"user_id": provider_user.pk}, format="json")

    again = client.post("/api/v1/blocks/", {"user_id": provider_user.pk}, format="json")
    listed = client.get("/api/v1/blocks/").json()
    self_block = client.post("/api/v1/blocks/", {"user_id": owner.pk}, format="json")

    assert again.status_code == 200
    assert [b["user_id"] for b in listed] == [provider_user.pk]
    assert self_block.status_code == 400
    assert UserBlock.objects.count() == 1


def test_is_blocked_works_both_ways(owner, provider_user, other_owner):
    user_block(actor=owner, user_id=provider_user.pk)

    assert is_blocked(owner, provider_user) is True
    assert is_blocked(provider_user.pk, owner.pk) is True
    assert is_blocked(owner, other_owner) is False


# --- Attachments -------------------------------------------------------------------------------
def test_image_attachment_gets_a_thumbnail_after_commit(
    client_for,
    owner,
    provider_user,
    other_owner,
    direct,
    media_root,
    django_capture_on_commit_callbacks,
):
    # when: a picture is sent as multipart
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            _messages_url(direct),
            {"content": "look", "files": [_png()], "client_message_id": "pic-1"},
            format="multipart",
        )

    # then: the file is stored for messaging, the thumbnail is made after commit
    assert response.status_code == 201
    body = response.json()
    assert body["message_type"] == "Image"
    [attachment] = body["attachments"]
    assert (attachment["content_type"], attachment["is_ready"], attachment["url"]) == (
        "image/png",
        False,
        None,
    )
    stored = StoredFile.objects.get(pk=attachment["file_id"])
    assert stored.purpose == "MessageAttachment"
    assert (stored.width, stored.height) == (800, 600)
    with storages["default"].open(stored.thumbnail_key, "rb") as blob:
        assert Image.open(blob).size == (320, 240)

    # when: the scan passed, the other participant downloads it and its thumbnail
    stored_file_mark_scanned(file=stored, status="Clean")
    message = client_for(provider_user).get(f"{_messages_url(direct)}{body['id']}/").json()
    [ready] = message["attachments"]
    download = client_for(provider_user).get(ready["url"])
    thumbnail = client_for(provider_user).get(ready["thumbnail_url"])
    stranger = client_for(other_owner).get(ready["url"])

    # then
    assert ready["is_ready"] is True
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:4] == b"\x89PNG"
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/jpeg"
    assert b"".join(thumbnail.streaming_content)[:2] == b"\xff\xd8"
    download.close()
    thumbnail.close()
    assert stranger.status_code == 404


def test_pending_attachment_is_not_served(client_for, owner, direct, media_root):
    body = (
        client_for(owner)
        .post(_messages_url(direct), {"files": [_png()]}, format="multipart")
        .json()
    )
    file_id = body["attachments"][0]["file_id"]

    response = client_for(owner).get(f"{_messages_url(direct)}{body['id']}/attachments/{file_id}/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "attachment_not_found"


def test_attachment_over_the_size_setting_is_refused(client_for, owner, direct, media_root):
    # given: Messaging.MaxFileSize below the picture's size
    SystemSettingFactory(
        setting_key="Messaging.MaxFileSize",
        setting_value="200",
        data_type=SettingDataType.INTEGER,
        category="Messaging",
    )

    # when
    response = client_for(owner).post(
        _messages_url(direct), {"content": "big", "files": [_png()]}, format="multipart"
    )

    # then: nothing is stored, nothing is sent
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_too_large"
    assert (StoredFile.objects.count(), Message.objects.count()) == (0, 0)


def test_attachment_of_a_refused_type_is_refused(client_for, owner, direct, media_root):
    upload = SimpleUploadedFile("run.exe", b"MZ" + b"\x00" * 64, content_type="image/png")

    response = client_for(owner).post(
        _messages_url(direct), {"files": [upload]}, format="multipart"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_type_not_allowed"
    assert Message.objects.count() == 0


def test_ids_beyond_bigint_are_refused_not_crashed(client_for, owner, direct):
    huge = str(2**70)
    client = client_for(owner)

    detail = client.get(f"{_messages_url(direct)}{huge}/")
    page = client.get(f"{_messages_url(direct)}?before={huge}")
    reply = _send(client, direct, reply_to_id=huge)
    read = client.post(
        f"/api/v1/conversations/{direct.pk}/read/", {"message_id": huge}, format="json"
    )

    assert detail.status_code == 404
    assert (page.status_code, reply.status_code, read.status_code) == (400, 400, 400)
