"""The local moderation classifier: alt-profanity-check's bundled model, no network.

`predict_prob` gives one probability that the text is offensive; it is stored as the
single category `profanity` (`CategoryScores`), flagged at `DOGGY_AI_MODERATION_THRESHOLD`
(0.8 by default). The model loads on first use (scikit-learn), not at import.
"""

from __future__ import annotations

from django.conf import settings

from ..choices import AiProvider
from .base import ModerationResult, Usage

ENGINE = "local:profanity-check"
CATEGORY = "profanity"


def _predict(texts: list[str]) -> list[float]:
    from profanity_check import predict_prob

    return [float(p) for p in predict_prob(texts)]


class LocalModerator:
    """`DOGGY_AI_MODERATION=local` (the default)."""

    provider = AiProvider.LOCAL
    model_name = "alt-profanity-check"
    engine = ENGINE

    def __init__(self, threshold: float | None = None) -> None:
        if threshold is None:
            threshold = float(getattr(settings, "DOGGY_AI_MODERATION_THRESHOLD", 0.8))
        self.threshold = threshold

    def classify(self, text: str, *, request_id: str) -> ModerationResult:
        score = round(_predict([text])[0], 4)
        flagged = score >= self.threshold
        return ModerationResult(
            flagged=flagged,
            categories={CATEGORY: flagged},
            category_scores={CATEGORY: score},
            usage=Usage(),
        )
