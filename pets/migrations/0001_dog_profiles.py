"""Plan 009: DogProfiles, column for column in the plan's order, with its index names.

Also creates DogAccessGrants (time-boxed shares, SCHEMA.md §4): guardian's object
permissions carry no expiry, so the grants table is the source of truth for sharing.
The full-text index follows in 0002_dog_profiles_fulltext.
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        # Plan order: 009 follows 008 (UserSettings), the end of Phase 1.
        ("accounts", "0009_user_settings"),
    ]

    operations = [
        migrations.CreateModel(
            name="DogProfile",
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
                    "owner",
                    models.ForeignKey(
                        db_column="OwnerId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="dogs",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("name", models.CharField(db_column="Name", max_length=100)),
                (
                    "breed",
                    models.CharField(blank=True, db_column="Breed", max_length=100, null=True),
                ),
                (
                    "secondary_breed",
                    models.CharField(
                        blank=True,
                        db_column="SecondaryBreed",
                        help_text="For mixed breeds.",
                        max_length=100,
                        null=True,
                    ),
                ),
                ("birthdate", models.DateField(blank=True, db_column="Birthdate", null=True)),
                (
                    "weight",
                    models.DecimalField(
                        blank=True,
                        db_column="Weight",
                        db_comment="pounds",
                        decimal_places=2,
                        help_text="Pounds.",
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0.01)],
                    ),
                ),
                (
                    "height",
                    models.DecimalField(
                        blank=True,
                        db_column="Height",
                        db_comment="inches",
                        decimal_places=2,
                        help_text="Inches.",
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0.01)],
                    ),
                ),
                (
                    "gender",
                    models.CharField(
                        blank=True,
                        choices=[("Male", "Male"), ("Female", "Female"), ("Unknown", "Unknown")],
                        db_column="Gender",
                        max_length=10,
                        null=True,
                    ),
                ),
                (
                    "is_spayed_neutered",
                    models.BooleanField(
                        blank=True,
                        db_column="IsSpayedNeutered",
                        db_default=False,
                        default=False,
                        null=True,
                    ),
                ),
                (
                    "coat_color",
                    models.CharField(blank=True, db_column="CoatColor", max_length=100, null=True),
                ),
                (
                    "coat_type",
                    models.CharField(blank=True, db_column="CoatType", max_length=50, null=True),
                ),
                (
                    "eye_color",
                    models.CharField(blank=True, db_column="EyeColor", max_length=50, null=True),
                ),
                (
                    "microchip_number",
                    models.CharField(
                        blank=True, db_column="MicrochipNumber", max_length=50, null=True
                    ),
                ),
                (
                    "registration_number",
                    models.CharField(
                        blank=True,
                        db_column="RegistrationNumber",
                        help_text="AKC or other registration.",
                        max_length=100,
                        null=True,
                    ),
                ),
                (
                    "emergency_contact_name",
                    models.CharField(
                        blank=True, db_column="EmergencyContactName", max_length=200, null=True
                    ),
                ),
                (
                    "emergency_contact_phone",
                    models.CharField(
                        blank=True, db_column="EmergencyContactPhone", max_length=50, null=True
                    ),
                ),
                (
                    "emergency_contact_relationship",
                    models.CharField(
                        blank=True,
                        db_column="EmergencyContactRelationship",
                        max_length=100,
                        null=True,
                    ),
                ),
                (
                    "veterinarian_name",
                    models.CharField(
                        blank=True, db_column="VeterinarianName", max_length=200, null=True
                    ),
                ),
                (
                    "veterinarian_phone",
                    models.CharField(
                        blank=True, db_column="VeterinarianPhone", max_length=50, null=True
                    ),
                ),
                (
                    "veterinarian_address",
                    models.CharField(
                        blank=True, db_column="VeterinarianAddress", max_length=500, null=True
                    ),
                ),
                (
                    "energy_level",
                    models.CharField(
                        blank=True,
                        choices=[("Low", "Low"), ("Medium", "Medium"), ("High", "High")],
                        db_column="EnergyLevel",
                        max_length=20,
                        null=True,
                    ),
                ),
                (
                    "socialization_level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("Shy", "Shy"),
                            ("Friendly", "Friendly"),
                            ("Very Social", "Very Social"),
                        ],
                        db_column="SocializationLevel",
                        max_length=20,
                        null=True,
                    ),
                ),
                (
                    "training_level",
                    models.CharField(
                        blank=True,
                        choices=[("None", "None"), ("Basic", "Basic"), ("Advanced", "Advanced")],
                        db_column="TrainingLevel",
                        max_length=20,
                        null=True,
                    ),
                ),
                (
                    "special_needs",
                    models.TextField(blank=True, db_column="SpecialNeeds", null=True),
                ),
                (
                    "medications",
                    models.TextField(
                        blank=True,
                        db_column="Medications",
                        help_text="Free-text summary; structured records are Medications rows.",
                        null=True,
                    ),
                ),
                (
                    "allergies",
                    models.TextField(
                        blank=True,
                        db_column="Allergies",
                        help_text="Free-text summary; structured records are DogAllergies rows.",
                        null=True,
                    ),
                ),
                (
                    "behavior_notes",
                    models.TextField(blank=True, db_column="BehaviorNotes", null=True),
                ),
                (
                    "dietary_restrictions",
                    models.TextField(blank=True, db_column="DietaryRestrictions", null=True),
                ),
                (
                    "profile_image_url",
                    models.URLField(
                        blank=True, db_column="ProfileImageUrl", max_length=500, null=True
                    ),
                ),
                (
                    "additional_photos",
                    models.JSONField(
                        blank=True,
                        db_column="AdditionalPhotos",
                        help_text="JSON array of photo URLs.",
                        null=True,
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
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
            ],
            options={
                "db_table": "DogProfiles",
                "ordering": ["name", "id"],
            },
        ),
        migrations.CreateModel(
            name="DogAccessGrant",
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
                    "access_level",
                    models.CharField(
                        choices=[("View", "View"), ("Edit", "Edit")],
                        db_column="AccessLevel",
                        db_default="View",
                        default="View",
                        max_length=10,
                    ),
                ),
                ("expires_at", models.DateTimeField(blank=True, db_column="ExpiresAt", null=True)),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                ("revoked_at", models.DateTimeField(blank=True, db_column="RevokedAt", null=True)),
                (
                    "granted_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="GrantedById",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "grantee",
                    models.ForeignKey(
                        db_column="GranteeId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="dog_access_grants",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="access_grants",
                        to="pets.dogprofile",
                    ),
                ),
            ],
            options={
                "db_table": "DogAccessGrants",
                "ordering": ["-created_at"],
            },
        ),
        migrations.AddIndex(
            model_name="dogprofile",
            index=models.Index(fields=["owner"], name="IX_DogProfiles_Owner"),
        ),
        migrations.AddIndex(
            model_name="dogprofile",
            index=models.Index(fields=["name"], name="IX_DogProfiles_Name"),
        ),
        migrations.AddIndex(
            model_name="dogprofile",
            index=models.Index(fields=["breed"], name="IX_DogProfiles_Breed"),
        ),
        migrations.AddIndex(
            model_name="dogprofile",
            index=models.Index(fields=["is_active"], name="IX_DogProfiles_Active"),
        ),
        migrations.AddIndex(
            model_name="dogprofile",
            index=models.Index(fields=["owner", "is_active"], name="IX_DogProfiles_Owner_Active"),
        ),
        migrations.AddIndex(
            model_name="dogprofile",
            index=models.Index(fields=["-created_at"], name="IX_DogProfiles_Created"),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("gender__isnull", True),
                    ("gender__in", ["Male", "Female", "Unknown"]),
                    _connector="OR",
                ),
                name="CK_DogProfiles_Gender",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("energy_level__isnull", True),
                    ("energy_level__in", ["Low", "Medium", "High"]),
                    _connector="OR",
                ),
                name="CK_DogProfiles_Energy",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("socialization_level__isnull", True),
                    ("socialization_level__in", ["Shy", "Friendly", "Very Social"]),
                    _connector="OR",
                ),
                name="CK_DogProfiles_Social",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("training_level__isnull", True),
                    ("training_level__in", ["None", "Basic", "Advanced"]),
                    _connector="OR",
                ),
                name="CK_DogProfiles_Training",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(("weight__isnull", True), ("weight__gt", 0), _connector="OR"),
                name="CK_DogProfiles_Weight",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(("height__isnull", True), ("height__gt", 0), _connector="OR"),
                name="CK_DogProfiles_Height",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogprofile",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_active", True), ("microchip_number__isnull", False)),
                fields=("microchip_number",),
                name="UX_DogProfiles_Microchip",
                violation_error_code="unique",
                violation_error_message="An active dog with this microchip number exists.",
            ),
        ),
        migrations.AddIndex(
            model_name="dogaccessgrant",
            index=models.Index(fields=["dog", "-created_at"], name="IX_DogAccessGrants_Dog"),
        ),
        migrations.AddIndex(
            model_name="dogaccessgrant",
            index=models.Index(
                condition=models.Q(("revoked_at__isnull", True)),
                fields=["grantee", "dog"],
                name="IX_DogAccessGrants_Grantee",
            ),
        ),
        migrations.AddIndex(
            model_name="dogaccessgrant",
            index=models.Index(fields=["granted_by"], name="IX_DogAccessGrants_GrantedBy"),
        ),
        migrations.AddConstraint(
            model_name="dogaccessgrant",
            constraint=models.UniqueConstraint(
                condition=models.Q(("revoked_at__isnull", True)),
                fields=("dog", "grantee"),
                name="UX_DogAccessGrants_Dog_Grantee",
            ),
        ),
        migrations.AddConstraint(
            model_name="dogaccessgrant",
            constraint=models.CheckConstraint(
                condition=models.Q(("access_level__in", ["View", "Edit"])),
                name="CK_DogAccessGrants_AccessLevel",
            ),
        ),
    ]
