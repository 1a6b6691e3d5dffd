"""cjmap lint end to end: exit codes, formats, options, and the examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cjmap.lint import lint_document, run_rules
from cjmap.lint.config import Config
from cjmap.loader import load_text
from cjmap.validate import validate_document
from conftest import EXAMPLES, MINIMAL, ROOT, readme_output, run_cli

COFFEE = EXAMPLES / "coffee-subscription.yaml"
# MINIMAL lints with: no emotion, customer view or owner on its two touchpoints.
MINIMAL_RULES = ["missing-emotion", "missing-customer-view", "missing-owner", "undated-map"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose empty cjmap.toml keeps config files above it out of the tests."""
    (tmp_path / "cjmap.toml").write_text("", encoding="utf-8")
    return tmp_path


def write(folder: Path, text: str, name: str = "map.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_in(stdout_json: list[dict[str, object]]) -> set[object]:
    return {finding["rule"] for finding in stdout_json}


def test_examples_lint_clean_at_error_severity() -> None:
    result = run_cli("lint", EXAMPLES)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("Found ")


def test_coffee_example_carries_the_warnings_it_was_written_with() -> None:
    result = run_cli("lint", "--format", "json", COFFEE)
    assert result.exit_code == 0
    findings = result.json()
    lines = COFFEE.read_text(encoding="utf-8").splitlines()

    def line_of(needle: str, after: str = "") -> int:
        start = line_of(after) if after else 0
        return next(n for n, line in enumerate(lines, 1) if n > start and needle in line)

    def found(severity: str) -> set[tuple[object, object]]:
        return {(f["rule"], f["line"]) for f in findings if f["severity"] == severity}

    assert found("warning") == {
        ("stage-without-touchpoints", line_of("- id: advocacy")),
        ("unaddressed-pain", line_of("The tracking link shows nothing")),
        # Only an idea answers it: an action must be planned or in progress to count.
        ("unaddressed-pain", line_of("Charged before there was a chance")),
        ("unvalidated-moment-of-truth", line_of("evidence: hypothesis", "- id: skip-delivery")),
    }
    assert ("missing-owner", line_of("- id: taste-quiz")) in found("info")
    assert ("metric-without-target", line_of("- name: Subscribers who scan")) in found("info")
    assert found("error") == set()


def test_strict_fails_on_warnings_and_exit_zero_never_fails() -> None:
    assert run_cli("lint", "--strict", COFFEE).exit_code == 1
    assert run_cli("lint", "--strict", "--exit-zero", COFFEE).exit_code == 0


def test_infos_never_fail(folder: Path) -> None:
    path = write(folder, MINIMAL)
    result = run_cli("lint", "--strict", "--select", "missing-owner,missing-customer-view", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Found 4 info in 1 of 1 map."


def test_error_fails_unless_exit_zero(folder: Path) -> None:
    text = MINIMAL.replace("    channels: [web]\n", "    channels: [web]\n    personas: []\n", 1)
    path = write(folder, text)
    result = run_cli("lint", "-f", "json", path)
    assert result.exit_code == 1
    assert [f["code"] for f in result.json() if f["severity"] == "error"] == ["L112"]
    assert run_cli("lint", "--exit-zero", path).exit_code == 0


def test_a_map_with_validate_errors_gets_only_those(folder: Path) -> None:
    path = write(folder, MINIMAL.replace("stage: purchase", "stage: purchse"))
    result = run_cli("lint", "-f", "json", path)
    assert result.exit_code == 1
    assert [(f["code"], f["rule"], f["line"]) for f in result.json()] == [
        ("E201", "undefined-stage", 22)
    ]
    assert run_cli("lint", "--exit-zero", path).exit_code == 0


def test_text_output(folder: Path) -> None:
    path = write(folder, MINIMAL)
    result = run_cli("lint", "--select", "missing-owner", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:16:5: L115 (info) touchpoint 'ad' has no owner; name the team that owns it",
        f"{path}:20:5: L115 (info) touchpoint 'checkout' has no owner; name the team that owns it",
        "Found 2 info in 1 of 1 map.",
    ]


def test_github_output_names_code_and_rule(folder: Path) -> None:
    path = write(folder, MINIMAL)
    result = run_cli("lint", "-f", "github", "--select", "L104", path)
    assert result.stdout.splitlines()[0] == (
        f"::warning file={path},line=16,col=5,title=L104 missing-emotion::"
        "touchpoint 'ad' has no emotion; say how the customer feels here, from -2 to 2"
    )


def test_select_and_ignore_take_names_codes_commas_and_repeats(folder: Path) -> None:
    path = write(folder, MINIMAL)

    def rules(*options: str) -> set[object]:
        result = run_cli("lint", "-f", "json", *options, path)
        assert result.exit_code == 0, result.stderr
        return rules_in(result.json())

    assert rules() == set(MINIMAL_RULES)
    assert rules("--select", "L104,missing-owner") == {"missing-emotion", "missing-owner"}
    assert rules("--select", "l104", "--select", " MISSING-OWNER ") == {
        "missing-emotion",
        "missing-owner",
    }
    assert rules("--ignore", "L104", "--ignore", "missing-owner") == {
        "missing-customer-view",
        "undated-map",
    }
    assert rules("--select", "L104,L115", "--ignore", "L115") == {"missing-emotion"}
    assert rules("--select", "") == set()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--select",
            "missing-ownr",
            "cjmap: error: --select: 'missing-ownr' is not a lint rule; "
            "did you mean 'missing-owner'?",
        ),
        ("--ignore", "L999", "cjmap: error: --ignore: 'L999' is not a lint rule"),
        (
            "--ignore",
            "E201",
            "cjmap: error: --ignore: 'E201' is a check of cjmap validate (E201 undefined-stage), "
            "not a lint rule: validate errors cannot be selected, ignored or suppressed",
        ),
    ],
)
def test_unknown_rule_on_command_line_is_usage_error(
    folder: Path, option: str, value: str, message: str
) -> None:
    result = run_cli("lint", option, value, write(folder, MINIMAL))
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""


def test_unusable_path_is_exit_2_even_with_exit_zero(folder: Path) -> None:
    result = run_cli("lint", "--exit-zero", write(folder, MINIMAL), folder / "nope.yaml")
    assert result.exit_code == 2
    assert f"cjmap: error: {folder / 'nope.yaml'}: no such file or folder" in result.stderr
    assert "Found" in result.stdout


def test_unknown_format_is_usage_error(folder: Path) -> None:
    result = run_cli("lint", "--format", "xml", write(folder, MINIMAL))
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.stderr


def test_output_file(folder: Path) -> None:
    path = write(folder, MINIMAL)
    report = folder / "lint.json"
    result = run_cli("lint", "-f", "json", "-o", report, path)
    assert result.exit_code == 0
    assert result.stdout == ""
    import json

    assert rules_in(json.loads(report.read_text(encoding="utf-8"))) == set(MINIMAL_RULES)


def test_output_file_that_cannot_be_written(folder: Path) -> None:
    result = run_cli("lint", "-o", folder / "missing" / "out.txt", write(folder, MINIMAL))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cjmap: error: {folder / 'missing' / 'out.txt'}: cannot write")


def test_verbose_names_each_maps_settings(tmp_path: Path) -> None:
    write(tmp_path, "ignore = ['missing-owner']\n", "team/cjmap.toml")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "cjmap.toml").write_text("", encoding="utf-8")
    team = write(tmp_path, MINIMAL, "team/a.yaml")
    other = write(tmp_path, MINIMAL, "other/b.yaml")
    result = run_cli("lint", "-v", team, other)
    assert f"cjmap: {team}: settings from {tmp_path / 'team' / 'cjmap.toml'}" in result.stderr
    assert f"cjmap: {other}: settings from {tmp_path / 'other' / 'cjmap.toml'}" in result.stderr


def test_folders_are_searched_like_validate(folder: Path) -> None:
    write(folder, MINIMAL, "maps/a.yaml")
    write(folder, "not: a map\n", "maps/notes.yaml")
    result = run_cli("lint", "-f", "json", "--select", "missing-owner", "-v", folder / "maps")
    assert result.exit_code == 0
    assert {f["path"] for f in result.json()} == {str(folder / "maps" / "a.yaml")}
    assert "skipped" in result.stderr and "notes.yaml" in result.stderr


def test_severity_from_config_decides_the_exit_code(folder: Path) -> None:
    path = write(folder, MINIMAL)
    (folder / "cjmap.toml").write_text('[severity]\nmissing-owner = "error"\n', encoding="utf-8")
    result = run_cli("lint", "-f", "json", path)
    assert result.exit_code == 1
    assert {f["severity"] for f in result.json() if f["rule"] == "missing-owner"} == {"error"}


def test_library_lint_document_and_run_rules() -> None:
    document = load_text(MINIMAL, "m.yaml")
    checked = lint_document(document, Config(select=frozenset({"missing-owner"})))
    assert [(f.code, f.line, f.column) for f in checked.findings] == [
        ("L115", 16, 5),
        ("L115", 20, 5),
    ]
    assert checked.model is not None
    broken = validate_document(load_text(MINIMAL.replace("stage: purchase", "stage: x"), "m.yaml"))
    assert run_rules(broken, today=date(2026, 1, 1)) is broken


def test_json_findings_carry_the_rule_name(folder: Path) -> None:
    result = run_cli("lint", "-f", "json", "--select", "L104", write(folder, MINIMAL))
    assert result.json()[0] == {
        "path": str(folder / "map.yaml"),
        "line": 16,
        "column": 5,
        "code": "L104",
        "rule": "missing-emotion",
        "severity": "warning",
        "message": "touchpoint 'ad' has no emotion; say how the customer feels here, from -2 to 2",
    }


@pytest.mark.parametrize("command", ["cjmap lint examples/coffee-subscription.yaml", "cjmap rules"])
def test_readme_examples_are_real_output(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(ROOT)
    result = run_cli(*command.split()[1:])
    assert result.stdout == readme_output(command)


def test_jobs_give_the_same_findings_with_each_maps_config(tmp_path: Path) -> None:
    from cjmap.jobs import MIN_PARALLEL_BYTES
    from test_lint_perf import big_clean_map

    # Big enough together for worker processes; 40 touchpoints without an owner each.
    text = big_clean_map(2_500).replace("    owner: Team\n", "", 40)
    write(tmp_path, "", "a/cjmap.toml")
    write(tmp_path, '[severity]\nmissing-owner = "error"\n', "b/cjmap.toml")
    paths = [write(tmp_path, text, "a/map.yaml"), write(tmp_path, text, "b/map.yaml")]
    assert sum(path.stat().st_size for path in paths) > MIN_PARALLEL_BYTES

    one = run_cli("lint", "-f", "json", "--jobs", "1", tmp_path)
    two = run_cli("lint", "-f", "json", "--jobs", "2", tmp_path)
    assert one.exit_code == two.exit_code == 1
    assert one.json() == two.json()
    assert {(f["path"], f["severity"]) for f in two.json()} == {
        (str(paths[0]), "info"),
        (str(paths[1]), "error"),
    }
    assert len(two.json()) == 80

    write(tmp_path, "ignore = ['missing-ownr']\n", "b/cjmap.toml")
    bad = run_cli("lint", "--jobs", "2", tmp_path)
    assert bad.exit_code == 2
    assert bad.stderr.strip() == (
        f"cjmap: error: {tmp_path / 'b' / 'cjmap.toml'}: ignore: 'missing-ownr' is not a "
        "lint rule; did you mean 'missing-owner'?"
    )


def test_a_name_with_line_breaks_keeps_each_finding_on_one_line(folder: Path) -> None:
    text = MINIMAL.replace(
        "  - id: web\n    name: Website\n",
        '  - id: web\n    name: Website\n  - id: phone\n    name: "Phone\\nline\\u2028two"\n',
    )
    path = write(folder, text)
    result = run_cli("lint", "--select", "unused-channel", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:15:9: L102 (warning) channel 'phone' (Phone\\nline\\u2028two) is declared, "
        "but no touchpoint uses it",
        "Found 1 warning in 1 of 1 map.",
    ]
