"""Time cjmap share and cjmap preview on the examples.

    python bench/share.py            # 5 rounds each
    python bench/share.py --rounds 9

Run it with the Python of the virtualenv where cjmap is installed. For each example it
reports:

- share: the wall time of ``cjmap share EXAMPLE -o PAGE`` as a user runs it (a new
  process each time), and the size of the page;
- preview: the delay from a save of the map to the rebuilt page, with ``cjmap
  preview`` running: the time until its event stream announces the new build and the
  page has been fetched, and, when selenium and Chromium are installed, the time until
  an open page in headless Chromium shows the new text (what a writer waits for).

The goal (issue 15): under a second from a save to the updated page on the examples.
Each round saves the map as an editor does (a new file moved into place), changing one
touchpoint's name, and the page must show that name.
"""

from __future__ import annotations

import argparse
import html
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CJMAP = str(Path(sys.executable).parent / "cjmap")
GOAL = 1.0


def time_share(example: Path, rounds: int, scratch: Path) -> tuple[list[float], int]:
    page = scratch / f"{example.stem}.html"
    walls = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([CJMAP, "share", str(example), "-o", str(page)], check=True,
                       capture_output=True)  # fmt: skip
        walls.append(time.perf_counter() - start)
    return walls, page.stat().st_size


class Events:
    """A client of the preview's event stream."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "", parts.port or 0
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.connection.request("GET", "/events")
        self.response = self.connection.getresponse()

    def next_build(self) -> str:
        while True:
            line = self.response.readline().decode("utf-8").strip()
            if line.startswith("data: "):
                return line.removeprefix("data: ")

    def page(self) -> str:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        connection.request("GET", "/")
        body = connection.getresponse().read().decode("utf-8")
        connection.close()
        return body


def save(path: Path, text: str) -> None:
    draft = path.with_name(path.name + ".tmp")
    draft.write_text(text, encoding="utf-8")
    os.replace(draft, path)


def first_name(text: str) -> str:
    line = next(line for line in text.splitlines() if line.strip().startswith("name:")
                and line.startswith("    "))  # fmt: skip
    return line.split("name:", 1)[1].strip()


def time_preview(example: Path, rounds: int, scratch: Path) -> tuple[list[float], list[float]]:
    """Save-to-fetched-page delays, and save-to-shown delays in Chromium (if available)."""
    path = Path(shutil.copy(example, scratch / example.name))
    original = path.read_text(encoding="utf-8")
    name = first_name(original.split("touchpoints:", 1)[1])
    process = subprocess.Popen([CJMAP, "preview", str(path), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    browser = _browser()
    try:
        events = Events(url)
        events.next_build()
        if browser is not None:
            browser.get(url)
            _wait(browser, "return document.documentElement.getAttribute('data-ready')")
        served, shown = [], []
        for number in range(rounds):
            new = f"{name} (round {number})"
            start = time.perf_counter()
            save(path, original.replace(name, new, 1))
            events.next_build()
            if new not in html.unescape(events.page()):
                raise SystemExit(f"the rebuilt page of {example.name} lacks {new!r}")
            served.append(time.perf_counter() - start)
            if browser is not None:
                _wait(browser, "return document.body.innerText.includes(arguments[0])", new)
                shown.append(time.perf_counter() - start)
            time.sleep(0.3)  # a writer does not save ten times a second
        return served, shown
    finally:
        process.terminate()
        process.wait()
        if browser is not None:
            browser.quit()


def _browser() -> object | None:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    if chromium is None or driver is None:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run",
                     f"--user-data-dir={tempfile.mkdtemp()}"):  # fmt: skip
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(driver), options=options)


def _wait(browser: object, script: str, *args: object) -> None:
    deadline = time.monotonic() + 30
    while not browser.execute_script(script, *args):  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise SystemExit(f"the page never showed the change ({script})")
        time.sleep(0.01)


def seconds(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    rows = []
    missed = []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for example in EXAMPLES:
            print(f"{example.name} ...", file=sys.stderr, flush=True)
            walls, size = time_share(example, rounds, scratch)
            served, shown = time_preview(example, rounds, scratch)
            rows.append(
                f"| {example.stem} | {seconds(walls)} | {size / 1e6:.2f} MB "
                f"| {seconds(served)} | {seconds(shown)} |"
            )
            if statistics.median(shown or served) >= GOAL:
                missed.append(example.stem)
    print(f"Median (fastest-slowest) of {rounds} rounds, {os.cpu_count()} cores\n")
    print("| example | cjmap share | page | preview: save to page served "
          "| preview: save to page shown in Chromium |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    print("\n".join(rows))
    verdict = f"missed on {', '.join(missed)}" if missed else "met on every example"
    print(f"\nGoal, under {GOAL:g} s from a save to the updated page: {verdict}.")


if __name__ == "__main__":
    main()
