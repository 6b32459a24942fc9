"""Who may call what on the scheduling API (service catalog, providers, offerings,
reviews): the permission matrix, as data on the one base (tests/matrix.py).

Superusers pass every RBAC check, as they pass every Django permission check
(doggy.core.permissions.actor_may), so the superuser reaches the services, which then
answer from the data (no profile of their own: 404).
"""

from __future__ import annotations

import uuid

from accounts.models import ServiceProvider
from scheduling.models import ProviderReview, ServiceOffering
from tests.matrix import PermissionMatrix, Route
from tests.scheduling.factories import (
    ProviderReviewFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

CATEGORIES = "/api/v1/services/categories/"
OFFERINGS = "/api/v1/services/offerings/"
PROVIDERS = "/api/v1/providers/"
PROVIDER = "/api/v1/providers/{provider_id}/"
REVIEWS = "/api/v1/providers/{provider_id}/reviews/"
ME = "/api/v1/providers/me/"
MY_OFFERINGS = "/api/v1/providers/me/offerings/"
MY_OFFERING = "/api/v1/providers/me/offerings/{offering_id}/"


def row(method: str, path: str, *statuses: int, body=None) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body)


class TestSchedulingPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", CATEGORIES, 200, 200, 200, 200, 200, 200),
        row("GET", OFFERINGS, 200, 200, 200, 200, 200, 200),
        row("GET", PROVIDERS, 200, 200, 200, 200, 200, 200),
        row("GET", PROVIDER, 200, 200, 200, 200, 200, 200),
        row("GET", REVIEWS, 200, 200, 200, 200, 200, 200),
        # Pet owners reach the eligibility rule, which needs appointments (plan 026): 409.
        row(
            "POST",
            REVIEWS,
            401,
            409,
            409,
            403,
            403,
            409,
            body={"appointment_id": str(uuid.uuid4()), "rating": 5, "title": "Great"},
        ),  # fmt: skip
        row("GET", ME, 401, 403, 403, 200, 403, 404),
        row("POST", ME, 401, 403, 403, 409, 403, 201, body={"business_name": "Admin Walks"}),
        row("PATCH", ME, 401, 403, 403, 200, 403, 404, body={"headline": "Walks in the park"}),
        row("GET", MY_OFFERINGS, 401, 403, 403, 200, 403, 404),
        row(
            "POST",
            MY_OFFERINGS,
            401,
            403,
            403,
            201,
            403,
            404,
            body={
                "category": "dog-walking",
                "name": "Evening walk",
                "duration_minutes": 45,
                "price": "18.50",
            },
        ),  # fmt: skip
        row("GET", MY_OFFERING, 401, 403, 403, 200, 403, 404),
        row("PATCH", MY_OFFERING, 401, 403, 403, 200, 403, 404, body={"price": "22.00"}),
        row("DELETE", MY_OFFERING, 401, 403, 403, 204, 403, 404),
    )

    def build_world(self, request, users):
        """A listed provider with an offering and a review."""
        provider = request.getfixturevalue("listed_provider")
        category = ServiceCategoryFactory(slug="dog-walking", name="Dog Walking")
        offering = ServiceOfferingFactory(provider=provider, category=category, slug="morning-walk")
        ProviderReviewFactory(provider=provider)
        return {"provider_id": provider.pk, "offering_id": offering.pk}

    def state(self):
        return {
            **super().state(),
            "providers": ServiceProvider.objects.count(),
            "offerings": ServiceOffering.objects.filter(is_active=True).count(),
            "reviews": ProviderReview.objects.count(),
        }

    def check_success(self, cell, response, before, after):
        # a read writes nothing; a write is audited
        if cell.route.method == "GET":
            assert after == before
        else:
            assert after["audit"] > before["audit"]
