from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace


def with_opportunity(fields: str, text: str = CLEAN) -> str:
    return replace(
        "actions:\n",
        f"opportunities:\n  - id: easy-pay\n    title: Pay in one tap\n{fields}actions:\n",
        text,
    )


def test_addresses_nothing(tmp_path: Path) -> None:
    text = with_opportunity("")
    assert found(tmp_path, text, "idle-opportunity") == [("L120", *at(text, "id: easy-pay"))]
    assert messages(tmp_path, text, "idle-opportunity") == [
        "opportunity 'easy-pay' addresses nothing; name the pains, touchpoints or stages "
        "it answers in addresses"
    ]


def test_chosen_with_no_action(tmp_path: Path) -> None:
    text = with_opportunity("    addresses: [checkout]\n    status: chosen\n")
    assert found(tmp_path, text, "idle-opportunity") == [("L120", *at(text, "chosen"))]
    assert messages(tmp_path, text, "idle-opportunity") == [
        "opportunity 'easy-pay' is chosen, but no action delivers it; "
        "add an action with opportunity: easy-pay"
    ]


def test_chosen_and_delivered(tmp_path: Path) -> None:
    text = with_opportunity("    addresses: [checkout]\n    status: chosen\n")
    text = replace(
        "    status: planned\n", "    opportunity: easy-pay\n    status: planned\n", text
    )
    assert found(tmp_path, text, "idle-opportunity") == []


def test_an_idea_needs_no_action(tmp_path: Path) -> None:
    text = with_opportunity("    addresses: [checkout]\n")
    assert found(tmp_path, text, "idle-opportunity") == []
    assert found(tmp_path, CLEAN, "idle-opportunity") == []
