"""``cjmap preview``: the shared page served live while a map is written.

A :class:`Site` builds the page of the maps and rebuilds it when a map, or a
``cjmap.toml`` or ``pyproject.toml`` that could apply to one, changes on disk (it looks
at their size and time every ``POLL`` seconds: no dependency, and the same on every
system). The server, the standard library's threaded HTTP server, answers two paths
and nothing else:

- ``/``: the page, built with the live-update script;
- ``/events``: server-sent events, one ``build`` event with the page's build id when a
  client connects and whenever the page is rebuilt.

Any other path, including ``..`` and encoded forms of it, is a 404: the server reads no
file because of a request. A request whose ``Host`` is not the address it listens on
is a 404 too, so that a web page elsewhere cannot reach it through a DNS name that
points at the loopback address. It writes no file.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from cjmap.errors import CjmapError
from cjmap.lint.config import CONFIG_FILE, PYPROJECT
from cjmap.render import RenderError
from cjmap.share.content import gather_paths
from cjmap.share.page import build_page
from cjmap.yaml.discovery import expand_paths

__all__ = ["POLL", "PreviewServer", "Site", "is_loopback"]

POLL: Final = 0.1
"""Seconds between two looks at the files."""
HEARTBEAT: Final = 15.0
"""Seconds between comments on an idle event stream, to notice clients that left."""


class Site:
    """The page of some maps, kept up to date with the files."""

    def __init__(
        self, paths: Sequence[Path], *, config_file: Path | None = None, max_size: int
    ) -> None:
        self.paths = list(paths)
        self.config_file = config_file
        self.max_size = max_size
        self.page = b""
        self.build = ""
        self._changed = threading.Condition()
        self._seen: object = None

    def rebuild(self) -> None:
        """Build the page from the files as they are now; problems become its content."""
        self._seen = self.fingerprint()
        try:
            gathered = gather_paths(
                self.paths, config_file=self.config_file, max_size=self.max_size
            )
            maps, notes = list(gathered.maps), list(gathered.problems)
        except RenderError as exc:  # Graphviz failing must not end the preview
            maps, notes = [], [f"cannot draw the pictures: {exc}"]
        except CjmapError as exc:  # a config file that cannot be used
            maps, notes = [], [str(exc)]
        if not maps and not notes:
            notes = ["no map found: the paths hold no *.yaml file with a top-level 'cjmap:' key"]
        plain = build_page(maps, live=True, notes=notes)
        build = hashlib.sha256(plain.encode("utf-8")).hexdigest()[:16]
        page = build_page(maps, live=True, build=build, notes=notes).encode("utf-8")
        with self._changed:
            self.page, self.build = page, build
            self._changed.notify_all()

    def fingerprint(self) -> object:
        """What changes when a map or a config file that could apply to one is saved."""
        files, _, problems = expand_paths(self.paths)
        folders: set[Path] = set()
        for path in [*files, *self.paths]:
            folder = path.absolute().parent
            folders.update([folder, *folder.parents])
        watched = [*files, *self.paths]
        watched += [folder / name for folder in folders for name in (CONFIG_FILE, PYPROJECT)]
        if self.config_file is not None:
            watched.append(self.config_file)
        return (tuple(problems), tuple(sorted({str(p): _stamp(p) for p in watched}.items())))

    def watch(self, stop: threading.Event) -> None:
        """Rebuild whenever the files change, until *stop* is set."""
        while not stop.wait(POLL):
            if self.fingerprint() != self._seen:
                self.rebuild()

    def wait(self, known: str, timeout: float) -> str:
        """The build id, once it is not *known* or after *timeout* seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.build != known, timeout)
            return self.build


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def is_loopback(host: str) -> bool:
    """Whether *host* names this machine only (127.0.0.0/8, ::1 or localhost)."""
    if host == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class PreviewServer(ThreadingHTTPServer):
    """Serves a :class:`Site`; each event stream has a thread of its own."""

    daemon_threads = True

    def __init__(self, host: str, port: int, site: Site) -> None:
        self.address_family = _family(host)
        self.site = site
        self.stopping = threading.Event()
        super().__init__((host, port), _Handler)
        self.hosts = _allowed_hosts(host, self.server_address[1])

    @property
    def url(self) -> str:
        host = str(self.server_address[0])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.server_address[1]}/"


def _family(host: str) -> int:
    import socket

    try:
        return socket.AF_INET6 if ip_address(host.strip("[]")).version == 6 else socket.AF_INET
    except ValueError:
        return socket.AF_INET


def _allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers a loopback server answers; None (any) when it listens wider."""
    if not is_loopback(host):
        return None
    names = {"localhost", "127.0.0.1", "[::1]", host if ":" not in host else f"[{host}]"}
    return frozenset(f"{name}:{port}" for name in names)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = urlsplit(self.path).path if self.path.startswith("/") else ""
        hosts = self.server.hosts
        if hosts is not None and self.headers.get("Host", "") not in hosts:
            self._not_found()
        elif path == "/":
            self._page()
        elif path == "/events":
            self._events()
        else:
            self._not_found()

    def _page(self) -> None:
        body = self.server.site.page
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _not_found(self) -> None:
        body = b"404: cjmap preview serves its page at / and nothing else\n"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        site, sent = self.server.site, ""
        try:
            self.wfile.write(b"retry: 500\n\n")
            while not self.server.stopping.is_set():
                build = site.wait(sent, HEARTBEAT)
                if build != sent:
                    self.wfile.write(f"event: build\ndata: {build}\n\n".encode("ascii"))
                    sent = build
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:  # the page was closed or reloaded
            return

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: the terminal is the writer's."""


def serve(server: PreviewServer, site: Site) -> None:
    """Serve until interrupted (Ctrl-C raises KeyboardInterrupt here), rebuilding the
    page as the files change; the server is closed whichever way it ends."""
    stop = threading.Event()
    watcher = threading.Thread(target=site.watch, args=(stop,), name="cjmap-preview", daemon=True)
    watcher.start()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.stopping.set()
        server.server_close()
