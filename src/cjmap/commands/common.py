"""What several commands do alike: load maps, say what was left out, choose the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from cjmap.findings import Finding
    from cjmap.reports import ValidMap
    from cjmap.validate import Batch


def split_option(values: Sequence[str] | None) -> tuple[str, ...]:
    """Values of an option that may be repeated and comma-separated."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def warn(text: str) -> None:
    """One line for the user on standard error."""
    print(text, file=sys.stderr)


def report_paths(batch: Batch, verbose: bool) -> None:
    """Say which paths could not be used, and (``verbose``) which files were skipped."""
    for problem in batch.problems:
        warn(f"cjmap: error: {problem}")
    if verbose:
        for path in batch.skipped:
            warn(f"cjmap: skipped {path} (no top-level 'cjmap:' key)")


def report_findings(findings: Iterable[Finding]) -> None:
    """The findings of maps that are not valid, on standard error, one line each."""
    from cjmap.writers.text import line

    for finding in findings:
        warn(line(finding))


def paths_of(batch: Batch) -> list[str]:
    """The map files a batch read."""
    return [checked.path for checked in batch.checked]


def load_maps(
    paths: Sequence[Path], max_size: int, verbose: bool, *, positions: bool = False
) -> tuple[Batch, list[ValidMap]]:
    """Validate the maps for a report; problems and invalid maps' findings go to stderr.

    ``positions``: for a report that gives a line for much of each map (see validate_path).
    """
    from cjmap.reports import plural, valid_maps
    from cjmap.validate import validate_paths

    batch = validate_paths(list(paths), max_size=max_size, positions=positions)
    report_paths(batch, verbose)
    report_findings(batch.findings)
    maps = valid_maps(batch.checked)
    invalid = len(batch.checked) - len(maps)
    if invalid:
        warn(
            f"cjmap: {plural(invalid, 'map')} not valid, left out of the report "
            "(fix the problems above)"
        )
    return batch, maps


def report_exit(batch: Batch, found: bool = False) -> int:
    """2 for unusable paths, 1 for invalid maps (or what the report fails on), else 0."""
    if batch.problems:
        return EXIT_USAGE
    invalid = any(item.model is None for item in batch.checked)
    return EXIT_PROBLEMS if invalid or found else EXIT_OK
