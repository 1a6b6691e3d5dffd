"""cjmap rules: the list of lint rules, and one rule's page."""

from __future__ import annotations

from cjmap.lint.registry import all_rules
from conftest import ROOT, run_cli


def test_lists_every_rule_as_plain_text() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Code", "Name", "Severity", "Finds"]
    assert len(lines) == len(all_rules()) + 2
    assert lines[1].split(maxsplit=3) == [
        "L001",
        "invalid-suppression",
        "warning",
        "a suppression comment names no lint rule or is malformed",
    ]
    owner = next(line for line in lines if "missing-owner" in line)
    assert owner.split(maxsplit=3) == [
        "L115",
        "missing-owner",
        "info",
        "a touchpoint with no owning team",
    ]
    assert lines[-1] == f"{len(all_rules())} rules. `cjmap rules NAME` prints a rule's page."


def test_json_list() -> None:
    result = run_cli("rules", "--format", "json")
    assert result.exit_code == 0
    records = result.json()
    assert [record["code"] for record in records] == [rule.code for rule in all_rules()]
    unaddressed = next(record for record in records if record["name"] == "unaddressed-pain")
    assert unaddressed["severity"] == "warning"
    assert unaddressed["summary"].startswith("a high or critical pain")
    assert "## Why it matters" in unaddressed["description"]


def test_name_or_code_prints_the_docs_page() -> None:
    page = (ROOT / "docs" / "rules" / "unaddressed-pain.md").read_text(encoding="utf-8")
    for name in ("unaddressed-pain", "L106", "l106", "UNADDRESSED-PAIN"):
        result = run_cli("rules", name)
        assert result.exit_code == 0
        assert result.stdout == page


def test_one_rule_as_json() -> None:
    result = run_cli("rules", "stale-map", "-f", "json")
    assert result.exit_code == 0
    assert [record["code"] for record in result.json()] == ["L116"]


def test_unknown_rule_is_exit_2_with_a_suggestion() -> None:
    result = run_cli("rules", "unadressed-pain")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "cjmap: error: 'unadressed-pain' is not a lint rule; did you mean 'unaddressed-pain'?"
    )
    assert run_cli("rules", "E201").exit_code == 2
