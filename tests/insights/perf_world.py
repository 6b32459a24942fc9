"""A provider with a known quarter (plan 036), and one with nothing at all."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from scheduling.choices import AppointmentStatus, ReviewStatus
from tests.accounts.factories import ServiceProviderFactory, UserFactory
from tests.messaging.factories import ConversationFactory, MessageFactory
from tests.scheduling.factories import (
    AppointmentFactory,
    AppointmentStatusHistoryFactory,
    ProviderReviewFactory,
    ServiceOfferingFactory,
    ServiceVisitFactory,
)

AS_OF = date(2026, 3, 31)  # the 90 days from 1 January to 31 March 2026


def at(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def build_performance_world() -> dict:
    offering = ServiceOfferingFactory(price=Decimal("20.00"))
    busy = offering.provider
    idle = ServiceProviderFactory()
    owner = UserFactory()

    def book(created, status=AppointmentStatus.REQUESTED, start=None, **fields):
        start = start or created + timedelta(days=3)
        return AppointmentFactory(
            owner=owner, service_offering=offering, created_at=created, status=status,
            start_at=start, end_at=start + timedelta(hours=1), **fields,
        )  # fmt: skip

    # Confirmed after 30 min, visited on time (5 min late is within the 10 min grace).
    walked = book(
        at(3, 1, 10), AppointmentStatus.COMPLETED, start=at(3, 5, 10),
        confirmed_at=at(3, 1, 10, 30), completed_at=at(3, 5, 11),
    )  # fmt: skip
    ServiceVisitFactory(appointment=walked, check_in_at=at(3, 5, 10, 5))
    # Declined after an hour.
    declined = book(at(3, 2, 9), AppointmentStatus.DECLINED)
    AppointmentStatusHistoryFactory(
        appointment=declined, from_status=AppointmentStatus.REQUESTED,
        to_status=AppointmentStatus.DECLINED, changed_by=busy.user, changed_at=at(3, 2, 10),
    )  # fmt: skip
    book(at(3, 3, 12), AppointmentStatus.EXPIRED)
    # Confirmed after an hour, then cancelled.
    book(
        at(3, 4, 8), AppointmentStatus.CANCELLED, confirmed_at=at(3, 4, 9),
        cancelled_at=at(3, 4, 12),
    )  # fmt: skip
    # Confirmed after 20 minutes, checked in 30 minutes late.
    late = book(
        at(3, 6, 0), AppointmentStatus.IN_PROGRESS, start=at(3, 10, 10),
        confirmed_at=at(3, 6, 0, 20),
    )  # fmt: skip
    ServiceVisitFactory(appointment=late, check_in_at=at(3, 10, 10, 30), check_out_at=None)
    # The new row of a reschedule is not a new request.
    book(at(3, 7, 9), rescheduled_from=walked)
    # Before the period.
    book(
        datetime(2025, 12, 20, 9, tzinfo=UTC), confirmed_at=datetime(2025, 12, 20, 9, 1, tzinfo=UTC)
    )

    # The owner asks at 11:00, the provider answers at 11:10 (600 s); later chatter is ignored.
    chat = ConversationFactory(appointment=walked)
    MessageFactory(conversation=chat, sender=owner, created_at=at(3, 1, 11))
    MessageFactory(conversation=chat, sender=busy.user, created_at=at(3, 1, 11, 10))
    MessageFactory(conversation=chat, sender=owner, created_at=at(3, 1, 12))
    MessageFactory(conversation=chat, sender=busy.user, created_at=at(3, 1, 15))

    ProviderReviewFactory(provider=busy, rating=4, created_at=at(3, 6))
    ProviderReviewFactory(provider=busy, rating=5, created_at=at(3, 7))
    ProviderReviewFactory(provider=busy, rating=1, created_at=at(3, 8), status=ReviewStatus.HIDDEN)
    return {"busy": busy, "idle": idle, "owner": owner}


BUSY_KPIS = {
    "requests_received": 5,
    "requests_accepted": 3,
    "requests_declined": 1,
    "requests_expired": 1,
    "cancellations": 1,
    "on_time_arrivals": 1,
    "late_arrivals": 1,
    # 1800, 3600 (decline), 3600, 1200 and the 600 s message reply.
    "median_response_seconds": 1800,
}
IDLE_KPIS = dict.fromkeys(BUSY_KPIS, 0) | {"median_response_seconds": None}
