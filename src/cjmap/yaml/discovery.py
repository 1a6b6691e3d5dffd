"""The maps in folders: every ``*.yaml`` / ``*.yml`` below them with a top-level ``cjmap:`` key."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from cjmap.errors import cannot

_MAP_KEY = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?[\"']?cjmap[\"']?\s*:")
_HEAD = 64 * 1024
"""How much of a file the check for the ``cjmap:`` key reads."""


def is_map_file(path: Path) -> bool:
    """Whether a YAML file has a top-level ``cjmap:`` key (cheap text check, for folder scans)."""
    if not path.is_file():
        return True  # a FIFO or device would block the read; the real load reports it
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return True  # let the real load report the problem
    return _MAP_KEY.search(head) is not None


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Path], list[str]]:
    """Files to check, files skipped in folders (no ``cjmap:`` key), and path errors."""
    files: list[Path] = []
    skipped: list[Path] = []
    problems: list[str] = []
    for given in paths:
        kind = _path_kind(given)
        if kind == "folder":
            unreadable: list[str] = []
            found = sorted(p for p in _walk(given, unreadable) if p.suffix in (".yaml", ".yml"))
            maps = [p for p in found if is_map_file(p)]
            files.extend(maps)
            is_map = set(maps)
            skipped.extend(p for p in found if p not in is_map)
            problems.extend(unreadable)
            if not maps and not unreadable:
                problems.append(
                    f"{given}: no maps in this folder "
                    "(*.yaml or *.yml with a top-level 'cjmap:' key)"
                )
        elif kind == "file":
            files.append(given)
        else:
            problems.append(f"{given}: no such file or folder")
    return files, skipped, problems


def _path_kind(path: Path) -> str:
    """'folder', 'file' (anything else that is there, even a broken symlink) or 'missing'."""
    try:
        if path.is_dir():
            return "folder"
        if path.exists() or path.is_symlink():
            return "file"
    except OSError:
        return "file"  # e.g. a parent folder without permission: the load names the problem
    return "missing"


def _walk(folder: Path, unreadable: list[str]) -> Iterator[Path]:
    """Files below a folder; folders that cannot be listed are added to ``unreadable``."""

    def report(exc: OSError) -> None:
        unreadable.append(cannot(exc.filename, "read this folder", exc))

    # os.walk does not follow symlinked folders, so a symlink loop cannot trap it.
    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            yield Path(root) / name
