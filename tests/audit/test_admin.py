"""The staff admin as a whole (every screen loads, every admin audits) and the audit log."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import (
    KycVerification,
    LoginAttempt,
    Permission,
    Role,
    ServiceProvider,
    User,
    UserRole,
    UserSession,
)
from audit.choices import AuditAction, Severity
from audit.models import AuditLog
from doggy.admin_mixins import AuditedModelAdmin
from doggy.models import StoredFile, SystemSetting
from messaging.choices import ConversationType
from messaging.models import Conversation, ConversationParticipant, Message
from tests.accounts.factories import (
    KycDocumentFactory,
    LoginAttemptFactory,
    PermissionFactory,
    RoleFactory,
    ServiceProviderFactory,
    UserFactory,
    UserRoleFactory,
    UserSessionFactory,
)
from tests.audit.factories import AuditLogFactory
from tests.doggy.factories import StoredFileFactory, SystemSettingFactory

CHANGELIST = "admin:audit_auditlog_changelist"


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def _url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _one_of_each() -> dict[type, object]:
    """One row of every model of the Phase 1 admin (accounts, platform, audit, messaging)."""
    owner = UserFactory()
    conversation = Conversation.objects.create(type=ConversationType.GROUP)
    participant = ConversationParticipant.objects.create(conversation=conversation, user=owner)
    document = KycDocumentFactory()
    return {
        User: owner,
        Group: Group.objects.create(name="Support"),
        ServiceProvider: ServiceProviderFactory(),
        Role: RoleFactory(name="Helpers", level=2),
        Permission: PermissionFactory(name="reports.view", category="Reports"),
        UserRole: UserRoleFactory(),
        UserSession: UserSessionFactory(),
        LoginAttempt: LoginAttemptFactory(),
        KycVerification: document.verification,
        SystemSetting: SystemSettingFactory(setting_key="Test.Admin", setting_value="x"),
        StoredFile: StoredFileFactory(),
        AuditLog: AuditLogFactory(),
        Conversation: conversation,
        ConversationParticipant: participant,
        Message: Message.objects.create(conversation=conversation, sender=owner, content="Hi"),
    }


def test_every_registered_admin_is_audited():
    # given the admin site as the project configures it
    # then every ModelAdmin derives from the one audited base
    not_audited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedModelAdmin)
    ]
    assert not_audited == []


@pytest.mark.django_db
def test_every_changelist_add_and_change_page_loads_for_a_superuser(superuser_client, superuser):
    # given one row of every model of the Phase 1 admin
    rows = _one_of_each()
    assert set(rows) <= set(admin.site._registry)
    request = type("Request", (), {"user": superuser})()
    for model, obj in rows.items():
        model_admin = admin.site._registry[model]
        # when a superuser opens its list, its change page and (where allowed) its add page
        changelist = superuser_client.get(_url(model, "changelist"))
        change = superuser_client.get(_url(model, "change", obj.pk))
        # then each answers 200
        assert (model._meta.label, changelist.status_code) == (model._meta.label, 200)
        assert (model._meta.label, change.status_code) == (model._meta.label, 200)
        if model_admin.has_add_permission(request):
            add = superuser_client.get(_url(model, "add"))
            assert (model._meta.label, add.status_code) == (model._meta.label, 200)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "model"),
    [("users", User), ("audit log", AuditLog), ("kyc queue", KycVerification)],
)
def test_admin_redirects_a_signed_in_non_staff_user_to_the_login(client, user, _case, model):
    # given a signed-in user without staff status
    client.force_login(user)
    # when they open an admin list
    response = client.get(_url(model, "changelist"))
    # then the admin sends them to its login page
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --- AuditLog admin ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_audit_log_admin_offers_no_add_change_or_delete(superuser_client):
    # given an audit row
    row = AuditLogFactory()
    # when a superuser tries to add, delete or edit it
    add = superuser_client.get(_url(AuditLog, "add"))
    delete = superuser_client.post(_url(AuditLog, "delete", row.pk), {"post": "yes"})
    change = superuser_client.post(_url(AuditLog, "change", row.pk), {"action": "Tampered"})
    changelist = superuser_client.get(_url(AuditLog, "changelist"))
    # then each is refused and the row is unchanged
    assert add.status_code == 403
    assert delete.status_code == 403
    assert change.status_code == 403
    # no actions at all, so no bulk delete
    assert changelist.context["action_form"] is None
    row.refresh_from_db()
    assert row.action == AuditAction.UPDATE
    assert AuditLog.objects.count() == 1


@pytest.mark.django_db
def test_audit_log_change_page_pretty_prints_old_and_new_values(superuser_client):
    # given an audit row with nested values
    row = AuditLogFactory(old_values={"b": 1, "a": {"x": "old"}}, new_values={"a": {"x": "new"}})
    # when it is opened
    response = superuser_client.get(_url(AuditLog, "change", row.pk))
    # then both are shown as indented, key-sorted JSON
    html = response.content.decode()
    assert (
        "{\n  &quot;a&quot;: {\n    &quot;x&quot;: &quot;old&quot;\n  },\n  &quot;b&quot;: 1\n}"
        in html
    )
    assert "&quot;x&quot;: &quot;new&quot;" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "query", "expected"),
    [
        ("by actor", lambda rows: {"actor": rows["alice"].user_id}, {"alice", "old"}),
        ("by system actor", lambda rows: {"actor": "system"}, {"system"}),
        ("by entity type", lambda rows: {"entity_type": "accounts.Role"}, {"bob"}),
        ("by action", lambda rows: {"action": AuditAction.DELETE}, {"bob"}),
        ("by severity", lambda rows: {"severity__exact": Severity.WARNING}, {"system"}),
        (
            "by date",
            lambda rows: {
                "timestamp__year": rows["old"].timestamp.year,
                "timestamp__month": rows["old"].timestamp.month,
                "timestamp__day": rows["old"].timestamp.day,
            },
            {"old"},
        ),
        ("by entity id", lambda rows: {"q": rows["bob"].entity_id}, {"bob"}),
        ("by actor email", lambda rows: {"q": "alice@"}, {"alice", "old"}),
    ],
)
def test_audit_log_changelist_filters(superuser_client, _case, query, expected):
    # given rows by different actors, entities, actions, severities and days
    alice = UserFactory(email="alice@example.com")
    bob = UserFactory(email="bob@example.com")
    rows = {
        "alice": AuditLogFactory(user=alice),
        "bob": AuditLogFactory(
            user=bob, entity_type="accounts.Role", entity_id="77", action=AuditAction.DELETE
        ),
        "system": AuditLogFactory(user=None, severity=Severity.WARNING, entity_id="5"),
        "old": AuditLogFactory(
            user=alice, timestamp=timezone.now() - datetime.timedelta(days=40), entity_id="6"
        ),
    }
    # when the list is filtered
    response = superuser_client.get(reverse(CHANGELIST), query(rows))
    # then exactly the matching rows are listed
    assert response.status_code == 200
    listed = {row.pk for row in response.context["cl"].result_list}
    assert listed == {rows[name].pk for name in expected}


# --- AuditedModelAdmin ------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_edit_of_a_permission_description_writes_an_audit_row(superuser_client, superuser):
    # given a permission
    permission = PermissionFactory(
        name="reports.export", category="Reports", description="Export reports"
    )
    # when a superuser changes its description in the admin
    response = superuser_client.post(
        _url(Permission, "change", permission.pk),
        {"name": "reports.export", "category": "Reports", "description": "Export CSV reports"},
    )
    # then it is saved and one Update row records the old and new description
    assert response.status_code == 302
    permission.refresh_from_db()
    assert permission.description == "Export CSV reports"
    row = AuditLog.objects.get(entity_type="accounts.Permission", entity_id=str(permission.pk))
    assert row.action == AuditAction.UPDATE
    assert row.user_id == superuser.pk
    assert row.old_values == {"description": "Export reports"}
    assert row.new_values == {"description": "Export CSV reports"}


@pytest.mark.django_db
def test_admin_add_and_delete_of_a_plain_row_write_audit_rows(superuser_client):
    # given a permission group (a plain row: no service owns it)
    group = Group.objects.create(name="Temporary")
    # when a superuser deletes it in the admin
    response = superuser_client.post(_url(Group, "delete", group.pk), {"post": "yes"})
    # then it is gone and one Delete row keeps its old values
    assert response.status_code == 302
    assert not Group.objects.filter(pk=group.pk).exists()
    row = AuditLog.objects.get(entity_type="auth.Group")
    assert row.action == AuditAction.DELETE
    assert row.entity_id == str(group.pk)
    assert row.old_values["name"] == "Temporary"
    assert row.new_values is None


@pytest.mark.django_db
def test_admin_group_change_audits_its_permissions(superuser_client):
    # given a permission group without permissions
    group = Group.objects.create(name="Support")
    from django.contrib.auth.models import Permission as DjangoPermission

    view_user = DjangoPermission.objects.get(codename="view_user")
    # when a superuser gives it one
    response = superuser_client.post(
        _url(Group, "change", group.pk), {"name": "Support", "permissions": [view_user.pk]}
    )
    # then the audit row carries the many-to-many change
    assert response.status_code == 302
    row = AuditLog.objects.get(entity_type="auth.Group", entity_id=str(group.pk))
    assert row.old_values == {"permissions": []}
    assert row.new_values == {"permissions": [str(view_user.pk)]}


# --- Query counts -----------------------------------------------------------------------------


def _changelist_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def _users(n: int) -> None:
    for _ in range(n):
        UserRoleFactory(user=UserFactory(), role=RoleFactory(name="Walkers", level=2))


def _audit_rows(n: int) -> None:
    for i in range(n):
        AuditLogFactory(entity_type=f"accounts.Model{i}", action=f"Action{i}")


def _kyc_cases(n: int) -> None:
    reviewer = UserFactory()
    for _ in range(n):
        provider = ServiceProviderFactory()
        document = KycDocumentFactory(
            verification__user=provider.user,
            verification__service_provider=provider,
            verification__status="InReview",
            verification__submitted_at=timezone.now(),
            verification__review_started_at=timezone.now(),
        )
        KycVerification.objects.filter(pk=document.verification_id).update(reviewed_by=reviewer)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "model", "make"),
    [
        ("users", User, _users),
        ("audit log", AuditLog, _audit_rows),
        ("kyc", KycVerification, _kyc_cases),
    ],
)
def test_changelist_query_count_does_not_grow_with_rows(superuser_client, _case, model, make):
    # given N rows, and a first request that warms per-process caches
    url = _url(model, "changelist")
    make(5)
    superuser_client.get(url)
    at_n = _changelist_queries(superuser_client, url)
    # when N more rows exist
    make(5)
    at_2n = _changelist_queries(superuser_client, url)
    # then the list takes as many queries as before
    assert at_2n == at_n


# --- Search by email --------------------------------------------------------------------------


@pytest.mark.django_db
def test_search_by_email_finds_the_persons_failed_sign_ins_and_lockout(superuser_client):
    # given alice's own change, a failed sign-in and a lockout (rows that name the attempt
    # and the account, not alice as the actor), and bob's failed sign-in
    alice = UserFactory(email="alice@example.com")
    UserFactory(email="bob@example.com")
    alice_attempt = LoginAttemptFactory(
        email="alice@example.com", success=False, failure_reason="InvalidCredentials"
    )
    bob_attempt = LoginAttemptFactory(
        email="bob@example.com", success=False, failure_reason="InvalidCredentials"
    )
    unknown_attempt = LoginAttemptFactory(
        email="nobody@example.com", success=False, failure_reason="InvalidCredentials"
    )

    def failed(attempt):
        return AuditLogFactory(
            user=None,
            action=AuditAction.LOGIN_FAILED,
            entity_type="accounts.LoginAttempt",
            entity_id=str(attempt.pk),
            new_values={"email": attempt.email, "reason": "InvalidCredentials"},
        )

    rows = {
        "own": AuditLogFactory(user=alice),
        "failed": failed(alice_attempt),
        "locked": AuditLogFactory(
            user=None,
            action=AuditAction.ACCOUNT_LOCKED,
            entity_type="accounts.User",
            entity_id=str(alice.pk),
            new_values={"failed_logins": 5},
        ),
        "bob": failed(bob_attempt),
        "unknown": failed(unknown_attempt),
    }
    # when the log is searched by alice's email (any case), and by an unknown email
    with CaptureQueriesContext(connection) as queries:
        response = superuser_client.get(reverse(CHANGELIST), {"q": " Alice@Example.com "})
    log_queries = [q["sql"] for q in queries.captured_queries if '"AuditLogs"' in q["sql"]]
    unknown = superuser_client.get(reverse(CHANGELIST), {"q": "nobody@example.com"})
    # then her three rows are listed, found without a substring scan of the log
    assert {row.pk for row in response.context["cl"].result_list} == {
        rows[name].pk for name in ("own", "failed", "locked")
    }
    assert {row.pk for row in unknown.context["cl"].result_list} == {rows["unknown"].pk}
    assert log_queries
    assert not [sql for sql in log_queries if " LIKE " in sql.upper()]
