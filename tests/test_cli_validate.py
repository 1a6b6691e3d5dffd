from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cjmap
from cjmap.loader import load
from cjmap.validate import validate_document
from conftest import EXAMPLES, MINIMAL, run_cli

BROKEN = MINIMAL.replace("    stage: purchase", "    stage: purchse")


def test_version() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"cjmap {cjmap.__version__}"


def test_version_matches_package_metadata() -> None:
    from importlib.metadata import version

    assert cjmap.__version__ == version("cjmap")


def test_valid_map_exits_0(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("validate", write_map(MINIMAL))
    assert result.exit_code == 0
    assert result.stdout.strip() == "No problems found in 1 map."


def test_broken_map_text_output(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(BROKEN)
    result = run_cli("validate", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{path}:22:12: E201 touchpoint 'checkout' names stage 'purchse', "
        "which is not defined; did you mean 'purchase'?"
    )
    assert lines[-1] == "Found 1 error in 1 of 1 map."


def test_json_output_is_parsed(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(BROKEN)
    result = run_cli("validate", "--format", "json", path)
    assert result.exit_code == 1
    assert result.json() == [
        {
            "path": str(path),
            "line": 22,
            "column": 12,
            "code": "E201",
            "rule": "undefined-stage",
            "severity": "error",
            "message": "touchpoint 'checkout' names stage 'purchse', which is not defined; "
            "did you mean 'purchase'?",
        }
    ]


def test_json_output_of_valid_map_is_empty_list(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("validate", "-f", "json", write_map(MINIMAL))
    assert result.exit_code == 0
    assert result.json() == []


def test_github_format(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(BROKEN)
    result = run_cli("validate", "--format", "github", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file={path},line=22,col=12,title=E201 undefined-stage::touchpoint 'checkout' "
        "names stage 'purchse', which is not defined; did you mean 'purchase'?"
    ]


def test_github_format_escapes_properties(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(BROKEN, "a,b:c.yaml")
    line = run_cli("validate", "--format", "github", path).stdout.splitlines()[0]
    assert "file=" + str(path).replace(":", "%3A").replace(",", "%2C") + ",line=22" in line


def test_every_problem_in_every_file(write_map) -> None:  # type: ignore[no-untyped-def]
    first = write_map(BROKEN, "a.yaml")
    second = write_map(MINIMAL.replace("cjmap: 1", "cjmap: 2"), "b.yaml")
    third = write_map(MINIMAL, "c.yaml")
    result = run_cli("validate", "-f", "json", first, second, third)
    assert result.exit_code == 1
    assert [(item["path"], item["code"]) for item in result.json()] == [
        (str(first), "E201"),
        (str(second), "E100"),
    ]


def test_folder_scan_and_verbose_skips(tmp_path: Path, write_map) -> None:  # type: ignore[no-untyped-def]
    write_map(MINIMAL, "maps/a.yaml")
    write_map("name: not a map\n", "maps/ci.yaml")
    result = run_cli("validate", "--verbose", tmp_path / "maps")
    assert result.exit_code == 0
    assert "No problems found in 1 map." in result.stdout
    assert f"skipped {tmp_path / 'maps' / 'ci.yaml'}" in result.stderr


def test_missing_path_exits_2_but_checks_the_rest(tmp_path: Path, write_map) -> None:  # type: ignore[no-untyped-def]
    good = write_map(BROKEN)
    result = run_cli("validate", "-f", "json", tmp_path / "missing.yaml", good)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"cjmap: error: {tmp_path / 'missing.yaml'}: no such file or folder"
    )
    assert [item["code"] for item in result.json()] == ["E201"]


def test_unknown_format_is_usage_error(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("validate", "--format", "xml", write_map(MINIMAL))
    assert result.exit_code == 2


def test_no_paths_is_usage_error() -> None:
    assert run_cli("validate").exit_code == 2


def test_help_has_an_example() -> None:
    for command in ("validate", "init", "schema"):
        result = run_cli(command, "--help")
        assert result.exit_code == 0
        assert "Example: cjmap " + command in result.stdout


def test_examples_are_valid() -> None:
    result = run_cli("validate", "-f", "json", EXAMPLES)
    assert result.exit_code == 0, result.stdout
    assert result.json() == []


def test_init_writes_a_valid_starter_with_schema(tmp_path: Path) -> None:
    target = tmp_path / "journey.yaml"
    result = run_cli("init", target)
    assert result.exit_code == 0
    assert target.read_text().startswith("# yaml-language-server: $schema=cjmap.schema.json")
    assert (tmp_path / "cjmap.schema.json").exists()
    checked = validate_document(load(target))
    assert checked.findings == []
    model = checked.model
    assert model is not None
    assert model.personas and model.touchpoints and model.journeys and model.actions
    assert run_cli("validate", target).exit_code == 0


def test_init_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "journey.yaml"
    target.write_text("mine\n")
    result = run_cli("init", target)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert target.read_text() == "mine\n"


def test_schema_command_prints_committed_schema() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0
    committed = (Path(__file__).parent.parent / "schemas" / "cjmap.schema.json").read_text()
    assert result.stdout == committed, "run: cjmap schema > schemas/cjmap.schema.json"


def test_real_process_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN)
    command = [sys.executable, "-m", "cjmap"]
    ok = subprocess.run([*command, "validate", str(EXAMPLES)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = subprocess.run([*command, "validate", str(bad)], capture_output=True, text=True)
    assert broken.returncode == 1
    assert f"{bad}:22:12: E201" in broken.stdout
    assert "Traceback" not in broken.stderr
    missing = subprocess.run(
        [*command, "validate", str(tmp_path / "no.yaml")], capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1
    version = subprocess.run([*command, "--version"], capture_output=True, text=True)
    assert version.stdout == f"cjmap {cjmap.__version__}\n"


def test_sarif_format(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("validate", "--format", "sarif", write_map(BROKEN))
    assert result.exit_code == 1
    run = result.json()["runs"][0]
    [finding] = run["results"]
    assert finding["ruleId"] == "E201"
    assert finding["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 22,
        "startColumn": 12,
    }
    assert run["tool"]["driver"]["rules"][finding["ruleIndex"]]["id"] == "E201"
