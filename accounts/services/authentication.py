"""Sign-up, email verification, sign-in with lockout, token refresh, logout and passwords.

Security properties (RELIABILITY.md §1–§2):
- Every sign-in failure (unknown email, wrong password, locked, rate limited, suspended,
  deactivated, unverified) raises the same `InvalidCredentialsError`; `LoginAttempts`
  records the real reason. An unknown email or a refused attempt still runs the password
  hasher once, so response times do not tell accounts apart (Django ticket #20760).
- Lockout per account: after `Security.MaxFailedLogins` wrong passwords within
  `Security.LockoutMinutes`, `Users.LockoutEnd` is set `Security.LockoutMinutes` ahead and
  sign-in is refused even with the right password. No lock is held while a password hash
  runs: each attempt first reserves one of the account's checks with a conditional UPDATE
  of `AccessFailedCount` (see "Sign-in" below), so no more than the limit ever reach the
  password check, and an attempt that finds none left is answered at once. A per-IP limit
  (`Security.MaxFailedLoginsPerIp`) caps guessing across accounts; it is a leaky bucket
  that drains in `Security.LockoutMinutes`, so it lifts gradually, never as a ban. The IP
  is `doggy.core.request_context.client_ip` (REMOTE_ADDR unless a trusted proxy count is
  configured), so a forged X-Forwarded-For gains nothing.
- Verification and reset links carry Django's HMAC tokens with their own key salts; no
  table stores them. A reset token stops working once the password changes.
- Password reset and registration answer the same way whether or not the email is known.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import F, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode

from audit.choices import AuditAction, Severity
from audit.services import audit_log_record
from doggy.core.errors import ApplicationError, PermissionDeniedError
from doggy.selectors import setting_bool, setting_int

from ..choices import AccountStatus, LoginFailureReason, RoleName, SessionEndReason
from ..errors import AccountsErrorCode
from ..models import LoginAttempt, User, UserSession
from .sessions import (
    IssuedTokens,
    RefreshRefused,
    user_session_create,
    user_session_end,
    user_session_rotate,
    user_sessions_revoke,
)
from .users import user_create

DEFAULT_MAX_FAILED_LOGINS = 5
DEFAULT_LOCKOUT_MINUTES = 15
DEFAULT_MAX_FAILED_LOGINS_PER_IP = 50
# Roles a person may choose when registering through the API.
REGISTRATION_ROLES = (RoleName.PET_OWNER, RoleName.SERVICE_PROVIDER)
PASSWORD_RESET_TOKEN_SECONDS = 60 * 60
EMAIL_VERIFICATION_TOKEN_SECONDS = 3 * 24 * 60 * 60


class AuthErrorCode(Enum):
    INVALID_CREDENTIALS = "invalid_credentials"
    INVALID_REFRESH_TOKEN = "invalid_refresh_token"  # noqa: S105 - an error code
    INVALID_TOKEN = "invalid_token"  # noqa: S105 - an error code
    REGISTRATION_CLOSED = "registration_closed"
    PASSWORD_INCORRECT = "password_incorrect"  # noqa: S105 - an error code, not a secret


class InvalidCredentialsError(ApplicationError):
    """The one answer to every failed sign-in, whatever the reason."""

    status_code = 401

    def __init__(self):
        super().__init__(
            AuthErrorCode.INVALID_CREDENTIALS, "Unable to sign in with the given credentials."
        )


class InvalidRefreshTokenError(ApplicationError):
    status_code = 401

    def __init__(self):
        super().__init__(
            AuthErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid or expired."
        )


def _invalid_link_token() -> ApplicationError:
    return ApplicationError(
        AuthErrorCode.INVALID_TOKEN,
        "The link is invalid or has expired.",
        fields={"token": ["The link is invalid or has expired."]},
    )


# --- Settings ---------------------------------------------------------------------------


def _setting_int(key: str, default: int) -> int:
    value = setting_int(key, default)
    return default if value is None else value


def _setting_bool(key: str, default: bool) -> bool:
    value = setting_bool(key, default)
    return default if value is None else value


@dataclass(frozen=True)
class LockoutPolicy:
    max_failed_logins: int
    lockout: datetime.timedelta
    max_failed_logins_per_ip: int

    @classmethod
    def current(cls) -> LockoutPolicy:
        minutes = max(1, _setting_int("Security.LockoutMinutes", DEFAULT_LOCKOUT_MINUTES))
        return cls(
            max_failed_logins=max(
                1, _setting_int("Security.MaxFailedLogins", DEFAULT_MAX_FAILED_LOGINS)
            ),
            lockout=datetime.timedelta(minutes=minutes),
            max_failed_logins_per_ip=max(
                1,
                _setting_int("Security.MaxFailedLoginsPerIp", DEFAULT_MAX_FAILED_LOGINS_PER_IP),
            ),
        )


# --- Link tokens ------------------------------------------------------------------------


class _LinkTokenGenerator(PasswordResetTokenGenerator):
    """Django's stateless HMAC token with its own salt and a tighter lifetime."""

    max_age_seconds = PASSWORD_RESET_TOKEN_SECONDS

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        issued = base36_to_int(token.split("-")[0])
        return self._num_seconds(self._now()) - issued <= self.max_age_seconds


class PasswordResetTokens(_LinkTokenGenerator):
    """Reset tokens: invalid once the password (or the last sign-in) changes."""

    key_salt = "accounts.services.authentication.PasswordResetTokens"
    max_age_seconds = PASSWORD_RESET_TOKEN_SECONDS


class EmailVerificationTokens(_LinkTokenGenerator):
    """Verification tokens: invalid once the email is confirmed or changes."""

    key_salt = "accounts.services.authentication.EmailVerificationTokens"
    max_age_seconds = EMAIL_VERIFICATION_TOKEN_SECONDS

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.email_confirmed}{user.account_status}{timestamp}"


password_reset_tokens = PasswordResetTokens()
email_verification_tokens = EmailVerificationTokens()


def link_token_make(user: User, generator: PasswordResetTokenGenerator) -> str:
    """`<base64 user id>.<HMAC token>`: what the emailed link carries."""
    return f"{urlsafe_base64_encode(force_bytes(user.pk))}.{generator.make_token(user)}"


def _link_token_user(
    token: str, generator: PasswordResetTokenGenerator, *, lock: bool = False
) -> User | None:
    uid_b64, sep, secret = (token or "").partition(".")
    if not sep or len(token) > 300:
        return None
    try:
        user_id = force_str(urlsafe_base64_decode(uid_b64))
    except (ValueError, UnicodeDecodeError):
        return None
    if not user_id or len(user_id) > 450 or not user_id.isprintable():
        # Ids are GUID strings; anything else (NUL bytes included) is forged.
        return None
    users = User.objects.select_for_update() if lock else User.objects.all()
    user = users.filter(pk=user_id).first()
    if user is None or not generator.check_token(user, secret):
        return None
    return user


def _link_url(path: str, token: str) -> str:
    base = settings.DOGGY_FRONTEND_URL
    return f"{base.rstrip('/')}/{path}?token={token}"


def _send_on_commit(subject: str, body: str, to: str) -> None:
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=True)
    )


# --- Registration -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationResult:
    """What the client learns: the same for a new and an already registered email."""

    email: str
    email_verification_required: bool


def _burn_password_hash(password: str) -> None:
    """Run the default hasher once, so a refused path takes as long as a real check."""
    make_password(password)


@transaction.atomic
def auth_register(
    *,
    email: str,
    password: str,
    first_name: str | None,
    last_name: str | None,
    role: str,
) -> RegistrationResult:
    """Self sign-up as PetOwner or ServiceProvider.

    Refused with 403 while `Platform.AllowRegistration` is off. With
    `Platform.RequireEmailVerification` on, the account stays Pending until the emailed
    link is used. An email that is already registered gets the same answer; its owner
    receives a notice instead of a verification link.
    """
    if not _setting_bool("Platform.AllowRegistration", True):
        raise PermissionDeniedError(
            AuthErrorCode.REGISTRATION_CLOSED, "Registration is currently closed."
        )
    if role not in REGISTRATION_ROLES:
        raise ApplicationError(
            AccountsErrorCode.ROLE_NOT_SELF_ASSIGNABLE,
            f"Choose one of {', '.join(REGISTRATION_ROLES)}.",
            fields={"role": [f"Choose one of {', '.join(REGISTRATION_ROLES)}."]},
        )
    normalized = (email or "").strip().lower()
    # Password rules first, so a weak password is refused alike for known and new emails.
    probe = User(email=normalized, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user=probe)
    except ValidationError as exc:
        messages = [str(m) for m in exc.messages]
        raise ApplicationError(
            AccountsErrorCode.PASSWORD_INVALID, messages[0], fields={"password": messages}
        ) from None
    require_verification = _setting_bool("Platform.RequireEmailVerification", True)
    existing = User.objects.filter(email=normalized).first()
    if existing is not None:
        _burn_password_hash(password)
        _send_on_commit(
            "Someone tried to register with your email",
            "An account with this email already exists. If this was you, sign in or reset "
            "your password. If not, you can ignore this message.",
            existing.email,
        )
        return RegistrationResult(
            email=normalized, email_verification_required=require_verification
        )
    user = user_create(
        email=normalized,
        password=password,
        first_name=first_name,
        last_name=last_name,
        role_name=role,
        account_status=AccountStatus.PENDING if require_verification else AccountStatus.ACTIVE,
        email_confirmed=False,
    )
    if require_verification:
        token = link_token_make(user, email_verification_tokens)
        _send_on_commit(
            "Confirm your email address",
            f"Confirm your email address to finish signing up: {_link_url('verify-email', token)}",
            user.email,
        )
    return RegistrationResult(email=user.email, email_verification_required=require_verification)


@transaction.atomic
def auth_email_verify(*, token: str) -> User:
    """Confirm the email of the account the token was issued to; Pending becomes Active."""
    user = _link_token_user(token, email_verification_tokens, lock=True)
    if user is None or user.account_status not in (AccountStatus.PENDING, AccountStatus.ACTIVE):
        raise _invalid_link_token()
    old = {"email_confirmed": user.email_confirmed, "account_status": user.account_status}
    user.email_confirmed = True
    if user.account_status == AccountStatus.PENDING:
        user.account_status = AccountStatus.ACTIVE
    user.save(update_fields=["email_confirmed", "account_status"])
    audit_log_record(
        actor=user,
        action=AuditAction.UPDATE,
        target=user,
        old=old,
        new={"email_confirmed": True, "account_status": user.account_status},
    )
    return user


# --- Sign-in ----------------------------------------------------------------------------
#
# No lock is held while a password hash runs. An attempt on an existing, unlocked account
# first reserves one of the account's `MaxFailedLogins` password checks with a conditional
# UPDATE of `AccessFailedCount` (`... SET AccessFailedCount = AccessFailedCount + 1 WHERE
# ... AND AccessFailedCount < max`) and records the attempt as a failure in the same short
# transaction. The reservation commits, the password is checked, and a second short
# transaction settles the outcome: a right password turns the attempt into a success (or
# a status refusal) and gives the reservation back; a wrong one that used the last check
# locks the account. An attempt that finds no check left is answered "locked" at once,
# after one dummy hash. So `AccessFailedCount` always equals the failures recorded since
# the last sign-in or lockout, concurrent attempts only ever queue for the milliseconds
# of one UPDATE, and no more than the limit ever reach the password check.


def _record_attempt(
    *,
    email: str,
    ip_address: str,
    user_agent: str | None,
    now: datetime.datetime,
    user: User | None,
    reason: str | None,
) -> LoginAttempt:
    attempt = LoginAttempt.objects.create(
        email=email[:256],
        ip_address=ip_address,
        user_agent=(user_agent or "")[:500] or None,
        success=reason is None,
        failure_reason=reason,
        attempted_at=now,
    )
    if reason is not None:
        _audit_failure(attempt, user=user, reason=reason)
    return attempt


def _audit_failure(attempt: LoginAttempt, *, user: User | None, reason: str) -> None:
    audit_log_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        target=attempt,
        new={
            "email": attempt.email,
            "user_id": user.pk if user is not None else None,
            "reason": reason,
        },
        severity=Severity.WARNING,
    )


def _failures_since(user: User, window_start: datetime.datetime) -> datetime.datetime:
    """Failures count from the latest of: the window start, the last successful sign-in,
    and the end of the last lockout (the failures before it have been paid for)."""
    since = window_start
    for moment in (user.last_login, user.lockout_end):
        if moment is not None and since < moment <= timezone.now():
            since = moment
    return since


def _recent_failures(email: str, since: datetime.datetime):
    return LoginAttempt.objects.filter(
        email=email,
        success=False,
        failure_reason=LoginFailureReason.INVALID_CREDENTIALS,
        attempted_at__gte=since,
    )


def _forget_aged_failures(
    user: User, *, email: str, policy: LockoutPolicy, now: datetime.datetime
) -> None:
    """Lower `AccessFailedCount` to the failures still inside the window.

    The counter and the window count are read in one statement (one snapshot); the write
    only lands if the counter is still what was read, so a reservation made meanwhile is
    never lost.
    """
    since = _failures_since(user, now - policy.lockout)
    recent = (
        _recent_failures(email, since)
        .order_by()
        .values("email")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(recent=Coalesce(Subquery(recent[:1]), 0))
        .values_list("access_failed_count", "recent")
        .first()
    )
    if row is None:
        return
    counted, recent_count = row
    if recent_count < counted:
        User.objects.filter(pk=user.pk, access_failed_count=counted).update(
            access_failed_count=recent_count
        )


@transaction.atomic
def _reserve_password_check(
    user: User,
    *,
    email: str,
    ip_address: str,
    user_agent: str | None,
    policy: LockoutPolicy,
    now: datetime.datetime,
) -> tuple[int, LoginAttempt] | None:
    """Take one of the account's password checks: `(count after it, attempt)`, or None.

    The attempt is recorded as a wrong password now and corrected if the password turns
    out right, so the counter and the recorded failures move together.
    """
    open_lockout = Q(lockout_enabled=True, lockout_end__gt=now)
    room = Q(lockout_enabled=False) | Q(access_failed_count__lt=policy.max_failed_logins)
    taken = (
        User.objects.filter(room, pk=user.pk)
        .exclude(open_lockout)
        .update(access_failed_count=F("access_failed_count") + 1)
    )
    if not taken:
        return None
    # This transaction holds the row until it commits: the value read is its own.
    count = User.objects.filter(pk=user.pk).values_list("access_failed_count", flat=True).get()
    attempt = LoginAttempt.objects.create(
        email=email[:256],
        ip_address=ip_address,
        user_agent=(user_agent or "")[:500] or None,
        success=False,
        failure_reason=LoginFailureReason.INVALID_CREDENTIALS,
        attempted_at=now,
    )
    return count, attempt


@transaction.atomic
def _settle_wrong_password(
    user: User, attempt: LoginAttempt, *, count: int, policy: LockoutPolicy
) -> None:
    """Audit the failure; the attempt that used the last check locks the account."""
    _audit_failure(attempt, user=user, reason=LoginFailureReason.INVALID_CREDENTIALS)
    if count < policy.max_failed_logins:
        return
    lockout_end = attempt.attempted_at + policy.lockout
    # Only while the counter still says so: a sign-in meanwhile (which resets it) wins.
    # Identity resets the counter when it locks; the lock itself now carries the state.
    locked = User.objects.filter(
        pk=user.pk,
        lockout_enabled=True,
        access_failed_count__gte=policy.max_failed_logins,
    ).update(lockout_end=lockout_end, access_failed_count=0)
    if locked:
        user.lockout_end = lockout_end
        audit_log_record(
            actor=None,
            action=AuditAction.ACCOUNT_LOCKED,
            target=user,
            new={"lockout_end": lockout_end, "failed_logins": count},
            severity=Severity.WARNING,
        )


@transaction.atomic
def _settle_right_password(
    user: User,
    attempt: LoginAttempt,
    *,
    ip_address: str,
    user_agent: str | None,
    require_verification: bool,
) -> IssuedTokens | None:
    """The password was right: give the check back, then sign in or record the refusal."""
    now = attempt.attempted_at
    reason = _status_failure(user, require_verification=require_verification)
    if reason is not None:
        User.objects.filter(pk=user.pk, access_failed_count__gt=0).update(
            access_failed_count=F("access_failed_count") - 1
        )
        attempt.failure_reason = reason
        attempt.save(update_fields=["failure_reason"])
        _audit_failure(attempt, user=user, reason=reason)
        return None

    # A lockout set while the hash ran (staff locked the account) stands.
    signed_in = (
        User.objects.filter(pk=user.pk)
        .exclude(lockout_enabled=True, lockout_end__gt=timezone.now())
        .update(last_login=now, access_failed_count=0, lockout_end=None)
    )
    if not signed_in:
        attempt.failure_reason = LoginFailureReason.ACCOUNT_LOCKED
        attempt.save(update_fields=["failure_reason"])
        _audit_failure(attempt, user=user, reason=LoginFailureReason.ACCOUNT_LOCKED)
        return None
    user.last_login = now
    user.access_failed_count = 0
    user.lockout_end = None
    attempt.success = True
    attempt.failure_reason = None
    attempt.save(update_fields=["success", "failure_reason"])
    issued = user_session_create(user=user, ip_address=ip_address, user_agent=user_agent)
    audit_log_record(
        actor=user,
        action=AuditAction.LOGIN,
        target=issued.session,
        new={"user_id": user.pk, "ip_address": ip_address},
    )
    return issued


def _status_failure(user: User, *, require_verification: bool) -> str | None:
    if user.account_status == AccountStatus.SUSPENDED:
        return LoginFailureReason.ACCOUNT_SUSPENDED
    if user.account_status == AccountStatus.DEACTIVATED or not user.is_active:
        return LoginFailureReason.ACCOUNT_DEACTIVATED
    if (
        require_verification
        and user.account_status == AccountStatus.PENDING
        and not user.email_confirmed
    ):
        return LoginFailureReason.EMAIL_NOT_CONFIRMED
    return None


def _ip_limited(ip_address: str, *, policy: LockoutPolicy, now: datetime.datetime) -> bool:
    """The per-IP limit: a leaky bucket, not a ban.

    The bucket holds `MaxFailedLoginsPerIp` wrong passwords and drains completely in
    `LockoutMinutes`, so each failure weighs less as it ages. An address that filled it
    gets one attempt back every `LockoutMinutes / MaxFailedLoginsPerIp` (18 s with the
    defaults), and a steady `MaxFailedLoginsPerIp` failures per `LockoutMinutes` are never
    refused. The level is computed from `LoginAttempts`: with the k-th newest failure
    `age_k` old, it is `max_k(k - age_k * drain_rate)`. Refused attempts are not failures
    and do not fill the bucket.
    """
    capacity = policy.max_failed_logins_per_ip
    window = policy.lockout.total_seconds()
    drain_per_second = capacity / window
    # 2 * capacity failures inside one window fill the bucket whatever their times.
    newest = list(
        LoginAttempt.objects.filter(
            ip_address=ip_address,
            success=False,
            failure_reason=LoginFailureReason.INVALID_CREDENTIALS,
            attempted_at__gt=now - policy.lockout,
        )
        .order_by("-attempted_at")
        .values_list("attempted_at", flat=True)[: 2 * capacity]
    )
    if len(newest) >= 2 * capacity:
        return True
    level = max(
        (
            k - max(0.0, (now - at).total_seconds()) * drain_per_second
            for k, at in enumerate(newest, start=1)
        ),
        default=0.0,
    )
    return level > capacity - 1


def _refuse(
    *,
    reason: str,
    password: str,
    email: str,
    ip_address: str,
    user_agent: str | None,
    now: datetime.datetime,
    user: User | None,
) -> None:
    """A refusal decided before any password check: one dummy hash, then the record."""
    _burn_password_hash(password)
    with transaction.atomic():
        _record_attempt(
            email=email,
            ip_address=ip_address,
            user_agent=user_agent,
            now=now,
            user=user,
            reason=reason,
        )


def _login(
    *, email: str, password: str, ip_address: str, user_agent: str | None
) -> IssuedTokens | None:
    policy = LockoutPolicy.current()
    require_verification = _setting_bool("Platform.RequireEmailVerification", True)
    user = User.objects.filter(email=email).first()
    now = timezone.now()
    context = {"email": email, "ip_address": ip_address, "user_agent": user_agent, "now": now}

    if user is not None and user.is_locked_out(now):
        _refuse(reason=LoginFailureReason.ACCOUNT_LOCKED, password=password, user=user, **context)
        return None
    if _ip_limited(ip_address, policy=policy, now=now):
        _refuse(reason=LoginFailureReason.RATE_LIMITED, password=password, user=user, **context)
        return None
    if user is None:
        _refuse(
            reason=LoginFailureReason.INVALID_CREDENTIALS, password=password, user=None, **context
        )
        return None
    if user.access_failed_count:
        _forget_aged_failures(user, email=email, policy=policy, now=now)
    reserved = _reserve_password_check(user, policy=policy, **context)
    if reserved is None:
        # Locked meanwhile, or every remaining check is in use by a concurrent attempt.
        _refuse(reason=LoginFailureReason.ACCOUNT_LOCKED, password=password, user=user, **context)
        return None
    count, attempt = reserved
    if not user.check_password(password):
        _settle_wrong_password(user, attempt, count=count, policy=policy)
        return None
    return _settle_right_password(
        user,
        attempt,
        ip_address=ip_address,
        user_agent=user_agent,
        require_verification=require_verification,
    )


def auth_login(
    *, email: str, password: str, ip_address: str, user_agent: str | None = None
) -> IssuedTokens:
    """Sign in with email and password; returns a new session's tokens.

    Raises `InvalidCredentialsError` for every failure. Each step commits on its own (the
    attempt and its audit row before the error is raised), so failures count even though
    the call fails, and no transaction stays open while a password hash runs.
    """
    normalized = (email or "").strip().lower()[:256]
    issued = _login(
        email=normalized, password=password, ip_address=ip_address, user_agent=user_agent
    )
    if issued is None:
        raise InvalidCredentialsError()
    return issued


# --- Refresh and logout -----------------------------------------------------------------


def auth_refresh(
    *, refresh_token: str, ip_address: str | None = None, user_agent: str | None = None
) -> IssuedTokens:
    """Rotate a refresh token (see `user_session_rotate`); any refusal is one 401."""
    try:
        return user_session_rotate(
            refresh_token=refresh_token or "", ip_address=ip_address, user_agent=user_agent
        )
    except RefreshRefused:
        raise InvalidRefreshTokenError() from None


def auth_logout(*, actor: User, session: UserSession) -> None:
    """End the session the request was authenticated with."""
    user_session_end(actor=actor, session=session, reason=SessionEndReason.LOGOUT)


@transaction.atomic
def auth_logout_all(*, actor: User) -> int:
    """End every session of `actor`, the current one included; returns how many ended."""
    ended = user_sessions_revoke(user=actor, reason=SessionEndReason.LOGOUT)
    audit_log_record(
        actor=actor,
        action=AuditAction.LOGOUT,
        target=actor,
        new={"scope": "all", "sessions_ended": ended},
    )
    return ended


@transaction.atomic
def auth_session_revoke(*, actor: User, session: UserSession) -> None:
    """The owner ends one of their own sessions (a lost device). Callers resolve
    `session` through a selector scoped to `actor`."""
    if session.user_id != actor.pk:
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "You may end only your own sessions."
        )
    user_session_end(actor=actor, session=session, reason=SessionEndReason.REVOKED)


# --- Passwords --------------------------------------------------------------------------


def _validated_new_password(password: str, user: User) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        messages = [str(m) for m in exc.messages]
        raise ApplicationError(
            AccountsErrorCode.PASSWORD_INVALID, messages[0], fields={"new_password": messages}
        ) from None


@transaction.atomic
def auth_password_change(
    *, actor: User, current_password: str, new_password: str, session: UserSession | None
) -> int:
    """Change the caller's password and end their other sessions; returns how many ended."""
    user = User.objects.select_for_update().get(pk=actor.pk)
    if not user.check_password(current_password):
        raise ApplicationError(
            AuthErrorCode.PASSWORD_INCORRECT,
            "The current password is incorrect.",
            fields={"current_password": ["The current password is incorrect."]},
        )
    _validated_new_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    actor.password = user.password
    ended = user_sessions_revoke(user=user, except_session=session)
    audit_log_record(
        actor=actor,
        action=AuditAction.PASSWORD_CHANGED,
        target=user,
        new={"via": "change", "sessions_ended": ended},
    )
    return ended


@transaction.atomic
def auth_password_reset_request(*, email: str) -> None:
    """Email a reset link if `email` belongs to an account that may sign in.

    Answers nothing either way, so the caller cannot learn whether the email is known.
    """
    normalized = (email or "").strip().lower()[:256]
    user = User.objects.filter(email=normalized).first()
    if user is None or not user.is_active or not user.has_usable_password():
        return
    token = link_token_make(user, password_reset_tokens)
    _send_on_commit(
        "Reset your password",
        "Use this link within an hour to choose a new password: "
        f"{_link_url('reset-password', token)}\nIf you did not ask for it, ignore this message.",
        user.email,
    )


@transaction.atomic
def auth_password_reset_confirm(*, token: str, new_password: str) -> User:
    """Set a new password with a reset token; ends every session and lifts a lockout.

    The lifted lockout is the owner's way back in when someone else locked the account
    by guessing (lockout as denial of service).
    """
    user = _link_token_user(token, password_reset_tokens, lock=True)
    if user is None or not user.is_active:
        raise _invalid_link_token()
    _validated_new_password(new_password, user)
    user.set_password(new_password)
    user.lockout_end = None
    user.access_failed_count = 0
    user.save(update_fields=["password", "lockout_end", "access_failed_count"])
    ended = user_sessions_revoke(user=user)
    audit_log_record(
        actor=user,
        action=AuditAction.PASSWORD_CHANGED,
        target=user,
        new={"via": "reset", "sessions_ended": ended},
    )
    return user


__all__ = [
    "AuthErrorCode",
    "InvalidCredentialsError",
    "InvalidRefreshTokenError",
    "LockoutPolicy",
    "RegistrationResult",
    "auth_email_verify",
    "auth_login",
    "auth_logout",
    "auth_logout_all",
    "auth_password_change",
    "auth_password_reset_confirm",
    "auth_password_reset_request",
    "auth_refresh",
    "auth_register",
    "auth_session_revoke",
    "email_verification_tokens",
    "link_token_make",
    "password_reset_tokens",
]
