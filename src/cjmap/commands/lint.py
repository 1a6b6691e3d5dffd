"""``cjmap lint``: validate maps, then check them against the rules of good journey mapping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from cjmap.findings import Report


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[Path]
    output_format: str  # a name in cjmap.choices.FINDINGS_FORMATS
    max_size: int
    select: Sequence[str] | None = None  # None: as the config file says
    ignore: Sequence[str] = ()
    config: Path | None = None  # None: the nearest config above each map
    strict: bool = False
    exit_zero: bool = False
    output: Path | None = None
    jobs: int | None = None
    verbose: bool = False
    statistics: bool = False  # one line per rule with its count, instead of the findings


def run(options: Options) -> int:
    from functools import partial

    from cjmap.commands.common import paths_of, report_paths, split_option, warn
    from cjmap.findings import Report, Severity
    from cjmap.jobs import default_jobs
    from cjmap.lint import lint_paths
    from cjmap.lint.config import rule_names
    from cjmap.lint.registry import all_checks
    from cjmap.output import Reads, emit_text
    from cjmap.writers import findings_writer

    statistics_format = _statistics_format(options) if options.statistics else None
    selected = (
        None if options.select is None else rule_names(split_option(options.select), "--select")
    )
    ignored = rule_names(split_option(options.ignore), "--ignore")
    linted = lint_paths(
        list(options.paths),
        config_file=options.config,
        select=selected,
        ignore=ignored,
        max_size=options.max_size,
        jobs=options.jobs or default_jobs(),
        keep=False,
    )
    report_paths(linted.batch, options.verbose)
    if options.verbose:
        for path, used in linted.configs.items():
            warn(f"cjmap: {path}: settings from {used.source or 'defaults (no config file found)'}")
    report = Report(
        findings=linted.batch.findings, files=len(linted.batch.checked), checks=all_checks()
    )
    if statistics_format is not None:
        write = partial(_write_statistics, report, statistics_format)
    else:
        write = partial(findings_writer(options.output_format), report)
    emit_text(write, options.output, Reads(paths_of(linted.batch)))
    if linted.batch.problems:
        return EXIT_USAGE
    worst = Severity.WARNING if options.strict else Severity.ERROR
    failed = any(finding.severity.rank >= worst.rank for finding in report.findings)
    return EXIT_PROBLEMS if failed and not options.exit_zero else EXIT_OK


def _statistics_format(options: Options) -> str:
    """The table format --statistics prints in, for the findings format asked for."""
    from cjmap.errors import UsageError
    from cjmap.lint.statistics import TABLE_FORMAT_OF

    if options.output_format not in TABLE_FORMAT_OF:
        raise UsageError(
            f"--statistics prints {' or '.join(TABLE_FORMAT_OF)}, not {options.output_format}"
        )
    return TABLE_FORMAT_OF[options.output_format]


def _write_statistics(report: Report, table_format: str, out: TextIO, color: bool) -> None:
    from cjmap.lint.statistics import rule_statistics
    from cjmap.writers import row_writer
    from cjmap.writers.text import summary

    row_writer(table_format)(rule_statistics(report.findings, summary(report)), out, color)
