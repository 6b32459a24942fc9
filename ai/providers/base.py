"""The one interface of AI providers: health advice and moderation, with their usage.

A provider is chosen by configuration (`DOGGY_AI_PROVIDER`, `DOGGY_AI_MODERATION`) and
answers with a result that carries the usage of the call (tokens, the provider's own
request id). Failures are `ProviderError`s that say whether a retry may help (429, 5xx,
timeouts) or not (4xx, an answer that does not match the schema).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from ..choices import AiUsageStatus


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    provider_request_id: str = ""


@dataclass(frozen=True)
class RecommendationDraft:
    """One recommendation before it is stored. `key` identifies what it is about (the rule
    and its subject), so a later run about the same thing supersedes it."""

    key: str
    category: str
    urgency: str
    title: str
    summary: str
    details: str = ""
    confidence: Decimal | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AdviceResult:
    drafts: list[RecommendationDraft]
    usage: Usage = Usage()


@dataclass(frozen=True)
class ModerationResult:
    flagged: bool
    categories: dict[str, bool]
    category_scores: dict[str, float]
    usage: Usage = Usage()

    @property
    def max_score(self) -> float | None:
        return max(self.category_scores.values()) if self.category_scores else None


class ProviderError(Exception):
    """A failed provider call. `retryable`: the same call may succeed later."""

    def __init__(self, code: str, message: str, *, retryable: bool, retry_after: float = 0.0):
        super().__init__(message)
        self.code = code
        self.retryable = retryable
        self.retry_after = retry_after

    @property
    def usage_status(self) -> str:
        return AiUsageStatus.RATE_LIMITED if self.code == "rate_limited" else AiUsageStatus.ERROR


class HealthAdvisor(Protocol):
    provider: str  # an AiProvider value
    model_name: str
    prompt_version: str

    def advise(self, facts: dict[str, Any], *, request_id: str) -> AdviceResult: ...


class Moderator(Protocol):
    provider: str
    model_name: str
    engine: str  # ModerationChecks.Engine, e.g. "local:profanity-check"

    def classify(self, text: str, *, request_id: str) -> ModerationResult: ...
