"""Accounts: sign-up, profile edits, the account-status life cycle and user selectors."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.choices import SYSTEM_USER_EMAIL, SYSTEM_USER_ID
from accounts.errors import AccountsErrorCode
from accounts.models import Permission, User, UserRole, UserSession, UserSettings
from accounts.selectors import user_get, user_list
from accounts.services import (
    user_create,
    user_deactivate,
    user_lock,
    user_password_set,
    user_reactivate,
    user_session_staff_revoke,
    user_sessions_staff_revoke,
    user_suspend,
    user_unlock,
    user_update_profile,
)
from audit.models import AuditLog
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from tests.accounts.factories import (
    KycDocumentFactory,
    KycVerificationFactory,
    LoginAttemptFactory,
    PermissionFactory,
    RoleFactory,
    RolePermissionFactory,
    UserFactory,
    UserRoleFactory,
    UserSessionFactory,
    UserSettingsFactory,
    system_rbac,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Wag-the-tail-2025!"


@pytest.fixture
def roles():
    return system_rbac()


@pytest.fixture
def admin(roles):
    member = UserFactory(email="admin@example.com")
    UserRoleFactory(user=member, role=roles["Admin"])
    return member


@pytest.fixture
def owner(roles):
    member = UserFactory()
    UserRoleFactory(user=member, role=roles["PetOwner"])
    return member


# --- user_create ----------------------------------------------------------------------


def test_self_sign_up_creates_account_settings_and_role(roles):
    user = user_create(
        email="  Rex.Owner@Example.COM ",
        password=PASSWORD,
        first_name="Rex",
        last_name="Owner",
        time_zone="Europe/London",
    )

    user.refresh_from_db()
    assert user.email == "rex.owner@example.com"
    assert user.normalized_email == "REX.OWNER@EXAMPLE.COM"
    assert user.check_password(PASSWORD) is True
    assert (user.account_status, user.is_active, user.email_confirmed) == ("Active", True, False)
    assert user.time_zone == "Europe/London"
    assert UserSettings.objects.filter(user=user).count() == 1
    user_role = UserRole.objects.get(user=user)
    assert user_role.role_id == roles["PetOwner"].pk
    assert user_role.assigned_by_id == user.pk  # D6: self sign-up assigns itself
    assert User.objects.get(pk=user.pk).has_perm("services.book") is True
    created, assigned = AuditLog.objects.order_by("timestamp")
    assert (created.action, created.user_id, created.entity_id) == ("Create", user.pk, user.pk)
    assert created.new_values["email"] == "rex.owner@example.com"
    assert "password" not in created.new_values
    assert (assigned.action, assigned.user_id) == ("RoleAssigned", user.pk)


def test_manager_creates_account_with_a_lower_role(roles, admin):
    user = user_create(
        email="walker@example.com",
        password=None,
        role_name="ServiceProvider",
        actor=admin,
        account_status="Pending",
    )

    assert user.has_usable_password() is False
    assert (user.account_status, user.is_active) == ("Pending", True)
    assert UserRole.objects.get(user=user).assigned_by_id == admin.pk
    assert AuditLog.objects.get(action="Create").user_id == admin.pk


@pytest.mark.parametrize(
    ("_case", "kwargs", "code", "field"),
    [
        ("duplicate email", {"email": "TAKEN@example.com"}, "email_taken", "email"),
        ("bad email", {"email": "not-an-email"}, "invalid", "email"),
        ("weak password", {"password": "12345678"}, "password_invalid", "password"),
        ("unknown role", {"role_name": "Wizard"}, "role_not_found", "role_name"),
        ("admin on sign-up", {"role_name": "Admin"}, "role_not_self_assignable", "role_name"),
        ("bad time zone", {"time_zone": "Mars/Olympus"}, "invalid", "time_zone"),
        ("bad status", {"account_status": "Frozen"}, "invalid", "account_status"),
    ],
)
def test_user_create_refusals_write_nothing(roles, _case, kwargs, code, field):
    UserFactory(email="taken@example.com")
    users = User.objects.count()
    arguments = {"email": "new@example.com", "password": PASSWORD, **kwargs}

    with pytest.raises(ApplicationError) as exc:
        user_create(**arguments)

    assert exc.value.code == code
    assert list(exc.value.fields) == [field]
    assert User.objects.count() == users
    assert not UserSettings.objects.filter(user__email="new@example.com").exists()
    assert not AuditLog.objects.exists()


def test_user_create_by_non_manager_is_refused(roles, owner):
    with pytest.raises(PermissionDeniedError):
        user_create(email="new@example.com", password=PASSWORD, actor=owner)

    assert not User.objects.filter(email="new@example.com").exists()


def test_user_create_rejects_unknown_profile_fields(roles):
    with pytest.raises(TypeError):
        user_create(email="new@example.com", password=PASSWORD, is_superuser=True)


# --- user_update_profile --------------------------------------------------------------


def test_user_updates_own_profile_and_only_changes_are_audited(owner):
    user = user_update_profile(
        actor=owner,
        user=owner,
        first_name=owner.first_name,
        time_zone="America/New_York",
        preferred_language="en-US",
        date_of_birth=datetime.date(1990, 5, 17),
    )

    fresh = User.objects.get(pk=owner.pk)
    assert fresh.time_zone == "America/New_York"
    assert fresh.preferred_language == "en-US"
    assert fresh.date_of_birth == datetime.date(1990, 5, 17)
    assert user is owner
    log = AuditLog.objects.get(action="Update")
    assert log.old_values == {
        "time_zone": "UTC",
        "preferred_language": "en",
        "date_of_birth": None,
    }
    assert log.new_values == {
        "time_zone": "America/New_York",
        "preferred_language": "en-US",
        "date_of_birth": "1990-05-17",
    }


@pytest.mark.parametrize(
    ("_case", "fields", "field"),
    [
        ("bad time zone", {"time_zone": "Europe/Atlantis"}, "time_zone"),
        ("future birthday", {"date_of_birth": datetime.date(2999, 1, 1)}, "date_of_birth"),
        ("bad language", {"preferred_language": "english please"}, "preferred_language"),
        ("sms unconfirmed", {"is_sms_notifications_enabled": True}, "is_sms_notifications_enabled"),
        ("bad gender", {"gender": "Robot"}, "gender"),
        ("bad url", {"profile_image_url": "not a url"}, "profile_image_url"),
    ],
)
def test_profile_update_refusals_write_nothing(owner, _case, fields, field):
    before = User.objects.get(pk=owner.pk)

    with pytest.raises(ApplicationError) as exc:
        user_update_profile(actor=owner, user=owner, **fields)

    assert list(exc.value.fields) == [field]
    after = User.objects.get(pk=owner.pk)
    for name in fields:
        assert getattr(after, name) == getattr(before, name)
        assert getattr(owner, name) == getattr(before, name)
    assert not AuditLog.objects.exists()


def test_profile_of_another_user_needs_users_manage(owner, admin):
    other = UserFactory(first_name="Old")

    with pytest.raises(PermissionDeniedError):
        user_update_profile(actor=owner, user=other, first_name="Hacked")
    user_update_profile(actor=admin, user=other, first_name="New")

    assert User.objects.get(pk=other.pk).first_name == "New"
    assert AuditLog.objects.get().user_id == admin.pk


# --- Account status -------------------------------------------------------------------


def test_suspend_deactivates_and_revokes_every_session(admin, owner):
    sessions = [UserSessionFactory(user=owner), UserSessionFactory(user=owner)]
    other_session = UserSessionFactory(user=admin)

    user = user_suspend(actor=admin, user=owner, reason="Chargeback fraud")

    assert (user.account_status, user.is_active) == ("Suspended", False)
    fresh = User.objects.get(pk=owner.pk)
    assert (fresh.account_status, fresh.is_active) == ("Suspended", False)
    for session in sessions:
        session.refresh_from_db()
        assert (session.is_active, session.end_reason) == (False, "Revoked")
    assert UserSession.objects.get(pk=other_session.pk).is_active is True
    log = AuditLog.objects.get(action="AccountSuspended")
    assert (log.severity, log.user_id, log.entity_id) == ("Warning", admin.pk, owner.pk)
    assert log.old_values == {"account_status": "Active", "is_active": True}
    assert log.new_values == {
        "account_status": "Suspended",
        "is_active": False,
        "sessions_revoked": 2,
        "reason": "Chargeback fraud",
    }


def _system_user() -> User:
    return UserFactory(id=SYSTEM_USER_ID, email=SYSTEM_USER_EMAIL)


@pytest.mark.parametrize(
    ("_case", "actor_key", "target_key", "error", "code"),
    [
        ("no permission", "owner", "victim", PermissionDeniedError, "permission_denied"),
        ("self", "admin", "admin", PermissionDeniedError, "self_action_forbidden"),
        ("system user", "admin", "system", PermissionDeniedError, "system_user_protected"),
        ("superuser", "admin", "root", PermissionDeniedError, "superuser_protected"),
        ("already suspended", "admin", "suspended", ConflictError, "account_invalid_transition"),
    ],
)
def test_suspend_refusals_write_nothing(admin, owner, _case, actor_key, target_key, error, code):
    people = {
        "admin": admin,
        "owner": owner,
        "victim": UserFactory(),
        "system": _system_user(),
        "root": UserFactory(is_superuser=True, is_staff=True),
        "suspended": UserFactory(account_status="Suspended"),
    }
    target = people[target_key]
    session = UserSessionFactory(user=target)
    status = target.account_status

    with pytest.raises(error) as exc:
        user_suspend(actor=people[actor_key], user=target, reason="Because")

    assert exc.value.code == code
    assert User.objects.get(pk=target.pk).account_status == status
    assert UserSession.objects.get(pk=session.pk).is_active is True
    assert not AuditLog.objects.exists()


def test_suspend_needs_a_reason(admin, owner):
    with pytest.raises(ApplicationError) as exc:
        user_suspend(actor=admin, user=owner, reason="  ")

    assert list(exc.value.fields) == ["reason"]
    assert User.objects.get(pk=owner.pk).account_status == "Active"


def test_superuser_may_suspend_a_superuser():
    root = UserFactory(is_superuser=True, is_staff=True)
    other_root = UserFactory(is_superuser=True, is_staff=True)

    user_suspend(actor=root, user=other_root, reason="Offboarded")

    assert User.objects.get(pk=other_root.pk).is_active is False


@pytest.mark.parametrize("status", ["Suspended", "Deactivated"])
def test_reactivate_restores_an_active_account(admin, status):
    member = UserFactory(account_status=status)
    assert member.is_active is False

    user_reactivate(actor=admin, user=member)

    fresh = User.objects.get(pk=member.pk)
    assert (fresh.account_status, fresh.is_active) == ("Active", True)
    log = AuditLog.objects.get(action="AccountReactivated")
    assert log.old_values == {"account_status": status, "is_active": False}


def test_reactivate_of_an_active_account_conflicts(admin, owner):
    with pytest.raises(ConflictError) as exc:
        user_reactivate(actor=admin, user=owner)

    assert exc.value.code == AccountsErrorCode.ACCOUNT_INVALID_TRANSITION.value
    assert exc.value.status_code == 409
    assert not AuditLog.objects.exists()


def test_user_deactivates_own_account(owner):
    session = UserSessionFactory(user=owner)

    user_deactivate(actor=owner, user=owner)

    fresh = User.objects.get(pk=owner.pk)
    assert (fresh.account_status, fresh.is_active) == ("Deactivated", False)
    assert UserSession.objects.get(pk=session.pk).is_active is False
    assert UserRole.objects.filter(user=owner).count() == 1  # kept for the record (D14)
    log = AuditLog.objects.get(action="Delete")
    assert (log.user_id, log.severity) == (owner.pk, "Warning")


def test_deactivate_refusals(admin, owner):
    other = UserFactory()
    gone = UserFactory(account_status="Deactivated")

    with pytest.raises(PermissionDeniedError):
        user_deactivate(actor=owner, user=other)
    with pytest.raises(ConflictError):
        user_deactivate(actor=admin, user=gone)

    assert User.objects.get(pk=other.pk).account_status == "Active"
    assert not AuditLog.objects.exists()


def test_lock_and_unlock(admin, owner):
    until = timezone.now() + datetime.timedelta(hours=2)
    User.objects.filter(pk=owner.pk).update(access_failed_count=4, lockout_enabled=False)

    user_lock(actor=admin, user=owner, until=until)

    locked = User.objects.get(pk=owner.pk)
    assert locked.lockout_end == until
    assert locked.is_locked_out() is True

    user_unlock(actor=admin, user=owner)

    unlocked = User.objects.get(pk=owner.pk)
    assert (unlocked.lockout_end, unlocked.access_failed_count) == (None, 0)
    assert unlocked.is_locked_out() is False
    lock_log, unlock_log = AuditLog.objects.order_by("timestamp")
    assert (lock_log.action, lock_log.severity) == ("AccountLocked", "Warning")
    assert lock_log.old_values == {"lockout_end": None, "lockout_enabled": False}
    assert unlock_log.action == "AccountUnlocked"
    assert unlock_log.old_values == {"lockout_end": until.isoformat(), "access_failed_count": 4}
    assert unlock_log.new_values == {"lockout_end": None, "access_failed_count": 0}


@pytest.mark.parametrize(
    ("_case", "until", "field"),
    [
        ("past", timezone.now() - datetime.timedelta(minutes=1), "until"),
        ("naive", datetime.datetime(2999, 1, 1), "until"),  # noqa: DTZ001 - the case under test
    ],
)
def test_lock_refuses_bad_times(admin, owner, _case, until, field):
    with pytest.raises(ApplicationError) as exc:
        user_lock(actor=admin, user=owner, until=until)

    assert list(exc.value.fields) == [field]
    assert User.objects.get(pk=owner.pk).lockout_end is None
    assert not AuditLog.objects.exists()


def test_lock_needs_users_manage(owner):
    victim = UserFactory()

    with pytest.raises(PermissionDeniedError):
        user_lock(actor=owner, user=victim, until=timezone.now() + datetime.timedelta(hours=1))
    with pytest.raises(PermissionDeniedError):
        user_unlock(actor=owner, user=victim)

    assert User.objects.get(pk=victim.pk).lockout_end is None
    assert not AuditLog.objects.exists()


# --- Selectors ------------------------------------------------------------------------


def _make_users(n: int, roles) -> None:
    for _ in range(n):
        member = UserFactory()
        UserRoleFactory(user=member, role=roles["PetOwner"])
        UserRoleFactory(user=member, role=roles["User"])


@pytest.mark.parametrize("n", [3, 6])
def test_user_list_queries_do_not_grow_with_rows(roles, admin, n, django_assert_num_queries):
    _make_users(n, roles)
    actor = User.objects.get(pk=admin.pk)
    actor.has_perm("users.manage")  # permissions are read once per request

    with django_assert_num_queries(2):
        rows = [
            (u.email, [ur.role.name for ur in u.effective_user_roles])
            for u in user_list(actor=actor)
        ]

    assert len(rows) == n + 1
    assert rows[0] == ("admin@example.com", ["Admin"])
    assert all(roles_ == ["PetOwner", "User"] for _, roles_ in rows[1:])


def test_user_list_filters(roles, admin):
    walker = UserFactory(email="walker@example.com", first_name="Wally")
    UserRoleFactory(user=walker, role=roles["ServiceProvider"])
    UserFactory(email="gone@example.com", account_status="Deactivated")

    by_role = [u.email for u in user_list(actor=admin, filters={"role": "serviceprovider"})]
    by_search = [u.email for u in user_list(actor=admin, filters={"search": "wAll"})]
    by_status = [u.email for u in user_list(actor=admin, filters={"account_status": "Deactivated"})]

    assert by_role == ["walker@example.com"]
    assert by_search == ["walker@example.com"]
    assert by_status == ["gone@example.com"]
    with pytest.raises(ApplicationError):
        user_list(actor=admin, filters={"ordering": "password"})


def test_user_list_is_for_managers_only(owner):
    # users.view comes with every seed role, so it does not open the user directory.
    assert owner.has_perm("users.view") is True

    with pytest.raises(PermissionDeniedError):
        user_list(actor=owner)


def test_user_get_scoping(roles, admin, owner):
    other = UserFactory()

    assert user_get(actor=owner, user_id=owner.pk).pk == owner.pk
    assert user_get(actor=admin, user_id=other.pk).pk == other.pk
    with pytest.raises(NotFoundError):
        user_get(actor=owner, user_id=other.pk)
    with pytest.raises(NotFoundError):
        user_get(actor=admin, user_id="no-such-id")


def test_user_get_with_a_custom_manager_role(roles):
    role = RoleFactory(name="Support", level=5)
    RolePermissionFactory(role=role, permission=Permission.objects.get(name="users.manage"))
    support = UserFactory()
    UserRoleFactory(user=support, role=role)
    other = UserFactory()

    assert user_get(actor=support, user_id=other.pk) == other


# --- Factories ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "make"),
    [
        ("session", lambda: UserSessionFactory()),
        (
            "failed attempt",
            lambda: LoginAttemptFactory(success=False, failure_reason="RateLimited"),
        ),
        ("successful attempt", lambda: LoginAttemptFactory()),
        ("settings", lambda: UserSettingsFactory()),
        ("permission", lambda: PermissionFactory()),
        ("kyc document", lambda: KycDocumentFactory()),
        ("kyc case", lambda: KycVerificationFactory()),
    ],
)
def test_factories_build_valid_rows(_case, make):
    instance = make()

    instance.full_clean()
    assert type(instance).objects.filter(pk=instance.pk).count() == 1


# --- Staff: passwords and sessions -------------------------------------------------------


def test_staff_password_set_ends_every_session_and_is_audited(admin, owner):
    # Given a user signed in on two devices
    UserSessionFactory(user=owner)
    UserSessionFactory(user=owner)

    # When a manager sets a new password
    ended = user_password_set(actor=admin, user=owner, password="a-new-long-passphrase-9")

    # Then it works, every session ended, and the audit row names no secret
    fresh = User.objects.get(pk=owner.pk)
    assert fresh.check_password("a-new-long-passphrase-9")
    assert ended == 2
    assert not UserSession.objects.filter(user=owner, is_active=True).exists()
    log = AuditLog.objects.get(action="PasswordChanged")
    assert (log.user_id, log.entity_id) == (admin.pk, owner.pk)
    assert log.new_values == {"via": "admin", "usable": True, "sessions_ended": 2}


def test_staff_password_set_none_makes_the_password_unusable(admin, owner):
    user_password_set(actor=admin, user=owner, password=None)

    assert User.objects.get(pk=owner.pk).has_usable_password() is False


def test_password_set_by_a_non_manager_changes_nothing(owner):
    # Given another user and their session
    victim = UserFactory()
    session = UserSessionFactory(user=victim)
    before = User.objects.get(pk=victim.pk).password

    # When a pet owner tries to set their password
    with pytest.raises(PermissionDeniedError):
        user_password_set(actor=owner, user=victim, password="a-new-long-passphrase-9")

    # Then nothing changed
    assert User.objects.get(pk=victim.pk).password == before
    assert UserSession.objects.get(pk=session.pk).is_active is True
    assert not AuditLog.objects.filter(action="PasswordChanged").exists()


def test_staff_session_revoke_ends_all_sessions_and_is_audited(admin, owner):
    first = UserSessionFactory(user=owner, created_at=timezone.now() - datetime.timedelta(hours=1))
    second = UserSessionFactory(user=owner)
    kept = UserSessionFactory(user=admin)

    ended = user_sessions_staff_revoke(actor=admin, user=owner, reason="Phone stolen")

    assert ended == 2
    assert set(UserSession.objects.filter(user=owner).values_list("end_reason", flat=True)) == {
        "Revoked"
    }
    assert UserSession.objects.get(pk=kept.pk).is_active is True
    log = AuditLog.objects.get(action="SessionRevoked")
    assert (log.severity, log.user_id, log.entity_id) == ("Warning", admin.pk, owner.pk)
    assert log.old_values == {"active_sessions": [first.token_prefix, second.token_prefix]}
    assert log.new_values == {"scope": "all", "sessions_ended": 2, "reason": "Phone stolen"}


def test_staff_session_revoke_needs_a_reason(admin, owner):
    session = UserSessionFactory(user=owner)

    with pytest.raises(ApplicationError) as exc:
        user_sessions_staff_revoke(actor=admin, user=owner, reason="   ")

    assert exc.value.fields == {"reason": ["Give a reason; it is kept in the audit log."]}
    assert UserSession.objects.get(pk=session.pk).is_active is True
    assert not AuditLog.objects.filter(action="SessionRevoked").exists()


def test_staff_revoke_of_one_session_keeps_reason_and_old_values(admin, owner):
    session = UserSessionFactory(user=owner)
    other = UserSessionFactory(user=owner)

    ended = user_session_staff_revoke(actor=admin, session=session, reason="Lost laptop")
    again = user_session_staff_revoke(actor=admin, session=session, reason="Lost laptop")

    assert (ended, again) == (True, False)
    session.refresh_from_db()
    assert (session.is_active, session.end_reason) == (False, "Revoked")
    assert UserSession.objects.get(pk=other.pk).is_active is True
    log = AuditLog.objects.get(action="SessionRevoked")
    assert (log.severity, log.user_id, log.entity_id) == ("Warning", admin.pk, str(session.pk))
    assert log.old_values == {"is_active": True, "ended_at": None, "end_reason": None}
    assert log.new_values == {
        "reason": "Revoked",
        "user_id": owner.pk,
        "is_active": False,
        "ended_at": session.ended_at.isoformat(),
        "end_reason": "Revoked",
        "note": "Lost laptop",
    }


def test_staff_revoke_of_one_session_refuses_a_non_manager_and_a_blank_reason(admin, owner):
    victim = UserFactory()
    session = UserSessionFactory(user=victim)

    with pytest.raises(PermissionDeniedError):
        user_session_staff_revoke(actor=owner, session=session, reason="Because")
    with pytest.raises(ApplicationError) as blank:
        user_session_staff_revoke(actor=admin, session=session, reason="")

    assert list(blank.value.fields) == ["reason"]
    assert UserSession.objects.get(pk=session.pk).is_active is True
    assert not AuditLog.objects.filter(action="SessionRevoked").exists()


def test_staff_session_revoke_by_a_non_manager_changes_nothing(owner):
    victim = UserFactory()
    session = UserSessionFactory(user=victim)

    with pytest.raises(PermissionDeniedError):
        user_sessions_staff_revoke(actor=owner, user=victim, reason="Because")

    assert UserSession.objects.get(pk=session.pk).is_active is True
    assert not AuditLog.objects.filter(action="SessionRevoked").exists()
