"""Serializers of the audit API."""

from __future__ import annotations

from rest_framework import serializers

from doggy.api.output import FastOutputMixin

from ..models import AuditLog


class AuditLogSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = AuditLog
        fields = [
            "id",
            "timestamp",
            "user",
            "actor_email",
            "action",
            "entity_type",
            "entity_id",
            "old_values",
            "new_values",
            "ip_address",
            "user_agent",
            "session",
            "severity",
            "correlation_id",
        ]
        read_only_fields = fields
