"""``cjmap gaps``: the lifecycle stages that no touchpoint maps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[Path]
    output_format: str  # a name in cjmap.choices.TABLE_FORMATS
    max_size: int
    by: Sequence[str] = ()  # persona, channel
    journeys: bool = False
    against: str | None = None  # a built-in lifecycle's name or a file
    check: bool = False
    output: Path | None = None
    verbose: bool = False


def run(options: Options) -> int:
    from functools import partial

    from cjmap.commands.common import load_maps, paths_of, report_exit, split_option
    from cjmap.errors import UsageError
    from cjmap.lifecycles import LifecycleError, load_lifecycle
    from cjmap.output import Reads, emit_text
    from cjmap.reports.gaps import GAP_GROUPS, GapOptions, find_gaps, gaps_table, has_gaps
    from cjmap.validate import suggest
    from cjmap.writers import row_writer

    groups = list(split_option(options.by))
    for group in groups:
        if group not in GAP_GROUPS:
            raise UsageError(
                f"--by '{group}' is not one of {', '.join(GAP_GROUPS)}{suggest(group, GAP_GROUPS)}"
            )
    try:
        lifecycle = None if options.against is None else load_lifecycle(options.against)
    except LifecycleError as exc:  # said with the option it came from
        raise UsageError(f"--against: {exc}") from None
    batch, maps = load_maps(options.paths, options.max_size, options.verbose)
    found = find_gaps(maps, GapOptions(by=groups, journeys=options.journeys, against=lifecycle))
    table = gaps_table(found, len(maps))
    emit_text(
        partial(row_writer(options.output_format), table), options.output, Reads(paths_of(batch))
    )
    return report_exit(batch, options.check and has_gaps(found))
