from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace


def test_unknown_rule_name_with_suggestion(tmp_path: Path) -> None:
    text = replace("  - id: ad\n", "  - id: ad  # cjmap: ignore[missing-ownr]\n")
    assert found(tmp_path, text, "invalid-suppression") == [("L001", *at(text, "missing-ownr"))]
    assert messages(tmp_path, text, "invalid-suppression") == [
        "ignore: 'missing-ownr' is not a lint rule; did you mean 'missing-owner'?"
    ]


def test_each_bad_name_in_a_list_at_its_own_column(tmp_path: Path) -> None:
    text = replace("  - id: ad\n", "  - id: ad  # cjmap: ignore[L115, nope, L999]\n")
    assert found(tmp_path, text, "invalid-suppression") == [
        ("L001", *at(text, "nope")),
        ("L001", *at(text, "L999")),
    ]


def test_validate_checks_cannot_be_suppressed(tmp_path: Path) -> None:
    text = replace("  - id: ad\n", "  - id: ad  # cjmap: ignore[E201]\n")
    assert messages(tmp_path, text, "invalid-suppression") == [
        "ignore: 'E201' is a check of cjmap validate (E201 undefined-stage), not a lint rule: "
        "validate errors cannot be selected, ignored or suppressed"
    ]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        (
            "# cjmap: ignroe[missing-owner]",
            "'# cjmap: ignroe[missing-owner]' is not a suppression comment; "
            "did you mean '# cjmap: ignore[rule-name]'?",
        ),
        (
            "# cjmap: ignore-files[stale-map]",
            "'# cjmap: ignore-files[stale-map]' is not a suppression comment; "
            "did you mean '# cjmap: ignore-file[rule-name]'?",
        ),
        (
            "# cjmap: ignore[missing-owner",
            "'# cjmap: ignore[missing-owner' is not a suppression comment; "
            "write '# cjmap: ignore[rule, ...]'",
        ),
        (
            "# cjmap: ignore missing-owner",
            "'# cjmap: ignore missing-owner' is not a suppression comment; "
            "write '# cjmap: ignore[rule, ...]'",
        ),
        (
            "# cjmap: ignore[]",
            "'# cjmap: ignore[]' names no rule; write '# cjmap: ignore[rule-name]', "
            "or '# cjmap: ignore' for every rule",
        ),
    ],
)
def test_malformed_comments(tmp_path: Path, comment: str, message: str) -> None:
    text = CLEAN + comment + "\n"
    line = len(CLEAN.splitlines()) + 1
    assert found(tmp_path, text, "invalid-suppression") == [("L001", line, 10)]
    assert messages(tmp_path, text, "invalid-suppression") == [message]


@pytest.mark.parametrize(
    "comment",
    [
        "# cjmap: lint runs on this file in CI",
        "# cjmap: 1 is the format version",
        "#cjmap: ignore[missing-owner] has a reason after it",
        "# cjmap: ignore-file[stale-map] -- kept as the 2020 baseline",
    ],
)
def test_other_comments_and_valid_ones_are_fine(tmp_path: Path, comment: str) -> None:
    assert found(tmp_path, CLEAN + comment + "\n", "invalid-suppression") == []


def test_inside_a_quoted_value_is_not_a_comment(tmp_path: Path) -> None:
    text = replace("name: Website", "name: 'Web#cjmap: ignroe'")
    assert found(tmp_path, text, "invalid-suppression") == []
