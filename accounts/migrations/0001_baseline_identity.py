"""Baseline: the tables the ASP.NET Core Identity database already has (SCHEMA.md 2.0).

`Users`, `Roles` and `UserRoles` carry exactly Identity's columns, types, nullability and
index names, and `ServiceProviders` the plan's partial provider table, so that
`migrate --fake-initial` can adopt an existing database. Field defaults and validators
reference their callables in app code, as generated migrations do; nothing else here
imports app code. Everything Django itself needs
(auth columns, the many-to-many tables, the surrogate `UserRoles.Id`) arrives in `0002`,
which runs on fresh and adopted databases alike.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import accounts.models.users
import doggy.core.db


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="User",
            fields=[
                (
                    "id",
                    models.CharField(
                        db_column="Id",
                        default=accounts.models.users.new_user_id,
                        editable=False,
                        max_length=450,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "user_name",
                    models.CharField(
                        blank=True,
                        db_column="UserName",
                        max_length=256,
                        null=True,
                        verbose_name="user name",
                    ),
                ),
                (
                    "normalized_user_name",
                    models.CharField(
                        blank=True,
                        db_column="NormalizedUserName",
                        editable=False,
                        max_length=256,
                        null=True,
                    ),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        db_column="Email",
                        max_length=256,
                        null=True,
                        verbose_name="email address",
                    ),
                ),
                (
                    "normalized_email",
                    models.CharField(
                        blank=True,
                        db_column="NormalizedEmail",
                        editable=False,
                        max_length=256,
                        null=True,
                    ),
                ),
                ("email_confirmed", models.BooleanField(db_column="EmailConfirmed", default=False)),
                (
                    "password",
                    models.TextField(
                        blank=True, db_column="PasswordHash", null=True, verbose_name="password"
                    ),
                ),
                (
                    "security_stamp",
                    models.TextField(blank=True, db_column="SecurityStamp", null=True),
                ),
                (
                    "concurrency_stamp",
                    models.TextField(blank=True, db_column="ConcurrencyStamp", null=True),
                ),
                ("phone_number", models.TextField(blank=True, db_column="PhoneNumber", null=True)),
                (
                    "phone_number_confirmed",
                    models.BooleanField(db_column="PhoneNumberConfirmed", default=False),
                ),
                (
                    "two_factor_enabled",
                    models.BooleanField(db_column="TwoFactorEnabled", default=False),
                ),
                (
                    "lockout_end",
                    models.DateTimeField(blank=True, db_column="LockoutEnd", null=True),
                ),
                ("lockout_enabled", models.BooleanField(db_column="LockoutEnabled", default=True)),
                (
                    "access_failed_count",
                    models.IntegerField(db_column="AccessFailedCount", default=0),
                ),
            ],
            options={
                "verbose_name": "user",
                "verbose_name_plural": "users",
                "db_table": "Users",
                "ordering": ["email"],
                "indexes": [models.Index(fields=["normalized_email"], name="EmailIndex")],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("normalized_user_name__isnull", False)),
                        fields=("normalized_user_name",),
                        name="UserNameIndex",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Role",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "name",
                    models.CharField(
                        db_column="Name", max_length=256, null=True, verbose_name="name"
                    ),
                ),
                (
                    "normalized_name",
                    models.CharField(
                        blank=True,
                        db_column="NormalizedName",
                        editable=False,
                        max_length=256,
                        null=True,
                    ),
                ),
                (
                    "concurrency_stamp",
                    models.TextField(
                        blank=True, db_column="ConcurrencyStamp", editable=False, null=True
                    ),
                ),
            ],
            options={
                "db_table": "Roles",
                "ordering": ["normalized_name"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("normalized_name__isnull", False)),
                        fields=("normalized_name",),
                        name="RoleNameIndex",
                    )
                ],
            },
        ),
        # Identity's shape: PRIMARY KEY (UserId, RoleId) and IX_UserRoles_RoleId. `0002`
        # swaps the composite key for a surrogate `Id` (SCHEMA.md D3).
        migrations.CreateModel(
            name="UserRole",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "user", "role", blank=True, editable=False, primary_key=True
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="user_roles",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "role",
                    models.ForeignKey(
                        db_column="RoleId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="user_roles",
                        to="accounts.role",
                    ),
                ),
            ],
            options={
                "db_table": "UserRoles",
                "ordering": ["user_id", "role_id"],
                "indexes": [models.Index(fields=["role"], name="IX_UserRoles_RoleId")],
            },
        ),
        migrations.CreateModel(
            name="ServiceProvider",
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
                    "user",
                    models.OneToOneField(
                        db_column="UserId",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="service_provider",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("business_name", models.CharField(db_column="BusinessName", max_length=200)),
                ("description", models.TextField(blank=True, db_column="Description", null=True)),
                (
                    "is_verified",
                    models.BooleanField(
                        db_column="IsVerified",
                        db_default=False,
                        default=False,
                        help_text=(
                            "Derived from KYC (006) and credentials (038); never edited by hand."
                        ),
                    ),
                ),
            ],
            options={
                "db_table": "ServiceProviders",
                "ordering": ["id"],
            },
        ),
    ]
