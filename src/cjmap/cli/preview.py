"""``cjmap preview``: its options for typer; its body is :mod:`cjmap.commands.preview`."""

from __future__ import annotations

from typing import Annotated

import typer

from cjmap.cli.common import ConfigOption, MaxSizeOption, PathsArgument, command, finish
from cjmap.loader import DEFAULT_MAX_SIZE


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
