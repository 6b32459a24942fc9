"""`/api/v1/dogs/`: list, create, read, change, deactivate, photos; bad input answers 400."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audit.models import AuditLog
from doggy.models import StoredFile
from pets.models import DogProfile
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _audit_count() -> int:
    return AuditLog.objects.count()


# --- Create ----------------------------------------------------------------------------------
def test_create_dog_stores_every_given_column_and_audits(client_for, owner):
    # given a full profile
    body = {
        "name": "Maple",
        "breed": "Labrador Retriever",
        "secondary_breed": "Poodle",
        "birthdate": "2021-04-01",
        "weight": "55.25",
        "height": "22.50",
        "gender": "Female",
        "is_spayed_neutered": None,
        "coat_type": "Curly",
        "microchip_number": "985112345678901",
        "energy_level": "High",
        "socialization_level": "Very Social",
        "training_level": "None",
        "special_needs": "Needs a ramp",
        "additional_photos": ["https://example.com/maple.jpg"],
    }
    # when the owner creates the dog
    response = client_for(owner).post("/api/v1/dogs/", body, format="json")
    # then it is stored as given, owned by the caller, active
    assert response.status_code == 201, response.content
    dog = DogProfile.objects.get(pk=response.json()["id"])
    assert dog.owner_id == owner.pk
    assert (dog.name, dog.weight, dog.height) == ("Maple", Decimal("55.25"), Decimal("22.50"))
    assert dog.socialization_level == "Very Social"
    assert dog.training_level == "None"
    assert dog.is_spayed_neutered is None
    assert dog.is_active is True
    assert dog.additional_photos == ["https://example.com/maple.jpg"]
    assert response.json()["relation"] == "Owner"
    # and the creation is audited with the new values
    entry = AuditLog.objects.get(entity_type="pets.DogProfile", entity_id=str(dog.pk))
    assert (entry.action, entry.user_id) == ("Create", owner.pk)
    assert entry.new_values["name"] == "Maple"


def test_create_dog_with_only_a_name_uses_the_plan_defaults(client_for, owner):
    response = client_for(owner).post("/api/v1/dogs/", {"name": "Pip"}, format="json")
    assert response.status_code == 201
    dog = DogProfile.objects.get(pk=response.json()["id"])
    assert (dog.is_spayed_neutered, dog.is_active, dog.breed) == (False, True, None)


def test_blank_optional_text_is_stored_as_null(client_for, owner):
    response = client_for(owner).post(
        "/api/v1/dogs/", {"name": "Pip", "breed": "", "special_needs": ""}, format="json"
    )
    dog = DogProfile.objects.get(pk=response.json()["id"])
    assert (dog.breed, dog.special_needs) == (None, None)


@pytest.mark.parametrize(
    ("_case", "body", "field"),
    [
        ("name missing", {"breed": "Beagle"}, "name"),
        ("name blank", {"name": "  "}, "name"),
        ("name too long", {"name": "x" * 101}, "name"),
        ("breed too long", {"name": "Rex", "breed": "b" * 101}, "breed"),
        (
            "vet address too long",
            {"name": "Rex", "veterinarian_address": "a" * 501},
            "veterinarian_address",
        ),
        ("weight negative", {"name": "Rex", "weight": "-3"}, "weight"),
        ("weight zero", {"name": "Rex", "weight": "0"}, "weight"),
        ("weight too large", {"name": "Rex", "weight": "1000"}, "weight"),
        ("weight three decimals", {"name": "Rex", "weight": "12.345"}, "weight"),
        ("weight not a number", {"name": "Rex", "weight": "heavy"}, "weight"),
        ("height negative", {"name": "Rex", "height": "-1"}, "height"),
        ("birthdate not a date", {"name": "Rex", "birthdate": "yesterday"}, "birthdate"),
        ("birthdate in the future", {"name": "Rex", "birthdate": "2999-01-01"}, "birthdate"),
        ("gender unknown value", {"name": "Rex", "gender": "Other"}, "gender"),
        ("energy wrong type", {"name": "Rex", "energy_level": 3}, "energy_level"),
        (
            "spayed not a boolean",
            {"name": "Rex", "is_spayed_neutered": "maybe"},
            "is_spayed_neutered",
        ),
        (
            "photo url invalid",
            {"name": "Rex", "profile_image_url": "not a url"},
            "profile_image_url",
        ),
        ("photos not a list", {"name": "Rex", "additional_photos": "x"}, "additional_photos"),
        ("name wrong type", {"name": ["Rex"]}, "name"),
    ],
)
def test_create_dog_with_bad_input_answers_400_and_writes_nothing(
    client_for, owner, _case, body, field
):
    audits = _audit_count()
    # when the owner sends bad input
    response = client_for(owner).post("/api/v1/dogs/", body, format="json")
    # then the answer says which field is wrong
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    # and nothing was written
    assert DogProfile.objects.count() == 0
    assert _audit_count() == audits


def test_microchip_number_in_use_by_an_active_dog_is_a_field_error(client_for, owner):
    # given an active dog of another owner with a microchip number
    DogProfileFactory(microchip_number="985000000000001")
    # when the owner registers the same number
    response = client_for(owner).post(
        "/api/v1/dogs/", {"name": "Rex", "microchip_number": "985000000000001"}, format="json"
    )
    # then it is refused on that field, and nothing is written
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["microchip_number"]
    assert DogProfile.objects.filter(owner=owner).count() == 0


def test_microchip_number_of_an_inactive_dog_may_be_reused(client_for, owner):
    DogProfileFactory(microchip_number="985000000000002", is_active=False)
    response = client_for(owner).post(
        "/api/v1/dogs/", {"name": "Rex", "microchip_number": "985000000000002"}, format="json"
    )
    assert response.status_code == 201


# --- List ------------------------------------------------------------------------------------
def test_list_shows_own_and_shared_active_dogs_only(client_for, owner, other_owner):
    # given own dogs, a dog shared with the owner, a lapsed share and strangers' dogs
    DogProfileFactory(owner=owner, name="Alpha")
    DogProfileFactory(owner=owner, name="Zulu", is_active=False)
    shared = DogProfileFactory(owner=other_owner, name="Bravo")
    DogAccessGrantFactory(dog=shared, grantee=owner, access_level="Edit")
    lapsed = DogProfileFactory(owner=other_owner, name="Charlie")
    DogAccessGrantFactory(
        dog=lapsed, grantee=owner, expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    DogProfileFactory(owner=other_owner, name="Delta")
    # when the owner lists dogs
    response = client_for(owner).get("/api/v1/dogs/")
    # then they see their active dog and the live share, by name
    results = response.json()["results"]
    assert [(d["name"], d["relation"]) for d in results] == [("Alpha", "Owner"), ("Bravo", "Edit")]
    assert response.json()["count"] == 2


@pytest.mark.parametrize(
    ("_case", "query", "expected"),
    [
        ("inactive only", "?is_active=false", ["Zulu"]),
        ("all", "?is_active=all", ["Alpha", "Bravo", "Zulu"]),
        ("owned", "?relation=owned&is_active=all", ["Alpha", "Zulu"]),
        ("shared", "?relation=shared", ["Bravo"]),
        ("breed", "?breed=Beagle", ["Alpha"]),
        ("name descending", "?ordering=-name&is_active=all", ["Zulu", "Bravo", "Alpha"]),
        ("newest first", "?ordering=-created_at&is_active=all", ["Zulu", "Bravo", "Alpha"]),
        ("search", "?search=beag", ["Alpha"]),
    ],
)
def test_list_filters_and_orders(client_for, owner, other_owner, _case, query, expected):
    base = timezone.now() - datetime.timedelta(days=3)
    DogProfileFactory(owner=owner, name="Alpha", breed="Beagle", created_at=base)
    shared = DogProfileFactory(
        owner=other_owner,
        name="Bravo",
        breed="Boxer",
        created_at=base + datetime.timedelta(days=1),
    )
    DogAccessGrantFactory(dog=shared, grantee=owner)
    DogProfileFactory(
        owner=owner,
        name="Zulu",
        breed="Pug",
        is_active=False,
        created_at=base + datetime.timedelta(days=2),
    )
    response = client_for(owner).get(f"/api/v1/dogs/{query}")
    assert response.status_code == 200
    assert [d["name"] for d in response.json()["results"]] == expected


@pytest.mark.parametrize(
    ("_case", "query", "field"),
    [
        ("is_active not a choice", "?is_active=maybe", "is_active"),
        ("relation not a choice", "?relation=stolen", "relation"),
        ("ordering by an unindexed column", "?ordering=weight", "ordering"),
        ("search too long", "?search=" + "a" * 201, "search"),
    ],
)
def test_list_with_bad_filters_answers_400(client_for, owner, _case, query, field):
    response = client_for(owner).get(f"/api/v1/dogs/{query}")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_list_is_paginated(client_for, owner):
    for _ in range(3):
        DogProfileFactory(owner=owner)
    response = client_for(owner).get("/api/v1/dogs/?page_size=2")
    assert response.json()["count"] == 3
    assert len(response.json()["results"]) == 2
    assert response.json()["next"] is not None


# --- Read ------------------------------------------------------------------------------------
@pytest.mark.parametrize("dog_id", ["not-a-uuid", "7d3f1c2e-0b1a-4c5d-9e8f-001122334455", "1"])
def test_unknown_dog_ids_answer_404_in_the_error_shape(client_for, owner, dog_id):
    response = client_for(owner).get(f"/api/v1/dogs/{dog_id}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "dog_not_found"


def test_other_owners_dog_answers_404_like_a_missing_one(client_for, owner, other_dog):
    response = client_for(owner).get(f"/api/v1/dogs/{other_dog.pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "dog_not_found"


# --- Update ----------------------------------------------------------------------------------
def test_owner_updates_only_the_given_fields_and_the_audit_has_old_and_new(client_for, dog):
    # when the owner changes the weight
    response = client_for(dog.owner).patch(
        f"/api/v1/dogs/{dog.pk}/", {"weight": "44.00"}, format="json"
    )
    # then only the weight changed
    assert response.status_code == 200
    dog.refresh_from_db()
    assert (dog.weight, dog.name) == (Decimal("44.00"), "Rex")
    entry = AuditLog.objects.get(action="Update", entity_id=str(dog.pk))
    assert entry.old_values == {"weight": "42.50"}
    assert entry.new_values == {"weight": "44.00"}


def test_editor_may_update_but_not_deactivate(client_for, dog, editor):
    client = client_for(editor)
    assert (
        client.patch(f"/api/v1/dogs/{dog.pk}/", {"name": "Rexy"}, format="json").status_code == 200
    )
    response = client.delete(f"/api/v1/dogs/{dog.pk}/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "dog_owner_only"
    dog.refresh_from_db()
    assert (dog.name, dog.is_active) == ("Rexy", True)


def test_update_with_bad_input_answers_400_and_changes_nothing(client_for, dog):
    audits = _audit_count()
    response = client_for(dog.owner).patch(
        f"/api/v1/dogs/{dog.pk}/", {"name": "Ok", "weight": "-1"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["weight"]
    dog.refresh_from_db()
    assert (dog.name, dog.weight) == ("Rex", Decimal("42.50"))
    assert _audit_count() == audits


def test_put_is_not_offered(client_for, dog):
    response = client_for(dog.owner).put(f"/api/v1/dogs/{dog.pk}/", {"name": "X"}, format="json")
    assert response.status_code == 405


# --- Deactivate / reactivate -----------------------------------------------------------------
def test_delete_deactivates_and_keeps_the_row(client_for, dog):
    # when the owner deletes the dog
    response = client_for(dog.owner).delete(f"/api/v1/dogs/{dog.pk}/")
    # then it is deactivated, not deleted
    assert response.status_code == 200
    assert response.json()["is_active"] is False
    dog.refresh_from_db()
    assert dog.is_active is False
    # and it leaves the default list but not the "all" list
    client = client_for(dog.owner)
    assert client.get("/api/v1/dogs/").json()["count"] == 0
    assert client.get("/api/v1/dogs/?is_active=all").json()["count"] == 1


def test_reactivate_refuses_a_microchip_taken_meanwhile(client_for, dog):
    # given the dog was deactivated and its microchip number went to another dog
    DogProfile.objects.filter(pk=dog.pk).update(is_active=False, microchip_number="985000000000003")
    DogProfileFactory(microchip_number="985000000000003")
    # when the owner reactivates it
    response = client_for(dog.owner).post(f"/api/v1/dogs/{dog.pk}/reactivate/")
    # then it is refused and the dog stays inactive
    assert response.status_code == 400
    assert "microchip_number" in response.json()["error"]["fields"]
    dog.refresh_from_db()
    assert dog.is_active is False


# --- Photos ----------------------------------------------------------------------------------
def test_photo_upload_stores_a_private_file_and_links_it(client_for, dog):
    # when the owner uploads a profile photo
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/photos/",
        {
            "file": SimpleUploadedFile("rex.png", PNG, content_type="image/png"),
            "make_profile": True,
        },
        format="multipart",
    )
    # then a private DogPhoto file exists and the dog points at its URL
    assert response.status_code == 201, response.content
    stored = StoredFile.objects.get(pk=response.json()["file_id"])
    assert (stored.purpose, stored.visibility, stored.owner_id) == (
        "DogPhoto",
        "Private",
        dog.owner_id,
    )
    dog.refresh_from_db()
    assert dog.profile_image_url == response.json()["url"]
    assert dog.profile_image_url.endswith(f"/api/v1/dogs/{dog.pk}/photos/{stored.pk}/")
    # and the photo is not served before its virus scan
    assert client_for(dog.owner).get(dog.profile_image_url).status_code == 404


def test_additional_photo_is_appended(client_for, dog):
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/photos/",
        {"file": SimpleUploadedFile("rex.png", PNG, content_type="image/png")},
        format="multipart",
    )
    dog.refresh_from_db()
    assert dog.additional_photos == [response.json()["url"]]
    assert dog.profile_image_url is None


@pytest.mark.parametrize(
    ("_case", "upload"),
    [
        ("not an image", SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")),
        (
            "pdf is not a photo",
            SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
        ),
        ("empty", SimpleUploadedFile("empty.png", b"", content_type="image/png")),
    ],
)
def test_photo_upload_refuses_bad_files(client_for, dog, _case, upload):
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/photos/", {"file": upload}, format="multipart"
    )
    assert response.status_code == 400
    assert "file" in response.json()["error"]["fields"]
    assert StoredFile.objects.count() == 0
    dog.refresh_from_db()
    assert dog.additional_photos is None


def test_photo_of_another_dog_is_not_served_through_this_dog(client_for, dog, other_dog):
    from tests.doggy.factories import StoredFileFactory

    photo = StoredFileFactory(owner=other_dog.owner)
    other_dog.profile_image_url = f"http://testserver/api/v1/dogs/{other_dog.pk}/photos/{photo.pk}/"
    other_dog.save(update_fields=["profile_image_url"])
    response = client_for(dog.owner).get(f"/api/v1/dogs/{dog.pk}/photos/{photo.pk}/")
    assert response.status_code == 404


def test_photo_whose_blob_is_gone_answers_404(client_for, dog):
    from tests.doggy.factories import StoredFileFactory

    # given a clean photo row whose bytes are not in storage
    photo = StoredFileFactory(owner=dog.owner)
    dog.profile_image_url = f"http://testserver/api/v1/dogs/{dog.pk}/photos/{photo.pk}/"
    dog.save(update_fields=["profile_image_url"])
    # then it answers 404, not 500
    response = client_for(dog.owner).get(f"/api/v1/dogs/{dog.pk}/photos/{photo.pk}/")
    assert response.status_code == 404
