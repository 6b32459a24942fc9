"""Writes of the scheduling app: a provider's offerings, reviews and provider ratings.

Offerings belong to a provider profile: its owner manages them, platform staff may too.
Reviews follow SCHEMA.md I-5 (a completed appointment of the reviewer with the provider,
checked in `provider_review_eligibility_check` alone) and I-6 (the provider's
`AverageRating`/`ReviewCount` are recomputed in the transaction of every review write,
with the provider row locked).

A review with a title or comment is checked after commit
(`doggy.core.moderation.content_submitted`); the verdicts come back through the handler
this app registers: flagged, it turns `Pending` (out of the public list and the rating)
until staff approve it (`Published`) or remove it (`Removed`).
"""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils.text import slugify

from accounts.models import ServiceProvider, User
from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.core.moderation import REVIEW, content_submitted
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.updates import model_update
from scheduling.provider_services import provider_rating_store

from .appointments import appointment_completed_for_review
from .choices import ReviewStatus
from .errors import SchedulingErrorCode, validation_error
from .models import ProviderReview, ServiceCategory, ServiceOffering

OFFERING_FIELDS = (
    "category",
    "name",
    "slug",
    "description",
    "duration_minutes",
    "pricing_unit",
    "price",
    "currency",
    "deposit_amount",
    "max_pets",
    "location_types",
    "is_virtual",
    "is_hidden",
    "is_active",
    "sort_order",
)
AUDITED_OFFERING_FIELDS = ("provider", *OFFERING_FIELDS)
AUDITED_REVIEW_FIELDS = ("provider", "reviewer", "rating", "title", "status", "sub_ratings")
# Room for a "-<n>" suffix inside SlugField(max_length=150).
_SLUG_BASE_MAX = 140
_TWO_PLACES = Decimal("0.01")


# --- Offerings ----------------------------------------------------------------------------


def _check_may_manage(actor: User, provider: ServiceProvider) -> None:
    if provider.user_id == actor.pk or actor_may(actor, PermissionName.SYSTEM_ADMIN):
        return
    raise PermissionDeniedError(
        SchedulingErrorCode.PERMISSION_DENIED, "Only the provider manages its offerings."
    )


def offering_slug_suggest(*, provider: ServiceProvider, name: str, exclude_pk: Any = None) -> str:
    """A slug for `name` that is free within the provider's offerings."""
    base = slugify(name or "")[:_SLUG_BASE_MAX].strip("-") or "service"
    taken = set(
        ServiceOffering.objects.filter(provider=provider, slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _resolve_category(category: ServiceCategory | Any) -> ServiceCategory:
    """An active category, given as an instance, a pk or a slug; else a 400 on `category`."""
    if isinstance(category, ServiceCategory):
        lookup = {"pk": category.pk}
    elif isinstance(category, int):
        lookup = {"pk": category}
    else:
        lookup = {"slug": str(category)}
    found = ServiceCategory.objects.active().filter(**lookup).first()
    if found is None:
        message = "Unknown category."
        raise ApplicationError(
            SchedulingErrorCode.CATEGORY_NOT_FOUND, message, fields={"category": [message]}
        )
    return found


def _apply_offering(offering: ServiceOffering, changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(OFFERING_FIELDS)
    if unknown:
        raise TypeError(f"Not editable on an offering: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        if name == "category":
            value = _resolve_category(value)
        setattr(offering, name, value)
    if offering.currency:
        offering.currency = offering.currency.upper()


def _offering_validation_error(exc: ValidationError) -> ApplicationError:
    error = validation_error(exc)
    if any("already exists" in m for msgs in error.fields.values() for m in msgs):
        return _slug_taken()
    return error


def _validate_and_save_offering(offering: ServiceOffering, **save_kwargs) -> None:
    try:
        offering.full_clean(exclude=["provider"])
    except ValidationError as exc:
        raise _offering_validation_error(exc) from None
    try:
        with transaction.atomic():
            offering.save(**save_kwargs)
    except IntegrityError:
        # The form check above passed, so a concurrent insert took the slug.
        raise _slug_taken() from None


def _slug_taken() -> ConflictError:
    message = "This provider already has an offering with this slug."
    return ConflictError(
        SchedulingErrorCode.OFFERING_SLUG_TAKEN, message, fields={"slug": [message]}
    )


@transaction.atomic
def offering_create(
    *,
    actor: User,
    provider: ServiceProvider,
    category: ServiceCategory | Any,
    name: str,
    duration_minutes: int,
    price: Decimal,
    **fields: Any,
) -> ServiceOffering:
    """Add an offering to a provider's catalog (its owner, or platform staff).

    The category must be active. Without a `slug`, one is derived from the name and made
    unique within the provider (UX_ServiceOfferings_Prov_Slug).
    """
    _check_may_manage(actor, provider)
    offering = ServiceOffering(provider=provider)
    _apply_offering(
        offering,
        {
            "category": category,
            "name": name,
            "duration_minutes": duration_minutes,
            "price": price,
            **fields,
        },
    )
    if not offering.slug:
        offering.slug = offering_slug_suggest(provider=provider, name=name)
    _validate_and_save_offering(offering, force_insert=True)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=offering,
        new=model_snapshot(offering, AUDITED_OFFERING_FIELDS),
    )
    return offering


@transaction.atomic
def offering_update(*, actor: User, offering: ServiceOffering, **changes: Any) -> ServiceOffering:
    """Edit an offering's columns (OFFERING_FIELDS); the row is locked first."""
    _check_may_manage(actor, offering.provider)
    locked = ServiceOffering.objects.select_for_update().get(pk=offering.pk)
    changes = dict(changes)
    if "category" in changes:
        changes["category"] = _resolve_category(changes["category"])
    if changes.get("currency"):
        changes["currency"] = changes["currency"].upper()
    if not changes.get("slug", locked.slug):
        changes["slug"] = offering_slug_suggest(
            provider=offering.provider,
            name=changes.get("name", locked.name),
            exclude_pk=locked.pk,
        )
    model_update(
        locked,
        actor=actor,
        changes=changes,
        allowed=OFFERING_FIELDS,
        validation_error=_offering_validation_error,
        # The validation above passed, so a concurrent write took the slug.
        conflict_error=lambda exc: _slug_taken(),
    )
    return locked


@transaction.atomic
def offering_deactivate(*, actor: User, offering: ServiceOffering) -> ServiceOffering:
    """Withdraw an offering (DELETE): it leaves search; past bookings keep the row."""
    _check_may_manage(actor, offering.provider)
    locked = ServiceOffering.objects.select_for_update().get(pk=offering.pk)
    if locked.is_active:
        locked.is_active = False
        locked.save(update_fields=["is_active", "updated_at"])
        audit_log_record(
            actor=actor,
            action=AuditAction.DELETE,
            target=locked,
            old={"is_active": True},
            new={"is_active": False},
        )
    return locked


# --- Ratings ------------------------------------------------------------------------------


def provider_rating_recompute(*, provider: ServiceProvider) -> ServiceProvider:
    """Recompute `AverageRating`/`ReviewCount` from the provider's published reviews.

    One aggregate query and one UPDATE. Call it inside the transaction of the review
    write, with the provider row locked, so that concurrent review writes cannot
    interleave between the aggregate and the update (SCHEMA.md I-6). The average is
    rounded half-up to two places (DECIMAL(3,2)); no published review means NULL.
    """
    totals = ProviderReview.objects.filter(
        provider_id=provider.pk, status=ReviewStatus.PUBLISHED
    ).aggregate(total=Sum("rating"), count=Count("id"))
    count = totals["count"] or 0
    average = (
        (Decimal(totals["total"]) / count).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)
        if count
        else None
    )
    provider_rating_store(provider=provider, average_rating=average, review_count=count)
    return provider


def _lock_provider(provider: ServiceProvider) -> ServiceProvider:
    return ServiceProvider.objects.select_for_update().get(pk=provider.pk)


# --- Reviews ------------------------------------------------------------------------------


def provider_review_eligibility_check(
    *, actor: User, provider: ServiceProvider, appointment_id: Any
) -> None:
    """SCHEMA.md I-5: the one place that decides whether `actor` may review `provider`.

    The rule: `appointment_id` is an appointment of `actor` (its owner) with `provider`,
    in status Completed; otherwise 409 `review_requires_completed_appointment` (the
    request is well formed, but the state it needs does not exist). A completed
    appointment unlocks exactly one review: a second one answers 409 `review_exists`
    (UX_Reviews_Appt_Reviewer decides a race).
    """
    appointment = appointment_completed_for_review(
        actor=actor, provider_id=provider.pk, appointment_id=appointment_id
    )
    if appointment is None:
        raise ConflictError(
            SchedulingErrorCode.REVIEW_REQUIRES_COMPLETED_APPOINTMENT,
            "A review needs a completed appointment with this provider.",
            fields={"appointment_id": ["No completed appointment of yours with this provider."]},
        )
    if ProviderReview.objects.filter(appointment_id=appointment.pk, reviewer_id=actor.pk).exists():
        raise _review_exists()


def _review_exists() -> ConflictError:
    message = "You have already reviewed this appointment."
    return ConflictError(
        SchedulingErrorCode.REVIEW_EXISTS, message, fields={"appointment_id": [message]}
    )


@transaction.atomic
def provider_review_create(
    *,
    actor: User,
    provider: ServiceProvider,
    appointment_id: Any,
    rating: int,
    title: str = "",
    comment: str = "",
    sub_ratings: dict[str, int] | None = None,
) -> ProviderReview:
    """A pet owner reviews a provider after a completed appointment (I-5).

    Order: the input is validated (400), a provider never reviews itself (403), then
    the eligibility rule (409); only then is the provider row
    locked, the review inserted, the provider's rating recomputed (I-6) and the audit
    row written, all in this transaction.
    """
    review = ProviderReview(
        provider=provider,
        reviewer=actor,
        rating=rating,
        title=title,
        comment=comment,
        sub_ratings=sub_ratings if sub_ratings is not None else {},
        status=ReviewStatus.PUBLISHED,
    )
    try:
        review.full_clean(exclude=["provider", "reviewer"])
    except ValidationError as exc:
        raise validation_error(exc) from None
    if provider.user_id == actor.pk:
        raise PermissionDeniedError(
            SchedulingErrorCode.REVIEW_OWN_PROVIDER, "Providers cannot review themselves."
        )
    provider_review_eligibility_check(actor=actor, provider=provider, appointment_id=appointment_id)
    locked = _lock_provider(provider)
    review.provider = locked
    review.appointment_id = appointment_id
    try:
        with transaction.atomic():
            review.save(force_insert=True)
    except IntegrityError:
        raise _review_exists() from None
    provider_rating_recompute(provider=locked)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=review,
        new=model_snapshot(review, AUDITED_REVIEW_FIELDS),
    )
    if review.title.strip() or review.comment.strip():
        content_submitted(REVIEW, review.pk, actor.pk)
    return review


@transaction.atomic
def provider_review_moderate(*, actor: User, review: ProviderReview, status: str) -> ProviderReview:
    """Staff publish, hide or remove a review; the provider's rating follows (I-6)."""
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            SchedulingErrorCode.PERMISSION_DENIED, "Only staff moderate reviews."
        )
    if status not in ReviewStatus.values:
        message = f"Choose one of {', '.join(ReviewStatus.values)}."
        raise ApplicationError(SchedulingErrorCode.INVALID, message, fields={"status": [message]})
    locked_provider = _lock_provider(review.provider)
    locked = ProviderReview.objects.select_for_update().filter(pk=review.pk).first()
    if locked is None:
        raise NotFoundError(SchedulingErrorCode.REVIEW_NOT_FOUND, "Review not found.")
    if locked.status == status:
        return locked
    old_status = locked.status
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    provider_rating_recompute(provider=locked_provider)
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={"status": old_status},
        new={"status": status},
    )
    return locked


# --- Moderation verdicts (the handler registered in scheduling.apps) -------------------------


def _review_verdict(*, actor: User | None, review_id: str, status: str, only_from) -> None:
    """Move a review to `status` if its status is one of `only_from`; the provider's
    rating follows (I-6) and the audit row records the moderation."""
    try:
        pk = uuid.UUID(str(review_id))
    except ValueError:
        return
    review = ProviderReview.objects.filter(pk=pk).only("id", "provider_id").first()
    if review is None:
        return
    locked_provider = ServiceProvider.objects.select_for_update().get(pk=review.provider_id)
    locked = ProviderReview.objects.select_for_update().get(pk=pk)
    if locked.status not in only_from:
        return
    old_status = locked.status
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    provider_rating_recompute(provider=locked_provider)
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={"status": old_status},
        new={"status": status, "moderation": "content check" if actor is None else "staff"},
    )


def _require_staff(actor: User) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            SchedulingErrorCode.PERMISSION_DENIED, "Only staff moderate reviews."
        )


@transaction.atomic
def review_flag_hide(review_id: str) -> None:
    """The content check flagged a published review: Pending (hidden from all but its
    author and staff, and out of the provider's rating)."""
    _review_verdict(
        actor=None,
        review_id=review_id,
        status=ReviewStatus.PENDING,
        only_from=(ReviewStatus.PUBLISHED,),
    )


@transaction.atomic
def review_flag_restore(actor: User, review_id: str) -> None:
    """Staff approved a flagged review (a false positive): Published again."""
    _require_staff(actor)
    _review_verdict(
        actor=actor,
        review_id=review_id,
        status=ReviewStatus.PUBLISHED,
        only_from=(ReviewStatus.PENDING,),
    )


@transaction.atomic
def review_flag_remove(actor: User, review_id: str) -> None:
    """Staff removed a review: Removed (hidden from everyone, out of the rating)."""
    _require_staff(actor)
    _review_verdict(
        actor=actor,
        review_id=review_id,
        status=ReviewStatus.REMOVED,
        only_from=(ReviewStatus.PUBLISHED, ReviewStatus.PENDING, ReviewStatus.HIDDEN),
    )
