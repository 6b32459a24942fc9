"""Serializers of the plan catalog and the caller's subscription."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from doggy.api.output import FastOutputMixin

from ..models import PlanEntitlement, SubscriptionPlan, UserSubscription


class EntitlementSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = PlanEntitlement
        fields = ["feature_key", "is_enabled", "limit_value"]
        read_only_fields = fields


_ENTITLEMENT = EntitlementSerializer()


class PlanSerializer(FastOutputMixin, serializers.ModelSerializer):
    entitlements = serializers.SerializerMethodField()

    class Meta:
        model = SubscriptionPlan
        fields = [
            "code",
            "name",
            "description",
            "audience",
            "price",
            "currency",
            "billing_interval",
            "interval_count",
            "trial_period_days",
            "marketing_features",
            "entitlements",
        ]
        read_only_fields = fields

    @extend_schema_field(EntitlementSerializer(many=True))
    def get_entitlements(self, plan: SubscriptionPlan) -> list[dict]:
        # The selectors prefetch them as a list (`entitlement_rows`); a plan from a
        # service (a new subscription) reads them here.
        rows = getattr(plan, "entitlement_rows", None)
        if rows is None:
            rows = plan.entitlements.all()
        return [_ENTITLEMENT.to_representation(row) for row in rows]


class SubscriptionSerializer(serializers.ModelSerializer):
    plan = PlanSerializer(read_only=True)

    class Meta:
        model = UserSubscription
        fields = [
            "id",
            "plan",
            "status",
            "started_at",
            "current_period_start",
            "current_period_end",
            "cancel_at_period_end",
            "cancel_at",
            "canceled_at",
            "ended_at",
        ]
        read_only_fields = fields


class SubscribeInputSerializer(serializers.Serializer):
    plan = serializers.SlugField(max_length=50, help_text="The plan's code, e.g. owner_free.")


class CancelInputSerializer(serializers.Serializer):
    at_period_end = serializers.BooleanField(
        required=False, default=True, help_text="Keep the plan until the period ends."
    )
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
