"""Who may call what on the scheduling API (service catalog, providers, offerings,
reviews, slots, holds, appointments): the permission matrices, as data on the one base
(tests/matrix.py).

Superusers pass every RBAC check, as they pass every Django permission check
(doggy.core.permissions.actor_may), so the superuser reaches the services, which then
answer from the data (no profile of their own: 404).
"""

from __future__ import annotations

import uuid

from accounts.models import ServiceProvider
from messaging.models import Conversation
from scheduling.models import (
    Appointment,
    AppointmentStatusHistory,
    ProviderReview,
    ServiceOffering,
    SlotHold,
)
from tests.matrix import PermissionMatrix, Route
from tests.pets.factories import DogProfileFactory
from tests.scheduling.booking_world import MONDAY, bookable_world
from tests.scheduling.factories import (
    AppointmentFactory,
    AppointmentPetFactory,
    ProviderReviewFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
    SlotHoldFactory,
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
        # Pet owners reach the eligibility rule: no completed appointment here, so 409.
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


SLOTS = "/api/v1/providers/{provider_id}/slots/"
APPOINTMENTS = "/api/v1/appointments/"
MY_APPOINTMENTS = "/api/v1/providers/me/appointments/"
HOLDS = "/api/v1/appointments/holds/"
HOLD = "/api/v1/appointments/holds/{hold_id}/"
APPOINTMENT = "/api/v1/appointments/{appointment_id}/"
CONVERSATION = "/api/v1/appointments/{appointment_id}/conversation/"


def action(name: str) -> str:
    return f"/api/v1/appointments/{{appointment_id}}/{name}/"


class TestBookingPermissionMatrix(PermissionMatrix):
    """Slots are public; booking needs `services.book`; an appointment is its owner's and
    its provider's only (404 for anyone else, staff included: staff act in the admin);
    each action belongs to one side (403 for the other) and to some statuses (409)."""

    callers = CALLERS
    routes = (
        row(
            "GET", SLOTS, 200, 200, 200, 200, 200, 200,
            body=lambda w: {"offering": w["offering_id"], "from": "2030-06-03", "to": "2030-06-03"},
        ),
        row(
            "POST", HOLDS, 401, 201, 201, 403, 403, 201,
            body=lambda w: {"offering": w["offering_id"], "start_at": w["at"](11)},
        ),
        row("DELETE", HOLD, 401, 204, 404, 403, 403, 404),
        row("GET", APPOINTMENTS, 401, 200, 200, 200, 200, 200),
        # The body books the owner's dog: anyone else's booking of it is a 400.
        row(
            "POST", APPOINTMENTS, 401, 201, 400, 403, 403, 400,
            body=lambda w: {
                "offering": w["offering_id"], "start_at": w["at"](12), "dogs": [w["dog_id"]]
            },
        ),
        row("GET", MY_APPOINTMENTS, 401, 403, 403, 200, 403, 200),
        row("GET", APPOINTMENT, 401, 200, 404, 200, 404, 404),
        row("POST", action("confirm"), 401, 403, 404, 200, 404, 404),
        row("POST", action("decline"), 401, 403, 404, 200, 404, 404),
        # Requested: not started or in progress yet.
        row("POST", action("start"), 401, 403, 404, 409, 404, 404),
        row("POST", action("complete"), 401, 403, 404, 409, 404, 404),
        row("POST", action("no-show"), 401, 409, 404, 409, 404, 404),
        row("POST", action("cancel"), 401, 200, 404, 200, 404, 404),
        row(
            "POST", action("reschedule"), 401, 201, 404, 201, 404, 404,
            body=lambda w: {"start_at": w["at"](13)},
        ),
        row("POST", CONVERSATION, 401, 201, 404, 201, 404, 404),
    )  # fmt: skip

    def build_world(self, request, users):
        """A bookable listed provider, the owner's dog, a requested appointment at 10:00
        and the owner's hold."""
        provider = request.getfixturevalue("listed_provider")
        world = bookable_world(provider)
        owner = users["owner"]
        dog = DogProfileFactory(owner=owner)
        appointment = AppointmentFactory(
            owner=owner,
            service_offering=world.offering,
            start_at=world.at(MONDAY, 10),
            end_at=world.at(MONDAY, 11),
            time_zone=str(world.zone),
        )
        AppointmentPetFactory(appointment=appointment, dog=dog)
        hold = SlotHoldFactory(
            service_offering=world.offering, held_by=owner, start_at=world.at(MONDAY, 15)
        )
        return {
            "provider_id": provider.pk,
            "offering_id": str(world.offering.pk),
            "dog_id": str(dog.pk),
            "appointment_id": appointment.pk,
            "hold_id": hold.pk,
            "at": lambda hour: world.at(MONDAY, hour).isoformat(),
        }

    def state(self):
        return {
            **super().state(),
            "appointments": list(Appointment.objects.values_list("id", "status").order_by("id")),
            "history": AppointmentStatusHistory.objects.count(),
            "holds": SlotHold.objects.count(),
            "conversations": Conversation.objects.count(),
        }

    def check_success(self, cell, response, before, after):
        # A read writes nothing; holds are checkout state and not audited; every other
        # write is audited
        if cell.route.method == "GET":
            assert after == before
        elif cell.route.path == HOLDS:
            assert SlotHold.objects.filter(pk=response.json()["id"]).exists()
        elif cell.route.path == HOLD:
            assert after["holds"] == before["holds"] - 1
        else:
            assert after["audit"] > before["audit"]
