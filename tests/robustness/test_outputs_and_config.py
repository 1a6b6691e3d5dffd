"""Broken configuration exits 2 naming the file and key; output paths never damage a file."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from hostile import assert_no_traceback, run_subprocess

from conftest import MINIMAL, run_cli

# --- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "content", "says"),
    [
        (
            "pyproject.toml",
            "[tool.cjmap\nselect = 1\n",
            "pyproject.toml: not valid TOML: Expected ']' at the end of a table declaration "
            "(at line 1, column 12)",
        ),
        (
            "pyproject.toml",
            '[tool.cjmap]\nselect = ["no-such-rule"]\n',
            "pyproject.toml: tool.cjmap.select: 'no-such-rule' is not a lint rule",
        ),
        (
            "pyproject.toml",
            '[tool.cjmap]\nseverity = {no-such-rule = "error"}\n',
            "pyproject.toml: tool.cjmap.severity.no-such-rule: 'no-such-rule' is not a lint rule",
        ),
        (
            "pyproject.toml",
            '[tool.cjmap]\nignore = "L104"\n',
            'pyproject.toml: tool.cjmap.ignore must be a list of text, like ["missing-owner", '
            '"L101"], not "L104"',
        ),
        (
            "pyproject.toml",
            "[tool.cjmap]\nunknown-key = 5\n",
            "pyproject.toml: unknown key 'tool.cjmap.unknown-key' (the keys are select, "
            "ignore, jargon, extend-jargon, severity, stale-days)",
        ),
        (
            "cjmap.toml",
            'stale-days = "x"\n',
            'cjmap.toml: stale-days must be a whole number of days, 1 or more, not "x"',
        ),
        (
            "cjmap.toml",
            'severity = {missing-owner = "fatal"}\n',
            'cjmap.toml: severity.missing-owner must be "error", "warning" or "info", not "fatal"',
        ),
        ("cjmap.toml", b"\xff\xfe[x]", "cjmap.toml: not UTF-8 text"),
    ],
)
def test_broken_config_names_file_and_key(
    tmp_path: Path, file_name: str, content: str | bytes, says: str
) -> None:
    (tmp_path / "map.yaml").write_text(MINIMAL)
    config = tmp_path / file_name
    if isinstance(content, bytes):
        config.write_bytes(content)
    else:
        config.write_text(content)
    result = run_cli("lint", tmp_path / "map.yaml")
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path}/{says}\n"


@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "missing"])
def test_unusable_config_path(tmp_path: Path, kind: str) -> None:
    (tmp_path / "map.yaml").write_text(MINIMAL)
    config = {"device": Path("/dev/zero")}.get(kind, tmp_path / "settings.toml")
    says = {
        "device": "not a regular file",
        "fifo": "not a regular file",
        "folder": "is a folder, not a config file",
        "missing": "no such config file",
    }[kind]
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "folder":
        config.mkdir()
    # A child process: reading /dev/zero or a FIFO would never end if it were tried.
    result = run_subprocess("lint", "--config", config, tmp_path / "map.yaml", timeout=30)
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {config}: {says}\n"


@pytest.mark.parametrize("kind", ["fifo", "folder", "broken link"])
def test_unusable_config_file_found_beside_the_map(tmp_path: Path, kind: str) -> None:
    # A usable config higher up must not be taken instead of the one beside the map.
    (tmp_path / "cjmap.toml").write_text('ignore = ["missing-owner"]\n')
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "map.yaml").write_text(MINIMAL)
    config = maps / "cjmap.toml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "folder":
        config.mkdir()
    else:
        config.symlink_to(maps / "gone.toml")
    says = {
        "fifo": "not a regular file",
        "folder": "is a folder, not a config file",
        "broken link": "no such config file",
    }[kind]
    result = run_subprocess("lint", maps / "map.yaml", timeout=30)
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {config}: {says}\n"


# --- output paths -------------------------------------------------------------------------


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "map.yaml"
    path.write_text(MINIMAL)
    return path


def writing(command: str, map_file: Path) -> list[str | Path]:
    """A command that writes a file with -o, run on map_file with arguments that work."""
    return {
        "render": ["render", "--format", "dot", map_file],
        "lint": ["lint", map_file],
        "pains": ["pains", map_file],
        "gaps": ["gaps", map_file],
        "export": ["export", "--to", "csv", map_file],
        "diff": ["diff", map_file, map_file],
    }[command]


WRITERS = ["diff", "export", "gaps", "lint", "pains", "render"]


@pytest.mark.parametrize("command", WRITERS)
def test_output_onto_the_input_map_is_refused(map_file: Path, command: str) -> None:
    result = run_cli(*writing(command, map_file), "-o", map_file)
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert "refusing to write" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert map_file.read_text() == MINIMAL


@pytest.mark.parametrize("command", WRITERS)
def test_output_through_a_link_to_the_map_is_refused(map_file: Path, command: str) -> None:
    link = map_file.parent / "picture.dot"
    link.symlink_to(map_file)
    result = run_cli(*writing(command, map_file), "-o", link)
    assert result.exit_code == 2
    assert "refusing to write" in result.stderr
    assert map_file.read_text() == MINIMAL


@pytest.mark.parametrize("command", WRITERS)
def test_output_onto_a_folder_is_refused(map_file: Path, command: str) -> None:
    folder = map_file.parent / "out.dot"
    folder.mkdir()
    result = run_cli(*writing(command, map_file), "-o", folder)
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {folder}: cannot write (is a directory, not a file)\n"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", WRITERS)
def test_output_into_a_missing_folder(map_file: Path, command: str) -> None:
    target = map_file.parent / "gone" / "out.dot"
    result = run_cli(*writing(command, map_file), "-o", target)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {target}: cannot write (No such file or directory)\n"


@pytest.mark.parametrize("command", WRITERS)
def test_unwritable_folder_leaves_the_old_file(
    map_file: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, who can write anywhere: the folder's refusal is simulated
    # where cjmap creates the temporary file it renames over the output.
    import cjmap.atomic

    folder = map_file.parent / "locked"
    folder.mkdir()
    target = folder / "out.dot"
    target.write_text("the earlier output\n")
    real_open = os.open

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(cjmap.atomic.os, "open", fake_open)
    result = run_cli(*writing(command, map_file), "-o", target)
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {target}: cannot write (Permission denied)\n"
    assert target.read_text() == "the earlier output\n"
    assert sorted(p.name for p in folder.iterdir()) == ["out.dot"]  # no temporary file left


def test_full_disk_is_a_clean_error(map_file: Path) -> None:
    result = run_subprocess("render", "--format", "dot", map_file, "-o", "/dev/full")
    assert result.exit_code == 2
    assert result.stderr == "cjmap: error: /dev/full: cannot write (No space left on device)\n"


@pytest.mark.parametrize("command", WRITERS)
def test_output_onto_a_map_without_a_yaml_suffix_is_refused(tmp_path: Path, command: str) -> None:
    # A map given by name need not end in .yaml; -o must still not replace it.
    map_file = tmp_path / "map.txt"
    map_file.write_text(MINIMAL)
    result = run_cli(*writing(command, map_file), "-o", map_file)
    assert result.exit_code == 2
    assert f"{map_file} is the map {map_file} itself; refusing to write over it" in result.stderr
    assert map_file.read_text() == MINIMAL
    link = tmp_path / "report.md"
    link.symlink_to(map_file)
    result = run_cli(*writing(command, map_file), "-o", link)
    assert result.exit_code == 2
    assert "itself; refusing to write over it" in result.stderr
    assert map_file.read_text() == MINIMAL
