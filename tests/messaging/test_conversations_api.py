"""The conversations API: direct and group conversations, participants and settings."""

from __future__ import annotations

import pytest

from audit.models import AuditLog
from messaging.keys import direct_key
from messaging.models import Conversation, ConversationParticipant
from tests.callers import make_user

pytestmark = pytest.mark.django_db


def test_direct_conversation_is_made_once_per_pair(client_for, owner, provider_user):
    # given
    client = client_for(owner)

    # when: the owner asks twice, then the provider asks for the same pair
    first = client.post("/api/v1/conversations/", {"user_id": provider_user.pk}, format="json")
    again = client.post("/api/v1/conversations/", {"user_id": provider_user.pk}, format="json")
    other_side = client_for(provider_user).post(
        "/api/v1/conversations/", {"type": "Direct", "user_id": owner.pk}, format="json"
    )

    # then: one row, keyed by the pair; 201 then 200
    assert (first.status_code, again.status_code, other_side.status_code) == (201, 200, 200)
    assert first.json()["id"] == again.json()["id"] == other_side.json()["id"]
    conversation = Conversation.objects.get()
    assert conversation.direct_key == direct_key([owner.pk, provider_user.pk])
    assert sorted(p["user_id"] for p in first.json()["participants"]) == sorted(
        [owner.pk, provider_user.pk]
    )
    assert AuditLog.objects.filter(entity_id=str(conversation.pk), action="Create").count() == 1


def test_direct_conversation_with_oneself_is_refused(client_for, owner):
    response = client_for(owner).post(
        "/api/v1/conversations/", {"user_id": owner.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "participant_invalid"
    assert set(response.json()["error"]["fields"]) == {"user_id"}


def test_direct_conversation_with_user_without_messaging_is_refused(
    client_for, owner, kyc_reviewer
):
    response = client_for(owner).post(
        "/api/v1/conversations/", {"user_id": kyc_reviewer.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"user_id": ["No such user."]}


def test_group_conversation_has_owner_and_members(client_for, owner, provider_user, other_owner):
    # when
    response = client_for(owner).post(
        "/api/v1/conversations/",
        {"type": "Group", "title": "Walk club", "user_ids": [provider_user.pk, other_owner.pk]},
        format="json",
    )

    # then
    assert response.status_code == 201
    body = response.json()
    assert (body["type"], body["title"], body["role"]) == ("Group", "Walk club", "Owner")
    roles = dict(
        ConversationParticipant.objects.filter(conversation_id=body["id"]).values_list(
            "user_id", "role"
        )
    )
    assert roles == {owner.pk: "Owner", provider_user.pk: "Member", other_owner.pk: "Member"}


def test_list_orders_pinned_then_by_last_message(client_for, owner, provider_user, other_owner):
    # given: three conversations; messages in two of them; the quiet one pinned
    client = client_for(owner)
    quiet = client.post("/api/v1/conversations/", {"user_id": other_owner.pk}, format="json").json()
    with_provider = client.post(
        "/api/v1/conversations/", {"user_id": provider_user.pk}, format="json"
    ).json()
    group = client.post(
        "/api/v1/conversations/",
        {"type": "Group", "title": "G", "user_ids": [provider_user.pk]},
        format="json",
    ).json()
    client.post(f"/api/v1/conversations/{with_provider['id']}/messages/", {"content": "a"})
    client.post(f"/api/v1/conversations/{group['id']}/messages/", {"content": "b"})
    client.patch(f"/api/v1/conversations/{quiet['id']}/", {"is_pinned": True}, format="json")

    # when
    response = client.get("/api/v1/conversations/")

    # then
    assert response.status_code == 200
    ids = [row["id"] for row in response.json()["results"]]
    assert ids == [quiet["id"], group["id"], with_provider["id"]]


def test_unread_count_follows_the_read_cursor(client_for, owner, provider_user, direct):
    # given: the provider sends three messages
    provider = client_for(provider_user)
    sent = [
        provider.post(
            f"/api/v1/conversations/{direct.pk}/messages/", {"content": f"m{i}"}, format="json"
        ).json()
        for i in range(3)
    ]
    client = client_for(owner)

    def unread() -> tuple[int, int]:
        mine = client.get("/api/v1/conversations/").json()["results"][0]["unread_count"]
        theirs = provider.get("/api/v1/conversations/").json()["results"][0]["unread_count"]
        return mine, theirs

    # then: three unread for the owner, none for the sender
    assert unread() == (3, 0)

    # when: read up to the first, then everything
    first = client.post(
        f"/api/v1/conversations/{direct.pk}/read/", {"message_id": sent[0]["id"]}, format="json"
    )
    assert first.status_code == 200
    assert first.json()["last_read_message_id"] == sent[0]["id"]
    assert unread() == (2, 0)
    client.post(f"/api/v1/conversations/{direct.pk}/read/", {}, format="json")
    assert unread() == (0, 0)

    # and the cursor never moves back
    back = client.post(
        f"/api/v1/conversations/{direct.pk}/read/", {"message_id": sent[0]["id"]}, format="json"
    )
    assert back.json()["last_read_message_id"] == sent[2]["id"]
    assert unread() == (0, 0)
    receipts = provider.get(
        f"/api/v1/conversations/{direct.pk}/messages/{sent[1]['id']}/receipts/"
    ).json()
    assert [r["user_id"] for r in receipts] == [owner.pk]


def test_mark_read_of_another_conversations_message_is_refused(
    client_for, owner, provider_user, direct, group
):
    other = client_for(owner).post(
        f"/api/v1/conversations/{group.pk}/messages/", {"content": "x"}, format="json"
    )

    response = client_for(owner).post(
        f"/api/v1/conversations/{direct.pk}/read/",
        {"message_id": other.json()["id"]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"message_id": ["No such message here."]}


def test_settings_mute_archive_pin_are_the_callers_own(client_for, owner, provider_user, direct):
    # when
    response = client_for(owner).patch(
        f"/api/v1/conversations/{direct.pk}/",
        {"is_muted": True, "is_archived": True, "is_pinned": True, "notification_level": "None"},
        format="json",
    )

    # then: the owner's row changed, the provider's did not
    assert response.status_code == 200
    body = response.json()
    assert (body["is_muted"], body["is_archived"], body["is_pinned"]) == (True, True, True)
    assert body["notification_level"] == "None"
    theirs = ConversationParticipant.objects.get(conversation=direct, user=provider_user)
    assert (theirs.is_muted, theirs.is_archived, theirs.is_pinned) == (False, False, False)
    # archived conversations leave the default list
    assert client_for(owner).get("/api/v1/conversations/").json()["results"] == []
    archived = client_for(owner).get("/api/v1/conversations/?archived=true").json()["results"]
    assert [row["id"] for row in archived] == [str(direct.pk)]


def test_a_new_message_unarchives(client_for, owner, provider_user, direct):
    client_for(owner).patch(
        f"/api/v1/conversations/{direct.pk}/", {"is_archived": True}, format="json"
    )

    client_for(provider_user).post(
        f"/api/v1/conversations/{direct.pk}/messages/", {"content": "hi"}, format="json"
    )

    assert ConversationParticipant.objects.get(conversation=direct, user=owner).is_archived is False


def test_participants_add_and_remove(client_for, owner, provider_user, other_owner, group, rbac):
    # given
    newcomer = make_user(rbac, "PetOwner", email="new@example.com")
    client = client_for(owner)

    # when: the owner adds someone; a member tries to add someone
    added = client.post(
        f"/api/v1/conversations/{group.pk}/participants/",
        {"user_id": newcomer.pk, "role": "Admin"},
        format="json",
    )
    by_member = client_for(other_owner).post(
        f"/api/v1/conversations/{group.pk}/participants/", {"user_id": owner.pk}, format="json"
    )
    twice = client.post(
        f"/api/v1/conversations/{group.pk}/participants/", {"user_id": newcomer.pk}, format="json"
    )

    # then
    assert added.status_code == 201
    assert added.json()["role"] == "Admin"
    assert by_member.status_code == 403
    assert by_member.json()["error"]["code"] == "conversation_admin_only"
    assert twice.status_code == 409

    # when: the admin removes a member; a member leaves
    removed = client_for(newcomer).delete(
        f"/api/v1/conversations/{group.pk}/participants/{provider_user.pk}/"
    )
    left = client_for(other_owner).delete(
        f"/api/v1/conversations/{group.pk}/participants/{other_owner.pk}/"
    )

    # then: both are out and see the conversation no more
    assert (removed.status_code, left.status_code) == (204, 204)
    listed = client.get(f"/api/v1/conversations/{group.pk}/participants/").json()
    assert sorted(p["user_id"] for p in listed) == sorted([owner.pk, newcomer.pk])
    gone = client_for(provider_user).get(f"/api/v1/conversations/{group.pk}/messages/")
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "conversation_not_found"


def test_direct_conversation_cannot_be_left(client_for, owner, direct):
    response = client_for(owner).delete(
        f"/api/v1/conversations/{direct.pk}/participants/{owner.pk}/"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "conversation_invalid"


def test_non_participant_gets_404_everywhere(client_for, other_owner, direct):
    client = client_for(other_owner)

    for path in (
        f"/api/v1/conversations/{direct.pk}/",
        f"/api/v1/conversations/{direct.pk}/messages/",
        f"/api/v1/conversations/{direct.pk}/participants/",
        "/api/v1/conversations/not-a-uuid/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "conversation_not_found"
    assert client.get("/api/v1/conversations/").json()["results"] == []
