"""Query budgets: every list costs ≤ 6 queries and every detail ≤ 5, the same at N and 2N rows.

Each scenario builds N rows of what the route renders (sessions, cases with documents,
users with roles, …), requests the route twice (the first warms the settings cache) and
counts the queries of the second request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.choices import KycDocumentType, KycStatus
from accounts.models import (
    KycDocument,
    KycReviewEvent,
    KycVerification,
    Permission,
    Role,
    RolePermission,
    UserRole,
)
from audit.models import AuditLog
from doggy.choices import FilePurpose
from doggy.models import SystemSetting
from tests.accounts.factories import ServiceProviderFactory
from tests.callers import bearer_client, make_user
from tests.doggy.factories import StoredFileFactory

LIST_BUDGET = 6
DETAIL_BUDGET = 5


@dataclass(frozen=True)
class Scenario:
    kind: str
    budget: int
    build: Callable[..., tuple]


def _case(user, *, status=KycStatus.PENDING, documents=2, events=0, provider=None):
    now = timezone.now()
    reviewed = status in (KycStatus.APPROVED, KycStatus.REJECTED)
    case = KycVerification.objects.create(
        user=user,
        service_provider=provider,
        status=status,
        submitted_at=now,
        reviewed_at=now if reviewed else None,
        reject_type="Final" if status == KycStatus.REJECTED else None,
    )
    for n in range(documents):
        KycDocument.objects.create(
            verification=case,
            document_type=KycDocumentType.OTHER,
            side=("Front", "Back", "Single")[n % 3] if n < 3 else "Single",
            status="Rejected" if n >= 3 else "Uploaded",
            file=StoredFileFactory(owner=user, purpose=FilePurpose.KYC_DOCUMENT),
        )
    for _ in range(events):
        KycReviewEvent.objects.create(verification=case, to_status=status, actor=user)
    return case


def build_sessions(n, users, rbac):
    client = bearer_client(users["owner"])
    for _ in range(n - 1):
        bearer_client(users["owner"])
    return client, "/api/v1/auth/sessions/"


def build_my_cases(n, users, rbac):
    provider_user = users["provider"]
    for _ in range(n):
        _case(provider_user, status=KycStatus.APPROVED, documents=2)
    return bearer_client(provider_user), "/api/v1/kyc/verifications/"


def build_review_queue(n, users, rbac):
    for i in range(n):
        applicant = make_user(rbac, "ServiceProvider", email=f"applicant{i}@example.com")
        profile = ServiceProviderFactory(user=applicant)
        _case(applicant, documents=2, provider=profile)
    return bearer_client(users["kyc_reviewer"]), "/api/v1/kyc/reviews/"


def build_users(n, users, rbac):
    for i in range(n):
        member = make_user(rbac, "PetOwner", email=f"member{i}@example.com")
        UserRole.objects.create(user=member, role=rbac["User"], assigned_by=member)
    return bearer_client(users["admin"]), "/api/v1/admin/users/"


def _roles_for(user, n, rbac):
    for i in range(n):
        role = Role.objects.create(name=f"Extra{i}", level=1)
        UserRole.objects.create(user=user, role=role, assigned_by=user)


def build_user_roles(n, users, rbac):
    _roles_for(users["owner"], n, rbac)
    return bearer_client(users["admin"]), f"/api/v1/admin/users/{users['owner'].pk}/roles/"


def build_roles(n, users, rbac):
    permission = Permission.objects.get(name="users.view")
    for i in range(n):
        role = Role.objects.create(name=f"Extra{i}", level=1)
        RolePermission.objects.create(role=role, permission=permission)
    return bearer_client(users["admin"]), "/api/v1/admin/roles/"


def build_permissions(n, users, rbac):
    for i in range(n):
        Permission.objects.create(name=f"extra.perm{i}", category="Test")
    return bearer_client(users["admin"]), "/api/v1/admin/permissions/"


def build_settings(n, users, rbac):
    for i in range(n):
        SystemSetting.objects.create(
            setting_key=f"Test.Setting{i}", setting_value=str(i), data_type="Integer", category="T"
        )
    return bearer_client(users["admin"]), "/api/v1/admin/settings/"


def build_audit_logs(n, users, rbac):
    for i in range(n):
        AuditLog.objects.create(
            user=users["owner"], action="Update", entity_type="accounts.User", entity_id=str(i)
        )
    return bearer_client(users["admin"]), "/api/v1/admin/audit-logs/"


def build_me(n, users, rbac):
    _roles_for(users["owner"], n, rbac)
    return bearer_client(users["owner"]), "/api/v1/auth/me/"


def build_my_settings(n, users, rbac):
    return bearer_client(users["owner"]), "/api/v1/me/settings/"


def build_my_case(n, users, rbac):
    provider_user = users["provider"]
    case = _case(provider_user, documents=n, events=n)
    return bearer_client(provider_user), f"/api/v1/kyc/verifications/{case.pk}/"


def build_review_case(n, users, rbac):
    case = _case(users["provider"], documents=n, events=n)
    return bearer_client(users["kyc_reviewer"]), f"/api/v1/kyc/reviews/{case.pk}/"


def build_user_detail(n, users, rbac):
    _roles_for(users["owner"], n, rbac)
    return bearer_client(users["admin"]), f"/api/v1/admin/users/{users['owner'].pk}/"


def build_role_detail(n, users, rbac):
    role = Role.objects.create(name="Wide", level=1)
    for i in range(n):
        permission = Permission.objects.create(name=f"wide.perm{i}", category="Test")
        RolePermission.objects.create(role=role, permission=permission)
    return bearer_client(users["admin"]), f"/api/v1/admin/roles/{role.pk}/"


def build_setting_detail(n, users, rbac):
    SystemSetting.objects.create(
        setting_key="Test.Json",
        setting_value="[" + ",".join(str(i) for i in range(n)) + "]",
        data_type="JSON",
        category="T",
    )
    return bearer_client(users["admin"]), "/api/v1/admin/settings/Test.Json/"


def build_audit_detail(n, users, rbac):
    entry = AuditLog.objects.create(
        user=users["owner"],
        action="Update",
        entity_type="accounts.User",
        new_values={f"field{i}": i for i in range(n)},
    )
    return bearer_client(users["admin"]), f"/api/v1/admin/audit-logs/{entry.pk}/"


SCENARIOS = {
    "auth-session-list": Scenario("list", LIST_BUDGET, build_sessions),
    "kyc-verification-list": Scenario("list", LIST_BUDGET, build_my_cases),
    "kyc-review-list": Scenario("list", LIST_BUDGET, build_review_queue),
    "admin-user-list": Scenario("list", LIST_BUDGET, build_users),
    "admin-user-role-list": Scenario("list", LIST_BUDGET, build_user_roles),
    "admin-role-list": Scenario("list", LIST_BUDGET, build_roles),
    "admin-permission-list": Scenario("list", LIST_BUDGET, build_permissions),
    "admin-setting-list": Scenario("list", LIST_BUDGET, build_settings),
    "admin-audit-log-list": Scenario("list", LIST_BUDGET, build_audit_logs),
    "auth-me": Scenario("detail", DETAIL_BUDGET, build_me),
    "me-settings": Scenario("detail", DETAIL_BUDGET, build_my_settings),
    "kyc-verification-detail": Scenario("detail", DETAIL_BUDGET, build_my_case),
    "kyc-review-detail": Scenario("detail", DETAIL_BUDGET, build_review_case),
    "admin-user-detail": Scenario("detail", DETAIL_BUDGET, build_user_detail),
    "admin-role-detail": Scenario("detail", DETAIL_BUDGET, build_role_detail),
    "admin-setting-detail": Scenario("detail", DETAIL_BUDGET, build_setting_detail),
    "admin-audit-log-detail": Scenario("detail", DETAIL_BUDGET, build_audit_detail),
}


def _queries_for(client, url) -> tuple[int, object]:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def _measure(rbac, name: str, n: int) -> int:
    """Queries of the route with `n` rows, in a savepoint that is rolled back after."""
    scenario = SCENARIOS[name]
    with transaction.atomic():
        users = {
            "owner": make_user(rbac, "PetOwner", email="owner@example.com"),
            "provider": make_user(rbac, "ServiceProvider", email="provider@example.com"),
            "kyc_reviewer": make_user(rbac, "KycReviewer", email="reviewer@example.com"),
            "admin": make_user(rbac, "Admin", email="admin@example.com"),
        }
        ServiceProviderFactory(user=users["provider"])
        client, url = scenario.build(n, users, rbac)
        count, response = _queries_for(client, url)
        if scenario.kind == "list":
            body = response.json()
            rows = body["results"] if isinstance(body, dict) else body
            assert len(rows) >= n
        transaction.set_rollback(True)
    return count


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_query_budget_holds_and_does_not_grow_with_rows(rbac, name):
    # when
    at_n, at_2n = _measure(rbac, name, 4), _measure(rbac, name, 8)

    # then
    budget = SCENARIOS[name].budget
    assert (at_n, at_2n) == (at_n, at_n), f"{name}: {at_n} queries at N, {at_2n} at 2N"
    assert at_n <= budget, f"{name}: {at_n} queries, budget {budget}"
