"""The changes a diff of two versions of a map finds, and the counts a report shows.

See ``cjmap.reports.diff`` for how two versions are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cjmap.model import CJMap

# Every kind of change, in the order reports list them, with the changes each can have.
CHANGE_KINDS: dict[str, tuple[str, ...]] = {
    "map": ("changed",),
    "stage": ("added", "removed", "renamed", "moved", "changed"),
    "channel": ("added", "removed", "renamed", "changed"),
    "persona": ("added", "removed", "renamed", "changed"),
    "organisation": ("added", "removed", "renamed", "changed"),
    "curve": ("added", "removed", "renamed", "changed"),
    "touchpoint": ("added", "removed", "moved", "changed"),
    "emotion": ("up", "down", "changed"),
    "pain": ("new", "removed", "changed"),
    "delight": ("new", "gone"),
    "moment_of_truth": ("gained", "lost"),
    "metric": ("added", "removed", "toward", "away", "value", "target", "changed"),
    "opportunity": ("added", "removed", "status", "changed"),
    "action": ("added", "removed", "status", "changed"),
    "journey": ("added", "removed", "steps", "changed"),
}

# Kinds whose items have ids and a name: (how the map lists them, the field naming one).
ITEM_KINDS: dict[str, tuple[str, str]] = {
    "stage": ("stages", "name"),
    "channel": ("channels", "name"),
    "persona": ("personas", "name"),
    "organisation": ("organisations", "name"),
    "curve": ("curves", "name"),
    "touchpoint": ("touchpoints", "name"),
    "opportunity": ("opportunities", "title"),
    "action": ("actions", "title"),
    "journey": ("journeys", "name"),
}
# Kinds of change inside a touchpoint (or a stage, for pains, delights and emotion).
HELD_KINDS = frozenset({"touchpoint", "emotion", "pain", "delight", "moment_of_truth", "metric"})


@dataclass(frozen=True)
class Change:
    """One change: its kind, what happened, the id of the item, and the values before and after.

    ``id`` is the touchpoint's (or, with ``on`` "stage", the stage's) id for emotion,
    pains, delights, moments of truth and metrics; ``subject`` names the field that
    changed, the pain or delight text, the metric name, or the persona of an emotion
    given per persona; ``stage`` is the touchpoint's stage, for lifecycle context.
    ``line`` is where the item stands in the new version, or in the old one for what
    is gone from the new; None until looked up.
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
    on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "change": self.change,
            "id": self.id,
            "on": self.on,
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
        """How many changes of each kind, for every kind and change (zeros included): the
        one count that the summary line and the JSON both show.

        For items with ids, "changed" counts items, not fields: a touchpoint with three
        edited fields and a new pain is one touchpoint changed.
        """
        counts = {kind: dict.fromkeys(changes, 0) for kind, changes in CHANGE_KINDS.items()}
        for change in self.changes:
            counts[change.kind][change.change] += 1
        for kind in ITEM_KINDS:
            counts[kind]["changed"] = self._items_changed(kind)
        return counts

    def _items_changed(self, kind: str) -> int:
        """Items of a kind in both versions with any change besides being added or removed,
        moved, renamed or a status (which the summary counts on their own)."""
        if kind == "touchpoint":
            return self.touchpoints_changed
        fields = ("changed", "steps") if kind == "journey" else ("changed",)
        return len({c.id for c in self.changes if c.kind == kind and c.change in fields})

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
                if change.kind in HELD_KINDS
                and change.on != "stage"
                and change.id not in added_or_removed
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


def mean_emotion(model: CJMap) -> float | None:
    """The mean emotion over the touchpoints that have one, or None when none has."""
    emotions = [e for tp in model.touchpoints if (e := tp.emotion_for()) is not None]
    return round(sum(emotions) / len(emotions), 2) if emotions else None
