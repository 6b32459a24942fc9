"""Who may call what on the accounts API (auth, sessions, preferences, KYC, staff users
and roles, addresses): the permission matrix, as data on the one base (tests/matrix.py).

Detail routes point at objects of the owner or of the provider, so `other_owner` shows
what a stranger gets (a 404, never the object). Every refused call is checked to have
written nothing.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Address, ProviderCredential
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.accounts.factories_addresses import AddressFactory
from tests.accounts.matrix_world import (
    ADMIN,
    PROVIDER,
    REVIEWERS,
    WorldMatrix,
    everyone,
    only,
    owner_only,
    signed_in,
)
from tests.matrix import Route

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


def _upload(world) -> dict:
    return {"file": SimpleUploadedFile("id.png", PNG, "image/png"), "document_type": "Passport"}


def _credential_upload(world) -> dict:
    return {
        "file": SimpleUploadedFile("licence.png", PNG, "image/png"),
        "credential_type": "BusinessLicense",
        "credential_number": "LIC-0042",
    }


CREDENTIALS = "/api/v1/providers/me/credentials/"
ADDRESSES = "/api/v1/addresses/"
ADDRESS = "/api/v1/addresses/{owner_address_id}/"


class TestAccountsPermissionMatrix(WorldMatrix):
    routes = (
        # --- platform ---
        # --- public auth routes: the same for every caller (tokens are ignored there) ---
        Route(
            "POST",
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
        Route(
            "POST",
            "/api/v1/auth/verify-email/",
            everyone(200),
            lambda w: {"token": w.verification_token},
        ),
        Route(
            "POST",
            "/api/v1/auth/login/",
            everyone(200),
            lambda w: {"email": w.owner.email, "password": DEFAULT_PASSWORD},
        ),
        Route(
            "POST",
            "/api/v1/auth/refresh/",
            everyone(200),
            lambda w: {"refresh_token": w.owner_refresh_token},
        ),
        Route(
            "POST",
            "/api/v1/auth/password/reset/",
            everyone(202),
            lambda w: {"email": w.owner.email},
        ),
        Route(
            "POST",
            "/api/v1/auth/password/reset/confirm/",
            everyone(204),
            lambda w: {"token": w.reset_token, "new_password": NEW_PASSWORD},
        ),
        # --- the signed-in caller's own things ---
        Route("POST", "/api/v1/auth/logout/", signed_in(204)),
        Route("POST", "/api/v1/auth/logout-all/", signed_in(204)),
        Route("GET", "/api/v1/auth/me/", signed_in(200)),
        Route("PATCH", "/api/v1/auth/me/", signed_in(200), lambda w: {"first_name": "Changed"}),
        Route("GET", "/api/v1/auth/sessions/", signed_in(200)),
        Route("DELETE", "/api/v1/auth/sessions/{owner_other_session}/", owner_only(204)),
        Route(
            "POST",
            "/api/v1/auth/password/change/",
            signed_in(204),
            lambda w: {"current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD},
        ),
        Route("GET", "/api/v1/me/settings/", signed_in(200)),
        Route(
            "PUT",
            "/api/v1/me/settings/",
            signed_in(200),
            lambda w: SETTINGS_BODY,
        ),
        # --- KYC: providers work on their own case ---
        Route("GET", "/api/v1/kyc/verifications/", only(PROVIDER, 200)),
        Route("POST", "/api/v1/kyc/verifications/", only(PROVIDER, 201), lambda w: {}),
        Route("GET", "/api/v1/kyc/verifications/{provider_case_id}/", only(PROVIDER, 200)),
        Route(
            "POST",
            "/api/v1/kyc/verifications/{provider_case_id}/documents/",
            only(PROVIDER, 201),
            _upload,
            multipart=True,
        ),
        Route(
            "POST", "/api/v1/kyc/verifications/{documented_case_id}/submit/", only(PROVIDER, 200)
        ),
        # --- KYC: holders of kyc.review work the queue ---
        Route("GET", "/api/v1/kyc/reviews/", only(REVIEWERS, 200)),
        Route("GET", "/api/v1/kyc/reviews/{submitted_case_id}/", only(REVIEWERS, 200)),
        Route("POST", "/api/v1/kyc/reviews/{submitted_case_id}/start/", only(REVIEWERS, 200)),
        Route(
            "POST",
            "/api/v1/kyc/reviews/{submitted_case_id}/approve/",
            only(REVIEWERS, 200),
            lambda w: {},
        ),
        Route(
            "POST",
            "/api/v1/kyc/reviews/{submitted_case_id}/reject/",
            only(REVIEWERS, 200),
            lambda w: {"reason": "Forged.", "reject_type": "Final"},
        ),
        Route(
            "POST",
            "/api/v1/kyc/reviews/{submitted_case_id}/request-resubmission/",
            only(REVIEWERS, 200),
            lambda w: {"reason": "Blurred selfie."},
        ),
        # --- staff: users.manage ---
        Route("GET", "/api/v1/admin/users/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/users/{owner_id}/", only(ADMIN, 200)),
        Route(
            "POST",
            "/api/v1/admin/users/{owner_id}/suspend/",
            only(ADMIN, 200),
            lambda w: {"reason": "Spam"},
        ),
        Route("POST", "/api/v1/admin/users/{suspended_user_id}/reactivate/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/users/{owner_id}/roles/", only(ADMIN, 200)),
        Route(
            "POST",
            "/api/v1/admin/users/{owner_id}/roles/",
            only(ADMIN, 201),
            lambda w: {"role_id": w.support_role_id, "notes": "Matrix"},
        ),
        Route(
            "DELETE", "/api/v1/admin/users/{owner_id}/roles/{pet_owner_role_id}/", only(ADMIN, 204)
        ),
        Route("GET", "/api/v1/admin/roles/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/roles/{admin_role_id}/", only(ADMIN, 200)),
        Route("GET", "/api/v1/admin/permissions/", only(ADMIN, 200)),
        # --- staff: system.admin ---
        # --- addresses: each user's own; another's is a 404, as if it did not exist ---
        Route("GET", ADDRESSES, signed_in(200)),
        Route(
            "POST",
            ADDRESSES,
            signed_in(201),
            {"line1": "1 High Street", "city": "London", "country_code": "GB"},
        ),
        Route("GET", ADDRESS, owner_only(200)),
        # --- provider credentials (plan 038): the provider's own ---
        Route("GET", CREDENTIALS, only(PROVIDER, 200)),
        Route("POST", CREDENTIALS, only(PROVIDER, 201), _credential_upload, multipart=True),
        Route("GET", CREDENTIALS + "{provider_credential_id}/", only(PROVIDER, 200)),
        Route("GET", "/api/v1/providers/me/verification/", only(PROVIDER, 200)),
        Route("PATCH", ADDRESS, owner_only(200), {"label": "Flat"}),
        Route("DELETE", ADDRESS, owner_only(204)),
    )

    def build_world(self, request, users):
        world = super().build_world(request, users)
        world.owner_address_id = AddressFactory(user=world.owner, is_default=True).pk
        return world

    def state(self):
        return {
            **super().state(),
            "addresses": Address.objects.filter(is_active=True).count(),
            "credentials": ProviderCredential.objects.count(),
        }


def test_matrix_size():
    # 36 route-methods of accounts, 5 of addresses and 4 of credentials, × 6 callers.
    matrix = TestAccountsPermissionMatrix
    assert (len(matrix.routes), len(matrix.cells())) == (45, 270)
