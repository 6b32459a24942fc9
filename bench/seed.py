"""Reproducible benchmark data: dogs at scale, one owner's pages, staff, catalog, plans.

Everything is seeded from a fixed `random.Random(seed)`, so two runs measure the same
rows. The background dogs are written by `bench.bulk` (the loader whose rows/s is
reported); the few rows the routes read use the test factories, like `demo_data`.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from accounts.choices import SYSTEM_USER_ID
from accounts.models import Role, UserRole
from accounts.services.sessions import user_session_create
from audit.models import AuditLog
from pets.choices import AccessLevel
from pets.models import DogAccessGrant, DogProfile
from tests.accounts.factories import UserFactory
from tests.billing.factories import (
    ExpenseCategoryFactory,
    PetExpenseFactory,
    PlanEntitlementFactory,
    SubscriptionPlanFactory,
)
from tests.messaging.factories import (
    ConversationFactory,
    ConversationParticipantFactory,
    MessageFactory,
    MessageReactionFactory,
    NotificationFactory,
)
from tests.pets.factories import VaccinationFactory
from tests.scheduling.factories import (
    AppointmentFactory,
    AppointmentPetFactory,
    ServiceOfferingFactory,
)

from . import bulk


@dataclass
class Seeded:
    owner_token: str
    admin_token: str
    dog_id: str
    conversation_id: str
    owner_dogs: int
    background_dogs: int
    load: bulk.LoadTimes


def seed(*, dogs: int, owner_dogs: int = 150, seed_value: int = 10) -> Seeded:
    rng = random.Random(seed_value)  # noqa: S311 - reproducible test data, not secrets
    load = bulk.load_dogs(total=dogs, rng=rng)

    owner = UserFactory(email="bench-owner@bench.invalid")
    friend = UserFactory(email="bench-friend@bench.invalid")
    now = timezone.now()
    mine = [bulk.dog(rng, owner.pk, n, now=now, active=True) for n in range(owner_dogs)]
    theirs = [bulk.dog(rng, friend.pk, n, now=now, active=True) for n in range(10)]
    DogProfile.objects.bulk_create(mine + theirs)
    DogAccessGrant.objects.bulk_create(
        [
            DogAccessGrant(
                dog=dog,
                grantee=owner,
                granted_by=friend,
                access_level=AccessLevel.EDIT if n % 2 else AccessLevel.VIEW,
            )
            for n, dog in enumerate(theirs)
        ]
    )
    first = mine[0]
    for n in range(40):
        VaccinationFactory(
            dog=first,
            recorded_by=owner,
            vaccine_name=f"Vaccine {n}",
            administered_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n * 7),
        )

    admin = UserFactory(email="bench-admin@bench.invalid", is_staff=True, is_superuser=True)
    AuditLog.objects.bulk_create(
        [
            AuditLog(
                user=admin,
                actor_email=admin.email,
                action="Update",
                entity_type="pets.DogProfile",
                entity_id=str(dog.pk),
                old_values={"name": "Old"},
                new_values={"name": dog.name},
                severity="Info",
                timestamp=now - datetime.timedelta(seconds=n),
            )
            for n, dog in enumerate(mine * 2)
        ]
    )
    for n in range(60):
        offering = ServiceOfferingFactory(price=Decimal(10 + n % 37))
        ServiceOfferingFactory(provider=offering.provider, price=Decimal(12 + n % 41))
    for n in range(6):
        plan = SubscriptionPlanFactory(code=f"bench_{n}", sort_order=50 + n)
        for key in ("dogs.max", "ai.daily_requests", "records.export"):
            PlanEntitlementFactory(plan=plan, feature_key=key, limit_value=10 * (n + 1))

    conversation = _phase3_lists(rng, owner, friend, first)

    return Seeded(
        owner_token=user_session_create(user=owner).access_token,
        admin_token=user_session_create(user=admin).access_token,
        dog_id=str(first.pk),
        conversation_id=str(conversation.pk),
        owner_dogs=owner_dogs,
        background_dogs=dogs,
        load=load,
    )


def _phase3_lists(rng: random.Random, owner, friend, dog):
    """The owner's conversations, messages, notifications, appointments and expenses.

    Returns the conversation whose messages are listed. The owner gets the PetOwner role
    (messaging.access), as a registered owner does.
    """
    UserRole.objects.create(
        user=owner, role=Role.objects.get(name="PetOwner"), assigned_by_id=SYSTEM_USER_ID
    )
    now = timezone.now()
    conversations = []
    for n in range(40):
        conversation = ConversationFactory(
            title=f"Walk group {n}", last_message_at=now - datetime.timedelta(minutes=n)
        )
        ConversationParticipantFactory(conversation=conversation, user=owner)
        ConversationParticipantFactory(conversation=conversation, user=friend)
        conversations.append(conversation)
    chat = conversations[0]
    for n in range(80):
        message = MessageFactory(conversation=chat, sender=owner if n % 2 else friend)
        if n % 5 == 0:
            MessageReactionFactory(message=message, user=owner)
    for _ in range(60):
        NotificationFactory(recipient=owner, body=rng.choice(["New message", "Reminder"]))
    offering = ServiceOfferingFactory(price=Decimal(40))
    for _ in range(40):
        appointment = AppointmentFactory(owner=owner, service_offering=offering)
        AppointmentPetFactory(appointment=appointment, dog=dog)
    category = ExpenseCategoryFactory(owner=owner)
    for n in range(60):
        PetExpenseFactory(
            owner=owner,
            dog=dog,
            category=category,
            amount=Decimal(10 + n),
            expense_date=now.date() - datetime.timedelta(days=n),
        )
    return chat
