"""Plan 009: dog profiles (`DogProfiles`), column for column as the plan writes them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from doggy.core.db import created_at_field, updated_at_field, uuid_primary_key

from ..choices import (
    AccessLevel,
    DogGender,
    DogRelation,
    EnergyLevel,
    SocializationLevel,
    TrainingLevel,
)
from .sharing import DogAccessGrant

# DECIMAL(5,2) holds at most 999.99; zero and negatives are rejected by CK_DogProfiles_*.
_POSITIVE = MinValueValidator(0.01)


def _anonymous(user) -> bool:
    return user is None or not getattr(user, "is_authenticated", False) or not user.is_active


class DogProfileQuerySet(models.QuerySet):
    """Scoping of dogs to a caller, written once and shared by selectors, views and admin."""

    def _scoped(
        self, user, *, now: datetime.datetime | None, levels: tuple[str, ...], inline: bool
    ) -> DogProfileQuerySet:
        if _anonymous(user):
            return self.none()
        shared = DogAccessGrant.objects.live(now).filter(
            grantee_id=user.pk, access_level__in=levels
        )
        if inline:
            # One predicate, `Id = ANY(ARRAY(owned ids UNION ALL shared ids))` on
            # PostgreSQL, inside the COUNT and the page themselves (no separate read of
            # the share ids): PostgreSQL reads the two small index ranges once and looks
            # the ids up in the primary key (20,000 dogs, a 160-dog owner's COUNT: 0.4 ms).
            # A plain `Id IN (… UNION ALL …)` becomes a semi-join over the whole table
            # (12 ms), and an OR of `OwnerId = …` and `Id IN (subquery)` filters the
            # whole table too (100,000 dogs: 29 ms). See `doggy.core.db.InArray`.
            owned = self.model.objects.filter(owner_id=user.pk).order_by().values("pk")
            ids = owned.union(shared.order_by().values("dog_id"), all=True)
            return self.filter(pk__in_array=ids)
        return self.filter(Q(owner_id=user.pk) | Q(pk__in=shared.values("dog_id")))

    def visible_to(
        self, user, *, now: datetime.datetime | None = None, inline_shares: bool = True
    ) -> DogProfileQuerySet:
        """Dogs the user owns, plus dogs shared with them by a live grant (any level).

        Expiry is in the query, so a share stops working at `ExpiresAt` with no sweep.
        `inline_shares` folds owned and shared dog ids into one `IN (… UNION ALL …)`
        subquery for lists; pass False for a lookup by primary key, where the plain OR
        costs nothing.
        """
        return self._scoped(
            user, now=now, levels=(AccessLevel.VIEW, AccessLevel.EDIT), inline=inline_shares
        )

    def editable_by(
        self, user, *, now: datetime.datetime | None = None, inline_shares: bool = True
    ) -> DogProfileQuerySet:
        """Dogs the user owns, plus dogs shared with them by a live `Edit` grant."""
        return self._scoped(user, now=now, levels=(AccessLevel.EDIT,), inline=inline_shares)

    def owned_by(self, user) -> DogProfileQuerySet:
        if _anonymous(user):
            return self.none()
        return self.filter(owner_id=user.pk)

    def with_relation(self, user, *, now: datetime.datetime | None = None) -> DogProfileQuerySet:
        """Annotate `relation`: `Owner`, or the level of the caller's live grant.

        A correlated subquery in the same SELECT, so a page of dogs costs one query.
        """
        if _anonymous(user):
            return self.annotate(relation=Value(None, output_field=models.CharField()))
        level = (
            DogAccessGrant.objects.live(now)
            .filter(dog_id=OuterRef("pk"), grantee_id=user.pk)
            .order_by()
            .values("access_level")[:1]
        )
        return self.annotate(
            relation=Case(
                When(owner_id=user.pk, then=Value(DogRelation.OWNER)),
                default=Subquery(level),
                output_field=models.CharField(),
            )
        )


class DogProfile(models.Model):
    """One dog of one owner (`DogProfiles`, plan 009).

    The columns follow the plan's SQL exactly, including its nullable free-text columns
    (NULL, not '', means "not given"). `Weight` is in pounds and `Height` in inches
    (SCHEMA.md D13). Dogs are never deleted by the app: `IsActive = 0` marks a dog that
    was deactivated, died or was rehomed (D14). The emergency-contact and veterinarian
    columns are kept for compatibility; plan 037 moves them to their own tables.
    Full-text search over Name, Breed, SecondaryBreed, SpecialNeeds and BehaviorNotes is
    added by `0002_dog_profiles_fulltext` (D7) and read through `pets.selectors.dog_search`.
    """

    id = uuid_primary_key()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="dogs",
        # IX_DogProfiles_Owner is declared below under the plan's name (SCHEMA.md D8).
        db_index=False,
        db_column="OwnerId",
    )
    name = models.CharField(max_length=100, db_column="Name")
    breed = models.CharField(max_length=100, null=True, blank=True, db_column="Breed")
    secondary_breed = models.CharField(
        max_length=100,
        null=True,
        blank=True,
        db_column="SecondaryBreed",
        help_text="For mixed breeds.",
    )
    birthdate = models.DateField(null=True, blank=True, db_column="Birthdate")
    weight = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_POSITIVE],
        db_column="Weight",
        db_comment="pounds",
        help_text="Pounds.",
    )
    height = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_POSITIVE],
        db_column="Height",
        db_comment="inches",
        help_text="Inches.",
    )
    gender = models.CharField(
        max_length=10, null=True, blank=True, choices=DogGender.choices, db_column="Gender"
    )
    # The plan's `BIT DEFAULT 0` without NOT NULL: NULL means "unknown".
    is_spayed_neutered = models.BooleanField(
        null=True, blank=True, default=False, db_default=False, db_column="IsSpayedNeutered"
    )
    coat_color = models.CharField(max_length=100, null=True, blank=True, db_column="CoatColor")
    # Open list (see choices.CoatType): no choices, no CHECK.
    coat_type = models.CharField(max_length=50, null=True, blank=True, db_column="CoatType")
    eye_color = models.CharField(max_length=50, null=True, blank=True, db_column="EyeColor")
    microchip_number = models.CharField(
        max_length=50, null=True, blank=True, db_column="MicrochipNumber"
    )
    registration_number = models.CharField(
        max_length=100,
        null=True,
        blank=True,
        db_column="RegistrationNumber",
        help_text="AKC or other registration.",
    )

    # Emergency and veterinary contacts (superseded by plan 037's tables).
    emergency_contact_name = models.CharField(
        max_length=200, null=True, blank=True, db_column="EmergencyContactName"
    )
    emergency_contact_phone = models.CharField(
        max_length=50, null=True, blank=True, db_column="EmergencyContactPhone"
    )
    emergency_contact_relationship = models.CharField(
        max_length=100, null=True, blank=True, db_column="EmergencyContactRelationship"
    )
    veterinarian_name = models.CharField(
        max_length=200, null=True, blank=True, db_column="VeterinarianName"
    )
    veterinarian_phone = models.CharField(
        max_length=50, null=True, blank=True, db_column="VeterinarianPhone"
    )
    veterinarian_address = models.CharField(
        max_length=500, null=True, blank=True, db_column="VeterinarianAddress"
    )

    # Health and behaviour.
    energy_level = models.CharField(
        max_length=20,
        null=True,
        blank=True,
        choices=EnergyLevel.choices,
        db_column="EnergyLevel",
    )
    socialization_level = models.CharField(
        max_length=20,
        null=True,
        blank=True,
        choices=SocializationLevel.choices,
        db_column="SocializationLevel",
    )
    training_level = models.CharField(
        max_length=20,
        null=True,
        blank=True,
        choices=TrainingLevel.choices,
        db_column="TrainingLevel",
    )
    special_needs = models.TextField(null=True, blank=True, db_column="SpecialNeeds")
    medications = models.TextField(
        null=True,
        blank=True,
        db_column="Medications",
        help_text="Free-text summary; structured records are Medications rows.",
    )
    allergies = models.TextField(
        null=True,
        blank=True,
        db_column="Allergies",
        help_text="Free-text summary; structured records are DogAllergies rows.",
    )
    behavior_notes = models.TextField(null=True, blank=True, db_column="BehaviorNotes")
    dietary_restrictions = models.TextField(null=True, blank=True, db_column="DietaryRestrictions")

    # Media.
    profile_image_url = models.URLField(
        max_length=500, null=True, blank=True, db_column="ProfileImageUrl"
    )
    additional_photos = models.JSONField(
        null=True,
        blank=True,
        db_column="AdditionalPhotos",
        help_text="JSON array of photo URLs.",
    )

    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    # Declared here, not inherited from TimeStampedModel, to keep the plan's column order.
    created_at = created_at_field()
    updated_at = updated_at_field()

    objects = DogProfileQuerySet.as_manager()

    class Meta:
        db_table = "DogProfiles"
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["owner"], name="IX_DogProfiles_Owner"),
            models.Index(fields=["name"], name="IX_DogProfiles_Name"),
            models.Index(fields=["breed"], name="IX_DogProfiles_Breed"),
            models.Index(fields=["is_active"], name="IX_DogProfiles_Active"),
            models.Index(fields=["owner", "is_active"], name="IX_DogProfiles_Owner_Active"),
            # Not in the plan: backs the API's `ordering=created_at`.
            models.Index(fields=["-created_at"], name="IX_DogProfiles_Created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(gender__isnull=True) | Q(gender__in=DogGender.values),
                name="CK_DogProfiles_Gender",
            ),
            models.CheckConstraint(
                condition=Q(energy_level__isnull=True) | Q(energy_level__in=EnergyLevel.values),
                name="CK_DogProfiles_Energy",
            ),
            models.CheckConstraint(
                condition=Q(socialization_level__isnull=True)
                | Q(socialization_level__in=SocializationLevel.values),
                name="CK_DogProfiles_Social",
            ),
            models.CheckConstraint(
                condition=Q(training_level__isnull=True)
                | Q(training_level__in=TrainingLevel.values),
                name="CK_DogProfiles_Training",
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gt=0), name="CK_DogProfiles_Weight"
            ),
            models.CheckConstraint(
                condition=Q(height__isnull=True) | Q(height__gt=0), name="CK_DogProfiles_Height"
            ),
            models.UniqueConstraint(
                fields=["microchip_number"],
                condition=Q(microchip_number__isnull=False, is_active=True),
                name="UX_DogProfiles_Microchip",
                # "unique" + one field: full_clean reports it under microchip_number.
                violation_error_code="unique",
                violation_error_message="An active dog with this microchip number exists.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        # A CHECK cannot compare with today (SQLite rejects non-deterministic CHECKs).
        if self.birthdate and self.birthdate > timezone.localdate():
            raise ValidationError({"birthdate": "The birthdate cannot be in the future."})
