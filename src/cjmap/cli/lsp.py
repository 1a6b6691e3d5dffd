"""``cjmap lsp``: its options for typer; its body is :mod:`cjmap.commands.lsp`."""

from __future__ import annotations

from cjmap.cli.common import (
    command,
    finish,
)


@command(epilog="Started by an editor; set-up for each editor: docs/editors.md")
def lsp() -> None:
    """Run the language server for editors over standard input and output."""
    from cjmap.commands import lsp as body

    finish(body.run, body.Options())
