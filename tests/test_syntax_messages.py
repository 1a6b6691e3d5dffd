"""Messages for the mistakes people make when they write a map by hand, through the CLI.

Each slip is a change to the minimal map; what validate must answer is the line, column,
code and message of the finding at fault (``--format json``).
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import MINIMAL, run_cli

# After the first touchpoint's last line: where a slip in a touchpoint's fields goes.
AD_END = "    channels: [web]\n  - id: checkout"


def _in_ad(lines: str) -> tuple[str, str]:
    """A change that adds ``lines`` to the end of touchpoint 'ad'."""
    return AD_END, AD_END.replace("  - id: checkout", f"{lines}  - id: checkout")


Finding = tuple[int, int, str, str]

# name -> (text replaced, replacement, the finding validate must give among its findings)
SLIPS: dict[str, tuple[str, str, Finding]] = {
    "missing-colon": (
        "    name: Pays for the box\n",
        "    name Pay for the tickets\n",
        (21, 5, "E001", "YAML syntax error: no ':' after the key 'name'; "
         "write 'name: Pay for the tickets'"),
    ),
    # The next line starts the next item: libyaml notices there, a line late.
    "missing-colon-after-the-last-key": (
        AD_END,
        "    channels web\n  - id: checkout",
        (19, 5, "E001", "YAML syntax error: no ':' after the key 'channels'; "
         "write 'channels: web'"),
    ),
    # libyaml notices at the next key, as a ':' that is not allowed.
    "missing-colon-after-the-first-key-of-an-item": (
        "  - id: checkout\n",
        "  - id checkout\n",
        (20, 5, "E001", "YAML syntax error: no ':' after the key 'id'; write 'id: checkout'"),
    ),
    "item-indented-one-space-too-far": (
        "  - id: checkout\n",
        "   - id: checkout\n",
        (20, 4, "E001", "YAML syntax error: item 2 of the list that starts at line 16 "
         "('id: checkout') is indented 3 spaces, but the items before it are indented 2; "
         "line up its '-' with theirs"),
    ),
    "item-indented-one-space-too-few": (
        "  - id: purchase\n",
        " - id: purchase\n",
        (10, 2, "E001", "YAML syntax error: item 2 of the list that starts at line 8 "
         "('id: purchase') is indented 1 space, but the items before it are indented 2; "
         "line up its '-' with theirs"),
    ),
    # The first item's '-' one space too far: its next key no longer lines up with its first.
    "first-item-indented-one-space-too-far": (
        "  - id: fix\n",
        "   - id: fix\n",
        (31, 5, "E001", "YAML syntax error: the keys of the list item at line 30 do not line "
         "up: 'id' starts at column 6, 'title' at column 5; indent them alike"),
    ),
    "key-indented-one-space-too-far": (
        "    stage: awareness\n",
        "     stage: awareness\n",
        (18, 11, "E001", "YAML syntax error: the key 'stage' is indented 5 spaces, but the key "
         "'name' on the line before is indented 4, so YAML reads this line as more of the text "
         "of 'name'; check this line's indentation"),
    ),
    "comma-inside-braces": (
        "    name: Website\n",
        "    name: Website\n  - {id: sites, name: Travel sites (Kayak, Trip Advisor)}\n",
        (15, 44, "E103", "channel 'sites' has unknown key 'Trip Advisor)'; a ',' inside {...} "
         "ends the text of 'name': put quotes around text with a comma, "
         'as in name: "Travel sites (Kayak, Trip Advisor)"'),
    ),
    "question-mark-inside-brackets": (
        *_in_ad("    thinking: [Is this the cheapest?, Did it go through?]\n"),
        (20, 36, "E001", "YAML syntax error: a '?' inside [...] or {...} ends the text; "
         "put quotes around text with a '?'"),
    ),
    "pain-with-a-wrong-key": (
        *_in_ad("    pains:\n      - problem: Too slow\n"),
        (21, 9, "E103", "pain 1 of touchpoint 'ad' has unknown key 'problem'; "
         "did you mean 'text'?"),
    ),
    # Quotes would make text of the list's brackets: never what the author meant.
    "list-inside-a-lane": (
        *_in_ad("    thinking:\n      - [Is it, Why]\n"),
        (21, 9, "E102", "item 1 of 'thinking' of touchpoint 'ad' must be text, not a list"),
    ),
    "list-for-text": (
        *_in_ad("    owner: [Web team, Ops]\n"),
        (20, 12, "E102", "'owner' of touchpoint 'ad' must be text, not a list"),
    ),
    "stage-by-name": (
        "    stage: purchase\n",
        "    stage: Purchase\n",
        (22, 12, "E201", "touchpoint 'checkout' names stage 'Purchase', which is not defined; "
         "did you mean 'purchase', the id of stage 'Purchase'?"),
    ),
    "channel-by-name": (
        AD_END,
        "    channels: [Website]\n  - id: checkout",
        (19, 16, "E202", "touchpoint 'ad' names channel 'Website', which is not defined; "
         "did you mean 'web', the id of channel 'Website'?"),
    ),
    "persona-by-name": (
        "    persona: parent\n",
        "    persona: busy parent\n",
        (27, 14, "E203", "journey 'first' names persona 'busy parent', which is not defined; "
         "did you mean 'parent', the id of persona 'Busy parent'?"),
    ),
    "step-by-name": (
        "steps: [ad, checkout]",
        "steps: [ad, Pays for the box]",
        (28, 17, "E204", "journey 'first' names touchpoint 'Pays for the box', which is not "
         "defined; did you mean 'checkout', the id of touchpoint 'Pays for the box'?"),
    ),
}  # fmt: skip


@pytest.mark.parametrize("slip", SLIPS)
def test_a_slip_is_reported_where_it_is_with_what_to_do(write_map: Any, slip: str) -> None:
    written, wanted, expected = SLIPS[slip]
    assert written in MINIMAL
    result = run_cli("validate", "--format", "json", write_map(MINIMAL.replace(written, wanted)))
    assert result.exit_code == 1, result.stdout + result.stderr
    found = [(f["line"], f["column"], f["code"], f["message"]) for f in result.json()]
    assert expected in found
    # The finding at fault stands alone, but for the missing key a misspelt one stands for.
    assert all(other == expected or other[2] == "E101" for other in found), found
    assert not any("x-" in message or "put quotes around it" in message for *_, message in found)


@pytest.mark.parametrize(
    ("slip", "bare", "quoted"),
    [
        (
            "question-mark-inside-brackets",
            "[Is this the cheapest?, Did it go through?]",
            '["Is this the cheapest?", "Did it go through?"]',
        ),
        (
            "comma-inside-braces",
            "Travel sites (Kayak, Trip Advisor)",
            '"Travel sites (Kayak, Trip Advisor)"',
        ),
    ],
)
def test_the_quotes_a_hint_asks_for_make_the_map_valid(
    write_map: Any, slip: str, bare: str, quoted: str
) -> None:
    written, wanted, _ = SLIPS[slip]
    text = MINIMAL.replace(written, wanted.replace(bare, quoted))
    assert run_cli("validate", write_map(text)).exit_code == 0


def test_a_comma_outside_braces_needs_no_quotes(write_map: Any) -> None:
    text = MINIMAL.replace("    name: Website\n", "    name: Travel sites (Kayak, Trip Advisor)\n")
    assert run_cli("validate", write_map(text)).exit_code == 0


def test_a_lane_written_as_a_list_is_accepted(write_map: Any) -> None:
    written, wanted = _in_ad("    thinking:\n      - Is this the cheapest?\n      - Why?\n")
    assert run_cli("validate", write_map(MINIMAL.replace(written, wanted))).exit_code == 0
