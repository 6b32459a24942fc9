"""Reports (plan 041): the catalogue's parameters, runs end to end, downloads, expiry,
failures, definitions through their services, and the list's constant query count."""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.choices import RoleName
from audit.choices import AuditAction, ReportRunStatus
from audit.models import AuditLog, ReportDefinition, ReportRun
from doggy.choices import FilePurpose, JobRunStatus, ScanStatus
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from doggy.insights import report_services, reports
from doggy.insights.report_services import (
    FAILED_MESSAGE,
    report_definition_create,
    report_definition_update,
    report_definitions_sync,
    report_runs_expire,
)
from doggy.models import BackgroundJobRun, StoredFile
from tests.accounts.factories import PermissionFactory
from tests.audit.factories import ReportDefinitionFactory, ReportRunFactory
from tests.callers import bearer_client, make_user

RUNS = "/api/v1/reports/runs/"
DAY_1 = datetime.datetime(2026, 11, 1, 9, 30, tzinfo=datetime.UTC)
DAY_2 = datetime.datetime(2026, 11, 2, 23, 59, tzinfo=datetime.UTC)
SIGNUPS = {"date_from": "2026-11-01", "date_to": "2026-11-03"}


@pytest.fixture
def signups(rbac):
    """Four sign-ups over two days, of three kinds; one user outside the range."""
    make_user(rbac, RoleName.PET_OWNER, email="a@example.com", date_joined=DAY_1)
    make_user(rbac, RoleName.PET_OWNER, email="b@example.com", date_joined=DAY_1)
    make_user(rbac, RoleName.SERVICE_PROVIDER, email="c@example.com", date_joined=DAY_2)
    make_user(rbac, None, email="d@example.com", date_joined=DAY_2)
    make_user(rbac, RoleName.PET_OWNER, email="e@example.com", date_joined=DAY_1.replace(month=10))


@pytest.fixture
def signups_report(db):
    return ReportDefinitionFactory(key="admin.users_signups")


def _request(user, body, *, execute: bool, capture):
    client = bearer_client(user)
    if not execute:
        return client.post(RUNS, body, format="json")
    with capture(execute=True):
        return client.post(RUNS, body, format="json")


def test_a_run_streams_the_report_into_a_private_expiring_csv(
    rbac_admin, signups, signups_report, django_capture_on_commit_callbacks, media_root
):
    # given: an admin asks for the sign-ups of three days
    body = {"report": "admin.users_signups", "parameters": SIGNUPS, "format": "csv"}

    # when: the run is queued and executed after commit
    response = _request(rbac_admin, body, execute=True, capture=django_capture_on_commit_callbacks)

    # then: 202 with the run and where to poll it
    assert response.status_code == 202, response.content
    run_id = response.json()["id"]
    assert response["Location"] == f"/api/v1/reports/runs/{run_id}/"
    assert response.json()["status"] == "Queued"
    assert response.json()["parameters"] == SIGNUPS

    detail = bearer_client(rbac_admin).get(response["Location"]).json()
    assert detail["status"] == "Succeeded"
    assert detail["row_count"] == 3
    assert detail["error"] == ""
    assert detail["download_url"] == f"/api/v1/reports/runs/{run_id}/download/"

    download = bearer_client(rbac_admin).get(detail["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv"
    assert download["Content-Disposition"].startswith('attachment; filename="admin.users_signups-')
    assert b"".join(download.streaming_content).decode() == (
        "day,role,signups\r\n"
        "2026-11-01,PetOwner,2\r\n"
        "2026-11-02,(none),1\r\n"
        "2026-11-02,ServiceProvider,1\r\n"
    )

    # the file: the requester's, private, a report export, expiring in 7 days
    run = ReportRun.objects.select_related("result_file").get(pk=run_id)
    stored = run.result_file
    assert (stored.owner_id, stored.purpose, stored.visibility, stored.scan_status) == (
        rbac_admin.pk,
        FilePurpose.REPORT_EXPORT,
        "Private",
        ScanStatus.SKIPPED,
    )
    assert stored.expires_at - run.finished_at == pytest.approx(
        datetime.timedelta(days=7), abs=datetime.timedelta(seconds=5)
    )
    assert detail["expires_at"] is not None
    export = AuditLog.objects.get(action=AuditAction.EXPORT)
    assert (export.user_id, export.entity_id) == (rbac_admin.pk, str(run.pk))
    assert export.new_values["row_count"] == 3
    assert export.new_values["report"] == "admin.users_signups"


def test_a_json_run_writes_an_array_of_objects(
    rbac_admin, signups, signups_report, django_capture_on_commit_callbacks, media_root
):
    body = {"report": "admin.users_signups", "parameters": SIGNUPS, "format": "json"}
    response = _request(rbac_admin, body, execute=True, capture=django_capture_on_commit_callbacks)

    download = bearer_client(rbac_admin).get(f"{RUNS}{response.json()['id']}/download/")

    assert download["Content-Type"] == "application/json"
    assert download.status_code == 200
    assert json.loads(b"".join(download.streaming_content)) == [
        {"day": "2026-11-01", "role": "PetOwner", "signups": 2},
        {"day": "2026-11-02", "role": "(none)", "signups": 1},
        {"day": "2026-11-02", "role": "ServiceProvider", "signups": 1},
    ]


def test_the_row_count_advances_batch_by_batch_while_running(
    rbac_admin, signups_report, monkeypatch, media_root
):
    # given: a generator of three batches that records the progress seen after each
    seen = []
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)

    def three_batches(actor, parameters):
        for size in (2, 3, 1):
            seen.append(ReportRun.objects.values_list("status", "row_count").get(pk=run.pk))
            yield [("2026-11-01", "PetOwner", size)] * size

    kind = reports.CATALOGUE["admin.users_signups"]
    monkeypatch.setitem(
        reports.CATALOGUE, kind.key, dataclasses.replace(kind, generate=three_batches)
    )

    # when
    report_services.report_run_execute(str(run.pk))

    # then: Running with 0, 2, 5 rows written, then Succeeded with 6
    assert seen == [("Running", 0), ("Running", 2), ("Running", 5)]
    run.refresh_from_db()
    assert (run.status, run.row_count) == (ReportRunStatus.SUCCEEDED, 6)


def test_a_failing_report_is_failed_with_a_message_and_no_traceback(
    rbac_admin, signups_report, monkeypatch, media_root
):
    def boom(actor, parameters):
        yield [("2026-11-01", "PetOwner", 1)]
        raise ZeroDivisionError("secret internals at /srv/app/x.py line 3")

    kind = reports.CATALOGUE["admin.users_signups"]
    monkeypatch.setitem(reports.CATALOGUE, kind.key, dataclasses.replace(kind, generate=boom))
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)

    report_services.report_run_execute(str(run.pk))

    run.refresh_from_db()
    assert (run.status, run.error, run.result_file_id) == (
        ReportRunStatus.FAILED,
        FAILED_MESSAGE,
        None,
    )
    assert run.finished_at is not None
    body = bearer_client(rbac_admin).get(f"{RUNS}{run.pk}/").json()
    assert body["error"] == FAILED_MESSAGE
    assert body["download_url"] is None
    download = bearer_client(rbac_admin).get(f"{RUNS}{run.pk}/download/")
    assert (download.status_code, download.json()["error"]["code"]) == (409, "report_not_ready")
    assert not AuditLog.objects.filter(action=AuditAction.EXPORT).exists()


def test_a_run_is_executed_once(rbac_admin, signups_report, media_root):
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)

    report_services.report_run_execute(str(run.pk))
    report_services.report_run_execute(str(run.pk))

    assert StoredFile.objects.filter(purpose=FilePurpose.REPORT_EXPORT).count() == 1


@pytest.mark.parametrize("caller", ["other_owner", "kyc_reviewer", "superuser"])
def test_another_user_cannot_see_or_download_a_run(
    request, rbac_admin, signups_report, media_root, caller
):
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)
    report_services.report_run_execute(str(run.pk))
    client = bearer_client(request.getfixturevalue(caller))

    for path in (f"{RUNS}{run.pk}/", f"{RUNS}{run.pk}/download/"):
        response = client.get(path)
        assert (response.status_code, response.json()["error"]["code"]) == (
            404,
            "report_run_not_found",
        )
    assert client.get(RUNS).json()["count"] == 0


def test_an_expired_run_answers_410_and_the_sweep_deletes_its_file(
    rbac_admin, signups_report, media_root, django_capture_on_commit_callbacks
):
    # given: a finished run whose file passed its expiry
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)
    report_services.report_run_execute(str(run.pk))
    run.refresh_from_db()
    StoredFile.objects.filter(pk=run.result_file_id).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    path = f"{RUNS}{run.pk}/download/"

    # then: 410 before the sweep came by
    response = bearer_client(rbac_admin).get(path)
    assert (response.status_code, response.json()["error"]["code"]) == (410, "report_expired")

    # when: the sweep runs (the command, recorded in BackgroundJobRuns)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_report_runs", verbosity=0)

    # then: Expired, the file row deleted and its blob gone; still 410
    run.refresh_from_db()
    stored = StoredFile.objects.get(pk=run.result_file_id)
    assert run.status == ReportRunStatus.EXPIRED
    assert stored.deleted_at is not None
    assert not storages["default"].exists(stored.storage_key)
    response = bearer_client(rbac_admin).get(path)
    assert (response.status_code, response.json()["error"]["code"]) == (410, "report_expired")
    job = BackgroundJobRun.objects.get(job_name="expire_report_runs")
    assert (job.status, job.items_processed) == (JobRunStatus.SUCCEEDED, 1)
    # and a second sweep changes nothing
    assert report_runs_expire() == report_services.ExpireResult(expired=0, timed_out=0)


def test_the_sweep_fails_runs_stuck_for_over_an_hour(rbac_admin, signups_report):
    stuck = ReportRunFactory(
        report_definition=signups_report,
        requested_by=rbac_admin,
        status=ReportRunStatus.RUNNING,
        created_at=timezone.now() - datetime.timedelta(hours=2),
    )
    fresh = ReportRunFactory(requested_by=rbac_admin, report_definition=signups_report)

    assert report_runs_expire() == report_services.ExpireResult(expired=0, timed_out=1)

    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert (stuck.status, fresh.status) == (ReportRunStatus.FAILED, ReportRunStatus.QUEUED)
    assert stuck.error == "The report took too long and was stopped. Try again."


def test_a_second_run_of_the_same_report_waits_for_the_first(
    rbac_admin, signups_report, django_capture_on_commit_callbacks
):
    body = {"report": "admin.users_signups"}
    first = _request(rbac_admin, body, execute=False, capture=None)

    second = _request(rbac_admin, body, execute=False, capture=None)

    assert first.status_code == 202
    assert second.status_code == 409
    assert second.json()["error"] == {
        "code": "report_run_in_progress",
        "message": "You already have a run of this report in progress; wait for it to finish.",
        "fields": {"run": [first.json()["id"]]},
    }
    assert ReportRun.objects.count() == 1


@pytest.mark.parametrize(
    ("parameters", "fields"),
    [
        (
            {"date_from": "yesterday"},
            {"parameters.date_from": ["'yesterday' is not a 'date'"]},
        ),
        (
            {"colour": "red"},
            {"parameters": ["Additional properties are not allowed ('colour' was unexpected)"]},
        ),
        (
            {"date_from": "2026-11-03", "date_to": "2026-11-01"},
            {"parameters.date_from": ["Must not be after date_to."]},
        ),
        (
            {"date_from": "2025-01-01", "date_to": "2026-11-01"},
            {"parameters.date_to": ["A report covers at most 366 days."]},
        ),
        ({"role": 7}, {"parameters.role": ["7 is not of type 'string'"]}),
    ],
    ids=["not-a-date", "unknown", "reversed", "too-long", "wrong-type"],
)
def test_parameters_are_validated_against_the_reports_schema(
    rbac_admin, signups_report, parameters, fields
):
    response = bearer_client(rbac_admin).post(
        RUNS, {"report": "admin.users_signups", "parameters": parameters}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "report_invalid",
        "message": "The report parameters are not valid.",
        "fields": fields,
    }
    assert ReportRun.objects.count() == 0


def test_an_unknown_format_is_refused(rbac_admin, signups_report):
    response = bearer_client(rbac_admin).post(
        RUNS, {"report": "admin.users_signups", "format": "xlsx"}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["format"]


def test_a_definitions_defaults_are_laid_under_the_callers_parameters(rbac_admin):
    ReportDefinitionFactory(
        key="admin.users_signups.providers",
        parameters={"role": "ServiceProvider", "date_from": "2026-11-01"},
    )

    response = bearer_client(rbac_admin).post(
        RUNS,
        {"report": "admin.users_signups.providers", "parameters": {"date_to": "2026-11-05"}},
        format="json",
    )

    assert response.status_code == 202
    assert response.json()["parameters"] == {
        "role": "ServiceProvider",
        "date_from": "2026-11-01",
        "date_to": "2026-11-05",
    }


def test_the_default_range_is_the_last_30_days(rbac_admin, signups_report):
    today = timezone.now().date()

    response = bearer_client(rbac_admin).post(
        RUNS, {"report": "admin.users_signups"}, format="json"
    )

    assert response.json()["parameters"] == {
        "date_from": (today - datetime.timedelta(days=29)).isoformat(),
        "date_to": today.isoformat(),
    }


def test_callers_see_the_definitions_of_their_audience_and_permission(
    db, rbac, owner, provider_user, kyc_reviewer, rbac_admin
):
    report_definitions_sync()
    ReportDefinition.objects.filter(key="admin.bookings_by_category").update(is_active=False)

    def keys(user):
        body = bearer_client(user).get("/api/v1/reports/definitions/").json()
        return [row["key"] for row in body["results"]]

    assert keys(owner) == ["owner.expenses_by_dog"]
    assert keys(provider_user) == ["provider.earnings"]
    assert keys(kyc_reviewer) == ["admin.kyc_queue"]
    assert keys(rbac_admin) == ["admin.kyc_queue", "admin.users_signups"]
    definition = bearer_client(owner).get("/api/v1/reports/definitions/").json()["results"][0]
    assert definition["columns"] == ["dog_id", "dog", "currency", "expenses", "total_amount"]
    assert definition["formats"] == ["csv", "json"]
    assert definition["parameters_schema"]["additionalProperties"] is False


def test_a_definition_outside_the_callers_audience_is_not_found(owner, signups_report):
    response = bearer_client(owner).post(RUNS, {"report": "admin.users_signups"}, format="json")

    assert (response.status_code, response.json()["error"]["code"]) == (404, "report_not_found")


def test_an_owners_report_covers_only_their_own_expenses(
    owner, other_owner, django_capture_on_commit_callbacks, media_root
):
    from tests.billing.factories import PetExpenseFactory
    from tests.pets.factories import DogProfileFactory

    rex = DogProfileFactory(owner=owner, name="Rex")
    PetExpenseFactory(
        owner=owner, dog=rex, amount="10.50", currency="USD", expense_date=DAY_1.date()
    )
    PetExpenseFactory(
        owner=owner, dog=rex, amount="4.50", currency="USD", expense_date=DAY_1.date()
    )
    PetExpenseFactory(
        owner=owner, dog=None, amount="7.00", currency="EUR", expense_date=DAY_2.date()
    )
    PetExpenseFactory(owner=other_owner, amount="99.00", currency="USD", expense_date=DAY_1.date())
    ReportDefinitionFactory(key="owner.expenses_by_dog", name="My expenses", audience="PetOwner")
    body = {"report": "owner.expenses_by_dog", "parameters": SIGNUPS}

    response = _request(owner, body, execute=True, capture=django_capture_on_commit_callbacks)

    download = bearer_client(owner).get(f"{RUNS}{response.json()['id']}/download/")
    assert b"".join(download.streaming_content).decode() == (
        "dog_id,dog,currency,expenses,total_amount\r\n"
        f"{rex.pk},Rex,USD,2,15.00\r\n"
        ",(household),EUR,1,7.00\r\n"
    )


def test_csv_cells_that_spreadsheets_would_run_are_neutralised():
    handle = io.BytesIO()
    sink = report_services._CsvSink(handle, ("a", "b"))
    sink.write([("=HYPERLINK(1)", "-2"), ("plain", "@x")])
    sink.close()

    assert handle.getvalue().decode() == "a,b\r\n'=HYPERLINK(1),'-2\r\nplain,'@x\r\n"


# --- definitions through their services -------------------------------------------------------
def test_staff_create_a_definition_of_a_catalogue_report_audited(rbac_admin):
    permission = PermissionFactory(name="reports.finance", category="Reports")

    definition = report_definition_create(
        actor=rbac_admin,
        key="admin.bookings_by_category.monthly",
        name="Monthly bookings",
        audience="Admin",
        required_permission=permission,
        parameters={"date_from": "2026-11-01"},
    )

    row = AuditLog.objects.get(action=AuditAction.CREATE, entity_type="audit.ReportDefinition")
    assert row.entity_id == str(definition.pk)
    assert row.new_values["key"] == "admin.bookings_by_category.monthly"
    assert row.new_values["required_permission"] == permission.pk


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "finance.totals"}, "key"),
        ({"key": "Admin.Kyc"}, "key"),
        ({"audience": "PetOwner"}, "audience"),
        ({"parameters": {"colour": "red"}}, "parameters"),
    ],
    ids=["not-in-catalogue", "bad-pattern", "wrong-audience", "bad-defaults"],
)
def test_a_bad_definition_is_refused_with_its_field(rbac_admin, changes, field):
    data = {"key": "admin.kyc_queue.x", "name": "KYC", "audience": "Admin", **changes}

    with pytest.raises(ApplicationError) as refused:
        report_definition_create(actor=rbac_admin, **data)

    assert refused.value.code == "report_invalid"
    assert list(refused.value.fields) == [field]
    assert ReportDefinition.objects.count() == 0


def test_only_staff_edit_definitions(kyc_reviewer, rbac_admin):
    with pytest.raises(PermissionDeniedError) as refused:
        report_definition_create(
            actor=kyc_reviewer, key="admin.kyc_queue", name="KYC", audience="Admin"
        )
    assert refused.value.code == "staff_only"

    definition = report_definition_create(
        actor=rbac_admin, key="admin.kyc_queue", name="KYC", audience="Admin"
    )
    with pytest.raises(ConflictError) as duplicate:
        report_definition_create(
            actor=rbac_admin, key="admin.kyc_queue", name="KYC", audience="Admin"
        )
    assert duplicate.value.code == "report_exists"

    report_definition_update(
        actor=rbac_admin, definition=definition, changes={"name": "KYC queue", "is_active": False}
    )
    definition.refresh_from_db()
    assert (definition.name, definition.is_active) == ("KYC queue", False)
    update = AuditLog.objects.get(action=AuditAction.UPDATE, entity_type="audit.ReportDefinition")
    assert update.new_values == {"name": "KYC queue", "is_active": False}


def test_syncing_the_catalogue_is_idempotent(db, rbac):
    first = report_definitions_sync()
    second = report_definitions_sync()

    assert first.created == list(reports.CATALOGUE)
    assert second.created == []
    assert second.existing == sorted(reports.CATALOGUE)
    kyc = ReportDefinition.objects.select_related("required_permission").get(key="admin.kyc_queue")
    assert kyc.required_permission.name == "kyc.review"


# --- the list: caller-scoped, filtered, constant queries ----------------------------------------
def test_the_run_list_is_the_callers_own_filtered_by_status(rbac_admin, owner, signups_report):
    mine = ReportRunFactory(requested_by=rbac_admin, report_definition=signups_report)
    ReportRunFactory(
        requested_by=rbac_admin, report_definition=signups_report, status=ReportRunStatus.FAILED
    )
    ReportRunFactory(requested_by=owner, report_definition=signups_report)
    client = bearer_client(rbac_admin)

    assert client.get(RUNS).json()["count"] == 2
    queued = client.get(RUNS, {"status": "Queued"}).json()["results"]
    assert [row["id"] for row in queued] == [str(mine.pk)]
    bad = client.get(RUNS, {"status": "Done"})
    assert (bad.status_code, list(bad.json()["error"]["fields"])) == (400, ["status"])


def test_the_run_list_costs_the_same_queries_for_any_page_size(rbac_admin, signups_report):
    client = bearer_client(rbac_admin)
    client.get(RUNS)  # warm the session and permission caches of this client

    def queries_for(count: int) -> int:
        ReportRun.objects.all().delete()
        ReportRunFactory.create_batch(
            count, requested_by=rbac_admin, report_definition=signups_report
        )
        with CaptureQueriesContext(connection) as captured:
            assert client.get(RUNS).json()["count"] == count
        return len(captured)

    assert queries_for(2) == queries_for(20)


def test_a_file_is_expired_only_once_its_expiry_passed(rbac_admin, media_root):
    from django.core.files.base import ContentFile

    from doggy.services import stored_file_create, stored_file_expire

    upload = ContentFile(b"a,b\r\n", name="r.csv")
    upload.content_type = "text/csv"
    later = stored_file_create(
        actor=rbac_admin,
        uploaded_file=upload,
        purpose=FilePurpose.REPORT_EXPORT,
        allowed_content_types=["text/csv"],
        expires_at=timezone.now() + datetime.timedelta(days=1),
        generated=True,
    )

    assert stored_file_expire(later.pk) is False
    StoredFile.objects.filter(pk=later.pk).update(expires_at=timezone.now())
    assert stored_file_expire(later.pk) is True
    assert stored_file_expire(later.pk) is False
    assert AuditLog.objects.filter(action=AuditAction.DELETE, entity_id=str(later.pk)).count() == 1


def test_the_files_lifetime_is_a_setting(settings, rbac_admin, signups_report, media_root):
    settings.DOGGY_REPORT_EXPORT_DAYS = 2
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)

    report_services.report_run_execute(str(run.pk))

    run.refresh_from_db()
    assert run.result_file.expires_at - run.finished_at == pytest.approx(
        datetime.timedelta(days=2), abs=datetime.timedelta(seconds=5)
    )


def test_a_file_over_the_size_limit_fails_the_run(settings, rbac_admin, signups, signups_report):
    settings.DOGGY_REPORT_EXPORT_MAX_BYTES = 20
    run = ReportRunFactory(
        report_definition=signups_report, requested_by=rbac_admin, parameters=SIGNUPS
    )

    report_services.report_run_execute(str(run.pk))

    run.refresh_from_db()
    assert (run.status, run.error) == (ReportRunStatus.FAILED, "The file is larger than 20 bytes.")
    assert not StoredFile.objects.filter(purpose=FilePurpose.REPORT_EXPORT).exists()


# --- the other catalogue reports, row by row --------------------------------------------------
def _rows(key: str, actor, parameters: dict) -> list[tuple]:
    kind = reports.CATALOGUE[key]
    resolved = reports.report_parameters_validate(kind, parameters)
    return [row for batch in kind.generate(actor, resolved) for row in batch]


NOV = {"date_from": "2026-11-01", "date_to": "2026-11-30"}
START = datetime.datetime(2026, 11, 10, 9, 0, tzinfo=datetime.UTC)


def test_a_providers_earnings_are_their_own_completed_appointments(provider_user):
    from tests.scheduling.factories import AppointmentFactory, ServiceOfferingFactory

    walk = ServiceOfferingFactory(provider=provider_user.service_provider, name="Long walk")
    done = AppointmentFactory(
        service_offering=walk, start_at=START, status="Completed", completed_at=START
    )
    AppointmentFactory(service_offering=walk, start_at=START + datetime.timedelta(hours=3))
    AppointmentFactory(start_at=START, status="Completed", completed_at=START)  # another's

    assert _rows("provider.earnings", provider_user, NOV) == [
        ("2026-11-10T09:00:00Z", done.reference, "Long walk", "Completed", done.price_amount, "USD")
    ]
    assert _rows("provider.earnings", make_user_without_profile(), NOV) == []


def make_user_without_profile():
    from tests.accounts.factories import UserFactory

    return UserFactory()


def test_bookings_by_category_count_and_total_per_status_and_currency(db):
    from tests.scheduling.factories import AppointmentFactory

    AppointmentFactory(start_at=START)
    AppointmentFactory(start_at=START + datetime.timedelta(hours=3))
    AppointmentFactory(start_at=START, status="Completed", completed_at=START)
    AppointmentFactory(start_at=START.replace(month=10))  # outside the range

    assert _rows("admin.bookings_by_category", None, NOV) == [
        ("Dog Walking", "Completed", "USD", 1, Decimal("20.00")),
        ("Dog Walking", "Requested", "USD", 2, Decimal("40.00")),
    ]


def test_the_kyc_queue_lists_open_cases_oldest_submission_first(db):
    from tests.accounts.factories import KycVerificationFactory

    later = KycVerificationFactory(status="Pending", submitted_at=START)
    first = KycVerificationFactory(status="InReview", submitted_at=START.replace(day=2))
    KycVerificationFactory(status="Approved", submitted_at=START, reviewed_at=START)
    unsent = KycVerificationFactory()

    rows = _rows("admin.kyc_queue", None, NOV)

    assert [row[0] for row in rows] == [str(first.pk), str(later.pk), str(unsent.pk)]
    assert rows[0][1:4] == (first.user.email, "Basic", "InReview")
    assert [row[0] for row in _rows("admin.kyc_queue", None, {**NOV, "statuses": ["Pending"]})] == [
        str(later.pk)
    ]


def test_a_run_failed_by_the_sweep_while_running_stays_failed_and_drops_its_file(
    rbac_admin, signups_report, monkeypatch, media_root
):
    run = ReportRunFactory(report_definition=signups_report, requested_by=rbac_admin)

    def swept_meanwhile(actor, parameters):
        ReportRun.objects.filter(pk=run.pk).update(status=ReportRunStatus.FAILED, error="late")
        yield [("2026-11-01", "PetOwner", 1)]

    kind = reports.CATALOGUE["admin.users_signups"]
    monkeypatch.setitem(
        reports.CATALOGUE, kind.key, dataclasses.replace(kind, generate=swept_meanwhile)
    )

    report_services.report_run_execute(str(run.pk))

    run.refresh_from_db()
    assert (run.status, run.error, run.result_file_id) == (ReportRunStatus.FAILED, "late", None)
    stored = StoredFile.objects.get(purpose=FilePurpose.REPORT_EXPORT)
    assert stored.deleted_at is not None
    assert not AuditLog.objects.filter(action=AuditAction.EXPORT).exists()
