"""Plan 016, Location & Address Management: `Addresses` and the provider service area.

SCHEMA.md 2.16. `UX_Addresses_User_Default` keeps one active default per user (I-13);
`IX_Addresses_Geo` serves the bounding-box prefilter of the near-a-point search.

`ServiceProviders` holds rows before phase 2: its `BaseAddressId` key and
`CK_Providers_Radius` are added NOT VALID (SQL Server: WITH NOCHECK), and
`0011_online_addresses` builds the key's index online and validates both.
"""

import uuid
from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db
from doggy.core.migration_ops import AddConstraintNotValid, AddForeignKeyNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0010_online_service_provider_enhancements"),
    ]

    operations = [
        migrations.CreateModel(
            name="Address",
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
                ("label", models.CharField(db_column="Label", default="Home", max_length=50)),
                (
                    "recipient_name",
                    models.CharField(
                        blank=True, db_column="RecipientName", default="", max_length=200
                    ),
                ),
                ("line1", models.CharField(db_column="Line1", max_length=255)),
                (
                    "line2",
                    models.CharField(blank=True, db_column="Line2", default="", max_length=255),
                ),
                ("city", models.CharField(db_column="City", max_length=120)),
                (
                    "city_area",
                    models.CharField(blank=True, db_column="CityArea", default="", max_length=120),
                ),
                (
                    "region",
                    models.CharField(blank=True, db_column="Region", default="", max_length=120),
                ),
                (
                    "postal_code",
                    models.CharField(blank=True, db_column="PostalCode", default="", max_length=20),
                ),
                (
                    "country_code",
                    models.CharField(
                        db_column="CountryCode",
                        max_length=2,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{2}$",
                                "Use an ISO-3166-1 alpha-2 country code in upper case, e.g. US.",
                            )
                        ],
                    ),
                ),
                (
                    "phone",
                    models.CharField(blank=True, db_column="Phone", default="", max_length=32),
                ),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        db_column="Latitude",
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("-90")),
                            django.core.validators.MaxValueValidator(Decimal("90")),
                        ],
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        db_column="Longitude",
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("-180")),
                            django.core.validators.MaxValueValidator(Decimal("180")),
                        ],
                    ),
                ),
                (
                    "access_instructions",
                    models.TextField(blank=True, db_column="AccessInstructions", default=""),
                ),
                (
                    "is_default",
                    models.BooleanField(db_column="IsDefault", db_default=False, default=False),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="addresses",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "addresses",
                "db_table": "Addresses",
                "ordering": ["user_id", "-is_default", "created_at", "id"],
                "indexes": [
                    models.Index(fields=["user", "is_active"], name="IX_Addresses_User"),
                    models.Index(fields=["latitude", "longitude"], name="IX_Addresses_Geo"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("is_default", True), ("is_active", True)),
                        fields=("user",),
                        name="UX_Addresses_User_Default",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("latitude__isnull", True),
                            models.Q(("latitude__gte", -90), ("latitude__lte", 90)),
                            _connector="OR",
                        ),
                        name="CK_Addresses_Lat",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("longitude__isnull", True),
                            models.Q(("longitude__gte", -180), ("longitude__lte", 180)),
                            _connector="OR",
                        ),
                        name="CK_Addresses_Lng",
                    ),
                ],
            },
        ),
        AddForeignKeyNotValid(
            model_name="serviceprovider",
            name="base_address",
            field=models.ForeignKey(
                blank=True,
                db_column="BaseAddressId",
                help_text="Centre of the service area.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="based_providers",
                to="accounts.address",
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="service_radius_km",
            field=models.DecimalField(
                blank=True, db_column="ServiceRadiusKm", decimal_places=2, max_digits=6, null=True
            ),
        ),
        AddConstraintNotValid(
            model_name="serviceprovider",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("service_radius_km__isnull", True),
                    ("service_radius_km__gt", 0),
                    _connector="OR",
                ),
                name="CK_Providers_Radius",
            ),
        ),
    ]
