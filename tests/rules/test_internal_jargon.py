from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lintcheck import CLEAN, at, found, messages, replace

from cjmap.lint.registry import find_rule
from cjmap.lint.rules.internal_jargon import DEFAULT_JARGON, jargon_pattern, may_have_jargon


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


TURKISH = ("sat\u0131\u015f hunisi",)  # "sales funnel", with a dotless i


@pytest.mark.parametrize(
    ("text", "words", "quick"),
    [
        ("Pay for the box\nGet started", DEFAULT_JARGON, False),  # ASCII, nothing: no
        ("Pay\nMisleading price", DEFAULT_JARGON, True),  # a part of a word: look closer
        ("Upsell SKUs", DEFAULT_JARGON, True),
        ("Pay the \u017fku", DEFAULT_JARGON, True),  # not ASCII: the quick look cannot tell
        ("SATI\u015e HUN\u0130S\u0130", TURKISH, True),  # a word of the list not in ASCII
        ("Pay", (), True),  # no list: the rule decides
    ],
)
def test_the_quick_look_says_no_only_for_ascii_text_without_the_words(
    text: str, words: tuple[str, ...], quick: bool
) -> None:
    assert may_have_jargon(text, words) is quick


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "lead",
                "LEADS",
                "Sku",
                "onboarding",
                "FLOW",
                "\t",
                " ",
                "\n",
                "-",
                "\u017f",
                "\u0131",
                "x",
                "\u0130",
            ]
        ),
        max_size=8,
    )
)
def test_the_quick_look_never_misses_a_word(parts: list[str]) -> None:
    text = "".join(parts)
    pattern = jargon_pattern(DEFAULT_JARGON)
    assert pattern is not None
    if pattern.search(text):
        assert may_have_jargon(text, DEFAULT_JARGON)
