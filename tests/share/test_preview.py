"""cjmap preview as a writer uses it: started on a free port, opened in Chromium, the
map saved, broken and mended; and as an attacker would try it."""

from __future__ import annotations

import html
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import browser_fixture, console_errors, needs_chromium, open_page, wait_for
from pages import EXAMPLE_PATHS

COFFEE = next(path for path in EXAMPLE_PATHS if path.stem == "coffee-subscription")


class Preview:
    """A running ``cjmap preview``, stopped with Ctrl-C at the end of the test."""

    def __init__(self, *args: str | Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cjmap", "preview", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.first_line = self.process.stdout.readline()
        self.url = self.first_line.strip()
        parts = urlsplit(self.url)
        self.host, self.port = parts.hostname or "", parts.port or 0

    def get(self, path: str, host: str | None = None) -> tuple[int, str, str]:
        """Status, content type and body of a GET of *path*, sent exactly as given."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        headers = {"Host": host} if host else {}
        connection.putrequest("GET", path, skip_host=bool(host), skip_accept_encoding=True)
        for key, value in headers.items():
            connection.putheader(key, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        connection.close()
        return response.status, response.getheader("Content-Type") or "", body

    def stop(self) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, out, err


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, Path]]:
    folder = tmp_path / "maps"
    folder.mkdir()
    path = Path(shutil.copy(COFFEE, folder / COFFEE.name))
    running = Preview(path, "--port", "0")
    yield running, path
    if running.process.poll() is None:
        running.process.kill()
        running.process.communicate()


def listening_addresses(port: int) -> list[str]:
    """The local addresses with a socket listening on *port* (Linux's /proc)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not os.path.exists(table):
            continue
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.append(address[:width])
    return found


def test_serves_its_page_on_loopback_and_nothing_else(preview: tuple[Preview, Path]) -> None:
    running, path = preview
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\n", running.first_line)
    status, kind, body = running.get("/")
    assert status == 200 and kind == "text/html; charset=utf-8"
    assert "connect-src 'self'" in html.unescape(body) and 'data-live="1"' in body
    for attempt in (
        "/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        f"/{path.name}",
        f"/{path}",
        "/index.html",
        "/events/../",
        "http://evil.example/",
        "/%00",
    ):
        status, _, body = running.get(attempt)
        assert status == 404, attempt
        assert "cjmap:" not in body
    # A page elsewhere reaching it through a name that points at 127.0.0.1 gets nothing.
    assert running.get("/", host="rebinding.example:80")[0] == 404
    if sys.platform == "linux":
        assert listening_addresses(running.port) == ["0100007F"]
    before = sorted(p.name for p in path.parent.iterdir())
    code, out, err = running.stop()
    assert code == 0 and out == "" and err == ""  # nothing after the address
    assert sorted(p.name for p in path.parent.iterdir()) == before  # it wrote nothing


def test_another_host_is_named_with_a_warning(tmp_path: Path) -> None:
    running = Preview(COFFEE, "--port", "0", "--host", "0.0.0.0")
    try:
        assert running.url.startswith("http://0.0.0.0:")
        code, _, err = running.stop()
    finally:
        if running.process.poll() is None:
            running.process.kill()
    assert code == 0
    assert err.startswith("cjmap: warning: listening on 0.0.0.0")


def test_a_busy_port_is_a_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "cjmap", "preview", str(COFFEE), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.startswith(f"cjmap: error: cannot listen on 127.0.0.1 port {port}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from browser_fixture()


def save(path: Path, text: str) -> None:
    """Write as an editor does: a new file put in place, so readers never see half of it."""
    draft = path.with_name(path.name + ".tmp")
    draft.write_text(text, encoding="utf-8")
    os.replace(draft, path)


def body_text(browser: Any) -> str:
    return str(browser.execute_script("return document.body.innerText"))


@needs_chromium
def test_the_open_page_follows_each_save(browser: Any, preview: tuple[Preview, Path]) -> None:
    running, path = preview
    original = path.read_text(encoding="utf-8")
    open_page(browser, running.url)
    select = "document.querySelector(\"select[data-filter='persona']\")"
    browser.execute_script(
        f"{select}.value = 'home-barista';"
        f"{select}.dispatchEvent(new Event('change', {{bubbles: true}}));"
        "document.getElementById('m0-touchpoints').scrollIntoView();"
    )
    scrolled = browser.execute_script("return window.scrollY")
    assert scrolled > 1000
    build = browser.execute_script("return document.documentElement.getAttribute('data-build')")

    # A rewritten name shows within a second or two, with the persona and place kept.
    save(path, original.replace("Pay for the first box", "Pay for the very first box"))
    wait_for(browser, "return document.body.innerText.includes('Pay for the very first box')")
    assert browser.execute_script(f"return {select}.value") == "home-barista"
    assert abs(browser.execute_script("return window.scrollY") - scrolled) < 5
    assert (
        browser.execute_script("return document.documentElement.getAttribute('data-build')")
        != build
    )
    hidden = browser.execute_script(
        "return document.querySelectorAll('[data-touchpoint=\"skip-delivery\"][hidden]').length"
    )
    assert hidden > 0  # the busy parent's touchpoint stays filtered out

    # Broken: the findings, with code and file:line, in place of the pictures.
    broken = original.replace("stage: purchase", "stage: purchse", 1)
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "purchse" in text)
    save(path, broken)
    wait_for(browser, "return document.querySelector('.problems') !== null")
    text = body_text(browser)
    assert "E201" in text and f"{path}:{line}:" in text and "purchse" in text
    assert browser.execute_script("return document.querySelectorAll('svg').length") == 0

    # Mended: the pictures are back.
    save(path, original)
    wait_for(browser, "return document.querySelectorAll('figure svg').length > 0")
    assert "Pay for the first box" in body_text(browser)
    assert console_errors(browser) == []
    code, _, err = running.stop()
    assert code == 0 and err == ""


def next_build(stream: Any) -> str:
    """The id of the next build announced on an open event stream."""
    while True:
        line = stream.readline().decode("utf-8")
        assert line, "the event stream ended"
        if line.startswith("data: "):
            return line.removeprefix("data: ").strip()


def test_a_saved_config_file_rebuilds_the_page(preview: tuple[Preview, Path]) -> None:
    running, path = preview
    connection = http.client.HTTPConnection(running.host, running.port, timeout=30)
    connection.request("GET", "/events")
    stream = connection.getresponse()
    first = next_build(stream)
    assert "L115" in running.get("/")[2]  # missing-owner, an info of the example
    (path.parent / "cjmap.toml").write_text('ignore = ["missing-owner"]\n', encoding="utf-8")
    assert next_build(stream) != first
    assert "L115" not in running.get("/")[2]
    (path.parent / "cjmap.toml").write_text("ignore = [\n", encoding="utf-8")  # broken
    next_build(stream)
    page = html.unescape(running.get("/")[2])
    assert "cjmap.toml" in page and 'role="alert"' in page
    connection.close()
    assert running.stop()[0] == 0
