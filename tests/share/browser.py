"""Headless Chromium for the page tests, driven by selenium with Debian's chromedriver.

Tests that need it are marked ``needs_chromium``: on a machine without Chromium, its
driver or selenium they skip and say why (CI installs them, and allows no skip).
One browser serves a whole test module (``browser`` fixture in each module), so the
suite starts Chromium a few times, not once per test.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
CHROMEDRIVER = shutil.which("chromedriver")
AXE = ROOT / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"

try:
    import selenium  # noqa: F401

    HAS_SELENIUM = True
except ImportError:  # pragma: no cover - the test extra installs it
    HAS_SELENIUM = False

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None or not HAS_SELENIUM,
    reason="needs Chromium, chromedriver and selenium "
    "(apt-get install chromium chromium-driver; pip install -e '.[test]'); CI installs them",
)
needs_axe = pytest.mark.skipif(
    not AXE.is_file(),
    reason="needs axe-core: `npm install --prefix tests/node` (.ci/run does it)",
)


def start_browser() -> Any:
    """A fresh headless Chromium, logging the console and the network."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="cjmap-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",  # needed as root, as in CI's container
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.profile_dir = profile
    return driver


def stop_browser(driver: Any) -> None:
    driver.quit()
    shutil.rmtree(driver.profile_dir, ignore_errors=True)


def browser_fixture() -> Iterator[Any]:
    driver = start_browser()
    try:
        yield driver
    finally:
        stop_browser(driver)


def open_page(driver: Any, url: str, timeout: float = 10.0) -> None:
    """Open *url*, wait until the page's script has run, and forget earlier logs."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(url)
    wait_for(driver, "return document.documentElement.getAttribute('data-ready') === '1'", timeout)


def wait_for(driver: Any, script: str, timeout: float = 10.0, *args: Any) -> Any:
    """Run *script* until it returns something true; that value, or a failed test."""
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script, *args)
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout} s for: {script}")
        time.sleep(0.05)


def console_errors(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests_made(driver: Any, page: str) -> list[str]:
    """The URLs that the document at *page* asked for, the page itself aside, from
    Chromium's DevTools log (the browser's own pages, such as the new tab it starts
    with, are not the page's)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] != "Network.requestWillBeSent":
            continue
        params = message["params"]
        if params.get("documentURL") == page and params["request"]["url"] != page:
            urls.append(params["request"]["url"])
    return urls


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """The serious and critical accessibility violations axe-core finds in the page."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def file_url(path: Path) -> str:
    return path.resolve().as_uri()


__all__ = [
    "CHROMIUM",
    "axe_violations",
    "browser_fixture",
    "console_errors",
    "file_url",
    "needs_axe",
    "needs_chromium",
    "open_page",
    "requests_made",
    "wait_for",
]
