"""``cjmap import``: a Mermaid journey, a CSV inventory or an Excel sheet as a new map.

(``import`` is a Python keyword, hence the trailing underscore.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK


@dataclass(frozen=True)
class Options:
    path: Path
    source: str  # a name in cjmap.choices.IMPORT_SOURCES
    max_size: int
    output: Path | None = None
    out_dir: Path | None = None
    index: int | None = None
    sheet: str | None = None
    transposed: bool | None = None
    columns: Sequence[str] = ()
    scale: str = "-2-2"


def _columns(given: Sequence[str]) -> tuple[tuple[str, str], ...]:
    from cjmap.errors import UsageError

    pairs = []
    for text in given:
        header, equals, field = text.rpartition("=")
        if not equals or not header.strip() or not field.strip():
            raise UsageError(
                f"--column '{text}': give HEADER=FIELD, e.g. --column 'Step=touchpoint'"
            )
        pairs.append((header.strip(), field.strip()))
    return tuple(pairs)


def _check(options: Options) -> None:
    from cjmap.errors import UsageError
    from cjmap.importers.tabular import SCALES

    if options.output is not None and options.out_dir is not None:
        raise UsageError("give -o FILE for one map or --out-dir DIR for several, not both")
    if options.index is not None and options.out_dir is not None:
        raise UsageError("--index picks one journey; --out-dir imports them all: give one")
    if options.source != "mermaid" and (options.index is not None or options.out_dir):
        raise UsageError("--index and --out-dir choose among the journeys of a Mermaid file")
    if options.source == "mermaid" and (
        options.sheet or options.columns or options.transposed is not None
    ):
        raise UsageError("--sheet, --column and --transposed are for --from csv or xlsx")
    if options.sheet is not None and options.source != "xlsx":
        raise UsageError("--sheet picks the sheet of an Excel workbook: use it with --from xlsx")
    if options.scale not in SCALES:
        raise UsageError(f"--scale {options.scale}: use one of {', '.join(SCALES)}")


def run(options: Options) -> int:
    from cjmap.commands.common import warn
    from cjmap.importers.convert import import_file
    from cjmap.importers.draft import ImportOptions
    from cjmap.output import (
        STDOUT,
        Reads,
        as_is,
        check_folder,
        create_file,
        emit_text,
        make_folder,
        say,
    )

    _check(options)
    if options.out_dir is not None:
        check_folder(options.out_dir)
    chosen = ImportOptions(
        index=options.index,
        every=options.out_dir is not None,
        sheet=options.sheet,
        transposed=options.transposed,
        columns=_columns(options.columns),
        scale=options.scale,
    )
    imported = import_file(options.path, options.source, chosen, options.max_size)
    targets: list[Path | None] = [options.output]
    if options.out_dir is not None:
        stem = options.path.stem
        files = [
            options.out_dir / (f"{stem}-{n}.yaml" if len(imported) > 1 else f"{stem}.yaml")
            for n in range(1, len(imported) + 1)
        ]
        existing = [str(file) for file in files if file.exists()]
        if existing:
            from cjmap.output import OutputError

            raise OutputError(f"{', '.join(existing)} already exist; nothing written")
        make_folder(options.out_dir)
        targets = list(files)
    for result, target in zip(imported, targets, strict=True):
        for warning in result.draft.warnings:
            warn(warning)
        if target is None or str(target) == STDOUT:
            emit_text(as_is(result.text), None, Reads())
        else:
            create_file(target, result.text.encode("utf-8"), "" if options.out_dir else "-o")
            say(f"Wrote {target}")
        warn(f"cjmap: {result.draft.summary()}")
    return EXIT_OK
