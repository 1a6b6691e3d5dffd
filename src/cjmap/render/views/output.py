"""Where rendered pictures go: the format from ``--format`` or the file's suffix, and one
output path per map (``-o``, ``--out-dir``, or beside the map).

The rules that protect a user's files are :mod:`cjmap.output`'s, as for every command:
a map is never written over, two maps never write the same file, and ``-o`` names one
file only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cjmap.choices import IMAGE_FORMATS
from cjmap.output import STDOUT, OutputError, Reads, check_target, plan_files
from cjmap.render.views import DEFAULT_VIEW

__all__ = ["DEFAULT_FORMAT", "OutputError", "Target", "default_name", "output_format", "plan"]

DEFAULT_FORMAT: Final = IMAGE_FORMATS.default


@dataclass(frozen=True)
class Target:
    """One map to render and where its picture goes (``None``: standard output)."""

    map_path: Path
    output: Path | None


def output_format(output: Path | None, fmt: str | None) -> str:
    """The format to render: ``--format`` if given, else the suffix of ``-o``, else SVG.

    A ``--format`` that contradicts the suffix is refused rather than guessed at.
    """
    if fmt is not None and fmt not in IMAGE_FORMATS:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(IMAGE_FORMATS.names)}")
    if output is None or str(output) == STDOUT:
        return fmt or DEFAULT_FORMAT
    check_target(output, Reads(), "-o")
    from_suffix = IMAGE_FORMATS.by_suffix(output.suffix)
    if fmt is not None:
        if from_suffix is not None and from_suffix != fmt:
            raise OutputError(
                f"-o {output} ends in {output.suffix} but --format is {fmt}; "
                "make them agree or drop --format"
            )
        return fmt
    if from_suffix is None:
        suffixes = [suffix for image in IMAGE_FORMATS for suffix in (image.suffix, *image.aliases)]
        raise OutputError(
            f"cannot tell the format of -o {output} from its suffix; end it in "
            f"{', '.join(suffixes)}, or give --format"
        )
    return from_suffix


def default_name(map_path: Path, view: str, fmt: str) -> str:
    """``map.svg`` for ``map.yaml`` in the default view, ``map.matrix.svg`` in another, so
    the views of one map sit side by side."""
    stem = map_path.stem
    return f"{stem}.{fmt}" if view == DEFAULT_VIEW else f"{stem}.{view}.{fmt}"


def plan(
    maps: list[Path],
    *,
    view: str,
    fmt: str,
    output: Path | None = None,
    out_dir: Path | None = None,
) -> list[Target]:
    """Where each map's picture goes. Raises :class:`OutputError` for options that
    cannot work, before anything is rendered."""
    if output is not None and out_dir is not None:
        raise OutputError("give -o or --out-dir, not both")
    if output is not None and len(maps) > 1:
        raise OutputError(
            f"-o names one file, but {len(maps)} maps were given; use --out-dir for several"
        )
    reads = Reads(maps)
    if output is not None:
        if str(output) == STDOUT:
            return [Target(path, None) for path in maps]
        check_target(output, reads, "-o")
        return [Target(path, output) for path in maps]
    planned = plan_files(
        [(path, (out_dir or path.parent) / default_name(path, view, fmt)) for path in maps],
        reads,
        "would both be written to {target}; render them separately with -o",
    )
    return [Target(Path(source), target) for target, source in planned.items()]
