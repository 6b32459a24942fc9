"""Serializers of the pets API: plain `Serializer`s for input, `ModelSerializer`s for output.

Output serializers take `FastOutputMixin` (doggy.api.output): DRF's output, computed
from a plan compiled once per class (docs/development/performance.md).

Input serializers check types, lengths, ranges and choices, so bad input is a 400 with
field errors before any service runs. Rules that need the database (microchip in use,
one allergy per substance, ids that must belong to the same dog) are the services' and
selectors', and answer in the same shape.
"""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from doggy.api.output import FastOutputMixin

from ..choices import (
    ENTERED_IN_ERROR,
    AccessLevel,
    AllergyCategory,
    AllergyClinicalStatus,
    AllergyCriticality,
    ConditionClinicalStatus,
    ConditionSeverity,
    DogGender,
    EnergyLevel,
    MedicalDocumentType,
    MedicationRoute,
    MedicationStatus,
    SocializationLevel,
    TrainingLevel,
    VaccinationStatus,
    VaccineType,
    WeightSource,
)
from ..models import (
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

# Free-text columns are NVARCHAR(MAX); a cap keeps one request from storing megabytes.
TEXT_MAX_LENGTH = 10_000
MAX_ADDITIONAL_PHOTOS = 50


def _not_entered_in_error(value: str) -> None:
    # EnteredInError has its own action (DELETE or POST …/entered-in-error/). The field
    # keeps the model's full choice set, so the schema has one enum per status column.
    if value == ENTERED_IN_ERROR:
        raise serializers.ValidationError(
            "Use DELETE or POST …/entered-in-error/ to mark a record entered in error."
        )


def _status(choices) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=choices, required=False, validators=[_not_entered_in_error]
    )


def _optional_text(max_length: int) -> serializers.CharField:
    return serializers.CharField(
        max_length=max_length, required=False, allow_null=True, allow_blank=True
    )


def _blank_text(max_length: int = TEXT_MAX_LENGTH) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, required=False, allow_blank=True)


def _optional_choice(choices) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices, required=False, allow_null=True)


def _pounds(*, required: bool) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=required,
        allow_null=not required,
    )


class NullBlankMixin:
    """Turn '' into None for the nullable text columns (the plan stores NULL for "not given")."""

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        for name, field in self.fields.items():
            if getattr(field, "allow_null", False) and values.get(name) == "":
                values[name] = None
        return values


# --- Dogs ------------------------------------------------------------------------------------
class DogInputSerializer(NullBlankMixin, serializers.Serializer):
    """Create or change a dog. Weight is in pounds, height in inches (both > 0)."""

    name = serializers.CharField(max_length=100)
    breed = _optional_text(100)
    secondary_breed = _optional_text(100)
    birthdate = serializers.DateField(required=False, allow_null=True)
    weight = _pounds(required=False)
    height = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=Decimal("0.01"), required=False, allow_null=True
    )
    gender = _optional_choice(DogGender.choices)
    is_spayed_neutered = serializers.BooleanField(required=False, allow_null=True)
    coat_color = _optional_text(100)
    coat_type = _optional_text(50)
    eye_color = _optional_text(50)
    microchip_number = _optional_text(50)
    registration_number = _optional_text(100)
    emergency_contact_name = _optional_text(200)
    emergency_contact_phone = _optional_text(50)
    emergency_contact_relationship = _optional_text(100)
    veterinarian_name = _optional_text(200)
    veterinarian_phone = _optional_text(50)
    veterinarian_address = _optional_text(500)
    energy_level = _optional_choice(EnergyLevel.choices)
    socialization_level = _optional_choice(SocializationLevel.choices)
    training_level = _optional_choice(TrainingLevel.choices)
    special_needs = _optional_text(TEXT_MAX_LENGTH)
    medications = _optional_text(TEXT_MAX_LENGTH)
    allergies = _optional_text(TEXT_MAX_LENGTH)
    behavior_notes = _optional_text(TEXT_MAX_LENGTH)
    dietary_restrictions = _optional_text(TEXT_MAX_LENGTH)
    profile_image_url = serializers.URLField(max_length=500, required=False, allow_null=True)
    additional_photos = serializers.ListField(
        child=serializers.URLField(max_length=500),
        required=False,
        allow_null=True,
        max_length=MAX_ADDITIONAL_PHOTOS,
    )


class DogSerializer(FastOutputMixin, serializers.ModelSerializer):
    """A dog as its owner and the users it is shared with see it.

    `relation` is the caller's access: `Owner`, `Edit` or `View`.
    """

    owner_id = serializers.CharField(read_only=True)
    relation = serializers.SerializerMethodField()

    class Meta:
        model = DogProfile
        fields = [
            "id",
            "owner_id",
            "relation",
            "name",
            "breed",
            "secondary_breed",
            "birthdate",
            "weight",
            "height",
            "gender",
            "is_spayed_neutered",
            "coat_color",
            "coat_type",
            "eye_color",
            "microchip_number",
            "registration_number",
            "emergency_contact_name",
            "emergency_contact_phone",
            "emergency_contact_relationship",
            "veterinarian_name",
            "veterinarian_phone",
            "veterinarian_address",
            "energy_level",
            "socialization_level",
            "training_level",
            "special_needs",
            "medications",
            "allergies",
            "behavior_notes",
            "dietary_restrictions",
            "profile_image_url",
            "additional_photos",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_relation(self, obj) -> str | None:
        return getattr(obj, "relation", None)


class DogPhotoInputSerializer(serializers.Serializer):
    file = serializers.FileField()
    make_profile = serializers.BooleanField(required=False, default=False)


class DogPhotoSerializer(serializers.Serializer):
    file_id = serializers.UUIDField(source="file.id")
    url = serializers.URLField()
    content_type = serializers.CharField(source="file.content_type")
    size_bytes = serializers.IntegerField(source="file.size_bytes")
    scan_status = serializers.CharField(source="file.scan_status")
    dog = DogSerializer()


# --- Shares ----------------------------------------------------------------------------------
class DogShareInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=256)
    access_level = serializers.ChoiceField(choices=AccessLevel.choices, default=AccessLevel.VIEW)
    expires_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class DogShareSerializer(serializers.ModelSerializer):
    dog_id = serializers.UUIDField(read_only=True)
    grantee_id = serializers.CharField(read_only=True)
    grantee_email = serializers.EmailField(source="grantee.email", read_only=True)
    granted_by_id = serializers.CharField(read_only=True, allow_null=True)
    is_live = serializers.SerializerMethodField()

    class Meta:
        model = DogAccessGrant
        fields = [
            "id",
            "dog_id",
            "grantee_id",
            "grantee_email",
            "access_level",
            "expires_at",
            "is_live",
            "granted_by_id",
            "created_at",
            "revoked_at",
        ]
        read_only_fields = fields

    def get_is_live(self, obj) -> bool:
        return obj.is_live()


# --- Medical records: common output --------------------------------------------------------------
_RECORD_COMMON = ["id", "dog_id", "recorded_by_id", "notes", "created_at", "updated_at"]


class _RecordSerializer(FastOutputMixin, serializers.ModelSerializer):
    dog_id = serializers.UUIDField(read_only=True)
    recorded_by_id = serializers.CharField(read_only=True, allow_null=True)


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


# --- Vaccinations -------------------------------------------------------------------------------
class VaccinationInputSerializer(serializers.Serializer):
    vaccine_name = serializers.CharField(max_length=200)
    vaccine_type = serializers.ChoiceField(choices=VaccineType.choices, required=False)
    status = _status(VaccinationStatus.choices)
    administered_on = serializers.DateField()
    next_due_on = serializers.DateField(required=False, allow_null=True)
    dose_number = serializers.IntegerField(
        min_value=1, max_value=32767, required=False, allow_null=True
    )
    lot_number = _blank_text(50)
    manufacturer = _blank_text(100)
    administered_by = _blank_text(200)
    clinic_name = _blank_text(200)
    vet_visit_id = serializers.UUIDField(required=False, allow_null=True)
    certificate_document_id = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="A MedicalDocument of the same dog whose file is the certificate.",
    )
    notes = _blank_text()


class VaccinationSerializer(_RecordSerializer):
    vet_visit_id = serializers.UUIDField(read_only=True, allow_null=True)
    certificate_file_id = serializers.UUIDField(read_only=True, allow_null=True)

    class Meta:
        model = Vaccination
        fields = [
            *_RECORD_COMMON,
            "vaccine_name",
            "vaccine_type",
            "status",
            "administered_on",
            "next_due_on",
            "dose_number",
            "lot_number",
            "manufacturer",
            "administered_by",
            "clinic_name",
            "certificate_file_id",
            "vet_visit_id",
        ]
        read_only_fields = fields


# --- Medications --------------------------------------------------------------------------------
class MedicationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    dosage = serializers.DecimalField(
        max_digits=8,
        decimal_places=3,
        min_value=Decimal("0.001"),
        required=False,
        allow_null=True,
    )
    dosage_unit = _blank_text(20)
    frequency = _blank_text(100)
    route = serializers.ChoiceField(choices=MedicationRoute.choices, required=False)
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True)
    status = _status(MedicationStatus.choices)
    prescribed_by = _blank_text(200)
    reason = _blank_text(200)
    instructions = _blank_text()
    notes = _blank_text()


class MedicationSerializer(_RecordSerializer):
    class Meta:
        model = Medication
        fields = [
            *_RECORD_COMMON,
            "name",
            "dosage",
            "dosage_unit",
            "frequency",
            "route",
            "start_date",
            "end_date",
            "status",
            "prescribed_by",
            "reason",
            "instructions",
        ]
        read_only_fields = fields


# --- Conditions ---------------------------------------------------------------------------------
class ConditionInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    clinical_status = _status(ConditionClinicalStatus.choices)
    severity = _optional_choice(ConditionSeverity.choices)
    onset_date = serializers.DateField(required=False, allow_null=True)
    resolved_date = serializers.DateField(required=False, allow_null=True)
    diagnosed_by = _blank_text(200)
    notes = _blank_text()


class ConditionSerializer(_RecordSerializer):
    class Meta:
        model = DogCondition
        fields = [
            *_RECORD_COMMON,
            "name",
            "clinical_status",
            "severity",
            "onset_date",
            "resolved_date",
            "diagnosed_by",
        ]
        read_only_fields = fields


# --- Allergies ----------------------------------------------------------------------------------
class AllergyInputSerializer(serializers.Serializer):
    substance = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=AllergyCategory.choices)
    criticality = serializers.ChoiceField(choices=AllergyCriticality.choices, required=False)
    clinical_status = _status(AllergyClinicalStatus.choices)
    reaction = _blank_text(500)
    notes = _blank_text()


class AllergySerializer(_RecordSerializer):
    class Meta:
        model = DogAllergy
        fields = [
            *_RECORD_COMMON,
            "substance",
            "category",
            "criticality",
            "clinical_status",
            "reaction",
        ]
        read_only_fields = fields


# --- Vet visits ---------------------------------------------------------------------------------
class VetVisitInputSerializer(serializers.Serializer):
    visit_date = serializers.DateField()
    clinic_name = _blank_text(200)
    veterinarian_name = _blank_text(200)
    reason = serializers.CharField(max_length=300)
    diagnosis = _blank_text()
    treatment = _blank_text()
    weight_at_visit = _pounds(required=False)
    cost = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal("0"), required=False, allow_null=True
    )
    currency = serializers.RegexField(r"^[A-Z]{3}$", max_length=3, required=False)
    follow_up_on = serializers.DateField(required=False, allow_null=True)
    notes = _blank_text()


class VetVisitSerializer(_RecordSerializer):
    class Meta:
        model = VetVisit
        fields = [
            *_RECORD_COMMON,
            "visit_date",
            "clinic_name",
            "veterinarian_name",
            "reason",
            "diagnosis",
            "treatment",
            "weight_at_visit",
            "cost",
            "currency",
            "follow_up_on",
        ]
        read_only_fields = fields


# --- Medical documents ----------------------------------------------------------------------------
class MedicalDocumentInputSerializer(serializers.Serializer):
    """Upload (multipart, with `file`) or change the details of a document."""

    file = serializers.FileField(required=True)
    document_type = serializers.ChoiceField(choices=MedicalDocumentType.choices)
    title = serializers.CharField(max_length=200)
    issued_on = serializers.DateField(required=False, allow_null=True)
    vet_visit_id = serializers.UUIDField(required=False, allow_null=True)
    notes = _blank_text()


class MedicalDocumentUpdateInputSerializer(serializers.Serializer):
    document_type = serializers.ChoiceField(choices=MedicalDocumentType.choices)
    title = serializers.CharField(max_length=200)
    issued_on = serializers.DateField(required=False, allow_null=True)
    vet_visit_id = serializers.UUIDField(required=False, allow_null=True)
    notes = _blank_text()


class MedicalDocumentSerializer(_RecordSerializer):
    vet_visit_id = serializers.UUIDField(read_only=True, allow_null=True)
    file_id = serializers.UUIDField(read_only=True)
    file_name = serializers.CharField(source="file.original_file_name", read_only=True)
    content_type = serializers.CharField(source="file.content_type", read_only=True)
    size_bytes = serializers.IntegerField(source="file.size_bytes", read_only=True)
    scan_status = serializers.CharField(source="file.scan_status", read_only=True)

    class Meta:
        model = MedicalDocument
        fields = [
            *_RECORD_COMMON,
            "document_type",
            "title",
            "issued_on",
            "vet_visit_id",
            "file_id",
            "file_name",
            "content_type",
            "size_bytes",
            "scan_status",
        ]
        read_only_fields = fields


# --- Weights ------------------------------------------------------------------------------------
class WeightRecordInputSerializer(serializers.Serializer):
    measured_on = serializers.DateField()
    weight = _pounds(required=True)
    source = serializers.ChoiceField(choices=WeightSource.choices, required=False)
    notes = _blank_text()


class WeightRecordSerializer(_RecordSerializer):
    class Meta:
        model = WeightRecord
        fields = [*_RECORD_COMMON, "measured_on", "weight", "source"]
        read_only_fields = fields
