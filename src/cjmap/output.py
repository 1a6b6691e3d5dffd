"""Where a command's output goes: standard output, ``-o FILE`` or ``--out-dir DIR``.

Every command emits through this module, so every command behaves alike:

- :func:`emit_text` and :func:`emit_bytes` write to standard output, or atomically to a
  file (see :mod:`cjmap.atomic`); :func:`write_files` writes one file per map into a
  folder, creating it.
- :func:`check_target` is the one refusal to write over a map: a file the command read
  (compared by file identity, so a symbolic link or another spelling of the path is
  caught), or any file that ends in ``.yaml`` / ``.yml`` once links are followed. It
  runs for every file a command writes, before any work is done where it can.
- Standard output on a full disk is one line and exit 2; a reader that closes the pipe
  early (``| head``) ends the output quietly, and the command exits as its work warrants.

Errors are :class:`OutputError`, a :class:`cjmap.errors.UsageError` (exit 2).
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from cjmap.errors import UsageError, cannot

if TYPE_CHECKING:
    from typing import TextIO

STDOUT: Final = "-"
MAP_SUFFIXES: Final = (".yaml", ".yml")

Write = Callable[["TextIO", bool], object]  # a writer: (stream, colour?) -> anything


def as_is(text: str) -> Write:
    """A writer of text already made, such as an export or a page."""
    return lambda out, color: out.write(text)


class OutputError(UsageError):
    """The output cannot go where it was asked to."""


def use_color(stream: object) -> bool:
    """Colour for a terminal, unless NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


# --- the refusal to write over a map -------------------------------------------------------


def _identity(path: Path | str) -> tuple[int, int] | None:
    """The device and inode of the file at ``path``, links followed; None if there is none."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):  # missing, unreadable, or not a file name at all
        return None
    return found.st_dev, found.st_ino


class Reads:
    """The files a command read, by identity, to refuse writing over any of them."""

    def __init__(self, paths: Iterable[Path | str] = ()) -> None:
        self._by_identity: dict[tuple[int, int], Path | str] = {}
        for path in paths:
            identity = _identity(path)
            if identity is not None:
                self._by_identity.setdefault(identity, path)

    def find(self, target: Path) -> Path | str | None:
        """The file read that ``target`` is, whatever its spelling; None if it is none."""
        identity = _identity(target)
        return None if identity is None else self._by_identity.get(identity)


def check_target(target: Path, reads: Reads, option: str = "") -> None:
    """Refuse to write ``target`` if it is a map: one the command read, or any YAML file.

    ``option`` (``-o``) is named in the message when the user gave ``target`` with it.
    """
    shown = f"{option} {target}" if option else str(target)
    read = reads.find(target)
    if read is not None:
        raise OutputError(f"{shown} is the map {read} itself; refusing to write over it")
    real = Path(os.path.realpath(target))
    if real.suffix.lower() in MAP_SUFFIXES:
        named = shown if real.name == target.name else f"{shown} (a link to {real})"
        raise OutputError(f"{named} names a YAML file; refusing to write over what may be a map")


# --- standard output -----------------------------------------------------------------------


def _to_stdout(write: Callable[[], object]) -> None:
    """Run ``write`` (which writes to standard output) and flush; its failures as one line."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            _discard_stdout()
            return
        raise OutputError(cannot("standard output", "write", exc)) from None


def _discard_stdout() -> None:
    """The reader has gone (``| head``): send what is left of the output nowhere.

    Pointing the descriptor at the null device keeps the final flush from failing again.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, io.UnsupportedOperation):  # not a real file (tests)
        pass


def say(text: str) -> None:
    """One line for the user on standard output, such as ``Wrote map.svg``."""
    _to_stdout(lambda: print(text))


# --- files ---------------------------------------------------------------------------------


def write_file(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically; a failure as one line, exit 2."""
    from cjmap.atomic import write_atomic

    try:
        write_atomic(target, data)
    except OSError as exc:
        raise OutputError(cannot(target, "write", exc)) from None


def create_file(target: Path, data: bytes, option: str = "") -> None:
    """Write a new file, never over one that exists (a map being made: import, init).

    A write that fails half way removes the file it had begun, so nothing is left half
    written. ``option`` (``-o``) is named in the message when the user gave ``target``
    with it.
    """
    shown = f"{option} {target}" if option else str(target)
    try:
        stream = open(target, "xb")  # noqa: SIM115 - closed below, removed on failure
    except FileExistsError:
        raise OutputError(f"{shown} already exists; not overwritten (give another path)") from None
    except OSError as exc:
        raise OutputError(cannot(target, "write", exc)) from None
    try:
        with stream:
            stream.write(data)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise OutputError(cannot(target, "write", exc)) from None


def emit_text(write: Write, output: Path | None, reads: Reads) -> None:
    """Run a writer to standard output (coloured on a terminal), or to the file ``output``."""
    if output is None or str(output) == STDOUT:
        _to_stdout(lambda: write(sys.stdout, use_color(sys.stdout)))
        return
    check_target(output, reads, "-o")
    text = io.StringIO()
    write(text, False)
    write_file(output, text.getvalue().encode("utf-8"))


def emit_bytes(data: bytes, output: Path | None, reads: Reads) -> None:
    """Write bytes to standard output (``output`` None or ``-``) or to the file ``output``."""
    if output is None or str(output) == STDOUT:
        _to_stdout(lambda: (sys.stdout.flush(), sys.stdout.buffer.write(data)))
        return
    check_target(output, reads, "-o")
    write_file(output, data)


def make_folder(out_dir: Path) -> None:
    """Create ``--out-dir`` and its parents if missing; a file in the way is refused."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{out_dir}: is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(cannot(out_dir, "create the folder", exc)) from None


def check_folder(out_dir: Path) -> None:
    """Refuse an ``--out-dir`` that exists but is not a folder, before any work."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file, not a folder")


def plan_files(
    names: Iterable[tuple[Path | str, Path]],
    reads: Reads,
    clash: str = "would both be written to {target}; write them to different folders",
) -> dict[Path, Path | str]:
    """Check the file each input would be written to: ``{target: input}``.

    Refuses a target that is a map (see :func:`check_target`), and two inputs that would
    write one file, saying "<first> and <second> " then ``clash``.
    """
    planned: dict[tuple[int, int] | Path, tuple[Path, Path | str]] = {}
    for source, target in names:
        check_target(target, reads)
        key: tuple[int, int] | Path = _identity(target) or Path(os.path.abspath(target))
        if key in planned:
            first = planned[key][1]
            raise OutputError(f"{first} and {source} " + clash.format(target=target))
        planned[key] = (target, source)
    return {target: source for target, source in planned.values()}
