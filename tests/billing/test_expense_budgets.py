"""Plan 040: an owner's budgets (per category or in total, monthly or yearly), their status
in the summary (spent in the budget's own currency only), and the alerts at 80% and
100% (doggy/insights/budgets.py), once per budget, period and threshold."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string

from audit.choices import AuditAction
from audit.models import AuditLog
from billing.expense_selectors import budget_statuses
from billing.models import ExpenseBudget, ExpenseCategory
from doggy.celery import app
from doggy.choices import JobRunStatus
from doggy.insights.budgets import budget_alerts_sweep, budget_alerts_sweep_task
from doggy.models import BackgroundJobRun
from messaging.models import Notification
from tests.billing.factories import ExpenseBudgetFactory, PetExpenseFactory
from tests.callers import bearer_client

pytestmark = pytest.mark.django_db

BUDGETS = "/api/v1/billing/budgets/"
SUMMARY = "/api/v1/billing/expenses/summary/"
DAY = datetime.date(2026, 11, 20)


def _system(slug: str) -> ExpenseCategory:
    return ExpenseCategory.objects.get(slug=slug, owner__isnull=True)


def _spend(owner, amount, day=DAY, *, slug="veterinary", currency="USD"):
    return PetExpenseFactory(
        owner=owner,
        category=_system(slug),
        amount=Decimal(amount),
        currency=currency,
        expense_date=day,
        receipt_file=None,
    )


def test_an_owner_sets_edits_and_deletes_a_budget(owner):
    client = bearer_client(owner)

    created = client.post(
        BUDGETS,
        {"category": "veterinary", "period": "Yearly", "amount": "600.00", "currency": "eur"},
    )

    assert created.status_code == 201
    body = created.json()
    assert {k: body[k] for k in ("category", "period", "amount", "currency")} == {
        "category": "veterinary",
        "period": "Yearly",
        "amount": "600.00",
        "currency": "EUR",
    }
    url = f"{BUDGETS}{body['id']}/"
    assert client.get(url).json() == body
    edited = client.patch(url, {"amount": "650.00"})
    assert (edited.status_code, edited.json()["amount"]) == (200, "650.00")
    total = client.post(BUDGETS, {"amount": "90.00", "currency": "USD"})
    assert (total.status_code, total.json()["category"], total.json()["period"]) == (
        201,
        None,
        "Monthly",
    )
    assert [row["id"] for row in client.get(BUDGETS).json()] == [
        total.json()["id"],
        body["id"],
    ]
    assert client.delete(url).status_code == 204
    assert not ExpenseBudget.objects.filter(pk=body["id"]).exists()
    actions = sorted(
        AuditLog.objects.filter(entity_id=str(body["id"])).values_list("action", flat=True)
    )
    assert actions == sorted([AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE])


@pytest.mark.parametrize(
    ("_case", "first", "second"),
    [
        ("a category's budget", {"category": "veterinary"}, {"category": "veterinary"}),
        ("the total budget", {}, {"category": None}),
    ],
)
def test_a_second_budget_for_the_same_key_is_a_conflict(owner, _case, first, second):
    client = bearer_client(owner)
    base = {"period": "Monthly", "amount": "50.00", "currency": "USD"}
    assert client.post(BUDGETS, {**base, **first}).status_code == 201

    response = client.post(BUDGETS, {**base, **second, "amount": "70.00"})

    assert response.status_code == 409
    assert response.json() == {
        "error": {
            "code": "budget_exists",
            "message": "A budget for this category and period exists already.",
            "fields": {"category": ["A budget for this category and period exists already."]},
        }
    }
    # the other period, or another category, is another budget
    assert client.post(BUDGETS, {**base, **first, "period": "Yearly"}).status_code == 201
    assert ExpenseBudget.objects.filter(owner=owner).count() == 2


def test_editing_a_budget_onto_an_existing_key_is_a_conflict(owner):
    client = bearer_client(owner)
    base = {"amount": "50.00", "currency": "USD"}
    client.post(BUDGETS, {**base, "period": "Monthly"})
    yearly = client.post(BUDGETS, {**base, "period": "Yearly"}).json()

    response = client.patch(f"{BUDGETS}{yearly['id']}/", {"period": "Monthly"})

    assert (response.status_code, response.json()["error"]["code"]) == (409, "budget_exists")
    assert ExpenseBudget.objects.get(pk=yearly["id"]).period == "Yearly"


def test_budget_input_is_checked(owner, other_owner):
    client = bearer_client(owner)
    bad = client.post(BUDGETS, {"amount": "0", "currency": "USD", "period": "Weekly"})
    assert bad.status_code == 400
    assert sorted(bad.json()["error"]["fields"]) == ["amount", "period"]
    unknown = client.post(BUDGETS, {"amount": "5", "currency": "USD", "category": "yachts"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (
        404,
        "expense_category_not_found",
    )
    theirs = ExpenseBudgetFactory(owner=other_owner)
    assert client.get(f"{BUDGETS}{theirs.pk}/").json()["error"]["code"] == "budget_not_found"


def test_the_summary_shows_each_budget_against_its_period_in_its_currency(owner, other_owner):
    ExpenseBudgetFactory(
        owner=owner, category=_system("veterinary"), period="Monthly", amount=Decimal("100")
    )
    ExpenseBudgetFactory(owner=owner, category=None, period="Yearly", amount=Decimal("1000"))
    _spend(owner, "60.00")
    _spend(owner, "25.50", datetime.date(2026, 11, 1))
    _spend(owner, "40.00", datetime.date(2026, 10, 31))  # last month: the year only
    _spend(owner, "30.00", slug="food-treats")  # another category: the total only
    _spend(owner, "70.00", currency="EUR")  # never added to a USD budget
    _spend(owner, "5.00", datetime.date(2025, 12, 31))  # last year
    _spend(other_owner, "500.00")

    statuses = budget_statuses(actor=owner, on=DAY)

    assert [
        (s["category"], s["period"], s["period_start"], s["period_end"], s["spent"], s["percent"])
        for s in statuses
    ] == [
        (
            "veterinary",
            "Monthly",
            datetime.date(2026, 11, 1),
            datetime.date(2026, 11, 30),
            Decimal("85.50"),
            85,
        ),
        (
            None,
            "Yearly",
            datetime.date(2026, 1, 1),
            datetime.date(2026, 12, 31),
            Decimal("155.50"),
            15,
        ),
    ]
    assert [s["other_currencies"] for s in statuses] == [["EUR"], ["EUR"]]
    assert statuses[0]["remaining"] == Decimal("14.50")


def test_the_summary_endpoint_carries_the_budgets(owner):
    budget = ExpenseBudgetFactory(owner=owner, category=None, amount=Decimal("10.00"))
    _spend(owner, "12.00", timezone.localdate())

    body = bearer_client(owner).get(SUMMARY).json()

    today = timezone.localdate()
    assert body["budgets"] == [
        {
            "id": budget.pk,
            "category": None,
            "period": "Monthly",
            "period_start": today.replace(day=1).isoformat(),
            "period_end": body["budgets"][0]["period_end"],
            "amount": "10.00",
            "currency": "USD",
            "spent": "12.00",
            "remaining": "-2.00",
            "percent": 120,
            "other_currencies": [],
        }
    ]


@pytest.mark.parametrize("budgets", [1, 4])
def test_the_summary_costs_the_same_at_any_number_of_budgets(
    owner, budgets, django_assert_num_queries
):
    slugs = ["veterinary", "food-treats", "grooming"]
    ExpenseBudgetFactory(owner=owner, category=None)
    for slug in slugs[: budgets - 1]:
        ExpenseBudgetFactory(owner=owner, category=_system(slug))
        _spend(owner, "3.00", timezone.localdate(), slug=slug)
    client = bearer_client(owner)
    client.get(SUMMARY)
    # the session, the grouped totals, the budgets (category joined), the period's spend
    with django_assert_num_queries(4):
        assert len(client.get(SUMMARY).json()["budgets"]) == budgets


# --- Alerts -----------------------------------------------------------------------------------


def _alerts(user):
    return list(
        Notification.objects.filter(recipient=user, notification_type="budget.threshold_reached")
        .order_by("dedupe_key")
        .values_list("dedupe_key", "title")
    )


def test_crossing_80_and_100_percent_alerts_once_per_budget_period_and_threshold(
    owner, other_owner
):
    budget = ExpenseBudgetFactory(
        owner=owner, category=_system("veterinary"), amount=Decimal("100.00")
    )
    ExpenseBudgetFactory(owner=other_owner, category=None, amount=Decimal("100.00"))
    _spend(owner, "79.99")

    # under 80%: nothing
    assert budget_alerts_sweep(on=DAY).alerts == 0
    assert _alerts(owner) == []

    # 80%: one alert
    _spend(owner, "0.01")
    assert budget_alerts_sweep(on=DAY).alerts == 1
    key = f"budget:{budget.pk}:2026-11-01:"
    assert _alerts(owner) == [(key + "80", "80% of your veterinary budget is spent")]

    # past 100%: the second alert; a repeated sweep sends nothing more
    _spend(owner, "25.00")
    result = budget_alerts_sweep(on=DAY)
    assert (result.owners, result.budgets, result.alerts) == (2, 2, 1)
    assert budget_alerts_sweep(on=DAY).alerts == 0
    assert _alerts(owner) == [
        (key + "100", "Your veterinary budget is used up"),
        (key + "80", "80% of your veterinary budget is spent"),
    ]
    assert _alerts(other_owner) == []

    # the next month starts afresh
    _spend(owner, "95.00", datetime.date(2026, 12, 2))
    assert budget_alerts_sweep(on=datetime.date(2026, 12, 2)).alerts == 1
    assert _alerts(owner)[-1] == (
        f"budget:{budget.pk}:2026-12-01:80",
        "80% of your veterinary budget is spent",
    )


def test_spend_in_another_currency_never_alerts(owner):
    ExpenseBudgetFactory(owner=owner, category=None, amount=Decimal("10.00"), currency="USD")
    _spend(owner, "500.00", currency="EUR")
    assert budget_alerts_sweep(on=DAY).alerts == 0


def test_the_sweep_walks_owners_in_batches(owner, other_owner):
    for user in (owner, other_owner):
        ExpenseBudgetFactory(owner=user, category=None, amount=Decimal("10.00"))
        _spend(user, "10.00")
    result = budget_alerts_sweep(on=DAY, batch_size=1)
    assert (result.owners, result.alerts) == (2, 4)


def test_the_command_and_the_task_record_their_runs(owner):
    ExpenseBudgetFactory(owner=owner, category=None, amount=Decimal("10.00"))
    _spend(owner, "9.00")

    call_command("budget_alerts", "--on", DAY.isoformat(), verbosity=0)
    budget_alerts_sweep_task()

    runs = list(
        BackgroundJobRun.objects.filter(job_name="budget_alerts")
        .order_by("started_at", "id")
        .values_list("status", "items_processed")
    )
    # the command looked at November 2026 (80% crossed); the task at today's month
    assert runs[0] == (JobRunStatus.SUCCEEDED, 1)
    assert len(runs) == 2
    assert runs[1][0] == JobRunStatus.SUCCEEDED


def test_the_beat_schedule_runs_the_sweep():
    entry = app.conf.beat_schedule["budget-alerts"]
    assert entry["args"] == ("doggy.insights.budgets.budget_alerts_sweep_task",)
    assert import_string(entry["args"][0]) is budget_alerts_sweep_task
