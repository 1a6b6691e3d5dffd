"""Checks shared by the hostile-input tests: what a clean answer from cjmap looks like."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import Result

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A finding line of the text format: path:line:col: CODE message, on one line.
_FINDING_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) \S.*$")
_SUMMARY_LINE = re.compile(r"^(No problems found in \d+ maps?\.|Found .+ in \d+ of \d+ maps?\.)$")
_USAGE_ERROR = re.compile(r"^cjmap: error: \S.*$")


def assert_no_traceback(result: Result) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert "Error:" not in stream.replace("cjmap: error:", "")


def assert_clean(result: Result, exit_code: int) -> list[tuple[str, int, int, str]]:
    """Exit code as expected; every line one finding, a summary or a one-line path error.

    Returns (path, line, column, code) of each finding printed.
    """
    assert_no_traceback(result)
    assert result.exit_code == exit_code, result.stdout + result.stderr
    found: list[tuple[str, int, int, str]] = []
    lines = result.stdout.splitlines()
    assert lines, "stdout is empty"
    assert _SUMMARY_LINE.match(lines[-1]), lines[-1]
    for line in lines[:-1]:
        match = _FINDING_LINE.match(line)
        assert match, f"not a one-line finding: {line!r}"
        found.append((match["path"], int(match["line"]), int(match["col"]), match["code"]))
    for line in result.stderr.splitlines():
        assert _USAGE_ERROR.match(line), f"not a one-line error: {line!r}"
    return found


def run_subprocess(*args: str | Path, timeout: float = 30) -> Result:
    """cjmap in a child process, for inputs that could block: a hang fails, not freezes, the run."""
    completed = subprocess.run(
        [sys.executable, "-m", "cjmap", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)
