"""A pet owner, through the API alone (signed in with a bearer token), adds a dog with
medical records and shares it."""

from __future__ import annotations

import datetime

from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import AuditLog
from pets.models import DogProfile, Vaccination, WeightRecord
from tests.accounts.factories import DEFAULT_PASSWORD


def _signed_in(user) -> APIClient:
    """A client that signed in through the API, with the bearer token it was given."""
    client = APIClient()
    login = client.post(
        "/api/v1/auth/login/",
        {"email": user.email, "password": DEFAULT_PASSWORD},
        format="json",
    )
    assert login.status_code == 200, login.content
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {login.json()['access_token']}")
    return client


def test_owner_adds_a_dog_with_records_and_shares_it(owner, other_owner):
    owner = _signed_in(owner)
    friend = _signed_in(other_owner)
    today = timezone.localdate()

    # given a new dog
    created = owner.post(
        "/api/v1/dogs/",
        {"name": "Biscuit", "breed": "Beagle", "weight": "24.50", "behavior_notes": "Loves walks"},
        format="json",
    )
    assert created.status_code == 201, created.content
    dog_id = created.json()["id"]
    assert created.json()["relation"] == "Owner"

    # when the owner records its health
    vaccination = owner.post(
        f"/api/v1/dogs/{dog_id}/vaccinations/",
        {
            "vaccine_name": "Rabies",
            "administered_on": str(today - datetime.timedelta(days=10)),
            "next_due_on": str(today + datetime.timedelta(days=355)),
        },
        format="json",
    )
    medication = owner.post(
        f"/api/v1/dogs/{dog_id}/medications/",
        {"name": "Apoquel", "dosage": "16", "dosage_unit": "mg", "start_date": str(today)},
        format="json",
    )
    allergy = owner.post(
        f"/api/v1/dogs/{dog_id}/allergies/",
        {"substance": "Chicken", "category": "Food", "criticality": "High"},
        format="json",
    )
    weight = owner.post(
        f"/api/v1/dogs/{dog_id}/weights/",
        {"measured_on": str(today), "weight": "25.10"},
        format="json",
    )
    visit = owner.post(
        f"/api/v1/dogs/{dog_id}/vet-visits/",
        {"visit_date": str(today), "reason": "Itchy skin", "weight_at_visit": "25.30"},
        format="json",
    )
    # and shares the dog with a friend, read-only
    share = owner.post(
        f"/api/v1/dogs/{dog_id}/shares/",
        {"email": other_owner.email, "access_level": "View"},
        format="json",
    )

    # then every write succeeded
    assert [r.status_code for r in (vaccination, medication, allergy, weight, visit, share)] == [
        201
    ] * 6
    # and the friend finds the dog in their list and can read its records
    listed = friend.get("/api/v1/dogs/")
    assert [d["name"] for d in listed.json()["results"]] == ["Biscuit"]
    assert listed.json()["results"][0]["relation"] == "View"
    records = friend.get(f"/api/v1/dogs/{dog_id}/vaccinations/")
    assert [r["vaccine_name"] for r in records.json()["results"]] == ["Rabies"]
    # but cannot change it
    denied = friend.patch(f"/api/v1/dogs/{dog_id}/", {"name": "Mine"}, format="json")
    assert denied.status_code == 403
    assert DogProfile.objects.get(pk=dog_id).name == "Biscuit"
    # the vet visit's weight became the dog's weight (latest weighing, same day: the visit)
    dog = DogProfile.objects.get(pk=dog_id)
    assert str(dog.weight) == "25.30"
    assert WeightRecord.objects.filter(dog=dog).count() == 2
    assert Vaccination.objects.filter(dog=dog).count() == 1
    # and each change is in the audit log
    assert AuditLog.objects.filter(entity_type="pets.DogProfile", entity_id=dog_id).exists()
    assert AuditLog.objects.filter(action="PermissionGranted", entity_id=dog_id).count() == 1
