"""Plan 002: roles, permissions and their assignments (custom RBAC, SCHEMA.md D3/D4)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doggy.core.db import UtcNow, created_at_field


class Role(models.Model):
    """A named bundle of permissions (`Roles`: Identity's columns plus the plan's 002).

    `Level` orders roles by privilege: nobody grants a role at or above their own highest
    level. `MaxUsers` caps active assignments. System roles cannot be deleted or renamed.
    """

    id = models.AutoField(primary_key=True, db_column="Id")
    name = models.CharField(_("name"), max_length=256, null=True, db_column="Name")
    normalized_name = models.CharField(
        max_length=256, null=True, blank=True, editable=False, db_column="NormalizedName"
    )
    concurrency_stamp = models.TextField(
        null=True, blank=True, editable=False, db_column="ConcurrencyStamp"
    )
    level = models.IntegerField(
        default=1,
        db_default=1,
        db_column="Level",
        help_text=_("Higher is more privileged; roles are granted only below one's own level."),
    )
    is_system_role = models.BooleanField(default=False, db_default=False, db_column="IsSystemRole")
    max_users = models.IntegerField(
        null=True,
        blank=True,
        db_column="MaxUsers",
        help_text=_("Maximum number of active assignments; empty means unlimited."),
    )
    description = models.CharField(max_length=500, blank=True, default="", db_column="Description")
    permissions = models.ManyToManyField(
        "accounts.Permission", through="accounts.RolePermission", related_name="roles", blank=True
    )

    class Meta:
        db_table = "Roles"
        ordering = ["normalized_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized_name"],
                name="RoleNameIndex",
                condition=Q(normalized_name__isnull=False),
            ),
            models.CheckConstraint(condition=Q(level__gte=1), name="CK_Roles_Level"),
            models.CheckConstraint(
                condition=Q(max_users__isnull=True) | Q(max_users__gt=0), name="CK_Roles_MaxUsers"
            ),
        ]

    def __str__(self) -> str:
        return self.name or f"Role {self.pk}"

    def save(self, *args, **kwargs):
        self.normalized_name = self.name.upper() if self.name else None
        if not self.concurrency_stamp:
            self.concurrency_stamp = str(uuid.uuid4())
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = list(set(kwargs["update_fields"]) | {"normalized_name"})
        super().save(*args, **kwargs)


class Permission(models.Model):
    """A named capability such as `users.view` (the plan's `Permissions`, not `auth.Permission`)."""

    id = models.AutoField(primary_key=True, db_column="Id")
    name = models.CharField(max_length=256, db_column="Name")
    description = models.CharField(max_length=500, null=True, blank=True, db_column="Description")
    category = models.CharField(max_length=100, db_column="Category")
    is_system_permission = models.BooleanField(
        default=False, db_default=False, db_column="IsSystemPermission"
    )
    created_at = created_at_field()

    class Meta:
        db_table = "Permissions"
        ordering = ["name"]
        indexes = [models.Index(fields=["category"], name="IX_Permissions_Category")]
        constraints = [
            # The plan's UNIQUE plus IX_Permissions_Name collapse into one index (D8).
            models.UniqueConstraint(fields=["name"], name="IX_Permissions_Name"),
        ]

    def __str__(self) -> str:
        return self.name


class RolePermission(models.Model):
    """A permission granted to a role (surrogate key; the plan's pair is unique, D3)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        related_name="role_permissions",
        db_index=False,
        db_column="RoleId",
    )
    permission = models.ForeignKey(
        Permission,
        on_delete=models.CASCADE,
        related_name="role_permissions",
        db_index=False,
        db_column="PermissionId",
    )
    granted_at = created_at_field(db_column="GrantedAt")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="GrantedBy",
    )

    class Meta:
        db_table = "RolePermissions"
        ordering = ["role_id", "permission_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "permission"], name="UX_RolePermissions_Role_Perm"
            ),
        ]
        indexes = [models.Index(fields=["permission"], name="IX_RolePermissions_Permission")]

    def __str__(self) -> str:
        # Names, not ids; lists that show grants select_related("role", "permission").
        return f"{self.role} → {self.permission}"


class UserRoleQuerySet(models.QuerySet):
    def effective(self, now=None):
        """Assignments that grant something now: active and not expired."""
        now = now or timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), is_active=True)


class UserRole(models.Model):
    """A role assigned to a user (ASP.NET's `UserRoles` plus the plan's 002 columns).

    Effective iff `IsActive` and (`ExpiresAt` is NULL or in the future). Grants go through
    `accounts.services.user_role_grant`, which enforces `Level` and `MaxUsers`.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="user_roles",
        db_index=False,
        db_column="UserId",
    )
    role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        related_name="user_roles",
        db_index=False,
        db_column="RoleId",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="roles_assigned",
        db_column="AssignedBy",
    )
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    expires_at = models.DateTimeField(null=True, blank=True, db_column="ExpiresAt")
    notes = models.CharField(max_length=500, null=True, blank=True, db_column="Notes")
    assigned_at = models.DateTimeField(
        default=timezone.now, db_default=UtcNow(), editable=False, db_column="AssignedAt"
    )

    objects = UserRoleQuerySet.as_manager()

    class Meta:
        db_table = "UserRoles"
        ordering = ["user_id", "role_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="UX_UserRoles_User_Role"),
        ]
        indexes = [
            models.Index(fields=["role"], name="IX_UserRoles_RoleId"),
            models.Index(fields=["user", "is_active"], name="IX_UserRoles_User_Active"),
        ]

    def __str__(self) -> str:
        # Email and role name, not ids; lists that show assignments select_related both.
        return f"{self.user.email} as {self.role}"

    def is_effective(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_active and (self.expires_at is None or self.expires_at > now)


__all__ = ["Permission", "Role", "RolePermission", "UserRole"]
