"""`/api/v1/dogs/{id}/<records>/`: the medical records of plan 010.

Records are corrected, not deleted: DELETE marks a record with a status EnteredInError
(the row stays), and the kinds without a status (vet visits, documents, weights) have
no DELETE at all; they are corrected with PATCH.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audit.models import AuditLog
from doggy.models import StoredFile
from pets.models import (
    DogAllergy,
    DogCondition,
    MedicalDocument,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from tests.pets.factories import (
    DogAllergyFactory,
    DogConditionFactory,
    DogProfileFactory,
    MedicalDocumentFactory,
    MedicationFactory,
    VaccinationFactory,
    VetVisitFactory,
    WeightRecordFactory,
)

PDF = b"%PDF-1.4\n" + b"0" * 64


def _day(offset: int) -> str:
    return str(timezone.localdate() + datetime.timedelta(days=offset))


VALID = {
    "vaccinations": (
        Vaccination,
        {
            "vaccine_name": "Leptospirosis",
            "vaccine_type": "NonCore",
            "administered_on": _day(-7),
            "next_due_on": _day(358),
            "dose_number": 2,
            "lot_number": "L-2231",
        },
    ),
    "medications": (
        Medication,
        {
            "name": "Metacam",
            "dosage": "1.500",
            "dosage_unit": "ml",
            "route": "Oral",
            "start_date": _day(-3),
            "end_date": _day(10),
            "status": "Active",
        },
    ),
    "conditions": (
        DogCondition,
        {"name": "Arthritis", "severity": "Moderate", "onset_date": _day(-100)},
    ),
    "allergies": (
        DogAllergy,
        {"substance": "Penicillin", "category": "Medication", "criticality": "High"},
    ),
    "vet-visits": (
        VetVisit,
        {
            "visit_date": _day(-1),
            "reason": "Vaccination",
            "cost": "85.00",
            "currency": "GBP",
            "follow_up_on": _day(30),
        },
    ),
    "weights": (WeightRecord, {"measured_on": _day(-1), "weight": "43.75", "source": "Owner"}),
}


@pytest.mark.parametrize(("segment", "model", "body"), [(k, *v) for k, v in VALID.items()])
def test_editor_records_a_medical_record(client_for, dog, editor, segment, model, body):
    audits = AuditLog.objects.count()
    # when a user with Edit access adds a record
    response = client_for(editor).post(f"/api/v1/dogs/{dog.pk}/{segment}/", body, format="json")
    # then it is stored for the dog, recorded by them, and audited
    assert response.status_code == 201, response.content
    record = model.objects.get(pk=response.json()["id"])
    assert (record.dog_id, record.recorded_by_id) == (dog.pk, editor.pk)
    for name, value in body.items():
        assert str(response.json()[name]) == str(value)
    assert AuditLog.objects.filter(action="Create", entity_id=str(record.pk)).count() == 1
    assert AuditLog.objects.count() > audits


BAD = [
    # (segment, body, field with the error)
    ("vaccinations", {"administered_on": _day(-1)}, "vaccine_name"),
    ("vaccinations", {"vaccine_name": "x" * 201, "administered_on": _day(-1)}, "vaccine_name"),
    ("vaccinations", {"vaccine_name": "Rabies", "administered_on": "soon"}, "administered_on"),
    ("vaccinations", {"vaccine_name": "Rabies", "administered_on": _day(3)}, "administered_on"),
    (
        "vaccinations",
        {"vaccine_name": "Rabies", "administered_on": _day(-1), "next_due_on": _day(-1)},
        "__all__",
    ),
    (
        "vaccinations",
        {"vaccine_name": "Rabies", "administered_on": _day(-1), "dose_number": 0},
        "dose_number",
    ),
    (
        "vaccinations",
        {"vaccine_name": "Rabies", "administered_on": _day(-1), "dose_number": "two"},
        "dose_number",
    ),
    (
        "vaccinations",
        {"vaccine_name": "Rabies", "administered_on": _day(-1), "status": "EnteredInError"},
        "status",
    ),
    (
        "vaccinations",
        {"vaccine_name": "Rabies", "administered_on": _day(-1), "vet_visit_id": str(uuid.uuid4())},
        "vet_visit_id",
    ),
    (
        "vaccinations",
        {"vaccine_name": "Rabies", "administered_on": _day(-1), "vet_visit_id": "visit-1"},
        "vet_visit_id",
    ),
    (
        "vaccinations",
        {
            "vaccine_name": "Rabies",
            "administered_on": _day(-1),
            "certificate_document_id": str(uuid.uuid4()),
        },
        "certificate_document_id",
    ),
    ("medications", {"name": "A", "start_date": _day(0), "dosage": "-5"}, "dosage"),
    ("medications", {"name": "A", "start_date": _day(0), "dosage": "0"}, "dosage"),
    ("medications", {"name": "A", "start_date": _day(0), "route": "Nasal"}, "route"),
    ("medications", {"name": "A", "start_date": _day(0), "end_date": _day(-1)}, "__all__"),
    ("medications", {"name": "A", "start_date": _day(0), "frequency": "f" * 101}, "frequency"),
    ("conditions", {"name": "A", "severity": "Extreme"}, "severity"),
    ("conditions", {"name": "A", "onset_date": _day(-1), "resolved_date": _day(-2)}, "__all__"),
    ("conditions", {"name": 42.5, "clinical_status": "Cured"}, "clinical_status"),
    ("allergies", {"substance": "Beef"}, "category"),
    (
        "allergies",
        {"substance": "Beef", "category": "Food", "criticality": "Deadly"},
        "criticality",
    ),
    ("allergies", {"substance": "Beef", "category": "Food", "reaction": "r" * 501}, "reaction"),
    ("vet-visits", {"visit_date": _day(0)}, "reason"),
    ("vet-visits", {"visit_date": _day(0), "reason": "X", "cost": "-1.00"}, "cost"),
    (
        "vet-visits",
        {"visit_date": _day(0), "reason": "X", "weight_at_visit": "-2"},
        "weight_at_visit",
    ),
    ("vet-visits", {"visit_date": _day(0), "reason": "X", "currency": "usd"}, "currency"),
    ("vet-visits", {"visit_date": _day(0), "reason": "r" * 301}, "reason"),
    ("weights", {"measured_on": _day(0), "weight": "-4.00"}, "weight"),
    ("weights", {"measured_on": _day(0), "weight": "0"}, "weight"),
    ("weights", {"measured_on": _day(0), "weight": "1000.00"}, "weight"),
    ("weights", {"measured_on": _day(0), "weight": "heavy"}, "weight"),
    ("weights", {"measured_on": _day(0)}, "weight"),
    ("weights", {"measured_on": _day(2), "weight": "40"}, "measured_on"),
    ("weights", {"measured_on": _day(0), "weight": "40", "source": "Scale"}, "source"),
]


@pytest.mark.parametrize(("segment", "body", "field"), BAD)
def test_bad_record_input_answers_400_and_writes_nothing(client_for, dog, segment, body, field):
    audits = AuditLog.objects.count()
    models = [v[0] for v in VALID.values()]
    counts = [m.objects.count() for m in models]
    # when the owner sends bad input
    response = client_for(dog.owner).post(f"/api/v1/dogs/{dog.pk}/{segment}/", body, format="json")
    # then the answer names the field
    assert response.status_code == 400, response.content
    fields = response.json()["error"]["fields"]
    assert field in fields or (field == "__all__" and "non_field_errors" in fields), fields
    # and nothing was written
    assert [m.objects.count() for m in models] == counts
    assert AuditLog.objects.count() == audits


def test_record_referencing_another_dogs_visit_is_refused(client_for, dog, other_dog):
    # given a visit of a dog the owner cannot see
    foreign_visit = VetVisitFactory(dog=other_dog)
    # when the owner links a vaccination to it
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/vaccinations/",
        {
            "vaccine_name": "Rabies",
            "administered_on": _day(-1),
            "vet_visit_id": str(foreign_visit.pk),
        },
        format="json",
    )
    # then it is a 400 on that field, and nothing is written
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_reference"
    assert list(response.json()["error"]["fields"]) == ["vet_visit_id"]
    assert Vaccination.objects.count() == 0


def test_vaccination_certificate_comes_from_a_document_of_the_same_dog(client_for, dog):
    document = MedicalDocumentFactory(dog=dog, document_type="VaccinationCertificate")
    visit = VetVisitFactory(dog=dog)
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/vaccinations/",
        {
            "vaccine_name": "Rabies",
            "administered_on": _day(-1),
            "certificate_document_id": str(document.pk),
            "vet_visit_id": str(visit.pk),
        },
        format="json",
    )
    assert response.status_code == 201
    vaccination = Vaccination.objects.get(pk=response.json()["id"])
    assert (vaccination.certificate_file_id, vaccination.vet_visit_id) == (
        document.file_id,
        visit.pk,
    )
    assert response.json()["certificate_file_id"] == str(document.file_id)


# --- Corrections -----------------------------------------------------------------------------
STATUS_KINDS = [
    ("vaccinations", VaccinationFactory, "status"),
    ("medications", MedicationFactory, "status"),
    ("conditions", DogConditionFactory, "clinical_status"),
    ("allergies", DogAllergyFactory, "clinical_status"),
]


@pytest.mark.parametrize(("segment", "factory", "status_field"), STATUS_KINDS)
def test_delete_marks_the_record_entered_in_error_and_keeps_it(
    client_for, dog, segment, factory, status_field
):
    record = factory(dog=dog)
    client = client_for(dog.owner)
    # when the owner deletes the record
    response = client.delete(f"/api/v1/dogs/{dog.pk}/{segment}/{record.pk}/")
    # then it is marked EnteredInError, not deleted
    assert response.status_code == 200
    assert response.json()[status_field] == "EnteredInError"
    record.refresh_from_db()
    assert getattr(record, status_field) == "EnteredInError"
    # and it leaves the default list but can still be listed explicitly
    assert client.get(f"/api/v1/dogs/{dog.pk}/{segment}/").json()["count"] == 0
    listed = client.get(f"/api/v1/dogs/{dog.pk}/{segment}/?status=EnteredInError").json()
    assert [r["id"] for r in listed["results"]] == [str(record.pk)]
    # and a corrected record is final
    edit = client.patch(
        f"/api/v1/dogs/{dog.pk}/{segment}/{record.pk}/", {"notes": "x"}, format="json"
    )
    assert edit.status_code == 409
    assert edit.json()["error"]["code"] == "medical_record_entered_in_error"
    # and the correction is audited with the old status
    entry = AuditLog.objects.filter(entity_id=str(record.pk), action="Update").get()
    assert entry.new_values[status_field] == "EnteredInError"


@pytest.mark.parametrize(("segment", "factory", "status_field"), STATUS_KINDS)
def test_entered_in_error_action_records_the_reason(
    client_for, dog, segment, factory, status_field
):
    record = factory(dog=dog, notes="Given at the clinic")
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/{segment}/{record.pk}/entered-in-error/",
        {"reason": "Wrong dog"},
        format="json",
    )
    assert response.status_code == 200
    record.refresh_from_db()
    assert getattr(record, status_field) == "EnteredInError"
    assert record.notes == "Given at the clinic\n\nEntered in error: Wrong dog"


@pytest.mark.parametrize(
    ("segment", "factory"),
    [
        ("vet-visits", VetVisitFactory),
        ("documents", MedicalDocumentFactory),
        ("weights", WeightRecordFactory),
    ],
)
def test_records_without_a_status_cannot_be_deleted(client_for, dog, segment, factory):
    record = factory(dog=dog)
    response = client_for(dog.owner).delete(f"/api/v1/dogs/{dog.pk}/{segment}/{record.pk}/")
    assert response.status_code == 405
    assert type(record).objects.filter(pk=record.pk).exists()


def test_status_filter_rejects_unknown_values(client_for, dog):
    response = client_for(dog.owner).get(f"/api/v1/dogs/{dog.pk}/medications/?status=Gone")
    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]


def test_medication_status_changes_by_patch(client_for, dog):
    medication = MedicationFactory(dog=dog)
    response = client_for(dog.owner).patch(
        f"/api/v1/dogs/{dog.pk}/medications/{medication.pk}/",
        {"status": "Completed", "end_date": _day(0)},
        format="json",
    )
    assert response.status_code == 200
    medication.refresh_from_db()
    assert medication.status == "Completed"
    entry = AuditLog.objects.get(entity_id=str(medication.pk), action="Update")
    assert entry.old_values == {"status": "Active", "end_date": None}


def test_patch_cannot_set_entered_in_error(client_for, dog):
    medication = MedicationFactory(dog=dog)
    response = client_for(dog.owner).patch(
        f"/api/v1/dogs/{dog.pk}/medications/{medication.pk}/",
        {"status": "EnteredInError"},
        format="json",
    )
    assert response.status_code == 400
    medication.refresh_from_db()
    assert medication.status == "Active"


def test_unknown_record_id_answers_404(client_for, dog, other_dog):
    foreign = VaccinationFactory(dog=other_dog)
    client = client_for(dog.owner)
    for record_id in (str(uuid.uuid4()), "nope", str(foreign.pk)):
        response = client.get(f"/api/v1/dogs/{dog.pk}/vaccinations/{record_id}/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "medical_record_not_found"


# --- Allergies ---------------------------------------------------------------------------------
def test_one_live_allergy_per_substance(client_for, dog):
    client = client_for(dog.owner)
    url = f"/api/v1/dogs/{dog.pk}/allergies/"
    first = client.post(url, {"substance": "Chicken", "category": "Food"}, format="json")
    duplicate = client.post(url, {"substance": "Chicken", "category": "Food"}, format="json")
    assert (first.status_code, duplicate.status_code) == (201, 400)
    assert list(duplicate.json()["error"]["fields"]) == ["substance"]
    # once the first is corrected, the substance may be recorded again
    client.delete(f"{url}{first.json()['id']}/")
    again = client.post(url, {"substance": "Chicken", "category": "Food"}, format="json")
    assert again.status_code == 201
    assert DogAllergy.objects.filter(dog=dog, substance="Chicken").count() == 2


# --- Weights ---------------------------------------------------------------------------------
def test_latest_weighing_becomes_the_dogs_weight(client_for, dog):
    client = client_for(dog.owner)
    url = f"/api/v1/dogs/{dog.pk}/weights/"
    client.post(url, {"measured_on": _day(-10), "weight": "40.00"}, format="json")
    latest = client.post(url, {"measured_on": _day(-1), "weight": "41.00"}, format="json")
    client.post(url, {"measured_on": _day(-20), "weight": "39.00"}, format="json")
    dog.refresh_from_db()
    assert dog.weight == Decimal("41.00")
    # correcting the latest weighing corrects the dog's weight
    client.patch(f"{url}{latest.json()['id']}/", {"weight": "41.50"}, format="json")
    dog.refresh_from_db()
    assert dog.weight == Decimal("41.50")


def test_same_day_same_source_weighing_is_a_400(client_for, dog):
    client = client_for(dog.owner)
    url = f"/api/v1/dogs/{dog.pk}/weights/"
    client.post(url, {"measured_on": _day(-1), "weight": "40.00"}, format="json")
    response = client.post(url, {"measured_on": _day(-1), "weight": "40.20"}, format="json")
    assert response.status_code == 400
    assert WeightRecord.objects.filter(dog=dog).count() == 1


def test_vet_visit_weight_becomes_a_vet_weighing(client_for, dog):
    client = client_for(dog.owner)
    response = client.post(
        f"/api/v1/dogs/{dog.pk}/vet-visits/",
        {"visit_date": _day(-2), "reason": "Check-up", "weight_at_visit": "39.90"},
        format="json",
    )
    assert response.status_code == 201
    weighing = WeightRecord.objects.get(dog=dog)
    assert (weighing.weight, weighing.source, str(weighing.measured_on)) == (
        Decimal("39.90"),
        "Vet",
        _day(-2),
    )
    # a corrected visit weight corrects the weighing
    client.patch(
        f"/api/v1/dogs/{dog.pk}/vet-visits/{response.json()['id']}/",
        {"weight_at_visit": "40.10"},
        format="json",
    )
    weighing.refresh_from_db()
    dog.refresh_from_db()
    assert weighing.weight == dog.weight == Decimal("40.10")


# --- Documents -------------------------------------------------------------------------------
def test_document_upload_stores_a_private_medical_file(client_for, dog, editor):
    response = client_for(editor).post(
        f"/api/v1/dogs/{dog.pk}/documents/",
        {
            "file": SimpleUploadedFile("bloods.pdf", PDF, content_type="application/pdf"),
            "document_type": "LabResult",
            "title": "Bloods",
            "issued_on": _day(-1),
        },
        format="multipart",
    )
    assert response.status_code == 201, response.content
    document = MedicalDocument.objects.select_related("file").get(pk=response.json()["id"])
    assert (document.file.purpose, document.file.visibility, document.file.owner_id) == (
        "MedicalDocument",
        "Private",
        editor.pk,
    )
    assert response.json()["content_type"] == "application/pdf"
    assert response.json()["scan_status"] == "Pending"


@pytest.mark.parametrize(
    ("_case", "body", "field"),
    [
        ("no file", {"document_type": "LabResult", "title": "Bloods"}, "file"),
        (
            "executable",
            {
                "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00", content_type="application/pdf"),
                "document_type": "LabResult",
                "title": "Bloods",
            },
            "file",
        ),
        (
            "unknown type",
            {
                "file": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf"),
                "document_type": "Selfie",
                "title": "Bloods",
            },
            "document_type",
        ),
        (
            "title too long",
            {
                "file": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf"),
                "document_type": "LabResult",
                "title": "t" * 201,
            },
            "title",
        ),
        (
            "issued in the future",
            {
                "file": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf"),
                "document_type": "LabResult",
                "title": "Bloods",
                "issued_on": _day(5),
            },
            "issued_on",
        ),
    ],
)
def test_bad_document_upload_answers_400_and_stores_nothing(client_for, dog, _case, body, field):
    response = client_for(dog.owner).post(
        f"/api/v1/dogs/{dog.pk}/documents/", body, format="multipart"
    )
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert MedicalDocument.objects.count() == 0
    assert StoredFile.objects.count() == 0


def test_document_details_are_corrected_by_patch(client_for, dog):
    document = MedicalDocumentFactory(dog=dog)
    response = client_for(dog.owner).patch(
        f"/api/v1/dogs/{dog.pk}/documents/{document.pk}/",
        {"title": "Blood panel, fasting"},
        format="json",
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.title == "Blood panel, fasting"


def test_records_of_a_dog_shared_read_only_are_readable_not_writable(client_for, dog, viewer):
    VaccinationFactory(dog=dog)
    client = client_for(viewer)
    assert client.get(f"/api/v1/dogs/{dog.pk}/vaccinations/").json()["count"] == 1
    response = client.post(
        f"/api/v1/dogs/{dog.pk}/vaccinations/",
        {"vaccine_name": "Rabies", "administered_on": _day(-1)},
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "dog_not_editable"
    assert Vaccination.objects.filter(dog=dog).count() == 1


def test_records_of_inactive_dogs_stay_readable(client_for, owner):
    dog = DogProfileFactory(owner=owner, is_active=False)
    VaccinationFactory(dog=dog)
    response = client_for(owner).get(f"/api/v1/dogs/{dog.pk}/vaccinations/")
    assert response.json()["count"] == 1
