"""`plan baseline`: hot queries timed interleaved, compared as calibrated ratios (<5%)."""

from __future__ import annotations

import itertools

import pytest
from django.core.management import CommandError
from django.db import connection

from accounts.models import User
from doggy.dbtools import baseline as baseline_module
from doggy.dbtools.baseline import CALIBRATION, HOT_QUERIES, Baseline, compare, measure
from tests.accounts.factories import UserFactory
from tests.pets.factories import DogProfileFactory
from tests.plan.conftest import plan_command

pytestmark = pytest.mark.django_db


def _baseline(**medians) -> Baseline:
    return Baseline("db", "2026-12-07T00:00:00Z", 7, 20, medians, samples={"q": 1})


def test_every_hot_query_runs_at_head_with_samples_from_the_data():
    dog = DogProfileFactory()
    ticks = itertools.count()

    result = measure(connection, rounds=3, repeat=2, clock=lambda: float(next(ticks)))

    assert result.skipped == {}
    assert set(result.medians) == {CALIBRATION} | {q.name for q in HOT_QUERIES}
    # Each clock reading advances by one: one round of two calls takes one unit
    assert set(result.medians.values()) == {0.5}
    assert result.samples["dogs of an owner, first page"] == dog.owner_id
    first_user = User.objects.order_by("pk").values_list("email", flat=True)[0]
    assert result.samples["sign-in: user by e-mail"] == first_user


def test_a_later_run_reuses_the_recorded_parameters():
    first, second = UserFactory(), UserFactory()
    recorded = {"sign-in: user by e-mail": second.email}
    result = measure(connection, samples=recorded, rounds=1, repeat=1)
    assert result.samples["sign-in: user by e-mail"] == second.email != first.email


def test_ratios_are_calibrated_and_judged_against_five_percent():
    before = _baseline(**{CALIBRATION: 1.0, "a": 10.0, "b": 10.0, "c": 10.0})
    # The whole machine is twice as slow; b is 10% slower on top, c 4%
    after = _baseline(**{CALIBRATION: 2.0, "a": 20.0, "b": 22.0, "c": 20.8})

    rows = {row.name: row for row in compare(before, after)}

    assert rows["a"].ratio == pytest.approx(1.0)
    assert rows["b"].ratio == pytest.approx(1.1)
    assert rows["c"].ratio == pytest.approx(1.04)
    assert [name for name, row in rows.items() if not row.ok] == ["b"]


def test_queries_missing_from_either_run_are_not_compared():
    before = _baseline(**{CALIBRATION: 1.0, "old": 1.0, "both": 1.0})
    after = _baseline(**{CALIBRATION: 1.0, "new": 1.0, "both": 1.0})
    assert [row.name for row in compare(before, after)] == ["both"]


def test_command_records_then_fails_a_slower_phase_naming_the_query(monkeypatch, tmp_path):
    runs = iter(
        [
            _baseline(**{CALIBRATION: 1.0, "dogs": 2.0, "users": 1.0}),
            _baseline(**{CALIBRATION: 1.0, "dogs": 2.0, "users": 1.0}),
            _baseline(**{CALIBRATION: 1.0, "dogs": 2.4, "users": 1.0}),
        ]
    )
    monkeypatch.setattr(
        "doggy.management.commands.plan.measure", lambda *args, **kwargs: next(runs)
    )
    backup = ["--backup-dir", str(tmp_path)]

    out = plan_command("baseline", "record", *backup)
    assert "Baseline of 2 queries saved" in out

    out = plan_command("baseline", "compare", *backup)
    assert "2 queries compared" in out
    assert "0 more than 5% slower" in out

    with pytest.raises(CommandError, match=r"dogs x1\.20"):
        plan_command("baseline", "compare", *backup)


def test_compare_without_a_baseline_says_what_to_run(tmp_path):
    with pytest.raises(CommandError, match="run `plan baseline record` first"):
        plan_command("baseline", "compare", "--backup-dir", str(tmp_path))


def test_baseline_round_trips_through_json():
    original = _baseline(**{CALIBRATION: 0.5, "a": 1.25})
    assert Baseline.from_json(original.to_json()) == original
    assert baseline_module.DEFAULT_MAX_SLOWDOWN == 0.05
