"""Permission matrix of every Phase 2 route: who may call what, and what a refusal leaves.

`MATRIX` is data: (method, path template, caller, expected status). Placeholders in the
templates are filled from the `world` fixture. Superusers pass every RBAC check, as they
pass every Django permission check (doggy.core.permissions.actor_may), so the
admin reaches the services, which then answer from the data (no profile: 404).
"""

from __future__ import annotations

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import Address, ServiceProvider
from audit.models import AuditLog
from billing.models import UserSubscription
from scheduling.models import ProviderReview, ServiceOffering
from tests.accounts.factories_addresses import AddressFactory
from tests.billing.factories import UserSubscriptionFactory, free_plan
from tests.scheduling.callers import CALLERS, client_for
from tests.scheduling.factories import (
    ProviderReviewFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db

CATEGORIES = "/api/v1/services/categories/"
OFFERINGS = "/api/v1/services/offerings/"
PROVIDERS = "/api/v1/providers/"
PROVIDER = "/api/v1/providers/{provider_id}/"
REVIEWS = "/api/v1/providers/{provider_id}/reviews/"
ME = "/api/v1/providers/me/"
MY_OFFERINGS = "/api/v1/providers/me/offerings/"
MY_OFFERING = "/api/v1/providers/me/offerings/{offering_id}/"
PLANS = "/api/v1/billing/plans/"
SUBSCRIPTION = "/api/v1/billing/subscription/"
CANCEL = "/api/v1/billing/subscription/cancel/"
ADDRESSES = "/api/v1/addresses/"
ADDRESS = "/api/v1/addresses/{address_id}/"


def _row(method: str, path: str, *statuses: int) -> list[tuple[str, str, str, int]]:
    """One route's six rows, statuses in the order of CALLERS."""
    assert len(statuses) == len(CALLERS)
    return [(method, path, caller, code) for caller, code in zip(CALLERS, statuses, strict=True)]


# Callers: anonymous, pet_owner, other_pet_owner, provider, kyc_reviewer, admin.
MATRIX: list[tuple[str, str, str, int]] = [
    *_row("GET", CATEGORIES, 200, 200, 200, 200, 200, 200),
    *_row("GET", OFFERINGS, 200, 200, 200, 200, 200, 200),
    *_row("GET", PROVIDERS, 200, 200, 200, 200, 200, 200),
    *_row("GET", PROVIDER, 200, 200, 200, 200, 200, 200),
    *_row("GET", REVIEWS, 200, 200, 200, 200, 200, 200),
    # Pet owners reach the eligibility rule, which needs appointments (plan 026): 409.
    *_row("POST", REVIEWS, 401, 409, 409, 403, 403, 409),
    *_row("GET", ME, 401, 403, 403, 200, 403, 404),
    *_row("POST", ME, 401, 403, 403, 409, 403, 201),
    *_row("PATCH", ME, 401, 403, 403, 200, 403, 404),
    *_row("GET", MY_OFFERINGS, 401, 403, 403, 200, 403, 404),
    *_row("POST", MY_OFFERINGS, 401, 403, 403, 201, 403, 404),
    *_row("GET", MY_OFFERING, 401, 403, 403, 200, 403, 404),
    *_row("PATCH", MY_OFFERING, 401, 403, 403, 200, 403, 404),
    *_row("DELETE", MY_OFFERING, 401, 403, 403, 204, 403, 404),
    *_row("GET", PLANS, 200, 200, 200, 200, 200, 200),
    # The pet owner already holds the free plan; providers and reviewers lack services.book.
    *_row("GET", SUBSCRIPTION, 401, 200, 404, 404, 404, 404),
    *_row("POST", SUBSCRIPTION, 401, 409, 201, 403, 403, 201),
    *_row("POST", CANCEL, 401, 200, 404, 404, 404, 404),
    *_row("GET", ADDRESSES, 401, 200, 200, 200, 200, 200),
    *_row("POST", ADDRESSES, 401, 201, 201, 201, 201, 201),
    # The address is the pet owner's: everyone else gets 404, as if it did not exist.
    *_row("GET", ADDRESS, 401, 200, 404, 404, 404, 404),
    *_row("PATCH", ADDRESS, 401, 200, 404, 404, 404, 404),
    *_row("DELETE", ADDRESS, 401, 204, 404, 404, 404, 404),
]

PAYLOADS: dict[tuple[str, str], dict] = {
    ("POST", REVIEWS): {"appointment_id": str(uuid.uuid4()), "rating": 5, "title": "Great"},
    ("POST", ME): {"business_name": "Admin Walks"},
    ("PATCH", ME): {"headline": "Walks in the park"},
    ("POST", MY_OFFERINGS): {
        "category": "dog-walking",
        "name": "Evening walk",
        "duration_minutes": 45,
        "price": "18.50",
    },
    ("PATCH", MY_OFFERING): {"price": "22.00"},
    ("POST", SUBSCRIPTION): {"plan": "owner_free"},
    ("POST", CANCEL): {},
    ("POST", ADDRESSES): {"line1": "1 High Street", "city": "London", "country_code": "GB"},
    ("PATCH", ADDRESS): {"label": "Flat"},
}

PHASE2_URL_MODULES = ("accounts.api.phase2_urls", "scheduling.api.urls", "billing.api.urls")
HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture
def world(callers, provider, pet_owner):
    """A listed provider with an offering and a review; the pet owner's address and plan."""
    category = ServiceCategoryFactory(slug="dog-walking", name="Dog Walking")
    offering = ServiceOfferingFactory(provider=provider, category=category, slug="morning-walk")
    ProviderReviewFactory(provider=provider)
    address = AddressFactory(user=pet_owner, is_default=True, label="Home")
    UserSubscriptionFactory(user=pet_owner, plan=free_plan())
    return {
        "callers": callers,
        "ids": {
            "provider_id": provider.pk,
            "offering_id": offering.pk,
            "address_id": address.pk,
        },
    }


def _counts() -> dict[str, int]:
    return {
        "audit": AuditLog.objects.count(),
        "providers": ServiceProvider.objects.count(),
        "offerings": ServiceOffering.objects.filter(is_active=True).count(),
        "reviews": ProviderReview.objects.count(),
        "subscriptions": UserSubscription.objects.live().count(),
        "addresses": Address.objects.filter(is_active=True).count(),
    }


@pytest.mark.parametrize(
    ("method", "path", "caller", "expected"),
    MATRIX,
    ids=[f"{m} {p} as {c}" for m, p, c, _ in MATRIX],
)
def test_permission_matrix(world, method, path, caller, expected):
    # Given the caller and the route's payload
    client = client_for(world["callers"][caller])
    url = path.format(**world["ids"])
    before = _counts()

    # When
    call = getattr(client, method.lower())
    response = call(url, PAYLOADS.get((method, path)), format="json")

    # Then the status is exact, errors have the one shape, and a refusal wrote nothing
    assert response.status_code == expected, response.content
    after = _counts()
    if expected >= 400:
        assert set(response.json()) == {"error"}
        assert after == before
    elif method == "GET":
        assert after == before
    else:
        assert after["audit"] > before["audit"]


def _phase2_routes() -> set[tuple[str, str]]:
    """(METHOD, path template) of every view the Phase 2 URL modules mount."""
    found: set[tuple[str, str]] = set()
    placeholders = {
        "<uuid:provider_id>": "{provider_id}",
        "<uuid:offering_id>": "{offering_id}",
        "<uuid:address_id>": "{address_id}",
    }

    def walk(patterns, prefix: str, module: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                name = getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name)
                walk(pattern.url_patterns, prefix + str(pattern.pattern), str(name))
            elif isinstance(pattern, URLPattern) and module in PHASE2_URL_MODULES:
                route = "/" + prefix + str(pattern.pattern)
                for raw, template in placeholders.items():
                    route = route.replace(raw, template)
                view = pattern.callback.view_class
                for method in HTTP_METHODS:
                    if hasattr(view, method):
                        found.add((method.upper(), route))

    walk(get_resolver().url_patterns, "", "doggy.urls")
    return found


def test_matrix_covers_every_route_and_caller():
    # Given the routes the URL modules mount
    routes = _phase2_routes()

    # When the matrix is grouped by route
    by_route: dict[tuple[str, str], list[str]] = {}
    for method, path, caller, _ in MATRIX:
        by_route.setdefault((method, path), []).append(caller)

    # Then every route has a row for each of the six callers, and nothing is left out
    assert set(by_route) == routes
    assert all(sorted(c) == sorted(CALLERS) for c in by_route.values())
    assert len(MATRIX) == len(routes) * len(CALLERS)
