"""Plan 036: provider KPIs per period (SCHEMA.md 2.36 with the columns of A17)."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_baseline_identity"),
        ("audit", "0003_business_intelligence"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProviderPerformanceSnapshot",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("period_start", models.DateField(db_column="PeriodStart")),
                ("period_end", models.DateField(db_column="PeriodEnd")),
                (
                    "requests_received",
                    models.PositiveIntegerField(db_column="RequestsReceived", default=0),
                ),
                (
                    "requests_accepted",
                    models.PositiveIntegerField(db_column="RequestsAccepted", default=0),
                ),
                (
                    "requests_declined",
                    models.PositiveIntegerField(db_column="RequestsDeclined", default=0),
                ),
                (
                    "requests_expired",
                    models.PositiveIntegerField(db_column="RequestsExpired", default=0),
                ),
                (
                    "cancellations",
                    models.PositiveIntegerField(db_column="Cancellations", default=0),
                ),
                (
                    "on_time_arrivals",
                    models.PositiveIntegerField(db_column="OnTimeArrivals", default=0),
                ),
                ("late_arrivals", models.PositiveIntegerField(db_column="LateArrivals", default=0)),
                (
                    "median_response_seconds",
                    models.PositiveIntegerField(
                        blank=True,
                        db_column="MedianResponseSeconds",
                        help_text="Request to confirm/decline, and first message reply; empty without data.",
                        null=True,
                    ),
                ),
                (
                    "computed_at",
                    models.DateTimeField(
                        db_column="ComputedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="accounts.serviceprovider",
                    ),
                ),
            ],
            options={
                "db_table": "ProviderPerformanceSnapshots",
                "ordering": ["provider_id", "-period_end"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("provider", "period_start", "period_end"),
                        name="UX_ProviderPerf_Prov_Period",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("period_end__gte", models.F("period_start"))),
                        name="CK_ProvPerf_Period",
                    ),
                ],
            },
        ),
    ]
