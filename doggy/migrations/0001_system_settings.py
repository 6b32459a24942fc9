"""Plan 004, System Configuration: the typed key/value `SystemSettings` table (SCHEMA.md 2.4).

The plan's UNIQUE plus `IX_SystemSettings_Key` on SettingKey collapse into one unique
constraint carrying the `IX_` name (D8). The seed rows are `0002_seed_system_settings`.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # UpdatedBy references Users, which exists from accounts/0001.
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SystemSetting",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                ("setting_key", models.CharField(db_column="SettingKey", max_length=200)),
                ("setting_value", models.TextField(db_column="SettingValue")),
                (
                    "data_type",
                    models.CharField(
                        choices=[
                            ("String", "String"),
                            ("Integer", "Integer"),
                            ("Boolean", "Boolean"),
                            ("JSON", "Json"),
                            ("Decimal", "Decimal"),
                        ],
                        db_column="DataType",
                        max_length=20,
                    ),
                ),
                ("category", models.CharField(db_column="Category", max_length=100)),
                (
                    "description",
                    models.CharField(
                        blank=True, db_column="Description", max_length=500, null=True
                    ),
                ),
                (
                    "is_user_editable",
                    models.BooleanField(
                        db_column="IsUserEditable", db_default=False, default=False
                    ),
                ),
                (
                    "is_encrypted",
                    models.BooleanField(db_column="IsEncrypted", db_default=False, default=False),
                ),
                (
                    "validation_rule",
                    models.CharField(
                        blank=True,
                        db_column="ValidationRule",
                        help_text=(
                            "A regular expression, or a JSON Schema (a JSON object) for JSON values."
                        ),
                        max_length=500,
                        null=True,
                    ),
                ),
                (
                    "updated_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="UpdatedBy",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "SystemSettings",
                "ordering": ["setting_key"],
                "indexes": [models.Index(fields=["category"], name="IX_SystemSettings_Category")],
                "constraints": [
                    models.UniqueConstraint(fields=("setting_key",), name="IX_SystemSettings_Key"),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("data_type__in", ["String", "Integer", "Boolean", "JSON", "Decimal"])
                        ),
                        name="CK_SystemSettings_DataType",
                    ),
                ],
            },
        ),
    ]
