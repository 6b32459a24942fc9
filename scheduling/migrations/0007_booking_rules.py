"""Plan 028, Booking Rules & Constraints (SCHEMA.md 2.28, A10, A11).

`BookingRules` (provider-wide, or per offering; NULL notice, advance, buffer and
free-cancellation columns fall back to the SystemSettings and the cancellation policy)
and `SlotHolds` (a slot held during checkout). The plan's `UX_SlotHolds_Prov_Range` is
left out (A10): holds and bookings are checked for overlap under the provider lock.
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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("scheduling", "0006_calendar_integration"),
    ]

    operations = [
        migrations.CreateModel(
            name="BookingRule",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="booking_rules",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "service_offering",
                    models.ForeignKey(
                        blank=True,
                        db_column="ServiceOfferingId",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="booking_rules",
                        to="scheduling.serviceoffering",
                    ),
                ),
                (
                    "minimum_notice_minutes",
                    models.PositiveIntegerField(
                        blank=True, db_column="MinimumNoticeMinutes", null=True
                    ),
                ),
                (
                    "max_advance_days",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        db_column="MaxAdvanceDays",
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "buffer_before_minutes",
                    models.PositiveSmallIntegerField(
                        blank=True, db_column="BufferBeforeMinutes", null=True
                    ),
                ),
                (
                    "buffer_after_minutes",
                    models.PositiveSmallIntegerField(
                        blank=True, db_column="BufferAfterMinutes", null=True
                    ),
                ),
                (
                    "slot_interval_minutes",
                    models.PositiveSmallIntegerField(
                        blank=True, db_column="SlotIntervalMinutes", null=True
                    ),
                ),
                (
                    "max_bookings_per_day",
                    models.PositiveSmallIntegerField(
                        blank=True, db_column="MaxBookingsPerDay", null=True
                    ),
                ),
                (
                    "max_bookings_per_week",
                    models.PositiveSmallIntegerField(
                        blank=True, db_column="MaxBookingsPerWeek", null=True
                    ),
                ),
                (
                    "max_concurrent_bookings",
                    models.PositiveSmallIntegerField(
                        db_column="MaxConcurrentBookings",
                        default=1,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "requires_confirmation",
                    models.BooleanField(
                        db_column="RequiresConfirmation", db_default=True, default=True
                    ),
                ),
                (
                    "confirmation_timeout_hours",
                    models.PositiveSmallIntegerField(
                        db_column="ConfirmationTimeoutHours", default=24
                    ),
                ),
                (
                    "free_cancellation_hours",
                    models.PositiveSmallIntegerField(
                        blank=True, db_column="FreeCancellationHours", null=True
                    ),
                ),
                (
                    "allow_reschedule",
                    models.BooleanField(db_column="AllowReschedule", db_default=True, default=True),
                ),
                (
                    "reschedule_limit",
                    models.PositiveSmallIntegerField(db_column="RescheduleLimit", default=2),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
            ],
            options={
                "db_table": "BookingRules",
                "ordering": ["provider_id", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("service_offering__isnull", False)),
                        fields=("provider", "service_offering"),
                        name="UX_BookingRules_Prov_Offering",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("service_offering__isnull", True)),
                        fields=("provider",),
                        name="UX_BookingRules_Prov_Default",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("max_concurrent_bookings__gte", 1)),
                        name="CK_BookingRules_MaxConc",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("max_advance_days__isnull", True),
                            ("max_advance_days__gte", 1),
                            _connector="OR",
                        ),
                        name="CK_BookingRules_Advance",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="SlotHold",
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
                (
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="slot_holds",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "service_offering",
                    models.ForeignKey(
                        db_column="ServiceOfferingId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="slot_holds",
                        to="scheduling.serviceoffering",
                    ),
                ),
                (
                    "held_by",
                    models.ForeignKey(
                        db_column="HeldById",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="slot_holds",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("start_at", models.DateTimeField(db_column="StartAt")),
                ("end_at", models.DateTimeField(db_column="EndAt")),
                ("expires_at", models.DateTimeField(db_column="ExpiresAt")),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "SlotHolds",
                "ordering": ["provider_id", "start_at", "id"],
                "indexes": [
                    models.Index(fields=["expires_at"], name="IX_SlotHolds_Expires"),
                    models.Index(
                        fields=["provider", "start_at", "end_at"],
                        name="IX_SlotHolds_Prov_Start_End",
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end_at__gt", models.F("start_at"))),
                        name="CK_SlotHolds_Range",
                    )
                ],
            },
        ),
    ]
