"""The accounts admin: users, roles and grants, sessions, sign-in attempts, the KYC queue."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission as DjangoPermission
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.forms import CheckboxInput, MultiWidget
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.choices import (
    AccountStatus,
    KycRejectType,
    KycStatus,
    SessionEndReason,
)
from accounts.models import (
    KycReviewEvent,
    KycVerification,
    LoginAttempt,
    Permission,
    Role,
    RolePermission,
    User,
    UserRole,
    UserSession,
)
from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.choices import ScanStatus
from tests.accounts.factories import (
    KycDocumentFactory,
    LoginAttemptFactory,
    PermissionFactory,
    RoleFactory,
    RolePermissionFactory,
    ServiceProviderFactory,
    UserFactory,
    UserRoleFactory,
    UserSessionFactory,
    current_credentials,
    system_rbac,
)

ACTION_APPLY = "_apply_action_form"


@pytest.fixture
def roles(db):
    return system_rbac()


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def reviewer(roles):
    """Staff holding a KycReviewer role (level 5) with kyc.review and users.view."""
    role = RoleFactory(name="KycReviewer", level=5)
    for name in ("kyc.review", "users.view"):
        RolePermissionFactory(role=role, permission=Permission.objects.get(name=name))
    member = UserFactory(email="reviewer@example.com", is_staff=True)
    UserRoleFactory(user=member, role=role)
    return member


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def user_manager(roles):
    """Staff (not superuser) holding the seeded Admin role: level 10, users.manage."""
    member = UserFactory(email="manager@example.com", is_staff=True)
    UserRoleFactory(user=member, role=roles["Admin"])
    return member


@pytest.fixture
def manager_client(client, user_manager):
    client.force_login(user_manager)
    return client


def _pending_case(**kwargs) -> KycVerification:
    """A submitted case of a provider, with one clean passport document."""
    provider = ServiceProviderFactory()
    values = {
        "verification__user": provider.user,
        "verification__service_provider": provider,
        "verification__status": KycStatus.PENDING,
        "verification__submitted_at": timezone.now(),
        **kwargs,
    }
    document = KycDocumentFactory(**values)
    return document.verification


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _action(client, action: str, objects, **data):
    model = type(objects[0])._meta
    url = reverse(f"admin:{model.app_label}_{model.model_name}_changelist")
    payload = {"action": action, "_selected_action": [str(o.pk) for o in objects], **data}
    return client.post(url, payload)


def _form_data(response) -> dict:
    """The POST data a browser would send for an admin change page, unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data: dict = {}
    for form in forms:
        for bound in form:
            if bound.field.disabled:
                continue
            value = bound.value()
            widget = bound.field.widget
            if isinstance(widget, CheckboxInput):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(widget, MultiWidget):
                for i, part in enumerate(widget.decompress(value)):
                    data[f"{bound.html_name}_{i}"] = "" if part is None else str(part)
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(v) for v in value]
            else:
                data[bound.html_name] = "" if value is None else str(value)
    return data


# --- Users ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_user_changelist_lists_effective_roles_and_filters_by_role(superuser_client, roles):
    # given an owner with a current role and one whose role has ended
    holder = UserFactory(email="holder@example.com")
    UserRoleFactory(user=holder, role=roles["PetOwner"])
    former = UserFactory(email="former@example.com")
    UserRoleFactory(user=former, role=roles["PetOwner"], is_active=False)
    # when the list is filtered by that role
    response = superuser_client.get(
        reverse("admin:accounts_user_changelist"), {"role": roles["PetOwner"].pk}
    )
    # then only the current holder is listed, with the role shown
    assert [u.email for u in response.context["cl"].result_list] == ["holder@example.com"]
    assert "PetOwner" in response.content.decode()


@pytest.mark.django_db
def test_user_add_creates_the_account_through_the_service(superuser_client, roles, superuser):
    # when a superuser adds an account with a first role
    response = superuser_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "New.Owner@Example.com",
            "first_name": "New",
            "last_name": "Owner",
            "role": roles["PetOwner"].pk,
            "usable_password": "true",
            "password1": "a-long-demo-password-1",
            "password2": "a-long-demo-password-1",
        },
    )
    # then the account exists with its settings row, role and audit rows
    assert response.status_code == 302
    created = User.objects.get(email="new.owner@example.com")
    assert created.check_password("a-long-demo-password-1")
    assert hasattr(created, "settings")
    assert list(created.user_roles.values_list("role__name", "assigned_by")) == [
        ("PetOwner", superuser.pk)
    ]
    actions = set(AuditLog.objects.filter(user=superuser).values_list("action", "entity_type"))
    assert actions == {
        (AuditAction.CREATE, "accounts.User"),
        (AuditAction.ROLE_ASSIGNED, "accounts.UserRole"),
    }


@pytest.mark.django_db
def test_user_add_with_a_taken_email_shows_the_error_and_writes_nothing(superuser_client, roles):
    # given an existing account
    UserFactory(email="taken@example.com")
    users_before = User.objects.count()
    # when a superuser adds another with the same email in other case
    response = superuser_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "TAKEN@example.com",
            "usable_password": "false",
            "role": "",
        },
    )
    # then the form shows the error and nothing is written
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"]
    assert User.objects.count() == users_before
    assert AuditLog.objects.count() == 0


@pytest.mark.django_db
def test_user_change_audits_plain_fields_and_profile_through_the_service(
    superuser_client, superuser
):
    # given an account
    owner = UserFactory(email="owner@example.com", first_name="Old", phone_number=None)
    page = superuser_client.get(reverse("admin:accounts_user_change", args=[owner.pk]))
    data = _form_data(page)
    # when a superuser changes a profile field and a plain field
    data["first_name"] = "New"
    data["phone_number"] = "+441234567890"
    response = superuser_client.post(reverse("admin:accounts_user_change", args=[owner.pk]), data)
    # then both are saved, each audited once with old and new values
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.first_name, owner.phone_number) == ("New", "+441234567890")
    rows = AuditLog.objects.filter(entity_type="accounts.User", entity_id=owner.pk)
    changes = {key: (r.old_values[key], r.new_values[key]) for r in rows for key in r.new_values}
    assert rows.count() == 2
    assert changes == {"first_name": ("Old", "New"), "phone_number": (None, "+441234567890")}


@pytest.mark.django_db
def test_user_change_to_suspended_needs_a_reason_and_revokes_sessions(superuser_client):
    # given an active account with a session
    owner = UserFactory(email="owner@example.com")
    session = UserSessionFactory(user=owner)
    page = superuser_client.get(reverse("admin:accounts_user_change", args=[owner.pk]))
    data = _form_data(page)
    data["account_status"] = AccountStatus.SUSPENDED
    url = reverse("admin:accounts_user_change", args=[owner.pk])
    # when it is suspended without a reason
    refused = superuser_client.post(url, data)
    # then the form says so and nothing changes
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["status_reason"]
    owner.refresh_from_db()
    assert owner.account_status == AccountStatus.ACTIVE
    # when it is suspended with a reason
    data["status_reason"] = "Chargeback fraud"
    done = superuser_client.post(url, data)
    # then the service suspends it, ends its session and audits the reason
    assert done.status_code == 302
    owner.refresh_from_db()
    session.refresh_from_db()
    assert (owner.account_status, owner.is_active) == (AccountStatus.SUSPENDED, False)
    assert (session.is_active, session.end_reason) == (False, SessionEndReason.REVOKED)
    row = AuditLog.objects.get(action=AuditAction.ACCOUNT_SUSPENDED)
    assert row.new_values["reason"] == "Chargeback fraud"


@pytest.mark.django_db
def test_user_actions_suspend_reactivate_lock_unlock_and_revoke(superuser_client):
    # given an account with a session
    owner = UserFactory(email="owner@example.com")
    UserSessionFactory(user=owner)
    # when it is suspended (with a reason on the form step), then reactivated
    first = _action(superuser_client, "suspend_users", [owner])
    assert first.status_code == 200
    assert b"Suspend accounts" in first.content
    _action(superuser_client, "suspend_users", [owner], reason="Abuse", **{ACTION_APPLY: "1"})
    owner.refresh_from_db()
    assert owner.account_status == AccountStatus.SUSPENDED
    _action(superuser_client, "reactivate_users", [owner])
    owner.refresh_from_db()
    assert owner.account_status == AccountStatus.ACTIVE
    # when it is locked for the default 15 minutes, then unlocked
    before = timezone.now()
    _action(superuser_client, "lock_users", [owner], minutes="15", **{ACTION_APPLY: "1"})
    owner.refresh_from_db()
    assert before + datetime.timedelta(minutes=15) <= owner.lockout_end
    assert owner.lockout_end <= timezone.now() + datetime.timedelta(minutes=15)
    _action(superuser_client, "unlock_users", [owner])
    owner.refresh_from_db()
    assert owner.lockout_end is None
    # when its sessions are revoked (confirmed, with a reason)
    UserSessionFactory(user=owner)
    _action(
        superuser_client,
        "revoke_user_sessions",
        [owner],
        reason="Phone stolen",
        **{ACTION_APPLY: "1"},
    )
    # then every step went through its service and left its audit row
    assert not UserSession.objects.filter(user=owner, is_active=True).exists()
    assert list(
        AuditLog.objects.filter(entity_id=owner.pk)
        .order_by("timestamp")
        .values_list("action", flat=True)
    ) == [
        AuditAction.ACCOUNT_SUSPENDED,
        AuditAction.ACCOUNT_REACTIVATED,
        AuditAction.ACCOUNT_LOCKED,
        AuditAction.ACCOUNT_UNLOCKED,
        AuditAction.SESSION_REVOKED,
    ]


@pytest.mark.django_db
def test_lock_until_a_date_in_the_past_is_refused(superuser_client):
    # given an account
    owner = UserFactory(email="owner@example.com")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    # when a lock ending yesterday is asked for
    response = _action(
        superuser_client,
        "lock_users",
        [owner],
        until_0=yesterday.date().isoformat(),
        until_1="10:00",
        **{ACTION_APPLY: "1"},
    )
    # then the form step shows the error and nothing is locked
    assert response.status_code == 200
    assert response.context["form"].errors["until"] == ["The lock must end in the future."]
    owner.refresh_from_db()
    assert owner.lockout_end is None


@pytest.mark.django_db
def test_refused_user_action_becomes_a_message(superuser_client, superuser):
    # when a superuser tries to suspend themself
    response = _action(
        superuser_client, "suspend_users", [superuser], reason="Oops", **{ACTION_APPLY: "1"}
    )
    # then the refusal is a message and nothing changes
    assert response.status_code == 302
    assert _messages(response) == [f"{superuser}: You may not do this to your own account."]
    superuser.refresh_from_db()
    assert superuser.account_status == AccountStatus.ACTIVE


@pytest.mark.django_db
def test_admin_password_change_ends_sessions_and_is_audited(superuser_client):
    # given an account with a session
    owner = UserFactory(email="owner@example.com")
    session = UserSessionFactory(user=owner)
    # when a superuser sets a new password
    response = superuser_client.post(
        reverse("admin:auth_user_password_change", args=[owner.pk]),
        {
            "usable_password": "true",
            "password1": "another-long-password-7",
            "password2": "another-long-password-7",
        },
    )
    # then it works, the session ended and the change is audited without the password
    assert response.status_code == 302
    owner.refresh_from_db()
    session.refresh_from_db()
    assert owner.check_password("another-long-password-7")
    assert session.is_active is False
    row = AuditLog.objects.get(action=AuditAction.PASSWORD_CHANGED)
    assert row.new_values == {"via": "admin", "usable": True, "sessions_ended": 1}


@pytest.mark.django_db
def test_user_manager_cannot_edit_a_superuser(manager_client, superuser):
    # given a user manager who is not a superuser
    url = reverse("admin:accounts_user_change", args=[superuser.pk])
    # when they post a new email for a superuser, or a new password
    response = manager_client.post(url, {"email": "taken-over@example.com"})
    password = manager_client.post(
        reverse("admin:auth_user_password_change", args=[superuser.pk]),
        {"password1": "x-long-password-1", "password2": "x-long-password-1"},
    )
    # then both are refused and the superuser is unchanged
    assert (response.status_code, password.status_code) == (403, 403)
    superuser.refresh_from_db()
    assert superuser.email != "taken-over@example.com"


# --- Roles, permissions and grants -----------------------------------------------------------


@pytest.mark.django_db
def test_role_grant_at_the_actors_level_is_refused_and_writes_nothing(manager_client, roles):
    # given a manager at level 10 and an owner
    owner = UserFactory(email="owner@example.com")
    audit_before = AuditLog.objects.count()
    # when the manager grants the Admin role (level 10) to the owner
    response = manager_client.post(
        reverse("admin:accounts_userrole_add"),
        {"user": owner.pk, "role": roles["Admin"].pk, "expires_at_0": "", "expires_at_1": ""},
    )
    # then the role is not among the choices, and nothing is written
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["role"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert not UserRole.objects.filter(user=owner).exists()
    assert AuditLog.objects.count() == audit_before


@pytest.mark.django_db
def test_role_grant_below_the_actors_level_goes_through_the_service(
    manager_client, roles, user_manager
):
    # given an owner
    owner = UserFactory(email="owner@example.com")
    # when the manager grants PetOwner (level 2)
    response = manager_client.post(
        reverse("admin:accounts_userrole_add"),
        {
            "user": owner.pk,
            "role": roles["PetOwner"].pk,
            "expires_at_0": "",
            "expires_at_1": "",
            "notes": "Signed up by phone",
        },
    )
    # then the assignment exists, assigned by the manager, and is audited
    assert response.status_code == 302
    assignment = UserRole.objects.get(user=owner)
    assert (assignment.role_id, assignment.assigned_by_id, assignment.notes) == (
        roles["PetOwner"].pk,
        user_manager.pk,
        "Signed up by phone",
    )
    assert (
        AuditLog.objects.filter(
            action=AuditAction.ROLE_ASSIGNED, entity_id=str(assignment.pk)
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_role_grant_inline_over_max_users_shows_the_error_on_the_row(superuser_client):
    # given a role for one user, already held
    role = RoleFactory(name="Lead", level=3, max_users=1)
    UserRoleFactory(role=role)
    owner = UserFactory(email="owner@example.com")
    url = reverse("admin:accounts_user_change", args=[owner.pk])
    data = _form_data(superuser_client.get(url))
    # when the role is added on the owner's page
    data.update(
        {
            "user_roles-TOTAL_FORMS": "1",
            "user_roles-0-role": str(role.pk),
            "user_roles-0-expires_at_0": "",
            "user_roles-0-expires_at_1": "",
            "user_roles-0-notes": "",
        }
    )
    response = superuser_client.post(url, data)
    # then the row shows the refusal and nothing is written
    assert response.status_code == 200
    row_errors = response.context["inline_admin_formsets"][0].formset.forms[0].non_field_errors()
    assert row_errors == ["The role Lead already has its maximum of 1 users."]
    assert not UserRole.objects.filter(user=owner).exists()
    assert not AuditLog.objects.filter(action=AuditAction.ROLE_ASSIGNED).exists()


@pytest.mark.django_db
def test_role_inline_revokes_by_unticking_is_active(superuser_client, roles):
    # given an owner holding PetOwner
    owner = UserFactory(email="owner@example.com")
    assignment = UserRoleFactory(user=owner, role=roles["PetOwner"])
    url = reverse("admin:accounts_user_change", args=[owner.pk])
    data = _form_data(superuser_client.get(url))
    # when the row's Is active is cleared
    data.pop("user_roles-0-is_active")
    response = superuser_client.post(url, data)
    # then the service revoked it (the row stays as the record)
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.is_active is False
    assert AuditLog.objects.filter(action=AuditAction.ROLE_REVOKED).count() == 1


@pytest.mark.django_db
def test_role_changelist_counts_active_assignments(superuser_client):
    # given a role with two current, one ended and one expired assignment
    role = RoleFactory(name="Walkers", level=2)
    UserRoleFactory.create_batch(2, role=role)
    UserRoleFactory(role=role, is_active=False)
    UserRoleFactory(role=role, expires_at=timezone.now() - datetime.timedelta(days=1))
    # when the role list is shown
    response = superuser_client.get(reverse("admin:accounts_role_changelist"))
    # then it counts the two current ones
    listed = {r.name: r.active_assignment_count for r in response.context["cl"].result_list}
    assert listed["Walkers"] == 2


@pytest.mark.django_db
def test_system_role_cannot_be_deleted_or_renamed(superuser_client, roles):
    # given the seeded Admin role
    admin_role = roles["Admin"]
    # when a superuser opens it, tries its delete page and the bulk delete
    change = superuser_client.get(reverse("admin:accounts_role_change", args=[admin_role.pk]))
    delete = superuser_client.post(
        reverse("admin:accounts_role_delete", args=[admin_role.pk]), {"post": "yes"}
    )
    confirm = _action(superuser_client, "delete_selected", [admin_role])
    bulk = _action(superuser_client, "delete_selected", [admin_role], post="yes")
    # then the name is read-only, every delete is refused and the role remains
    assert "name" not in change.context["adminform"].form.fields
    assert change.context["has_delete_permission"] is False
    assert delete.status_code == 403
    assert confirm.status_code == 200
    assert confirm.context["perms_lacking"] == {"role"}
    assert bulk.status_code == 403
    assert Role.objects.filter(pk=admin_role.pk).exists()
    assert not AuditLog.objects.filter(action=AuditAction.DELETE).exists()


@pytest.mark.django_db
def test_custom_role_in_use_is_not_deleted(superuser_client):
    # given a custom role someone holds
    role = RoleFactory(name="Walkers", level=2)
    UserRoleFactory(role=role)
    # when a superuser deletes it
    response = superuser_client.post(
        reverse("admin:accounts_role_delete", args=[role.pk]), {"post": "yes"}
    )
    # then the service refuses with a message and the role stays
    assert response.status_code == 302
    assert _messages(response) == ["Revoke the role from its users before deleting it."]
    assert Role.objects.filter(pk=role.pk).exists()


@pytest.mark.django_db
def test_unused_custom_role_is_deleted_through_the_service(superuser_client):
    # given a custom role nobody holds
    role = RoleFactory(name="Walkers", level=2)
    pk = role.pk
    # when a superuser deletes it
    response = superuser_client.post(
        reverse("admin:accounts_role_delete", args=[pk]), {"post": "yes"}
    )
    # then it is gone, audited once
    assert response.status_code == 302
    assert not Role.objects.filter(pk=pk).exists()
    assert (
        AuditLog.objects.filter(
            action=AuditAction.DELETE, entity_type="accounts.Role", entity_id=str(pk)
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_role_permission_inline_grants_and_revokes_through_the_services(superuser_client, roles):
    # given a custom role holding users.view
    role = RoleFactory(name="Support", level=3)
    RolePermissionFactory(role=role, permission=Permission.objects.get(name="users.view"))
    url = reverse("admin:accounts_role_change", args=[role.pk])
    data = _form_data(superuser_client.get(url))
    # when users.view is removed and kyc.review added on the role's page
    prefix = "role_permissions"
    data[f"{prefix}-0-DELETE"] = "on"
    data[f"{prefix}-TOTAL_FORMS"] = "2"
    data[f"{prefix}-1-permission"] = str(Permission.objects.get(name="kyc.review").pk)
    response = superuser_client.post(url, data)
    # then the role holds exactly kyc.review, each change audited by its service
    assert response.status_code == 302
    assert list(role.permissions.values_list("name", flat=True)) == ["kyc.review"]
    assert sorted(
        AuditLog.objects.filter(entity_type="accounts.RolePermission").values_list(
            "action", flat=True
        )
    ) == [AuditAction.PERMISSION_GRANTED, AuditAction.PERMISSION_REVOKED]


@pytest.mark.django_db
def test_role_add_goes_through_the_service_and_refuses_a_level_too_high(
    manager_client, roles, user_manager
):
    # given a staff member holding system.admin through a level-10 role
    # when they create a role at level 10
    url = reverse("admin:accounts_role_add")
    refused = manager_client.post(url, {"name": "Chiefs", "level": "10", "description": ""})
    # then it is refused on the form and nothing is created
    assert refused.status_code == 200
    assert refused.context["adminform"].form.non_field_errors() == [
        "Creating roles is limited to roles below your own level (10)."
    ]
    assert not Role.objects.filter(name="Chiefs").exists()
    # when they create one at level 4
    created = manager_client.post(url, {"name": "Chiefs", "level": "4", "description": ""})
    # then it exists, audited by the service
    assert created.status_code == 302
    role = Role.objects.get(name="Chiefs")
    assert (
        AuditLog.objects.filter(
            action=AuditAction.CREATE, entity_type="accounts.Role", entity_id=str(role.pk)
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_system_permission_cannot_be_deleted(superuser_client, roles):
    # given a seeded permission
    permission = Permission.objects.get(name="kyc.review")
    # when a superuser posts its delete page
    response = superuser_client.post(
        reverse("admin:accounts_permission_delete", args=[permission.pk]), {"post": "yes"}
    )
    # then it is refused and stays
    assert response.status_code == 403
    assert Permission.objects.filter(pk=permission.pk).exists()


@pytest.mark.django_db
def test_custom_permission_add_and_delete_go_through_the_services(superuser_client):
    # when a superuser adds a permission, then deletes it
    add = superuser_client.post(
        reverse("admin:accounts_permission_add"),
        {"name": "reports.export", "category": "Reports", "description": "Export"},
    )
    permission = Permission.objects.get(name="reports.export")
    delete = superuser_client.post(
        reverse("admin:accounts_permission_delete", args=[permission.pk]), {"post": "yes"}
    )
    # then both happened, each audited once
    assert (add.status_code, delete.status_code) == (302, 302)
    assert not Permission.objects.filter(name="reports.export").exists()
    assert list(
        AuditLog.objects.filter(entity_type="accounts.Permission")
        .order_by("timestamp")
        .values_list("action", flat=True)
    ) == [AuditAction.CREATE, AuditAction.DELETE]


@pytest.mark.django_db
def test_user_role_list_filters_expired_assignments(superuser_client):
    # given a current and an expired assignment
    current = UserRoleFactory()
    expired = UserRoleFactory(expires_at=timezone.now() - datetime.timedelta(hours=1))
    url = reverse("admin:accounts_userrole_changelist")
    # when the list is filtered by expiry
    yes = superuser_client.get(url, {"expired": "yes"})
    no = superuser_client.get(url, {"expired": "no"})
    # then each side lists its row
    assert [r.pk for r in yes.context["cl"].result_list] == [expired.pk]
    assert [r.pk for r in no.context["cl"].result_list] == [current.pk]


# --- Sessions and sign-in attempts -----------------------------------------------------------


@pytest.mark.django_db
def test_session_admin_revokes_selected_sessions_and_never_shows_digests(superuser_client):
    # given two active sessions and an ended one
    kept = UserSessionFactory()
    revoked = UserSessionFactory()
    # when the list and a change page are shown, and one session is revoked
    listing = superuser_client.get(reverse("admin:accounts_usersession_changelist"))
    page = superuser_client.get(reverse("admin:accounts_usersession_change", args=[kept.pk]))
    response = _action(
        superuser_client,
        "revoke_sessions",
        [revoked],
        reason="Lost laptop",
        **{ACTION_APPLY: "1"},
    )
    # then no digest appears, and only the selected session ended as Revoked, audited
    for html in (listing.content.decode(), page.content.decode()):
        assert kept.session_token not in html
        assert kept.refresh_token not in html
    assert response.status_code == 302
    kept.refresh_from_db()
    revoked.refresh_from_db()
    assert kept.is_active is True
    assert (revoked.is_active, revoked.end_reason) == (False, SessionEndReason.REVOKED)
    assert (
        AuditLog.objects.filter(
            action=AuditAction.SESSION_REVOKED, entity_id=str(revoked.pk)
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_session_admin_is_read_only(superuser_client):
    # given a session
    session = UserSessionFactory()
    # when its change page is posted
    response = superuser_client.post(
        reverse("admin:accounts_usersession_change", args=[session.pk]), {"is_active": ""}
    )
    # then it is refused
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.is_active is True


@pytest.mark.django_db
def test_login_attempt_admin_is_read_only_and_filterable(superuser_client):
    # given a success and a failure
    LoginAttemptFactory(email="ok@example.com", success=True)
    failed = LoginAttemptFactory(
        email="bad@example.com", success=False, failure_reason="InvalidCredentials"
    )
    url = reverse("admin:accounts_loginattempt_changelist")
    # when the list is filtered and searched
    by_reason = superuser_client.get(url, {"failure_reason__exact": "InvalidCredentials"})
    by_email = superuser_client.get(url, {"q": "bad@"})
    add = superuser_client.get(reverse("admin:accounts_loginattempt_add"))
    delete = superuser_client.post(
        reverse("admin:accounts_loginattempt_delete", args=[failed.pk]), {"post": "yes"}
    )
    # then each finds the failure, and add and delete are refused
    assert [a.pk for a in by_reason.context["cl"].result_list] == [failed.pk]
    assert [a.pk for a in by_email.context["cl"].result_list] == [failed.pk]
    assert (add.status_code, delete.status_code) == (403, 403)
    assert LoginAttempt.objects.count() == 2


# --- KYC review queue --------------------------------------------------------------------------


@pytest.mark.django_db
def test_reviewer_opens_the_queue_of_open_cases(reviewer_client):
    # given a pending case, a case in review and an approved one
    pending = _pending_case()
    in_review = _pending_case(verification__status=KycStatus.IN_REVIEW)
    _pending_case(
        verification__status=KycStatus.APPROVED,
        verification__reviewed_at=timezone.now(),
    )
    url = reverse("admin:accounts_kycverification_changelist")
    # when the reviewer opens the queue
    response = reviewer_client.get(url)
    # then it lists the open cases, oldest submission first
    assert response.status_code == 200
    assert [c.pk for c in response.context["cl"].result_list] == [pending.pk, in_review.pk]
    # and "all cases" shows every case
    everything = reviewer_client.get(url, {"queue": "all"})
    assert len(everything.context["cl"].result_list) == 3


@pytest.mark.django_db
def test_reviewer_starts_review_and_approves(reviewer_client, reviewer):
    # given a pending case of a provider holding the required credentials
    case = _pending_case()
    current_credentials(case.service_provider)
    # when the reviewer starts the review, then approves
    started = _action(reviewer_client, "start_review", [case])
    case.refresh_from_db()
    assert case.status == KycStatus.IN_REVIEW
    approved = _action(reviewer_client, "approve", [case])
    # then the case is approved by the reviewer, with events, audit rows and a verified provider
    assert (started.status_code, approved.status_code) == (302, 302)
    case.refresh_from_db()
    assert (case.status, case.reviewed_by_id) == (KycStatus.APPROVED, reviewer.pk)
    assert case.service_provider.is_verified is True
    assert list(
        KycReviewEvent.objects.filter(verification=case)
        .order_by("id")
        .values_list("from_status", "to_status", "actor")
    ) == [
        (KycStatus.PENDING, KycStatus.IN_REVIEW, reviewer.pk),
        (KycStatus.IN_REVIEW, KycStatus.APPROVED, reviewer.pk),
    ]
    assert list(
        AuditLog.objects.filter(entity_type="accounts.KycVerification", entity_id=str(case.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    ) == [AuditAction.KYC_REVIEW_STARTED, AuditAction.KYC_APPROVED]
    assert _messages(approved) == ["Started the review of 1 case(s).", "Approved 1 case(s)."]


@pytest.mark.django_db
def test_reject_needs_a_reason_and_changes_nothing_without_one(reviewer_client):
    # given a pending case
    case = _pending_case()
    # when the reviewer submits the reject step without a reason
    response = _action(
        reviewer_client, "reject", [case], reason="  ", reject_type="Final", **{ACTION_APPLY: "1"}
    )
    # then the page shows the error and the case is untouched
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["This field is required."]
    case.refresh_from_db()
    assert case.status == KycStatus.PENDING
    assert not KycReviewEvent.objects.filter(verification=case).exists()
    assert not AuditLog.objects.exists()


@pytest.mark.django_db
def test_reject_with_a_reason_closes_the_case(reviewer_client, reviewer):
    # given a pending case
    case = _pending_case()
    # when the reviewer rejects it (Final) with a reason and labels
    response = _action(
        reviewer_client,
        "reject",
        [case],
        reason="The passport photo is unreadable.",
        labels=["BLURRY_IMAGE", "DOCUMENT_DAMAGED"],
        reject_type=KycRejectType.FINAL,
        internal_comment="Third blurry upload.",
        **{ACTION_APPLY: "1"},
    )
    # then it is rejected with the reason shown to the applicant, audited
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.reject_type) == (KycStatus.REJECTED, KycRejectType.FINAL)
    assert case.applicant_comment == "The passport photo is unreadable."
    assert case.reject_labels == ["BLURRY_IMAGE", "DOCUMENT_DAMAGED"]
    assert case.internal_comment == "Third blurry upload."
    assert case.reviewed_by_id == reviewer.pk
    assert AuditLog.objects.filter(action=AuditAction.KYC_REJECTED).count() == 1


@pytest.mark.django_db
def test_request_resubmission_sends_the_case_back(reviewer_client):
    # given a case in review
    case = _pending_case(verification__status=KycStatus.IN_REVIEW)
    # when the reviewer asks for a resubmission
    response = _action(
        reviewer_client,
        "request_resubmission",
        [case],
        reason="Please upload the back of the card.",
        **{ACTION_APPLY: "1"},
    )
    # then the case waits for the applicant (Retry)
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.reject_type) == (
        KycStatus.RESUBMISSION_REQUESTED,
        KycRejectType.RETRY,
    )
    assert case.applicant_comment == "Please upload the back of the card."
    assert AuditLog.objects.filter(action=AuditAction.KYC_RESUBMISSION_REQUESTED).count() == 1


@pytest.mark.django_db
def test_reviewer_rejects_from_the_case_page(reviewer_client):
    # given a pending case
    case = _pending_case()
    page = reviewer_client.get(reverse("admin:accounts_kycverification_change", args=[case.pk]))
    decide = reverse("admin:accounts_kycverification_decide", args=[case.pk, "reject"])
    assert decide in page.content.decode()
    # when the reject form is sent without, then with a reason
    form = reviewer_client.get(decide)
    empty = reviewer_client.post(decide, {ACTION_APPLY: "1", "reason": "", "reject_type": "Final"})
    done = reviewer_client.post(
        decide, {ACTION_APPLY: "1", "reason": "Name mismatch.", "reject_type": "Retry"}
    )
    # then the first changes nothing, the second sends the case back for resubmission
    assert form.status_code == 200
    assert empty.status_code == 200
    assert empty.context["form"].errors["reason"] == ["This field is required."]
    assert done.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.applicant_comment) == (
        KycStatus.RESUBMISSION_REQUESTED,
        "Name mismatch.",
    )


@pytest.mark.django_db
def test_refused_transition_is_a_message(reviewer_client):
    # given an approved case
    case = _pending_case(
        verification__status=KycStatus.APPROVED, verification__reviewed_at=timezone.now()
    )
    # when the reviewer tries to start its review from "all cases"
    url = reverse("admin:accounts_kycverification_changelist") + "?queue=all"
    response = reviewer_client.post(
        url, {"action": "start_review", "_selected_action": [str(case.pk)]}
    )
    # then the state machine's refusal is shown and nothing changes
    assert response.status_code == 302
    assert _messages(response) == [f"{case}: A KYC case that is Approved cannot move to InReview."]
    case.refresh_from_db()
    assert case.status == KycStatus.APPROVED


@pytest.mark.django_db
def test_staff_without_kyc_review_sees_the_queue_but_cannot_decide(client, roles):
    # given staff with Django's view permission on cases but no kyc.review
    clerk = UserFactory(email="clerk@example.com", is_staff=True)
    clerk.user_permissions.add(DjangoPermission.objects.get(codename="view_kycverification"))
    client.force_login(clerk)
    case = _pending_case()
    # when they open the queue and try to approve
    listing = client.get(reverse("admin:accounts_kycverification_changelist"))
    response = _action(client, "approve", [case])
    # then they get a clear error and the case is untouched
    assert listing.status_code == 200
    assert _messages(response) == ["Reviewing KYC cases needs the kyc.review permission."]
    case.refresh_from_db()
    assert case.status == KycStatus.PENDING
    assert not AuditLog.objects.exists()


@pytest.mark.django_db
def test_kyc_document_file_opens_only_when_servable(reviewer_client, settings, tmp_path):
    # given a case with a clean document whose blob is stored, and one still being scanned
    settings.MEDIA_ROOT = str(tmp_path)
    case = _pending_case()
    clean = case.documents.get()
    storages["default"].save(clean.file.storage_key, ContentFile(b"\x89PNG\r\n\x1a\nclean"))
    pending = KycDocumentFactory(
        verification=case, document_type="Selfie", file__scan_status=ScanStatus.PENDING
    )
    page = reviewer_client.get(reverse("admin:accounts_kycverification_change", args=[case.pk]))
    clean_url = reverse("admin:accounts_kycverification_document", args=[clean.pk])
    pending_url = reverse("admin:accounts_kycverification_document", args=[pending.pk])
    # when the reviewer opens both
    opened = reviewer_client.get(clean_url)
    refused = reviewer_client.get(pending_url)
    # then only the clean one is linked and served
    html = page.content.decode()
    assert clean_url in html
    assert pending_url not in html
    assert "not available (scan Pending)" in html
    assert opened.status_code == 200
    assert b"".join(opened.streaming_content) == b"\x89PNG\r\n\x1a\nclean"
    assert opened["X-Content-Type-Options"] == "nosniff"
    assert refused.status_code == 404


@pytest.mark.django_db
def test_kyc_document_file_is_refused_to_staff_without_kyc_review(client, settings, tmp_path):
    # given a staff member without kyc.review and a clean document
    settings.MEDIA_ROOT = str(tmp_path)
    clerk = UserFactory(email="clerk@example.com", is_staff=True)
    client.force_login(clerk)
    document = _pending_case().documents.get()
    # when they ask for the file
    response = client.get(reverse("admin:accounts_kycverification_document", args=[document.pk]))
    # then it is refused
    assert response.status_code == 403


@pytest.mark.django_db
def test_permission_created_in_admin_is_never_a_system_permission(superuser_client):
    # given the permission list
    PermissionFactory(name="system.thing", category="Admin", is_system_permission=True)
    # when a superuser adds a permission, even posting the system flag
    superuser_client.post(
        reverse("admin:accounts_permission_add"),
        {"name": "reports.view", "category": "Reports", "is_system_permission": "on"},
    )
    # then it is an ordinary permission
    created = Permission.objects.get(name="reports.view")
    assert created.is_system_permission is False
    assert not RolePermission.objects.filter(permission=created).exists()


# --- Polish found in the browser -------------------------------------------------------------


@pytest.mark.django_db
def test_assignments_and_grants_are_named_by_email_and_role_name(superuser_client, roles):
    # given an owner holding PetOwner, and PetOwner's permission grants
    owner = UserFactory(email="owner@example.com")
    assignment = UserRoleFactory(user=owner, role=roles["PetOwner"])
    grant = RolePermission.objects.filter(role=roles["PetOwner"]).select_related("permission")[0]
    # when the assignment, the owner and the role are shown
    assignment_page = superuser_client.get(
        reverse("admin:accounts_userrole_change", args=[assignment.pk])
    )
    user_page = superuser_client.get(reverse("admin:accounts_user_change", args=[owner.pk]))
    role_page = superuser_client.get(
        reverse("admin:accounts_role_change", args=[roles["PetOwner"].pk])
    )
    # then each names them by email and role name, never by ids
    assert assignment_page.context["subtitle"] == "owner@example.com as PetOwner"
    assert "owner@example.com as PetOwner" in user_page.content.decode()
    assert f"PetOwner → {grant.permission.name}" in role_page.content.decode()
    assert f"{owner.pk} as {roles['PetOwner'].pk}" not in user_page.content.decode()
    assert f"{grant.role_id} → {grant.permission_id}" not in role_page.content.decode()


def _role_page_queries(client, role) -> int:
    """Queries of a role's page, without the option list each permission row renders."""
    url = reverse("admin:accounts_role_change", args=[role.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    options = 'FROM "Permissions" ORDER BY'
    return len([q for q in queries.captured_queries if options not in q["sql"]])


@pytest.mark.django_db
def test_naming_grants_does_not_add_a_query_per_row(superuser_client):
    # given a role with two permissions
    role = RoleFactory(name="Walkers", level=2)
    for _ in range(2):
        RolePermissionFactory(role=role)
    at_n = _role_page_queries(superuser_client, role)
    # when it has four
    for _ in range(2):
        RolePermissionFactory(role=role)
    # then naming the rows takes no further query
    assert _role_page_queries(superuser_client, role) == at_n


def _offered_roles(field) -> list[str]:
    return [str(role) for role in field.queryset]


@pytest.mark.django_db
def test_role_dropdowns_offer_only_roles_the_staff_member_may_grant(
    manager_client, roles, user_manager
):
    # given a manager at level 10 (Admin), a role at level 12, and an owner
    RoleFactory(name="Owner", level=12)
    owner = UserFactory(email="owner@example.com")
    # when the manager opens the add-assignment page, the owner's page and the add-user page
    add = manager_client.get(reverse("admin:accounts_userrole_add"))
    page = manager_client.get(reverse("admin:accounts_user_change", args=[owner.pk]))
    new_user = manager_client.get(reverse("admin:accounts_user_add"))
    # then each offers only the roles below level 10
    below = ["User", "PetOwner", "ServiceProvider"]
    assert _offered_roles(add.context["adminform"].form.fields["role"]) == below
    inline = page.context["inline_admin_formsets"][0].formset
    assert _offered_roles(inline.empty_form.fields["role"]) == below
    assert _offered_roles(new_user.context["adminform"].form.fields["role"]) == below


@pytest.mark.django_db
def test_role_dropdown_offers_every_role_to_a_superuser(superuser_client, roles):
    response = superuser_client.get(reverse("admin:accounts_userrole_add"))

    assert _offered_roles(response.context["adminform"].form.fields["role"]) == [
        "User",
        "PetOwner",
        "ServiceProvider",
        "Admin",
    ]


@pytest.mark.django_db
def test_existing_assignment_above_the_managers_level_still_shows_its_role(
    manager_client, roles, superuser
):
    # given another Admin's assignment (the manager may not grant Admin)
    other = UserFactory(email="other-admin@example.com", is_staff=True)
    UserRoleFactory(user=other, role=roles["Admin"])
    # when the manager opens that account
    page = manager_client.get(reverse("admin:accounts_user_change", args=[other.pk]))
    # then the row still shows Admin
    row = page.context["inline_admin_formsets"][0].formset.forms[0]
    assert row["role"].value() == roles["Admin"].pk
    assert roles["Admin"] in row.fields["role"].queryset


@pytest.mark.django_db
def test_reject_form_defaults_to_retry_and_offers_a_fixed_list_of_labels(reviewer_client):
    # given a pending case
    case = _pending_case()
    decide = reverse("admin:accounts_kycverification_decide", args=[case.pk, "reject"])
    # when the reject page is opened, and sent with a label that is not on the list
    form = reviewer_client.get(decide).context["form"]
    unknown = reviewer_client.post(
        decide,
        {ACTION_APPLY: "1", "reason": "Unreadable.", "reject_type": "Retry", "labels": "SOMETHING"},
    )
    # then Retry is preselected, the labels are a fixed list, and the unknown one is refused
    assert form["reject_type"].value() == KycRejectType.RETRY
    assert [value for value, _label in form.fields["labels"].choices] == [
        "DOCUMENT_EXPIRED",
        "DOCUMENT_DAMAGED",
        "BLURRY_IMAGE",
        "BAD_SELFIE",
        "DATA_MISMATCH",
        "INCOMPLETE_DOCUMENT",
        "UNSUPPORTED_DOCUMENT",
        "FRAUDULENT",
    ]
    assert unknown.status_code == 200
    assert unknown.context["form"].errors["labels"] == [
        "Select a valid choice. SOMETHING is not one of the available choices."
    ]
    case.refresh_from_db()
    assert case.status == KycStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reject_type", "message", "heading"),
    [
        (
            KycRejectType.RETRY,
            "Sent back for resubmission: the applicant may upload their documents again.",
            "(Resubmission Requested)",
        ),
        (KycRejectType.FINAL, "Rejected for good: the case is closed.", "(Rejected)"),
    ],
)
def test_reject_says_what_happened(reviewer_client, reject_type, message, heading):
    # given a pending case
    case = _pending_case()
    decide = reverse("admin:accounts_kycverification_decide", args=[case.pk, "reject"])
    # when the reviewer decides and lands on the case again
    response = reviewer_client.post(
        decide,
        {ACTION_APPLY: "1", "reason": "Unreadable.", "reject_type": reject_type},
        follow=True,
    )
    # then the message and the heading say what happened, in words
    assert _messages(response) == [message]
    assert response.context["subtitle"] == f"KYC {case.pk} {heading}"
    assert "ResubmissionRequested" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reject_type", "message"),
    [
        (KycRejectType.RETRY, "Sent 1 case(s) back for resubmission."),
        (KycRejectType.FINAL, "Rejected 1 case(s) for good: closed."),
    ],
)
def test_bulk_reject_message_follows_the_outcome(reviewer_client, reject_type, message):
    case = _pending_case()

    response = _action(
        reviewer_client,
        "reject",
        [case],
        reason="Unreadable.",
        reject_type=reject_type,
        **{ACTION_APPLY: "1"},
    )

    assert _messages(response) == [message]


@pytest.mark.django_db
def test_denied_page_is_the_admins_own_page(reviewer_client):
    # given a reviewer, who may not manage accounts
    # when they open the accounts list
    response = reviewer_client.get(reverse("admin:accounts_user_changelist"))
    # then the admin's own page says so, with status 403
    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "admin/denied.html"
    html = response.content.decode()
    assert "doggy administration" in html
    assert "<h1>Access denied</h1>" in html
    assert "Your account may not open this page or do this." in html


@pytest.mark.django_db
def test_view_site_links_to_the_api_docs(superuser_client):
    response = superuser_client.get(reverse("admin:index"))

    assert '<a href="/api/docs/">View site</a>' in response.content.decode()


@pytest.mark.django_db
def test_session_revoke_asks_for_confirmation_and_a_reason(superuser_client, superuser):
    # given an active session
    session = UserSessionFactory(user=UserFactory(email="owner@example.com"))
    # when the action is chosen, then sent without a reason, then with one
    confirm = _action(superuser_client, "revoke_sessions", [session])
    blank = _action(
        superuser_client, "revoke_sessions", [session], reason=" ", **{ACTION_APPLY: "1"}
    )
    session.refresh_from_db()
    still_active = session.is_active
    done = _action(
        superuser_client, "revoke_sessions", [session], reason="Lost phone", **{ACTION_APPLY: "1"}
    )
    # then nothing ends until a reason is given; the audit row keeps the old state and why
    assert confirm.status_code == 200
    assert b"Revoke sessions" in confirm.content
    assert f"<li>{session.token_prefix} (owner@example.com)</li>" in confirm.content.decode()
    assert blank.context["form"].errors["reason"] == ["This field is required."]
    assert still_active is True
    assert done.status_code == 302
    session.refresh_from_db()
    assert (session.is_active, session.end_reason) == (False, SessionEndReason.REVOKED)
    log = AuditLog.objects.get(action=AuditAction.SESSION_REVOKED)
    assert (log.user_id, log.entity_id, log.severity) == (superuser.pk, str(session.pk), "Warning")
    assert log.old_values == {"is_active": True, "ended_at": None, "end_reason": None}
    assert (log.new_values["end_reason"], log.new_values["note"]) == ("Revoked", "Lost phone")


@pytest.mark.django_db
def test_revoke_all_sessions_of_an_account_asks_for_a_reason(superuser_client):
    # given an account with a session
    owner = UserFactory(email="owner@example.com")
    session = UserSessionFactory(user=owner)
    # when the action is chosen, then confirmed with a reason
    confirm = _action(superuser_client, "revoke_user_sessions", [owner])
    session.refresh_from_db()
    untouched = session.is_active
    _action(
        superuser_client, "revoke_user_sessions", [owner], reason="Takeover", **{ACTION_APPLY: "1"}
    )
    # then the first step changes nothing, the second ends it with the reason audited
    assert confirm.status_code == 200
    assert untouched is True
    session.refresh_from_db()
    assert session.is_active is False
    log = AuditLog.objects.get(action=AuditAction.SESSION_REVOKED)
    assert log.old_values == {"active_sessions": [session.token_prefix]}
    assert log.new_values == {"scope": "all", "sessions_ended": 1, "reason": "Takeover"}
