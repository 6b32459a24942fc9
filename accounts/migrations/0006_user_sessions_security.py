"""Plan 003, User Sessions & Security: `UserSessions` and `LoginAttempts` (SCHEMA.md 2.3).

Tokens are stored as SHA-256 digests (D9); the plan's UNIQUE plus same-column `IX_`
index on each token collapse into one unique constraint carrying the `IX_` name (D8).
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
        ("accounts", "0005_seed_rbac"),
    ]

    operations = [
        migrations.CreateModel(
            name="UserSession",
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
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sessions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "session_token",
                    models.CharField(db_column="SessionToken", editable=False, max_length=500),
                ),
                (
                    "refresh_token",
                    models.CharField(db_column="RefreshToken", editable=False, max_length=500),
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
                ("expires_at", models.DateTimeField(db_column="ExpiresAt")),
                (
                    "last_activity_at",
                    models.DateTimeField(
                        db_column="LastActivityAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "ip_address",
                    models.CharField(
                        blank=True,
                        db_column="IPAddress",
                        max_length=45,
                        null=True,
                        validators=[django.core.validators.validate_ipv46_address],
                    ),
                ),
                (
                    "user_agent",
                    models.CharField(blank=True, db_column="UserAgent", max_length=500, null=True),
                ),
                (
                    "device_info",
                    models.CharField(blank=True, db_column="DeviceInfo", max_length=200, null=True),
                ),
                (
                    "location",
                    models.CharField(blank=True, db_column="Location", max_length=200, null=True),
                ),
                (
                    "is_active",
                    models.BooleanField(db_column="IsActive", db_default=True, default=True),
                ),
                ("ended_at", models.DateTimeField(blank=True, db_column="EndedAt", null=True)),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("Logout", "Logout"),
                            ("Expired", "Expired"),
                            ("Revoked", "Revoked"),
                            ("Replaced", "Replaced"),
                        ],
                        db_column="EndReason",
                        max_length=50,
                        null=True,
                    ),
                ),
                (
                    "token_prefix",
                    models.CharField(
                        blank=True,
                        db_column="TokenPrefix",
                        default="",
                        editable=False,
                        max_length=16,
                    ),
                ),
                (
                    "replaced_by_session",
                    models.ForeignKey(
                        blank=True,
                        db_column="ReplacedBySessionId",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="accounts.usersession",
                    ),
                ),
            ],
            options={
                "db_table": "UserSessions",
                "ordering": ["-last_activity_at"],
                "indexes": [
                    models.Index(fields=["user"], name="IX_UserSessions_User"),
                    models.Index(fields=["expires_at"], name="IX_UserSessions_ExpiresAt"),
                    models.Index(fields=["-last_activity_at"], name="IX_UserSessions_LastActivity"),
                    models.Index(fields=["token_prefix"], name="IX_UserSessions_TokenPrefix"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("session_token",), name="IX_UserSessions_Token"
                    ),
                    models.UniqueConstraint(
                        fields=("refresh_token",), name="IX_UserSessions_RefreshToken"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("expires_at__gt", models.F("created_at"))),
                        name="CK_UserSessions_Expiry",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("ended_at__isnull", True), ("is_active", True)),
                            models.Q(
                                ("end_reason__isnull", False),
                                ("ended_at__isnull", False),
                                ("is_active", False),
                            ),
                            _connector="OR",
                        ),
                        name="CK_UserSessions_Ended",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_reason__isnull", True),
                            ("end_reason__in", ["Logout", "Expired", "Revoked", "Replaced"]),
                            _connector="OR",
                        ),
                        name="CK_UserSessions_EndReason",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="LoginAttempt",
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
                ("email", models.CharField(db_column="Email", max_length=256)),
                (
                    "ip_address",
                    models.CharField(
                        db_column="IPAddress",
                        max_length=45,
                        validators=[django.core.validators.validate_ipv46_address],
                    ),
                ),
                (
                    "user_agent",
                    models.CharField(blank=True, db_column="UserAgent", max_length=500, null=True),
                ),
                ("success", models.BooleanField(db_column="Success")),
                (
                    "failure_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("InvalidCredentials", "Invalid Credentials"),
                            ("AccountLocked", "Account Locked"),
                            ("AccountSuspended", "Account Suspended"),
                            ("AccountDeactivated", "Account Deactivated"),
                            ("EmailNotConfirmed", "Email Not Confirmed"),
                            ("TwoFactorFailed", "Two Factor Failed"),
                            ("RateLimited", "Rate Limited"),
                        ],
                        db_column="FailureReason",
                        max_length=100,
                        null=True,
                    ),
                ),
                (
                    "attempted_at",
                    models.DateTimeField(
                        db_column="AttemptedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "LoginAttempts",
                "ordering": ["-attempted_at"],
                "indexes": [
                    models.Index(
                        fields=["email", "-attempted_at"], name="IX_LoginAttempts_Email_Time"
                    ),
                    models.Index(
                        fields=["ip_address", "-attempted_at"], name="IX_LoginAttempts_IP_Time"
                    ),
                    models.Index(fields=["success"], name="IX_LoginAttempts_Success"),
                    # Not in the plan: staff screens list the newest attempts overall.
                    models.Index(fields=["-attempted_at"], name="IX_LoginAttempts_Time"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("success", True), ("failure_reason__isnull", False), _connector="OR"
                        ),
                        name="CK_LoginAttempts_Failure",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("failure_reason__isnull", True),
                            (
                                "failure_reason__in",
                                [
                                    "InvalidCredentials",
                                    "AccountLocked",
                                    "AccountSuspended",
                                    "AccountDeactivated",
                                    "EmailNotConfirmed",
                                    "TwoFactorFailed",
                                    "RateLimited",
                                ],
                            ),
                            _connector="OR",
                        ),
                        name="CK_LoginAttempts_FailureReason",
                    ),
                ],
            },
        ),
    ]
