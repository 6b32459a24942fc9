"""The service catalog, offering search, a provider's own offerings, and reviews.

Views validate input, call one selector or service and render the result.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.core.permissions import PermissionName

from ..geo import GeoPoint
from ..selectors import (
    category_list,
    offering_get_own,
    offering_list_own,
    offering_search,
    provider_get_listable,
    provider_get_own,
    review_list_public,
    search_point_for_address,
)
from ..services import (
    offering_create,
    offering_deactivate,
    offering_update,
    provider_review_create,
)
from .serializers import (
    CategorySerializer,
    OfferingInputSerializer,
    OfferingOwnSerializer,
    OfferingPublicSerializer,
    OfferingSearchQuerySerializer,
    ReviewCreateSerializer,
    ReviewSerializer,
)

CATALOG_TAG = "services"
PROVIDER_TAG = "providers"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


class CategoryListView(generics.ListAPIView):
    """Active service categories, in display order. Public."""

    permission_classes = [AllowAny]
    serializer_class = CategorySerializer
    filter_backends: list = []

    @extend_schema(tags=[CATALOG_TAG], operation_id="service_category_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return category_list()


class OfferingSearchView(generics.ListAPIView):
    """Search bookable offerings of verified, active providers. Public.

    Filters: `category` (slug), `price_min`/`price_max`, `min_rating` (provider average),
    and a point (`lat`+`lng`, or `address` = one of the caller's addresses) with
    `radius_km` (default 25, at most 500). Near a point, a provider is found only when
    the point is also within its own service radius; rows carry `distance_km`.
    `ordering`: `price` (default), `-price`, `rating`, `distance` (default near a point).
    """

    permission_classes = [AllowAny]
    serializer_class = OfferingPublicSerializer
    filter_backends: list = []

    @extend_schema(
        tags=[CATALOG_TAG],
        operation_id="service_offering_search",
        parameters=[OfferingSearchQuerySerializer],
        responses={200: OfferingPublicSerializer(many=True), 400: ERROR},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = OfferingSearchQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        near = None
        if "address" in data:
            near = search_point_for_address(actor=self.request.user, address_id=data["address"])
        elif "lat" in data:
            near = GeoPoint(data["lat"], data["lng"])
        return offering_search(
            category=data.get("category"),
            price_min=data.get("price_min"),
            price_max=data.get("price_max"),
            min_rating=data.get("min_rating"),
            near=near,
            radius_km=data.get("radius_km"),
            ordering=data.get("ordering"),
        )


# --- A provider's own offerings -----------------------------------------------------------


class _ProviderOnlyMixin:
    permission_classes = [IsAuthenticated, HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)]


@extend_schema_view(
    get=extend_schema(tags=[PROVIDER_TAG], operation_id="provider_me_offering_list"),
)
class OwnOfferingListCreateView(_ProviderOnlyMixin, generics.ListAPIView):
    """The caller's offerings (GET) and a new one (POST); needs `services.provide`."""

    serializer_class = OfferingOwnSerializer
    filter_backends: list = []

    def get_queryset(self):
        return offering_list_own(provider=provider_get_own(actor=self.request.user))

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_offering_create",
        request=OfferingInputSerializer,
        responses={201: OfferingOwnSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        provider = provider_get_own(actor=request.user)
        data = OfferingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offering = offering_create(actor=request.user, provider=provider, **data.validated_data)
        return Response(OfferingOwnSerializer(offering).data, status=status.HTTP_201_CREATED)


class OwnOfferingDetailView(_ProviderOnlyMixin, APIView):
    """One of the caller's offerings: read, edit, withdraw (DELETE deactivates)."""

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_offering_get",
        responses={200: OfferingOwnSerializer, 404: ERROR},
    )
    def get(self, request, offering_id):
        offering = offering_get_own(actor=request.user, offering_id=offering_id)
        return Response(OfferingOwnSerializer(offering).data)

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_offering_update",
        request=OfferingInputSerializer,
        responses={200: OfferingOwnSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
    )
    def patch(self, request, offering_id):
        offering = offering_get_own(actor=request.user, offering_id=offering_id)
        data = OfferingInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        offering = offering_update(actor=request.user, offering=offering, **data.validated_data)
        return Response(OfferingOwnSerializer(offering).data)

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_me_offering_deactivate",
        responses={204: None, 404: ERROR},
    )
    def delete(self, request, offering_id):
        offering = offering_get_own(actor=request.user, offering_id=offering_id)
        offering_deactivate(actor=request.user, offering=offering)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Reviews ------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_review_list",
        responses={200: ReviewSerializer(many=True), 404: ERROR},
    ),
)
class ProviderReviewListCreateView(generics.ListAPIView):
    """Published reviews of a listed provider (public); POST reviews it (pet owners).

    A review the content check flagged (`status` Pending) is listed only for its author
    and for staff.

    Creating needs `services.book` and a completed appointment of the caller with the
    provider (SCHEMA.md I-5), else 409 `review_requires_completed_appointment`; one
    review per appointment, else 409 `review_exists`. A refusal writes nothing.
    """

    serializer_class = ReviewSerializer
    filter_backends: list = []

    def get_permissions(self):
        if self.request.method == "POST":
            return [IsAuthenticated(), HasRbacPermission(PermissionName.SERVICES_BOOK)]
        return [AllowAny()]

    def get_queryset(self):
        provider = provider_get_listable(provider_id=self.kwargs["provider_id"])
        return review_list_public(provider=provider, actor=self.request.user)

    @extend_schema(
        tags=[PROVIDER_TAG],
        operation_id="provider_review_create",
        request=ReviewCreateSerializer,
        responses={201: ReviewSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, provider_id):
        provider = provider_get_listable(provider_id=provider_id)
        data = ReviewCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = provider_review_create(
            actor=request.user, provider=provider, **data.validated_data
        )
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)
