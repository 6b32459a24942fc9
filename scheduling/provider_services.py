"""Provider profiles (plan 012/016): creation, edits, and the denormalized columns.

A provider edits only its own profile; holders of `system.admin` may
edit any. `IsVerified`/`VerificationStatus`/`VerifiedAt` and the rating columns are
derived: only `accounts.services.kyc.provider_verification_sync` (the KYC mirror) and
`provider_rating_store` write them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.errors import validation_error
from accounts.models import Address, ServiceProvider, User
from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.updates import model_update

from .errors import ProviderErrorCode

# The columns a provider edits on its own profile.
PROFILE_FIELDS = (
    "business_name",
    "description",
    "headline",
    "bio",
    "years_of_experience",
    "business_phone",
    "website",
    "time_zone",
    "accepts_new_clients",
    "cancellation_policy",
    "is_active",
    "slug",
    "base_address",
    "service_radius_km",
)
AUDITED_FIELDS = (
    "user",
    *PROFILE_FIELDS,
    "is_verified",
    "verification_status",
    "verified_at",
)
# Room for a "-<n>" suffix inside SlugField(max_length=120).
_SLUG_BASE_MAX = 110


def provider_slug_suggest(*, business_name: str, exclude_pk: Any = None) -> str:
    """A free slug for `business_name`: its slug, or the slug with the first free `-n`."""
    base = slugify(business_name or "")[:_SLUG_BASE_MAX].strip("-") or "provider"
    taken = set(
        ServiceProvider.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _check_may_manage(actor: User, provider: ServiceProvider) -> None:
    if provider.user_id == actor.pk or actor_may(actor, PermissionName.SYSTEM_ADMIN):
        return
    raise NotFoundError(ProviderErrorCode.PROVIDER_NOT_FOUND, "Provider not found.")


def _resolve_base_address(provider: ServiceProvider, address: Address | Any | None):
    """The base address must be one of the profile owner's active addresses."""
    if address is None:
        return None
    address_id = address.pk if isinstance(address, Address) else address
    found = Address.objects.filter(pk=address_id, user_id=provider.user_id, is_active=True).first()
    if found is None:
        message = "Unknown address."
        raise ApplicationError(
            ProviderErrorCode.INVALID, message, fields={"base_address": [message]}
        )
    return found


def _apply(provider: ServiceProvider, changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable on a provider profile: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        if name == "base_address":
            value = _resolve_base_address(provider, value)
        setattr(provider, name, value)
    if provider.description is None:
        provider.description = ""


def _save_unique(provider: ServiceProvider, **save_kwargs) -> None:
    """Save inside a savepoint; a lost race on a unique column becomes a 409."""
    try:
        with transaction.atomic():
            provider.save(**save_kwargs)
    except IntegrityError:
        raise _unique_conflict(provider) from None


def _unique_conflict(provider: ServiceProvider) -> ConflictError:
    """The 409 of a lost race on a unique column: the user's one profile, or the slug."""
    if ServiceProvider.objects.filter(user_id=provider.user_id).exclude(pk=provider.pk).exists():
        return ConflictError(
            ProviderErrorCode.PROVIDER_PROFILE_EXISTS, "This user already has a profile."
        )
    message = "This slug is taken."
    return ConflictError(ProviderErrorCode.PROVIDER_SLUG_TAKEN, message, fields={"slug": [message]})


@transaction.atomic
def provider_create(
    *, actor: User, business_name: str, user: User | None = None, **fields: Any
) -> ServiceProvider:
    """Create the provider profile of `user` (default: the actor).

    The owner needs `services.provide`; staff may create a profile for someone else.
    The profile starts unverified, so it is not listed until KYC approves it. Without an
    explicit `slug`, one is derived from the business name.
    """
    owner = user or actor
    if owner.pk != actor.pk and not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            ProviderErrorCode.PERMISSION_DENIED, "Only staff create profiles for others."
        )
    if not actor_may(owner, PermissionName.SERVICES_PROVIDE):
        raise PermissionDeniedError(
            ProviderErrorCode.PERMISSION_DENIED, "Only service providers have a profile."
        )
    if ServiceProvider.objects.filter(user_id=owner.pk).exists():
        raise ConflictError(
            ProviderErrorCode.PROVIDER_PROFILE_EXISTS, "This user already has a profile."
        )
    provider = ServiceProvider(user=owner, business_name=business_name)
    _apply(provider, fields)
    if not provider.slug:
        provider.slug = provider_slug_suggest(business_name=business_name)
    try:
        provider.full_clean()
    except ValidationError as exc:
        raise _provider_validation_error(exc) from None
    _save_unique(provider, force_insert=True)
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=provider,
        new=model_snapshot(provider, AUDITED_FIELDS),
    )
    return provider


@transaction.atomic
def provider_update(*, actor: User, provider: ServiceProvider, **changes: Any) -> ServiceProvider:
    """Edit a profile's own columns (PROFILE_FIELDS); derived columns are not editable.

    The row is locked first, so concurrent edits apply one after the other.
    """
    _check_may_manage(actor, provider)
    locked = ServiceProvider.objects.select_for_update().get(pk=provider.pk)
    changes = dict(changes)
    if "base_address" in changes:
        changes["base_address"] = _resolve_base_address(locked, changes["base_address"])
    if "description" in changes and changes["description"] is None:
        changes["description"] = ""
    if not changes.get("slug", locked.slug):
        changes["slug"] = provider_slug_suggest(
            business_name=changes.get("business_name", locked.business_name),
            exclude_pk=locked.pk,
        )
    model_update(
        locked,
        actor=actor,
        changes=changes,
        allowed=PROFILE_FIELDS,
        validation_error=_provider_validation_error,
        conflict_error=lambda exc: _unique_conflict(locked),
    )
    return locked


def _provider_validation_error(exc: ValidationError) -> ApplicationError:
    error = validation_error(exc)
    if "slug" in error.fields and any("already exists" in m for m in error.fields["slug"]):
        message = "This slug is taken."
        return ConflictError(
            ProviderErrorCode.PROVIDER_SLUG_TAKEN, message, fields={"slug": [message]}
        )
    return error


def provider_rating_store(
    *, provider: ServiceProvider, average_rating: Decimal | None, review_count: int
) -> None:
    """Write the denormalized rating columns (SCHEMA.md I-6) in one UPDATE.

    Called by the review services with the provider row locked, inside the transaction
    of the review write; `provider` is updated in memory too.
    """
    now = timezone.now()
    ServiceProvider.objects.filter(pk=provider.pk).update(
        average_rating=average_rating, review_count=review_count, updated_at=now
    )
    provider.average_rating = average_rating
    provider.review_count = review_count
    provider.updated_at = now
