"""Batched backfills of data migrations, and the progress reporter."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.db.models.functions import Upper

from accounts.models import User
from doggy.dbtools.backfill import (
    MAX_BATCH_SIZE,
    BackfillResult,
    Progress,
    analyze,
    backfill,
    chunked,
)
from tests.accounts.factories import UserFactory


@pytest.fixture
def users(db):
    return [UserFactory(email=f"fill{n}@example.com", user_name=None) for n in range(5)]


def _pending():
    return User.objects.filter(email__startswith="fill", user_name__isnull=True)


def test_values_mode_updates_every_row_in_batches(users):
    # When five rows are backfilled two at a time
    out = io.StringIO()
    result = backfill(_pending(), values={"user_name": Upper("email")}, batch_size=2, stream=out)

    # Then all five changed in three batches, and progress was written as plain lines
    assert result == BackfillResult(rows_seen=5, rows_changed=5, batches=3)
    assert sorted(
        User.objects.filter(email__startswith="fill").values_list("user_name", flat=True)
    ) == [f"FILL{n}@EXAMPLE.COM" for n in range(5)]
    assert out.getvalue().splitlines()[-1].startswith("Users: 5/5 rows (100%)")


def test_a_second_run_finds_nothing_to_do(users):
    backfill(_pending(), values={"user_name": "x"}, batch_size=2, progress=False)

    result = backfill(_pending(), values={"user_name": "y"}, batch_size=2, progress=False)

    assert result == BackfillResult(rows_seen=0, rows_changed=0, batches=0)
    assert set(
        User.objects.filter(email__startswith="fill").values_list("user_name", flat=True)
    ) == {"x"}


def test_transform_mode_skips_rows_it_leaves_alone(users):
    def name_some(user):
        if user.email.startswith(("fill0", "fill1")):
            return False
        user.user_name = "named"
        return None

    result = backfill(
        _pending(), transform=name_some, fields=["user_name"], batch_size=10, progress=False
    )

    assert result == BackfillResult(rows_seen=5, rows_changed=3, batches=1)
    assert _pending().count() == 2


def test_an_interrupted_run_keeps_finished_batches_and_resumes(users):
    # Given a transform that fails on the fourth row
    seen = []

    def flaky(user):
        seen.append(user.pk)
        if len(seen) == 4:
            raise RuntimeError("connection lost")
        user.user_name = "done"

    # When the run is interrupted in its second batch
    with pytest.raises(RuntimeError):
        backfill(_pending(), transform=flaky, fields=["user_name"], batch_size=3, progress=False)

    # Then the first batch stays done, and a second run does only the rest
    assert _pending().count() == 2
    result = backfill(
        _pending(),
        transform=lambda u: setattr(u, "user_name", "done"),
        fields=["user_name"],
        batch_size=3,
        progress=False,
    )
    assert result.rows_seen == 2
    assert _pending().count() == 0


@pytest.mark.parametrize(
    ("_case", "kwargs", "message"),
    [
        (
            "both modes",
            {"values": {"user_name": "x"}, "transform": print, "fields": ["x"]},
            "exactly one",
        ),
        ("no mode", {}, "exactly one"),
        ("transform without fields", {"transform": print}, "fields"),
        (
            "batch too large",
            {"values": {"user_name": "x"}, "batch_size": MAX_BATCH_SIZE + 1},
            "batch_size",
        ),
        ("batch zero", {"values": {"user_name": "x"}, "batch_size": 0}, "batch_size"),
    ],
)
def test_bad_arguments_are_refused_before_any_write(users, _case, kwargs, message):
    with pytest.raises(ValueError, match=message):
        backfill(_pending(), progress=False, **kwargs)

    assert _pending().count() == 5


def test_chunked_splits_into_bounded_lists():
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked([], 2)) == []
    with pytest.raises(ValueError, match="size"):
        list(chunked(range(3), MAX_BATCH_SIZE + 1))


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_draws_a_bar_on_a_terminal():
    out = _Terminal()
    meter = Progress("Phase 1", 4, unit="migrations", stream=out)

    meter.advance(1, "accounts.0001")
    meter.advance(3)
    meter.close()

    text = out.getvalue()
    assert "\rPhase 1 [#######-----------------------] 1/4 migrations (25%) accounts.0001" in text
    assert "[##############################] 4/4 migrations (100%)" in text
    assert text.endswith("\n")


def test_progress_writes_plain_lines_elsewhere():
    out = io.StringIO()
    meter = Progress("Phase 2", 2, unit="migrations", stream=out, min_interval=0.0)

    meter.advance(1, "pets.0001")
    meter.advance(1, "pets.0002")
    meter.close()

    assert out.getvalue().splitlines() == [
        "Phase 2: 1/2 migrations (50%) pets.0001",
        "Phase 2: 2/2 migrations (100%) pets.0002",
    ]


def _planner_row_estimate(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return int(cursor.fetchone()[0])


@pytest.mark.postgres
def test_analyze_gives_the_planner_the_rows_just_loaded(users):
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are refreshed on PostgreSQL (and SQL Server)")
    # Given 36 users loaded in this window, whose table statistics were never refreshed
    # (an odd size no earlier statistics of the test database are likely to match)
    UserFactory.create_batch(31)
    table = User._meta.db_table
    assert _planner_row_estimate(table) != User.objects.count()

    # When the data migration analyzes the table
    analyze(connection.alias, User)

    # Then the planner's estimate is the table's real size
    assert _planner_row_estimate(table) == User.objects.count()


def test_analyze_leaves_sqlite_without_a_statistics_table(users):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    analyze(connection.alias, User)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%%'")
        assert cursor.fetchall() == []
