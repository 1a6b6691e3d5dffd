"""``cjmap validate``: check maps against the format, print every finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[Path]
    output_format: str  # a name in cjmap.choices.FINDINGS_FORMATS
    max_size: int
    verbose: bool = False
    jobs: int | None = None  # None: one process per core


def run(options: Options) -> int:
    from functools import partial

    from cjmap.commands.common import report_paths
    from cjmap.findings import Report
    from cjmap.jobs import default_jobs
    from cjmap.output import Reads, emit_text
    from cjmap.validate import validate_paths
    from cjmap.writers import findings_writer

    batch = validate_paths(
        list(options.paths),
        max_size=options.max_size,
        jobs=options.jobs or default_jobs(),
        keep=False,
    )
    report_paths(batch, options.verbose)
    report = Report(findings=batch.findings, files=len(batch.checked))
    emit_text(partial(findings_writer(options.output_format), report), None, Reads())
    if batch.problems:
        return EXIT_USAGE
    return EXIT_PROBLEMS if report.findings else EXIT_OK
