"""The swimlane map: stages as columns, channels as rows, touchpoints in the cells.

Each touchpoint appears in the row of each of its channels, as a chip filled with the
colour of its emotion and saying it. A cell with no touchpoint is grey, so gaps in the
omnichannel experience stand out. Under the grid come the lanes of a practitioner's
journey map, in their order, each from the stage and its touchpoints: Doing, Thinking,
Feeling (bullets, each text once), Pains (worst first, severity and roadblocks marked),
Delights, Opportunities (every one that addresses the stage, with impact and effort),
Metrics (those off target marked) and the stage's Emotion as its range. A lane that
is empty in every stage is left out.

The grid is laid out here, cell by cell, and pinned in place (see
:mod:`cjmap.render.views.canvas`): the built-in Graphviz cannot draw HTML-like tables,
and pinned boxes look the same with every backend.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from cjmap.model import texts as lane_texts
from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views import CannotDraw, Selection
from cjmap.render.views.canvas import Canvas, TextBlock
from cjmap.render.views.common import (
    bulleted,
    evidence_text,
    legend_emotions,
    markers,
    metric_text,
    numbered_stages,
    opportunities_by_stage,
    opportunity_text,
    pain_text,
    subtitle,
    touchpoint_box,
    worst_first,
)
from cjmap.render.views.graph import const
from cjmap.text import plural, squashed

if TYPE_CHECKING:
    from cjmap.model import Channel, Stage, Touchpoint

MAX_TOUCHPOINTS: Final = 600
"""More touchpoints than this cannot be read in one grid; the view asks for a filter."""
MAX_CHIPS: Final = 8  # chips in one cell; the rest are counted under them
MAX_ENTRIES: Final = 4  # entries of a lane per stage; the rest are counted
MAX_PAINS: Final = 6  # pains per stage, worst first

HEAD_WIDTH: Final = 2.0  # inches: the column of row names
COLUMN_WIDTH: Final = 2.3  # inches: one stage
CHIP_WIDTH: Final = COLUMN_WIDTH - 0.24
TEXT_WIDTH: Final = 28  # columns of text across a stage
HEAD_TEXT_WIDTH: Final = 24  # columns of text across the row names
PAD: Final = 0.1  # inches between a cell's edge and what is in it
CHIP_PAD: Final = 0.06  # inches above and below a chip's text
GAP: Final = 0.08  # inches between chips
HEAD_SIZE: Final = 11.0


def build(selection: Selection, title: str) -> str:
    """The DOT source of the matrix view."""
    if len(selection.touchpoints) > MAX_TOUCHPOINTS:
        raise CannotDraw(
            f"{len(selection.touchpoints)} touchpoints are too many for one readable grid "
            f"(the matrix view draws up to {MAX_TOUCHPOINTS}); narrow it with --stage, "
            "--persona or --journey"
        )
    grid = _Grid(selection)
    top = grid.canvas.titles(title, subtitle(selection, "matrix"))
    top = grid.header_row(top)
    for channel in selection.model.channels:
        top = grid.channel_row(top, channel)
    for word, lines_of in _lanes(selection):
        texts = [TextBlock(lines_of(stage)) for stage in selection.stages]
        if any(text.lines for text in texts):
            top = grid.text_row(top, word, texts)
    top = grid.emotion_row(top)
    grid.legend(top - 0.3)
    return grid.canvas.source()


class _Grid:
    """Writes the cells row by row, from the top down."""

    def __init__(self, selection: Selection) -> None:
        self.canvas = Canvas("matrix")
        self.selection = selection

    def x(self, column: int) -> float:
        """The centre of a stage column."""
        return HEAD_WIDTH + COLUMN_WIDTH * (column + 0.5)

    def header_row(self, top: float) -> float:
        labels = [
            TextBlock(dot.wrap(f"{number}. {stage.name}", TEXT_WIDTH - 4, max_lines=3), HEAD_SIZE)
            for number, stage in numbered_stages(self.selection)
        ]
        height = max([text.height for text in labels] + [0.3]) + 2 * PAD
        header = {
            "fillcolor": const(th.HEADER),
            "color": const(th.BACKGROUND),
            "fontcolor": const(th.HEADER_TEXT),
            "fontsize": const(HEAD_SIZE),
        }
        corner = header | {"label": dot.label("Channel \u2193   Stage \u2192")}
        self.canvas.box("corner", HEAD_WIDTH / 2, top, HEAD_WIDTH, height, corner)
        for column, (stage, text) in enumerate(zip(self.selection.stages, labels, strict=True)):
            values = header | {
                "label": dot.label("\n".join(text.lines)),
                "tooltip": dot.quote(stage.description or stage.name),
            }
            name = dot.node_id("stage", stage.id)
            self.canvas.box(name, self.x(column), top, COLUMN_WIDTH, height, values)
        return top - height

    def row_head(self, name: str, top: float, height: float, lines: list[str]) -> None:
        values = {
            "fillcolor": const(th.PANEL),
            "fontsize": const(HEAD_SIZE),
            "label": dot.label("\n".join(lines)),
        }
        self.canvas.box(name, HEAD_WIDTH / 2, top, HEAD_WIDTH, height, values)

    def channel_row(self, top: float, channel: Channel) -> float:
        cells = [
            [
                tp
                for tp in self.selection.touchpoints_by_stage[stage.id]
                if channel.id in tp.channels
            ]
            for stage in self.selection.stages
        ]
        chips = [[_chip_text(tp) for tp in cell[:MAX_CHIPS]] for cell in cells]
        stacks = [sum(text.height + 2 * CHIP_PAD + GAP for text in texts) - GAP for texts in chips]
        more = 0.3 if any(len(cell) > MAX_CHIPS for cell in cells) else 0.0
        height = max([*stacks, 0.4]) + more + 2 * PAD
        head = dot.wrap(channel.name, HEAD_TEXT_WIDTH, max_lines=3)
        if channel.kind:
            head.append(f"({channel.kind})")
        self.row_head(dot.node_id("channel", channel.id), top, height, head)
        for column, (stage, cell, texts) in enumerate(
            zip(self.selection.stages, cells, chips, strict=True)
        ):
            name = dot.node_id("cell", f"{channel.id}@{stage.id}")
            values = {"label": const("")}
            if not cell:
                values = {
                    "fillcolor": const(th.EMPTY),
                    "fontcolor": const(th.FAINT),
                    "label": const("no touchpoint"),
                }
            self.canvas.box(name, self.x(column), top, COLUMN_WIDTH, height, values)
            y = top - PAD
            for touchpoint, text in zip(cell, texts, strict=False):
                y = self.chip(touchpoint, channel.id, self.x(column), y, text) - GAP
            if len(cell) > MAX_CHIPS:
                rest = TextBlock([f"+ {len(cell) - MAX_CHIPS} more"])
                self.canvas.text(
                    dot.node_id("more", f"{channel.id}@{stage.id}"),
                    self.x(column),
                    y,
                    rest,
                    th.MUTED,
                    align="center",
                )
        return top - height

    def chip(
        self, touchpoint: Touchpoint, channel_id: str, x: float, top: float, text: TextBlock
    ) -> float:
        name = dot.node_id("chip", f"{touchpoint.id}@{channel_id}")
        values = touchpoint_box(name, touchpoint, text.lines)
        height = text.height + 2 * CHIP_PAD
        return self.canvas.box(name, x, top, CHIP_WIDTH, height, values)

    def text_row(self, top: float, word: str, texts: list[TextBlock]) -> float:
        height = max([text.height for text in texts] + [0.3]) + 2 * PAD
        self.row_head(f"row_{word.lower()}", top, height, [word])
        for column, (stage, text) in enumerate(zip(self.selection.stages, texts, strict=True)):
            name = dot.node_id(word.lower(), stage.id)
            fill = th.BACKGROUND if text.lines else th.EMPTY
            values = {"fillcolor": const(fill), "label": const("")}
            self.canvas.box(name, self.x(column), top, COLUMN_WIDTH, height, values)
            if text.lines:
                left = self.x(column) - COLUMN_WIDTH / 2 + PAD
                self.canvas.text(f"{name}_text", left, top - PAD, text)
        return top - height

    def emotion_row(self, top: float) -> float:
        """The stage's emotion as its range over the stage and its touchpoints, so that a
        -2 and a +2 never read as a calm 0; filled with the average's colour. Left out
        when no stage has an emotion."""
        ranges = [self._emotions(stage) for stage in self.selection.stages]
        if not any(emotions for emotions, _ in ranges):
            return top
        height = 0.55
        self.row_head("row_emotion", top, height, ["Emotion", "(range)"])
        for column, (stage, (emotions, counted)) in enumerate(
            zip(self.selection.stages, ranges, strict=True)
        ):
            if emotions:
                low, high = th.emotion_number(min(emotions)), th.emotion_number(max(emotions))
                spread = low if low == high else f"{low} \u2026 {high}"
                average = sum(emotions) / len(emotions)
                label = f"{spread}\n{counted}"
                values = {"fillcolor": const(th.emotion_colour(average)), "label": dot.label(label)}
            else:
                values = {
                    "fillcolor": const(th.EMPTY),
                    "fontcolor": const(th.MUTED),
                    "label": const("no emotion recorded"),
                }
            name = dot.node_id("emotion", stage.id)
            self.canvas.box(name, self.x(column), top, COLUMN_WIDTH, height, values)
        return top - height

    def _emotions(self, stage: Stage) -> tuple[list[int], str]:
        """The emotions recorded for a stage and its touchpoints, and what they come from
        in words ("3 touchpoints", "the stage and 1 touchpoint")."""
        from_touchpoints = [
            emotion
            for tp in self.selection.touchpoints_by_stage[stage.id]
            if (emotion := tp.emotion_for()) is not None
        ]
        own = stage.emotion_for()
        emotions = from_touchpoints + ([own] if own is not None else [])
        parts = ["the stage"] if own is not None else []
        if from_touchpoints:
            parts.append(plural(len(from_touchpoints), "touchpoint"))
        return emotions, " and ".join(parts)

    def legend(self, top: float) -> None:
        """Lines of samples under the grid: the emotion colours, the markers, the marks
        of the lanes and the evidence."""
        plain = {"style": const("rounded,filled")}
        rows: list[list[tuple[str, dict[str, str]]]] = [
            [
                (th.emotion_text(emotion), plain | {"fillcolor": const(colour)})
                for emotion, colour in legend_emotions(self.selection)
            ],
            [
                (
                    f"{th.MOMENT_OF_TRUTH_MARK} Moment of truth",
                    plain | {"color": const(th.INK), "penwidth": const(2)},
                ),
                (
                    f"{th.ROADBLOCK_MARK} Roadblock: a pain that can stop the journey",
                    plain | {"color": const(th.ROADBLOCK), "penwidth": const(2.5)},
                ),
                (f"{th.PAIN_MARK} Pain, worst first", plain),
                (f"{th.DELIGHT_MARK} Delight", plain),
                (f"{th.OFF_TARGET_MARK} Metric off its target", plain),
            ],
            [
                ("hypothesis: not yet checked with customers", {"style": const("rounded,dashed")}),
                ("observed: seen in research", plain),
                (f"{th.VALIDATED_MARK} validated with customers", plain),
            ],
        ]
        self.canvas.text("legend", 0, top - 0.04, TextBlock(["Legend"], HEAD_SIZE), th.MUTED)
        index = 0
        for samples in rows:
            x = 0.8
            for text, values in samples:
                width = TextBlock([text]).width + 0.3
                sample = {"label": dot.label(text), "color": const(th.MUTED)} | values
                self.canvas.box(f"legend_{index}", x + width / 2, top, width, 0.3, sample)
                x += width + 0.12
                index += 1
            top -= 0.42


def _chip_text(touchpoint: Touchpoint) -> TextBlock:
    """A chip's lines: markers, the name, and the emotion in words (never colour alone)."""
    lines = [*markers(touchpoint), *dot.wrap(touchpoint.name, TEXT_WIDTH - 2, max_lines=4)]
    lines.append(th.emotion_text(touchpoint.emotion_for()))
    evidence = evidence_text(touchpoint.evidence)
    return TextBlock([*lines, evidence] if evidence else lines)


def _lanes(selection: Selection) -> list[tuple[str, Callable[[Stage], list[str]]]]:
    """The lanes under the grid, in a practitioner's order: each a word and the lines
    of one stage's cell."""
    model = selection.model
    by_stage = selection.touchpoints_by_stage
    opportunities = opportunities_by_stage(model)

    def story(lane: str, quote: bool) -> Callable[[Stage], list[str]]:
        def lines(stage: Stage) -> list[str]:
            holders = [stage, *by_stage[stage.id]]
            said = _once(text for holder in holders for text in lane_texts(getattr(holder, lane)))
            shown = [(th.BULLET, f"\u201c{text}\u201d" if quote else text) for text in said]
            return bulleted(shown, TEXT_WIDTH, MAX_ENTRIES, "entry", nouns="entries")

        return lines

    def pains(stage: Stage) -> list[str]:
        every = worst_first([*stage.pains, *(p for tp in by_stage[stage.id] for p in tp.pains)])
        texts = _once(pain_text(pain) for pain in every)
        marks = {pain_text(pain): _pain_mark(pain.roadblock) for pain in every}
        return bulleted([(marks[text], text) for text in texts], TEXT_WIDTH, MAX_PAINS, "pain")

    def delights(stage: Stage) -> list[str]:
        texts = _once([*stage.delights, *(d for tp in by_stage[stage.id] for d in tp.delights)])
        shown = [(th.DELIGHT_MARK, text) for text in texts]
        return bulleted(shown, TEXT_WIDTH, MAX_ENTRIES, "delight")

    def chances(stage: Stage) -> list[str]:
        # Every opportunity is listed and its title wrapped in full: they are few, and
        # they are what the team will act on.
        shown = [(th.BULLET, opportunity_text(o)) for o in opportunities.get(stage.id, [])]
        return bulleted(shown, TEXT_WIDTH, len(shown), "opportunity", lines_each=None)

    def metrics(stage: Stage) -> list[str]:
        shown: list[tuple[str, str]] = []
        for tp in by_stage[stage.id]:
            for metric in tp.metrics:
                name, value = metric_text(metric)
                mark = th.OFF_TARGET_MARK if metric.off_target else th.BULLET
                shown.append((mark, f"{name}: {value}"))
        return bulleted(shown, TEXT_WIDTH, MAX_ENTRIES, "metric")

    return [
        ("Doing", story("doing", quote=False)),
        ("Thinking", story("thinking", quote=True)),
        ("Feeling", story("feeling", quote=False)),
        ("Pains", pains),
        ("Delights", delights),
        ("Opportunities", chances),
        ("Metrics", metrics),
    ]


def _pain_mark(roadblock: bool) -> str:
    return th.ROADBLOCK_MARK if roadblock else th.PAIN_MARK


def _once(texts: Iterable[str]) -> list[str]:
    """Each text once, in the order first met (the same quote on four touchpoints, once)."""
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(squashed(text).casefold(), text)
    return list(seen.values())
