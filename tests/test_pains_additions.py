"""`cjmap pains` with stage pains, pain ids, and the opportunities and actions that answer
each pain, read back as JSON."""

from __future__ import annotations

from typing import Any

from conftest import run_cli
from test_format_additions import RICH


def pains_json(write_map: Any, *options: str, text: str = RICH) -> list[dict[str, Any]]:
    result = run_cli("pains", write_map(text), "-f", "json", *options)
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = result.json()
    return rows


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_stage_pains_are_listed_with_their_stage_and_no_touchpoint(write_map: Any) -> None:
    rows = pains_json(write_map)
    by_text = {row["text"]: row for row in rows}
    stage_pain = by_text["Prices appear nowhere"]
    assert {key: stage_pain[key] for key in ("touchpoint", "touchpoint_name", "channels")} == {
        "touchpoint": None,
        "touchpoint_name": None,
        "channels": [],
    }
    assert (stage_pain["stage"], stage_pain["stage_name"]) == ("hear", "Hear about us")
    assert stage_pain["personas"] == ["parent", "barista"]
    assert stage_pain["emotion"] == -1  # the lowest of the stage's per-persona emotion
    assert stage_pain["line"] == line_of(RICH, "Prices appear nowhere")
    plain = by_text["Too many plans"]
    assert (plain["touchpoint"], plain["severity"], plain["pain_id"]) == (None, "medium", None)
    assert plain["line"] == line_of(RICH, "Too many plans")


def test_each_pain_names_the_opportunities_and_actions_that_answer_it(write_map: Any) -> None:
    rows = {row["text"]: row for row in pains_json(write_map)}
    answers = {
        text: (row["pain_id"], row["opportunities"], row["actions"], row["covered"])
        for text, row in rows.items()
    }
    assert answers == {
        # Named by id in show-prices, and by id in both actions' pains.
        "Prices appear nowhere": ("no-prices", ["show-prices"], ["price-page"], True),
        # show-prices addresses the stage 'hear', so this stage pain too; price-page
        # delivers show-prices.
        "Too many plans": (None, ["show-prices"], ["price-page"], True),
        "Shipping cost shows at the last step": (
            "late-shipping",
            ["show-prices"],
            ["price-page", "shipping-early"],
            True,
        ),
    }


def test_a_pain_only_an_opportunity_answers_is_not_covered(write_map: Any) -> None:
    text = RICH.replace(
        "    opportunity: show-prices\n    pains: [no-prices]\n", "    touchpoints: [search]\n"
    )
    text = text.replace("    pains: [late-shipping]\n", "")
    text = text.replace("    touchpoints: [checkout]\n", "    touchpoints: [search]\n")
    rows = {row["text"]: row for row in pains_json(write_map, text=text)}
    assert (
        rows["Prices appear nowhere"]["opportunities"],
        rows["Prices appear nowhere"]["actions"],
    ) == (
        ["show-prices"],
        [],
    )
    assert rows["Prices appear nowhere"]["covered"] is False


def test_a_rejected_opportunity_answers_nothing(write_map: Any) -> None:
    text = RICH.replace("    status: chosen\n", "    status: rejected\n")
    rows = {row["text"]: row for row in pains_json(write_map, text=text)}
    assert rows["Too many plans"]["opportunities"] == []
    assert rows["Too many plans"]["actions"] == []  # price-page delivers a rejected one
    assert rows["Prices appear nowhere"]["actions"] == ["price-page"]  # named by id


def test_filters_apply_to_stage_pains(write_map: Any) -> None:
    def texts(*options: str) -> list[str]:
        return [row["text"] for row in pains_json(write_map, *options)]

    stage_pains = ["Prices appear nowhere", "Too many plans"]
    assert texts("--stage", "hear") == stage_pains
    assert texts("--stage", "buy") == ["Shipping cost shows at the last step"]
    # A stage's own pains happen over no channel in particular, and to every persona.
    assert texts("--channel", "web") == ["Shipping cost shows at the last step"]
    assert set(stage_pains) <= set(texts("--persona", "barista"))


def test_journey_filter_keeps_the_stage_pains_of_stages_it_passes(write_map: Any) -> None:
    text = RICH + (
        "journeys:\n  - {id: quick, name: Quick order, persona: parent, steps: [checkout]}\n"
    )
    rows = pains_json(write_map, "--journey", "quick", text=text)
    assert [row["text"] for row in rows] == ["Shipping cost shows at the last step"]


def test_the_table_shows_a_stage_pain_at_its_stage(write_map: Any) -> None:
    result = run_cli("pains", write_map(RICH), "--stage", "hear")
    assert result.exit_code == 0
    assert "hear (stage)" in result.stdout
    markdown = run_cli("pains", write_map(RICH), "-f", "markdown").stdout
    assert "| Pain id | Opportunities | Actions |" in markdown
    assert "no-prices | show-prices | price-page |" in markdown
