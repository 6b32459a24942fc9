"""Plan 005: the append-only audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from doggy.core.db import created_at_field, uuid_primary_key
from doggy.core.permissions import PermissionName, actor_may

from .choices import Severity

# Who may read the audit log (RBAC permission names, SCHEMA.md 2.2).
AUDIT_READER_PERMISSIONS = frozenset({PermissionName.SYSTEM_ADMIN, PermissionName.USERS_MANAGE})


class AuditLogQuerySet(models.QuerySet):
    """Refuses bulk changes: audit rows are written once and never edited or removed."""

    def visible_to(self, user) -> AuditLogQuerySet:
        """Every row for holders of `system.admin` or `users.manage`; nothing for others."""
        if not actor_may(user, *AUDIT_READER_PERMISSIONS):
            return self.none()
        return self.all()

    def update(self, **kwargs):
        raise RuntimeError("AuditLogs are append-only.")

    def delete(self):
        raise RuntimeError("AuditLogs are append-only.")


class AuditLog(models.Model):
    """Who did what to which object, when and from where (`AuditLogs`).

    Append-only: rows are written by `audit.services.audit_log_record` inside the
    transaction of the change they describe and are never updated or deleted by the app
    (production also DENYs UPDATE/DELETE to the app login, SCHEMA.md I-16).
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_column="UserId",
    )
    action = models.CharField(max_length=100, db_column="Action")
    entity_type = models.CharField(max_length=100, db_column="EntityType")
    entity_id = models.CharField(max_length=100, null=True, blank=True, db_column="EntityId")
    old_values = models.JSONField(null=True, blank=True, db_column="OldValues")
    new_values = models.JSONField(null=True, blank=True, db_column="NewValues")
    ip_address = models.CharField(max_length=45, null=True, blank=True, db_column="IPAddress")
    user_agent = models.CharField(max_length=500, null=True, blank=True, db_column="UserAgent")
    session = models.ForeignKey(
        "accounts.UserSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="SessionId",
    )
    timestamp = created_at_field(db_column="Timestamp")
    severity = models.CharField(
        max_length=20,
        choices=Severity.choices,
        default=Severity.INFO,
        db_default=Severity.INFO,
        db_column="Severity",
    )
    correlation_id = models.CharField(
        max_length=64, null=True, blank=True, db_column="CorrelationId"
    )
    actor_email = models.CharField(max_length=256, null=True, blank=True, db_column="ActorEmail")

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        db_table = "AuditLogs"
        ordering = ["-timestamp"]
        indexes = [
            models.Index(fields=["user", "-timestamp"], name="IX_AuditLogs_User_Timestamp"),
            models.Index(fields=["entity_type"], name="IX_AuditLogs_EntityType"),
            models.Index(fields=["action"], name="IX_AuditLogs_Action"),
            models.Index(fields=["-timestamp"], name="IX_AuditLogs_Timestamp"),
            models.Index(fields=["severity"], name="IX_AuditLogs_Severity"),
            models.Index(fields=["entity_type", "entity_id"], name="IX_AuditLogs_Entity"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(severity__in=Severity.values), name="CK_AuditLogs_Severity"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.entity_type}:{self.entity_id}"

    def save(self, *args, **kwargs):
        # Only a plain INSERT of a new row: an UPDATE through an existing row, a forged
        # instance carrying an existing id (force_update) or a partial save is refused.
        if (
            not self._state.adding
            or kwargs.get("force_update")
            or kwargs.get("update_fields") is not None
        ):
            raise RuntimeError("AuditLogs are append-only.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("AuditLogs are append-only.")
