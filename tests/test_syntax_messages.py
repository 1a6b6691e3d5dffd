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


@pytest.mark.parametrize(
    ("written", "wanted", "line", "column", "code", "message"),
    [
        (
            "    stage: purchase\n",
            "    stage: Purchase\n",
            22,
            12,
            "E201",
            "touchpoint 'checkout' names stage 'Purchase', which is not defined; "
            "did you mean 'purchase', the id of stage 'Purchase'?",
        ),
        (
            "    channels: [web]\n  - id: checkout",
            "    channels: [Website]\n  - id: checkout",
            19,
            16,
            "E202",
            "touchpoint 'ad' names channel 'Website', which is not defined; "
            "did you mean 'web', the id of channel 'Website'?",
        ),
        (
            "    persona: parent\n",
            "    persona: busy parent\n",
            27,
            14,
            "E203",
            "journey 'first' names persona 'busy parent', which is not defined; "
            "did you mean 'parent', the id of persona 'Busy parent'?",
        ),
    ],
)
def test_a_reference_written_as_a_name_names_the_id(
    write_map: Any, written: str, wanted: str, line: int, column: int, code: str, message: str
) -> None:
    assert (line, column, code, message) in _validate(write_map, MINIMAL.replace(written, wanted))


def test_a_journey_step_written_as_a_touchpoint_name_names_its_id(write_map: Any) -> None:
    text = MINIMAL.replace("steps: [ad, checkout]", "steps: [ad, Pays for the box]")
    found = _validate(write_map, text)
    assert (
        28,
        17,
        "E204",
        "journey 'first' names touchpoint 'Pays for the box', which is not defined; "
        "did you mean 'checkout', the id of touchpoint 'Pays for the box'?",
    ) in found


def test_a_lane_written_as_a_list_is_accepted(write_map: Any) -> None:
    text = MINIMAL.replace(
        "    channels: [web]\n  - id: checkout",
        "    channels: [web]\n    thinking:\n      - Is this the cheapest?\n"
        "      - Did it go through?\n  - id: checkout",
    )
    result = run_cli("validate", write_map(text))
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(
    ("lane", "line", "column", "message"),
    [
        (
            "    thinking:\n      - [Is it, Why]\n",
            21,
            9,
            "item 1 of 'thinking' of touchpoint 'ad' must be text, not a list",
        ),
        (
            "    owner: [Web team, Ops]\n",
            20,
            12,
            "'owner' of touchpoint 'ad' must be text, not a list",
        ),
    ],
)
def test_a_list_where_text_belongs_is_never_told_to_take_quotes(
    write_map: Any, lane: str, line: int, column: int, message: str
) -> None:
    # Quotes would make text of the list's brackets: never what the author meant.
    text = MINIMAL.replace(
        "    channels: [web]\n  - id: checkout", f"    channels: [web]\n{lane}  - id: checkout"
    )
    assert _validate(write_map, text) == [(line, column, "E102", message)]


def test_a_question_mark_in_a_flow_list_gets_a_hint_to_quote(write_map: Any) -> None:
    text = MINIMAL.replace(
        "    channels: [web]\n  - id: checkout",
        "    channels: [web]\n    thinking: [Is this the cheapest?, Did it go through?]\n"
        "  - id: checkout",
    )
    assert _validate(write_map, text) == [
        (
            20,
            36,
            "E001",
            "YAML syntax error: a '?' inside [...] or {...} ends the text; "
            "put quotes around text with a '?'",
        )
    ]
    quoted = text.replace(
        "[Is this the cheapest?, Did it go through?]",
        '["Is this the cheapest?", "Did it go through?"]',
    )
    assert run_cli("validate", write_map(quoted)).exit_code == 0
