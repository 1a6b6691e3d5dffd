"""The one base for every error a user can cause, and the one handler that reports it.

Anything a user can cause (a bad option, a path that cannot be read or written, a map
that cannot be used) is raised as a :class:`CjmapError`, or a subclass, whose message
is one line without the ``cjmap: error:`` prefix. The command line catches them all in
one place, :func:`report`, which prints ``cjmap: error: <message>`` on stderr and exits
with the error's code. Anything else escaping a command is a bug.

Use::

    from cjmap.errors import CjmapError, UsageError, cannot

    class ConfigError(UsageError):            # a kind of error of your own, exit 2
        pass

    raise UsageError("--by 'x' is not one of persona, channel")
    raise UsageError(cannot(path, "read", exc))      # an OSError, as one line
    raise CjmapError("map.yaml: cannot be drawn")    # exit 1: the map is the problem

Exit codes, for every command: 0 nothing wrong, 1 a map has problems
(:data:`EXIT_PROBLEMS`, the default of :class:`CjmapError`), 2 bad usage or an
unusable path (:data:`EXIT_USAGE`, :class:`UsageError`). A subclass sets its code
with the class attribute ``exit_code``; one raise can override it with
``CjmapError(message, exit_code=2)``.

This module imports nothing of cjmap, so every layer may import it.
"""

from __future__ import annotations

import sys
from typing import TextIO

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class CjmapError(Exception):
    """Something the user caused; ``str(error)`` is its one-line message."""

    exit_code: int = EXIT_PROBLEMS

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        """The message, without the ``cjmap: error:`` prefix."""
        return str(self)


class UsageError(CjmapError):
    """Bad usage: an option, an argument, or a path that cannot be read or written (exit 2)."""

    exit_code = EXIT_USAGE


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in a few words: "No such file or directory"."""
    return exc.strerror or str(exc)


def cannot(what: object, action: str, exc: OSError) -> str:
    """One line for a failed file operation: ``maps/a.yaml: cannot read (Permission denied)``.

    ``what`` is usually the path given by the user; ``action`` is a verb phrase such as
    "read", "write" or "create the folder".
    """
    return f"{what}: cannot {action} ({os_reason(exc)})"


def report(error: CjmapError, stream: TextIO | None = None) -> int:
    """Print ``cjmap: error: <message>`` on stderr (or ``stream``); the exit code to use."""
    print(f"cjmap: error: {error}", file=sys.stderr if stream is None else stream)
    return error.exit_code
