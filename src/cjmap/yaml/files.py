"""A map file's bytes, read within a size limit, and its text, decoded as UTF-8."""

from __future__ import annotations

import errno
import stat
from pathlib import Path
from typing import BinaryIO

from cjmap.errors import UsageError, cannot
from cjmap.findings import Finding, error
from cjmap.yaml.events import Position

DEFAULT_MAX_SIZE = 32 * 1024 * 1024
"""Files larger than this (bytes) are refused before parsing."""
_CHUNK = 1024 * 1024
"""Bytes read at a time past the size the file had when it was opened."""


class InputError(UsageError):
    """A path that cannot be read as a map file (missing, a folder, no permission...): exit 2."""


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def too_large(display: str, size: int, max_size: int) -> Finding:
    """The finding for a file of ``size`` bytes, over the limit of ``max_size``."""
    return error(
        display,
        1,
        1,
        "E007",
        f"the file is {size:,} bytes, over the {max_size:,}-byte limit (raise it with --max-size)",
    )


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes | Finding:
    """The bytes of a regular file, a too-large finding, or InputError for an unusable path."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{path}: a symlink to a missing file") from None
        raise InputError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: a symlink loop (it leads back to itself)") from None
        raise InputError(cannot(path, "read", exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder, not a map file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file ({_file_kind(info.st_mode)})")
    if info.st_size > max_size:
        return too_large(str(path), info.st_size, max_size)
    try:
        with path.open("rb") as handle:
            raw = _read_at_most(handle, max_size + 1, info.st_size + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(cannot(path, "read", exc)) from None
    if len(raw) > max_size:  # the file grew after it was measured
        return too_large(str(path), len(raw), max_size)
    return raw


def _read_at_most(handle: BinaryIO, limit: int, expected: int) -> bytes:
    """Up to ``limit`` bytes, asking for ``expected`` first and then for a chunk at a time.

    Memory grows with what the file holds, never with the limit, which may be far more
    than the machine has (``--max-size 9223372036854775807``).
    """
    chunks: list[bytes] = []
    got = 0
    want = min(expected, limit)
    while got < limit:
        chunk = handle.read(want)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        want = min(_CHUNK, limit - got)
    return b"".join(chunks)


def line_col_at(text: str, offset: int) -> Position:
    """The 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# Byte order marks of encodings that are not UTF-8 (UTF-32 first: its LE mark starts like UTF-16's).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes, display: str) -> str | Finding:
    """UTF-8 text (BOM removed), or a not-utf8 finding at the first bad byte."""
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            return error(
                display,
                1,
                1,
                "E004",
                f"not UTF-8 text: the file starts with a {encoding} byte order mark; "
                "save the file as UTF-8",
            )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(raw, exc.start, display)
    if "\x00" in text:
        return _not_utf8(raw, raw.index(b"\x00"), display)
    return text.removeprefix("\ufeff")


def _not_utf8(raw: bytes, offset: int, display: str) -> Finding:
    """E004 at the first NUL byte before ``offset`` (a binary file), else at ``offset``."""
    nul = raw.find(b"\x00", 0, offset)
    if nul >= 0:
        offset = nul
    good = raw[:offset].decode("utf-8").removeprefix("\ufeff")
    line, column = line_col_at(good, len(good))
    if raw[offset] == 0:
        problem = f"NUL byte at offset {offset}; is this a binary or UTF-16 file?"
    else:
        problem = f"byte 0x{raw[offset]:02x} at offset {offset}; save the file as UTF-8"
    return error(display, line, column, "E004", f"not UTF-8 text: {problem}")
