"""The permission matrix of the API: every route × method × caller, in one place.

Each row names a route (by URL name) and method, the request to make, and the status
every kind of caller gets. Detail routes point at objects of the pet owner or of the
provider, so "another pet owner" shows what a stranger gets (a 404, never the object).
`test_every_api_route_has_a_row` fails when a route is added without a row, or a row
outlives its route. Every refused call is checked to have written nothing to the audit
log, since every state change writes one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from accounts.choices import AccountStatus, KycDocumentType
from accounts.models import Role
from accounts.services.authentication import (
    email_verification_tokens,
    link_token_make,
    password_reset_tokens,
)
from accounts.services.kyc import (
    kyc_document_add,
    kyc_verification_start,
    kyc_verification_submit,
)
from audit.models import AuditLog
from doggy.choices import FilePurpose
from doggy.models import SystemSetting
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.api.conftest import bearer_client, make_user
from tests.doggy.factories import StoredFileFactory

CALLERS = ("anonymous", "pet_owner", "other_pet_owner", "provider", "kyc_reviewer", "admin")
_FIXTURE_OF = {
    "pet_owner": "pet_owner",
    "other_pet_owner": "other_pet_owner",
    "provider": "provider",
    "kyc_reviewer": "kyc_reviewer",
    "admin": "admin_user",
}
NEW_PASSWORD = "matrix-new-passphrase-58"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SETTINGS_BODY = {
    "theme": "Dark",
    "time_format": 24,
    "week_start": "Monday",
    "date_format": "YYYY-MM-DD",
    "distance_unit": "km",
    "weight_unit": "kg",
    "currency": "EUR",
    "quiet_hours_start": None,
    "quiet_hours_end": None,
    "digest_frequency": "Daily",
    "show_online_status": False,
    "share_read_receipts": False,
    "profile_visibility": "Contacts",
    "marketing_emails_opt_in": False,
    "analytics_opt_in": False,
}


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(CALLERS, status)


def signed_in(status: int) -> dict[str, int]:
    return {**everyone(status), "anonymous": 401}


def only(callers: tuple[str, ...], status: int, *, others: int = 403) -> dict[str, int]:
    return {**signed_in(others), **dict.fromkeys(callers, status)}


def owner_only(status: int, *, others: int = 404) -> dict[str, int]:
    """The pet owner's own object: the owner succeeds, every other caller gets `others`."""
    return {**signed_in(others), "pet_owner": status}


PROVIDER = ("provider",)
REVIEWERS = ("kyc_reviewer", "admin")
ADMIN = ("admin",)


class World:
    """The objects the routes point at, created on first use."""

    def __init__(self, users: dict[str, Any], rbac: dict[str, Role]):
        self.users = users
        self.rbac = rbac

    @property
    def owner(self):
        return self.users["pet_owner"]

    @property
    def provider(self):
        return self.users["provider"]

    @cached_property
    def owner_id(self) -> str:
        return self.owner.pk

    @cached_property
    def owner_other_session(self):
        return bearer_client(self.owner).issued.session.pk

    @cached_property
    def owner_refresh_token(self) -> str:
        return bearer_client(self.owner).issued.refresh_token

    @cached_property
    def reset_token(self) -> str:
        return link_token_make(self.owner, password_reset_tokens)

    @cached_property
    def verification_token(self) -> str:
        pending = make_user(
            self.rbac,
            "PetOwner",
            email="pending@example.com",
            account_status=AccountStatus.PENDING,
            email_confirmed=False,
        )
        return link_token_make(pending, email_verification_tokens)

    @cached_property
    def suspended_user_id(self) -> str:
        return make_user(
            self.rbac, "PetOwner", email="held@example.com", account_status=AccountStatus.SUSPENDED
        ).pk

    @cached_property
    def support_role_id(self) -> int:
        return Role.objects.create(name="Support", level=3).pk

    @cached_property
    def pet_owner_role_id(self) -> int:
        return self.rbac["PetOwner"].pk

    @cached_property
    def admin_role_id(self) -> int:
        return self.rbac["Admin"].pk

    @cached_property
    def setting_key(self) -> str:
        row, _ = SystemSetting.objects.update_or_create(
            setting_key="Calendar.BookingAdvanceDays",
            defaults={
                "setting_value": "30",
                "data_type": "Integer",
                "category": "Calendar",
                "is_user_editable": True,
            },
        )
        return row.setting_key

    @cached_property
    def audit_log_id(self):
        return AuditLog.objects.create(action="Create", entity_type="accounts.User").pk

    @cached_property
    def provider_case(self):
        return kyc_verification_start(
            actor=self.provider, service_provider=self.provider.service_provider
        )

    @cached_property
    def provider_case_id(self):
        return self.provider_case.pk

    @cached_property
    def documented_case_id(self):
        case = self.provider_case
        for document_type in (KycDocumentType.PASSPORT, KycDocumentType.SELFIE):
            stored = StoredFileFactory(owner=self.provider, purpose=FilePurpose.KYC_DOCUMENT)
            kyc_document_add(
                actor=self.provider, verification=case, document_type=document_type, file=stored
            )
        return case.pk

    @cached_property
    def submitted_case_id(self):
        case_id = self.documented_case_id
        kyc_verification_submit(actor=self.provider, verification=self.provider_case)
        return case_id


@dataclass(frozen=True)
class Row:
    path: str
    expected: dict[str, int]
    data: Callable[[World], Any] | None = None
    multipart: bool = False
    notes: str = field(default="", compare=False)


def _upload(world: World) -> dict:
    return {"file": SimpleUploadedFile("id.png", PNG, "image/png"), "document_type": "Passport"}


MATRIX: dict[tuple[str, str], Row] = {
    # --- platform ---
    ("health", "GET"): Row("/api/v1/health/", everyone(200)),
    # --- public auth routes: the same for every caller (tokens are ignored there) ---
    ("auth-register", "POST"): Row(
        "/api/v1/auth/register/",
        everyone(201),
        lambda w: {
            "email": "matrix-new@example.com",
            "password": "tennis-ball-frisbee-91",
            "first_name": "Mia",
            "last_name": "Trix",
            "role": "PetOwner",
        },
    ),
    ("auth-verify-email", "POST"): Row(
        "/api/v1/auth/verify-email/", everyone(200), lambda w: {"token": w.verification_token}
    ),
    ("auth-login", "POST"): Row(
        "/api/v1/auth/login/",
        everyone(200),
        lambda w: {"email": w.owner.email, "password": DEFAULT_PASSWORD},
    ),
    ("auth-refresh", "POST"): Row(
        "/api/v1/auth/refresh/", everyone(200), lambda w: {"refresh_token": w.owner_refresh_token}
    ),
    ("auth-password-reset", "POST"): Row(
        "/api/v1/auth/password/reset/", everyone(202), lambda w: {"email": w.owner.email}
    ),
    ("auth-password-reset-confirm", "POST"): Row(
        "/api/v1/auth/password/reset/confirm/",
        everyone(204),
        lambda w: {"token": w.reset_token, "new_password": NEW_PASSWORD},
    ),
    # --- the signed-in caller's own things ---
    ("auth-logout", "POST"): Row("/api/v1/auth/logout/", signed_in(204)),
    ("auth-logout-all", "POST"): Row("/api/v1/auth/logout-all/", signed_in(204)),
    ("auth-me", "GET"): Row("/api/v1/auth/me/", signed_in(200)),
    ("auth-me", "PATCH"): Row(
        "/api/v1/auth/me/", signed_in(200), lambda w: {"first_name": "Changed"}
    ),
    ("auth-session-list", "GET"): Row("/api/v1/auth/sessions/", signed_in(200)),
    ("auth-session-detail", "DELETE"): Row(
        "/api/v1/auth/sessions/{owner_other_session}/", owner_only(204)
    ),
    ("auth-password-change", "POST"): Row(
        "/api/v1/auth/password/change/",
        signed_in(204),
        lambda w: {"current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD},
    ),
    ("me-settings", "GET"): Row("/api/v1/me/settings/", signed_in(200)),
    ("me-settings", "PUT"): Row(
        "/api/v1/me/settings/",
        signed_in(200),
        lambda w: SETTINGS_BODY,
    ),
    # --- KYC: providers work on their own case ---
    ("kyc-verification-list", "GET"): Row("/api/v1/kyc/verifications/", only(PROVIDER, 200)),
    ("kyc-verification-list", "POST"): Row(
        "/api/v1/kyc/verifications/", only(PROVIDER, 201), lambda w: {}
    ),
    ("kyc-verification-detail", "GET"): Row(
        "/api/v1/kyc/verifications/{provider_case_id}/", only(PROVIDER, 200)
    ),
    ("kyc-verification-documents", "POST"): Row(
        "/api/v1/kyc/verifications/{provider_case_id}/documents/",
        only(PROVIDER, 201),
        _upload,
        multipart=True,
    ),
    ("kyc-verification-submit", "POST"): Row(
        "/api/v1/kyc/verifications/{documented_case_id}/submit/", only(PROVIDER, 200)
    ),
    # --- KYC: holders of kyc.review work the queue ---
    ("kyc-review-list", "GET"): Row("/api/v1/kyc/reviews/", only(REVIEWERS, 200)),
    ("kyc-review-detail", "GET"): Row(
        "/api/v1/kyc/reviews/{submitted_case_id}/", only(REVIEWERS, 200)
    ),
    ("kyc-review-start", "POST"): Row(
        "/api/v1/kyc/reviews/{submitted_case_id}/start/", only(REVIEWERS, 200)
    ),
    ("kyc-review-approve", "POST"): Row(
        "/api/v1/kyc/reviews/{submitted_case_id}/approve/", only(REVIEWERS, 200), lambda w: {}
    ),
    ("kyc-review-reject", "POST"): Row(
        "/api/v1/kyc/reviews/{submitted_case_id}/reject/",
        only(REVIEWERS, 200),
        lambda w: {"reason": "Forged.", "reject_type": "Final"},
    ),
    ("kyc-review-request-resubmission", "POST"): Row(
        "/api/v1/kyc/reviews/{submitted_case_id}/request-resubmission/",
        only(REVIEWERS, 200),
        lambda w: {"reason": "Blurred selfie."},
    ),
    # --- staff: users.manage ---
    ("admin-user-list", "GET"): Row("/api/v1/admin/users/", only(ADMIN, 200)),
    ("admin-user-detail", "GET"): Row("/api/v1/admin/users/{owner_id}/", only(ADMIN, 200)),
    ("admin-user-suspend", "POST"): Row(
        "/api/v1/admin/users/{owner_id}/suspend/", only(ADMIN, 200), lambda w: {"reason": "Spam"}
    ),
    ("admin-user-reactivate", "POST"): Row(
        "/api/v1/admin/users/{suspended_user_id}/reactivate/", only(ADMIN, 200)
    ),
    ("admin-user-role-list", "GET"): Row("/api/v1/admin/users/{owner_id}/roles/", only(ADMIN, 200)),
    ("admin-user-role-list", "POST"): Row(
        "/api/v1/admin/users/{owner_id}/roles/",
        only(ADMIN, 201),
        lambda w: {"role_id": w.support_role_id, "notes": "Matrix"},
    ),
    ("admin-user-role-detail", "DELETE"): Row(
        "/api/v1/admin/users/{owner_id}/roles/{pet_owner_role_id}/", only(ADMIN, 204)
    ),
    ("admin-role-list", "GET"): Row("/api/v1/admin/roles/", only(ADMIN, 200)),
    ("admin-role-detail", "GET"): Row("/api/v1/admin/roles/{admin_role_id}/", only(ADMIN, 200)),
    ("admin-permission-list", "GET"): Row("/api/v1/admin/permissions/", only(ADMIN, 200)),
    # --- staff: system.admin ---
    ("admin-setting-list", "GET"): Row("/api/v1/admin/settings/", only(ADMIN, 200)),
    ("admin-setting-detail", "GET"): Row("/api/v1/admin/settings/{setting_key}/", only(ADMIN, 200)),
    ("admin-setting-detail", "PUT"): Row(
        "/api/v1/admin/settings/{setting_key}/", only(ADMIN, 200), lambda w: {"value": 45}
    ),
    ("admin-audit-log-list", "GET"): Row("/api/v1/admin/audit-logs/", only(ADMIN, 200)),
    ("admin-audit-log-detail", "GET"): Row(
        "/api/v1/admin/audit-logs/{audit_log_id}/", only(ADMIN, 200)
    ),
}

CELLS = [(key, caller) for key in MATRIX for caller in CALLERS]


# URL modules whose routes this matrix decides, and those whose own app's matrix does.
MATRIX_URL_MODULES = ("doggy.api.urls", "accounts.api.urls", "audit.api.urls")
OTHER_MATRICES = {
    "pets.api.urls": "tests/pets/test_permission_matrix.py",
    "accounts.api.phase2_urls": "tests/scheduling/test_permission_matrix.py",
    "scheduling.api.urls": "tests/scheduling/test_permission_matrix.py",
    "billing.api.urls": "tests/scheduling/test_permission_matrix.py",
}


def api_routes() -> dict[tuple[str, str], str]:
    """(URL name, method) of every route under /api/v1/ -> the URL module declaring it."""
    found: dict[tuple[str, str], str] = {}

    def walk(patterns, prefix: str, module: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                name = getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name)
                walk(pattern.url_patterns, prefix + str(pattern.pattern), str(name))
                continue
            assert isinstance(pattern, URLPattern)
            route = prefix + str(pattern.pattern)
            if not route.startswith("api/v1/"):
                continue
            view = getattr(pattern.callback, "cls", None) or getattr(
                pattern.callback, "view_class", None
            )
            assert view is not None, f"{route} is not a class-based view"
            assert pattern.name, f"{route} has no URL name"
            actions = getattr(pattern.callback, "actions", None)
            methods = actions.keys() if actions else view.http_method_names
            for method in methods:
                if method not in ("options", "head", "trace") and hasattr(view, method):
                    found[(pattern.name, method.upper())] = module

    walk(get_resolver().url_patterns, "", "")
    return found


def test_every_api_route_has_a_row():
    # given
    routes = api_routes()
    ours = {key for key, module in routes.items() if module in MATRIX_URL_MODULES}
    elsewhere = {module for module in routes.values() if module not in MATRIX_URL_MODULES}

    # then: no route without a decision, no row without a route
    assert sorted(ours ^ set(MATRIX)) == []
    assert sorted(elsewhere - set(OTHER_MATRICES)) == []


def _our_views() -> dict[str, type]:
    """URL name -> view class of every route this matrix decides."""
    views = {}
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and str(pattern.pattern) == "api/v1/":
            stack = list(pattern.url_patterns)
            while stack:
                item = stack.pop()
                if isinstance(item, URLResolver):
                    if (
                        item.urlconf_name in MATRIX_URL_MODULES
                        or getattr(item.urlconf_name, "__name__", None) in MATRIX_URL_MODULES
                    ):
                        stack.extend(item.url_patterns)
                else:
                    views[item.name] = item.callback.cls
    return views


def test_every_route_declares_its_permissions():
    # given: the project-wide default must never decide who gets in
    project_modules = ("accounts.", "audit.", "doggy.")

    # then
    undeclared = [
        name
        for name, view in _our_views().items()
        if not any(
            "permission_classes" in vars(cls)
            for cls in view.__mro__
            if cls.__module__.startswith(project_modules)
        )
    ]
    assert undeclared == []


def test_every_anonymous_post_is_throttled():
    # given
    from accounts.api.throttling import ClientIpScopedRateThrottle

    views = _our_views()
    open_posts = [
        name
        for (name, method), row in MATRIX.items()
        if method == "POST" and row.expected["anonymous"] < 400
    ]

    # then
    assert open_posts
    unthrottled = [
        name
        for name in open_posts
        if ClientIpScopedRateThrottle not in views[name].throttle_classes
        or not getattr(views[name], "throttle_scope", None)
    ]
    assert unthrottled == []


def test_every_row_decides_for_every_caller():
    assert [key for key, row in MATRIX.items() if set(row.expected) != set(CALLERS)] == []


def test_matrix_size():
    # 42 route-methods × 6 callers.
    assert (len(MATRIX), len(CELLS)) == (42, 252)


@pytest.mark.parametrize(
    ("key", "caller"), CELLS, ids=[f"{name}-{method}-{caller}" for (name, method), caller in CELLS]
)
def test_permission_matrix(request, rbac, key, caller):
    # given
    users = {name: request.getfixturevalue(fixture) for name, fixture in _FIXTURE_OF.items()}
    world = World(users, rbac)
    row = MATRIX[key]
    path = row.path.format_map(_Lazy(world))
    data = row.data(world) if row.data else None
    client = APIClient() if caller == "anonymous" else bearer_client(users[caller])
    audit_rows = AuditLog.objects.count()

    # when
    response = getattr(client, key[1].lower())(
        path, data, format="multipart" if row.multipart else "json"
    )

    # then
    expected = row.expected[caller]
    assert response.status_code == expected, (
        f"{key[1]} {path} as {caller}: {response.status_code} "
        f"{getattr(response, 'data', response.content)!r}"
    )
    if expected >= 400 and key[0] not in ("auth-login",):
        assert AuditLog.objects.count() == audit_rows


class _Lazy(dict):
    """Looks placeholders up on the world, creating only the objects a path needs."""

    def __init__(self, world: World):
        super().__init__()
        self.world = world

    def __missing__(self, name: str):
        return getattr(self.world, name)
