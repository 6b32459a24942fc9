"""The local health advisor: a rule engine over a dog's facts, no network.

The rules are data (`ai/data/health_rules_v1.json`, shown read-only in the admin under
"AI health recommendations → Health rules"): each names one of the evaluators below
(`kind`), its thresholds (`params`), the category, urgency and confidence of what it
finds, and the wording (`title`, `summary`, filled from the facts it used). Changing a
threshold or a sentence is a change of the file and of its `version`, never of the code.

Facts (built by `ai.services.dog_facts`, no owner PII) are plain JSON:
`{"today", "dog": {"name", "breed", "age_months", "weight_lb"}, "weights": [{"on", "lb"}],
"vaccinations": [{"vaccine", "administered_on", "next_due_on"}], "medications": [{"name",
"end_date"}], "allergies": [{"substance", "category", "criticality"}], "last_vet_visit_on"}`.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..choices import AiProvider, RecommendationCategory, RecommendationUrgency
from .base import AdviceResult, RecommendationDraft, Usage

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "health_rules_v1.json"

Finding = dict[str, Any]
Evaluator = Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], Iterator[Finding]]


class RuleSetError(ValueError):
    """The rule file is not valid (an unknown kind, category or urgency)."""


@functools.cache
def rule_set(path: Path = RULES_FILE) -> dict[str, Any]:
    """The parsed, checked rule file (read once per process)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    seen = set()
    for rule in data["rules"]:
        if rule["kind"] not in EVALUATORS:
            raise RuleSetError(f"Rule {rule['id']}: unknown kind {rule['kind']!r}.")
        if rule["category"] not in RecommendationCategory.values:
            raise RuleSetError(f"Rule {rule['id']}: unknown category {rule['category']!r}.")
        if rule["urgency"] not in RecommendationUrgency.values:
            raise RuleSetError(f"Rule {rule['id']}: unknown urgency {rule['urgency']!r}.")
        if rule["id"] in seen:
            raise RuleSetError(f"Rule {rule['id']} appears twice.")
        seen.add(rule["id"])
    return data


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 1)


# --- evaluators: (rule params, facts, rule set) -> findings (the values the texts use) --------
def _vaccination_due(params, facts, data) -> Iterator[Finding]:
    today = _date(facts["today"])
    low, high = params.get("min_days_until_due"), params.get("max_days_until_due")
    for vaccination in facts.get("vaccinations", []):
        due_on = _date(vaccination.get("next_due_on"))
        if due_on is None:
            continue
        days = (due_on - today).days
        if (low is None or days >= low) and (high is None or days <= high):
            yield {
                "subject": vaccination["vaccine"].casefold(),
                "vaccine": vaccination["vaccine"],
                "due_on": due_on.isoformat(),
                "days_until_due": days,
                "days_overdue": -days,
                "evidence": {"vaccination": vaccination},
            }


def _weight_trend(params, facts, data) -> Iterator[Finding]:
    today = _date(facts["today"])
    since = today - datetime.timedelta(days=params["window_days"])
    series = [w for w in facts.get("weights", []) if _date(w["on"]) >= since]
    if len(series) < 2:
        return
    first, last = series[0], series[-1]
    change = _pct(last["lb"] - first["lb"], first["lb"])
    gaining = params["direction"] == "gain"
    if (change if gaining else -change) >= params["min_change_pct"]:
        yield {
            "subject": params["direction"],
            "name": facts["dog"]["name"],
            "change_pct": abs(change),
            "span_days": (_date(last["on"]) - _date(first["on"])).days,
            "first_lb": first["lb"],
            "last_lb": last["lb"],
            "first_on": first["on"],
            "last_on": last["on"],
            "evidence": {"weights": series, "window_days": params["window_days"]},
        }


def _weight_breed_range(params, facts, data) -> Iterator[Finding]:
    dog = facts["dog"]
    breed, weight = dog.get("breed"), dog.get("weight_lb")
    ranges = {name.casefold(): (name, r) for name, r in data["breed_weight_ranges_lb"].items()}
    if not breed or weight is None or breed.casefold() not in ranges:
        return
    name, (low, high) = ranges[breed.casefold()]
    slack = params["tolerance_pct"] / 100.0
    above = weight > high * (1 + slack)
    below = weight < low * (1 - slack)
    if (params["direction"] == "above" and above) or (params["direction"] == "below" and below):
        yield {
            "subject": params["direction"],
            "name": dog["name"],
            "breed": name,
            "weight_lb": weight,
            "low_lb": low,
            "high_lb": high,
            "evidence": {"breed": name, "weight_lb": weight, "breed_range_lb": [low, high]},
        }


def _age_checkup(params, facts, data) -> Iterator[Finding]:
    age = facts["dog"].get("age_months")
    if age is None:
        return
    low, high = params.get("min_age_months"), params.get("max_age_months")
    if (low is not None and age < low) or (high is not None and age >= high):
        return
    today = _date(facts["today"])
    last = _date(facts.get("last_vet_visit_on"))
    if last is not None and (today - last).days < params["interval_days"]:
        return
    yield {
        "subject": "checkup",
        "interval_days": params["interval_days"],
        "last_visit": last.isoformat() if last else "not recorded",
        "evidence": {"age_months": age, "last_vet_visit_on": facts.get("last_vet_visit_on")},
    }


def _medication_refill(params, facts, data) -> Iterator[Finding]:
    today = _date(facts["today"])
    for medication in facts.get("medications", []):
        end = _date(medication.get("end_date"))
        if end is not None and (end - today).days <= params["within_days"]:
            yield {
                "subject": medication["name"].casefold(),
                "medication": medication["name"],
                "end_date": end.isoformat(),
                "evidence": {"medication": medication},
            }


def _allergy_conflict(params, facts, data) -> Iterator[Finding]:
    for allergy in facts.get("allergies", []):
        if allergy.get("criticality") not in params["criticality"]:
            continue
        substance = allergy["substance"].casefold().strip()
        if not substance:
            continue
        for medication in facts.get("medications", []):
            name = medication["name"].casefold()
            if substance in name or name in substance:
                yield {
                    "subject": f"{substance}|{name}",
                    "name": facts["dog"]["name"],
                    "substance": allergy["substance"],
                    "medication": medication["name"],
                    "evidence": {"allergy": allergy, "medication": medication},
                }


EVALUATORS: dict[str, Evaluator] = {
    "vaccination_due": _vaccination_due,
    "weight_trend": _weight_trend,
    "weight_breed_range": _weight_breed_range,
    "age_checkup": _age_checkup,
    "medication_refill": _medication_refill,
    "allergy_conflict": _allergy_conflict,
}


def evaluate(
    facts: dict[str, Any], data: dict[str, Any] | None = None
) -> list[RecommendationDraft]:
    """Every finding of every rule, in rule-file order."""
    data = data or rule_set()
    drafts = []
    for rule in data["rules"]:
        for finding in EVALUATORS[rule["kind"]](rule["params"], facts, data):
            values = {**facts["dog"], **finding}
            evidence = {
                "rule": rule["id"],
                "rules_version": data["version"],
                "evaluated_on": facts["today"],
                "facts": finding["evidence"],
            }
            drafts.append(
                RecommendationDraft(
                    key=f"{rule['id']}:{finding['subject']}",
                    category=rule["category"],
                    urgency=rule["urgency"],
                    title=rule["title"].format_map(values)[:200],
                    summary=rule["summary"].format_map(values)[:1000],
                    confidence=Decimal(rule["confidence"]),
                    evidence=evidence,
                )
            )
    return drafts


class RuleEngineAdvisor:
    """`DOGGY_AI_PROVIDER=local` (the default)."""

    provider = AiProvider.LOCAL

    def __init__(self, data: dict[str, Any] | None = None):
        self.data = data or rule_set()
        self.model_name = self.data["version"]
        self.prompt_version = self.data["prompt_version"]

    def advise(self, facts: dict[str, Any], *, request_id: str) -> AdviceResult:
        return AdviceResult(drafts=evaluate(facts, self.data), usage=Usage())
