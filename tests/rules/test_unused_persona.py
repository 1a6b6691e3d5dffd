from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

WITH_BARISTA = replace("stages:\n", "  - id: barista\n    name: Home barista\nstages:\n")


def test_unused_persona_points_at_its_id(tmp_path: Path) -> None:
    assert found(tmp_path, WITH_BARISTA, "unused-persona") == [
        ("L103", *at(WITH_BARISTA, "barista"))
    ]
    assert messages(tmp_path, WITH_BARISTA, "unused-persona") == [
        "persona 'barista' (Home barista) is declared, but no journey or touchpoint names it"
    ]


def test_a_persona_named_by_a_touchpoint_is_used(tmp_path: Path) -> None:
    named = replace(
        "    owner: Brand marketing\n",
        "    owner: Brand marketing\n    personas: [parent, barista]\n",
        WITH_BARISTA,
    )
    assert found(tmp_path, named, "unused-persona") == []


def test_a_persona_with_a_journey_is_used(tmp_path: Path) -> None:
    journey = WITH_BARISTA.replace(
        "actions:\n",
        "  - {id: barista-order, name: Barista order, persona: barista, steps: [checkout]}\n"
        "actions:\n",
    )
    assert found(tmp_path, journey, "unused-persona") == []
    assert found(tmp_path, CLEAN, "unused-persona") == []
