"""The local rule engine: one test per rule of the rule file, on plain facts (no database),
plus the rule file's own checks."""

from __future__ import annotations

import copy
import json

import pytest

from ai.choices import RecommendationCategory, RecommendationUrgency
from ai.providers.rules import RULES_FILE, RuleEngineAdvisor, RuleSetError, evaluate, rule_set

TODAY = "2026-12-07"


def facts(**overrides):
    """A 3-year-old Beagle in range, checked up a month ago: no rule fires."""
    base = {
        "today": TODAY,
        "dog": {"name": "Rex", "breed": "Beagle", "age_months": 36, "weight_lb": 24.0},
        "weights": [{"on": "2026-11-01", "lb": 24.0}, {"on": "2026-12-01", "lb": 24.0}],
        "vaccinations": [
            {"vaccine": "Rabies", "administered_on": "2026-06-01", "next_due_on": "2027-06-01"}
        ],
        "medications": [],
        "allergies": [],
        "last_vet_visit_on": "2026-11-07",
    }
    for key, value in overrides.items():
        if key == "dog":
            base["dog"] = {**base["dog"], **value}
        else:
            base[key] = value
    return base


def rules_fired(f) -> list[str]:
    return [d.evidence["rule"] for d in evaluate(f)]


def only(f, rule_id):
    drafts = [d for d in evaluate(f) if d.evidence["rule"] == rule_id]
    assert len(drafts) == 1, rules_fired(f)
    return drafts[0]


def test_a_healthy_dog_with_current_records_gets_nothing():
    assert evaluate(facts()) == []


def test_vaccination_overdue():
    f = facts(
        vaccinations=[
            {"vaccine": "Rabies", "administered_on": "2025-11-01", "next_due_on": "2026-11-01"}
        ]
    )
    draft = only(f, "vaccination.overdue")
    assert (draft.category, draft.urgency) == ("Vaccination", "High")
    assert draft.title == "Rabies vaccination is overdue"
    assert "36 days ago" in draft.summary
    assert draft.evidence["facts"]["vaccination"]["next_due_on"] == "2026-11-01"
    assert draft.key == "vaccination.overdue:rabies"
    assert rules_fired(f) == ["vaccination.overdue"]


def test_vaccination_due_soon_and_not_when_due_later():
    soon = facts(
        vaccinations=[
            {"vaccine": "DHPP", "administered_on": "2025-12-20", "next_due_on": "2026-12-20"}
        ]
    )
    draft = only(soon, "vaccination.due_soon")
    assert (draft.urgency, draft.summary) == (
        "Medium",
        "The DHPP vaccination is due on 2026-12-20, in 13 days.",
    )
    later = facts(
        vaccinations=[
            {"vaccine": "DHPP", "administered_on": "2026-01-20", "next_due_on": "2027-01-20"}
        ]
    )
    assert rules_fired(later) == []


def test_weight_gain_trend_against_own_history():
    f = facts(weights=[{"on": "2026-10-01", "lb": 24.0}, {"on": "2026-12-01", "lb": 27.0}])
    draft = only(f, "weight.gain_trend")
    assert (draft.category, draft.urgency) == ("Weight", "Medium")
    assert draft.title == "Weight rose 12.5% in 61 days"
    assert draft.evidence["facts"]["weights"][-1] == {"on": "2026-12-01", "lb": 27.0}


def test_weight_loss_trend_is_high_and_old_weighings_are_outside_the_window():
    f = facts(
        weights=[
            {"on": "2026-01-01", "lb": 40.0},  # outside the 90-day window
            {"on": "2026-10-01", "lb": 25.0},
            {"on": "2026-12-01", "lb": 22.0},
        ]
    )
    draft = only(f, "weight.loss_trend")
    assert (draft.urgency, draft.title) == ("High", "Weight fell 12.0% in 61 days")
    assert len(draft.evidence["facts"]["weights"]) == 2


def test_one_weighing_is_no_trend():
    assert rules_fired(facts(weights=[{"on": "2026-12-01", "lb": 24.0}])) == []


def test_weight_above_breed_range():
    f = facts(dog={"weight_lb": 36.0})  # Beagle 18-30, +10% = 33
    draft = only(f, "weight.above_breed_range")
    assert draft.title == "Weight is above the usual range for a Beagle"
    assert draft.evidence["facts"]["breed_range_lb"] == [18, 30]


def test_weight_below_breed_range_and_unknown_breeds_are_skipped():
    draft = only(facts(dog={"weight_lb": 15.0}), "weight.below_breed_range")
    assert draft.summary == "Rex weighs 15.0 lb; Beagles usually weigh 18-30 lb."
    assert rules_fired(facts(dog={"breed": "Mixed", "weight_lb": 150.0})) == []


@pytest.mark.parametrize(
    ("age_months", "last_visit", "rule_id", "urgency"),
    [
        (6, "2026-09-01", "checkup.puppy", "Medium"),
        (36, "2025-11-01", "checkup.adult", "Low"),
        (100, "2026-05-01", "checkup.senior", "Medium"),
        (100, None, "checkup.senior", "Medium"),
    ],
)
def test_age_based_checkups(age_months, last_visit, rule_id, urgency):
    f = facts(dog={"age_months": age_months}, last_vet_visit_on=last_visit)
    draft = only(f, rule_id)
    assert draft.urgency == urgency
    assert draft.category == RecommendationCategory.PREVENTIVE
    assert [r for r in rules_fired(f) if r.startswith("checkup.")] == [rule_id]


def test_a_recent_visit_means_no_checkup_and_unknown_age_neither():
    assert rules_fired(facts(dog={"age_months": 100}, last_vet_visit_on="2026-11-01")) == []
    assert rules_fired(facts(dog={"age_months": None}, last_vet_visit_on=None)) == []


def test_medication_refill():
    f = facts(
        medications=[
            {"name": "Apoquel", "end_date": "2026-12-10"},
            {"name": "Fish oil", "end_date": None},
        ]
    )
    draft = only(f, "medication.refill")
    assert draft.title == "Apoquel runs out on 2026-12-10"
    assert draft.key == "medication.refill:apoquel"


def test_allergy_conflict_high_criticality_is_urgent():
    f = facts(
        medications=[{"name": "Amoxicillin-clavulanate", "end_date": None}],
        allergies=[{"substance": "Amoxicillin", "category": "Medication", "criticality": "High"}],
    )
    draft = only(f, "allergy.medication_conflict_high")
    assert draft.urgency == RecommendationUrgency.URGENT
    assert rules_fired(f) == ["allergy.medication_conflict_high"]


def test_allergy_conflict_low_criticality_is_high():
    f = facts(
        medications=[{"name": "Penicillin G", "end_date": None}],
        allergies=[{"substance": "penicillin", "category": "Medication", "criticality": "Low"}],
    )
    assert only(f, "allergy.medication_conflict").urgency == "High"
    assert "allergy.medication_conflict_high" not in rules_fired(f)


def test_every_rule_of_the_file_has_a_test_above():
    tested = {
        "vaccination.overdue",
        "vaccination.due_soon",
        "weight.gain_trend",
        "weight.loss_trend",
        "weight.above_breed_range",
        "weight.below_breed_range",
        "checkup.puppy",
        "checkup.adult",
        "checkup.senior",
        "medication.refill",
        "allergy.medication_conflict_high",
        "allergy.medication_conflict",
    }
    assert {rule["id"] for rule in rule_set()["rules"]} == tested


def test_thresholds_are_data(tmp_path):
    # Given the rule file with the due-soon window widened from 30 to 200 days
    data = copy.deepcopy(rule_set())
    for rule in data["rules"]:
        if rule["id"] == "vaccination.due_soon":
            rule["params"]["max_days_until_due"] = 200
    f = facts()
    # Then the same facts now fire the rule, with no code change
    assert rules_fired(f) == []
    assert [
        d.evidence["rule"] for d in RuleEngineAdvisor(data).advise(f, request_id="x").drafts
    ] == ["vaccination.due_soon"]


def test_a_rule_file_with_an_unknown_kind_is_refused(tmp_path):
    data = json.loads(RULES_FILE.read_text())
    data["rules"][0]["kind"] = "astrology"
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data))
    with pytest.raises(RuleSetError, match="unknown kind 'astrology'"):
        rule_set(path)
