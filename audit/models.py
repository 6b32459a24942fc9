"""Models of the audit app: the audit log (005), analytics (034), counts (035), KPIs (036),
reports and dashboard snapshots (041).

The audit app sits below accounts in the layers, so its foreign keys to accounts' tables
are string references (`settings.AUTH_USER_MODEL`, `"accounts.ServiceProvider"`), never
imports (SCHEMA.md 2.5, 2.34–2.36).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from doggy.core.db import created_at_field, updated_at_field, uuid_primary_key
from doggy.core.permissions import PermissionName, actor_may

from .choices import (
    REPORT_RUN_ACTIVE_STATUSES,
    ClientPlatform,
    DashboardScope,
    MetricFillStatus,
    MetricFrequency,
    MetricScopeType,
    ReportAudience,
    ReportFormat,
    ReportRunStatus,
    Severity,
)

# Who may read the audit log (RBAC permission names, SCHEMA.md 2.2).
AUDIT_READER_PERMISSIONS = frozenset({PermissionName.SYSTEM_ADMIN, PermissionName.USERS_MANAGE})


class AuditLogQuerySet(models.QuerySet):
    """Refuses bulk changes: audit rows are written once and never edited or removed."""

    def visible_to(self, user) -> AuditLogQuerySet:
        """Every row for holders of `system.admin` or `users.manage`; nothing for others."""
        if not actor_may(user, *AUDIT_READER_PERMISSIONS):
            return self.none()
        return self.all()

    def update(self, **kwargs):
        raise RuntimeError("AuditLogs are append-only.")

    def delete(self):
        raise RuntimeError("AuditLogs are append-only.")


class AuditLog(models.Model):
    """Who did what to which object, when and from where (`AuditLogs`).

    Append-only: rows are written by `audit.services.audit_log_record` inside the
    transaction of the change they describe and are never updated or deleted by the app
    (production also DENYs UPDATE/DELETE to the app login, SCHEMA.md I-16).
    """

    id = uuid_primary_key()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_column="UserId",
    )
    action = models.CharField(max_length=100, db_column="Action")
    entity_type = models.CharField(max_length=100, db_column="EntityType")
    entity_id = models.CharField(max_length=100, null=True, blank=True, db_column="EntityId")
    old_values = models.JSONField(null=True, blank=True, db_column="OldValues")
    new_values = models.JSONField(null=True, blank=True, db_column="NewValues")
    ip_address = models.CharField(max_length=45, null=True, blank=True, db_column="IPAddress")
    user_agent = models.CharField(max_length=500, null=True, blank=True, db_column="UserAgent")
    session = models.ForeignKey(
        "accounts.UserSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="SessionId",
    )
    timestamp = created_at_field(db_column="Timestamp")
    severity = models.CharField(
        max_length=20,
        choices=Severity.choices,
        default=Severity.INFO,
        db_default=Severity.INFO,
        db_column="Severity",
    )
    correlation_id = models.CharField(
        max_length=64, null=True, blank=True, db_column="CorrelationId"
    )
    actor_email = models.CharField(max_length=256, null=True, blank=True, db_column="ActorEmail")

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        db_table = "AuditLogs"
        ordering = ["-timestamp"]
        indexes = [
            models.Index(fields=["user", "-timestamp"], name="IX_AuditLogs_User_Timestamp"),
            models.Index(fields=["entity_type"], name="IX_AuditLogs_EntityType"),
            models.Index(fields=["action"], name="IX_AuditLogs_Action"),
            models.Index(fields=["-timestamp"], name="IX_AuditLogs_Timestamp"),
            models.Index(fields=["severity"], name="IX_AuditLogs_Severity"),
            models.Index(fields=["entity_type", "entity_id"], name="IX_AuditLogs_Entity"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(severity__in=Severity.values), name="CK_AuditLogs_Severity"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.entity_type}:{self.entity_id}"

    def save(self, *args, **kwargs):
        # Only a plain INSERT of a new row: an UPDATE through an existing row, a forged
        # instance carrying an existing id (force_update) or a partial save is refused.
        if (
            not self._state.adding
            or kwargs.get("force_update")
            or kwargs.get("update_fields") is not None
        ):
            raise RuntimeError("AuditLogs are append-only.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("AuditLogs are append-only.")


# --- 034 User Analytics & Behavior -------------------------------------------------------
class AnalyticsEvent(models.Model):
    """One product-analytics event (Segment-style: a registered name plus properties).

    `EventName` is an open vocabulary validated in code against a registry, so it has no
    CHECK (SCHEMA.md A7). `Properties` carry no free-text PII and no raw IP is stored.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        # Leads IX_AnalyticsEvents_User_Time.
        db_index=False,
        db_column="UserId",
        help_text="Empty for an anonymous visitor.",
    )
    anonymous_id = models.CharField(
        max_length=64,
        blank=True,
        default="",
        db_column="AnonymousId",
        help_text="Pre-login device id.",
    )
    session = models.ForeignKey(
        "accounts.UserSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="SessionId",
    )
    event_name = models.CharField(max_length=100, db_column="EventName")
    properties = models.JSONField(default=dict, blank=True, db_column="Properties")
    platform = models.CharField(max_length=8, choices=ClientPlatform.choices, db_column="Platform")
    app_version = models.CharField(max_length=30, blank=True, default="", db_column="AppVersion")
    country_code = models.CharField(
        max_length=2, blank=True, default="", db_column="CountryCode", help_text="From GeoIP."
    )
    occurred_at = models.DateTimeField(
        db_column="OccurredAt", help_text="Client time, clamped to the receive time."
    )
    received_at = created_at_field(db_column="ReceivedAt")

    class Meta:
        db_table = "AnalyticsEvents"
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["event_name", "occurred_at"], name="IX_AnalyticsEvents_Name_Time"),
            models.Index(fields=["user", "occurred_at"], name="IX_AnalyticsEvents_User_Time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(platform__in=ClientPlatform.values),
                name="CK_AnalyticsEvents_Platform",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_name} at {self.occurred_at:%Y-%m-%d %H:%M}"


class UserDailyActivity(models.Model):
    """A user's activity on one day and platform; the source of DAU/WAU/MAU counts."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        # Leads UX_UserDailyActivity_Key.
        db_index=False,
        db_column="UserId",
    )
    activity_date = models.DateField(db_column="ActivityDate")
    platform = models.CharField(max_length=8, choices=ClientPlatform.choices, db_column="Platform")
    request_count = models.PositiveIntegerField(default=0, db_column="RequestCount")
    active_seconds = models.PositiveIntegerField(default=0, db_column="ActiveSeconds")
    first_seen_at = models.DateTimeField(db_column="FirstSeenAt")
    last_seen_at = models.DateTimeField(db_column="LastSeenAt")

    class Meta:
        db_table = "UserDailyActivity"
        verbose_name_plural = "user daily activity"
        ordering = ["-activity_date", "user_id", "platform"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "activity_date", "platform"], name="UX_UserDailyActivity_Key"
            ),
            models.CheckConstraint(
                condition=Q(platform__in=ClientPlatform.values),
                name="CK_UserDailyActivity_Platform",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.activity_date} {self.platform}"


# --- 035 Business Intelligence -----------------------------------------------------------
class MetricCount(models.Model):
    """One pre-aggregated value (Zulip's `BaseCount`): a property in one time bucket.

    `Property` is an open vocabulary validated in code against a registry (SCHEMA.md A7);
    `Subgroup` is a dimension value, and the scope says whose count it is.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    property = models.CharField(max_length=60, db_column="Property")
    subgroup = models.CharField(max_length=60, blank=True, default="", db_column="Subgroup")
    frequency = models.CharField(
        max_length=4,
        choices=MetricFrequency.choices,
        default=MetricFrequency.DAY,
        db_column="Frequency",
    )
    end_time = models.DateTimeField(db_column="EndTime", help_text="Bucket end (UTC).")
    scope_type = models.CharField(
        max_length=10,
        choices=MetricScopeType.choices,
        default=MetricScopeType.PLATFORM,
        db_column="ScopeType",
    )
    scope_id = models.CharField(
        max_length=64, blank=True, default="", db_column="ScopeId", help_text="Provider id etc."
    )
    value = models.DecimalField(max_digits=18, decimal_places=4, db_column="Value")

    class Meta:
        db_table = "MetricCounts"
        ordering = ["property", "-end_time", "id"]
        indexes = [
            models.Index(fields=["property", "end_time"], name="IX_MetricCounts_Prop_End"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["property", "subgroup", "frequency", "end_time", "scope_type", "scope_id"],
                name="UX_MetricCounts_Key",
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=MetricFrequency.values),
                name="CK_MetricCounts_Frequency",
            ),
            models.CheckConstraint(
                condition=Q(scope_type__in=MetricScopeType.values),
                name="CK_MetricCounts_ScopeType",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.property}[{self.subgroup}] {self.frequency} {self.end_time}: {self.value}"


class MetricFillState(models.Model):
    """How far the counts of one property and frequency are filled (Zulip's `FillState`).

    Keyed by (Property, Frequency) (SCHEMA.md A16), with a surrogate `Id` so the admin can
    show it (D3). `Started` means the bucket at `EndTime` is being written; a restart
    deletes that bucket's rows and writes it again.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    property = models.CharField(max_length=60, db_column="Property")
    frequency = models.CharField(
        max_length=4,
        choices=MetricFrequency.choices,
        default=MetricFrequency.DAY,
        db_column="Frequency",
    )
    end_time = models.DateTimeField(db_column="EndTime", help_text="Last bucket filled.")
    state = models.CharField(max_length=8, choices=MetricFillStatus.choices, db_column="State")
    updated_at = updated_at_field()

    class Meta:
        db_table = "MetricFillStates"
        ordering = ["property", "frequency"]
        constraints = [
            models.UniqueConstraint(
                fields=["property", "frequency"], name="UX_MetricFillStates_Prop_Freq"
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=MetricFrequency.values),
                name="CK_MetricFillStates_Frequency",
            ),
            models.CheckConstraint(
                condition=Q(state__in=MetricFillStatus.values), name="CK_MetricFillStates_State"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.property} {self.frequency}: {self.state} at {self.end_time}"


# --- 036 Performance Metrics -------------------------------------------------------------
class ProviderPerformanceSnapshot(models.Model):
    """A provider's KPIs over one period (SCHEMA.md 2.36 with the columns of A17).

    Acceptance = accepted / received, cancellation = cancellations / accepted, on-time =
    on-time / (on-time + late) arrivals; they are computed from these counts when read,
    so no rate is stored. System latency belongs to plan item 042, not here.
    """

    id = models.BigAutoField(primary_key=True, db_column="Id")
    provider = models.ForeignKey(
        "accounts.ServiceProvider",
        on_delete=models.CASCADE,
        related_name="+",
        # Leads UX_ProviderPerf_Prov_Period.
        db_index=False,
        db_column="ProviderId",
    )
    period_start = models.DateField(db_column="PeriodStart")
    period_end = models.DateField(db_column="PeriodEnd")
    requests_received = models.PositiveIntegerField(default=0, db_column="RequestsReceived")
    requests_accepted = models.PositiveIntegerField(default=0, db_column="RequestsAccepted")
    requests_declined = models.PositiveIntegerField(default=0, db_column="RequestsDeclined")
    requests_expired = models.PositiveIntegerField(default=0, db_column="RequestsExpired")
    cancellations = models.PositiveIntegerField(default=0, db_column="Cancellations")
    on_time_arrivals = models.PositiveIntegerField(default=0, db_column="OnTimeArrivals")
    late_arrivals = models.PositiveIntegerField(default=0, db_column="LateArrivals")
    median_response_seconds = models.PositiveIntegerField(
        null=True,
        blank=True,
        db_column="MedianResponseSeconds",
        help_text="Request to confirm/decline, and first message reply; empty without data.",
    )
    computed_at = created_at_field(db_column="ComputedAt")

    class Meta:
        db_table = "ProviderPerformanceSnapshots"
        ordering = ["provider_id", "-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "period_start", "period_end"],
                name="UX_ProviderPerf_Prov_Period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="CK_ProvPerf_Period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider_id} {self.period_start}–{self.period_end}"


# --- 041 Reporting & Dashboard Data ------------------------------------------------------
# Dotted lower-case segments, e.g. `admin.kyc_queue` (SCHEMA.md A22).
REPORT_KEY_PATTERN = r"^[a-z0-9_]+(\.[a-z0-9_]+)*$"
report_key_validator = RegexValidator(
    REPORT_KEY_PATTERN,
    "Use lower-case letters, digits and underscores, in segments joined by dots.",
    code="invalid_report_key",
)


class ReportDefinition(models.Model):
    """A report staff offer to an audience: a kind of the code catalogue plus defaults.

    `Key` names the catalogue kind it runs (`doggy.insights.reports`): the kind whose key
    equals `Key` or is a dotted prefix of it (`admin.users_signups.providers` runs
    `admin.users_signups`). `Parameters` holds the default parameter values, validated
    against the kind's JSON schema; a run's parameters are laid over them. There is no
    SQL here: what a report reads is fixed in code.
    """

    id = models.AutoField(primary_key=True, db_column="Id")
    key = models.CharField(max_length=100, validators=[report_key_validator], db_column="Key")
    name = models.CharField(max_length=200, db_column="Name")
    description = models.TextField(blank=True, default="", db_column="Description")
    audience = models.CharField(max_length=15, choices=ReportAudience.choices, db_column="Audience")
    required_permission = models.ForeignKey(
        "accounts.Permission",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_column="RequiredPermissionId",
        help_text="The RBAC permission a caller needs besides the audience (A22).",
    )
    parameters = models.JSONField(
        default=dict, blank=True, db_column="Parameters", help_text="Default parameter values."
    )
    is_active = models.BooleanField(default=True, db_default=True, db_column="IsActive")

    class Meta:
        db_table = "ReportDefinitions"
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="UX_ReportDefinitions_Key"),
            models.CheckConstraint(
                condition=Q(audience__in=ReportAudience.values),
                name="CK_ReportDefinitions_Audience",
            ),
        ]

    def __str__(self) -> str:
        return self.key


class ReportRunQuerySet(models.QuerySet):
    def visible_to(self, user) -> ReportRunQuerySet:
        """The runs `user` requested; nothing for anonymous callers. Staff read other
        people's runs in the admin, not through this scope."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(requested_by=user)


class ReportRun(models.Model):
    """One asynchronous run of a report definition (Queued -> Running -> Succeeded or
    Failed; Expired once its file is gone). `RowCount` grows while Running (progress)."""

    id = uuid_primary_key()
    report_definition = models.ForeignKey(
        ReportDefinition,
        on_delete=models.PROTECT,
        related_name="runs",
        db_column="ReportDefinitionId",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        # Leads IX_ReportRuns_User_Created.
        db_index=False,
        db_column="RequestedById",
    )
    parameters = models.JSONField(default=dict, blank=True, db_column="Parameters")
    format = models.CharField(
        max_length=5,
        choices=ReportFormat.choices,
        default=ReportFormat.CSV,
        db_default=ReportFormat.CSV,
        db_column="Format",
    )
    status = models.CharField(
        max_length=10,
        choices=ReportRunStatus.choices,
        default=ReportRunStatus.QUEUED,
        db_default=ReportRunStatus.QUEUED,
        db_column="Status",
    )
    row_count = models.PositiveIntegerField(null=True, blank=True, db_column="RowCount")
    result_file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ResultFileId",
        help_text="A StoredFile of purpose ReportExport, with ExpiresAt set.",
    )
    error = models.TextField(blank=True, default="", db_column="Error")
    created_at = created_at_field()
    started_at = models.DateTimeField(null=True, blank=True, db_column="StartedAt")
    finished_at = models.DateTimeField(null=True, blank=True, db_column="FinishedAt")

    objects = ReportRunQuerySet.as_manager()

    class Meta:
        db_table = "ReportRuns"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"], name="IX_ReportRuns_User_Created"),
            models.Index(
                fields=["status"],
                condition=Q(status__in=list(REPORT_RUN_ACTIVE_STATUSES)),
                name="IX_ReportRuns_Status",
            ),
            models.Index(fields=["-created_at"], name="IX_ReportRuns_Created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(format__in=ReportFormat.values), name="CK_ReportRuns_Format"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportRunStatus.values), name="CK_ReportRuns_Status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_definition_id} {self.status} {self.created_at:%Y-%m-%d %H:%M}"


class DashboardSnapshot(models.Model):
    """The precomputed widgets of one dashboard for one day (`Payload`), written by
    `doggy.insights.snapshots` with an upsert on (Scope, ScopeId, SnapshotDate)."""

    id = models.BigAutoField(primary_key=True, db_column="Id")
    scope = models.CharField(max_length=15, choices=DashboardScope.choices, db_column="Scope")
    scope_id = models.CharField(
        max_length=64,
        blank=True,
        default="",
        db_column="ScopeId",
        help_text="Provider or user id; empty for the platform.",
    )
    snapshot_date = models.DateField(db_column="SnapshotDate")
    payload = models.JSONField(db_column="Payload")
    generated_at = created_at_field(db_column="GeneratedAt")

    class Meta:
        db_table = "DashboardSnapshots"
        ordering = ["scope", "scope_id", "-snapshot_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "scope_id", "snapshot_date"], name="UX_DashSnapshots_Key"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=DashboardScope.values), name="CK_DashSnapshots_Scope"
            ),
        ]

    def __str__(self) -> str:
        scope = f"{self.scope}:{self.scope_id}" if self.scope_id else self.scope
        return f"{scope} {self.snapshot_date}"
