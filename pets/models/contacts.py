"""Plan 037: emergency contacts and veterinarians of a dog (SCHEMA.md 2.37, A18).

An owner keeps one address book of emergency contacts (`EmergencyContacts`), linked to
each dog in calling order (`DogEmergencyContacts`); each dog has its own veterinarians
(`DogVeterinarians`). The inline contact and veterinarian columns of `DogProfiles`
(plan 009) are copied here by `pets/0005_copy_dog_contacts`; until a later migration
drops them they are kept in step with the primary rows of these tables.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from doggy.core.db import TimeStampedModel, uuid_primary_key

# A contact copied from a dog that had a phone but no name gets this name (A18).
DEFAULT_CONTACT_NAME = "Emergency contact"


class EmergencyContact(TimeStampedModel):
    """A person an owner wants called in an emergency (`EmergencyContacts`).

    The contact's owner must be the owner of every dog it is linked to (service rule).
    At most one contact per owner is primary (`UX_EmergContacts_Owner_Primary`, I-13).
    """

    id = uuid_primary_key()
    # IX_EmergContacts_Owner is the named index on the column.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="emergency_contacts",
        db_index=False,
        db_column="OwnerId",
    )
    name = models.CharField(max_length=200, db_column="Name")
    relationship = models.CharField(
        max_length=100, blank=True, default="", db_column="Relationship"
    )
    # NOT NULL with a database default: a contact copied without a phone stores '' (A18).
    phone = models.CharField(
        max_length=50, blank=True, default="", db_default="", db_column="Phone"
    )
    alternate_phone = models.CharField(
        max_length=50, blank=True, default="", db_column="AlternatePhone"
    )
    email = models.EmailField(max_length=256, blank=True, default="", db_column="Email")
    can_authorize_vet_care = models.BooleanField(
        default=False,
        db_default=False,
        db_column="CanAuthorizeVetCare",
        help_text="May approve emergency treatment.",
    )
    is_primary = models.BooleanField(default=False, db_default=False, db_column="IsPrimary")
    notes = models.CharField(max_length=500, blank=True, default="", db_column="Notes")

    class Meta:
        db_table = "EmergencyContacts"
        ordering = ["-is_primary", "name"]
        indexes = [models.Index(fields=["owner"], name="IX_EmergContacts_Owner")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(is_primary=True),
                name="UX_EmergContacts_Owner_Primary",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DogEmergencyContact(models.Model):
    """The link of a dog to one of its owner's contacts, in calling order."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    # UX_DogEmergContacts_Dog_Cont leads with DogId.
    dog = models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.CASCADE,
        related_name="emergency_contact_links",
        db_index=False,
        db_column="DogId",
    )
    contact = models.ForeignKey(
        EmergencyContact,
        on_delete=models.CASCADE,
        related_name="dog_links",
        db_column="ContactId",
    )
    priority = models.PositiveSmallIntegerField(
        default=1,
        db_default=1,
        validators=[MinValueValidator(1)],
        db_column="Priority",
        help_text="1 = call first.",
    )

    class Meta:
        db_table = "DogEmergencyContacts"
        ordering = ["dog", "priority"]
        constraints = [
            models.UniqueConstraint(fields=["dog", "contact"], name="UX_DogEmergContacts_Dog_Cont"),
        ]

    def __str__(self) -> str:
        return f"{self.dog_id} → {self.contact_id} ({self.priority})"


class DogVeterinarian(models.Model):
    """A veterinarian or clinic of a dog (`DogVeterinarians`); at most one is primary."""

    id = uuid_primary_key()
    dog = models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.CASCADE,
        related_name="veterinarians",
        db_column="DogId",
    )
    clinic_name = models.CharField(max_length=200, blank=True, default="", db_column="ClinicName")
    veterinarian_name = models.CharField(
        max_length=200, blank=True, default="", db_column="VeterinarianName"
    )
    phone = models.CharField(max_length=50, blank=True, default="", db_column="Phone")
    email = models.EmailField(max_length=256, blank=True, default="", db_column="Email")
    address_text = models.CharField(max_length=500, blank=True, default="", db_column="AddressText")
    # False by default: the service makes a dog's first vet primary (A18).
    is_primary = models.BooleanField(default=False, db_default=False, db_column="IsPrimary")
    is_emergency_clinic = models.BooleanField(
        default=False,
        db_default=False,
        db_column="IsEmergencyClinic",
        help_text="A 24/7 clinic.",
    )

    class Meta:
        db_table = "DogVeterinarians"
        ordering = ["dog", "-is_primary", "clinic_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["dog"], condition=Q(is_primary=True), name="UX_DogVets_Dog_Primary"
            ),
        ]

    def __str__(self) -> str:
        return self.veterinarian_name or self.clinic_name or str(self.pk)
