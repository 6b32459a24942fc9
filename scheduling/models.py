"""Models of the scheduling app: the service catalog (plan 011) and reviews (plan 013)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q

from doggy.core.db import TimeStampedModel, uuid_primary_key

from .choices import (
    MAX_RATING,
    MIN_RATING,
    REVIEW_SUB_RATING_KEYS,
    LocationType,
    PricingUnit,
    ReviewStatus,
)

currency_code_validator = RegexValidator(
    r"^[A-Z]{3}$", "Use an ISO-4217 currency code in upper case, e.g. USD."
)


def default_location_types() -> list[str]:
    """`["OwnerHome"]`: a JSONField default must be a callable (Django check fields.E010)."""
    return [LocationType.OWNER_HOME.value]


class ServiceCategoryQuerySet(models.QuerySet):
    def active(self) -> ServiceCategoryQuerySet:
        return self.filter(is_active=True)


class ServiceCategory(models.Model):
    """A kind of service the platform lists (dog walking, grooming, …); a small lookup."""

    id = models.AutoField(primary_key=True, db_column="Id")
    name = models.CharField(max_length=100, unique=True, db_column="Name")
    slug = models.SlugField(max_length=100, unique=True, db_column="Slug")
    description = models.CharField(max_length=500, blank=True, default="", db_column="Description")
    icon_name = models.CharField(max_length=50, blank=True, default="", db_column="IconName")
    sort_order = models.IntegerField(default=0, db_column="SortOrder")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")

    objects = ServiceCategoryQuerySet.as_manager()

    class Meta:
        db_table = "ServiceCategories"
        # Eight-odd rows: ordering needs no index.
        ordering = ["sort_order", "name"]
        verbose_name = "service category"
        verbose_name_plural = "service categories"

    def __str__(self) -> str:
        return self.name


class ServiceOfferingQuerySet(models.QuerySet):
    def bookable(self) -> ServiceOfferingQuerySet:
        """Offerings a pet owner may find: active, not hidden, in an active category."""
        return self.filter(is_active=True, is_hidden=False, category__is_active=True)


class ServiceOffering(TimeStampedModel):
    """One service a provider sells: category, duration, price and where it happens.

    The cal.com `EventType` of this project. `ScheduleId` (plan 025) is added with the
    availability tables. Money is `Price` + `Currency`; the deposit never exceeds the
    price (CK_ServiceOfferings_Price, SCHEMA.md I-17).
    """

    id = uuid_primary_key()
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="offerings",
        # Leads UX_ServiceOfferings_Prov_Slug and IX_ServiceOfferings_Provider.
        db_index=False,
        db_column="ProviderId",
    )
    category = models.ForeignKey(
        ServiceCategory,
        on_delete=models.PROTECT,
        related_name="offerings",
        # Leads IX_ServiceOfferings_Cat_Active.
        db_index=False,
        db_column="CategoryId",
    )
    name = models.CharField(max_length=150, db_column="Name")
    slug = models.SlugField(max_length=150, db_column="Slug")
    description = models.TextField(blank=True, default="", db_column="Description")
    duration_minutes = models.PositiveIntegerField(
        validators=[MinValueValidator(1)], db_column="DurationMinutes"
    )
    pricing_unit = models.CharField(
        max_length=10,
        choices=PricingUnit.choices,
        default=PricingUnit.PER_VISIT,
        db_column="PricingUnit",
    )
    price = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        db_column="Price",
    )
    currency = models.CharField(
        max_length=3, default="USD", validators=[currency_code_validator], db_column="Currency"
    )
    deposit_amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        db_column="DepositAmount",
    )
    max_pets = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], db_column="MaxPets"
    )
    location_types = models.JSONField(default=default_location_types, db_column="LocationTypes")
    is_virtual = models.BooleanField(default=False, db_default=False, db_column="IsVirtual")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    is_hidden = models.BooleanField(default=False, db_default=False, db_column="IsHidden")
    sort_order = models.IntegerField(default=0, db_column="SortOrder")

    objects = ServiceOfferingQuerySet.as_manager()

    class Meta:
        db_table = "ServiceOfferings"
        ordering = ["provider_id", "sort_order", "id"]
        indexes = [
            models.Index(fields=["category", "is_active"], name="IX_ServiceOfferings_Cat_Active"),
            models.Index(fields=["provider", "is_active"], name="IX_ServiceOfferings_Provider"),
            # Not in the plan: the public search filters and orders by price.
            models.Index(fields=["is_active", "price"], name="IX_ServiceOfferings_Act_Price"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "slug"], name="UX_ServiceOfferings_Prov_Slug"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="CK_ServiceOfferings_Duration"
            ),
            models.CheckConstraint(
                condition=Q(price__gte=0)
                & Q(deposit_amount__gte=0)
                & Q(deposit_amount__lte=F("price")),
                name="CK_ServiceOfferings_Price",
            ),
            models.CheckConstraint(
                condition=Q(max_pets__gte=1), name="CK_ServiceOfferings_MaxPets"
            ),
            models.CheckConstraint(
                condition=Q(pricing_unit__in=PricingUnit.values),
                name="CK_ServiceOfferings_PricingUnit",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors: dict[str, list[str]] = {}
        if (
            self.price is not None
            and self.deposit_amount is not None
            and self.deposit_amount > self.price
        ):
            errors.setdefault("deposit_amount", []).append("The deposit cannot exceed the price.")
        types = self.location_types
        if (
            not isinstance(types, list)
            or not types
            or any(t not in LocationType.values for t in types)
        ):
            errors.setdefault("location_types", []).append(
                f"Give a non-empty list of: {', '.join(LocationType.values)}."
            )
        elif len(set(types)) != len(types):
            errors.setdefault("location_types", []).append("List each location type once.")
        if errors:
            raise ValidationError(errors)


class ProviderReview(TimeStampedModel):
    """A pet owner's 1..5 rating of a provider, with an optional title and comment.

    Only `Published` reviews count towards `ServiceProviders.AverageRating/ReviewCount`,
    which the review services recompute in the same transaction (SCHEMA.md I-6). New
    reviews need a completed appointment of the reviewer with the provider (I-5); the
    `AppointmentId` column and `UX_Reviews_Appt_Reviewer` arrive with plan 026.
    """

    id = uuid_primary_key()
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="reviews",
        # Leads IX_Reviews_Provider_Created.
        db_index=False,
        db_column="ProviderId",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="provider_reviews",
        # Covered by IX_Reviews_Reviewer.
        db_index=False,
        db_column="ReviewerId",
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_RATING), MaxValueValidator(MAX_RATING)],
        db_column="Rating",
    )
    title = models.CharField(max_length=150, blank=True, default="", db_column="Title")
    comment = models.TextField(blank=True, default="", db_column="Comment")
    sub_ratings = models.JSONField(default=dict, blank=True, db_column="SubRatings")
    status = models.CharField(
        max_length=12,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PUBLISHED,
        db_column="Status",
    )
    provider_response = models.TextField(blank=True, default="", db_column="ProviderResponse")
    provider_responded_at = models.DateTimeField(
        null=True, blank=True, db_column="ProviderRespondedAt"
    )

    class Meta:
        db_table = "ProviderReviews"
        ordering = ["provider_id", "status", "-created_at", "id"]
        indexes = [
            models.Index(
                fields=["provider", "status", "-created_at"], name="IX_Reviews_Provider_Created"
            ),
            models.Index(fields=["reviewer"], name="IX_Reviews_Reviewer"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=MIN_RATING) & Q(rating__lte=MAX_RATING),
                name="CK_Reviews_Rating",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="CK_Reviews_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 for {self.provider_id}"

    def clean(self):
        super().clean()
        subs = self.sub_ratings
        if not isinstance(subs, dict):
            raise ValidationError({"sub_ratings": ["Give an object of aspect → rating."]})
        problems = [
            key
            for key, value in subs.items()
            if key not in REVIEW_SUB_RATING_KEYS
            or isinstance(value, bool)
            or not isinstance(value, int)
            or not MIN_RATING <= value <= MAX_RATING
        ]
        if problems:
            raise ValidationError(
                {
                    "sub_ratings": [
                        f"Allowed aspects are {', '.join(REVIEW_SUB_RATING_KEYS)}, "
                        f"each rated {MIN_RATING}..{MAX_RATING}."
                    ]
                }
            )
