"""Maps read from git: ``REV:PATH`` arguments, and the maps under a folder at a revision.

Git runs as a subprocess, and only when one of these forms is used. PATH is
relative to the current folder, like every other path on the command line (git's
own ``REV:PATH`` is relative to the top of the repository; ``REV:./PATH`` is what
is passed to it). Every failure is an :class:`~cjmap.loader.InputError` with one
line that names the revision and the path.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cjmap.findings import Finding
from cjmap.loader import DEFAULT_MAX_SIZE, Document, InputError, load_bytes, too_large


@dataclass(frozen=True)
class RevPath:
    """A file at a git revision, as written on the command line: ``HEAD~1:maps/coffee.yaml``."""

    rev: str
    path: str

    def __str__(self) -> str:
        return f"{self.rev}:{self.path}"


def parse_rev_path(argument: str) -> RevPath | None:
    """The ``REV:PATH`` in an argument, or None for a plain path.

    An argument that names an existing file is always a plain path, so a file with
    a colon in its name can still be compared.
    """
    rev, colon, path = argument.partition(":")
    if not colon or not rev or not path or os.path.lexists(argument):
        return None
    return RevPath(rev, path)


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed; it is needed to read REV:PATH") from None


def _git_message(result: subprocess.CompletedProcess[bytes]) -> str:
    """Git's own first line of complaint, without its 'fatal: ' prefix."""
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else f"git exited with {result.returncode}"


def _refuse_option(rev: str) -> None:
    # Git would read a revision that starts with '-' as an option.
    if rev.startswith("-"):
        raise InputError(f"'{rev}' is not a git revision")


def check_revision(rev: str) -> None:
    """Raise InputError unless ``rev`` names a commit in the repository here."""
    _refuse_option(rev)
    result = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if result.returncode == 0:
        return
    if result.stderr.strip():
        raise InputError(f"{rev}: {_git_message(result)}")
    raise InputError(f"{rev}: no such revision in this git repository")


def _object_name(rev: str, path: str) -> str:
    """Git's name for the file at ``path`` (relative to the current folder) at ``rev``."""
    relative = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    return f"{rev}:./{relative}"


def read_at_revision(spec: RevPath, max_size: int = DEFAULT_MAX_SIZE) -> bytes | Finding:
    """The bytes of a file at a revision, through ``git show``, or a too-large finding."""
    _refuse_option(spec.rev)
    name = _object_name(spec.rev, spec.path)
    kind = _git("cat-file", "-t", name)
    if kind.returncode != 0:
        check_revision(spec.rev)  # says so when the revision, not the file, is missing
        raise InputError(f"{spec}: no such file at revision {spec.rev}")
    if kind.stdout.strip() != b"blob":
        raise InputError(f"{spec}: is a folder at revision {spec.rev}, not a map file")
    size = _git("cat-file", "-s", name)
    if size.returncode == 0 and int(size.stdout) > max_size:
        return too_large(str(spec), int(size.stdout), max_size)
    shown = _git("show", "--no-textconv", name)
    if shown.returncode != 0:
        raise InputError(f"{spec}: {_git_message(shown)}")
    return shown.stdout


def load_at_revision(spec: RevPath, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Load a map file from git; raises InputError when git has no such file."""
    return load_bytes(read_at_revision(spec, max_size), str(spec))


def yaml_files_at_revision(rev: str, path: Path) -> list[str]:
    """The *.yaml and *.yml files under ``path`` at ``rev``, relative to the current folder."""
    check_revision(rev)
    listed = _git("ls-tree", "-r", "-z", "--name-only", rev, "--", str(path))
    if listed.returncode != 0:
        raise InputError(f"{rev}:{path}: {_git_message(listed)}")
    names = [name.decode("utf-8", "surrogateescape") for name in listed.stdout.split(b"\0")]
    return sorted(name for name in names if name.endswith((".yaml", ".yml")))
