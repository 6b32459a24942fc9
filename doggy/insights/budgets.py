"""Budget alerts (plan 040): an owner hears once when a period's spend crosses 80% and
100% of one of their budgets.

It reads billing (each owner's budget statuses, `billing.expense_selectors.budget_statuses`)
and writes messaging's notifications, so it lives in this top layer: billing and messaging
never import each other. Idempotent: each alert carries the dedupe key
`budget:<budget id>:<period start>:<threshold>`, and `notify` returns the first
notification again for a repeated key (UX_Notifs_Recipient_Dedupe), so a second sweep the
same period, or two sweeps at once, notify nobody twice. A budget whose amount is raised
back above the spend alerts again only in its next period.

Run by `manage.py budget_alerts` and Celery beat (`budget_alerts_sweep_task`), each run
recorded in BackgroundJobRuns (`budget_alerts`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from billing.expense_selectors import budget_owner_ids, budget_statuses
from doggy.health import job_run
from messaging.choices import NotificationSeverity
from messaging.notification_services import notify

NOTIFICATION_TYPE = "budget.threshold_reached"
THRESHOLDS = (80, 100)
OWNER_BATCH_SIZE = 500
JOB_NAME = "budget_alerts"


@dataclass(frozen=True)
class BudgetAlertsResult:
    owners: int
    budgets: int
    alerts: int  # notifications this run created (repeats of a known key not counted)


def budget_alert_dedupe_key(status: dict[str, Any], threshold: int) -> str:
    return f"budget:{status['id']}:{status['period_start']:%Y-%m-%d}:{threshold}"


def _message(status: dict[str, Any], threshold: int) -> tuple[str, str]:
    what = f"{status['category']} budget" if status["category"] else "total budget"
    period = "month" if status["period"] == "Monthly" else "year"
    spent = f"{status['spent']:.2f} {status['currency']}"
    amount = f"{status['amount']:.2f} {status['currency']}"
    if threshold >= 100:
        return (
            f"Your {what} is used up",
            f"You have spent {spent} of your {period}'s {amount}.",
        )
    return (
        f"{threshold}% of your {what} is spent",
        f"You have spent {spent} of your {period}'s {amount}.",
    )


def budget_alerts_for(owner, *, on: datetime.date | None = None) -> tuple[int, int]:
    """Alert `owner` for each budget and threshold crossed in the current period; returns
    (budgets looked at, notifications that were new)."""
    created = 0
    statuses = budget_statuses(actor=owner, on=on)
    for status in statuses:
        for threshold in THRESHOLDS:
            if status["percent"] < threshold:
                continue
            title, body = _message(status, threshold)
            key = budget_alert_dedupe_key(status, threshold)
            before = timezone.now()
            notification = notify(
                owner,
                NOTIFICATION_TYPE,
                title,
                body,
                data={
                    "budget": status["id"],
                    "category": status["category"],
                    "period": status["period"],
                    "period_start": status["period_start"].isoformat(),
                    "threshold": threshold,
                    "spent": str(status["spent"]),
                    "amount": str(status["amount"]),
                    "currency": status["currency"],
                },
                dedupe_key=key,
                level=(
                    NotificationSeverity.ERROR if threshold >= 100 else NotificationSeverity.WARNING
                ),
                entity_type="billing.ExpenseBudget",
                entity_id=status["id"],
            )
            # A repeated key returns the notification of an earlier run.
            if notification.created_at >= before:
                created += 1
    return len(statuses), created


def budget_alerts_sweep(
    *, on: datetime.date | None = None, batch_size: int = OWNER_BATCH_SIZE
) -> BudgetAlertsResult:
    """Alert every owner with a budget, owners walked in id order in batches."""
    User = get_user_model()
    owners = budgets = alerts = 0
    last = None
    while True:
        ids = budget_owner_ids(after=last, limit=batch_size)
        if not ids:
            break
        last = ids[-1]
        for owner in User.objects.filter(pk__in=ids).order_by("pk"):
            seen, new = budget_alerts_for(owner, on=on)
            owners, budgets, alerts = owners + 1, budgets + seen, alerts + new
    return BudgetAlertsResult(owners=owners, budgets=budgets, alerts=alerts)


def budget_alerts_sweep_task() -> None:
    """The scheduled sweep (Celery beat, doggy/celery.py), recorded in BackgroundJobRuns."""
    with job_run(JOB_NAME) as outcome:
        outcome["items_processed"] = budget_alerts_sweep().alerts
