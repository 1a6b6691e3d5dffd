"""cjmap import through the command line: where the map goes, and every bad input as one
line with its exit code and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.loader import load, load_text
from cjmap.validate import validate_document
from conftest import EXAMPLES, FIXTURES, run_cli

JOURNEY = FIXTURES / "mermaid" / "011-diggudg-polestar-journey-log-explorer.mmd"


def valid(text: str) -> None:
    checked = validate_document(load_text(text, "imported.yaml"))
    assert checked.findings == []


def test_to_stdout_with_one_line_on_stderr() -> None:
    result = run_cli("import", JOURNEY, "--from", "mermaid")
    assert result.exit_code == 0, result.stderr
    valid(result.stdout)
    assert result.stderr == (
        f"cjmap: imported {JOURNEY}: 7 stages, 28 touchpoints, 1 persona; "
        "not carried over: channels (the source names none)\n"
    )


def test_to_a_new_file_never_over_one(tmp_path: Path) -> None:
    target = tmp_path / "journey.yaml"
    result = run_cli("import", JOURNEY, "--from", "mermaid", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote {target}\n"
    valid(target.read_text(encoding="utf-8"))
    assert run_cli("lint", target).exit_code == 0
    target.write_text("mine", encoding="utf-8")
    again = run_cli("import", JOURNEY, "--from", "mermaid", "-o", target)
    assert again.exit_code == 2
    assert again.stderr == (
        f"cjmap: error: -o {target} already exists; not overwritten (give another path)\n"
    )
    assert target.read_text(encoding="utf-8") == "mine"


def test_out_dir_takes_every_journey(tmp_path: Path) -> None:
    source = tmp_path / "journeys.md"
    source.write_text(
        "```mermaid\njourney\n  section A\n    One: 5: Me\n```\n\n"
        "```mermaid\njourney\n  section B\n    Two: 1: You\n```\n",
        encoding="utf-8",
    )
    out = tmp_path / "maps"
    result = run_cli("import", source, "--from", "mermaid", "--out-dir", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote {out / 'journeys-1.yaml'}\nWrote {out / 'journeys-2.yaml'}\n"
    assert [load(p).data["stages"][0]["name"] for p in sorted(out.iterdir())] == ["A", "B"]
    again = run_cli("import", source, "--from", "mermaid", "--out-dir", out)
    assert again.exit_code == 2
    assert "already exist; nothing written" in again.stderr
    second = run_cli("import", source, "--from", "mermaid", "--index", "2")
    assert second.exit_code == 0
    assert "Two" in second.stdout


@pytest.mark.parametrize(
    ("name", "text", "args", "code", "message"),
    [
        (
            "flow.mmd",
            "flowchart TD\n  A --> B\n",
            [],
            1,
            "{path}:1: a Mermaid flowchart diagram, not a journey; cjmap imports `journey` "
            "diagrams",
        ),
        (
            "big.mmd",
            "journey\n" + "  Step: 3: Me\n" * 20,
            ["--max-size", "100"],
            1,
            "{path}: the file is 288 bytes, over the 100-byte limit (raise it with --max-size)",
        ),
        (
            "inventory.csv",
            "Name,Wert\nPay,1\n",
            ["--from", "csv"],
            1,
            "{path}:1: no touchpoint column; the columns found are 'Name', 'Wert'. Say which "
            "column holds the touchpoints with --column 'HEADER=touchpoint'",
        ),
        (
            "inventory.csv",
            "Touchpoint\nPay\n",
            ["--from", "csv", "--column", "Wert"],
            2,
            "--column 'Wert': give HEADER=FIELD, e.g. --column 'Step=touchpoint'",
        ),
        (
            "inventory.csv",
            "Touchpoint\nPay\n",
            ["--from", "csv", "--scale", "1-7"],
            2,
            "--scale 1-7: use one of -2-2, 1-5, 1-10, -5-5, 0-10",
        ),
        (
            "not-utf8.csv",
            "Touchpoint\nCaf\xe9\n",
            ["--from", "csv"],
            1,
            "{path}:2: not UTF-8 text: byte 0xe9 at offset 14; save the file as UTF-8",
        ),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(
    tmp_path: Path, name: str, text: str, args: list[str], code: int, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1") if "not-utf8" in name else text.encode("utf-8"))
    target = tmp_path / "out.yaml"
    if "--from" not in args:
        args = ["--from", "mermaid", *args]
    result = run_cli("import", path, *args, "-o", target)
    assert result.exit_code == code
    assert result.stderr == f"cjmap: error: {message.format(path=path)}\n"
    assert result.stdout == ""
    assert not target.exists()


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("import", tmp_path / "none.csv", "--from", "csv")
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'none.csv'}: no such file or folder\n"


def test_export_to_json_through_the_command_line() -> None:
    path = EXAMPLES / "coffee-subscription.yaml"
    whole = run_cli("export", path, "--to", "json")
    assert whole.exit_code == 0
    assert whole.json()["kind"] == "map"
    inventory = run_cli("export", path, "--to", "json", "--inventory")
    assert inventory.json()["kind"] == "inventory"
    wrong = run_cli("export", path, "--to", "csv", "--inventory")
    assert wrong.exit_code == 2
    assert wrong.stderr == (
        "cjmap: error: --inventory is the touchpoint inventory in JSON: use it with --to json\n"
    )


def test_the_readme_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import ROOT, readme_output

    (tmp_path / "README.md").write_bytes((ROOT / "README.md").read_bytes())
    monkeypatch.chdir(tmp_path)
    command = "cjmap import README.md --from mermaid -o journey.yaml"
    shown = readme_output(command).splitlines()
    result = run_cli(*command.split()[1:])
    assert result.exit_code == 0
    assert [result.stdout, result.stderr] == [shown[0] + "\n", shown[1] + "\n"]
    lint = run_cli("lint", "journey.yaml")
    assert lint.exit_code == 0
    shown_lint = readme_output("cjmap lint journey.yaml | tail -n 1").strip()
    assert lint.stdout.splitlines()[-1] == shown_lint
