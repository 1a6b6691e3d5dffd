"""What each view shows, read back from the SVG of every example, with each backend.

A stakeholder sees the PNG or PDF, not the YAML and not the SVG's hover text: what a
card or a row says must be real text in the picture. These tests find the pain texts,
the metrics against their targets, the evidence markers and the lanes they should
hold, and not the ones they should leave out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest
from rendertools import BACKENDS
from test_views_svg import NAMES, SVG, model, nodes, rendered, squash, text_of

from cjmap.loader import load_text
from cjmap.model import CJMap, Touchpoint
from cjmap.render import dot, render_dot
from cjmap.render import theme as th
from cjmap.render.views import VIEWS, render_map
from cjmap.render.views.common import worst_first
from cjmap.text import amount
from cjmap.validate import validate_document
from conftest import EXAMPLES, MINIMAL


def card(root: ET.Element, touchpoint: Touchpoint) -> ET.Element:
    return nodes(root)[dot.node_id("tp", touchpoint.id)]


def dashed(group: ET.Element) -> bool:
    return any(element.get("stroke-dasharray") for element in group.iter())


def start(text: str, size: int = 24) -> str:
    """The first letters of a text as a card shows it (a card may cut a long text)."""
    return squash(text)[:size]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_flow_cards_show_the_worst_pains_the_metrics_and_the_evidence(
    name: str, backend: str
) -> None:
    root = rendered(name, "flow", backend)
    for touchpoint in model(name).touchpoints:
        shown = text_of(card(root, touchpoint))
        pains = worst_first(touchpoint.pains)
        for pain in pains[:2]:
            assert start(pain.text) in shown, (touchpoint.id, pain.text)
        more = len(pains) - 2
        if more > 0:
            assert squash(f"+{more} more pain{'s' if more > 1 else ''}") in shown
        for pain in pains[2:]:
            if not any(start(pain.text) in start(p.text, 200) for p in pains[:2]):
                assert start(pain.text) not in shown  # counted, not listed
        for metric in touchpoint.metrics:
            against = squash(
                f"{amount(metric.value, metric.unit)} vs {amount(metric.target, metric.unit)}"
            )
            assert (against in shown) == metric.off_target, (touchpoint.id, metric.name)
        if touchpoint.delights:
            count = len(touchpoint.delights)
            assert squash(f"{count} delight{'s' if count > 1 else ''}") in shown
        assert ("hypothesis" in shown) == (touchpoint.evidence == "hypothesis")
        assert dashed(card(root, touchpoint)) == (touchpoint.evidence == "hypothesis")
        assert (squash(f"{th.VALIDATED_MARK} validated") in shown) == (
            touchpoint.evidence == "validated"
        )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_flow_legend_explains_every_marker(name: str, backend: str) -> None:
    legend = "".join(
        text_of(group)
        for node, group in nodes(rendered(name, "flow", backend)).items()
        if node.startswith("legend")
    )
    for words in (
        f"{th.MOMENT_OF_TRUTH_MARK} Moment of truth",
        f"{th.ROADBLOCK_MARK} Roadblock",
        f"{th.PAIN_MARK} a pain, worst first",
        f"{th.OFF_TARGET_MARK} a metric off its target",
        "hypothesis: not yet checked with customers (dashed)",
        "observed",
        f"{th.VALIDATED_MARK} validated",
    ):
        assert squash(words) in legend, words


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_flow_sets_third_party_touchpoints_apart(name: str, backend: str) -> None:
    example = model(name)
    root = rendered(name, "flow", backend)
    drawn = nodes(root)
    third = {o.id: o.name for o in example.organisations if o.kind == "third-party"}
    for touchpoint in example.touchpoints:
        group = drawn[dot.node_id("tp", touchpoint.id)]
        organisation = third.get(touchpoint.organisation or "")
        banded = th.THIRD_PARTY in {e.get("fill") for e in group.iter(f"{SVG}polygon")}
        assert banded == (organisation is not None)
        if organisation is None:
            assert "THIRDPARTY" not in text_of(group)
        else:
            assert squash(f"THIRD PARTY: {organisation}")[:30] in text_of(group)
    drawn_third = any(tp.organisation in third for tp in example.touchpoints)
    assert ("legend_third_party" in drawn) == drawn_third


def test_an_example_has_a_third_party_touchpoint() -> None:
    assert any(
        tp.organisation == o.id and o.kind == "third-party"
        for name in NAMES
        for o in model(name).organisations
        for tp in model(name).touchpoints
    )


# --- matrix ------------------------------------------------------------------------------


def lane(root: ET.Element, word: str, stage_id: str) -> str:
    """The text of one lane's cell (empty when the cell or the lane is not drawn)."""
    group = nodes(root).get(f"{dot.node_id(word.lower(), stage_id)}_text")
    return "" if group is None else text_of(group)


@cache
def opportunity_map() -> CJMap:
    """The coffee example with stage lanes and opportunities, one naming a touchpoint and
    its stage (listed once there), one a pain-free stage."""
    text = (EXAMPLES / "coffee-subscription.yaml").read_text("utf-8")
    text = text.replace(
        "\nopportunities:\n",
        "\nopportunities:\n"
        "  - {id: early, title: Show the shipping cost on the product page before the grind"
        " is chosen, addresses: [checkout, purchase], impact: high, effort: low}\n"
        "  - {id: word, title: A card to hand to friends, addresses: [advocacy]}\n",
        1,
    ).replace(
        "  - id: awareness\n",
        "  - id: awareness\n    thinking: [Is it expensive, Is it expensive]\n    emotion: -2\n",
        1,
    )
    checked = validate_document(load_text(text, "opportunities.yaml"))
    assert checked.model is not None, checked.findings
    return checked.model


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_matrix_lanes_hold_pains_metrics_and_evidence(name: str, backend: str) -> None:
    root = rendered(name, "matrix", backend)
    example = model(name)
    drawn = nodes(root)
    for stage in example.stages:
        touchpoints = example.touchpoints_by_stage[stage.id]
        pains = worst_first([*stage.pains, *(p for tp in touchpoints for p in tp.pains)])
        cell = lane(root, "Pains", stage.id)
        for pain in pains[:6]:
            assert squash(f"{pain.severity}{', roadblock' if pain.roadblock else ''}:") in cell
            assert start(pain.text, 12) in cell, (stage.id, pain.text)
        metrics = lane(root, "Metrics", stage.id)
        shown = [m for tp in touchpoints for m in tp.metrics][:4]
        for metric in shown:
            value = amount(metric.value, metric.unit)
            mark = th.OFF_TARGET_MARK if metric.off_target else ""
            assert squash(value) in metrics
            assert (squash(mark) in metrics) >= metric.off_target
    heads = {node for node in drawn if node.startswith("row_")}
    assert {"row_doing", "row_thinking", "row_feeling", "row_pains", "row_metrics"} <= heads
    assert ("row_opportunities" in heads) == bool(example.opportunities)
    for touchpoint in example.touchpoints:
        for channel in touchpoint.channels:
            chip = text_of(drawn[dot.node_id("chip", f"{touchpoint.id}@{channel}")])
            assert squash(th.emotion_text(touchpoint.emotion_for())) in chip
            assert ("hypothesis" in chip) == (touchpoint.evidence == "hypothesis")
            assert (th.VALIDATED_MARK in chip) == (touchpoint.evidence == "validated")


@pytest.mark.parametrize("backend", BACKENDS)
def test_matrix_lists_opportunities_and_stage_lanes_once(backend: str) -> None:
    example = opportunity_map()
    root = ET.fromstring(render_dot(render_map(example, "matrix"), "svg", backend=backend))
    purchase = lane(root, "Opportunities", "purchase")
    title = squash("Show the shipping cost on the product page before the grind is chosen")
    assert purchase.count(title + squash("(impact high, effort low)")) == 1  # wrapped, never cut
    assert lane(root, "Opportunities", "advocacy") == squash(
        f"{th.BULLET} A card to hand to friends"
    )
    assert lane(root, "Opportunities", "use") == ""
    assert lane(root, "Thinking", "awareness").count(squash("Is it expensive")) == 1
    emotion = text_of(nodes(root)[dot.node_id("emotion", "awareness")])
    assert emotion == squash(f"{th.MINUS}2 \u2026 +2 the stage and 2 touchpoints")


def test_matrix_leaves_out_empty_lanes() -> None:
    text = MINIMAL.replace("    name: Sees an ad\n", "    name: Sees an ad\n    doing: Scrolls\n")
    checked = validate_document(load_text(text, "minimal.yaml"))
    assert checked.model is not None
    source = render_map(checked.model, "matrix")
    assert "row_doing" in source
    for word in ("thinking", "feeling", "pains", "delights", "opportunities", "metrics"):
        assert f"row_{word}" not in source
    assert "row_emotion" not in source  # no emotion anywhere


# --- emotion -----------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_emotion_draws_a_line_per_persona_and_curve_with_gaps(name: str, backend: str) -> None:
    example = model(name)
    root = rendered(name, "emotion", backend)
    drawn = nodes(root)
    journey = example.journeys[0]
    steps = [example.touchpoints_by_id[step] for step in journey.steps]
    for number, step in enumerate(steps, start=1):
        score = step.emotion_for(journey.persona)
        point = drawn.get(f"step_{number}")
        assert (point is None) == (score is None)  # a gap, never a point on zero
        if point is not None and score is not None:
            assert text_of(point) == squash(th.emotion_number(score))
    legend = "".join(text_of(g) for n, g in drawn.items() if n.startswith("legend_line_"))
    assert squash(example.personas_by_id[journey.persona].name) in legend
    for curve in example.curves:
        scored = [step.curves.get(curve.id) for step in steps]
        key = dot.node_id("curve", curve.id)
        shown = [n for n in drawn if n.startswith(f"{key}_")]
        assert len(shown) == sum(score is not None for score in scored)
        assert (squash(f"{curve.name} (curve)") in legend) == bool(shown)
    for persona in example.personas:
        per_persona = [s.emotion.get(persona.id) for s in steps if isinstance(s.emotion, dict)]
        if persona.id != journey.persona and any(e is not None for e in per_persona):
            assert squash(persona.name) in legend
    visited = {step.stage for step in steps}
    for stage in example.stages:
        unmapped = drawn.get(dot.node_id("unmapped", stage.id))
        assert (unmapped is not None) == (stage.id not in visited)
        if unmapped is not None:
            assert text_of(unmapped) == "nostepmapped"
    width_points = float(root.get("width", "0").removesuffix("pt"))
    assert width_points * 96 / 72 <= 1920  # every example fits a slide


def test_emotion_curves_option_picks_the_curves() -> None:
    from cjmap.render.views import RenderOptions

    example = model("birth-and-child-benefit")
    assert len(example.curves) >= 2
    first, *others = example.curves
    source = render_map(example, "emotion", RenderOptions(curves=(first.id,)))
    assert f"{dot.node_id('curve', first.id)}_" in source
    for curve in others:
        assert f"{dot.node_id('curve', curve.id)}_" not in source


def test_twenty_steps_fit_a_slide_and_more_say_how_to_narrow() -> None:
    def journey_map(count: int) -> CJMap:
        steps = ", ".join(f"t{i}" for i in range(count))
        lines = [
            "cjmap: 1",
            "map: {title: Long}",
            "personas: [{id: p, name: P}]",
            "stages: [{id: s1, name: One}, {id: s2, name: Two}]",
            "channels: [{id: web, name: Web}]",
            "touchpoints:",
            *(
                f"  - {{id: t{i}, name: A step with a fairly long name number {i}, "
                f"stage: s{1 + i * 2 // count}, channels: [web], emotion: {i % 5 - 2}, "
                "pains: [Something that goes wrong at this step for the customer]}"
                for i in range(count)
            ),
            f"journeys: [{{id: j, name: J, persona: p, steps: [{steps}]}}]",
        ]
        checked = validate_document(load_text("\n".join(lines) + "\n", "long.yaml"))
        assert checked.model is not None, checked.findings
        return checked.model

    root = ET.fromstring(render_dot(render_map(journey_map(20), "emotion"), "svg", backend="wasm"))
    assert float(root.get("width", "0").removesuffix("pt")) * 96 / 72 <= 1920
    assert "narrow it with --stage" in render_map(journey_map(24), "emotion")
    assert "narrow it with --stage" not in render_map(journey_map(20), "emotion")


# --- blueprint -----------------------------------------------------------------------------

LANES = ("physical", "customer", "frontstage", "backstage", "support")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_blueprint_has_the_lanes_and_lines_and_each_touchpoint_in_them(
    name: str, backend: str
) -> None:
    from cjmap.model import texts

    example = model(name)
    root = rendered(name, "blueprint", backend)
    drawn = nodes(root)
    assert {f"lane_{lane}" for lane in LANES} <= set(drawn)
    words = "".join(text_of(group) for group in drawn.values())
    for line in ("line of interaction", "line of visibility", "line of internal interaction"):
        assert squash(line) in words
    for touchpoint in example.touchpoints:
        front = text_of(drawn[dot.node_id("frontstage", touchpoint.id)])
        assert start(touchpoint.name, 16) in front
        organisation = example.organisations_by_id.get(touchpoint.organisation or "")
        if organisation is not None:
            assert start(organisation.name, 12) in front
        for lane in ("backstage", "support"):
            cell = drawn.get(f"{dot.node_id(lane, touchpoint.id)}_text")
            said = texts(getattr(touchpoint, lane))
            assert (cell is None) == (not said)
            if cell is not None:
                assert start(said[0], 12) in text_of(cell)
        channels = text_of(drawn[f"{dot.node_id('physical', touchpoint.id)}_text"])
        for channel in touchpoint.channels:
            assert start(example.channels_by_id[channel].name, 10) in channels


def test_blueprint_narrows_to_a_journey_in_its_order_or_to_stages() -> None:
    from cjmap.render.views import RenderOptions

    example = model("birth-and-child-benefit")
    journey = example.journeys[0]
    source = render_map(example, "blueprint", RenderOptions(journeys=(journey.id,)))
    xs = [source.index(f"{dot.node_id('frontstage', step)} [") for step in journey.steps]
    assert xs == sorted(xs)
    others = {tp.id for tp in example.touchpoints} - set(journey.steps)
    assert not any(f"{dot.node_id('frontstage', tp)} [" in source for tp in others)
    stage = example.stages[0]
    narrowed = render_map(example, "blueprint", RenderOptions(stages=(stage.id,)))
    for touchpoint in example.touchpoints:
        node = f"{dot.node_id('frontstage', touchpoint.id)} ["
        assert (node in narrowed) == (touchpoint.stage == stage.id)


# --- opportunities -------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_opportunities_sit_in_the_cell_of_their_scores(name: str, backend: str) -> None:
    example = model(name)
    root = rendered(name, "opportunities", backend)
    drawn = nodes(root)

    def span(group: ET.Element) -> tuple[float, float, float, float]:
        shape = next(e for e in group.iter() if e.tag in (f"{SVG}polygon", f"{SVG}path"))
        numbers = [
            float(n) for n in re.findall(r"-?[\d.]+", shape.get("points") or shape.get("d") or "")
        ]
        xs, ys = numbers[0::2], numbers[1::2]
        return min(xs), min(ys), max(xs), max(ys)

    for opportunity in example.opportunities:
        card = drawn[dot.node_id("opportunity", opportunity.id)]
        shown = text_of(card)
        assert squash(opportunity.title) in shown  # wrapped, never cut
        status = {"chosen": "CHOSEN"}.get(opportunity.status, opportunity.status)
        assert status in shown
        for target in opportunity.addresses[:4]:
            if target in example.pains_by_id:
                assert start(example.pains_by_id[target][0].text, 12) in shown
        if opportunity.impact and opportunity.effort:
            x0, y0, x1, y1 = span(card)
            cx0, cy0, cx1, cy1 = span(drawn[f"cell_{opportunity.impact}_{opportunity.effort}"])
            assert cx0 <= x0 and x1 <= cx1 and cy0 <= y0 and y1 <= cy1
    if not example.opportunities:
        assert "Noopportunitiesinthismapyet" in text_of(drawn["note"])


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("name", NAMES)
def test_text_is_at_least_11_pixels_in_a_png(name: str, view: str) -> None:
    """PNGs are drawn at 96 dpi, where 11 px is 8.25 points: no font is smaller."""
    sizes = [
        float(size) for size in re.findall(r'fontsize="([\d.]+)"', render_map(model(name), view))
    ]
    assert sizes
    assert min(sizes) * 96 / 72 >= 11
