"""Recommendations through the API with the local rule engine: the job, its result, the
list, feedback, usage records, supersession, the quota's 429 and the disclaimer."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from ai.choices import AiProvider, AiUsageStatus, RecommendationStatus
from ai.models import AiDailyUsage, AiHealthRecommendation, AiRecommendationFeedback, AiUsageRecord
from ai.selectors import seconds_to_next_utc_midnight
from audit.models import AuditLog
from pets.choices import AllergyCriticality
from tests.billing.factories import (
    PlanEntitlementFactory,
    SubscriptionPlanFactory,
    UserSubscriptionFactory,
)
from tests.callers import bearer_client
from tests.doggy.factories import SystemSettingFactory
from tests.pets.factories import (
    DogAccessGrantFactory,
    DogAllergyFactory,
    DogProfileFactory,
    MedicationFactory,
    VaccinationFactory,
    VetVisitFactory,
)

pytestmark = pytest.mark.django_db


def _today():
    return timezone.now().astimezone(datetime.UTC).date()


@pytest.fixture
def dog(owner):
    """A 3-year-old Beagle with an overdue rabies shot and an allergy conflict."""
    dog = DogProfileFactory(owner=owner, breed="Beagle", weight=Decimal("24.00"))
    VetVisitFactory(dog=dog, visit_date=_today() - datetime.timedelta(days=20))
    VaccinationFactory(
        dog=dog,
        vaccine_name="Rabies",
        administered_on=_today() - datetime.timedelta(days=400),
        next_due_on=_today() - datetime.timedelta(days=35),
    )
    MedicationFactory(dog=dog, name="Amoxicillin", start_date=_today() - datetime.timedelta(days=3))
    DogAllergyFactory(
        dog=dog, substance="Amoxicillin", category="Medication", criticality=AllergyCriticality.HIGH
    )
    return dog


def request_job(client, dog, django_capture_on_commit_callbacks, *, execute=True):
    with django_capture_on_commit_callbacks(execute=execute):
        response = client.post(f"/api/v1/ai/dogs/{dog.pk}/recommendations/")
    return response


def test_request_answers_202_with_a_pending_job_then_the_job_has_the_result(
    owner, dog, django_capture_on_commit_callbacks
):
    client = bearer_client(owner)
    # When the owner asks (the work after commit not yet run)
    response = request_job(client, dog, django_capture_on_commit_callbacks, execute=False)

    # Then: 202, the job is Pending and its Location is the job
    assert response.status_code == 202
    body = response.json()
    assert (body["status"], body["dog"], body["recommendations"]) == ("Pending", str(dog.pk), [])
    assert response["Location"] == f"/api/v1/ai/jobs/{body['id']}/"
    assert AiHealthRecommendation.objects.count() == 0

    # When the work after commit runs
    response = request_job(client, dog, django_capture_on_commit_callbacks)
    job = client.get(response["Location"]).json()

    # Then the job succeeded with the rule engine's findings, urgent first by file order
    assert (job["status"], job["ai_provider"], job["model_name"]) == (
        "Success",
        "Local",
        "rules:v1",
    )
    rules = sorted(r["evidence"]["rule"] for r in job["recommendations"])
    assert rules == ["allergy.medication_conflict_high", "vaccination.overdue"]
    conflict = next(r for r in job["recommendations"] if r["urgency"] == "Urgent")
    assert conflict["title"] == "Amoxicillin may conflict with the Amoxicillin allergy"
    assert conflict["evidence"]["facts"]["allergy"]["criticality"] == "High"
    assert "not veterinary advice" in conflict["disclaimer"]
    # the evidence holds dog facts, never the owner's identity
    assert owner.email not in str(job)
    assert str(owner.pk) not in str(job["recommendations"])


def test_every_call_is_a_usage_record_and_counted_on_the_day(
    owner, dog, django_capture_on_commit_callbacks
):
    client = bearer_client(owner)
    request_job(client, dog, django_capture_on_commit_callbacks)
    record = AiUsageRecord.objects.get()
    assert (record.status, record.ai_provider, record.user_id) == (
        AiUsageStatus.SUCCESS,
        AiProvider.LOCAL,
        owner.pk,
    )
    assert record.latency_ms is not None
    assert record.completed_at is not None
    assert record.cost_usd == Decimal("0")
    day = AiDailyUsage.objects.get(user=owner)
    assert (day.usage_date, day.request_count, day.success_count, day.failure_count) == (
        _today(),
        1,
        1,
        0,
    )


def test_a_second_run_supersedes_the_first_about_the_same_thing(
    owner, dog, django_capture_on_commit_callbacks
):
    client = bearer_client(owner)
    request_job(client, dog, django_capture_on_commit_callbacks)
    first = set(AiHealthRecommendation.objects.values_list("pk", flat=True))
    request_job(client, dog, django_capture_on_commit_callbacks)

    old = AiHealthRecommendation.objects.filter(pk__in=first)
    assert {r.status for r in old} == {RecommendationStatus.SUPERSEDED}
    assert all(r.superseded_by.input_snapshot["key"] == r.input_snapshot["key"] for r in old)
    listed = client.get(f"/api/v1/ai/dogs/{dog.pk}/recommendations/").json()
    assert listed["count"] == 2
    assert {r["id"] for r in listed["results"]}.isdisjoint({str(pk) for pk in first})
    everything = client.get(f"/api/v1/ai/dogs/{dog.pk}/recommendations/?status=all").json()
    assert everything["count"] == 4


def test_a_reader_of_a_shared_dog_may_ask_and_the_job_is_theirs(
    owner, other_owner, dog, django_capture_on_commit_callbacks
):
    DogAccessGrantFactory(dog=dog, grantee=other_owner)
    response = request_job(bearer_client(other_owner), dog, django_capture_on_commit_callbacks)
    assert response.status_code == 202
    job_url = response["Location"]
    assert bearer_client(other_owner).get(job_url).json()["status"] == "Success"
    assert bearer_client(owner).get(job_url).status_code == 404


def test_the_job_fails_cleanly_when_the_share_ends_before_it_runs(
    other_owner, dog, django_capture_on_commit_callbacks
):
    grant = DogAccessGrantFactory(dog=dog, grantee=other_owner)
    client = bearer_client(other_owner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"/api/v1/ai/dogs/{dog.pk}/recommendations/")
    grant.delete()
    for callback in callbacks:
        callback()
    job = client.get(response["Location"]).json()
    assert (job["status"], job["error_code"], job["recommendations"]) == (
        "Error",
        "dog_not_found",
        [],
    )
    assert AiDailyUsage.objects.get(user=other_owner).failure_count == 1


def test_over_the_daily_limit_is_429_with_retry_after_and_a_quota_record(
    owner, dog, django_capture_on_commit_callbacks, settings
):
    SystemSettingFactory(setting_key="AI.DailyRequestLimit", setting_value="2", data_type="Integer")
    client = bearer_client(owner)
    assert request_job(client, dog, django_capture_on_commit_callbacks).status_code == 202
    assert request_job(client, dog, django_capture_on_commit_callbacks).status_code == 202

    response = request_job(client, dog, django_capture_on_commit_callbacks)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "ai_quota_exceeded"
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= seconds_to_next_utc_midnight() + 1
    assert AiDailyUsage.objects.get(user=owner).request_count == 2
    refused = AiUsageRecord.objects.get(status=AiUsageStatus.QUOTA_EXCEEDED)
    assert refused.error_code == "ai_quota_exceeded"
    usage = client.get("/api/v1/ai/usage/").json()
    assert (usage["request_limit"], usage["requests_used"], usage["requests_remaining"]) == (
        2,
        2,
        0,
    )


def test_a_plan_entitlement_overrides_the_setting(owner, dog, django_capture_on_commit_callbacks):
    plan = SubscriptionPlanFactory(code="owner_tiny")
    PlanEntitlementFactory(plan=plan, feature_key="ai.daily_requests", limit_value=1)
    UserSubscriptionFactory(user=owner, plan=plan)
    client = bearer_client(owner)
    assert client.get("/api/v1/ai/usage/").json()["limit_source"] == "plan"
    assert request_job(client, dog, django_capture_on_commit_callbacks).status_code == 202
    assert request_job(client, dog, django_capture_on_commit_callbacks).status_code == 429


def test_feedback_is_one_per_user_created_then_replaced(
    owner, dog, django_capture_on_commit_callbacks
):
    client = bearer_client(owner)
    request_job(client, dog, django_capture_on_commit_callbacks)
    rec = AiHealthRecommendation.objects.first()
    url = f"/api/v1/ai/recommendations/{rec.pk}/feedback/"

    first = client.post(url, {"is_helpful": False, "comment": "Already booked"}, format="json")
    second = client.post(url, {"is_helpful": True}, format="json")

    assert (first.status_code, second.status_code) == (201, 200)
    feedback = AiRecommendationFeedback.objects.get()
    assert (feedback.is_helpful, feedback.comment) == (True, "")
    assert AuditLog.objects.filter(entity_type="ai.AiRecommendationFeedback").count() == 2
    mine = client.get(f"/api/v1/ai/recommendations/{rec.pk}/").json()["my_feedback"]
    assert mine["is_helpful"] is True


def test_feedback_needs_a_verdict(owner, dog, django_capture_on_commit_callbacks):
    client = bearer_client(owner)
    request_job(client, dog, django_capture_on_commit_callbacks)
    rec = AiHealthRecommendation.objects.first()
    response = client.post(f"/api/v1/ai/recommendations/{rec.pk}/feedback/", {}, format="json")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["is_helpful"]


def test_an_unknown_status_filter_is_a_400(owner, dog):
    response = bearer_client(owner).get(f"/api/v1/ai/dogs/{dog.pk}/recommendations/?status=nope")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["status"]


@pytest.mark.parametrize("rows", [3, 12])
def test_the_list_costs_the_same_queries_at_any_page_size(rows, owner, django_assert_num_queries):
    from tests.ai.factories import AiHealthRecommendationFactory, AiRecommendationFeedbackFactory

    dog = DogProfileFactory(owner=owner)
    for _ in range(rows):
        rec = AiHealthRecommendationFactory(dog=dog)
        AiRecommendationFeedbackFactory(recommendation=rec, user=owner)
    client = bearer_client(owner)
    client.get(f"/api/v1/ai/dogs/{dog.pk}/recommendations/")  # warm the per-process caches
    # the session, the dog, the COUNT, the page, the caller's feedback on the page
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(f"/api/v1/ai/dogs/{dog.pk}/recommendations/")
    assert response.json()["count"] == rows
    assert all(r["my_feedback"]["is_helpful"] for r in response.json()["results"])


LIST_QUERIES = 5


def test_a_job_shows_no_advice_once_the_share_has_ended(
    owner, other_owner, dog, django_capture_on_commit_callbacks
):
    grant = DogAccessGrantFactory(dog=dog, grantee=other_owner)
    client = bearer_client(other_owner)
    response = request_job(client, dog, django_capture_on_commit_callbacks)
    assert len(client.get(response["Location"]).json()["recommendations"]) == 2
    grant.delete()
    job = client.get(response["Location"]).json()
    assert (job["status"], job["recommendations"]) == ("Success", [])
    rec = AiHealthRecommendation.objects.first()
    assert client.get(f"/api/v1/ai/recommendations/{rec.pk}/").status_code == 404
