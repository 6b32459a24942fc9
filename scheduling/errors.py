"""Error codes of the scheduling app (providers, catalog, offerings, reviews, booking).

Services raise `doggy.core.errors.ApplicationError` subclasses with these codes; the API
renders them as `{"error": {"code", "message", "fields"}}`. The codes are part of the
API contract: add new ones, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from doggy.core.errors import ApplicationError


class SchedulingErrorCode(Enum):
    INVALID = "invalid"
    PERMISSION_DENIED = "permission_denied"
    CATEGORY_NOT_FOUND = "category_not_found"
    PROVIDER_NOT_FOUND = "provider_not_found"
    PROVIDER_PROFILE_MISSING = "provider_profile_missing"
    OFFERING_NOT_FOUND = "offering_not_found"
    OFFERING_SLUG_TAKEN = "offering_slug_taken"
    ADDRESS_NOT_FOUND = "address_not_found"
    ADDRESS_NOT_GEOCODED = "address_not_geocoded"
    # I-5: a review needs a completed appointment of the reviewer with the provider.
    REVIEW_REQUIRES_COMPLETED_APPOINTMENT = "review_requires_completed_appointment"
    REVIEW_OWN_PROVIDER = "review_own_provider"
    REVIEW_NOT_FOUND = "review_not_found"
    REVIEW_INVALID_TRANSITION = "review_invalid_transition"
    REVIEW_EXISTS = "review_exists"
    # Booking (plans 026, 028, 029).
    SLOT_UNAVAILABLE = "slot_unavailable"
    HOLD_NOT_FOUND = "hold_not_found"
    APPOINTMENT_NOT_FOUND = "appointment_not_found"
    APPOINTMENT_INVALID_TRANSITION = "appointment_invalid_transition"
    APPOINTMENT_DOGS_INVALID = "appointment_dogs_invalid"
    RESCHEDULE_NOT_ALLOWED = "reschedule_not_allowed"


class ProviderErrorCode(Enum):
    INVALID = "invalid"
    PROVIDER_NOT_FOUND = "provider_not_found"
    PROVIDER_PROFILE_MISSING = "provider_profile_missing"
    PROVIDER_PROFILE_EXISTS = "provider_profile_exists"
    PROVIDER_SLUG_TAKEN = "provider_slug_taken"
    PERMISSION_DENIED = "permission_denied"


def validation_error(exc: ValidationError, code: Enum = SchedulingErrorCode.INVALID):
    """Django's `ValidationError` from `full_clean()` as a 400 `ApplicationError`."""
    if hasattr(exc, "error_dict"):
        fields = {
            ("non_field_errors" if name == NON_FIELD_ERRORS else name): [str(m) for m in msgs]
            for name, msgs in exc.message_dict.items()
        }
    else:
        fields = {"non_field_errors": [str(m) for m in exc.messages]}
    first = next(iter(fields.values()))[0] if fields else "Invalid input."
    return ApplicationError(code, first, fields=fields)


class CalendarErrorCode(Enum):
    """Calendar feeds and connected calendars (plan 027)."""

    INVALID = "invalid"
    PROVIDER_PROFILE_MISSING = "provider_profile_missing"
    FEED_TOKEN_NOT_FOUND = "feed_token_not_found"  # noqa: S105 - an error code
    FEED_TOKEN_REVOKED = "feed_token_revoked"  # noqa: S105 - an error code
    FEED_TOKEN_LIMIT = "feed_token_limit"  # noqa: S105 - an error code
    CALENDAR_CONNECTION_NOT_FOUND = "calendar_connection_not_found"
    CALENDAR_CONNECTION_EXISTS = "calendar_connection_exists"
    CALENDAR_CONNECTION_INACTIVE = "calendar_connection_inactive"


class VisitErrorCode(Enum):
    """Service delivery tracking: visits, their events, trail and photos (plan 030)."""

    INVALID = "invalid"
    APPOINTMENT_NOT_FOUND = "appointment_not_found"
    PERMISSION_DENIED = "permission_denied"
    VISIT_NOT_FOUND = "visit_not_found"
    VISIT_NOT_STARTED = "visit_not_started"
    VISIT_ALREADY_STARTED = "visit_already_started"
    VISIT_ALREADY_FINISHED = "visit_already_finished"
    VISIT_OUTSIDE_WINDOW = "visit_outside_window"
    VISIT_APPOINTMENT_NOT_CONFIRMED = "visit_appointment_not_confirmed"
    VISIT_TRAIL_FULL = "visit_trail_full"
    VISIT_MEDIA_FULL = "visit_media_full"
