from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace

from cjmap.lint import lint_document
from cjmap.lint.config import Config
from cjmap.loader import load_text

OLD = replace(f"updated: {date.today().isoformat()}", "updated: 2001-02-03")


def test_points_at_updated(tmp_path: Path) -> None:
    assert found(tmp_path, OLD, "stale-map") == [("L116", *at(OLD, "2001-02-03"))]
    age = (date.today() - date(2001, 2, 3)).days
    assert messages(tmp_path, OLD, "stale-map") == [
        f"the map was last updated {age} days ago (2001-02-03), more than 180 days; "
        "revise it with new customer data"
    ]


def stale(today: date, stale_days: int = 180) -> bool:
    checked = lint_document(
        load_text(OLD, "m.yaml"), Config(options={"stale-days": stale_days}), today
    )
    return any(finding.rule == "stale-map" for finding in checked.findings)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2001, 8, 2), False), (date(2001, 8, 3), True), (date(2000, 1, 1), False)],
)
def test_180_days_is_still_fresh(today: date, expected: bool) -> None:
    assert (today - date(2001, 2, 3)).days in (180, 181, -399)
    assert stale(today) is expected


def test_stale_days_from_config(tmp_path: Path) -> None:
    assert stale(date(2001, 3, 6), stale_days=30) is True
    assert stale(date(2001, 3, 5), stale_days=30) is False
    recent = replace(f"updated: {date.today().isoformat()}", "updated: 2001-02-03")
    (tmp_path / "cjmap.toml").write_text("stale-days = 100000\n", encoding="utf-8")
    assert found(tmp_path, recent, "stale-map") == []


def test_fresh_or_undated(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "stale-map") == []
    undated = replace(f"  updated: {date.today().isoformat()}\n", "")
    assert found(tmp_path, undated, "stale-map") == []
