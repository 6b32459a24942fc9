"""Factories of the pets app: dogs, their shares and medical records."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from doggy.choices import FilePurpose
from pets.choices import (
    AccessLevel,
    AllergyCategory,
    DogGender,
    MedicalDocumentType,
    WeightSource,
)
from pets.models import (
    DogAccessGrant,
    DogAllergy,
    DogCondition,
    DogEmergencyContact,
    DogProfile,
    DogVeterinarian,
    EmergencyContact,
    MedicalDocument,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from tests.accounts.factories import UserFactory

BREEDS = ["Labrador Retriever", "Beagle", "Border Collie", "Poodle", "Dachshund", "Boxer"]


def _days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


class DogProfileFactory(DjangoModelFactory[DogProfile]):
    """An active dog with the plan's common columns filled in."""

    class Meta:
        model = DogProfile

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Dog{n:05d}")
    breed = factory.Iterator(BREEDS)
    birthdate = factory.LazyFunction(lambda: _days_ago(3 * 365))
    weight = Decimal("42.50")
    gender = DogGender.FEMALE
    is_spayed_neutered = True
    is_active = True


class DogAccessGrantFactory(DjangoModelFactory[DogAccessGrant]):
    """A live View share of a dog with another user (no guardian rows: use the service
    `dog_share` where the guardian permissions matter)."""

    class Meta:
        model = DogAccessGrant

    dog = factory.SubFactory(DogProfileFactory)
    grantee = factory.SubFactory(UserFactory)
    access_level = AccessLevel.VIEW
    granted_by = factory.SelfAttribute("dog.owner")
    expires_at = None


class VetVisitFactory(DjangoModelFactory[VetVisit]):
    class Meta:
        model = VetVisit

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    visit_date = factory.LazyFunction(lambda: _days_ago(30))
    clinic_name = "Riverside Vets"
    reason = "Annual check-up"


class VaccinationFactory(DjangoModelFactory[Vaccination]):
    class Meta:
        model = Vaccination

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    vaccine_name = "Rabies"
    administered_on = factory.LazyFunction(lambda: _days_ago(60))
    next_due_on = factory.LazyFunction(lambda: _days_ago(60) + datetime.timedelta(days=365))
    dose_number = 1


class MedicationFactory(DjangoModelFactory[Medication]):
    class Meta:
        model = Medication

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    name = "Carprofen"
    dosage = Decimal("75.000")
    dosage_unit = "mg"
    frequency = "every 12h"
    start_date = factory.LazyFunction(lambda: _days_ago(10))


class DogConditionFactory(DjangoModelFactory[DogCondition]):
    class Meta:
        model = DogCondition

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    name = "Hip dysplasia"
    onset_date = factory.LazyFunction(lambda: _days_ago(400))


class DogAllergyFactory(DjangoModelFactory[DogAllergy]):
    class Meta:
        model = DogAllergy

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    substance = factory.Sequence(lambda n: f"Substance {n}")
    category = AllergyCategory.FOOD


class MedicalDocumentFactory(DjangoModelFactory[MedicalDocument]):
    """A lab result whose file is a clean PDF uploaded by the dog's owner (no blob)."""

    class Meta:
        model = MedicalDocument

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    file = factory.SubFactory(
        "tests.doggy.factories.StoredFileFactory",
        purpose=FilePurpose.MEDICAL_DOCUMENT,
        owner=factory.SelfAttribute("..dog.owner"),
        original_file_name="bloods.pdf",
        content_type="application/pdf",
    )
    document_type = MedicalDocumentType.LAB_RESULT
    title = "Blood panel"
    issued_on = factory.LazyFunction(lambda: _days_ago(5))


class WeightRecordFactory(DjangoModelFactory[WeightRecord]):
    class Meta:
        model = WeightRecord

    dog = factory.SubFactory(DogProfileFactory)
    recorded_by = factory.SelfAttribute("dog.owner")
    measured_on = factory.Sequence(lambda n: _days_ago(n + 1))
    weight = Decimal("41.20")
    source = WeightSource.OWNER


class EmergencyContactFactory(DjangoModelFactory[EmergencyContact]):
    """An owner's emergency contact (not primary, so several fit one owner)."""

    class Meta:
        model = EmergencyContact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n:05d}")
    relationship = "Neighbour"
    phone = factory.Sequence(lambda n: f"+1 555 {n:07d}")


class DogEmergencyContactFactory(DjangoModelFactory[DogEmergencyContact]):
    """A dog linked to its owner's contact, the dog's 009 columns naming the same person
    (as after the copy of plan 037, so that its reverse changes nothing)."""

    class Meta:
        model = DogEmergencyContact

    dog = factory.SubFactory(
        DogProfileFactory,
        emergency_contact_name=factory.Sequence(lambda n: f"Linked contact {n:05d}"),
        emergency_contact_phone=factory.Sequence(lambda n: f"+1 555 {n:07d}"),
        emergency_contact_relationship="Sister",
    )
    contact = factory.SubFactory(
        EmergencyContactFactory,
        owner=factory.SelfAttribute("..dog.owner"),
        name=factory.SelfAttribute("..dog.emergency_contact_name"),
        phone=factory.SelfAttribute("..dog.emergency_contact_phone"),
        relationship=factory.SelfAttribute("..dog.emergency_contact_relationship"),
    )
    priority = 1


class DogVeterinarianFactory(DjangoModelFactory[DogVeterinarian]):
    """A dog's primary veterinarian, the dog's 009 columns naming the same vet."""

    class Meta:
        model = DogVeterinarian

    dog = factory.SubFactory(
        DogProfileFactory,
        veterinarian_name=factory.Sequence(lambda n: f"Dr. Vet {n:05d}"),
        veterinarian_phone="+1 555 0100",
        veterinarian_address="1 Clinic Road",
    )
    veterinarian_name = factory.SelfAttribute("dog.veterinarian_name")
    phone = factory.SelfAttribute("dog.veterinarian_phone")
    address_text = factory.SelfAttribute("dog.veterinarian_address")
    clinic_name = "Town Vets"
    is_primary = True
