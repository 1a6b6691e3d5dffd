"""Finds the lowest points of the map, a touchpoint or a stage whose `emotion`
is -2 (for every persona, or for any one of them), that no open action and no
open opportunity answers.

An action is open while its `status` is `idea`, `planned` or `in-progress`; an
opportunity while it is not `rejected`. Either answers a touchpoint or stage
that it names (an action by `touchpoints`, or by the opportunity it delivers),
or one of whose pains it names by id.

## Why it matters

The bottom of the emotional curve is where customers are most likely to give
up and to tell others about it. A map whose worst moment has no action and no
opportunity attached shows the problem and stops there; even an idea or an
opportunity still being explored tells readers the team has seen it.

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    emotion: -2
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    emotion: -2
opportunities:
  - id: shipping-upfront
    title: Show the shipping cost from the first page
    addresses: [checkout]
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.answers import (
    OPEN_ACTION,
    OPEN_OPPORTUNITY,
    named_by_actions,
    named_by_opportunities,
)
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.loader import PathKey
from cjmap.model import Stage, Touchpoint

LOWEST = -2


class UnansweredLowestPoint(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        model = context.model
        self.answered = named_by_actions(model, OPEN_ACTION) | named_by_opportunities(
            model, OPEN_OPPORTUNITY
        )

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        emotion = touchpoint.emotion
        if emotion == LOWEST or type(emotion) is dict:
            self._check(("touchpoints", index), "touchpoint", touchpoint)

    def stage(self, index: int, stage: Stage) -> None:
        if stage.emotion is not None:
            self._check(("stages", index), "stage", stage)

    def _check(self, at: PathKey, kind: str, item: Stage | Touchpoint) -> None:
        emotion = item.emotion
        if emotion == LOWEST:
            where: PathKey = (*at, "emotion")
            whose = ""
        elif isinstance(emotion, dict) and LOWEST in emotion.values():
            personas = [persona for persona, score in emotion.items() if score == LOWEST]
            where = (*at, "emotion", personas[0])
            whose = f" for {'persona' if len(personas) == 1 else 'personas'} " + ", ".join(
                f"'{persona}'" for persona in personas
            )
        else:
            return
        if not self.answered.answers(item):
            self.report(
                where,
                f"{kind} '{item.id}' is a lowest point of the map (emotion {LOWEST}{whose}), "
                "and no open action or opportunity answers it",
            )


RULE = make_rule(
    "L118",
    "unanswered-lowest-point",
    "a touchpoint or stage at emotion -2 that no open action or opportunity answers",
    Severity.WARNING,
    UnansweredLowestPoint,
    __doc__,
)
