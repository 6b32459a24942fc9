"""Headless Chromium for the end-to-end admin tests, driven by Selenium.

The tests run against pytest-django's `live_server` (admin CSS and JS served from the
apps' static folders). They skip, saying why, only when Chromium or its driver is not
installed; `scripts/ensure_chromium.sh` installs both.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1024",
)
# How long a step may wait for the page it leads to.
PAGE_WAIT_SECONDS = 10


def _chromium_paths() -> tuple[str, str] | None:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


@pytest.fixture
def browser(tmp_path):
    paths = _chromium_paths()
    if paths is None:
        reason = (
            "Chromium or chromedriver is not installed; run scripts/ensure_chromium.sh "
            "(Debian packages chromium and chromium-driver)."
        )
        # make test installs Chromium first and sets this, so a skip there is a failure.
        if os.environ.get("DOGGY_BROWSER_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = paths
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    # A fresh profile per test: no cookies or cache carried over.
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()
