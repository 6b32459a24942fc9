"""Plan 029, Appointment History & Status (SCHEMA.md 2.29, A14).

`AppointmentStatusHistory` is append-only (I-16): its appointment FK is PROTECT and its
actor FK DO_NOTHING, so neither a delete nor a user's removal rewrites it.
`AppointmentReschedules` holds reschedule requests, at most one pending per appointment.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("scheduling", "0007_booking_rules"),
    ]

    operations = [
        migrations.CreateModel(
            name="AppointmentStatusHistory",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "appointment",
                    models.ForeignKey(
                        db_column="AppointmentId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="status_history",
                        to="scheduling.appointment",
                    ),
                ),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
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
                        db_column="FromStatus",
                        max_length=12,
                        null=True,
                    ),
                ),
                (
                    "to_status",
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
                        db_column="ToStatus",
                        max_length=12,
                    ),
                ),
                (
                    "changed_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="ChangedById",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reason",
                    models.CharField(blank=True, db_column="Reason", default="", max_length=500),
                ),
                ("metadata", models.JSONField(blank=True, db_column="Metadata", default=dict)),
                (
                    "changed_at",
                    models.DateTimeField(
                        db_column="ChangedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "appointment status history",
                "db_table": "AppointmentStatusHistory",
                "ordering": ["appointment_id", "changed_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["appointment", "changed_at"], name="IX_ApptStatusHist_Appt_Time"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("from_status__isnull", True),
                            (
                                "from_status__in",
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
                            ),
                            _connector="OR",
                        ),
                        name="CK_AppointmentStatusHistory_FromStatus",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "to_status__in",
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
                        name="CK_AppointmentStatusHistory_ToStatus",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="AppointmentReschedule",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "appointment",
                    models.ForeignKey(
                        db_column="AppointmentId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reschedules",
                        to="scheduling.appointment",
                    ),
                ),
                (
                    "new_appointment",
                    models.ForeignKey(
                        blank=True,
                        db_column="NewAppointmentId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="scheduling.appointment",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="RequestedById",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("previous_start_at", models.DateTimeField(db_column="PreviousStartAt")),
                ("previous_end_at", models.DateTimeField(db_column="PreviousEndAt")),
                ("proposed_start_at", models.DateTimeField(db_column="ProposedStartAt")),
                ("proposed_end_at", models.DateTimeField(db_column="ProposedEndAt")),
                ("reason", models.TextField(blank=True, db_column="Reason", default="")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Accepted", "Accepted"),
                            ("Declined", "Declined"),
                            ("Expired", "Expired"),
                        ],
                        db_column="Status",
                        default="Pending",
                        max_length=10,
                    ),
                ),
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
                    "responded_at",
                    models.DateTimeField(blank=True, db_column="RespondedAt", null=True),
                ),
            ],
            options={
                "db_table": "AppointmentReschedules",
                "ordering": ["appointment_id", "created_at", "id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("proposed_end_at__gt", models.F("proposed_start_at"))),
                        name="CK_Reschedules_Range",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status__in", ["Pending", "Accepted", "Declined", "Expired"])
                        ),
                        name="CK_AppointmentReschedules_Status",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("status", "Pending")),
                        fields=("appointment",),
                        name="UX_Reschedules_Appt_Pending",
                    ),
                ],
            },
        ),
    ]
