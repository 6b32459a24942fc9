"""Staff API: users, roles, permissions, settings and the audit log."""

from __future__ import annotations

import datetime

import pytest

from accounts.choices import AccountStatus, SessionEndReason
from accounts.models import Role, UserRole, UserSession
from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.models import SystemSetting
from tests.accounts.factories import UserFactory
from tests.callers import bearer_client, make_user

USERS_URL = "/api/v1/admin/users/"


@pytest.fixture
def admin_client(rbac_admin):
    return bearer_client(rbac_admin)


@pytest.fixture
def support_role(db):
    return Role.objects.create(name="Support", level=3, max_users=2)


def test_user_list_filters_by_status_role_and_email(admin_client, rbac, owner, provider_user):
    # given
    make_user(rbac, "PetOwner", email="held@example.com", account_status=AccountStatus.SUSPENDED)

    # when
    suspended = admin_client.get(USERS_URL, {"account_status": "Suspended"}).json()
    providers = admin_client.get(USERS_URL, {"role": "serviceprovider"}).json()
    by_email = admin_client.get(USERS_URL, {"email": "OWNER@example.com"}).json()

    # then
    assert [row["email"] for row in suspended["results"]] == ["held@example.com"]
    assert [row["email"] for row in providers["results"]] == ["provider@example.com"]
    assert [row["email"] for row in by_email["results"]] == ["owner@example.com"]
    assert by_email["results"][0]["roles"][0]["role"]["name"] == "PetOwner"


def test_user_list_orders_by_email_both_ways(admin_client, owner, provider_user):
    # when
    ascending = admin_client.get(USERS_URL, {"ordering": "email"}).json()["results"]
    descending = admin_client.get(USERS_URL, {"ordering": "-email"}).json()["results"]

    # then
    emails = [row["email"] for row in ascending]
    assert emails == sorted(emails)
    assert [row["email"] for row in descending] == list(reversed(emails))


@pytest.mark.parametrize(
    "params",
    [{"account_status": "Sleeping"}, {"ordering": "password"}],
    ids=["status", "ordering_without_index"],
)
def test_user_list_refuses_unknown_filters(admin_client, params):
    # when
    response = admin_client.get(USERS_URL, params)

    # then
    assert response.status_code == 400


def test_suspension_ends_every_session_and_is_audited(admin_client, rbac_admin, owner):
    # given
    victim = bearer_client(owner)

    # when
    response = admin_client.post(f"{USERS_URL}{owner.pk}/suspend/", {"reason": "Chargeback fraud"})

    # then
    assert response.status_code == 200
    assert response.json()["account_status"] == AccountStatus.SUSPENDED
    assert victim.get("/api/v1/auth/me/").status_code == 401
    ended = UserSession.objects.get(user=owner)
    assert (ended.is_active, ended.end_reason) == (False, SessionEndReason.REVOKED)
    audit = AuditLog.objects.get(action=AuditAction.ACCOUNT_SUSPENDED)
    assert (audit.user_id, audit.entity_id) == (rbac_admin.pk, owner.pk)
    assert audit.new_values["reason"] == "Chargeback fraud"

    # when: reactivated
    back = admin_client.post(f"{USERS_URL}{owner.pk}/reactivate/")

    # then
    assert back.status_code == 200
    assert back.json()["account_status"] == AccountStatus.ACTIVE
    assert AuditLog.objects.filter(action=AuditAction.ACCOUNT_REACTIVATED).count() == 1


def test_suspending_oneself_is_refused(admin_client, rbac_admin):
    # when
    response = admin_client.post(f"{USERS_URL}{rbac_admin.pk}/suspend/", {"reason": "test"})

    # then
    assert response.status_code == 403
    rbac_admin.refresh_from_db()
    assert rbac_admin.account_status == AccountStatus.ACTIVE


def test_unknown_user_is_a_404(admin_client):
    # when
    response = admin_client.get(f"{USERS_URL}no-such-user/")

    # then
    assert response.status_code == 404


def test_grant_a_role_with_expiry_and_notes(admin_client, rbac_admin, owner, support_role):
    # given
    expires = (datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=7)).isoformat()

    # when
    response = admin_client.post(
        f"{USERS_URL}{owner.pk}/roles/",
        {"role_id": support_role.pk, "expires_at": expires, "notes": "Covering the holidays"},
    )

    # then
    assert response.status_code == 201
    body = response.json()
    assert (body["role"]["name"], body["notes"], body["assigned_by"]) == (
        "Support",
        "Covering the holidays",
        rbac_admin.pk,
    )
    assignment = UserRole.objects.get(user=owner, role=support_role)
    assert assignment.expires_at.isoformat() == expires
    assert AuditLog.objects.filter(action=AuditAction.ROLE_ASSIGNED, user=rbac_admin).count() == 1
    listed = admin_client.get(f"{USERS_URL}{owner.pk}/roles/").json()
    assert {row["role"]["name"] for row in listed} == {"PetOwner", "Support"}


def test_granting_a_role_at_ones_own_level_is_refused(admin_client, rbac, owner):
    # when: Admin (level 10) granting Admin
    response = admin_client.post(f"{USERS_URL}{owner.pk}/roles/", {"role_id": rbac["Admin"].pk})

    # then
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "role_level_too_high"
    assert not UserRole.objects.filter(user=owner, role=rbac["Admin"]).exists()


def test_max_users_is_enforced(admin_client, rbac, support_role):
    # given: Support takes at most two users
    users = [make_user(rbac, None, email=f"staff{n}@example.com") for n in range(3)]
    for user in users[:2]:
        assert (
            admin_client.post(
                f"{USERS_URL}{user.pk}/roles/", {"role_id": support_role.pk}
            ).status_code
            == 201
        )

    # when
    response = admin_client.post(f"{USERS_URL}{users[2].pk}/roles/", {"role_id": support_role.pk})

    # then
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "role_max_users_reached"
    assert not UserRole.objects.filter(user=users[2]).exists()


def test_an_unknown_role_id_is_refused_like_a_bad_field(admin_client, owner):
    # when
    response = admin_client.post(f"{USERS_URL}{owner.pk}/roles/", {"role_id": 99999})

    # then
    assert response.status_code == 400
    assert "role_id" in response.json()["error"]["fields"]


def test_revoking_a_role_takes_effect_on_the_next_request(admin_client, rbac, provider_user):
    # given
    client = bearer_client(provider_user)
    assert client.get("/api/v1/kyc/verifications/").status_code == 200

    # when
    response = admin_client.delete(
        f"{USERS_URL}{provider_user.pk}/roles/{rbac['ServiceProvider'].pk}/", {"reason": "Left"}
    )

    # then
    assert response.status_code == 204
    assert client.get("/api/v1/kyc/verifications/").status_code == 403
    assert UserRole.objects.get(user=provider_user).is_active is False
    assert AuditLog.objects.filter(action=AuditAction.ROLE_REVOKED).count() == 1
    again = admin_client.delete(
        f"{USERS_URL}{provider_user.pk}/roles/{rbac['ServiceProvider'].pk}/"
    )
    assert again.status_code == 404


def test_roles_and_permissions_are_listed(admin_client, rbac):
    # when
    roles = admin_client.get("/api/v1/admin/roles/").json()["results"]
    role = admin_client.get(f"/api/v1/admin/roles/{rbac['Admin'].pk}/").json()
    permissions = admin_client.get("/api/v1/admin/permissions/").json()["results"]

    # then
    assert {"Admin", "PetOwner", "ServiceProvider", "User"} <= {r["name"] for r in roles}
    assert role["permissions"] == ["kyc.review", "system.admin", "users.manage", "users.view"]
    assert role["active_user_count"] == 1
    assert {"users.view", "kyc.review", "system.admin"} <= {p["name"] for p in permissions}


@pytest.fixture
def editable_setting(setting):
    row = setting("Calendar.BookingAdvanceDays", 30)
    SystemSetting.objects.filter(pk=row.pk).update(is_user_editable=True)
    return row


def test_settings_are_typed(admin_client, editable_setting, setting):
    # given
    setting("Platform.MaintenanceMode", False)

    # when
    rows = admin_client.get("/api/v1/admin/settings/", {"page_size": 100}).json()["results"]

    # then
    values = {row["setting_key"]: row["value"] for row in rows}
    assert values["Calendar.BookingAdvanceDays"] == 30
    assert values["Platform.MaintenanceMode"] is False


def test_a_setting_change_is_validated_and_audited(admin_client, rbac_admin, editable_setting):
    # when
    bad = admin_client.put("/api/v1/admin/settings/Calendar.BookingAdvanceDays/", {"value": "soon"})
    good = admin_client.put("/api/v1/admin/settings/Calendar.BookingAdvanceDays/", {"value": 45})

    # then
    assert bad.status_code == 400
    assert good.status_code == 200
    assert good.json()["value"] == 45
    change = AuditLog.objects.get(action=AuditAction.SETTING_CHANGED)
    assert change.user_id == rbac_admin.pk
    assert (change.old_values["setting_value"], change.new_values["setting_value"]) == ("30", "45")


def test_unknown_setting_is_a_404(admin_client):
    # when
    response = admin_client.get("/api/v1/admin/settings/No.Such/")

    # then
    assert response.status_code == 404


def test_audit_log_is_filterable_and_read_only(admin_client, rbac_admin, owner):
    # given
    admin_client.post(f"{USERS_URL}{owner.pk}/suspend/", {"reason": "Spam"})

    # when
    by_action = admin_client.get(
        "/api/v1/admin/audit-logs/", {"action": AuditAction.ACCOUNT_SUSPENDED}
    ).json()
    by_entity = admin_client.get(
        "/api/v1/admin/audit-logs/", {"entity_type": "accounts.User", "entity_id": owner.pk}
    ).json()
    entity_id_alone = admin_client.get("/api/v1/admin/audit-logs/", {"entity_id": owner.pk})
    write = admin_client.delete(f"/api/v1/admin/audit-logs/{by_action['results'][0]['id']}/")

    # then
    assert by_action["count"] == 1
    assert by_action["results"][0]["user"] == rbac_admin.pk
    assert {row["action"] for row in by_entity["results"]} >= {AuditAction.ACCOUNT_SUSPENDED}
    assert entity_id_alone.status_code == 400
    assert write.status_code == 405
    assert AuditLog.objects.filter(action=AuditAction.ACCOUNT_SUSPENDED).count() == 1


def test_superusers_pass_every_staff_check(db, rbac):
    # given
    root = UserFactory(email="root@example.com", is_staff=True, is_superuser=True)

    # when
    responses = [
        bearer_client(root).get(url)
        for url in (USERS_URL, "/api/v1/admin/settings/", "/api/v1/admin/audit-logs/")
    ]

    # then
    assert [r.status_code for r in responses] == [200, 200, 200]


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/api/v1/admin/users/%00/"),
        ("post", "/api/v1/admin/users/a%00b/suspend/"),
        ("get", "/api/v1/admin/settings/%00/"),
        ("put", "/api/v1/admin/settings/Platform.%00/"),
        ("get", "/api/v1/admin/users/" + "x" * 500 + "/"),
    ],
    ids=["user_nul", "suspend_nul", "setting_nul", "setting_put_nul", "user_too_long"],
)
def test_ids_that_cannot_exist_are_a_404_in_the_one_error_shape(admin_client, method, url):
    # when
    response = getattr(admin_client, method)(url, {"value": 1, "reason": "x"})

    # then
    assert response.status_code == 404
    assert set(response.json()) == {"error"}
