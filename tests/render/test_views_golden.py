"""The DOT of one example in every view, kept as golden files, and the pictures in the docs.

A change to a view shows up here as a diff of the DOT, to review like any other.
When the change is intended, write the new files and commit them:

    CJMAP_UPDATE_GOLDEN=1 python -m pytest tests/render/test_views_golden.py
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cjmap.render.views import VIEWS, render_map
from cjmap.validate import validate_path
from conftest import EXAMPLES, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"
EXAMPLE = EXAMPLES / "coffee-subscription.yaml"


@pytest.mark.parametrize("view", list(VIEWS))
def test_dot_matches_the_golden_file(view: str) -> None:
    model = validate_path(EXAMPLE).model
    assert model is not None
    source = render_map(model, view)
    golden = GOLDEN / f"{EXAMPLE.stem}.{view}.dot"
    if os.environ.get("CJMAP_UPDATE_GOLDEN") == "1":
        golden.write_text(source, encoding="utf-8", newline="\n")
    assert golden.exists(), f"no {golden.name}; write it with CJMAP_UPDATE_GOLDEN=1"
    assert source == golden.read_text(encoding="utf-8"), (
        f"the {view} view changed; if that is intended, rerun with CJMAP_UPDATE_GOLDEN=1 "
        "and commit the new golden file"
    )


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_pictures_in_the_docs_are_of_the_current_views(example: Path, view: str) -> None:
    """The README's pictures draw the nodes today's views draw (checked without Graphviz,
    by name); after changing a view, redraw them with docs/images/regenerate.sh."""
    model = validate_path(example).model
    assert model is not None
    statements = re.findall(r"^\s+(\w+) \[(.*)\];$", render_map(model, view), re.MULTILINE)
    expected = {
        name
        for name, values in statements
        if name not in ("graph", "node", "edge") and 'style="invis"' not in values
    }
    svg = ET.parse(ROOT / "docs" / "images" / f"{example.stem}.{view}.svg").getroot()
    shown = {
        title.text
        for group in svg.iter(f"{SVG}g")
        if "node" in (group.get("class") or "").split()
        and (title := group.find(f"{SVG}title")) is not None
    }
    assert shown == expected, "stale picture: run docs/images/regenerate.sh"
