"""Every rule is registered once, documented in docs/rules/ and tested here; the bad and
good examples on each page really do and do not trigger the rule."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cjmap.findings import Severity
from cjmap.lint import lint_document
from cjmap.lint.docs import INDEX, index_page, page
from cjmap.lint.registry import all_rules, find_rule
from cjmap.lint.rule import Rule
from cjmap.loader import load_text
from conftest import ROOT

DOCS = ROOT / "docs" / "rules"
TESTS = Path(__file__).resolve().parent
RULES = all_rules()

# The issue's table, in its order: codes follow it and are never renumbered.
ISSUE_TABLE = [
    "stage-without-touchpoints",
    "unused-channel",
    "unused-persona",
    "missing-emotion",
    "missing-customer-view",
    "unaddressed-pain",
    "moment-of-truth-without-metric",
    "metric-without-target",
    "metric-off-target",
    "unvalidated-moment-of-truth",
    "internal-jargon",
    "journey-persona-mismatch",
    "journey-backtracks",
    "duplicate-touchpoint-name",
    "missing-owner",
    "stale-map",
    # Issue 13's rules.
    "done-action-pain-remains",
    "unanswered-lowest-point",
    "undated-map",
    "idle-opportunity",
]
DEFAULT_SEVERITY = {
    "journey-persona-mismatch": Severity.ERROR,
    "missing-customer-view": Severity.INFO,
    "metric-without-target": Severity.INFO,
    "metric-off-target": Severity.INFO,
    "missing-owner": Severity.INFO,
    "undated-map": Severity.INFO,
}


def test_codes_follow_the_issue_table() -> None:
    table = [rule for rule in RULES if rule.code.startswith("L1")]
    assert [rule.name for rule in table] == ISSUE_TABLE
    assert [rule.code for rule in table] == [f"L{101 + n}" for n in range(len(ISSUE_TABLE))]
    assert [rule.code for rule in RULES if not rule.code.startswith("L1")] == ["L001", "L002"]


def test_default_severities() -> None:
    for rule in RULES:
        assert rule.info.severity is DEFAULT_SEVERITY.get(rule.name, Severity.WARNING), rule.name


def test_names_and_codes_are_unique_and_well_formed() -> None:
    assert len({rule.name for rule in RULES}) == len({rule.code for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.name), rule.name
        assert re.fullmatch(r"L\d{3}", rule.code), rule.code
        assert rule.module.endswith("." + rule.name.replace("-", "_"))
        assert find_rule(rule.code) is find_rule(rule.name.upper()) is rule


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_has_a_test_module(rule: Rule) -> None:
    assert (TESTS / f"test_{rule.name.replace('-', '_')}.py").is_file()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_has_an_up_to_date_docs_page(rule: Rule) -> None:
    path = DOCS / f"{rule.name}.md"
    assert path.is_file(), f"{path} is missing: run python -m cjmap.lint.docs docs/rules"
    assert path.read_text(encoding="utf-8") == page(rule), (
        f"{path} differs from the rule's docstring: run python -m cjmap.lint.docs docs/rules"
    )


def test_docs_index_is_up_to_date_and_no_page_is_left_over() -> None:
    assert (DOCS / INDEX).read_text(encoding="utf-8") == index_page(RULES)
    pages = {path.name for path in DOCS.glob("*.md")} - {INDEX}
    assert pages == {f"{rule.name}.md" for rule in RULES}


# A map the docs examples are merged into: each example replaces whole top-level keys.
BASE = """\
cjmap: 1
map:
  title: Example map
  updated: 2026-10-01
personas:
  - {id: busy-parent, name: Busy parent}
stages:
  - {id: awareness, name: Hear about us}
  - {id: purchase, name: Subscribe and pay}
channels:
  - {id: web, name: Website}
touchpoints:
  - {id: instagram-ad, name: See an ad, stage: awareness, channels: [web]}
  - {id: checkout, name: Pay for the first box, stage: purchase, channels: [web]}
"""
TODAY = date(2026, 11, 23)


def example(rule: Rule, kind: str) -> str:
    match = re.search(rf"### {kind}\n\n```yaml\n(.*?)```", rule.info.description, re.DOTALL)
    assert match, f"{rule.name}: no '### {kind}' YAML example"
    return match.group(1)


def merged(fragment: str) -> str:
    """BASE with the fragment's top-level sections in place of its own."""
    sections: dict[str, str] = {}
    for text in (BASE, fragment):
        for block in re.split(r"\n(?=\S)", text.strip("\n")):
            sections[re.match(r"[\w-]+", block).group(0)] = block  # type: ignore[union-attr]
    return "\n".join(sections.values()) + "\n"


def rules_found(fragment: str) -> list[str]:
    checked = lint_document(load_text(merged(fragment), "example.yaml"), today=TODAY)
    rules: list[str] = []
    for finding in checked.findings:
        assert finding.code.startswith("L"), f"the example is not a valid map: {finding}"
        rules.append(finding.rule)
    return rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_bad_example_triggers_the_rule(rule: Rule) -> None:
    assert rule.name in rules_found(example(rule, "Bad"))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_good_example_does_not(rule: Rule) -> None:
    assert rule.name not in rules_found(example(rule, "Good"))


def test_merge_keeps_base_sections(tmp_path: Path) -> None:
    text: Any = merged("channels:\n  - {id: fax, name: Fax}\n")
    assert "id: fax" in text and "id: web" not in text and "Example map" in text
