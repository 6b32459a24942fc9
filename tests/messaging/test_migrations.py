"""Messaging's migrations (017–024) on rows that existed before them, both ways.

`messaging/0001` can be adopted from an existing database (SCHEMA.md 2.16a A1), so 017
must key, merge and count the conversations it finds, and every step must run back to
the baseline and forward again. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime
import importlib
import uuid
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from messaging.keys import direct_key
from tests.accounts.factories import UserFactory

pytestmark = [pytest.mark.slow]

BACKFILL = importlib.import_module("messaging.migrations.0002_enhanced_messaging_backfill")
T0 = datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _needs_migrations(request):
    if request.config.getoption("nomigrations", default=False):
        pytest.skip("exercises the migrations, which --nomigrations turns off")


@pytest.fixture
def migrated_afterwards(transactional_db):
    """Leave the database at the latest state, also when a test stops half-way."""
    yield
    _migrate()


def _migrate(*args: str) -> None:
    call_command("migrate", *args, verbosity=0, interactive=False, skip_checks=True)


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def _execute(sql: str, params: list | None = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchall() if cursor.description else []


def _insert(table: str, values: dict[str, object]) -> None:
    columns = ", ".join(_qn(c) for c in values)
    marks = ", ".join(["%s"] * len(values))
    _execute(f"INSERT INTO {_qn(table)} ({columns}) VALUES ({marks})", list(values.values()))  # noqa: S608


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {t.name for t in connection.introspection.get_table_list(cursor)}


def _messaging_tables() -> set[str]:
    state_apps = MigrationLoader(connection).project_state().apps
    return {m._meta.db_table for m in state_apps.get_models() if m._meta.app_label == "messaging"}


class Legacy:
    """Baseline rows, written with `messaging/0001`'s columns only."""

    def __init__(self):
        self.minute = 0

    def conversation(self, *users) -> str:
        conversation_id = uuid.uuid4().hex
        self.minute += 1
        when = T0 + datetime.timedelta(minutes=self.minute)
        _insert("Conversations", {"Id": conversation_id, "CreatedAt": when, "UpdatedAt": when})
        for user in users:
            _insert(
                "ConversationParticipants",
                {"ConversationId": conversation_id, "UserId": user.pk, "JoinedAt": when},
            )
        return conversation_id

    def message(self, conversation_id: str, sender, *, is_read: bool) -> int:
        self.minute += 1
        _insert(
            "Messages",
            {
                "ConversationId": conversation_id,
                "SenderId": sender.pk if sender else None,
                "Content": f"message {self.minute}",
                "CreatedAt": T0 + datetime.timedelta(minutes=self.minute),
                "IsRead": is_read,
            },
        )
        return _execute(f"SELECT MAX({_qn('Id')}) FROM {_qn('Messages')}")[0][0]  # noqa: S608


def _row(table: str, columns: list[str], where: str, params: list) -> tuple:
    cols = ", ".join(_qn(c) for c in columns)
    rows = _execute(f"SELECT {cols} FROM {_qn(table)} WHERE {where}", params)  # noqa: S608
    assert len(rows) == 1, rows
    return rows[0]


def test_the_migration_keys_direct_conversations_as_the_app_does():
    users = [str(uuid.uuid4()) for _ in range(2)]
    assert BACKFILL._direct_key(users) == direct_key(users) == direct_key(reversed(users))
    assert len(direct_key(users)) == 64


def test_017_keys_merges_and_counts_adopted_conversations_and_024_round_trips_is_read(
    migrated_afterwards,
):
    # Given the baseline with legacy rows: Ann and Bob talk in two conversations (one
    # pair, so one will be merged), a group of three, and a conversation of one
    _migrate("messaging", "0001_baseline_messaging")
    ann, bob, cat = UserFactory(), UserFactory(), UserFactory()
    legacy = Legacy()
    older = legacy.conversation(ann, bob)
    m1 = legacy.message(older, ann, is_read=True)
    m2 = legacy.message(older, bob, is_read=True)
    m3 = legacy.message(older, ann, is_read=False)
    younger = legacy.conversation(bob, ann)
    m4 = legacy.message(younger, bob, is_read=False)
    group = legacy.conversation(ann, bob, cat)
    legacy.message(group, cat, is_read=False)
    alone = legacy.conversation(cat)
    is_read_before = dict(
        _execute(f"SELECT {_qn('Id')}, {_qn('IsRead')} FROM {_qn('Messages')}")  # noqa: S608
    )

    # When 017–024 are applied
    _migrate("messaging")

    # Then the pair has one direct conversation, the older one, with all four messages
    conversations = _execute(
        f"SELECT {_qn('Id')}, {_qn('Type')}, {_qn('DirectKey')} FROM {_qn('Conversations')}"  # noqa: S608
    )
    by_id = {str(uuid.UUID(str(row[0]))).replace("-", ""): row[1:] for row in conversations}
    assert set(by_id) == {older, group, alone}
    assert by_id[older] == ("Direct", direct_key([ann.pk, bob.pk]))
    assert by_id[group] == ("Group", None)
    assert by_id[alone] == ("Group", None)
    moved = _execute(
        f"SELECT {_qn('Id')} FROM {_qn('Messages')} WHERE {_qn('ConversationId')} = %s",  # noqa: S608
        [uuid.UUID(older) if connection.vendor == "postgresql" else older],
    )
    assert sorted(row[0] for row in moved) == [m1, m2, m3, m4]
    key = uuid.UUID(older) if connection.vendor == "postgresql" else older
    # ...counted, with the last message denormalized
    assert _row(
        "Conversations",
        ["MessageCount", "LastMessageId"],
        f"{_qn('Id')} = %s",
        [key],
    ) == (4, m4)
    # ...and each read cursor stops before the first unread message someone else sent:
    # Bob has not read m3 (Ann's), Ann has not read m4 (Bob's)
    cursors = {
        user.pk: _row(
            "ConversationParticipants",
            ["LastReadMessageId", "ReadMessageCount"],
            f"{_qn('ConversationId')} = %s AND {_qn('UserId')} = %s",
            [key, user.pk],
        )
        for user in (ann, bob)
    }
    assert cursors == {ann.pk: (m3, 3), bob.pk: (m2, 2)}
    # ...and the younger conversation's rows are gone with it
    assert (
        _execute(
            f"SELECT COUNT(*) FROM {_qn('ConversationParticipants')} "  # noqa: S608
            f"WHERE {_qn('UserId')} = %s",
            [ann.pk],
        )[0][0]
        == 2
    )

    # When the messaging migrations are rolled back to the baseline
    _migrate("messaging", "0001_baseline_messaging")

    # Then IsRead is recomputed from the cursors: the 1:1 flags come back as they were
    is_read_after = dict(
        _execute(f"SELECT {_qn('Id')}, {_qn('IsRead')} FROM {_qn('Messages')}")  # noqa: S608
    )
    assert {k: bool(v) for k, v in is_read_after.items()} == {
        k: bool(v) for k, v in is_read_before.items()
    }


def test_messaging_migrates_to_zero_and_back(migrated_afterwards):
    # given a fully migrated database
    tables = _messaging_tables()
    assert len(tables) == 16
    assert _tables() >= tables

    # when messaging is migrated to zero, then all its tables are gone
    _migrate("messaging", "zero")
    assert not tables & _tables()

    # when it is migrated again, then every table is back
    _migrate("messaging")
    assert _tables() >= tables


def test_the_backfill_changes_nothing_on_a_second_run(migrated_afterwards):
    # given a database where 017's backfill has run over a legacy direct conversation
    _migrate("messaging", "0001_baseline_messaging")
    ann, bob = UserFactory(), UserFactory()
    legacy = Legacy()
    conversation = legacy.conversation(ann, bob)
    legacy.message(conversation, ann, is_read=False)
    _migrate("messaging", "0002_enhanced_messaging_backfill")
    columns = ["Type", "DirectKey", "MessageCount", "LastMessageId"]
    key = uuid.UUID(conversation) if connection.vendor == "postgresql" else conversation
    first = _row("Conversations", columns, f"{_qn('Id')} = %s", [key])

    # when its steps run again, on the models of that point of history
    loader = MigrationLoader(connection)
    state = loader.project_state(("messaging", "0002_enhanced_messaging_backfill"))
    editor = SimpleNamespace(connection=connection)
    BACKFILL.set_types_and_direct_keys(state.apps, editor)
    BACKFILL.merge_duplicate_direct_conversations(state.apps, editor)
    BACKFILL.count_messages_and_set_read_cursors(state.apps, editor)

    # then nothing changed
    assert _row("Conversations", columns, f"{_qn('Id')} = %s", [key]) == first
    assert first[0] == "Direct"
    assert first[2] == 1
