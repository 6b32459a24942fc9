"""Serializers of the catalog, offering and review API.

Output serializers are `ModelSerializer`s; command input uses plain `Serializer`s whose
limits mirror the columns, so bad input is a 400 with field errors before any service
runs (STYLE.md rule 4).
"""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import ServiceProvider
from doggy.api.output import FastOutputMixin

from ..choices import (
    MAX_RATING,
    MIN_RATING,
    REVIEW_SUB_RATING_KEYS,
    LocationType,
    PricingUnit,
)
from ..models import ProviderReview, ServiceCategory, ServiceOffering
from ..selectors import MAX_SEARCH_RADIUS_KM, OFFERING_ORDERINGS

MAX_DURATION_MINUTES = 60 * 24 * 31
MAX_PETS_PER_OFFERING = 50
MAX_PRICE = Decimal("99999999.99")
MAX_TEXT_LENGTH = 10_000


# --- Output -------------------------------------------------------------------------------


class CategorySerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = ServiceCategory
        fields = ["id", "slug", "name", "description", "icon_name", "sort_order"]
        read_only_fields = fields


class CategorySummarySerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = ServiceCategory
        fields = ["id", "slug", "name"]
        read_only_fields = fields


class ProviderSummarySerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = ServiceProvider
        fields = ["id", "slug", "business_name", "headline", "average_rating", "review_count"]
        read_only_fields = fields


class OfferingPublicSerializer(FastOutputMixin, serializers.ModelSerializer):
    """An offering as search shows it, with its provider and, near a point, the distance."""

    category = CategorySummarySerializer(read_only=True)
    provider = ProviderSummarySerializer(read_only=True)
    distance_km = serializers.SerializerMethodField()

    class Meta:
        model = ServiceOffering
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "category",
            "provider",
            "duration_minutes",
            "pricing_unit",
            "price",
            "currency",
            "deposit_amount",
            "max_pets",
            "location_types",
            "is_virtual",
            "distance_km",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.FLOAT)
    def get_distance_km(self, obj) -> float | None:
        distance = getattr(obj, "distance_km", None)
        return None if distance is None else round(float(distance), 2)


class OfferingInCatalogSerializer(FastOutputMixin, serializers.ModelSerializer):
    """An offering inside a provider's public profile (the provider is the parent)."""

    category = CategorySummarySerializer(read_only=True)

    class Meta:
        model = ServiceOffering
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "category",
            "duration_minutes",
            "pricing_unit",
            "price",
            "currency",
            "deposit_amount",
            "max_pets",
            "location_types",
            "is_virtual",
        ]
        read_only_fields = fields


class OfferingOwnSerializer(serializers.ModelSerializer):
    """An offering as its provider manages it, hidden and inactive ones included."""

    category = CategorySummarySerializer(read_only=True)

    class Meta:
        model = ServiceOffering
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "category",
            "duration_minutes",
            "pricing_unit",
            "price",
            "currency",
            "deposit_amount",
            "max_pets",
            "location_types",
            "is_virtual",
            "is_hidden",
            "is_active",
            "sort_order",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ReviewSerializer(serializers.ModelSerializer):
    """A review; the reviewer appears as first name and last initial.

    `status` is Published, or Pending for a review the content check flagged (shown to
    its author and staff only, until staff decide).
    """

    reviewer_name = serializers.SerializerMethodField()

    class Meta:
        model = ProviderReview
        fields = [
            "id",
            "status",
            "rating",
            "title",
            "comment",
            "sub_ratings",
            "reviewer_name",
            "provider_response",
            "provider_responded_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_reviewer_name(self, obj) -> str:
        reviewer = obj.reviewer
        if reviewer is None or not reviewer.is_active:
            return "Former user"
        first = (reviewer.first_name or "").strip()
        last = (reviewer.last_name or "").strip()
        if not first:
            return "Pet owner"
        return f"{first} {last[0]}." if last else first


# --- Input --------------------------------------------------------------------------------


class OfferingSearchQuerySerializer(serializers.Serializer):
    """Query parameters of the public offering search."""

    category = serializers.SlugField(required=False, max_length=100)
    price_min = serializers.DecimalField(
        required=False, max_digits=10, decimal_places=2, min_value=Decimal("0")
    )
    price_max = serializers.DecimalField(
        required=False, max_digits=10, decimal_places=2, min_value=Decimal("0")
    )
    min_rating = serializers.DecimalField(
        required=False,
        max_digits=3,
        decimal_places=2,
        min_value=Decimal(MIN_RATING),
        max_value=Decimal(MAX_RATING),
    )
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90)
    lng = serializers.FloatField(required=False, min_value=-180, max_value=180)
    address = serializers.UUIDField(
        required=False, help_text="One of your own addresses: search near it (needs sign-in)."
    )
    radius_km = serializers.FloatField(
        required=False, min_value=0.1, max_value=MAX_SEARCH_RADIUS_KM
    )
    ordering = serializers.ChoiceField(required=False, choices=OFFERING_ORDERINGS)

    def validate(self, attrs):
        errors: dict[str, list[str]] = {}
        if ("lat" in attrs) != ("lng" in attrs):
            for name in ("lat", "lng"):
                errors[name] = ["Give both lat and lng."]
        if "address" in attrs and "lat" in attrs:
            errors["address"] = ["Give either an address or lat/lng, not both."]
        near = "lat" in attrs or "address" in attrs
        if "radius_km" in attrs and not near:
            errors["radius_km"] = ["A radius needs a point: lat/lng or an address."]
        if attrs.get("ordering") == "distance" and not near:
            errors["ordering"] = ["Ordering by distance needs a point: lat/lng or an address."]
        low, high = attrs.get("price_min"), attrs.get("price_max")
        if low is not None and high is not None and low > high:
            errors["price_max"] = ["price_max must not be below price_min."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class OfferingInputSerializer(serializers.Serializer):
    """An offering's columns; PATCH validates it with `partial=True` (all optional)."""

    category = serializers.SlugField(max_length=100, help_text="A category slug.")
    name = serializers.CharField(max_length=150)
    slug = serializers.SlugField(max_length=150, required=False)
    description = serializers.CharField(
        max_length=MAX_TEXT_LENGTH, required=False, allow_blank=True
    )
    duration_minutes = serializers.IntegerField(min_value=1, max_value=MAX_DURATION_MINUTES)
    pricing_unit = serializers.ChoiceField(choices=PricingUnit.choices, required=False)
    price = serializers.DecimalField(
        max_digits=10, decimal_places=2, min_value=Decimal("0"), max_value=MAX_PRICE
    )
    currency = serializers.RegexField(
        r"^[A-Z]{3}$",
        required=False,
        error_messages={"invalid": "Use an ISO-4217 currency code in upper case, e.g. USD."},
    )
    deposit_amount = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=MAX_PRICE,
        required=False,
    )
    max_pets = serializers.IntegerField(
        min_value=1, max_value=MAX_PETS_PER_OFFERING, required=False
    )
    location_types = serializers.ListField(
        child=serializers.ChoiceField(choices=LocationType.choices),
        min_length=1,
        max_length=len(LocationType.values),
        required=False,
    )
    is_virtual = serializers.BooleanField(required=False)
    is_hidden = serializers.BooleanField(required=False)
    sort_order = serializers.IntegerField(min_value=-10_000, max_value=10_000, required=False)
    is_active = serializers.BooleanField(required=False)


class ReviewCreateSerializer(serializers.Serializer):
    appointment_id = serializers.UUIDField(help_text="The completed appointment reviewed.")
    rating = serializers.IntegerField(min_value=MIN_RATING, max_value=MAX_RATING)
    title = serializers.CharField(max_length=150, required=False, allow_blank=True)
    comment = serializers.CharField(max_length=MAX_TEXT_LENGTH, required=False, allow_blank=True)
    sub_ratings = serializers.DictField(
        child=serializers.IntegerField(min_value=MIN_RATING, max_value=MAX_RATING),
        required=False,
    )

    def validate_sub_ratings(self, value):
        unknown = sorted(set(value) - set(REVIEW_SUB_RATING_KEYS))
        if unknown:
            raise serializers.ValidationError(
                f"Unknown aspects: {', '.join(unknown)}. "
                f"Allowed: {', '.join(REVIEW_SUB_RATING_KEYS)}."
            )
        return value
