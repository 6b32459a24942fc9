"""Serializers of the reports API and the staff dashboard (plan 041)."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from audit.choices import ReportRunStatus
from audit.models import DashboardSnapshot, ReportDefinition, ReportRun
from doggy.api.output import FastOutputMixin
from doggy.insights.report_selectors import report_run_is_expired
from doggy.insights.report_services import RUNNABLE_FORMATS
from doggy.insights.reports import report_kind_for


class ReportDefinitionSerializer(FastOutputMixin, serializers.ModelSerializer):
    columns = serializers.SerializerMethodField()
    parameters_schema = serializers.SerializerMethodField()
    default_parameters = serializers.JSONField(source="parameters", read_only=True)
    formats = serializers.SerializerMethodField()

    class Meta:
        model = ReportDefinition
        fields = [
            "key",
            "name",
            "description",
            "audience",
            "columns",
            "parameters_schema",
            "default_parameters",
            "formats",
        ]
        read_only_fields = fields

    def get_columns(self, definition) -> list[str]:
        return list(report_kind_for(definition.key).columns)

    def get_parameters_schema(self, definition) -> dict:
        return dict(report_kind_for(definition.key).parameters_schema)

    def get_formats(self, definition) -> list[str]:
        return list(RUNNABLE_FORMATS)


class ReportRunSerializer(FastOutputMixin, serializers.ModelSerializer):
    report = serializers.SerializerMethodField()
    expires_at = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportRun
        fields = [
            "id",
            "report",
            "parameters",
            "format",
            "status",
            "row_count",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "expires_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_report(self, run) -> str:
        return run.report_definition.key

    def get_expires_at(self, run) -> str | None:
        file = run.result_file
        if file is None or file.expires_at is None:
            return None
        return serializers.DateTimeField().to_representation(file.expires_at)

    def get_download_url(self, run) -> str | None:
        """The file's path while it can be downloaded, else null."""
        if run.status != ReportRunStatus.SUCCEEDED or report_run_is_expired(run):
            return None
        return reverse("report-run-download", kwargs={"run_id": str(run.pk)})


class ReportRunRequestSerializer(serializers.Serializer):
    report = serializers.CharField(max_length=100, help_text="A definition key.")
    parameters = serializers.DictField(required=False, default=dict)
    format = serializers.ChoiceField(choices=list(RUNNABLE_FORMATS), default="csv")


class DashboardSnapshotSerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = DashboardSnapshot
        fields = ["scope", "snapshot_date", "generated_at", "payload"]
        read_only_fields = fields
