"""Plan 042: incidents opened, updated and resolved by staff through the services
(audited), the staff API and admin, and the public status page of open incidents."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.choices import IncidentSeverity, IncidentStatus
from doggy.core.error_codes import PlatformErrorCode
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from doggy.health import incident_open, incident_resolve, incident_update
from doggy.models import SystemIncident
from tests.callers import bearer_client
from tests.doggy.factories import SystemIncidentFactory

pytestmark = pytest.mark.django_db

STAFF_URL = "/api/v1/staff/incidents/"


def _audits(incident):
    return list(
        AuditLog.objects.filter(entity_id=str(incident.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


# --- services ------------------------------------------------------------------------------


def test_open_update_and_resolve_are_each_audited(rbac_admin):
    incident = incident_open(
        actor=rbac_admin,
        title="  Uploads failing ",
        severity=IncidentSeverity.MAJOR,
        affected_components=["storage", "storage", "api"],
        public_message="We are looking into it.",
    )
    assert (incident.title, incident.status, incident.created_by_id) == (
        "Uploads failing",
        IncidentStatus.INVESTIGATING,
        rbac_admin.pk,
    )
    assert incident.affected_components == ["storage", "api"]

    incident = incident_update(
        actor=rbac_admin, incident=incident, status=IncidentStatus.MONITORING
    )
    incident = incident_update(
        actor=rbac_admin, incident=incident, status=IncidentStatus.IDENTIFIED
    )
    assert incident.resolved_at is None
    incident = incident_resolve(actor=rbac_admin, incident=incident, public_message="Fixed.")

    incident.refresh_from_db()
    assert (incident.status, incident.public_message) == (IncidentStatus.RESOLVED, "Fixed.")
    assert incident.resolved_at is not None
    assert _audits(incident) == [AuditAction.CREATE] + [AuditAction.UPDATE] * 3
    last = AuditLog.objects.filter(entity_id=str(incident.pk)).order_by("timestamp").last()
    assert last.old_values["status"] == IncidentStatus.IDENTIFIED
    assert last.new_values["status"] == IncidentStatus.RESOLVED


def test_a_resolved_incident_is_final(rbac_admin):
    incident = SystemIncidentFactory(status=IncidentStatus.RESOLVED)
    with pytest.raises(ConflictError) as refused:
        incident_update(actor=rbac_admin, incident=incident, status=IncidentStatus.MONITORING)
    assert refused.value.code == PlatformErrorCode.INCIDENT_RESOLVED.value
    assert _audits(incident) == []


def test_an_update_that_changes_nothing_writes_no_audit_row(rbac_admin):
    incident = incident_open(actor=rbac_admin, title="DB slow", severity=IncidentSeverity.MINOR)
    incident_update(actor=rbac_admin, incident=incident, title="DB slow")
    assert _audits(incident) == [AuditAction.CREATE]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"severity": "Catastrophic"}, "severity"),
        ({"status": "Paused"}, "status"),
        ({"affected_components": ["ok", ""]}, "affected_components"),
        ({"started_at": timezone.now() + datetime.timedelta(hours=1)}, "started_at"),
        ({"created_by": None}, "created_by"),
    ],
)
def test_invalid_changes_are_refused_by_field(rbac_admin, changes, field):
    incident = incident_open(actor=rbac_admin, title="DB slow", severity=IncidentSeverity.MINOR)
    with pytest.raises(ApplicationError) as refused:
        incident_update(actor=rbac_admin, incident=incident, **changes)
    assert (refused.value.code, list(refused.value.fields)) == (
        PlatformErrorCode.INVALID.value,
        [field],
    )


def test_a_new_incident_cannot_start_resolved(rbac_admin):
    with pytest.raises(ApplicationError) as refused:
        incident_open(
            actor=rbac_admin,
            title="Old news",
            severity=IncidentSeverity.MINOR,
            status=IncidentStatus.RESOLVED,
        )
    assert list(refused.value.fields) == ["status"]
    assert SystemIncident.objects.count() == 0


def test_only_system_admins_manage_incidents(kyc_reviewer):
    with pytest.raises(PermissionDeniedError) as refused:
        incident_open(actor=kyc_reviewer, title="x", severity=IncidentSeverity.MINOR)
    assert refused.value.code == PlatformErrorCode.PERMISSION_DENIED.value
    assert SystemIncident.objects.count() == 0


# --- the public status page ----------------------------------------------------------------


def test_the_status_page_lists_open_incidents_without_staff_fields(
    django_assert_num_queries, rbac_admin
):
    SystemIncidentFactory(status=IncidentStatus.RESOLVED)
    older = incident_open(
        actor=rbac_admin,
        title="Search slow",
        severity=IncidentSeverity.MINOR,
        started_at=timezone.now() - datetime.timedelta(hours=3),
    )
    newer = incident_open(
        actor=rbac_admin,
        title="Payments down",
        severity=IncidentSeverity.CRITICAL,
        affected_components=["payment_provider"],
        public_message="Card payments fail.",
    )
    with django_assert_num_queries(1):
        response = bearer_client(None).get("/api/v1/status/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert [i["id"] for i in body["incidents"]] == [str(newer.pk), str(older.pk)]
    assert body["incidents"][0] == {
        "id": str(newer.pk),
        "title": "Payments down",
        "severity": "Critical",
        "status": "Investigating",
        "affected_components": ["payment_provider"],
        "started_at": body["incidents"][0]["started_at"],
        "public_message": "Card payments fail.",
    }


def test_the_status_page_is_operational_without_open_incidents():
    SystemIncidentFactory(status=IncidentStatus.RESOLVED)
    response = bearer_client(None).get("/api/v1/status/")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "operational", "incidents": []},
    )


def test_the_status_page_answers_in_maintenance_mode(settings):
    from doggy.models import SystemSetting

    SystemSetting.objects.update_or_create(
        setting_key="Platform.MaintenanceMode",
        defaults={"setting_value": "true", "data_type": "Boolean", "category": "Platform"},
    )
    from doggy.selectors import setting_cache_delete

    setting_cache_delete("Platform.MaintenanceMode")
    assert bearer_client(None).get("/api/v1/dogs/").status_code == 503
    assert bearer_client(None).get("/api/v1/status/").status_code == 200


# --- the staff API -------------------------------------------------------------------------


def test_staff_open_filter_and_resolve_through_the_api(rbac_admin):
    client = bearer_client(rbac_admin)
    created = client.post(
        STAFF_URL,
        {"title": "Push delayed", "severity": "Major", "affected_components": ["push"]},
        format="json",
    )
    assert created.status_code == 201
    incident_id = created.json()["id"]
    SystemIncidentFactory(severity=IncidentSeverity.MINOR)

    majors_open = client.get(STAFF_URL, {"status": "Investigating", "severity": "Major"})
    assert [row["id"] for row in majors_open.json()["results"]] == [incident_id]

    resolved = client.patch(
        f"{STAFF_URL}{incident_id}/",
        {"status": "Resolved", "public_message": "Delivered."},
        format="json",
    )
    assert resolved.status_code == 200
    assert resolved.json()["status"] == "Resolved"
    assert resolved.json()["resolved_at"] is not None

    again = client.patch(f"{STAFF_URL}{incident_id}/", {"status": "Monitoring"}, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "incident_resolved"


def test_staff_api_refuses_bad_input_with_the_one_error_shape(rbac_admin):
    client = bearer_client(rbac_admin)
    bad = client.post(STAFF_URL, {"title": "x", "severity": "Huge"}, format="json")
    assert bad.status_code == 400
    assert list(bad.json()["error"]["fields"]) == ["severity"]
    bad_filter = client.get(STAFF_URL, {"status": "Paused"})
    assert bad_filter.status_code == 400
    missing = client.get(f"{STAFF_URL}00000000-0000-0000-0000-000000000001/")
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "incident_not_found")
    assert SystemIncident.objects.count() == 0


def test_the_staff_list_costs_the_same_for_any_page_size(rbac_admin, django_assert_num_queries):
    client = bearer_client(rbac_admin)
    client.get(STAFF_URL)  # warm the session and permission caches
    SystemIncidentFactory.create_batch(2)
    with django_assert_num_queries(3) as few:
        assert client.get(STAFF_URL).status_code == 200
    SystemIncidentFactory.create_batch(8)
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(client.get(STAFF_URL).json()["results"]) == 10


# --- the admin -----------------------------------------------------------------------------


def _admin_url(name, *args):
    return reverse(f"admin:doggy_systemincident_{name}", args=args)


def test_the_admin_opens_and_updates_incidents_through_the_services(client, superuser):
    client.force_login(superuser)
    started = timezone.now() - datetime.timedelta(minutes=5)
    added = client.post(
        _admin_url("add"),
        {
            "title": "Calendar sync failing",
            "severity": "Major",
            "status": "Investigating",
            "affected_components": '["calendar_sync"]',
            "started_at_0": started.strftime("%Y-%m-%d"),
            "started_at_1": started.strftime("%H:%M:%S"),
            "public_message": "",
        },
    )
    assert added.status_code == 302
    incident = SystemIncident.objects.get()
    assert (incident.created_by_id, _audits(incident)) == (superuser.pk, [AuditAction.CREATE])

    resolved = client.post(
        _admin_url("changelist"),
        {"action": "resolve", "_selected_action": [str(incident.pk)]},
    )
    assert resolved.status_code == 302
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.RESOLVED
    assert _audits(incident) == [AuditAction.CREATE, AuditAction.UPDATE]


def test_the_admin_shows_a_service_refusal_on_the_form(client, superuser):
    client.force_login(superuser)
    incident = SystemIncidentFactory(status=IncidentStatus.RESOLVED, title="Old")
    response = client.post(
        _admin_url("change", incident.pk),
        {
            "title": "Renamed",
            "severity": incident.severity,
            "status": "Resolved",
            "affected_components": '["storage"]',
            "started_at_0": incident.started_at.strftime("%Y-%m-%d"),
            "started_at_1": incident.started_at.strftime("%H:%M:%S"),
            "public_message": incident.public_message,
        },
    )
    assert response.status_code == 200
    assert b"The incident is resolved" in response.content
    incident.refresh_from_db()
    assert incident.title == "Old"


def test_the_admin_filters_by_status_and_severity(client, superuser):
    client.force_login(superuser)
    SystemIncidentFactory(title="Closed one", status=IncidentStatus.RESOLVED)
    response = client.get(_admin_url("changelist"), {"status__exact": "Resolved"})
    assert response.status_code == 200
    assert b"Closed one" in response.content
    response = client.get(_admin_url("changelist"), {"status__exact": "Investigating"})
    assert b"Closed one" not in response.content
