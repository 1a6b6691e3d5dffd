from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace

UNCOVERED = replace("    touchpoints: [checkout]\n", "    touchpoints: [ad]\n")


def test_uncovered_roadblock_points_at_the_pain(tmp_path: Path) -> None:
    assert found(tmp_path, UNCOVERED, "unaddressed-pain") == [
        ("L106", *at(UNCOVERED, "text: Shipping"))
    ]
    assert messages(tmp_path, UNCOVERED, "unaddressed-pain") == [
        "roadblock (high pain) on touchpoint 'checkout' has no planned or in-progress action: "
        "'Shipping cost appears only at the last step'"
    ]


@pytest.mark.parametrize(
    ("severity", "roadblock", "reported"),
    [
        ("critical", "false", True),
        ("high", "false", True),
        ("medium", "true", True),
        ("medium", "false", False),
        ("low", "false", False),
    ],
)
def test_which_pains_need_an_action(
    tmp_path: Path, severity: str, roadblock: str, reported: bool
) -> None:
    text = replace(
        "severity: high\n        roadblock: true",
        f"severity: {severity}\n        roadblock: {roadblock}",
        UNCOVERED,
    )
    assert bool(found(tmp_path, text, "unaddressed-pain")) is reported


def test_a_plain_text_pain_is_medium(tmp_path: Path) -> None:
    text = replace(
        "      - text: Shipping cost appears only at the last step\n"
        "        severity: high\n"
        "        roadblock: true\n",
        "      - Shipping cost appears only at the last step\n",
        UNCOVERED,
    )
    assert found(tmp_path, text, "unaddressed-pain") == []


def test_any_action_on_the_touchpoint_covers_it(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "unaddressed-pain") == []


@pytest.mark.parametrize(
    ("status", "answers"),
    [("planned", True), ("in-progress", True), ("idea", False), ("done", False)],
)
def test_only_a_planned_or_in_progress_action_answers(
    tmp_path: Path, status: str, answers: bool
) -> None:
    text = replace("    status: planned\n", f"    status: {status}\n")
    assert (found(tmp_path, text, "unaddressed-pain") == []) is answers


def test_an_action_without_a_status_is_an_idea(tmp_path: Path) -> None:
    text = replace("    status: planned\n", "")
    assert found(tmp_path, text, "unaddressed-pain") == [("L106", *at(text, "text: Shipping"))]


# Two severe pains on checkout, each with an id; the action names pains, not touchpoints.
TWO_PAINS = replace(
    "      - text: Shipping cost appears only at the last step\n",
    "      - id: card-typing\n"
    "        text: Typing a card number on a phone\n"
    "        severity: critical\n"
    "      - id: late-shipping\n"
    "        text: Shipping cost appears only at the last step\n",
    replace("    touchpoints: [checkout]\n    status", "    pains: [late-shipping]\n    status"),
)


def test_decided_per_pain_by_id(tmp_path: Path) -> None:
    assert found(tmp_path, TWO_PAINS, "unaddressed-pain") == [
        ("L106", *at(TWO_PAINS, "id: card-typing"))
    ]
    assert messages(tmp_path, TWO_PAINS, "unaddressed-pain") == [
        "critical pain on touchpoint 'checkout' has no planned or in-progress action: "
        "'Typing a card number on a phone'"
    ]


OPPORTUNITY = "opportunities:\n  - {id: easy-pay, title: Pay with a wallet, addresses: [%s]}\n"


def test_an_opportunity_alone_does_not_answer(tmp_path: Path) -> None:
    text = TWO_PAINS.replace("actions:\n", OPPORTUNITY % "card-typing, checkout" + "actions:\n")
    assert found(tmp_path, text, "unaddressed-pain") == [("L106", *at(text, "id: card-typing"))]


def test_an_action_answers_what_its_opportunity_addresses(tmp_path: Path) -> None:
    text = TWO_PAINS.replace("actions:\n", OPPORTUNITY % "card-typing" + "actions:\n")
    text = replace(
        "    pains: [late-shipping]\n",
        "    pains: [late-shipping]\n    opportunity: easy-pay\n",
        text,
    )
    assert found(tmp_path, text, "unaddressed-pain") == []


STAGE_PAIN = replace(
    "    name: Subscribe and pay\n",
    "    name: Subscribe and pay\n"
    "    pains:\n"
    "      - id: price-shock\n"
    "        text: The total is a surprise\n"
    "        roadblock: true\n",
)


def test_stage_pains_are_checked(tmp_path: Path) -> None:
    assert found(tmp_path, STAGE_PAIN, "unaddressed-pain") == [
        ("L106", *at(STAGE_PAIN, "id: price-shock"))
    ]
    assert messages(tmp_path, STAGE_PAIN, "unaddressed-pain") == [
        "roadblock (medium pain) on stage 'purchase' has no planned or in-progress action: "
        "'The total is a surprise'"
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "    pains: [price-shock]\n",
        "    opportunity: clear-total\n",
    ],
    ids=["by the pain's id", "by an opportunity that addresses the stage"],
)
def test_a_stage_pain_answered(tmp_path: Path, answer: str) -> None:
    text = STAGE_PAIN.replace(
        "actions:\n",
        "opportunities:\n"
        "  - {id: clear-total, title: Show the total early, addresses: [purchase]}\n"
        "actions:\n",
    )
    text = replace("    touchpoints: [checkout]\n", "    touchpoints: [checkout]\n" + answer, text)
    assert found(tmp_path, text, "unaddressed-pain") == []
