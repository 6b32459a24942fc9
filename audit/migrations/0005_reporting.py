"""Plan 041: report definitions, report runs and dashboard snapshots (SCHEMA.md 2.41, A22).

The report catalogue is code (`doggy.insights.reports`); SCHEMA.md asks for no seed rows,
so definitions are created by staff, or from the catalogue by `manage.py
sync_report_definitions`.
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        # RequiredPermissionId references Permissions (accounts/0004).
        ("accounts", "0004_rbac_permissions"),
        ("audit", "0004_performance_metrics"),
        # ResultFileId references StoredFiles (doggy/0003).
        ("doggy", "0003_stored_files"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DashboardSnapshot",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "scope",
                    models.CharField(
                        choices=[
                            ("Platform", "Platform"),
                            ("Provider", "Provider"),
                            ("Owner", "Owner"),
                        ],
                        db_column="Scope",
                        max_length=15,
                    ),
                ),
                (
                    "scope_id",
                    models.CharField(
                        blank=True,
                        db_column="ScopeId",
                        default="",
                        help_text="Provider or user id; empty for the platform.",
                        max_length=64,
                    ),
                ),
                ("snapshot_date", models.DateField(db_column="SnapshotDate")),
                ("payload", models.JSONField(db_column="Payload")),
                (
                    "generated_at",
                    models.DateTimeField(
                        db_column="GeneratedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "DashboardSnapshots",
                "ordering": ["scope", "scope_id", "-snapshot_date"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("scope", "scope_id", "snapshot_date"), name="UX_DashSnapshots_Key"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("scope__in", ["Platform", "Provider", "Owner"])),
                        name="CK_DashSnapshots_Scope",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ReportDefinition",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "key",
                    models.CharField(
                        db_column="Key",
                        max_length=100,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[a-z0-9_]+(\\.[a-z0-9_]+)*$",
                                "Use lower-case letters, digits and underscores, in segments joined by dots.",
                                code="invalid_report_key",
                            )
                        ],
                    ),
                ),
                ("name", models.CharField(db_column="Name", max_length=200)),
                ("description", models.TextField(blank=True, db_column="Description", default="")),
                (
                    "audience",
                    models.CharField(
                        choices=[
                            ("Admin", "Admin"),
                            ("ServiceProvider", "Service Provider"),
                            ("PetOwner", "Pet Owner"),
                        ],
                        db_column="Audience",
                        max_length=15,
                    ),
                ),
                (
                    "parameters",
                    models.JSONField(
                        blank=True,
                        db_column="Parameters",
                        default=dict,
                        help_text="Default parameter values.",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                (
                    "required_permission",
                    models.ForeignKey(
                        blank=True,
                        db_column="RequiredPermissionId",
                        help_text="The RBAC permission a caller needs besides the audience (A22).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="accounts.permission",
                    ),
                ),
            ],
            options={
                "db_table": "ReportDefinitions",
                "ordering": ["key"],
            },
        ),
        migrations.CreateModel(
            name="ReportRun",
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
                ("parameters", models.JSONField(blank=True, db_column="Parameters", default=dict)),
                (
                    "format",
                    models.CharField(
                        choices=[
                            ("csv", "Csv"),
                            ("xlsx", "Xlsx"),
                            ("pdf", "Pdf"),
                            ("json", "Json"),
                        ],
                        db_column="Format",
                        db_default="csv",
                        default="csv",
                        max_length=5,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Queued", "Queued"),
                            ("Running", "Running"),
                            ("Succeeded", "Succeeded"),
                            ("Failed", "Failed"),
                            ("Expired", "Expired"),
                        ],
                        db_column="Status",
                        db_default="Queued",
                        default="Queued",
                        max_length=10,
                    ),
                ),
                (
                    "row_count",
                    models.PositiveIntegerField(blank=True, db_column="RowCount", null=True),
                ),
                ("error", models.TextField(blank=True, db_column="Error", default="")),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                ("started_at", models.DateTimeField(blank=True, db_column="StartedAt", null=True)),
                (
                    "finished_at",
                    models.DateTimeField(blank=True, db_column="FinishedAt", null=True),
                ),
                (
                    "report_definition",
                    models.ForeignKey(
                        db_column="ReportDefinitionId",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="runs",
                        to="audit.reportdefinition",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RequestedById",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "result_file",
                    models.ForeignKey(
                        blank=True,
                        db_column="ResultFileId",
                        help_text="A StoredFile of purpose ReportExport, with ExpiresAt set.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
            ],
            options={
                "db_table": "ReportRuns",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.AddConstraint(
            model_name="reportdefinition",
            constraint=models.UniqueConstraint(fields=("key",), name="UX_ReportDefinitions_Key"),
        ),
        migrations.AddConstraint(
            model_name="reportdefinition",
            constraint=models.CheckConstraint(
                condition=models.Q(("audience__in", ["Admin", "ServiceProvider", "PetOwner"])),
                name="CK_ReportDefinitions_Audience",
            ),
        ),
        migrations.AddIndex(
            model_name="reportrun",
            index=models.Index(
                fields=["requested_by", "-created_at"], name="IX_ReportRuns_User_Created"
            ),
        ),
        migrations.AddIndex(
            model_name="reportrun",
            index=models.Index(
                condition=models.Q(("status__in", ["Queued", "Running"])),
                fields=["status"],
                name="IX_ReportRuns_Status",
            ),
        ),
        migrations.AddIndex(
            model_name="reportrun",
            index=models.Index(fields=["-created_at"], name="IX_ReportRuns_Created"),
        ),
        migrations.AddConstraint(
            model_name="reportrun",
            constraint=models.CheckConstraint(
                condition=models.Q(("format__in", ["csv", "xlsx", "pdf", "json"])),
                name="CK_ReportRuns_Format",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportrun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["Queued", "Running", "Succeeded", "Failed", "Expired"])
                ),
                name="CK_ReportRuns_Status",
            ),
        ),
    ]
