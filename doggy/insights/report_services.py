"""Writes of reports: definitions (staff), runs (request, execute, expire).

A run is requested by a caller who may run the definition (`report_selectors`), with
parameters validated against the kind's schema and a format (`csv` or `json`). At most
one run per caller and definition is Queued or Running at a time (409
`report_run_in_progress`). After commit the task runner executes it
(`report_run_execute`): Queued -> Running, the rows are streamed into a temporary file
batch by batch while `RowCount` advances (the progress the API shows), then the file is
stored through the StoredFiles service (private, purpose `ReportExport`, expiring after
`DOGGY_REPORT_EXPORT_DAYS`, 7 by default) and the run is Succeeded, with an `Export`
audit row. Any error marks it Failed; `Error` gets the domain error's message or a
generic one, never a traceback (that goes to the log).

`report_runs_expire` (the `expire_report_runs` command and its beat entry) marks runs
whose file expired `Expired` and deletes the file; it also fails runs stuck Queued or
Running for longer than `RUN_TIMEOUT` (a worker that died).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import logging
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Permission
from audit.choices import REPORT_RUN_ACTIVE_STATUSES, AuditAction, ReportFormat, ReportRunStatus
from audit.models import ReportDefinition, ReportRun
from audit.services import audit_log_record, model_snapshot
from doggy.choices import FilePurpose
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.spreadsheet import formula_safe
from doggy.core.tasks import run_after_commit
from doggy.core.updates import model_update
from doggy.health import job_run
from doggy.services import stored_file_create, stored_file_expire

from .errors import InsightsErrorCode
from .report_selectors import report_definition_get_runnable
from .reports import (
    CATALOGUE,
    ReportKind,
    report_kind_for,
    report_parameters_resolve,
    report_parameters_validate,
)

logger = logging.getLogger(__name__)

# The formats the API produces; xlsx and pdf are in the table's vocabulary only.
RUNNABLE_FORMATS = (ReportFormat.CSV, ReportFormat.JSON)
CONTENT_TYPES = {ReportFormat.CSV: "text/csv", ReportFormat.JSON: "application/json"}
# A run still Queued or Running after this long is failed by the sweep.
RUN_TIMEOUT = datetime.timedelta(hours=1)
DEFAULT_EXPORT_DAYS = 7
DEFAULT_EXPORT_MAX_BYTES = 100 * 1024 * 1024
FAILED_MESSAGE = "The report could not be produced. Try again later."
JOB_NAME = "expire_report_runs"


def report_export_days() -> int:
    return int(getattr(settings, "DOGGY_REPORT_EXPORT_DAYS", DEFAULT_EXPORT_DAYS))


def _report_invalid(fields: dict[str, list[str]], message: str) -> ApplicationError:
    return ApplicationError(InsightsErrorCode.REPORT_INVALID, message, fields=fields)


def _check_staff(actor) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            InsightsErrorCode.STAFF_ONLY, "Only platform staff may edit report definitions."
        )


# --- definitions --------------------------------------------------------------------------
DEFINITION_FIELDS = (
    "key",
    "name",
    "description",
    "audience",
    "required_permission",
    "parameters",
    "is_active",
)
EDITABLE_DEFINITION_FIELDS = (
    "name",
    "description",
    "required_permission",
    "parameters",
    "is_active",
)


def _definition_kind(key: str, audience: str) -> ReportKind:
    kind = report_kind_for(key)
    if kind is None:
        raise _report_invalid(
            {"key": [f"Start the key with a catalogue report: {', '.join(CATALOGUE)}."]},
            "The key names no report of the catalogue.",
        )
    if audience != kind.audience:
        raise _report_invalid(
            {"audience": [f"The report {kind.key} is for the {kind.audience} audience."]},
            "The audience does not match the report.",
        )
    return kind


def _validate_defaults(kind: ReportKind, parameters: Any) -> None:
    if not isinstance(parameters, dict):
        raise _report_invalid({"parameters": ["Send an object of parameters."]}, "Bad defaults.")
    # Raises report_invalid with `parameters.<name>` fields.
    report_parameters_resolve(kind, {}, parameters)


def _definition_validation_error(exc: ValidationError) -> ApplicationError:
    return _report_invalid(exc.message_dict, "The report definition is not valid.")


def _definition_conflict(exc: IntegrityError | None = None) -> ConflictError:
    return ConflictError(InsightsErrorCode.REPORT_EXISTS, "A report with this key exists already.")


@transaction.atomic
def report_definition_create(
    *,
    actor,
    key: str,
    name: str,
    audience: str,
    description: str = "",
    required_permission: Permission | None = None,
    parameters: Mapping[str, Any] | None = None,
    is_active: bool = True,
) -> ReportDefinition:
    """A definition of a catalogue report (staff only), with default parameters."""
    _check_staff(actor)
    parameters = dict(parameters or {})
    definition = ReportDefinition(
        key=key,
        name=name,
        description=description,
        audience=audience,
        required_permission=required_permission,
        parameters=parameters,
        is_active=is_active,
    )
    try:
        # The key's uniqueness is answered as a 409 below, not as a field error.
        definition.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise _definition_validation_error(exc) from None
    _validate_defaults(_definition_kind(key, audience), parameters)
    if ReportDefinition.objects.filter(key=key).exists():
        raise _definition_conflict()
    try:
        with transaction.atomic():
            definition.save(force_insert=True)
    except IntegrityError as exc:
        raise _definition_conflict(exc) from None
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=definition,
        new=model_snapshot(definition, DEFINITION_FIELDS),
    )
    return definition


@transaction.atomic
def report_definition_update(
    *, actor, definition: ReportDefinition, changes: Mapping[str, Any]
) -> ReportDefinition:
    """Edit a definition's name, description, permission, defaults or active flag (staff
    only); the key and audience stay (runs refer to them)."""
    _check_staff(actor)
    locked = ReportDefinition.objects.select_for_update().get(pk=definition.pk)
    if "parameters" in changes:
        _validate_defaults(_definition_kind(locked.key, locked.audience), changes["parameters"])
    model_update(
        locked,
        actor=actor,
        changes=changes,
        allowed=EDITABLE_DEFINITION_FIELDS,
        validation_error=_definition_validation_error,
        conflict_error=_definition_conflict,
    )
    for name in changes:
        setattr(definition, name, getattr(locked, name))
    return locked


@dataclass(frozen=True)
class SyncResult:
    created: list[str]
    existing: list[str]


@transaction.atomic
def report_definitions_sync(*, actor=None) -> SyncResult:
    """Create a definition for every catalogue report that has none (key = the report's
    key, its audience, its permission, no defaults). Existing definitions are left as
    staff edited them, so a second run changes nothing. Audited as `actor` (None: the
    system, for `manage.py sync_report_definitions`)."""
    if actor is not None:
        _check_staff(actor)
    existing = set(
        ReportDefinition.objects.filter(key__in=list(CATALOGUE)).values_list("key", flat=True)
    )
    permissions = {
        p.name: p
        for p in Permission.objects.filter(name__in={k.permission for k in CATALOGUE.values()})
    }
    created = []
    for kind in CATALOGUE.values():
        if kind.key in existing:
            continue
        definition = ReportDefinition.objects.create(
            key=kind.key,
            name=kind.name,
            description=kind.description,
            audience=kind.audience,
            required_permission=permissions.get(kind.permission),
            parameters={},
        )
        audit_log_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=definition,
            new=model_snapshot(definition, DEFINITION_FIELDS),
        )
        created.append(kind.key)
    return SyncResult(created=created, existing=sorted(existing))


# --- runs ---------------------------------------------------------------------------------
@transaction.atomic
def report_run_request(
    *, actor, key: str, parameters: Any = None, format: str = ReportFormat.CSV
) -> ReportRun:
    """Queue a run of the definition `key` for `actor`; it executes after commit."""
    definition = report_definition_get_runnable(actor=actor, key=key)
    if format not in RUNNABLE_FORMATS:
        raise _report_invalid(
            {"format": [f"Choose one of: {', '.join(RUNNABLE_FORMATS)}."]},
            f"Unknown format {format!r}.",
        )
    kind = report_kind_for(definition.key)
    resolved = report_parameters_resolve(
        kind, definition.parameters, {} if parameters is None else parameters
    )
    # The definition's row lock orders two requests of one caller, so that only one of
    # them finds no run in progress.
    ReportDefinition.objects.select_for_update().filter(pk=definition.pk).first()
    in_progress = ReportRun.objects.filter(
        report_definition=definition,
        requested_by=actor,
        status__in=list(REPORT_RUN_ACTIVE_STATUSES),
    ).first()
    if in_progress is not None:
        raise ConflictError(
            InsightsErrorCode.REPORT_RUN_IN_PROGRESS,
            "You already have a run of this report in progress; wait for it to finish.",
            fields={"run": [str(in_progress.pk)]},
        )
    run = ReportRun.objects.create(
        report_definition=definition,
        requested_by=actor,
        parameters=resolved,
        format=format,
        status=ReportRunStatus.QUEUED,
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=run,
        new={"report": definition.key, "parameters": resolved, "format": format},
    )
    run_after_commit(report_run_execute, str(run.pk))
    return run


class _CsvSink:
    def __init__(self, handle, columns):
        self.text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
        self.writer = csv.writer(self.text, lineterminator="\r\n")
        self.writer.writerow(columns)

    @staticmethod
    def _value(value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        if isinstance(value, str):
            return formula_safe(value)
        return value

    def write(self, rows) -> None:
        self.writer.writerows([self._value(v) for v in row] for row in rows)

    def close(self) -> None:
        self.text.flush()
        self.text.detach()


class _JsonSink:
    def __init__(self, handle, columns):
        self.handle = handle
        self.columns = columns
        self.first = True
        handle.write(b"[")

    def write(self, rows) -> None:
        for row in rows:
            record = {
                column: f"{value:.2f}" if isinstance(value, Decimal) else value
                for column, value in zip(self.columns, row, strict=True)
            }
            self.handle.write(
                (b"" if self.first else b",")
                + json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
            )
            self.first = False

    def close(self) -> None:
        self.handle.write(b"]")


def _claim(run_id) -> ReportRun | None:
    """Queued -> Running, once: a second delivery of the task finds nothing to claim."""
    now = timezone.now()
    claimed = ReportRun.objects.filter(pk=run_id, status=ReportRunStatus.QUEUED).update(
        status=ReportRunStatus.RUNNING, started_at=now, row_count=0
    )
    if not claimed:
        return None
    return ReportRun.objects.select_related("report_definition", "requested_by").get(pk=run_id)


def _fail(run: ReportRun, message: str) -> bool:
    """Queued or Running -> Failed with `message`; False when the run had left them."""
    message = message[:2000]
    with transaction.atomic():
        changed = ReportRun.objects.filter(
            pk=run.pk, status__in=list(REPORT_RUN_ACTIVE_STATUSES)
        ).update(status=ReportRunStatus.FAILED, error=message, finished_at=timezone.now())
        if changed:
            audit_log_record(
                actor=None,
                action=AuditAction.UPDATE,
                target=run,
                old={"status": run.status},
                new={"status": ReportRunStatus.FAILED, "error": message},
            )
    return bool(changed)


def report_run_execute(run_id: str) -> None:
    """The task: produce a queued run's file (see the module docstring)."""
    run = _claim(uuid.UUID(str(run_id)))
    if run is None:
        return
    try:
        _produce(run)
    except ApplicationError as exc:
        _fail(run, exc.message)
    except Exception:
        logger.exception("Report run %s failed", run.pk)
        _fail(run, FAILED_MESSAGE)


def _produce(run: ReportRun) -> None:
    definition = run.report_definition
    kind = report_kind_for(definition.key)
    requester = run.requested_by
    if kind is None or requester is None:
        raise ApplicationError(
            InsightsErrorCode.REPORT_NOT_FOUND, "The report or its requester no longer exists."
        )
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as handle:
        sink = (_JsonSink if run.format == ReportFormat.JSON else _CsvSink)(handle, kind.columns)
        count = 0
        # Checked again: the catalogue may have changed since the run was queued.
        parameters = report_parameters_validate(kind, run.parameters)
        for batch in kind.generate(requester, parameters):
            sink.write(batch)
            count += len(batch)
            # Progress, visible to the API at once (autocommit, outside any transaction).
            ReportRun.objects.filter(pk=run.pk).update(row_count=count)
        sink.close()
        handle.seek(0)
        name = f"{definition.key}-{timezone.now():%Y%m%d-%H%M%S}.{run.format}"
        upload = File(handle, name=name)
        upload.content_type = CONTENT_TYPES[run.format]
        expires_at = timezone.now() + datetime.timedelta(days=report_export_days())
        stored = stored_file_create(
            actor=requester,
            uploaded_file=upload,
            purpose=FilePurpose.REPORT_EXPORT,
            max_size=int(
                getattr(settings, "DOGGY_REPORT_EXPORT_MAX_BYTES", DEFAULT_EXPORT_MAX_BYTES)
            ),
            allowed_content_types=[CONTENT_TYPES[run.format]],
            expires_at=expires_at,
            generated=True,
        )
    with transaction.atomic():
        finished = timezone.now()
        succeeded = ReportRun.objects.filter(pk=run.pk, status=ReportRunStatus.RUNNING).update(
            status=ReportRunStatus.SUCCEEDED,
            row_count=count,
            result_file=stored,
            finished_at=finished,
        )
        if not succeeded:
            # The sweep failed the run meanwhile (it took over RUN_TIMEOUT): keep it
            # Failed, and let its file go at once.
            stored_file_expire(stored.pk, before_expiry=True)
            return
        audit_log_record(
            actor=requester,
            action=AuditAction.EXPORT,
            target=run,
            new={
                "report": definition.key,
                "parameters": run.parameters,
                "format": run.format,
                "row_count": count,
                "file": str(stored.pk),
                "expires_at": expires_at,
            },
        )


@dataclass(frozen=True)
class ExpireResult:
    expired: int
    timed_out: int


def report_runs_expire(*, now=None) -> ExpireResult:
    """Mark Succeeded runs whose file expired `Expired` and delete the file; fail runs
    stuck Queued or Running for longer than RUN_TIMEOUT. A second pass changes nothing."""
    now = now or timezone.now()
    expired = 0
    due = ReportRun.objects.filter(
        status=ReportRunStatus.SUCCEEDED, result_file__expires_at__lte=now
    ).values_list("pk", "result_file_id")
    for run_id, file_id in list(due):
        with transaction.atomic():
            changed = ReportRun.objects.filter(pk=run_id, status=ReportRunStatus.SUCCEEDED).update(
                status=ReportRunStatus.EXPIRED
            )
            if not changed:
                continue
            audit_log_record(
                actor=None,
                action=AuditAction.UPDATE,
                entity_type="audit.ReportRun",
                entity_id=run_id,
                old={"status": ReportRunStatus.SUCCEEDED},
                new={"status": ReportRunStatus.EXPIRED},
            )
            stored_file_expire(file_id)
            expired += 1
    timed_out = 0
    stuck = ReportRun.objects.filter(
        status__in=list(REPORT_RUN_ACTIVE_STATUSES), created_at__lte=now - RUN_TIMEOUT
    )
    for run in list(stuck):
        timed_out += _fail(run, "The report took too long and was stopped. Try again.")
    return ExpireResult(expired=expired, timed_out=timed_out)


def report_runs_expire_task() -> None:
    """The beat entry: `report_runs_expire`, recorded in BackgroundJobRuns."""
    with job_run(JOB_NAME) as outcome:
        result = report_runs_expire()
        outcome["items_processed"] = result.expired + result.timed_out
