"""Factories of the platform app (system settings and stored files)."""

from __future__ import annotations

import datetime
import hashlib
import uuid

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from doggy.choices import (
    FilePurpose,
    HealthStatus,
    IncidentSeverity,
    IncidentStatus,
    JobRunStatus,
    ScanStatus,
    SettingDataType,
    StatusClass,
    UploadStatus,
)
from doggy.models import (
    ApiMetricBucket,
    BackgroundJobRun,
    HealthCheckResult,
    StoredFile,
    SystemIncident,
    SystemSetting,
)
from doggy.selectors import setting_cache_delete
from tests.accounts.factories import UserFactory


class SystemSettingFactory(DjangoModelFactory[SystemSetting]):
    """A settings row, got or created on its key.

    The seed rows may or may not exist (with or without the seed data migration), so a
    row found by key is brought to the values the test asked for: a test always reads
    the value it set up. The cached entry of the key is dropped, as the services do.
    """

    class Meta:
        model = SystemSetting
        django_get_or_create = ("setting_key",)

    setting_key = factory.Sequence(lambda n: f"Test.Setting{n}")
    setting_value = "value"
    data_type = SettingDataType.STRING
    category = "Test"
    description = factory.LazyAttribute(lambda o: f"Test setting {o.setting_key}")
    is_user_editable = False
    is_encrypted = False
    validation_rule = None

    @classmethod
    def _get_or_create(cls, model_class, *args, **kwargs):
        key = kwargs.pop("setting_key")
        manager = cls._get_manager(model_class)
        setting, _ = manager.update_or_create(setting_key=key, defaults=kwargs)
        setting_cache_delete(key)
        return setting


def _blob_bytes(n: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + f"file {n}".encode()


class StoredFileFactory(DjangoModelFactory[StoredFile]):
    """Metadata of a servable PNG (scanned Clean); no blob is written to storage."""

    class Meta:
        model = StoredFile

    class Params:
        content = factory.Sequence(_blob_bytes)

    id = factory.LazyFunction(uuid.uuid4)
    owner = factory.SubFactory(UserFactory)
    purpose = FilePurpose.DOG_PHOTO
    storage_backend = "default"
    storage_key = factory.LazyAttribute(lambda o: f"{o.purpose}/2025/01/{o.id}")
    original_file_name = "rex.png"
    content_type = "image/png"
    size_bytes = factory.LazyAttribute(lambda o: len(o.content))
    checksum_sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    upload_status = UploadStatus.UPLOADED
    scan_status = ScanStatus.CLEAN


class HealthCheckResultFactory(DjangoModelFactory[HealthCheckResult]):
    class Meta:
        model = HealthCheckResult

    component = "database"
    status = HealthStatus.HEALTHY
    latency_ms = 3
    details = factory.LazyFunction(lambda: {"vendor": "test"})


class SystemIncidentFactory(DjangoModelFactory[SystemIncident]):
    """A resolved major incident of the storage."""

    class Meta:
        model = SystemIncident

    title = factory.Sequence(lambda n: f"Uploads failing ({n})")
    severity = IncidentSeverity.MAJOR
    status = IncidentStatus.RESOLVED
    affected_components = factory.LazyFunction(lambda: ["storage"])
    started_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=2))
    resolved_at = factory.LazyFunction(timezone.now)
    created_by = factory.SubFactory(UserFactory, is_staff=True)
    public_message = "Uploads work again."


class BackgroundJobRunFactory(DjangoModelFactory[BackgroundJobRun]):
    class Meta:
        model = BackgroundJobRun

    job_name = "purge_files"
    status = JobRunStatus.SUCCEEDED
    started_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(seconds=2))
    finished_at = factory.LazyFunction(timezone.now)
    duration_ms = 2000
    items_processed = 12


class ApiMetricBucketFactory(DjangoModelFactory[ApiMetricBucket]):
    """One minute of `dog-list` GETs: 10 requests, cumulative histogram counts."""

    class Meta:
        model = ApiMetricBucket

    bucket_start = factory.Sequence(
        lambda n: datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(minutes=n)
    )
    route = "dog-list"
    method = "GET"
    status_class = StatusClass.S2XX
    count = 10
    sum_ms = 420
    le5 = 1
    le10 = 2
    le25 = 4
    le50 = 8
    le100 = 10
    le250 = 10
    le500 = 10
    le1000 = 10
    le_inf = 10
