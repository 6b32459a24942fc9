"""Plan 010: structured medical records of a dog (SCHEMA.md 2.10).

Vaccinations, Medications, DogConditions, DogAllergies, VetVisits, MedicalDocuments and
WeightRecords, with FHIR-style statuses. Records are corrected (EnteredInError), not
deleted. Documents and certificates point at StoredFiles (plan 007).
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0003_stored_files"),
        ("pets", "0002_dog_profiles_fulltext"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="VetVisit",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                ("visit_date", models.DateField(db_column="VisitDate")),
                (
                    "clinic_name",
                    models.CharField(
                        blank=True, db_column="ClinicName", default="", max_length=200
                    ),
                ),
                (
                    "veterinarian_name",
                    models.CharField(
                        blank=True, db_column="VeterinarianName", default="", max_length=200
                    ),
                ),
                ("reason", models.CharField(db_column="Reason", max_length=300)),
                ("diagnosis", models.TextField(blank=True, db_column="Diagnosis", default="")),
                ("treatment", models.TextField(blank=True, db_column="Treatment", default="")),
                (
                    "weight_at_visit",
                    models.DecimalField(
                        blank=True,
                        db_column="WeightAtVisit",
                        db_comment="pounds",
                        decimal_places=2,
                        help_text="Pounds.",
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0.01)],
                    ),
                ),
                (
                    "cost",
                    models.DecimalField(
                        blank=True,
                        db_column="Cost",
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0)],
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        db_column="Currency",
                        default="USD",
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{3}$", "Use an ISO 4217 code in upper case, e.g. USD."
                            )
                        ],
                    ),
                ),
                ("follow_up_on", models.DateField(blank=True, db_column="FollowUpOn", null=True)),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vet_visits",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "VetVisits",
                "ordering": ["-visit_date", "-created_at"],
            },
        ),
        migrations.CreateModel(
            name="Vaccination",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                ("vaccine_name", models.CharField(db_column="VaccineName", max_length=200)),
                (
                    "vaccine_type",
                    models.CharField(
                        choices=[("Core", "Core"), ("NonCore", "Non Core"), ("Other", "Other")],
                        db_column="VaccineType",
                        default="Core",
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Completed", "Completed"),
                            ("EnteredInError", "Entered In Error"),
                            ("NotDone", "Not Done"),
                        ],
                        db_column="Status",
                        default="Completed",
                        max_length=20,
                    ),
                ),
                ("administered_on", models.DateField(db_column="AdministeredOn")),
                (
                    "next_due_on",
                    models.DateField(
                        blank=True,
                        db_column="NextDueOn",
                        help_text="Drives the vaccination-due reminder.",
                        null=True,
                    ),
                ),
                (
                    "dose_number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        db_column="DoseNumber",
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "lot_number",
                    models.CharField(blank=True, db_column="LotNumber", default="", max_length=50),
                ),
                (
                    "manufacturer",
                    models.CharField(
                        blank=True, db_column="Manufacturer", default="", max_length=100
                    ),
                ),
                (
                    "administered_by",
                    models.CharField(
                        blank=True, db_column="AdministeredBy", default="", max_length=200
                    ),
                ),
                (
                    "clinic_name",
                    models.CharField(
                        blank=True, db_column="ClinicName", default="", max_length=200
                    ),
                ),
                (
                    "certificate_file",
                    models.ForeignKey(
                        blank=True,
                        db_column="CertificateFileId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vaccinations",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "vet_visit",
                    models.ForeignKey(
                        blank=True,
                        db_column="VetVisitId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="vaccinations",
                        to="pets.vetvisit",
                    ),
                ),
            ],
            options={
                "db_table": "Vaccinations",
                "ordering": ["-administered_on", "-created_at"],
            },
        ),
        migrations.CreateModel(
            name="MedicalDocument",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                (
                    "document_type",
                    models.CharField(
                        choices=[
                            ("LabResult", "Lab Result"),
                            ("Imaging", "Imaging"),
                            ("Prescription", "Prescription"),
                            ("VaccinationCertificate", "Vaccination Certificate"),
                            ("Invoice", "Invoice"),
                            ("DischargeSummary", "Discharge Summary"),
                            ("Other", "Other"),
                        ],
                        db_column="DocumentType",
                        max_length=30,
                    ),
                ),
                ("title", models.CharField(db_column="Title", max_length=200)),
                ("issued_on", models.DateField(blank=True, db_column="IssuedOn", null=True)),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="medical_documents",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "file",
                    models.ForeignKey(
                        db_column="FileId",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "vet_visit",
                    models.ForeignKey(
                        blank=True,
                        db_column="VetVisitId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="documents",
                        to="pets.vetvisit",
                    ),
                ),
            ],
            options={
                "db_table": "MedicalDocuments",
                "ordering": ["-issued_on", "-created_at"],
            },
        ),
        migrations.CreateModel(
            name="WeightRecord",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                ("measured_on", models.DateField(db_column="MeasuredOn")),
                (
                    "weight",
                    models.DecimalField(
                        db_column="Weight",
                        db_comment="pounds",
                        decimal_places=2,
                        help_text="Pounds.",
                        max_digits=5,
                        validators=[django.core.validators.MinValueValidator(0.01)],
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[("Owner", "Owner"), ("Vet", "Vet"), ("Provider", "Provider")],
                        db_column="Source",
                        default="Owner",
                        max_length=10,
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="weight_records",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "WeightRecords",
                "ordering": ["-measured_on", "-created_at"],
            },
        ),
        migrations.CreateModel(
            name="DogAllergy",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                ("substance", models.CharField(db_column="Substance", max_length=200)),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("Food", "Food"),
                            ("Medication", "Medication"),
                            ("Environment", "Environment"),
                            ("Biologic", "Biologic"),
                        ],
                        db_column="Category",
                        max_length=15,
                    ),
                ),
                (
                    "criticality",
                    models.CharField(
                        choices=[
                            ("Low", "Low"),
                            ("High", "High"),
                            ("UnableToAssess", "Unable To Assess"),
                        ],
                        db_column="Criticality",
                        default="Low",
                        max_length=20,
                    ),
                ),
                (
                    "clinical_status",
                    models.CharField(
                        choices=[
                            ("Active", "Active"),
                            ("Inactive", "Inactive"),
                            ("Resolved", "Resolved"),
                            ("EnteredInError", "Entered In Error"),
                        ],
                        db_column="ClinicalStatus",
                        default="Active",
                        max_length=20,
                    ),
                ),
                (
                    "reaction",
                    models.CharField(blank=True, db_column="Reaction", default="", max_length=500),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="allergy_records",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "dog allergies",
                "db_table": "DogAllergies",
                "ordering": ["substance", "-created_at"],
                "indexes": [
                    models.Index(fields=["dog", "clinical_status"], name="IX_DogAllergies_Dog")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(
                            ("clinical_status__in", ["Active", "Inactive", "Resolved"])
                        ),
                        fields=("dog", "substance"),
                        name="UX_DogAllergies_Dog_Substance",
                        violation_error_message="This dog already has an allergy to this substance.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("category__in", ["Food", "Medication", "Environment", "Biologic"])
                        ),
                        name="CK_DogAllergies_Category",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("criticality__in", ["Low", "High", "UnableToAssess"])),
                        name="CK_DogAllergies_Criticality",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "clinical_status__in",
                                ["Active", "Inactive", "Resolved", "EnteredInError"],
                            )
                        ),
                        name="CK_DogAllergies_ClinicalStatus",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="DogCondition",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                ("name", models.CharField(db_column="Name", max_length=200)),
                (
                    "clinical_status",
                    models.CharField(
                        choices=[
                            ("Active", "Active"),
                            ("Recurrence", "Recurrence"),
                            ("Relapse", "Relapse"),
                            ("Inactive", "Inactive"),
                            ("Remission", "Remission"),
                            ("Resolved", "Resolved"),
                            ("EnteredInError", "Entered In Error"),
                        ],
                        db_column="ClinicalStatus",
                        default="Active",
                        max_length=20,
                    ),
                ),
                (
                    "severity",
                    models.CharField(
                        blank=True,
                        choices=[("Mild", "Mild"), ("Moderate", "Moderate"), ("Severe", "Severe")],
                        db_column="Severity",
                        max_length=10,
                        null=True,
                    ),
                ),
                ("onset_date", models.DateField(blank=True, db_column="OnsetDate", null=True)),
                (
                    "resolved_date",
                    models.DateField(blank=True, db_column="ResolvedDate", null=True),
                ),
                (
                    "diagnosed_by",
                    models.CharField(
                        blank=True, db_column="DiagnosedBy", default="", max_length=200
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="conditions",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "DogConditions",
                "ordering": ["name", "-created_at"],
                "indexes": [
                    models.Index(fields=["dog", "clinical_status"], name="IX_DogConditions_Dog")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "clinical_status__in",
                                [
                                    "Active",
                                    "Recurrence",
                                    "Relapse",
                                    "Inactive",
                                    "Remission",
                                    "Resolved",
                                    "EnteredInError",
                                ],
                            )
                        ),
                        name="CK_DogConditions_ClinicalStatus",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("severity__isnull", True),
                            ("severity__in", ["Mild", "Moderate", "Severe"]),
                            _connector="OR",
                        ),
                        name="CK_DogConditions_Severity",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("onset_date__isnull", True),
                            ("resolved_date__isnull", True),
                            ("resolved_date__gte", models.F("onset_date")),
                            _connector="OR",
                        ),
                        name="CK_DogConditions_Dates",
                        violation_error_message="The resolved date cannot be before the onset date.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Medication",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("notes", models.TextField(blank=True, db_column="Notes", default="")),
                ("name", models.CharField(db_column="Name", max_length=200)),
                (
                    "dosage",
                    models.DecimalField(
                        blank=True,
                        db_column="Dosage",
                        decimal_places=3,
                        max_digits=8,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0.001)],
                    ),
                ),
                (
                    "dosage_unit",
                    models.CharField(blank=True, db_column="DosageUnit", default="", max_length=20),
                ),
                (
                    "frequency",
                    models.CharField(blank=True, db_column="Frequency", default="", max_length=100),
                ),
                (
                    "route",
                    models.CharField(
                        choices=[
                            ("Oral", "Oral"),
                            ("Topical", "Topical"),
                            ("Injection", "Injection"),
                            ("Ophthalmic", "Ophthalmic"),
                            ("Otic", "Otic"),
                            ("Other", "Other"),
                        ],
                        db_column="Route",
                        default="Oral",
                        max_length=20,
                    ),
                ),
                ("start_date", models.DateField(db_column="StartDate")),
                ("end_date", models.DateField(blank=True, db_column="EndDate", null=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Active", "Active"),
                            ("Completed", "Completed"),
                            ("Stopped", "Stopped"),
                            ("OnHold", "On Hold"),
                            ("EnteredInError", "Entered In Error"),
                        ],
                        db_column="Status",
                        default="Active",
                        max_length=20,
                    ),
                ),
                (
                    "prescribed_by",
                    models.CharField(
                        blank=True, db_column="PrescribedBy", default="", max_length=200
                    ),
                ),
                (
                    "reason",
                    models.CharField(blank=True, db_column="Reason", default="", max_length=200),
                ),
                (
                    "instructions",
                    models.TextField(
                        blank=True,
                        db_column="Instructions",
                        default="",
                        help_text="Shown to providers during visits.",
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="medication_records",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RecordedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "Medications",
                "ordering": ["-start_date", "-created_at"],
                "indexes": [
                    models.Index(fields=["dog", "status"], name="IX_Medications_Dog_Status")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="CK_Medications_Dates",
                        violation_error_message="The end date cannot be before the start date.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("dosage__isnull", True), ("dosage__gt", 0), _connector="OR"
                        ),
                        name="CK_Medications_Dosage",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "route__in",
                                ["Oral", "Topical", "Injection", "Ophthalmic", "Otic", "Other"],
                            )
                        ),
                        name="CK_Medications_Route",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                ["Active", "Completed", "Stopped", "OnHold", "EnteredInError"],
                            )
                        ),
                        name="CK_Medications_Status",
                    ),
                ],
            },
        ),
        migrations.AddIndex(
            model_name="vetvisit",
            index=models.Index(fields=["dog", "-visit_date"], name="IX_VetVisits_Dog_Date"),
        ),
        migrations.AddConstraint(
            model_name="vetvisit",
            constraint=models.CheckConstraint(
                condition=models.Q(("cost__isnull", True), ("cost__gte", 0), _connector="OR"),
                name="CK_VetVisits_Cost",
            ),
        ),
        migrations.AddConstraint(
            model_name="vetvisit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("weight_at_visit__isnull", True), ("weight_at_visit__gt", 0), _connector="OR"
                ),
                name="CK_VetVisits_Weight",
            ),
        ),
        migrations.AddIndex(
            model_name="vaccination",
            index=models.Index(fields=["dog", "next_due_on"], name="IX_Vaccinations_Dog_Due"),
        ),
        migrations.AddIndex(
            model_name="vaccination",
            index=models.Index(
                condition=models.Q(("status", "Completed")),
                fields=["next_due_on"],
                name="IX_Vaccinations_Due",
            ),
        ),
        migrations.AddConstraint(
            model_name="vaccination",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("next_due_on__isnull", True),
                    ("next_due_on__gt", models.F("administered_on")),
                    _connector="OR",
                ),
                name="CK_Vaccinations_Due",
                violation_error_message="The next due date must be after the administered date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="vaccination",
            constraint=models.CheckConstraint(
                condition=models.Q(("vaccine_type__in", ["Core", "NonCore", "Other"])),
                name="CK_Vaccinations_VaccineType",
            ),
        ),
        migrations.AddConstraint(
            model_name="vaccination",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["Completed", "EnteredInError", "NotDone"])),
                name="CK_Vaccinations_Status",
            ),
        ),
        migrations.AddIndex(
            model_name="medicaldocument",
            index=models.Index(fields=["dog", "-issued_on"], name="IX_MedicalDocs_Dog_Issued"),
        ),
        migrations.AddConstraint(
            model_name="medicaldocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "document_type__in",
                        [
                            "LabResult",
                            "Imaging",
                            "Prescription",
                            "VaccinationCertificate",
                            "Invoice",
                            "DischargeSummary",
                            "Other",
                        ],
                    )
                ),
                name="CK_MedicalDocuments_DocumentType",
            ),
        ),
        migrations.AddConstraint(
            model_name="weightrecord",
            constraint=models.UniqueConstraint(
                fields=("dog", "measured_on", "source"),
                name="UX_WeightRecords_Dog_Date",
                violation_error_message="This dog has a weight from this source on this date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="weightrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(("weight__gt", 0)), name="CK_WeightRecords_Weight"
            ),
        ),
        migrations.AddConstraint(
            model_name="weightrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(("source__in", ["Owner", "Vet", "Provider"])),
                name="CK_WeightRecords_Source",
            ),
        ),
    ]
