"""Suppression comments: on a finding's line, alone on the line above, for the whole file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

# In MINIMAL, touchpoint 'ad' starts on line 16 and 'checkout' on line 20; both lack an
# emotion (L104), the customer's view (L105) and an owner (L115).
AD = "  - id: ad\n"
CHECKOUT = "  - id: checkout\n"


def lint(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    # MINIMAL gives no updated date: undated-map would be on line 3 of every run.
    (tmp_path / "cjmap.toml").write_text('ignore = ["undated-map"]\n', encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("lint", "-f", "json", path)
    assert result.exit_code in (0, 1), result.stderr
    return [(finding["code"], finding["line"]) for finding in result.json()]


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_without_comments(tmp_path: Path) -> None:
    assert lint(tmp_path, MINIMAL) == [
        ("L104", 16),
        ("L105", 16),
        ("L115", 16),
        ("L104", 20),
        ("L105", 20),
        ("L115", 20),
    ]


@pytest.mark.parametrize(
    "comment",
    [
        "# cjmap: ignore[missing-owner]",
        "# cjmap: ignore[L115]",
        "#cjmap:ignore[ missing-owner ]",
        "# cjmap: ignore[missing-owner]  the agency built it; nobody has taken it over",
    ],
)
def test_inline_comment_suppresses_that_rule_on_that_line(tmp_path: Path, comment: str) -> None:
    text = edit(AD, f"  - id: ad  {comment}\n")
    assert ("L115", 16) not in lint(tmp_path, text)
    assert ("L115", 20) in lint(tmp_path, text)
    assert ("L104", 16) in lint(tmp_path, text)


def test_several_rules_in_one_comment(tmp_path: Path) -> None:
    text = edit(AD, "  - id: ad  # cjmap: ignore[missing-owner, L104,missing-customer-view]\n")
    assert [found for found in lint(tmp_path, text) if found[1] == 16] == []


def test_bare_ignore_suppresses_every_rule_on_the_line(tmp_path: Path) -> None:
    text = edit(AD, "  - id: ad  # cjmap: ignore\n")
    assert [code for code, line in lint(tmp_path, text)] == ["L104", "L105", "L115"]


def test_comment_alone_on_a_line_also_covers_the_next_line(tmp_path: Path) -> None:
    # The comment becomes line 16 and 'ad' moves to line 17.
    text = edit(AD, "  # cjmap: ignore[missing-owner]\n" + AD)
    assert ("L115", 17) not in lint(tmp_path, text)
    assert ("L115", 21) in lint(tmp_path, text)


def test_comment_alone_two_lines_above_does_not(tmp_path: Path) -> None:
    text = edit(AD, "  # cjmap: ignore[missing-owner]\n\n" + AD)
    assert ("L115", 18) in lint(tmp_path, text)
    assert ("L002", 16) in lint(tmp_path, text)


def test_ignore_file_anywhere(tmp_path: Path) -> None:
    text = MINIMAL + "# cjmap: ignore-file[missing-owner, L104]\n"
    assert [code for code, line in lint(tmp_path, text)] == ["L105", "L105"]


def test_bare_ignore_file_suppresses_every_rule(tmp_path: Path) -> None:
    assert lint(tmp_path, "# cjmap: ignore-file\n" + MINIMAL) == []


def test_validate_errors_cannot_be_suppressed(tmp_path: Path) -> None:
    text = edit("    stage: purchase\n", "    stage: purchse  # cjmap: ignore\n")
    text = "# cjmap: ignore-file\n" + text
    assert lint(tmp_path, text) == [("E201", 23)]


def test_suppressed_errors_do_not_fail_the_run(tmp_path: Path) -> None:
    text = edit("    channels: [web]\n", "    channels: [web]\n    personas: []\n")
    (tmp_path / "cjmap.toml").write_text("", encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    assert run_cli("lint", path).exit_code == 1
    path.write_text("# cjmap: ignore-file[journey-persona-mismatch]\n" + text, encoding="utf-8")
    assert run_cli("lint", path).exit_code == 0
