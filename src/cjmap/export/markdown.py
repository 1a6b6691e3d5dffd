"""The whole map as a Markdown document, for wikis and READMEs.

In the order a reader meets a journey map: the title, scope and objectives, the
personas, optionally the Mermaid diagram (which GitHub draws), then a section per
stage in lifecycle order with its touchpoints (what the customer is doing, thinking
and feeling, the emotion, pains, delights and metrics), then the journeys and the
actions. Every text from the map is escaped, so it shows as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cjmap.export import ExportOptions
from cjmap.model import Channel, CJMap, Journey, Metric, Persona, Stage, Touchpoint, texts
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


def name(item: Persona | Stage | Channel | Touchpoint | Journey) -> str:
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
    if tp.owner:
        facts.append(f"Owner: {text(tp.owner)}")
    if tp.importance:
        facts.append(f"Importance: {tp.importance}")
    facts.append(f"Evidence: {tp.evidence}")
    yield " · ".join(facts) + f" · id `{tp.id}`"
    yield ""
    story = [
        f"- **{label}:** {text(value)}"
        for label, value in (
            ("Doing", "; ".join(texts(tp.doing))),
            ("Thinking", "; ".join(texts(tp.thinking))),
            ("Feeling", "; ".join(texts(tp.feeling))),
        )
        if value
    ]
    if (emotion := tp.emotion_for()) is not None:
        story.append(f"- **Emotion:** {emotion_text(emotion)}")
    if story:
        yield from story
        yield ""
    worst_first = sorted(tp.pains, key=lambda pain: -pain.severity_rank)
    pains = [f"{p.text} ({p.severity}{', roadblock' if p.roadblock else ''})" for p in worst_first]
    yield from _list("Pains", pains)
    yield from _list("Delights", tp.delights)
    if tp.metrics:
        yield "**Metrics**"
        yield ""
        rows = [_metric_row(metric) for metric in tp.metrics]
        yield from _table(["Metric", "Value", "Target", "Better", "Status"], rows, numeric=(1, 2))
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
    lines = [*_head(model), *_personas(model)]
    if mermaid:
        from cjmap.export.mermaid import journey_diagram

        diagram = journey_diagram(model, journey).rstrip("\n")
        lines += ["## Journey diagram", "", "```mermaid", diagram, "```", ""]
    lines += [*_stages(model), *_journeys(model), *_actions(model)]
    return "\n".join(lines).rstrip("\n") + "\n"


def export(model: CJMap, options: ExportOptions) -> str:
    return document(model, journey=options.journey, mermaid=options.mermaid)
