"""The command line's shared parts: the typer app, the one error handler, and the options
and choices several commands declare alike.

The declaration modules of :mod:`cjmap.cli`, one per command, are made of these;
nothing outside :mod:`cjmap.cli` imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeAlias, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand

from cjmap import __version__
from cjmap.choices import (
    DIFF_FORMATS,
    EXPORT_TARGETS,
    FINDINGS_FORMATS,
    IMAGE_FORMATS,
    IMPORT_SOURCES,
    RENDER_VIEWS,
    TABLE_FORMATS,
)

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

Options = TypeVar("Options")


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


def finish(run: Callable[[Options], int], options: Options) -> NoReturn:
    """Run a command's body and exit with its code; the one handler of users' errors.

    A path too long for the file system is the user's, wherever the system refuses it.
    """
    import errno

    from cjmap.errors import CjmapError, UsageError, cannot, report

    try:
        code = run(options)
    except CjmapError as error:
        code = report(error)
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise
        code = report(UsageError(cannot(exc.filename or "a path", "use this name", exc)))
    raise typer.Exit(code)


class _PlainArgument(TyperArgument):
    """An argument shown as users write it: ``PATHS...`` or ``[PATH]``, with no Python type."""

    def _rich_display_name(self) -> str:
        return self.display_name_raw

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.display_name_raw
        return [name if self.required else f"[{name}]"]

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class _Command(TyperCommand):
    """A command whose usage line and help name arguments in capitals, without types."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                # typer builds its own argument class; only how it is shown changes.
                param.__class__ = _PlainArgument
                name = (param.metavar or param.name or "").upper()
                many = param.nargs != 1 and " " not in name
                param.metavar = f"{name}..." if many else name


def command(**settings: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a command (typer's ``app.command``)."""
    return app.command(cls=_Command, **settings)


# --- choices, from the registries -----------------------------------------------------------
# typer offers a Literal's values as the choices; mypy sees plain text.
if TYPE_CHECKING:
    FindingsFormat: TypeAlias = str
    TableFormat: TypeAlias = str
    RulesFormat: TypeAlias = str
    DiffFormat: TypeAlias = str
    ExportFormat: TypeAlias = str
    ImportSource: TypeAlias = str
    RenderView: TypeAlias = str
    RenderFormat: TypeAlias = str
    Severity: TypeAlias = str
else:
    FindingsFormat = Literal[FINDINGS_FORMATS.names]
    TableFormat = Literal[TABLE_FORMATS.names]
    RulesFormat = Literal[TABLE_FORMATS.only("table", "json").names]
    DiffFormat = Literal[DIFF_FORMATS.names]
    ExportFormat = Literal[EXPORT_TARGETS.names]
    ImportSource = Literal[IMPORT_SOURCES.names]
    RenderView = Literal[RENDER_VIEWS.names]
    RenderFormat = Literal[IMAGE_FORMATS.names]
    Severity = Literal["low", "medium", "high", "critical"]


# --- options shared by several commands -----------------------------------------------------


def map_path(text: str) -> Path:
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
        parser=map_path,
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
FindingsFormatOption = Annotated[
    FindingsFormat, typer.Option("--format", "-f", help=FINDINGS_FORMATS.help("Output format."))
]
TableFormatOption = Annotated[
    TableFormat, typer.Option("--format", "-f", help=TABLE_FORMATS.help("Output format."))
]
ReportOutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file."),
]

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE",
        help="Lint with the settings of this cjmap.toml or pyproject.toml, instead of the "
        "nearest one above each map.",
    ),
]
