"""What a map's actions and opportunities answer: the pains, touchpoints and stages they name.

An action names touchpoints and pains itself, and everything the opportunity it
delivers addresses; an opportunity addresses pains, touchpoints and stages by id.
Rules ask whether a pain, a touchpoint or a stage is among what the actions (or
opportunities) of some statuses name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from cjmap.model import CJMap, Pain, Stage, Touchpoint

UNDER_WAY = ("planned", "in-progress")
"""The statuses of an action that answers a pain: committed to, not an idea, not done."""
OPEN_ACTION = ("idea", *UNDER_WAY)
OPEN_OPPORTUNITY = ("idea", "exploring", "chosen")


@dataclass(frozen=True)
class Named:
    """Ids named, by kind."""

    pains: frozenset[str] = frozenset()
    touchpoints: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()

    def __or__(self, other: Named) -> Named:
        return Named(
            self.pains | other.pains,
            self.touchpoints | other.touchpoints,
            self.stages | other.stages,
        )

    def names_holder(self, holder: Stage | Touchpoint) -> bool:
        ids = self.stages if isinstance(holder, Stage) else self.touchpoints
        return holder.id in ids

    def answers_pain(self, holder: Stage | Touchpoint, pain: Pain) -> bool:
        """Whether the pain is named by its id, or its touchpoint (or stage) is."""
        return (pain.id is not None and pain.id in self.pains) or self.names_holder(holder)

    def answers(self, holder: Stage | Touchpoint) -> bool:
        """Whether the touchpoint (or stage), or one of its pains, is named."""
        return self.names_holder(holder) or any(
            pain.id is not None and pain.id in self.pains for pain in holder.pains
        )


def _addressed(model: CJMap, ids: Iterable[str]) -> Named:
    """The ids of an opportunity's ``addresses``, sorted by the kinds that have them."""
    listed = set(ids)
    return Named(
        frozenset(listed & model.pains_by_id.keys()),
        frozenset(listed & model.touchpoints_by_id.keys()),
        frozenset(listed & model.stages_by_id.keys()),
    )


def _joined(named: Iterable[Named]) -> Named:
    joined = Named()
    for each in named:
        joined |= each
    return joined


def named_by_actions(model: CJMap, statuses: Collection[str]) -> Named:
    """What the actions of these statuses name, with what their opportunities address."""
    opportunities = model.opportunities_by_id
    found: list[Named] = []
    for action in model.actions:
        if action.status not in statuses:
            continue
        found.append(Named(frozenset(action.pains), frozenset(action.touchpoints)))
        if action.opportunity is not None and action.opportunity in opportunities:
            found.append(_addressed(model, opportunities[action.opportunity].addresses))
    return _joined(found)


def named_by_opportunities(model: CJMap, statuses: Collection[str]) -> Named:
    """What the opportunities of these statuses address."""
    return _joined(
        _addressed(model, opportunity.addresses)
        for opportunity in model.opportunities
        if opportunity.status in statuses
    )
