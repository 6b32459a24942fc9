"""The customer's migration plan as code: items 001–042 in six phases, mapped to migrations.

The plan (docs/migration-plan.md) deploys 42 numbered migrations phase by phase, with a
backup before and a validation after each phase. Here each plan item names the Django
migrations that realize it (SCHEMA.md §1), the tables it creates or changes and the seed
rows it inserts, so that `manage.py plan` can list the plan with its applied state,
migrate to the end of an item or phase, verify, and roll a phase back.

An item is *built* once its migrations exist on disk; nothing here has to change when a
migration lands. Items whose migrations do not exist yet are reported as "not built" and
are skipped by `plan migrate`. A migration on disk that no item claims is an error of
`plan verify`: the map must grow with the code.

The baseline (the tables the ASP.NET application already has) is item 0 of phase 1: it
precedes item 001, and `migrate --fake-initial` adopts it on an existing database.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db.migrations.graph import MigrationGraph
from django.utils import timezone

from doggy.core.migration_ops import is_online_migration

# The project's own apps; every other app (auth, admin, guardian, …) is "external":
# brought along by dependency, never rolled back on its own.
PROJECT_APPS = ("doggy", "accounts", "pets", "messaging", "scheduling", "ai", "billing", "audit")

PHASES: dict[int, str] = {
    1: "Foundation & Security",
    2: "Core Business Entities",
    3: "Communication & Interaction",
    4: "Scheduling & Appointments",
    5: "AI & Analytics",
    6: "Advanced Features",
}

Node = tuple[str, str]


@dataclass(frozen=True)
class SeedRows:
    """Rows a data migration inserts, found by a natural-key column of one table."""

    table: str
    column: str
    values: tuple[str, ...]

    def describe(self) -> str:
        return f"{len(self.values)} {self.table} rows by {self.column}"


@dataclass(frozen=True)
class SeedLinks:
    """Rows of a link table, each found by the natural keys of the two rows it joins."""

    table: str
    left: tuple[str, str, str, str]  # (link column, table, key column, natural-key column)
    right: tuple[str, str, str, str]
    pairs: tuple[tuple[str, str], ...]

    def describe(self) -> str:
        return f"{len(self.pairs)} {self.table} rows"


SeedCheck = SeedRows | SeedLinks


@dataclass(frozen=True)
class PlanItem:
    """One numbered item of the customer's plan (0 is the pre-existing baseline)."""

    number: int
    title: str
    phase: int
    migrations: tuple[Node, ...]
    tables: tuple[str, ...]
    seeds: tuple[SeedCheck, ...] = field(default=())

    @property
    def code(self) -> str:
        """`001` … `042`; the baseline is `000`."""
        return f"{self.number:03d}"

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"


# --- Seed rows (verbatim from the plan's INSERTs) ----------------------------------------
_SYSTEM_SETTINGS = SeedRows(
    "SystemSettings",
    "SettingKey",
    (
        "Platform.MaintenanceMode",
        "Platform.AllowRegistration",
        "Platform.RequireEmailVerification",
        "Platform.SessionTimeoutMinutes",
        "KYC.AutoApprovalEnabled",
        "AI.DailyRequestLimit",
        "Messaging.MaxFileSize",
        "Calendar.BookingAdvanceDays",
    ),
)
_ROLES = SeedRows("Roles", "Name", ("User", "PetOwner", "ServiceProvider", "Admin"))
_PERMISSIONS = SeedRows(
    "Permissions",
    "Name",
    (
        "users.view",
        "users.manage",
        "services.book",
        "services.provide",
        "messaging.access",
        "kyc.review",
        "ai.access",
        "calendar.manage",
        "system.admin",
    ),
)
_ROLE_PERMISSIONS = SeedLinks(
    "RolePermissions",
    ("RoleId", "Roles", "Id", "Name"),
    ("PermissionId", "Permissions", "Id", "Name"),
    (
        ("User", "users.view"),
        ("PetOwner", "users.view"),
        ("PetOwner", "services.book"),
        ("PetOwner", "messaging.access"),
        ("PetOwner", "ai.access"),
        ("ServiceProvider", "users.view"),
        ("ServiceProvider", "services.provide"),
        ("ServiceProvider", "messaging.access"),
        ("ServiceProvider", "calendar.manage"),
        ("ServiceProvider", "ai.access"),
        ("Admin", "users.view"),
        ("Admin", "users.manage"),
        ("Admin", "kyc.review"),
        ("Admin", "system.admin"),
    ),
)
# SCHEMA.md D6: the inactive user that data migrations act as.
_SYSTEM_USER = SeedRows("Users", "Id", ("00000000-0000-0000-0000-000000000000",))
# SCHEMA.md 2.11 and 2.14 (proposed seeds of phase 2).
_SERVICE_CATEGORIES = SeedRows(
    "ServiceCategories",
    "Slug",
    (
        "dog-walking",
        "pet-sitting",
        "boarding",
        "daycare",
        "grooming",
        "training",
        "vet-consult",
        "pet-taxi",
    ),
)
_FREE_PLAN = SeedRows("SubscriptionPlans", "Code", ("owner_free",))
# SCHEMA.md A19 and 2.40 (proposed seeds of phase 6).
_CREDENTIAL_TYPES = SeedRows(
    "ProviderCredentialTypes",
    "Code",
    (
        "BusinessLicense",
        "LiabilityInsurance",
        "Bonding",
        "PetFirstAidCpr",
        "TrainerCertification",
        "GroomerCertification",
        "VeterinaryLicense",
        "Other",
    ),
)
_EXPENSE_CATEGORIES = SeedRows(
    "ExpenseCategories",
    "Slug",
    (
        "food-treats",
        "veterinary",
        "medication",
        "grooming",
        "boarding-daycare",
        "walking-sitting",
        "training",
        "insurance",
        "supplies-toys",
        "licensing-registration",
        "other",
    ),
)


def _item(number, title, phase, migrations, tables, seeds=()) -> PlanItem:
    return PlanItem(
        number=number,
        title=title,
        phase=phase,
        migrations=tuple(tuple(m.split("/", 1)) for m in migrations),
        tables=tuple(tables),
        seeds=tuple(seeds),
    )


# Titles are the plan's (docs/migration-plan.md); migrations and tables are SCHEMA.md §1/§2.
ITEMS: tuple[PlanItem, ...] = (
    _item(
        0,
        "Baseline: existing ASP.NET tables",
        1,
        [
            "accounts/0001_baseline_identity",
            "accounts/0002_django_auth_columns",
            "messaging/0001_baseline_messaging",
        ],
        [
            "Users",
            "Roles",
            "UserRoles",
            "ServiceProviders",
            "Users_groups",
            "Users_user_permissions",
            "Conversations",
            "ConversationParticipants",
            "Messages",
        ],
    ),
    # --- Phase 1: Foundation & Security ---------------------------------------------------
    _item(1, "Enhanced User Management", 1, ["accounts/0003_enhanced_user_management"], ["Users"]),
    _item(
        2,
        "RBAC System (Permissions)",
        1,
        ["accounts/0004_rbac_permissions", "accounts/0005_seed_rbac"],
        ["Permissions", "RolePermissions", "Roles", "UserRoles"],
        [_SYSTEM_USER, _ROLES, _PERMISSIONS, _ROLE_PERMISSIONS],
    ),
    _item(
        3,
        "User Sessions & Security",
        1,
        ["accounts/0006_user_sessions_security"],
        ["UserSessions", "LoginAttempts"],
    ),
    _item(
        4,
        "System Configuration",
        1,
        ["doggy/0001_system_settings", "doggy/0002_seed_system_settings"],
        ["SystemSettings"],
        [_SYSTEM_SETTINGS],
    ),
    _item(5, "Audit Logging", 1, ["audit/0001_audit_logs"], ["AuditLogs"]),
    _item(
        6,
        "KYC Verification Foundation",
        1,
        ["accounts/0007_kyc_foundation"],
        ["KycVerifications", "KycReviewEvents"],
    ),
    _item(
        7,
        "File Storage Management",
        1,
        [
            "doggy/0003_stored_files",
            "accounts/0008_kyc_documents",
            # Rules for the seeded settings of item 004; it follows doggy/0003 in the
            # app's history, so it belongs here (an item may not need a later one).
            "doggy/0004_setting_validation_rules",
        ],
        ["StoredFiles", "KycDocuments"],
    ),
    _item(8, "User Settings & Preferences", 1, ["accounts/0009_user_settings"], ["UserSettings"]),
    # --- Phase 2: Core Business Entities --------------------------------------------------
    _item(
        9,
        "Pet Profiles (DogProfiles)",
        2,
        ["pets/0001_dog_profiles", "pets/0002_dog_profiles_fulltext"],
        ["DogProfiles", "DogAccessGrants"],
    ),
    _item(
        10,
        "Pet Medical Records",
        2,
        ["pets/0003_medical_records"],
        [
            "Vaccinations",
            "Medications",
            "DogConditions",
            "DogAllergies",
            "VetVisits",
            "MedicalDocuments",
            "WeightRecords",
        ],
    ),
    _item(
        11,
        "Service Catalog",
        2,
        ["scheduling/0001_service_catalog", "scheduling/0002_seed_service_categories"],
        ["ServiceCategories", "ServiceOfferings"],
        [_SERVICE_CATEGORIES],
    ),
    _item(
        12,
        "Service Provider Enhancements",
        2,
        [
            "accounts/0010_service_provider_enhancements",
            "accounts/0010_online_service_provider_enhancements",
        ],
        ["ServiceProviders"],
    ),
    _item(13, "Reviews & Ratings", 2, ["scheduling/0003_reviews"], ["ProviderReviews"]),
    _item(
        14,
        "Subscription Plans",
        2,
        ["billing/0001_subscription_plans", "billing/0002_seed_free_plan"],
        ["SubscriptionPlans", "PlanEntitlements"],
        [_FREE_PLAN],
    ),
    _item(15, "User Subscriptions", 2, ["billing/0003_user_subscriptions"], ["UserSubscriptions"]),
    _item(
        16,
        "Location & Address Management",
        2,
        ["accounts/0011_addresses", "accounts/0011_online_addresses"],
        ["Addresses", "ServiceProviders"],
    ),
    # --- Phase 3: Communication & Interaction ---------------------------------------------
    _item(
        17,
        "Enhanced Messaging System",
        3,
        # Columns, then the backfill of adopted rows, then the direct-key constraints
        # (SCHEMA.md 2.16a A1).
        [
            "messaging/0002_enhanced_messaging",
            "messaging/0002_online_enhanced_messaging_indexes",
            "messaging/0002_enhanced_messaging_backfill",
            "messaging/0002_enhanced_messaging_direct_keys",
            "messaging/0002_online_enhanced_messaging_direct_keys",
        ],
        ["Conversations", "ConversationParticipants", "Messages"],
    ),
    _item(
        18,
        "Message Attachments & Media",
        3,
        ["messaging/0003_message_attachments"],
        ["MessageAttachments"],
    ),
    _item(
        19,
        "Message Reactions & Read Receipts",
        3,
        ["messaging/0004_reactions_read_receipts"],
        ["MessageReactions", "MessageReadReceipts"],
    ),
    _item(
        20,
        "Video Call Sessions",
        3,
        ["messaging/0005_video_calls"],
        ["VideoCallSessions", "VideoCallParticipants"],
    ),
    _item(
        21,
        "Notifications System",
        3,
        ["messaging/0006_notifications"],
        ["Notifications", "NotificationDeliveries"],
    ),
    _item(
        22,
        "Push Notification Settings",
        3,
        ["messaging/0007_push_settings"],
        ["PushDevices", "NotificationPreferences", "NotificationDeliveries"],
    ),
    _item(
        23,
        "User Presence & Activity",
        3,
        ["messaging/0008_presence"],
        ["UserPresences", "UserActivityIntervals"],
    ),
    _item(
        24,
        "Conversation Management Enhancements",
        3,
        # The legacy Messages.IsRead is dropped in a step of its own (A2).
        [
            "messaging/0009_conversation_management",
            "messaging/0009_online_conversation_management",
            "messaging/0009_conversation_management_drop_is_read",
        ],
        ["ConversationParticipants", "MessageEdits", "UserBlocks", "Messages"],
    ),
    # --- Phase 4: Scheduling & Appointments -----------------------------------------------
    _item(
        25,
        "Availability Management",
        4,
        ["scheduling/0004_availability", "scheduling/0004_online_availability"],
        ["AvailabilitySchedules", "AvailabilityRules", "AvailabilityOverrides", "ServiceOfferings"],
    ),
    # messaging/0010 links conversations and calls to appointments; it depends on
    # scheduling/0005, so it belongs to the item that creates Appointments (SCHEMA.md D10).
    _item(
        26,
        "Appointment System",
        4,
        [
            "scheduling/0005_appointments",
            "scheduling/0005_online_appointments",
            "messaging/0010_appointment_links",
            "messaging/0010_online_appointment_links",
        ],
        [
            "Appointments",
            "AppointmentPets",
            "ProviderReviews",
            "Conversations",
            "VideoCallSessions",
        ],
    ),
    _item(
        27,
        "Calendar Integration",
        4,
        ["scheduling/0006_calendar_integration"],
        [
            "CalendarConnections",
            "ExternalCalendars",
            "CalendarEventLinks",
            "ExternalBusyBlocks",
            "CalendarFeedTokens",
        ],
    ),
    _item(
        28,
        "Booking Rules & Constraints",
        4,
        ["scheduling/0007_booking_rules"],
        ["BookingRules", "SlotHolds"],
    ),
    _item(
        29,
        "Appointment History & Status",
        4,
        ["scheduling/0008_appointment_history"],
        ["AppointmentStatusHistory", "AppointmentReschedules"],
    ),
    _item(
        30,
        "Service Delivery Tracking",
        4,
        ["scheduling/0009_service_delivery"],
        ["ServiceVisits", "ServiceVisitEvents", "ServiceVisitLocations", "ServiceVisitMedia"],
    ),
    # --- Phase 5: AI & Analytics ------------------------------------------------------------
    _item(
        31,
        "AI Health Recommendations",
        5,
        ["ai/0001_health_recommendations"],
        ["AiHealthRecommendations", "AiRecommendationFeedback"],
    ),
    _item(
        32,
        "AI Content Moderation",
        5,
        ["ai/0002_content_moderation"],
        ["ModerationChecks", "ContentReports"],
    ),
    _item(
        33,
        "AI Usage Tracking",
        5,
        ["ai/0003_usage_tracking", "ai/0004_usage_jobs"],
        [
            "AiUsageRecords",
            "AiDailyUsage",
            "AiModelPrices",
            "AiHealthRecommendations",
            "ModerationChecks",
        ],
    ),
    _item(
        34,
        "User Analytics & Behavior",
        5,
        ["audit/0002_user_analytics"],
        ["AnalyticsEvents", "UserDailyActivity"],
    ),
    _item(
        35,
        "Business Intelligence",
        5,
        ["audit/0003_business_intelligence"],
        ["MetricCounts", "MetricFillStates"],
    ),
    _item(
        36,
        "Performance Metrics",
        5,
        ["audit/0004_performance_metrics"],
        ["ProviderPerformanceSnapshots"],
    ),
    # --- Phase 6: Advanced Features ---------------------------------------------------------
    _item(
        37,
        "Emergency Contacts",
        6,
        ["pets/0004_emergency_contacts", "pets/0005_copy_dog_contacts"],
        ["EmergencyContacts", "DogEmergencyContacts", "DogVeterinarians"],
    ),
    # A19 adds ProviderCredentialTypes and its seed rows (which credentials are required);
    # 0014 the column that makes the 30-day expiry notice once per credential.
    _item(
        38,
        "Service Provider Verification",
        6,
        [
            "accounts/0012_provider_verification",
            "accounts/0013_seed_credential_types",
            "accounts/0014_credential_expiry_notice",
        ],
        ["ProviderCredentials", "BackgroundChecks", "ProviderCredentialTypes"],
        [_CREDENTIAL_TYPES],
    ),
    _item(
        39,
        "Payment Tracking (Reference Only)",
        6,
        ["billing/0004_payment_tracking", "billing/0004_online_payment_tracking"],
        ["BillingCustomers", "PaymentRecords", "PaymentRefunds", "PaymentWebhookEvents"],
    ),
    _item(
        40,
        "Expense Management",
        6,
        # 0007 and 0008 finish item 039 (the appointment links of SCHEMA.md 2.39/2.40 and
        # the BillingCustomers backfill of A20) but follow 0006 in billing's chain, so they
        # belong to the last item they need.
        [
            "billing/0005_expenses",
            "billing/0006_seed_expense_categories",
            "billing/0007_payment_appointment_links",
            "billing/0008_billing_customers_backfill",
        ],
        ["ExpenseCategories", "PetExpenses", "ExpenseBudgets"],
        [_EXPENSE_CATEGORIES],
    ),
    _item(
        41,
        "Reporting & Dashboard Data",
        6,
        ["audit/0005_reporting"],
        ["ReportDefinitions", "ReportRuns", "DashboardSnapshots"],
    ),
    # SCHEMA.md §1 says doggy/0004; that number went to 0004_setting_validation_rules
    # (item 007), so item 042 is doggy/0005.
    _item(
        42,
        "System Health Monitoring",
        6,
        ["doggy/0005_system_health"],
        ["HealthCheckResults", "SystemIncidents", "BackgroundJobRuns", "ApiMetricBuckets"],
    ),
)

ITEMS_BY_NUMBER: dict[int, PlanItem] = {item.number: item for item in ITEMS}
LAST_ITEM = max(ITEMS_BY_NUMBER)


class PlanError(ValueError):
    """A request the plan cannot satisfy (unknown item or phase, inconsistent map)."""


def plan_item_get(number: int) -> PlanItem:
    """The item `number` (0–42)."""
    try:
        return ITEMS_BY_NUMBER[number]
    except KeyError:
        raise PlanError(f"The plan has no item {number:03d}; items run 001–042.") from None


def plan_items_of_phase(phase: int) -> list[PlanItem]:
    """The items of `phase` in plan order (phase 1 starts with the baseline)."""
    if phase not in PHASES:
        raise PlanError(f"The plan has no phase {phase}; phases run 1–{max(PHASES)}.")
    return [item for item in ITEMS if item.phase == phase]


def plan_phase_last_item(phase: int) -> int:
    """The number of the last item of `phase` (8 for phase 1)."""
    return plan_items_of_phase(phase)[-1].number


def plan_item_of_migration(node: Node) -> PlanItem | None:
    """The item that claims migration `node`, or None."""
    return _ITEM_BY_NODE.get(node)


_ITEM_BY_NODE: dict[Node, PlanItem] = {node: item for item in ITEMS for node in item.migrations}


class PlanMap:
    """The plan resolved against the migrations on disk (a MigrationLoader's graph).

    `built(node)` says whether a migration exists; `targets_*` compute the per-app
    migration targets for "the end of item N" and "the end of phase N", in the shape
    `MigrationExecutor.migration_plan()` takes.
    """

    def __init__(self, graph: MigrationGraph):
        self.graph = graph
        self.nodes: set[Node] = set(graph.nodes)

    # --- What exists ----------------------------------------------------------------
    def built(self, node: Node) -> bool:
        return node in self.nodes

    def built_migrations(self, item: PlanItem) -> list[Node]:
        return [node for node in item.migrations if node in self.nodes]

    def item_state(self, item: PlanItem) -> str:
        """`built`, `partly built` (some migrations missing) or `not built`."""
        built = self.built_migrations(item)
        if not built:
            return "not built"
        return "built" if len(built) == len(item.migrations) else "partly built"

    def unmapped_migrations(self) -> list[Node]:
        """Migrations of the project's apps that no plan item claims (the map is stale)."""
        return sorted(
            node for node in self.nodes if node[0] in PROJECT_APPS and node not in _ITEM_BY_NODE
        )

    # --- Targets ----------------------------------------------------------------------
    def nodes_up_to(self, number: int) -> list[Node]:
        """Built migrations of items 0…`number`, in plan order."""
        return [
            node for item in ITEMS if item.number <= number for node in self.built_migrations(item)
        ]

    def targets_to_item(self, number: int) -> list[Node]:
        """Per-app targets that bring an empty database to the end of item `number`.

        One target per project app: its last built migration among items ≤ `number`.
        External apps (auth, admin, guardian, …) are included at their leaves whenever
        their whole history fits before that point, so a full rollback followed by a
        re-apply restores them too.
        """
        plan_item_get(number)
        wanted = set(self.nodes_up_to(number))
        targets = self._last_per_app(wanted)
        allowed = wanted | self._external_nodes()
        for leaf in sorted(self.graph.leaf_nodes()):
            if leaf[0] in PROJECT_APPS:
                continue
            if set(self.graph.forwards_plan(leaf)) <= allowed:
                targets.append(leaf)
        return targets

    def targets_to_phase(self, phase: int) -> list[Node]:
        """Per-app targets for the end of `phase`."""
        return self.targets_to_item(plan_phase_last_item(phase))

    def rollback_targets(self, phase: int, applied: Iterable[Node]) -> list[tuple[str, str | None]]:
        """Per-app targets that reverse `phase` and every later one.

        Each project app that has an applied migration of an item in `phase` or later
        goes back to its last migration before `phase` (None: no migration left). Rows
        of the earlier phases stay; Django also reverses anything that depends on what
        is rolled back.
        """
        first = plan_items_of_phase(phase)[0].number
        keep = set(self.nodes_up_to(first - 1)) if first > 0 else set()
        applied = set(applied)
        later = {
            node
            for item in ITEMS
            if item.number >= first
            for node in self.built_migrations(item)
            if node in applied
        }
        targets: list[tuple[str, str | None]] = []
        for app in sorted({node[0] for node in later}):
            kept = [node for node in self._app_order(app) if node in keep]
            targets.append(kept[-1] if kept else (app, None))
        return targets

    def forwards_plan(self, targets: Iterable[Node]) -> list[Node]:
        """Every migration an empty database applies to reach `targets`, in order."""
        seen: dict[Node, None] = {}
        for target in targets:
            for node in self.graph.forwards_plan(target):
                seen.setdefault(node, None)
        return list(seen)

    def check(self) -> list[str]:
        """Inconsistencies between the map and the migration graph, as sentences.

        For every item, reaching its end from an empty database must not need a
        migration of a later item: otherwise "migrate to the end of item N" would
        silently run part of the future.
        """
        problems = []
        for node in self.unmapped_migrations():
            problems.append(f"{node[0]}.{node[1]} is not claimed by any plan item.")
        for item in ITEMS:
            if not self.built_migrations(item):
                continue
            allowed = set(self.nodes_up_to(item.number)) | self._external_nodes()
            for node in self.forwards_plan(self.targets_to_item(item.number)):
                if node not in allowed:
                    owner = plan_item_of_migration(node)
                    where = f"item {owner.code}" if owner else "no plan item"
                    problems.append(
                        f"Item {item.code} needs {node[0]}.{node[1]} ({where}) to be applied."
                    )
        return problems

    # --- Internals -----------------------------------------------------------------------
    def _external_nodes(self) -> set[Node]:
        return {node for node in self.nodes if node[0] not in PROJECT_APPS}

    def _app_order(self, app: str) -> list[Node]:
        """The app's migrations in dependency order."""
        leaves = [leaf for leaf in self.graph.leaf_nodes() if leaf[0] == app]
        order = self.forwards_plan(leaves)
        return [node for node in order if node[0] == app]

    def _last_per_app(self, nodes: set[Node]) -> list[Node]:
        targets = []
        for app in PROJECT_APPS:
            chosen = [node for node in self._app_order(app) if node in nodes]
            if chosen:
                targets.append(chosen[-1])
        return targets


# =========================================================================================
# The database side: row counts, checksums, snapshots and verification
# =========================================================================================
# Django's own bookkeeping: its row count changes with every migration by design.
# The plan history (doggy.dbtools.estimates) grows with every `plan migrate` too.
UNTRACKED_TABLES = frozenset({"django_migrations", "doggy_plan_history"})


def database_label(connection) -> str:
    """A file-name-safe name for the database (backups and snapshots are kept per label)."""
    name = str(connection.settings_dict.get("NAME") or "default")
    if connection.vendor == "sqlite":
        name = "memory" if connection.is_in_memory_db() else Path(name).stem
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("._") or "default"
    return f"{connection.vendor}-{safe}"


def backup_root(override: str | os.PathLike | None = None) -> Path:
    """Where backups and snapshots go: `--backup-dir`, DOGGY_BACKUP_DIR, or BASE_DIR/backups."""
    if override:
        return Path(override)
    configured = getattr(settings, "DOGGY_BACKUP_DIR", None) or os.environ.get("DOGGY_BACKUP_DIR")
    if configured:
        return Path(configured)
    return Path(settings.BASE_DIR) / "backups"


def db_tables(connection) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def table_row_counts(connection, tables: Iterable[str] | None = None) -> dict[str, int]:
    """`SELECT COUNT(*)` of each table that exists (all tables when `tables` is None)."""
    existing = db_tables(connection) - UNTRACKED_TABLES
    names = sorted(existing if tables is None else set(tables) & existing)
    counts = {}
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {qn(name)}")  # noqa: S608 - quoted catalog name
            counts[name] = cursor.fetchone()[0]
    return counts


def table_columns(connection, tables: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Column names of each existing table, in table order."""
    existing = db_tables(connection) - UNTRACKED_TABLES
    names = sorted(existing if tables is None else set(tables) & existing)
    with connection.cursor() as cursor:
        return {
            name: [col.name for col in connection.introspection.get_table_description(cursor, name)]
            for name in names
        }


def value_fingerprint(value) -> str:
    """A value as text that compares equal across reads (bytes, dates, decimals, UUIDs)."""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return "b:" + value.hex()
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return "t:" + value.isoformat()
    if isinstance(value, Decimal):
        return "d:" + format(value.normalize(), "f")
    if isinstance(value, uuid.UUID):
        return "u:" + value.hex
    if isinstance(value, bool):
        return "i:" + str(int(value))
    if isinstance(value, float) and value.is_integer():
        return "i:" + str(int(value))
    return f"{type(value).__name__[:1]}:{value}"


def table_checksums(connection, columns: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """SHA-256 of each table's rows over the given columns, independent of row order.

    Rows are read in full and sorted in Python, so the result does not depend on the
    engine's collation or on the order a table rebuild leaves rows in.
    """
    qn = connection.ops.quote_name
    result = {}
    with connection.cursor() as cursor:
        for table, names in sorted(columns.items()):
            cols = ", ".join(qn(name) for name in names)
            cursor.execute(f"SELECT {cols} FROM {qn(table)}")  # noqa: S608 - quoted names
            rows = sorted(
                "\x1f".join(value_fingerprint(v) for v in row) for row in cursor.fetchall()
            )
            digest = hashlib.sha256()
            for row in rows:
                digest.update(row.encode("utf-8", "surrogatepass") + b"\x1e")
            result[table] = digest.hexdigest()
    return result


@dataclass(frozen=True)
class Snapshot:
    """Row counts of every table at one moment, with the migrations applied then."""

    taken_at: str
    reason: str
    database: str
    applied: tuple[str, ...]
    row_counts: dict[str, int]

    def to_json(self) -> str:
        return json.dumps(
            {
                "taken_at": self.taken_at,
                "reason": self.reason,
                "database": self.database,
                "applied": list(self.applied),
                "row_counts": self.row_counts,
            },
            indent=2,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        data = json.loads(text)
        return cls(
            taken_at=data["taken_at"],
            reason=data["reason"],
            database=data["database"],
            applied=tuple(data["applied"]),
            row_counts={k: int(v) for k, v in data["row_counts"].items()},
        )


def snapshot_take(connection, reason: str) -> Snapshot:
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    applied = (
        sorted(f"{a}.{n}" for a, n in recorder.applied_migrations())
        if (recorder.has_table())
        else []
    )
    return Snapshot(
        taken_at=timezone.now().strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        reason=reason,
        database=database_label(connection),
        applied=tuple(applied),
        row_counts=table_row_counts(connection),
    )


def snapshot_dir(connection, root: Path) -> Path:
    return root / database_label(connection) / "snapshots"


def snapshot_save(connection, snapshot: Snapshot, root: Path) -> Path:
    directory = snapshot_dir(connection, root)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = re.sub(r"[^0-9T]", "", snapshot.taken_at)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", snapshot.reason).strip("-")
    path = directory / f"{stamp}-{slug}.json"
    path.write_text(snapshot.to_json() + "\n", encoding="utf-8")
    return path


def snapshot_latest(connection, root: Path) -> Snapshot | None:
    """The most recent snapshot of this database, or None."""
    directory = snapshot_dir(connection, root)
    files = sorted(directory.glob("*.json")) if directory.exists() else []
    return Snapshot.from_json(files[-1].read_text(encoding="utf-8")) if files else None


@dataclass
class Check:
    """One verification: its name, whether it passed, and what it found."""

    name: str
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.ok = False
        self.problems.append(message)


@dataclass
class VerifyReport:
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def lines(self) -> list[str]:
        out = []
        for check in self.checks:
            out.append(f"[{'ok' if check.ok else 'FAIL'}] {check.name}")
            out += [f"    - {problem}" for problem in check.problems]
            out += [f"      {note}" for note in check.notes]
        return out


def plan_verify(connection, *, snapshot: Snapshot | None) -> VerifyReport:
    """Everything the plan asks to validate after a phase.

    * migrations: consistent history, none applied that is missing on disk, none that
      the plan map does not know, no gap below the highest applied item, no model change
      without a migration;
    * row counts: no table that exists now and in `snapshot` has fewer rows;
    * foreign keys: no orphaned reference in any table (plus the engine's own constraint
      check where it has one: SQLite's foreign_key_check, SQL Server's WITH CHECK);
    * seed rows: the rows of every applied item's data migrations are present;
    * 037 contacts copied: every dog's non-blank inline contact and veterinarian has its
      row in the 037 tables.
    """
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return VerifyReport(
        [
            _check_migrations(connection, loader),
            _check_row_counts(connection, snapshot),
            _check_foreign_keys(connection, loader),
            _check_seeds(connection, loader),
            check_dog_contacts(connection, loader),
        ]
    )


def applied_nodes(loader) -> set[Node]:
    return set(loader.applied_migrations or {})


# --- Online steps split out of migrations that were applied before the split -------------
def online_steps_to_reconcile(loader) -> list[Node]:
    """Online steps (doggy.core.migration_ops) this database lacks only on paper.

    Such a step was split out of the migration before it, which built its indexes and
    constraints inline until then. A database that applied that migration (and the one
    after it) before the split has the objects, but not the step's row in
    `django_migrations`, and Django then refuses to migrate at all
    (InconsistentMigrationHistory). These are the steps that are not recorded while a
    migration depending on them is; `reconcile_online_steps` applies them.
    """
    applied = applied_nodes(loader)
    graph = loader.graph
    found = [
        node
        for node in graph.nodes
        if node[0] in PROJECT_APPS
        and node not in applied
        and is_online_migration(graph.nodes[node])
        and any(child.key in applied for child in graph.node_map[node].children)
    ]
    order = {node: index for index, node in enumerate(graph_order(graph))}
    return sorted(found, key=order.__getitem__)


def reconcile_online_steps(connection) -> list[Node]:
    """Apply the steps of `online_steps_to_reconcile` and record them.

    Each online step first looks for its index or constraint and leaves one that is there
    (a validation of a valid constraint is a no-op), so on such a database this builds
    nothing and only records the steps; whatever is missing is built online.
    """
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    nodes = online_steps_to_reconcile(executor.loader)
    for node in nodes:
        state = executor.loader.project_state(node, at_end=False)
        executor.apply_migration(state, executor.loader.graph.nodes[node])
    return nodes


def graph_order(graph: MigrationGraph) -> list[Node]:
    """Every migration of the graph in an order that applies dependencies first."""
    order: dict[Node, None] = {}
    for leaf in sorted(graph.leaf_nodes()):
        for node in graph.forwards_plan(leaf):
            order.setdefault(node, None)
    return list(order)


def _check_migrations(connection, loader) -> Check:
    from django.apps import apps
    from django.db.migrations.autodetector import MigrationAutodetector
    from django.db.migrations.exceptions import InconsistentMigrationHistory
    from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
    from django.db.migrations.state import ProjectState

    check = Check("migrations")
    try:
        loader.check_consistent_history(connection)
    except InconsistentMigrationHistory as exc:
        steps = online_steps_to_reconcile(loader)
        if steps:
            names = ", ".join(f"{app}.{name}" for app, name in steps)
            check.fail(
                f"{exc} The online steps {names} were split out of migrations this database "
                "applied before the split: `plan migrate` (or `plan rollback`) records them."
            )
        else:
            check.fail(str(exc))
    plan_map = PlanMap(loader.graph)
    applied = applied_nodes(loader)
    for node in sorted(applied - plan_map.nodes):
        if node[0] in PROJECT_APPS:
            check.fail(f"{node[0]}.{node[1]} is applied but its file is missing.")
    for node in plan_map.unmapped_migrations():
        check.fail(
            f"{node[0]}.{node[1]} is not claimed by any plan item (update doggy/dbtools/plan.py)."
        )
    reached = [
        item.number
        for item in ITEMS
        if any(node in applied for node in plan_map.built_migrations(item))
    ]
    if reached:
        top = max(reached)
        for node in plan_map.nodes_up_to(top):
            if node not in applied:
                item = plan_item_of_migration(node)
                check.fail(
                    f"{node[0]}.{node[1]} (item {item.code}) is not applied, but item "
                    f"{top:03d} is: run `manage.py plan migrate --to {top:03d}`."
                )
        check.notes.append(f"Applied up to item {top:03d} ({ITEMS_BY_NUMBER[top].title}).")
    else:
        check.notes.append("No plan item is applied yet.")
    changes = MigrationAutodetector(
        loader.project_state(),
        ProjectState.from_apps(apps),
        NonInteractiveMigrationQuestioner(dry_run=True),
    ).changes(graph=loader.graph)
    for app_label in sorted(changes):
        check.fail(f"Models of {app_label} have changes with no migration (makemigrations).")
    return check


def _check_row_counts(connection, snapshot: Snapshot | None) -> Check:
    check = Check("row counts")
    if snapshot is None:
        check.notes.append("No snapshot to compare with (one is taken before each phase).")
        return check
    now = table_row_counts(connection)
    lost = gained = 0
    for table in sorted(set(now) & set(snapshot.row_counts)):
        before, after = snapshot.row_counts[table], now[table]
        if after < before:
            lost += before - after
            check.fail(f"{table}: {before} rows before, {after} now ({before - after} lost).")
        else:
            gained += after - before
    gone = sorted(set(snapshot.row_counts) - set(now))
    new = sorted(set(now) - set(snapshot.row_counts))
    check.notes.append(
        f"Compared {len(set(now) & set(snapshot.row_counts))} tables with the snapshot "
        f"'{snapshot.reason}' of {snapshot.taken_at}: {lost} rows lost, {gained} added."
    )
    if gone:
        check.notes.append(f"Tables dropped since: {', '.join(gone)}.")
    if new:
        check.notes.append(f"Tables created since: {', '.join(new)}.")
    return check


def _historical_models(loader):
    """Models as the applied migrations define them (the database's actual shape)."""
    applied = applied_nodes(loader) & set(loader.graph.nodes)
    leaves = [
        node
        for node in applied
        if not any(child in applied for child in loader.graph.node_map[node].children)
    ]
    if not leaves:
        return []
    state = loader.project_state(nodes=sorted(leaves), at_end=True)
    return [
        model
        for model in state.apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _check_foreign_keys(connection, loader) -> Check:
    from django.db import IntegrityError

    check = Check("foreign keys")
    existing = db_tables(connection)
    qn = connection.ops.quote_name
    checked = 0
    with connection.cursor() as cursor:
        for model in _historical_models(loader):
            table = model._meta.db_table
            if table not in existing:
                continue
            for fld in model._meta.local_concrete_fields:
                if not (fld.is_relation and fld.many_to_one or fld.one_to_one):
                    continue
                if not fld.related_model or fld.related_model._meta.db_table not in existing:
                    continue
                target = fld.target_field
                parent = fld.related_model._meta.db_table
                cursor.execute(
                    f"SELECT COUNT(*) FROM {qn(table)} c WHERE c.{qn(fld.column)} IS NOT NULL "  # noqa: S608
                    f"AND NOT EXISTS (SELECT 1 FROM {qn(parent)} p "
                    f"WHERE p.{qn(target.column)} = c.{qn(fld.column)})"
                )
                orphans = cursor.fetchone()[0]
                checked += 1
                if orphans:
                    check.fail(
                        f"{table}.{fld.column}: {orphans} rows reference a missing "
                        f"{parent}.{target.column}."
                    )
    if connection.vendor in ("sqlite", "microsoft"):
        try:
            connection.check_constraints()
        except IntegrityError as exc:
            check.fail(f"The database's own constraint check failed: {exc}")
    check.notes.append(f"Checked {checked} foreign-key columns for orphaned rows.")
    return check


def _check_seeds(connection, loader) -> Check:
    check = Check("seed rows")
    plan_map = PlanMap(loader.graph)
    applied = applied_nodes(loader)
    existing = db_tables(connection)
    qn = connection.ops.quote_name
    counted = 0
    with connection.cursor() as cursor:
        for item in ITEMS:
            built = plan_map.built_migrations(item)
            if not item.seeds or not built or not all(node in applied for node in built):
                continue
            for seed in item.seeds:
                counted += 1
                if seed.table not in existing:
                    check.fail(f"Item {item.code}: table {seed.table} is missing.")
                    continue
                if isinstance(seed, SeedRows):
                    marks = ", ".join(["%s"] * len(seed.values))
                    cursor.execute(
                        f"SELECT {qn(seed.column)} FROM {qn(seed.table)} "  # noqa: S608
                        f"WHERE {qn(seed.column)} IN ({marks})",
                        list(seed.values),
                    )
                    found = {str(row[0]) for row in cursor.fetchall()}
                    missing = [value for value in seed.values if value not in found]
                else:
                    link_l, table_l, key_l, name_l = seed.left
                    link_r, table_r, key_r, name_r = seed.right
                    cursor.execute(
                        f"SELECT l.{qn(name_l)}, r.{qn(name_r)} FROM {qn(seed.table)} x "  # noqa: S608
                        f"JOIN {qn(table_l)} l ON l.{qn(key_l)} = x.{qn(link_l)} "
                        f"JOIN {qn(table_r)} r ON r.{qn(key_r)} = x.{qn(link_r)}"
                    )
                    found = {(str(a), str(b)) for a, b in cursor.fetchall()}
                    missing = [f"{a}/{b}" for a, b in seed.pairs if (a, b) not in found]
                if missing:
                    check.fail(
                        f"Item {item.code}: {len(missing)} of {seed.describe()} missing: "
                        f"{', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}."
                    )
    check.notes.append(f"Checked {counted} seed sets of the applied items.")
    return check


# Item 037's copy (pets/0005): the inline columns of DogProfiles and the tables they fill.
_DOG_CONTACT_COPIES = (
    (
        "emergency contact",
        ("EmergencyContactName", "EmergencyContactPhone"),
        "DogEmergencyContacts",
    ),
    (
        "veterinarian",
        ("VeterinarianName", "VeterinarianPhone", "VeterinarianAddress"),
        "DogVeterinarians",
    ),
)


def check_dog_contacts(connection, loader) -> Check:
    """Every non-blank inline contact and vet of a dog has its 037 row (SCHEMA.md A18).

    Blank means NULL or only spaces, the copy's own rule. Runs once pets/0005 is applied.
    """
    check = Check("037 contacts copied")
    if ("pets", "0005_copy_dog_contacts") not in applied_nodes(loader):
        check.notes.append("Item 037's copy is not applied.")
        return check
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for what, columns, table in _DOG_CONTACT_COPIES:
            filled = " OR ".join(
                f"COALESCE(LTRIM(RTRIM(d.{qn(column)})), '') <> ''" for column in columns
            )
            cursor.execute(
                f"SELECT COUNT(*) FROM {qn('DogProfiles')} d WHERE ({filled}) "  # noqa: S608
                f"AND NOT EXISTS (SELECT 1 FROM {qn(table)} x WHERE x.{qn('DogId')} = d.{qn('Id')})"
            )
            missing = cursor.fetchone()[0]
            if missing:
                check.fail(f"Item 037: {missing} dogs have an inline {what} but no {table} row.")
            else:
                check.notes.append(f"Every dog's inline {what} has its {table} row.")
    return check
