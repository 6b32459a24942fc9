"""Reads of the scheduling app: the catalog, provider search and reviews.

Public reads show only `ServiceProvider.objects.listable()` providers (verified, active,
with an active user: SCHEMA.md I-8) and their bookable offerings. A provider's own reads
(`*_own`) are scoped to the caller's profile; anything else answers 404.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from accounts.address_selectors import address_get
from accounts.models import ServiceProvider, User
from doggy.core.errors import ApplicationError, NotFoundError
from doggy.core.moderation import ModeratedContent
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.prepared import PreparedList

from .choices import ReviewStatus
from .errors import SchedulingErrorCode
from .geo import GeoPoint, bounding_box, haversine_km_expression
from .models import ProviderReview, ServiceCategory, ServiceOffering

# Search radius when a point is given without one, and the largest radius accepted.
DEFAULT_SEARCH_RADIUS_KM = 25
MAX_SEARCH_RADIUS_KM = 500

OFFERING_ORDERINGS = ("price", "-price", "rating", "distance")
PROVIDER_ORDERINGS = ("rating", "name")

_BASE_LAT = "provider__base_address__latitude"
_BASE_LNG = "provider__base_address__longitude"


# --- Catalog ------------------------------------------------------------------------------


def category_list() -> QuerySet[ServiceCategory]:
    return ServiceCategory.objects.active().order_by("sort_order", "name")


# --- Public provider reads ----------------------------------------------------------------


def _bookable_offerings() -> QuerySet[ServiceOffering]:
    return ServiceOffering.objects.bookable().select_related("category")


def provider_list_public(
    *,
    category: str | None = None,
    min_rating: Decimal | None = None,
    accepts_new_clients: bool | None = None,
    ordering: str | None = None,
) -> QuerySet[ServiceProvider]:
    """Listable providers, best rated first; `category` keeps those offering it."""
    if category is None and min_rating is None and accepts_new_clients is None and not ordering:
        return _PLAIN_PROVIDER_LIST.bind()
    providers = ServiceProvider.objects.listable().select_related("base_address")
    if category:
        providers = providers.filter(
            Exists(
                ServiceOffering.objects.bookable().filter(
                    provider=OuterRef("pk"), category__slug=category
                )
            )
        )
    if min_rating is not None:
        providers = providers.filter(average_rating__gte=min_rating)
    if accepts_new_clients is not None:
        providers = providers.filter(accepts_new_clients=accepts_new_clients)
    if ordering == "name":
        return providers.order_by("business_name", "id")
    return providers.order_by(*_BEST_RATED_FIRST)


_BEST_RATED_FIRST = (
    F("average_rating").desc(nulls_last=True),
    "-review_count",
    "business_name",
    "id",
)
# The unfiltered directory (the same for everyone), compiled once per process
# (docs/development/performance.md).
_PLAIN_PROVIDER_LIST = PreparedList(
    lambda: (
        ServiceProvider.objects.listable()
        .select_related("base_address")
        .order_by(*_BEST_RATED_FIRST)
    )
)


def provider_get_public(*, provider_id: Any) -> ServiceProvider:
    """A listable provider with its bookable offerings (prefetched); 404 otherwise."""
    provider = (
        ServiceProvider.objects.listable()
        .select_related("base_address")
        .prefetch_related(
            Prefetch(
                "offerings",
                queryset=_bookable_offerings().order_by("sort_order", "name", "id"),
                to_attr="public_offerings",
            )
        )
        .filter(pk=provider_id)
        .first()
    )
    if provider is None:
        raise NotFoundError(SchedulingErrorCode.PROVIDER_NOT_FOUND, "Provider not found.")
    return provider


def provider_get_listable(*, provider_id: Any) -> ServiceProvider:
    """A listable provider without its offerings (one query); 404 otherwise."""
    provider = ServiceProvider.objects.listable().filter(pk=provider_id).first()
    if provider is None:
        raise NotFoundError(SchedulingErrorCode.PROVIDER_NOT_FOUND, "Provider not found.")
    return provider


# --- The caller's own provider profile ----------------------------------------------------


def provider_get_own(*, actor: User) -> ServiceProvider:
    """The caller's provider profile, listed or not; 404 when they have none yet."""
    provider = (
        ServiceProvider.objects.select_related("base_address").filter(user_id=actor.pk).first()
    )
    if provider is None:
        raise NotFoundError(
            SchedulingErrorCode.PROVIDER_PROFILE_MISSING, "You have no provider profile yet."
        )
    return provider


def offering_list_own(*, provider: ServiceProvider) -> QuerySet[ServiceOffering]:
    """All offerings of the caller's profile, active or not (IX_ServiceOfferings_Provider)."""
    return (
        ServiceOffering.objects.filter(provider=provider)
        .select_related("category")
        .order_by("-is_active", "sort_order", "name", "id")
    )


def offering_get_own(*, actor: User, offering_id: Any) -> ServiceOffering:
    offering = (
        ServiceOffering.objects.filter(pk=offering_id, provider__user_id=actor.pk)
        .select_related("category", "provider")
        .first()
    )
    if offering is None:
        raise NotFoundError(SchedulingErrorCode.OFFERING_NOT_FOUND, "Offering not found.")
    return offering


# --- Offering search ----------------------------------------------------------------------


def search_point_for_address(*, actor: User, address_id: Any) -> GeoPoint:
    """The coordinates of one of the caller's own addresses, for "near my address"."""
    try:
        address = address_get(actor=actor, address_id=address_id)
    except NotFoundError:
        message = "Unknown address."
        raise ApplicationError(
            SchedulingErrorCode.ADDRESS_NOT_FOUND, message, fields={"address": [message]}
        ) from None
    if not address.has_coordinates:
        message = "This address has no coordinates yet."
        raise ApplicationError(
            SchedulingErrorCode.ADDRESS_NOT_GEOCODED, message, fields={"address": [message]}
        )
    return GeoPoint(float(address.latitude), float(address.longitude))


SEARCH_COLUMNS = (
    "id",
    "slug",
    "name",
    "description",
    "duration_minutes",
    "pricing_unit",
    "price",
    "currency",
    "deposit_amount",
    "max_pets",
    "location_types",
    "is_virtual",
    "provider__id",
    "provider__slug",
    "provider__business_name",
    "provider__headline",
    "provider__average_rating",
    "provider__review_count",
    "category__id",
    "category__slug",
    "category__name",
)


def _search_base() -> QuerySet[ServiceOffering]:
    return (
        ServiceOffering.objects.bookable()
        .filter(provider__in=ServiceProvider.objects.listable())
        .select_related("provider", "category")
        # A search row shows these; the provider's and offering's other columns (long
        # texts, policies, payout data) stay in the database.
        .only(*SEARCH_COLUMNS)
    )


# The search without any filter (the catalogue's first page), compiled once per process
# (docs/development/performance.md).
_PLAIN_SEARCH = PreparedList(lambda: _search_base().order_by("price", "id"))


def offering_search(
    *,
    category: str | None = None,
    price_min: Decimal | None = None,
    price_max: Decimal | None = None,
    min_rating: Decimal | None = None,
    near: GeoPoint | None = None,
    radius_km: float | None = None,
    ordering: str | None = None,
) -> QuerySet[ServiceOffering]:
    """Bookable offerings of listable providers, filtered, in a stable order.

    With `near`, only providers whose base address lies within `radius_km` of the point
    **and** whose own `ServiceRadiusKm` (when set) reaches it are kept; each row then
    carries `distance_km`. The bounding box narrows the rows on IX_Addresses_Geo first,
    the exact haversine distance decides (see `scheduling.geo`). Everything runs in SQL,
    so counts and pages are exact.
    """
    unfiltered = all(v is None for v in (price_min, price_max, min_rating, near))
    if unfiltered and not category and ordering in (None, "price"):
        return _PLAIN_SEARCH.bind()
    offerings = _search_base()
    if category:
        offerings = offerings.filter(category__slug=category)
    if price_min is not None:
        offerings = offerings.filter(price__gte=price_min)
    if price_max is not None:
        offerings = offerings.filter(price__lte=price_max)
    if min_rating is not None:
        offerings = offerings.filter(provider__average_rating__gte=min_rating)
    if near is not None:
        radius = float(radius_km if radius_km is not None else DEFAULT_SEARCH_RADIUS_KM)
        box = bounding_box(near, radius)
        longitude_q = Q()
        for low, high in box.longitude_ranges:
            longitude_q |= Q(**{f"{_BASE_LNG}__gte": low, f"{_BASE_LNG}__lte": high})
        offerings = (
            offerings.filter(
                longitude_q,
                provider__base_address__is_active=True,
                **{
                    f"{_BASE_LAT}__gte": box.min_latitude,
                    f"{_BASE_LAT}__lte": box.max_latitude,
                },
            )
            .annotate(distance_km=haversine_km_expression(_BASE_LAT, _BASE_LNG, near))
            .filter(distance_km__lte=radius)
            .filter(
                Q(provider__service_radius_km__isnull=True)
                | Q(distance_km__lte=F("provider__service_radius_km"))
            )
        )
    if ordering == "distance" and near is not None:
        return offerings.order_by("distance_km", "id")
    if ordering == "rating":
        return offerings.order_by(
            F("provider__average_rating").desc(nulls_last=True), "price", "id"
        )
    if ordering == "-price":
        return offerings.order_by("-price", "id")
    if ordering is None and near is not None:
        return offerings.order_by("distance_km", "id")
    return offerings.order_by("price", "id")


# --- Reviews ------------------------------------------------------------------------------


def review_list_public(*, provider: ServiceProvider, actor=None) -> QuerySet[ProviderReview]:
    """Published reviews of a provider, newest first (IX_Reviews_Provider_Created).

    A review the content check flagged (`Pending` until staff decide) is listed only for
    its author and for staff (`system.admin`); everyone else, anonymous callers included,
    sees Published reviews alone. Still one query, on the same index.
    """
    shown = Q(status=ReviewStatus.PUBLISHED)
    if actor_may(actor, PermissionName.SYSTEM_ADMIN):
        shown |= Q(status=ReviewStatus.PENDING)
    elif actor is not None and getattr(actor, "is_authenticated", False):
        shown |= Q(status=ReviewStatus.PENDING, reviewer_id=actor.pk)
    return (
        ProviderReview.objects.filter(shown, provider=provider)
        .select_related("reviewer")
        .order_by("-created_at", "id")
    )


# --- Moderation handlers (doggy.core.moderation) -----------------------------------------------
def _review_by_id(review_id) -> ProviderReview | None:
    try:
        pk = uuid.UUID(str(review_id))
    except ValueError:
        return None
    return ProviderReview.objects.filter(pk=pk).first()


def review_moderation_text(review_id: str) -> ModeratedContent | None:
    """The title and comment the content check classifies; None for an unknown or
    removed review."""
    review = _review_by_id(review_id)
    if review is None or review.status == ReviewStatus.REMOVED:
        return None
    text = "\n".join(part for part in (review.title, review.comment) if part.strip())
    return ModeratedContent(object_id=str(review.pk), text=text, author_id=review.reviewer_id)


def review_moderation_visible_to(actor, review_id: str) -> ModeratedContent | None:
    """The review if `actor` sees it in the list of a listed provider
    (`review_list_public`), else None: what a report of it must see."""
    review = _review_by_id(review_id)
    if review is None or not (
        ServiceProvider.objects.listable().filter(pk=review.provider_id).exists()
    ):
        return None
    if not review_list_public(provider=review.provider, actor=actor).filter(pk=review.pk).exists():
        return None
    text = "\n".join(part for part in (review.title, review.comment) if part.strip())
    return ModeratedContent(object_id=str(review.pk), text=text, author_id=review.reviewer_id)
