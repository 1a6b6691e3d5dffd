"""The DOT of one example in every view, kept as golden files.

A change to a view shows up here as a diff of the DOT, to review like any other.
When the change is intended, write the new files and commit them:

    CJMAP_UPDATE_GOLDEN=1 python -m pytest tests/render/test_views_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cjmap.render.views import VIEWS, render_map
from cjmap.validate import validate_path
from conftest import EXAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
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
