"""Virus scanning of uploads: the one configured scanner, run after an upload commits.

`DOGGY_FILE_SCANNER` is the dotted path of a callable `(stored_file, uploaded_file) ->
ScanStatus value`. With none configured, new files stay `Pending` (not servable, not
attachable) until an out-of-band scanner records its verdict through
`doggy.services.stored_file_mark_scanned`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

from .choices import ScanStatus


def configured_scanner() -> Callable | None:
    path = settings.DOGGY_FILE_SCANNER
    return import_string(path) if path else None


def trust_uploads(stored_file, uploaded_file) -> str:
    """Development only: accepts every upload as clean (the local settings' default)."""
    return ScanStatus.CLEAN
