"""Plan 011, Service Catalog: `ServiceCategories` and `ServiceOfferings` (SCHEMA.md 2.11).

`ServiceOfferings.ScheduleId` arrives with the availability tables (plan 025, D10).
"""

import uuid
from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import doggy.core.db
import scheduling.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0009_user_settings"),
    ]

    operations = [
        migrations.CreateModel(
            name="ServiceCategory",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                ("name", models.CharField(db_column="Name", max_length=100, unique=True)),
                ("slug", models.SlugField(db_column="Slug", max_length=100, unique=True)),
                (
                    "description",
                    models.CharField(
                        blank=True, db_column="Description", default="", max_length=500
                    ),
                ),
                (
                    "icon_name",
                    models.CharField(blank=True, db_column="IconName", default="", max_length=50),
                ),
                ("sort_order", models.IntegerField(db_column="SortOrder", default=0)),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
            ],
            options={
                "verbose_name": "service category",
                "verbose_name_plural": "service categories",
                "db_table": "ServiceCategories",
                "ordering": ["sort_order", "name"],
            },
        ),
        migrations.CreateModel(
            name="ServiceOffering",
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
                ("name", models.CharField(db_column="Name", max_length=150)),
                ("slug", models.SlugField(db_column="Slug", max_length=150)),
                ("description", models.TextField(blank=True, db_column="Description", default="")),
                (
                    "duration_minutes",
                    models.PositiveIntegerField(
                        db_column="DurationMinutes",
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "pricing_unit",
                    models.CharField(
                        choices=[
                            ("PerVisit", "Per visit"),
                            ("PerHour", "Per hour"),
                            ("PerNight", "Per night"),
                            ("PerDay", "Per day"),
                        ],
                        db_column="PricingUnit",
                        default="PerVisit",
                        max_length=10,
                    ),
                ),
                (
                    "price",
                    models.DecimalField(
                        db_column="Price",
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        db_column="Currency",
                        default="USD",
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{3}$",
                                "Use an ISO-4217 currency code in upper case, e.g. USD.",
                            )
                        ],
                    ),
                ),
                (
                    "deposit_amount",
                    models.DecimalField(
                        db_column="DepositAmount",
                        decimal_places=2,
                        default=Decimal("0"),
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "max_pets",
                    models.PositiveSmallIntegerField(
                        db_column="MaxPets",
                        default=1,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "location_types",
                    models.JSONField(
                        db_column="LocationTypes", default=scheduling.models.default_location_types
                    ),
                ),
                (
                    "is_virtual",
                    models.BooleanField(db_column="IsVirtual", db_default=False, default=False),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                (
                    "is_hidden",
                    models.BooleanField(db_column="IsHidden", db_default=False, default=False),
                ),
                ("sort_order", models.IntegerField(db_column="SortOrder", default=0)),
                (
                    "category",
                    models.ForeignKey(
                        db_column="CategoryId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="offerings",
                        to="scheduling.servicecategory",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="offerings",
                        to="accounts.serviceprovider",
                    ),
                ),
            ],
            options={
                "db_table": "ServiceOfferings",
                "ordering": ["provider_id", "sort_order", "id"],
                "indexes": [
                    models.Index(
                        fields=["category", "is_active"], name="IX_ServiceOfferings_Cat_Active"
                    ),
                    models.Index(
                        fields=["provider", "is_active"], name="IX_ServiceOfferings_Provider"
                    ),
                    # Not in the plan: the public search filters and orders by price.
                    models.Index(
                        fields=["is_active", "price"], name="IX_ServiceOfferings_Act_Price"
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("provider", "slug"), name="UX_ServiceOfferings_Prov_Slug"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("duration_minutes__gt", 0)),
                        name="CK_ServiceOfferings_Duration",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("price__gte", 0),
                            ("deposit_amount__gte", 0),
                            ("deposit_amount__lte", models.F("price")),
                        ),
                        name="CK_ServiceOfferings_Price",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("max_pets__gte", 1)), name="CK_ServiceOfferings_MaxPets"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("pricing_unit__in", ["PerVisit", "PerHour", "PerNight", "PerDay"])
                        ),
                        name="CK_ServiceOfferings_PricingUnit",
                    ),
                ],
            },
        ),
    ]
