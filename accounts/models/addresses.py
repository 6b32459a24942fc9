"""Plan 016: the address book (service locations, provider service-area centres)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from doggy.core.db import TimeStampedModel, uuid_primary_key

country_code_validator = RegexValidator(
    r"^[A-Z]{2}$", "Use an ISO-3166-1 alpha-2 country code in upper case, e.g. US."
)


class AddressQuerySet(models.QuerySet):
    def visible_to(self, user) -> AddressQuerySet:
        """The caller's own, active addresses; nobody else's are ever listed to them."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user_id=user.pk, is_active=True)


class Address(TimeStampedModel):
    """One entry of a user's address book, optionally geocoded.

    At most one active default per user (UX_Addresses_User_Default, SCHEMA.md I-13).
    Deleting deactivates (`IsActive=0`) so past appointments keep their reference.
    `AccessInstructions` (gate and lockbox codes) is sensitive: only the owner reads it
    through the API, and audit rows mask it.
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="addresses",
        # Leads IX_Addresses_User and UX_Addresses_User_Default.
        db_index=False,
        db_column="UserId",
    )
    label = models.CharField(max_length=50, default="Home", db_column="Label")
    recipient_name = models.CharField(
        max_length=200, blank=True, default="", db_column="RecipientName"
    )
    line1 = models.CharField(max_length=255, db_column="Line1")
    line2 = models.CharField(max_length=255, blank=True, default="", db_column="Line2")
    city = models.CharField(max_length=120, db_column="City")
    city_area = models.CharField(max_length=120, blank=True, default="", db_column="CityArea")
    region = models.CharField(max_length=120, blank=True, default="", db_column="Region")
    postal_code = models.CharField(max_length=20, blank=True, default="", db_column="PostalCode")
    country_code = models.CharField(
        max_length=2, validators=[country_code_validator], db_column="CountryCode"
    )
    phone = models.CharField(max_length=32, blank=True, default="", db_column="Phone")
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
        db_column="Latitude",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
        db_column="Longitude",
    )
    access_instructions = models.TextField(blank=True, default="", db_column="AccessInstructions")
    is_default = models.BooleanField(default=False, db_default=False, db_column="IsDefault")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")

    objects = AddressQuerySet.as_manager()

    class Meta:
        db_table = "Addresses"
        ordering = ["user_id", "-is_default", "created_at", "id"]
        verbose_name_plural = "addresses"
        indexes = [
            models.Index(fields=["user", "is_active"], name="IX_Addresses_User"),
            models.Index(fields=["latitude", "longitude"], name="IX_Addresses_Geo"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(is_default=True) & Q(is_active=True),
                name="UX_Addresses_User_Default",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90) & Q(latitude__lte=90),
                name="CK_Addresses_Lat",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=-180) & Q(longitude__lte=180),
                name="CK_Addresses_Lng",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.line1}, {self.city}"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            message = "Give both latitude and longitude, or neither."
            raise ValidationError({"latitude": [message], "longitude": [message]})

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
