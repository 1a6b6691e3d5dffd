"""The service blueprint: what the organisation does to deliver each touchpoint.

Touchpoints are columns under bands naming their stages (with ``--journey``, the
journey's steps in order); within a stage, touchpoints of the same organisation sit
together and the frontstage names the organisation. The lanes, top to bottom, are
the practitioners' own:

- physical evidence and channels: what the customer meets it through;
- customer actions: what the customer is doing;
- the line of interaction;
- frontstage: the touchpoint, as the customer sees it;
- the line of visibility;
- backstage: what staff and systems do out of the customer's sight;
- the line of internal interaction;
- support processes: the processes, systems and partners behind it.

With no options it covers the whole map; ``--stage`` and ``--journey`` narrow it. The
lanes are laid out here and pinned in place (see :mod:`cjmap.render.views.canvas`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from cjmap.model import texts as lane_texts
from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views import CannotDraw, Selection
from cjmap.render.views.canvas import Canvas, TextBlock
from cjmap.render.views.common import (
    bulleted,
    evidence_text,
    markers,
    numbered_stages,
    subtitle,
    touchpoint_box,
)
from cjmap.render.views.graph import const

if TYPE_CHECKING:
    from cjmap.model import Touchpoint

MAX_COLUMNS: Final = 80
"""More touchpoints than this make a blueprint nobody can read; the view asks for a filter."""
HEAD_WIDTH: Final = 1.9  # inches: the lane names
COLUMN_WIDTH: Final = 1.75  # inches: one touchpoint
TEXT_WIDTH: Final = 20  # columns of text across a touchpoint
FONT_SIZE: Final = 9.5
PAD: Final = 0.08
BAND_HEIGHT: Final = 0.45
MAX_ENTRIES: Final = 4

# The lines between the lanes: drawn under the lane they follow.
LINES: Final = {
    "Customer actions": "line of interaction",
    "Frontstage": "line of visibility",
    "Backstage": "line of internal interaction",
}


def build(selection: Selection, title: str) -> str:
    """The DOT source of the blueprint view."""
    columns = _columns(selection)
    if not columns:
        raise CannotDraw("no touchpoint is drawn; the blueprint has nothing to show")
    if len(columns) > MAX_COLUMNS:
        raise CannotDraw(
            f"{len(columns)} touchpoints are too many for one readable blueprint (the "
            f"blueprint view draws up to {MAX_COLUMNS}); narrow it with --stage or --journey"
        )
    canvas = Canvas("blueprint", edges=True)
    top = canvas.titles(title, subtitle(selection, "blueprint"))
    top = _bands(canvas, selection, columns, top)
    right = HEAD_WIDTH + COLUMN_WIDTH * len(columns)
    for word, lines_of in _lanes(selection):
        texts = [TextBlock(lines_of(touchpoint), FONT_SIZE) for touchpoint in columns]
        top = _lane(canvas, word, columns, texts, top, frontstage=word == "Frontstage")
        if word in LINES:
            top = _line(canvas, LINES[word], top, right)
    return canvas.source()


def _columns(selection: Selection) -> list[Touchpoint]:
    """The touchpoints across: a journey's steps in order, else stage by stage with each
    stage's touchpoints grouped by organisation (in the map's order of organisations)."""
    if selection.options.journeys:
        shown = [step for journey in selection.journeys for step, _ in selection.steps(journey)]
        return list({step.id: step for step in shown}.values())
    rank = {
        organisation.id: index for index, organisation in enumerate(selection.model.organisations)
    }
    return [
        touchpoint
        for stage in selection.stages
        for touchpoint in sorted(
            selection.touchpoints_by_stage[stage.id],
            key=lambda tp: rank.get(tp.organisation or "", -1),
        )
    ]


def _x(column: int) -> float:
    return HEAD_WIDTH + COLUMN_WIDTH * (column + 0.5)


def _bands(canvas: Canvas, selection: Selection, columns: list[Touchpoint], top: float) -> float:
    """A dark band over each run of columns in one stage; returns the top of the lanes."""
    numbers = {stage.id: number for number, stage in numbered_stages(selection)}
    runs: list[tuple[str, int, int]] = []
    for index, touchpoint in enumerate(columns):
        if runs and runs[-1][0] == touchpoint.stage:
            runs[-1] = (touchpoint.stage, runs[-1][1], index)
        else:
            runs.append((touchpoint.stage, index, index))
    for number, (stage_id, first, last) in enumerate(runs):
        stage = selection.model.stages_by_id[stage_id]
        span = COLUMN_WIDTH * (last - first + 1) - 0.06
        canvas.box(
            f"band_{number}",
            HEAD_WIDTH + COLUMN_WIDTH * (first + last + 1) / 2,
            top,
            span,
            BAND_HEIGHT,
            {
                "fillcolor": const(th.HEADER),
                "color": const(th.BACKGROUND),
                "fontcolor": const(th.HEADER_TEXT),
                "fontsize": const(10),
                "label": dot.label(
                    f"{numbers[stage_id]}. {stage.name}", width=int(span * 13), max_lines=2
                ),
                "tooltip": dot.quote(stage.description or stage.name),
            },
        )
    return top - BAND_HEIGHT - 0.05


def _lanes(selection: Selection) -> list[tuple[str, Callable[[Touchpoint], list[str]]]]:
    model = selection.model

    def evidence(touchpoint: Touchpoint) -> list[str]:
        lines: list[str] = []
        for channel_id in touchpoint.channels:
            channel = model.channels_by_id[channel_id]
            kind = f" ({channel.kind})" if channel.kind else ""
            lines.extend(dot.wrap(channel.name + kind, TEXT_WIDTH + 2, max_lines=2))
        return lines

    def listed(lane: str) -> Callable[[Touchpoint], list[str]]:
        def lines(touchpoint: Touchpoint) -> list[str]:
            entries = [(th.BULLET, text) for text in lane_texts(getattr(touchpoint, lane))]
            return bulleted(entries, TEXT_WIDTH, MAX_ENTRIES, "entry", nouns="entries")

        return lines

    def frontstage(touchpoint: Touchpoint) -> list[str]:
        organisation = model.organisations_by_id.get(touchpoint.organisation or "")
        lines = [*markers(touchpoint)]
        if organisation is not None:
            kind = {"third-party": "third party", "partner": "partner"}.get(organisation.kind)
            named = f"{organisation.name} ({kind})" if kind else organisation.name
            lines.extend(dot.wrap(named, TEXT_WIDTH, max_lines=3))
            lines.append("")
        lines.extend(dot.wrap(touchpoint.name, TEXT_WIDTH, max_lines=4))
        lines.append(th.emotion_text(touchpoint.emotion_for()))
        if word := evidence_text(touchpoint.evidence):
            lines.append(word)
        return lines

    return [
        ("Physical evidence and channels", evidence),
        ("Customer actions", listed("doing")),
        ("Frontstage", frontstage),
        ("Backstage", listed("backstage")),
        ("Support processes", listed("support")),
    ]


def _lane(
    canvas: Canvas,
    word: str,
    columns: list[Touchpoint],
    texts: list[TextBlock],
    top: float,
    *,
    frontstage: bool,
) -> float:
    """One lane: its name, then a cell per touchpoint (grey when empty)."""
    height = max([text.height for text in texts] + [0.3]) + 2 * PAD + 0.04
    key = word.split()[0].lower()
    canvas.box(
        f"lane_{key}",
        HEAD_WIDTH / 2,
        top,
        HEAD_WIDTH,
        height,
        {
            "fillcolor": const(th.PANEL),
            "fontsize": const(11),
            "label": dot.label(word, width=18),
        },
    )
    for column, (touchpoint, text) in enumerate(zip(columns, texts, strict=True)):
        name = dot.node_id(key, touchpoint.id)
        values: dict[str, str] = {"label": const(""), "color": const(th.RULE)}
        if not text.lines:
            values["fillcolor"] = const(th.EMPTY)
        elif frontstage:
            values = touchpoint_box(name, touchpoint, text.lines) | {"fontsize": const(FONT_SIZE)}
        canvas.box(name, _x(column), top, COLUMN_WIDTH - 0.06, height - 0.04, values)
        if text.lines and not frontstage:
            left = _x(column) - COLUMN_WIDTH / 2 + PAD
            canvas.text(f"{name}_text", left, top - PAD, text)
    return top - height


def _line(canvas: Canvas, words: str, top: float, right: float) -> float:
    """A dashed line across the blueprint with its name on the left."""
    start, end = f"{words.replace(' ', '_')}_start", f"{words.replace(' ', '_')}_end"
    hidden = {"shape": const("point"), "style": const("invis")}
    y = top - 0.17
    canvas.box(start, HEAD_WIDTH, y, 0.01, 0.01, hidden)
    canvas.box(end, right, y, 0.01, 0.01, hidden)
    canvas.out.edge(
        start,
        end,
        {
            "style": const("dashed"),
            "color": const(th.MUTED),
            "penwidth": const(1.5),
            "arrowhead": const("none"),
        },
    )
    canvas.text(words.replace(" ", "_"), 0.05, top - 0.05, TextBlock([words], 9), th.MUTED)
    return top - 0.34
