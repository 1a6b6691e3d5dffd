"""The emotion curves of one journey: its steps in order, from very negative to very positive.

Steps run left to right under the stages they belong to; a stage the journey has no
step in keeps its column, marked "no step mapped", so the lifecycle reads whole. Each
line is a curve over the steps: the journey's persona (the strongest line), every other
persona whose emotion the map records at the steps, and each named experience curve
(``--curves`` picks which). Every point carries its number; where a line has nothing
recorded it has a gap, never a point on zero. Under the steps, each is named with its
pains and delights. The first journey is drawn unless ``--journey`` names another (or
``--persona`` picks a persona, whose first journey is drawn).

Columns narrow as steps are added, so that up to 20 fit a 1,920-pixel slide; a longer
journey says how to narrow it. Positions are computed here and pinned (see
:mod:`cjmap.render.views.canvas`), so the curves read as a chart, not a graph.
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
    from cjmap.model import Journey, Stage, Touchpoint

MAX_STEPS: Final = 60
"""A longer curve is too wide to read; the view asks for --stage."""

AXIS_WIDTH: Final = 1.45  # inches: the emotion words left of the plot
STEP_WIDTH: Final = 1.9  # inches between steps, when they are few
SLIDE_COLUMNS: Final = 20  # columns that fit a 1,920-pixel slide at 96 dpi
# The picture's pad and a few pixels of rounding come off a slide's 1,920.
MIN_STEP_WIDTH: Final = (1900 / 96 - 2 * 0.3 - AXIS_WIDTH) / SLIDE_COLUMNS
LEVEL: Final = 0.65  # inches between emotion levels
MARGIN: Final = 0.35  # inches of plot above +2 and below -2
POINT: Final = 0.42  # inches: the diameter of a point of the main line
SMALL_POINT: Final = 0.3  # inches: a point of another line
CURVE_COLOURS: Final = ("#009e73", "#d55e00", "#6f6f6f", "#56b4e9")
"""Okabe-Ito colours the personas' lines do not use, for the named curves (dashed)."""
TEXT_SIZE: Final = 9.0  # points: the step names and call-outs (12 px in a PNG)
MAX_CALLOUTS: Final = 3  # pains, and delights, named under a step
BAND_HEIGHT: Final = 0.45  # inches: the stage bands above the plot

# Translucent, because the zones are drawn over the grid lines (Graphviz draws all edges
# before all nodes or after them, and the points must be on top of the curve).
POSITIVE_ZONE: Final = "#3d85c61a"
NEGATIVE_ZONE: Final = "#e0804a18"


@dataclass(frozen=True)
class _Plot:
    """Where things go: columns across from the scale's words, emotions up from zero."""

    columns: int
    top: float  # the top edge of the plot area

    @property
    def width(self) -> float:
        """One column's width: as wide as it reads well, narrower for long journeys."""
        return max(MIN_STEP_WIDTH, min(STEP_WIDTH, MIN_STEP_WIDTH * SLIDE_COLUMNS / self.columns))

    @property
    def text_width(self) -> int:
        """Columns of text that fit under one step."""
        return max(8, int((self.width - 0.2) * 72 / (TEXT_SIZE * 0.56)))

    @property
    def right(self) -> float:
        return AXIS_WIDTH + self.width * self.columns

    @property
    def zero(self) -> float:
        return self.top - MARGIN - 2 * LEVEL

    @property
    def bottom(self) -> float:
        return self.zero - 2 * LEVEL - MARGIN

    def x(self, column: int) -> float:
        return AXIS_WIDTH + self.width * (column + 0.5)

    def y(self, emotion: int) -> float:
        return self.zero + emotion * LEVEL


@dataclass(frozen=True)
class _Line:
    """One curve over the steps: whose or what, how it is drawn, a score per step."""

    key: str  # DOT names of its points start with this
    label: str  # what the legend calls it
    colour: str
    style: str
    penwidth: float
    scores: list[int | None]
    main: bool = False


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
    columns = _columns(selection, steps)
    if len(columns) > SLIDE_COLUMNS:
        about.append("wider than a slide: narrow it with --stage")
    top = canvas.titles(title, f" {th.DOT} ".join([*about, *selection.filters]))
    plot = _Plot(len(columns), _stage_bands(canvas, selection, columns, steps, top) - 0.1)
    _scale(canvas, plot)
    at = [plot.x(index) for index, column in enumerate(columns) if isinstance(column, int)]
    lines = _lines(selection, journey, steps)
    for number, line in enumerate(lines):
        _curve(canvas, plot, line, at, steps, offset=number)
    _unmapped(canvas, plot, columns)
    bottom = _notes(canvas, plot, at, steps)
    _legend(canvas, bottom - 0.35, lines)
    return canvas.source()


def _columns(selection: Selection, steps: list[Touchpoint]) -> list[int | Stage]:
    """The plot's columns: each step's index, with every drawn stage the journey has no
    step in placed at its turn in the lifecycle."""
    visited = {step.stage for step in steps}
    waiting = [stage for stage in selection.stages if stage.id not in visited]
    order = selection.model.stage_index
    columns: list[int | Stage] = []
    for index, step in enumerate(steps):
        while waiting and order[waiting[0].id] < order[step.stage]:
            columns.append(waiting.pop(0))
        columns.append(index)
    return columns + waiting


def _lines(selection: Selection, journey: Journey, steps: list[Touchpoint]) -> list[_Line]:
    """The journey's persona first and strongest, then each other persona with emotions
    of its own at the steps, then the named curves that score them."""
    model = selection.model
    main = selection.persona_index(journey.persona)
    lines = [
        _Line(
            "step",
            f"{selection.persona_name(journey.persona)} (this journey's persona)",
            th.persona_colour(main),
            th.persona_style(main),
            3.2,
            [step.emotion_for(journey.persona) for step in steps],
            main=True,
        )
    ]
    for persona in model.personas:
        if persona.id == journey.persona:
            continue
        scores = [
            step.emotion.get(persona.id) if isinstance(step.emotion, dict) else None
            for step in steps
        ]
        if any(score is not None for score in scores):
            index = selection.persona_index(persona.id)
            lines.append(
                _Line(
                    dot.node_id("persona", persona.id),
                    persona.name,
                    th.persona_colour(index),
                    th.persona_style(index),
                    2,
                    scores,
                )
            )
    wanted = selection.options.curves
    for index, curve in enumerate(model.curves):
        scores = [step.curves.get(curve.id) for step in steps]
        if (not wanted or curve.id in wanted) and any(score is not None for score in scores):
            lines.append(
                _Line(
                    dot.node_id("curve", curve.id),
                    f"{curve.name} (curve)",
                    CURVE_COLOURS[index % len(CURVE_COLOURS)],
                    "dashed" if index < len(CURVE_COLOURS) else "dotted",
                    2,
                    scores,
                )
            )
    return lines


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
    canvas: Canvas,
    plot: _Plot,
    line: _Line,
    at: list[float],
    steps: list[Touchpoint],
    *,
    offset: int,
) -> None:
    """A point at each recorded score, joined where neighbouring steps both have one: a
    score not recorded is a gap in the line. Lines after the first are nudged sideways
    so that equal scores stay apart."""
    side = 1 if offset % 2 else -1
    shift = 0.0 if line.main else side * min(0.34 * ((offset + 1) // 2), plot.width / 2 - 0.16)
    names: list[str | None] = []
    for number, (x, step, score) in enumerate(zip(at, steps, line.scores, strict=True), 1):
        if score is None:
            names.append(None)
            continue
        name = f"{line.key}_{number}"
        _point(canvas, name, x + shift, plot.y(score), step, score, line)
        names.append(name)
    segment = {
        "color": const(line.colour),
        "penwidth": const(line.penwidth),
        "arrowhead": const("none"),
        "style": const(line.style),
    }
    for tail, head in itertools.pairwise(names):
        if tail is not None and head is not None:
            canvas.out.edge(tail, head, segment)


def _unmapped(canvas: Canvas, plot: _Plot, columns: list[int | Stage]) -> None:
    """A stage with no step keeps its column, greyed and saying so."""
    for index, column in enumerate(columns):
        if isinstance(column, int):
            continue
        canvas.box(
            dot.node_id("unmapped", column.id),
            plot.x(index),
            plot.top,
            plot.width - 0.06,
            plot.top - plot.bottom,
            {
                "style": const("filled"),
                "fillcolor": const(th.EMPTY),
                "color": const(th.BACKGROUND),
                "fontcolor": const(th.MUTED),
                "fontsize": const(TEXT_SIZE),
                "label": dot.label("no step\nmapped"),
            },
        )


def _notes(canvas: Canvas, plot: _Plot, at: list[float], steps: list[Touchpoint]) -> float:
    """Under the plot, each step's name, then its pains and delights; returns the bottom."""
    top = plot.bottom - 0.15
    width = plot.text_width
    captions = [
        _caption(number, touchpoint, width) for number, touchpoint in enumerate(steps, start=1)
    ]
    for number, (x, caption) in enumerate(zip(at, captions, strict=True), start=1):
        canvas.text(f"step_{number}_name", x, top, caption, align="center")
    top -= max(caption.height for caption in captions) + 0.12
    bottom = top
    for number, (x, touchpoint) in enumerate(zip(at, steps, strict=True), start=1):
        left = x - plot.width / 2 + 0.08
        below = top
        for kind, lines, colour in _callouts(touchpoint, width):
            if lines:
                text = TextBlock(lines, TEXT_SIZE)
                below = canvas.text(f"step_{number}_{kind}", left, below, text, colour) - 0.05
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
    canvas: Canvas,
    selection: Selection,
    columns: list[int | Stage],
    steps: list[Touchpoint],
    top: float,
) -> float:
    """Dark bands above the plot, one per run of columns in the same stage."""
    numbers = {stage.id: number for number, stage in numbered_stages(selection)}
    width = _Plot(len(columns), 0).width
    runs: list[tuple[str, int, int]] = []
    for index, column in enumerate(columns):
        stage_id = steps[column].stage if isinstance(column, int) else column.id
        if runs and runs[-1][0] == stage_id:
            runs[-1] = (stage_id, runs[-1][1], index)
        else:
            runs.append((stage_id, index, index))
    for number, (stage_id, first, last) in enumerate(runs):
        stage = selection.model.stages_by_id[stage_id]
        span = width * (last - first + 1) - 0.06
        text = f"{numbers[stage_id]}. {stage.name}"
        canvas.box(
            f"band_{number}",
            AXIS_WIDTH + width * (first + last + 1) / 2,
            top,
            span,
            BAND_HEIGHT,
            {
                "style": const("filled"),
                "fillcolor": const(th.HEADER),
                "color": const(th.BACKGROUND),
                "fontcolor": const(th.HEADER_TEXT),
                "fontsize": const(TEXT_SIZE),
                "label": dot.label(text, width=max(8, int(span * 72 / 5.2)), max_lines=2),
                "tooltip": dot.quote(stage.description or stage.name),
            },
        )
    return top - BAND_HEIGHT


def _point(
    canvas: Canvas, name: str, x: float, y: float, touchpoint: Touchpoint, score: int, line: _Line
) -> None:
    """A point with its score written in it: the journey persona's filled with the
    emotion's colour and ringed for moments of truth and roadblocks, the others white
    and ringed in their line's colour."""
    size = POINT if line.main else SMALL_POINT
    values = {
        "id": const(name),
        "shape": const("circle"),
        "style": const("filled"),
        "fillcolor": const(th.emotion_colour(score) if line.main else th.BACKGROUND),
        "color": const(th.MUTED if line.main else line.colour),
        "penwidth": const(1 if line.main else 2),
        "fontsize": const(11 if line.main else TEXT_SIZE),
        "label": dot.label(th.emotion_number(score)),
        "tooltip": dot.quote(f"{line.label}: {score:+d}\n{touchpoint_tooltip(touchpoint)}"),
    }
    if line.main:
        values["class"] = touchpoint_class(touchpoint)
        if any(pain.roadblock for pain in touchpoint.pains):
            values |= {"color": const(th.ROADBLOCK), "penwidth": const(3)}
        elif touchpoint.moment_of_truth:
            values |= {"color": const(th.INK), "penwidth": const(2.5)}
    canvas.box(name, x, y + size / 2, size, size, values)


def _caption(number: int, touchpoint: Touchpoint, width: int) -> TextBlock:
    lines = dot.wrap(f"{number}. {touchpoint.name}", width, max_lines=5)
    if touchpoint.moment_of_truth:
        lines.append(f"{th.MOMENT_OF_TRUTH_MARK} moment of truth")
    if touchpoint.emotion is None:
        lines.append("emotion not recorded")
    return TextBlock(lines, TEXT_SIZE)


def _callouts(touchpoint: Touchpoint, width: int) -> list[tuple[str, list[str], str]]:
    """Pains (roadblocks first, then worst first) and delights, a few of each."""
    pains = sorted(touchpoint.pains, key=lambda pain: (not pain.roadblock, -pain.severity_rank))
    marked = [(th.ROADBLOCK_MARK if p.roadblock else th.PAIN_MARK, p.text) for p in pains]
    delights = [(th.DELIGHT_MARK, delight) for delight in touchpoint.delights]
    return [
        ("pains", bulleted(marked, width, MAX_CALLOUTS, "pain"), th.PAIN_TEXT),
        ("delights", bulleted(delights, width, MAX_CALLOUTS, "delight"), th.DELIGHT_TEXT),
    ]


def _legend(canvas: Canvas, top: float, lines: list[_Line]) -> None:
    """A sample of each line with its name, then what the marks mean."""
    x = 0.0
    for index, line in enumerate(lines):
        start, end = f"legend_line_{index}_start", f"legend_line_{index}_end"
        hidden = {"shape": const("point"), "style": const("invis")}
        canvas.box(start, x, top - 0.08, 0.01, 0.01, hidden)
        canvas.box(end, x + 0.5, top - 0.08, 0.01, 0.01, hidden)
        canvas.out.edge(
            start,
            end,
            {
                "color": const(line.colour),
                "penwidth": const(line.penwidth),
                "arrowhead": const("none"),
                "style": const(line.style),
            },
        )
        text = TextBlock([line.label], 10)
        canvas.text(f"legend_line_{index}", x + 0.6, top, text, th.INK)
        x += 0.6 + text.width + 0.35
    words = [
        f"{th.MOMENT_OF_TRUTH_MARK} moment of truth (black ring)",
        f"{th.ROADBLOCK_MARK} roadblock (red ring)",
        f"{th.PAIN_MARK} pain",
        f"{th.DELIGHT_MARK} delight",
        "the number in a point: the score there, -2 to +2",
        "a gap in a line: nothing recorded there",
    ]
    rows = ["      ".join(words[:4]), "      ".join(words[4:])]
    canvas.text("legend", 0.0, top - 0.3, TextBlock(rows, 10), th.MUTED)


def _key(level: int) -> str:
    return f"m{-level}" if level < 0 else str(level)
