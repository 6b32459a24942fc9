"""Staff screens of the ai app (plans 031–033).

Recommendations show the evidence they were made from, and the health rules the local
engine applies are shown read-only (`…/aihealthrecommendation/health-rules/`). The
moderation queue (checks `PendingReview`, highest score first; user reports queue a check
of engine `user-report`) and user reports have actions that call the ai services
(`moderation_review`, `content_report_resolve`), which check `system.admin`, carry the
decision to the content through its owning app and write the audit rows; nothing is
edited in a form. A check's page shows the content as it stands now, read through the
owning app's handler (staff see flagged content; the API hides it from others). Usage
records and daily counters show tokens and cost per day. Every list reads its users and
dogs in the same query (`list_select_related`), and foreign keys are raw ids so no form
ever loads a whole table. While the AI feature flag is off (`Features.AI.Enabled`) every
screen of the app is hidden (FeatureAreaAdminMixin).
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html

from doggy.admin_features import FeatureAreaAdminMixin
from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin, call_for_each
from doggy.choices import FeatureArea
from doggy.core.moderation import content_text
from doggy.core.permissions import PermissionName, actor_may

from .choices import ModerationDecision, ModerationReviewOutcome, ReportStatus
from .models import (
    AiDailyUsage,
    AiHealthRecommendation,
    AiModelPrice,
    AiRecommendationFeedback,
    AiUsageRecord,
    ContentReport,
    ModerationCheck,
)
from .providers.rules import rule_set
from .services import content_report_resolve, moderation_review


def _pretty_json(value) -> str:
    return format_html(
        '<pre style="white-space: pre-wrap; margin: 0">{}</pre>',
        json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False),
    )


class _ReadOnlyAdmin(FeatureAreaAdminMixin, ReadOnlyAdminMixin, AuditedModelAdmin):
    feature_area = FeatureArea.AI
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

    def get_urls(self):
        view = self.admin_site.admin_view(self.health_rules_view)
        return [
            path("health-rules/", view, name="ai_aihealthrecommendation_health_rules"),
            *super().get_urls(),
        ]

    def health_rules_view(self, request):
        """The rule file of the local engine, read-only: what each rule checks and says."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        data = rule_set()
        rules = [
            {**rule, "params_json": json.dumps(rule["params"], sort_keys=True)}
            for rule in data["rules"]
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Health rules ({data['version']})",
            "data": data,
            "rules": rules,
            "breeds": sorted(data["breed_weight_ranges_lb"].items()),
        }
        return TemplateResponse(request, "admin/ai/health_rules.html", context)


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
    actions = ("approve_checks", "remove_checks", "escalate_checks")

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "content_now"]

    @admin.display(description="content (as it stands now)")
    def content_now(self, obj: ModerationCheck) -> str:
        content = content_text(obj.content_type, obj.content_id)
        if content is None:
            return "(gone, or of a kind no app shows here)"
        return format_html('<pre style="white-space: pre-wrap; margin: 0">{}</pre>', content.text)

    def has_review_permission(self, request) -> bool:
        return actor_may(request.user, PermissionName.SYSTEM_ADMIN)

    def _review(self, request, queryset, outcome: str, done: str) -> None:
        call_for_each(
            request,
            queryset.filter(decision=ModerationDecision.PENDING_REVIEW),
            lambda check: moderation_review(actor=request.user, check=check, outcome=outcome),
            done=done,
        )

    @admin.action(description="Approve: show the content again", permissions=["review"])
    def approve_checks(self, request, queryset):
        self._review(
            request, queryset, ModerationReviewOutcome.APPROVED, "Approved {count} check(s)."
        )

    @admin.action(description="Remove: keep the content hidden", permissions=["review"])
    def remove_checks(self, request, queryset):
        self._review(request, queryset, ModerationReviewOutcome.REMOVED, "Removed {count} item(s).")

    @admin.action(description="Escalate: keep in the queue", permissions=["review"])
    def escalate_checks(self, request, queryset):
        self._review(
            request, queryset, ModerationReviewOutcome.ESCALATED, "Escalated {count} check(s)."
        )


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
    actions = ("resolve_reports", "dismiss_reports")

    def has_review_permission(self, request) -> bool:
        return actor_may(request.user, PermissionName.SYSTEM_ADMIN)

    def _close(self, request, queryset, status: str, resolution: str, done: str) -> None:
        call_for_each(
            request,
            queryset,
            lambda report: content_report_resolve(
                actor=request.user, report=report, status=status, resolution=resolution
            ),
            done=done,
        )

    @admin.action(description="Resolve: the content was acted on", permissions=["review"])
    def resolve_reports(self, request, queryset):
        self._close(
            request,
            queryset,
            ReportStatus.RESOLVED,
            "Acted on by staff",
            "Resolved {count} report(s).",
        )

    @admin.action(description="Dismiss: nothing to act on", permissions=["review"])
    def dismiss_reports(self, request, queryset):
        self._close(
            request,
            queryset,
            ReportStatus.DISMISSED,
            "No violation found",
            "Dismissed {count} report(s).",
        )


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
