"""Staff screens of the ai app (plans 031–033), read-only until the ai services exist.

Recommendations show the evidence they were made from; the moderation checks and user
reports are the review queue's raw material; usage and daily counters show cost. Every
list reads its users and dogs in the same query (`list_select_related`), and foreign
keys are raw ids so no form ever loads a whole table.
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.utils.html import format_html

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from doggy.core.permissions import PermissionName

from .models import (
    AiDailyUsage,
    AiHealthRecommendation,
    AiModelPrice,
    AiRecommendationFeedback,
    AiUsageRecord,
    ContentReport,
    ModerationCheck,
)


def _pretty_json(value) -> str:
    return format_html(
        '<pre style="white-space: pre-wrap; margin: 0">{}</pre>',
        json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False),
    )


class _ReadOnlyAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(AiHealthRecommendation)
class AiHealthRecommendationAdmin(_ReadOnlyAdmin):
    list_display = ("created_at", "dog", "category", "urgency", "status", "title", "model_name")
    list_filter = ("status", "urgency", "category", "trigger", "created_at")
    list_select_related = ("dog",)
    search_fields = ("=id", "=dog__id", "title")
    raw_id_fields = ("dog", "requested_by", "superseded_by", "usage_record")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "input_snapshot_pretty"]

    @admin.display(description="evidence (input snapshot)")
    def input_snapshot_pretty(self, obj: AiHealthRecommendation):
        return _pretty_json(obj.input_snapshot)


@admin.register(AiRecommendationFeedback)
class AiRecommendationFeedbackAdmin(_ReadOnlyAdmin):
    list_display = ("created_at", "recommendation", "user", "is_helpful", "comment")
    list_filter = ("is_helpful", "created_at")
    list_select_related = ("recommendation", "user")
    search_fields = ("=recommendation__id", "user__email")
    raw_id_fields = ("recommendation", "user")
    ordering = ("-created_at",)


@admin.register(ModerationCheck)
class ModerationCheckAdmin(_ReadOnlyAdmin):
    list_display = (
        "created_at",
        "content_type",
        "content_id",
        "author",
        "engine",
        "decision",
        "max_score",
        "review_outcome",
    )
    list_filter = ("decision", "review_outcome", "content_type", "flagged", "engine")
    list_select_related = ("author", "reviewed_by")
    search_fields = ("=content_id", "author__email")
    raw_id_fields = ("author", "reviewed_by", "usage_record")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)


@admin.register(ContentReport)
class ContentReportAdmin(_ReadOnlyAdmin):
    list_display = (
        "created_at",
        "content_type",
        "content_id",
        "reason",
        "status",
        "reporter",
        "reported_user",
    )
    list_filter = ("status", "reason", "content_type", "created_at")
    list_select_related = ("reporter", "reported_user")
    search_fields = ("=content_id", "reporter__email", "reported_user__email")
    raw_id_fields = ("reporter", "reported_user", "resolved_by", "moderation_check")
    ordering = ("-created_at",)


@admin.register(AiUsageRecord)
class AiUsageRecordAdmin(_ReadOnlyAdmin):
    list_display = (
        "started_at",
        "user",
        "feature",
        "ai_provider",
        "model_name",
        "status",
        "total_tokens",
        "cost_usd",
        "latency_ms",
    )
    list_filter = ("status", "feature", "ai_provider", "usage_date")
    list_select_related = ("user",)
    search_fields = ("=request_id", "=provider_request_id", "user__email")
    raw_id_fields = ("user",)
    date_hierarchy = "started_at"
    ordering = ("-started_at",)


@admin.register(AiDailyUsage)
class AiDailyUsageAdmin(_ReadOnlyAdmin):
    list_display = (
        "usage_date",
        "user",
        "request_count",
        "success_count",
        "failure_count",
        "prompt_tokens",
        "completion_tokens",
        "cost_usd",
    )
    list_filter = ("usage_date",)
    list_select_related = ("user",)
    search_fields = ("user__email",)
    raw_id_fields = ("user",)
    date_hierarchy = "usage_date"
    ordering = ("-usage_date",)


@admin.register(AiModelPrice)
class AiModelPriceAdmin(_ReadOnlyAdmin):
    list_display = (
        "ai_provider",
        "model_name",
        "effective_from",
        "input_per_million_usd",
        "output_per_million_usd",
        "cached_input_per_million_usd",
    )
    list_filter = ("ai_provider",)
    search_fields = ("model_name",)
    ordering = ("ai_provider", "model_name", "-effective_from")
