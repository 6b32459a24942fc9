"""AI providers behind one interface (`base.HealthAdvisor`, `base.Moderator`), chosen by
configuration:

* `DOGGY_AI_PROVIDER`: `local` (default, the rule engine) or `openai`;
* `DOGGY_AI_MODERATION`: `local` (default, the bundled classifier) or `openai`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import HealthAdvisor, Moderator


def health_advisor() -> HealthAdvisor:
    name = getattr(settings, "DOGGY_AI_PROVIDER", "local")
    if name == "local":
        from .rules import RuleEngineAdvisor

        return RuleEngineAdvisor()
    if name == "openai":
        from .openai import OpenAIHealthAdvisor

        return OpenAIHealthAdvisor()
    raise ImproperlyConfigured(f"DOGGY_AI_PROVIDER must be local or openai, not {name!r}.")


def moderator() -> Moderator:
    name = getattr(settings, "DOGGY_AI_MODERATION", "local")
    if name == "local":
        from .local_moderation import LocalModerator

        return LocalModerator()
    if name == "openai":
        from .openai import OpenAIModerator

        return OpenAIModerator()
    raise ImproperlyConfigured(f"DOGGY_AI_MODERATION must be local or openai, not {name!r}.")
