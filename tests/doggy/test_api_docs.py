"""The Swagger UI at /api/docs/ works offline: every asset it loads is served by us."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

# Every URL the page makes the browser fetch: src= and href= attributes, and the string
# literals of its inline script that name a script or a style sheet.
_ATTRIBUTE_URL = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SCRIPT_ASSET = re.compile(r"""["']([^"'\s]+\.(?:js|css|png|ico|svg|map))["']""", re.IGNORECASE)


def _asset_urls(html: str) -> set[str]:
    return set(_ATTRIBUTE_URL.findall(html)) | set(_SCRIPT_ASSET.findall(html))


def _static_path(url: str) -> str:
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    path = urlsplit(url).path
    assert path.startswith(prefix), url
    return path.removeprefix(prefix)


def test_the_docs_page_loads_its_assets_from_our_own_static_files():
    # when the Swagger UI page is opened
    response = APIClient().get("/api/docs/")

    # then it names its assets, each a relative URL under STATIC_URL (no host, no CDN)
    assert response.status_code == 200
    urls = _asset_urls(response.content.decode())
    assets = {url for url in urls if not url.startswith("/api/")}
    assert {url.rsplit("/", 1)[-1] for url in assets} >= {
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "swagger-ui.css",
        "favicon-32x32.png",
    }
    for url in urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("", ""), url
        assert not url.startswith("//"), url

    # and every one of them is a file the static-file finders resolve
    for url in assets:
        assert finders.find(_static_path(url)) is not None, url
