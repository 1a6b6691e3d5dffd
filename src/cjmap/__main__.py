"""Entry point for ``python -m cjmap`` and the ``cjmap`` script."""

import errno
import os
import sys


def main() -> None:
    """Run the command line in this process, then leave it without tidying up."""
    try:
        if sys.argv[1:] == ["--version"]:
            # Answer before typer, rich or pydantic are imported.
            from cjmap import __version__

            print(f"cjmap {__version__}", flush=True)
            return
        status = run_command_line()
    except OSError as exc:
        # Commands write through cjmap.output, which says this itself; what is left is
        # help and the version, written by typer or above.
        status = stdout_failed(exc)
    # A finished command has nothing left to free or to finalize, and Python's own way
    # out would spend milliseconds doing both over every module and object still alive
    # (typer's, pydantic's, the map's): a few percent of a small map's check. So, like
    # mypy, cjmap flushes its output and ends the process at once.
    from contextlib import suppress

    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe or stream: nothing more to say
            stream.flush()
    os._exit(status)


# What writing to a pipe or file can fail with.
_WRITE_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def stdout_failed(exc: OSError) -> int:
    """The exit status for output that could not be written: 0 for a reader that left
    early (``| head``), else one line on stderr and 2. Any other error is re-raised."""
    if exc.errno not in _WRITE_ERRORS:
        raise exc
    if exc.errno == errno.EPIPE:
        return 0
    from cjmap.errors import UsageError, cannot, report

    return report(UsageError(cannot("standard output", "write", exc)))


def run_command_line() -> int:
    """Run the command line with the garbage collector off; the exit status it asks for."""
    import gc

    # A command is one short process whose work makes no reference cycles worth
    # collecting, while the imports of typer and pydantic and the building of the
    # models allocate enough objects to set off collections that rescan them all:
    # about 5% of a small map's check. The collector stays off for the run.
    gc.disable()
    from cjmap.cli import run

    try:
        run()
    except SystemExit as exc:
        return exit_status(exc.code)
    return 0


def exit_status(code: object) -> int:
    """The status Python would exit with for ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


if __name__ == "__main__":
    main()
