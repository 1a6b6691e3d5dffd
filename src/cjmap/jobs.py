"""Run one function over many map files, in several processes when that pays off.

Checking a map is pure CPU work in Python, so threads would not help: several
processes do. They are forked from the running one where the platform allows it,
so each starts with every import already done and start-up is paid once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TypeVar

from cjmap.loader import InputError, gc_paused

T = TypeVar("T")

MIN_PARALLEL_BYTES = 1024 * 1024
"""Below this much YAML in all, starting processes costs more than it saves."""


def default_jobs() -> int:
    """How many processes to use by default: one per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not available on macOS and Windows
        return os.cpu_count() or 1


def map_files(
    function: Callable[[Path], T], files: Sequence[Path], jobs: int = 1
) -> list[T | InputError]:
    """``function(file)`` for every file, in the order of ``files``.

    A file that cannot be read gives the InputError that ``function`` raised, in its
    place. Each call runs with the garbage collector paused (a check makes no cycles).
    With ``jobs`` above 1, more than one file and at least MIN_PARALLEL_BYTES of them,
    the calls run in up to ``jobs`` worker processes; ``function`` (e.g. a module-level
    function, or a ``functools.partial`` of one) and its results must then pickle, and
    results should be small, as each one is copied back to this process.
    """
    run = partial(_call, function)
    workers = min(jobs, len(files))
    if workers < 2 or _total_size(files) < MIN_PARALLEL_BYTES:
        return [run(file) for file in files]

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers share this process's imports; elsewhere they start afresh.
    context = (
        multiprocessing.get_context("fork")
        if "fork" in multiprocessing.get_all_start_methods()
        else None
    )
    # Several files per task keep the traffic between processes small; a few tasks per
    # worker keep the workers evenly busy when file sizes differ.
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(run, files, chunksize=chunk))


def _call(function: Callable[[Path], T], file: Path) -> T | InputError:
    with gc_paused():
        try:
            return function(file)
        except InputError as exc:
            return exc


def _total_size(files: Sequence[Path]) -> int:
    total = 0
    for file in files:
        with suppress(OSError):  # the check itself reports an unusable path
            total += file.stat().st_size
    return total
