"""Factories of the audit app: the audit log (005), the analytics tables (034–036) and the
reporting tables (041)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from audit.choices import (
    AuditAction,
    ClientPlatform,
    DashboardScope,
    MetricFillStatus,
    MetricFrequency,
    ReportAudience,
    ReportFormat,
    ReportRunStatus,
    Severity,
)
from audit.models import (
    AnalyticsEvent,
    AuditLog,
    DashboardSnapshot,
    MetricCount,
    MetricFillState,
    ProviderPerformanceSnapshot,
    ReportDefinition,
    ReportRun,
    UserDailyActivity,
)
from tests.accounts.factories import ServiceProviderFactory, UserFactory


class AuditLogFactory(DjangoModelFactory[AuditLog]):
    """An audit row as `audit_log_record` would write it for a change to a user."""

    class Meta:
        model = AuditLog

    user = factory.SubFactory(UserFactory)
    actor_email = factory.LazyAttribute(lambda o: o.user.email if o.user else None)
    action = AuditAction.UPDATE
    entity_type = "accounts.User"
    entity_id = factory.LazyAttribute(lambda o: str(o.user.pk) if o.user else None)
    old_values = factory.LazyFunction(lambda: {"first_name": "Old"})
    new_values = factory.LazyFunction(lambda: {"first_name": "New"})
    severity = Severity.INFO


class AnalyticsEventFactory(DjangoModelFactory[AnalyticsEvent]):
    class Meta:
        model = AnalyticsEvent

    user = factory.SubFactory(UserFactory)
    event_name = "screen_view"
    properties = factory.LazyFunction(lambda: {"screen": "dogs"})
    platform = ClientPlatform.WEB
    occurred_at = factory.LazyFunction(timezone.now)


class UserDailyActivityFactory(DjangoModelFactory[UserDailyActivity]):
    class Meta:
        model = UserDailyActivity

    user = factory.SubFactory(UserFactory)
    activity_date = factory.LazyFunction(lambda: timezone.now().date())
    platform = ClientPlatform.WEB
    request_count = 12
    active_seconds = 300
    first_seen_at = factory.LazyFunction(timezone.now)
    last_seen_at = factory.LazyAttribute(
        lambda o: o.first_seen_at + datetime.timedelta(seconds=o.active_seconds)
    )


class MetricCountFactory(DjangoModelFactory[MetricCount]):
    """A platform-wide daily count of new users."""

    class Meta:
        model = MetricCount

    property = "users.new"
    end_time = factory.Sequence(
        lambda n: datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
    )
    value = Decimal("7")


class MetricFillStateFactory(DjangoModelFactory[MetricFillState]):
    class Meta:
        model = MetricFillState

    property = factory.Sequence(lambda n: f"metric.{n}")
    frequency = MetricFrequency.DAY
    end_time = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    state = MetricFillStatus.DONE


class ProviderPerformanceSnapshotFactory(DjangoModelFactory[ProviderPerformanceSnapshot]):
    """Ninety days of a provider's requests, answers and arrivals."""

    class Meta:
        model = ProviderPerformanceSnapshot

    provider = factory.SubFactory(ServiceProviderFactory)
    period_end = factory.LazyFunction(lambda: timezone.now().date())
    period_start = factory.LazyAttribute(lambda o: o.period_end - datetime.timedelta(days=89))
    requests_received = 20
    requests_accepted = 16
    requests_declined = 3
    requests_expired = 1
    cancellations = 1
    on_time_arrivals = 14
    late_arrivals = 1
    median_response_seconds = 1800


class ReportDefinitionFactory(DjangoModelFactory[ReportDefinition]):
    """A definition of the catalogue's sign-ups report, for admins, with no defaults."""

    class Meta:
        model = ReportDefinition
        django_get_or_create = ("key",)

    key = "admin.users_signups"
    name = "Sign-ups by day and role"
    audience = ReportAudience.ADMIN
    required_permission = None
    parameters = factory.LazyFunction(dict)


class ReportRunFactory(DjangoModelFactory[ReportRun]):
    """A queued CSV run of a definition, requested by a new user."""

    class Meta:
        model = ReportRun

    report_definition = factory.SubFactory(ReportDefinitionFactory)
    requested_by = factory.SubFactory(UserFactory)
    parameters = factory.LazyFunction(dict)
    format = ReportFormat.CSV
    status = ReportRunStatus.QUEUED


class DashboardSnapshotFactory(DjangoModelFactory[DashboardSnapshot]):
    class Meta:
        model = DashboardSnapshot

    scope = DashboardScope.PLATFORM
    scope_id = ""
    # One snapshot per scope and day (UX_DashSnapshots_Key): each factory row gets its day.
    snapshot_date = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
    )
    payload = factory.LazyFunction(lambda: {"version": 1})
