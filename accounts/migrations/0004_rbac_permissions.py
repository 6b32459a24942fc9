"""Plan 002, RBAC System: `Permissions`, `RolePermissions` and the new role columns.

`UserRoles.AssignedBy` is NOT NULL as the plan says, so rows that already exist (an
adopted ASP.NET database) need an assigner: the system user (SCHEMA.md D6), created here
right before the column that uses it as its one-off default (D12's second exception).
The seed rows are `0005_seed_rbac`.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations, models

import doggy.core.db

# Copied from accounts.choices: migrations do not import app code.
SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"
SYSTEM_USER_EMAIL = "system@meandmydoggy.invalid"


def create_system_user(apps, schema_editor):
    """Create the inactive system user once (D6); a second run changes nothing.

    The historical model runs no custom `save()`, so the derived columns (NormalizedEmail,
    IsActive for a Deactivated account) are set here.
    """
    User = apps.get_model("accounts", "User")
    User._default_manager.using(schema_editor.connection.alias).get_or_create(
        pk=SYSTEM_USER_ID,
        defaults={
            "email": SYSTEM_USER_EMAIL,
            "normalized_email": SYSTEM_USER_EMAIL.upper(),
            "email_confirmed": False,
            "password": make_password(None),
            "security_stamp": str(uuid.uuid4()),
            "concurrency_stamp": str(uuid.uuid4()),
            "lockout_enabled": True,
            "first_name": "System",
            "is_active": False,
            "is_staff": False,
            "is_superuser": False,
            "account_status": "Deactivated",
        },
    )


def delete_system_user(apps, schema_editor):
    """Remove the system user again; nothing references it once `AssignedBy` is gone.

    A plain DELETE: the ORM's cascade collector would visit the historical relations of
    later apps (StoredFiles, SystemSettings) whose tables earlier reverse steps dropped.
    """
    User = apps.get_model("accounts", "User")
    alias = schema_editor.connection.alias
    User._default_manager.using(alias).filter(pk=SYSTEM_USER_ID)._raw_delete(alias)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_enhanced_user_management"),
    ]

    operations = [
        migrations.RunPython(create_system_user, delete_system_user),
        migrations.CreateModel(
            name="Permission",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                ("name", models.CharField(db_column="Name", max_length=256)),
                (
                    "description",
                    models.CharField(
                        blank=True, db_column="Description", max_length=500, null=True
                    ),
                ),
                ("category", models.CharField(db_column="Category", max_length=100)),
                (
                    "is_system_permission",
                    models.BooleanField(
                        db_column="IsSystemPermission", db_default=False, default=False
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
            ],
            options={
                "db_table": "Permissions",
                "ordering": ["name"],
                "indexes": [models.Index(fields=["category"], name="IX_Permissions_Category")],
                # The plan's UNIQUE plus IX_Permissions_Name collapse into one index (D8).
                "constraints": [
                    models.UniqueConstraint(fields=("name",), name="IX_Permissions_Name")
                ],
            },
        ),
        migrations.CreateModel(
            name="RolePermission",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "role",
                    models.ForeignKey(
                        db_column="RoleId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="role_permissions",
                        to="accounts.role",
                    ),
                ),
                (
                    "permission",
                    models.ForeignKey(
                        db_column="PermissionId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="role_permissions",
                        to="accounts.permission",
                    ),
                ),
                (
                    "granted_at",
                    models.DateTimeField(
                        db_column="GrantedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "granted_by",
                    models.ForeignKey(
                        blank=True,
                        db_column="GrantedBy",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "RolePermissions",
                "ordering": ["role_id", "permission_id"],
                "indexes": [
                    models.Index(fields=["permission"], name="IX_RolePermissions_Permission")
                ],
                # The plan's PRIMARY KEY (RoleId, PermissionId) as a surrogate key plus
                # this unique pair (D3).
                "constraints": [
                    models.UniqueConstraint(
                        fields=("role", "permission"), name="UX_RolePermissions_Role_Perm"
                    )
                ],
            },
        ),
        # Roles: the plan's Level, IsSystemRole, MaxUsers, plus a description for staff.
        migrations.AddField(
            model_name="role",
            name="level",
            field=models.IntegerField(
                db_column="Level",
                db_default=1,
                default=1,
                help_text="Higher is more privileged; roles are granted only below one's own level.",
            ),
        ),
        migrations.AddField(
            model_name="role",
            name="is_system_role",
            field=models.BooleanField(db_column="IsSystemRole", db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="role",
            name="max_users",
            field=models.IntegerField(
                blank=True,
                db_column="MaxUsers",
                help_text="Maximum number of active assignments; empty means unlimited.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="role",
            name="description",
            field=models.CharField(blank=True, db_column="Description", default="", max_length=500),
        ),
        migrations.AddField(
            model_name="role",
            name="permissions",
            field=models.ManyToManyField(
                blank=True,
                related_name="roles",
                through="accounts.RolePermission",
                to="accounts.permission",
            ),
        ),
        migrations.AddConstraint(
            model_name="role",
            constraint=models.CheckConstraint(
                condition=models.Q(("level__gte", 1)), name="CK_Roles_Level"
            ),
        ),
        migrations.AddConstraint(
            model_name="role",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("max_users__isnull", True), ("max_users__gt", 0), _connector="OR"
                ),
                name="CK_Roles_MaxUsers",
            ),
        ),
        # UserRoles: existing assignments are attributed to the system user (D6).
        migrations.AddField(
            model_name="userrole",
            name="assigned_by",
            field=models.ForeignKey(
                db_column="AssignedBy",
                default=SYSTEM_USER_ID,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="roles_assigned",
                to=settings.AUTH_USER_MODEL,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="userrole",
            name="is_active",
            field=models.BooleanField(db_column="IsActive", db_default=True, default=True),
        ),
        migrations.AddField(
            model_name="userrole",
            name="expires_at",
            field=models.DateTimeField(blank=True, db_column="ExpiresAt", null=True),
        ),
        migrations.AddField(
            model_name="userrole",
            name="notes",
            field=models.CharField(blank=True, db_column="Notes", max_length=500, null=True),
        ),
        migrations.AddField(
            model_name="userrole",
            name="assigned_at",
            field=models.DateTimeField(
                db_column="AssignedAt",
                db_default=doggy.core.db.UtcNow(),
                default=django.utils.timezone.now,
                editable=False,
            ),
        ),
        migrations.AddIndex(
            model_name="userrole",
            index=models.Index(fields=["user", "is_active"], name="IX_UserRoles_User_Active"),
        ),
    ]
