"""OpenAI-compatible HTTP providers (chat completions with a JSON schema; moderations).

Base URL, model and key come from the environment (`DOGGY_AI_OPENAI_*`). Every call has
explicit connect and read timeouts, sends the platform's request id (`X-Request-Id`), and
tells failures apart:

* retryable (`retryable=True`): 429 (`rate_limited`, honouring `Retry-After`), 5xx
  (`provider_unavailable`), connect and read timeouts (`timeout`), a dropped connection;
  retried up to `DOGGY_AI_MAX_ATTEMPTS` times with exponential back-off;
* terminal: any other 4xx (`provider_rejected`), an answer that is not JSON or does not
  match the output schema (`invalid_output`). These are never retried.

A health answer is validated against `ADVICE_SCHEMA` (jsonschema) before anything is
stored; the same schema is sent as the structured-output format.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any

import httpx
import jsonschema
from django.conf import settings

from ..choices import AiProvider, RecommendationCategory, RecommendationUrgency
from .base import AdviceResult, ModerationResult, ProviderError, RecommendationDraft, Usage

PROMPT_VERSION = "openai-health-2026-12-07"

ADVICE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["recommendations"],
    "properties": {
        "recommendations": {
            "type": "array",
            "maxItems": 20,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "key",
                    "category",
                    "urgency",
                    "title",
                    "summary",
                    "details",
                    "confidence",
                ],
                "properties": {
                    "key": {"type": "string", "minLength": 1, "maxLength": 100},
                    "category": {"enum": list(RecommendationCategory.values)},
                    "urgency": {"enum": list(RecommendationUrgency.values)},
                    "title": {"type": "string", "minLength": 1, "maxLength": 200},
                    "summary": {"type": "string", "minLength": 1, "maxLength": 1000},
                    "details": {"type": "string", "maxLength": 4000},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                },
            },
        }
    },
}

SYSTEM_PROMPT = (
    "You help dog owners keep up with their dog's health records. From the JSON facts "
    "given, list concrete, cautious suggestions (vaccinations due, weight trends, check-ups, "
    "medication refills, allergy conflicts). Never diagnose; say when to contact a vet. "
    "Answer only with JSON matching the schema."
)


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


class OpenAIClient:
    """The HTTP side: one POST with timeouts, retries and the error taxonomy."""

    def __init__(self) -> None:
        self.base_url = _setting("DOGGY_AI_OPENAI_BASE_URL", "https://api.openai.com/v1").rstrip(
            "/"
        )
        self.api_key = _setting("DOGGY_AI_OPENAI_API_KEY", "")
        self.timeout = httpx.Timeout(
            connect=float(_setting("DOGGY_AI_CONNECT_TIMEOUT", 5.0)),
            read=float(_setting("DOGGY_AI_READ_TIMEOUT", 30.0)),
            write=float(_setting("DOGGY_AI_READ_TIMEOUT", 30.0)),
            pool=float(_setting("DOGGY_AI_CONNECT_TIMEOUT", 5.0)),
        )
        self.max_attempts = max(1, int(_setting("DOGGY_AI_MAX_ATTEMPTS", 3)))
        self.backoff = float(_setting("DOGGY_AI_RETRY_BACKOFF", 0.5))

    def post(self, path: str, body: dict[str, Any], *, request_id: str) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.api_key}", "X-Request-Id": request_id}
        last_error: ProviderError | None = None
        with httpx.Client(base_url=self.base_url, timeout=self.timeout) as client:
            for attempt in range(self.max_attempts):
                if last_error is not None:
                    self._wait(attempt, last_error)
                try:
                    return self._once(client, path, body, headers)
                except ProviderError as exc:
                    if not exc.retryable:
                        raise
                    last_error = exc
        raise last_error  # type: ignore[misc]  # max_attempts >= 1, so set

    def _wait(self, attempt: int, error: ProviderError) -> None:
        delay = min(max(self.backoff * 2 ** (attempt - 1), error.retry_after), 30.0)
        if self.backoff > 0 and delay > 0:
            time.sleep(delay)

    def _once(self, client: httpx.Client, path: str, body: dict, headers: dict) -> dict[str, Any]:
        try:
            response = client.post(path, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise ProviderError(
                "timeout",
                f"The provider did not answer in time ({exc.__class__.__name__}).",
                retryable=True,
            ) from exc
        except httpx.TransportError as exc:
            raise ProviderError(
                "provider_unavailable",
                f"Connection failed ({exc.__class__.__name__}).",
                retryable=True,
            ) from exc
        if response.status_code == 429:
            raise ProviderError(
                "rate_limited",
                "The provider rate-limited the call.",
                retryable=True,
                retry_after=_retry_after(response),
            )
        if response.status_code >= 500:
            raise ProviderError(
                "provider_unavailable",
                f"The provider answered {response.status_code}.",
                retryable=True,
            )
        if response.status_code >= 400:
            raise ProviderError(
                "provider_rejected",
                f"The provider refused the call ({response.status_code}).",
                retryable=False,
            )
        try:
            payload = response.json()
        except ValueError as exc:
            raise ProviderError(
                "invalid_output", "The provider's answer is not JSON.", retryable=False
            ) from exc
        if not isinstance(payload, dict):
            raise ProviderError(
                "invalid_output", "The provider's answer is not a JSON object.", retryable=False
            )
        payload["_request_id"] = response.headers.get("x-request-id", "")
        return payload


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("retry-after", "0")))
    except ValueError:
        return 0.0


def _usage(payload: dict[str, Any]) -> Usage:
    usage = payload.get("usage") or {}
    details = usage.get("prompt_tokens_details") or {}

    def count(value: Any) -> int:
        return value if isinstance(value, int) and value >= 0 else 0

    return Usage(
        prompt_tokens=count(usage.get("prompt_tokens")),
        completion_tokens=count(usage.get("completion_tokens")),
        cached_tokens=count(details.get("cached_tokens")),
        provider_request_id=str(payload.get("id") or payload.get("_request_id") or "")[:100],
    )


def parse_advice(content: Any) -> list[RecommendationDraft]:
    """The drafts of a structured answer; `invalid_output` unless it matches ADVICE_SCHEMA."""
    try:
        data = json.loads(content) if isinstance(content, str) else None
        jsonschema.validate(data, ADVICE_SCHEMA)
    except (ValueError, jsonschema.ValidationError) as exc:
        raise ProviderError(
            "invalid_output", "The answer does not match the output schema.", retryable=False
        ) from exc
    return [
        RecommendationDraft(
            key=f"openai:{item['key']}",
            category=item["category"],
            urgency=item["urgency"],
            title=item["title"],
            summary=item["summary"],
            details=item["details"],
            confidence=Decimal(str(round(item["confidence"], 3))),
            evidence={"key": item["key"]},
        )
        for item in data["recommendations"]
    ]


class OpenAIHealthAdvisor:
    """`DOGGY_AI_PROVIDER=openai`: chat completions with a strict JSON-schema output."""

    provider = AiProvider.OPENAI
    prompt_version = PROMPT_VERSION

    def __init__(self, client: OpenAIClient | None = None) -> None:
        self.client = client or OpenAIClient()
        self.model_name = _setting("DOGGY_AI_OPENAI_MODEL", "gpt-4o-mini")

    def advise(self, facts: dict[str, Any], *, request_id: str) -> AdviceResult:
        body = {
            "model": self.model_name,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": json.dumps(facts, sort_keys=True)},
            ],
            "response_format": {
                "type": "json_schema",
                "json_schema": {
                    "name": "health_recommendations",
                    "strict": True,
                    "schema": ADVICE_SCHEMA,
                },
            },
        }
        payload = self.client.post("/chat/completions", body, request_id=request_id)
        try:
            content = payload["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ProviderError(
                "invalid_output", "The answer has no message.", retryable=False
            ) from exc
        drafts = parse_advice(content)
        evidence = {"facts": facts, "prompt_version": self.prompt_version}
        drafts = [
            RecommendationDraft(**{**draft.__dict__, "evidence": {**draft.evidence, **evidence}})
            for draft in drafts
        ]
        return AdviceResult(drafts=drafts, usage=_usage(payload))


MODERATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["results"],
    "properties": {
        "results": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["flagged", "categories", "category_scores"],
                "properties": {
                    "flagged": {"type": "boolean"},
                    "categories": {"type": "object", "additionalProperties": {"type": "boolean"}},
                    "category_scores": {
                        "type": "object",
                        "additionalProperties": {"type": "number"},
                    },
                },
            },
        }
    },
}


class OpenAIModerator:
    """`DOGGY_AI_MODERATION=openai`: the moderations endpoint, categories and scores as sent."""

    provider = AiProvider.OPENAI

    def __init__(self, client: OpenAIClient | None = None) -> None:
        self.client = client or OpenAIClient()
        self.model_name = _setting("DOGGY_AI_OPENAI_MODERATION_MODEL", "omni-moderation-latest")
        self.engine = f"openai:{self.model_name}"[:50]

    def classify(self, text: str, *, request_id: str) -> ModerationResult:
        payload = self.client.post(
            "/moderations", {"model": self.model_name, "input": text}, request_id=request_id
        )
        try:
            jsonschema.validate(payload, MODERATION_SCHEMA)
        except jsonschema.ValidationError as exc:
            raise ProviderError(
                "invalid_output",
                "The moderation answer does not match its schema.",
                retryable=False,
            ) from exc
        result = payload["results"][0]
        return ModerationResult(
            flagged=result["flagged"],
            categories=dict(result["categories"]),
            category_scores={k: float(v) for k, v in result["category_scores"].items()},
            usage=_usage(payload),
        )
