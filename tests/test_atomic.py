"""write_atomic: readers see the old file or the new one, never a broken one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cjmap import atomic
from cjmap.atomic import write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    write_atomic(target, b"<svg/>")
    assert target.read_bytes() == b"<svg/>"
    assert leftovers(tmp_path) == []


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "map.svg", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "map.svg").stat().st_mode) == 0o644


def test_replaces_a_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"old and longer than the new one")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_empty_data(tmp_path: Path) -> None:
    target = tmp_path / "empty.dot"
    target.write_bytes(b"something")
    write_atomic(target, b"")
    assert target.read_bytes() == b""


def test_refuses_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep")
    with pytest.raises(IsADirectoryError) as caught:
        write_atomic(folder, b"data")
    assert caught.value.filename == str(folder)
    assert folder.is_dir()
    assert (folder / "keep.txt").read_text() == "keep"
    assert leftovers(tmp_path) == []


def test_missing_folder_names_the_requested_path(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "map.svg"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomic(target, b"data")
    assert caught.value.filename == str(target)
    assert not target.parent.exists()


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_failure_leaves_the_earlier_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"earlier render")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        # A fake file whose write fails, standing in for a full disk.
        class Broken:
            def __init__(self, fd: int, mode: str) -> None:
                os.close(fd)

            def __enter__(self) -> Broken:
                return self

            def __exit__(self, *exc: object) -> None:
                return None

            def write(self, data: bytes) -> int:
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fdopen", Broken)
    else:
        monkeypatch.setattr(atomic.os, failing, fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new render")
    assert target.read_bytes() == b"earlier render"
    assert leftovers(tmp_path) == []


def test_interrupt_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"data")
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_follows_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.svg"
    real.write_bytes(b"old")
    link = tmp_path / "link.svg"
    link.symlink_to("real.svg")
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_writes_into_a_device_directly(tmp_path: Path) -> None:
    devnull = Path(os.devnull)
    write_atomic(devnull, b"discarded")
    assert stat.S_ISCHR(devnull.stat().st_mode)
    assert leftovers(devnull.parent) == []


def test_temporary_file_is_hidden_and_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(source: str | Path, destination: str | Path) -> None:
        seen.append((str(source), str(destination)))
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", spy)
    target = tmp_path / "map.svg"
    write_atomic(target, b"x")
    [(source, destination)] = seen
    assert Path(source).parent == tmp_path
    assert Path(source).name.startswith(".map.svg.")
    assert destination == str(target)
