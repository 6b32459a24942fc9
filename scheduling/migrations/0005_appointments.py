"""Plan 026, Appointment System (SCHEMA.md 2.26, I-1, I-5, I-7, A12).

`Appointments` (price snapshot, status, buffers and the stored no-overlap bounds
`BlockStartAt`/`BlockEndAt`) and `AppointmentPets`; adds `ProviderReviews.AppointmentId`
and `UX_Reviews_Appt_Reviewer`, deferred from plan 013 (D10). The link from
conversations and calls to appointments is `messaging/0010_appointment_links`.

No overlap per provider (I-1), one form per engine, none of which the model state knows
about (so `makemigrations` stays clean):

- PostgreSQL: `EX_Appointments_NoOverlap`, an exclusion constraint over the provider and
  the buffered block as a `tstzrange`, for live (Requested, Confirmed, InProgress)
  exclusive rows. It needs the `btree_gist` extension for `=` on the provider id inside
  a GiST index (`BtreeGistExtension`, gated here to do nothing on other engines).
- SQLite and SQL Server: nothing here. The booking service locks the provider row and
  checks for overlap in the same transaction.
"""

import uuid
from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations, models

import doggy.core.db
import scheduling.models
from doggy.core.migration_ops import AddForeignKeyNotValid

NO_OVERLAP = "EX_Appointments_NoOverlap"
# The statuses of scheduling.choices.LIVE_APPOINTMENT_STATUSES (a migration never
# imports app code; a test keeps the two in step).
LIVE_STATUSES = ("Requested", "Confirmed", "InProgress")
POSTGRES_CREATE_NO_OVERLAP = (
    'ALTER TABLE "Appointments" ADD CONSTRAINT "EX_Appointments_NoOverlap" '
    'EXCLUDE USING gist ("ProviderId" WITH =, '
    'tstzrange("BlockStartAt", "BlockEndAt", \'[)\') WITH &&) '
    "WHERE (\"Status\" IN ('Requested', 'Confirmed', 'InProgress') AND \"IsExclusive\")"
)
POSTGRES_DROP_NO_OVERLAP = f'ALTER TABLE "Appointments" DROP CONSTRAINT IF EXISTS "{NO_OVERLAP}"'


class PostgresBtreeGistExtension(BtreeGistExtension):
    """`btree_gist` on PostgreSQL; nothing on other engines, in both directions.

    Django's operation skips other engines going forwards only: its reverse asks
    `pg_extension`, which SQLite and SQL Server do not have.
    """

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def create_no_overlap(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE_NO_OVERLAP)


def drop_no_overlap(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP_NO_OVERLAP)


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("pets", "0003_medical_records"),
        ("scheduling", "0004_online_availability"),
    ]

    operations = [
        migrations.CreateModel(
            name="Appointment",
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
                (
                    "reference",
                    models.CharField(
                        db_column="Reference",
                        default=scheduling.models.new_appointment_reference,
                        editable=False,
                        max_length=12,
                        unique=True,
                    ),
                ),
                (
                    "idempotency_key",
                    models.CharField(
                        blank=True, db_column="IdempotencyKey", max_length=64, null=True
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        db_column="OwnerId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appointments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appointments",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "service_offering",
                    models.ForeignKey(
                        db_column="ServiceOfferingId",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appointments",
                        to="scheduling.serviceoffering",
                    ),
                ),
                ("start_at", models.DateTimeField(db_column="StartAt")),
                ("end_at", models.DateTimeField(db_column="EndAt")),
                ("time_zone", models.CharField(db_column="TimeZone", max_length=50)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Requested", "Requested"),
                            ("Confirmed", "Confirmed"),
                            ("InProgress", "In progress"),
                            ("Completed", "Completed"),
                            ("Cancelled", "Cancelled"),
                            ("Declined", "Declined"),
                            ("NoShow", "No-show"),
                            ("Expired", "Expired"),
                            ("Rescheduled", "Rescheduled"),
                        ],
                        db_column="Status",
                        default="Requested",
                        max_length=12,
                    ),
                ),
                (
                    "buffer_before_minutes",
                    models.PositiveSmallIntegerField(db_column="BufferBeforeMinutes", default=0),
                ),
                (
                    "buffer_after_minutes",
                    models.PositiveSmallIntegerField(db_column="BufferAfterMinutes", default=0),
                ),
                (
                    "location_type",
                    models.CharField(
                        choices=[
                            ("OwnerHome", "Owner's home"),
                            ("ProviderLocation", "Provider's location"),
                            ("Virtual", "Virtual"),
                            ("Other", "Other"),
                        ],
                        db_column="LocationType",
                        default="OwnerHome",
                        max_length=16,
                    ),
                ),
                (
                    "address",
                    models.ForeignKey(
                        blank=True,
                        db_column="AddressId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="appointments",
                        to="accounts.address",
                    ),
                ),
                (
                    "location_text",
                    models.CharField(
                        blank=True, db_column="LocationText", default="", max_length=300
                    ),
                ),
                (
                    "price_amount",
                    models.DecimalField(
                        db_column="PriceAmount",
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        db_column="Currency",
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
                    "price_units",
                    models.DecimalField(
                        db_column="PriceUnits", decimal_places=2, default=Decimal("1"), max_digits=6
                    ),
                ),
                (
                    "deposit_amount",
                    models.DecimalField(
                        db_column="DepositAmount",
                        decimal_places=2,
                        default=Decimal("0"),
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                ("owner_notes", models.TextField(blank=True, db_column="OwnerNotes", default="")),
                (
                    "provider_notes",
                    models.TextField(blank=True, db_column="ProviderNotes", default=""),
                ),
                (
                    "confirmed_at",
                    models.DateTimeField(blank=True, db_column="ConfirmedAt", null=True),
                ),
                (
                    "completed_at",
                    models.DateTimeField(blank=True, db_column="CompletedAt", null=True),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(blank=True, db_column="CancelledAt", null=True),
                ),
                (
                    "cancelled_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="CancelledById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "cancellation_reason",
                    models.CharField(
                        blank=True, db_column="CancellationReason", default="", max_length=500
                    ),
                ),
                (
                    "decline_reason",
                    models.CharField(
                        blank=True, db_column="DeclineReason", default="", max_length=500
                    ),
                ),
                (
                    "no_show_party",
                    models.CharField(
                        blank=True,
                        choices=[("Owner", "Owner"), ("Provider", "Provider")],
                        db_column="NoShowParty",
                        max_length=8,
                        null=True,
                    ),
                ),
                (
                    "rescheduled_from",
                    models.ForeignKey(
                        blank=True,
                        db_column="RescheduledFromId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="rescheduled_to",
                        to="scheduling.appointment",
                    ),
                ),
                (
                    "reschedule_count",
                    models.PositiveSmallIntegerField(db_column="RescheduleCount", default=0),
                ),
                ("ical_uid", models.CharField(blank=True, db_column="ICalUid", max_length=255)),
                ("ical_sequence", models.PositiveIntegerField(db_column="ICalSequence", default=0)),
                ("block_start_at", models.DateTimeField(db_column="BlockStartAt", editable=False)),
                ("block_end_at", models.DateTimeField(db_column="BlockEndAt", editable=False)),
                (
                    "is_exclusive",
                    models.BooleanField(db_column="IsExclusive", db_default=True, default=True),
                ),
            ],
            options={
                "db_table": "Appointments",
                "ordering": ["-start_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["provider", "start_at"], name="IX_Appointments_Provider_Start"
                    ),
                    models.Index(fields=["owner", "-start_at"], name="IX_Appointments_Owner_Start"),
                    models.Index(
                        fields=["start_at", "end_at", "status"], name="IX_Appointments_Start_End_St"
                    ),
                    models.Index(fields=["status"], name="IX_Appointments_Status"),
                    models.Index(
                        fields=["provider", "block_start_at", "block_end_at"],
                        name="IX_Appointments_Prov_Block",
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end_at__gt", models.F("start_at"))),
                        name="CK_Appointments_Range",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "status__in",
                                [
                                    "Requested",
                                    "Confirmed",
                                    "InProgress",
                                    "Completed",
                                    "Cancelled",
                                    "Declined",
                                    "NoShow",
                                    "Expired",
                                    "Rescheduled",
                                ],
                            )
                        ),
                        name="CK_Appointments_Status",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("price_amount__gte", 0),
                            ("deposit_amount__gte", 0),
                            ("deposit_amount__lte", models.F("price_amount")),
                        ),
                        name="CK_Appointments_Amounts",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status__in", ("Cancelled", "Rescheduled")), _negated=True),
                            ("cancelled_at__isnull", False),
                            _connector="OR",
                        ),
                        name="CK_Appointments_Cancelled",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status", "Completed"), _negated=True),
                            ("completed_at__isnull", False),
                            _connector="OR",
                        ),
                        name="CK_Appointments_Completed",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("block_start_at__lte", models.F("start_at")),
                            ("block_end_at__gte", models.F("end_at")),
                        ),
                        name="CK_Appointments_Block",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "location_type__in",
                                ["OwnerHome", "ProviderLocation", "Virtual", "Other"],
                            )
                        ),
                        name="CK_Appointments_LocationType",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("no_show_party__isnull", True),
                            ("no_show_party__in", ["Owner", "Provider"]),
                            _connector="OR",
                        ),
                        name="CK_Appointments_NoShowParty",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("idempotency_key__isnull", False)),
                        fields=("owner", "idempotency_key"),
                        name="UX_Appointments_Owner_Idem",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="AppointmentPet",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "appointment",
                    models.ForeignKey(
                        db_column="AppointmentId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pets",
                        to="scheduling.appointment",
                    ),
                ),
                (
                    "dog",
                    models.ForeignKey(
                        db_column="DogId",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appointment_pets",
                        to="pets.dogprofile",
                    ),
                ),
                (
                    "care_instructions",
                    models.TextField(blank=True, db_column="CareInstructions", default=""),
                ),
            ],
            options={
                "db_table": "AppointmentPets",
                "ordering": ["appointment_id", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("appointment", "dog"), name="UX_AppointmentPets_Appt_Dog"
                    )
                ],
            },
        ),
        # NOT VALID on the populated ProviderReviews; 0005_online_appointments builds the
        # key's index and UX_Reviews_Appt_Reviewer online and validates the key.
        AddForeignKeyNotValid(
            model_name="providerreview",
            name="appointment",
            field=models.ForeignKey(
                blank=True,
                db_column="AppointmentId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reviews",
                to="scheduling.appointment",
            ),
        ),
        # PostgreSQL only (both steps are no-ops elsewhere): the extension, then the
        # constraint; the reverse drops the constraint before the extension.
        PostgresBtreeGistExtension(),
        migrations.RunPython(create_no_overlap, drop_no_overlap, elidable=False),
    ]
