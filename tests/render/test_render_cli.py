"""`cjmap render` end to end: outputs, formats, filters, errors and what is never written.

Most runs ask for DOT, which needs no Graphviz; the few that render show that the
pictures really come out (with the built-in Graphviz, or `dot` where it is installed).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, get_args

import pytest
from rendertools import SIGNATURE, needs_dot

from cjmap.render import engine
from cjmap.render.engine import ENV_BACKEND, RenderError
from cjmap.render.views import render_map
from cjmap.validate import validate_path
from conftest import EXAMPLES, MINIMAL, ROOT, run_cli

COFFEE = EXAMPLES / "coffee-subscription.yaml"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _backend_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CJMAP_GRAPHVIZ in the shell must not change what these tests see."""
    monkeypatch.delenv(ENV_BACKEND, raising=False)


@pytest.fixture
def coffee(tmp_path: Path) -> Path:
    path = tmp_path / "coffee.yaml"
    path.write_bytes(COFFEE.read_bytes())
    return path


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without Graphviz."""
    monkeypatch.setattr(engine, "dot_program", lambda: None)


def dot_of(path: Path, view: str = "flow") -> str:
    model = validate_path(path).model
    assert model is not None
    return render_map(model, view)


def svg_texts(svg: str | bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join(element.text or "" for element in root.iter(f"{SVG}text"))


# --- where the picture goes ----------------------------------------------------------


def test_default_is_an_svg_of_the_flow_beside_the_map(coffee: Path, no_dot: None) -> None:
    result = run_cli("render", coffee)
    assert result.exit_code == 0, result.stderr
    target = coffee.with_suffix(".svg")
    assert result.stdout == f"Wrote {target}\n"
    texts = svg_texts(target.read_bytes())
    assert "Bean Post coffee subscription" in texts
    assert "Legend" in texts


def test_other_views_get_their_own_name(coffee: Path) -> None:
    result = run_cli("render", coffee, "--view", "matrix", "-f", "dot")
    assert result.exit_code == 0, result.stderr
    written = coffee.parent / "coffee.matrix.dot"
    assert written.read_text(encoding="utf-8") == dot_of(coffee, "matrix")
    assert not coffee.with_suffix(".dot").exists()


@pytest.mark.parametrize("view", ["flow", "matrix", "emotion"])
def test_dash_writes_to_stdout(view: str) -> None:
    result = run_cli("render", COFFEE, "--view", view, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "Bean Post coffee subscription" in svg_texts(result.stdout)


def test_format_from_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "picture.gv"
    result = run_cli("render", COFFEE, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == dot_of(COFFEE)


def test_png_without_a_system_graphviz(tmp_path: Path, no_dot: None) -> None:
    target = tmp_path / "matrix.png"
    result = run_cli("render", COFFEE, "--view", "matrix", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(SIGNATURE)


@needs_dot
def test_pdf_with_the_dot_program(tmp_path: Path) -> None:
    target = tmp_path / "flow.pdf"
    result = run_cli("render", COFFEE, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_pdf_without_dot_says_how_to_install_it(tmp_path: Path, no_dot: None) -> None:
    result = run_cli("render", COFFEE, "-o", tmp_path / "map.pdf")
    assert result.exit_code == 2
    assert result.stderr == (
        "cjmap: error: PDF needs the Graphviz `dot` program; install Graphviz with "
        "`apt-get install graphviz` or `brew install graphviz`\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_several_maps_into_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "pictures" / "new"
    result = run_cli("render", EXAMPLES, "--out-dir", out, "-f", "dot", "--view", "emotion")
    assert result.exit_code == 0, result.stderr
    maps = sorted(EXAMPLES.glob("*.yaml"))
    assert sorted(p.name for p in out.iterdir()) == [f"{m.stem}.emotion.dot" for m in maps]
    for path in maps:
        assert (out / f"{path.stem}.emotion.dot").read_text("utf-8") == dot_of(path, "emotion")
    assert result.stdout.count("Wrote ") == len(maps)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "one.svg"],
            "-o names one file, but {count} maps were given; use --out-dir for several",
        ),
        (["-o", "-"], "-o names one file, but {count} maps were given; use --out-dir for several"),
        (["-o", "x.svg", "--out-dir", "out"], "give -o or --out-dir, not both"),
    ],
)
def test_output_options_that_cannot_work(args: list[str], message: str) -> None:
    result = run_cli("render", EXAMPLES, *args)
    assert result.exit_code == 2
    count = len(list(EXAMPLES.glob("*.yaml")))
    assert result.stderr == f"cjmap: error: {message.format(count=count)}\n"
    assert result.stdout == ""


def test_two_maps_with_one_name_are_not_written_over_each_other(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "map.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("render", tmp_path / "a", tmp_path / "b", "--out-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert "would both be written to" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "map.png", "-f", "svg"], "-o map.png ends in .png but --format is svg"),
        (["-o", "map.txt"], "cannot tell the format of -o map.txt from its suffix"),
        (["-f", "jpeg"], "Invalid value for '--format' / '-f'"),
        (["--view", "journey"], "Invalid value for '--view'"),
    ],
)
def test_bad_format_or_view(args: list[str], message: str) -> None:
    result = run_cli("render", COFFEE, *args)
    assert result.exit_code == 2
    assert message in result.stderr


# --- never writing over what matters -----------------------------------------------------


def test_never_writes_over_the_map(tmp_path: Path) -> None:
    odd = tmp_path / "map.dot"  # a map may have any name when given as a file
    odd.write_text(MINIMAL, encoding="utf-8")
    link = tmp_path / "link.dot"
    link.symlink_to(odd)
    for target in (odd, link, tmp_path / "." / "map.dot"):
        result = run_cli("render", odd, "-o", target)
        assert result.exit_code == 2
        assert "refusing to write over it" in result.stderr
    result = run_cli("render", odd, "-o", tmp_path / "map.yaml", "-f", "svg")
    assert result.exit_code == 2
    assert odd.read_text(encoding="utf-8") == MINIMAL
    assert not (tmp_path / "map.yaml").exists()


def test_a_failed_render_leaves_the_earlier_picture(
    coffee: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = coffee.with_suffix(".svg")
    earlier.write_text("<svg>earlier</svg>", encoding="utf-8")

    def fail(source: str, fmt: str, **_: Any) -> bytes:
        raise RenderError("Graphviz took longer than 60 s and was stopped")

    monkeypatch.setattr("cjmap.render.render_dot", fail)
    result = run_cli("render", coffee)
    assert result.exit_code == 2
    assert result.stderr == (
        f"cjmap: error: {coffee}: Graphviz took longer than 60 s and was stopped\n"
    )
    assert earlier.read_text(encoding="utf-8") == "<svg>earlier</svg>"
    assert sorted(p.name for p in coffee.parent.iterdir()) == ["coffee.svg", "coffee.yaml"]


def test_an_unwritable_output_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "map.dot"
    result = run_cli("render", COFFEE, "-o", target)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {target}: cannot write (No such file or directory)\n"


# --- maps that are not right ----------------------------------------------------------------


def test_an_invalid_map_shows_its_findings_and_is_not_drawn(write_map: Any) -> None:
    broken = write_map(MINIMAL.replace("stage: purchase", "stage: purchse"), "broken.yaml")
    good = write_map(MINIMAL, "good.yaml")
    result = run_cli("render", broken, good, "-f", "dot")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{broken}:22:12: E201 touchpoint 'checkout' names stage 'purchse', which is not "
        "defined; did you mean 'purchase'?",
        f"cjmap: {broken}: not drawn, the map is not valid",
    ]
    assert not broken.with_suffix(".dot").exists()
    assert good.with_suffix(".dot").exists()  # the valid map is still drawn


def test_a_missing_path(tmp_path: Path) -> None:
    result = run_cli("render", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'nope.yaml'}: no such file or folder\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--persona", "busy-parnt"],
            "--persona 'busy-parnt' is not a persona id in any of the maps; "
            "did you mean 'busy-parent'?",
        ),
        (
            ["--stage", "awareness,purchse"],
            "--stage 'purchse' is not a stage id in any of the maps; did you mean 'purchase'?",
        ),
        (
            ["--journey", "parent-first-mnth"],
            "--journey 'parent-first-mnth' is not a journey id in any of the maps; "
            "did you mean 'parent-first-month'?",
        ),
        (
            ["--view", "emotion", "--journey", "parent-first-month,barista-first-month"],
            "the emotion view draws one journey; give --journey once",
        ),
    ],
)
def test_filters_that_do_not_fit(args: list[str], message: str) -> None:
    result = run_cli("render", COFFEE, "-o", "-", *args)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {COFFEE}: {message}\n"
    assert result.stdout == ""


def test_emotion_view_of_a_map_without_journeys(write_map: Any) -> None:
    path = write_map(MINIMAL.split("journeys:")[0])
    result = run_cli("render", path, "--view", "emotion", "-o", "-")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cjmap: {path}: the map has no journeys, and the emotion view draws one; add one "
        "under 'journeys:', or draw the map with --view flow or --view matrix\n"
    )


def test_a_map_too_large_for_one_picture_says_how_to_narrow_it(write_map: Any) -> None:
    """A 1000-touchpoint map answers at once, and --stage gets a picture of it."""
    stages = "".join(f"  - {{id: s{i}, name: Stage {i}}}\n" for i in range(10))
    touchpoints = "".join(
        f"  - {{id: t{i}, name: Touchpoint {i}, stage: s{i % 10}, channels: [web], "
        f"emotion: {i % 5 - 2}}}\n"
        for i in range(1000)
    )
    path = write_map(
        "cjmap: 1\nmap: {title: Big}\nstages:\n" + stages + "channels: [{id: web, name: Web}]\n"
        "touchpoints:\n" + touchpoints
    )
    started = time.monotonic()
    result = run_cli("render", path)
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert result.stderr == (
        f"cjmap: {path}: 1000 touchpoints are too many for one readable picture (the flow view "
        "draws up to 300); narrow it with --stage, --persona or --journey\n"
    )
    result = run_cli("render", path, "--stage", "s1", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "Touchpoint 991" in svg_texts(result.stdout)


# --- what the options change --------------------------------------------------------------


def test_filters_and_title_narrow_the_picture() -> None:
    result = run_cli(
        "render", COFFEE, "-f", "dot", "-o", "-", "--stage", "purchase",
        "--persona", "home-barista", "--title", "Checkout <review> & \"fixes\"",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert 'label="Checkout \\<review\\> &amp; \\"fixes\\"\\l"' in result.stdout
    assert "stage Subscribe and pay" in result.stdout
    assert "persona Home barista" in result.stdout
    assert "tp_checkout " in result.stdout
    assert "stage_awareness" not in result.stdout


def test_emotion_view_of_a_chosen_journey() -> None:
    result = run_cli(
        "render", COFFEE, "--view", "emotion", "--journey", "barista-first-month", "-o", "-"
    )
    assert result.exit_code == 0, result.stderr
    texts = svg_texts(result.stdout)
    assert "Emotion curve of A home barista's first month (Home barista)" in texts
    assert "1. Taste a sample at the weekend market" in texts


def test_same_map_same_bytes_in_fresh_processes(tmp_path: Path) -> None:
    """No hash seed, time or path changes the DOT: rendered maps diff cleanly."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "cjmap", "render", str(COFFEE), "--view", "matrix", "-o", "-",
             "-f", "dot"],
            capture_output=True, env=env, cwd=tmp_path, check=True,
        )  # fmt: skip
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1] == dot_of(COFFEE, "matrix").encode("utf-8")
    assert str(ROOT) not in outputs[0].decode("utf-8")


def test_help_shows_the_views_and_an_example() -> None:
    result = run_cli("render", "--help")
    assert result.exit_code == 0
    for word in ("flow", "matrix", "emotion", "--out-dir", "Examples: cjmap render"):
        assert word in result.stdout


def test_the_command_offers_every_view_and_format() -> None:
    from cjmap.cli import RenderFormat, RenderView
    from cjmap.render import FORMATS
    from cjmap.render.views import VIEWS

    assert get_args(RenderView) == tuple(VIEWS)
    assert get_args(RenderFormat) == FORMATS
