"""Enumerations of the scheduling app; values are the plan's literal strings."""

from django.db import models


class PricingUnit(models.TextChoices):
    PER_VISIT = "PerVisit", "Per visit"
    PER_HOUR = "PerHour", "Per hour"
    PER_NIGHT = "PerNight", "Per night"
    PER_DAY = "PerDay", "Per day"


class LocationType(models.TextChoices):
    """Where an offering can take place; `ServiceOfferings.LocationTypes` holds a subset."""

    OWNER_HOME = "OwnerHome", "Owner's home"
    PROVIDER_LOCATION = "ProviderLocation", "Provider's location"
    VIRTUAL = "Virtual", "Virtual"


class ReviewStatus(models.TextChoices):
    PENDING = "Pending"
    PUBLISHED = "Published"
    HIDDEN = "Hidden"
    REMOVED = "Removed"


# The optional per-aspect scores a review may carry in `SubRatings` (each 1..5).
REVIEW_SUB_RATING_KEYS = ("communication", "reliability", "care")

MIN_RATING = 1
MAX_RATING = 5


# --- Plan 025: availability ------------------------------------------------------------


class OverrideKind(models.TextChoices):
    """`AvailabilityOverrides.Kind`: extra hours outside the weekly rules, or time off."""

    EXTRA_HOURS = "ExtraHours", "Extra hours"
    UNAVAILABLE = "Unavailable", "Unavailable"


class OverrideReason(models.TextChoices):
    """`AvailabilityOverrides.Reason`; blank when none is given."""

    VACATION = "Vacation"
    SICK = "Sick"
    HOLIDAY = "Holiday"
    PERSONAL = "Personal"
    OTHER = "Other"


# ISO weekday numbers of `AvailabilityRules.DayOfWeek` (1 = Monday … 7 = Sunday).
ISO_MONDAY = 1
ISO_SUNDAY = 7


# --- Plan 026: appointments ------------------------------------------------------------


class AppointmentStatus(models.TextChoices):
    """`Appointments.Status`. `Rescheduled` is the old row of a reschedule (SCHEMA.md A12)."""

    REQUESTED = "Requested"
    CONFIRMED = "Confirmed"
    IN_PROGRESS = "InProgress", "In progress"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"
    DECLINED = "Declined"
    NO_SHOW = "NoShow", "No-show"
    EXPIRED = "Expired"
    RESCHEDULED = "Rescheduled"


# The statuses that hold the provider's time: the no-overlap rule covers these (I-1).
LIVE_APPOINTMENT_STATUSES = (
    AppointmentStatus.REQUESTED,
    AppointmentStatus.CONFIRMED,
    AppointmentStatus.IN_PROGRESS,
)
# The statuses that end an appointment by cancelling it: each carries `CancelledAt`.
CANCELLED_APPOINTMENT_STATUSES = (AppointmentStatus.CANCELLED, AppointmentStatus.RESCHEDULED)


class AppointmentLocationType(models.TextChoices):
    """Where one appointment takes place: an offering's location types plus `Other`."""

    OWNER_HOME = "OwnerHome", "Owner's home"
    PROVIDER_LOCATION = "ProviderLocation", "Provider's location"
    VIRTUAL = "Virtual", "Virtual"
    OTHER = "Other", "Other"


class NoShowParty(models.TextChoices):
    OWNER = "Owner"
    PROVIDER = "Provider"


# --- Plan 027: calendar integration ----------------------------------------------------


class CalendarProvider(models.TextChoices):
    GOOGLE = "Google"
    MICROSOFT = "Microsoft"
    CALDAV = "CalDAV"


class CalendarConnectionStatus(models.TextChoices):
    ACTIVE = "Active"
    INVALID = "Invalid"
    REVOKED = "Revoked"


class CalendarSyncStatus(models.TextChoices):
    """`CalendarEventLinks.SyncStatus`: where an appointment's external event stands."""

    PENDING = "Pending"
    SYNCED = "Synced"
    FAILED = "Failed"
    DELETED = "Deleted"


# --- Plan 029: history and reschedules -------------------------------------------------


class RescheduleStatus(models.TextChoices):
    PENDING = "Pending"
    ACCEPTED = "Accepted"
    DECLINED = "Declined"
    EXPIRED = "Expired"


# --- Plan 030: service delivery --------------------------------------------------------


class VisitMood(models.TextChoices):
    """`ServiceVisits.Mood`; blank until the provider writes the report card."""

    HAPPY = "Happy"
    CALM = "Calm"
    ANXIOUS = "Anxious"
    TIRED = "Tired"
    OTHER = "Other"


class VisitEventType(models.TextChoices):
    ARRIVED = "Arrived"
    WALK_STARTED = "WalkStarted", "Walk started"
    WALK_ENDED = "WalkEnded", "Walk ended"
    FED = "Fed"
    MEDICATION_GIVEN = "MedicationGiven", "Medication given"
    POTTY = "Potty"
    INCIDENT = "Incident"
    NOTE = "Note"
    DEPARTED = "Departed"
