"""Every point of pain across maps, worst first: what a workshop fixes first.

Order: severity (critical first), then roadblocks, then lower emotion at the
touchpoint (touchpoints without an emotion after those with one), then lifecycle
order (the stage's position in its map), then file order.

A stage's own pains (written on the stage, for the stage as a whole) are listed too,
with their stage and no touchpoint; they apply to every persona and to no channel.
Each pain comes with its id, if it has one, and what answers it: the opportunities
(not rejected) whose ``addresses`` name the pain or the touchpoint or stage that holds
it, and the actions that name the pain (``pains``), its touchpoint (``touchpoints``)
or one of those opportunities (``opportunity``). A pain is covered when such an
action exists, whatever its status.

With ``metrics``, a metric that misses its target (respecting ``better``) is listed
too, as a pain of kind ``metric``. Its severity comes from how far it misses, as a
share of the target: under 10% low, under 50% medium, otherwise high (a target of 0
missed at all is high). Critical is left to people.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from cjmap.model import SEVERITIES, CJMap, Metric, Pain, Stage, Touchpoint, shortfall
from cjmap.reports import ValidMap, require_known
from cjmap.reports.table import DATA, MARKDOWN, TERMINAL, Cell, Column, Table
from cjmap.text import amount, plural


@dataclass(frozen=True)
class PainFilter:
    """Which pains to list. Within one option any id matches; across options all must."""

    stages: Sequence[str] = ()
    channels: Sequence[str] = ()
    personas: Sequence[str] = ()
    journeys: Sequence[str] = ()
    min_severity: str = "low"
    metrics: bool = False


@dataclass(frozen=True)
class PainPoint:
    """One pain (or off-target metric) on a touchpoint or a stage, with where it is written."""

    path: str
    line: int
    column: int
    kind: Literal["pain", "metric"]
    severity: str
    roadblock: bool
    touchpoint: str | None
    touchpoint_name: str | None
    stage: str
    stage_name: str
    channels: tuple[str, ...]
    personas: tuple[str, ...]
    emotion: int | None
    covered: bool
    text: str
    stage_index: int
    map_index: int
    pain_id: str | None = None
    opportunities: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()

    def sort_key(self) -> tuple[int, bool, bool, int, int, int, int, int]:
        return (
            -SEVERITIES.index(self.severity),
            not self.roadblock,
            self.emotion is None,
            self.emotion or 0,
            self.stage_index,
            self.map_index,
            self.line,
            self.column,
        )

    def row(self) -> dict[str, Cell]:
        return {
            "where": f"{self.path}:{self.line}",
            "severity_label": f"{self.severity}\nroadblock" if self.roadblock else self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "severity": self.severity,
            "roadblock": self.roadblock,
            "touchpoint": self.touchpoint,
            "touchpoint_name": self.touchpoint_name,
            "at": self.touchpoint if self.touchpoint is not None else f"{self.stage} (stage)",
            "stage": self.stage,
            "stage_name": self.stage_name,
            "channels": list(self.channels),
            "personas": list(self.personas),
            "emotion": self.emotion,
            "covered": self.covered,
            "text": self.text,
            "pain_id": self.pain_id,
            "opportunities": list(self.opportunities),
            "actions": list(self.actions),
        }


# People read severity (with "roadblock" under it), touchpoint and text first, and
# the location last; tools get every field on its own.
COLUMNS = (
    Column("path", "Map", DATA),
    Column("line", "Line", DATA, numeric=True),
    Column("column", "Column", DATA, numeric=True),
    Column("kind", "Kind", DATA),
    Column("severity", "Severity", DATA),
    Column("roadblock", "Roadblock", DATA),
    Column("severity_label", "Severity", TERMINAL | MARKDOWN, severity=True),
    Column("at", "Touchpoint", TERMINAL),
    Column("touchpoint", "Touchpoint", DATA),
    Column("touchpoint_name", "Touchpoint", MARKDOWN | DATA),
    Column("stage", "Stage", DATA),
    Column("stage_name", "Stage", MARKDOWN | DATA),
    Column("channels", "Channels", MARKDOWN | DATA),
    Column("personas", "Personas", MARKDOWN | DATA),
    Column("emotion", "Emotion", numeric=True),
    Column("covered", "Covered"),
    Column("text", "Pain", wraps=True, share=1),
    Column("pain_id", "Pain id", MARKDOWN | DATA),
    Column("opportunities", "Opportunities", MARKDOWN | DATA),
    Column("actions", "Actions", MARKDOWN | DATA),
    Column("where", "Where", TERMINAL | MARKDOWN, wraps=True),
)


def check_filter(maps: Sequence[ValidMap], wanted: PainFilter) -> None:
    """Raise UnknownIdError when a filter names an id that none of the maps defines.

    With no valid maps there is nothing to check against: the maps' own problems
    are what to report.
    """
    if not maps:
        return
    models = [item.model for item in maps]
    require_known("--stage", "stage", wanted.stages, (s.id for m in models for s in m.stages))
    require_known(
        "--channel", "channel", wanted.channels, (c.id for m in models for c in m.channels)
    )
    require_known(
        "--persona", "persona", wanted.personas, (p.id for m in models for p in m.personas)
    )
    require_known(
        "--journey", "journey", wanted.journeys, (j.id for m in models for j in m.journeys)
    )
    if wanted.min_severity not in SEVERITIES:
        raise ValueError(f"unknown severity {wanted.min_severity!r}")


def find_pains(maps: Sequence[ValidMap], wanted: PainFilter = PainFilter()) -> list[PainPoint]:
    """The pains of every map that pass the filter, worst first.

    Raises UnknownIdError when a filter names an id that none of the maps defines.
    """
    check_filter(maps, wanted)
    floor = SEVERITIES.index(wanted.min_severity)
    points = [
        point
        for map_index, item in enumerate(maps)
        for point in _map_pains(item, map_index, wanted)
        if SEVERITIES.index(point.severity) >= floor
    ]
    return sorted(points, key=PainPoint.sort_key)


def _journey_steps(model: CJMap, journey_ids: Sequence[str]) -> frozenset[str]:
    """The touchpoints on the given journeys of a map (journeys it lacks have none)."""
    journeys = [model.journeys_by_id[j] for j in journey_ids if j in model.journeys_by_id]
    return frozenset(step for journey in journeys for step in journey.steps)


def _selected(
    model: CJMap, touchpoint: Touchpoint, wanted: PainFilter, steps: frozenset[str]
) -> bool:
    if wanted.stages and touchpoint.stage not in wanted.stages:
        return False
    if wanted.channels and not set(wanted.channels) & set(touchpoint.channels):
        return False
    if wanted.personas and not any(
        persona in model.personas_by_id and touchpoint.applies_to(persona)
        for persona in wanted.personas
    ):
        return False
    return not wanted.journeys or touchpoint.id in steps


def _map_pains(item: ValidMap, map_index: int, wanted: PainFilter) -> Iterator[PainPoint]:
    model = item.model
    every_persona = tuple(persona.id for persona in model.personas)
    steps = _journey_steps(model, wanted.journeys)
    answers = _Answers(model)

    def shared(stage: Stage, holder: Stage | Touchpoint) -> PainPoint:
        """What every pain of a stage or touchpoint shares; each pain fills in the rest."""
        touchpoint = holder if isinstance(holder, Touchpoint) else None
        personas = touchpoint.personas if touchpoint is not None else None
        return PainPoint(
            path=item.path,
            line=0,
            column=0,
            kind="pain",
            severity="medium",
            roadblock=False,
            touchpoint=touchpoint.id if touchpoint else None,
            touchpoint_name=touchpoint.name if touchpoint else None,
            stage=stage.id,
            stage_name=stage.name,
            channels=tuple(touchpoint.channels) if touchpoint else (),
            personas=every_persona if personas is None else tuple(personas),
            emotion=holder.emotion_for(),
            covered=touchpoint is not None and touchpoint.id in model.covered_touchpoints,
            text="",
            stage_index=model.stage_index[stage.id],
            map_index=map_index,
        )

    for index, stage in enumerate(model.stages):
        if stage.pains and _stage_selected(model, stage, wanted, steps):
            points = _pains_of(item, ("stages", index), stage.pains, shared(stage, stage), answers)
            yield from points
    for index, touchpoint in enumerate(model.touchpoints):
        if not _selected(model, touchpoint, wanted, steps):
            continue
        common = shared(model.stages_by_id[touchpoint.stage], touchpoint)
        yield from _pains_of(item, ("touchpoints", index), touchpoint.pains, common, answers)
        if not wanted.metrics:
            continue
        for number, metric in enumerate(touchpoint.metrics):
            if metric.off_target:
                line, column = item.document.locate(("touchpoints", index, "metrics", number))
                yield replace(
                    common,
                    line=line,
                    column=column,
                    kind="metric",
                    severity=metric_severity(metric),
                    text=metric_text(metric),
                )


def _stage_selected(model: CJMap, stage: Stage, wanted: PainFilter, steps: frozenset[str]) -> bool:
    """Whether a stage's own pains pass the filter: they belong to no channel, to every
    persona, and to a journey that has a step in the stage."""
    if wanted.stages and stage.id not in wanted.stages:
        return False
    if wanted.channels:
        return False
    if wanted.personas and not any(persona in model.personas_by_id for persona in wanted.personas):
        return False
    return not wanted.journeys or any(
        model.touchpoints_by_id[step].stage == stage.id for step in steps
    )


class _Answers:
    """Which opportunities and actions of a map answer a pain, looked up by the ids they name."""

    def __init__(self, model: CJMap) -> None:
        self.opportunities: dict[str, list[str]] = {}
        for opportunity in model.opportunities:
            if opportunity.status == "rejected":
                continue
            for named in opportunity.addresses:
                self.opportunities.setdefault(named, []).append(opportunity.id)
        self.actions = model.actions
        # Each action's place in the map, by every id it names and by the opportunity it
        # delivers, so that a pain is answered in one lookup rather than a pass over actions.
        self._naming: dict[str, list[int]] = {}
        self._delivering: dict[str, list[int]] = {}
        for index, action in enumerate(model.actions):
            for key in {*action.pains, *action.touchpoints}:
                self._naming.setdefault(key, []).append(index)
            if action.opportunity is not None:
                self._delivering.setdefault(action.opportunity, []).append(index)

    def of(self, pain: Pain, holder: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ids of the opportunities and actions that answer a pain held by ``holder``
        (the id of its touchpoint or stage), in the map's order."""
        named = {holder} | ({pain.id} if pain.id else set())
        opportunities = tuple(
            dict.fromkeys(
                o for key in (pain.id, holder) if key for o in self.opportunities.get(key, ())
            )
        )
        places = {index for key in named for index in self._naming.get(key, ())}
        places.update(index for o in opportunities for index in self._delivering.get(o, ()))
        return opportunities, tuple(self.actions[index].id for index in sorted(places))


def _pains_of(
    item: ValidMap,
    where: tuple[str, int],
    pains: Sequence[Pain],
    shared: PainPoint,
    answers: _Answers,
) -> Iterator[PainPoint]:
    holder = shared.touchpoint if shared.touchpoint is not None else shared.stage
    for number, pain in enumerate(pains):
        line, column = item.document.locate((*where, "pains", number))
        opportunities, actions = answers.of(pain, holder)
        yield replace(
            shared,
            line=line,
            column=column,
            severity=pain.severity,
            roadblock=pain.roadblock,
            text=pain.text,
            pain_id=pain.id,
            opportunities=opportunities,
            actions=actions,
            covered=bool(actions),
        )


def metric_severity(metric: Metric) -> str:
    """How badly an off-target metric hurts, from how far it misses as a share of the target."""
    assert metric.value is not None and metric.target is not None
    miss = shortfall(metric.value, metric.target, metric.better)
    share = miss / abs(metric.target) if metric.target else math.inf
    if share < 0.1:
        return "low"
    if share < 0.5:
        return "medium"
    return "high"


def metric_text(metric: Metric) -> str:
    """'Checkout abandonment: 64% against a target of 35% (lower is better)'."""
    assert metric.value is not None and metric.target is not None
    return (
        f"{metric.name}: {amount(metric.value, metric.unit)} against a target of "
        f"{amount(metric.target, metric.unit)} ({metric.better} is better)"
    )


def pains_table(points: Sequence[PainPoint], map_count: int) -> Table:
    """The rows for a writer, with a summary and the empty-result message."""
    maps = plural(map_count, "map")
    metrics = sum(1 for point in points if point.kind == "metric")
    summary = f"{plural(len(points), 'pain point')} in {maps}"
    if metrics:
        summary = (
            f"{plural(len(points) - metrics, 'pain point')} and "
            f"{plural(metrics, 'off-target metric')} in {maps}"
        )
    return Table(
        columns=COLUMNS,
        rows=[point.row() for point in points],
        summary=summary,
        empty=f"No pain points found in {maps}.",
    )
