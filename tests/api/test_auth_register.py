"""Registration, email verification, password change and password reset."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core import mail
from rest_framework.test import APIClient

from accounts.choices import AccountStatus, LoginFailureReason
from accounts.models import LoginAttempt, User, UserRole, UserSession, UserSettings
from accounts.services.authentication import PasswordResetTokens
from audit.choices import AuditAction
from audit.models import AuditLog
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.callers import bearer_client

REGISTER_URL = "/api/v1/auth/register/"
NEW_PASSWORD = "a-brand-new-passphrase-77"


def _register(**overrides):
    payload = {
        "email": "new.owner@example.com",
        "password": "tennis-ball-frisbee-91",
        "first_name": "Nina",
        "last_name": "Gray",
        "role": "PetOwner",
        **overrides,
    }
    return APIClient().post(REGISTER_URL, payload)


def _token_from_last_mail() -> str:
    return re.search(r"token=(\S+)", mail.outbox[-1].body).group(1)


def _login(email, password):
    return APIClient().post("/api/v1/auth/login/", {"email": email, "password": password})


@pytest.fixture
def verification_required(setting):
    setting("Platform.RequireEmailVerification", True)
    setting("Platform.AllowRegistration", True)


def test_registration_creates_a_pending_account_until_the_email_is_verified(
    rbac, verification_required, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(email="New.Owner@Example.com", role="ServiceProvider")

    # then
    assert response.status_code == 201
    assert response.json() == {
        "email": "new.owner@example.com",
        "email_verification_required": True,
        "detail": "Check your inbox to confirm your email address.",
    }
    user = User.objects.get(email="new.owner@example.com")
    assert (user.account_status, user.email_confirmed) == (AccountStatus.PENDING, False)
    assert list(UserRole.objects.filter(user=user).values_list("role__name", flat=True)) == [
        "ServiceProvider"
    ]
    assert UserSettings.objects.filter(user=user).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.owner@example.com"]
    assert _login("new.owner@example.com", "tennis-ball-frisbee-91").status_code == 401
    assert LoginAttempt.objects.get().failure_reason == LoginFailureReason.EMAIL_NOT_CONFIRMED

    # when: the link is followed
    verified = APIClient().post("/api/v1/auth/verify-email/", {"token": _token_from_last_mail()})

    # then
    assert verified.status_code == 200
    user.refresh_from_db()
    assert (user.account_status, user.email_confirmed) == (AccountStatus.ACTIVE, True)
    assert _login("new.owner@example.com", "tennis-ball-frisbee-91").status_code == 200


def test_a_verification_link_works_once(
    rbac, verification_required, django_capture_on_commit_callbacks
):
    # given
    with django_capture_on_commit_callbacks(execute=True):
        _register()
    token = _token_from_last_mail()
    APIClient().post("/api/v1/auth/verify-email/", {"token": token})

    # when
    again = APIClient().post("/api/v1/auth/verify-email/", {"token": token})

    # then
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "invalid_token"


@pytest.mark.parametrize(
    "token", ["garbage", "AAAA.1-abc", "", "x" * 301], ids=["garbage", "forged", "empty", "long"]
)
def test_bad_verification_tokens_are_refused(rbac, verification_required, token):
    # when
    response = APIClient().post("/api/v1/auth/verify-email/", {"token": token})

    # then
    assert response.status_code == 400
    assert not AuditLog.objects.exists()


def test_without_verification_the_account_is_active_at_once(rbac, setting):
    # given
    setting("Platform.RequireEmailVerification", False)

    # when
    response = _register()

    # then
    assert response.status_code == 201
    assert response.json()["email_verification_required"] is False
    assert User.objects.get(email="new.owner@example.com").account_status == AccountStatus.ACTIVE
    assert _login("new.owner@example.com", "tennis-ball-frisbee-91").status_code == 200


def test_registration_is_refused_while_it_is_closed(rbac, setting):
    # given
    setting("Platform.AllowRegistration", False)

    # when
    response = _register()

    # then
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "registration_closed"
    assert not User.objects.filter(email="new.owner@example.com").exists()


def test_a_known_email_gets_the_same_answer_and_its_owner_a_notice(
    rbac, owner, verification_required, django_capture_on_commit_callbacks
):
    # given
    with django_capture_on_commit_callbacks(execute=True):
        fresh = _register(email="someone.new@example.com")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        known = _register(email=owner.email)

    # then
    assert known.status_code == fresh.status_code == 201
    assert set(known.json()) == set(fresh.json())
    assert known.json()["email_verification_required"] is True
    assert known.json()["detail"] == fresh.json()["detail"]
    assert User.objects.filter(email=owner.email).count() == 1
    assert mail.outbox[-1].to == [owner.email]
    assert "token=" not in mail.outbox[-1].body
    owner.refresh_from_db()
    assert owner.check_password(DEFAULT_PASSWORD)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("password", "12345678"),
        ("password", "short"),
        ("password", "new.owner@example.com"),
        ("role", "Admin"),
        ("email", "not-an-email"),
        ("first_name", ""),
    ],
    ids=["numeric", "short", "similar", "admin_role", "bad_email", "no_first_name"],
)
def test_invalid_registrations_are_400_and_create_nothing(
    rbac, verification_required, field, value
):
    # when
    response = _register(**{field: value})

    # then
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not User.objects.filter(email__in=["new.owner@example.com", value]).exists()


def test_password_change_ends_the_other_sessions(owner):
    # given
    client = bearer_client(owner)
    other = bearer_client(owner)

    # when
    response = client.post(
        "/api/v1/auth/password/change/",
        {"current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD},
    )

    # then
    assert response.status_code == 204
    assert client.get("/api/v1/auth/me/").status_code == 200
    assert other.get("/api/v1/auth/me/").status_code == 401
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    changed = AuditLog.objects.get(action=AuditAction.PASSWORD_CHANGED)
    assert changed.new_values == {"via": "change", "sessions_ended": 1}
    assert NEW_PASSWORD not in json.dumps(changed.new_values)


@pytest.mark.parametrize(
    ("current", "new", "field"),
    [
        ("wrong-current-password", NEW_PASSWORD, "current_password"),
        (DEFAULT_PASSWORD, "123", "new_password"),
    ],
    ids=["wrong_current", "weak_new"],
)
def test_a_refused_password_change_changes_nothing(owner, current, new, field):
    # given
    client = bearer_client(owner)
    other = bearer_client(owner)

    # when
    response = client.post(
        "/api/v1/auth/password/change/", {"current_password": current, "new_password": new}
    )

    # then
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    owner.refresh_from_db()
    assert owner.check_password(DEFAULT_PASSWORD)
    assert other.get("/api/v1/auth/me/").status_code == 200


def test_password_reset_answers_alike_for_known_and_unknown_emails(
    owner, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        known = APIClient().post("/api/v1/auth/password/reset/", {"email": owner.email})
        unknown = APIClient().post("/api/v1/auth/password/reset/", {"email": "no@example.com"})

    # then
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert [m.to for m in mail.outbox] == [[owner.email]]


def test_password_reset_sets_the_password_ends_sessions_and_lifts_a_lockout(
    owner, django_capture_on_commit_callbacks
):
    # given: someone locked the account by guessing, and the owner had a session
    client = bearer_client(owner)
    for _ in range(5):
        _login(owner.email, "guess-guess-guess")
    assert _login(owner.email, DEFAULT_PASSWORD).status_code == 401
    with django_capture_on_commit_callbacks(execute=True):
        APIClient().post("/api/v1/auth/password/reset/", {"email": owner.email})
    token = _token_from_last_mail()

    # when
    response = APIClient().post(
        "/api/v1/auth/password/reset/confirm/", {"token": token, "new_password": NEW_PASSWORD}
    )

    # then
    assert response.status_code == 204
    assert client.get("/api/v1/auth/me/").status_code == 401
    assert not UserSession.objects.filter(user=owner, is_active=True).exists()
    assert _login(owner.email, NEW_PASSWORD).status_code == 200
    # The link is spent: the password it was made for has changed.
    again = APIClient().post(
        "/api/v1/auth/password/reset/confirm/", {"token": token, "new_password": NEW_PASSWORD}
    )
    assert again.status_code == 400


def test_a_reset_link_expires_after_an_hour(owner, monkeypatch, django_capture_on_commit_callbacks):
    # given
    with django_capture_on_commit_callbacks(execute=True):
        APIClient().post("/api/v1/auth/password/reset/", {"email": owner.email})
    token = _token_from_last_mail()

    # when: the token clock (Django's, naive local time) moves on an hour and a minute
    later = PasswordResetTokens()._now() + datetime.timedelta(minutes=61)
    monkeypatch.setattr(PasswordResetTokens, "_now", lambda self: later)
    response = APIClient().post(
        "/api/v1/auth/password/reset/confirm/", {"token": token, "new_password": NEW_PASSWORD}
    )

    # then
    assert response.status_code == 400
    owner.refresh_from_db()
    assert owner.check_password(DEFAULT_PASSWORD)


def test_a_verification_token_is_no_reset_token(
    rbac, verification_required, django_capture_on_commit_callbacks
):
    # given: the salts differ, so one kind of link cannot stand in for the other
    with django_capture_on_commit_callbacks(execute=True):
        _register()
    verification_token = _token_from_last_mail()

    # when
    response = APIClient().post(
        "/api/v1/auth/password/reset/confirm/",
        {"token": verification_token, "new_password": NEW_PASSWORD},
    )

    # then
    assert response.status_code == 400
    assert not User.objects.get(email="new.owner@example.com").check_password(NEW_PASSWORD)
