from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace


@pytest.mark.parametrize(
    ("removed", "said"),
    [
        (["    doing: Scrolls Instagram in the evening\n"], "doing"),
        (
            ["    thinking: That looks nicer than our coffee\n", "    feeling: Curious\n"],
            "thinking and feeling",
        ),
        (
            [
                "    doing: Scrolls Instagram in the evening\n",
                "    thinking: That looks nicer than our coffee\n",
                "    feeling: Curious\n",
            ],
            "doing, thinking and feeling",
        ),
    ],
)
def test_missing_customer_view_names_what_is_missing(
    tmp_path: Path, removed: list[str], said: str
) -> None:
    text = CLEAN
    for line in removed:
        text = replace(line, "", text)
    assert found(tmp_path, text, "missing-customer-view") == [("L105", *at(text, "id: ad"))]
    assert messages(tmp_path, text, "missing-customer-view") == [
        f"touchpoint 'ad' does not say what the customer is {said}"
    ]


def test_it_is_an_info(tmp_path: Path) -> None:
    from lintcheck import lint_json

    text = replace("    feeling: Curious\n", "")
    assert [f["severity"] for f in lint_json(tmp_path, text)] == ["info"]


def test_all_three_given(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "missing-customer-view") == []


def test_the_stage_lane_counts_for_its_touchpoints(tmp_path: Path) -> None:
    text = replace("    thinking: That looks nicer than our coffee\n    feeling: Curious\n", "")
    staged = replace(
        "    name: Hear about us\n",
        "    name: Hear about us\n    thinking: [Is it worth it, Who drinks this]\n",
        text,
    )
    assert found(tmp_path, staged, "missing-customer-view") == [("L105", *at(staged, "id: ad"))]
    assert messages(tmp_path, staged, "missing-customer-view") == [
        "touchpoint 'ad' does not say what the customer is feeling"
    ]
    both = replace("    thinking: [", "    feeling: Curious\n    thinking: [", staged)
    assert found(tmp_path, both, "missing-customer-view") == []


def test_another_stage_lane_does_not_count(tmp_path: Path) -> None:
    text = replace("    feeling: Curious\n", "")
    other = replace(
        "    name: Subscribe and pay\n", "    name: Subscribe and pay\n    feeling: Calm\n", text
    )
    assert found(tmp_path, other, "missing-customer-view") == [("L105", *at(other, "id: ad"))]
