"""cjmap lint --statistics: one line per rule with its count, as ruff prints them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, run_cli

COFFEE = EXAMPLES / "coffee-subscription.yaml"


def test_json_counts_what_the_findings_are() -> None:
    findings = run_cli("lint", "-f", "json", COFFEE).json()
    result = run_cli("lint", "--statistics", "-f", "json", COFFEE)
    assert result.exit_code == 0
    rows = result.json()
    counts = Counter((finding["code"], finding["rule"]) for finding in findings)
    assert {(row["code"], row["rule"]): row["count"] for row in rows} == counts
    assert [row["count"] for row in rows] == sorted((row["count"] for row in rows), reverse=True)
    assert rows[0] == {
        "count": 6,
        "code": "L109",
        "rule": "metric-off-target",
        "severity": "info",
    }


def test_text_is_one_line_per_rule_then_the_summary() -> None:
    result = run_cli("lint", "--statistics", COFFEE)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Count", "Code", "Rule", "Severity"]
    assert lines[1].split() == ["6", "L109", "metric-off-target", "info"]
    assert lines[2].split() == ["2", "L106", "unaddressed-pain", "warning"]
    assert lines[-1] == "Found 4 warnings, 8 info in 1 of 1 map."
    assert len(lines) == 2 + len(run_cli("lint", "--statistics", "-f", "json", COFFEE).json())


def test_exit_code_is_that_of_the_findings(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MINIMAL.replace("stage: purchase", "stage: purchse"), encoding="utf-8")
    result = run_cli("lint", "--statistics", "-f", "json", path)
    assert result.exit_code == 1
    assert result.json() == [
        {"count": 1, "code": "E201", "rule": "undefined-stage", "severity": "error"}
    ]
    assert run_cli("lint", "--statistics", "--strict", COFFEE).exit_code == 1


def test_a_clean_map_says_so(tmp_path: Path) -> None:
    result = run_cli("lint", "--statistics", "--select", "stale-map", COFFEE)
    assert result.exit_code == 0
    assert result.stdout == "No problems found in 1 map.\n"


@pytest.mark.parametrize("output_format", ["github", "sarif"])
def test_other_formats_are_a_usage_error(output_format: str) -> None:
    result = run_cli("lint", "--statistics", "-f", output_format, COFFEE)
    assert result.exit_code == 2
    assert result.stderr == (
        f"cjmap: error: --statistics prints text or json, not {output_format}\n"
    )
    assert result.stdout == ""
