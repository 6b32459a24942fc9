"""`manage.py verify_email`: the local way past email verification."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.choices import AccountStatus
from audit.choices import AuditAction
from audit.models import AuditLog
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _run(*args, **kwargs) -> str:
    out = StringIO()
    call_command("verify_email", *args, stdout=out, **kwargs)
    return out.getvalue()


def test_a_pending_account_becomes_active_and_the_change_is_audited(settings):
    settings.DEBUG = True
    user = UserFactory(
        email="pending@example.com", email_confirmed=False, account_status=AccountStatus.PENDING
    )

    output = _run(" Pending@Example.com ")

    user.refresh_from_db()
    assert (user.email_confirmed, user.account_status) == (True, AccountStatus.ACTIVE)
    assert output == "pending@example.com verified (Active).\n"
    row = AuditLog.objects.get(entity_id=str(user.pk), action=AuditAction.UPDATE)
    assert row.user_id == user.pk


def test_an_already_verified_account_is_left_alone(settings):
    settings.DEBUG = True
    user = UserFactory(email="done@example.com", email_confirmed=True)
    before = AuditLog.objects.count()

    assert _run("done@example.com") == "done@example.com is already verified (Active).\n"
    assert AuditLog.objects.count() == before
    user.refresh_from_db()
    assert user.email_confirmed is True


def test_unknown_emails_and_production_are_refused(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="No account has the email 'nobody@example.com'"):
        _run("nobody@example.com")
    settings.DEBUG = False
    user = UserFactory(email="prod@example.com", email_confirmed=False)
    with pytest.raises(CommandError, match="DEBUG is off"):
        _run("prod@example.com")
    user.refresh_from_db()
    assert user.email_confirmed is False
