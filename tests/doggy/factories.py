"""Factories of the platform app (system settings and stored files)."""

from __future__ import annotations

import hashlib
import uuid

import factory
from factory.django import DjangoModelFactory

from doggy.choices import FilePurpose, ScanStatus, SettingDataType, UploadStatus
from doggy.models import StoredFile, SystemSetting
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
