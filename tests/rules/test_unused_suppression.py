from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

NO_OWNER = replace("    owner: Brand marketing\n", "")


def test_a_suppression_on_the_wrong_line(tmp_path: Path) -> None:
    text = replace(
        "    stage: awareness\n", "    stage: awareness  # cjmap: ignore[missing-owner]\n", NO_OWNER
    )
    assert found(tmp_path, text, "missing-owner") == [("L115", *at(text, "id: ad"))]
    assert found(tmp_path, text, "unused-suppression") == [("L002", *at(text, "# cjmap"))]
    assert messages(tmp_path, text, "unused-suppression") == [
        f"'# cjmap: ignore[missing-owner]' suppresses nothing for missing-owner: "
        f"no such finding on line {at(text, '# cjmap')[0]}"
    ]


def test_a_bare_ignore_that_suppresses_nothing(tmp_path: Path) -> None:
    text = replace("  - id: ad\n", "  # cjmap: ignore\n  - id: ad\n")
    line = at(text, "# cjmap")[0]
    assert messages(tmp_path, text, "unused-suppression") == [
        f"'# cjmap: ignore' suppresses nothing: no finding on line {line} or {line + 1}"
    ]


def test_an_ignore_file_that_suppresses_nothing(tmp_path: Path) -> None:
    text = "# cjmap: ignore-file[stale-map, missing-owner]\n" + NO_OWNER
    assert messages(tmp_path, text, "unused-suppression") == [
        "'# cjmap: ignore-file[stale-map, missing-owner]' suppresses nothing for stale-map: "
        "no such finding in this file"
    ]


def test_rules_not_run_are_not_counted(tmp_path: Path) -> None:
    text = "# cjmap: ignore-file[stale-map]\n" + CLEAN
    assert found(tmp_path, text, "unused-suppression", "--ignore", "stale-map") == []


def test_used_suppressions(tmp_path: Path) -> None:
    text = replace("  - id: ad\n", "  - id: ad  # cjmap: ignore[missing-owner]\n", NO_OWNER)
    assert found(tmp_path, text, "unused-suppression") == []
    assert found(tmp_path, CLEAN, "unused-suppression") == []
