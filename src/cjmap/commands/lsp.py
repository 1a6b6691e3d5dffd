"""``cjmap lsp``: serve the Language Server Protocol to an editor over stdin and stdout."""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.errors import EXIT_OK


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    pass


def run(options: Options) -> int:
    # pygls and the server load only here: no other command's start-up pays for them.
    from cjmap.lsp.server import serve

    serve()
    return EXIT_OK
