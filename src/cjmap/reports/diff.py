"""What changed for the customer between two versions of a map.

Items are matched by id, never by position: stages, channels, personas,
touchpoints, actions and journeys by their ids; pains and delights by their text
within a touchpoint, metrics by their name within a touchpoint. Maps are compared
as models, so two versions that differ only in formatting, comments, key order or
``x-`` keys have no changes.

The pains, delights, metrics and moment-of-truth flag of a touchpoint that was
added count as new, those of one that was removed as gone: a new touchpoint with a
critical pain brings a new critical pain to the journey.

A change is a regression when it makes the experience worse in a way a pull
request should be stopped for: a new high or critical pain (or a pain raised to
high or critical), a lower emotion at a moment of truth, or a metric moving away
from its target.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from cjmap.findings import Finding
from cjmap.loader import DEFAULT_MAX_SIZE, Document, load
from cjmap.model import SEVERITIES, CJMap, Metric, Pain, Touchpoint, shortfall
from cjmap.validate import validate_document

# Every kind of change, in the order reports list them, with the changes each can have.
CHANGE_KINDS: dict[str, tuple[str, ...]] = {
    "map": ("changed",),
    "stage": ("added", "removed", "renamed", "moved", "changed"),
    "channel": ("added", "removed", "renamed", "changed"),
    "persona": ("added", "removed", "renamed", "changed"),
    "touchpoint": ("added", "removed", "moved", "changed"),
    "emotion": ("up", "down", "changed"),
    "pain": ("new", "resolved", "changed"),
    "delight": ("new", "gone"),
    "moment_of_truth": ("gained", "lost"),
    "metric": ("added", "removed", "toward", "away", "value", "target", "changed"),
    "action": ("added", "removed", "status", "changed"),
    "journey": ("added", "removed", "steps", "changed"),
}

# Fields compared one by one as "changed"; the others have changes of their own above.
_SPECIAL_FIELDS: dict[str, frozenset[str]] = {
    "stage": frozenset({"id", "name"}),
    "channel": frozenset({"id", "name"}),
    "persona": frozenset({"id", "name"}),
    "touchpoint": frozenset(
        {"id", "stage", "emotion", "moment_of_truth", "pains", "delights", "metrics"}
    ),
    "action": frozenset({"id", "status"}),
    "journey": frozenset({"id", "steps"}),
}

_HIGH = SEVERITIES.index("high")
_T = TypeVar("_T")


@dataclass(frozen=True)
class Change:
    """One change: its kind, what happened, the id of the item, and the values before and after.

    ``id`` is the touchpoint's id for emotion, pains, delights, moments of truth and
    metrics; ``subject`` names the field that changed, the pain or delight text, or
    the metric name; ``stage`` is the touchpoint's stage, for lifecycle context.
    ``line`` is where the item stands in the new version, or in the old one for what
    is gone from the new (see ``with_lines``); None until looked up.
    """

    kind: str
    change: str
    id: str
    old: Any = None
    new: Any = None
    subject: str | None = None
    stage: str | None = None
    regression: bool = False
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "change": self.change,
            "id": self.id,
            "subject": self.subject,
            "stage": self.stage,
            "old": self.old,
            "new": self.new,
            "regression": self.regression,
            "line": self.line,
        }


@dataclass(frozen=True)
class Version:
    """One side of a comparison: where the map came from and a few facts about it."""

    path: str
    title: str
    state: str
    touchpoints: int
    mean_emotion: float | None

    @classmethod
    def of(cls, path: str, model: CJMap) -> Version:
        return cls(
            path, model.map.title, model.map.state, len(model.touchpoints), mean_emotion(model)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "state": self.state,
            "touchpoints": self.touchpoints,
            "mean_emotion": self.mean_emotion,
        }


@dataclass(frozen=True)
class MapDiff:
    """The changes from an old version of a map to a new one.

    ``old`` is None for a map that is new, ``new`` None for one that was removed
    (when whole folders are compared).
    """

    old: Version | None
    new: Version | None
    changes: tuple[Change, ...] = ()

    @property
    def status(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.changes else "unchanged"

    @property
    def regressions(self) -> list[Change]:
        return [change for change in self.changes if change.regression]

    def counts(self) -> dict[str, dict[str, int]]:
        """How many changes of each kind, for every kind and change (zeros included)."""
        counts = {kind: dict.fromkeys(changes, 0) for kind, changes in CHANGE_KINDS.items()}
        for change in self.changes:
            counts[change.kind][change.change] += 1
        return counts

    @property
    def touchpoints_changed(self) -> int:
        """Touchpoints in both versions with any change (fields, stage, emotion, pains...)."""
        added_or_removed = {
            change.id
            for change in self.changes
            if change.kind == "touchpoint" and change.change in ("added", "removed")
        }
        return len(
            {
                change.id
                for change in self.changes
                if change.kind in _TOUCHPOINT_KINDS and change.id not in added_or_removed
            }
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "status": self.status,
            "counts": self.counts(),
            "touchpoints_changed": self.touchpoints_changed,
            "regressions": len(self.regressions),
            "changes": [change.to_dict() for change in self.changes],
        }


_TOUCHPOINT_KINDS = frozenset(
    {"touchpoint", "emotion", "pain", "delight", "moment_of_truth", "metric"}
)


def mean_emotion(model: CJMap) -> float | None:
    """The mean emotion over the touchpoints that have one, or None when none has."""
    emotions = [e for tp in model.touchpoints if (e := tp.emotion_for()) is not None]
    return round(sum(emotions) / len(emotions), 2) if emotions else None


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


def _by_id_changes(
    kind: str, old_items: Sequence[Any], new_items: Sequence[Any], label: str
) -> list[Change]:
    """Added, removed, renamed (``label`` is the name field) and changed items of one kind."""
    old_by_id = {item.id: item for item in old_items}
    new_by_id = {item.id: item for item in new_items}
    changes: list[Change] = []
    for item in new_items:
        before = old_by_id.get(item.id)
        if before is None:
            changes.append(Change(kind, "added", item.id, new=getattr(item, label)))
            continue
        if kind in ("stage", "channel", "persona") and before.name != item.name:
            changes.append(Change(kind, "renamed", item.id, before.name, item.name))
        changes.extend(_field_changes(kind, item.id, before, item, _SPECIAL_FIELDS[kind], None))
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


def _touchpoint_items(
    tid: str, stage: str, old: Touchpoint | None, new: Touchpoint | None
) -> Iterator[Change]:
    """Pains, delights, metrics and the moment of truth; a missing touchpoint has none."""
    old_pains = _first_by_key(old.pains if old else [], lambda pain: pain.text)
    new_pains = _first_by_key(new.pains if new else [], lambda pain: pain.text)
    for text, pain in new_pains.items():
        before = old_pains.get(text)
        if before is None:
            yield Change(
                "pain",
                "new",
                tid,
                None,
                _pain_state(pain),
                text,
                stage,
                pain.severity_rank >= _HIGH,
            )
        elif (before.severity, before.roadblock) != (pain.severity, pain.roadblock):
            raised = pain.severity_rank >= _HIGH and pain.severity_rank > before.severity_rank
            yield Change(
                "pain", "changed", tid, _pain_state(before), _pain_state(pain), text, stage, raised
            )
    for text, pain in old_pains.items():
        if text not in new_pains:
            yield Change("pain", "resolved", tid, _pain_state(pain), None, text, stage)

    old_delights = set(old.delights) if old else set()
    new_delights = set(new.delights) if new else set()
    for text in dict.fromkeys(new.delights if new else []):
        if text not in old_delights:
            yield Change("delight", "new", tid, subject=text, stage=stage)
    for text in dict.fromkeys(old.delights if old else []):
        if text not in new_delights:
            yield Change("delight", "gone", tid, subject=text, stage=stage)

    was_truth = bool(old and old.moment_of_truth)
    is_truth = bool(new and new.moment_of_truth)
    if is_truth != was_truth:
        yield Change(
            "moment_of_truth",
            "gained" if is_truth else "lost",
            tid,
            was_truth,
            is_truth,
            stage=stage,
        )

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
            yield Change("metric", "removed", tid, _metric_state(metric), None, name, stage)


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
            if before.emotion != tp.emotion:
                changes.append(_emotion_change(before, tp))
        changes.extend(_touchpoint_items(tp.id, tp.stage, before, tp))
    for tp in old.touchpoints:
        if tp.id not in new_by_id:
            changes.append(Change("touchpoint", "removed", tp.id, old=tp.name, stage=tp.stage))
            changes.extend(_touchpoint_items(tp.id, tp.stage, tp, None))
    return changes


def _emotion_change(old: Touchpoint, new: Touchpoint) -> Change:
    old_score, new_score = old.emotion_for(), new.emotion_for()
    if old_score is None or new_score is None:
        return Change("emotion", "changed", new.id, old.emotion, new.emotion, stage=new.stage)
    truth = old.moment_of_truth or new.moment_of_truth
    lower = new_score < old_score
    return Change(
        "emotion",
        "down" if lower else "up",
        new.id,
        old.emotion,
        new.emotion,
        stage=new.stage,
        regression=lower and truth,
    )


def _journey_and_action_changes(old: CJMap, new: CJMap) -> list[Change]:
    changes = _by_id_changes("action", old.actions, new.actions, "title")
    old_actions = {action.id: action for action in old.actions}
    for action in new.actions:
        before = old_actions.get(action.id)
        if before is not None and before.status != action.status:
            changes.append(Change("action", "status", action.id, before.status, action.status))
    changes.extend(_by_id_changes("journey", old.journeys, new.journeys, "name"))
    for journey in new.journeys:
        before_journey = old.journeys_by_id.get(journey.id)
        if before_journey is not None and before_journey.steps != journey.steps:
            changes.append(
                Change("journey", "steps", journey.id, before_journey.steps, journey.steps)
            )
    return changes


def _ordered(changes: Iterable[Change], old: CJMap, new: CJMap) -> tuple[Change, ...]:
    """Kinds in report order; touchpoint changes in lifecycle order, the rest in file order."""
    ranks = _lifecycle_ranks(old, new)
    kinds = list(CHANGE_KINDS)
    positions: dict[tuple[str, str], int] = {}
    with_ids: list[tuple[str, Sequence[Any], Sequence[Any]]] = [
        ("stage", old.stages, new.stages),
        ("channel", old.channels, new.channels),
        ("persona", old.personas, new.personas),
        ("touchpoint", old.touchpoints, new.touchpoints),
        ("action", old.actions, new.actions),
        ("journey", old.journeys, new.journeys),
    ]
    for kind, old_items, new_items in with_ids:
        for index, item in enumerate(new_items):
            positions[kind, item.id] = index
        offset = len(new_items)
        for index, item in enumerate(old_items):
            positions.setdefault((kind, item.id), offset + index)

    def key(indexed: tuple[int, Change]) -> tuple[int, int, int, int]:
        order, change = indexed
        if change.kind in _TOUCHPOINT_KINDS:
            stage_rank = ranks.get(change.stage or "", 0)
            return (
                kinds.index(change.kind),
                stage_rank,
                positions[("touchpoint", change.id)],
                order,
            )
        if change.kind == "stage":
            return (kinds.index("stage"), ranks[change.id], 0, order)
        return (kinds.index(change.kind), positions.get((change.kind, change.id), 0), 0, order)

    return tuple(change for _, change in sorted(enumerate(changes), key=key))


def diff_maps(old: CJMap, new: CJMap, old_path: str = "old", new_path: str = "new") -> MapDiff:
    """Every change from ``old`` to ``new``, in report order."""
    changes: list[Change] = []
    changes.extend(_field_changes("map", "map", old.map, new.map, frozenset(), None))
    changes.extend(_by_id_changes("stage", old.stages, new.stages, "name"))
    changes.extend(_stage_moves(old, new))
    changes.extend(_by_id_changes("channel", old.channels, new.channels, "name"))
    changes.extend(_by_id_changes("persona", old.personas, new.personas, "name"))
    changes.extend(_touchpoint_changes(old, new))
    changes.extend(_journey_and_action_changes(old, new))
    return MapDiff(
        Version.of(old_path, old), Version.of(new_path, new), _ordered(changes, old, new)
    )


# Changes that say an item is no longer in the new version: their line is in the old one.
_GONE = frozenset({"removed", "resolved", "gone", "lost"})
# Where the items of each kind of change are listed in a map; the rest are touchpoints'.
_LISTS = {
    "stage": "stages",
    "channel": "channels",
    "persona": "personas",
    "action": "actions",
    "journey": "journeys",
}
# Changes of one field of a touchpoint, located at that field.
_FIELDS = {"emotion": "emotion", "moment_of_truth": "moment_of_truth"}


def with_lines(diff: MapDiff, old: Document, new: Document) -> MapDiff:
    """The diff with each change's line: where its item is in ``new`` (``old`` if gone)."""
    if not isinstance(old.data, dict) or not isinstance(new.data, dict):
        return diff
    indexes: dict[tuple[int, str], dict[Any, int]] = {}

    def index_of(document: Document, items_key: str, item_id: str) -> int | None:
        known = indexes.get((id(document), items_key))
        if known is None:
            items = document.data.get(items_key)
            known = {
                item.get("id"): number
                for number, item in enumerate(items if isinstance(items, list) else ())
                if isinstance(item, dict)
            }
            indexes[(id(document), items_key)] = known
        return known.get(item_id)

    def line_of(change: Change) -> int:
        document = old if change.change in _GONE else new
        # A field that changed is found at itself (at its item when the field is gone).
        field_name = _FIELDS.get(change.kind) or (
            change.subject if change.change == "changed" else None
        )
        if change.kind == "map":
            return document.locate(("map", field_name) if field_name else ("map",))[0]
        items_key = _LISTS.get(change.kind, "touchpoints")
        index = index_of(document, items_key, change.id)
        if index is None:
            return document.locate((items_key,))[0]
        path = (items_key, index) if field_name is None else (items_key, index, field_name)
        return document.locate(path)[0]

    return replace(diff, changes=tuple(replace(c, line=line_of(c)) for c in diff.changes))


def added_map(path: str, model: CJMap) -> MapDiff:
    """A map that exists only in the new version (comparing folders)."""
    return MapDiff(None, Version.of(path, model))


def removed_map(path: str, model: CJMap) -> MapDiff:
    """A map that exists only in the old version (comparing folders)."""
    return MapDiff(Version.of(path, model), None)


# --- Comparing files and git revisions -------------------------------------------


@dataclass
class Comparison:
    """The diffs of one run, and the findings of maps that could not be compared."""

    diffs: list[MapDiff] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def load_argument(argument: str, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Load a map named on the command line: a file, or ``REV:PATH`` read from git.

    Raises InputError when the file (or revision) does not exist.
    """
    from cjmap.gitrev import load_at_revision, parse_rev_path

    spec = parse_rev_path(argument)
    if spec is not None:
        return load_at_revision(spec, max_size)
    return load(Path(argument), max_size=max_size)


def _validated(comparison: Comparison, document: Document | None) -> CJMap | None:
    if document is None:
        return None
    checked = validate_document(document)
    comparison.findings.extend(checked.findings)
    return checked.model


def _compare(comparison: Comparison, old: Document | None, new: Document | None) -> None:
    """Add the diff of two versions, or the findings of a version that is not valid."""
    old_model, new_model = _validated(comparison, old), _validated(comparison, new)
    if old is not None and new is not None:
        if old_model is not None and new_model is not None:
            diff = diff_maps(old_model, new_model, old.path, new.path)
            comparison.diffs.append(with_lines(diff, old, new))
    elif new is not None and new_model is not None:
        comparison.diffs.append(added_map(new.path, new_model))
    elif old is not None and old_model is not None:
        comparison.diffs.append(removed_map(old.path, old_model))


def compare_arguments(old: str, new: str, max_size: int = DEFAULT_MAX_SIZE) -> Comparison:
    """Compare two maps named on the command line (files or ``REV:PATH``)."""
    comparison = Comparison()
    _compare(comparison, load_argument(old, max_size), load_argument(new, max_size))
    return comparison


def _relative(path: Path | str) -> str:
    return os.path.normpath(os.path.relpath(path))


def compare_with_revision(
    rev: str, paths: Sequence[Path], max_size: int = DEFAULT_MAX_SIZE
) -> Comparison:
    """Compare every map in the given files and folders with its version at a git revision.

    A map found only in the working tree is new; a map found only at the revision
    was removed. Raises InputError for a path that exists in neither.
    """
    from cjmap.gitrev import RevPath, check_revision, load_at_revision, yaml_files_at_revision
    from cjmap.loader import InputError, expand_paths

    check_revision(rev)
    here: set[str] = set()
    there: set[str] = set()
    for path in paths:
        at_revision = {os.path.normpath(name) for name in yaml_files_at_revision(rev, path)}
        files, _, problems = expand_paths([path]) if path.exists() else ([], [], [])
        if not files and not at_revision:
            raise InputError(problems[0] if problems else f"{path}: no such file or folder")
        here.update(_relative(file) for file in files)
        there.update(at_revision)

    comparison = Comparison()
    for name in sorted(here | there):
        new = load(Path(name), max_size=max_size) if name in here else None
        old = load_at_revision(RevPath(rev, name), max_size) if name in there else None
        if (
            new is None
            and old is not None
            and old.text  # one too large to read is reported, as it may be a map
            and not (isinstance(old.data, dict) and "cjmap" in old.data)
        ):
            continue  # a YAML file at the revision that is not a map
        _compare(comparison, old, new)
    return comparison
