"""What changed for the customer between two versions of a map.

Items are matched by id, never by position: stages, channels, personas,
organisations, curves, touchpoints, opportunities, actions and journeys by their
ids; pains and delights by their text within a touchpoint or stage, metrics by
their name within a touchpoint. Maps are compared as models, so two versions that
differ only in formatting, comments, key order or ``x-`` keys have no changes.

The pains, delights, metrics and moment-of-truth flag of a touchpoint that was
added count as new, those of one that was removed as gone: a new touchpoint with a
critical pain brings a new critical pain to the journey. A stage's own pains,
delights and emotion are compared like a touchpoint's (``on`` says which holds them).
A pain that is no longer on the map is "removed": the map cannot tell whether it was
fixed or deleted. An emotion given per persona is compared persona by persona.

A change is a regression when it makes the experience worse in a way a pull
request should be stopped for: a new high or critical pain (or a pain raised to
high or critical), a lower emotion at a moment of truth, a metric moving away from
its target, or a metric removed from a moment of truth or while it missed its target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from cjmap.model import SEVERITIES, CJMap, Metric, Pain, Stage, Touchpoint, emotion_for, shortfall

# The types of a diff live apart (cjmap.reports.changes); MapDiff is taken from here too.
from cjmap.reports.changes import CHANGE_KINDS, HELD_KINDS, ITEM_KINDS, Change, Version
from cjmap.reports.changes import MapDiff as MapDiff

# Fields compared one by one as "changed"; the others have changes of their own above.
_HELD_FIELDS = frozenset({"emotion", "pains", "delights"})
_SPECIAL_FIELDS: dict[str, frozenset[str]] = {
    "stage": frozenset({"id", "name"}) | _HELD_FIELDS,
    "touchpoint": frozenset({"id", "stage", "moment_of_truth", "metrics"}) | _HELD_FIELDS,
    "opportunity": frozenset({"id", "status"}),
    "action": frozenset({"id", "status"}),
    "journey": frozenset({"id", "steps"}),
}
_RENAMED = frozenset({"stage", "channel", "persona", "organisation", "curve"})

_HIGH = SEVERITIES.index("high")
_T = TypeVar("_T")


def _value(value: Any) -> Any:
    """A field value as JSON data (dates as YYYY-MM-DD)."""
    if isinstance(value, list):
        return [_value(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _field_changes(
    kind: str, item_id: str, old: BaseModel, new: BaseModel, skip: frozenset[str], stage: str | None
) -> Iterator[Change]:
    for name in type(new).model_fields:
        if name in skip:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            yield Change(kind, "changed", item_id, _value(before), _value(after), name, stage)


def _lifecycle_ranks(old: CJMap, new: CJMap) -> dict[str, int]:
    """Stage ranks that place the items of both versions on one lifecycle line."""
    # New stages in order; a removed stage goes right after the stage before it.
    order = [stage.id for stage in new.stages]
    previous: str | None = None
    for stage in old.stages:
        if stage.id not in order:
            order.insert(order.index(previous) + 1 if previous in order else 0, stage.id)
        previous = stage.id
    return {stage_id: index for index, stage_id in enumerate(order)}


def _by_id_changes(kind: str, old_items: Sequence[Any], new_items: Sequence[Any]) -> list[Change]:
    """Added, removed, renamed, status and changed items of one kind."""
    label = ITEM_KINDS[kind][1]
    old_by_id = {item.id: item for item in old_items}
    new_by_id = {item.id: item for item in new_items}
    skip = _SPECIAL_FIELDS.get(kind, frozenset({"id", "name"}))
    changes: list[Change] = []
    for item in new_items:
        before = old_by_id.get(item.id)
        if before is None:
            changes.append(Change(kind, "added", item.id, new=getattr(item, label)))
            continue
        if kind in _RENAMED and before.name != item.name:
            changes.append(Change(kind, "renamed", item.id, before.name, item.name))
        changes.extend(_field_changes(kind, item.id, before, item, skip, None))
        if "status" in skip and before.status != item.status:
            changes.append(Change(kind, "status", item.id, before.status, item.status))
    changes.extend(
        Change(kind, "removed", item.id, old=getattr(item, label))
        for item in old_items
        if item.id not in new_by_id
    )
    return changes


def _stage_moves(old: CJMap, new: CJMap) -> list[Change]:
    """Stages whose place in the lifecycle changed relative to the stages kept in both."""
    import difflib

    kept_old = [stage.id for stage in old.stages if stage.id in new.stages_by_id]
    kept_new = [stage.id for stage in new.stages if stage.id in old.stages_by_id]
    if kept_old == kept_new:
        return []
    matcher = difflib.SequenceMatcher(a=kept_old, b=kept_new, autojunk=False)
    in_place = {
        kept_new[j + k] for _, j, size in matcher.get_matching_blocks() for k in range(size)
    }
    return [
        Change(
            "stage", "moved", stage_id, old.stage_index[stage_id] + 1, new.stage_index[stage_id] + 1
        )
        for stage_id in kept_new
        if stage_id not in in_place
    ]


def _pain_state(pain: Pain) -> dict[str, Any]:
    return {"severity": pain.severity, "roadblock": pain.roadblock}


def _metric_state(metric: Metric) -> dict[str, Any]:
    return {
        "value": metric.value,
        "target": metric.target,
        "unit": metric.unit,
        "better": metric.better,
    }


def _metric_changes(tid: str, stage: str, old: Metric, new: Metric) -> Iterator[Change]:
    before, after = _metric_state(old), _metric_state(new)

    def change(kind: str, regression: bool = False) -> Change:
        return Change("metric", kind, tid, before, after, new.name, stage, regression)

    if old.value != new.value:
        target = new.target  # the goal now; a dropped target gives no direction
        if old.value is None or new.value is None or target is None:
            yield change("value")
        else:
            gap_before = shortfall(old.value, target, new.better)
            gap_after = shortfall(new.value, target, new.better)
            if gap_after < gap_before:
                yield change("toward")
            elif gap_after > gap_before:
                yield change("away", regression=True)
            else:
                yield change("value")
    if old.target != new.target:
        yield change("target")
    if (old.unit, old.better) != (new.unit, new.better):
        yield change("changed")


def _first_by_key(items: Iterable[_T], key: Callable[[_T], str]) -> dict[str, _T]:
    """Items by key, in order; a repeated key keeps its first item."""
    found: dict[str, _T] = {}
    for item in items:
        found.setdefault(key(item), item)
    return found


Holder = Stage | Touchpoint


def _emotion_changes(
    hid: str, stage: str, old: Holder, new: Holder, on: str | None
) -> Iterator[Change]:
    """The emotion up or down, persona by persona when either version gives one per persona."""
    if old.emotion == new.emotion:
        return
    truth = getattr(old, "moment_of_truth", False) or getattr(new, "moment_of_truth", False)
    personas: list[str | None] = [None]
    if isinstance(old.emotion, dict) or isinstance(new.emotion, dict):
        named = [key for e in (old.emotion, new.emotion) if isinstance(e, dict) for key in e]
        personas = list(dict.fromkeys(named))
    for persona in personas:
        before, after = emotion_for(old.emotion, persona), emotion_for(new.emotion, persona)
        if before == after:
            continue
        if before is None or after is None:
            yield Change("emotion", "changed", hid, before, after, persona, stage, on=on)
        else:
            lower = after < before
            what = "down" if lower else "up"
            yield Change(
                "emotion", what, hid, before, after, persona, stage, lower and truth, on=on
            )


def _held_items(
    hid: str, stage: str, old: Holder | None, new: Holder | None, on: str | None = None
) -> Iterator[Change]:
    """Pains, delights, metrics and the moment of truth of a touchpoint (a stage has no
    metrics or moment of truth); a missing holder has none."""
    old_pains = _first_by_key(old.pains if old else [], lambda pain: pain.text)
    new_pains = _first_by_key(new.pains if new else [], lambda pain: pain.text)
    for text, pain in new_pains.items():
        before = old_pains.get(text)
        if before is None:
            high = pain.severity_rank >= _HIGH
            yield Change("pain", "new", hid, None, _pain_state(pain), text, stage, high, on=on)
        elif (before.severity, before.roadblock) != (pain.severity, pain.roadblock):
            raised = pain.severity_rank >= _HIGH and pain.severity_rank > before.severity_rank
            yield Change(
                "pain",
                "changed",
                hid,
                _pain_state(before),
                _pain_state(pain),
                text,
                stage,
                raised,
                on=on,
            )
    for text, pain in old_pains.items():
        if text not in new_pains:
            yield Change("pain", "removed", hid, _pain_state(pain), None, text, stage, on=on)

    old_delights = set(old.delights) if old else set()
    new_delights = set(new.delights) if new else set()
    for text in dict.fromkeys(new.delights if new else []):
        if text not in old_delights:
            yield Change("delight", "new", hid, subject=text, stage=stage, on=on)
    for text in dict.fromkeys(old.delights if old else []):
        if text not in new_delights:
            yield Change("delight", "gone", hid, subject=text, stage=stage, on=on)
    if isinstance(old, Touchpoint | None) and isinstance(new, Touchpoint | None):
        yield from _touchpoint_measures(hid, stage, old, new)


def _touchpoint_measures(
    tid: str, stage: str, old: Touchpoint | None, new: Touchpoint | None
) -> Iterator[Change]:
    was_truth = bool(old and old.moment_of_truth)
    is_truth = bool(new and new.moment_of_truth)
    if is_truth != was_truth:
        what = "gained" if is_truth else "lost"
        yield Change("moment_of_truth", what, tid, was_truth, is_truth, stage=stage)

    old_metrics = _first_by_key(old.metrics if old else [], lambda metric: metric.name)
    new_metrics = _first_by_key(new.metrics if new else [], lambda metric: metric.name)
    for name, metric in new_metrics.items():
        before_metric = old_metrics.get(name)
        if before_metric is None:
            yield Change("metric", "added", tid, None, _metric_state(metric), name, stage)
        else:
            yield from _metric_changes(tid, stage, before_metric, metric)
    for name, metric in old_metrics.items():
        if name not in new_metrics:
            # Dropping the measure of a moment of truth, or one that shows a miss, from a
            # touchpoint that stays hides the problem rather than fixing it.
            hides = new is not None and (was_truth or metric.off_target)
            yield Change("metric", "removed", tid, _metric_state(metric), None, name, stage, hides)


def _touchpoint_changes(old: CJMap, new: CJMap) -> list[Change]:
    changes: list[Change] = []
    old_by_id, new_by_id = old.touchpoints_by_id, new.touchpoints_by_id
    for tp in new.touchpoints:
        before = old_by_id.get(tp.id)
        if before is None:
            changes.append(Change("touchpoint", "added", tp.id, new=tp.name, stage=tp.stage))
        else:
            if before.stage != tp.stage:
                changes.append(
                    Change("touchpoint", "moved", tp.id, before.stage, tp.stage, stage=tp.stage)
                )
            changes.extend(
                _field_changes(
                    "touchpoint", tp.id, before, tp, _SPECIAL_FIELDS["touchpoint"], tp.stage
                )
            )
            changes.extend(_emotion_changes(tp.id, tp.stage, before, tp, None))
        changes.extend(_held_items(tp.id, tp.stage, before, tp))
    for tp in old.touchpoints:
        if tp.id not in new_by_id:
            changes.append(Change("touchpoint", "removed", tp.id, old=tp.name, stage=tp.stage))
            changes.extend(_held_items(tp.id, tp.stage, tp, None))
    return changes


def _stage_lane_changes(old: CJMap, new: CJMap) -> list[Change]:
    """A stage's own emotion, pains and delights, compared like a touchpoint's."""
    changes: list[Change] = []
    for stage in new.stages:
        before = old.stages_by_id.get(stage.id)
        if before is not None:
            changes.extend(_emotion_changes(stage.id, stage.id, before, stage, "stage"))
        changes.extend(_held_items(stage.id, stage.id, before, stage, "stage"))
    for stage in old.stages:
        if stage.id not in new.stages_by_id:
            changes.extend(_held_items(stage.id, stage.id, stage, None, "stage"))
    return changes


def _journey_steps(old: CJMap, new: CJMap) -> list[Change]:
    changes = []
    for journey in new.journeys:
        before = old.journeys_by_id.get(journey.id)
        if before is not None and before.steps != journey.steps:
            changes.append(Change("journey", "steps", journey.id, before.steps, journey.steps))
    return changes


def _ordered(changes: Iterable[Change], old: CJMap, new: CJMap) -> tuple[Change, ...]:
    """Kinds in report order; touchpoint changes in lifecycle order, the rest in file order."""
    ranks = _lifecycle_ranks(old, new)
    kinds = list(CHANGE_KINDS)
    positions: dict[tuple[str, str], int] = {}
    for kind, (listed, _) in ITEM_KINDS.items():
        old_items, new_items = getattr(old, listed), getattr(new, listed)
        for index, item in enumerate(new_items):
            positions[kind, item.id] = index
        offset = len(new_items)
        for index, item in enumerate(old_items):
            positions.setdefault((kind, item.id), offset + index)

    def key(indexed: tuple[int, Change]) -> tuple[int, int, int, int]:
        order, change = indexed
        if change.kind in HELD_KINDS:
            stage_rank = ranks.get(change.stage or "", 0)
            # A stage's own pains come before those of its touchpoints.
            at = -1 if change.on == "stage" else positions[("touchpoint", change.id)]
            return (kinds.index(change.kind), stage_rank, at, order)
        if change.kind == "stage":
            return (kinds.index("stage"), ranks[change.id], 0, order)
        return (kinds.index(change.kind), positions.get((change.kind, change.id), 0), 0, order)

    return tuple(change for _, change in sorted(enumerate(changes), key=key))


def diff_maps(old: CJMap, new: CJMap, old_path: str = "old", new_path: str = "new") -> MapDiff:
    """Every change from ``old`` to ``new``, in report order."""
    changes: list[Change] = []
    changes.extend(_field_changes("map", "map", old.map, new.map, frozenset(), None))
    for kind, (listed, _) in ITEM_KINDS.items():
        if kind != "touchpoint":
            changes.extend(_by_id_changes(kind, getattr(old, listed), getattr(new, listed)))
    changes.extend(_stage_moves(old, new))
    changes.extend(_stage_lane_changes(old, new))
    changes.extend(_touchpoint_changes(old, new))
    changes.extend(_journey_steps(old, new))
    return MapDiff(
        Version.of(old_path, old), Version.of(new_path, new), _ordered(changes, old, new)
    )
