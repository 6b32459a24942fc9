"""Staff work in a real browser: a KYC reviewer decides two cases, an admin grants roles.

Each test signs in through the admin's login form, works only through the pages (links,
radio buttons, ticks, the inline "add another" row), and then checks both what the page
showed and the audit rows the services wrote.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from accounts.choices import KycRejectType, KycStatus
from accounts.models import KycVerification, Permission, UserRole
from audit.choices import AuditAction
from audit.models import AuditLog
from tests.accounts.factories import (
    DEFAULT_PASSWORD,
    KycDocumentFactory,
    RoleFactory,
    RolePermissionFactory,
    ServiceProviderFactory,
    UserFactory,
    UserRoleFactory,
    system_rbac,
)
from tests.browser.conftest import PAGE_WAIT_SECONDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wait_for(browser, css: str):
    return WebDriverWait(browser, PAGE_WAIT_SECONDS).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def _open(browser, live_server, path: str, wait_css: str = "#content") -> None:
    browser.get(live_server.url + path)
    _wait_for(browser, wait_css)


def _submit(browser, css: str, wait_css: str) -> None:
    """Click a submit button, then wait until the page it leads to has loaded."""
    button = browser.find_element(By.CSS_SELECTOR, css)
    button.click()
    WebDriverWait(browser, PAGE_WAIT_SECONDS).until(ec.staleness_of(button))
    _wait_for(browser, wait_css)


def _sign_in(browser, live_server, email: str) -> None:
    _open(browser, live_server, reverse("admin:login"), "#login-form")
    browser.find_element(By.ID, "id_username").send_keys(email)
    browser.find_element(By.ID, "id_password").send_keys(DEFAULT_PASSWORD)
    _submit(browser, "#login-form input[type=submit]", "#user-tools")


def _messages(browser) -> list[str]:
    return [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.messagelist li")]


def _decision_link(browser, decision: str):
    """A decision button of the case page (the object tools show their labels in capitals)."""
    link = browser.find_element(By.CSS_SELECTOR, f".object-tools a[href$='/decide/{decision}/']")
    assert link.text.lower() == {"approve": "approve", "reject": "reject"}[decision]
    return link


def _pending_case() -> KycVerification:
    provider = ServiceProviderFactory()
    document = KycDocumentFactory(
        verification__user=provider.user,
        verification__service_provider=provider,
        verification__status=KycStatus.PENDING,
        verification__submitted_at=timezone.now(),
    )
    return document.verification


def test_kyc_reviewer_approves_one_case_and_rejects_another(live_server, browser):
    # given a KYC reviewer (staff, kyc.review) and two submitted cases
    system_rbac()
    role = RoleFactory(name="KycReviewer", level=5)
    for name in ("kyc.review", "users.view"):
        RolePermissionFactory(role=role, permission=Permission.objects.get(name=name))
    reviewer = UserFactory(email="reviewer@example.com", is_staff=True)
    UserRoleFactory(user=reviewer, role=role)
    approved, rejected = _pending_case(), _pending_case()
    _sign_in(browser, live_server, "reviewer@example.com")

    # when they open the first case and approve it
    _open(
        browser, live_server, reverse("admin:accounts_kycverification_change", args=[approved.pk])
    )
    _decision_link(browser, "approve").click()
    _wait_for(browser, "input[type=submit][value=Approve]")
    _submit(browser, "input[type=submit][value=Approve]", "ul.messagelist")
    # then the page says so in words, and the approval is audited under their name
    assert _messages(browser) == ["Approved: the applicant is verified."]
    assert browser.find_element(By.CSS_SELECTOR, "#content h2").text == (
        f"KYC {approved.pk} (Approved)"
    )
    approved.refresh_from_db()
    assert approved.status == KycStatus.APPROVED
    assert list(
        AuditLog.objects.filter(entity_id=str(approved.pk)).values_list("action", "user_id")
    ) == [(AuditAction.KYC_APPROVED, reviewer.pk)]

    # when they open the second case, choose Final over the preselected Retry, tick a
    # label and give a reason
    _open(
        browser, live_server, reverse("admin:accounts_kycverification_change", args=[rejected.pk])
    )
    _decision_link(browser, "reject").click()
    retry = _wait_for(browser, "input[name=reject_type][value=Retry]")
    assert retry.is_selected()
    browser.find_element(By.CSS_SELECTOR, "input[name=reject_type][value=Final]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=labels][value=BLURRY_IMAGE]").click()
    browser.find_element(By.ID, "id_reason").send_keys("The passport photo is unreadable.")
    _submit(browser, "input[type=submit][value='Save decision']", "ul.messagelist")
    # then the page says the case is closed, and the rejection is audited with its label
    assert _messages(browser) == ["Rejected for good: the case is closed."]
    assert browser.find_element(By.CSS_SELECTOR, "#content h2").text == (
        f"KYC {rejected.pk} (Rejected)"
    )
    rejected.refresh_from_db()
    assert (rejected.status, rejected.reject_type, rejected.reject_labels) == (
        KycStatus.REJECTED,
        KycRejectType.FINAL,
        ["BLURRY_IMAGE"],
    )
    log = AuditLog.objects.get(entity_id=str(rejected.pk))
    assert (log.action, log.user_id) == (AuditAction.KYC_REJECTED, reviewer.pk)
    assert log.new_values["reject_labels"] == ["BLURRY_IMAGE"]
    assert log.new_values["applicant_comment"] == "The passport photo is unreadable."


def _grant_on_user_page(browser, live_server, user, role_name: str) -> list[str]:
    """Add a role row on the user's page, pick `role_name`, save; the roles offered."""
    _open(browser, live_server, reverse("admin:accounts_user_change", args=[user.pk]))
    browser.find_element(By.CSS_SELECTOR, "#user_roles-group .add-row a").click()
    select = Select(_wait_for(browser, "select[name='user_roles-0-role']"))
    offered = [option.text for option in select.options if option.get_attribute("value")]
    select.select_by_visible_text(role_name)
    _submit(browser, "input[name=_save]", "#content")
    return offered


def test_admin_grants_a_role_and_is_refused_past_max_users(live_server, browser):
    # given an admin (level 10, users.manage), a role for at most one user, two owners
    roles = system_rbac()
    admin = UserFactory(email="admin@example.com", is_staff=True)
    UserRoleFactory(user=admin, role=roles["Admin"])
    RoleFactory(name="Walker", level=3, max_users=1)
    first = UserFactory(email="first@example.com")
    second = UserFactory(email="second@example.com")
    _sign_in(browser, live_server, "admin@example.com")

    # when they grant the role to the first owner on the owner's page
    offered = _grant_on_user_page(browser, live_server, first, "Walker")
    # then only roles below their own level were offered, and the grant is saved, audited
    assert offered == ["User", "PetOwner", "ServiceProvider", "Walker"]
    assert _messages(browser) == [
        "The user “first@example.com” was changed successfully.",
    ]
    granted = UserRole.objects.get(user=first)
    assert (granted.role.name, granted.is_active, granted.assigned_by_id) == (
        "Walker",
        True,
        admin.pk,
    )

    # when they grant it to the second owner too
    _grant_on_user_page(browser, live_server, second, "Walker")
    # then the row shows the refusal and nothing is written
    assert browser.find_element(By.CSS_SELECTOR, "p.errornote").is_displayed()
    row_errors = browser.find_element(By.CSS_SELECTOR, "#user_roles-group .errorlist").text
    assert row_errors == "The role Walker already has its maximum of 1 users."
    assert not UserRole.objects.filter(user=second).exists()
    assert list(
        AuditLog.objects.filter(action=AuditAction.ROLE_ASSIGNED).values_list(
            "user_id", "new_values__role_name"
        )
    ) == [(admin.pk, "Walker")]
