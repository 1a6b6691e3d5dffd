"""Stage lanes, lifecycle, pain ids, opportunities, emotion per persona, curves, blueprint
lanes and organisations: read through the CLI, every mistake with its line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cjmap.loader import load_text
from cjmap.model import emotion_for, texts
from cjmap.validate import validate_document
from conftest import run_cli

RICH = """\
cjmap: 1
map:
  title: Every addition
personas:
  - {id: parent, name: Busy parent}
  - {id: barista, name: Home barista}
organisations:
  - {id: us, name: Bean Post}
  - {id: courier, name: Parcel courier, kind: partner}
  - {id: search-engine, name: Search engine, kind: third-party}
curves:
  - {id: enjoyable, name: How enjoyable it was}
  - {id: helpful, name: How helpful we were, description: In the customer's words}
stages:
  - id: hear
    name: Hear about us
    lifecycle: awareness
    timeframe: Weeks before the first order
    doing: [Asks friends, Searches online]
    thinking: Is this for me?
    feeling: [Curious, A little wary]
    emotion: {parent: 1, barista: -1}
    curves: {enjoyable: 1, helpful: 0}
    pains:
      - {id: no-prices, text: Prices appear nowhere, severity: high}
      - Too many plans
    delights: [Friendly photos]
  - id: buy
    name: Buy the first box
    lifecycle: purchase
channels:
  - {id: web, name: Website, kind: digital}
touchpoints:
  - id: search
    name: Search for coffee by post
    stage: hear
    channels: [web]
    organisation: search-engine
    emotion: 0
    curves: {helpful: -1}
  - id: checkout
    name: Pay for the first box
    stage: buy
    channels: [web]
    organisation: us
    owner: E-commerce team
    doing: Pays on the phone
    thinking: ["Why is shipping extra?", "Did it go through?"]
    emotion: {parent: -2, barista: 1}
    backstage: [The payment provider checks the card, The warehouse reserves a box]
    support: Payment provider
    pains:
      - {id: late-shipping, text: Shipping cost shows at the last step, severity: high}
opportunities:
  - id: show-prices
    title: Show prices and shipping from the first page
    description: One price, shipping included, everywhere
    addresses: [no-prices, late-shipping, checkout, hear]
    impact: high
    effort: low
    status: chosen
    evidence: observed
  - id: fewer-plans
    title: Offer two plans instead of five
actions:
  - id: price-page
    title: Write the prices page
    opportunity: show-prices
    pains: [no-prices]
    status: planned
  - id: shipping-early
    title: Show shipping on the product page
    touchpoints: [checkout]
    pains: [late-shipping]
"""


def validate_json(write_map: Any, text: str) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli("validate", "--format", "json", write_map(text))
    return result.exit_code, result.json()


def test_a_map_with_every_addition_is_valid(write_map: Any) -> None:
    assert validate_json(write_map, RICH) == (0, [])


def test_the_additions_are_read_into_the_model() -> None:
    model = validate_document(load_text(RICH, "map.yaml")).model
    assert model is not None
    hear, buy = model.stages
    assert (hear.lifecycle, hear.timeframe, buy.lifecycle) == (
        "awareness",
        "Weeks before the first order",
        "purchase",
    )
    assert texts(hear.doing) == ["Asks friends", "Searches online"]
    assert texts(hear.thinking) == ["Is this for me?"]
    assert texts(buy.doing) == []
    assert hear.emotion == {"parent": 1, "barista": -1}
    assert (hear.emotion_for("parent"), hear.emotion_for(), buy.emotion_for()) == (1, -1, None)
    assert hear.curves == {"enjoyable": 1, "helpful": 0}
    assert [(p.id, p.severity) for p in hear.pains] == [("no-prices", "high"), (None, "medium")]
    assert hear.delights == ["Friendly photos"]
    search, checkout = model.touchpoints
    assert (search.organisation, search.curves, search.emotion_for("parent")) == (
        "search-engine",
        {"helpful": -1},
        0,
    )
    assert texts(checkout.backstage) == [
        "The payment provider checks the card",
        "The warehouse reserves a box",
    ]
    assert texts(checkout.support) == ["Payment provider"]
    assert checkout.emotion_for("barista") == 1 and checkout.emotion_for() == -2
    assert [o.kind for o in model.organisations] == ["own", "partner", "third-party"]
    assert [c.id for c in model.curves] == ["enjoyable", "helpful"]
    chosen, idea = model.opportunities
    assert (chosen.impact, chosen.effort, chosen.status, chosen.evidence) == (
        "high",
        "low",
        "chosen",
        "observed",
    )
    assert chosen.addresses == ["no-prices", "late-shipping", "checkout", "hear"]
    assert (idea.status, idea.evidence, idea.addresses, idea.impact) == (
        "idea",
        "hypothesis",
        [],
        None,
    )
    page, early = model.actions
    assert (page.opportunity, page.pains, page.touchpoints) == ("show-prices", ["no-prices"], [])
    assert early.pains == ["late-shipping"]
    assert {key: holder.id for key, (_, holder) in model.pains_by_id.items()} == {
        "no-prices": "hear",
        "late-shipping": "checkout",
    }


def test_emotion_for_a_persona_without_a_score_is_none() -> None:
    assert emotion_for({"parent": -1}, "barista") is None
    assert emotion_for(2, "barista") == 2
    assert emotion_for(None) is None


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


MISTAKES = [
    pytest.param(
        "    lifecycle: purchase\n",
        "    lifecycle: purchse\n",
        "E102",
        "    lifecycle: purchse",
        "'lifecycle' of stage 'buy' must be one of awareness, consideration, purchase, "
        "onboarding, use, support, loyalty, advocacy, not 'purchse'; did you mean 'purchase'?",
        id="unknown-lifecycle",
    ),
    pytest.param(
        "    doing: Pays on the phone\n",
        "    doing: 5\n",
        "E102",
        "    doing: 5",
        "'doing' of touchpoint 'checkout' must be text or a list of texts, not 5",
        id="lane-number",
    ),
    pytest.param(
        "    doing: Pays on the phone\n",
        "    doing: {card: yes}\n",
        "E102",
        "    doing: {card",
        "'doing' of touchpoint 'checkout' must be text or a list of texts, not a mapping",
        id="lane-mapping",
    ),
    pytest.param(
        "    feeling: [Curious, A little wary]\n",
        "    feeling: [Curious, 12]\n",
        "E102",
        "    feeling: [Curious, 12]",
        "item 2 of 'feeling' of stage 'hear' must be text (put quotes around it), not 12",
        id="lane-item-number",
    ),
    pytest.param(
        "    feeling: [Curious, A little wary]\n",
        "    feeling: []\n",
        "E102",
        "    feeling: []",
        "'feeling' of stage 'hear' needs at least one item",
        id="lane-empty-list",
    ),
    pytest.param(
        "      - Too many plans\n",
        "      - {id: no-prices, text: Too many plans}\n",
        "E105",
        "      - {id: no-prices, text: Too many plans}",
        "pain id 'no-prices' is used twice (first at line 25); ids must be unique",
        id="duplicate-pain-id",
    ),
    pytest.param(
        "    addresses: [no-prices, late-shipping, checkout, hear]\n",
        "    addresses: [no-prices, late-shiping, checkout, hear]\n",
        "E209",
        "    addresses: [no-prices, late-shiping",
        "opportunity 'show-prices' addresses 'late-shiping', which is not the id of a pain, "
        "a touchpoint or a stage; did you mean 'late-shipping'?",
        id="unknown-addressed",
    ),
    pytest.param(
        "    impact: high\n",
        "    impact: huge\n",
        "E102",
        "    impact: huge",
        "'impact' of opportunity 'show-prices' must be one of low, medium, high, not 'huge'",
        id="bad-impact",
    ),
    pytest.param(
        "    status: chosen\n",
        "    status: choosen\n",
        "E102",
        "    status: choosen",
        "'status' of opportunity 'show-prices' must be one of idea, exploring, chosen, "
        "rejected, not 'choosen'; did you mean 'chosen'?",
        id="bad-opportunity-status",
    ),
    pytest.param(
        "    opportunity: show-prices\n",
        "    opportunity: show-price\n",
        "E206",
        "    opportunity: show-price",
        "action 'price-page' names opportunity 'show-price', which is not defined; "
        "did you mean 'show-prices'?",
        id="unknown-opportunity",
    ),
    pytest.param(
        "    pains: [no-prices]\n",
        "    pains: [no-price]\n",
        "E205",
        "    pains: [no-price]",
        "action 'price-page' names pain 'no-price', which is not defined; "
        "did you mean 'no-prices'?",
        id="unknown-pain",
    ),
    pytest.param(
        "    opportunity: show-prices\n    pains: [no-prices]\n",
        "",
        "E101",
        "  - id: price-page",
        "action 'price-page' names nothing it improves: add 'touchpoints', 'pains' "
        "(pain ids) or 'opportunity'",
        id="action-names-nothing",
    ),
    pytest.param(
        "    emotion: {parent: -2, barista: 1}\n",
        "    emotion: {parent: -2, barsta: 1}\n",
        "E203",
        "    emotion: {parent: -2, barsta",
        "'emotion' of touchpoint 'checkout' scores persona 'barsta', which is not defined; "
        "did you mean 'barista'?",
        id="unknown-persona-in-emotion",
    ),
    pytest.param(
        "    emotion: {parent: -2, barista: 1}\n",
        "    emotion: {parent: -3, barista: 1}\n",
        "E102",
        "    emotion: {parent: -3",
        "'emotion' of touchpoint 'checkout' for persona 'parent' must be a whole number "
        "from -2 to 2, not -3",
        id="persona-emotion-out-of-range",
    ),
    pytest.param(
        "    emotion: {parent: -2, barista: 1}\n",
        "    emotion: [-2, 1]\n",
        "E102",
        "    emotion: [-2, 1]",
        "'emotion' of touchpoint 'checkout' must be a whole number from -2 to 2 or a mapping "
        "from persona id to number, not a list",
        id="emotion-list",
    ),
    pytest.param(
        "    curves: {helpful: -1}\n",
        "    curves: {helpfull: -1}\n",
        "E207",
        "    curves: {helpfull",
        "'curves' of touchpoint 'search' scores curve 'helpfull', which is not defined; "
        "did you mean 'helpful'?",
        id="unknown-curve",
    ),
    pytest.param(
        "    curves: {enjoyable: 1, helpful: 0}\n",
        "    curves: {enjoyable: 3, helpful: 0}\n",
        "E102",
        "    curves: {enjoyable: 3",
        "'curves' of stage 'hear' for curve 'enjoyable' must be a whole number from -2 to 2, not 3",
        id="curve-score-out-of-range",
    ),
    pytest.param(
        "    curves: {helpful: -1}\n",
        "    curves: [helpful]\n",
        "E102",
        "    curves: [helpful]",
        "'curves' of touchpoint 'search' must be a mapping, not a list",
        id="curves-not-a-mapping",
    ),
    pytest.param(
        "    organisation: us\n",
        "    organisation: uss\n",
        "E208",
        "    organisation: uss",
        "touchpoint 'checkout' names organisation 'uss', which is not defined; did you mean 'us'?",
        id="unknown-organisation",
    ),
    pytest.param(
        "kind: third-party}",
        "kind: 3rd-party}",
        "E102",
        "  - {id: search-engine",
        "'kind' of organisation 'search-engine' must be one of own, partner, third-party, "
        "not '3rd-party'; did you mean 'third-party'?",
        id="bad-organisation-kind",
    ),
    pytest.param(
        "    support: Payment provider\n",
        "    support: [Payment provider, true]\n",
        "E102",
        "    support: [Payment provider, true]",
        "item 2 of 'support' of touchpoint 'checkout' must be text (put quotes around it), "
        "not true",
        id="support-item-boolean",
    ),
    pytest.param(
        "    timeframe: Weeks before the first order\n",
        "    timeframe: 12\n",
        "E102",
        "    timeframe: 12",
        "'timeframe' of stage 'hear' must be text (put quotes around it), not 12",
        id="timeframe-number",
    ),
    pytest.param(
        "  - {id: helpful, name:",
        "  - {id: enjoyable, name: Again}\n  - {id: helpful, name:",
        "E105",
        "  - {id: enjoyable, name: Again}",
        "curve id 'enjoyable' is used twice (first at line 12); ids must be unique",
        id="duplicate-curve-id",
    ),
]


MISTAKES += [
    pytest.param(
        "      - Too many plans\n",
        "      - {id: too many, text: Too many plans}\n",
        "E104",
        "      - {id: too many",
        "'too many' is not a valid id for pain 2 of stage 'hear': use letters, digits, '_', "
        "'.' and '-', starting with a letter or digit",
        id="pain-id-with-a-space",
    ),
    pytest.param(
        "  - id: fewer-plans\n",
        "  - id: show-prices  # again\n",
        "E105",
        "  - id: show-prices  # again",
        "opportunity id 'show-prices' is used twice (first at line 55); ids must be unique",
        id="duplicate-opportunity-id",
    ),
    pytest.param(
        "    evidence: observed\n",
        "    evidence: proven\n",
        "E102",
        "    evidence: proven",
        "'evidence' of opportunity 'show-prices' must be one of hypothesis, observed, "
        "validated, not 'proven'",
        id="bad-opportunity-evidence",
    ),
]


@pytest.mark.parametrize(("old", "new", "code", "where", "message"), MISTAKES)
def test_each_mistake_is_one_finding_at_its_place(
    write_map: Any, old: str, new: str, code: str, where: str, message: str
) -> None:
    assert old in RICH
    text = RICH.replace(old, new, 1)
    exit_code, findings = validate_json(write_map, text)
    assert exit_code == 1
    assert [(f["code"], f["message"]) for f in findings] == [(code, message)]
    assert findings[0]["line"] == line_of(text, where)
    assert findings[0]["column"] >= 1


def test_a_score_and_its_persona_are_pointed_at_exactly(write_map: Any) -> None:
    text = RICH.replace(
        "    emotion: {parent: 1, barista: -1}\n", "    emotion: {parent: 1, baristo: 3}\n"
    )
    _, findings = validate_json(write_map, text)
    line = line_of(text, "baristo")
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [
        ("E203", line, 26),  # at the key baristo
        ("E102", line, 35),  # at the value 3
    ]


def test_an_unknown_key_in_a_new_item_suggests_the_field(write_map: Any) -> None:
    text = RICH.replace("    impact: high\n", "    impakt: high\n")
    _, findings = validate_json(write_map, text)
    assert [f["message"] for f in findings] == [
        "opportunity 'show-prices' has unknown key 'impakt'; did you mean 'impact'?"
    ]


def test_a_map_without_the_additions_reads_as_before(tmp_path: Path) -> None:
    from conftest import MINIMAL

    model = validate_document(load_text(MINIMAL, "m.yaml")).model
    assert model is not None
    assert (model.opportunities, model.curves, model.organisations) == ([], [], [])
    stage = model.stages[0]
    assert (stage.lifecycle, stage.doing, stage.emotion, stage.pains, stage.curves) == (
        None,
        None,
        None,
        [],
        {},
    )
    assert model.actions[0].pains == [] and model.actions[0].opportunity is None


def test_the_schema_knows_the_additions() -> None:
    import jsonschema

    from cjmap.schema import build_schema

    validator = jsonschema.Draft7Validator(build_schema())
    assert list(validator.iter_errors(load_text(RICH, "m").data)) == []
    for old, new in [
        ("    lifecycle: purchase\n", "    lifecycle: purchse\n"),
        ("    emotion: {parent: -2, barista: 1}\n", "    emotion: {parent: -3}\n"),
        ("    doing: Pays on the phone\n", "    doing: []\n"),
        ("    effort: low\n", "    effort: huge\n"),
        ("    opportunity: show-prices\n    pains: [no-prices]\n", ""),
    ]:
        assert old in RICH
        assert not validator.is_valid(load_text(RICH.replace(old, new, 1), "m").data), new
