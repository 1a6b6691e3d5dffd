"""The command line: typer's declarations of the commands, and nothing else.

Each command is declared in its own module here, ``cjmap.cli.<name>``, with its
options; its body is one line that hands a frozen options object to ``run`` in
:mod:`cjmap.commands` (imported only when the command runs). The choices of
``--format``, ``--to`` and ``--view`` come from the registries in :mod:`cjmap.choices`.
:mod:`cjmap.cli.common` holds the app, the options several commands share, and
:func:`~cjmap.cli.common.finish`, the one place where a :class:`cjmap.errors.CjmapError`
becomes ``cjmap: error: ...`` and its exit code.

A run imports only the declaration of the command it was given: typer builds every
command it has at each start, reading each signature, which costs a small map's check
a noticeable part of its time. ``--help``, and a command that does not exist, see them
all, as does ``app`` imported from here.

To add a command, see :mod:`cjmap.commands`; its declaration is one module here and
one line in :data:`COMMANDS`.

Exit codes: 0 nothing wrong, 1 a map has problems, 2 bad usage or an unusable path.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from cjmap.cli.common import RenderFormat, RenderView

__all__ = ["COMMANDS", "RenderFormat", "RenderView", "app", "run"]

# Each command's name -> the module declaring it, in the order --help lists them.
COMMANDS: dict[str, str] = {
    "validate": "cjmap.cli.validate",
    "lint": "cjmap.cli.lint",
    "rules": "cjmap.cli.rules",
    "pains": "cjmap.cli.pains",
    "gaps": "cjmap.cli.gaps",
    "diff": "cjmap.cli.diff",
    "export": "cjmap.cli.export",
    "render": "cjmap.cli.render",
    "share": "cjmap.cli.share",
    "preview": "cjmap.cli.preview",
    "init": "cjmap.cli.init",
    "import": "cjmap.cli.import_",
    "schema": "cjmap.cli.schema",
    "lsp": "cjmap.cli.lsp",
}


def _declare(names: list[str]) -> None:
    for name in names:
        importlib.import_module(COMMANDS[name])


def __getattr__(name: str) -> Any:
    # ``from cjmap.cli import app``: the app with every command, for tests and tools.
    if name == "app":
        from cjmap.cli.common import app

        _declare(list(COMMANDS))
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    """Run the command line, declaring and building only the command given when one is."""
    import copy

    from cjmap.cli.common import app

    given = sys.argv[1] if len(sys.argv) > 1 else ""
    if given not in COMMANDS:
        _declare(list(COMMANDS))
        app()
        return
    _declare([given])
    # Another command may have been declared already (tests run several in one process).
    single = copy.copy(app)
    single.registered_commands = [
        info for info in app.registered_commands if _name_of(info) == given
    ]
    single()


def _name_of(info: Any) -> str:
    from typer.main import get_command_name

    return str(info.name or get_command_name(info.callback.__name__))
