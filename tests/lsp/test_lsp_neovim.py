"""Debian's Neovim, with its built-in LSP client, gets diagnostics, definition and hover."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).with_name("neovim.lua")


@pytest.mark.skipif(NVIM is None, reason="needs Neovim (nvim); .ci/run installs Debian's neovim")
def test_neovim_shows_diagnostics_and_jumps_to_a_definition(tmp_path: Path) -> None:
    assert NVIM is not None
    text = (EXAMPLES / "coffee-subscription.yaml").read_text(encoding="utf-8")
    broken = text.replace("stage: purchase\n", "stage: purchse\n", 1)
    path = tmp_path / "map.yaml"
    path.write_text(broken, encoding="utf-8")
    lines = broken.split("\n")
    bad_line = lines.index("    stage: purchse")
    # The first step of the first journey, on the line after "steps:".
    step_line = next(number for number, line in enumerate(lines) if line.strip() == "steps:") + 1
    step_id = lines[step_line].split("- ", 1)[1].strip()
    column = lines[step_line].index(step_id)
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "CJMAP_PYTHON": sys.executable,
        "CJMAP_LINE": str(step_line + 1),
        "CJMAP_COL": str(column + 1),
        "CJMAP_OUT": str(out),
    }
    subprocess.run(
        [NVIM, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {SCRIPT}", str(path)],
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
        capture_output=True,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    [error] = [d for d in result["diagnostics"] if d["code"] == "E201"]
    assert (error["lnum"], error["col"], error["source"]) == (bad_line, 11, "cjmap")
    assert "did you mean 'purchase'?" in error["message"]
    definition = result["definition"]
    if isinstance(definition, list):
        [definition] = definition
    assert definition["uri"] == path.as_uri()
    defined = lines.index(f"  - id: {step_id}")
    assert definition["range"]["start"] == {"line": defined, "character": 8}
    assert f"**touchpoint** `{step_id}`" in result["hover"]["contents"]["value"]
