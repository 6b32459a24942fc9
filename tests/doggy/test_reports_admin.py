"""The reports admin (plan 041): definitions are added and edited through the report
services (audited, refused on the form), runs and snapshots are read-only lists."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.choices import AuditAction
from audit.models import AuditLog, DashboardSnapshot, ReportDefinition, ReportRun
from doggy.insights.report_services import report_run_execute
from tests.audit.factories import (
    DashboardSnapshotFactory,
    ReportDefinitionFactory,
    ReportRunFactory,
)


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def _url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def _definition_form(**fields):
    return {
        "key": "admin.kyc_queue",
        "name": "KYC queue",
        "description": "",
        "audience": "Admin",
        "required_permission": "",
        "parameters": "{}",
        "is_active": "on",
        **fields,
    }


def test_staff_add_a_definition_through_the_service(staff_client, superuser):
    response = staff_client.post(_url(ReportDefinition, "add"), _definition_form())

    assert response.status_code == 302
    definition = ReportDefinition.objects.get()
    assert definition.key == "admin.kyc_queue"
    created = AuditLog.objects.filter(
        action=AuditAction.CREATE, entity_type="audit.ReportDefinition"
    )
    assert [(row.user_id, row.entity_id) for row in created] == [(superuser.pk, str(definition.pk))]


def test_a_definition_outside_the_catalogue_is_refused_on_the_form(staff_client):
    response = staff_client.post(_url(ReportDefinition, "add"), _definition_form(key="sql.raw"))

    assert response.status_code == 200
    assert "Start the key with a catalogue report" in response.content.decode()
    assert ReportDefinition.objects.count() == 0
    assert AuditLog.objects.count() == 0


def test_the_key_and_audience_stay_once_created(staff_client):
    definition = ReportDefinitionFactory()

    page = staff_client.get(_url(ReportDefinition, "change", definition.pk))
    response = staff_client.post(
        _url(ReportDefinition, "change", definition.pk),
        {"name": "Renamed", "description": "", "required_permission": "", "parameters": "{}"},
    )

    assert 'name="key"' not in page.content.decode()
    assert response.status_code == 302
    definition.refresh_from_db()
    assert (definition.key, definition.name, definition.is_active) == (
        "admin.users_signups",
        "Renamed",
        False,
    )
    update = AuditLog.objects.get(action=AuditAction.UPDATE)
    assert update.new_values == {"name": "Renamed", "is_active": False}
    assert staff_client.get(_url(ReportDefinition, "delete", definition.pk)).status_code == 403


@pytest.mark.parametrize(
    "model",
    [ReportRun, DashboardSnapshot],
    ids=["runs", "snapshots"],
)
def test_runs_and_snapshots_are_read_only_lists_in_bounded_queries(staff_client, media_root, model):
    def rows(count: int) -> None:
        if model is ReportRun:
            for run in ReportRunFactory.create_batch(count):
                report_run_execute(str(run.pk))
        else:
            start = DashboardSnapshot.objects.count()
            for n in range(count):
                DashboardSnapshotFactory(scope_id=f"s{start + n}")

    rows(2)
    with CaptureQueriesContext(connection) as few:
        listing = staff_client.get(_url(model, "changelist"))
    rows(5)
    with CaptureQueriesContext(connection) as more:
        again = staff_client.get(_url(model, "changelist"))
    row = model._default_manager.order_by("pk").last()
    detail = staff_client.get(_url(model, "change", row.pk))

    assert (listing.status_code, again.status_code, detail.status_code) == (200, 200, 200)
    assert len(more.captured_queries) == len(few.captured_queries)
    assert staff_client.get(_url(model, "add")).status_code == 403
    assert b'name="_save"' not in detail.content


def test_the_run_list_links_the_file_and_filters_by_status(staff_client, media_root):
    run = ReportRunFactory()
    report_run_execute(str(run.pk))
    run.refresh_from_db()

    listing = staff_client.get(_url(ReportRun, "changelist"), {"status__exact": "Succeeded"})
    queued = staff_client.get(_url(ReportRun, "changelist"), {"status__exact": "Queued"})

    file_url = reverse("admin:doggy_storedfile_change", args=[run.result_file_id])
    assert file_url in listing.content.decode()
    assert file_url not in queued.content.decode()
