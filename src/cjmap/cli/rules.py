"""``cjmap rules``: its options for typer; its body is :mod:`cjmap.commands.rules`."""

from __future__ import annotations

from typing import Annotated

import typer

from cjmap.cli.common import (
    RulesFormat,
    command,
    finish,
)


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
