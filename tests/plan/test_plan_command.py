"""`manage.py plan`: status, migrate, verify, rollback, backups."""

from __future__ import annotations

import re
import sqlite3
import uuid
from decimal import Decimal

import pytest
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from accounts.models import RolePermission, User
from doggy.dbtools.estimates import history_runs
from doggy.dbtools.plan import (
    ITEMS,
    PlanMap,
    Snapshot,
    database_label,
    plan_items_of_phase,
    plan_verify,
    snapshot_latest,
    snapshot_save,
    snapshot_take,
    table_checksums,
    table_columns,
    table_row_counts,
)
from doggy.management.commands.plan import (
    Command,
    StepTimer,
    backup_postgresql,
    backup_sqlite,
    mssql_backup_statement,
    pg_dump_path,
)
from tests.accounts.factories import (
    LoginAttemptFactory,
    RoleFactory,
    ServiceProviderFactory,
    UserFactory,
    UserRoleFactory,
    UserSessionFactory,
    UserSettingsFactory,
)
from tests.ai.factories import AiHealthRecommendationFactory, AiUsageRecordFactory
from tests.audit.factories import AuditLogFactory, ProviderPerformanceSnapshotFactory
from tests.doggy.factories import StoredFileFactory, SystemSettingFactory
from tests.pets.contact_copy import inline_checksum, make_dogs, values_lost
from tests.pets.factories import DogProfileFactory
from tests.plan.conftest import empty_database, plan_command
from tests.scheduling.factories import (
    AppointmentStatusHistoryFactory,
    ListedProviderFactory,
    ServiceVisitFactory,
)

PHASE_1_TABLES = sorted({table for item in plan_items_of_phase(1) for table in item.tables})


@pytest.fixture
def applied_db(db):
    if not MigrationRecorder(connection).has_table():
        pytest.skip("migrations are disabled (--nomigrations)")


def _fill_phase_1() -> None:
    users = UserFactory.create_batch(3)
    for user in users:
        UserRoleFactory(user=user, role=RoleFactory(name=f"Role of {user.email}"))
        UserSettingsFactory(user=user)
        UserSessionFactory(user=user)
        StoredFileFactory(owner=user)
        AuditLogFactory()
    LoginAttemptFactory.create_batch(2)
    SystemSettingFactory()


def _phase_unbuilt(phase: int) -> bool:
    plan_map = PlanMap(MigrationLoader(None, ignore_no_migrations=True).graph)
    return not any(plan_map.built_migrations(item) for item in plan_items_of_phase(phase))


def _back_to_end_of(phase: int) -> None:
    """Roll every built later phase back, newest first. `plan migrate` never moves a
    database backwards, so a test of phase N + 1 starts at the end of phase N."""
    for later in range(6, phase, -1):
        if not _phase_unbuilt(later):
            out = plan_command("rollback", "--phase", str(later), "--no-backup", "--noinput")
            assert "[FAIL]" not in out


@pytest.mark.slow
def test_migrate_verify_and_roll_back_phase_2_keep_phase_1s_rows(migrating_db, tmp_path):
    # Given an empty database
    empty_database()
    assert table_row_counts(connection) == {}

    # When the plan is applied to the end of item 008
    out = plan_command("migrate", "--to", "008", "--backup-dir", str(tmp_path), "--noinput")

    # Then phase 1 is applied and verified, with a backup and snapshots on disk
    assert re.search(r"Phase 1 \(Foundation & Security\), items 001-008: \d+ migrations", out)
    assert "[FAIL]" not in out
    assert out.count("[ok]") == 5
    label_dir = tmp_path / database_label(connection)
    snapshots = sorted(path.name for path in (label_dir / "snapshots").iterdir())
    assert [re.sub(r"^\d+T\d+-", "", name) for name in snapshots] == [
        "before-phase-1.json",
        "after-phase-1.json",
    ]
    if connection.vendor == "sqlite" or pg_dump_path():
        assert len([p for p in label_dir.iterdir() if p.is_file()]) == 1
    status = plan_command("status")
    assert re.search(r"^008 .* applied +\d+$", status, re.M)
    assert re.search(r"^009 .* not applied", status, re.M)

    # And with phase-1 rows in place, `plan verify` passes
    _fill_phase_1()
    assert "[FAIL]" not in plan_command("verify", "--backup-dir", str(tmp_path))
    before = table_row_counts(connection, PHASE_1_TABLES)
    checksums = table_checksums(connection, table_columns(connection, PHASE_1_TABLES))

    # When phase 2 is applied and rolled back again
    out = plan_command("migrate", "--phase", "2", "--no-backup", "--noinput")
    assert "Phase 1 (Foundation & Security), items 001-008: already applied" in out
    assert "[FAIL]" not in out
    out = plan_command("rollback", "--phase", "2", "--no-backup", "--noinput")

    # Then phase 1's rows are all there, byte for byte, and phase 2's tables are gone
    assert "[FAIL]" not in out
    assert "back to the end of phase 1" in out
    assert table_row_counts(connection, PHASE_1_TABLES) == before
    assert sum(before.values()) > 30
    assert table_checksums(connection, table_columns(connection, PHASE_1_TABLES)) == checksums
    phase_2_tables = {table for item in plan_items_of_phase(2) for table in item.tables}
    assert not (phase_2_tables - set(PHASE_1_TABLES)) & set(table_row_counts(connection))


@pytest.mark.slow
@pytest.mark.skipif(not _phase_unbuilt(4), reason="phase 4 has migrations now")
def test_migrate_phase_4_says_plainly_that_nothing_is_built(migrating_db):
    # Later phases are built, so the database first goes back to the end of phase 4
    _back_to_end_of(4)

    out = plan_command("migrate", "--phase", "4", "--no-backup", "--noinput")

    assert (
        "Phase 4 (Scheduling & Appointments), items 025-030: no migration of these items "
        "is built yet; nothing to apply." in out
    )


@pytest.mark.slow
def test_phase_5_migrates_verifies_and_rolls_back_keeping_every_earlier_row(migrating_db):
    # Given the database without phase 5, with phase-1 rows, a dog and a provider
    _back_to_end_of(4)
    _fill_phase_1()
    dog = DogProfileFactory()
    provider = ServiceProviderFactory()
    phase_5_tables = {table for item in plan_items_of_phase(5) for table in item.tables}
    kept = sorted(set(table_row_counts(connection)) - phase_5_tables)
    assert {"DogProfiles", "ServiceProviders", "AuditLogs"} <= set(kept)
    before = table_row_counts(connection, kept)
    checksums = table_checksums(connection, table_columns(connection, kept))

    # When phase 5 is applied
    out = plan_command("migrate", "--phase", "5", "--no-backup", "--noinput")

    # Then it is applied and verified, and every phase-5 item shows as applied
    assert "Phase 5 (AI & Analytics), items 031-036" in out
    assert "[FAIL]" not in out
    status = plan_command("status")
    for code in range(31, 37):
        assert re.search(rf"^0{code} .* applied +\d+$", status, re.M), code

    # When phase 5's tables get rows about them and the phase is rolled back
    AiHealthRecommendationFactory(dog=dog, usage_record=AiUsageRecordFactory(user=dog.owner))
    ProviderPerformanceSnapshotFactory(provider=provider)
    out = plan_command("rollback", "--phase", "5", "--no-backup", "--noinput")

    # Then every earlier row is there byte for byte and the phase-5 tables are gone
    assert "[FAIL]" not in out
    assert table_row_counts(connection, kept) == before
    assert table_checksums(connection, table_columns(connection, kept)) == checksums
    assert not phase_5_tables & set(table_row_counts(connection))


@pytest.mark.slow
def test_max_ratio_aborts_a_slow_step_and_restores_the_phase(migrating_db, monkeypatch):
    # Given the end of phase 4 with rows, and a clock on which ai.0003 takes 1000 s
    _back_to_end_of(4)
    _fill_phase_1()
    phase_5_tables = {table for item in plan_items_of_phase(5) for table in item.tables}
    kept = sorted(set(table_row_counts(connection)) - phase_5_tables)
    before = table_row_counts(connection, kept)
    checksums = table_checksums(connection, table_columns(connection, kept))
    clock = {"now": 0.0}

    def tick():
        clock["now"] += 0.01
        return clock["now"]

    finish = StepTimer.finish

    def slowed(self, migration):
        if (migration.app_label, migration.name) == ("ai", "0003_usage_tracking"):
            clock["now"] += 1000
        return finish(self, migration)

    monkeypatch.setattr(StepTimer, "clock", staticmethod(tick))
    monkeypatch.setattr(StepTimer, "finish", slowed)

    # When phase 5 is deployed with a trigger at twice the estimate
    with pytest.raises(CommandError, match=r"ai\.0003_usage_tracking took 1000\.\d+s, more than 2"):
        plan_command("migrate", "--phase", "5", "--max-ratio", "2", "--no-backup", "--noinput")

    # Then nothing of phase 5 is left, and every earlier row is there byte for byte
    assert not phase_5_tables & set(table_row_counts(connection))
    assert table_row_counts(connection, kept) == before
    assert table_checksums(connection, table_columns(connection, kept)) == checksums
    status = plan_command("status")
    assert re.search(r"^031 .* not applied", status, re.M)
    # And the history holds the aborted step, the steps before it, and the estimates
    outcomes = {(run.app, run.name): run.outcome for run in history_runs(connection)}
    assert outcomes[("ai", "0003_usage_tracking")] == "aborted"
    assert outcomes[("ai", "0001_health_recommendations")] == "applied"
    assert "Time (estimates calibrated" in status


BASELINE_MESSAGING_TABLES = ["Conversations", "ConversationParticipants", "Messages"]


@pytest.mark.slow
def test_phase_3_migrates_verifies_and_rolls_back_keeping_the_baseline_messages(migrating_db):
    # Given the end of phase 2 with phase-1 rows and a legacy 1:1 conversation in the
    # baseline messaging tables: Ann's message read, Bob's reply not yet
    _back_to_end_of(2)
    _fill_phase_1()
    ann, bob = UserFactory(), UserFactory()
    conversation = uuid.uuid4().hex
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn('Conversations')} ({qn('Id')}) VALUES (%s)",  # noqa: S608
            [conversation],
        )
        for user in (ann, bob):
            cursor.execute(
                f"INSERT INTO {qn('ConversationParticipants')} "  # noqa: S608
                f"({qn('ConversationId')}, {qn('UserId')}) VALUES (%s, %s)",
                [conversation, user.pk],
            )
        for sender, is_read in ((ann, True), (bob, False)):
            cursor.execute(
                f"INSERT INTO {qn('Messages')} "  # noqa: S608
                f"({qn('ConversationId')}, {qn('SenderId')}, {qn('Content')}, {qn('IsRead')}) "
                "VALUES (%s, %s, %s, %s)",
                [conversation, sender.pk, "Woof", is_read],
            )
    kept = PHASE_1_TABLES
    before = table_row_counts(connection, kept)
    checksums = table_checksums(connection, table_columns(connection, kept))

    # When phase 3 is applied
    out = plan_command("migrate", "--phase", "3", "--no-backup", "--noinput")

    # Then it is applied and verified, and every phase-3 item shows as applied
    assert "Phase 3 (Communication & Interaction), items 017-024" in out
    assert "[FAIL]" not in out
    status = plan_command("status")
    for code in range(17, 25):
        assert re.search(rf"^0{code} .* applied +\d+$", status, re.M), code
    assert re.search(r"^017 .* messaging\.0002 \(5 steps\) +applied", status, re.M)

    # When phase 3 is rolled back
    out = plan_command("rollback", "--phase", "3", "--no-backup", "--noinput")

    # Then every earlier row is there byte for byte, IsRead included (recomputed from
    # the read cursors), and the phase-3 tables are gone
    assert "[FAIL]" not in out
    assert "back to the end of phase 2" in out
    assert table_row_counts(connection, kept) == before
    assert table_checksums(connection, table_columns(connection, kept)) == checksums
    assert set(BASELINE_MESSAGING_TABLES) <= set(kept)
    phase_3_tables = {table for item in plan_items_of_phase(3) for table in item.tables}
    assert not (phase_3_tables - set(kept)) & set(table_row_counts(connection))


@pytest.mark.slow
def test_phase_3_deploy_with_flags_off_answers_503_in_the_window_and_200_after(
    migrating_db, monkeypatch, settings, client
):
    # Given the end of phase 2, and a view of the messaging area
    _back_to_end_of(2)
    settings.ROOT_URLCONF = "tests.doggy.feature_urls"
    seen_during = []
    execute = Command._execute

    def execute_and_probe(self, *args, **kwargs):
        seen_during.append(client.get("/api/v1/probe/messaging/").status_code)
        return execute(self, *args, **kwargs)

    monkeypatch.setattr(Command, "_execute", execute_and_probe)

    # When phase 3 is deployed with its flags off for the window
    out = plan_command("migrate", "--phase", "3", "--flags-off", "--no-backup", "--noinput")

    # Then the area answered 503 while the phase migrated, and 200 once verify passed
    assert "Feature flags off for the migration window: Messaging." in out
    assert "Feature flags on again: Messaging." in out
    assert seen_during == [503]
    assert client.get("/api/v1/probe/messaging/").status_code == 200
    assert client.get("/api/v1/probe/booking/").status_code == 200


@pytest.mark.slow
def test_phase_6_migrates_verifies_and_rolls_back_keeping_every_earlier_row(migrating_db):
    # Given the end of phase 5 with rows of phase 1 and 2, dogs among them with inline
    # contacts and vets (the 009 columns item 037 copies)
    _back_to_end_of(5)
    _fill_phase_1()
    make_dogs(80, seed=61)
    kept = sorted(
        {
            table
            for phase in range(1, 6)
            for item in plan_items_of_phase(phase)
            for table in item.tables
        }
        & set(table_row_counts(connection))
    )
    before = table_row_counts(connection, kept)
    checksums = table_checksums(connection, table_columns(connection, kept))
    inline = inline_checksum()

    # When phase 6 is applied
    out = plan_command("migrate", "--phase", "6", "--no-backup", "--noinput")

    # Then it is applied and verified, every built item shows as applied, and every
    # inline contact value has its row
    assert "Phase 6 (Advanced Features)" in out
    assert "[FAIL]" not in out
    assert "[ok] 037 contacts copied" in out
    status = plan_command("status")
    for code in (37, 38, 39, 40, 42):
        assert re.search(rf"^0{code} .* applied +\d+$", status, re.M), code
    counted, lost = values_lost()
    assert (counted > 100, lost) == (True, 0)

    # When phase 6 is rolled back
    out = plan_command("rollback", "--phase", "6", "--no-backup", "--noinput")

    # Then every earlier row is there byte for byte and the phase-6 tables are gone
    assert "[FAIL]" not in out
    assert table_row_counts(connection, kept) == before
    assert table_checksums(connection, table_columns(connection, kept)) == checksums
    assert inline_checksum() == inline
    phase_6_tables = {table for item in plan_items_of_phase(6) for table in item.tables}
    assert not (phase_6_tables - set(kept)) & set(table_row_counts(connection))


PHASE_2_KEPT_TABLES = ["ServiceCategories", "ServiceOfferings", "ProviderReviews"]


def _phase_2_offering_and_review() -> None:
    """An offering and a review, written with the models as they were after item 013."""
    state = MigrationExecutor(connection).loader.project_state(("scheduling", "0003_reviews"))
    offering_model = state.apps.get_model("scheduling", "ServiceOffering")
    review_model = state.apps.get_model("scheduling", "ProviderReview")
    category_model = state.apps.get_model("scheduling", "ServiceCategory")
    provider = ListedProviderFactory()
    offering_model.objects.create(
        provider_id=provider.pk,
        category=category_model.objects.get(slug="dog-walking"),
        name="Morning walk",
        slug="morning-walk",
        duration_minutes=60,
        price=Decimal("20.00"),
    )
    review_model.objects.create(
        provider_id=provider.pk, reviewer_id=UserFactory().pk, rating=5, title="Great"
    )


@pytest.mark.slow
def test_phase_4_migrates_verifies_and_rolls_back_keeping_earlier_rows(migrating_db):
    # Given the end of phase 3 with phase-1 rows, an offering and a review
    _back_to_end_of(3)
    _fill_phase_1()
    _phase_2_offering_and_review()
    kept = sorted({*PHASE_1_TABLES, *PHASE_2_KEPT_TABLES})
    columns = table_columns(connection, kept)
    before = table_row_counts(connection, kept)
    checksums = table_checksums(connection, columns)

    # When phase 4 is applied
    out = plan_command("migrate", "--phase", "4", "--no-backup", "--noinput")

    # Then it is applied and verified, each scheduling item shows as applied, and the
    # earlier rows are unchanged
    assert "Phase 4 (Scheduling & Appointments), items 025-030" in out
    assert "[FAIL]" not in out
    status = plan_command("status")
    for code in (25, 26, 27, 28, 29, 30):
        assert re.search(rf"^0{code} .* scheduling\.\d{{4}}.* applied", status, re.M), code
    assert table_row_counts(connection, kept) == before
    assert table_checksums(connection, columns) == checksums

    # And with appointments, their history and a visit in the new tables (whose owners,
    # providers and offerings are rows of the earlier tables)
    history = AppointmentStatusHistoryFactory()
    ServiceVisitFactory(appointment__service_offering=history.appointment.service_offering)
    before = table_row_counts(connection, kept)
    checksums = table_checksums(connection, columns)

    # When phase 4 is rolled back
    out = plan_command("rollback", "--phase", "4", "--no-backup", "--noinput")

    # Then every earlier row is there byte for byte, and the phase-4 tables are gone
    assert "[FAIL]" not in out
    assert re.search(r"back to the end of phase [23]", out)
    assert table_row_counts(connection, kept) == before
    assert table_checksums(connection, columns) == checksums
    phase_4_tables = {table for item in plan_items_of_phase(4) for table in item.tables}
    remaining = set(table_row_counts(connection))
    assert not (phase_4_tables - set(kept) - {"Conversations", "VideoCallSessions"}) & remaining


def test_status_lists_the_42_items(applied_db):
    out = plan_command("status")

    rows = re.findall(r"^(\d{3}) ", out, re.M)
    assert rows == [item.code for item in ITEMS]
    assert re.search(r"^001 +Enhanced User Management +1 +accounts\.0003 +applied", out, re.M)
    plan_map = PlanMap(MigrationLoader(connection).graph)
    for item in ITEMS:
        if not plan_map.built_migrations(item):
            assert re.search(rf"^{item.code} .*\? +not built", out, re.M), item.code


def test_migrate_never_moves_backwards(applied_db):
    # Given a database at the head of every migration (beyond item 008)
    applied_before = set(MigrationRecorder(connection).applied_migrations())

    # When asked to migrate to item 008, it refuses and reverses nothing
    with pytest.raises(CommandError, match="past the end of item 008 .* rollback --phase 2"):
        plan_command("migrate", "--to", "008", "--no-backup", "--noinput")
    assert set(MigrationRecorder(connection).applied_migrations()) == applied_before


def test_verify_passes_at_head(applied_db, tmp_path):
    out = plan_command("verify", "--backup-dir", str(tmp_path), "--record")

    assert out.count("[ok]") == 5
    assert "Snapshot recorded" in out


def test_verify_fails_on_lost_rows_and_missing_seed_rows(applied_db, tmp_path):
    # Given a snapshot of the database
    plan_command("verify", "--backup-dir", str(tmp_path), "--record")

    # When a seeded role-permission link disappears
    RolePermission.objects.filter(
        role__normalized_name="ADMIN", permission__name="kyc.review"
    ).delete()

    # Then verify fails and says what is missing
    with pytest.raises(CommandError, match="Verification failed"):
        plan_command("verify", "--backup-dir", str(tmp_path))
    report = plan_verify(connection, snapshot=None)
    seeds = next(check for check in report.checks if check.name == "seed rows")
    assert seeds.problems == ["Item 002: 1 of 14 RolePermissions rows missing: Admin/kyc.review."]


def test_verify_finds_orphaned_references(applied_db):
    # Given a row that references a user who does not exist (FKs are checked at commit)
    qn = connection.ops.quote_name
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {qn('Users_groups')} ({qn('user_id')}, {qn('group_id')}) "  # noqa: S608
                "VALUES (%s, %s)",
                ["ghost-user", 987654],
            )
        # When verify runs
        report = plan_verify(connection, snapshot=None)
        transaction.set_rollback(True)

    # Then the foreign-key check names the table and column
    fks = next(check for check in report.checks if check.name == "foreign keys")
    assert not fks.ok
    assert "Users_groups.user_id: 1 rows reference a missing Users.Id." in fks.problems
    assert "Users_groups.group_id: 1 rows reference a missing auth_group.id." in fks.problems


def test_adopt_refuses_a_database_that_is_already_managed(applied_db):
    with pytest.raises(CommandError, match="accounts.0001 is already applied"):
        plan_command("adopt", "--no-backup", "--noinput")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup API")
def test_sqlite_backup_is_a_full_copy(migrating_db, tmp_path):
    # Given a database with rows
    UserFactory.create_batch(3)

    # When it is backed up
    target = backup_sqlite(connection, tmp_path / "copy.sqlite3")

    # Then the copy has every table and the rows
    copy = sqlite3.connect(target)
    try:
        users = copy.execute('SELECT COUNT(*) FROM "Users"').fetchone()[0]
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    finally:
        copy.close()
    assert users == User.objects.count() >= 3
    assert {"Users", "Roles", "SystemSettings", "django_migrations"} <= tables


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup API")
def test_sqlite_backup_refuses_to_run_inside_a_transaction(applied_db, tmp_path):
    with pytest.raises(CommandError, match="inside a transaction"):
        backup_sqlite(connection, tmp_path / "copy.sqlite3")

    assert not (tmp_path / "copy.sqlite3").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql" or pg_dump_path() is None, reason="needs pg_dump"
)
def test_postgresql_backup_runs_pg_dump(applied_db, tmp_path):
    target = backup_postgresql(connection, tmp_path / "copy.dump")

    assert target.read_bytes()[:5] == b"PGDMP"


def test_sql_server_backup_is_a_copy_only_statement():
    class Connection:
        settings_dict = {"NAME": "Doggy]Prod"}

    statement = mssql_backup_statement(Connection(), "doggy-before-phase-2.bak")

    assert statement == (
        "BACKUP DATABASE [Doggy]]Prod] TO DISK = N'doggy-before-phase-2.bak' "
        "WITH COPY_ONLY, INIT, CHECKSUM, STATS = 10;"
    )


def test_users_survive_the_snapshot_round_trip(applied_db, tmp_path):
    # Row counts are what verify compares; the snapshot keeps them per table.
    UserFactory.create_batch(2)

    snapshot = snapshot_take(connection, "test")
    snapshot_save(connection, snapshot, tmp_path)

    loaded = snapshot_latest(connection, tmp_path)
    assert isinstance(loaded, Snapshot)
    assert loaded.row_counts["Users"] == User.objects.count()
    assert "django_migrations" not in loaded.row_counts
