"""Standard output that fails, readers that leave, and path arguments the system refuses.

Every command answers these the same way, because every command emits through
cjmap.output and reports through the one error handler.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import assert_no_traceback, run_subprocess

from conftest import EXAMPLES, MINIMAL, run_cli

COFFEE = EXAMPLES / "coffee-subscription.yaml"
BROKEN = MINIMAL.replace("stage: purchase", "stage: purchse")


def printing(command: str, map_file: Path) -> list[str]:
    """A command that prints its result on standard output, run on ``map_file``."""
    return [
        str(part)
        for part in {
            "validate": ["validate", map_file],
            "lint": ["lint", map_file],
            "rules": ["rules"],
            "rule page": ["rules", "L106"],
            "pains": ["pains", COFFEE],
            "gaps": ["gaps", map_file],
            "diff": ["diff", map_file, COFFEE],
            "export": ["export", "--to", "csv", map_file],
            "render": ["render", "-f", "dot", "-o", "-", map_file],
            "schema": ["schema"],
        }[command]
    ]


PRINTERS = [
    "validate", "lint", "rules", "rule page", "pains", "gaps", "diff", "export", "render", "schema"
]  # fmt: skip


def _child(args: list[str], stdout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjmap", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "map.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", PRINTERS)
def test_standard_output_on_a_full_disk_is_one_line_and_exit_2(
    map_file: Path, command: str
) -> None:
    with open("/dev/full", "w") as full:
        completed = _child(printing(command, map_file), full.fileno())
    assert completed.stderr == (
        "cjmap: error: standard output: cannot write (No space left on device)\n"
    )
    assert completed.returncode == 2


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["validate", "--help"]])
def test_help_and_version_on_a_full_disk_are_one_line_too(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        completed = _child(args, full.fileno())
    assert completed.stderr == (
        "cjmap: error: standard output: cannot write (No space left on device)\n"
    )
    assert completed.returncode == 2


def test_the_version_to_a_reader_that_left(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        completed = _child(["--version"], write_end)
    finally:
        os.close(write_end)
    assert (completed.returncode, completed.stderr) == (0, "")


@pytest.mark.parametrize("command", PRINTERS)
def test_a_reader_that_leaves_early_gets_no_traceback(map_file: Path, command: str) -> None:
    # The reading end is closed before cjmap writes a byte: every write meets a closed pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        completed = _child(printing(command, map_file), write_end)
    finally:
        os.close(write_end)
    assert completed.stderr == ""
    # The exit code is the work's: the minimal map has warnings but no errors, and
    # `lint` fails on errors only.
    assert completed.returncode == 0


def test_a_reader_that_leaves_early_still_gets_the_work_s_exit_code(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        completed = _child(["validate", str(broken)], write_end)
    finally:
        os.close(write_end)
    assert (completed.returncode, completed.stderr) == (1, "")


def test_a_reader_that_takes_the_first_line_only(tmp_path: Path) -> None:
    # `cjmap validate maps/ | head -1`, with output far larger than a pipe holds.
    for number in range(60):
        (tmp_path / f"map{number}.yaml").write_text(BROKEN, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "cjmap", "validate", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()
    error = child.stderr.read()
    assert child.wait(timeout=60) == 1
    assert b"E201" in first
    assert error == b""


# --- path arguments the file system refuses ----------------------------------------------------

LONG = "x" * 300  # longer than any file name the usual file systems allow


@pytest.mark.parametrize(
    "args",
    [
        ["validate", LONG],
        ["lint", LONG],
        ["lint", "{map}", "--config", LONG],
        ["lint", "{map}", "-o", LONG],
        ["pains", LONG],
        ["gaps", "{map}", "--against", LONG],
        ["diff", LONG, "{map}"],
        ["export", "{map}", "--to", "csv", "-o", LONG],
        ["export", "{map}", "--to", "csv", "--out-dir", LONG],
        ["render", "{map}", "-o", LONG + ".svg"],
        ["render", "{map}", "--out-dir", LONG],
        ["init", LONG + ".yaml"],
    ],
    ids=lambda args: " ".join(args).replace(LONG, "LONG"),
)
def test_a_path_too_long_for_the_file_system_is_a_usage_error(
    map_file: Path, args: list[str]
) -> None:
    result = run_cli(*(arg.format(map=map_file) for arg in args))
    assert_no_traceback(result)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("cjmap: error: ")
    assert "File name too long" in line


# --- temporary files ----------------------------------------------------------------------------


def _dead_pid() -> int:
    """The process id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_killed_run_s_temporary_file_is_removed_by_the_next(map_file: Path) -> None:
    from cjmap.atomic import temporary_name

    target = map_file.parent / "map.dot"
    leftover = map_file.parent / temporary_name(target, _dead_pid(), "0123abcd")
    leftover.write_bytes(b"half a picture")
    unrelated = map_file.parent / ".map.dot.notes"
    unrelated.write_text("mine", encoding="utf-8")
    result = run_cli("render", map_file, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert not leftover.exists()
    assert unrelated.read_text(encoding="utf-8") == "mine"
    assert target.read_text(encoding="utf-8").startswith("digraph")


def test_a_running_writer_s_temporary_file_is_left_alone(map_file: Path) -> None:
    from cjmap.atomic import temporary_name

    target = map_file.parent / "map.dot"
    # This process is alive: its temporary file may be about to be renamed.
    busy = map_file.parent / temporary_name(target, os.getpid(), "0123abcd")
    busy.write_bytes(b"being written")
    result = run_subprocess("render", map_file, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert busy.read_bytes() == b"being written"


# --- writing through a link onto another map ----------------------------------------------------


@pytest.mark.parametrize(
    ("link_name", "args"),
    [
        ("pic.svg", ["render", "{map}", "-o", "{link}"]),
        ("map.svg", ["render", "{map}"]),  # render's default picture, beside the map
        ("out/map.svg", ["render", "{map}", "--out-dir", "{out}"]),
        ("out/map.csv", ["export", "{map}", "--to", "csv", "--out-dir", "{out}"]),
        ("report.md", ["pains", "{map}", "-o", "{link}"]),
        ("out.csv", ["export", "{map}", "--to", "csv", "-o", "{link}"]),
    ],
)
def test_a_link_to_another_map_is_never_written_through(
    map_file: Path, link_name: str, args: list[str]
) -> None:
    other = map_file.parent / "other.yaml"
    other.write_text(MINIMAL, encoding="utf-8")
    link = map_file.parent / link_name
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(other)
    out = map_file.parent / "out"
    result = run_cli(*(arg.format(map=map_file, link=link, out=out) for arg in args))
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"{link} (a link to {other}) names a YAML file; refusing to write over what may be a map\n"
    )
    assert len(result.stderr.splitlines()) == 1
    assert other.read_text(encoding="utf-8") == MINIMAL


def test_export_never_replaces_its_own_input(tmp_path: Path) -> None:
    # A map may have any name: exported to CSV into its own folder, m.csv would be m.csv.
    source = tmp_path / "m.csv"
    source.write_text(MINIMAL, encoding="utf-8")
    result = run_cli("export", source, "--to", "csv", "--out-dir", tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"cjmap: error: {source} is the map {source} itself; refusing to write over it\n"
    )
    assert source.read_text(encoding="utf-8") == MINIMAL
