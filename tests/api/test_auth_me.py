"""The caller's profile and preferences, the health check and maintenance mode."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.choices import RoleName
from accounts.models import User, UserSettings
from audit.choices import AuditAction
from audit.models import AuditLog
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.callers import bearer_client

ME_URL = "/api/v1/auth/me/"
SETTINGS_URL = "/api/v1/me/settings/"


def test_me_shows_the_profile_roles_and_effective_permissions(owner):
    # when
    response = bearer_client(owner).get(ME_URL)

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == "owner@example.com"
    assert [role["name"] for role in body["roles"]] == ["PetOwner"]
    assert body["permissions"] == ["ai.access", "messaging.access", "services.book", "users.view"]
    assert "password" not in body


def test_expired_roles_grant_nothing(owner, clock):
    # given
    assignment = owner.user_roles.get()
    assignment.expires_at = clock.now
    assignment.save(update_fields=["expires_at"])

    # when
    body = bearer_client(owner).get(ME_URL).json()

    # then
    assert body["roles"] == []
    assert body["permissions"] == []


def test_patch_me_changes_the_profile_and_audits_it(owner):
    # when
    response = bearer_client(owner).patch(
        ME_URL, {"first_name": "Ada", "time_zone": "Europe/London"}
    )

    # then
    assert response.status_code == 200
    assert (response.json()["first_name"], response.json()["time_zone"]) == (
        "Ada",
        "Europe/London",
    )
    owner.refresh_from_db()
    assert (owner.first_name, owner.time_zone) == ("Ada", "Europe/London")
    update = AuditLog.objects.get(action=AuditAction.UPDATE, entity_id=owner.pk)
    assert update.new_values == {"first_name": "Ada", "time_zone": "Europe/London"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"time_zone": "Europe/Londn"}, "time_zone"),
        ({"gender": "Dog"}, "gender"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
    ],
    ids=["unknown_zone", "misspelt_zone", "gender", "future_birthday"],
)
def test_patch_me_refuses_invalid_values(owner, payload, field):
    # when
    response = bearer_client(owner).patch(ME_URL, payload)

    # then
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    owner.refresh_from_db()
    assert owner.time_zone == "UTC"
    assert not AuditLog.objects.filter(action=AuditAction.UPDATE).exists()


@pytest.mark.parametrize(
    "payload",
    [{"email": "takeover@example.com"}, {"account_status": "Active", "is_staff": True}],
    ids=["email", "privileges"],
)
def test_patch_me_ignores_fields_outside_the_profile(owner, payload):
    # when
    response = bearer_client(owner).patch(ME_URL, payload)

    # then
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"
    assert owner.is_staff is False


def test_settings_read_and_replace(owner):
    # given
    client = bearer_client(owner)
    current = client.get(SETTINGS_URL).json()
    assert current["theme"] == "System"

    # when
    replacement = {
        **current,
        "theme": "Dark",
        "time_format": 24,
        "currency": "eur",
        "quiet_hours_start": "22:00:00",
        "quiet_hours_end": "07:00:00",
    }
    replacement.pop("updated_at")
    response = client.put(SETTINGS_URL, replacement)

    # then
    assert response.status_code == 200
    stored = UserSettings.objects.get(user=owner)
    assert (stored.theme, stored.time_format, stored.currency) == ("Dark", 24, "EUR")
    assert str(stored.quiet_hours_start) == "22:00:00"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"theme": "Neon"}, "theme"),
        ({"quiet_hours_start": "22:00:00", "quiet_hours_end": None}, "quiet_hours_end"),
        ({"currency": "EURO"}, "currency"),
        ({"date_format": "YY"}, "date_format"),
    ],
    ids=["theme", "half_quiet_hours", "currency", "date_format"],
)
def test_invalid_settings_are_refused(owner, change, field):
    # given
    client = bearer_client(owner)
    current = client.get(SETTINGS_URL).json()
    current.pop("updated_at")

    # when
    response = client.put(SETTINGS_URL, {**current, **change})

    # then
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert UserSettings.objects.get(user=owner).theme == "System"


def test_health_reports_the_database(db):
    # when
    response = APIClient().get("/api/v1/health/")

    # then
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_is_503_when_the_database_fails(db, monkeypatch):
    # given
    from django.db import OperationalError

    from doggy.api import views

    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", Unreachable())

    # when
    response = APIClient().get("/api/v1/health/")

    # then
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"


@pytest.fixture
def maintenance(setting):
    setting("Platform.MaintenanceMode", True)


def test_maintenance_mode_answers_503_to_everyone_but_staff(maintenance, owner, rbac_admin):
    # when
    as_owner = bearer_client(owner).get(ME_URL)
    as_anonymous = APIClient().post(
        "/api/v1/auth/login/", {"email": owner.email, "password": DEFAULT_PASSWORD}
    )
    as_admin = bearer_client(rbac_admin).get(ME_URL)
    health = APIClient().get("/api/v1/health/")

    # then
    assert as_owner.status_code == 503
    assert as_owner.json() == {
        "error": {
            "code": "maintenance",
            "message": "The platform is down for maintenance; try again later.",
            "fields": {},
        }
    }
    assert as_owner.headers["Retry-After"] == "300"
    assert as_anonymous.status_code == 503
    assert as_admin.status_code == 200
    assert health.status_code == 200
    assert not User.objects.get(pk=owner.pk).last_login


def test_maintenance_mode_lets_system_admins_through_with_a_token(maintenance, rbac):
    # given
    from tests.callers import make_user

    admin = make_user(rbac, RoleName.ADMIN, email="ops@example.com")

    # when
    response = bearer_client(admin).get(ME_URL)

    # then
    assert response.status_code == 200


def test_maintenance_mode_holds_back_bare_django_staff(maintenance, rbac):
    # given: is_staff opens the admin site only; it is no platform capability
    from tests.accounts.factories import UserFactory

    staff = UserFactory(email="ops@example.com", is_staff=True)

    # when
    response = bearer_client(staff).get(ME_URL)

    # then
    assert response.status_code == 503


def test_maintenance_mode_off_again_serves_everyone(maintenance, owner):
    # given: only superusers edit settings that are not IsUserEditable
    from tests.accounts.factories import UserFactory

    client = bearer_client(UserFactory(email="root@example.com", is_staff=True, is_superuser=True))
    assert bearer_client(owner).get(ME_URL).status_code == 503

    # when
    response = client.put("/api/v1/admin/settings/Platform.MaintenanceMode/", {"value": False})

    # then
    assert response.status_code == 200
    assert bearer_client(owner).get(ME_URL).status_code == 200
