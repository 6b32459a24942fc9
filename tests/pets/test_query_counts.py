"""Query counts of every pets list and detail route: the same at N and 2N rows.

Budgets (DESIGN.md): list ≤ 6 queries, detail ≤ 5. Counted with a real bearer token, so
every count includes the token authentication's session lookup (one query).
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from tests.doggy.factories import StoredFileFactory
from tests.pets.factories import (
    DogAccessGrantFactory,
    DogAllergyFactory,
    DogConditionFactory,
    DogProfileFactory,
    MedicalDocumentFactory,
    MedicationFactory,
    VaccinationFactory,
    VetVisitFactory,
    WeightRecordFactory,
)

LIST_BUDGET = 6
DETAIL_BUDGET = 5

# session, COUNT, page (the caller's shared dogs are in the same statements)
DOG_LIST = 3
# session, the dog
DOG_DETAIL = 2
# session, the dog, COUNT, page
RECORD_LIST = 4
# session, the dog, the record
RECORD_DETAIL = 3
# session, the dog, COUNT, page (grantees joined)
SHARE_LIST = 4
# session, the dog, the file row
PHOTO_DETAIL = 3

RECORD_FACTORIES = {
    "vaccinations": VaccinationFactory,
    "medications": MedicationFactory,
    "conditions": DogConditionFactory,
    "allergies": DogAllergyFactory,
    "vet-visits": VetVisitFactory,
    "documents": MedicalDocumentFactory,
    "weights": WeightRecordFactory,
}


@pytest.fixture(autouse=True)
def _warm_caches(client_for, owner):
    """One request first: project-wide reads that are cached (settings such as
    maintenance mode) are not the routes' queries."""
    client_for(owner).get("/api/v1/dogs/")


def test_counts_are_within_the_budgets():
    assert max(DOG_LIST, RECORD_LIST, SHARE_LIST) <= LIST_BUDGET
    assert max(DOG_DETAIL, RECORD_DETAIL, PHOTO_DETAIL) <= DETAIL_BUDGET


def _add_dogs(owner, other, n: int) -> None:
    """n dogs: a third owned, a third shared View, a third shared Edit."""
    for i in range(n):
        if i % 3 == 0:
            DogProfileFactory(owner=owner)
        else:
            shared = DogProfileFactory(owner=other)
            DogAccessGrantFactory(
                dog=shared, grantee=owner, access_level="View" if i % 3 == 1 else "Edit"
            )


@pytest.mark.parametrize(
    ("_case", "query"),
    [
        ("default", ""),
        ("search", "?search=dog"),
        ("filters", "?is_active=all&relation=shared&ordering=-created_at"),
    ],
)
def test_dog_list(_case, query, client_for, owner, other_owner, django_assert_num_queries):
    client = client_for(owner)
    # given N dogs
    _add_dogs(owner, other_owner, 6)
    # then the list costs the same at N and 2N rows
    with django_assert_num_queries(DOG_LIST):
        first = client.get(f"/api/v1/dogs/{query}")
    _add_dogs(owner, other_owner, 6)
    with django_assert_num_queries(DOG_LIST):
        second = client.get(f"/api/v1/dogs/{query}")
    assert first.status_code == second.status_code == 200
    assert second.json()["count"] == 2 * first.json()["count"] > 0


def test_dog_detail(client_for, dog, viewer, django_assert_num_queries):
    # given a shared dog, then its detail costs the same for the owner and the grantee
    for client in (client_for(dog.owner), client_for(viewer)):
        with django_assert_num_queries(DOG_DETAIL):
            response = client.get(f"/api/v1/dogs/{dog.pk}/")
        assert response.status_code == 200


@pytest.mark.parametrize(("segment", "factory"), RECORD_FACTORIES.items())
def test_record_list(segment, factory, client_for, dog, viewer, django_assert_num_queries):
    client = client_for(viewer)
    # given N records of the dog
    for _ in range(4):
        factory(dog=dog)
    # then a grantee's list costs the same at N and 2N
    with django_assert_num_queries(RECORD_LIST):
        first = client.get(f"/api/v1/dogs/{dog.pk}/{segment}/")
    for _ in range(4):
        factory(dog=dog)
    with django_assert_num_queries(RECORD_LIST):
        second = client.get(f"/api/v1/dogs/{dog.pk}/{segment}/")
    assert (first.json()["count"], second.json()["count"]) == (4, 8)


@pytest.mark.parametrize(("segment", "factory"), RECORD_FACTORIES.items())
def test_record_detail(segment, factory, client_for, dog, django_assert_num_queries):
    record = factory(dog=dog)
    client = client_for(dog.owner)
    with django_assert_num_queries(RECORD_DETAIL):
        response = client.get(f"/api/v1/dogs/{dog.pk}/{segment}/{record.pk}/")
    assert response.status_code == 200


def test_share_list(client_for, dog, django_assert_num_queries):
    client = client_for(dog.owner)
    # given N shares
    for _ in range(3):
        DogAccessGrantFactory(dog=dog)
    with django_assert_num_queries(SHARE_LIST):
        first = client.get(f"/api/v1/dogs/{dog.pk}/shares/")
    for _ in range(3):
        DogAccessGrantFactory(dog=dog)
    # then the list costs the same at 2N
    with django_assert_num_queries(SHARE_LIST):
        second = client.get(f"/api/v1/dogs/{dog.pk}/shares/")
    assert (first.json()["count"], second.json()["count"]) == (3, 6)


def test_photo_detail(client_for, dog, django_assert_num_queries):
    # given a clean photo of the dog
    content = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    photo = StoredFileFactory(owner=dog.owner, content=content)
    storages["default"].save(photo.storage_key, ContentFile(content))
    dog.profile_image_url = f"http://testserver/api/v1/dogs/{dog.pk}/photos/{photo.pk}/"
    dog.save(update_fields=["profile_image_url"])
    client = client_for(dog.owner)
    with django_assert_num_queries(PHOTO_DETAIL):
        response = client.get(f"/api/v1/dogs/{dog.pk}/photos/{photo.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
