"""The pets tables' invariants hold in the database itself, not only in the services.

Each bad row is written past all Python validation (`bulk_create` / `update`), so only a
CHECK or UNIQUE constraint can refuse it (SCHEMA.md I-20, I-21, 2.9, 2.10).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from pets.models import (
    DogAccessGrant,
    DogAllergy,
    DogCondition,
    DogProfile,
    MedicalDocument,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
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

TODAY = datetime.date(2025, 6, 1)

# (case, factory, bad values) — each row must be refused by the constraint named in the case.
BAD_UPDATES = [
    ("CK_DogProfiles_Gender", DogProfileFactory, {"gender": "Other"}),
    ("CK_DogProfiles_Energy", DogProfileFactory, {"energy_level": "Extreme"}),
    ("CK_DogProfiles_Social", DogProfileFactory, {"socialization_level": "very social"}),
    ("CK_DogProfiles_Training", DogProfileFactory, {"training_level": "none"}),
    ("CK_DogProfiles_Weight zero", DogProfileFactory, {"weight": Decimal("0")}),
    ("CK_DogProfiles_Weight negative", DogProfileFactory, {"weight": Decimal("-5")}),
    ("CK_DogProfiles_Height", DogProfileFactory, {"height": Decimal("0")}),
    ("CK_DogAccessGrants_AccessLevel", DogAccessGrantFactory, {"access_level": "Own"}),
    (
        "CK_Vaccinations_Due",
        VaccinationFactory,
        {"administered_on": TODAY, "next_due_on": TODAY},
    ),
    ("CK_Vaccinations_VaccineType", VaccinationFactory, {"vaccine_type": "Core+"}),
    ("CK_Vaccinations_Status", VaccinationFactory, {"status": "Deleted"}),
    (
        "CK_Medications_Dates",
        MedicationFactory,
        {"start_date": TODAY, "end_date": TODAY - datetime.timedelta(days=1)},
    ),
    ("CK_Medications_Dosage", MedicationFactory, {"dosage": Decimal("-1")}),
    ("CK_Medications_Route", MedicationFactory, {"route": "Nasal"}),
    ("CK_Medications_Status", MedicationFactory, {"status": "Paused"}),
    ("CK_DogConditions_ClinicalStatus", DogConditionFactory, {"clinical_status": "Cured"}),
    ("CK_DogConditions_Severity", DogConditionFactory, {"severity": "Extreme"}),
    (
        "CK_DogConditions_Dates",
        DogConditionFactory,
        {"onset_date": TODAY, "resolved_date": TODAY - datetime.timedelta(days=1)},
    ),
    ("CK_DogAllergies_Category", DogAllergyFactory, {"category": "Pollen"}),
    ("CK_DogAllergies_Criticality", DogAllergyFactory, {"criticality": "Deadly"}),
    ("CK_DogAllergies_ClinicalStatus", DogAllergyFactory, {"clinical_status": "Gone"}),
    ("CK_VetVisits_Cost", VetVisitFactory, {"cost": Decimal("-0.01")}),
    ("CK_VetVisits_Weight", VetVisitFactory, {"weight_at_visit": Decimal("0")}),
    ("CK_MedicalDocuments_DocumentType", MedicalDocumentFactory, {"document_type": "Selfie"}),
    ("CK_WeightRecords_Weight zero", WeightRecordFactory, {"weight": Decimal("0")}),
    ("CK_WeightRecords_Weight negative", WeightRecordFactory, {"weight": Decimal("-41.2")}),
    ("CK_WeightRecords_Source", WeightRecordFactory, {"source": "Scale"}),
]


@pytest.mark.parametrize(("_case", "factory", "values"), BAD_UPDATES)
def test_check_constraint_refuses_bad_values(db, _case, factory, values):
    # given a valid row
    row = factory()
    model = type(row)
    # when a bad value is written past Python validation
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)
    # then the row kept its good values
    stored = model.objects.filter(pk=row.pk).values(*values).get()
    assert stored != values


def test_microchip_unique_among_active_dogs(db):
    DogProfileFactory(microchip_number="985000000000010")
    with pytest.raises(IntegrityError), transaction.atomic():
        DogProfile.objects.bulk_create(
            [
                DogProfile(
                    owner=DogProfileFactory().owner, name="Twin", microchip_number="985000000000010"
                )
            ]
        )
    assert DogProfile.objects.filter(microchip_number="985000000000010").count() == 1


def test_microchip_may_repeat_on_inactive_dogs(db):
    DogProfileFactory(microchip_number="985000000000011")
    DogProfileFactory(microchip_number="985000000000011", is_active=False)
    DogProfileFactory(microchip_number="985000000000011", is_active=False)
    assert DogProfile.objects.filter(microchip_number="985000000000011").count() == 3


def test_one_unrevoked_grant_per_dog_and_grantee(db):
    grant = DogAccessGrantFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        DogAccessGrantFactory(dog=grant.dog, grantee=grant.grantee)
    # a revoked grant makes room for a new one
    DogAccessGrant.objects.filter(pk=grant.pk).update(revoked_at=timezone.now())
    DogAccessGrantFactory(dog=grant.dog, grantee=grant.grantee)
    assert DogAccessGrant.objects.filter(dog=grant.dog).count() == 2


def test_one_live_allergy_per_substance_in_the_database(db):
    allergy = DogAllergyFactory(substance="Chicken")
    with pytest.raises(IntegrityError), transaction.atomic():
        DogAllergy.objects.bulk_create(
            [DogAllergy(dog=allergy.dog, substance="Chicken", category="Food")]
        )
    # an EnteredInError record does not count
    DogAllergy.objects.filter(pk=allergy.pk).update(clinical_status="EnteredInError")
    DogAllergy.objects.bulk_create(
        [DogAllergy(dog=allergy.dog, substance="Chicken", category="Food")]
    )
    assert DogAllergy.objects.filter(dog=allergy.dog).count() == 2


def test_one_weighing_per_dog_day_and_source(db):
    weighing = WeightRecordFactory(measured_on=TODAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        WeightRecord.objects.bulk_create(
            [
                WeightRecord(
                    dog=weighing.dog, measured_on=TODAY, weight=Decimal("40"), source="Owner"
                )
            ]
        )
    WeightRecord.objects.bulk_create(
        [WeightRecord(dog=weighing.dog, measured_on=TODAY, weight=Decimal("40"), source="Vet")]
    )


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def test_rows_inserted_by_other_systems_get_the_plan_defaults(owner):
    # given an INSERT that names only the plan's NOT NULL columns without defaults
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_qn('DogProfiles')} ({_qn('OwnerId')}, {_qn('Name')}) VALUES (%s, %s)",  # noqa: S608 - quoted fixed names
            [owner.pk, "Legacy Rex"],
        )
    # then the database filled in Id, IsSpayedNeutered, IsActive, CreatedAt and UpdatedAt
    dog = DogProfile.objects.get(name="Legacy Rex")
    assert dog.pk is not None
    assert (dog.is_spayed_neutered, dog.is_active) == (False, True)
    assert abs(dog.created_at - timezone.now()) < datetime.timedelta(minutes=5)
    assert abs(dog.updated_at - timezone.now()) < datetime.timedelta(minutes=5)


@pytest.mark.parametrize(
    "model",
    [Vaccination, Medication, DogCondition, DogAllergy, VetVisit, MedicalDocument, WeightRecord],
)
def test_records_go_with_their_dog(db, model):
    # the plan's ON DELETE CASCADE (emulated by the ORM): a hard-deleted dog takes its records
    factory = {
        Vaccination: VaccinationFactory,
        Medication: MedicationFactory,
        DogCondition: DogConditionFactory,
        DogAllergy: DogAllergyFactory,
        VetVisit: VetVisitFactory,
        MedicalDocument: MedicalDocumentFactory,
        WeightRecord: WeightRecordFactory,
    }[model]
    record = factory()
    record.dog.delete()
    assert not model.objects.filter(pk=record.pk).exists()
