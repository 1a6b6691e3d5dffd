"""Words and pieces that several views draw the same way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cjmap.model import texts
from cjmap.render import dot
from cjmap.render import theme as th
from cjmap.render.views.graph import const
from cjmap.text import amount, plural

if TYPE_CHECKING:
    from cjmap.model import CJMap, Journey, Metric, Opportunity, Pain, Stage, Touchpoint
    from cjmap.render.views import Selection


def markers(touchpoint: Touchpoint) -> list[str]:
    """The marker words of a touchpoint: moment of truth, roadblock."""
    marks = []
    if touchpoint.moment_of_truth:
        marks.append(th.MOMENT_OF_TRUTH)
    if any(pain.roadblock for pain in touchpoint.pains):
        marks.append(th.ROADBLOCK_LABEL)
    return marks


def subtitle(selection: Selection, view: str) -> str:
    """The line under the title: state, view, what is drawn, and the filters."""
    state = "Future state" if selection.model.map.state == "future" else "Current state"
    parts = [
        f"{state} {th.DOT} {view} view",
        f"{plural(len(selection.touchpoints), 'touchpoint')} in "
        f"{plural(len(selection.stages), 'stage')}",
        plural(len(selection.journeys), "journey"),
        *selection.filters,
    ]
    return f" {th.DOT} ".join(parts)


def touchpoint_tooltip(touchpoint: Touchpoint) -> str:
    """What a reader sees hovering over a touchpoint in an SVG: the customer's story."""
    lines = [touchpoint.name]
    for word, text in (
        ("Doing", "; ".join(texts(touchpoint.doing))),
        ("Thinking", "; ".join(texts(touchpoint.thinking))),
        ("Feeling", "; ".join(texts(touchpoint.feeling))),
        ("Owner", touchpoint.owner),
    ):
        if text:
            lines.append(f"{word}: {text}")
    lines.extend(f"Pain ({pain.severity}): {pain.text}" for pain in touchpoint.pains)
    lines.extend(f"Delight: {delight}" for delight in touchpoint.delights)
    return "\n".join(lines)


def touchpoint_class(touchpoint: Touchpoint) -> str:
    """The DOT ``class`` of a node that stands for *touchpoint*, as a quoted string:
    ``touchpoint touchpoint-ID``. Graphviz adds it to the node's ``class`` in the SVG,
    where pages made by ``cjmap share`` find each touchpoint of a picture (an id is
    letters, digits and ``_.-``, one class word). Every view gives it to the nodes a
    reader would click to learn about a touchpoint. (An id too long for Graphviz is cut,
    as map text is.)"""
    return f'"touchpoint touchpoint-{dot.capped(touchpoint.id)}"'


def journey_class(journey: Journey) -> str:
    """The DOT ``class`` of an edge that draws part of *journey*: ``journey journey-ID``
    (as :func:`touchpoint_class`, for the page's persona and journey filters)."""
    return f'"journey journey-{dot.capped(journey.id)}"'


def legend_emotions(selection: Selection) -> list[tuple[int | None, str]]:
    """The emotion scale from +2 down to -2, plus 'not recorded' when a drawn
    touchpoint has no emotion."""
    scale: list[tuple[int | None, str]] = [
        (emotion, th.EMOTION_COLOURS[emotion]) for emotion in (2, 1, 0, -1, -2)
    ]
    if any(touchpoint.emotion is None for touchpoint in selection.touchpoints):
        scale.append((None, th.NO_EMOTION))
    return scale


def numbered_stages(selection: Selection) -> list[tuple[int, Stage]]:
    """The drawn stages with their number in the whole lifecycle, kept when filters
    hide some, so "5." means the same stage in every picture of a map."""
    return [(selection.model.stage_index[stage.id] + 1, stage) for stage in selection.stages]


def bulleted(
    entries: Sequence[tuple[str, str]],
    width: int,
    limit: int,
    noun: str,
    *,
    nouns: str | None = None,
    lines_each: int | None = 3,
) -> list[str]:
    """Lines of a list: each (mark, text) entry wrapped to *width* columns with a hanging
    indent, at most *lines_each* lines each (None: never cut); past *limit* entries, a
    count of the rest ("+1 more pain", "+3 more pains": *noun* is the singular, *nouns*
    the plural when it is not *noun* + s)."""
    lines: list[str] = []
    for mark, text in entries[:limit]:
        first, *rest = dot.wrap(text, width - 2, max_lines=lines_each) or [""]
        lines.extend([f"{mark} {first}", *(f"   {line}" for line in rest)])
    if len(entries) > limit:
        more = plural(len(entries) - limit, f"more {noun}", f"more {nouns or noun + 's'}")
        lines.append(f"   +{more}")
    return lines


def worst_first(pains: Sequence[Pain]) -> list[Pain]:
    """Pains from the worst: by severity, then roadblocks first, then as written."""
    return sorted(pains, key=lambda pain: (-pain.severity_rank, not pain.roadblock))


def pain_text(pain: Pain) -> str:
    """A pain with its severity first, so a cut never loses it: 'high, roadblock: Shipping
    shows late'."""
    return f"{pain.severity}{', roadblock' if pain.roadblock else ''}: {pain.text}"


def metric_text(metric: Metric) -> tuple[str, str]:
    """A metric's name, and its value against its target: ('Abandonment', '64% vs 35%
    target'), or the value alone when it has no target."""
    value = amount(metric.value, metric.unit)
    if metric.target is None:
        return metric.name, value
    return metric.name, f"{value} vs {amount(metric.target, metric.unit)} target"


def evidence_text(evidence: str) -> str:
    """What a card says about its evidence: 'hypothesis', '' (observed), '✓ validated'."""
    return {"hypothesis": "hypothesis", "validated": f"{th.VALIDATED_MARK} validated"}.get(
        evidence, ""
    )


def opportunity_text(opportunity: Opportunity) -> str:
    """An opportunity's title with how it was weighed: 'Show shipping early (impact high,
    effort low)'."""
    weighed = [
        f"{word} {level}"
        for word, level in (("impact", opportunity.impact), ("effort", opportunity.effort))
        if level
    ]
    return f"{opportunity.title} ({', '.join(weighed)})" if weighed else opportunity.title


def opportunities_by_stage(model: CJMap) -> dict[str, list[Opportunity]]:
    """The opportunities of each stage id: those that address the stage, one of its
    touchpoints or one of their pains, each once per stage, in the map's order."""
    found: dict[str, list[Opportunity]] = {}
    for opportunity in model.opportunities:
        stages: list[str] = []
        for target in opportunity.addresses:
            if target in model.stages_by_id:
                stages.append(target)
            elif target in model.touchpoints_by_id:
                stages.append(model.touchpoints_by_id[target].stage)
            elif target in model.pains_by_id:
                holder = model.pains_by_id[target][1]
                stages.append(getattr(holder, "stage", holder.id))
        for stage in dict.fromkeys(stages):
            found.setdefault(stage, []).append(opportunity)
    return found


def touchpoint_box(name: str, touchpoint: Touchpoint, lines: list[str]) -> dict[str, str]:
    """The attributes of a pinned box that stands for a touchpoint: filled with its
    emotion's colour, dashed when it is a hypothesis, ringed red for a roadblock and
    black for a moment of truth, with its story as the tooltip and its id as a class."""
    dashed = ",dashed" if touchpoint.evidence == "hypothesis" else ""
    values = {
        "id": const(name),
        "style": const("rounded,filled" + dashed),
        "fillcolor": const(th.emotion_colour(touchpoint.emotion_for())),
        "color": const(th.MUTED),
        "label": dot.label("\n".join(lines)),
        "tooltip": dot.quote(touchpoint_tooltip(touchpoint)),
        "class": touchpoint_class(touchpoint),
    }
    if any(pain.roadblock for pain in touchpoint.pains):
        values |= {"color": const(th.ROADBLOCK), "penwidth": const(2.5)}
    elif touchpoint.moment_of_truth:
        values |= {"color": const(th.INK), "penwidth": const(2)}
    return values
