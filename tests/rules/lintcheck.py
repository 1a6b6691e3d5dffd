"""Helpers for rule tests: lint a map through the CLI and read its JSON findings.

CLEAN is a map that lints without a single finding; each rule's tests change
one thing in it and expect exactly that rule's finding at the line and column
of the thing at fault (found with ``at``, so the tests read like the YAML).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conftest import run_cli

CLEAN = f"""\
cjmap: 1
map:
  title: Bean Post, first order
  updated: {date.today().isoformat()}
personas:
  - id: parent
    name: Busy parent
stages:
  - id: awareness
    name: Hear about us
  - id: purchase
    name: Subscribe and pay
channels:
  - id: web
    name: Website
touchpoints:
  - id: ad
    name: See a friend's coffee photo
    stage: awareness
    channels: [web]
    owner: Brand marketing
    doing: Scrolls Instagram in the evening
    thinking: That looks nicer than our coffee
    feeling: Curious
    emotion: 1
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    owner: E-commerce team
    doing: Types card details on the phone
    thinking: Why is shipping extra?
    feeling: Annoyed
    emotion: -2
    moment_of_truth: true
    evidence: observed
    pains:
      - text: Shipping cost appears only at the last step
        severity: high
        roadblock: true
    metrics:
      - name: People who leave at the payment step
        value: 30
        target: 35
        unit: "%"
        better: lower
journeys:
  - id: first-order
    name: First order
    persona: parent
    steps: [ad, checkout]
actions:
  - id: show-shipping-early
    title: Show shipping on the product page
    touchpoints: [checkout]
    status: planned
"""


def replace(old: str, new: str, text: str = CLEAN) -> str:
    """The text with its first ``old`` replaced (which must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def at(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """1-based line and column of ``needle``, searched from the first ``after``."""
    start = text.index(after) if after else 0
    offset = text.index(needle, start)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def lint_json(tmp_path: Path, text: str, *options: str) -> list[dict[str, Any]]:
    """The findings of ``cjmap lint --format json`` on the text, run in a folder whose
    empty cjmap.toml keeps any config file above the test folder out of the run."""
    config = tmp_path / "cjmap.toml"
    if not config.exists():
        config.write_text("", encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("lint", "--format", "json", *options, path)
    assert result.exit_code in (0, 1), result.stderr
    findings: list[dict[str, Any]] = result.json()
    return findings


def found(tmp_path: Path, text: str, rule: str, *options: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding of one rule."""
    return [
        (finding["code"], finding["line"], finding["column"])
        for finding in lint_json(tmp_path, text, *options)
        if finding["rule"] == rule
    ]


def messages(tmp_path: Path, text: str, rule: str, *options: str) -> list[str]:
    return [
        finding["message"]
        for finding in lint_json(tmp_path, text, *options)
        if finding["rule"] == rule
    ]
