from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

UNMAPPED = replace(
    "channels:\n",
    "  - id: advocacy\n    name: Tell friends about it\nchannels:\n",
)


def test_clean_map_has_no_findings_at_all(tmp_path: Path) -> None:
    from lintcheck import lint_json

    assert lint_json(tmp_path, CLEAN) == []


def test_stage_without_touchpoints_points_at_the_stage_id(tmp_path: Path) -> None:
    assert found(tmp_path, UNMAPPED, "stage-without-touchpoints") == [
        ("L101", *at(UNMAPPED, "advocacy"))
    ]
    assert messages(tmp_path, UNMAPPED, "stage-without-touchpoints") == [
        "stage 'advocacy' (Tell friends about it) has no touchpoint: "
        "nobody has mapped how customers meet the brand here"
    ]


def test_a_stage_with_one_touchpoint_is_mapped(tmp_path: Path) -> None:
    mapped = replace("    stage: purchase\n", "    stage: advocacy\n", UNMAPPED)
    mapped = replace("steps: [ad, checkout]", "steps: [ad]", mapped)
    # purchase has lost its only touchpoint, advocacy has gained one.
    assert found(tmp_path, mapped, "stage-without-touchpoints") == [
        ("L101", *at(mapped, "purchase"))
    ]
