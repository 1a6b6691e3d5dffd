"""The emotion curve of one journey: its steps in order, from very negative to very positive.

Steps run left to right under the stages they belong to; each step is a point at its
emotion (-2 to +2), filled with the emotion's colour, and the points are joined in
the colour of the journey's persona. Under the curve, each step is named, with its
pains and delights called out. The first journey is drawn unless ``--journey`` names
another (or ``--persona`` picks a persona, whose first journey is drawn).

Positions are computed here and pinned (see :mod:`cjmap.render.views.canvas`), so the
curve reads as a chart, not a graph.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views import CannotDraw, OptionError, Selection
from cjmap.render.views.canvas import Canvas, TextBlock
from cjmap.render.views.common import (
    bulleted,
    numbered_stages,
    touchpoint_class,
    touchpoint_tooltip,
)
from cjmap.render.views.graph import const

if TYPE_CHECKING:
    from cjmap.model import Journey, Touchpoint

MAX_STEPS: Final = 60
"""A longer curve is too wide to read; the view asks for --stage."""

AXIS_WIDTH: Final = 1.45  # inches: the emotion words left of the plot
STEP_WIDTH: Final = 1.9  # inches between steps
LEVEL: Final = 0.65  # inches between emotion levels
MARGIN: Final = 0.35  # inches of plot above +2 and below -2
POINT: Final = 0.42  # inches: the diameter of a point
TEXT_WIDTH: Final = 24  # columns of text under a step
MAX_CALLOUTS: Final = 3  # pains, and delights, named under a step
BAND_HEIGHT: Final = 0.45  # inches: the stage bands above the plot

# Translucent, because the zones are drawn over the grid lines (Graphviz draws all edges
# before all nodes or after them, and the points must be on top of the curve).
POSITIVE_ZONE: Final = "#6ab04c1c"
NEGATIVE_ZONE: Final = "#e0604a16"


@dataclass(frozen=True)
class _Plot:
    """Where things go: steps across from the scale's words, emotions up from zero."""

    steps: int
    top: float  # the top edge of the plot area

    @property
    def right(self) -> float:
        return AXIS_WIDTH + STEP_WIDTH * self.steps

    @property
    def zero(self) -> float:
        return self.top - MARGIN - 2 * LEVEL

    @property
    def bottom(self) -> float:
        return self.zero - 2 * LEVEL - MARGIN

    def x(self, step: int) -> float:
        return AXIS_WIDTH + STEP_WIDTH * (step + 0.5)

    def y(self, emotion: int) -> float:
        return self.zero + emotion * LEVEL


def build(selection: Selection, title: str) -> str:
    """The DOT source of the emotion view."""
    journey = _journey(selection)
    steps = [touchpoint for touchpoint, _ in selection.steps(journey)]
    if not steps:
        raise OptionError(f"no step of journey '{journey.id}' is in the chosen stages")
    if len(steps) > MAX_STEPS:
        raise CannotDraw(
            f"journey '{journey.id}' has {len(steps)} steps, too many for one readable curve "
            f"(the emotion view draws up to {MAX_STEPS}); narrow it with --stage"
        )
    canvas = Canvas("emotion", edges=True, order="edgesfirst")
    persona = selection.persona_name(journey.persona)
    state = "Future state" if selection.model.map.state == "future" else "Current state"
    about = [f"Emotion curve of {journey.name} ({persona})", state, f"{len(steps)} steps"]
    top = canvas.titles(title, f" {th.DOT} ".join([*about, *selection.filters]))
    plot = _Plot(len(steps), _stage_bands(canvas, selection, steps, top) - 0.1)
    _scale(canvas, plot)
    names = [dot.node_id("step", str(number)) for number in range(1, len(steps) + 1)]
    _curve(canvas, plot, names, steps, selection.persona_index(journey.persona))
    bottom = _notes(canvas, plot, names, steps)
    _legend(canvas, bottom - 0.35, unknown=any(tp.emotion is None for tp in steps))
    return canvas.source()


def _scale(canvas: Canvas, plot: _Plot) -> None:
    """The plot's background (the positive half tinted green, the negative half red),
    a line at each level of emotion and its words on the left."""
    half = MARGIN + 2 * LEVEL
    width = plot.right - AXIS_WIDTH
    centre = AXIS_WIDTH + width / 2
    zone = {"style": const("filled"), "color": const(th.BACKGROUND), "label": const("")}
    for name, top, fill in (
        ("zone_positive", plot.top, POSITIVE_ZONE),
        ("zone_negative", plot.zero, NEGATIVE_ZONE),
    ):
        canvas.box(name, centre, top, width, half, zone | {"fillcolor": const(fill)})
    for level in (2, 1, 0, -1, -2):
        ends = (f"grid_{_key(level)}_start", f"grid_{_key(level)}_end")
        for name, at in zip(ends, (AXIS_WIDTH, plot.right), strict=True):
            hidden = {"shape": const("point"), "style": const("invis")}
            canvas.box(name, at, plot.y(level), 0.01, 0.01, hidden)
        line = {
            "dir": const("none"),
            "color": const(th.MUTED if level == 0 else th.RULE),
            "penwidth": const(1.2 if level == 0 else 0.8),
            "style": const("solid" if level == 0 else "dashed"),
        }
        canvas.out.edge(*ends, line)
        word = TextBlock([th.emotion_text(level)], 10)
        top = plot.y(level) + word.height / 2
        canvas.text(f"scale_{_key(level)}", AXIS_WIDTH - 0.12, top, word, th.MUTED, align="right")


def _curve(
    canvas: Canvas, plot: _Plot, names: list[str], steps: list[Touchpoint], persona: int
) -> None:
    """A point per step at its emotion (on the zero line, dashed, when there is none),
    joined in the persona's colour."""
    for number, (name, touchpoint) in enumerate(zip(names, steps, strict=True)):
        _point(canvas, name, plot.x(number), plot.y(touchpoint.emotion_for() or 0), touchpoint)
    for (tail, before), (head, after) in itertools.pairwise(zip(names, steps, strict=True)):
        unknown = before.emotion is None or after.emotion is None
        segment = {
            "color": const(th.persona_colour(persona)),
            "penwidth": const(3),
            "arrowhead": const("none"),
            "style": const("dashed" if unknown else th.persona_style(persona)),
        }
        canvas.out.edge(tail, head, segment)


def _notes(canvas: Canvas, plot: _Plot, names: list[str], steps: list[Touchpoint]) -> float:
    """Under the plot, each step's name, then its pains and delights; returns the bottom."""
    top = plot.bottom - 0.15
    captions = [_caption(number, touchpoint) for number, touchpoint in enumerate(steps, start=1)]
    for number, (name, caption) in enumerate(zip(names, captions, strict=True)):
        canvas.text(f"{name}_name", plot.x(number), top, caption, align="center")
    top -= max(caption.height for caption in captions) + 0.12
    bottom = top
    for number, (name, touchpoint) in enumerate(zip(names, steps, strict=True)):
        left = plot.x(number) - STEP_WIDTH / 2 + 0.12
        below = top
        for kind, lines, colour in _callouts(touchpoint):
            if lines:
                text = TextBlock(lines, 9)
                below = canvas.text(f"{name}_{kind}", left, below, text, colour) - 0.05
        bottom = min(bottom, below)
    return bottom


def _journey(selection: Selection) -> Journey:
    if not selection.model.journeys:
        raise CannotDraw(
            "the map has no journeys, and the emotion view draws one; add one under "
            "'journeys:', or draw the map with --view flow or --view matrix"
        )
    if len(selection.options.journeys) > 1:
        raise OptionError("the emotion view draws one journey; give --journey once")
    if not selection.journeys:
        raise OptionError("the chosen personas take no journey; the emotion view draws one")
    return selection.journeys[0]


def _stage_bands(
    canvas: Canvas, selection: Selection, steps: list[Touchpoint], top: float
) -> float:
    """Dark bands above the plot, one per run of steps in the same stage."""
    numbers = {stage.id: number for number, stage in numbered_stages(selection)}
    runs: list[tuple[str, int, int]] = []
    for index, touchpoint in enumerate(steps):
        if runs and runs[-1][0] == touchpoint.stage:
            runs[-1] = (touchpoint.stage, runs[-1][1], index)
        else:
            runs.append((touchpoint.stage, index, index))
    for number, (stage_id, first, last) in enumerate(runs):
        stage = selection.model.stages_by_id[stage_id]
        width = STEP_WIDTH * (last - first + 1) - 0.06
        columns = max(8, int(width * 72 / 6))
        text = f"{numbers[stage_id]}. {stage.name}"
        centre = AXIS_WIDTH + STEP_WIDTH * (first + last + 1) / 2
        canvas.box(
            f"band_{number}",
            centre,
            top,
            width,
            BAND_HEIGHT,
            {
                "style": const("filled"),
                "fillcolor": const(th.HEADER),
                "color": const(th.BACKGROUND),
                "fontcolor": const(th.HEADER_TEXT),
                "fontsize": const(10.5),
                "label": dot.label(text, width=columns, max_lines=2),
                "tooltip": dot.quote(stage.description or stage.name),
            },
        )
    return top - BAND_HEIGHT


def _point(canvas: Canvas, name: str, x: float, y: float, touchpoint: Touchpoint) -> None:
    values = {
        "id": const(name),
        "shape": const("circle"),
        "style": const("filled" if touchpoint.emotion is not None else "filled,dashed"),
        "fillcolor": const(th.emotion_colour(touchpoint.emotion_for())),
        "color": const(th.MUTED),
        "fontsize": const(11),
        "label": dot.label(
            th.emotion_number(emotion) if (emotion := touchpoint.emotion_for()) is not None else "?"
        ),
        "tooltip": dot.quote(touchpoint_tooltip(touchpoint)),
        "class": touchpoint_class(touchpoint),
    }
    if any(pain.roadblock for pain in touchpoint.pains):
        values |= {"color": const(th.ROADBLOCK), "penwidth": const(3)}
    elif touchpoint.moment_of_truth:
        values |= {"color": const(th.INK), "penwidth": const(2.5)}
    canvas.box(name, x, y + POINT / 2, POINT, POINT, values)


def _caption(number: int, touchpoint: Touchpoint) -> TextBlock:
    lines = dot.wrap(f"{number}. {touchpoint.name}", TEXT_WIDTH, max_lines=4)
    if touchpoint.moment_of_truth:
        lines.append(f"{th.MOMENT_OF_TRUTH_MARK} moment of truth")
    return TextBlock(lines)


def _callouts(touchpoint: Touchpoint) -> list[tuple[str, list[str], str]]:
    """Pains (roadblocks first, then worst first) and delights, a few of each."""
    pains = sorted(touchpoint.pains, key=lambda pain: (not pain.roadblock, -pain.severity_rank))
    marked = [(th.ROADBLOCK_MARK if p.roadblock else th.PAIN_MARK, p.text) for p in pains]
    delights = [(th.DELIGHT_MARK, delight) for delight in touchpoint.delights]
    return [
        ("pains", bulleted(marked, TEXT_WIDTH, MAX_CALLOUTS, "pain"), th.PAIN_TEXT),
        ("delights", bulleted(delights, TEXT_WIDTH, MAX_CALLOUTS, "delight"), th.DELIGHT_TEXT),
    ]


def _legend(canvas: Canvas, top: float, *, unknown: bool) -> None:
    words = [
        f"{th.MOMENT_OF_TRUTH_MARK} moment of truth (black ring)",
        f"{th.ROADBLOCK_MARK} roadblock (red ring)",
        f"{th.PAIN_MARK} pain",
        f"{th.DELIGHT_MARK} delight",
        "point colour and number: the emotion at that step",
    ]
    if unknown:
        words.append("? no emotion recorded (drawn at 0, dashed)")
    canvas.text("legend", 0.0, top, TextBlock(["      ".join(words)], 10), th.MUTED)


def _key(level: int) -> str:
    return f"m{-level}" if level < 0 else str(level)
