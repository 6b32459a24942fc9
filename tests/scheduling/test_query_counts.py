"""Query counts of every Phase 2 route: the same at N and 2N rows, within the budgets.

Budgets (DESIGN.md): a list ≤ 6 queries, a detail ≤ 5. Signed-in callers send a bearer
token of a real session, as the apps do, so the session lookup (one query, the user
joined) is counted, and so is the RBAC check (one query, on the fresh user object of the
request). Each test states the exact count it measured.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.accounts.factories_addresses import AddressFactory
from tests.billing.factories import (
    PlanEntitlementFactory,
    SubscriptionPlanFactory,
    UserSubscriptionFactory,
    free_plan,
)
from tests.callers import bearer_client as client_for
from tests.scheduling.factories import (
    ListedProviderFactory,
    ProviderReviewFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db

LIST_BUDGET = 6
DETAIL_BUDGET = 5
N = 3


def _measure(user, url: str) -> tuple[int, dict]:
    # A first request warms the shared caches (platform settings such as the maintenance
    # switch, the caller's RBAC permission set), as any running server has them.
    client_for(user).get(url)
    client = client_for(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries.captured_queries), response.json()


def _assert_stable_list(user, url: str, add_rows, expected_queries: int) -> None:
    # Given N rows
    add_rows(N)
    small, body_small = _measure(user, url)
    # When there are 2N
    add_rows(N)
    large, body_large = _measure(user, url)
    # Then the page grew, the query count did not, and it is within the budget
    assert body_large["count"] == body_small["count"] + N
    assert small == large == expected_queries
    assert expected_queries <= LIST_BUDGET


def _near_provider(**kwargs):
    base = AddressFactory(latitude=Decimal("51.510000"), longitude=Decimal("-0.130000"))
    return ListedProviderFactory(
        user=base.user, base_address=base, service_radius_km=Decimal("30"), **kwargs
    )


# --- Lists --------------------------------------------------------------------------------


def test_category_list_queries():
    def add(n):
        for _ in range(n):
            ServiceCategoryFactory()

    # count + page
    _assert_stable_list(None, "/api/v1/services/categories/", add, 2)


def test_offering_search_queries():
    def add(n):
        for _ in range(n):
            ServiceOfferingFactory()

    # count + page (provider and category joined)
    _assert_stable_list(None, "/api/v1/services/offerings/?category=dog-walking", add, 2)


def test_offering_search_near_point_queries():
    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=_near_provider())

    url = "/api/v1/services/offerings/?lat=51.5074&lng=-0.1278&radius_km=10&min_rating=1"
    ServiceOfferingFactory(provider=_near_provider(average_rating=Decimal("4.50")))

    def add_rated(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=_near_provider(average_rating=Decimal("4.00")))

    # count + page, distance computed in SQL
    _assert_stable_list(None, url, add_rated, 2)


def test_offering_search_near_own_address_queries(owner):
    address = AddressFactory(user=owner)

    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=_near_provider())

    # RBAC-free route: session + the caller's address + count + page
    _assert_stable_list(owner, f"/api/v1/services/offerings/?address={address.pk}", add, 4)


def test_provider_list_queries():
    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=ListedProviderFactory())

    # count + page (base address joined)
    _assert_stable_list(None, "/api/v1/providers/?category=dog-walking", add, 2)


def test_review_list_queries():
    provider = ListedProviderFactory()

    def add(n):
        for _ in range(n):
            ProviderReviewFactory(provider=provider)

    # provider + count + page (reviewer joined)
    _assert_stable_list(None, f"/api/v1/providers/{provider.pk}/reviews/", add, 3)


def test_review_list_queries_for_a_signed_in_author(owner):
    """The author's own flagged (Pending) reviews are listed by the same one page query."""
    from scheduling.choices import ReviewStatus

    provider = ListedProviderFactory()

    def add(n):
        for index in range(n):
            ProviderReviewFactory(
                provider=provider,
                reviewer=owner if index == 0 else None,
                status=ReviewStatus.PENDING if index == 0 else ReviewStatus.PUBLISHED,
            )

    # session + provider + count + page (reviewer joined); the staff check reads the
    # caller's cached RBAC permission set
    _assert_stable_list(owner, f"/api/v1/providers/{provider.pk}/reviews/", add, 4)


def test_own_offering_list_queries(listed_provider):
    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=listed_provider)

    # session + own profile + count + page (the RBAC set comes from the shared cache, warmed)
    _assert_stable_list(listed_provider.user, "/api/v1/providers/me/offerings/", add, 4)


def test_plan_list_queries():
    def add(n):
        for _ in range(n):
            plan = SubscriptionPlanFactory()
            PlanEntitlementFactory(plan=plan)
            PlanEntitlementFactory(plan=plan)

    # count + page + entitlements (prefetched)
    _assert_stable_list(None, "/api/v1/billing/plans/", add, 3)


def test_address_list_queries(owner):
    def add(n):
        for _ in range(n):
            AddressFactory(user=owner)

    # session + count + page
    _assert_stable_list(owner, "/api/v1/addresses/", add, 3)


# --- Details ------------------------------------------------------------------------------


def _assert_stable_detail(user, url: str, add_rows, expected_queries: int) -> None:
    add_rows(N)
    small, _ = _measure(user, url)
    add_rows(N)
    large, _ = _measure(user, url)
    assert small == large == expected_queries
    assert expected_queries <= DETAIL_BUDGET


def test_provider_detail_queries():
    provider = ListedProviderFactory()

    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=provider)

    # provider (+ base address) + offerings (+ category)
    _assert_stable_detail(None, f"/api/v1/providers/{provider.pk}/", add, 2)


def test_provider_me_queries(listed_provider):
    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=listed_provider)

    # session + own profile (the RBAC set comes from the shared cache, warmed)
    _assert_stable_detail(listed_provider.user, "/api/v1/providers/me/", add, 2)


def test_own_offering_detail_queries(listed_provider):
    offering = ServiceOfferingFactory(provider=listed_provider)

    def add(n):
        for _ in range(n):
            ServiceOfferingFactory(provider=listed_provider)

    # session + the offering (+ category, provider); RBAC from the warmed shared cache
    _assert_stable_detail(
        listed_provider.user, f"/api/v1/providers/me/offerings/{offering.pk}/", add, 2
    )


def test_address_detail_queries(owner):
    address = AddressFactory(user=owner)

    def add(n):
        for _ in range(n):
            AddressFactory(user=owner)

    # session + the address
    _assert_stable_detail(owner, f"/api/v1/addresses/{address.pk}/", add, 2)


def test_subscription_detail_queries(owner):
    plan = free_plan()
    UserSubscriptionFactory(user=owner, plan=plan)

    def add(n):
        for _ in range(n):
            PlanEntitlementFactory(plan=plan)

    # session + the subscription (+ plan) + entitlements
    _assert_stable_detail(owner, "/api/v1/billing/subscription/", add, 3)
