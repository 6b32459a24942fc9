"""doggy.services.stored_file_thumbnail_create: a JPEG thumbnail of an image, once."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from PIL import Image

from doggy.services import stored_file_thumbnail_create
from tests.doggy.factories import StoredFileFactory

pytestmark = pytest.mark.django_db


def _stored(content: bytes, content_type: str = "image/png"):
    stored = StoredFileFactory(content=content, content_type=content_type)
    storages["default"].save(stored.storage_key, ContentFile(content))
    return stored


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (1, 2, 3, 128)).save(out, format="PNG")
    return out.getvalue()


def test_a_tall_image_gets_a_bounded_jpeg_thumbnail_once(media_root):
    # given
    stored = _stored(_png(300, 900))

    # when: made twice
    key = stored_file_thumbnail_create(stored.pk)
    again = stored_file_thumbnail_create(stored.pk)

    # then: one thumbnail, the original's size recorded
    stored.refresh_from_db()
    assert (key, again) == (stored.thumbnail_key, None)
    assert (stored.width, stored.height) == (300, 900)
    with storages["default"].open(key, "rb") as blob, Image.open(blob) as thumb:
        assert (thumb.format, thumb.size) == ("JPEG", (107, 320))


def test_not_an_image_or_not_decodable_is_left_alone(media_root):
    pdf = _stored(b"%PDF-1.4 not really", content_type="application/pdf")
    broken = _stored(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)

    assert stored_file_thumbnail_create(pdf.pk) is None
    assert stored_file_thumbnail_create(broken.pk) is None
    broken.refresh_from_db()
    assert (broken.thumbnail_key, broken.width) == (None, None)
