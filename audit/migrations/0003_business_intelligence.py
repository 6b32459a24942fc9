"""Plan 035: Zulip-style pre-aggregated counts and their fill state (SCHEMA.md 2.35, A16)."""

from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_user_analytics"),
    ]

    operations = [
        migrations.CreateModel(
            name="MetricCount",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("property", models.CharField(db_column="Property", max_length=60)),
                (
                    "subgroup",
                    models.CharField(blank=True, db_column="Subgroup", default="", max_length=60),
                ),
                (
                    "frequency",
                    models.CharField(
                        choices=[("hour", "Hour"), ("day", "Day")],
                        db_column="Frequency",
                        default="day",
                        max_length=4,
                    ),
                ),
                (
                    "end_time",
                    models.DateTimeField(db_column="EndTime", help_text="Bucket end (UTC)."),
                ),
                (
                    "scope_type",
                    models.CharField(
                        choices=[
                            ("Platform", "Platform"),
                            ("Provider", "Provider"),
                            ("Category", "Category"),
                        ],
                        db_column="ScopeType",
                        default="Platform",
                        max_length=10,
                    ),
                ),
                (
                    "scope_id",
                    models.CharField(
                        blank=True,
                        db_column="ScopeId",
                        default="",
                        help_text="Provider id etc.",
                        max_length=64,
                    ),
                ),
                ("value", models.DecimalField(db_column="Value", decimal_places=4, max_digits=18)),
            ],
            options={
                "db_table": "MetricCounts",
                "ordering": ["property", "-end_time", "id"],
                "indexes": [
                    models.Index(fields=["property", "end_time"], name="IX_MetricCounts_Prop_End")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=(
                            "property",
                            "subgroup",
                            "frequency",
                            "end_time",
                            "scope_type",
                            "scope_id",
                        ),
                        name="UX_MetricCounts_Key",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("frequency__in", ["hour", "day"])),
                        name="CK_MetricCounts_Frequency",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("scope_type__in", ["Platform", "Provider", "Category"])
                        ),
                        name="CK_MetricCounts_ScopeType",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="MetricFillState",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("property", models.CharField(db_column="Property", max_length=60)),
                (
                    "frequency",
                    models.CharField(
                        choices=[("hour", "Hour"), ("day", "Day")],
                        db_column="Frequency",
                        default="day",
                        max_length=4,
                    ),
                ),
                (
                    "end_time",
                    models.DateTimeField(db_column="EndTime", help_text="Last bucket filled."),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[("Started", "Started"), ("Done", "Done")],
                        db_column="State",
                        max_length=8,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
            ],
            options={
                "db_table": "MetricFillStates",
                "ordering": ["property", "frequency"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("property", "frequency"), name="UX_MetricFillStates_Prop_Freq"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("frequency__in", ["hour", "day"])),
                        name="CK_MetricFillStates_Frequency",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("state__in", ["Started", "Done"])),
                        name="CK_MetricFillStates_State",
                    ),
                ],
            },
        ),
    ]
