"""The command line: parse options, call the library, choose a writer, return an exit code.

Exit codes: 0 nothing wrong, 1 a map has problems, 2 bad usage or an unusable path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer

from cjmap import __version__
from cjmap.loader import DEFAULT_MAX_SIZE

app = typer.Typer(
    name="cjmap",
    help="Customer journey maps as code: validate, lint, report and render maps written in YAML.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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
    print(f"cjmap: error: {message}", file=sys.stderr)
    raise typer.Exit(EXIT_USAGE)


def use_color(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Map files, or folders to search for *.yaml / *.yml maps.", show_default=False
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option("--max-size", metavar="BYTES", min=1, help="Refuse map files larger than this."),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also say which files in folders were skipped.")
]


# The formats each command offers; each name is a writer in cjmap.writers.
ValidateFormat = Literal["text", "json", "github"]


@app.command(
    epilog="Example: cjmap validate examples/ --format github",
)
def validate(
    paths: PathsArgument,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "text",
    max_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    verbose: VerboseOption = False,
) -> None:
    """Check maps against format v1: YAML syntax, schema and references.

    Reports every problem in every file with its line and column. Exits 0 when
    all maps are valid, 1 when any has a problem, 2 for unusable paths.
    """
    from cjmap.findings import Report
    from cjmap.validate import validate_paths
    from cjmap.writers import findings_writer

    batch = validate_paths(paths, max_size=max_size)
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


@app.command(epilog="Example: cjmap init maps/checkout.yaml")
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


@app.command(epilog="Example: cjmap schema > cjmap.schema.json")
def schema() -> None:
    """Print the JSON Schema of format v1 (draft-07), for editors and other tools."""
    from cjmap.schema import schema_json

    sys.stdout.write(schema_json())


def run() -> None:
    app()
