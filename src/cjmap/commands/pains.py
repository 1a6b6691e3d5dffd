"""``cjmap pains``: every point of pain across the maps, worst first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[Path]
    output_format: str  # a name in cjmap.choices.TABLE_FORMATS
    max_size: int
    stages: Sequence[str] = ()
    channels: Sequence[str] = ()
    personas: Sequence[str] = ()
    journeys: Sequence[str] = ()
    min_severity: str = "low"
    metrics: bool = False
    output: Path | None = None
    verbose: bool = False


def run(options: Options) -> int:
    from functools import partial

    from cjmap.commands.common import load_maps, paths_of, report_exit, split_option
    from cjmap.output import Reads, emit_text
    from cjmap.reports.pains import PainFilter, find_pains, pains_table
    from cjmap.writers import row_writer

    # Every row has a line, so positions are found in the pass that reads each map.
    batch, maps = load_maps(options.paths, options.max_size, options.verbose, positions=True)
    wanted = PainFilter(
        stages=list(split_option(options.stages)),
        channels=list(split_option(options.channels)),
        personas=list(split_option(options.personas)),
        journeys=list(split_option(options.journeys)),
        min_severity=options.min_severity,
        metrics=options.metrics,
    )
    points = find_pains(maps, wanted)  # an unknown id is a UsageError
    table = pains_table(points, len(maps))
    emit_text(
        partial(row_writer(options.output_format), table), options.output, Reads(paths_of(batch))
    )
    return report_exit(batch)
