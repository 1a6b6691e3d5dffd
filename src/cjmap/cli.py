"""The command line: typer's declarations of the commands, and nothing else.

Each command is declared here with its options, and its body is one line that hands
a frozen options object to ``run`` in its module under :mod:`cjmap.commands` (imported
only when the command runs). The choices of ``--format``, ``--to`` and ``--view`` come
from the registries in :mod:`cjmap.choices`; the app, the options several commands
share and :func:`~cjmap.cli_common.finish`, the one place where a
:class:`cjmap.errors.CjmapError` becomes ``cjmap: error: ...`` and its exit code, are in
:mod:`cjmap.cli_common`.

Exit codes: 0 nothing wrong, 1 a map has problems, 2 bad usage or an unusable path.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import DIFF_FORMATS, EXPORT_TARGETS, IMPORT_SOURCES, RENDER_VIEWS
from cjmap.cli_common import (
    DiffFormat,
    ExportFormat,
    FindingsFormatOption,
    ImportSource,
    JobsOption,
    MaxSizeOption,
    PathsArgument,
    RenderFormat,
    RenderView,
    ReportOutputOption,
    RulesFormat,
    Severity,
    TableFormatOption,
    VerboseOption,
    app,
    command,
    finish,
    map_path,
)
from cjmap.loader import DEFAULT_MAX_SIZE

__all__ = ["RenderFormat", "RenderView", "app", "run"]

# --- the commands ---------------------------------------------------------------------------


@command(epilog="Example: cjmap validate examples/ --format github")
def validate(
    paths: PathsArgument,
    output_format: FindingsFormatOption = "text",
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check maps against format v1: YAML syntax, schema and references.

    Reports every problem in every file with its line and column. Exits 0 when
    all maps are valid, 1 when any has a problem, 2 for unusable paths.
    """
    from cjmap.commands import validate as body

    finish(body.run, body.Options(paths, output_format, max_size, verbose, jobs))


@command(
    epilog="Examples: cjmap lint examples/ --strict; "
    "cjmap lint maps/ --format sarif -o cjmap.sarif; cjmap lint map.yaml --ignore L115,L105",
)
def lint(
    paths: PathsArgument,
    output_format: FindingsFormatOption = "text",
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="RULES",
            help="Run only these rules (names or codes, comma-separated); "
            "replaces the config file's select and ignore.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Do not run these rules (names or codes)."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Read settings from this cjmap.toml or pyproject.toml, instead of the "
            "nearest one above each map.",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings would fail.")
    ] = False,
    output: ReportOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    jobs: JobsOption = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Also say which files were skipped and which config applied."
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Print one line per rule with its count of findings, instead of the findings "
            "(text or json).",
        ),
    ] = False,
) -> None:
    """Check maps like validate, then against the rules of good journey mapping.

    Each finding has a rule, a code and a severity (see cjmap rules). Exits 1
    when an error remains (or a warning, with --strict), 0 otherwise, 2 for
    unusable paths, options or config files.
    """
    from cjmap.commands import lint as body

    finish(
        body.run,
        body.Options(
            paths, output_format, max_size, select, ignore or (), config, strict, exit_zero,
            output, jobs, verbose, statistics,
        ),
    )  # fmt: skip


@command(name="rules", epilog="Examples: cjmap rules; cjmap rules unaddressed-pain")
def rules_command(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME", help="A rule's name or code: print its page.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "table",
) -> None:
    """List the lint rules with code, name, severity and what each finds.

    With a NAME, print that rule's page: what it checks, why it matters, a bad
    and a good example.
    """
    from cjmap.commands import rules as body

    finish(body.run, body.Options(name, output_format))


@command(
    epilog="Examples: cjmap pains examples/coffee-subscription.yaml --min-severity high; "
    "cjmap pains maps/ --persona busy-parent --metrics -f markdown",
)
def pains(
    paths: PathsArgument,
    stage: Annotated[
        list[str] | None,
        typer.Option("--stage", metavar="ID", help="Only pains in these stages."),
    ] = None,
    channel: Annotated[
        list[str] | None,
        typer.Option(
            "--channel", metavar="ID", help="Only pains on touchpoints over these channels."
        ),
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(
            "--persona",
            metavar="ID",
            help="Only pains on touchpoints for these personas (a touchpoint that lists no "
            "personas is for every persona).",
        ),
    ] = None,
    journey: Annotated[
        list[str] | None,
        typer.Option("--journey", metavar="ID", help="Only pains on the steps of these journeys."),
    ] = None,
    min_severity: Annotated[
        Severity, typer.Option("--min-severity", help="Leave out pains milder than this.")
    ] = "low",
    metrics: Annotated[
        bool, typer.Option("--metrics", help="Also list metrics that miss their target.")
    ] = False,
    output_format: TableFormatOption = "table",
    output: ReportOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """List every point of pain across the maps, worst first.

    Order: severity, then roadblocks, then lower emotion, then lifecycle order.
    Filters take ids, repeated or comma-separated; a pain must pass every filter
    given. Maps that do not validate are left out, their problems on stderr, and
    the exit code is 1.
    """
    from cjmap.commands import pains as body

    finish(
        body.run,
        body.Options(
            paths, output_format, max_size, stage or (), channel or (), persona or (),
            journey or (), min_severity, metrics, output, verbose,
        ),
    )  # fmt: skip


@command(
    epilog="Examples: cjmap gaps examples/coffee-subscription.yaml --against standard; "
    "cjmap gaps maps/ --by persona --journeys --check",
)
def gaps(
    paths: PathsArgument,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="persona|channel",
            help="Also list, per persona or channel, the stages it never appears in.",
        ),
    ] = None,
    journeys: Annotated[
        bool,
        typer.Option(
            "--journeys",
            help="Also list the stages each journey skips, and (for context, not counted by "
            "--check) those before or after it.",
        ),
    ] = False,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="standard|b2b|FILE",
            help="Also name the stages of a reference lifecycle that the map lacks: a built-in "
            "one, or a YAML file listing stage names or ids.",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when any gap is listed, for CI.")
    ] = False,
    output_format: TableFormatOption = "table",
    output: ReportOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """List the lifecycle stages that no touchpoint maps, in lifecycle order.

    Exits 0 unless --check is given and there are gaps (1), a map does not
    validate (1), or a path or the --against lifecycle is unusable (2).
    """
    from cjmap.commands import gaps as body

    finish(
        body.run,
        body.Options(
            paths, output_format, max_size, by or (), journeys, against, check, output, verbose
        ),
    )


@command(
    epilog="Examples: cjmap diff examples/coffee-subscription.yaml "
    "examples/coffee-subscription-future.yaml; "
    "cjmap diff HEAD~1:maps/coffee.yaml maps/coffee.yaml; "
    "cjmap diff --git main maps/ --check -f markdown -o diff.md",
)
def diff(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="OLD NEW",
            help="The two versions of a map: files, or REV:PATH to read a file from git. "
            "With --git: the files and folders to compare.",
            show_default=False,
        ),
    ],
    git: Annotated[
        str | None,
        typer.Option(
            "--git",
            metavar="REV",
            help="Compare each map in the given files and folders with its version at this "
            "git revision.",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=DIFF_FORMATS.help())
    ] = "text",
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 on a regression: a new high or critical pain, a lower emotion at a "
            "moment of truth, a metric moving away from its target, or a metric removed from "
            "a moment of truth or while off target.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the diff to this file."),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
) -> None:
    """Show what changed for the customer between two versions of a map.

    Items are matched by id: stages, channels, personas, touchpoints, emotions,
    pains, delights, moments of truth, metrics, actions and journeys. Formatting,
    comments and key order are not changes. Exits 0 (with --check, 1 on a
    regression), 1 when a map is not valid, 2 for a missing file or revision.
    """
    from cjmap.commands import diff as body

    finish(body.run, body.Options(paths, output_format, max_size, git, check, output))


@command(
    epilog="Examples: cjmap export examples/coffee-subscription.yaml --to mermaid; "
    "cjmap export map.yaml --to markdown --mermaid -o map.md; "
    "cjmap export maps/ --to csv --out-dir exports/; "
    "cjmap export map.yaml --to json --inventory -o touchpoints.json",
)
def export(
    paths: PathsArgument,
    to: Annotated[ExportFormat, typer.Option("--to", "--format", "-f", help=EXPORT_TARGETS.help())],
    journey: Annotated[
        str | None,
        typer.Option(
            "--journey",
            metavar="ID",
            help="Draw this journey's steps rather than every touchpoint (mermaid).",
        ),
    ] = None,
    mermaid: Annotated[
        bool, typer.Option("--mermaid", help="Embed the Mermaid diagram (markdown).")
    ] = False,
    inventory: Annotated[
        bool,
        typer.Option(
            "--inventory", help="The flat touchpoint inventory instead of the whole map (json)."
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the export to this file."),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write one file per map into this folder, named after the map file.",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Export maps to Mermaid, Markdown, CSV or JSON, for GitHub, wikis, spreadsheets and tools.

    One map goes to stdout or to -o FILE; several go to --out-dir. Exits 0 when
    every map was exported, 1 when a map is not valid, 2 for unusable paths or
    options.
    """
    from cjmap.commands import export as body

    finish(
        body.run,
        body.Options(paths, to, max_size, journey, mermaid, output, out_dir, verbose, inventory),
    )


@command(
    epilog="Examples: cjmap render examples/coffee-subscription.yaml; "
    "cjmap render map.yaml --view matrix -o matrix.png; "
    "cjmap render map.yaml --view emotion --journey first-order -o -; "
    "cjmap render maps/ --out-dir pictures/ --format png. "
    "Uses Graphviz's dot program when it is installed, else a built-in Graphviz "
    "(SVG and PNG only); CJMAP_GRAPHVIZ=dot or =wasm chooses.",
)
def render(
    paths: PathsArgument,
    view: Annotated[RenderView, typer.Option("--view", help=RENDER_VIEWS.help())] = "flow",
    output_format: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format", "-f", help="Picture format (default: from the -o suffix, else svg)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the picture to this file, or '-' for stdout (default: beside the "
            "map, map.svg for map.yaml, map.matrix.svg for --view matrix).",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir", metavar="DIR", help="Write one picture per map into this folder."
        ),
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(metavar="IDS", help="Draw what these personas meet, and their journeys."),
    ] = None,
    journey: Annotated[
        list[str] | None,
        typer.Option(
            metavar="IDS",
            help="Draw these journeys and their steps; for --view emotion, the one journey "
            "to draw (default: the first).",
        ),
    ] = None,
    stage: Annotated[
        list[str] | None, typer.Option(metavar="IDS", help="Draw only these stages.")
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Title of the picture (default: the map's).")
    ] = None,
    curves: Annotated[
        list[str] | None,
        typer.Option(
            metavar="IDS",
            help="For --view emotion, the named curves to draw beside the emotion "
            "(default: every curve).",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Draw maps as SVG, PNG, PDF or Graphviz DOT.

    IDS may be repeated or comma-separated. Exits 0 when every map was drawn, 1
    when a map is not valid or cannot be drawn in the view, 2 for unusable paths,
    options or output files.
    """
    from cjmap.commands import render as body

    finish(
        body.run,
        body.Options(
            paths, max_size, view, output_format, output, out_dir, persona or (),
            journey or (), stage or (), title, verbose, curves or (),
        ),
    )  # fmt: skip


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE",
        help="Lint with the settings of this cjmap.toml or pyproject.toml, instead of the "
        "nearest one above each map.",
    ),
]


@command(
    epilog="Examples: cjmap share examples/coffee-subscription.yaml; "
    "cjmap share maps/ -o journey-maps.html; cjmap share maps/ --out-dir site/. "
    "The page needs no network: no CDN, web font or request of any kind.",
)
def share(
    paths: PathsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write one page of every map to this file."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", metavar="DIR", help="Write a page per map into this folder."),
    ] = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Write maps as one self-contained web page, for the people who read them.

    The page holds every picture, the pains, gaps and lint findings, and each
    touchpoint's details; readers pick a persona or a journey, and click a
    touchpoint. One map's page goes beside it (map.html) unless -o says where.
    Exits 0, 1 when a map is not valid (nothing is written for it), 2 for
    unusable paths or options.
    """
    from cjmap.commands import share as body

    finish(body.run, body.Options(paths, max_size, output, out_dir, config, verbose))


@command(
    epilog="Examples: cjmap preview examples/coffee-subscription.yaml --open; "
    "cjmap preview maps/ --port 0. Ctrl-C stops it.",
)
def preview(
    paths: PathsArgument,
    port: Annotated[
        int,
        typer.Option(
            "--port", "-p", metavar="PORT", help="The port to listen on; 0 takes a free one."
        ),
    ] = 8000,
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            metavar="HOST",
            help="Listen on this address instead of the loopback address 127.0.0.1 "
            "(0.0.0.0 for every one): other machines can then read the maps.",
        ),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in the web browser.")
    ] = False,
    config: ConfigOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
) -> None:
    """Serve the maps' shared page and update it each time a map is saved.

    The first line printed is the page's address. The open page follows every
    save of a map or of its cjmap.toml or pyproject.toml within a second,
    keeping the persona, journey and scroll position; an invalid map shows its
    findings until it is fixed. Writes no file; Ctrl-C stops it.
    """
    from cjmap.commands import preview as body

    finish(body.run, body.Options(paths, max_size, port, host, open_browser, config))


@command(epilog="Example: cjmap init maps/checkout.yaml")
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter map.")] = Path(
        "journey-map.yaml"
    ),
) -> None:
    """Write a small, commented starter map that shows every section.

    Also writes cjmap.schema.json beside it, for editor completion, when there is
    none. Never overwrites an existing file.
    """
    from cjmap.commands import init as body

    finish(body.run, body.Options(path))


@command(
    name="import",
    epilog="Examples: cjmap import README.md --from mermaid -o journey.yaml; "
    "cjmap import touchpoints.csv --from csv --scale 1-5 --column 'Moment=touchpoint'; "
    "cjmap import template.xlsx --from xlsx --sheet Journey --transposed -o map.yaml",
)
def import_(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="The file to import.", show_default=False, parser=map_path
        ),
    ],
    source: Annotated[
        ImportSource, typer.Option("--from", help=IMPORT_SOURCES.help("What the file holds."))
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the map to this new file (not stdout)."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir", metavar="DIR", help="Import every journey of the file into this folder."
        ),
    ] = None,
    index: Annotated[
        int | None,
        typer.Option("--index", metavar="N", min=1, help="Import the N-th journey of the file."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", metavar="NAME", help="The sheet to read (xlsx).")
    ] = None,
    transposed: Annotated[
        bool | None,
        typer.Option(
            "--transposed/--not-transposed",
            show_default=False,
            help="Stages as columns and lanes as rows, as journey-map templates draw them "
            "(default: recognised).",
        ),
    ] = None,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            metavar="HEADER=FIELD",
            help="Read this column (or row, transposed) as this field, e.g. 'Moment=touchpoint'.",
        ),
    ] = None,
    scale: Annotated[
        str,
        typer.Option(
            "--scale", metavar="SCALE", help="The emotion scale of the file: -2-2, 1-5, 1-10, -5-5."
        ),
    ] = "-2-2",
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
) -> None:
    """Import a Mermaid journey, a CSV touchpoint inventory or an Excel sheet as a map.

    Writes a valid map, with a comment at the top saying where it came from and what
    could not be carried over, to stdout or to a new file (-o; never over one that
    exists). Exits 0 when imported, 1 when the file is not a journey, 2 for unusable
    paths or options.
    """
    from cjmap.commands import import_ as body

    finish(
        body.run,
        body.Options(
            path, source, max_size, output, out_dir, index, sheet, transposed, column or (), scale
        ),
    )


@command(epilog="Example: cjmap schema > cjmap.schema.json")
def schema() -> None:
    """Print the JSON Schema of format v1 (draft-07), for editors and other tools."""
    from cjmap.commands import schema as body

    finish(body.run, body.Options())


@command(epilog="Started by an editor; set-up for each editor: docs/editors.md")
def lsp() -> None:
    """Run the language server for editors over standard input and output."""
    from cjmap.commands import lsp as body

    finish(body.run, body.Options())


def run() -> None:
    """Run the command line, building only the command given when one is.

    typer makes a click command of every command it has at each start, reading each
    signature and building its parameters, which costs a small map's check about a
    twentieth of its time. Help, and a command that does not exist, see them all.
    """
    import copy

    from typer.main import get_command_name

    given = sys.argv[1] if len(sys.argv) > 1 else ""
    chosen = [
        info
        for info in app.registered_commands
        if (info.name or (info.callback and get_command_name(info.callback.__name__))) == given
    ]
    if not chosen:
        app()
        return
    single = copy.copy(app)
    single.registered_commands = chosen
    single()
