"""The lifecycle left to right, touchpoints by stage, journeys drawn across them.

Each stage is a column headed by its name. Each touchpoint is a card filled with the
colour of its emotion, showing its name, channels, emotion, pains and delights, with a
marker line for moments of truth and roadblocks. Each journey is a line through its
steps in the colour of its persona. A legend on the right explains colours and markers.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views import CannotDraw, Selection
from cjmap.render.views.common import (
    bulleted,
    evidence_text,
    journey_class,
    legend_emotions,
    markers,
    metric_text,
    numbered_stages,
    subtitle,
    touchpoint_class,
    touchpoint_tooltip,
    worst_first,
)
from cjmap.render.views.graph import DotWriter, const
from cjmap.text import plural

if TYPE_CHECKING:
    from cjmap.model import Stage, Touchpoint

MAX_TOUCHPOINTS: Final = 300
"""More touchpoints than this make a picture nobody can read (and take Graphviz minutes
to lay out): the view asks for a filter instead."""

NAME_WIDTH: Final = 26  # columns of a touchpoint name before it wraps
CARD_WIDTH: Final = 2.3  # inches: every card in a column is as wide
FONT_SIZE: Final = 11
MAX_PAINS: Final = 2  # pain texts on a card; the rest are counted


def build(selection: Selection, title: str) -> str:
    """The DOT source of the flow view."""
    if len(selection.touchpoints) > MAX_TOUCHPOINTS:
        raise CannotDraw(
            f"{len(selection.touchpoints)} touchpoints are too many for one readable picture "
            f"(the flow view draws up to {MAX_TOUCHPOINTS}); narrow it with --stage, "
            "--persona or --journey"
        )
    out = DotWriter("digraph", "flow")
    out.defaults(
        "graph",
        {
            "rankdir": const("LR"),
            "newrank": const("true"),
            "nodesep": const(0.3),
            "ranksep": const(0.55),
            "pad": const(0.3),
            "bgcolor": const(th.BACKGROUND),
            "fontname": const(th.FONT),
            "fontsize": const(22),
            "fontcolor": const(th.INK),
            "labelloc": const("t"),
            "labeljust": const("l"),
            "label": dot.label(title, width=90, max_lines=2, align="left"),
            "outputorder": const("edgesfirst"),
            "splines": const("true"),
        },
    )
    out.defaults(
        "node",
        {
            "shape": const("box"),
            "style": const("rounded,filled"),
            "fontname": const(th.FONT),
            "fontsize": const(FONT_SIZE),
            "fontcolor": const(th.INK),
            "color": const(th.MUTED),
            "penwidth": const(1),
            "width": const(CARD_WIDTH),
            "margin": const("0.12,0.1"),
        },
    )
    out.defaults(
        "edge",
        {"fontname": const(th.FONT), "fontsize": const(9), "arrowsize": const(0.7)},
    )
    # Everything sits in one frameless cluster so its label can carry the subtitle
    # in a smaller type than the title above it.
    out.open("subgraph cluster_frame")
    out.defaults(
        "graph",
        {
            "label": dot.label(subtitle(selection, "flow"), width=120, max_lines=2, align="left"),
            "fontname": const(th.FONT),
            "fontsize": const(13),
            "fontcolor": const(th.MUTED),
            "color": const(th.BACKGROUND),
            "labeljust": const("l"),
            "margin": const(4),
        },
    )
    headers = [_stage(out, index, stage, selection) for index, stage in numbered_stages(selection)]
    legend = _legend(out, selection)
    out.close()

    # Columns in lifecycle order: stage headers chained left to right, every card on its
    # stage's rank, and the legend one rank after the last stage.
    chain = [*headers, legend]
    for tail, head in itertools.pairwise(chain):
        out.edge(tail, head, {"style": const("invis"), "weight": const(100)})
    _journeys(out, selection)
    return out.text()


def _card_id(touchpoint: Touchpoint) -> str:
    return dot.node_id("tp", touchpoint.id)


def _stage(out: DotWriter, number: int, stage: Stage, selection: Selection) -> str:
    """One stage column: a header card, then the touchpoint cards in map order."""
    header = dot.node_id("stage", stage.id)
    out.open(f"subgraph {dot.node_id('cluster', stage.id)}")
    out.defaults(
        "graph",
        {
            "label": const(""),
            "style": const("rounded,filled"),
            "fillcolor": const(th.PANEL),
            "color": const(th.RULE),
            "margin": const(10),
        },
    )
    out.node(
        header,
        {
            "id": const(header),
            "shape": const("box"),
            "style": const("rounded,filled"),
            "fillcolor": const(th.HEADER),
            "color": const(th.HEADER),
            "fontcolor": const(th.HEADER_TEXT),
            "fontname": const(th.FONT),
            "fontsize": const(12),
            "label": dot.label(f"{number}. {stage.name}", width=NAME_WIDTH - 2, max_lines=3),
            "tooltip": dot.quote(stage.description or stage.name),
        },
    )
    column = [header]
    column.extend(_card(out, tp, selection) for tp in selection.touchpoints_by_stage[stage.id])
    if len(column) == 1:
        empty = dot.node_id("empty", stage.id)
        out.node(
            empty,
            {
                "shape": const("box"),
                "style": const("rounded,dashed,filled"),
                "fillcolor": const(th.EMPTY),
                "color": const(th.FAINT),
                "fontcolor": const(th.MUTED),
                "label": const("No touchpoint mapped"),
            },
        )
        column.append(empty)
    _stack(out, column)
    out.close()
    return header


def _stack(out: DotWriter, column: list[str]) -> None:
    """Keep the nodes of one rank in this order from top to bottom.

    With rankdir=LR a rank is a column that Graphviz fills from the bottom up, so the
    invisible edges that fix the order run from each node to the one above it.
    """
    for upper, lower in itertools.pairwise(column):
        out.edge(lower, upper, {"style": const("invis")})
    out.line("{rank=same; " + "; ".join(column) + "}")


def _card(out: DotWriter, touchpoint: Touchpoint, selection: Selection) -> str:
    """A touchpoint's card: what a stakeholder needs without the YAML or a hover.

    Markers, the name, the channels, the emotion, the two worst pains (and how many
    more), the metrics off target, the delights, and the evidence: a hypothesis has a
    dashed border and says so, a validated touchpoint a ✓. A touchpoint run by a third
    party has a grey band and names the organisation.
    """
    card = _card_id(touchpoint)
    model = selection.model
    organisation = model.organisations_by_id.get(touchpoint.organisation or "")
    third_party = organisation is not None and organisation.kind == "third-party"
    lines = [*markers(touchpoint)]
    if third_party and organisation is not None:
        lines.extend(dot.wrap(f"THIRD PARTY: {organisation.name}", NAME_WIDTH, max_lines=2))
    lines.extend(dot.wrap(touchpoint.name, NAME_WIDTH, max_lines=5))
    lines.append("")
    lines.extend(
        dot.wrap(
            f" {th.DOT} ".join(model.channels_by_id[c].name for c in touchpoint.channels),
            NAME_WIDTH + 6,
            max_lines=3,
        )
    )
    lines.append(th.emotion_text(touchpoint.emotion_for()))
    pains = [(th.PAIN_MARK, pain.text) for pain in worst_first(touchpoint.pains)]
    lines.extend(bulleted(pains, NAME_WIDTH + 2, MAX_PAINS, "pain", lines_each=3))
    for metric in touchpoint.metrics:
        if metric.off_target:
            # The name may be cut; the value against its target never is.
            name, against = metric_text(metric)
            first, *rest = dot.wrap(name, NAME_WIDTH, max_lines=2) or [""]
            lines.extend([f"{th.OFF_TARGET_MARK} {first}", *(f"   {line}" for line in rest)])
            lines.append(f"   {against}")
    if touchpoint.delights:
        lines.append(plural(len(touchpoint.delights), "delight"))
    evidence = evidence_text(touchpoint.evidence)
    if evidence:
        lines.append(evidence)

    roadblock = any(pain.roadblock for pain in touchpoint.pains)
    style = "filled,striped" if third_party else "rounded,filled"
    fill = th.emotion_colour(touchpoint.emotion_for())
    values = {
        "id": const(card),
        "label": dot.label("\n".join(lines), align="left"),
        "fillcolor": const(f"{fill};0.92:{th.THIRD_PARTY}" if third_party else fill),
        "style": const(style + (",dashed" if touchpoint.evidence == "hypothesis" else "")),
        "tooltip": dot.quote(touchpoint_tooltip(touchpoint)),
        "class": touchpoint_class(touchpoint),
    }
    if third_party:
        values["margin"] = const("0.3,0.06")  # the text clear of the band
    if roadblock:
        values |= {"color": const(th.ROADBLOCK), "penwidth": const(3)}
    elif touchpoint.moment_of_truth:
        values |= {"color": const(th.INK), "penwidth": const(2.5)}
    out.node(card, values)
    return card


def _journeys(out: DotWriter, selection: Selection) -> None:
    for journey in selection.journeys:
        index = selection.persona_index(journey.persona)
        colour = th.persona_colour(index)
        steps = selection.steps(journey)
        for number, ((tail, _), (head, skipped)) in enumerate(itertools.pairwise(steps), start=1):
            tooltip = f"{journey.name} ({selection.persona_name(journey.persona)}), step {number}"
            out.edge(
                _card_id(tail),
                _card_id(head),
                {
                    "color": const(colour),
                    "style": const("dashed" if skipped else th.persona_style(index)),
                    "penwidth": const(2.2),
                    "constraint": const("false"),
                    "tooltip": dot.quote(tooltip),
                    "class": journey_class(journey),
                },
            )


def _legend(out: DotWriter, selection: Selection) -> str:
    """A column of samples: emotion colours, markers, and one line colour per persona."""
    out.open("subgraph cluster_legend")
    out.defaults(
        "graph",
        {
            "label": const(""),
            "style": const("rounded"),
            "color": const(th.RULE),
            "margin": const(10),
        },
    )
    sample = {"shape": const("box"), "height": const(0.3), "fillcolor": const(th.BACKGROUND)}
    items: list[tuple[str, dict[str, str]]] = [("legend", _heading("Legend", 14))]
    items.append(("legend_emotion", _heading("Emotion", 11)))
    for emotion, colour in legend_emotions(selection):
        items.append(
            (
                f"legend_emotion_{_emotion_key(emotion)}",
                sample
                | {
                    "style": const("rounded,filled"),
                    "fillcolor": const(colour),
                    "label": dot.label(th.emotion_text(emotion)),
                },
            )
        )
    items.append(("legend_markers", _heading("Markers", 11)))
    items.append(
        (
            "legend_moment",
            sample
            | {
                "style": const("rounded,filled"),
                "color": const(th.INK),
                "penwidth": const(2.5),
                "label": dot.label(f"{th.MOMENT_OF_TRUTH_MARK} Moment of truth"),
            },
        )
    )
    items.append(
        (
            "legend_roadblock",
            sample
            | {
                "style": const("rounded,filled"),
                "color": const(th.ROADBLOCK),
                "penwidth": const(3),
                "label": dot.label(f"{th.ROADBLOCK_MARK} Roadblock: can stop the journey"),
            },
        )
    )
    items.append(
        (
            "legend_card_lines",
            sample
            | {
                "style": const("rounded,filled"),
                "label": dot.label(
                    f"{th.PAIN_MARK} a pain, worst first\n"
                    f"{th.OFF_TARGET_MARK} a metric off its target\n"
                    "   value vs target",
                    align="left",
                ),
            },
        )
    )
    items.append(("legend_evidence", _heading("Evidence", 11)))
    for evidence, style in (
        ("hypothesis", "rounded,filled,dashed"),
        ("observed", "rounded,filled"),
        ("validated", "rounded,filled"),
    ):
        words = evidence_text(evidence) or evidence
        explained = {
            "hypothesis": f"{words}: not yet checked\nwith customers (dashed)",
            "observed": f"{words}: seen in research\n(no mark)",
            "validated": f"{words} with customers",
        }[evidence]
        items.append(
            (
                f"legend_evidence_{evidence}",
                sample | {"style": const(style), "label": dot.label(explained)},
            )
        )
    organisations = selection.model.organisations_by_id
    if any(
        (organisation := organisations.get(tp.organisation or "")) is not None
        and organisation.kind == "third-party"
        for tp in selection.touchpoints
    ):
        items.append(
            (
                "legend_third_party",
                sample
                | {
                    "style": const("filled,striped"),
                    "fillcolor": const(f"{th.BACKGROUND};0.92:{th.THIRD_PARTY}"),
                    "margin": const("0.3,0.06"),
                    "label": dot.label("THIRD PARTY: run by another\norganisation (grey band)"),
                },
            )
        )
    personas = [
        p for p in selection.model.personas if any(j.persona == p.id for j in selection.journeys)
    ]
    if personas:
        items.append(("legend_journeys", _heading("Journeys, by persona", 11)))
    for persona in personas:
        index = selection.persona_index(persona.id)
        names = [f"{th.BULLET} {j.name}" for j in selection.journeys if j.persona == persona.id]
        items.append(
            (
                dot.node_id("legendpersona", persona.id),
                sample
                | {
                    "style": const(f"rounded,filled,{th.persona_style(index)}"),
                    "color": const(th.persona_colour(index)),
                    "penwidth": const(3),
                    "label": dot.label("\n".join([persona.name, *names]), width=NAME_WIDTH + 4),
                },
            )
        )
    for name, values in items:
        out.node(name, values)
    _stack(out, [name for name, _ in items])
    out.close()
    return "legend"


def _heading(text: str, size: float) -> dict[str, str]:
    return {
        "shape": const("plaintext"),
        "style": const(""),
        "fontsize": const(size),
        "fontcolor": const(th.MUTED if size < 14 else th.INK),
        "height": const(0.2),
        "label": dot.label(text),
    }


def _emotion_key(emotion: int | None) -> str:
    return "none" if emotion is None else f"m{-emotion}" if emotion < 0 else str(emotion)
