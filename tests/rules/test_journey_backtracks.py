from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace


def test_points_at_the_step_that_goes_back(tmp_path: Path) -> None:
    text = replace("steps: [ad, checkout]", "steps: [ad, checkout, ad]")
    assert found(tmp_path, text, "journey-backtracks") == [
        ("L113", *at(text, "ad]", after="steps: [ad, checkout"))
    ]
    assert messages(tmp_path, text, "journey-backtracks") == [
        "journey 'first-order' moves back from stage 'purchase' to the earlier stage "
        "'awareness' at step 'ad'"
    ]


def test_each_move_back_once(tmp_path: Path) -> None:
    text = replace("steps: [ad, checkout]", "steps: [checkout, ad, ad, checkout, ad]")
    line, bracket = at(text, "[checkout, ad")
    # Columns after '[':  checkout 1, ad 11, ad 15, checkout 19, ad 29
    assert found(tmp_path, text, "journey-backtracks") == [
        ("L113", line, bracket + 11),
        ("L113", line, bracket + 29),
    ]


def test_staying_in_a_stage_or_moving_on(tmp_path: Path) -> None:
    same = replace("steps: [ad, checkout]", "steps: [ad, ad, checkout, checkout]")
    assert found(tmp_path, same, "journey-backtracks") == []
    assert found(tmp_path, CLEAN, "journey-backtracks") == []
