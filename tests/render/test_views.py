"""The views as DOT: what each draws, the filters, the errors, the colours, the output rules.

Nothing here runs Graphviz; test_views_svg.py looks at the rendered pictures.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from cjmap.loader import load_text
from cjmap.model import CJMap
from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views import (
    VIEWS,
    CannotDraw,
    OptionError,
    RenderOptions,
    render_map,
    select,
)
from cjmap.render.views.common import bulleted
from cjmap.render.views.graph import attrs, const, number, record, text_points
from cjmap.render.views.output import OutputError, default_name, output_format, plan
from cjmap.validate import validate_document
from conftest import EXAMPLES, MINIMAL

COFFEE = EXAMPLES / "coffee-subscription.yaml"


def model_of(text: str) -> CJMap:
    checked = validate_document(load_text(text, "map.yaml"))
    assert checked.model is not None, checked.findings
    return checked.model


def example(name: str = "coffee-subscription") -> CJMap:
    return model_of((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def node_attrs(source: str, node: str) -> str:
    """The attribute list of one node statement in DOT."""
    match = re.search(rf"^\s*{re.escape(node)} \[(.*)\];$", source, re.MULTILINE)
    assert match, f"no node {node}"
    return match.group(1)


def journey_edges(source: str) -> list[tuple[str, str, str]]:
    """(tail, head, colour) of the visible edges of the flow view."""
    return re.findall(r"^\s*(\w+) -> (\w+) \[color=\"(#[0-9a-f]{6})\"", source, re.MULTILINE)


# --- every view ----------------------------------------------------------------------


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_same_map_same_dot(view: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = render_map(model_of(text), view)
    assert first == render_map(model_of(text), view)
    assert first.endswith("}\n")


def test_unknown_view() -> None:
    with pytest.raises(OptionError, match="unknown view 'map'; choose one of flow, matrix"):
        render_map(example(), "map")


@pytest.mark.parametrize("view", list(VIEWS))
def test_title_option_replaces_the_map_title(view: str) -> None:
    source = render_map(example(), view, RenderOptions(title='Q3 review: "checkout"'))
    assert 'Q3 review: \\"checkout\\"' in source
    assert "Bean Post coffee subscription" not in source


# --- filters ---------------------------------------------------------------------------


def test_no_filter_keeps_everything() -> None:
    model = example()
    chosen = select(model, RenderOptions())
    assert chosen.stages == tuple(model.stages)
    assert chosen.touchpoints == tuple(model.touchpoints)
    assert chosen.journeys == tuple(model.journeys)
    assert chosen.filters == ()


def test_persona_keeps_what_applies_to_it_and_its_journeys() -> None:
    model = example()
    chosen = select(model, RenderOptions(personas=("busy-parent",)))
    ids = {tp.id for tp in chosen.touchpoints}
    # The market tasting is for home baristas only.
    assert "market-tasting" not in ids
    assert ids == {tp.id for tp in model.touchpoints if tp.applies_to("busy-parent")}
    assert [j.persona for j in chosen.journeys] == ["busy-parent"]
    assert chosen.filters == ("persona Busy parent",)


def test_stage_keeps_those_stages_in_lifecycle_order() -> None:
    chosen = select(example(), RenderOptions(stages=("use", "awareness")))
    assert [stage.id for stage in chosen.stages] == ["awareness", "use"]
    assert {tp.stage for tp in chosen.touchpoints} == {"awareness", "use"}
    assert chosen.filters == ("stages Hear about Bean Post, Brew and enjoy",)


def test_journey_keeps_its_steps() -> None:
    model = example()
    chosen = select(model, RenderOptions(journeys=("barista-first-month",)))
    journey = model.journeys_by_id["barista-first-month"]
    assert {tp.id for tp in chosen.touchpoints} == set(journey.steps)
    assert chosen.journeys == (journey,)


def test_steps_hidden_by_a_filter_are_marked() -> None:
    model = example()
    chosen = select(model, RenderOptions(stages=("consideration", "first-delivery")))
    steps = chosen.steps(model.journeys_by_id["parent-first-month"])
    # Purchase lies between the two stages: the first step after it follows a gap.
    assert [(tp.id, gap) for tp, gap in steps] == [
        ("browse-coffees", False),
        ("taste-quiz", False),
        ("track-parcel", True),
        ("unbox", False),
    ]
    source = render_map(model, "flow", RenderOptions(stages=("consideration", "first-delivery")))
    into = re.findall(r"(\w+) -> (tp_track_parcel\w*) \[(color=[^]]*)\]", source)
    assert into and all('style="dashed"' in edge for *_, edge in into)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            RenderOptions(personas=("busy-parnt",)),
            "--persona 'busy-parnt' is not a persona id in any of the maps; "
            "did you mean 'busy-parent'?",
        ),
        (
            RenderOptions(journeys=("first-order",)),
            "--journey 'first-order' is not a journey id in any of the maps; the maps define "
            "barista-first-month, parent-first-month",
        ),
        (RenderOptions(stages=("purchse",)), "did you mean 'purchase'?"),
        (
            RenderOptions(personas=("busy-parent",), journeys=("barista-first-month",)),
            "journey 'barista-first-month' is taken by persona 'home-barista' (Home barista), "
            "which --persona leaves out",
        ),
    ],
)
def test_options_that_do_not_fit_the_map(options: RenderOptions, message: str) -> None:
    with pytest.raises(OptionError) as raised:
        render_map(example(), "flow", options)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


# --- flow -----------------------------------------------------------------------------


def test_flow_has_a_column_per_stage_in_order_and_a_card_per_touchpoint() -> None:
    model = example()
    source = render_map(model, "flow")
    clusters = re.findall(r"subgraph (cluster_\w+) \{", source)
    assert clusters == [
        "cluster_frame",
        *(dot.node_id("cluster", stage.id) for stage in model.stages),
        "cluster_legend",
    ]
    for touchpoint in model.touchpoints:
        card = node_attrs(source, dot.node_id("tp", touchpoint.id))
        assert f'fillcolor="{th.emotion_colour(touchpoint.emotion_for())}"' in card
    # The stage without touchpoints says so.
    assert 'label="No touchpoint mapped"' in source


def test_flow_cards_show_channels_emotion_pains_and_markers() -> None:
    source = render_map(example(), "flow")
    checkout = node_attrs(source, "tp_checkout")
    label = re.search(r'label="([^"]*)"', checkout)
    assert label
    # Lines are left-aligned (\\l); under the name, the worst pains' texts, the metric
    # off target as value against target, the delights count and the evidence.
    assert label.group(1).split("\\l") == [
        "\u2666 MOMENT OF TRUTH",
        "\u25b2 ROADBLOCK",
        "Pay for the first box",
        "",
        "Website \u00b7 Mobile app",
        "\u22122 very negative",
        "\u2212 Shipping cost appears only",
        "   at the last step",
        "\u2212 Card form rejects spaces",
        "   in the card number",
        "\u2260 People who leave at the",
        "   payment step",
        "   64% vs 35% target",
        "1 delight",
        "",
    ]
    assert f'color="{th.ROADBLOCK}"' in checkout
    unbox = node_attrs(source, "tp_unbox")
    assert f'color="{th.INK}", penwidth="2.5"' in unbox  # moment of truth, no roadblock


def test_flow_draws_each_journey_in_its_persona_colour() -> None:
    model = example()
    edges = journey_edges(render_map(model, "flow"))
    for index, persona in enumerate(model.personas):
        colour = th.persona_colour(index)
        journey = next(j for j in model.journeys if j.persona == persona.id)
        expected = [
            (dot.node_id("tp", a), dot.node_id("tp", b))
            for a, b in zip(journey.steps, journey.steps[1:], strict=False)
        ]
        assert [(a, b) for a, b, c in edges if c == colour] == expected


def test_flow_legend_lists_emotions_markers_and_personas() -> None:
    source = render_map(example(), "flow")
    legend = source[source.index("subgraph cluster_legend") :]
    for emotion in (2, 1, 0, -1, -2):
        assert f'fillcolor="{th.EMOTION_COLOURS[emotion]}"' in legend
        assert th.emotion_text(emotion) in legend
    assert "Moment of truth" in legend
    assert "Roadblock" in legend
    assert "Busy parent\\n\u2022 A busy parent's first month" in legend
    assert f'color="{th.persona_colour(1)}"' in legend


def test_flow_refuses_more_touchpoints_than_one_picture_can_show() -> None:
    big = big_map(320)
    with pytest.raises(CannotDraw, match=r"320 touchpoints are too many .* --stage, --persona"):
        render_map(big, "flow")
    # Narrowed, it draws.
    assert "digraph flow" in render_map(big, "flow", RenderOptions(stages=("s1",)))


def big_map(touchpoints: int) -> CJMap:
    lines = [
        "cjmap: 1",
        "map: {title: Big}",
        "stages: [{id: s1, name: One}, {id: s2, name: Two}, {id: s3, name: Three}]",
        "channels: [{id: web, name: Web}]",
        "touchpoints:",
    ]
    lines += [
        f"  - {{id: t{i}, name: Touchpoint {i}, stage: s{i % 3 + 1}, channels: [web]}}"
        for i in range(touchpoints)
    ]
    return model_of("\n".join(lines) + "\n")


# --- matrix ---------------------------------------------------------------------------


def test_matrix_has_a_chip_per_touchpoint_and_channel_and_grey_gaps() -> None:
    model = example()
    source = render_map(model, "matrix")
    assert 'layout="neato"' in source
    for touchpoint in model.touchpoints:
        for channel in touchpoint.channels:
            chip = node_attrs(source, dot.node_id("chip", f"{touchpoint.id}@{channel}"))
            assert f'fillcolor="{th.emotion_colour(touchpoint.emotion_for())}"' in chip
    used = {(tp.stage, c) for tp in model.touchpoints for c in tp.channels}
    for stage in model.stages:
        for channel in model.channels:
            cell = node_attrs(source, dot.node_id("cell", f"{channel.id}@{stage.id}"))
            empty = (stage.id, channel.id) not in used
            assert (f'fillcolor="{th.EMPTY}"' in cell) == empty
            assert ('label="no touchpoint"' in cell) == empty


def test_matrix_bottom_rows_give_the_story_and_the_average_emotion() -> None:
    model = example()
    source = render_map(model, "matrix")
    for word in ("Doing", "Thinking", "Feeling", "Emotion"):
        assert f'label="{word}' in source
    awareness = [tp.emotion for tp in model.touchpoints if tp.stage == "awareness"]
    average = sum(e for e in awareness if e is not None) / len(awareness)
    cell = node_attrs(source, "emotion_awareness")
    assert f'fillcolor="{th.emotion_colour(average)}"' in cell
    # The range, not a bare average that would hide both extremes.
    assert 'label="+1 \u2026 +2\\n2 touchpoints"' in cell
    assert 'label="no emotion recorded"' in node_attrs(source, "emotion_advocacy")


def test_matrix_pins_every_box() -> None:
    source = render_map(example(), "matrix")
    statements = [
        line for line in source.splitlines() if re.match(r"\s+(?!graph |node |edge )\w+ \[", line)
    ]
    assert statements
    assert all(re.search(r'pos="-?[\d.]+,-?[\d.]+!"', line) for line in statements)


# --- emotion ----------------------------------------------------------------------------


def point_heights(source: str) -> list[float]:
    return [
        float(y)
        for y in re.findall(r'^\s*step_\d+ \[pos="[-\d.]+,(-?[\d.]+)!"', source, re.MULTILINE)
    ]


def test_emotion_draws_the_first_journey_as_a_curve() -> None:
    model = example()
    source = render_map(model, "emotion")
    journey = model.journeys[0]
    emotions = [model.touchpoints_by_id[step].emotion for step in journey.steps]
    heights = point_heights(source)
    assert len(heights) == len(journey.steps)
    # Pinned heights follow the emotions: same emotion, same height; higher, higher.
    for (e1, h1), (e2, h2) in itertools.combinations(zip(emotions, heights, strict=True), 2):
        assert (e1 < e2) == (h1 < h2) and (e1 == e2) == (h1 == h2)
    xs = [float(x) for x in re.findall(r'^\s*step_\d+ \[pos="(-?[\d.]+),', source, re.MULTILINE)]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert f"Emotion curve of {journey.name} (Busy parent)" in source


def test_emotion_calls_out_pains_and_delights() -> None:
    source = render_map(example(), "emotion")
    pains = node_attrs(source, "step_5_pains")
    assert f"{th.ROADBLOCK_MARK} Shipping cost" in pains  # wrapped to fit 20 steps a slide
    assert f'fontcolor="{th.PAIN_TEXT}"' in pains
    delights = node_attrs(source, "step_5_delights")
    assert "+ Pay with one" in delights
    assert f'fontcolor="{th.DELIGHT_TEXT}"' in delights


def test_emotion_journey_and_persona_options() -> None:
    model = example()
    barista = render_map(model, "emotion", RenderOptions(journeys=("barista-first-month",)))
    assert "Emotion curve of A home barista's first month" in barista
    assert len(point_heights(barista)) == len(model.journeys_by_id["barista-first-month"].steps)
    by_persona = render_map(model, "emotion", RenderOptions(personas=("home-barista",)))
    assert "Emotion curve of A home barista's first month" in by_persona


def test_emotion_needs_one_journey() -> None:
    without = model_of(MINIMAL.split("journeys:")[0] + "actions: []\n")
    with pytest.raises(CannotDraw, match="the map has no journeys, and the emotion view"):
        render_map(without, "emotion")
    both = RenderOptions(journeys=("parent-first-month", "barista-first-month"))
    with pytest.raises(OptionError, match="draws one journey; give --journey once"):
        render_map(example(), "emotion", both)
    with pytest.raises(OptionError, match="no step of journey 'parent-first-month' is in the"):
        render_map(example(), "emotion", RenderOptions(stages=("advocacy",)))


def test_emotion_with_a_stage_filter_keeps_the_steps_there() -> None:
    source = render_map(example(), "emotion", RenderOptions(stages=("purchase",)))
    assert len(point_heights(source)) == 3  # grind, checkout, confirmation


# --- the DOT writer ---------------------------------------------------------------------


def test_attribute_values_must_be_quoted() -> None:
    assert attrs({"label": dot.label("a"), "width": const(2.5)}) == '[label="a", width="2.5"]'
    with pytest.raises(ValueError, match="not a quoted string"):
        attrs({"label": "raw map text"})
    with pytest.raises(ValueError, match="not a fixed DOT value"):
        const('"; evil')
    assert record(dot.label("a|b"), dot.label("c")) == '"a\\|b|c"'


def test_numbers_are_written_the_same_way_every_time() -> None:
    assert [number(v) for v in (1.0, 0.1 + 0.2, -0.0001, 2.5)] == ["1", "0.3", "0", "2.5"]


def test_text_points_uses_helvetica_widths() -> None:
    assert text_points("W", 10) == pytest.approx(9.44)
    assert text_points("il", 10) == pytest.approx(4.44)
    assert text_points("中", 10) == pytest.approx(11.12)


# --- theme -----------------------------------------------------------------------------


def test_emotion_colours_run_from_red_to_green() -> None:
    reds = [
        int(th.emotion_colour(e)[1:3], 16) - int(th.emotion_colour(e)[3:5], 16)
        for e in range(-2, 3)
    ]
    assert reds == sorted(reds, reverse=True)  # redder at -2, greener at +2
    assert th.emotion_colour(None) == th.NO_EMOTION
    assert th.emotion_colour(-2) == th.EMOTION_COLOURS[-2]
    assert th.emotion_colour(1.5) not in th.EMOTION_COLOURS.values()
    assert th.emotion_colour(9) == th.EMOTION_COLOURS[2]


def test_emotion_words() -> None:
    assert th.emotion_text(-2) == "\u22122 very negative"
    assert th.emotion_text(0) == "0 neutral"
    assert th.emotion_text(None) == "emotion not recorded"
    assert th.emotion_number(0.5) == "+0.5"


def test_personas_past_the_palette_change_line_style() -> None:
    count = len(th.PERSONA_COLOURS)
    assert th.persona_colour(count) == th.persona_colour(0)
    assert (th.persona_style(0), th.persona_style(count)) == ("solid", "dashed")


# --- where output goes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        (None, None, "svg"),
        (None, "png", "png"),
        (Path("-"), None, "svg"),
        (Path("map.PNG"), None, "png"),
        (Path("map.gv"), None, "dot"),
        (Path("map.pdf"), "pdf", "pdf"),
        (Path("picture"), "svg", "svg"),
    ],
)
def test_output_format(output: Path | None, fmt: str | None, expected: str) -> None:
    assert output_format(output, fmt) == expected


@pytest.mark.parametrize(
    ("output", "fmt", "message"),
    [
        (Path("map.png"), "svg", "-o map.png ends in .png but --format is svg"),
        (Path("map.txt"), None, "cannot tell the format of -o map.txt from its suffix"),
        (Path("map.yaml"), "svg", "-o map.yaml names a YAML file; refusing"),
        (None, "jpeg", "unknown format 'jpeg'"),
    ],
)
def test_output_format_errors(output: Path | None, fmt: str | None, message: str) -> None:
    with pytest.raises(OutputError, match=re.escape(message)):
        output_format(output, fmt)


def test_default_names_sit_beside_the_map() -> None:
    assert default_name(Path("maps/coffee.yaml"), "flow", "svg") == "coffee.svg"
    assert default_name(Path("maps/coffee.yml"), "matrix", "png") == "coffee.matrix.png"
    assert default_name(Path("coffee"), "emotion", "svg") == "coffee.emotion.svg"
    [target] = plan([Path("maps/coffee.yaml")], view="flow", fmt="svg")
    assert target.output == Path("maps/coffee.svg")
    [target] = plan([Path("maps/coffee.yaml")], view="flow", fmt="svg", out_dir=Path("out"))
    assert target.output == Path("out/coffee.svg")
    [target] = plan([Path("coffee.yaml")], view="flow", fmt="svg", output=Path("-"))
    assert target.output is None


def test_plan_protects_maps_and_outputs(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "map.yaml", tmp_path / "b" / "map.yaml"
    with pytest.raises(OutputError, match="-o names one file, but 2 maps were given"):
        plan([first, second], view="flow", fmt="svg", output=tmp_path / "x.svg")
    with pytest.raises(OutputError, match="would both be written to"):
        plan([first, second], view="flow", fmt="svg", out_dir=tmp_path)
    with pytest.raises(OutputError, match="not both"):
        plan([first], view="flow", fmt="svg", output=Path("x.svg"), out_dir=tmp_path)
    odd = tmp_path / "map.svg"  # a map file may have any name
    odd.write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(OutputError, match=r"is the map .* itself; refusing to write over it"):
        plan([odd], view="flow", fmt="svg", output=tmp_path / "." / "map.svg")
    with pytest.raises(OutputError, match="refusing to write over it"):
        plan([odd], view="flow", fmt="svg")


def test_a_step_without_emotion_is_a_gap_in_the_line_not_a_point_on_zero() -> None:
    text = MINIMAL.replace(
        "    name: Pays for the box\n", "    name: Pays for the box\n    emotion: -1\n"
    )
    source = render_map(model_of(text), "emotion")  # the first step records none
    assert "step_1 [" not in source  # no point for the step without an emotion
    assert 'label="\u22121"' in node_attrs(source, "step_2")
    assert not re.search(r"^\s*step_1 -> step_2", source, re.MULTILINE)
    assert "emotion not recorded" in node_attrs(source, "step_1_name")
    assert "a gap in a line: nothing recorded there" in node_attrs(source, "legend")


def test_bulleted_lists_wrap_with_a_hanging_indent_and_count_the_rest() -> None:
    entries = [("-", "one two three four five six"), ("+", "   "), ("-", "x"), ("-", "y")]
    assert bulleted(entries, 12, 3, "pain") == [
        "- one two",
        "   three four",
        "   five six",
        "+ ",
        "- x",
        "   +1 more pain",
    ]
    assert bulleted(entries, 12, 2, "pain")[-1] == "   +2 more pains"
