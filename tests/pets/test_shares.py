"""Sharing a dog: `/api/v1/dogs/{id}/shares/`, the share services and guardian's rows.

The grant table is the source of truth (its expiry is part of every visibility query);
guardian's `view_dogprofile` / `change_dogprofile` rows follow the grants.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from guardian.shortcuts import get_perms

from audit.models import AuditLog
from pets.models import DogAccessGrant, DogProfile
from pets.selectors import dog_list
from pets.services import dog_share, dog_share_revoke, dog_shares_expire
from tests.accounts.factories import UserFactory
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory


def _perms(user, dog) -> list[str]:
    # A fresh user object: guardian caches permissions per instance.
    fresh = type(user).objects.get(pk=user.pk)
    return sorted(get_perms(fresh, DogProfile.objects.get(pk=dog.pk)))


def test_owner_shares_read_only_by_email(client_for, dog, other_owner):
    # when the owner shares the dog by email (any case)
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/shares/",
        {"email": other_owner.email.upper(), "access_level": "View"},
        format="json",
    )
    # then a live View grant exists, with guardian's view permission
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["grantee_id"], body["access_level"], body["is_live"]) == (
        other_owner.pk,
        "View",
        True,
    )
    assert _perms(other_owner, dog) == ["view_dogprofile"]
    # and the grantee sees the dog in their list, read-only
    listed = client_for(other_owner).get("/api/v1/dogs/").json()["results"]
    assert [(d["id"], d["relation"]) for d in listed] == [(str(dog.pk), "View")]
    # and the share is audited on the dog
    entry = AuditLog.objects.get(action="PermissionGranted", entity_id=str(dog.pk))
    assert entry.new_values["grantee_id"] == other_owner.pk


def test_edit_share_grants_change_and_sharing_again_replaces_the_level(dog, other_owner):
    grant = dog_share(actor=dog.owner, dog=dog, email=other_owner.email, access_level="Edit")
    assert _perms(other_owner, dog) == ["change_dogprofile", "view_dogprofile"]
    # when the owner shares again, read-only, until tomorrow
    until = timezone.now() + datetime.timedelta(days=1)
    again = dog_share(
        actor=dog.owner, dog=dog, email=other_owner.email, access_level="View", expires_at=until
    )
    # then the same grant changed, and guardian followed
    assert again.pk == grant.pk
    assert DogAccessGrant.objects.filter(dog=dog).count() == 1
    again.refresh_from_db()
    assert (again.access_level, again.expires_at) == ("View", until)
    assert _perms(other_owner, dog) == ["view_dogprofile"]


def test_expired_share_stops_working_without_a_sweep(client_for, dog, other_owner):
    # given a share that has just expired (guardian rows not yet swept)
    grant = dog_share(
        actor=dog.owner,
        dog=dog,
        email=other_owner.email,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    DogAccessGrant.objects.filter(pk=grant.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    client = client_for(other_owner)
    # then the grantee no longer sees the dog or its records
    assert client.get("/api/v1/dogs/").json()["count"] == 0
    assert client.get(f"/api/v1/dogs/{dog.pk}/").status_code == 404
    assert client.get(f"/api/v1/dogs/{dog.pk}/vaccinations/").status_code == 404
    # and the sweep then revokes the grant and removes guardian's rows
    assert dog_shares_expire() == 1
    grant.refresh_from_db()
    assert grant.revoked_at is not None
    assert _perms(other_owner, dog) == []
    assert dog_shares_expire() == 0


def test_expire_command_sweeps(dog, other_owner):
    grant = DogAccessGrantFactory(
        dog=dog, grantee=other_owner, expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    call_command("expire_dog_shares", verbosity=0)
    grant.refresh_from_db()
    assert grant.revoked_at is not None


def test_owner_revokes_a_share(client_for, dog, other_owner):
    grant = dog_share(actor=dog.owner, dog=dog, email=other_owner.email, access_level="Edit")
    response = client_for(dog.owner).delete(f"/api/v1/dogs/{dog.pk}/shares/{grant.pk}/")
    assert response.status_code == 204
    grant.refresh_from_db()
    assert grant.revoked_at is not None
    assert _perms(other_owner, dog) == []
    assert client_for(other_owner).get(f"/api/v1/dogs/{dog.pk}/").status_code == 404
    # and the revoked share leaves the list; a new one may be made
    assert client_for(dog.owner).get(f"/api/v1/dogs/{dog.pk}/shares/").json()["count"] == 0
    dog_share(actor=dog.owner, dog=dog, email=other_owner.email)
    assert DogAccessGrant.objects.filter(dog=dog).count() == 2


def test_grantee_may_leave_a_share(client_for, dog, viewer):
    grant = DogAccessGrant.objects.get(dog=dog, grantee=viewer)
    response = client_for(viewer).delete(f"/api/v1/dogs/{dog.pk}/shares/{grant.pk}/")
    assert response.status_code == 204
    assert client_for(viewer).get("/api/v1/dogs/").json()["count"] == 0


@pytest.mark.parametrize(
    ("_case", "body", "field", "code"),
    [
        ("unknown email", {"email": "nobody@example.com"}, "email", "dog_share_grantee_unknown"),
        ("not an email", {"email": "nobody"}, "email", "invalid"),
        ("email too long", {"email": "a" * 250 + "@example.com"}, "email", "invalid"),
        (
            "level unknown",
            {"email": "friend@example.com", "access_level": "Own"},
            "access_level",
            "invalid",
        ),
        (
            "expiry in the past",
            {"email": "friend@example.com", "expires_at": "2020-01-01T00:00:00Z"},
            "expires_at",
            "dog_share_expiry_in_past",
        ),
        (
            "expiry not a time",
            {"email": "friend@example.com", "expires_at": "soon"},
            "expires_at",
            "invalid",
        ),
    ],
)
def test_bad_share_input_answers_400_and_shares_nothing(client_for, dog, _case, body, field, code):
    UserFactory(email="friend@example.com")
    response = client_for(dog.owner).post(f"/api/v1/dogs/{dog.pk}/shares/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == code
    assert list(response.json()["error"]["fields"]) == [field]
    assert DogAccessGrant.objects.count() == 0


def test_sharing_with_yourself_is_refused(client_for, dog):
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/shares/", {"email": dog.owner.email}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "dog_share_with_owner"
    assert DogAccessGrant.objects.count() == 0


def test_sharing_with_a_deactivated_account_is_refused(client_for, dog):
    gone = UserFactory(account_status="Deactivated")
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/shares/", {"email": gone.email}, format="json"
    )
    assert response.status_code == 400
    assert DogAccessGrant.objects.count() == 0


def test_editor_cannot_reshare(dog, editor, other_owner):
    from pets.errors import DogOwnerOnlyError

    with pytest.raises(DogOwnerOnlyError):
        dog_share(actor=editor, dog=dog, email=other_owner.email)
    assert DogAccessGrant.objects.filter(grantee=other_owner).count() == 0


def test_revoking_twice_changes_nothing(dog, viewer):
    grant = DogAccessGrant.objects.get(dog=dog, grantee=viewer)
    dog_share_revoke(actor=dog.owner, grant=grant)
    first = DogAccessGrant.objects.get(pk=grant.pk).revoked_at
    dog_share_revoke(actor=dog.owner, grant=grant)
    assert DogAccessGrant.objects.get(pk=grant.pk).revoked_at == first
    assert AuditLog.objects.filter(action="PermissionRevoked").count() == 1


def test_list_selector_sees_future_expiry_until_it_passes(dog, other_owner):
    now = timezone.now()
    DogAccessGrantFactory(
        dog=dog, grantee=other_owner, expires_at=now + datetime.timedelta(hours=1)
    )
    assert dog_list(actor=other_owner).count() == 1
    # the same grant, seen from an hour and a second later
    later = now + datetime.timedelta(hours=1, seconds=1)
    assert DogProfile.objects.visible_to(other_owner, now=later).count() == 0


def test_editable_by_counts_only_live_edit_shares(dog, viewer, editor, other_owner):
    assert list(DogProfile.objects.editable_by(editor)) == [dog]
    assert list(DogProfile.objects.editable_by(viewer)) == []
    assert list(DogProfile.objects.editable_by(dog.owner)) == [dog]
    assert list(DogProfile.objects.editable_by(other_owner)) == []
    # the lazy form (for lookups by primary key) agrees
    assert list(DogProfile.objects.editable_by(editor, inline_shares=False)) == [dog]
    assert list(DogProfile.objects.visible_to(viewer, inline_shares=False)) == [dog]


def test_owned_and_shared_dogs_are_one_query(dog, viewer, django_assert_num_queries):
    # Shared dogs are folded into the same statement (no read of the share ids first).
    own = DogProfileFactory(owner=viewer, name="Aaa")
    with django_assert_num_queries(1):
        assert set(DogProfile.objects.visible_to(viewer)) == {dog, own}
