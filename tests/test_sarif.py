"""SARIF output: valid against GitHub code scanning's upload schema, with every rule listed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cjmap.findings import VALIDATE_CHECKS, Finding, Report, Severity
from cjmap.lint.registry import all_checks, all_rules
from cjmap.writers.sarif import artifact_uri, sarif_log
from conftest import EXAMPLES, MINIMAL, run_cli

# Copied unchanged from github/codeql-action (src/sarif-schema-2.1.0.json): the schema the
# upload-sarif action checks a file against before uploading it.
SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "github-codeql-action-sarif-schema-2.1.0.json").read_text(
        encoding="utf-8"
    )
)


def assert_valid(log: Any) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def lint_sarif(*args: str | Path) -> tuple[int, Any]:
    result = run_cli("lint", "--format", "sarif", *args)
    return result.exit_code, json.loads(result.stdout)


def test_examples_give_valid_sarif_with_every_rule() -> None:
    code, log = lint_sarif(EXAMPLES)
    assert code == 0
    assert_valid(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cjmap"
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == [check.code for check in all_checks()]
    assert [rule["name"] for rule in rules] == [check.rule for check in all_checks()]
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["results"]


def test_results_match_the_json_findings() -> None:
    coffee = EXAMPLES / "coffee-subscription.yaml"
    _, log = lint_sarif(coffee)
    findings = run_cli("lint", "-f", "json", coffee).json()
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == finding["code"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == artifact_uri(finding["path"], Path.cwd())


def test_help_is_the_rules_page_and_validate_checks_point_to_the_format_docs() -> None:
    log = sarif_log(Report(findings=[], files=1, checks=all_checks()), Path.cwd())
    by_id = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    owner = next(rule for rule in all_rules() if rule.name == "missing-owner")
    assert by_id["L115"]["help"]["markdown"] == owner.info.description
    assert by_id["L115"]["fullDescription"]["text"].startswith("Finds touchpoints without")
    assert by_id["L115"]["shortDescription"]["text"] == "A touchpoint with no owning team."
    assert by_id["L115"]["defaultConfiguration"]["level"] == "note"
    assert "docs/format.md" in by_id["E201"]["help"]["text"]
    assert len(by_id) == len(VALIDATE_CHECKS) + len(all_rules())


def test_uris_are_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cjmap.toml").write_text("", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "first order.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, log = lint_sarif("maps/first order.yaml")
    assert_valid(log)
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
    }
    assert uris == {"maps/first%20order.yaml"}
    _, absolute = lint_sarif(tmp_path / "maps" / "first order.yaml")
    assert (
        absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
            "uri"
        ]
        == "maps/first%20order.yaml"
    )


def test_artifact_uri_outside_the_working_directory(tmp_path: Path) -> None:
    cwd = tmp_path / "repo"
    assert artifact_uri("maps/a.yaml", cwd) == "maps/a.yaml"
    assert artifact_uri(str(cwd / "x" / ".." / "b.yaml"), cwd) == "b.yaml"
    assert artifact_uri("../other/c.yaml", cwd) == (tmp_path / "other" / "c.yaml").as_uri()


def test_validate_errors_are_valid_sarif(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MINIMAL.replace("stage: purchase", "stage: purchse"), encoding="utf-8")
    code, log = lint_sarif(path)
    assert code == 1
    assert_valid(log)
    (result,) = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("E201", "error")


def test_the_schema_check_catches_what_github_would_refuse() -> None:
    _, log = lint_sarif(EXAMPLES / "coffee-subscription.yaml")
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(AssertionError, match=r"startColumn|minimum"):
        assert_valid(log)


def test_no_findings_is_valid_sarif_with_empty_results() -> None:
    log = sarif_log(Report(findings=[], files=0, checks=all_checks()), Path.cwd())
    assert_valid(log)
    assert log["runs"][0]["results"] == []


def test_unknown_line_and_code_still_give_a_valid_result() -> None:
    finding = Finding("m.yaml", 0, 0, "X999", "made-up", Severity.INFO, "text")
    log = sarif_log(Report(findings=[finding], files=1, checks=()), Path.cwd())
    assert_valid(log)
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
    }
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "X999"


def test_sarif_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "cjmap.sarif"
    result = run_cli("lint", "-f", "sarif", "-o", out, EXAMPLES / "insurance-claim.yaml")
    assert result.exit_code == 0 and result.stdout == ""
    assert_valid(json.loads(out.read_text(encoding="utf-8")))
