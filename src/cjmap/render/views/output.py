"""Where rendered pictures go: the format from ``--format`` or the file's suffix, and one
output path per map (``-o``, ``--out-dir``, or beside the map).

Every rule that protects a user's files lives here: a map is never written over, two
maps never write the same file, and ``-o`` names one file only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cjmap.atomic import file_identity
from cjmap.render.engine import FORMATS
from cjmap.render.views import DEFAULT_VIEW

STDOUT: Final = "-"
SUFFIXES: Final = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
DEFAULT_FORMAT: Final = "svg"


class OutputError(Exception):
    """The output options cannot work; the message is one line for the user."""


@dataclass(frozen=True)
class Target:
    """One map to render and where its picture goes (``None``: standard output)."""

    map_path: Path
    output: Path | None


def output_format(output: Path | None, fmt: str | None) -> str:
    """The format to render: ``--format`` if given, else the suffix of ``-o``, else SVG.

    A ``--format`` that contradicts the suffix is refused rather than guessed at.
    """
    if fmt is not None and fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is None or str(output) == STDOUT:
        return fmt or DEFAULT_FORMAT
    if output.suffix.lower() in (".yaml", ".yml"):
        raise OutputError(f"-o {output} names a YAML file; refusing to write a picture there")
    from_suffix = SUFFIXES.get(output.suffix.lower())
    if fmt is not None:
        if from_suffix is not None and from_suffix != fmt:
            raise OutputError(
                f"-o {output} ends in {output.suffix} but --format is {fmt}; "
                "make them agree or drop --format"
            )
        return fmt
    if from_suffix is None:
        raise OutputError(
            f"cannot tell the format of -o {output} from its suffix; end it in "
            f"{', '.join(SUFFIXES)}, or give --format"
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
    if output is not None:
        targets = [Target(maps[0], None if str(output) == STDOUT else output)] if maps else []
    else:
        targets = [
            Target(path, (out_dir or path.parent) / default_name(path, view, fmt)) for path in maps
        ]
    _check(targets, maps)
    return targets


def _check(targets: list[Target], maps: list[Path]) -> None:
    inputs = {file_identity(path): path for path in maps}
    written: dict[str, Path] = {}
    for target in targets:
        if target.output is None:
            continue
        key = file_identity(target.output)
        if key in inputs:
            raise OutputError(
                f"{target.output} is the map {inputs[key]} itself; refusing to write over it"
            )
        if key in written:
            raise OutputError(
                f"{written[key]} and {target.map_path} would both be written to "
                f"{target.output}; render them separately with -o"
            )
        written[key] = target.map_path
