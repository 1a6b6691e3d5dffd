"""``cjmap diff``: what changed for the customer between two versions of a map."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[str]  # OLD NEW (files or REV:PATH), or with git the maps to compare
    output_format: str  # a name in cjmap.choices.DIFF_FORMATS
    max_size: int
    git: str | None = None  # compare each map with its version at this revision
    check: bool = False
    output: Path | None = None


def run(options: Options) -> int:
    from functools import partial

    from cjmap.commands.common import report_findings, warn
    from cjmap.errors import UsageError
    from cjmap.output import Reads, emit_text
    from cjmap.reports.compare import compare_arguments, compare_with_revision
    from cjmap.writers import diff_writer

    paths = options.paths
    if options.git is None and len(paths) != 2:
        raise UsageError(
            "give two versions to compare (OLD NEW), or --git REV and the maps to compare"
        )
    if options.git is None:
        comparison = compare_arguments(paths[0], paths[1], options.max_size)
    else:
        comparison = compare_with_revision(
            options.git, [Path(path) for path in paths], options.max_size
        )
    report_findings(comparison.findings)
    if comparison.findings:
        warn("cjmap: a map that is not valid cannot be compared (fix it first)")
    write = partial(diff_writer(options.output_format), comparison.diffs)
    emit_text(write, options.output, Reads(paths))
    regression = any(diff.regressions for diff in comparison.diffs)
    return EXIT_PROBLEMS if comparison.findings or (options.check and regression) else EXIT_OK
