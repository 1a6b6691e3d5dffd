"""``cjmap share``: maps as one self-contained web page, for the people who read them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from cjmap.share.content import Gathered

SUFFIX = ".html"


@dataclass(frozen=True)
class Options:
    paths: Sequence[Path]
    max_size: int
    output: Path | None = None  # one page of every map; "-" for stdout
    out_dir: Path | None = None  # one page per map
    config: Path | None = None
    verbose: bool = False


def gather(paths: Sequence[Path], max_size: int, config: Path | None) -> Gathered:
    """Every map's content; a Graphviz failure as a one-line error."""
    from cjmap.errors import CjmapError
    from cjmap.render import RenderError
    from cjmap.share.content import gather_paths

    try:
        return gather_paths(list(paths), config_file=config, max_size=max_size)
    except RenderError as exc:  # said as the pictures failing, and as the map's problem
        raise CjmapError(f"cannot draw the pictures: {exc}") from None


def run(options: Options) -> int:
    from cjmap.commands.common import report_findings, warn
    from cjmap.errors import UsageError
    from cjmap.output import Reads, check_folder, emit_bytes, make_folder, plan_files, say
    from cjmap.share.content import MapContent
    from cjmap.share.page import build_page
    from cjmap.text import plural

    if options.output is not None and options.out_dir is not None:
        raise UsageError("give -o FILE for one page or --out-dir DIR for a page per map, not both")
    if options.out_dir is not None:
        check_folder(options.out_dir)
    gathered = gather(options.paths, options.max_size, options.config)
    for problem in gathered.problems:
        warn(f"cjmap: error: {problem}")
    if options.verbose:
        for path in gathered.skipped:
            warn(f"cjmap: skipped {path} (no top-level 'cjmap:' key)")
    if gathered.problems:
        return EXIT_USAGE
    maps = [item for item in gathered.maps if isinstance(item, MapContent)]
    invalid = [item for item in gathered.maps if not isinstance(item, MapContent)]
    reads = Reads([item.path for item in gathered.maps])
    output, out_dir = options.output, options.out_dir
    if output is None and out_dir is None:
        if len(gathered.maps) > 1:
            raise UsageError(
                f"{len(gathered.maps)} maps to share: give -o FILE for one page of them all, "
                "or --out-dir DIR for a page per map"
            )
        output = Path(gathered.maps[0].path).with_suffix(SUFFIX) if gathered.maps else None
    for item in invalid:
        report_findings(item.findings)
    if invalid:
        warn(
            f"cjmap: {plural(len(invalid), 'map')} not valid, so not shared "
            "(fix the problems above)"
        )
    if out_dir is not None:
        pages = {Path(item.path): out_dir / (Path(item.path).stem + SUFFIX) for item in maps}
        files = plan_files(
            [(source, target) for source, target in pages.items()],
            reads,
            "would both be shared as {target}; share them into different folders",
        )
        if files:
            make_folder(out_dir)
        built = {str(item.path): build_page([item]) for item in maps}
        for target, source in files.items():
            emit_bytes(built[str(source)].encode("utf-8"), target, reads)
            say(f"Wrote {target}")
    elif output is not None and not invalid and maps:
        # One page of several maps is written only when all of them are on it.
        emit_bytes(build_page(maps).encode("utf-8"), output, reads)
        if str(output) != "-":
            say(f"Wrote {output}")
    return EXIT_PROBLEMS if invalid else EXIT_OK
