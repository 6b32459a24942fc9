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
