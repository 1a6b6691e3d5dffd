from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, lint_json, messages, replace

BARISTA_ONLY = replace("stages:\n", "  - id: barista\n    name: Home barista\nstages:\n").replace(
    "    owner: Brand marketing\n", "    owner: Brand marketing\n    personas: [barista]\n"
)


def test_points_at_the_step(tmp_path: Path) -> None:
    assert found(tmp_path, BARISTA_ONLY, "journey-persona-mismatch") == [
        ("L112", *at(BARISTA_ONLY, "ad", after="steps: ["))
    ]
    assert messages(tmp_path, BARISTA_ONLY, "journey-persona-mismatch") == [
        "journey 'first-order' is for persona 'parent', but its step 'ad' applies only to 'barista'"
    ]


def test_it_is_an_error_and_fails_the_run(tmp_path: Path) -> None:
    from conftest import run_cli

    assert [f["severity"] for f in lint_json(tmp_path, BARISTA_ONLY) if f["code"] == "L112"] == [
        "error"
    ]
    assert run_cli("lint", tmp_path / "map.yaml").exit_code == 1


def test_touchpoints_for_the_persona_or_everyone(tmp_path: Path) -> None:
    both = BARISTA_ONLY.replace("personas: [barista]", "personas: [barista, parent]")
    assert found(tmp_path, both, "journey-persona-mismatch") == []
    assert found(tmp_path, CLEAN, "journey-persona-mismatch") == []
