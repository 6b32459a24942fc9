"""Provider profiles: the public directory and a provider's own profile (`/providers/me/`).

The directory lists only verified, active providers (`ServiceProvider.objects.listable()`,
SCHEMA.md I-8). A provider's street address never leaves the API: the public profile
shows the city, region and country of its base address only.
"""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import ServiceProvider
from accounts.validators import validate_iana_time_zone
from doggy.api.filtering import query_filters
from doggy.api.output import FastOutputMixin
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.core.permissions import PermissionName

from ..provider_services import provider_create, provider_update
from ..selectors import (
    PROVIDER_ORDERINGS,
    provider_get_own,
    provider_get_public,
    provider_list_public,
)
from .serializers import OfferingInCatalogSerializer

PROVIDER_TAG = "providers"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


# --- Output -------------------------------------------------------------------------------


class ServiceAreaSerializer(serializers.Serializer):
    city = serializers.CharField()
    region = serializers.CharField()
    country_code = serializers.CharField()


def _service_area(provider: ServiceProvider) -> dict | None:
    address = provider.base_address
    if address is None or not address.is_active:
        return None
    return {"city": address.city, "region": address.region, "country_code": address.country_code}


class ProviderPublicSerializer(FastOutputMixin, serializers.ModelSerializer):
    service_area = serializers.SerializerMethodField()

    class Meta:
        model = ServiceProvider
        fields = [
            "id",
            "slug",
            "business_name",
            "headline",
            "description",
            "bio",
            "years_of_experience",
            "business_phone",
            "website",
            "time_zone",
            "accepts_new_clients",
            "cancellation_policy",
            "average_rating",
            "review_count",
            "completed_appointment_count",
            "verified_at",
            "service_radius_km",
            "service_area",
        ]
        read_only_fields = fields

    @extend_schema_field(ServiceAreaSerializer(allow_null=True))
    def get_service_area(self, obj) -> dict | None:
        return _service_area(obj)


class ProviderPublicDetailSerializer(ProviderPublicSerializer):
    offerings = OfferingInCatalogSerializer(source="public_offerings", many=True, read_only=True)

    class Meta(ProviderPublicSerializer.Meta):
        fields = [*ProviderPublicSerializer.Meta.fields, "offerings"]
        read_only_fields = fields


class ProviderOwnSerializer(serializers.ModelSerializer):
    """The caller's own profile, with its verification state and listing switches."""

    class Meta:
        model = ServiceProvider
        fields = [
            "id",
            "slug",
            "business_name",
            "description",
            "headline",
            "bio",
            "years_of_experience",
            "business_phone",
            "website",
            "profile_image_file",
            "time_zone",
            "accepts_new_clients",
            "cancellation_policy",
            "is_active",
            "is_verified",
            "verification_status",
            "verified_at",
            "average_rating",
            "review_count",
            "completed_appointment_count",
            "base_address",
            "service_radius_km",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# --- Input --------------------------------------------------------------------------------


class ProviderDirectoryQuerySerializer(serializers.Serializer):
    category = serializers.SlugField(required=False, max_length=100)
    min_rating = serializers.DecimalField(
        required=False,
        max_digits=3,
        decimal_places=2,
        min_value=Decimal("1"),
        max_value=Decimal("5"),
    )
    accepts_new_clients = serializers.BooleanField(required=False, allow_null=True)
    ordering = serializers.ChoiceField(required=False, choices=PROVIDER_ORDERINGS)


class ProviderInputSerializer(serializers.Serializer):
    """A profile's editable columns; PATCH validates with `partial=True`."""

    business_name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(max_length=120, required=False)
    description = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    headline = serializers.CharField(max_length=150, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    years_of_experience = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True
    )
    business_phone = serializers.RegexField(
        r"^\+?[0-9 ()\-.]{0,32}$",
        max_length=32,
        required=False,
        allow_blank=True,
        error_messages={"invalid": "Use digits, spaces and + ( ) - . only."},
    )
    website = serializers.URLField(max_length=300, required=False, allow_blank=True)
    time_zone = serializers.CharField(
        max_length=50, required=False, validators=[validate_iana_time_zone]
    )
    accepts_new_clients = serializers.BooleanField(required=False)
    cancellation_policy = serializers.ChoiceField(
        choices=ServiceProvider.CancellationPolicy.choices, required=False
    )
    is_active = serializers.BooleanField(required=False, help_text="Listed in search.")
    base_address = serializers.UUIDField(
        required=False, allow_null=True, help_text="One of your own addresses."
    )
    service_radius_km = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        allow_null=True,
    )


# --- Views --------------------------------------------------------------------------------


class ProviderListView(generics.ListAPIView):
    """Verified, active providers. Public.

    Filters: `category` (slug of a category the provider offers), `min_rating`,
    `accepts_new_clients`. `ordering`: `rating` (default: best first), `name`.
    """

    permission_classes = [AllowAny]
    serializer_class = ProviderPublicSerializer
    filter_backends: list = []

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_list",
        parameters=[ProviderDirectoryQuerySerializer],
        responses={200: ProviderPublicSerializer(many=True), 400: ERROR},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = query_filters(ProviderDirectoryQuerySerializer, self.request.query_params)
        return provider_list_public(**params)


class ProviderDetailView(APIView):
    """One verified, active provider with its bookable offerings. Public."""

    permission_classes = [AllowAny]

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_get",
        responses={200: ProviderPublicDetailSerializer, 404: ERROR},
    )
    def get(self, request, provider_id):
        provider = provider_get_public(provider_id=provider_id)
        return Response(ProviderPublicDetailSerializer(provider).data)


class ProviderMeView(APIView):
    """The caller's provider profile: read (GET), create (POST), edit (PATCH).

    Needs `services.provide`. A new profile is unverified and unlisted until KYC
    approves it.
    """

    permission_classes = [IsAuthenticated, HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)]

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_get",
        responses={200: ProviderOwnSerializer, 403: ERROR, 404: ERROR},
    )
    def get(self, request):
        return Response(ProviderOwnSerializer(provider_get_own(actor=request.user)).data)

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_create",
        request=ProviderInputSerializer,
        responses={201: ProviderOwnSerializer, 400: ERROR, 403: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = ProviderInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        provider = provider_create(actor=request.user, **data.validated_data)
        return Response(ProviderOwnSerializer(provider).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_update",
        request=ProviderInputSerializer,
        responses={200: ProviderOwnSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def patch(self, request):
        provider = provider_get_own(actor=request.user)
        data = ProviderInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        provider = provider_update(actor=request.user, provider=provider, **data.validated_data)
        return Response(ProviderOwnSerializer(provider).data)
