"""Write a file so that readers see either the old contents or the new, never half of it.

Renders and exports write their output through :func:`write_atomic`: the bytes go to a
temporary file in the destination's folder, are flushed to disk, and only then renamed
over the destination. If anything fails before the rename, the earlier file is left
exactly as it was and the temporary file is removed.

A process killed outright (``kill -9``, a power cut) cannot remove its temporary file.
Its name, ``.<file>.<process id>.<random>.cjmap.tmp``, says which process made it, so
the next write of the same file removes the ones whose process has ended. (Not on
Windows, where a process cannot be probed safely; there, delete them by hand.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = ["file_identity", "temporary_name", "write_atomic"]

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def file_identity(path: Path | str) -> str:
    """The same string for two spellings of one file (``./a.yaml``, a symbolic link)."""
    return os.path.normcase(os.path.realpath(path))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file at *path* with *data*, atomically.

    - The folder must exist; it is not created.
    - A directory at *path* is refused with :class:`IsADirectoryError`.
    - A symbolic link is followed: its target is replaced and the link is kept.
    - An existing file keeps its permission bits; a new file gets the usual ones
      (``0o666`` less the umask), not the ``0o600`` of a temporary file.
    - Something that is not a regular file (``/dev/stdout``, a named pipe) cannot be
      renamed over, so it is written to directly.

    Raises :class:`OSError` (with the path in it) when the file cannot be written;
    in that case the earlier file, if any, is untouched.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        existing: os.stat_result | None = target.stat()
    except FileNotFoundError:
        existing = None

    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file", str(path))
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return

    tmp, fd = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_directory(target.parent)


_TEMPORARY_SUFFIX = ".cjmap.tmp"


def temporary_name(target: Path, pid: int, token: str) -> str:
    """The name of the temporary file that process ``pid`` writes before replacing *target*."""
    return f".{target.name}.{pid}.{token}{_TEMPORARY_SUFFIX}"


def _remove_leftovers(target: Path) -> None:
    """Remove the temporary files of *target* left by writers that were killed."""
    if os.name == "nt":
        return
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_TEMPORARY_SUFFIX)):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether a process with this id exists (signal 0 checks without signalling)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True


def _create_temporary(target: Path) -> tuple[Path, int]:
    """Create an empty hidden file next to *target*; return its path and an open descriptor."""
    folder = target.parent
    _remove_leftovers(target)
    for _ in range(100):
        tmp = folder / temporary_name(target, os.getpid(), secrets.token_hex(4))
        try:
            # 0o666 lets the umask decide, as for any newly created file.
            return tmp, os.open(tmp, _OPEN_FLAGS, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            # Name the file the caller asked for, not the temporary one.
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    raise FileExistsError(errno.EEXIST, "could not create a temporary file", str(folder))


def _fsync_directory(folder: Path) -> None:
    """Make the rename durable; not possible (nor needed) on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
