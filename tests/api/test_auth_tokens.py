"""Bearer tokens: lookup, expiry, rotation with reuse detection, logout and revocation."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from accounts.choices import SessionEndReason
from accounts.models import UserSession
from accounts.services import sessions as session_services
from accounts.services.rbac import user_role_revoke
from accounts.services.users import user_deactivate, user_suspend
from audit.choices import AuditAction
from audit.models import AuditLog
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.callers import bearer_client

ME_URL = "/api/v1/auth/me/"
REFRESH_URL = "/api/v1/auth/refresh/"


def _client(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _refresh(refresh_token: str):
    return APIClient().post(REFRESH_URL, {"refresh_token": refresh_token})


def test_ten_thousand_tokens_are_distinct():
    # when
    tokens = {session_services._new_access_token()[1] for _ in range(10_000)}
    refresh = {session_services._new_refresh_token() for _ in range(10_000)}

    # then
    assert len(tokens) == 10_000
    assert len(refresh) == 10_000


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer a b",
        "Bearer short.secret",
        "Bearer AAAAAAAAAAAAAAAA.wrong-secret",
        "Bearer \u00e9\u00e9\u00e9",
    ],
    ids=["no_token", "two_parts", "bad_prefix", "unknown", "non_ascii"],
)
def test_malformed_or_unknown_tokens_are_401_with_a_bearer_challenge(owner, header):
    # when
    response = APIClient().get(ME_URL, HTTP_AUTHORIZATION=header.encode().decode("latin-1"))

    # then
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["error"]["code"] in ("invalid_token", "authentication_failed")


def test_missing_credentials_on_a_protected_route_are_401(db):
    # when
    response = APIClient().get(ME_URL)

    # then
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["error"]["code"] == "not_authenticated"


def test_the_right_prefix_with_a_wrong_secret_is_refused(owner):
    # given
    client = bearer_client(owner)
    prefix = client.issued.access_token.split(".")[0]

    # when
    response = _client(f"{prefix}.{'x' * 43}").get(ME_URL)

    # then
    assert response.status_code == 401


def test_digests_are_compared_in_constant_time():
    # given: the module's source
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(session_services))

    # then: no == or != on a digest; hmac.compare_digest does the comparing
    compares = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and any("digest" in ast.unparse(side) for side in [node.left, *node.comparators])
    ]
    assert compares == []
    assert "hmac.compare_digest" in inspect.getsource(session_services.digests_match)


def test_idle_timeout_refuses_the_access_token_but_refresh_still_works(owner, clock):
    # given: Platform.SessionTimeoutMinutes defaults to 120
    client = bearer_client(owner)
    clock.advance(minutes=119, seconds=59)
    assert client.get(ME_URL).status_code == 200
    # That request slid LastActivityAt forward.
    clock.advance(minutes=119, seconds=59)
    assert client.get(ME_URL).status_code == 200

    # when
    clock.advance(minutes=120, seconds=1)
    response = client.get(ME_URL)

    # then
    assert response.status_code == 401
    assert _refresh(client.issued.refresh_token).status_code == 200


def test_idle_timeout_follows_the_setting(owner, clock, setting):
    # given
    setting("Platform.SessionTimeoutMinutes", 5)
    client = bearer_client(owner)

    # when
    clock.advance(minutes=5, seconds=1)

    # then
    assert client.get(ME_URL).status_code == 401


def test_absolute_lifetime_ends_the_session_however_active(owner, clock):
    # given: used every hour for the whole absolute lifetime (12 hours by default)
    client = bearer_client(owner)
    for _ in range(11):
        clock.advance(hours=1)
        assert client.get(ME_URL).status_code == 200
    clock.advance(minutes=59, seconds=59)
    assert client.get(ME_URL).status_code == 200

    # when
    clock.advance(seconds=2)
    response = client.get(ME_URL)

    # then
    assert response.status_code == 401
    session = UserSession.objects.get(pk=client.issued.session.pk)
    assert (session.is_active, session.end_reason) == (False, SessionEndReason.EXPIRED)
    assert _refresh(client.issued.refresh_token).status_code == 401


def test_last_activity_is_written_at_most_once_a_minute(owner, clock, django_assert_num_queries):
    # given
    client = bearer_client(owner)
    started = client.issued.session.last_activity_at
    clock.advance(seconds=30)
    client.get(ME_URL)
    assert UserSession.objects.get().last_activity_at == started

    # when
    clock.advance(seconds=31)
    client.get(ME_URL)

    # then
    assert UserSession.objects.get().last_activity_at == clock.now


def test_refresh_rotates_the_pair_and_replaces_the_old_session(owner):
    # given
    client = bearer_client(owner)
    old = client.issued

    # when
    response = _refresh(old.refresh_token)

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["access_token"] != old.access_token
    assert body["refresh_token"] != old.refresh_token
    previous = UserSession.objects.get(pk=old.session.pk)
    assert previous.is_active is False
    assert previous.end_reason == SessionEndReason.REPLACED
    assert str(previous.replaced_by_session_id) == body["session_id"]
    successor = UserSession.objects.get(pk=body["session_id"])
    # Rotation never extends the sign-in past its absolute lifetime.
    assert successor.expires_at == previous.expires_at
    assert body["refresh_expires_at"].startswith(previous.expires_at.strftime("%Y-%m-%dT%H:%M"))
    assert client.get(ME_URL).status_code == 401
    assert _client(body["access_token"]).get(ME_URL).status_code == 200


def test_replaying_a_consumed_refresh_token_revokes_the_whole_chain(owner):
    # given: login -> r1 -> r2 -> r3
    first = bearer_client(owner).issued
    second = _refresh(first.refresh_token).json()
    third = _refresh(second["refresh_token"]).json()
    other_device = bearer_client(owner)

    # when
    response = _refresh(first.refresh_token)

    # then
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_refresh_token"
    assert _client(third["access_token"]).get(ME_URL).status_code == 401
    assert _refresh(third["refresh_token"]).status_code == 401
    latest = UserSession.objects.get(pk=third["session_id"])
    assert (latest.is_active, latest.end_reason) == (False, SessionEndReason.REVOKED)
    # A sign-in on another device is a different chain and survives.
    assert other_device.get(ME_URL).status_code == 200
    revoked = AuditLog.objects.get(action=AuditAction.SESSION_REVOKED)
    assert revoked.new_values == {"reason": "refresh_token_reuse", "sessions_revoked": 1}


@pytest.mark.parametrize(
    ("refresh_token", "status", "code"),
    [
        ("", 400, "invalid"),
        ("x" * 43, 401, "invalid_refresh_token"),
        ("x" * 201, 400, "invalid"),
    ],
    ids=["empty", "unknown", "too_long"],
)
def test_unknown_refresh_tokens_are_refused(owner, refresh_token, status, code):
    # when
    response = _refresh(refresh_token)

    # then
    # then: malformed input is a 400, a well-formed unknown token a 401
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)
    assert UserSession.objects.count() == 0


def test_refresh_is_refused_for_an_inactive_user(owner):
    # given: the account went inactive without its sessions being ended
    client = bearer_client(owner)
    type(owner).objects.filter(pk=owner.pk).update(is_active=False)

    # when
    response = _refresh(client.issued.refresh_token)

    # then
    assert response.status_code == 401
    session = UserSession.objects.get()
    assert (session.is_active, session.end_reason) == (False, SessionEndReason.REVOKED)
    assert session.replaced_by_session_id is None


def test_logout_ends_the_current_session_only(owner):
    # given
    client = bearer_client(owner)
    other = bearer_client(owner)

    # when
    response = client.post("/api/v1/auth/logout/")

    # then
    assert response.status_code == 204
    assert client.get(ME_URL).status_code == 401
    assert _refresh(client.issued.refresh_token).status_code == 401
    assert other.get(ME_URL).status_code == 200
    ended = UserSession.objects.get(pk=client.issued.session.pk)
    assert ended.end_reason == SessionEndReason.LOGOUT
    assert AuditLog.objects.filter(action=AuditAction.LOGOUT, user=owner).count() == 1


def test_logout_all_ends_every_session(owner, other_owner):
    # given
    clients = [bearer_client(owner) for _ in range(3)]
    bystander = bearer_client(other_owner)

    # when
    response = clients[0].post("/api/v1/auth/logout-all/")

    # then
    assert response.status_code == 204
    assert [c.get(ME_URL).status_code for c in clients] == [401, 401, 401]
    assert bystander.get(ME_URL).status_code == 200
    assert not UserSession.objects.filter(user=owner, is_active=True).exists()


def test_sessions_list_shows_own_active_sessions_and_marks_the_current(owner, other_owner):
    # given
    client = bearer_client(owner, ip_address="198.51.100.4", user_agent="phone")
    second = bearer_client(owner)
    bearer_client(other_owner)
    second.post("/api/v1/auth/logout/")
    third = bearer_client(owner)

    # when
    response = client.get("/api/v1/auth/sessions/")

    # then
    assert response.status_code == 200
    rows = response.json()["results"]
    assert {row["id"] for row in rows} == {
        str(client.issued.session.pk),
        str(third.issued.session.pk),
    }
    current = [row for row in rows if row["current"]]
    assert [row["id"] for row in current] == [str(client.issued.session.pk)]
    assert current[0]["ip_address"] == "198.51.100.4"
    assert "session_token" not in current[0]
    assert "refresh_token" not in current[0]


def test_a_user_revokes_one_of_their_sessions(owner):
    # given
    client = bearer_client(owner)
    lost_phone = bearer_client(owner)

    # when
    response = client.delete(f"/api/v1/auth/sessions/{lost_phone.issued.session.pk}/")

    # then
    assert response.status_code == 204
    assert lost_phone.get(ME_URL).status_code == 401
    assert client.get(ME_URL).status_code == 200
    ended = UserSession.objects.get(pk=lost_phone.issued.session.pk)
    assert ended.end_reason == SessionEndReason.REVOKED


def test_another_users_session_is_a_404_and_stays_active(owner, other_owner):
    # given
    victim = bearer_client(owner)
    attacker = bearer_client(other_owner)

    # when
    response = attacker.delete(f"/api/v1/auth/sessions/{victim.issued.session.pk}/")

    # then
    assert response.status_code == 404
    assert victim.get(ME_URL).status_code == 200
    assert UserSession.objects.get(pk=victim.issued.session.pk).is_active is True


def test_each_login_creates_a_new_session(owner):
    # when
    bodies = [
        APIClient()
        .post("/api/v1/auth/login/", {"email": owner.email, "password": DEFAULT_PASSWORD})
        .json()
        for _ in range(3)
    ]

    # then
    assert len({body["session_id"] for body in bodies}) == 3
    assert UserSession.objects.filter(user=owner, is_active=True).count() == 3


def test_suspension_ends_access_on_the_next_request(owner, rbac_admin):
    # given
    client = bearer_client(owner)
    assert client.get(ME_URL).status_code == 200

    # when
    user_suspend(actor=rbac_admin, user=owner, reason="Chargeback fraud")

    # then
    assert client.get(ME_URL).status_code == 401
    assert _refresh(client.issued.refresh_token).status_code == 401


def test_deactivation_ends_access_on_the_next_request(owner):
    # given
    client = bearer_client(owner)

    # when
    user_deactivate(actor=owner, user=owner)

    # then
    assert client.get(ME_URL).status_code == 401


def test_an_inactive_user_is_refused_even_with_a_live_session(owner):
    # given: the status changed outside the services, so the session was not ended
    client = bearer_client(owner)
    type(owner).objects.filter(pk=owner.pk).update(is_active=False)

    # when
    response = client.get(ME_URL)

    # then
    assert response.status_code == 401


def test_role_removal_takes_effect_on_the_next_request(rbac_admin, rbac, rbac_superuser):
    # given
    client = bearer_client(rbac_admin)
    assert client.get("/api/v1/admin/users/").status_code == 200
    assignment = rbac_admin.user_roles.get(role=rbac["Admin"])

    # when
    user_role_revoke(actor=rbac_superuser, user_role=assignment)

    # then
    assert client.get("/api/v1/admin/users/").status_code == 403
    me = client.get(ME_URL).json()
    assert me["permissions"] == []


@pytest.fixture
def rbac_superuser(db):
    from tests.accounts.factories import UserFactory

    return UserFactory(email="root@example.com", is_staff=True, is_superuser=True)


def test_sessions_expire_into_the_idle_deadline_shown_at_login(owner, clock):
    # when
    body = (
        APIClient()
        .post("/api/v1/auth/login/", {"email": owner.email, "password": DEFAULT_PASSWORD})
        .json()
    )

    # then
    expires_at = datetime.datetime.fromisoformat(body["expires_at"])
    refresh_expires_at = datetime.datetime.fromisoformat(body["refresh_expires_at"])
    assert expires_at == clock.now + datetime.timedelta(minutes=120)
    assert refresh_expires_at == clock.now + datetime.timedelta(hours=12)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/dogs/",
        "/api/v1/providers/me/",
        "/api/v1/billing/subscription/",
        "/api/v1/admin/audit-logs/",
    ],
    ids=["pets", "scheduling", "billing", "audit"],
)
def test_every_app_answers_401_with_the_default_authentication_challenge(db, url):
    # when
    response = APIClient().get(url)

    # then
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_401_raised_without_any_authentication_class_still_carries_the_challenge(owner):
    # given: the sign-in routes authenticate nobody, so DRF offers no challenge of its own
    # when
    response = APIClient().post(
        "/api/v1/auth/login/",
        {"email": owner.email, "password": "not-the-password"},
        format="json",
    )

    # then
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
