"""Plan 025, Availability Management (SCHEMA.md 2.25, A8).

`AvailabilitySchedules` (weekly hours in one IANA time zone, one default per provider),
`AvailabilityRules` (ISO day plus wall-clock start and end; overnight windows are two
rules split at midnight) and `AvailabilityOverrides` (extra hours or time off between
UTC instants). Adds `ServiceOfferings.ScheduleId`, deferred from plan 011 (D10).
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import doggy.core.db
from doggy.core.migration_ops import AddForeignKeyNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0011_addresses"),
        ("scheduling", "0003_reviews"),
    ]

    operations = [
        migrations.CreateModel(
            name="AvailabilitySchedule",
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
                    "provider",
                    models.ForeignKey(
                        db_column="ProviderId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="availability_schedules",
                        to="accounts.serviceprovider",
                    ),
                ),
                (
                    "name",
                    models.CharField(db_column="Name", default="Working hours", max_length=100),
                ),
                ("time_zone", models.CharField(db_column="TimeZone", max_length=50)),
                (
                    "is_default",
                    models.BooleanField(db_column="IsDefault", db_default=False, default=False),
                ),
            ],
            options={
                "db_table": "AvailabilitySchedules",
                "ordering": ["provider_id", "-is_default", "name", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("is_default", True)),
                        fields=("provider",),
                        name="UX_Schedules_Provider_Default",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AvailabilityRule",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "schedule",
                    models.ForeignKey(
                        db_column="ScheduleId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rules",
                        to="scheduling.availabilityschedule",
                    ),
                ),
                (
                    "day_of_week",
                    models.PositiveSmallIntegerField(
                        db_column="DayOfWeek",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(7),
                        ],
                    ),
                ),
                ("start_time", models.TimeField(db_column="StartTime")),
                ("end_time", models.TimeField(db_column="EndTime")),
            ],
            options={
                "db_table": "AvailabilityRules",
                "ordering": ["schedule_id", "day_of_week", "start_time", "id"],
                "indexes": [
                    models.Index(fields=["schedule", "day_of_week"], name="IX_AvailRules_Sched_Day")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("day_of_week__gte", 1), ("day_of_week__lte", 7)),
                        name="CK_AvailRules_Day",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("start_time__lt", models.F("end_time"))),
                        name="CK_AvailRules_Range",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="AvailabilityOverride",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "schedule",
                    models.ForeignKey(
                        db_column="ScheduleId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="overrides",
                        to="scheduling.availabilityschedule",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("ExtraHours", "Extra hours"), ("Unavailable", "Unavailable")],
                        db_column="Kind",
                        max_length=12,
                    ),
                ),
                ("start_at", models.DateTimeField(db_column="StartAt")),
                ("end_at", models.DateTimeField(db_column="EndAt")),
                (
                    "reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("Vacation", "Vacation"),
                            ("Sick", "Sick"),
                            ("Holiday", "Holiday"),
                            ("Personal", "Personal"),
                            ("Other", "Other"),
                        ],
                        db_column="Reason",
                        default="",
                        max_length=20,
                    ),
                ),
                (
                    "notes",
                    models.CharField(blank=True, db_column="Notes", default="", max_length=300),
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
            ],
            options={
                "db_table": "AvailabilityOverrides",
                "ordering": ["schedule_id", "start_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["schedule", "start_at", "end_at"],
                        name="IX_AvailOverrides_Sched_Range",
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end_at__gt", models.F("start_at"))),
                        name="CK_AvailOverrides_Range",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("kind__in", ["ExtraHours", "Unavailable"])),
                        name="CK_AvailabilityOverrides_Kind",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reason__in", ["", "Vacation", "Sick", "Holiday", "Personal", "Other"])
                        ),
                        name="CK_AvailabilityOverrides_Reason",
                    ),
                ],
            },
        ),
        # NOT VALID on the populated ServiceOfferings; 0004_online_availability builds the
        # key's index online and validates it.
        AddForeignKeyNotValid(
            model_name="serviceoffering",
            name="schedule",
            field=models.ForeignKey(
                blank=True,
                db_column="ScheduleId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="offerings",
                to="scheduling.availabilityschedule",
            ),
        ),
    ]
