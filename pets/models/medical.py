"""Plan 010: structured medical records of a dog (FHIR-inspired, SCHEMA.md 2.10).

Records are corrected, not deleted: the tables with a status (`Vaccinations`,
`Medications`, `DogConditions`, `DogAllergies`) mark a wrong record `EnteredInError`;
the others (`VetVisits`, `MedicalDocuments`, `WeightRecords`) are corrected in place by
an audited update, the audit row keeping the old values.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from doggy.core.db import TimeStampedModel, uuid_primary_key

from ..choices import (
    AllergyCategory,
    AllergyClinicalStatus,
    AllergyCriticality,
    ConditionClinicalStatus,
    ConditionSeverity,
    MedicalDocumentType,
    MedicationRoute,
    MedicationStatus,
    VaccinationStatus,
    VaccineType,
    WeightSource,
)

_POSITIVE = MinValueValidator(0.01)
_NON_NEGATIVE = MinValueValidator(0)
_CURRENCY = RegexValidator(r"^[A-Z]{3}$", "Use an ISO 4217 code in upper case, e.g. USD.")


def _dog_fk(related_name: str) -> models.ForeignKey:
    # Every record table has a named index that starts with DogId, so no FK index.
    return models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.CASCADE,
        related_name=related_name,
        db_index=False,
        db_column="DogId",
    )


class MedicalRecordQuerySet(models.QuerySet):
    """Scoping of a dog's records to a caller: the records of the dogs the caller sees."""

    def visible_to(self, user, *, now=None) -> MedicalRecordQuerySet:
        """Records of dogs the user owns or that are shared with them by a live grant
        (`DogProfile.objects.visible_to`, so expiry is in the query too)."""
        dogs = self.model._meta.get_field("dog").related_model.objects.visible_to(
            user, now=now, inline_shares=False
        )
        return self.filter(dog__in=dogs.order_by().values("pk"))


class MedicalRecord(TimeStampedModel):
    """Columns every plan-010 table shares: id, recorder, notes and timestamps.

    `status_field` names the column that takes `EnteredInError` when the record is
    corrected; None means the table has no status and is corrected in place.
    """

    id = uuid_primary_key()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="RecordedById",
    )
    notes = models.TextField(blank=True, default="", db_column="Notes")

    objects = MedicalRecordQuerySet.as_manager()

    status_field: str | None = None
    # Dates that describe something that already happened, so they cannot lie ahead.
    past_date_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        today = timezone.localdate()
        errors = {
            name: "This date cannot be in the future."
            for name in self.past_date_fields
            if getattr(self, name) and getattr(self, name) > today
        }
        if errors:
            raise ValidationError(errors)

    @property
    def is_entered_in_error(self) -> bool:
        return bool(self.status_field) and getattr(self, self.status_field) == "EnteredInError"


class VetVisit(MedicalRecord):
    """A visit to a veterinarian (`VetVisits`). `WeightAtVisit` also writes a weight record."""

    dog = _dog_fk("vet_visits")
    visit_date = models.DateField(db_column="VisitDate")
    clinic_name = models.CharField(max_length=200, blank=True, default="", db_column="ClinicName")
    veterinarian_name = models.CharField(
        max_length=200, blank=True, default="", db_column="VeterinarianName"
    )
    reason = models.CharField(max_length=300, db_column="Reason")
    diagnosis = models.TextField(blank=True, default="", db_column="Diagnosis")
    treatment = models.TextField(blank=True, default="", db_column="Treatment")
    weight_at_visit = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_POSITIVE],
        db_column="WeightAtVisit",
        db_comment="pounds",
        help_text="Pounds.",
    )
    cost = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_NON_NEGATIVE],
        db_column="Cost",
    )
    currency = models.CharField(
        max_length=3, default="USD", validators=[_CURRENCY], db_column="Currency"
    )
    follow_up_on = models.DateField(null=True, blank=True, db_column="FollowUpOn")

    class Meta:
        db_table = "VetVisits"
        ordering = ["-visit_date", "-created_at"]
        indexes = [models.Index(fields=["dog", "-visit_date"], name="IX_VetVisits_Dog_Date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0), name="CK_VetVisits_Cost"
            ),
            models.CheckConstraint(
                condition=Q(weight_at_visit__isnull=True) | Q(weight_at_visit__gt=0),
                name="CK_VetVisits_Weight",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.visit_date}: {self.reason}"


class Vaccination(MedicalRecord):
    """A vaccine dose given or deliberately not given (`Vaccinations`, FHIR Immunization)."""

    dog = _dog_fk("vaccinations")
    vaccine_name = models.CharField(max_length=200, db_column="VaccineName")
    vaccine_type = models.CharField(
        max_length=20,
        choices=VaccineType.choices,
        default=VaccineType.CORE,
        db_column="VaccineType",
    )
    status = models.CharField(
        max_length=20,
        choices=VaccinationStatus.choices,
        default=VaccinationStatus.COMPLETED,
        db_column="Status",
    )
    administered_on = models.DateField(db_column="AdministeredOn")
    next_due_on = models.DateField(
        null=True,
        blank=True,
        db_column="NextDueOn",
        help_text="Drives the vaccination-due reminder.",
    )
    dose_number = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], db_column="DoseNumber"
    )
    lot_number = models.CharField(max_length=50, blank=True, default="", db_column="LotNumber")
    manufacturer = models.CharField(
        max_length=100, blank=True, default="", db_column="Manufacturer"
    )
    administered_by = models.CharField(
        max_length=200, blank=True, default="", db_column="AdministeredBy"
    )
    clinic_name = models.CharField(max_length=200, blank=True, default="", db_column="ClinicName")
    certificate_file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="CertificateFileId",
    )
    vet_visit = models.ForeignKey(
        VetVisit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vaccinations",
        db_column="VetVisitId",
    )

    status_field = "status"
    past_date_fields = ("administered_on",)

    class Meta:
        db_table = "Vaccinations"
        ordering = ["-administered_on", "-created_at"]
        indexes = [
            models.Index(fields=["dog", "next_due_on"], name="IX_Vaccinations_Dog_Due"),
            # The reminder sweep reads completed doses by due date.
            models.Index(
                fields=["next_due_on"],
                condition=Q(status=VaccinationStatus.COMPLETED),
                name="IX_Vaccinations_Due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_due_on__isnull=True) | Q(next_due_on__gt=F("administered_on")),
                name="CK_Vaccinations_Due",
                violation_error_message="The next due date must be after the administered date.",
            ),
            models.CheckConstraint(
                condition=Q(vaccine_type__in=VaccineType.values),
                name="CK_Vaccinations_VaccineType",
            ),
            models.CheckConstraint(
                condition=Q(status__in=VaccinationStatus.values), name="CK_Vaccinations_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vaccine_name} on {self.administered_on}"


class Medication(MedicalRecord):
    """A medication the dog takes or took (`Medications`, FHIR MedicationStatement)."""

    dog = _dog_fk("medication_records")
    name = models.CharField(max_length=200, db_column="Name")
    dosage = models.DecimalField(
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.001)],
        db_column="Dosage",
    )
    dosage_unit = models.CharField(max_length=20, blank=True, default="", db_column="DosageUnit")
    frequency = models.CharField(max_length=100, blank=True, default="", db_column="Frequency")
    route = models.CharField(
        max_length=20,
        choices=MedicationRoute.choices,
        default=MedicationRoute.ORAL,
        db_column="Route",
    )
    start_date = models.DateField(db_column="StartDate")
    end_date = models.DateField(null=True, blank=True, db_column="EndDate")
    status = models.CharField(
        max_length=20,
        choices=MedicationStatus.choices,
        default=MedicationStatus.ACTIVE,
        db_column="Status",
    )
    prescribed_by = models.CharField(
        max_length=200, blank=True, default="", db_column="PrescribedBy"
    )
    reason = models.CharField(max_length=200, blank=True, default="", db_column="Reason")
    instructions = models.TextField(
        blank=True,
        default="",
        db_column="Instructions",
        help_text="Shown to providers during visits.",
    )

    status_field = "status"

    class Meta:
        db_table = "Medications"
        ordering = ["-start_date", "-created_at"]
        indexes = [models.Index(fields=["dog", "status"], name="IX_Medications_Dog_Status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="CK_Medications_Dates",
                violation_error_message="The end date cannot be before the start date.",
            ),
            models.CheckConstraint(
                condition=Q(dosage__isnull=True) | Q(dosage__gt=0), name="CK_Medications_Dosage"
            ),
            models.CheckConstraint(
                condition=Q(route__in=MedicationRoute.values), name="CK_Medications_Route"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MedicationStatus.values), name="CK_Medications_Status"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DogCondition(MedicalRecord):
    """A diagnosed condition (`DogConditions`, FHIR Condition)."""

    dog = _dog_fk("conditions")
    name = models.CharField(max_length=200, db_column="Name")
    clinical_status = models.CharField(
        max_length=20,
        choices=ConditionClinicalStatus.choices,
        default=ConditionClinicalStatus.ACTIVE,
        db_column="ClinicalStatus",
    )
    severity = models.CharField(
        max_length=10,
        null=True,
        blank=True,
        choices=ConditionSeverity.choices,
        db_column="Severity",
    )
    onset_date = models.DateField(null=True, blank=True, db_column="OnsetDate")
    resolved_date = models.DateField(null=True, blank=True, db_column="ResolvedDate")
    diagnosed_by = models.CharField(max_length=200, blank=True, default="", db_column="DiagnosedBy")

    status_field = "clinical_status"

    class Meta:
        db_table = "DogConditions"
        ordering = ["name", "-created_at"]
        indexes = [models.Index(fields=["dog", "clinical_status"], name="IX_DogConditions_Dog")]
        constraints = [
            models.CheckConstraint(
                condition=Q(clinical_status__in=ConditionClinicalStatus.values),
                name="CK_DogConditions_ClinicalStatus",
            ),
            models.CheckConstraint(
                condition=Q(severity__isnull=True) | Q(severity__in=ConditionSeverity.values),
                name="CK_DogConditions_Severity",
            ),
            models.CheckConstraint(
                condition=Q(onset_date__isnull=True)
                | Q(resolved_date__isnull=True)
                | Q(resolved_date__gte=F("onset_date")),
                name="CK_DogConditions_Dates",
                violation_error_message="The resolved date cannot be before the onset date.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DogAllergy(MedicalRecord):
    """An allergy or intolerance (`DogAllergies`, FHIR AllergyIntolerance)."""

    dog = _dog_fk("allergy_records")
    substance = models.CharField(max_length=200, db_column="Substance")
    category = models.CharField(
        max_length=15, choices=AllergyCategory.choices, db_column="Category"
    )
    criticality = models.CharField(
        max_length=20,
        choices=AllergyCriticality.choices,
        default=AllergyCriticality.LOW,
        db_column="Criticality",
    )
    clinical_status = models.CharField(
        max_length=20,
        choices=AllergyClinicalStatus.choices,
        default=AllergyClinicalStatus.ACTIVE,
        db_column="ClinicalStatus",
    )
    reaction = models.CharField(max_length=500, blank=True, default="", db_column="Reaction")

    status_field = "clinical_status"

    class Meta:
        db_table = "DogAllergies"
        ordering = ["substance", "-created_at"]
        verbose_name_plural = "dog allergies"
        indexes = [
            # Not in the plan: the unique index below is filtered, so it cannot serve
            # "all allergies of a dog".
            models.Index(fields=["dog", "clinical_status"], name="IX_DogAllergies_Dog"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dog", "substance"],
                # "not EnteredInError", spelled as IN for SQL Server's filtered indexes.
                condition=Q(
                    clinical_status__in=[
                        AllergyClinicalStatus.ACTIVE,
                        AllergyClinicalStatus.INACTIVE,
                        AllergyClinicalStatus.RESOLVED,
                    ]
                ),
                name="UX_DogAllergies_Dog_Substance",
                violation_error_message="This dog already has an allergy to this substance.",
            ),
            models.CheckConstraint(
                condition=Q(category__in=AllergyCategory.values), name="CK_DogAllergies_Category"
            ),
            models.CheckConstraint(
                condition=Q(criticality__in=AllergyCriticality.values),
                name="CK_DogAllergies_Criticality",
            ),
            models.CheckConstraint(
                condition=Q(clinical_status__in=AllergyClinicalStatus.values),
                name="CK_DogAllergies_ClinicalStatus",
            ),
        ]

    def __str__(self) -> str:
        return self.substance


class MedicalDocument(MedicalRecord):
    """A stored medical document: lab result, imaging, prescription… (`MedicalDocuments`)."""

    dog = _dog_fk("medical_documents")
    file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.PROTECT,
        related_name="+",
        db_column="FileId",
    )
    document_type = models.CharField(
        max_length=30, choices=MedicalDocumentType.choices, db_column="DocumentType"
    )
    title = models.CharField(max_length=200, db_column="Title")
    issued_on = models.DateField(null=True, blank=True, db_column="IssuedOn")
    vet_visit = models.ForeignKey(
        VetVisit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        db_column="VetVisitId",
    )

    past_date_fields = ("issued_on",)

    class Meta:
        db_table = "MedicalDocuments"
        ordering = ["-issued_on", "-created_at"]
        indexes = [models.Index(fields=["dog", "-issued_on"], name="IX_MedicalDocs_Dog_Issued")]
        constraints = [
            models.CheckConstraint(
                condition=Q(document_type__in=MedicalDocumentType.values),
                name="CK_MedicalDocuments_DocumentType",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class WeightRecord(MedicalRecord):
    """One weighing, in pounds (`WeightRecords`): the series behind weight trends.

    The most recent record (by `MeasuredOn`) is copied to `DogProfiles.Weight`.
    """

    dog = _dog_fk("weight_records")
    measured_on = models.DateField(db_column="MeasuredOn")
    weight = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[_POSITIVE],
        db_column="Weight",
        db_comment="pounds",
        help_text="Pounds.",
    )
    source = models.CharField(
        max_length=10,
        choices=WeightSource.choices,
        default=WeightSource.OWNER,
        db_column="Source",
    )

    past_date_fields = ("measured_on",)

    class Meta:
        db_table = "WeightRecords"
        ordering = ["-measured_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dog", "measured_on", "source"],
                name="UX_WeightRecords_Dog_Date",
                violation_error_message="This dog has a weight from this source on this date.",
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="CK_WeightRecords_Weight"),
            models.CheckConstraint(
                condition=Q(source__in=WeightSource.values), name="CK_WeightRecords_Source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.weight} lb on {self.measured_on}"
