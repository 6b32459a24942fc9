"""Plan 012, Service Provider Enhancements: profile, business and rating columns (SCHEMA.md 2.12).

Every new NOT NULL column carries a database default, so adding it rewrites no table and
rows the legacy app inserts still get a value. `Slug` is NOT NULL and unique without a
default, so it arrives in three steps: added nullable, backfilled from `BusinessName` in
batches of at most 10,000 rows through `doggy.dbtools.backfill` (idempotent: only NULL slugs are
filled), then made NOT NULL and unique. The migration stays atomic (the batches are
savepoints), so a failure leaves no half-added column behind. Each step reverses: the
reverse drops the column again.

`ServiceProviders` holds rows before phase 2, so nothing here reads the table under a
lock that blocks writes: the checks and the `ProfileImageFileId` key are added NOT VALID
(SQL Server: WITH NOCHECK), and `0010_online_service_provider_enhancements` builds the
indexes (and `Slug`'s unique constraint) online and validates the constraints.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils.text import slugify

import accounts.validators
from doggy.core.migration_ops import AddConstraintNotValid, AddForeignKeyNotValid
from doggy.dbtools.backfill import backfill

# Room for a "-<n>" suffix inside SlugField(max_length=120).
SLUG_BASE_MAX = 110


def _slug_base(business_name):
    return slugify(business_name or "")[:SLUG_BASE_MAX].strip("-") or "provider"


def backfill_provider_slugs(apps, schema_editor):
    """Give every provider without a slug a unique one derived from its business name."""
    ServiceProvider = apps.get_model("accounts", "ServiceProvider")
    providers = ServiceProvider._default_manager.using(schema_editor.connection.alias)
    used = set(providers.filter(slug__isnull=False).values_list("slug", flat=True))

    def assign(provider):
        base = _slug_base(provider.business_name)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        provider.slug = candidate

    # Only rows without a slug are selected, so a second run finds nothing to do.
    backfill(
        providers.filter(slug__isnull=True),
        transform=assign,
        fields=["slug"],
        label="ServiceProviders.Slug",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_user_settings"),
        ("doggy", "0003_stored_files"),
    ]

    operations = [
        # --- Slug: nullable, backfilled, then NOT NULL UNIQUE -----------------------------
        migrations.AddField(
            model_name="serviceprovider",
            name="slug",
            field=models.SlugField(db_column="Slug", db_index=False, max_length=120, null=True),
        ),
        migrations.RunPython(backfill_provider_slugs, migrations.RunPython.noop, elidable=False),
        # NOT NULL here; the unique constraint is built online by the next migration.
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="serviceprovider",
                    name="slug",
                    field=models.SlugField(db_column="Slug", db_index=False, max_length=120),
                ),
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="serviceprovider",
                    name="slug",
                    field=models.SlugField(db_column="Slug", max_length=120, unique=True),
                ),
            ],
        ),
        # --- Profile and business columns -----------------------------------------------
        migrations.AddField(
            model_name="serviceprovider",
            name="headline",
            field=models.CharField(
                blank=True, db_column="Headline", db_default="", default="", max_length=150
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="bio",
            field=models.TextField(blank=True, db_column="Bio", db_default="", default=""),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="years_of_experience",
            field=models.PositiveSmallIntegerField(
                blank=True, db_column="YearsOfExperience", null=True
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="business_phone",
            field=models.CharField(
                blank=True, db_column="BusinessPhone", db_default="", default="", max_length=32
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="website",
            field=models.URLField(
                blank=True, db_column="Website", db_default="", default="", max_length=300
            ),
        ),
        AddForeignKeyNotValid(
            model_name="serviceprovider",
            name="profile_image_file",
            field=models.ForeignKey(
                blank=True,
                db_column="ProfileImageFileId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="doggy.storedfile",
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="time_zone",
            field=models.CharField(
                db_column="TimeZone",
                db_default="UTC",
                default="UTC",
                max_length=50,
                validators=[accounts.validators.validate_iana_time_zone],
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="accepts_new_clients",
            field=models.BooleanField(db_column="AcceptsNewClients", db_default=True, default=True),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="cancellation_policy",
            field=models.CharField(
                choices=[("Flexible", "Flexible"), ("Moderate", "Moderate"), ("Strict", "Strict")],
                db_column="CancellationPolicy",
                db_default="Moderate",
                default="Moderate",
                max_length=10,
            ),
        ),
        # --- Verification mirror and denormalized counters --------------------------------
        migrations.AddField(
            model_name="serviceprovider",
            name="verification_status",
            field=models.CharField(
                choices=[
                    ("NotStarted", "Not Started"),
                    ("Pending", "Pending"),
                    ("InReview", "In Review"),
                    ("Approved", "Approved"),
                    ("Rejected", "Rejected"),
                    ("ResubmissionRequested", "Resubmission Requested"),
                    ("Expired", "Expired"),
                ],
                db_column="VerificationStatus",
                db_default="NotStarted",
                default="NotStarted",
                help_text="Mirrors the latest KYC case's status.",
                max_length=30,
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="verified_at",
            field=models.DateTimeField(blank=True, db_column="VerifiedAt", null=True),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="average_rating",
            field=models.DecimalField(
                blank=True, db_column="AverageRating", decimal_places=2, max_digits=3, null=True
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="review_count",
            field=models.PositiveIntegerField(db_column="ReviewCount", db_default=0, default=0),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="completed_appointment_count",
            field=models.PositiveIntegerField(
                db_column="CompletedAppointmentCount", db_default=0, default=0
            ),
        ),
        migrations.AddField(
            model_name="serviceprovider",
            name="is_active",
            field=models.BooleanField(
                db_column="IsActive",
                db_default=True,
                default=True,
                help_text="Listed in search; a provider may pause its listing.",
            ),
        ),
        # --- Checks, NOT VALID: 0010_online_service_provider_enhancements validates them ---
        AddConstraintNotValid(
            model_name="serviceprovider",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("average_rating__isnull", True),
                    models.Q(("average_rating__gte", 1), ("average_rating__lte", 5)),
                    _connector="OR",
                ),
                name="CK_Providers_Rating",
            ),
        ),
        AddConstraintNotValid(
            model_name="serviceprovider",
            constraint=models.CheckConstraint(
                condition=models.Q(("cancellation_policy__in", ["Flexible", "Moderate", "Strict"])),
                name="CK_Providers_Policy",
            ),
        ),
        AddConstraintNotValid(
            model_name="serviceprovider",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "verification_status__in",
                        [
                            "NotStarted",
                            "Pending",
                            "InReview",
                            "Approved",
                            "Rejected",
                            "ResubmissionRequested",
                            "Expired",
                        ],
                    )
                ),
                name="CK_Providers_VerifStatus",
            ),
        ),
    ]
