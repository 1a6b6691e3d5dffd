"""``cjmap preview``: serve the shared page of maps, rebuilt as they are saved."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Options:
    paths: Sequence[Path]
    max_size: int
    port: int = 8000
    host: str | None = None  # None: the loopback address only
    open_browser: bool = False
    config: Path | None = None


def run(options: Options) -> int:
    """Serve until Ctrl-C, which ends it cleanly (exit 0) at any moment, even while the
    first page is being built."""
    with suppress(KeyboardInterrupt):
        _serve(options)
    return EXIT_OK


def _serve(options: Options) -> None:
    from cjmap.commands.common import warn
    from cjmap.errors import UsageError, os_reason
    from cjmap.output import say
    from cjmap.share.preview import PreviewServer, Site, is_loopback, serve

    host = options.host or LOOPBACK
    if not 0 <= options.port <= 65535:
        raise UsageError(f"--port {options.port} is not a port number (0 to 65535; 0 picks one)")
    site = Site(options.paths, config_file=options.config, max_size=options.max_size)
    site.rebuild()
    try:
        server = PreviewServer(host, options.port, site)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host} port {options.port} ({os_reason(exc)})"
        ) from None
    if not is_loopback(host):
        warn(
            f"cjmap: warning: listening on {host}: anyone who can reach this machine on "
            f"port {server.server_address[1]} can read the maps"
        )
    # The address first and alone on standard output, so that a script can read it.
    say(server.url)
    if options.open_browser:
        import webbrowser

        webbrowser.open(server.url)
    serve(server, site)
