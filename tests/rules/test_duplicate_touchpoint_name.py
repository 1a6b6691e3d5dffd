from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace


def test_points_at_the_second_name(tmp_path: Path) -> None:
    text = replace("name: See a friend's coffee photo", "name: pay for the  first box")
    text = replace("steps: [ad, checkout]", "steps: [checkout]", text)
    second = at(text, "Pay for the first box")
    assert found(tmp_path, text, "duplicate-touchpoint-name") == [("L114", *second)]
    assert messages(tmp_path, text, "duplicate-touchpoint-name") == [
        f"touchpoint 'checkout' has the same name as touchpoint 'ad' "
        f"(line {at(text, 'pay for')[0]}): 'Pay for the first box'"
    ]


def test_different_names(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "duplicate-touchpoint-name") == []
