from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace

WITH_ID = replace(
    "      - text: Shipping cost appears only at the last step\n",
    "      - id: late-shipping\n        text: Shipping cost appears only at the last step\n",
)


def naming(status: str) -> str:
    return replace(
        "    touchpoints: [checkout]\n    status: planned\n",
        f"    touchpoints: [checkout]\n    pains: [late-shipping]\n    status: {status}\n",
        WITH_ID,
    )


def test_a_done_action_whose_pain_is_still_there(tmp_path: Path) -> None:
    text = naming("done")
    assert found(tmp_path, text, "done-action-pain-remains") == [
        ("L117", *at(text, "late-shipping]"))
    ]
    assert messages(tmp_path, text, "done-action-pain-remains") == [
        "action 'show-shipping-early' is done, but its pain 'late-shipping' is still on "
        "touchpoint 'checkout'; take the pain off the map, or reopen the action"
    ]


@pytest.mark.parametrize("status", ["idea", "planned", "in-progress"])
def test_open_actions_are_not_reported(tmp_path: Path, status: str) -> None:
    assert found(tmp_path, naming(status), "done-action-pain-remains") == []


def test_a_stage_pain(tmp_path: Path) -> None:
    text = replace(
        "    name: Subscribe and pay\n",
        "    name: Subscribe and pay\n"
        "    pains: [{id: price-shock, text: The total is a surprise}]\n",
    )
    text = replace("    status: planned\n", "    pains: [price-shock]\n    status: done\n", text)
    assert messages(tmp_path, text, "done-action-pain-remains") == [
        "action 'show-shipping-early' is done, but its pain 'price-shock' is still on "
        "stage 'purchase'; take the pain off the map, or reopen the action"
    ]


def test_clean(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "done-action-pain-remains") == []
