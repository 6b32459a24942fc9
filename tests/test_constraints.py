"""Phase 1's CHECK and UNIQUE constraints hold in the database itself, not only in forms.

Each case inserts a row that breaks one named constraint, bypassing model validation,
and expects the database to refuse it. PostgreSQL names the violated constraint in its
error, SQLite only for CHECKs, so the name is asserted where the engine reports it.
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from collections.abc import Callable

import pytest
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from accounts.models import (
    KycDocument,
    KycVerification,
    LoginAttempt,
    Permission,
    Role,
    RolePermission,
    User,
    UserRole,
    UserSession,
    UserSettings,
)
from audit.models import AuditLog
from doggy.models import StoredFile, SystemSetting
from messaging.choices import ConversationType
from messaging.models import Conversation, ConversationParticipant
from tests.accounts.factories import UserFactory

BadInsert = tuple[type[models.Model], Callable[[], object]]


def _session(user: User, **overrides) -> UserSession:
    now = timezone.now()
    values = {
        "user": user,
        "session_token": secrets.token_hex(32),
        "refresh_token": secrets.token_hex(32),
        "created_at": now,
        "last_activity_at": now,
        "expires_at": now + datetime.timedelta(hours=2),
    }
    values.update(overrides)
    return UserSession.objects.create(**values)


def _stored_file(**overrides) -> StoredFile:
    values = {
        "purpose": "KycDocument",
        "storage_key": f"kyc/2025/01/{uuid.uuid4()}",
        "original_file_name": "passport.jpg",
        "content_type": "image/jpeg",
        "size_bytes": 2048,
        "checksum_sha256": "0" * 64,
    }
    values.update(overrides)
    return StoredFile.objects.create(**values)


def _setting(**overrides) -> SystemSetting:
    values = {
        "setting_key": "Test.Constraint",
        "setting_value": "1",
        "data_type": "Integer",
        "category": "Test",
    }
    values.update(overrides)
    return SystemSetting.objects.create(**values)


def _kyc_document(verification: KycVerification, **overrides) -> KycDocument:
    values = {
        "verification": verification,
        "document_type": "Passport",
        "side": "Single",
        "file": _stored_file(),
    }
    values.update(overrides)
    return KycDocument.objects.create(**values)


# --- One builder per constraint: set up valid rows, return the model and the bad insert --
def ck_users_account_status() -> BadInsert:
    return User, lambda: UserFactory(account_status="Banned")


def user_name_index() -> BadInsert:
    UserFactory(user_name="rex")
    return User, lambda: UserFactory(user_name="REX")


def role_name_index() -> BadInsert:
    Role.objects.create(name="Walker")
    return Role, lambda: Role.objects.create(name="walker")


def ck_roles_level() -> BadInsert:
    return Role, lambda: Role.objects.create(name="Nobody", level=0)


def ck_roles_max_users() -> BadInsert:
    return Role, lambda: Role.objects.create(name="Nobody", max_users=0)


def ux_user_roles_user_role() -> BadInsert:
    user, role = UserFactory(), Role.objects.create(name="Walker")
    UserRole.objects.create(user=user, role=role, assigned_by=user)
    return UserRole, lambda: UserRole.objects.create(user=user, role=role, assigned_by=user)


def ix_permissions_name() -> BadInsert:
    Permission.objects.create(name="test.duplicate", category="Testing")
    return Permission, lambda: Permission.objects.create(name="test.duplicate", category="Other")


def ux_role_permissions_role_perm() -> BadInsert:
    role = Role.objects.create(name="Walker")
    permission = Permission.objects.create(name="test.walk", category="Testing")
    RolePermission.objects.create(role=role, permission=permission)
    return RolePermission, lambda: RolePermission.objects.create(role=role, permission=permission)


def ix_user_sessions_token() -> BadInsert:
    user = UserFactory()
    first = _session(user)
    return UserSession, lambda: _session(user, session_token=first.session_token)


def ck_user_sessions_expiry() -> BadInsert:
    now = timezone.now()
    return UserSession, lambda: _session(UserFactory(), created_at=now, expires_at=now)


def ck_user_sessions_ended() -> BadInsert:
    return UserSession, lambda: _session(UserFactory(), is_active=False)


def ck_user_sessions_end_reason() -> BadInsert:
    return UserSession, lambda: _session(
        UserFactory(), is_active=False, ended_at=timezone.now(), end_reason="Stolen"
    )


def ck_login_attempts_failure() -> BadInsert:
    return LoginAttempt, lambda: LoginAttempt.objects.create(
        email="rex@example.com", ip_address="203.0.113.7", success=False, failure_reason=None
    )


def ix_system_settings_key() -> BadInsert:
    _setting()
    return SystemSetting, lambda: _setting(setting_value="2")


def ck_system_settings_data_type() -> BadInsert:
    return SystemSetting, lambda: _setting(data_type="Float")


def ck_audit_logs_severity() -> BadInsert:
    return AuditLog, lambda: AuditLog.objects.create(
        action="Update", entity_type="accounts.User", severity="Fatal"
    )


def ux_kyc_user_open() -> BadInsert:
    user = UserFactory()
    KycVerification.objects.create(user=user, status="NotStarted")
    return KycVerification, lambda: KycVerification.objects.create(user=user, status="Pending")


def ck_kyc_reviewed() -> BadInsert:
    return KycVerification, lambda: KycVerification.objects.create(
        user=UserFactory(), status="Approved", reviewed_at=None
    )


def ck_kyc_reject_type() -> BadInsert:
    return KycVerification, lambda: KycVerification.objects.create(
        user=UserFactory(), status="Rejected", reviewed_at=timezone.now(), reject_type=None
    )


def ux_kyc_docs_verif_type_side() -> BadInsert:
    verification = KycVerification.objects.create(user=UserFactory())
    _kyc_document(verification)
    return KycDocument, lambda: _kyc_document(verification, status="Accepted")


def ux_stored_files_storage_key() -> BadInsert:
    first = _stored_file()
    return StoredFile, lambda: _stored_file(storage_key=first.storage_key)


def ck_stored_files_size() -> BadInsert:
    return StoredFile, lambda: _stored_file(size_bytes=-1)


def ck_user_settings_quiet_hours() -> BadInsert:
    return UserSettings, lambda: UserSettings.objects.create(
        user=UserFactory(), quiet_hours_start=datetime.time(22, 0), quiet_hours_end=None
    )


def ux_conv_participants_conv_user() -> BadInsert:
    conversation, user = Conversation.objects.create(type=ConversationType.GROUP), UserFactory()
    ConversationParticipant.objects.create(conversation=conversation, user=user)
    return ConversationParticipant, lambda: ConversationParticipant.objects.create(
        conversation=conversation, user=user
    )


CASES = [
    ("CK_Users_AccountStatus", ck_users_account_status),
    ("UserNameIndex", user_name_index),
    ("RoleNameIndex", role_name_index),
    ("CK_Roles_Level", ck_roles_level),
    ("CK_Roles_MaxUsers", ck_roles_max_users),
    ("UX_UserRoles_User_Role", ux_user_roles_user_role),
    ("IX_Permissions_Name", ix_permissions_name),
    ("UX_RolePermissions_Role_Perm", ux_role_permissions_role_perm),
    ("IX_UserSessions_Token", ix_user_sessions_token),
    ("CK_UserSessions_Expiry", ck_user_sessions_expiry),
    ("CK_UserSessions_Ended", ck_user_sessions_ended),
    ("CK_UserSessions_EndReason", ck_user_sessions_end_reason),
    ("CK_LoginAttempts_Failure", ck_login_attempts_failure),
    ("IX_SystemSettings_Key", ix_system_settings_key),
    ("CK_SystemSettings_DataType", ck_system_settings_data_type),
    ("CK_AuditLogs_Severity", ck_audit_logs_severity),
    ("UX_Kyc_User_Open", ux_kyc_user_open),
    ("CK_Kyc_Reviewed", ck_kyc_reviewed),
    ("CK_Kyc_RejectType", ck_kyc_reject_type),
    ("UX_KycDocs_Verif_Type_Side", ux_kyc_docs_verif_type_side),
    ("UX_StoredFiles_StorageKey", ux_stored_files_storage_key),
    ("CK_StoredFiles_Size", ck_stored_files_size),
    ("CK_UserSettings_QuietHours", ck_user_settings_quiet_hours),
    ("UX_ConvParticipants_Conv_User", ux_conv_participants_conv_user),
]


@pytest.mark.parametrize(("_case", "build"), CASES, ids=[name for name, _ in CASES])
def test_constraint_rejects_bad_row(db, _case, build):
    # given valid rows and an insert that breaks the constraint
    model, bad_insert = build()
    rows_before = model.objects.count()

    # when the bad row is inserted
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        bad_insert()

    # then the database refused it, naming the constraint where the engine does so
    message = str(error.value)
    if connection.vendor == "postgresql" or (
        connection.vendor == "sqlite" and _case.startswith("CK_")
    ):
        assert _case in message
    assert model.objects.count() == rows_before


def test_kyc_user_may_open_a_new_case_once_the_first_is_approved(db):
    # given a user whose first case was approved
    user = UserFactory()
    KycVerification.objects.create(user=user, status="Approved", reviewed_at=timezone.now())

    # when a second case is opened
    KycVerification.objects.create(user=user, status="NotStarted")

    # then both exist (UX_Kyc_User_Open counts open cases only)
    assert KycVerification.objects.filter(user=user).count() == 2


def test_kyc_rejected_document_may_be_uploaded_again(db):
    # given a case whose passport page was rejected
    verification = KycVerification.objects.create(user=UserFactory())
    _kyc_document(verification, status="Rejected", rejection_reason="Blurred")

    # when the same document type and side is uploaded again
    _kyc_document(verification)

    # then both rows exist (UX_KycDocs_Verif_Type_Side skips rejected documents)
    assert list(
        KycDocument.objects.filter(verification=verification)
        .order_by("status")
        .values_list("status", flat=True)
    ) == ["Rejected", "Uploaded"]


# --- Database defaults for rows inserted outside the ORM -------------------------------
def _raw_insert(table: str, values: dict[str, object]) -> None:
    """INSERT the given columns only, as another system would, bypassing the ORM."""
    qn = connection.ops.quote_name
    columns = ", ".join(qn(column) for column in values)
    placeholders = ", ".join(["%s"] * len(values))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn(table)} ({columns}) VALUES ({placeholders})",  # noqa: S608 - quoted names
            list(values.values()),
        )


def test_raw_insert_into_permissions_gets_created_at(db):
    # given a row inserted by another system, without CreatedAt or IsSystemPermission
    before = timezone.now() - datetime.timedelta(seconds=5)
    _raw_insert("Permissions", {"Name": "test.raw", "Category": "Testing"})

    # then the database filled in the plan's defaults
    permission = Permission.objects.get(name="test.raw")
    assert before <= permission.created_at <= timezone.now() + datetime.timedelta(seconds=5)
    assert permission.is_system_permission is False


def test_raw_insert_into_login_attempts_gets_a_generated_id(db):
    # given a row inserted by another system, without Id or AttemptedAt
    _raw_insert(
        "LoginAttempts", {"Email": "raw@example.com", "IPAddress": "203.0.113.9", "Success": True}
    )

    # then the database generated a GUID id (NewGuid) and the timestamp
    attempt = LoginAttempt.objects.get(email="raw@example.com")
    assert isinstance(attempt.id, uuid.UUID)
    assert attempt.id.int != 0
    assert attempt.attempted_at is not None


def test_raw_insert_into_users_gets_the_django_and_plan_defaults(db):
    # given a user inserted by the legacy app, with Identity's columns only
    _raw_insert(
        "Users",
        {
            "Id": "legacy-1",
            "Email": "legacy@example.com",
            "PasswordHash": "AQAAAAEAACcQ",
            "EmailConfirmed": False,
            "PhoneNumberConfirmed": False,
            "TwoFactorEnabled": False,
            "LockoutEnabled": True,
            "AccessFailedCount": 0,
        },
    )

    # then Django's and plan 001's columns got their database defaults
    user = User.objects.get(pk="legacy-1")
    assert (user.is_active, user.is_staff, user.is_superuser) == (True, False, False)
    assert (user.account_status, user.time_zone, user.preferred_language) == (
        "Active",
        "UTC",
        "en",
    )
    assert (user.is_email_notifications_enabled, user.is_sms_notifications_enabled) == (
        True,
        False,
    )
    assert user.date_joined is not None
