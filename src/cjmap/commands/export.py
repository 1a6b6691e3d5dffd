"""``cjmap export``: maps as Mermaid, Markdown, CSV or JSON, to stdout, -o or --out-dir."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    paths: Sequence[Path]
    to: str  # a name in cjmap.choices.EXPORT_TARGETS
    max_size: int
    journey: str | None = None
    mermaid: bool = False
    output: Path | None = None
    out_dir: Path | None = None
    verbose: bool = False
    inventory: bool = False


def check(options: Options) -> None:
    """Refuse options that cannot work together, before any map is read."""
    from cjmap.errors import UsageError

    if options.output is not None and options.out_dir is not None:
        raise UsageError("give -o FILE for one map or --out-dir DIR for several, not both")
    if options.mermaid and options.to != "markdown":
        raise UsageError(
            "--mermaid embeds the diagram in a Markdown export: use it with --to markdown"
        )
    if options.inventory and options.to != "json":
        raise UsageError("--inventory is the touchpoint inventory in JSON: use it with --to json")
    if options.journey is not None and not (options.to == "mermaid" or options.mermaid):
        raise UsageError(
            "--journey picks the journey of a Mermaid diagram: use --to mermaid, "
            "or --to markdown --mermaid"
        )


def run(options: Options) -> int:
    from cjmap.commands.common import paths_of, report_findings, report_paths
    from cjmap.errors import UsageError
    from cjmap.export import ExportError, ExportOptions, export_map, output_name
    from cjmap.output import (
        Reads,
        as_is,
        check_folder,
        emit_text,
        make_folder,
        plan_files,
        say,
        write_file,
    )
    from cjmap.validate import validate_paths

    check(options)
    if options.out_dir is not None:
        check_folder(options.out_dir)
    batch = validate_paths(list(options.paths), max_size=options.max_size)
    report_paths(batch, options.verbose)
    if batch.problems:
        return EXIT_USAGE
    if len(batch.checked) > 1 and options.out_dir is None:
        raise UsageError(
            f"{len(batch.checked)} maps to export: give --out-dir DIR for one file per map"
        )
    report_findings(batch.findings)
    reads = Reads(paths_of(batch))
    exported: dict[str, str] = {}
    for item in batch.checked:
        if item.model is not None:
            export = ExportOptions(
                journey=options.journey,
                mermaid=options.mermaid,
                inventory=options.inventory,
                document=item.document,
            )
            try:
                exported[item.path] = export_map(item.model, options.to, export)
            except ExportError as exc:
                raise UsageError(f"{item.path}: {exc}") from None
    if options.out_dir is None:
        for text in exported.values():  # one map, checked above
            emit_text(as_is(text), options.output, reads)
    else:
        out_dir = options.out_dir
        files = plan_files(
            [(path, out_dir / output_name(path, options.to)) for path in exported],
            reads,
            "would both be exported to {target}; export them to different folders",
        )
        make_folder(out_dir)
        for target, source in files.items():
            write_file(target, exported[str(source)].encode("utf-8"))
            say(f"Wrote {target}")
    return EXIT_PROBLEMS if batch.findings else EXIT_OK
