"""A provider's credentials (plan 038): list, submit with the document, read one, and the
verification summary. Staff review them in the admin's credential queue."""

from __future__ import annotations

from decimal import Decimal

from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer

from ..choices import CredentialType, PermissionName
from ..credential_selectors import (
    background_check_is_clear,
    background_check_required,
    credential_get,
    credential_list,
    provider_credentials_missing,
    provider_kyc_approved,
    provider_latest_background_check,
    provider_of,
    provider_required_credential_types,
)
from ..models import BackgroundCheck, ProviderCredential
from ..services.credentials import credential_upload

CREDENTIAL_TAG = "provider-credentials"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsProvider = HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)


class CredentialSerializer(serializers.ModelSerializer):
    credential_number = serializers.CharField(
        read_only=True, help_text="The last four characters only."
    )
    file_id = serializers.UUIDField(read_only=True, allow_null=True)

    class Meta:
        model = ProviderCredential
        fields = [
            "id",
            "credential_type",
            "issuer",
            "credential_number",
            "issued_on",
            "expires_on",
            "coverage_amount",
            "file_id",
            "status",
            "verified_at",
            "rejection_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class CredentialUploadInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The document (PDF or image), checked and scanned.")
    credential_type = serializers.ChoiceField(choices=CredentialType.choices)
    issuer = serializers.CharField(max_length=200, required=False, allow_blank=True)
    credential_number = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text="Only the last four characters are stored.",
    )
    issued_on = serializers.DateField(required=False, allow_null=True)
    expires_on = serializers.DateField(required=False, allow_null=True)
    coverage_amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0"),
        required=False,
        allow_null=True,
    )


class BackgroundCheckSummarySerializer(serializers.ModelSerializer):
    """The vendor's reference and statuses only; never the report's contents."""

    class Meta:
        model = BackgroundCheck
        fields = ("vendor", "status", "result", "requested_at", "completed_at", "expires_at")
        read_only_fields = fields


class VerificationSummarySerializer(serializers.Serializer):
    is_verified = serializers.BooleanField()
    verification_status = serializers.CharField(help_text="The KYC case's status.")
    kyc_approved = serializers.BooleanField()
    required_credentials = serializers.ListField(child=serializers.CharField())
    missing_credentials = serializers.ListField(
        child=serializers.CharField(), help_text="Required types without a current credential."
    )
    background_check_required = serializers.BooleanField(
        help_text="Whether verification needs a clear background check."
    )
    background_check_clear = serializers.BooleanField(
        help_text="The latest check is complete, clear and not due for a re-check."
    )
    background_check = BackgroundCheckSummarySerializer(
        allow_null=True, help_text="The latest background check, if any."
    )


@extend_schema_view(
    get=extend_schema(
        tags=[CREDENTIAL_TAG],
        operation_id="provider_credentials_list",
        responses={200: CredentialSerializer(many=True), 401: ERROR, 403: ERROR},
    ),
)
class CredentialListView(generics.ListAPIView):
    """The caller's credentials, newest first (GET); submit one with its document (POST)."""

    permission_classes = [IsProvider]
    serializer_class = CredentialSerializer
    filter_backends: list = []

    def get_parsers(self):
        if getattr(self, "request", None) is not None and self.request.method == "POST":
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    def get_queryset(self):
        return credential_list(actor=self.request.user)

    @extend_schema(
        tags=[CREDENTIAL_TAG],
        operation_id="provider_credentials_create",
        request={"multipart/form-data": CredentialUploadInputSerializer},
        responses={201: CredentialSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def post(self, request):
        data = CredentialUploadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        credential = credential_upload(
            actor=request.user, uploaded_file=values.pop("file"), **values
        )
        return Response(CredentialSerializer(credential).data, status=status.HTTP_201_CREATED)


class CredentialDetailView(APIView):
    permission_classes = [IsProvider]

    @extend_schema(
        tags=[CREDENTIAL_TAG],
        operation_id="provider_credentials_retrieve",
        responses={200: CredentialSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, credential_id):
        credential = credential_get(actor=request.user, credential_id=credential_id)
        return Response(CredentialSerializer(credential).data)


class VerificationSummaryView(APIView):
    """Whether the caller is verified, and which required credentials are missing."""

    permission_classes = [IsProvider]

    @extend_schema(
        tags=[CREDENTIAL_TAG],
        operation_id="provider_verification_retrieve",
        responses={200: VerificationSummarySerializer, 401: ERROR, 403: ERROR},
    )
    def get(self, request):
        provider = provider_of(request.user)
        check = provider_latest_background_check(provider=provider)
        summary = {
            "is_verified": provider.is_verified,
            "verification_status": provider.verification_status,
            "kyc_approved": provider_kyc_approved(provider=provider),
            "required_credentials": sorted(provider_required_credential_types(provider=provider)),
            "missing_credentials": sorted(provider_credentials_missing(provider=provider)),
            "background_check_required": background_check_required(),
            "background_check_clear": background_check_is_clear(check),
            "background_check": check,
        }
        return Response(VerificationSummarySerializer(summary).data)


urlpatterns = [
    path(
        "providers/me/credentials/",
        CredentialListView.as_view(),
        name="provider-credential-list",
    ),
    path(
        "providers/me/credentials/<uuid:credential_id>/",
        CredentialDetailView.as_view(),
        name="provider-credential-detail",
    ),
    path(
        "providers/me/verification/",
        VerificationSummaryView.as_view(),
        name="provider-verification",
    ),
]
