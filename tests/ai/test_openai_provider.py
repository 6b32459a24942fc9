"""The OpenAI-compatible provider against a fake server on loopback: good answers,
malformed answers, 429s, 5xx, 4xx and timeouts; and the job and usage records it leaves."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from ai.choices import AiProvider, AiUsageStatus, ModerationDecision
from ai.models import AiHealthRecommendation, AiModelPrice, AiUsageRecord, ModerationCheck
from ai.providers import health_advisor, moderator
from ai.providers.base import ProviderError
from ai.providers.openai import OpenAIHealthAdvisor, OpenAIModerator
from ai.services import moderation_check_content
from tests.ai.fake_openai import GOOD_ADVICE, HANG, FakeOpenAI, chat_answer
from tests.callers import bearer_client
from tests.pets.factories import DogProfileFactory

FACTS = {"today": "2026-12-07", "dog": {"name": "Rex", "breed": "Beagle", "age_months": 36}}


@pytest.fixture
def fake(settings):
    server = FakeOpenAI().start()
    settings.DOGGY_AI_OPENAI_BASE_URL = server.base_url
    settings.DOGGY_AI_OPENAI_API_KEY = "sk-test"
    settings.DOGGY_AI_OPENAI_MODEL = "gpt-4o-mini"
    settings.DOGGY_AI_CONNECT_TIMEOUT = 2.0
    settings.DOGGY_AI_READ_TIMEOUT = 0.3
    settings.DOGGY_AI_MAX_ATTEMPTS = 3
    settings.DOGGY_AI_RETRY_BACKOFF = 0
    yield server
    server.stop()


def test_configuration_chooses_the_provider(settings):
    settings.DOGGY_AI_PROVIDER = "openai"
    settings.DOGGY_AI_MODERATION = "openai"
    assert isinstance(health_advisor(), OpenAIHealthAdvisor)
    assert isinstance(moderator(), OpenAIModerator)


def test_a_good_answer_is_validated_and_carries_its_usage(fake):
    fake.script((200, chat_answer(GOOD_ADVICE)))

    result = OpenAIHealthAdvisor().advise(FACTS, request_id="req-1")

    [draft] = result.drafts
    assert (draft.key, draft.category, draft.urgency, draft.confidence) == (
        "openai:rabies-overdue",
        "Vaccination",
        "High",
        Decimal("0.91"),
    )
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (300, 120)
    assert (result.usage.cached_tokens, result.usage.provider_request_id) == (
        100,
        "chatcmpl-fake-1",
    )
    [sent] = fake.requests
    assert sent["path"] == "/v1/chat/completions"
    assert sent["headers"]["Authorization"] == "Bearer sk-test"
    assert sent["headers"]["X-Request-Id"] == "req-1"
    assert sent["json"]["model"] == "gpt-4o-mini"
    assert sent["json"]["response_format"]["json_schema"]["strict"] is True


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        '{"recommendations": [{"key": "x"}]}',
        {"recommendations": [{**GOOD_ADVICE["recommendations"][0], "urgency": "Catastrophic"}]},
        {"recommendations": [{**GOOD_ADVICE["recommendations"][0], "confidence": 1.5}]},
        {"advice": "eat less"},
    ],
    ids=["not-json", "missing-fields", "unknown-urgency", "confidence-over-1", "wrong-shape"],
)
def test_a_malformed_answer_is_terminal_and_not_retried(fake, content):
    fake.script((200, chat_answer(content)))
    with pytest.raises(ProviderError) as caught:
        OpenAIHealthAdvisor().advise(FACTS, request_id="req-1")
    assert (caught.value.code, caught.value.retryable) == ("invalid_output", False)
    assert len(fake.requests) == 1


def test_a_body_that_is_not_json_is_terminal(fake):
    fake.script((200, b"<html>gateway</html>"))
    with pytest.raises(ProviderError) as caught:
        OpenAIHealthAdvisor().advise(FACTS, request_id="req-1")
    assert caught.value.code == "invalid_output"
    assert len(fake.requests) == 1


def test_a_429_is_retried_and_then_succeeds(fake):
    fake.script(
        (429, {"error": "slow down"}, {"Retry-After": "0"}), (200, chat_answer(GOOD_ADVICE))
    )
    result = OpenAIHealthAdvisor().advise(FACTS, request_id="req-1")
    assert len(result.drafts) == 1
    assert len(fake.requests) == 2


def test_429s_until_the_attempts_run_out_are_rate_limited(fake):
    fake.script(*[(429, {"error": "slow down"})] * 3)
    with pytest.raises(ProviderError) as caught:
        OpenAIHealthAdvisor().advise(FACTS, request_id="req-1")
    assert (caught.value.code, caught.value.retryable) == ("rate_limited", True)
    assert caught.value.usage_status == AiUsageStatus.RATE_LIMITED
    assert len(fake.requests) == 3


def test_a_5xx_is_retried(fake):
    fake.script((503, {"error": "busy"}), (502, {"error": "busy"}), (200, chat_answer(GOOD_ADVICE)))
    assert len(OpenAIHealthAdvisor().advise(FACTS, request_id="r").drafts) == 1
    assert len(fake.requests) == 3


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_a_4xx_is_terminal(fake, status):
    fake.script((status, {"error": "no"}))
    with pytest.raises(ProviderError) as caught:
        OpenAIHealthAdvisor().advise(FACTS, request_id="r")
    assert (caught.value.code, caught.value.retryable) == ("provider_rejected", False)
    assert len(fake.requests) == 1


def test_a_read_timeout_is_retryable_and_retried(fake):
    fake.script(HANG, (200, chat_answer(GOOD_ADVICE)))
    assert len(OpenAIHealthAdvisor().advise(FACTS, request_id="r").drafts) == 1
    assert len(fake.requests) == 2


def test_timeouts_until_the_attempts_run_out(fake, settings):
    settings.DOGGY_AI_MAX_ATTEMPTS = 2
    fake.script(HANG, HANG)
    with pytest.raises(ProviderError) as caught:
        OpenAIHealthAdvisor().advise(FACTS, request_id="r")
    assert (caught.value.code, caught.value.retryable) == ("timeout", True)
    assert len(fake.requests) == 2


def test_a_refused_connection_is_retryable(settings):
    server = FakeOpenAI()  # a port that was bound, then closed: nothing listens there
    url = server.base_url
    server.server.server_close()
    settings.DOGGY_AI_OPENAI_BASE_URL = url
    settings.DOGGY_AI_MAX_ATTEMPTS = 1
    settings.DOGGY_AI_RETRY_BACKOFF = 0
    with pytest.raises(ProviderError) as caught:
        OpenAIHealthAdvisor().advise(FACTS, request_id="r")
    assert (caught.value.code, caught.value.retryable) == ("provider_unavailable", True)


# --- through the job: usage record, tokens and cost -------------------------------------------
@pytest.mark.django_db
def test_a_job_through_the_openai_provider_records_tokens_and_cost(
    fake, settings, owner, django_capture_on_commit_callbacks
):
    settings.DOGGY_AI_PROVIDER = "openai"
    AiModelPrice.objects.create(
        ai_provider=AiProvider.OPENAI,
        model_name="gpt-4o-mini",
        input_per_million_usd=Decimal("0.15"),
        cached_input_per_million_usd=Decimal("0.075"),
        output_per_million_usd=Decimal("0.60"),
        effective_from=datetime.date(2024, 7, 18),
    )
    dog = DogProfileFactory(owner=owner)
    fake.script((200, chat_answer(GOOD_ADVICE)))

    with django_capture_on_commit_callbacks(execute=True):
        response = bearer_client(owner).post(f"/api/v1/ai/dogs/{dog.pk}/recommendations/")

    record = AiUsageRecord.objects.get()
    assert (record.status, record.ai_provider, record.provider_request_id) == (
        AiUsageStatus.SUCCESS,
        AiProvider.OPENAI,
        "chatcmpl-fake-1",
    )
    assert (record.prompt_tokens, record.completion_tokens, record.cached_tokens) == (300, 120, 100)
    # 200 × 0.15 + 100 × 0.075 + 120 × 0.60, per million
    assert record.cost_usd == Decimal("0.000110")
    assert fake.requests[0]["headers"]["X-Request-Id"] == str(record.request_id)
    rec = AiHealthRecommendation.objects.get()
    assert (rec.model_name, rec.usage_record_id, rec.title) == (
        "gpt-4o-mini",
        record.pk,
        "Rabies booster overdue",
    )
    assert rec.input_snapshot["facts"]["dog"]["breed"] == dog.breed
    assert response.json()["id"] == str(record.request_id)


@pytest.mark.django_db
def test_a_rate_limited_job_ends_rate_limited_and_stores_nothing(
    fake, settings, owner, django_capture_on_commit_callbacks
):
    settings.DOGGY_AI_PROVIDER = "openai"
    dog = DogProfileFactory(owner=owner)
    fake.script(*[(429, {"error": "slow down"})] * 3)
    client = bearer_client(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/ai/dogs/{dog.pk}/recommendations/")
    job = client.get(response["Location"]).json()
    assert (job["status"], job["error_code"], job["recommendations"]) == (
        "RateLimited",
        "rate_limited",
        [],
    )
    assert AiHealthRecommendation.objects.count() == 0


# --- moderation endpoint ---------------------------------------------------------------------
MODERATION_FLAGGED = {
    "id": "modr-1",
    "model": "omni-moderation-latest",
    "results": [
        {
            "flagged": True,
            "categories": {"harassment": True, "violence": False},
            "category_scores": {"harassment": 0.9731, "violence": 0.0123},
        }
    ],
}


@pytest.mark.django_db
def test_the_moderation_endpoint_stores_categories_and_scores(fake, settings, user):
    settings.DOGGY_AI_MODERATION = "openai"
    fake.script((200, MODERATION_FLAGGED))

    check = moderation_check_content(content_type="Review", content_id="7", text="…", author=user)

    assert (check.engine, check.flagged, check.decision) == (
        "openai:omni-moderation-latest",
        True,
        ModerationDecision.PENDING_REVIEW,
    )
    assert check.categories == {"harassment": True, "violence": False}
    assert check.category_scores == {"harassment": 0.9731, "violence": 0.0123}
    assert check.max_score == Decimal("0.9731")
    assert check.usage_record.status == AiUsageStatus.SUCCESS
    assert fake.requests[0]["path"] == "/v1/moderations"


@pytest.mark.django_db
def test_a_failed_moderation_call_queues_the_content_for_review(fake, settings, user):
    settings.DOGGY_AI_MODERATION = "openai"
    fake.script((200, {"results": [{"flagged": "maybe"}]}))
    check = moderation_check_content(content_type="Review", content_id="7", text="…", author=user)
    assert (check.flagged, check.decision) == (False, ModerationDecision.PENDING_REVIEW)
    assert (check.usage_record.status, check.usage_record.error_code) == ("Error", "invalid_output")
    assert ModerationCheck.objects.count() == 1
