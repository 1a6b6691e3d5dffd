"""Unusable paths: one line each on stderr, exit 2, and the other files of the run still checked.

Inputs that could block a reader (FIFOs, devices) run cjmap in a child process with a timeout,
so a regression fails the test instead of freezing the suite.
"""

from __future__ import annotations

import errno
import os
import pathlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile import assert_clean, run_subprocess

from conftest import MINIMAL, run_cli

BROKEN = MINIMAL.replace("    stage: purchase", "    stage: purchse")


@pytest.fixture
def good_and_broken(tmp_path: Path) -> tuple[Path, Path]:
    """A valid map and a map with one finding (22:12 E201), checked beside each bad path."""
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL)
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN)
    return good, broken


def assert_other_maps_checked(
    stdout_findings: list[tuple[str, int, int, str]], broken: Path
) -> None:
    assert stdout_findings == [(str(broken), 22, 12, "E201")]


def _check(
    bad: Path | str,
    message: str,
    good_and_broken: tuple[Path, Path],
    runner: Callable[..., Any] = run_cli,
) -> None:
    good, broken = good_and_broken
    result = runner("validate", good, bad, broken)
    found = assert_clean(result, 2)
    assert_other_maps_checked(found, broken)
    assert result.stderr == f"cjmap: error: {bad}: {message}\n"
    assert result.stdout.splitlines()[-1] == "Found 1 error in 1 of 2 maps."


def test_missing_file(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    _check(tmp_path / "gone.yaml", "no such file or folder", good_and_broken)


@pytest.mark.parametrize(
    "command",
    [["validate"], ["lint"], ["pains"], ["gaps"], ["export", "--to", "csv"], ["render"]],
)
def test_empty_path_is_a_usage_error(
    command: list[str], good_and_broken: tuple[Path, Path]
) -> None:
    # Path("") would be the current folder: an unset variable must not check every map there.
    good, _ = good_and_broken
    result = run_cli(*command, str(good), "")
    assert result.exit_code == 2
    assert "Invalid value for 'PATHS...': an empty path names no file or folder" in result.stderr
    assert result.stdout == ""


def test_folder_with_no_maps(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "ci.yaml").write_text("on: push\n")  # YAML, but not a map: skipped
    _check(
        folder,
        "no maps in this folder (*.yaml or *.yml with a top-level 'cjmap:' key)",
        good_and_broken,
    )


def test_folder_with_no_maps_names_skipped_files_with_verbose(tmp_path: Path) -> None:
    (tmp_path / "ci.yaml").write_text("on: push\n")
    result = run_cli("validate", "--verbose", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"cjmap: error: {tmp_path}: no maps in this folder "
        "(*.yaml or *.yml with a top-level 'cjmap:' key)",
        f"cjmap: skipped {tmp_path / 'ci.yaml'} (no top-level 'cjmap:' key)",
    ]


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make opening one path fail as it would without read permission (tests may run as root)."""
    real_open = pathlib.Path.open

    def fake_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", fake_open)


def test_file_without_permission(
    tmp_path: Path, good_and_broken: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text(MINIMAL)
    _deny(monkeypatch, locked)
    _check(locked, "permission denied", good_and_broken)


def test_file_without_permission_in_a_folder(
    tmp_path: Path, good_and_broken: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    locked = folder / "locked.yaml"
    locked.write_text(MINIMAL)
    (folder / "other.yaml").write_text(MINIMAL)
    _deny(monkeypatch, locked)
    _, broken = good_and_broken
    result = run_cli("validate", folder, broken)
    assert_other_maps_checked(assert_clean(result, 2), broken)
    assert result.stderr == f"cjmap: error: {locked}: permission denied\n"
    assert result.stdout.splitlines()[-1] == "Found 1 error in 1 of 2 maps."


def test_subfolder_without_permission(
    tmp_path: Path, good_and_broken: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "maps"
    (folder / "private").mkdir(parents=True)
    (folder / "private" / "hidden.yaml").write_text(MINIMAL)
    (folder / "open.yaml").write_text(MINIMAL)
    real_scandir = os.scandir
    denied = str(folder / "private")

    def fake_scandir(path: Any = ".") -> Any:
        if os.fspath(path) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", denied)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    _, broken = good_and_broken
    result = run_cli("validate", folder, broken)
    assert_other_maps_checked(assert_clean(result, 2), broken)
    assert result.stderr == f"cjmap: error: {denied}: cannot read this folder (Permission denied)\n"
    assert result.stdout.splitlines()[-1] == "Found 1 error in 1 of 2 maps."


def test_path_below_a_folder_without_permission(
    tmp_path: Path, good_and_broken: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # stat() itself fails when a parent folder cannot be searched.
    hidden = tmp_path / "private" / "map.yaml"
    real_stat = pathlib.Path.stat

    def fake_stat(self: Path, **kwargs: Any) -> Any:
        if self == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", fake_stat)
    _check(hidden, "permission denied", good_and_broken)


def test_fifo(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    _check(fifo, "not a regular file (a named pipe)", good_and_broken, run_subprocess)


def test_fifo_in_a_folder_is_not_opened(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    (folder / "real.yaml").write_text(MINIMAL)
    _, broken = good_and_broken
    result = run_subprocess("validate", folder, broken)
    assert_other_maps_checked(assert_clean(result, 2), broken)
    assert (
        result.stderr
        == f"cjmap: error: {folder / 'pipe.yaml'}: not a regular file (a named pipe)\n"
    )


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/urandom"])
def test_device(device: str, good_and_broken: tuple[Path, Path]) -> None:
    _check(device, "not a regular file (a device)", good_and_broken, run_subprocess)


def test_symlink_loop(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    _check(tmp_path / "a.yaml", "a symlink loop (it leads back to itself)", good_and_broken)


def test_symlink_loop_in_a_folder(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "self.yaml").symlink_to(folder / "self.yaml")
    (folder / "up").symlink_to(tmp_path)  # a folder loop: os.walk does not follow it
    (folder / "real.yaml").write_text(MINIMAL)
    _, broken = good_and_broken
    result = run_subprocess("validate", folder, broken)
    assert_other_maps_checked(assert_clean(result, 2), broken)
    assert result.stderr == (
        f"cjmap: error: {folder / 'self.yaml'}: a symlink loop (it leads back to itself)\n"
    )
    assert result.stdout.splitlines()[-1] == "Found 1 error in 1 of 2 maps."


def test_dangling_symlink(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "moved.yaml")
    _check(link, "a symlink to a missing file", good_and_broken)


def test_symlink_to_a_map_is_followed(tmp_path: Path, good_and_broken: tuple[Path, Path]) -> None:
    good, _ = good_and_broken
    link = tmp_path / "link.yaml"
    link.symlink_to(good)
    assert_clean(run_cli("validate", link), 0)


def test_every_bad_path_of_a_run_is_reported(
    tmp_path: Path, good_and_broken: tuple[Path, Path]
) -> None:
    good, broken = good_and_broken
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_subprocess("validate", tmp_path / "gone.yaml", good, "/dev/null", empty, broken)
    assert_other_maps_checked(assert_clean(result, 2), broken)
    assert [line.split(": ")[2] for line in result.stderr.splitlines()] == [
        str(tmp_path / "gone.yaml"),
        str(empty),
        "/dev/null",
    ]


@pytest.mark.parametrize("output_format", ["json", "github"])
def test_machine_output_stays_parseable_beside_path_errors(
    tmp_path: Path, good_and_broken: tuple[Path, Path], output_format: str
) -> None:
    good, broken = good_and_broken
    result = run_cli("validate", "-f", output_format, good, tmp_path / "gone.yaml", broken)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'gone.yaml'}: no such file or folder\n"
    if output_format == "json":
        assert [(f["path"], f["code"]) for f in result.json()] == [(str(broken), "E201")]
    else:
        assert result.stdout.startswith(f"::error file={broken},line=22,col=12,")
