"""Plan 003: bearer-token sessions and the login-attempt log."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import validate_ipv46_address
from django.db import models
from django.db.models import F, Q

from doggy.core.db import created_at_field, uuid_primary_key

from ..choices import LoginFailureReason, SessionEndReason


class UserSessionQuerySet(models.QuerySet):
    def visible_to(self, user) -> UserSessionQuerySet:
        """The caller's own sessions; nobody lists or ends another user's devices."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user_id=user.pk)


class UserSession(models.Model):
    """One signed-in device: digests of its access and refresh tokens, and its lifetime.

    Only SHA-256 digests of the tokens are stored (D9); `TokenPrefix` is the non-secret
    lookup key. A session is inactive exactly when it has ended (`CK_UserSessions_Ended`).
    Refresh rotation links the old session to its successor through `ReplacedBySessionId`.
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sessions",
        db_index=False,
        db_column="UserId",
    )
    session_token = models.CharField(max_length=500, editable=False, db_column="SessionToken")
    refresh_token = models.CharField(max_length=500, editable=False, db_column="RefreshToken")
    created_at = created_at_field()
    expires_at = models.DateTimeField(db_column="ExpiresAt")
    last_activity_at = created_at_field(db_column="LastActivityAt")
    ip_address = models.CharField(
        max_length=45,
        null=True,
        blank=True,
        validators=[validate_ipv46_address],
        db_column="IPAddress",
    )
    user_agent = models.CharField(max_length=500, null=True, blank=True, db_column="UserAgent")
    device_info = models.CharField(max_length=200, null=True, blank=True, db_column="DeviceInfo")
    location = models.CharField(max_length=200, null=True, blank=True, db_column="Location")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    ended_at = models.DateTimeField(null=True, blank=True, db_column="EndedAt")
    end_reason = models.CharField(
        max_length=50,
        null=True,
        blank=True,
        choices=SessionEndReason.choices,
        db_column="EndReason",
    )
    token_prefix = models.CharField(
        max_length=16, default="", blank=True, editable=False, db_column="TokenPrefix"
    )
    replaced_by_session = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ReplacedBySessionId",
    )

    objects = UserSessionQuerySet.as_manager()

    class Meta:
        db_table = "UserSessions"
        ordering = ["-last_activity_at"]
        indexes = [
            models.Index(fields=["user"], name="IX_UserSessions_User"),
            models.Index(fields=["expires_at"], name="IX_UserSessions_ExpiresAt"),
            models.Index(fields=["-last_activity_at"], name="IX_UserSessions_LastActivity"),
            models.Index(fields=["token_prefix"], name="IX_UserSessions_TokenPrefix"),
        ]
        constraints = [
            # The plan's UNIQUE plus same-column IX_ index collapse into one (D8).
            models.UniqueConstraint(fields=["session_token"], name="IX_UserSessions_Token"),
            models.UniqueConstraint(fields=["refresh_token"], name="IX_UserSessions_RefreshToken"),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="CK_UserSessions_Expiry"
            ),
            models.CheckConstraint(
                condition=Q(is_active=True, ended_at__isnull=True)
                | Q(is_active=False, ended_at__isnull=False, end_reason__isnull=False),
                name="CK_UserSessions_Ended",
            ),
            models.CheckConstraint(
                condition=Q(end_reason__isnull=True) | Q(end_reason__in=SessionEndReason.values),
                name="CK_UserSessions_EndReason",
            ),
        ]

    def __str__(self) -> str:
        # The owner's email, not their id; lists that show sessions select_related("user").
        return f"{self.token_prefix or self.pk} ({self.user.email})"


class LoginAttempt(models.Model):
    """Every sign-in attempt, successful or not; the lockout policy counts these.

    No FK to Users: attempts on unknown emails are recorded too. `Email` is lower-cased
    like `Users.Email` (D5).
    """

    id = uuid_primary_key()
    email = models.CharField(max_length=256, db_column="Email")
    ip_address = models.CharField(
        max_length=45, validators=[validate_ipv46_address], db_column="IPAddress"
    )
    user_agent = models.CharField(max_length=500, null=True, blank=True, db_column="UserAgent")
    success = models.BooleanField(db_column="Success")
    failure_reason = models.CharField(
        max_length=100,
        null=True,
        blank=True,
        choices=LoginFailureReason.choices,
        db_column="FailureReason",
    )
    attempted_at = created_at_field(db_column="AttemptedAt")

    class Meta:
        db_table = "LoginAttempts"
        ordering = ["-attempted_at"]
        indexes = [
            models.Index(fields=["email", "-attempted_at"], name="IX_LoginAttempts_Email_Time"),
            models.Index(fields=["ip_address", "-attempted_at"], name="IX_LoginAttempts_IP_Time"),
            models.Index(fields=["success"], name="IX_LoginAttempts_Success"),
            # Not in the plan: the staff screens list the newest attempts across all emails.
            models.Index(fields=["-attempted_at"], name="IX_LoginAttempts_Time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(success=True) | Q(failure_reason__isnull=False),
                name="CK_LoginAttempts_Failure",
            ),
            models.CheckConstraint(
                condition=Q(failure_reason__isnull=True)
                | Q(failure_reason__in=LoginFailureReason.values),
                name="CK_LoginAttempts_FailureReason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} {'ok' if self.success else self.failure_reason}"
