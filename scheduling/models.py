"""Models of the scheduling app.

The service catalog (plan 011), reviews (013), availability (025), appointments (026),
calendar integration (027), booking rules and slot holds (028), appointment history
(029) and service delivery (030). Only the schema lives here; the rules that need `now`,
other tables or a lock (I-1, I-3, I-5, I-7) belong to the services.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q

from doggy.core.db import TimeStampedModel, created_at_field, updated_at_field, uuid_primary_key

from .choices import (
    CANCELLED_APPOINTMENT_STATUSES,
    ISO_MONDAY,
    ISO_SUNDAY,
    LIVE_APPOINTMENT_STATUSES,
    MAX_RATING,
    MIN_RATING,
    REVIEW_SUB_RATING_KEYS,
    AppointmentLocationType,
    AppointmentStatus,
    CalendarConnectionStatus,
    CalendarProvider,
    CalendarSyncStatus,
    LocationType,
    NoShowParty,
    OverrideKind,
    OverrideReason,
    PricingUnit,
    RescheduleStatus,
    ReviewStatus,
    VisitEventType,
    VisitMood,
)

currency_code_validator = RegexValidator(
    r"^[A-Z]{3}$", "Use an ISO-4217 currency code in upper case, e.g. USD."
)


def default_location_types() -> list[str]:
    """`["OwnerHome"]`: a JSONField default must be a callable (Django check fields.E010)."""
    return [LocationType.OWNER_HOME.value]


class ServiceCategoryQuerySet(models.QuerySet):
    def active(self) -> ServiceCategoryQuerySet:
        return self.filter(is_active=True)


class ServiceCategory(models.Model):
    """A kind of service the platform lists (dog walking, grooming, …); a small lookup."""

    id = models.AutoField(primary_key=True, db_column="Id")
    name = models.CharField(max_length=100, unique=True, db_column="Name")
    slug = models.SlugField(max_length=100, unique=True, db_column="Slug")
    description = models.CharField(max_length=500, blank=True, default="", db_column="Description")
    icon_name = models.CharField(max_length=50, blank=True, default="", db_column="IconName")
    sort_order = models.IntegerField(default=0, db_column="SortOrder")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")

    objects = ServiceCategoryQuerySet.as_manager()

    class Meta:
        db_table = "ServiceCategories"
        # Eight-odd rows: ordering needs no index.
        ordering = ["sort_order", "name"]
        verbose_name = "service category"
        verbose_name_plural = "service categories"

    def __str__(self) -> str:
        return self.name


class ServiceOfferingQuerySet(models.QuerySet):
    def bookable(self) -> ServiceOfferingQuerySet:
        """Offerings a pet owner may find: active, not hidden, in an active category."""
        return self.filter(is_active=True, is_hidden=False, category__is_active=True)


class ServiceOffering(TimeStampedModel):
    """One service a provider sells: category, duration, price and where it happens.

    The cal.com `EventType` of this project. `ScheduleId` (plan 025) came with the
    availability tables (D10). Money is `Price` + `Currency`; the deposit never exceeds the
    price (CK_ServiceOfferings_Price, SCHEMA.md I-17).
    """

    id = uuid_primary_key()
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="offerings",
        # Leads UX_ServiceOfferings_Prov_Slug and IX_ServiceOfferings_Provider.
        db_index=False,
        db_column="ProviderId",
    )
    category = models.ForeignKey(
        ServiceCategory,
        on_delete=models.PROTECT,
        related_name="offerings",
        # Leads IX_ServiceOfferings_Cat_Active.
        db_index=False,
        db_column="CategoryId",
    )
    name = models.CharField(max_length=150, db_column="Name")
    slug = models.SlugField(max_length=150, db_column="Slug")
    description = models.TextField(blank=True, default="", db_column="Description")
    duration_minutes = models.PositiveIntegerField(
        validators=[MinValueValidator(1)], db_column="DurationMinutes"
    )
    pricing_unit = models.CharField(
        max_length=10,
        choices=PricingUnit.choices,
        default=PricingUnit.PER_VISIT,
        db_column="PricingUnit",
    )
    price = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        db_column="Price",
    )
    currency = models.CharField(
        max_length=3, default="USD", validators=[currency_code_validator], db_column="Currency"
    )
    deposit_amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        db_column="DepositAmount",
    )
    max_pets = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], db_column="MaxPets"
    )
    location_types = models.JSONField(default=default_location_types, db_column="LocationTypes")
    is_virtual = models.BooleanField(default=False, db_default=False, db_column="IsVirtual")
    # Plan 025 (cal.com `EventType.scheduleId`): NULL = the provider's default schedule.
    schedule = models.ForeignKey(
        "AvailabilitySchedule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offerings",
        db_column="ScheduleId",
    )
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    is_hidden = models.BooleanField(default=False, db_default=False, db_column="IsHidden")
    sort_order = models.IntegerField(default=0, db_column="SortOrder")

    objects = ServiceOfferingQuerySet.as_manager()

    class Meta:
        db_table = "ServiceOfferings"
        ordering = ["provider_id", "sort_order", "id"]
        indexes = [
            models.Index(fields=["category", "is_active"], name="IX_ServiceOfferings_Cat_Active"),
            models.Index(fields=["provider", "is_active"], name="IX_ServiceOfferings_Provider"),
            # Not in the plan: the public search filters and orders by price.
            models.Index(fields=["is_active", "price"], name="IX_ServiceOfferings_Act_Price"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "slug"], name="UX_ServiceOfferings_Prov_Slug"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="CK_ServiceOfferings_Duration"
            ),
            models.CheckConstraint(
                condition=Q(price__gte=0)
                & Q(deposit_amount__gte=0)
                & Q(deposit_amount__lte=F("price")),
                name="CK_ServiceOfferings_Price",
            ),
            models.CheckConstraint(
                condition=Q(max_pets__gte=1), name="CK_ServiceOfferings_MaxPets"
            ),
            models.CheckConstraint(
                condition=Q(pricing_unit__in=PricingUnit.values),
                name="CK_ServiceOfferings_PricingUnit",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors: dict[str, list[str]] = {}
        if (
            self.price is not None
            and self.deposit_amount is not None
            and self.deposit_amount > self.price
        ):
            errors.setdefault("deposit_amount", []).append("The deposit cannot exceed the price.")
        types = self.location_types
        if (
            not isinstance(types, list)
            or not types
            or any(t not in LocationType.values for t in types)
        ):
            errors.setdefault("location_types", []).append(
                f"Give a non-empty list of: {', '.join(LocationType.values)}."
            )
        elif len(set(types)) != len(types):
            errors.setdefault("location_types", []).append("List each location type once.")
        if errors:
            raise ValidationError(errors)


class ProviderReview(TimeStampedModel):
    """A pet owner's 1..5 rating of a provider, with an optional title and comment.

    Only `Published` reviews count towards `ServiceProviders.AverageRating/ReviewCount`,
    which the review services recompute in the same transaction (SCHEMA.md I-6). New
    reviews need a completed appointment of the reviewer with the provider (I-5): the
    `AppointmentId` column and `UX_Reviews_Appt_Reviewer` (one review per appointment
    and reviewer) came with plan 026 (D10); NULL only for imported legacy reviews.
    """

    id = uuid_primary_key()
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="reviews",
        # Leads IX_Reviews_Provider_Created.
        db_index=False,
        db_column="ProviderId",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="provider_reviews",
        # Covered by IX_Reviews_Reviewer.
        db_index=False,
        db_column="ReviewerId",
    )
    appointment = models.ForeignKey(
        "Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        db_column="AppointmentId",
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_RATING), MaxValueValidator(MAX_RATING)],
        db_column="Rating",
    )
    title = models.CharField(max_length=150, blank=True, default="", db_column="Title")
    comment = models.TextField(blank=True, default="", db_column="Comment")
    sub_ratings = models.JSONField(default=dict, blank=True, db_column="SubRatings")
    status = models.CharField(
        max_length=12,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PUBLISHED,
        db_column="Status",
    )
    provider_response = models.TextField(blank=True, default="", db_column="ProviderResponse")
    provider_responded_at = models.DateTimeField(
        null=True, blank=True, db_column="ProviderRespondedAt"
    )

    class Meta:
        db_table = "ProviderReviews"
        ordering = ["provider_id", "status", "-created_at", "id"]
        indexes = [
            models.Index(
                fields=["provider", "status", "-created_at"], name="IX_Reviews_Provider_Created"
            ),
            models.Index(fields=["reviewer"], name="IX_Reviews_Reviewer"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=MIN_RATING) & Q(rating__lte=MAX_RATING),
                name="CK_Reviews_Rating",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="CK_Reviews_Status"
            ),
            # SQL Server's unique indexes treat NULLs as equal: the filter leaves NULLs out
            # on every engine alike (SCHEMA.md 2.13).
            models.UniqueConstraint(
                fields=["appointment", "reviewer"],
                condition=Q(appointment__isnull=False) & Q(reviewer__isnull=False),
                name="UX_Reviews_Appt_Reviewer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 for {self.provider_id}"

    def clean(self):
        super().clean()
        subs = self.sub_ratings
        if not isinstance(subs, dict):
            raise ValidationError({"sub_ratings": ["Give an object of aspect → rating."]})
        problems = [
            key
            for key, value in subs.items()
            if key not in REVIEW_SUB_RATING_KEYS
            or isinstance(value, bool)
            or not isinstance(value, int)
            or not MIN_RATING <= value <= MAX_RATING
        ]
        if problems:
            raise ValidationError(
                {
                    "sub_ratings": [
                        f"Allowed aspects are {', '.join(REVIEW_SUB_RATING_KEYS)}, "
                        f"each rated {MIN_RATING}..{MAX_RATING}."
                    ]
                }
            )


# --- Plan 025: Availability Management ---------------------------------------------------


class AvailabilitySchedule(TimeStampedModel):
    """A named set of weekly hours in one IANA time zone (cal.com `Schedule`).

    Rule times are wall-clock times in `TimeZone`, so a 09:00 rule stays at 09:00 local
    across a DST change (I-22). At most one default schedule per provider (I-13).
    """

    id = uuid_primary_key()
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="availability_schedules",
        db_column="ProviderId",
    )
    name = models.CharField(max_length=100, default="Working hours", db_column="Name")
    time_zone = models.CharField(max_length=50, db_column="TimeZone")
    is_default = models.BooleanField(default=False, db_default=False, db_column="IsDefault")

    class Meta:
        db_table = "AvailabilitySchedules"
        ordering = ["provider_id", "-is_default", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(is_default=True),
                name="UX_Schedules_Provider_Default",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.time_zone})"


class AvailabilityRule(models.Model):
    """One weekly window: ISO day of week plus a start and end wall-clock time.

    Split shifts are several rules on one day. An overnight window is two rules split at
    midnight, and slot computation joins adjacent windows (SCHEMA.md A8); an `EndTime`
    of 23:59:59.999999 means the end of the day.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    schedule = models.ForeignKey(
        AvailabilitySchedule,
        on_delete=models.CASCADE,
        related_name="rules",
        # Leads IX_AvailRules_Sched_Day.
        db_index=False,
        db_column="ScheduleId",
    )
    day_of_week = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(ISO_MONDAY), MaxValueValidator(ISO_SUNDAY)],
        db_column="DayOfWeek",
    )
    start_time = models.TimeField(db_column="StartTime")
    end_time = models.TimeField(db_column="EndTime")

    class Meta:
        db_table = "AvailabilityRules"
        ordering = ["schedule_id", "day_of_week", "start_time", "id"]
        indexes = [
            models.Index(fields=["schedule", "day_of_week"], name="IX_AvailRules_Sched_Day"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(day_of_week__gte=ISO_MONDAY) & Q(day_of_week__lte=ISO_SUNDAY),
                name="CK_AvailRules_Day",
            ),
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")), name="CK_AvailRules_Range"
            ),
        ]

    def __str__(self) -> str:
        return f"Day {self.day_of_week} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        super().clean()
        if (
            self.start_time is not None
            and self.end_time is not None
            and self.start_time >= self.end_time
        ):
            raise ValidationError({"end_time": ["The end must be after the start."]})


class AvailabilityOverride(models.Model):
    """Extra hours outside the weekly rules, or time off, between two UTC instants.

    An all-day entry is local midnight to midnight converted to UTC (cal.com `Availability.date`
    and `OutOfOfficeEntry`; django-appointment `DayOff`).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    schedule = models.ForeignKey(
        AvailabilitySchedule,
        on_delete=models.CASCADE,
        related_name="overrides",
        # Leads IX_AvailOverrides_Sched_Range.
        db_index=False,
        db_column="ScheduleId",
    )
    kind = models.CharField(max_length=12, choices=OverrideKind.choices, db_column="Kind")
    start_at = models.DateTimeField(db_column="StartAt")
    end_at = models.DateTimeField(db_column="EndAt")
    reason = models.CharField(
        max_length=20, choices=OverrideReason.choices, blank=True, default="", db_column="Reason"
    )
    notes = models.CharField(max_length=300, blank=True, default="", db_column="Notes")
    created_at = created_at_field()

    class Meta:
        db_table = "AvailabilityOverrides"
        ordering = ["schedule_id", "start_at", "id"]
        indexes = [
            models.Index(
                fields=["schedule", "start_at", "end_at"], name="IX_AvailOverrides_Sched_Range"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="CK_AvailOverrides_Range"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OverrideKind.values), name="CK_AvailabilityOverrides_Kind"
            ),
            models.CheckConstraint(
                condition=Q(reason__in=["", *OverrideReason.values]),
                name="CK_AvailabilityOverrides_Reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_at:%Y-%m-%d %H:%M}–{self.end_at:%H:%M}"


# --- Plan 026: Appointment System --------------------------------------------------------

# Crockford-style: no 0/O, 1/I/L, so a reference read out on the phone is unambiguous.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "MD-"
REFERENCE_LENGTH = 6


def new_appointment_reference() -> str:
    """A human booking code such as `MD-7K3Q9P` (cal.com `uid`); unique by constraint."""
    return REFERENCE_PREFIX + "".join(
        secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH)
    )


ICAL_UID_DOMAIN = "meandmydoggy"


class Appointment(TimeStampedModel):
    """A booking of one offering by a pet owner, with a price snapshot and its status.

    No overlap per provider (I-1) is decided on `BlockStartAt`/`BlockEndAt`, the
    appointment widened by its buffer snapshot, stored because PostgreSQL exclusion
    expressions must be immutable. On PostgreSQL the exclusion constraint
    `EX_Appointments_NoOverlap` (btree_gist, created by `scheduling/0005`) refuses a
    second live, exclusive appointment whose block overlaps. SQLite and SQL Server have
    no such constraint: the booking service serializes bookings per provider by locking
    the provider row (`select_for_update`) and checking for overlap inside the same
    transaction (on SQLite every atomic block takes the write lock first). `IsExclusive`
    snapshots `BookingRules.MaxConcurrentBookings = 1`, so group bookings stay allowed.
    Booking rules that need `now` (notice, advance, limits; I-3) and the owner's dogs
    (I-7) are the service's.
    """

    id = uuid_primary_key()
    reference = models.CharField(
        max_length=12,
        unique=True,
        default=new_appointment_reference,
        editable=False,
        db_column="Reference",
    )
    idempotency_key = models.CharField(
        max_length=64, null=True, blank=True, db_column="IdempotencyKey"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="appointments",
        # Leads IX_Appointments_Owner_Start and UX_Appointments_Owner_Idem.
        db_index=False,
        db_column="OwnerId",
    )
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.PROTECT,
        related_name="appointments",
        # Leads IX_Appointments_Provider_Start and IX_Appointments_Prov_Block.
        db_index=False,
        db_column="ProviderId",
    )
    service_offering = models.ForeignKey(
        ServiceOffering,
        on_delete=models.PROTECT,
        related_name="appointments",
        db_column="ServiceOfferingId",
    )
    start_at = models.DateTimeField(db_column="StartAt")
    end_at = models.DateTimeField(db_column="EndAt")
    time_zone = models.CharField(max_length=50, db_column="TimeZone")
    status = models.CharField(
        max_length=12,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.REQUESTED,
        db_column="Status",
    )
    buffer_before_minutes = models.PositiveSmallIntegerField(
        default=0, db_column="BufferBeforeMinutes"
    )
    buffer_after_minutes = models.PositiveSmallIntegerField(
        default=0, db_column="BufferAfterMinutes"
    )
    location_type = models.CharField(
        max_length=16,
        choices=AppointmentLocationType.choices,
        default=AppointmentLocationType.OWNER_HOME,
        db_column="LocationType",
    )
    address = models.ForeignKey(
        "accounts.Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointments",
        db_column="AddressId",
    )
    location_text = models.CharField(
        max_length=300, blank=True, default="", db_column="LocationText"
    )
    price_amount = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        db_column="PriceAmount",
    )
    currency = models.CharField(
        max_length=3, validators=[currency_code_validator], db_column="Currency"
    )
    price_units = models.DecimalField(
        max_digits=6, decimal_places=2, default=Decimal("1"), db_column="PriceUnits"
    )
    deposit_amount = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        db_column="DepositAmount",
    )
    owner_notes = models.TextField(blank=True, default="", db_column="OwnerNotes")
    provider_notes = models.TextField(blank=True, default="", db_column="ProviderNotes")
    confirmed_at = models.DateTimeField(null=True, blank=True, db_column="ConfirmedAt")
    completed_at = models.DateTimeField(null=True, blank=True, db_column="CompletedAt")
    cancelled_at = models.DateTimeField(null=True, blank=True, db_column="CancelledAt")
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="CancelledById",
    )
    cancellation_reason = models.CharField(
        max_length=500, blank=True, default="", db_column="CancellationReason"
    )
    decline_reason = models.CharField(
        max_length=500, blank=True, default="", db_column="DeclineReason"
    )
    no_show_party = models.CharField(
        max_length=8,
        choices=NoShowParty.choices,
        null=True,
        blank=True,
        db_column="NoShowParty",
    )
    rescheduled_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rescheduled_to",
        db_column="RescheduledFromId",
    )
    reschedule_count = models.PositiveSmallIntegerField(default=0, db_column="RescheduleCount")
    ical_uid = models.CharField(max_length=255, blank=True, db_column="ICalUid")
    ical_sequence = models.PositiveIntegerField(default=0, db_column="ICalSequence")
    block_start_at = models.DateTimeField(editable=False, db_column="BlockStartAt")
    block_end_at = models.DateTimeField(editable=False, db_column="BlockEndAt")
    is_exclusive = models.BooleanField(default=True, db_default=True, db_column="IsExclusive")

    class Meta:
        db_table = "Appointments"
        ordering = ["-start_at", "id"]
        indexes = [
            models.Index(fields=["provider", "start_at"], name="IX_Appointments_Provider_Start"),
            models.Index(fields=["owner", "-start_at"], name="IX_Appointments_Owner_Start"),
            models.Index(
                fields=["start_at", "end_at", "status"], name="IX_Appointments_Start_End_St"
            ),
            models.Index(fields=["status"], name="IX_Appointments_Status"),
            models.Index(
                fields=["provider", "block_start_at", "block_end_at"],
                name="IX_Appointments_Prov_Block",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="CK_Appointments_Range"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AppointmentStatus.values), name="CK_Appointments_Status"
            ),
            models.CheckConstraint(
                condition=Q(price_amount__gte=0)
                & Q(deposit_amount__gte=0)
                & Q(deposit_amount__lte=F("price_amount")),
                name="CK_Appointments_Amounts",
            ),
            # A rescheduled appointment is a cancelled one too (A12): both carry the time.
            models.CheckConstraint(
                condition=~Q(status__in=CANCELLED_APPOINTMENT_STATUSES)
                | Q(cancelled_at__isnull=False),
                name="CK_Appointments_Cancelled",
            ),
            models.CheckConstraint(
                condition=~Q(status=AppointmentStatus.COMPLETED) | Q(completed_at__isnull=False),
                name="CK_Appointments_Completed",
            ),
            models.CheckConstraint(
                condition=Q(block_start_at__lte=F("start_at")) & Q(block_end_at__gte=F("end_at")),
                name="CK_Appointments_Block",
            ),
            models.CheckConstraint(
                condition=Q(location_type__in=AppointmentLocationType.values),
                name="CK_Appointments_LocationType",
            ),
            models.CheckConstraint(
                condition=Q(no_show_party__isnull=True) | Q(no_show_party__in=NoShowParty.values),
                name="CK_Appointments_NoShowParty",
            ),
            models.UniqueConstraint(
                fields=["owner", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="UX_Appointments_Owner_Idem",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.start_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def is_live(self) -> bool:
        """Holds the provider's time: requested, confirmed or in progress (I-1)."""
        return self.status in LIVE_APPOINTMENT_STATUSES

    def set_block(self) -> None:
        """`BlockStartAt`/`BlockEndAt` from the times and the buffer snapshot."""
        if self.start_at is not None:
            self.block_start_at = self.start_at - timedelta(minutes=self.buffer_before_minutes)
        if self.end_at is not None:
            self.block_end_at = self.end_at + timedelta(minutes=self.buffer_after_minutes)

    def save(self, *args, **kwargs):
        self.set_block()
        if not self.ical_uid:
            self.ical_uid = f"{uuid.UUID(str(self.id)).hex}@{ICAL_UID_DOMAIN}"
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            touched = set(update_fields)
            if touched & {"start_at", "end_at", "buffer_before_minutes", "buffer_after_minutes"}:
                kwargs["update_fields"] = touched | {"block_start_at", "block_end_at"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors: dict[str, list[str]] = {}
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors.setdefault("end_at", []).append("The end must be after the start.")
        if (
            self.price_amount is not None
            and self.deposit_amount is not None
            and self.deposit_amount > self.price_amount
        ):
            errors.setdefault("deposit_amount", []).append("The deposit cannot exceed the price.")
        if errors:
            raise ValidationError(errors)


class AppointmentPet(models.Model):
    """One dog on an appointment, with instructions for this booking only.

    The dogs belong to the booker and are active (I-7): the booking service checks it.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.CASCADE,
        related_name="pets",
        # Leads UX_AppointmentPets_Appt_Dog.
        db_index=False,
        db_column="AppointmentId",
    )
    dog = models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.PROTECT,
        related_name="appointment_pets",
        db_column="DogId",
    )
    care_instructions = models.TextField(blank=True, default="", db_column="CareInstructions")

    class Meta:
        db_table = "AppointmentPets"
        ordering = ["appointment_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "dog"], name="UX_AppointmentPets_Appt_Dog"
            ),
        ]

    def __str__(self) -> str:
        return f"Dog {self.dog_id} on {self.appointment_id}"


# --- Plan 027: Calendar Integration ------------------------------------------------------


class CalendarConnection(TimeStampedModel):
    """A user's connected external calendar account (Google, Microsoft or CalDAV).

    The token columns hold ciphertext only (encrypted by the application before they are
    written, never logged); without credentials the columns stay empty.
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_connections",
        # Leads UX_CalConn_User_Prov_Email.
        db_index=False,
        db_column="UserId",
    )
    provider = models.CharField(
        max_length=10, choices=CalendarProvider.choices, db_column="Provider"
    )
    external_account_email = models.CharField(max_length=256, db_column="ExternalAccountEmail")
    access_token_encrypted = models.TextField(
        blank=True, default="", db_column="AccessTokenEncrypted"
    )
    refresh_token_encrypted = models.TextField(
        blank=True, default="", db_column="RefreshTokenEncrypted"
    )
    token_expires_at = models.DateTimeField(null=True, blank=True, db_column="TokenExpiresAt")
    scopes = models.CharField(max_length=500, blank=True, default="", db_column="Scopes")
    status = models.CharField(
        max_length=10,
        choices=CalendarConnectionStatus.choices,
        default=CalendarConnectionStatus.ACTIVE,
        db_column="Status",
    )
    last_synced_at = models.DateTimeField(null=True, blank=True, db_column="LastSyncedAt")
    sync_error = models.CharField(max_length=500, blank=True, default="", db_column="SyncError")

    class Meta:
        db_table = "CalendarConnections"
        ordering = ["user_id", "provider", "external_account_email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "provider", "external_account_email"],
                name="UX_CalConn_User_Prov_Email",
            ),
            models.CheckConstraint(
                condition=Q(provider__in=CalendarProvider.values),
                name="CK_CalendarConnections_Provider",
            ),
            models.CheckConstraint(
                condition=Q(status__in=CalendarConnectionStatus.values),
                name="CK_CalendarConnections_Status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.external_account_email}"


class ExternalCalendar(models.Model):
    """One calendar of a connection: read for busy times, written with bookings, or both.

    At most one destination calendar per user is an application rule.
    """

    id = uuid_primary_key()
    connection = models.ForeignKey(
        CalendarConnection,
        on_delete=models.CASCADE,
        related_name="calendars",
        # Leads UX_ExtCalendars_Conn_ExtId.
        db_index=False,
        db_column="ConnectionId",
    )
    external_calendar_id = models.CharField(max_length=255, db_column="ExternalCalendarId")
    name = models.CharField(max_length=200, blank=True, default="", db_column="Name")
    check_for_conflicts = models.BooleanField(
        default=True, db_default=True, db_column="CheckForConflicts"
    )
    is_destination = models.BooleanField(default=False, db_default=False, db_column="IsDestination")
    watch_channel_id = models.CharField(
        max_length=255, null=True, blank=True, db_column="WatchChannelId"
    )
    watch_resource_id = models.CharField(
        max_length=255, null=True, blank=True, db_column="WatchResourceId"
    )
    watch_expires_at = models.DateTimeField(null=True, blank=True, db_column="WatchExpiresAt")
    sync_token = models.CharField(max_length=500, blank=True, default="", db_column="SyncToken")

    class Meta:
        db_table = "ExternalCalendars"
        ordering = ["connection_id", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "external_calendar_id"], name="UX_ExtCalendars_Conn_ExtId"
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.external_calendar_id


class CalendarEventLink(models.Model):
    """The external event an appointment was pushed to (cal.com `BookingReference`)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.CASCADE,
        related_name="calendar_links",
        db_column="AppointmentId",
    )
    external_calendar = models.ForeignKey(
        ExternalCalendar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_links",
        db_column="ExternalCalendarId",
    )
    external_event_id = models.CharField(max_length=255, db_column="ExternalEventId")
    sync_status = models.CharField(
        max_length=10,
        choices=CalendarSyncStatus.choices,
        default=CalendarSyncStatus.SYNCED,
        db_column="SyncStatus",
    )
    last_synced_sequence = models.PositiveIntegerField(default=0, db_column="LastSyncedSequence")
    last_error = models.CharField(max_length=500, blank=True, default="", db_column="LastError")

    class Meta:
        db_table = "CalendarEventLinks"
        ordering = ["appointment_id", "id"]
        constraints = [
            # The calendar may be gone (SET NULL): unlinked rows are left out of the key.
            models.UniqueConstraint(
                fields=["appointment", "external_calendar"],
                condition=Q(external_calendar__isnull=False),
                name="UX_CalEventLinks_Appt_Cal",
            ),
            models.CheckConstraint(
                condition=Q(sync_status__in=CalendarSyncStatus.values),
                name="CK_CalendarEventLinks_SyncStatus",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.appointment_id} → {self.external_event_id}"


class ExternalBusyBlock(models.Model):
    """A cached busy interval read from an external calendar (cal.com `CalendarCache`)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    external_calendar = models.ForeignKey(
        ExternalCalendar,
        on_delete=models.CASCADE,
        related_name="busy_blocks",
        # Leads IX_BusyBlocks_Cal_Range.
        db_index=False,
        db_column="ExternalCalendarId",
    )
    start_at = models.DateTimeField(db_column="StartAt")
    end_at = models.DateTimeField(db_column="EndAt")
    external_event_id = models.CharField(
        max_length=255, blank=True, default="", db_column="ExternalEventId"
    )
    fetched_at = models.DateTimeField(db_column="FetchedAt")
    expires_at = models.DateTimeField(db_column="ExpiresAt")

    class Meta:
        db_table = "ExternalBusyBlocks"
        ordering = ["external_calendar_id", "start_at", "id"]
        indexes = [
            models.Index(
                fields=["external_calendar", "start_at", "end_at"], name="IX_BusyBlocks_Cal_Range"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="CK_BusyBlocks_Range"
            ),
        ]

    def __str__(self) -> str:
        return f"Busy {self.start_at:%Y-%m-%d %H:%M}–{self.end_at:%H:%M}"


class CalendarFeedToken(models.Model):
    """A secret ICS subscribe URL of a user; only the SHA-256 of the token is stored."""

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed_tokens",
        db_column="UserId",
    )
    token_hash = models.CharField(max_length=64, unique=True, db_column="TokenHash")
    created_at = created_at_field()
    revoked_at = models.DateTimeField(null=True, blank=True, db_column="RevokedAt")

    class Meta:
        db_table = "CalendarFeedTokens"
        ordering = ["user_id", "-created_at", "id"]

    def __str__(self) -> str:
        return f"Feed token of {self.user_id}" + (" (revoked)" if self.revoked_at else "")


# --- Plan 028: Booking Rules & Constraints -----------------------------------------------


class BookingRule(models.Model):
    """A provider's booking constraints, provider-wide (no offering) or for one offering.

    NULL in the notice, advance and buffer columns means "use the SystemSetting"
    (`Calendar.MinimumNoticeMinutes`, `Calendar.BookingAdvanceDays`,
    `Calendar.DefaultBufferMinutes`), and NULL `FreeCancellationHours` means "derive
    from `ServiceProviders.CancellationPolicy`" (SCHEMA.md A11).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="booking_rules",
        db_column="ProviderId",
    )
    service_offering = models.ForeignKey(
        ServiceOffering,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="booking_rules",
        db_column="ServiceOfferingId",
    )
    minimum_notice_minutes = models.PositiveIntegerField(
        null=True, blank=True, db_column="MinimumNoticeMinutes"
    )
    max_advance_days = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], db_column="MaxAdvanceDays"
    )
    buffer_before_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="BufferBeforeMinutes"
    )
    buffer_after_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="BufferAfterMinutes"
    )
    slot_interval_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="SlotIntervalMinutes"
    )
    max_bookings_per_day = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="MaxBookingsPerDay"
    )
    max_bookings_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="MaxBookingsPerWeek"
    )
    max_concurrent_bookings = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], db_column="MaxConcurrentBookings"
    )
    requires_confirmation = models.BooleanField(
        default=True, db_default=True, db_column="RequiresConfirmation"
    )
    confirmation_timeout_hours = models.PositiveSmallIntegerField(
        default=24, db_column="ConfirmationTimeoutHours"
    )
    free_cancellation_hours = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="FreeCancellationHours"
    )
    allow_reschedule = models.BooleanField(
        default=True, db_default=True, db_column="AllowReschedule"
    )
    reschedule_limit = models.PositiveSmallIntegerField(default=2, db_column="RescheduleLimit")
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")
    updated_at = updated_at_field()

    class Meta:
        db_table = "BookingRules"
        ordering = ["provider_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "service_offering"],
                condition=Q(service_offering__isnull=False),
                name="UX_BookingRules_Prov_Offering",
            ),
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(service_offering__isnull=True),
                name="UX_BookingRules_Prov_Default",
            ),
            models.CheckConstraint(
                condition=Q(max_concurrent_bookings__gte=1), name="CK_BookingRules_MaxConc"
            ),
            models.CheckConstraint(
                condition=Q(max_advance_days__isnull=True) | Q(max_advance_days__gte=1),
                name="CK_BookingRules_Advance",
            ),
        ]

    def __str__(self) -> str:
        scope = f"offering {self.service_offering_id}" if self.service_offering_id else "default"
        return f"Booking rule of {self.provider_id} ({scope})"


class SlotHold(models.Model):
    """A slot held while its owner completes checkout (cal.com `SelectedSlots`).

    No unique key on the range (SCHEMA.md A10): holding and booking both take the
    provider lock of I-1, delete expired holds, then check overlap with live holds and
    appointments, so `MaxConcurrentBookings > 1` can hold one range several times.
    """

    id = uuid_primary_key()
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="slot_holds",
        # Leads IX_SlotHolds_Prov_Range.
        db_index=False,
        db_column="ProviderId",
    )
    service_offering = models.ForeignKey(
        ServiceOffering,
        on_delete=models.CASCADE,
        related_name="slot_holds",
        db_column="ServiceOfferingId",
    )
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="slot_holds",
        db_column="HeldById",
    )
    start_at = models.DateTimeField(db_column="StartAt")
    end_at = models.DateTimeField(db_column="EndAt")
    expires_at = models.DateTimeField(db_column="ExpiresAt")
    created_at = created_at_field()

    class Meta:
        db_table = "SlotHolds"
        ordering = ["provider_id", "start_at", "id"]
        indexes = [
            models.Index(fields=["expires_at"], name="IX_SlotHolds_Expires"),
            # Not in the plan: the overlap check under the provider lock (A10) reads
            # this provider's holds by range, now that UX_SlotHolds_Prov_Range is gone.
            models.Index(
                fields=["provider", "start_at", "end_at"], name="IX_SlotHolds_Prov_Start_End"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")), name="CK_SlotHolds_Range"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Hold {self.start_at:%Y-%m-%d %H:%M}–{self.end_at:%H:%M} until {self.expires_at:%H:%M}"
        )


# --- Plan 029: Appointment History & Status ----------------------------------------------


class AppointmentStatusHistory(models.Model):
    """One status transition of an appointment (append-only, I-16).

    Written in the same transaction as the `Appointments.Status` update. An appointment
    with history cannot be hard-deleted (`PROTECT`), and the actor's id is kept even if
    that user row goes (`DO_NOTHING`, SCHEMA.md A14). NULL actor = the system.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.PROTECT,
        related_name="status_history",
        # Leads IX_ApptStatusHist_Appt_Time.
        db_index=False,
        db_column="AppointmentId",
    )
    from_status = models.CharField(
        max_length=12,
        choices=AppointmentStatus.choices,
        null=True,
        blank=True,
        db_column="FromStatus",
    )
    to_status = models.CharField(
        max_length=12, choices=AppointmentStatus.choices, db_column="ToStatus"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_column="ChangedById",
    )
    reason = models.CharField(max_length=500, blank=True, default="", db_column="Reason")
    metadata = models.JSONField(default=dict, blank=True, db_column="Metadata")
    changed_at = created_at_field(db_column="ChangedAt")

    class Meta:
        db_table = "AppointmentStatusHistory"
        ordering = ["appointment_id", "changed_at", "id"]
        verbose_name_plural = "appointment status history"
        indexes = [
            models.Index(fields=["appointment", "changed_at"], name="IX_ApptStatusHist_Appt_Time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_status__isnull=True) | Q(from_status__in=AppointmentStatus.values),
                name="CK_AppointmentStatusHistory_FromStatus",
            ),
            models.CheckConstraint(
                condition=Q(to_status__in=AppointmentStatus.values),
                name="CK_AppointmentStatusHistory_ToStatus",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_status or 'New'} → {self.to_status}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("AppointmentStatusHistory is append-only.")
        super().save(*args, **kwargs)


class AppointmentReschedule(models.Model):
    """A request to move an appointment, and the new appointment once accepted.

    At most one pending request per appointment (`UX_Reschedules_Appt_Pending`).
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.CASCADE,
        related_name="reschedules",
        db_column="AppointmentId",
    )
    new_appointment = models.ForeignKey(
        Appointment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="NewAppointmentId",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="RequestedById",
    )
    previous_start_at = models.DateTimeField(db_column="PreviousStartAt")
    previous_end_at = models.DateTimeField(db_column="PreviousEndAt")
    proposed_start_at = models.DateTimeField(db_column="ProposedStartAt")
    proposed_end_at = models.DateTimeField(db_column="ProposedEndAt")
    reason = models.TextField(blank=True, default="", db_column="Reason")
    status = models.CharField(
        max_length=10,
        choices=RescheduleStatus.choices,
        default=RescheduleStatus.PENDING,
        db_column="Status",
    )
    created_at = created_at_field()
    responded_at = models.DateTimeField(null=True, blank=True, db_column="RespondedAt")

    class Meta:
        db_table = "AppointmentReschedules"
        ordering = ["appointment_id", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposed_end_at__gt=F("proposed_start_at")),
                name="CK_Reschedules_Range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RescheduleStatus.values),
                name="CK_AppointmentReschedules_Status",
            ),
            models.UniqueConstraint(
                fields=["appointment"],
                condition=Q(status=RescheduleStatus.PENDING),
                name="UX_Reschedules_Appt_Pending",
            ),
        ]

    def __str__(self) -> str:
        return f"Reschedule of {self.appointment_id} ({self.status})"


# --- Plan 030: Service Delivery Tracking -------------------------------------------------

LATITUDE_RANGE = (Decimal("-90"), Decimal("90"))
LONGITUDE_RANGE = (Decimal("-180"), Decimal("180"))


def _coordinate(db_column: str, *, null: bool) -> models.DecimalField:
    return models.DecimalField(
        max_digits=9, decimal_places=6, null=null, blank=null, db_column=db_column
    )


def _in_range(field: str, bounds: tuple[Decimal, Decimal], *, nullable: bool) -> Q:
    inside = Q(**{f"{field}__gte": bounds[0]}) & Q(**{f"{field}__lte": bounds[1]})
    return (Q(**{f"{field}__isnull": True}) | inside) if nullable else inside


class ServiceVisit(TimeStampedModel):
    """The delivery of one appointment: check-in and out, the report card.

    Check-in moves the appointment to InProgress, check-out to Completed (the service's
    work). Multi-day boarding is one visit with many events.
    """

    id = uuid_primary_key()
    appointment = models.OneToOneField(
        Appointment, on_delete=models.CASCADE, related_name="visit", db_column="AppointmentId"
    )
    check_in_at = models.DateTimeField(null=True, blank=True, db_column="CheckInAt")
    check_out_at = models.DateTimeField(null=True, blank=True, db_column="CheckOutAt")
    check_in_lat = _coordinate("CheckInLat", null=True)
    check_in_lng = _coordinate("CheckInLng", null=True)
    check_out_lat = _coordinate("CheckOutLat", null=True)
    check_out_lng = _coordinate("CheckOutLng", null=True)
    distance_meters = models.PositiveIntegerField(null=True, blank=True, db_column="DistanceMeters")
    activity_summary = models.JSONField(default=dict, blank=True, db_column="ActivitySummary")
    mood = models.CharField(
        max_length=10, choices=VisitMood.choices, blank=True, default="", db_column="Mood"
    )
    report_notes = models.TextField(blank=True, default="", db_column="ReportNotes")
    owner_acknowledged_at = models.DateTimeField(
        null=True, blank=True, db_column="OwnerAcknowledgedAt"
    )

    class Meta:
        db_table = "ServiceVisits"
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(check_out_at__isnull=True)
                | (Q(check_in_at__isnull=False) & Q(check_out_at__gt=F("check_in_at"))),
                name="CK_Visits_Checkout",
            ),
            models.CheckConstraint(
                condition=_in_range("check_in_lat", LATITUDE_RANGE, nullable=True)
                & _in_range("check_out_lat", LATITUDE_RANGE, nullable=True)
                & _in_range("check_in_lng", LONGITUDE_RANGE, nullable=True)
                & _in_range("check_out_lng", LONGITUDE_RANGE, nullable=True),
                name="CK_Visits_Coords",
            ),
            models.CheckConstraint(
                condition=Q(mood__in=["", *VisitMood.values]), name="CK_ServiceVisits_Mood"
            ),
        ]

    def __str__(self) -> str:
        return f"Visit of {self.appointment_id}"


class ServiceVisitEvent(models.Model):
    """Something that happened during a visit (arrived, fed, potty, incident, …)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    visit = models.ForeignKey(
        ServiceVisit,
        on_delete=models.CASCADE,
        related_name="events",
        # Leads IX_VisitEvents_Visit_Time.
        db_index=False,
        db_column="VisitId",
    )
    event_type = models.CharField(
        max_length=20, choices=VisitEventType.choices, db_column="EventType"
    )
    occurred_at = models.DateTimeField(db_column="OccurredAt")
    notes = models.CharField(max_length=1000, blank=True, default="", db_column="Notes")
    data = models.JSONField(default=dict, blank=True, db_column="Data")

    class Meta:
        db_table = "ServiceVisitEvents"
        ordering = ["visit_id", "occurred_at", "id"]
        indexes = [
            models.Index(fields=["visit", "occurred_at"], name="IX_VisitEvents_Visit_Time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(event_type__in=VisitEventType.values),
                name="CK_ServiceVisitEvents_EventType",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_type_display()} at {self.occurred_at:%H:%M}"


class ServiceVisitLocation(models.Model):
    """One point of a visit's GPS trail; purged or downsampled after retention."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    visit = models.ForeignKey(
        ServiceVisit,
        on_delete=models.CASCADE,
        related_name="locations",
        # Leads IX_VisitLocations_Visit_Time.
        db_index=False,
        db_column="VisitId",
    )
    recorded_at = models.DateTimeField(db_column="RecordedAt")
    latitude = _coordinate("Latitude", null=False)
    longitude = _coordinate("Longitude", null=False)
    accuracy_meters = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True, db_column="AccuracyMeters"
    )

    class Meta:
        db_table = "ServiceVisitLocations"
        ordering = ["visit_id", "recorded_at", "id"]
        indexes = [
            models.Index(fields=["visit", "recorded_at"], name="IX_VisitLocations_Visit_Time"),
        ]
        constraints = [
            # Not named in the plan: the same ranges as CK_Visits_Coords.
            models.CheckConstraint(
                condition=_in_range("latitude", LATITUDE_RANGE, nullable=False)
                & _in_range("longitude", LONGITUDE_RANGE, nullable=False),
                name="CK_VisitLocations_Coords",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.latitude},{self.longitude} at {self.recorded_at:%H:%M:%S}"


class ServiceVisitMedia(models.Model):
    """A photo of the report card: a `StoredFile` with purpose `DeliveryPhoto`."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    visit = models.ForeignKey(
        ServiceVisit,
        on_delete=models.CASCADE,
        related_name="media",
        # Leads UX_VisitMedia_Visit_File.
        db_index=False,
        db_column="VisitId",
    )
    file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.PROTECT,
        related_name="+",
        db_column="FileId",
    )
    caption = models.CharField(max_length=300, blank=True, default="", db_column="Caption")
    taken_at = models.DateTimeField(null=True, blank=True, db_column="TakenAt")

    class Meta:
        db_table = "ServiceVisitMedia"
        ordering = ["visit_id", "id"]
        verbose_name_plural = "service visit media"
        constraints = [
            models.UniqueConstraint(fields=["visit", "file"], name="UX_VisitMedia_Visit_File"),
        ]

    def __str__(self) -> str:
        return f"Photo {self.file_id} of visit {self.visit_id}"
