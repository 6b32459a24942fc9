"""Factories of the scheduling app (plans 011, 013, 025–030) and listed providers."""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.choices import KycStatus
from doggy.choices import FilePurpose
from scheduling.choices import (
    AppointmentStatus,
    CalendarProvider,
    LocationType,
    OverrideKind,
    OverrideReason,
    PricingUnit,
    RescheduleStatus,
    ReviewStatus,
    VisitEventType,
    VisitMood,
)
from scheduling.models import (
    Appointment,
    AppointmentPet,
    AppointmentReschedule,
    AppointmentStatusHistory,
    AvailabilityOverride,
    AvailabilityRule,
    AvailabilitySchedule,
    BookingRule,
    CalendarConnection,
    CalendarEventLink,
    CalendarFeedToken,
    ExternalBusyBlock,
    ExternalCalendar,
    ProviderReview,
    ServiceCategory,
    ServiceOffering,
    ServiceVisit,
    ServiceVisitEvent,
    ServiceVisitLocation,
    ServiceVisitMedia,
    SlotHold,
)
from tests.accounts.factories import ServiceProviderFactory, UserFactory
from tests.doggy.factories import StoredFileFactory
from tests.pets.factories import DogProfileFactory

# A fixed Monday, far enough ahead that no notice rule gets in the way.
BASE_START = datetime.datetime(2030, 6, 3, 9, 0, tzinfo=datetime.UTC)
AN_HOUR = datetime.timedelta(hours=1)


class ServiceCategoryFactory(DjangoModelFactory[ServiceCategory]):
    """A category, got or created on its slug (the seed migration may have made it)."""

    class Meta:
        model = ServiceCategory
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    description = ""
    sort_order = factory.Sequence(lambda n: 1000 + n)
    is_active = True


class ListedProviderFactory(ServiceProviderFactory):
    """A provider that public lists show: verified (KYC approved) and active."""

    slug = factory.Sequence(lambda n: f"provider-{n}")
    is_verified = True
    verification_status = KycStatus.APPROVED
    verified_at = factory.LazyFunction(timezone.now)
    is_active = True


class ServiceOfferingFactory(DjangoModelFactory[ServiceOffering]):
    class Meta:
        model = ServiceOffering

    provider = factory.SubFactory(ListedProviderFactory)
    category = factory.SubFactory(ServiceCategoryFactory, slug="dog-walking", name="Dog Walking")
    name = factory.Sequence(lambda n: f"Walk {n}")
    slug = factory.Sequence(lambda n: f"walk-{n}")
    description = "A friendly walk."
    duration_minutes = 60
    pricing_unit = PricingUnit.PER_VISIT
    price = Decimal("20.00")
    currency = "USD"
    deposit_amount = Decimal("0.00")
    max_pets = 2
    location_types = factory.LazyFunction(lambda: [LocationType.OWNER_HOME.value])
    is_active = True
    is_hidden = False


class ProviderReviewFactory(DjangoModelFactory[ProviderReview]):
    """A published review (as imported legacy reviews are: no appointment)."""

    class Meta:
        model = ProviderReview

    provider = factory.SubFactory(ListedProviderFactory)
    reviewer = factory.SubFactory(UserFactory)
    rating = 5
    title = "Great"
    comment = "Lovely with our dog."
    status = ReviewStatus.PUBLISHED


# --- Plan 025 ------------------------------------------------------------------------------


class AvailabilityScheduleFactory(DjangoModelFactory[AvailabilitySchedule]):
    """A provider's non-default schedule (a provider has at most one default)."""

    class Meta:
        model = AvailabilitySchedule

    provider = factory.SubFactory(ListedProviderFactory)
    name = "Working hours"
    time_zone = "Europe/London"
    is_default = False


class AvailabilityRuleFactory(DjangoModelFactory[AvailabilityRule]):
    """Mondays 09:00–17:00."""

    class Meta:
        model = AvailabilityRule

    schedule = factory.SubFactory(AvailabilityScheduleFactory)
    day_of_week = 1
    start_time = datetime.time(9, 0)
    end_time = datetime.time(17, 0)


class AvailabilityOverrideFactory(DjangoModelFactory[AvailabilityOverride]):
    """A day of holiday."""

    class Meta:
        model = AvailabilityOverride

    schedule = factory.SubFactory(AvailabilityScheduleFactory)
    kind = OverrideKind.UNAVAILABLE
    start_at = BASE_START
    end_at = factory.LazyAttribute(lambda o: o.start_at + datetime.timedelta(days=1))
    reason = OverrideReason.HOLIDAY
    notes = ""


# --- Plan 026 ------------------------------------------------------------------------------


class AppointmentFactory(DjangoModelFactory[Appointment]):
    """A requested one-hour booking of an offering, priced from the offering."""

    class Meta:
        model = Appointment

    owner = factory.SubFactory(UserFactory)
    service_offering = factory.SubFactory(ServiceOfferingFactory)
    provider = factory.LazyAttribute(lambda o: o.service_offering.provider)
    start_at = factory.Sequence(lambda n: BASE_START + n * 2 * AN_HOUR)
    end_at = factory.LazyAttribute(lambda o: o.start_at + AN_HOUR)
    time_zone = "Europe/London"
    status = AppointmentStatus.REQUESTED
    price_amount = factory.LazyAttribute(lambda o: o.service_offering.price)
    currency = factory.LazyAttribute(lambda o: o.service_offering.currency)
    deposit_amount = Decimal("0.00")


class AppointmentPetFactory(DjangoModelFactory[AppointmentPet]):
    """One of the booker's own dogs on the appointment (I-7)."""

    class Meta:
        model = AppointmentPet

    appointment = factory.SubFactory(AppointmentFactory)
    dog = factory.SubFactory(DogProfileFactory, owner=factory.SelfAttribute("..appointment.owner"))
    care_instructions = "Loves the park."


# --- Plan 027 ------------------------------------------------------------------------------


class CalendarConnectionFactory(DjangoModelFactory[CalendarConnection]):
    class Meta:
        model = CalendarConnection

    user = factory.SubFactory(UserFactory)
    provider = CalendarProvider.CALDAV
    external_account_email = factory.Sequence(lambda n: f"calendar{n}@example.com")


class ExternalCalendarFactory(DjangoModelFactory[ExternalCalendar]):
    class Meta:
        model = ExternalCalendar

    connection = factory.SubFactory(CalendarConnectionFactory)
    external_calendar_id = factory.Sequence(lambda n: f"/calendars/user/cal-{n}/")
    name = "Work"


class CalendarEventLinkFactory(DjangoModelFactory[CalendarEventLink]):
    class Meta:
        model = CalendarEventLink

    appointment = factory.SubFactory(AppointmentFactory)
    external_calendar = factory.SubFactory(ExternalCalendarFactory)
    external_event_id = factory.Sequence(lambda n: f"event-{n}.ics")


class ExternalBusyBlockFactory(DjangoModelFactory[ExternalBusyBlock]):
    class Meta:
        model = ExternalBusyBlock

    external_calendar = factory.SubFactory(ExternalCalendarFactory)
    start_at = BASE_START
    end_at = factory.LazyAttribute(lambda o: o.start_at + AN_HOUR)
    external_event_id = factory.Sequence(lambda n: f"busy-{n}")
    fetched_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.fetched_at + datetime.timedelta(minutes=15))


class CalendarFeedTokenFactory(DjangoModelFactory[CalendarFeedToken]):
    class Meta:
        model = CalendarFeedToken

    user = factory.SubFactory(UserFactory)
    token_hash = factory.Sequence(lambda n: hashlib.sha256(f"feed-token-{n}".encode()).hexdigest())


# --- Plan 028 ------------------------------------------------------------------------------


class BookingRuleFactory(DjangoModelFactory[BookingRule]):
    """A provider-wide rule that takes the settings' notice, advance and buffers."""

    class Meta:
        model = BookingRule

    provider = factory.SubFactory(ListedProviderFactory)
    service_offering = None


class SlotHoldFactory(DjangoModelFactory[SlotHold]):
    class Meta:
        model = SlotHold

    service_offering = factory.SubFactory(ServiceOfferingFactory)
    provider = factory.LazyAttribute(lambda o: o.service_offering.provider)
    held_by = factory.SubFactory(UserFactory)
    start_at = BASE_START
    end_at = factory.LazyAttribute(lambda o: o.start_at + AN_HOUR)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(minutes=10))


# --- Plan 029 ------------------------------------------------------------------------------


class AppointmentStatusHistoryFactory(DjangoModelFactory[AppointmentStatusHistory]):
    """The creation row of an appointment's history."""

    class Meta:
        model = AppointmentStatusHistory

    appointment = factory.SubFactory(AppointmentFactory)
    from_status = None
    to_status = AppointmentStatus.REQUESTED
    changed_by = factory.LazyAttribute(lambda o: o.appointment.owner)


class AppointmentRescheduleFactory(DjangoModelFactory[AppointmentReschedule]):
    """A pending request to move an appointment one day later."""

    class Meta:
        model = AppointmentReschedule

    appointment = factory.SubFactory(AppointmentFactory)
    requested_by = factory.LazyAttribute(lambda o: o.appointment.owner)
    previous_start_at = factory.LazyAttribute(lambda o: o.appointment.start_at)
    previous_end_at = factory.LazyAttribute(lambda o: o.appointment.end_at)
    proposed_start_at = factory.LazyAttribute(
        lambda o: o.appointment.start_at + datetime.timedelta(days=1)
    )
    proposed_end_at = factory.LazyAttribute(
        lambda o: o.appointment.end_at + datetime.timedelta(days=1)
    )
    status = RescheduleStatus.PENDING


# --- Plan 030 ------------------------------------------------------------------------------


class ServiceVisitFactory(DjangoModelFactory[ServiceVisit]):
    """A finished visit with a report card."""

    class Meta:
        model = ServiceVisit

    appointment = factory.SubFactory(AppointmentFactory, status=AppointmentStatus.IN_PROGRESS)
    check_in_at = factory.LazyAttribute(lambda o: o.appointment.start_at)
    check_out_at = factory.LazyAttribute(lambda o: o.appointment.end_at)
    check_in_lat = Decimal("51.507400")
    check_in_lng = Decimal("-0.127800")
    activity_summary = factory.LazyFunction(lambda: {"peed": True, "pooped": True})
    mood = VisitMood.HAPPY
    report_notes = "A lovely walk."


class ServiceVisitEventFactory(DjangoModelFactory[ServiceVisitEvent]):
    class Meta:
        model = ServiceVisitEvent

    visit = factory.SubFactory(ServiceVisitFactory)
    event_type = VisitEventType.WALK_STARTED
    occurred_at = factory.LazyAttribute(lambda o: o.visit.appointment.start_at)


class ServiceVisitLocationFactory(DjangoModelFactory[ServiceVisitLocation]):
    class Meta:
        model = ServiceVisitLocation

    visit = factory.SubFactory(ServiceVisitFactory)
    recorded_at = factory.LazyAttribute(lambda o: o.visit.appointment.start_at)
    latitude = Decimal("51.507400")
    longitude = Decimal("-0.127800")
    accuracy_meters = Decimal("5.00")


class ServiceVisitMediaFactory(DjangoModelFactory[ServiceVisitMedia]):
    class Meta:
        model = ServiceVisitMedia

    visit = factory.SubFactory(ServiceVisitFactory)
    file = factory.SubFactory(StoredFileFactory, purpose=FilePurpose.DELIVERY_PHOTO)
    caption = "At the park"
