"""Serializers of the ai API: output ones are read-only and compiled once (FastOutputMixin)."""

from __future__ import annotations

from rest_framework import serializers

from doggy.api.output import FastOutputMixin

from ..choices import ModeratedContentType, ReportReason
from ..models import AiHealthRecommendation, AiRecommendationFeedback, AiUsageRecord, ContentReport
from ..selectors import recommendation_disclaimer


class FeedbackSerializer(FastOutputMixin, serializers.ModelSerializer):
    recommendation = serializers.UUIDField(source="recommendation_id", read_only=True)

    class Meta:
        model = AiRecommendationFeedback
        fields = ["recommendation", "is_helpful", "comment", "created_at"]
        read_only_fields = fields


class RecommendationSerializer(FastOutputMixin, serializers.ModelSerializer):
    dog = serializers.UUIDField(source="dog_id", read_only=True)
    evidence = serializers.JSONField(source="input_snapshot", read_only=True)
    disclaimer = serializers.SerializerMethodField()
    my_feedback = serializers.SerializerMethodField()

    class Meta:
        model = AiHealthRecommendation
        fields = [
            "id",
            "dog",
            "category",
            "urgency",
            "title",
            "summary",
            "details",
            "confidence",
            "status",
            "evidence",
            "disclaimer",
            "model_name",
            "prompt_version",
            "created_at",
            "expires_at",
            "my_feedback",
        ]
        read_only_fields = fields

    def get_disclaimer(self, obj) -> str:
        return (obj.input_snapshot or {}).get("disclaimer") or recommendation_disclaimer()

    def get_my_feedback(self, obj) -> dict | None:
        mine = getattr(obj, "my_feedback", None)
        return FeedbackSerializer(mine[0]).data if mine else None


class JobSerializer(FastOutputMixin, serializers.ModelSerializer):
    id = serializers.UUIDField(source="request_id", read_only=True)
    dog = serializers.SerializerMethodField()
    recommendations = serializers.SerializerMethodField()

    class Meta:
        model = AiUsageRecord
        fields = [
            "id",
            "status",
            "error_code",
            "dog",
            "ai_provider",
            "model_name",
            "started_at",
            "completed_at",
            "recommendations",
        ]
        read_only_fields = fields

    def get_dog(self, obj) -> str | None:
        return (obj.metadata or {}).get("dog_id")

    def get_recommendations(self, obj) -> list[dict]:
        rows = getattr(obj, "job_recommendations", [])
        return RecommendationSerializer(rows, many=True).data


class FeedbackInputSerializer(serializers.Serializer):
    is_helpful = serializers.BooleanField()
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class ReportInputSerializer(serializers.Serializer):
    content_type = serializers.ChoiceField(choices=ModeratedContentType.choices)
    content_id = serializers.CharField(max_length=100)
    reason = serializers.ChoiceField(choices=ReportReason.choices)
    details = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class ReportSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = ContentReport
        fields = ["id", "content_type", "content_id", "reason", "details", "status", "created_at"]
        read_only_fields = fields


class UsageSerializer(serializers.Serializer):
    date = serializers.DateField()
    request_limit = serializers.IntegerField(allow_null=True)
    requests_used = serializers.IntegerField()
    requests_remaining = serializers.IntegerField(allow_null=True)
    limit_source = serializers.CharField()
    resets_in_seconds = serializers.IntegerField()
