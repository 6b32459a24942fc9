"""The audit writer (masking, entity naming, request data), append-only rows, staff reads."""

from __future__ import annotations

import datetime
import decimal
import json
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from audit.models import AuditLog
from audit.selectors import audit_log_list
from audit.services import MASK, audit_log_record, mask_values
from doggy.core.request_context import reset_current_request, set_current_request
from tests.accounts.factories import UserFactory
from tests.audit.factories import AuditLogFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_request(user):
    """Run the test body as if inside a request by `user` (what the middleware binds)."""
    request = RequestFactory().post(
        "/api/v1/things/",
        HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 600,
        REMOTE_ADDR="203.0.113.9",
    )
    request.user = user
    request.correlation_id = "req-123"
    token = set_current_request(request)
    yield request
    reset_current_request(token)


# --- Masking ---------------------------------------------------------------------------------


def test_mask_values_masks_secrets_at_every_depth():
    values = {
        "email": "ann@example.com",
        "password": "hunter2",
        "profile": {"apiKey": "k-1", "nested": {"Refresh-Token": "t-1", "city": "Leeds"}},
        "devices": [{"push_token": "p-1", "name": "phone"}, "plain"],
        "CLIENT_SECRET": "s-1",
        "card": {"card_number": "4242424242424242", "cvv": "123", "last4": "4242"},
    }

    masked = mask_values(values)

    assert masked == {
        "email": "ann@example.com",
        "password": MASK,
        "profile": {"apiKey": MASK, "nested": {"Refresh-Token": MASK, "city": "Leeds"}},
        "devices": [{"push_token": MASK, "name": "phone"}, "plain"],
        "CLIENT_SECRET": MASK,
        "card": {"card_number": MASK, "cvv": MASK, "last4": "4242"},
    }
    assert values["password"] == "hunter2"


def test_mask_values_masks_the_named_keys_at_every_depth():
    masked = mask_values(
        {"setting_value": "v", "history": [{"setting_value": "old"}]}, mask=("setting_value",)
    )

    assert masked == {"setting_value": MASK, "history": [{"setting_value": MASK}]}


def test_mask_values_makes_everything_json_safe():
    moment = datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    ident = uuid.UUID("12345678-1234-5678-1234-567812345678")

    masked = mask_values(
        {
            "when": moment,
            "day": datetime.date(2025, 1, 2),
            "amount": decimal.Decimal("9.90"),
            "id": ident,
            "tags": {"b", "a"},
            "pair": (1, 2),
            "ratio": float("nan"),
            "blob": b"\x00\x01\x02",
            "none": None,
            "flag": True,
        }
    )

    assert masked == {
        "when": "2025-01-02T03:04:05+00:00",
        "day": "2025-01-02",
        "amount": "9.90",
        "id": "12345678-1234-5678-1234-567812345678",
        "tags": ["a", "b"],
        "pair": [1, 2],
        "ratio": "nan",
        "blob": "(3 bytes)",
        "none": None,
        "flag": True,
    }
    json.dumps(masked, allow_nan=False)


def test_mask_values_stops_at_a_cycle():
    looped: dict = {"name": "loop"}
    looped["self"] = looped

    masked = mask_values(looped)

    json.dumps(masked)
    depth, node = 0, masked
    while isinstance(node, dict):
        node, depth = node["self"], depth + 1
    assert node == "(nested too deeply)"
    assert depth == 21


# --- Recording -----------------------------------------------------------------------------


def test_record_names_the_entity_by_app_label_and_model_and_snapshots_the_actor(user):
    # given
    target = UserFactory()

    # when
    log = audit_log_record(
        actor=user,
        action="Update",
        target=target,
        old={"first_name": "Ann", "password": "old-hash"},
        new={"first_name": "Anna", "password": "new-hash"},
    )

    # then
    log.refresh_from_db()
    assert log.entity_type == "accounts.User"
    assert log.entity_id == str(target.pk)
    assert log.user_id == user.pk
    assert log.actor_email == user.email
    assert log.old_values == {"first_name": "Ann", "password": MASK}
    assert log.new_values == {"first_name": "Anna", "password": MASK}
    assert log.severity == "Info"
    assert log.ip_address is None


def test_the_actor_email_is_a_snapshot_that_survives_anonymisation(user):
    # given
    log = audit_log_record(actor=user, action="Login", target=user)
    email = user.email

    # when: the user's email is scrubbed (users are anonymised, not deleted)
    user.email = f"anonymised-{user.pk}@invalid.example"
    user.save(update_fields=["email"])

    # then
    log.refresh_from_db()
    assert log.user_id == user.pk
    assert log.actor_email == email


def test_record_takes_ip_agent_and_correlation_from_the_request(in_request, user):
    log = audit_log_record(action="Logout", entity_type="accounts.User", entity_id=user.pk)

    log.refresh_from_db()
    assert log.user_id == user.pk
    assert log.ip_address == "203.0.113.9"
    assert log.correlation_id == "req-123"
    assert len(log.user_agent) == 500
    assert log.user_agent.startswith("Mozilla/5.0 xxx")


def test_an_anonymous_actor_is_recorded_as_no_user():
    log = audit_log_record(actor=AnonymousUser(), action="LoginFailed", entity_type="accounts.User")

    assert log.user_id is None
    assert log.actor_email is None


@pytest.mark.parametrize(
    ("_case", "kwargs", "message"),
    [
        ("no_entity", {"action": "Update"}, "needs a target or an entity_type"),
        (
            "unknown_severity",
            {"action": "Update", "entity_type": "a.B", "severity": "Fatal"},
            "Unknown audit severity 'Fatal'",
        ),
        ("empty_action", {"action": "", "entity_type": "a.B"}, "1 to 100 characters"),
        ("long_action", {"action": "x" * 101, "entity_type": "a.B"}, "1 to 100 characters"),
        (
            "long_entity_type",
            {"action": "Update", "entity_type": "x" * 101},
            "at most 100 characters",
        ),
    ],
)
def test_record_refuses_invalid_input_and_writes_nothing(_case, kwargs, message):
    with pytest.raises(ValueError, match=message):
        audit_log_record(**kwargs)

    assert AuditLog.objects.count() == 0


def test_a_long_entity_id_is_clipped_to_the_column():
    log = audit_log_record(action="Update", entity_type="legacy.Thing", entity_id="9" * 450)

    assert log.entity_id == "9" * 100


# --- Append-only -----------------------------------------------------------------------------


def test_saving_an_existing_row_is_refused_and_the_row_is_unchanged():
    # given
    log = AuditLogFactory(action="Update", new_values={"first_name": "New"})
    log.action = "Tampered"
    log.new_values = {"first_name": "Forged"}

    # when / then
    with pytest.raises(RuntimeError, match="append-only"):
        log.save()
    with pytest.raises(RuntimeError, match="append-only"):
        log.save(update_fields=["action"])

    stored = AuditLog.objects.get(pk=log.pk)
    assert stored.action == "Update"
    assert stored.new_values == {"first_name": "New"}


def test_deleting_a_row_is_refused_and_the_row_stays():
    log = AuditLogFactory()

    with pytest.raises(RuntimeError, match="append-only"):
        log.delete()

    assert AuditLog.objects.filter(pk=log.pk).exists()


def test_a_new_row_reusing_an_existing_id_cannot_overwrite_it():
    # given
    log = AuditLogFactory(action="Update")
    forged = AuditLog(id=log.pk, action="Forged", entity_type="accounts.User")

    # when / then: the insert is forced (the pk has a default), so the database refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        forged.save()

    assert AuditLog.objects.get(pk=log.pk).action == "Update"


def test_a_forced_update_through_a_new_instance_is_refused():
    log = AuditLogFactory(action="Update")
    forged = AuditLog(id=log.pk, action="Forged", entity_type="accounts.User")

    with pytest.raises(RuntimeError), transaction.atomic():
        forged.save(force_update=True)

    assert AuditLog.objects.get(pk=log.pk).action == "Update"


# --- Staff reads ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "who", "sees_rows"),
    [
        ("anonymous", "anonymous", False),
        ("plain_user", "plain", False),
        ("staff", "staff", True),
        ("system_admin", "system.admin", True),
        ("users_manage", "users.manage", True),
        ("unrelated_permission", "services.book", False),
    ],
)
def test_audit_log_list_is_for_staff_only(
    _case, who, sees_rows, user, superuser, user_with_permission
):
    # given
    AuditLogFactory.create_batch(2)
    actor = {"anonymous": AnonymousUser(), "plain": user, "staff": superuser}.get(
        who
    ) or user_with_permission(who)

    # when
    rows = list(audit_log_list(actor=actor))

    # then
    assert len(rows) == (2 if sees_rows else 0)


def test_audit_log_list_filters(superuser, other_user):
    # given
    early = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=datetime.UTC)
    late = datetime.datetime(2025, 3, 5, 12, 0, tzinfo=datetime.UTC)
    first = AuditLogFactory(
        user=other_user,
        action="Login",
        entity_type="accounts.User",
        entity_id="u-1",
        severity="Info",
        timestamp=early,
    )
    second = AuditLogFactory(
        user=superuser,
        action="SettingChanged",
        entity_type="doggy.SystemSetting",
        entity_id="7",
        severity="Warning",
        timestamp=late,
    )

    def ids(filters):
        return [row.pk for row in audit_log_list(actor=superuser, filters=filters)]

    # when / then
    assert ids(None) == [second.pk, first.pk]
    assert ids({"user": other_user}) == [first.pk]
    assert ids({"user": superuser.pk}) == [second.pk]
    assert ids({"entity_type": "doggy.SystemSetting"}) == [second.pk]
    assert ids({"entity_type": "doggy.SystemSetting", "entity_id": 7}) == [second.pk]
    assert ids({"action": "Login"}) == [first.pk]
    assert ids({"severity": "Warning"}) == [second.pk]
    assert ids({"date_from": datetime.date(2025, 3, 2)}) == [second.pk]
    assert ids({"date_to": datetime.date(2025, 3, 1)}) == [first.pk]
    assert ids({"date_from": early, "date_to": late}) == [first.pk]
    assert ids({"date_from": late, "date_to": late + datetime.timedelta(seconds=1)}) == [second.pk]


@pytest.mark.parametrize(
    ("_case", "filters", "message"),
    [
        ("unknown_key", {"owner": "x"}, r"Unknown audit log filters: \['owner'\]"),
        (
            "naive_datetime",
            {"date_from": datetime.datetime(2025, 1, 1)},  # noqa: DTZ001
            "date_from must be timezone-aware",
        ),
        ("not_a_date", {"date_to": "yesterday"}, "date_to must be a date or an aware datetime"),
    ],
)
def test_audit_log_list_rejects_bad_filters(_case, filters, message, superuser):
    with pytest.raises(ValueError, match=message):
        audit_log_list(actor=superuser, filters=filters)


@pytest.mark.parametrize("rows", [3, 6])
def test_audit_log_list_costs_one_query_whatever_the_page_size(
    rows, superuser, django_assert_num_queries
):
    AuditLogFactory.create_batch(rows)

    with django_assert_num_queries(1):
        listed = list(audit_log_list(actor=superuser))
        emails = [row.user.email for row in listed]
        sessions = [row.session for row in listed]

    assert len(emails) == rows
    assert sessions == [None] * rows


def test_the_api_list_reads_audit_rows_without_joining_users_or_sessions(
    superuser, django_assert_num_queries
):
    AuditLogFactory.create_batch(3)

    with django_assert_num_queries(1) as captured:
        listed = list(audit_log_list(actor=superuser, with_related=False))

    assert len(listed) == 3
    assert "JOIN" not in captured.captured_queries[0]["sql"]
    assert {row.user_id for row in listed} == {row.user_id for row in AuditLog.objects.all()}
