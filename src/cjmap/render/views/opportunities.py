"""The opportunities weighed: value against effort, a 3-by-3 grid.

Impact runs up (low at the bottom, high at the top), effort across (low on the left,
high on the right), so the quick wins sit top left. Each opportunity is a card in the
cell of its scores, with its status and evidence, and under its title the pains (or the
touchpoints and stages) it addresses. Opportunities not yet weighed, with no impact or
no effort, are listed under the grid. A map with no opportunities gets the empty grid
and a line saying how to add them.

The grid is laid out here and pinned in place (see :mod:`cjmap.render.views.canvas`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views.canvas import Canvas, TextBlock
from cjmap.render.views.common import bulleted, evidence_text, subtitle
from cjmap.render.views.graph import const

if TYPE_CHECKING:
    from cjmap.model import CJMap, Opportunity
    from cjmap.render.views import Selection

LEVELS: Final = ("low", "medium", "high")
HEAD_WIDTH: Final = 1.5  # inches: the impact words left of the grid
CELL_WIDTH: Final = 3.2  # inches: one effort column
TEXT_WIDTH: Final = 36  # columns of text on a card
PAD: Final = 0.1
GAP: Final = 0.1
FONT_SIZE: Final = 10.0
MAX_ADDRESSED: Final = 4  # pains listed under a card; the rest are counted

# What practitioners call the corners of the grid.
CORNERS: Final = {
    ("high", "low"): "Quick wins",
    ("high", "high"): "Big bets",
    ("low", "low"): "Fill-ins",
    ("low", "high"): "Not worth it",
}
STATUS_WORDS: Final = {"chosen": "CHOSEN", "rejected": "rejected"}


def build(selection: Selection, title: str) -> str:
    """The DOT source of the opportunities view."""
    model = selection.model
    canvas = Canvas("opportunities")
    count = len(model.opportunities)
    words = f"{count} opportunit{'y' if count == 1 else 'ies'}"
    top = canvas.titles(title, f"{subtitle(selection, 'opportunities')} {th.DOT} {words}")
    top = _heads(canvas, top)
    cards: dict[tuple[str, str], list[Opportunity]] = {
        (impact, effort): [] for impact in LEVELS for effort in LEVELS
    }
    unweighed: list[Opportunity] = []
    for opportunity in model.opportunities:
        if opportunity.impact and opportunity.effort:
            cards[(opportunity.impact, opportunity.effort)].append(opportunity)
        else:
            unweighed.append(opportunity)
    for impact in reversed(LEVELS):
        top = _row(canvas, model, impact, top, cards)
    top -= 0.25
    if not model.opportunities:
        note = (
            "No opportunities in this map yet: add them under 'opportunities:' "
            "with their impact and effort."
        )
        canvas.text("note", 0, top, TextBlock([note], 11), th.MUTED)
        return canvas.source()
    if unweighed:
        canvas.text("unweighed", 0, top, TextBlock(["Not weighed yet"], 11), th.MUTED)
        top -= 0.3
        for index, opportunity in enumerate(unweighed):
            top = _card(canvas, model, opportunity, HEAD_WIDTH + CELL_WIDTH / 2, top, index) - GAP
    _legend(canvas, top - 0.2)
    return canvas.source()


def _heads(canvas: Canvas, top: float) -> float:
    """The effort words over the columns; returns the top of the grid."""
    header = {
        "fillcolor": const(th.HEADER),
        "color": const(th.BACKGROUND),
        "fontcolor": const(th.HEADER_TEXT),
        "fontsize": const(11),
    }
    corner = header | {"label": dot.label("Impact \u2193   Effort \u2192")}
    canvas.box("corner", HEAD_WIDTH / 2, top, HEAD_WIDTH, 0.4, corner)
    for column, effort in enumerate(LEVELS):
        values = header | {"label": dot.label(f"{effort} effort")}
        canvas.box(f"effort_{effort}", _x(column), top, CELL_WIDTH, 0.4, values)
    return top - 0.4


def _x(column: int) -> float:
    return HEAD_WIDTH + CELL_WIDTH * (column + 0.5)


def _row(
    canvas: Canvas,
    model: CJMap,
    impact: str,
    top: float,
    cards: dict[tuple[str, str], list[Opportunity]],
) -> float:
    """One impact row: its cells, each with its corner's name and its cards."""
    blocks = {effort: [_card_text(model, o) for o in cards[(impact, effort)]] for effort in LEVELS}
    heights = [sum(b.height + 2 * PAD + GAP for b in blocks[effort]) for effort in LEVELS]
    height = max([*heights, 0.5]) + 0.35 + 2 * PAD
    head = {"fillcolor": const(th.PANEL), "fontsize": const(11)}
    canvas.box(
        f"impact_{impact}",
        HEAD_WIDTH / 2,
        top,
        HEAD_WIDTH,
        height,
        head | {"label": dot.label(f"{impact} impact")},
    )
    number = 0
    for column, effort in enumerate(LEVELS):
        name = f"cell_{impact}_{effort}"
        empty = not cards[(impact, effort)]
        fill = th.EMPTY if empty else th.BACKGROUND
        canvas.box(
            name,
            _x(column),
            top,
            CELL_WIDTH,
            height,
            {"fillcolor": const(fill), "label": const("")},
        )
        corner = CORNERS.get((impact, effort), "")
        left = _x(column) - CELL_WIDTH / 2 + PAD
        y = top - PAD
        if corner:
            y = canvas.text(f"{name}_corner", left, y, TextBlock([corner], 10), th.MUTED)
        y -= 0.05
        for opportunity in cards[(impact, effort)]:
            y = _card(canvas, model, opportunity, _x(column), y, number) - GAP
            number += 1
    return top - height


def _card_text(model: CJMap, opportunity: Opportunity) -> TextBlock:
    lines = dot.wrap(opportunity.title, TEXT_WIDTH)
    status = STATUS_WORDS.get(opportunity.status, opportunity.status)
    evidence = evidence_text(opportunity.evidence)
    lines.append(f" {th.DOT} ".join(word for word in (status, evidence) if word))
    addressed = _addressed(model, opportunity)
    lines.extend(bulleted(addressed, TEXT_WIDTH, MAX_ADDRESSED, "pain", lines_each=2))
    return TextBlock(lines, FONT_SIZE)


def _card(
    canvas: Canvas, model: CJMap, opportunity: Opportunity, x: float, top: float, number: int
) -> float:
    """An opportunity's card, its top at *top*; returns its bottom."""
    text = _card_text(model, opportunity)
    style = "rounded,filled" + (",dashed" if opportunity.evidence == "hypothesis" else "")
    values = {
        "id": const(dot.node_id("opportunity", opportunity.id)),
        "style": const(style),
        "fillcolor": const(th.EMPTY if opportunity.status == "rejected" else th.BACKGROUND),
        "fontcolor": const(th.MUTED if opportunity.status == "rejected" else th.INK),
        "color": const(th.INK if opportunity.status == "chosen" else th.MUTED),
        "penwidth": const(2.5 if opportunity.status == "chosen" else 1),
        "fontsize": const(FONT_SIZE),
        "label": dot.label("\n".join(text.lines), align="left"),
        "tooltip": dot.quote(opportunity.description or opportunity.title),
    }
    name = dot.node_id("opportunity", opportunity.id)
    return canvas.box(name, x, top, CELL_WIDTH - 2 * PAD, text.height + 2 * PAD, values)


def _addressed(model: CJMap, opportunity: Opportunity) -> list[tuple[str, str]]:
    """What an opportunity answers, as (mark, text): its pains in their words, and the
    touchpoints and stages it names."""
    found: list[tuple[str, str]] = []
    for target in opportunity.addresses:
        if target in model.pains_by_id:
            pain = model.pains_by_id[target][0]
            found.append((th.ROADBLOCK_MARK if pain.roadblock else th.PAIN_MARK, pain.text))
        elif target in model.touchpoints_by_id:
            found.append((th.BULLET, f"at {model.touchpoints_by_id[target].name}"))
        elif target in model.stages_by_id:
            found.append((th.BULLET, f"in {model.stages_by_id[target].name}"))
    return found


def _legend(canvas: Canvas, top: float) -> None:
    words = [
        "CHOSEN: black border",
        "rejected (grey)",
        "hypothesis: dashed border",
        f"{th.VALIDATED_MARK} validated",
        f"{th.PAIN_MARK} a pain it answers ({th.ROADBLOCK_MARK} a roadblock)",
    ]
    canvas.text("legend", 0, top, TextBlock(["Legend:   " + "      ".join(words)], 10), th.MUTED)
