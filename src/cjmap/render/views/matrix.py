"""The swimlane map: stages as columns, channels as rows, touchpoints in the cells.

Each touchpoint appears in the row of each of its channels, as a chip filled with the
colour of its emotion. A cell with no touchpoint is grey, so gaps in the omnichannel
experience stand out. Under the grid, rows give what customers are doing, thinking
and feeling in each stage, and the stage's average emotion.

The grid is laid out here, cell by cell, and pinned in place (see
:mod:`cjmap.render.views.canvas`): the built-in Graphviz cannot draw HTML-like tables,
and pinned boxes look the same with every backend.
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
    legend_emotions,
    markers,
    numbered_stages,
    subtitle,
    touchpoint_class,
    touchpoint_tooltip,
)
from cjmap.render.views.graph import const

if TYPE_CHECKING:
    from cjmap.model import Channel, Touchpoint

MAX_TOUCHPOINTS: Final = 600
"""More touchpoints than this cannot be read in one grid; the view asks for a filter."""
MAX_CHIPS: Final = 8  # chips in one cell; the rest are counted under them
MAX_ENTRIES: Final = 4  # doing / thinking entries per stage

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
    top = grid.story_row(top, "Doing", lambda tp: lane_texts(tp.doing), quote=False)
    top = grid.story_row(top, "Thinking", lambda tp: lane_texts(tp.thinking), quote=True)
    top = grid.feeling_row(top)
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
        dashed = "" if touchpoint.emotion is not None else ",dashed"
        values = {
            "id": const(name),
            "style": const("rounded,filled" + dashed),
            "fillcolor": const(th.emotion_colour(touchpoint.emotion_for())),
            "color": const(th.MUTED),
            "label": dot.label("\n".join(text.lines)),
            "tooltip": dot.quote(touchpoint_tooltip(touchpoint)),
            "class": touchpoint_class(touchpoint),
        }
        if any(pain.roadblock for pain in touchpoint.pains):
            values |= {"color": const(th.ROADBLOCK), "penwidth": const(2.5)}
        elif touchpoint.moment_of_truth:
            values |= {"color": const(th.INK), "penwidth": const(2)}
        height = text.height + 2 * CHIP_PAD
        return self.canvas.box(name, x, top, CHIP_WIDTH, height, values)

    def story_row(
        self, top: float, word: str, text_of: Callable[[Touchpoint], list[str]], *, quote: bool
    ) -> float:
        texts = []
        for stage in self.selection.stages:
            touchpoints = self.selection.touchpoints_by_stage[stage.id]
            entries = [text for tp in touchpoints for text in text_of(tp)]
            shown = [(th.BULLET, f"\u201c{e}\u201d" if quote else e) for e in entries]
            lines = bulleted(shown, TEXT_WIDTH, MAX_ENTRIES, "touchpoint")
            texts.append(TextBlock(lines))
        return self.text_row(top, word, texts)

    def feeling_row(self, top: float) -> float:
        texts = []
        for stage in self.selection.stages:
            feelings: list[str] = []
            for tp in self.selection.touchpoints_by_stage[stage.id]:
                feelings.extend(f for f in lane_texts(tp.feeling) if f not in feelings)
            texts.append(TextBlock(dot.wrap(", ".join(feelings), TEXT_WIDTH, max_lines=4)))
        return self.text_row(top, "Feeling", texts)

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
        height = 0.55
        self.row_head("row_emotion", top, height, ["Emotion", "(average)"])
        for column, stage in enumerate(self.selection.stages):
            touchpoints = self.selection.touchpoints_by_stage[stage.id]
            emotions = [e for tp in touchpoints if (e := tp.emotion_for()) is not None]
            if emotions:
                average = sum(emotions) / len(emotions)
                low, high = th.emotion_number(min(emotions)), th.emotion_number(max(emotions))
                spread = f"from {low} to {high}" if low != high else f"all {low}"
                label = f"{th.emotion_number(round(average, 1))} average\n{spread}"
                values = {"fillcolor": const(th.emotion_colour(average)), "label": dot.label(label)}
            else:
                values = {
                    "fillcolor": const(th.EMPTY),
                    "fontcolor": const(th.FAINT),
                    "label": const("no emotion recorded"),
                }
            name = dot.node_id("emotion", stage.id)
            self.canvas.box(name, self.x(column), top, COLUMN_WIDTH, height, values)
        return top - height

    def legend(self, top: float) -> None:
        """One line of samples under the grid: the emotion colours and the markers."""
        samples: list[tuple[str, dict[str, str]]] = [
            (
                th.emotion_text(emotion),
                {
                    "fillcolor": const(colour),
                    "style": const("rounded,filled" + ("" if emotion is not None else ",dashed")),
                },
            )
            for emotion, colour in legend_emotions(self.selection)
        ]
        samples.append(
            (
                f"{th.MOMENT_OF_TRUTH_MARK} Moment of truth",
                {"style": const("rounded,filled"), "color": const(th.INK), "penwidth": const(2)},
            )
        )
        samples.append(
            (
                f"{th.ROADBLOCK_MARK} Roadblock",
                {
                    "style": const("rounded,filled"),
                    "color": const(th.ROADBLOCK),
                    "penwidth": const(2.5),
                },
            )
        )
        self.canvas.text("legend", 0, top - 0.04, TextBlock(["Legend"], HEAD_SIZE), th.MUTED)
        x = 0.8
        for index, (text, values) in enumerate(samples):
            width = TextBlock([text]).width + 0.3
            sample = {"label": dot.label(text), "color": const(th.MUTED)} | values
            self.canvas.box(f"legend_{index}", x + width / 2, top, width, 0.3, sample)
            x += width + 0.12


def _chip_text(touchpoint: Touchpoint) -> TextBlock:
    return TextBlock(
        [*markers(touchpoint), *dot.wrap(touchpoint.name, TEXT_WIDTH - 2, max_lines=4)]
    )
