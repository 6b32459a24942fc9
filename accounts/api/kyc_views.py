"""KYC: providers open, document and submit a verification; reviewers work the queue."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.core.errors import NotFoundError

from ..choices import KycStatus, PermissionName
from ..errors import AccountsErrorCode
from ..models import ServiceProvider
from ..selectors import kyc_review_queue, kyc_verification_get, kyc_verification_list_for_user
from ..services.kyc import (
    kyc_approve,
    kyc_document_upload,
    kyc_reject,
    kyc_request_resubmission,
    kyc_review_start,
    kyc_verification_start,
    kyc_verification_submit,
)
from .serializers import (
    KycApproveInputSerializer,
    KycDocumentSerializer,
    KycDocumentUploadInputSerializer,
    KycRejectInputSerializer,
    KycResubmissionInputSerializer,
    KycReviewDetailSerializer,
    KycReviewSerializer,
    KycStartInputSerializer,
    KycVerificationSerializer,
)

KYC_TAG = "kyc"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsProvider = HasRbacPermission.for_(PermissionName.SERVICES_PROVIDE)
IsKycReviewer = HasRbacPermission.for_(PermissionName.KYC_REVIEW)


def _own_verification(request, verification_id):
    """The caller's own case; a reviewer's access goes through /kyc/reviews/ instead."""
    verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
    if verification.user_id != request.user.pk:
        raise NotFoundError(AccountsErrorCode.KYC_NOT_FOUND, "No such KYC verification.")
    return verification


class KycVerificationListView(generics.ListAPIView):
    """The caller's own cases (GET) and opening a new one (POST); providers only."""

    permission_classes = [IsProvider]
    serializer_class = KycVerificationSerializer
    filter_backends: list = []

    def get_queryset(self):
        return kyc_verification_list_for_user(actor=self.request.user)

    @extend_schema(tags=[KYC_TAG], operation_id="kyc_verifications_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_verifications_create",
        request=KycStartInputSerializer,
        responses={201: KycVerificationSerializer, 400: ERROR, 403: ERROR, 409: ERROR},
    )
    def post(self, request, *args, **kwargs):
        data = KycStartInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            provider = request.user.service_provider
        except ServiceProvider.DoesNotExist:
            provider = None
        verification = kyc_verification_start(
            actor=request.user, service_provider=provider, **data.validated_data
        )
        verification = kyc_verification_get(actor=request.user, verification_id=verification.pk)
        return Response(
            KycVerificationSerializer(verification).data, status=status.HTTP_201_CREATED
        )


class KycVerificationDetailView(APIView):
    permission_classes = [IsProvider]

    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_verifications_retrieve",
        responses={200: KycVerificationSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, verification_id):
        return Response(KycVerificationSerializer(_own_verification(request, verification_id)).data)


class KycDocumentUploadView(APIView):
    """Upload one document to the caller's case (multipart).

    The size and content type are checked against `Messaging.MaxFileSize` and
    `Files.AllowedContentTypes` by the file service (the type is sniffed from the bytes);
    the blob is stored as a private `StoredFile` of purpose KycDocument.
    """

    permission_classes = [IsProvider]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_verifications_documents_create",
        request={"multipart/form-data": KycDocumentUploadInputSerializer},
        responses={201: KycDocumentSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, verification_id):
        verification = _own_verification(request, verification_id)
        data = KycDocumentUploadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        document = kyc_document_upload(
            actor=request.user,
            verification=verification,
            uploaded_file=values.pop("file"),
            **values,
        )
        return Response(KycDocumentSerializer(document).data, status=status.HTTP_201_CREATED)


class KycSubmitView(APIView):
    permission_classes = [IsProvider]

    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_verifications_submit",
        request=None,
        responses={200: KycVerificationSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, verification_id):
        verification = _own_verification(request, verification_id)
        kyc_verification_submit(actor=request.user, verification=verification)
        verification = kyc_verification_get(actor=request.user, verification_id=verification.pk)
        return Response(KycVerificationSerializer(verification).data)


class KycReviewListView(generics.ListAPIView):
    """The review queue: Pending and InReview cases, oldest submission first."""

    permission_classes = [IsKycReviewer]
    serializer_class = KycReviewSerializer
    filter_backends: list = []

    def get_queryset(self):
        wanted = self.request.query_params.get("status") or None
        return kyc_review_queue(actor=self.request.user, status=wanted).prefetch_related(
            "documents"
        )

    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_reviews_list",
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=list(KycStatus.values),
                description="One status instead of the default Pending and InReview.",
            )
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class KycReviewDetailView(APIView):
    permission_classes = [IsKycReviewer]

    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_reviews_retrieve",
        responses={200: KycReviewDetailSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, verification_id):
        verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
        return Response(KycReviewDetailSerializer(verification).data)


class _KycDecisionView(APIView):
    permission_classes = [IsKycReviewer]

    def _respond(self, request, verification_id):
        verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
        return Response(KycReviewDetailSerializer(verification).data)


class KycReviewStartView(_KycDecisionView):
    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_reviews_start",
        request=None,
        responses={200: KycReviewDetailSerializer, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, verification_id):
        verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
        kyc_review_start(actor=request.user, verification=verification)
        return self._respond(request, verification_id)


class KycApproveView(_KycDecisionView):
    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_reviews_approve",
        request=KycApproveInputSerializer,
        responses={200: KycReviewDetailSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, verification_id):
        data = KycApproveInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
        kyc_approve(actor=request.user, verification=verification, **data.validated_data)
        return self._respond(request, verification_id)


class KycRejectView(_KycDecisionView):
    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_reviews_reject",
        request=KycRejectInputSerializer,
        responses={200: KycReviewDetailSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, verification_id):
        data = KycRejectInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
        kyc_reject(actor=request.user, verification=verification, **data.validated_data)
        return self._respond(request, verification_id)


class KycRequestResubmissionView(_KycDecisionView):
    @extend_schema(
        tags=[KYC_TAG],
        operation_id="kyc_reviews_request_resubmission",
        request=KycResubmissionInputSerializer,
        responses={200: KycReviewDetailSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, verification_id):
        data = KycResubmissionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verification = kyc_verification_get(actor=request.user, verification_id=verification_id)
        kyc_request_resubmission(
            actor=request.user, verification=verification, **data.validated_data
        )
        return self._respond(request, verification_id)
