"""Messages for the mistakes people make when they write a map by hand, through the CLI."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import MINIMAL, run_cli


def _validate(write_map: Any, text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, code, message) of each finding of ``validate --format json``."""
    result = run_cli("validate", "--format", "json", write_map(text))
    assert result.exit_code == 1, result.stdout + result.stderr
    return [(f["line"], f["column"], f["code"], f["message"]) for f in result.json()]


def test_a_missing_colon_is_reported_on_the_line_that_lacks_it(write_map: Any) -> None:
    text = MINIMAL.replace("    name: Pays for the box\n", "    name Pay for the tickets\n")
    assert _validate(write_map, text) == [
        (
            21,
            5,
            "E001",
            "YAML syntax error: no ':' after the key 'name'; write 'name: Pay for the tickets'",
        ),
    ]


def test_a_missing_colon_after_the_last_key_of_an_item(write_map: Any) -> None:
    # The next line starts the next item: libyaml notices there, a line late.
    text = MINIMAL.replace(
        "    channels: [web]\n  - id: checkout", "    channels web\n  - id: checkout"
    )
    assert _validate(write_map, text) == [
        (
            19,
            5,
            "E001",
            "YAML syntax error: no ':' after the key 'channels'; write 'channels: web'",
        ),
    ]


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("  - id checkout\n    name: Pays for the box\n", 20),  # a list item's first key
        ("  - id: checkout\n    name Pays for the box\n", 21),
    ],
)
def test_a_missing_colon_anywhere_in_an_item(write_map: Any, written: str, line: int) -> None:
    text = MINIMAL.replace("  - id: checkout\n    name: Pays for the box\n", written)
    [(found_line, column, code, message)] = _validate(write_map, text)
    assert (found_line, code) == (line, "E001")
    assert message.startswith("YAML syntax error: no ':' after the key ")
    assert column == 5


def test_a_list_item_indented_one_space_too_far(write_map: Any) -> None:
    text = MINIMAL.replace("  - id: checkout\n", "   - id: checkout\n")
    assert _validate(write_map, text) == [
        (
            20,
            4,
            "E001",
            "YAML syntax error: item 2 of the list that starts at line 16 ('id: checkout') "
            "is indented 3 spaces, but the items before it are indented 2; "
            "line up its '-' with theirs",
        ),
    ]


def test_a_list_item_indented_one_space_too_few(write_map: Any) -> None:
    text = MINIMAL.replace("  - id: purchase\n", " - id: purchase\n")
    [(line, column, code, message)] = _validate(write_map, text)
    assert (line, column, code) == (10, 2, "E001")
    assert "item 2 of the list that starts at line 8 ('id: purchase') is indented 1 space, " in (
        message
    )
    assert "the items before it are indented 2" in message


def test_an_unquoted_comma_in_a_flow_mapping_gets_a_hint_to_quote(write_map: Any) -> None:
    text = MINIMAL.replace(
        "    name: Website\n",
        "    name: Website\n  - {id: sites, name: Travel sites (Kayak, Trip Advisor)}\n",
    )
    assert _validate(write_map, text) == [
        (
            15,
            44,
            "E103",
            "channel 'sites' has unknown key 'Trip Advisor)'; a ',' inside {...} ends the text "
            "of 'name': put quotes around text with a comma, "
            'as in name: "Travel sites (Kayak, Trip Advisor)"',
        ),
    ]


def test_a_comma_in_a_block_mapping_needs_no_quotes(write_map: Any) -> None:
    text = MINIMAL.replace("    name: Website\n", "    name: Travel sites (Kayak, Trip Advisor)\n")
    result = run_cli("validate", write_map(text))
    assert result.exit_code == 0, result.stdout


def test_a_pain_with_a_wrong_key_is_pointed_at_text(write_map: Any) -> None:
    text = MINIMAL.replace(
        "    channels: [web]\n  - id: checkout",
        "    channels: [web]\n    pains:\n      - problem: Too slow\n  - id: checkout",
    )
    found = _validate(write_map, text)
    assert (
        21,
        9,
        "E103",
        "pain 1 of touchpoint 'ad' has unknown key 'problem'; did you mean 'text'?",
    ) in found
    assert not any("x-" in message for *_, message in found)
