"""``cjmap lint``: validate maps, then check them against the rules of good journey mapping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


@dataclass(frozen=True)
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
    write = partial(findings_writer(options.output_format), report)
    emit_text(write, options.output, Reads(paths_of(linted.batch)))
    if linted.batch.problems:
        return EXIT_USAGE
    worst = Severity.WARNING if options.strict else Severity.ERROR
    failed = any(finding.severity.rank >= worst.rank for finding in report.findings)
    return EXIT_PROBLEMS if failed and not options.exit_zero else EXIT_OK
