"""The bench's hand-written baselines return the rows of the routes they are compared with.

`make bench` divides each list route's throughput by its baseline's (bench/baselines.py);
the ratio means something only while both return the same rows in the same order.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from tests.audit.factories import AuditLogFactory
from tests.billing.factories import PlanEntitlementFactory, SubscriptionPlanFactory
from tests.callers import bearer_client
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory, VaccinationFactory
from tests.scheduling.factories import ServiceOfferingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]


def _ids(body: dict) -> list[str]:
    return [str(row.get("id", row.get("code"))) for row in body["results"]]


def test_each_baseline_returns_its_routes_rows(user, other_user, superuser):
    dogs = [DogProfileFactory(owner=user, name=f"Dog {n}") for n in range(3)]
    DogAccessGrantFactory(dog=DogProfileFactory(owner=other_user, name="Shared"), grantee=user)
    for n in range(3):
        VaccinationFactory(
            dog=dogs[0], recorded_by=user, administered_on=datetime.date(2024, 1, n + 1)
        )
    for n in range(3):
        ServiceOfferingFactory(price=Decimal(10 + n))
    PlanEntitlementFactory(plan=SubscriptionPlanFactory(code="bench_plan"))
    AuditLogFactory(user=user)
    owner, admin = bearer_client(user), bearer_client(superuser)
    dog = dogs[0].pk
    pairs = [
        (owner, "/api/v1/dogs/?page_size=20", "/bench/dogs/?page_size=20"),
        (owner, f"/api/v1/dogs/{dog}/vaccinations/", f"/bench/vaccinations/?dog={dog}"),
        (owner, "/api/v1/services/offerings/", "/bench/offerings/"),
        (owner, "/api/v1/providers/", "/bench/providers/"),
        (owner, "/api/v1/billing/plans/", "/bench/plans/"),
        (admin, "/api/v1/admin/users/", "/bench/staff-users/"),
        (admin, "/api/v1/admin/audit-logs/", "/bench/audit-logs/"),
    ]
    for client, route, baseline in pairs:
        product, hand = client.get(route), client.get(baseline)
        assert (product.status_code, hand.status_code) == (200, 200), route
        product, hand = product.json(), hand.json()
        assert product["results"], route
        assert (hand["count"], _ids(hand)) == (product["count"], _ids(product)), route


def test_the_phase_3_to_6_baselines_return_their_routes_rows(user, other_user):
    from accounts.choices import SYSTEM_USER_ID
    from accounts.models import Role, UserRole
    from tests.billing.factories import PetExpenseFactory
    from tests.messaging.factories import (
        ConversationFactory,
        ConversationParticipantFactory,
        MessageFactory,
        NotificationFactory,
    )
    from tests.scheduling.factories import AppointmentFactory, AppointmentPetFactory

    UserRole.objects.create(
        user=user, role=Role.objects.get(name="PetOwner"), assigned_by_id=SYSTEM_USER_ID
    )
    chats = [ConversationFactory(title=f"Chat {n}") for n in range(3)]
    for chat in chats:
        ConversationParticipantFactory(conversation=chat, user=user)
        ConversationParticipantFactory(conversation=chat, user=other_user)
    for _ in range(3):
        MessageFactory(conversation=chats[0], sender=other_user)
        NotificationFactory(recipient=user)
        AppointmentPetFactory(appointment=AppointmentFactory(owner=user))
        PetExpenseFactory(owner=user)
    owner, chat = bearer_client(user), chats[0].pk
    pairs = [
        ("/api/v1/conversations/", "/bench/conversations/"),
        (f"/api/v1/conversations/{chat}/messages/", f"/bench/messages/?conversation={chat}"),
        ("/api/v1/notifications/", "/bench/notifications/"),
        ("/api/v1/appointments/", "/bench/appointments/"),
        ("/api/v1/billing/expenses/", "/bench/expenses/"),
    ]
    for route, baseline in pairs:
        product, hand = owner.get(route), owner.get(baseline)
        assert (product.status_code, hand.status_code) == (200, 200), route
        product, hand = product.json(), hand.json()
        assert len(product["results"]) == 3, route
        assert (hand.get("count"), _ids(hand)) == (product.get("count"), _ids(product)), route
