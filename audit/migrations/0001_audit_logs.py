"""Plan 005, Audit Logging: the append-only `AuditLogs` table (SCHEMA.md 2.5).

Depends on accounts/0006 because `SessionId` references `UserSessions`. Monthly
partitioning, which the plan mentions, is left to a DBA script (D11).
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0006_user_sessions_security"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditLog",
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
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_column="UserId",
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("action", models.CharField(db_column="Action", max_length=100)),
                ("entity_type", models.CharField(db_column="EntityType", max_length=100)),
                (
                    "entity_id",
                    models.CharField(blank=True, db_column="EntityId", max_length=100, null=True),
                ),
                ("old_values", models.JSONField(blank=True, db_column="OldValues", null=True)),
                ("new_values", models.JSONField(blank=True, db_column="NewValues", null=True)),
                (
                    "ip_address",
                    models.CharField(blank=True, db_column="IPAddress", max_length=45, null=True),
                ),
                (
                    "user_agent",
                    models.CharField(blank=True, db_column="UserAgent", max_length=500, null=True),
                ),
                (
                    "session",
                    models.ForeignKey(
                        blank=True,
                        db_column="SessionId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="accounts.usersession",
                    ),
                ),
                (
                    "timestamp",
                    models.DateTimeField(
                        db_column="Timestamp",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "severity",
                    models.CharField(
                        choices=[
                            ("Info", "Info"),
                            ("Warning", "Warning"),
                            ("Error", "Error"),
                            ("Critical", "Critical"),
                        ],
                        db_column="Severity",
                        db_default="Info",
                        default="Info",
                        max_length=20,
                    ),
                ),
                (
                    "correlation_id",
                    models.CharField(
                        blank=True, db_column="CorrelationId", max_length=64, null=True
                    ),
                ),
                (
                    "actor_email",
                    models.CharField(blank=True, db_column="ActorEmail", max_length=256, null=True),
                ),
            ],
            options={
                "db_table": "AuditLogs",
                "ordering": ["-timestamp"],
                "indexes": [
                    models.Index(fields=["user", "-timestamp"], name="IX_AuditLogs_User_Timestamp"),
                    models.Index(fields=["entity_type"], name="IX_AuditLogs_EntityType"),
                    models.Index(fields=["action"], name="IX_AuditLogs_Action"),
                    models.Index(fields=["-timestamp"], name="IX_AuditLogs_Timestamp"),
                    models.Index(fields=["severity"], name="IX_AuditLogs_Severity"),
                    # Not in the plan: "history of this object" is the commonest admin query.
                    models.Index(fields=["entity_type", "entity_id"], name="IX_AuditLogs_Entity"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("severity__in", ["Info", "Warning", "Error", "Critical"])
                        ),
                        name="CK_AuditLogs_Severity",
                    )
                ],
            },
        ),
    ]
