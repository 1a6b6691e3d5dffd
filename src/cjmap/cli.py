"""The command line: parse options, call the library, choose a writer, return an exit code.

Exit codes: 0 nothing wrong, 1 a map has problems, 2 bad usage or an unusable path.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeVar

import typer

from cjmap import __version__
from cjmap.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CjmapError, UsageError, report
from cjmap.findings import Report
from cjmap.loader import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

    from cjmap.reports import ValidMap
    from cjmap.validate import Batch
    from cjmap.writers.table import Table

app = typer.Typer(
    name="cjmap",
    help="Customer journey maps as code: validate, lint, report and render maps written in YAML.",
    no_args_is_help=True,
    add_completion=False,
    # Plain help and usage errors: they read the same in a terminal, a CI log or a
    # pipe, and need no rich import.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Command = TypeVar("Command", bound="Callable[..., Any]")


def _version(value: bool) -> None:
    if value:
        print(f"cjmap {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Customer journey maps as code: validate, lint, report and render maps written in YAML."""


def fail(message: str) -> NoReturn:
    """One-line usage error on stderr, exit 2."""
    raise UsageError(message)


def command(**settings: Any) -> Callable[[Command], Command]:
    """Register a command with typer; a CjmapError it raises becomes one line and its exit code."""

    def register(body: Command) -> Command:
        @functools.wraps(body)
        def handled(*args: Any, **kwargs: Any) -> Any:
            try:
                return body(*args, **kwargs)
            except CjmapError as error:
                raise typer.Exit(report(error)) from None

        app.command(**settings)(handled)
        return body

    return register


def use_color(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def _map_path(text: str) -> Path:
    # Path("") is the current folder: an empty argument, such as an unset variable in
    # a CI script, would check every map in it instead of saying what is wrong.
    if not text:
        raise typer.BadParameter("an empty path names no file or folder")
    return Path(text)


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Map files, or folders to search for *.yaml / *.yml maps.",
        show_default=False,
        parser=_map_path,
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option("--max-size", metavar="BYTES", min=1, help="Refuse map files larger than this."),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also say which files in folders were skipped.")
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        min=1,
        show_default=False,
        help="Check maps in up to N processes at once (default: one per core).",
    ),
]


# The formats each command offers; each name is a writer in cjmap.writers.
ValidateFormat = Literal["text", "json", "github", "sarif"]


@command(
    epilog="Example: cjmap validate examples/ --format github",
)
def validate(
    paths: PathsArgument,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "text",
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check maps against format v1: YAML syntax, schema and references.

    Reports every problem in every file with its line and column. Exits 0 when
    all maps are valid, 1 when any has a problem, 2 for unusable paths.
    """
    from cjmap.findings import Report
    from cjmap.jobs import default_jobs
    from cjmap.validate import validate_paths
    from cjmap.writers import findings_writer

    batch = validate_paths(paths, max_size=max_size, jobs=jobs or default_jobs(), keep=False)
    _report_paths(batch.problems, batch.skipped, verbose)
    report = Report(findings=batch.findings, files=len(batch.checked))
    findings_writer(output_format)(report, sys.stdout, use_color(sys.stdout))
    if batch.problems:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_PROBLEMS if report.findings else EXIT_OK)


def _report_paths(problems: list[str], skipped: list[Path], verbose: bool) -> None:
    for problem in problems:
        print(f"cjmap: error: {problem}", file=sys.stderr)
    if verbose:
        for path in skipped:
            print(f"cjmap: skipped {path} (no top-level 'cjmap:' key)", file=sys.stderr)


LintFormat = Literal["text", "json", "github", "sarif"]


@command(
    epilog="Examples: cjmap lint examples/ --strict; "
    "cjmap lint maps/ --format sarif -o cjmap.sarif; cjmap lint map.yaml --ignore L115,L105",
)
def lint(
    paths: PathsArgument,
    output_format: Annotated[
        LintFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "text",
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
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file."),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    jobs: JobsOption = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Also say which files were skipped and which config applied."
        ),
    ] = False,
) -> None:
    """Check maps like validate, then against the rules of good journey mapping.

    Each finding has a rule, a code and a severity (see cjmap rules). Exits 1
    when an error remains (or a warning, with --strict), 0 otherwise, 2 for
    unusable paths, options or config files.
    """
    from cjmap.config import ConfigError, rule_names
    from cjmap.findings import Severity
    from cjmap.jobs import default_jobs
    from cjmap.lint import lint_paths
    from cjmap.rules import all_checks

    try:
        selected = None if select is None else rule_names(_split_option(select), "--select")
        ignored = rule_names(_split_option(ignore), "--ignore")
        run = lint_paths(
            paths,
            config_file=config,
            select=selected,
            ignore=ignored,
            max_size=max_size,
            jobs=jobs or default_jobs(),
            keep=False,
        )
    except ConfigError as exc:
        fail(str(exc))
    _report_paths(run.batch.problems, run.batch.skipped, verbose)
    if verbose:
        for path, used in run.configs.items():
            source = used.source or "defaults (no config file found)"
            print(f"cjmap: {path}: settings from {source}", file=sys.stderr)
    report = Report(findings=run.batch.findings, files=len(run.batch.checked), checks=all_checks())
    _write_findings(report, output_format, output, _paths_of(run.batch))
    if run.batch.problems:
        raise typer.Exit(EXIT_USAGE)
    worst = Severity.WARNING if strict else Severity.ERROR
    failed = any(finding.severity.rank >= worst.rank for finding in report.findings)
    raise typer.Exit(EXIT_PROBLEMS if failed and not exit_zero else EXIT_OK)


def _paths_of(batch: Batch) -> list[str]:
    """The map files a batch read."""
    return [checked.path for checked in batch.checked]


def _write_findings(
    report: Report, output_format: str, output: Path | None, reads: Iterable[str] = ()
) -> None:
    from functools import partial

    from cjmap.writers import findings_writer

    _write_output(partial(findings_writer(output_format), report), output, reads)


RulesFormat = Literal["table", "json"]


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
    from cjmap.rules import UnknownRule, all_rules, find_rule
    from cjmap.rules.docs import page, rules_table
    from cjmap.writers import row_writer

    rules = all_rules()
    if name is not None:
        try:
            rules = (find_rule(name),)
        except UnknownRule as exc:
            fail(str(exc))
        if output_format == "table":
            sys.stdout.write(page(rules[0]))
            return
    row_writer(output_format)(rules_table(rules), sys.stdout, use_color(sys.stdout))


RowFormat = Literal["table", "json", "csv", "markdown"]
RowFormatOption = Annotated[
    RowFormat,
    typer.Option(
        "--format", "-f", help="table on a terminal, json or csv for tools, markdown for tickets."
    ),
]
RowOutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file."),
]


def _split_option(values: list[str] | None) -> list[str]:
    """Values of an option that may be repeated and comma-separated."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _reportable_maps(
    paths: list[Path], max_size: int, verbose: bool, *, positions: bool = False
) -> tuple[Batch, list[ValidMap]]:
    """Validate the maps; print path problems and the findings of invalid maps on stderr.

    ``positions``: for a report that gives a line for much of each map (see validate_path).
    """
    from cjmap.reports import plural, valid_maps
    from cjmap.validate import validate_paths
    from cjmap.writers.text import line

    batch = validate_paths(paths, max_size=max_size, positions=positions)
    _report_paths(batch.problems, batch.skipped, verbose)
    for finding in batch.findings:
        print(line(finding), file=sys.stderr)
    maps = valid_maps(batch.checked)
    invalid = len(batch.checked) - len(maps)
    if invalid:
        print(
            f"cjmap: {plural(invalid, 'map')} not valid, left out of the report "
            "(fix the problems above)",
            file=sys.stderr,
        )
    return batch, maps


def _write_output(
    write: Callable[[TextIO, bool], object], output: Path | None, reads: Iterable[str] = ()
) -> None:
    """Write to stdout (coloured on a terminal), or atomically to the file ``output``.

    ``reads``: the files the command read, which ``output`` must not be.
    """
    import io

    from cjmap.atomic import file_identity, write_atomic

    if output is None:
        write(sys.stdout, use_color(sys.stdout))
        return
    # No report is YAML, and -o map.yaml (or a link to it) would replace a map with a report.
    real = Path(os.path.realpath(output))
    if real.suffix.lower() in (".yaml", ".yml"):
        named = output if real.name == output.name else f"{output} (a link to {real})"
        fail(f"-o {named} names a YAML file, perhaps a map; refusing to write a report there")
    target = file_identity(output)
    for read in reads:
        if file_identity(read) == target:
            fail(f"-o {output} is the map {read} itself; refusing to write over it")
    text = io.StringIO()
    write(text, False)
    try:
        write_atomic(output, text.getvalue().encode("utf-8"))
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


def _write_rows(
    table: Table, output_format: str, output: Path | None, reads: Iterable[str] = ()
) -> None:
    from functools import partial

    from cjmap.writers import row_writer

    _write_output(partial(row_writer(output_format), table), output, reads)


def _report_exit(batch: Batch, found: bool = False) -> NoReturn:
    """2 for unusable paths, 1 for invalid maps (or what the report fails on), else 0."""
    if batch.problems:
        raise typer.Exit(EXIT_USAGE)
    invalid = any(item.model is None for item in batch.checked)
    raise typer.Exit(EXIT_PROBLEMS if invalid or found else EXIT_OK)


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
        Literal["low", "medium", "high", "critical"],
        typer.Option("--min-severity", help="Leave out pains milder than this."),
    ] = "low",
    metrics: Annotated[
        bool, typer.Option("--metrics", help="Also list metrics that miss their target.")
    ] = False,
    output_format: RowFormatOption = "table",
    output: RowOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """List every point of pain across the maps, worst first.

    Order: severity, then roadblocks, then lower emotion, then lifecycle order.
    Filters take ids, repeated or comma-separated; a pain must pass every filter
    given. Maps that do not validate are left out, their problems on stderr, and
    the exit code is 1.
    """
    from cjmap.reports import UnknownIdError
    from cjmap.reports.pains import PainFilter, find_pains, pains_table

    # Every row has a line, so positions are found in the pass that reads each map.
    batch, maps = _reportable_maps(paths, max_size, verbose, positions=True)
    wanted = PainFilter(
        stages=_split_option(stage),
        channels=_split_option(channel),
        personas=_split_option(persona),
        journeys=_split_option(journey),
        min_severity=min_severity,
        metrics=metrics,
    )
    try:
        points = find_pains(maps, wanted)
    except UnknownIdError as exc:
        fail(str(exc))
    _write_rows(pains_table(points, len(maps)), output_format, output, _paths_of(batch))
    _report_exit(batch)


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
    output_format: RowFormatOption = "table",
    output: RowOutputOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """List the lifecycle stages that no touchpoint maps, in lifecycle order.

    Exits 0 unless --check is given and there are gaps (1), a map does not
    validate (1), or a path or the --against lifecycle is unusable (2).
    """
    from cjmap.lifecycles import LifecycleError, load_lifecycle
    from cjmap.reports.gaps import GAP_GROUPS, GapOptions, find_gaps, gaps_table, has_gaps
    from cjmap.validate import suggest

    groups = _split_option(by)
    for group in groups:
        if group not in GAP_GROUPS:
            fail(
                f"--by '{group}' is not one of {', '.join(GAP_GROUPS)}{suggest(group, GAP_GROUPS)}"
            )
    try:
        lifecycle = None if against is None else load_lifecycle(against)
    except LifecycleError as exc:
        fail(f"--against: {exc}")
    batch, maps = _reportable_maps(paths, max_size, verbose)
    found = find_gaps(maps, GapOptions(by=groups, journeys=journeys, against=lifecycle))
    _write_rows(gaps_table(found, len(maps)), output_format, output, _paths_of(batch))
    _report_exit(batch, check and has_gaps(found))


DiffFormat = Literal["text", "json", "markdown"]


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
        DiffFormat,
        typer.Option(
            "--format", "-f", help="text for people, json for tools, markdown for PR comments."
        ),
    ] = "text",
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 on a regression: a new high or critical pain, a lower emotion at a "
            "moment of truth, or a metric moving away from its target.",
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
    from functools import partial

    from cjmap.loader import InputError
    from cjmap.reports.diff import compare_arguments, compare_with_revision
    from cjmap.writers import diff_writer
    from cjmap.writers.text import line

    if git is None and len(paths) != 2:
        fail("give two versions to compare (OLD NEW), or --git REV and the maps to compare")
    try:
        if git is None:
            comparison = compare_arguments(paths[0], paths[1], max_size)
        else:
            comparison = compare_with_revision(git, [Path(path) for path in paths], max_size)
    except InputError as exc:
        fail(str(exc))
    for finding in comparison.findings:
        print(line(finding), file=sys.stderr)
    if comparison.findings:
        print("cjmap: a map that is not valid cannot be compared (fix it first)", file=sys.stderr)
    _write_output(partial(diff_writer(output_format), comparison.diffs), output, paths)
    regression = any(diff.regressions for diff in comparison.diffs)
    raise typer.Exit(EXIT_PROBLEMS if comparison.findings or (check and regression) else EXIT_OK)


ExportFormat = Literal["mermaid", "markdown", "csv"]


@command(
    epilog="Examples: cjmap export examples/coffee-subscription.yaml --to mermaid; "
    "cjmap export map.yaml --to markdown --mermaid -o map.md; "
    "cjmap export maps/ --to csv --out-dir exports/",
)
def export(
    paths: PathsArgument,
    to: Annotated[
        ExportFormat,
        typer.Option(
            "--to",
            "--format",
            "-f",
            help="mermaid: a journey diagram that GitHub draws; markdown: a document of the "
            "whole map; csv: the touchpoint inventory, one row per touchpoint and channel.",
        ),
    ],
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
    """Export maps to Mermaid, Markdown or CSV, for GitHub, wikis and spreadsheets.

    One map goes to stdout or to -o FILE; several go to --out-dir. Exits 0 when
    every map was exported, 1 when a map is not valid, 2 for unusable paths or
    options.
    """
    from cjmap.atomic import write_atomic
    from cjmap.export import ExportError, ExportOptions, export_files, export_map
    from cjmap.validate import validate_paths
    from cjmap.writers.text import line

    if output is not None and out_dir is not None:
        fail("give -o FILE for one map or --out-dir DIR for several, not both")
    if mermaid and to != "markdown":
        fail("--mermaid embeds the diagram in a Markdown export: use it with --to markdown")
    if journey is not None and not (to == "mermaid" or mermaid):
        fail(
            "--journey picks the journey of a Mermaid diagram: use --to mermaid, "
            "or --to markdown --mermaid"
        )
    batch = validate_paths(paths, max_size=max_size)
    _report_paths(batch.problems, batch.skipped, verbose)
    if batch.problems:
        raise typer.Exit(EXIT_USAGE)
    if len(batch.checked) > 1 and out_dir is None:
        fail(f"{len(batch.checked)} maps to export: give --out-dir DIR for one file per map")
    for finding in batch.findings:
        print(line(finding), file=sys.stderr)
    options = ExportOptions(journey=journey, mermaid=mermaid)
    exported: list[tuple[str, str]] = []
    for item in batch.checked:
        if item.model is not None:
            try:
                exported.append((item.path, export_map(item.model, to, options)))
            except ExportError as exc:
                fail(f"{item.path}: {exc}")
    if out_dir is None and exported:  # one map, checked above
        text = exported[0][1]
        _write_output(lambda out, color: out.write(text), output, _paths_of(batch))
    elif out_dir is not None:
        try:
            files = export_files(out_dir, exported, to)
            out_dir.mkdir(parents=True, exist_ok=True)
            for target, text in files.items():
                write_atomic(target, text.encode("utf-8"))
                print(f"Wrote {target}")
        except ExportError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{exc.filename or out_dir}: cannot write ({exc.strerror or exc})")
    raise typer.Exit(EXIT_PROBLEMS if batch.findings else EXIT_OK)


RenderView = Literal["flow", "matrix", "emotion"]
RenderFormat = Literal["svg", "png", "pdf", "dot"]


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
    view: Annotated[
        RenderView,
        typer.Option(
            "--view",
            help="flow: the lifecycle with touchpoints and journeys; matrix: stages by "
            "channels, gaps in grey; emotion: one journey's emotion curve.",
        ),
    ] = "flow",
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
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Draw maps as SVG, PNG, PDF or Graphviz DOT.

    IDS may be repeated or comma-separated. Exits 0 when every map was drawn, 1
    when a map is not valid or cannot be drawn in the view, 2 for unusable paths,
    options or output files.
    """
    from cjmap.atomic import write_atomic
    from cjmap.render import RenderError, render_dot, select_backend
    from cjmap.render.views import CannotDraw, OptionError, RenderOptions, render_map
    from cjmap.render.views.output import OutputError, plan
    from cjmap.render.views.output import output_format as choose_format
    from cjmap.validate import validate_paths
    from cjmap.writers.text import line

    try:
        fmt = choose_format(output, output_format)
        if fmt != "dot":
            select_backend(fmt)  # a missing Graphviz is said once, before any work
    except (OutputError, RenderError) as exc:
        fail(str(exc))
    batch = validate_paths(paths, max_size=max_size)
    _report_paths(batch.problems, batch.skipped, verbose)
    try:
        targets = plan(
            [Path(item.path) for item in batch.checked],
            view=view,
            fmt=fmt,
            output=output,
            out_dir=out_dir,
        )
        if out_dir is not None and targets:
            out_dir.mkdir(parents=True, exist_ok=True)
    except OutputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out_dir}: cannot create the folder ({exc.strerror or exc})")
    options = RenderOptions(
        personas=tuple(_split_option(persona)),
        journeys=tuple(_split_option(journey)),
        stages=tuple(_split_option(stage)),
        title=title,
    )
    status = EXIT_USAGE if batch.problems else EXIT_OK
    for item, target in zip(batch.checked, targets, strict=True):
        if item.model is None:
            for finding in item.findings:
                print(line(finding), file=sys.stderr)
            print(f"cjmap: {item.path}: not drawn, the map is not valid", file=sys.stderr)
            status = max(status, EXIT_PROBLEMS)
            continue
        try:
            picture = render_dot(render_map(item.model, view, options), fmt)
        except CannotDraw as exc:
            print(f"cjmap: {item.path}: {exc}", file=sys.stderr)
            status = max(status, EXIT_PROBLEMS)
            continue
        except (OptionError, RenderError) as exc:
            print(f"cjmap: error: {item.path}: {exc}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        if target.output is None:
            sys.stdout.buffer.write(picture)
            sys.stdout.flush()
            continue
        try:
            write_atomic(target.output, picture)
        except OSError as exc:
            print(
                f"cjmap: error: {target.output}: cannot write ({exc.strerror or exc})",
                file=sys.stderr,
            )
            status = EXIT_USAGE
            continue
        print(f"Wrote {target.output}")
    raise typer.Exit(status)


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
    from cjmap.starter import write_starter

    try:
        written = write_starter(path)
    except FileExistsError:
        fail(f"{path} already exists; not overwritten (give another path)")
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
    for file in written:
        print(f"Wrote {file}")
    print(f"Next: edit it, then run: cjmap validate {path}")


@command(epilog="Example: cjmap schema > cjmap.schema.json")
def schema() -> None:
    """Print the JSON Schema of format v1 (draft-07), for editors and other tools."""
    from cjmap.schema import schema_json

    sys.stdout.write(schema_json())


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
