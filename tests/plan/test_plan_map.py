"""The plan map (doggy/dbtools/plan.py) against the customer's plan and the migrations on disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import CreateModel

from doggy.dbtools.plan import (
    ITEMS,
    PHASES,
    PROJECT_APPS,
    PlanError,
    PlanMap,
    plan_item_get,
    plan_item_of_migration,
    plan_items_of_phase,
    plan_phase_last_item,
)
from doggy.management.commands.plan import item_number

PLAN_DOC = Path(settings.BASE_DIR) / "docs" / "migration-plan.md"


@pytest.fixture
def plan_map():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    if not graph.nodes:
        pytest.skip("migrations are disabled (--nomigrations)")
    return PlanMap(graph)


def _plan_doc_items() -> dict[int, tuple[str, int]]:
    """Item number -> (title, phase) as docs/migration-plan.md lists them."""
    items = {}
    phase = None
    for line in PLAN_DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### Phase (\d): .*\(Migrations (\d{3})-(\d{3})\)", line)
        if heading:
            phase = int(heading.group(1))
            continue
        entry = re.match(r"^Migration (\d{3}): (.+)$", line.strip())
        if entry and phase is not None:
            items[int(entry.group(1))] = (entry.group(2).strip(), phase)
    return items


def test_the_map_holds_the_42_items_with_the_plans_titles_and_phases():
    # Given the customer's plan document
    documented = _plan_doc_items()

    # Then the map has exactly its 42 items (plus the baseline 000), with its titles/phases
    assert sorted(documented) == list(range(1, 43))
    assert [item.number for item in ITEMS] == list(range(43))
    assert {item.number: (item.title, item.phase) for item in ITEMS[1:]} == documented
    assert ITEMS[0].phase == 1
    assert [plan_phase_last_item(phase) for phase in PHASES] == [8, 16, 24, 30, 36, 42]


def test_every_migration_is_claimed_by_exactly_one_item():
    # Every migration named in the map, built or not, belongs to one item of an own app.
    claimed = [node for item in ITEMS for node in item.migrations]

    assert len(claimed) == len(set(claimed))
    assert all(app in PROJECT_APPS for app, _ in claimed)


def test_the_map_is_consistent_with_the_migrations_on_disk(plan_map):
    # No unclaimed migration, and reaching the end of any item never needs a later item.
    assert plan_map.check() == []


def test_every_table_a_migration_creates_belongs_to_its_items_tables(plan_map):
    # Given every CreateModel of the project's migrations
    graph = plan_map.graph
    missing = []
    for node in sorted(plan_map.nodes):
        if node[0] not in PROJECT_APPS:
            continue
        item = plan_item_of_migration(node)
        for operation in graph.nodes[node].operations:
            if isinstance(operation, CreateModel):
                table = operation.options.get("db_table")
                # Then the item that owns the migration lists the table (status counts it)
                if table and table not in item.tables:
                    missing.append(f"{node[0]}.{node[1]}: {table} (item {item.code})")

    assert missing == []


def test_phase_1_targets_reach_item_008_and_nothing_later(plan_map):
    # When the targets for the end of item 008 are computed
    targets = plan_map.targets_to_item(8)
    plan = plan_map.forwards_plan(targets)

    # Then they name each project app's last phase-1 migration...
    assert ("accounts", "0009_user_settings") in targets
    assert ("doggy", "0004_setting_validation_rules") in targets
    assert ("audit", "0001_audit_logs") in targets
    assert ("messaging", "0001_baseline_messaging") in targets
    # ...and an empty database reaches them without any phase-2 migration
    project = {node for node in plan if node[0] in PROJECT_APPS}
    assert project == set(plan_map.nodes_up_to(8))
    assert all(plan_item_of_migration(node).phase == 1 for node in project)


def test_rollback_of_phase_2_keeps_phase_1_positions(plan_map):
    # Given a database at the end of phase 2
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(2)))
    phase_1 = set(plan_map.nodes_up_to(8))

    # When the rollback targets of phase 2 are computed
    targets = dict(plan_map.rollback_targets(2, applied))

    # Then every app phase 2 touched goes back to its last phase-1 migration, or to zero
    touched = {
        node[0]
        for node in applied
        if plan_item_of_migration(node) and plan_item_of_migration(node).phase == 2
    }
    assert set(targets) == touched
    assert targets["accounts"] == "0009_user_settings"
    for app, name in targets.items():
        kept = sorted(node[1] for node in phase_1 if node[0] == app)
        assert name == (kept[-1] if kept else None)


def test_phase_5_targets_reach_item_036_and_nothing_later(plan_map):
    # When the targets for the end of phase 5 are computed
    targets = plan_map.targets_to_phase(5)
    plan = plan_map.forwards_plan(targets)

    # Then ai ends at 033 and audit at 036...
    assert ("ai", "0004_usage_jobs") in targets
    assert ("audit", "0004_performance_metrics") in targets
    # ...and an empty database reaches them without any migration of phase 6
    project = {node for node in plan if node[0] in PROJECT_APPS}
    assert project == set(plan_map.nodes_up_to(36))
    assert {plan_item_of_migration(node).phase for node in project} <= {1, 2, 3, 4, 5}


def test_phase_5_items_own_their_migrations_in_plan_order(plan_map):
    # 031-033 are the ai app's first four migrations, 034-036 follow audit's 005
    expected = {
        31: [("ai", "0001_health_recommendations")],
        32: [("ai", "0002_content_moderation")],
        33: [("ai", "0003_usage_tracking"), ("ai", "0004_usage_jobs")],
        34: [("audit", "0002_user_analytics")],
        35: [("audit", "0003_business_intelligence")],
        36: [("audit", "0004_performance_metrics")],
    }
    for number, nodes in expected.items():
        item = plan_item_get(number)
        assert (item.phase, list(item.migrations)) == (5, nodes)
        assert plan_map.item_state(item) == "built"


def test_rollback_of_phase_5_takes_ai_to_zero_and_audit_back_to_its_log(plan_map):
    # Given a database at the end of phase 5
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(5)))

    # When the rollback targets of phase 5 are computed
    targets = plan_map.rollback_targets(5, applied)

    # Then only ai and audit move: ai is emptied, audit keeps item 005's audit log
    assert targets == [("ai", None), ("audit", "0001_audit_logs")]


def test_phase_3_targets_reach_item_024_and_nothing_later(plan_map):
    # When the targets for the end of phase 3 are computed
    targets = plan_map.targets_to_phase(3)
    plan = plan_map.forwards_plan(targets)

    # Then messaging ends at 024's last step, past every step of 017 and 024...
    assert ("messaging", "0009_conversation_management_drop_is_read") in targets
    for name in (
        "0002_enhanced_messaging",
        "0002_enhanced_messaging_backfill",
        "0002_enhanced_messaging_direct_keys",
        "0009_conversation_management",
    ):
        assert ("messaging", name) in plan
    # ...and an empty database reaches it without any migration of a later phase
    project = {node for node in plan if node[0] in PROJECT_APPS}
    assert project == set(plan_map.nodes_up_to(24))
    assert {plan_item_of_migration(node).phase for node in project} == {1, 2, 3}


def test_rollback_of_phase_3_takes_messaging_back_to_its_baseline(plan_map):
    # Given a database at the end of phase 3
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(3)))

    # When the rollback targets of phase 3 are computed
    targets = plan_map.rollback_targets(3, applied)

    # Then only messaging moves, back to the baseline tables of item 000
    assert targets == [("messaging", "0001_baseline_messaging")]


def test_phase_6_targets_reach_its_built_items_and_the_037_copy(plan_map):
    # When the targets for the end of phase 6 are computed
    targets = plan_map.targets_to_phase(6)
    plan = plan_map.forwards_plan(targets)

    # Then each app ends at its last phase-6 migration, the data steps included
    for node in (
        ("pets", "0005_copy_dog_contacts"),
        ("accounts", "0014_credential_expiry_notice"),
        ("billing", "0008_billing_customers_backfill"),
        ("doggy", "0005_system_health"),
    ):
        assert node in targets
    assert ("accounts", "0013_seed_credential_types") in plan
    assert ("pets", "0004_emergency_contacts") in plan
    assert ("billing", "0004_payment_tracking") in plan
    # and item 042 is doggy/0005 (0004 belongs to item 007)
    assert plan_item_of_migration(("doggy", "0005_system_health")).number == 42
    assert plan_item_of_migration(("doggy", "0004_setting_validation_rules")).number == 7


def test_rollback_of_phase_6_takes_each_app_back_to_its_phase_2_head(plan_map):
    # Given a database at the end of phase 6 (phases 3-5 are not built here)
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(6)))

    # When the rollback targets of phase 6 are computed
    targets = dict(plan_map.rollback_targets(6, applied))

    # Then the four apps phase 6 touched go back to their last earlier migration
    assert targets["pets"] == "0003_medical_records"
    assert targets["accounts"] == "0011_online_addresses"
    assert targets["billing"] == "0003_user_subscriptions"
    assert targets["doggy"] == "0004_setting_validation_rules"
    assert {app for app in targets} <= {"pets", "accounts", "billing", "doggy", "audit"}


PHASE_4_SCHEDULING = [
    "0004_availability",
    "0005_appointments",
    "0006_calendar_integration",
    "0007_booking_rules",
    "0008_appointment_history",
    "0009_service_delivery",
]


def test_phase_4_items_are_built_026_with_its_messaging_link(plan_map):
    # Each of 027-030 is one scheduling migration, on disk
    single = dict(zip((27, 28, 29, 30), PHASE_4_SCHEDULING[2:], strict=True))
    for number, name in single.items():
        item = plan_item_get(number)
        assert plan_map.built_migrations(item) == [("scheduling", name)]
        assert plan_map.item_state(item) == "built"
    # 025 builds ServiceOfferings.ScheduleId's index online in a step of its own
    assert plan_map.built_migrations(plan_item_get(25)) == [
        ("scheduling", "0004_availability"),
        ("scheduling", "0004_online_availability"),
    ]
    # 026 is scheduling/0005 plus the link step messaging/0010 (SCHEMA.md D10), each with
    # its online step
    item = plan_item_get(26)
    assert plan_map.built_migrations(item) == [
        ("scheduling", "0005_appointments"),
        ("scheduling", "0005_online_appointments"),
        ("messaging", "0010_appointment_links"),
        ("messaging", "0010_online_appointment_links"),
    ]
    assert plan_map.item_state(item) == "built"


def test_phase_4_targets_reach_item_030_and_nothing_later(plan_map):
    # When the targets for the end of phase 4 are computed
    targets = plan_map.targets_to_phase(4)
    plan = plan_map.forwards_plan(targets)

    # Then scheduling ends at 030, past every Phase 4 step...
    assert ("scheduling", "0009_service_delivery") in targets
    for name in PHASE_4_SCHEDULING:
        assert ("scheduling", name) in plan
    # ...and nothing of a later phase is applied on the way
    project = {node for node in plan if node[0] in PROJECT_APPS}
    assert all(plan_item_of_migration(node).phase <= 4 for node in project)


def test_rollback_of_phase_4_takes_scheduling_back_to_the_reviews(plan_map):
    # Given a database at the end of phase 4
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(4)))

    # When the rollback targets of phase 4 are computed
    targets = dict(plan_map.rollback_targets(4, applied))

    # Then scheduling goes back to the end of item 013; only messaging (its 026 link
    # step, once built) may move besides
    assert targets["scheduling"] == "0003_reviews"
    assert set(targets) <= {"scheduling", "messaging"}


def test_rollback_of_phase_1_empties_every_project_app(plan_map):
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(1)))

    targets = plan_map.rollback_targets(1, applied)

    assert targets == [
        (app, None) for app in sorted({node[0] for node in applied if node[0] in PROJECT_APPS})
    ]


def test_rollback_of_a_phase_nothing_of_which_is_applied_has_no_targets(plan_map):
    applied = set(plan_map.forwards_plan(plan_map.targets_to_phase(1)))

    assert plan_map.rollback_targets(3, applied) == []


def test_items_not_built_yet_are_reported_as_such(plan_map):
    states = {item.number: plan_map.item_state(item) for item in ITEMS}

    assert all(states[number] == "built" for number in range(9))
    for item in ITEMS:
        built = plan_map.built_migrations(item)
        expected = (
            "not built"
            if not built
            else "built"
            if len(built) == len(item.migrations)
            else "partly built"
        )
        assert states[item.number] == expected


@pytest.mark.parametrize(
    ("_case", "value", "expected"),
    [
        ("padded", "008", 8),
        ("bare", "8", 8),
        ("the plan's own spelling", "008_UserSettings", 8),
        ("last", "042", 42),
        ("baseline", "0", 0),
    ],
)
def test_item_numbers_are_read_like_the_plan_writes_them(_case, value, expected):
    assert item_number(value) == expected


@pytest.mark.parametrize("value", ["043", "abc", "", "x8"])
def test_unknown_items_are_refused(value):
    with pytest.raises(ValueError):  # noqa: PT011 - argparse turns it into a usage error
        item_number(value)


def test_unknown_item_and_phase_raise_plan_errors():
    with pytest.raises(PlanError, match="no item 043"):
        plan_item_get(43)
    with pytest.raises(PlanError, match="no phase 7"):
        plan_items_of_phase(7)


# `manage.py migrate <app> <name>` refuses a name that is the prefix of another name of
# the app as ambiguous. These three predate the rule: target them through `plan`.
_PREFIX_PAIRS_BEFORE_THE_RULE = {
    ("messaging", "0002_enhanced_messaging", "0002_enhanced_messaging_backfill"),
    ("messaging", "0002_enhanced_messaging", "0002_enhanced_messaging_direct_keys"),
    ("messaging", "0009_conversation_management", "0009_conversation_management_drop_is_read"),
}


def test_no_migration_name_is_the_prefix_of_another():
    names = {}
    for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations:
        names.setdefault(app, []).append(name)
    pairs = {
        (app, short, long)
        for app, found in names.items()
        for short in found
        for long in found
        if short != long and long.startswith(short)
    }
    assert pairs == _PREFIX_PAIRS_BEFORE_THE_RULE
