"""Finds touchpoints without an `emotion` (from -2, very negative, to 2, very
positive, for every persona or per persona), in a stage that has none either: a
map that gives the emotion per stage satisfies it there.

## Why it matters

The emotion at each touchpoint draws the journey's emotional curve: where the
customer is delighted, where they are frustrated, where the mood drops just
before they leave. A touchpoint without one is a hole in that curve, and the
lowest points are the ones a team should fix first.

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    feeling: Annoyed, feels tricked
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    feeling: Annoyed, feels tricked
    emotion: -2
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Touchpoint


class MissingEmotion(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.stages = context.model.stages_by_id

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        if touchpoint.emotion is None and self.stages[touchpoint.stage].emotion is None:
            self.report(
                ("touchpoints", index),
                f"touchpoint '{touchpoint.id}' has no emotion; "
                "say how the customer feels here, from -2 to 2",
            )


RULE = make_rule(
    "L104",
    "missing-emotion",
    "a touchpoint without an emotion",
    Severity.WARNING,
    MissingEmotion,
    __doc__,
)
