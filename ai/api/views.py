"""AI health recommendations (jobs, lists, feedback), the caller's AI usage, and content
reports.

Every `/ai/` route needs `ai.access` (403 otherwise); dogs are scoped as in the pets API
(a dog the caller may not see is 404). Asking for recommendations is asynchronous: 202
with the job, whose `Location` is polled until its status is no longer `Pending`. Over
the daily limit the answer is 429 `ai_quota_exceeded` with `Retry-After` (seconds to the
next UTC midnight). Reporting content needs only a signed-in user.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.permissions import PermissionName

from .. import services
from ..errors import AiQuotaExceededError
from ..selectors import (
    daily_limits,
    daily_usage_get,
    job_get,
    recommendation_get,
    recommendation_list,
    seconds_to_next_utc_midnight,
    utc_today,
)
from . import serializers as s

TAG_AI = "ai"
TAG_REPORTS = "content reports"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
QUOTA = OpenApiResponse(
    ErrorSerializer,
    description="`ai_quota_exceeded`; `Retry-After` gives the seconds to the next UTC midnight.",
)
AiAccess = HasRbacPermission.for_(PermissionName.AI_ACCESS)


class _AiView(GenericAPIView):
    feature_area = FeatureArea.AI
    permission_classes = [AiAccess]
    filter_backends: list = []

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, AiQuotaExceededError):
            response["Retry-After"] = str(exc.retry_after)
        return response


class DogRecommendationsView(_AiView):
    """`/ai/dogs/{dog_id}/recommendations/`: list a dog's recommendations; ask for new ones."""

    serializer_class = s.RecommendationSerializer

    @extend_schema(
        tags=[TAG_AI],
        operation_id="ai_dog_recommendation_list",
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=["active", "dismissed", "completed", "superseded", "expired", "all"],
                description="Default: active.",
            )
        ],
        responses={
            200: s.RecommendationSerializer(many=True),
            400: ERROR,
            401: ERROR,
            403: ERROR,
            404: ERROR,
        },
    )
    def get(self, request, dog_id: str):
        queryset = recommendation_list(
            actor=request.user, dog_id=dog_id, filters=request.query_params
        )
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(s.RecommendationSerializer(page, many=True).data)

    @extend_schema(
        tags=[TAG_AI],
        operation_id="ai_dog_recommendation_request",
        request=None,
        description="Queues a recommendation job for the dog (one request of the daily quota).",
        responses={202: s.JobSerializer, 401: ERROR, 403: ERROR, 404: ERROR, 429: QUOTA},
    )
    def post(self, request, dog_id: str):
        job = services.recommendation_request(actor=request.user, dog_id=dog_id)
        job = job_get(actor=request.user, job_id=job.request_id)
        response = Response(s.JobSerializer(job).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("ai:ai-job-detail", kwargs={"job_id": str(job.request_id)})
        return response


class JobDetailView(_AiView):
    """`/ai/jobs/{job_id}/`: a job of the caller, with its recommendations once done."""

    @extend_schema(
        tags=[TAG_AI],
        operation_id="ai_job_get",
        responses={200: s.JobSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, job_id: str):
        return Response(s.JobSerializer(job_get(actor=request.user, job_id=job_id)).data)


class RecommendationDetailView(_AiView):
    @extend_schema(
        tags=[TAG_AI],
        operation_id="ai_recommendation_get",
        responses={200: s.RecommendationSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, recommendation_id: str):
        recommendation = recommendation_get(actor=request.user, recommendation_id=recommendation_id)
        return Response(s.RecommendationSerializer(recommendation).data)


class RecommendationFeedbackView(_AiView):
    """`/ai/recommendations/{id}/feedback/`: helpful or not, with a reason; 201 the first
    time, 200 when it replaces the caller's earlier feedback."""

    serializer_class = s.FeedbackInputSerializer  # OPTIONS describes the POST body

    @extend_schema(
        tags=[TAG_AI],
        operation_id="ai_recommendation_feedback",
        request=s.FeedbackInputSerializer,
        responses={
            200: s.FeedbackSerializer,
            201: s.FeedbackSerializer,
            400: ERROR,
            401: ERROR,
            403: ERROR,
            404: ERROR,
        },
    )
    def post(self, request, recommendation_id: str):
        recommendation = recommendation_get(actor=request.user, recommendation_id=recommendation_id)
        data = s.FeedbackInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feedback, created = services.recommendation_feedback_give(
            actor=request.user, recommendation=recommendation, **data.validated_data
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(s.FeedbackSerializer(feedback).data, status=code)


class UsageView(_AiView):
    """`/ai/usage/`: the caller's AI requests of the UTC day against the limit."""

    @extend_schema(
        tags=[TAG_AI],
        operation_id="ai_usage_get",
        responses={200: s.UsageSerializer, 401: ERROR, 403: ERROR},
    )
    def get(self, request):
        limits = daily_limits(user=request.user)
        today = utc_today()
        usage = daily_usage_get(user=request.user, day=today)
        used = usage.request_count if usage else 0
        body = {
            "date": today,
            "request_limit": limits.requests,
            "requests_used": used,
            "requests_remaining": None
            if limits.requests is None
            else max(0, limits.requests - used),
            "limit_source": limits.source,
            "resets_in_seconds": seconds_to_next_utc_midnight(),
        }
        return Response(s.UsageSerializer(body).data)


class ReportCreateView(APIView):
    """`/reports/`: report a message or review the caller can see to staff (404 for content
    that does not exist or that the caller may not see)."""

    feature_area = FeatureArea.AI

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[TAG_REPORTS],
        operation_id="content_report_create",
        request=s.ReportInputSerializer,
        responses={201: s.ReportSerializer, 400: ERROR, 401: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = s.ReportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.content_report_create(actor=request.user, **data.validated_data)
        return Response(s.ReportSerializer(report).data, status=status.HTTP_201_CREATED)
