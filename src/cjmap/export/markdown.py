"""The whole map as a Markdown document, for wikis and READMEs.

In the order a reader meets a journey map: the title, scope and objectives, the
personas, the organisations and the named curves, optionally the Mermaid diagram
(which GitHub draws), then a section per stage in lifecycle order with the stage's own
lanes and its touchpoints (what the customer is doing, thinking and feeling, the
emotion and curve scores, pains, delights, metrics, and the blueprint's backstage and
support), then the journeys, the opportunities (with impact and effort) and the
actions. Every text from the map is escaped, so it shows as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cjmap.export import ExportOptions
from cjmap.model import (
    Channel,
    CJMap,
    Curve,
    Journey,
    Metric,
    Organisation,
    Persona,
    Stage,
    Touchpoint,
    texts,
)
from cjmap.text import amount, squashed
from cjmap.writers.table import markdown_cell

EMOTIONS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}

# Besides the inline formatting markdown_cell escapes: an entity, a '#' (a heading at
# the start of a list item, a closing sequence at the end of one), and a list marker
# where a text from the map begins a list item.
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BULLET_MARKER = re.compile(r"^([+-])(?= |$)")
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])(?= |$)")


def text(value: str) -> str:
    """A text from the map that shows as itself in Markdown, on one line."""
    escaped = markdown_cell(squashed(value))
    escaped = _ENTITY.sub("&amp;", escaped).replace("#", "\\#")
    escaped = _BULLET_MARKER.sub(r"\\\1", escaped)
    return _ORDERED_MARKER.sub(r"\1\\\2", escaped)


def name(item: Persona | Stage | Channel | Touchpoint | Journey | Organisation | Curve) -> str:
    """An item's name as Markdown, or its id when the name is only blanks."""
    return text(item.name) or f"`{item.id}`"


def emotion_text(emotion: int) -> str:
    """'-2 (very negative)', '0 (neutral)', '+1 (positive)'."""
    return f"{emotion:+d} ({EMOTIONS[emotion]})" if emotion else f"0 ({EMOTIONS[0]})"


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
) -> Iterator[str]:
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join(" ---: " if i in numeric else " --- " for i in range(len(header))) + "|"
    for row in rows:
        yield "| " + " | ".join(row) + " |"


def _list(label: str, items: Sequence[str]) -> Iterator[str]:
    if items:
        yield f"**{label}**"
        yield ""
        yield from (f"- {text(item)}" for item in items)
        yield ""


def _head(model: CJMap) -> Iterator[str]:
    info = model.map
    yield f"# {text(info.title) or 'Untitled map'}"
    yield ""
    facts = [f"*{info.state.capitalize()}-state journey map*"]
    if info.owner:
        facts.append(f"Owner: {text(info.owner)}")
    if info.updated:
        facts.append(f"Updated: {info.updated.isoformat()}")
    yield " · ".join(facts)
    yield ""
    if info.scope:
        yield f"**Scope:** {text(info.scope)}"
        yield ""
    yield from _list("Objectives", info.objectives)


def _personas(model: CJMap) -> Iterator[str]:
    if not model.personas:
        return
    yield "## Personas"
    yield ""
    for persona in model.personas:
        yield f"### {name(persona)}"
        yield ""
        if persona.description:
            yield text(persona.description)
            yield ""
        yield from _list("Goals", persona.goals)
        yield from _list("Needs", persona.needs)


def _others(model: CJMap) -> Iterator[str]:
    """Who else the customer deals with, and the curves scored besides the emotion."""
    if model.organisations:
        yield "## Organisations"
        yield ""
        rows = [[name(o), o.kind.replace("-", " ")] for o in model.organisations]
        yield from _table(["Organisation", "Kind"], rows)
        yield ""
    if model.curves:
        yield "## Curves"
        yield ""
        yield "Scored from -2 to 2 at touchpoints and stages, besides the emotion."
        yield ""
        for curve in model.curves:
            about = f": {text(curve.description)}" if curve.description else ""
            yield f"- **{name(curve)}**{about}"
        yield ""


def _story(model: CJMap, holder: Stage | Touchpoint) -> Iterator[str]:
    """What the customer does, thinks and feels, the emotion and the curve scores."""
    story = [
        f"- **{label}:** {'; '.join(text(item) for item in texts(lane))}"
        for label, lane in (
            ("Doing", holder.doing),
            ("Thinking", holder.thinking),
            ("Feeling", holder.feeling),
        )
        if texts(lane)
    ]
    if isinstance(holder.emotion, dict):
        scores = [
            f"{name(model.personas_by_id[pid])} {emotion_text(score)}"
            for pid, score in holder.emotion.items()
        ]
        story.append(f"- **Emotion:** {'; '.join(scores)}")
    elif holder.emotion is not None:
        story.append(f"- **Emotion:** {emotion_text(holder.emotion)}")
    if holder.curves:
        curves = {curve.id: curve for curve in model.curves}
        scores = [
            f"{name(curves[cid])} {f'{score:+d}' if score else '0'}"
            for cid, score in holder.curves.items()
        ]
        story.append(f"- **Curves:** {'; '.join(scores)}")
    if story:
        yield from story
        yield ""


def _pains_and_delights(holder: Stage | Touchpoint) -> Iterator[str]:
    worst_first = sorted(holder.pains, key=lambda pain: -pain.severity_rank)
    pains = [f"{p.text} ({p.severity}{', roadblock' if p.roadblock else ''})" for p in worst_first]
    yield from _list("Pains", pains)
    yield from _list("Delights", holder.delights)


def _metric_row(metric: Metric) -> list[str]:
    measured = metric.value is not None and metric.target is not None
    status = ("off target" if metric.off_target else "on target") if measured else ""
    return [
        text(metric.name),
        text(amount(metric.value, metric.unit)),
        text(amount(metric.target, metric.unit)) if metric.target is not None else "",
        f"{metric.better} is better",
        status,
    ]


def _touchpoint(model: CJMap, tp: Touchpoint) -> Iterator[str]:
    yield f"#### {name(tp)}"
    yield ""
    facts = []
    if tp.moment_of_truth:
        facts.append("**Moment of truth**")
    channels = ", ".join(name(model.channels_by_id[cid]) for cid in tp.channels)
    facts.append(f"Channels: {channels}")
    if tp.personas is not None:
        names = ", ".join(name(model.personas_by_id[pid]) for pid in tp.personas)
        facts.append(f"Personas: {names}")
    if tp.organisation:
        organisation = model.organisations_by_id[tp.organisation]
        kind = "" if organisation.kind == "own" else f" ({organisation.kind.replace('-', ' ')})"
        facts.append(f"Organisation: {name(organisation)}{kind}")
    if tp.owner:
        facts.append(f"Owner: {text(tp.owner)}")
    if tp.importance:
        facts.append(f"Importance: {tp.importance}")
    facts.append(f"Evidence: {tp.evidence}")
    yield " · ".join(facts) + f" · id `{tp.id}`"
    yield ""
    yield from _story(model, tp)
    yield from _pains_and_delights(tp)
    if tp.metrics:
        yield "**Metrics**"
        yield ""
        rows = [_metric_row(metric) for metric in tp.metrics]
        yield from _table(["Metric", "Value", "Target", "Better", "Status"], rows, numeric=(1, 2))
        yield ""
    blueprint = [
        f"- **{label}:** {'; '.join(text(item) for item in texts(lane))}"
        for label, lane in (("Backstage", tp.backstage), ("Support", tp.support))
        if texts(lane)
    ]
    if blueprint:
        yield "**Behind the scenes**"
        yield ""
        yield from blueprint
        yield ""
    if tp.notes:
        yield f"*Notes:* {text(tp.notes)}"
        yield ""


def _stages(model: CJMap) -> Iterator[str]:
    yield "## Stages"
    yield ""
    for number, stage in enumerate(model.stages, start=1):
        yield f"### {number}. {name(stage)}"
        yield ""
        if stage.description and stage.description.strip():
            yield f"*{text(stage.description)}*"
            yield ""
        facts = [f"Lifecycle: {stage.lifecycle}"] if stage.lifecycle else []
        facts += [f"When: {text(stage.timeframe)}"] if stage.timeframe else []
        if facts:
            yield " · ".join(facts)
            yield ""
        yield from _story(model, stage)
        yield from _pains_and_delights(stage)
        touchpoints = model.touchpoints_by_stage[stage.id]
        if not touchpoints:
            yield "No touchpoints mapped in this stage yet."
            yield ""
        for tp in touchpoints:
            yield from _touchpoint(model, tp)


def _journeys(model: CJMap) -> Iterator[str]:
    if not model.journeys:
        return
    yield "## Journeys"
    yield ""
    for journey in model.journeys:
        yield f"### {name(journey)}"
        yield ""
        yield f"Persona: {name(model.personas_by_id[journey.persona])}"
        yield ""
        for number, step in enumerate(journey.steps, start=1):
            tp = model.touchpoints_by_id[step]
            yield f"{number}. {name(tp)} ({name(model.stages_by_id[tp.stage])})"
        yield ""


def _addressed(model: CJMap, ids: Sequence[str]) -> str:
    """What an opportunity addresses: touchpoints and stages by name, pains by id."""
    named: list[str] = []
    for item_id in ids:
        item = model.touchpoints_by_id.get(item_id) or model.stages_by_id.get(item_id)
        named.append(name(item) if item is not None else f"pain `{item_id}`")
    return ", ".join(named)


def _opportunities(model: CJMap) -> Iterator[str]:
    if not model.opportunities:
        return
    yield "## Opportunities"
    yield ""
    rows = [
        [
            text(opportunity.title),
            _addressed(model, opportunity.addresses),
            opportunity.impact or "",
            opportunity.effort or "",
            opportunity.status,
            opportunity.evidence,
        ]
        for opportunity in model.opportunities
    ]
    header = ["Opportunity", "Addresses", "Impact", "Effort", "Status", "Evidence"]
    yield from _table(header, rows)
    yield ""


def _actions(model: CJMap) -> Iterator[str]:
    if not model.actions:
        return
    yield "## Actions"
    yield ""
    rows = [
        [
            text(action.title),
            ", ".join(name(model.touchpoints_by_id[tid]) for tid in action.touchpoints),
            text(action.owner or ""),
            text(action.kpi or ""),
            action.due.isoformat() if action.due else "",
            action.status,
        ]
        for action in model.actions
    ]
    yield from _table(["Action", "Touchpoints", "Owner", "KPI", "Due", "Status"], rows)
    yield ""


def document(model: CJMap, *, journey: str | None = None, mermaid: bool = False) -> str:
    """The Markdown document of a map, with its Mermaid diagram when ``mermaid`` is true."""
    lines = [*_head(model), *_personas(model), *_others(model)]
    if mermaid:
        from cjmap.export.mermaid import journey_diagram

        diagram = journey_diagram(model, journey).rstrip("\n")
        lines += ["## Journey diagram", "", "```mermaid", diagram, "```", ""]
    lines += [*_stages(model), *_journeys(model), *_opportunities(model), *_actions(model)]
    return "\n".join(lines).rstrip("\n") + "\n"


def export(model: CJMap, options: ExportOptions) -> str:
    return document(model, journey=options.journey, mermaid=options.mermaid)
