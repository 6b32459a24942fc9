"""Reviews and ratings: the public list, the I-5 eligibility rule, the I-6 aggregate."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import ServiceProvider
from audit.models import AuditLog
from doggy.core.errors import ConflictError, PermissionDeniedError
from scheduling.choices import AppointmentStatus, ReviewStatus
from scheduling.models import ProviderReview
from scheduling.services import (
    provider_rating_recompute,
    provider_review_create,
    provider_review_moderate,
)
from tests.accounts.factories import UserFactory
from tests.callers import bearer_client as client_for
from tests.scheduling.factories import (
    AppointmentFactory,
    ListedProviderFactory,
    ProviderReviewFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db


def _reviews_url(listed_provider) -> str:
    return f"/api/v1/providers/{listed_provider.pk}/reviews/"


def _valid_review() -> dict:
    return {"appointment_id": str(uuid.uuid4()), "rating": 4, "title": "Good walk"}


# --- Public list --------------------------------------------------------------------------


def test_review_list_shows_published_reviews_newest_first(listed_provider):
    now = timezone.now()
    ProviderReviewFactory(
        provider=listed_provider,
        reviewer=UserFactory(first_name="Ann", last_name="Lee"),
        title="Older",
        created_at=now - datetime.timedelta(days=2),
    )
    ProviderReviewFactory(
        provider=listed_provider,
        reviewer=UserFactory(first_name="Bob", last_name=""),
        title="Newer",
        created_at=now - datetime.timedelta(days=1),
    )
    ProviderReviewFactory(provider=listed_provider, title="Hidden", status=ReviewStatus.HIDDEN)
    ProviderReviewFactory(provider=listed_provider, title="Pending", status=ReviewStatus.PENDING)
    ProviderReviewFactory(provider=listed_provider, title="Anonymised", reviewer=None)

    response = client_for(None).get(_reviews_url(listed_provider))

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["title"], r["reviewer_name"]) for r in rows] == [
        ("Anonymised", "Former user"),
        ("Newer", "Bob"),
        ("Older", "Ann L."),
    ]


def test_reviews_of_an_unlisted_or_unknown_provider_are_404():
    hidden = ListedProviderFactory(is_verified=False)
    ProviderReviewFactory(provider=hidden)
    client = client_for(None)
    assert client.get(_reviews_url(hidden)).status_code == 404
    assert client.get(f"/api/v1/providers/{uuid.uuid4()}/reviews/").status_code == 404


# --- Creating a review (I-5) --------------------------------------------------------------


def test_pet_owner_review_needs_a_completed_appointment_and_writes_nothing(listed_provider, owner):
    # Given a provider with one published review
    ProviderReviewFactory(provider=listed_provider, rating=5)
    provider_rating_recompute(provider=listed_provider)
    reviews, audits = ProviderReview.objects.count(), AuditLog.objects.count()

    # When a pet owner reviews it without a completed appointment
    response = client_for(owner).post(_reviews_url(listed_provider), _valid_review(), format="json")

    # Then the rule refuses it with a clear 409, and nothing changed
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "review_requires_completed_appointment",
        "message": "A review needs a completed appointment with this provider.",
        "fields": {"appointment_id": ["No completed appointment of yours with this provider."]},
    }
    assert ProviderReview.objects.count() == reviews
    assert AuditLog.objects.count() == audits
    listed_provider.refresh_from_db()
    assert (listed_provider.average_rating, listed_provider.review_count) == (Decimal("5.00"), 1)


BAD_REVIEWS = [
    ("rating_zero", {"rating": 0}, "rating"),
    ("rating_six", {"rating": 6}, "rating"),
    ("rating_text", {"rating": "five"}, "rating"),
    ("rating_missing", {"rating": None}, "rating"),
    ("title_too_long", {"title": "x" * 151}, "title"),
    ("appointment_not_uuid", {"appointment_id": "42"}, "appointment_id"),
    ("sub_rating_unknown", {"sub_ratings": {"price": 5}}, "sub_ratings"),
    ("sub_rating_out_of_range", {"sub_ratings": {"care": 9}}, "sub_ratings"),
    ("sub_ratings_not_object", {"sub_ratings": [5]}, "sub_ratings"),
]


@pytest.mark.parametrize(
    ("_case", "override", "field"), BAD_REVIEWS, ids=[c[0] for c in BAD_REVIEWS]
)
def test_bad_review_input_is_400_before_the_rule(listed_provider, owner, _case, override, field):
    payload = {**_valid_review(), **override}
    payload = {k: v for k, v in payload.items() if v is not None}
    response = client_for(owner).post(_reviews_url(listed_provider), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert ProviderReview.objects.count() == 0


def test_review_of_unknown_provider_is_404(owner):
    response = client_for(owner).post(
        f"/api/v1/providers/{uuid.uuid4()}/reviews/", _valid_review(), format="json"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "provider_not_found"


def test_provider_never_reviews_itself(listed_provider):
    with pytest.raises(PermissionDeniedError) as raised:
        provider_review_create(
            actor=listed_provider.user,
            provider=listed_provider,
            appointment_id=uuid.uuid4(),
            rating=5,
        )
    assert raised.value.code == "review_own_provider"
    assert ProviderReview.objects.count() == 0


def test_service_refuses_an_unknown_appointment_with_409(listed_provider, owner):
    with pytest.raises(ConflictError) as raised:
        provider_review_create(
            actor=owner, provider=listed_provider, appointment_id=uuid.uuid4(), rating=5
        )
    assert (raised.value.code, raised.value.status_code) == (
        "review_requires_completed_appointment",
        409,
    )


def test_eligible_review_updates_rating_in_the_same_transaction(listed_provider, owner):
    # Given a completed appointment of the owner with the provider (I-5)
    appointment = AppointmentFactory(
        owner=owner,
        service_offering=ServiceOfferingFactory(provider=listed_provider),
        status=AppointmentStatus.COMPLETED,
        completed_at=timezone.now(),
    )
    ProviderReviewFactory(provider=listed_provider, rating=3)
    provider_rating_recompute(provider=listed_provider)

    # When the owner reviews
    review = provider_review_create(
        actor=owner,
        provider=listed_provider,
        appointment_id=appointment.pk,
        rating=4,
        sub_ratings={"care": 5},
    )

    # Then the review is published, the aggregate includes it, and it is audited
    listed_provider.refresh_from_db()
    assert (review.status, review.reviewer_id) == (ReviewStatus.PUBLISHED, owner.pk)
    assert review.appointment_id == appointment.pk
    assert (listed_provider.average_rating, listed_provider.review_count) == (Decimal("3.50"), 2)
    log = AuditLog.objects.get(entity_id=str(review.pk))
    assert (log.action, log.new_values["rating"]) == ("Create", 4)


# --- The rating aggregate (I-6) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "ratings", "expected"),
    [
        ("none", [], None),
        ("one", [5], Decimal("5.00")),
        ("thirds_round_down", [5, 4, 4], Decimal("4.33")),
        ("thirds_round_up", [5, 5, 4], Decimal("4.67")),
        ("half", [1, 2], Decimal("1.50")),
        ("many", [5] * 7 + [1], Decimal("4.50")),
    ],
)
def test_rating_recompute_averages_published_reviews(_case, ratings, expected):
    # Given published reviews, plus reviews that must not count
    listed_provider = ListedProviderFactory(average_rating=Decimal("1.00"), review_count=99)
    for rating in ratings:
        ProviderReviewFactory(provider=listed_provider, rating=rating)
    ProviderReviewFactory(provider=listed_provider, rating=1, status=ReviewStatus.HIDDEN)
    ProviderReviewFactory(provider=listed_provider, rating=1, status=ReviewStatus.REMOVED)
    ProviderReviewFactory(rating=1)  # another provider's

    # When
    provider_rating_recompute(provider=listed_provider)

    # Then the stored and in-memory values agree
    stored = ServiceProvider.objects.get(pk=listed_provider.pk)
    assert (stored.average_rating, stored.review_count) == (expected, len(ratings))
    assert (listed_provider.average_rating, listed_provider.review_count) == (
        expected,
        len(ratings),
    )


def test_rating_recompute_is_one_aggregate_and_one_update(django_assert_num_queries):
    listed_provider = ListedProviderFactory()
    ProviderReviewFactory(provider=listed_provider, rating=4)
    with django_assert_num_queries(2):
        provider_rating_recompute(provider=listed_provider)


def test_moderation_hides_a_review_and_the_rating_follows(listed_provider, superuser):
    keep = ProviderReviewFactory(provider=listed_provider, rating=5)
    spam = ProviderReviewFactory(provider=listed_provider, rating=1)
    provider_rating_recompute(provider=listed_provider)
    assert ServiceProvider.objects.get(pk=listed_provider.pk).average_rating == Decimal("3.00")

    provider_review_moderate(actor=superuser, review=spam, status=ReviewStatus.HIDDEN)

    listed_provider.refresh_from_db()
    assert (listed_provider.average_rating, listed_provider.review_count) == (Decimal("5.00"), 1)
    assert ProviderReview.objects.get(pk=keep.pk).status == ReviewStatus.PUBLISHED
    log = AuditLog.objects.get(entity_id=str(spam.pk))
    assert (log.old_values, log.new_values) == ({"status": "Published"}, {"status": "Hidden"})


def test_only_staff_moderate(listed_provider, owner):
    review = ProviderReviewFactory(provider=listed_provider)
    with pytest.raises(PermissionDeniedError):
        provider_review_moderate(actor=owner, review=review, status=ReviewStatus.HIDDEN)
    assert ProviderReview.objects.get(pk=review.pk).status == ReviewStatus.PUBLISHED


# --- Database constraints -----------------------------------------------------------------


@pytest.mark.parametrize("rating", [0, 6])
def test_rating_outside_one_to_five_is_refused_by_the_database(rating):
    review = ProviderReviewFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderReview.objects.filter(pk=review.pk).update(rating=rating)
    assert ProviderReview.objects.get(pk=review.pk).rating == 5


def test_unknown_review_status_is_refused_by_the_database():
    review = ProviderReviewFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderReview.objects.filter(pk=review.pk).update(status="Deleted")


@pytest.mark.parametrize("average", [Decimal("0.99"), Decimal("5.01")])
def test_provider_average_outside_one_to_five_is_refused(average):
    listed_provider = ListedProviderFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceProvider.objects.filter(pk=listed_provider.pk).update(average_rating=average)
