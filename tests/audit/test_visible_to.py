"""`AuditLog.objects.visible_to(actor)`: the audit readers see every row, others none;
the API's selector and the admin's list use the same rule."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from audit.models import AuditLog
from audit.selectors import audit_log_list
from tests.audit.factories import AuditLogFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("caller", "sees"),
    [
        ("rbac_admin", True),
        ("superuser", True),
        ("owner", False),
        ("kyc_reviewer", False),
    ],
)
def test_only_audit_readers_see_the_log(request, caller, sees):
    # given
    row = AuditLogFactory()
    actor = request.getfixturevalue(caller)

    # then
    expected = [row] if sees else []
    assert list(AuditLog.objects.visible_to(actor).filter(pk=row.pk)) == expected
    assert list(audit_log_list(actor=actor).filter(pk=row.pk)) == expected


def test_anonymous_sees_nothing(db):
    AuditLogFactory()
    assert list(AuditLog.objects.visible_to(AnonymousUser())) == []


def test_the_admin_list_uses_the_same_rule(user_with_permission):
    # given: admin-site staff holding Django's view permission but no audit-reader RBAC
    from django.contrib.auth.models import Permission as DjangoPermission

    row = AuditLogFactory(entity_type="accounts.Marker", entity_id="visible-to-check")
    staff = user_with_permission("kyc.review")
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    staff.user_permissions.add(DjangoPermission.objects.get(codename="view_auditlog"))
    client = Client()
    client.force_login(staff)

    # when
    page = client.get(reverse("admin:audit_auditlog_changelist"))

    # then: the screen opens (Django's permission) but lists no row
    assert page.status_code == 200
    assert row.entity_id not in page.content.decode()
