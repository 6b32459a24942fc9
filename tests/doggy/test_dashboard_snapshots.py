"""The staff dashboard's snapshots (plan 041): the Platform payload of a day, the
idempotent upsert, the command and the API."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from accounts.choices import AccountStatus, RoleName
from audit.models import DashboardSnapshot
from doggy.choices import JobRunStatus
from doggy.insights.snapshots import dashboard_snapshot_build
from doggy.models import BackgroundJobRun
from tests.accounts.factories import ServiceProviderFactory
from tests.audit.factories import DashboardSnapshotFactory, MetricCountFactory
from tests.billing.factories import PetExpenseFactory
from tests.callers import bearer_client, make_user
from tests.scheduling.factories import AppointmentFactory

DAY = datetime.date(2026, 11, 2)
UTC = datetime.UTC
DAY_1 = datetime.datetime(2026, 11, 1, 10, tzinfo=UTC)
DAY_2 = datetime.datetime(2026, 11, 2, 22, tzinfo=UTC)
LATER = datetime.datetime(2026, 11, 3, 0, 0, tzinfo=UTC)
DASHBOARD = "/api/v1/staff/dashboard/"


@pytest.fixture
def platform(rbac):
    make_user(rbac, RoleName.PET_OWNER, email="a@example.com", date_joined=DAY_1)
    make_user(
        rbac,
        RoleName.PET_OWNER,
        email="b@example.com",
        date_joined=DAY_1,
        account_status=AccountStatus.SUSPENDED,
    )
    new = make_user(rbac, RoleName.SERVICE_PROVIDER, email="c@example.com", date_joined=DAY_2)
    make_user(rbac, RoleName.PET_OWNER, email="late@example.com", date_joined=LATER)
    ServiceProviderFactory(user=new, is_verified=True, created_at=DAY_2)
    AppointmentFactory(created_at=DAY_1, status="Cancelled", cancelled_at=DAY_1)
    AppointmentFactory(created_at=DAY_2, status="Requested")
    AppointmentFactory(created_at=DAY_2, status="Completed", completed_at=DAY_2)
    AppointmentFactory(created_at=LATER, status="Requested")
    PetExpenseFactory(expense_date=DAY, amount=Decimal("10.00"), currency="USD")
    PetExpenseFactory(expense_date=DAY, amount=Decimal("5.25"), currency="USD")
    PetExpenseFactory(expense_date=DAY, amount=Decimal("7.00"), currency="EUR")
    PetExpenseFactory(expense_date=DAY - datetime.timedelta(days=1), amount=Decimal("1.00"))
    MetricCountFactory(property="users.new", end_time=LATER, value=Decimal("1"))
    MetricCountFactory(property="users.new", end_time=DAY_1, value=Decimal("9"))


def test_the_platform_snapshot_of_a_day(platform):
    snapshot = dashboard_snapshot_build(DAY)

    assert (snapshot.scope, snapshot.scope_id, snapshot.snapshot_date) == ("Platform", "", DAY)
    assert snapshot.payload == {
        "version": 1,
        "date": "2026-11-02",
        "users": {"total": 3, "active": 2, "new": 1},
        "providers": {"total": 1, "verified": 1},
        "kyc": {"open_cases": 0},
        "appointments": {
            "by_status": {"Cancelled": 1, "Completed": 1, "Requested": 1},
            "created": 2,
        },
        "expenses": {
            "by_currency": {
                "EUR": {"count": 1, "total": "7.00"},
                "USD": {"count": 2, "total": "15.25"},
            }
        },
        "ai": {"requests": 0, "tokens": 0},
        "metrics": {"users.new": "1.0000"},
    }


def test_building_a_day_again_replaces_its_snapshot(platform):
    first = dashboard_snapshot_build(DAY)
    PetExpenseFactory(expense_date=DAY, amount=Decimal("1.00"), currency="EUR")

    second = dashboard_snapshot_build(DAY)

    assert second.pk == first.pk
    assert DashboardSnapshot.objects.count() == 1
    assert second.payload["expenses"]["by_currency"]["EUR"] == {"count": 2, "total": "8.00"}
    assert second.generated_at >= first.generated_at


def test_the_command_builds_the_given_day_and_records_its_run(db):
    call_command("build_dashboard_snapshots", "--date", "2026-11-02", verbosity=0)

    assert DashboardSnapshot.objects.get().snapshot_date == DAY
    job = BackgroundJobRun.objects.get(job_name="build_dashboard_snapshots")
    assert (job.status, job.items_processed) == (JobRunStatus.SUCCEEDED, 1)


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError) as refused:
        call_command("build_dashboard_snapshots", "--date", "02/11/2026", verbosity=0)

    assert str(refused.value) == "--date must be a date like 2026-12-06, not '02/11/2026'."
    assert DashboardSnapshot.objects.count() == 0


def test_the_dashboard_is_not_ready_before_the_first_snapshot(rbac_admin):
    response = bearer_client(rbac_admin).get(DASHBOARD)

    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "dashboard_not_ready",
        "message": "The dashboard has not been built yet.",
        "fields": {},
    }


def test_the_dashboard_shows_the_newest_platform_snapshot(rbac_admin):
    DashboardSnapshotFactory(snapshot_date=DAY, payload={"version": 1, "n": 2})
    DashboardSnapshotFactory(snapshot_date=DAY - datetime.timedelta(days=1), payload={"n": 1})
    DashboardSnapshotFactory(
        snapshot_date=DAY + datetime.timedelta(days=1), scope="Provider", scope_id="p"
    )

    response = bearer_client(rbac_admin).get(DASHBOARD)

    assert response.status_code == 200
    body = response.json()
    assert (body["scope"], body["snapshot_date"], body["payload"]) == (
        "Platform",
        "2026-11-02",
        {"version": 1, "n": 2},
    )
