"""The caller's address book (`/addresses/`): only their own, active addresses.

`access_instructions` (gate and lockbox codes) is returned here, to the owner, and by no
other route.
"""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.serializers import ErrorSerializer

from ..address_selectors import address_get, address_list
from ..models import Address
from ..services.addresses import address_create, address_deactivate, address_update

ADDRESS_TAG = "addresses"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


class AddressSerializer(serializers.ModelSerializer):
    class Meta:
        model = Address
        fields = [
            "id",
            "label",
            "recipient_name",
            "line1",
            "line2",
            "city",
            "city_area",
            "region",
            "postal_code",
            "country_code",
            "phone",
            "latitude",
            "longitude",
            "access_instructions",
            "is_default",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AddressInputSerializer(serializers.Serializer):
    """An address's columns; PATCH validates with `partial=True`."""

    label = serializers.CharField(max_length=50, required=False)
    recipient_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    line1 = serializers.CharField(max_length=255)
    line2 = serializers.CharField(max_length=255, required=False, allow_blank=True)
    city = serializers.CharField(max_length=120)
    city_area = serializers.CharField(max_length=120, required=False, allow_blank=True)
    region = serializers.CharField(max_length=120, required=False, allow_blank=True)
    postal_code = serializers.CharField(max_length=20, required=False, allow_blank=True)
    country_code = serializers.RegexField(
        r"^[A-Za-z]{2}$",
        error_messages={"invalid": "Use an ISO-3166-1 alpha-2 country code, e.g. US."},
    )
    phone = serializers.RegexField(
        r"^\+?[0-9 ()\-.]{0,32}$",
        max_length=32,
        required=False,
        allow_blank=True,
        error_messages={"invalid": "Use digits, spaces and + ( ) - . only."},
    )
    latitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("-90"),
        max_value=Decimal("90"),
        required=False,
        allow_null=True,
    )
    longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("-180"),
        max_value=Decimal("180"),
        required=False,
        allow_null=True,
    )
    access_instructions = serializers.CharField(max_length=2_000, required=False, allow_blank=True)
    is_default = serializers.BooleanField(required=False)

    def validate_country_code(self, value: str) -> str:
        return value.upper()


@extend_schema_view(
    get=extend_schema(tags=[ADDRESS_TAG], operation_id="address_list"),
)
class AddressListCreateView(generics.ListAPIView):
    """The caller's addresses, default first (GET), and a new one (POST)."""

    permission_classes = [IsAuthenticated]
    serializer_class = AddressSerializer
    filter_backends: list = []

    def get_queryset(self):
        return address_list(actor=self.request.user)

    @extend_schema(
        tags=[ADDRESS_TAG],
        operation_id="address_create",
        request=AddressInputSerializer,
        responses={201: AddressSerializer, 400: ERROR},
    )
    def post(self, request):
        data = AddressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        address = address_create(actor=request.user, **data.validated_data)
        return Response(AddressSerializer(address).data, status=status.HTTP_201_CREATED)


class AddressDetailView(APIView):
    """One of the caller's addresses: read, edit, delete (deactivates)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[ADDRESS_TAG],
        operation_id="address_get",
        responses={200: AddressSerializer, 404: ERROR},
    )
    def get(self, request, address_id):
        return Response(
            AddressSerializer(address_get(actor=request.user, address_id=address_id)).data
        )

    @extend_schema(
        tags=[ADDRESS_TAG],
        operation_id="address_update",
        request=AddressInputSerializer,
        responses={200: AddressSerializer, 400: ERROR, 404: ERROR},
    )
    def patch(self, request, address_id):
        address = address_get(actor=request.user, address_id=address_id)
        data = AddressInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        address = address_update(actor=request.user, address=address, **data.validated_data)
        return Response(AddressSerializer(address).data)

    @extend_schema(
        tags=[ADDRESS_TAG],
        operation_id="address_delete",
        responses={204: None, 404: ERROR, 409: ERROR},
    )
    def delete(self, request, address_id):
        address = address_get(actor=request.user, address_id=address_id)
        address_deactivate(actor=request.user, address=address)
        return Response(status=status.HTTP_204_NO_CONTENT)
