"""Staff screens of dogs, medical records and shares; their writes go through services."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditLog
from pets.models import DogAccessGrant, DogProfile, Vaccination
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

MODEL_NAMES = [
    "dogprofile",
    "vaccination",
    "medication",
    "dogcondition",
    "dogallergy",
    "vetvisit",
    "medicaldocument",
    "weightrecord",
    "dogaccessgrant",
]


@pytest.fixture
def staff(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def full_dog(dog):
    """A dog with one record of each kind and a share."""
    for factory in (
        VaccinationFactory,
        MedicationFactory,
        DogConditionFactory,
        DogAllergyFactory,
        VetVisitFactory,
        MedicalDocumentFactory,
        WeightRecordFactory,
        DogAccessGrantFactory,
    ):
        factory(dog=dog)
    return dog


@pytest.mark.parametrize("model_name", MODEL_NAMES)
def test_changelists_load_and_search(staff, full_dog, model_name):
    url = reverse(f"admin:pets_{model_name}_changelist")
    assert staff.get(url).status_code == 200
    assert staff.get(url, {"q": "Rex"}).status_code == 200


def test_dog_page_shows_its_records_inline(staff, full_dog):
    response = staff.get(reverse("admin:pets_dogprofile_change", args=[full_dog.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Rabies", "Carprofen", "Hip dysplasia", "Annual check-up", "Blood panel"):
        assert text in content


def test_dog_search_uses_full_text_and_owner_email(staff, owner, other_owner):
    DogProfileFactory(owner=owner, name="Nugget", behavior_notes="Chases squirrels")
    DogProfileFactory(owner=other_owner, name="Pebble")
    url = reverse("admin:pets_dogprofile_changelist")
    by_words = staff.get(url, {"q": "squirrels"})
    by_owner = staff.get(url, {"q": other_owner.email})
    assert [d.name for d in by_words.context["cl"].result_list] == ["Nugget"]
    assert [d.name for d in by_owner.context["cl"].result_list] == ["Pebble"]


def test_staff_adds_a_dog_for_an_owner_through_the_service(staff, superuser, owner):
    response = staff.post(
        reverse("admin:pets_dogprofile_add"),
        {
            "owner": owner.pk,
            "name": "Admin Added",
            "is_active": "on",
            "is_spayed_neutered": "unknown",
            **_empty_inlines(),
        },
    )
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else ""
    )
    dog = DogProfile.objects.get(name="Admin Added")
    assert dog.owner_id == owner.pk
    entry = AuditLog.objects.get(entity_id=str(dog.pk), action="Create")
    assert entry.user_id == superuser.pk


def test_staff_change_is_audited_once(staff, dog, superuser):
    response = staff.post(
        reverse("admin:pets_dogprofile_change", args=[dog.pk]),
        {
            "name": "Rex Renamed",
            "is_active": "on",
            "breed": dog.breed,
            "birthdate": str(dog.birthdate),
            "weight": "42.50",
            "gender": "Female",
            "is_spayed_neutered": "true",
            **_empty_inlines(),
        },
    )
    assert response.status_code == 302
    dog.refresh_from_db()
    assert dog.name == "Rex Renamed"
    updates = AuditLog.objects.filter(entity_id=str(dog.pk), action="Update")
    assert [(e.old_values, e.new_values) for e in updates] == [
        ({"name": "Rex"}, {"name": "Rex Renamed"})
    ]


def test_dogs_cannot_be_deleted_in_the_admin(staff, dog):
    response = staff.get(reverse("admin:pets_dogprofile_delete", args=[dog.pk]))
    assert response.status_code == 403
    assert DogProfile.objects.filter(pk=dog.pk).exists()


def test_deactivate_action(staff, dog):
    staff.post(
        reverse("admin:pets_dogprofile_changelist"),
        {"action": "deactivate_dogs", "_selected_action": [dog.pk]},
    )
    dog.refresh_from_db()
    assert dog.is_active is False


def test_mark_entered_in_error_action(staff, dog):
    vaccination = VaccinationFactory(dog=dog)
    staff.post(
        reverse("admin:pets_vaccination_changelist"),
        {"action": "mark_entered_in_error", "_selected_action": [vaccination.pk]},
    )
    vaccination.refresh_from_db()
    assert vaccination.status == "EnteredInError"
    assert Vaccination.objects.filter(pk=vaccination.pk).exists()


def test_records_without_a_status_have_no_correction_action(staff, dog):
    response = staff.get(reverse("admin:pets_weightrecord_changelist"))
    assert "mark_entered_in_error" not in response.content.decode()


def test_revoke_share_action(staff, dog, viewer):
    grant = DogAccessGrant.objects.get(dog=dog, grantee=viewer)
    staff.post(
        reverse("admin:pets_dogaccessgrant_changelist"),
        {"action": "revoke_shares", "_selected_action": [grant.pk]},
    )
    grant.refresh_from_db()
    assert grant.revoked_at is not None


def test_non_staff_cannot_open_the_admin(owner, dog):
    client = Client()
    client.force_login(owner)
    response = client.get(reverse("admin:pets_dogprofile_changelist"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def _empty_inlines() -> dict[str, str]:
    """Management forms of the dog page's inlines (all read-only, none submitted)."""
    prefixes = [
        "vaccinations",
        "medication_records",
        "conditions",
        "allergy_records",
        "vet_visits",
        "medical_documents",
        "weight_records",
        "access_grants",
    ]
    data = {}
    for prefix in prefixes:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data
