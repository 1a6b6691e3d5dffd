"""Map text never becomes a workflow command or terminal control in output for people.

A pain ``"x\\n::error file=a.yaml,line=1::INJECTED"`` printed with its line break
would be a line that GitHub Actions runs as a workflow command; ``ESC]0;...BEL`` sets
the terminal's title and ``ESC[2J`` clears its screen. Every text, table and Markdown
writer prints them escaped (``\\n``, ``\\x1b``), on the line they belong to.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

INJECTED = "x\\n::error file=a.yaml,line=1::INJECTED"
TITLE = "\\e]0;pwned\\a"
CLEAR = "\\e[2J"


def _hostile(text: str) -> str:
    """MINIMAL with control characters in a stage, a touchpoint and two pains (YAML escapes)."""
    return (
        text.replace(
            "  - id: purchase\n    name: Purchase\n",
            f'  - id: empty\n    name: "Empty {TITLE} stage"\n'
            "  - id: purchase\n    name: Purchase\n",
        )
        .replace("    name: Pays for the box\n", f'    name: "Pays {TITLE} for {CLEAR} the box"\n')
        .replace(
            "    stage: awareness\n    channels: [web]\n",
            "    stage: awareness\n    channels: [web]\n"
            f'    pains: ["{INJECTED}", "clear {CLEAR} screen"]\n',
        )
    )


def _assert_safe(output: str) -> None:
    assert "\x1b" not in output
    assert "\x07" not in output
    for line in output.splitlines():
        assert not line.lstrip("|* ").startswith("::"), line


@pytest.fixture
def maps(write_map: Callable[..., Path]) -> tuple[Path, Path]:
    return write_map(MINIMAL, "old.yaml"), write_map(_hostile(MINIMAL), "new.yaml")


def test_the_hostile_map_is_valid(maps: tuple[Path, Path]) -> None:
    result = run_cli("validate", maps[1])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_diff_prints_each_change_on_its_own_line(
    maps: tuple[Path, Path], output_format: str
) -> None:
    result = run_cli("diff", *maps, "-f", output_format)
    assert result.exit_code == 0, result.stderr
    _assert_safe(result.stdout)
    if output_format == "text":
        assert "  + ad: new pain 'x\\n::error file=a.yaml,line=1::INJECTED' (medium)\n" in (
            result.stdout
        )
        assert "  + empty: added 'Empty \\x1b]0;pwned\\x07 stage'\n" in result.stdout
        assert "'Pays \\x1b]0;pwned\\x07 for \\x1b[2J the box'" in result.stdout


def test_diff_json_keeps_the_text_as_written(maps: tuple[Path, Path]) -> None:
    result = run_cli("diff", *maps, "-f", "json")
    pains = [c for c in result.json()[0]["changes"] if c["kind"] == "pain"]
    assert [c["subject"] for c in pains] == [
        "x\n::error file=a.yaml,line=1::INJECTED",
        "clear \x1b[2J screen",
    ]


@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_pains_escape_the_pain_texts(maps: tuple[Path, Path], output_format: str) -> None:
    result = run_cli("pains", maps[1], "-f", output_format)
    assert result.exit_code == 0, result.stderr
    _assert_safe(result.stdout)
    assert "clear \\x1b[2J screen" in result.stdout.replace("\\\\", "\\").replace("\\[", "[")


def test_gaps_escape_the_stage(maps: tuple[Path, Path]) -> None:
    result = run_cli("gaps", maps[1], "-f", "markdown")
    _assert_safe(result.stdout)
    assert "Empty \\\\x1b\\]0;pwned\\\\x07 stage" in result.stdout
    table = run_cli("gaps", maps[1])
    _assert_safe(table.stdout)
    assert "empty" in table.stdout


@pytest.mark.parametrize("to", ["markdown", "mermaid"])
def test_exports_for_people_escape_control_characters(maps: tuple[Path, Path], to: str) -> None:
    result = run_cli("export", maps[1], "--to", to)
    assert result.exit_code == 0, result.stderr
    _assert_safe(result.stdout)
    assert "x0;pwned" not in result.stdout  # the escape is shown, not swallowed
    assert "x1b" in result.stdout


def test_a_file_name_with_a_line_break_stays_on_its_finding_line(tmp_path: Path) -> None:
    from cjmap.findings import Finding, Report, Severity
    from cjmap.writers.text import line

    finding = Finding("a\n::error::x.yaml", 1, 2, "E101", "missing-key", Severity.ERROR, "m")
    assert line(finding) == "a\\n::error::x.yaml:1:2: E101 m"
    assert Report([finding], 1).count(Severity.ERROR) == 1


def test_a_terminal_table_keeps_its_stacked_severity_and_escapes_the_rest() -> None:
    import io

    from cjmap.reports.table import Column, Table
    from cjmap.writers.table import write_table

    table = Table(
        [Column("severity", "Severity", severity=True), Column("text", "Pain")],
        [{"severity": "high\nroadblock", "text": "x\n::error::y \x1b[2J"}],
        summary="1 pain \x1b]0;t\x07",
    )
    for color in (False, True):
        out = io.StringIO()
        write_table(table, out, color)
        _assert_safe(out.getvalue())
        assert "x ::error::y \\x1b[2J" in out.getvalue()
        assert "1 pain \\x1b]0;t\\x07" in out.getvalue()
