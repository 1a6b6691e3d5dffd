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
        "roadblock (high pain) on touchpoint 'checkout' has no action: "
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
