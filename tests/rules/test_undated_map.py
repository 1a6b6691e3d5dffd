from __future__ import annotations

from datetime import date
from pathlib import Path

from lintcheck import CLEAN, at, found, lint_json, messages, replace

UNDATED = replace(f"  updated: {date.today().isoformat()}\n", "")


def test_a_map_without_a_date(tmp_path: Path) -> None:
    assert found(tmp_path, UNDATED, "undated-map") == [("L119", *at(UNDATED, "title:"))]
    assert messages(tmp_path, UNDATED, "undated-map") == [
        "the map gives no updated date; add updated: YYYY-MM-DD to map, "
        "so that readers know how fresh it is"
    ]


def test_it_is_an_info(tmp_path: Path) -> None:
    assert [finding["severity"] for finding in lint_json(tmp_path, UNDATED)] == ["info"]


def test_dated(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "undated-map") == []
