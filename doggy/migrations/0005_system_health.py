"""Plan 042: system health (SCHEMA.md 2.42 with A7 and A23).

HealthCheckResults, SystemIncidents, BackgroundJobRuns and ApiMetricBuckets. The plan
map reserved this number for item 042 once 0004_setting_validation_rules took 0004.
Latency is stored as additive histogram counts; percentiles are computed when read.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0004_setting_validation_rules"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiMetricBucket",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("bucket_start", models.DateTimeField(db_column="BucketStart")),
                (
                    "route",
                    models.CharField(
                        db_column="Route",
                        help_text="DRF view name, not the raw path.",
                        max_length=200,
                    ),
                ),
                ("method", models.CharField(db_column="Method", max_length=7)),
                (
                    "status_class",
                    models.CharField(
                        choices=[
                            ("2xx", "S2Xx"),
                            ("3xx", "S3Xx"),
                            ("4xx", "S4Xx"),
                            ("5xx", "S5Xx"),
                        ],
                        db_column="StatusClass",
                        max_length=3,
                    ),
                ),
                ("count", models.PositiveIntegerField(db_column="Count", db_default=0, default=0)),
                (
                    "sum_ms",
                    models.PositiveBigIntegerField(db_column="SumMs", db_default=0, default=0),
                ),
                ("le5", models.PositiveIntegerField(db_column="Le5", db_default=0, default=0)),
                ("le10", models.PositiveIntegerField(db_column="Le10", db_default=0, default=0)),
                ("le25", models.PositiveIntegerField(db_column="Le25", db_default=0, default=0)),
                ("le50", models.PositiveIntegerField(db_column="Le50", db_default=0, default=0)),
                ("le100", models.PositiveIntegerField(db_column="Le100", db_default=0, default=0)),
                ("le250", models.PositiveIntegerField(db_column="Le250", db_default=0, default=0)),
                ("le500", models.PositiveIntegerField(db_column="Le500", db_default=0, default=0)),
                (
                    "le1000",
                    models.PositiveIntegerField(db_column="Le1000", db_default=0, default=0),
                ),
                ("le_inf", models.PositiveIntegerField(db_column="LeInf", db_default=0, default=0)),
            ],
            options={
                "db_table": "ApiMetricBuckets",
                "ordering": ["-bucket_start", "route"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("bucket_start", "route", "method", "status_class"),
                        name="UX_ApiMetrics_Key",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("status_class__in", ["2xx", "3xx", "4xx", "5xx"])),
                        name="CK_ApiMetricBuckets_StatusClass",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="BackgroundJobRun",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("job_name", models.CharField(db_column="JobName", max_length=100)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Running", "Running"),
                            ("Succeeded", "Succeeded"),
                            ("Failed", "Failed"),
                        ],
                        db_column="Status",
                        max_length=10,
                    ),
                ),
                (
                    "attempt",
                    models.PositiveSmallIntegerField(db_column="Attempt", db_default=1, default=1),
                ),
                ("started_at", models.DateTimeField(db_column="StartedAt")),
                (
                    "finished_at",
                    models.DateTimeField(blank=True, db_column="FinishedAt", null=True),
                ),
                (
                    "duration_ms",
                    models.PositiveIntegerField(blank=True, db_column="DurationMs", null=True),
                ),
                (
                    "items_processed",
                    models.PositiveIntegerField(blank=True, db_column="ItemsProcessed", null=True),
                ),
                ("error", models.TextField(blank=True, db_column="Error", default="")),
            ],
            options={
                "db_table": "BackgroundJobRuns",
                "ordering": ["-started_at"],
                "indexes": [
                    models.Index(fields=["job_name", "-started_at"], name="IX_JobRuns_Name_Started")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["Running", "Succeeded", "Failed"])),
                        name="CK_BackgroundJobRuns_Status",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HealthCheckResult",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("component", models.CharField(db_column="Component", max_length=30)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Healthy", "Healthy"),
                            ("Degraded", "Degraded"),
                            ("Unhealthy", "Unhealthy"),
                        ],
                        db_column="Status",
                        max_length=10,
                    ),
                ),
                (
                    "latency_ms",
                    models.PositiveIntegerField(blank=True, db_column="LatencyMs", null=True),
                ),
                (
                    "message",
                    models.CharField(blank=True, db_column="Message", default="", max_length=500),
                ),
                ("details", models.JSONField(blank=True, db_column="Details", default=dict)),
                (
                    "checked_at",
                    models.DateTimeField(
                        db_column="CheckedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "HealthCheckResults",
                "ordering": ["-checked_at"],
                "indexes": [
                    models.Index(
                        fields=["component", "-checked_at"], name="IX_HealthChecks_Comp_Time"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["Healthy", "Degraded", "Unhealthy"])),
                        name="CK_HealthCheckResults_Status",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SystemIncident",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("title", models.CharField(db_column="Title", max_length=200)),
                (
                    "severity",
                    models.CharField(
                        choices=[("Minor", "Minor"), ("Major", "Major"), ("Critical", "Critical")],
                        db_column="Severity",
                        max_length=8,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Investigating", "Investigating"),
                            ("Identified", "Identified"),
                            ("Monitoring", "Monitoring"),
                            ("Resolved", "Resolved"),
                        ],
                        db_column="Status",
                        db_default="Investigating",
                        default="Investigating",
                        max_length=13,
                    ),
                ),
                (
                    "affected_components",
                    models.JSONField(blank=True, db_column="AffectedComponents", default=list),
                ),
                ("started_at", models.DateTimeField(db_column="StartedAt")),
                (
                    "resolved_at",
                    models.DateTimeField(blank=True, db_column="ResolvedAt", null=True),
                ),
                (
                    "public_message",
                    models.TextField(blank=True, db_column="PublicMessage", default=""),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="CreatedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "SystemIncidents",
                "ordering": ["-started_at"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["Investigating", "Identified", "Monitoring"]),
                            ("resolved_at__isnull", False),
                            _connector="OR",
                        ),
                        name="CK_Incidents_Resolved",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("severity__in", ["Minor", "Major", "Critical"])),
                        name="CK_SystemIncidents_Severity",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                ["Investigating", "Identified", "Monitoring", "Resolved"],
                            )
                        ),
                        name="CK_SystemIncidents_Status",
                    ),
                ],
            },
        ),
    ]
