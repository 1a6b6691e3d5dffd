"""The parts of the lifecycle nobody has mapped yet.

Kinds of gap, listed per map in this order and, within each, in lifecycle order:

``unmapped-stage``
    a stage of the map with no touchpoint.
``persona-absent`` (with ``by=("persona",)``)
    a stage where no touchpoint applies to a persona (a touchpoint that lists no
    personas applies to every persona).
``channel-absent`` (with ``by=("channel",)``)
    a stage where no touchpoint happens over a channel, though other touchpoints of
    the stage use channels of the same kind (digital, physical, human, print, other;
    channels with no kind count as one kind). A stage served only in person is not
    missing the app: a channel is missing where its kind is already at work.
``journey-skips`` (with ``journeys=True``)
    a stage between a journey's earliest and latest stage with no step in it.
``outside-journey`` (with ``journeys=True``)
    a stage before a journey's earliest stage or after its latest. Journeys often
    cover part of the lifecycle on purpose, so these are listed for context and do
    not count as gaps for ``--check``.
``missing-stage`` (with ``against``)
    a stage of a reference lifecycle that no stage of the map matches.

Per-persona, per-channel and per-journey rows leave out the stages with no
touchpoint at all: those are listed once, as ``unmapped-stage``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from cjmap.lifecycles import Lifecycle
from cjmap.reports import ValidMap
from cjmap.reports.table import DATA, MARKDOWN, TERMINAL, Cell, Column, Table
from cjmap.text import plural

GapKind = Literal[
    "unmapped-stage",
    "persona-absent",
    "channel-absent",
    "journey-skips",
    "outside-journey",
    "missing-stage",
]
# What `by` may name: list per persona or per channel the stages it never appears in.
GAP_GROUPS = ("persona", "channel")
# Listed for context only: never a reason for --check to fail.
CONTEXT_KINDS: frozenset[str] = frozenset({"outside-journey"})


@dataclass(frozen=True)
class GapOptions:
    """Which gaps to look for beyond stages with no touchpoint."""

    by: Sequence[str] = ()
    journeys: bool = False
    against: Lifecycle | None = None


@dataclass(frozen=True)
class Gap:
    """One gap: which stage, for whom (a persona, channel, journey or lifecycle), and where."""

    path: str
    line: int
    column: int
    kind: GapKind
    subject: str
    subject_name: str
    stage: str
    stage_name: str
    note: str

    @property
    def counts(self) -> bool:
        """Whether this gap fails ``--check``."""
        return self.kind not in CONTEXT_KINDS

    def row(self) -> dict[str, Cell]:
        return {
            "where": f"{self.path}:{self.line}",
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "subject": self.subject,
            "subject_name": self.subject_name,
            "stage": self.stage,
            "stage_name": self.stage_name,
            "note": self.note,
        }


COLUMNS = (
    Column("path", "Map", DATA),
    Column("line", "Line", DATA, numeric=True),
    Column("column", "Column", DATA, numeric=True),
    Column("kind", "Gap"),
    Column("subject", "For", TERMINAL | DATA),
    Column("subject_name", "For", MARKDOWN | DATA),
    Column("stage", "Stage", TERMINAL | DATA),
    Column("stage_name", "Stage", MARKDOWN | DATA),
    Column("note", "Note", wraps=True, share=1),
    Column("where", "Where", TERMINAL | MARKDOWN, wraps=True),
)


def find_gaps(maps: Sequence[ValidMap], options: GapOptions = GapOptions()) -> list[Gap]:
    """The gaps of every map, map by map, in the order described in this module."""
    return [gap for item in maps for gap in _map_gaps(item, options)]


def has_gaps(gaps: Sequence[Gap]) -> bool:
    """Whether any gap counts for ``--check``."""
    return any(gap.counts for gap in gaps)


def _map_gaps(item: ValidMap, options: GapOptions) -> Iterator[Gap]:
    model = item.model
    by_stage = model.touchpoints_by_stage
    mapped = [(index, stage) for index, stage in enumerate(model.stages) if by_stage[stage.id]]

    def gap(
        at: tuple[int, int],
        kind: GapKind,
        stage: tuple[str, str],
        note: str,
        subject: tuple[str, str] = ("", ""),
    ) -> Gap:
        return Gap(item.path, *at, kind, *subject, *stage, note)

    def stage_at(index: int) -> tuple[int, int]:
        return item.document.locate(("stages", index))

    for index, stage in enumerate(model.stages):
        if not by_stage[stage.id]:
            yield gap(
                stage_at(index),
                "unmapped-stage",
                (stage.id, stage.name),
                "no touchpoint in this stage",
            )

    if "persona" in options.by:
        for persona in model.personas:
            for index, stage in mapped:
                if not any(tp.applies_to(persona.id) for tp in by_stage[stage.id]):
                    yield gap(
                        stage_at(index),
                        "persona-absent",
                        (stage.id, stage.name),
                        "no touchpoint in this stage applies to this persona",
                        (persona.id, persona.name),
                    )

    if "channel" in options.by:
        kinds = {channel.id: channel.kind for channel in model.channels}
        for channel in model.channels:
            for index, stage in mapped:
                used = {cid for tp in by_stage[stage.id] for cid in tp.channels}
                alike = [cid for cid in used if kinds[cid] == channel.kind]
                if channel.id not in used and alike:
                    alike_kind = (
                        f"{channel.kind} channels" if channel.kind else "channels with no kind"
                    )
                    yield gap(
                        stage_at(index),
                        "channel-absent",
                        (stage.id, stage.name),
                        f"no touchpoint in this stage happens over this channel, though "
                        f"others use {alike_kind} ({', '.join(sorted(alike))})",
                        (channel.id, channel.name),
                    )

    if options.journeys:
        for journey_index, journey in enumerate(model.journeys):
            visited = {model.stage_index[model.touchpoints_by_id[s].stage] for s in journey.steps}
            first, last = min(visited), max(visited)
            for index, stage in mapped:
                if index in visited:
                    continue
                kind: GapKind = "journey-skips" if first < index < last else "outside-journey"
                if kind == "journey-skips":
                    note = "the journey has steps before and after this stage, none in it"
                elif index < first:
                    note = "before the journey's first stage"
                else:
                    note = "after the journey's last stage"
                yield gap(
                    item.document.locate(("journeys", journey_index)),
                    kind,
                    (stage.id, stage.name),
                    note,
                    (journey.id, journey.name),
                )

    if options.against is not None:
        lifecycle = options.against
        stages_key = item.document.locate(("stages",), key=True)
        for reference in lifecycle.missing_from(model.stages):
            yield gap(
                stages_key,
                "missing-stage",
                (reference.id, reference.name),
                f"in {lifecycle.title}; no stage of this map stands for it",
                (lifecycle.name, lifecycle.title),
            )


def gaps_table(gaps: Sequence[Gap], map_count: int) -> Table:
    """The rows for a writer, with a summary and the empty-result message."""
    maps = plural(map_count, "map")
    counted = sum(1 for gap in gaps if gap.counts)
    summary = f"{plural(counted, 'gap')} in {maps}"
    context = len(gaps) - counted
    if context:
        summary += f", and {plural(context, 'stage')} outside a journey (not counted)"
    return Table(
        columns=COLUMNS,
        rows=[gap.row() for gap in gaps],
        summary=summary,
        empty=f"No gaps found in {maps}.",
    )
