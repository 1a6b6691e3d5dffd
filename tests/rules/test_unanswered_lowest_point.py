from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace

# CLEAN's checkout is at -2 and its action (planned) names it.
UNANSWERED = replace("    touchpoints: [checkout]\n", "    touchpoints: [ad]\n")


def test_the_lowest_touchpoint_without_an_answer(tmp_path: Path) -> None:
    assert found(tmp_path, UNANSWERED, "unanswered-lowest-point") == [
        ("L118", *at(UNANSWERED, "-2"))
    ]
    assert messages(tmp_path, UNANSWERED, "unanswered-lowest-point") == [
        "touchpoint 'checkout' is a lowest point of the map (emotion -2), "
        "and no open action or opportunity answers it"
    ]


@pytest.mark.parametrize(("status", "answers"), [("idea", True), ("done", False)])
def test_an_open_action_answers(tmp_path: Path, status: str, answers: bool) -> None:
    text = replace("    status: planned\n", f"    status: {status}\n")
    assert (found(tmp_path, text, "unanswered-lowest-point") == []) is answers


@pytest.mark.parametrize(("status", "answers"), [("exploring", True), ("rejected", False)])
def test_an_open_opportunity_answers(tmp_path: Path, status: str, answers: bool) -> None:
    text = UNANSWERED.replace(
        "actions:\n",
        "opportunities:\n"
        f"  - {{id: easy-pay, title: Pay in one tap, addresses: [checkout], status: {status}}}\n"
        "actions:\n",
    )
    assert (found(tmp_path, text, "unanswered-lowest-point") == []) is answers


def test_an_answer_to_one_of_its_pains_counts(tmp_path: Path) -> None:
    text = replace(
        "      - text: Shipping cost appears only at the last step\n",
        "      - id: late-shipping\n        text: Shipping cost appears only at the last step\n",
        UNANSWERED,
    )
    text = replace("    touchpoints: [ad]\n", "    pains: [late-shipping]\n", text)
    assert found(tmp_path, text, "unanswered-lowest-point") == []


def test_per_persona_emotion_points_at_the_persona(tmp_path: Path) -> None:
    text = replace("    emotion: -2\n", "    emotion: {parent: -2}\n", UNANSWERED)
    assert found(tmp_path, text, "unanswered-lowest-point") == [("L118", *at(text, "-2"))]
    assert messages(tmp_path, text, "unanswered-lowest-point") == [
        "touchpoint 'checkout' is a lowest point of the map (emotion -2 for persona "
        "'parent'), and no open action or opportunity answers it"
    ]


def test_a_stage_at_the_bottom(tmp_path: Path) -> None:
    text = replace("    name: Hear about us\n", "    name: Hear about us\n    emotion: -2\n")
    assert found(tmp_path, text, "unanswered-lowest-point") == [("L118", *at(text, "-2"))]
    assert messages(tmp_path, text, "unanswered-lowest-point") == [
        "stage 'awareness' is a lowest point of the map (emotion -2), "
        "and no open action or opportunity answers it"
    ]


def test_above_the_bottom(tmp_path: Path) -> None:
    text = replace("    emotion: -2\n", "    emotion: -1\n", UNANSWERED)
    assert found(tmp_path, text, "unanswered-lowest-point") == []
    assert found(tmp_path, CLEAN, "unanswered-lowest-point") == []
