"""The analytics tables' invariants hold in the database itself (SCHEMA.md 2.34–2.36).

Each bad value is written past all Python validation, so only a CHECK or UNIQUE
constraint can refuse it. The open vocabularies (`EventName`, `Property`) have no CHECK
(A7), which is tested too.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from audit.models import (
    AnalyticsEvent,
    MetricCount,
    MetricFillState,
    ProviderPerformanceSnapshot,
    UserDailyActivity,
)
from tests.audit.factories import (
    AnalyticsEventFactory,
    MetricCountFactory,
    MetricFillStateFactory,
    ProviderPerformanceSnapshotFactory,
    UserDailyActivityFactory,
)

BAD_UPDATES = [
    ("CK_AnalyticsEvents_Platform", AnalyticsEventFactory, {"platform": "Windows"}),
    ("CK_UserDailyActivity_Platform", UserDailyActivityFactory, {"platform": "ios"}),
    ("CK_MetricCounts_Frequency", MetricCountFactory, {"frequency": "week"}),
    ("CK_MetricCounts_ScopeType", MetricCountFactory, {"scope_type": "User"}),
    ("CK_MetricFillStates_Frequency", MetricFillStateFactory, {"frequency": "Day"}),
    ("CK_MetricFillStates_State", MetricFillStateFactory, {"state": "Failed"}),
]


@pytest.mark.parametrize(
    ("constraint", "factory", "values"), BAD_UPDATES, ids=[c for c, _, _ in BAD_UPDATES]
)
def test_check_constraint_refuses_bad_values(db, constraint, factory, values):
    row = factory()
    model = type(row)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)
    assert constraint in str(refused.value)
    assert model.objects.filter(pk=row.pk).values(*values).get() != values


def test_a_period_cannot_end_before_it_starts(db):
    snapshot = ProviderPerformanceSnapshotFactory()
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        ProviderPerformanceSnapshot.objects.filter(pk=snapshot.pk).update(
            period_end=snapshot.period_start - datetime.timedelta(days=1)
        )
    assert "CK_ProvPerf_Period" in str(refused.value)
    # a one-day period (start = end) is allowed
    ProviderPerformanceSnapshot.objects.filter(pk=snapshot.pk).update(
        period_end=snapshot.period_start
    )


def _refused_by(error: IntegrityError, name: str) -> None:
    if connection.vendor == "postgresql":
        assert name in str(error)
    else:
        assert "UNIQUE constraint failed" in str(error)


def test_one_activity_row_per_user_day_and_platform(db):
    row = UserDailyActivityFactory()
    twin = UserDailyActivity(
        user=row.user,
        activity_date=row.activity_date,
        platform=row.platform,
        first_seen_at=row.first_seen_at,
        last_seen_at=row.last_seen_at,
    )
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        UserDailyActivity.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_UserDailyActivity_Key")
    # the same day on another platform is another row
    twin.platform = "Android"
    UserDailyActivity.objects.bulk_create([twin])
    assert UserDailyActivity.objects.count() == 2


def test_one_count_per_property_bucket_and_scope(db):
    count = MetricCountFactory()
    twin = MetricCount(property=count.property, end_time=count.end_time, value=1)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        MetricCount.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_MetricCounts_Key")
    # another subgroup, frequency or scope of the same bucket is another row
    MetricCount.objects.bulk_create(
        [
            MetricCount(property=count.property, end_time=count.end_time, value=1, subgroup="x"),
            MetricCount(
                property=count.property, end_time=count.end_time, value=1, frequency="hour"
            ),
            MetricCount(
                property=count.property,
                end_time=count.end_time,
                value=1,
                scope_type="Provider",
                scope_id="p1",
            ),
        ]
    )
    assert MetricCount.objects.count() == 4


def test_one_fill_state_per_property_and_frequency(db):
    state = MetricFillStateFactory()
    twin = MetricFillState(
        property=state.property, frequency=state.frequency, end_time=state.end_time, state="Done"
    )
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        MetricFillState.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_MetricFillStates_Prop_Freq")
    # the hourly fill of the same property has its own state (A16)
    twin.frequency = "hour"
    MetricFillState.objects.bulk_create([twin])
    assert MetricFillState.objects.filter(property=state.property).count() == 2


def test_one_snapshot_per_provider_and_period(db):
    snapshot = ProviderPerformanceSnapshotFactory()
    twin = ProviderPerformanceSnapshot(
        provider=snapshot.provider,
        period_start=snapshot.period_start,
        period_end=snapshot.period_end,
    )
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        ProviderPerformanceSnapshot.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_ProviderPerf_Prov_Period")


def test_open_vocabularies_take_any_registered_name(db):
    # EventName and Property are validated against registries in code, not by CHECK (A7)
    AnalyticsEventFactory(event_name="brand_new_event")
    MetricCountFactory(property="brand.new_metric")
    assert AnalyticsEvent.objects.filter(event_name="brand_new_event").exists()
    assert MetricCount.objects.filter(property="brand.new_metric").exists()


def test_snapshots_go_with_their_provider(db):
    snapshot = ProviderPerformanceSnapshotFactory()
    snapshot.provider.delete()
    assert not ProviderPerformanceSnapshot.objects.filter(pk=snapshot.pk).exists()
