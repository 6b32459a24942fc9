"""FilterSets of the audit API. Every filter is backed by an index of `AuditLogs`."""

from __future__ import annotations

import django_filters
from django import forms

from .choices import Severity
from .models import AuditLog


class AuditLogFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("entity_id") and not cleaned.get("entity_type"):
            raise forms.ValidationError(
                {"entity_id": "Filter by entity_id only together with entity_type."}
            )
        return cleaned


class AuditLogFilter(django_filters.FilterSet):
    """Filters of the staff audit-log list.

    `user` and the time bounds use `IX_AuditLogs_User_Timestamp`/`IX_AuditLogs_Timestamp`;
    `entity_type` (+ `entity_id`) `IX_AuditLogs_Entity`; `action` `IX_AuditLogs_Action`;
    `severity` `IX_AuditLogs_Severity`. `entity_id` alone has no index, so it is accepted
    only together with `entity_type`. The order is fixed: newest first.
    """

    user = django_filters.CharFilter(field_name="user_id", max_length=450)
    entity_type = django_filters.CharFilter(max_length=100)
    entity_id = django_filters.CharFilter(max_length=100)
    action = django_filters.CharFilter(max_length=100)
    severity = django_filters.ChoiceFilter(choices=Severity.choices)
    date_from = django_filters.IsoDateTimeFilter(field_name="timestamp", lookup_expr="gte")
    date_to = django_filters.IsoDateTimeFilter(field_name="timestamp", lookup_expr="lt")

    class Meta:
        model = AuditLog
        form = AuditLogFilterForm
        fields = ["user", "entity_type", "entity_id", "action", "severity"]
