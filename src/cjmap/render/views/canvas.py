"""Drawing with pinned boxes: views that lay themselves out (the matrix, the emotion curve)
place every box here, in inches, and Graphviz's neato draws them exactly there.

The y axis grows upwards, as in Graphviz: a view starts at 0 and works down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views.graph import DotWriter, block_inches, const, pos

SLACK: Final = 1.15
"""Room for fonts wider than Helvetica: the `dot` program measures and draws text with
whatever font the system substitutes (often DejaVu Sans, about a tenth wider)."""
FONT_SIZE: Final = 10.0


@dataclass(frozen=True)
class TextBlock:
    """Lines of text at one size, and the room they take."""

    lines: list[str]
    size: float = FONT_SIZE

    @property
    def width(self) -> float:
        return block_inches(self.lines, self.size)[0] * SLACK

    @property
    def height(self) -> float:
        # Line spacing is fixed by the font size, whatever font draws the text.
        return block_inches(self.lines, self.size)[1]


class Canvas:
    """A neato graph whose nodes are pinned where the view puts them."""

    def __init__(
        self,
        name: str,
        *,
        edges: bool = False,
        order: Literal["nodesfirst", "edgesfirst"] = "nodesfirst",
    ) -> None:
        self.out = DotWriter("digraph" if edges else "graph", name)
        self.out.defaults(
            "graph",
            {
                "layout": const("neato"),
                "pad": const(0.3),
                "bgcolor": const(th.BACKGROUND),
                "outputorder": const(order),
            },
        )
        self.out.defaults(
            "node",
            {
                "shape": const("box"),
                "fixedsize": const("true"),
                "style": const("filled"),
                "fontname": const(th.FONT),
                "fontsize": const(FONT_SIZE),
                "fontcolor": const(th.INK),
                "color": const(th.RULE),
                "fillcolor": const(th.BACKGROUND),
                "penwidth": const(1),
                "margin": const("0.08,0.06"),
            },
        )

    def box(
        self,
        name: str,
        x: float,
        top: float,
        width: float,
        height: float,
        values: dict[str, str],
    ) -> float:
        """A box centred on *x* whose top edge is at *top*; returns its bottom."""
        self.out.node(
            name,
            {
                "pos": pos(x, top - height / 2),
                "width": const(width),
                "height": const(height),
                **values,
            },
        )
        return top - height

    def text(
        self,
        name: str,
        x: float,
        top: float,
        text: TextBlock,
        colour: str = th.INK,
        *,
        align: Literal["left", "center", "right"] = "left",
    ) -> float:
        """Free text, no box: *x* is its left edge, centre or right edge as *align*
        says; returns its bottom."""
        width = text.width + 0.05
        centre = {"left": x + width / 2, "center": x, "right": x - width / 2}[align]
        return self.box(
            name,
            centre,
            top,
            width,
            text.height,
            {
                "shape": const("plaintext"),
                "style": const(""),
                "fixedsize": const("false"),
                "margin": const(0),
                "fontsize": const(text.size),
                "fontcolor": const(colour),
                "label": dot.label("\n".join(text.lines), align=align),
            },
        )

    def titles(self, title: str, subtitle: str) -> float:
        """The title and, smaller, the subtitle at the top left; returns where the view
        can start."""
        below = self.text("title", 0, 0, TextBlock(dot.wrap(title, 90, max_lines=2), 22))
        line = TextBlock(dot.wrap(subtitle, 150, max_lines=2), 13)
        return self.text("subtitle", 0, below - 0.08, line, th.MUTED) - 0.25

    def source(self) -> str:
        return self.out.text()
