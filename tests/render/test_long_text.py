"""A valid map renders in every view however long its texts: names and ids over the
16,384 bytes Graphviz 2.43 reads in one string are cut with an ellipsis, not refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rendertools import BACKENDS

from cjmap.render.engine import ENV_BACKEND
from cjmap.render.views import VIEWS
from conftest import MINIMAL, run_cli

SVG = "{http://www.w3.org/2000/svg}"
LONG_ID = "c" * 17_000


def _long_map() -> str:
    return (
        MINIMAL.replace("  title: Minimal map\n", f"  title: {'T' * 17_000}\n")
        .replace(
            "  - id: checkout\n    name: Pays for the box\n",
            f"  - id: {LONG_ID}\n    name: {'x' * 20_000}\n    emotion: -1\n"
            f"    pains: ['{'&' * 20_000}']\n",
        )
        .replace("steps: [ad, checkout]", f"steps: [ad, {LONG_ID}]")
        .replace("touchpoints: [checkout]", f"touchpoints: [{LONG_ID}]")
        + f"opportunities:\n  - {{id: o, title: {'x' * 20_000}, addresses: [{LONG_ID}],"
        " impact: high, effort: low}\n"
    )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_names_longer_than_graphviz_reads_still_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: str, backend: str
) -> None:
    monkeypatch.setenv(ENV_BACKEND, backend)
    path = tmp_path / "long.yaml"
    path.write_text(_long_map(), encoding="utf-8")
    out = tmp_path / f"long.{view}.svg"
    result = run_cli("render", path, "--view", view, "-o", out)
    assert result.exit_code == 0, result.stderr
    texts = " ".join(e.text or "" for e in ET.fromstring(out.read_bytes()).iter(f"{SVG}text"))
    assert "\u2026" in texts
    assert "x" * 20 in texts


def test_names_that_are_only_blanks_render_in_every_view(tmp_path: Path) -> None:
    """A name, title or metric of spaces is valid; every view draws it instead of failing
    on the empty list that wrapping blank text gives."""
    source = Path(__file__).parent.parent / "fixtures" / "blank-names.yaml"
    assert run_cli("validate", source).exit_code == 0
    for view in VIEWS:
        out = tmp_path / f"blank.{view}.svg"
        result = run_cli("render", source, "--view", view, "-o", out)
        assert result.exit_code == 0, (view, result.stderr)
        ET.fromstring(out.read_bytes())
