"""Plan 037: EmergencyContacts, DogEmergencyContacts and DogVeterinarians (SCHEMA.md 2.37).

The data of the 009 inline columns is copied in 0005_copy_dog_contacts; the columns stay.
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
        ("pets", "0003_medical_records"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EmergencyContact",
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
                ("name", models.CharField(db_column="Name", max_length=200)),
                (
                    "relationship",
                    models.CharField(
                        blank=True, db_column="Relationship", default="", max_length=100
                    ),
                ),
                (
                    "phone",
                    models.CharField(
                        blank=True, db_column="Phone", db_default="", default="", max_length=50
                    ),
                ),
                (
                    "alternate_phone",
                    models.CharField(
                        blank=True, db_column="AlternatePhone", default="", max_length=50
                    ),
                ),
                (
                    "email",
                    models.EmailField(blank=True, db_column="Email", default="", max_length=256),
                ),
                (
                    "can_authorize_vet_care",
                    models.BooleanField(
                        db_column="CanAuthorizeVetCare",
                        db_default=False,
                        default=False,
                        help_text="May approve emergency treatment.",
                    ),
                ),
                (
                    "is_primary",
                    models.BooleanField(db_column="IsPrimary", db_default=False, default=False),
                ),
                (
                    "notes",
                    models.CharField(blank=True, db_column="Notes", default="", max_length=500),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        db_column="OwnerId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="emergency_contacts",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "EmergencyContacts",
                "ordering": ["-is_primary", "name"],
            },
        ),
        migrations.CreateModel(
            name="DogEmergencyContact",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "priority",
                    models.PositiveSmallIntegerField(
                        db_column="Priority",
                        db_default=1,
                        default=1,
                        help_text="1 = call first.",
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="emergency_contact_links",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        db_column="ContactId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="dog_links",
                        to="pets.emergencycontact",
                    ),
                ),
            ],
            options={
                "db_table": "DogEmergencyContacts",
                "ordering": ["dog", "priority"],
            },
        ),
        migrations.CreateModel(
            name="DogVeterinarian",
            fields=[
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
                (
                    "phone",
                    models.CharField(blank=True, db_column="Phone", default="", max_length=50),
                ),
                (
                    "email",
                    models.EmailField(blank=True, db_column="Email", default="", max_length=256),
                ),
                (
                    "address_text",
                    models.CharField(
                        blank=True, db_column="AddressText", default="", max_length=500
                    ),
                ),
                (
                    "is_primary",
                    models.BooleanField(db_column="IsPrimary", db_default=False, default=False),
                ),
                (
                    "is_emergency_clinic",
                    models.BooleanField(
                        db_column="IsEmergencyClinic",
                        db_default=False,
                        default=False,
                        help_text="A 24/7 clinic.",
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="veterinarians",
                        to="pets.dogprofile",
                    ),
                ),
            ],
            options={
                "db_table": "DogVeterinarians",
                "ordering": ["dog", "-is_primary", "clinic_name"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("is_primary", True)),
                        fields=("dog",),
                        name="UX_DogVets_Dog_Primary",
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="emergencycontact",
            index=models.Index(fields=["owner"], name="IX_EmergContacts_Owner"),
        ),
        migrations.AddConstraint(
            model_name="emergencycontact",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_primary", True)),
                fields=("owner",),
                name="UX_EmergContacts_Owner_Primary",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogemergencycontact",
            constraint=models.UniqueConstraint(
                fields=("dog", "contact"), name="UX_DogEmergContacts_Dog_Cont"
            ),
        ),
    ]
