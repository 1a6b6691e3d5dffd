"""``cjmap render``: draw maps as SVG, PNG, PDF or Graphviz DOT."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from cjmap.output import Reads
    from cjmap.render.views import RenderOptions
    from cjmap.render.views.output import Target
    from cjmap.validate import Checked


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[Path]
    max_size: int
    view: str = "flow"  # a name in cjmap.choices.RENDER_VIEWS
    output_format: str | None = None  # a name in cjmap.choices.IMAGE_FORMATS; None: from -o
    output: Path | None = None  # a file, or "-" for stdout
    out_dir: Path | None = None
    personas: Sequence[str] = ()
    journeys: Sequence[str] = ()
    stages: Sequence[str] = ()
    title: str | None = None
    verbose: bool = False
    curves: Sequence[str] = ()  # for the emotion view: the named curves to draw


def run(options: Options) -> int:
    from cjmap.commands.common import paths_of, report_paths, split_option
    from cjmap.output import Reads, make_folder
    from cjmap.render import select_backend
    from cjmap.render.views import RenderOptions
    from cjmap.render.views.output import output_format, plan
    from cjmap.validate import validate_paths

    fmt = output_format(options.output, options.output_format)
    if fmt != "dot":
        select_backend(fmt)  # a missing Graphviz is said once, before any work
    batch = validate_paths(list(options.paths), max_size=options.max_size)
    report_paths(batch, options.verbose)
    targets = plan(
        [Path(item.path) for item in batch.checked],
        view=options.view,
        fmt=fmt,
        output=options.output,
        out_dir=options.out_dir,
    )
    if options.out_dir is not None and targets:
        make_folder(options.out_dir)
    drawing = RenderOptions(
        personas=split_option(options.personas),
        journeys=split_option(options.journeys),
        stages=split_option(options.stages),
        title=options.title,
        curves=split_option(options.curves),
    )
    reads = Reads(paths_of(batch))
    status = EXIT_USAGE if batch.problems else EXIT_OK
    for item, target in zip(batch.checked, targets, strict=True):
        status = max(status, _draw(item, target, options.view, fmt, drawing, reads))
    return status


def _draw(
    item: Checked, target: Target, view: str, fmt: str, drawing: RenderOptions, reads: Reads
) -> int:
    """Render one map to its target; the exit code its outcome calls for."""
    from cjmap.commands.common import report_findings, warn
    from cjmap.errors import UsageError
    from cjmap.output import emit_bytes, say
    from cjmap.render import RenderError, render_dot
    from cjmap.render.views import CannotDraw, OptionError, render_map

    if item.model is None:
        report_findings(item.findings)
        warn(f"cjmap: {item.path}: not drawn, the map is not valid")
        return EXIT_PROBLEMS
    try:
        picture = render_dot(render_map(item.model, view, drawing), fmt)
    except CannotDraw as exc:
        warn(f"cjmap: {item.path}: {exc}")
        return EXIT_PROBLEMS
    except (OptionError, RenderError) as exc:
        warn(f"cjmap: error: {item.path}: {exc}")
        return EXIT_USAGE
    try:
        emit_bytes(picture, target.output, reads)
    except UsageError as exc:  # the other maps may still be drawn
        warn(f"cjmap: error: {exc}")
        return exc.exit_code
    if target.output is not None:
        say(f"Wrote {target.output}")
    return EXIT_OK
