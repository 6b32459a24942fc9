"""Plan 030, Service Delivery Tracking (SCHEMA.md 2.30).

One visit per appointment (check-in and out, the report card), its events, its GPS
trail and its photos (StoredFiles with purpose `DeliveryPhoto`).
"""

import uuid
from decimal import Decimal

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0004_setting_validation_rules"),
        ("scheduling", "0008_appointment_history"),
    ]

    operations = [
        migrations.CreateModel(
            name="ServiceVisit",
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
                    "appointment",
                    models.OneToOneField(
                        db_column="AppointmentId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="visit",
                        to="scheduling.appointment",
                    ),
                ),
                ("check_in_at", models.DateTimeField(blank=True, db_column="CheckInAt", null=True)),
                (
                    "check_out_at",
                    models.DateTimeField(blank=True, db_column="CheckOutAt", null=True),
                ),
                (
                    "check_in_lat",
                    models.DecimalField(
                        blank=True,
                        db_column="CheckInLat",
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                    ),
                ),
                (
                    "check_in_lng",
                    models.DecimalField(
                        blank=True,
                        db_column="CheckInLng",
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                    ),
                ),
                (
                    "check_out_lat",
                    models.DecimalField(
                        blank=True,
                        db_column="CheckOutLat",
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                    ),
                ),
                (
                    "check_out_lng",
                    models.DecimalField(
                        blank=True,
                        db_column="CheckOutLng",
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                    ),
                ),
                (
                    "distance_meters",
                    models.PositiveIntegerField(blank=True, db_column="DistanceMeters", null=True),
                ),
                (
                    "activity_summary",
                    models.JSONField(blank=True, db_column="ActivitySummary", default=dict),
                ),
                (
                    "mood",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("Happy", "Happy"),
                            ("Calm", "Calm"),
                            ("Anxious", "Anxious"),
                            ("Tired", "Tired"),
                            ("Other", "Other"),
                        ],
                        db_column="Mood",
                        default="",
                        max_length=10,
                    ),
                ),
                ("report_notes", models.TextField(blank=True, db_column="ReportNotes", default="")),
                (
                    "owner_acknowledged_at",
                    models.DateTimeField(blank=True, db_column="OwnerAcknowledgedAt", null=True),
                ),
            ],
            options={
                "db_table": "ServiceVisits",
                "ordering": ["-created_at", "id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("check_out_at__isnull", True),
                            models.Q(
                                ("check_in_at__isnull", False),
                                ("check_out_at__gt", models.F("check_in_at")),
                            ),
                            _connector="OR",
                        ),
                        name="CK_Visits_Checkout",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("check_in_lat__isnull", True),
                                models.Q(
                                    ("check_in_lat__gte", Decimal("-90")),
                                    ("check_in_lat__lte", Decimal("90")),
                                ),
                                _connector="OR",
                            ),
                            models.Q(
                                ("check_out_lat__isnull", True),
                                models.Q(
                                    ("check_out_lat__gte", Decimal("-90")),
                                    ("check_out_lat__lte", Decimal("90")),
                                ),
                                _connector="OR",
                            ),
                            models.Q(
                                ("check_in_lng__isnull", True),
                                models.Q(
                                    ("check_in_lng__gte", Decimal("-180")),
                                    ("check_in_lng__lte", Decimal("180")),
                                ),
                                _connector="OR",
                            ),
                            models.Q(
                                ("check_out_lng__isnull", True),
                                models.Q(
                                    ("check_out_lng__gte", Decimal("-180")),
                                    ("check_out_lng__lte", Decimal("180")),
                                ),
                                _connector="OR",
                            ),
                        ),
                        name="CK_Visits_Coords",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("mood__in", ["", "Happy", "Calm", "Anxious", "Tired", "Other"])
                        ),
                        name="CK_ServiceVisits_Mood",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ServiceVisitEvent",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "visit",
                    models.ForeignKey(
                        db_column="VisitId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="scheduling.servicevisit",
                    ),
                ),
                (
                    "event_type",
                    models.CharField(
                        choices=[
                            ("Arrived", "Arrived"),
                            ("WalkStarted", "Walk started"),
                            ("WalkEnded", "Walk ended"),
                            ("Fed", "Fed"),
                            ("MedicationGiven", "Medication given"),
                            ("Potty", "Potty"),
                            ("Incident", "Incident"),
                            ("Note", "Note"),
                            ("Departed", "Departed"),
                        ],
                        db_column="EventType",
                        max_length=20,
                    ),
                ),
                ("occurred_at", models.DateTimeField(db_column="OccurredAt")),
                (
                    "notes",
                    models.CharField(blank=True, db_column="Notes", default="", max_length=1000),
                ),
                ("data", models.JSONField(blank=True, db_column="Data", default=dict)),
            ],
            options={
                "db_table": "ServiceVisitEvents",
                "ordering": ["visit_id", "occurred_at", "id"],
                "indexes": [
                    models.Index(fields=["visit", "occurred_at"], name="IX_VisitEvents_Visit_Time")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "event_type__in",
                                [
                                    "Arrived",
                                    "WalkStarted",
                                    "WalkEnded",
                                    "Fed",
                                    "MedicationGiven",
                                    "Potty",
                                    "Incident",
                                    "Note",
                                    "Departed",
                                ],
                            )
                        ),
                        name="CK_ServiceVisitEvents_EventType",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ServiceVisitLocation",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "visit",
                    models.ForeignKey(
                        db_column="VisitId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="locations",
                        to="scheduling.servicevisit",
                    ),
                ),
                ("recorded_at", models.DateTimeField(db_column="RecordedAt")),
                (
                    "latitude",
                    models.DecimalField(db_column="Latitude", decimal_places=6, max_digits=9),
                ),
                (
                    "longitude",
                    models.DecimalField(db_column="Longitude", decimal_places=6, max_digits=9),
                ),
                (
                    "accuracy_meters",
                    models.DecimalField(
                        blank=True,
                        db_column="AccuracyMeters",
                        decimal_places=2,
                        max_digits=7,
                        null=True,
                    ),
                ),
            ],
            options={
                "db_table": "ServiceVisitLocations",
                "ordering": ["visit_id", "recorded_at", "id"],
                "indexes": [
                    models.Index(
                        fields=["visit", "recorded_at"], name="IX_VisitLocations_Visit_Time"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("latitude__gte", Decimal("-90")),
                            ("latitude__lte", Decimal("90")),
                            ("longitude__gte", Decimal("-180")),
                            ("longitude__lte", Decimal("180")),
                        ),
                        name="CK_VisitLocations_Coords",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ServiceVisitMedia",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "visit",
                    models.ForeignKey(
                        db_column="VisitId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="media",
                        to="scheduling.servicevisit",
                    ),
                ),
                (
                    "file",
                    models.ForeignKey(
                        db_column="FileId",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="doggy.storedfile",
                    ),
                ),
                (
                    "caption",
                    models.CharField(blank=True, db_column="Caption", default="", max_length=300),
                ),
                ("taken_at", models.DateTimeField(blank=True, db_column="TakenAt", null=True)),
            ],
            options={
                "verbose_name_plural": "service visit media",
                "db_table": "ServiceVisitMedia",
                "ordering": ["visit_id", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("visit", "file"), name="UX_VisitMedia_Visit_File"
                    )
                ],
            },
        ),
    ]
