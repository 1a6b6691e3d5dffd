from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace

from cjmap.config import DEFAULT_JARGON
from cjmap.rules import find_rule
from cjmap.rules.internal_jargon import jargon_pattern


def test_points_at_the_word_in_a_touchpoint_name(tmp_path: Path) -> None:
    text = replace("name: Pay for the first box", "name: Pay for the first SKU in the funnel")
    assert found(tmp_path, text, "internal-jargon") == [("L111", *at(text, "SKU"))]
    assert messages(tmp_path, text, "internal-jargon") == [
        "touchpoint 'checkout' is named 'Pay for the first SKU in the funnel', with the "
        "internal words 'SKU' and 'funnel'; name it in the customer's words"
    ]


def test_points_at_the_word_in_a_quoted_stage_name(tmp_path: Path) -> None:
    text = replace("name: Hear about us", 'name: "Top of funnel"')
    assert found(tmp_path, text, "internal-jargon") == [("L111", *at(text, "funnel"))]


def test_a_name_over_several_lines_points_at_the_name(tmp_path: Path) -> None:
    text = replace("name: Hear about us", "name: >-\n      Lead\n      nurturing")
    assert found(tmp_path, text, "internal-jargon") == [("L111", *at(text, ">-"))]


@pytest.mark.parametrize(
    ("name", "matches"),
    [
        ("Lead capture", True),
        ("Nurture leads", True),
        ("Upsell SKUs", True),
        ("Cross-sell a grinder", True),
        ("Our onboarding   flow", True),
        ("Misleading price", False),
        ("Leader board", False),
        ("Sell-through", False),
        ("Pay for the box", False),
        ("Get started", False),
    ],
)
def test_whole_words_in_any_case(name: str, matches: bool) -> None:
    pattern = jargon_pattern(DEFAULT_JARGON)
    assert pattern is not None
    assert bool(pattern.search(name)) is matches


def test_config_replaces_and_extends_the_list(tmp_path: Path) -> None:
    text = replace("name: Pay for the first box", "name: Pay the lead deposit")
    (tmp_path / "cjmap.toml").write_text('jargon = ["deposit"]\n', encoding="utf-8")
    assert found(tmp_path, text, "internal-jargon") == [("L111", *at(text, "deposit"))]
    (tmp_path / "cjmap.toml").write_text('extend-jargon = ["deposit"]\n', encoding="utf-8")
    assert messages(tmp_path, text, "internal-jargon") == [
        "touchpoint 'checkout' is named 'Pay the lead deposit', with the internal words "
        "'lead' and 'deposit'; name it in the customer's words"
    ]
    (tmp_path / "cjmap.toml").write_text("jargon = []\n", encoding="utf-8")
    assert found(tmp_path, text, "internal-jargon") == []


def test_the_docs_list_the_default_words() -> None:
    description = " ".join(find_rule("internal-jargon").info.description.split())
    for word in DEFAULT_JARGON:
        assert f" {word}," in description or f" {word}." in description, word


def test_customer_words(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "internal-jargon") == []
