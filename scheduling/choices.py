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
