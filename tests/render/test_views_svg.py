"""The rendered pictures: every example in every view, with each backend, read back as SVG.

Each picture is rendered once per test session (the built-in Graphviz takes about a
second), then several tests look at it.
"""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest
from rendertools import BACKENDS

from cjmap.loader import load_text
from cjmap.model import CJMap
from cjmap.render import dot, render_dot
from cjmap.render import theme as th
from cjmap.render.views import VIEWS, render_map
from cjmap.validate import validate_document
from conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"
NAMES = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))

HOSTILE_NAMES = [
    'He said "hi" & left',
    '</text><script>alert("x")</script><text>',
    '"]; evil [label="pwned"]; a -> b; c [label="',
    "{record} | <port> \\N \\G \\l back\\slash\\",
    "line one\nline two",
    "emoji \U0001f600\U0001f680 and \u4e2d\u6587",
    "<b>bold</b> &amp; &lt; }\ndigraph injected { a }",
    "Pneumonoultramicroscopicsilicovolcanoconiosis " * 60,
]


def hostile_map() -> str:
    """A valid map whose every name is hostile text (JSON strings are YAML strings)."""
    names = [json.dumps(name, ensure_ascii=False) for name in HOSTILE_NAMES]
    touchpoints = "".join(
        f"  - {{id: t{i}, name: {name}, stage: s{i % 2}, channels: [web], emotion: {i % 5 - 2},"
        f" pains: [{name}], delights: [{name}], doing: {name}, thinking: {name},"
        f" feeling: {name}, moment_of_truth: true}}\n"
        for i, name in enumerate(names)
    )
    steps = ", ".join(f"t{i}" for i in range(len(names)))
    return (
        "cjmap: 1\n"
        f"map: {{title: {names[1]}}}\n"
        f"personas: [{{id: p, name: {names[0]}}}]\n"
        f"stages: [{{id: s0, name: {names[2]}}}, {{id: s1, name: {names[3]}}}]\n"
        f"channels: [{{id: web, name: {names[6]}, kind: digital}}]\n"
        f"touchpoints:\n{touchpoints}"
        f"journeys: [{{id: j, name: {names[4]}, persona: p, steps: [{steps}]}}]\n"
        "opportunities:\n"
        + "".join(
            f"  - {{id: o{i}, title: {name}, addresses: [t{i}], impact: high, effort: low}}\n"
            for i, name in enumerate(names)
        )
    )


@cache
def model(name: str) -> CJMap:
    text = hostile_map() if name == "hostile" else (EXAMPLES / f"{name}.yaml").read_text("utf-8")
    checked = validate_document(load_text(text, f"{name}.yaml"))
    assert checked.model is not None, checked.findings
    return checked.model


@cache
def rendered(name: str, view: str, backend: str) -> ET.Element:
    svg = render_dot(render_map(model(name), view), "svg", backend=backend)
    return ET.fromstring(svg)  # parses as XML, or the test fails here


def squash(text: str) -> str:
    """Text without any whitespace: wrapping moves line breaks, never letters."""
    return "".join(dot.clean(text).split())


def nodes(root: ET.Element) -> dict[str, ET.Element]:
    """Node groups by their DOT name."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        if "node" in (group.get("class") or "").split():
            title = group.find(f"{SVG}title")
            assert title is not None
            found[title.text or ""] = group
    return found


def text_of(group: ET.Element) -> str:
    return squash("".join(element.text or "" for element in group.iter(f"{SVG}text")))


def fill_of(group: ET.Element) -> str:
    shapes = (f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse")
    shape = next(e for e in group.iter() if e.tag in shapes and e.get("fill") != "none")
    return shape.get("fill", "")


def holding(root: ET.Element, text: str) -> list[str]:
    """The nodes whose text contains *text*."""
    return [name for name, group in nodes(root).items() if squash(text) in text_of(group)]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_flow_draws_every_touchpoint_once_coloured_by_emotion(name: str, backend: str) -> None:
    root = rendered(name, "flow", backend)
    drawn = nodes(root)
    for touchpoint in model(name).touchpoints:
        card = dot.node_id("tp", touchpoint.id)
        assert holding(root, touchpoint.name) == [card]
        assert fill_of(drawn[card]) == th.emotion_colour(touchpoint.emotion_for())
    for stage in model(name).stages:
        assert squash(stage.name) in text_of(drawn[dot.node_id("stage", stage.id)])


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_flow_draws_journeys_and_a_legend(name: str, backend: str) -> None:
    root = rendered(name, "flow", backend)
    drawn = nodes(root)
    assert text_of(drawn["legend"]) == "Legend"
    for emotion in (2, 1, 0, -1, -2):
        swatch = drawn[f"legend_emotion_{emotion if emotion >= 0 else f'm{-emotion}'}"]
        assert fill_of(swatch) == th.EMOTION_COLOURS[emotion]
        assert text_of(swatch) == squash(th.emotion_text(emotion))
    assert text_of(drawn["legend_moment"]) == squash(f"{th.MOMENT_OF_TRUTH_MARK} Moment of truth")
    edges = [g for g in root.iter(f"{SVG}g") if "edge" in (g.get("class") or "").split()]
    steps = sum(len(journey.steps) - 1 for journey in model(name).journeys)
    assert len(edges) == steps
    colours = {path.get("stroke") for edge in edges for path in edge.iter(f"{SVG}path")}
    personas = {j.persona for j in model(name).journeys}
    assert colours == {
        th.persona_colour(i) for i, p in enumerate(model(name).personas) if p.id in personas
    }


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_matrix_puts_each_touchpoint_in_each_of_its_channel_rows(name: str, backend: str) -> None:
    root = rendered(name, "matrix", backend)
    drawn = nodes(root)
    for touchpoint in model(name).touchpoints:
        chips = [dot.node_id("chip", f"{touchpoint.id}@{c}") for c in touchpoint.channels]
        assert sorted(holding(root, touchpoint.name)) == sorted(chips)
        assert {fill_of(drawn[chip]) for chip in chips} == {
            th.emotion_colour(touchpoint.emotion_for())
        }
    for channel in model(name).channels:
        assert squash(channel.name) in text_of(drawn[dot.node_id("channel", channel.id)])
    assert text_of(drawn["legend"]) == "Legend"
    assert fill_of(drawn["legend_0"]) == th.EMOTION_COLOURS[2]


def marked(root: ET.Element, kind: str) -> dict[str, list[ET.Element]]:
    """The groups whose class names a touchpoint or journey (``touchpoint-ID``), by id."""
    found: dict[str, list[ET.Element]] = {}
    for group in root.iter(f"{SVG}g"):
        for word in (group.get("class") or "").split():
            if word.startswith(f"{kind}-"):
                found.setdefault(word.removeprefix(f"{kind}-"), []).append(group)
    return found


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("view", ["flow", "matrix", "emotion"])
def test_touchpoints_and_journeys_carry_their_ids_as_classes(view: str, backend: str) -> None:
    """Pages made by cjmap share find a picture's touchpoints by these classes."""
    example = model("coffee-subscription")
    root = rendered("coffee-subscription", view, backend)
    touchpoints = marked(root, "touchpoint")
    expected = {
        "flow": {t.id: 1 for t in example.touchpoints},
        "matrix": {t.id: len(t.channels) for t in example.touchpoints},
        "emotion": {step: 1 for step in example.journeys[0].steps},
    }[view]
    assert {key: len(groups) for key, groups in touchpoints.items()} == expected
    for touchpoint_id, groups in touchpoints.items():
        name = example.touchpoints_by_id[touchpoint_id].name
        for group in groups:
            assert "touchpoint" in (group.get("class") or "").split()
            assert squash(name) in text_of(group) or view == "emotion"
    journeys = marked(root, "journey")
    if view == "flow":
        assert {key: len(edges) for key, edges in journeys.items()} == {
            j.id: len(j.steps) - 1 for j in example.journeys
        }
    else:
        assert journeys == {}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_matrix_cells_do_not_overlap(name: str, backend: str) -> None:
    """The grid's cells tile the picture: no two of them share any area."""
    root = rendered(name, "matrix", backend)
    boxes = []
    for node, group in nodes(root).items():
        if node.startswith(("cell_", "stage_", "channel_")):
            points = next(group.iter(f"{SVG}polygon")).get("points", "")
            xs = [float(p.split(",")[0]) for p in points.split()]
            ys = [float(p.split(",")[1]) for p in points.split()]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    assert boxes
    for (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) in itertools.combinations(boxes, 2):
        overlap_x = min(ax1, bx1) - max(ax0, bx0)
        overlap_y = min(ay1, by1) - max(ay0, by0)
        assert overlap_x <= 0.5 or overlap_y <= 0.5


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", NAMES)
def test_emotion_curve_points_sit_at_their_emotion(name: str, backend: str) -> None:
    root = rendered(name, "emotion", backend)
    drawn = nodes(root)
    journey = model(name).journeys[0]
    steps = [model(name).touchpoints_by_id[step] for step in journey.steps]
    points = []
    for number, touchpoint in enumerate(steps, start=1):
        point = next(drawn[f"step_{number}"].iter(f"{SVG}ellipse"))
        # The journey's persona's own emotion, where the map records one per persona.
        assert point.get("fill") == th.emotion_colour(touchpoint.emotion_for(journey.persona))
        points.append((float(point.get("cx", 0)), float(point.get("cy", 0))))
        caption = text_of(drawn[f"step_{number}_name"])
        assert caption.startswith(squash(f"{number}. {touchpoint.name}"))
    # Left to right in order; higher on the page (smaller y) for a better emotion.
    assert [x for x, _ in points] == sorted(x for x, _ in points)
    for (a, (_, ya)), (b, (_, yb)) in itertools.combinations(zip(steps, points, strict=True), 2):
        ea, eb = a.emotion_for(journey.persona), b.emotion_for(journey.persona)
        assert ((ea or 0) > (eb or 0)) == (ya < yb - 1)
        assert (ea == eb) == (abs(ya - yb) < 1)
    assert "momentoftruth" in text_of(drawn["legend"])


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_hostile_text_is_drawn_as_text(view: str, backend: str) -> None:
    root = rendered("hostile", view, backend)
    allowed = {"svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline", "a"}
    assert {element.tag.removeprefix(SVG) for element in root.iter()} <= allowed
    for element in root.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
    texts = "".join(element.text or "" for element in root.iter(f"{SVG}text"))
    assert '<script>alert("x")</script>' in texts  # the title, as letters on the page
    for name in HOSTILE_NAMES[:-1]:
        assert squash(name)[:30] in squash(texts), name
    # A very long name is cut, not drawn across the picture.
    longest = max(len(element.text or "") for element in root.iter(f"{SVG}text"))
    assert longest < 160


def test_dot_of_the_hostile_map_keeps_every_statement() -> None:
    """Nothing in the names ends a string or a statement early: each view has exactly
    the statements a plain map of the same shape has."""
    plain = hostile_map()
    for index, name in enumerate(HOSTILE_NAMES):
        plain = plain.replace(json.dumps(name, ensure_ascii=False), json.dumps(f"n{index}"))
    checked = validate_document(load_text(plain, "plain.yaml"))
    assert checked.model is not None
    for view in VIEWS:
        hostile = render_map(model("hostile"), view)
        tame = render_map(checked.model, view)
        statement = re.compile(r"^\s*(\S+)", re.MULTILINE)
        assert statement.findall(hostile) == statement.findall(tame)
