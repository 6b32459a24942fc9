"""Session lifecycle: creation, rotation and revocation of bearer-token sessions.

A session (`UserSessions` row) holds the SHA-256 digests of one access token and one
refresh token, never the tokens themselves (SCHEMA.md D9).

- The access token reads `<prefix>.<secret>`: a 16-character random prefix, stored in
  `TokenPrefix` as the non-secret lookup key, and 256 bits from `secrets` after the dot.
  It stops working after `Platform.SessionTimeoutMinutes` without use (the idle timeout,
  measured from `LastActivityAt`, which is written at most once a minute) and at
  `ExpiresAt` whatever the activity (the absolute lifetime).
- The refresh token is 256 bits from `secrets`, looked up by its digest (unique index).
  It is valid until `ExpiresAt`. Presenting it rotates the pair: the old row ends as
  `Replaced` and points at its successor through `ReplacedBySessionId`; the successor
  inherits `ExpiresAt`, so rotation never extends a sign-in past its absolute lifetime.
- Rotation is a single conditional UPDATE (`... WHERE RefreshToken = d AND IsActive = 1`),
  so of any number of concurrent presentations of one refresh token exactly one wins.
  A refresh token presented again after it was consumed is treated as stolen: every
  session descending from it is revoked (refresh-token family revocation).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import DEFERRED, QuerySet
from django.utils import timezone

from audit.choices import AuditAction, Severity
from audit.services import audit_log_record
from doggy.core.errors import NotFoundError
from doggy.core.prepared import statement_cursor
from doggy.core.realtime import publish_to_users
from doggy.selectors import setting_int

from ..choices import SessionEndReason
from ..models import User, UserSession

TOKEN_PREFIX_LENGTH = 16
# 12 random bytes render as exactly 16 URL-safe characters.
_PREFIX_BYTES = 12
# 32 bytes = 256 bits of entropy for every secret (ASVS 5.0 7.2.3 asks for >= 128).
_SECRET_BYTES = 32
# LastActivityAt (and so the idle deadline) is written at most this often per session.
ACTIVITY_WRITE_INTERVAL = datetime.timedelta(seconds=60)
# The real-time event that closes the sockets of ended sessions (messaging.realtime).
SESSION_REVOKED_EVENT = "session.revoked"
# Bounds the walk along ReplacedBySessionId when a replayed refresh token revokes its family.
_MAX_CHAIN_LENGTH = 10_000

DEFAULT_IDLE_TIMEOUT_MINUTES = 120
# The shortest idle timeout the setting can ask for.
MIN_IDLE_TIMEOUT = datetime.timedelta(minutes=1)
DEFAULT_ABSOLUTE_LIFETIME_HOURS = 12


@dataclass(frozen=True)
class IssuedTokens:
    """The plaintext tokens of a new session: shown to the client once, never stored."""

    session: UserSession
    access_token: str
    refresh_token: str
    expires_at: datetime.datetime
    refresh_expires_at: datetime.datetime


class RefreshOutcome:
    """Why a refresh token was refused (for the caller's logs; the client sees one 401)."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    ENDED = "ended"
    REUSED = "reused"
    USER_INACTIVE = "user_inactive"


class RefreshRefused(Exception):  # noqa: N818 - an outcome, not a programming error
    """The refresh token cannot be rotated; `reason` is one of `RefreshOutcome`."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def token_digest(token: str) -> str:
    """SHA-256 hex digest of a token: the only form tokens are stored in."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def digests_match(presented: str, stored: str) -> bool:
    """Constant-time comparison of two hex digests."""
    return hmac.compare_digest(presented.encode("ascii"), stored.encode("ascii"))


def split_access_token(token: str) -> tuple[str, str] | None:
    """(prefix, secret) of a well-formed access token, else None."""
    prefix, sep, secret = token.partition(".")
    if not sep or len(prefix) != TOKEN_PREFIX_LENGTH or not secret or len(token) > 200:
        return None
    return prefix, secret


def _new_access_token() -> tuple[str, str]:
    prefix = secrets.token_urlsafe(_PREFIX_BYTES)
    return prefix, f"{prefix}.{secrets.token_urlsafe(_SECRET_BYTES)}"


def _new_refresh_token() -> str:
    return secrets.token_urlsafe(_SECRET_BYTES)


def session_idle_timeout() -> datetime.timedelta:
    """`Platform.SessionTimeoutMinutes` as a timedelta (at least one minute)."""
    minutes = setting_int("Platform.SessionTimeoutMinutes", DEFAULT_IDLE_TIMEOUT_MINUTES)
    return max(MIN_IDLE_TIMEOUT, datetime.timedelta(minutes=minutes))


def session_absolute_lifetime() -> datetime.timedelta:
    """`Security.SessionAbsoluteLifetimeHours`: how long one sign-in lasts at most."""
    hours = setting_int("Security.SessionAbsoluteLifetimeHours", DEFAULT_ABSOLUTE_LIFETIME_HOURS)
    return datetime.timedelta(hours=max(1, hours))


def session_idle_deadline(
    session: UserSession, *, idle_timeout: datetime.timedelta | None = None
) -> datetime.datetime:
    """When the access token of `session` stops working unless it is used before then."""
    idle_timeout = idle_timeout or session_idle_timeout()
    return min(session.last_activity_at + idle_timeout, session.expires_at)


def _truncate(value: str | None, length: int) -> str | None:
    return value[:length] if value else None


def _announce_ended(user_id: str, session_ids) -> None:
    """After commit, tell the user's sockets which sessions ended: a socket opened with
    one of them closes (its next request would be refused anyway)."""
    ids = sorted(str(session_id) for session_id in session_ids)
    if ids:
        publish_to_users([user_id], SESSION_REVOKED_EVENT, {"session_ids": ids})


def _issue(
    *,
    user: User,
    expires_at: datetime.datetime,
    now: datetime.datetime,
    ip_address: str | None,
    user_agent: str | None,
) -> IssuedTokens:
    prefix, access_token = _new_access_token()
    refresh_token = _new_refresh_token()
    session = UserSession(
        user=user,
        session_token=token_digest(access_token),
        refresh_token=token_digest(refresh_token),
        token_prefix=prefix,
        created_at=now,
        last_activity_at=now,
        expires_at=expires_at,
        ip_address=ip_address or None,
        user_agent=_truncate(user_agent, 500),
    )
    session.full_clean(validate_unique=False, validate_constraints=False)
    session.save(force_insert=True)
    return IssuedTokens(
        session=session,
        access_token=access_token,
        refresh_token=refresh_token,
        expires_at=session_idle_deadline(session),
        refresh_expires_at=expires_at,
    )


@transaction.atomic
def user_session_create(
    *, user: User, ip_address: str | None = None, user_agent: str | None = None
) -> IssuedTokens:
    """Open a new session for `user` after a successful sign-in.

    Every sign-in gets a fresh row and fresh tokens, so a token from before the sign-in is
    never promoted (session fixation). The caller has checked the credentials.
    """
    now = timezone.now()
    return _issue(
        user=user,
        expires_at=now + session_absolute_lifetime(),
        now=now,
        ip_address=ip_address,
        user_agent=user_agent,
    )


def _revoke_descendants(session: UserSession, *, now: datetime.datetime) -> int:
    """End every still-active session that descends from `session` by rotation."""
    ids = []
    next_id = session.replaced_by_session_id
    seen = {session.pk}
    while next_id is not None and next_id not in seen and len(ids) < _MAX_CHAIN_LENGTH:
        ids.append(next_id)
        seen.add(next_id)
        next_id = (
            UserSession.objects.filter(pk=next_id)
            .values_list("replaced_by_session_id", flat=True)
            .first()
        )
    if not ids:
        return 0
    revoked = UserSession.objects.filter(pk__in=ids, is_active=True).update(
        is_active=False, ended_at=now, end_reason=SessionEndReason.REVOKED
    )
    _announce_ended(session.user_id, ids)
    return revoked


def _rotate(
    *, refresh_token: str, ip_address: str | None, user_agent: str | None
) -> IssuedTokens | str:
    """The transactional part of `user_session_rotate`: tokens, or a `RefreshOutcome`."""
    digest = token_digest(refresh_token)
    now = timezone.now()
    # The compare-and-set: only one concurrent caller can flip IsActive from 1 to 0.
    won = UserSession.objects.filter(
        refresh_token=digest, is_active=True, expires_at__gt=now
    ).update(is_active=False, ended_at=now, end_reason=SessionEndReason.REPLACED)
    if won:
        old = UserSession.objects.select_related("user").get(refresh_token=digest)
        if not old.user.is_active:
            UserSession.objects.filter(pk=old.pk).update(end_reason=SessionEndReason.REVOKED)
            return RefreshOutcome.USER_INACTIVE
        issued = _issue(
            user=old.user,
            expires_at=old.expires_at,
            now=now,
            ip_address=ip_address or old.ip_address,
            user_agent=user_agent or old.user_agent,
        )
        UserSession.objects.filter(pk=old.pk).update(replaced_by_session=issued.session)
        return issued

    old = UserSession.objects.select_related("user").filter(refresh_token=digest).first()
    if old is None:
        return RefreshOutcome.UNKNOWN
    if old.is_active:
        # Active but past ExpiresAt: the sign-in has reached its absolute lifetime.
        UserSession.objects.filter(pk=old.pk, is_active=True).update(
            is_active=False, ended_at=now, end_reason=SessionEndReason.EXPIRED
        )
        return RefreshOutcome.EXPIRED
    if old.end_reason != SessionEndReason.REPLACED:
        return RefreshOutcome.ENDED
    revoked = _revoke_descendants(old, now=now)
    audit_log_record(
        actor=old.user,
        action=AuditAction.SESSION_REVOKED,
        target=old,
        new={"reason": "refresh_token_reuse", "sessions_revoked": revoked},
        severity=Severity.WARNING,
    )
    return RefreshOutcome.REUSED


def user_session_rotate(
    *, refresh_token: str, ip_address: str | None = None, user_agent: str | None = None
) -> IssuedTokens:
    """Exchange a refresh token for a new session; the old one ends as `Replaced`.

    Raises `RefreshRefused` when the token is unknown, expired, ended, or was already
    consumed; in the last case the whole chain of sessions rotated from it has been
    revoked (and that revocation is committed) before the exception is raised.
    """
    with transaction.atomic():
        result = _rotate(refresh_token=refresh_token, ip_address=ip_address, user_agent=user_agent)
    if isinstance(result, str):
        raise RefreshRefused(result)
    return result


# Columns every authenticated request would load for nothing: the refresh digest and the
# device details of the session, the ASP.NET Identity stamps of the user. Nothing reads
# them from `request.auth` / `request.user` (a save() of a deferred row writes only the
# loaded columns).
_NOT_NEEDED_PER_REQUEST = (
    "refresh_token",
    "ip_address",
    "user_agent",
    "device_info",
    "location",
    "user__security_stamp",
    "user__concurrency_stamp",
)


def _slots(meta, fields) -> list[int]:
    positions = {f.attname: n for n, f in enumerate(meta.concrete_fields)}
    return [positions[f.attname] for f in fields]


def _instance(model, alias: str, slots: list[int], values: list):
    row = [DEFERRED] * len(model._meta.concrete_fields)
    for slot, value in zip(slots, values, strict=True):
        row[slot] = value
    return model.from_db(alias, None, row)  # a full row: from_db() reads no names


class _AccessTokenLookup:
    """The session-by-prefix query, compiled once per process and database alias.

    Every authenticated request runs it, and compiling the ORM query (a join, deferred
    columns) cost more than running it. The SQL, the column lists and the converters
    (Django's, per backend and field) are built once from the models; each request
    only executes and builds the two instances, exactly as the ORM would have
    (deferred columns load on access).
    """

    def __init__(self, alias: str):
        connection = connections[alias]
        quote = connection.ops.quote_name
        session_meta, user_meta = UserSession._meta, User._meta
        not_needed_session = {n for n in _NOT_NEEDED_PER_REQUEST if "__" not in n}
        not_needed_user = {n[6:] for n in _NOT_NEEDED_PER_REQUEST if n.startswith("user__")}
        self.session_fields = [
            f for f in session_meta.concrete_fields if f.name not in not_needed_session
        ]
        self.user_fields = [f for f in user_meta.concrete_fields if f.name not in not_needed_user]
        session_table, user_table = quote(session_meta.db_table), quote(user_meta.db_table)
        columns = [f"{session_table}.{quote(f.column)}" for f in self.session_fields] + [
            f"{user_table}.{quote(f.column)}" for f in self.user_fields
        ]
        user_fk = session_meta.get_field("user")
        prefix = session_meta.get_field("token_prefix")
        active = session_meta.get_field("is_active")
        # Names from the models, quoted by the backend; the values are parameters.
        select = ", ".join(columns)
        join = (
            f"{user_table}.{quote(user_meta.pk.column)} = {session_table}.{quote(user_fk.column)}"
        )
        where = (
            f"{session_table}.{quote(prefix.column)} = %s "
            f"AND {session_table}.{quote(active.column)} = %s"
        )
        self.sql = (
            f"SELECT {select} FROM {session_table} INNER JOIN {user_table} ON {join} WHERE {where}"  # noqa: S608, E501
        )
        self.active_param = active.get_db_prep_value(True, connection)
        self.alias = alias
        self.split = len(self.session_fields)
        # Where each read column goes in the model's full row, the rest DEFERRED: the
        # instances are built as from_db() builds a full row, without its matching of
        # names (a scan of the read names per field).
        self.session_slots = _slots(session_meta, self.session_fields)
        self.user_slots = _slots(user_meta, self.user_fields)
        self.converters = []
        for position, field in enumerate([*self.session_fields, *self.user_fields]):
            column = field.get_col(field.model._meta.db_table)
            funcs = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if funcs:
                self.converters.append((position, column, funcs))

    def run(self, prefix: str) -> list[UserSession]:
        connection = connections[self.alias]
        with statement_cursor(self.alias) as cursor:
            cursor.execute(self.sql, [prefix, self.active_param])
            rows = cursor.fetchall()
        sessions = []
        for row in rows:
            values = list(row)
            for position, column, funcs in self.converters:
                value = values[position]
                for func in funcs:
                    value = func(value, column, connection)
                values[position] = value
            session = _instance(UserSession, self.alias, self.session_slots, values[: self.split])
            user = _instance(User, self.alias, self.user_slots, values[self.split :])
            UserSession.user.field.set_cached_value(session, user)
            sessions.append(session)
        return sessions


_lookups: dict[str, _AccessTokenLookup] = {}


def _access_token_lookup() -> _AccessTokenLookup:
    alias = router.db_for_read(UserSession)
    lookup = _lookups.get(alias)
    if lookup is None:
        lookup = _lookups[alias] = _AccessTokenLookup(alias)
    return lookup


def user_session_get_by_access_token(*, token: str) -> UserSession | None:
    """The active session whose access token is `token` (user loaded), else None.

    Looks the row up by the non-secret prefix and compares digests in constant time.
    Expiry is not checked here; see `user_session_check_expiry`.
    """
    parts = split_access_token(token)
    if parts is None:
        return None
    presented = token_digest(token)
    match = None
    for session in _access_token_lookup().run(parts[0]):
        # Compare with every candidate, so the time taken does not depend on which matched.
        if digests_match(presented, session.session_token):
            match = session
    return match


def user_session_check_expiry(
    *, session: UserSession, now: datetime.datetime | None = None
) -> bool:
    """True while `session` may be used; otherwise ends it as `Expired` and returns False.

    The access token expires after the idle timeout or at the absolute lifetime,
    whichever comes first.
    """
    now = now or timezone.now()
    # The idle timeout is at least MIN_IDLE_TIMEOUT, so a session used less than that
    # ago is within it whatever the setting says: most requests skip reading it.
    if now < session.expires_at and now - session.last_activity_at < MIN_IDLE_TIMEOUT:
        return True
    if now < session_idle_deadline(session):
        return True
    # The refresh token still works until ExpiresAt, so only the absolute lifetime ends
    # the row; an idle access token is refused but its session stays refreshable.
    if now >= session.expires_at:
        UserSession.objects.filter(pk=session.pk, is_active=True).update(
            is_active=False, ended_at=now, end_reason=SessionEndReason.EXPIRED
        )
    return False


def user_session_touch(*, session: UserSession, now: datetime.datetime | None = None) -> bool:
    """Slide the idle deadline of `session`: write `LastActivityAt` at most once a minute.

    The UPDATE is conditional on the stored value being older than a minute, so a burst
    of concurrent requests writes it once. Returns True when it wrote.
    """
    now = now or timezone.now()
    if now - session.last_activity_at < ACTIVITY_WRITE_INTERVAL:
        return False
    written = UserSession.objects.filter(
        pk=session.pk, is_active=True, last_activity_at__lt=now - ACTIVITY_WRITE_INTERVAL
    ).update(last_activity_at=now)
    if written:
        session.last_activity_at = now
    return bool(written)


def user_session_authenticate(
    *, token: str, now: datetime.datetime | None = None
) -> UserSession | None:
    """The live session of an access token (user loaded), its idle deadline slid; else None.

    What every bearer-authenticated request and WebSocket handshake runs: the session is
    active, its user may sign in, it has not expired (an expired row is ended here).
    """
    session = user_session_get_by_access_token(token=token)
    if session is None or not session.user.is_active:
        return None
    now = now or timezone.now()
    if not user_session_check_expiry(session=session, now=now):
        return None
    user_session_touch(session=session, now=now)
    return session


def user_session_recheck(*, session_id, now: datetime.datetime | None = None) -> bool:
    """Whether the session `session_id` is still live, for a long-lived socket opened with
    it; a live session's idle deadline slides as for a request (socket use is activity)."""
    session = (
        UserSession.objects.select_related("user")
        .only("id", "last_activity_at", "expires_at", "user__id", "user__is_active")
        .filter(pk=session_id, is_active=True)
        .first()
    )
    if session is None or not session.user.is_active:
        return False
    now = now or timezone.now()
    if not user_session_check_expiry(session=session, now=now):
        return False
    user_session_touch(session=session, now=now)
    return True


@transaction.atomic
def user_session_end(
    *,
    actor: User,
    session: UserSession,
    reason: str = SessionEndReason.LOGOUT,
    note: str | None = None,
    severity: str = Severity.INFO,
) -> bool:
    """End one session (logout, the owner revoking a device, staff revoking it). Returns
    False if it had already ended. The caller has checked that `actor` may end it.

    The audit row carries the session's state before (active, not ended) and after;
    `note` is the free-text reason staff give, kept in the row.
    """
    now = timezone.now()
    ended = UserSession.objects.filter(pk=session.pk, is_active=True).update(
        is_active=False, ended_at=now, end_reason=reason
    )
    if ended:
        _announce_ended(session.user_id, [session.pk])
        action = AuditAction.LOGOUT if reason == SessionEndReason.LOGOUT else None
        new = {
            "reason": reason,
            "user_id": session.user_id,
            "is_active": False,
            "ended_at": now,
            "end_reason": reason,
        }
        if note:
            new["note"] = note
        audit_log_record(
            actor=actor,
            action=action or AuditAction.SESSION_REVOKED,
            target=session,
            # The UPDATE matched only an active row, so this is what it was.
            old={"is_active": True, "ended_at": None, "end_reason": None},
            new=new,
            severity=severity,
        )
    return bool(ended)


@transaction.atomic
def user_sessions_revoke(
    *,
    user: User,
    reason: str = SessionEndReason.REVOKED,
    except_session: UserSession | None = None,
) -> int:
    """End every active session of `user` (but `except_session`); returns how many ended.

    One UPDATE, so a request authenticated with any of these sessions fails from the next
    request on (revocation on suspension, password change, logout-all, role removal);
    their open sockets are closed after commit.
    """
    sessions = UserSession.objects.filter(user=user, is_active=True)
    if except_session is not None:
        sessions = sessions.exclude(pk=except_session.pk)
    ids = list(sessions.select_for_update().values_list("pk", flat=True))
    if not ids:
        return 0
    ended = UserSession.objects.filter(pk__in=ids, is_active=True).update(
        is_active=False, ended_at=timezone.now(), end_reason=reason
    )
    _announce_ended(user.pk, ids)
    return ended


# --- Reads ------------------------------------------------------------------------------


def user_session_list(*, actor: User) -> QuerySet[UserSession]:
    """The caller's own active sessions, most recently used first."""
    return (
        UserSession.objects.visible_to(actor)
        .filter(is_active=True)
        .order_by("-last_activity_at", "id")
    )


def user_session_get(*, actor: User, session_id) -> UserSession:
    """One of the caller's own active sessions; anything else is a 404, so another
    user's session ids cannot be probed."""
    session = user_session_list(actor=actor).filter(pk=session_id).first()
    if session is None:
        raise NotFoundError("session_not_found", "No such session.")
    return session
