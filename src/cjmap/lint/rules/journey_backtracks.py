"""Finds journeys that move back to an earlier lifecycle stage: a step whose
touchpoint is in a stage that comes before the stage of the step just before it
(the order of `stages` is the lifecycle's order).

## Why it matters

A journey's steps are in the order the persona lives them, and the lifecycle's
stages are in the order customers go through them. A step that goes back is
either listed in the wrong place, or a touchpoint is in the wrong stage, or
the lifecycle's stages are out of order. When customers really do loop back
(a support call that sends them to the shop again), split the loop into its
own journey, or ignore the finding on that step with a comment saying why.

## Example

### Bad

```yaml
journeys:
  - id: first-order
    name: First order
    persona: busy-parent
    steps: [checkout, instagram-ad]
```

### Good

```yaml
journeys:
  - id: first-order
    name: First order
    persona: busy-parent
    steps: [instagram-ad, checkout]
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Journey


class JourneyBacktracks(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        model = context.model
        self.stage_of = {touchpoint.id: touchpoint.stage for touchpoint in model.touchpoints}
        self.order = model.stage_index

    def journey(self, index: int, journey: Journey) -> None:
        previous = None
        for step, touchpoint_id in enumerate(journey.steps):
            stage = self.stage_of[touchpoint_id]
            if previous is not None and self.order[stage] < self.order[previous]:
                self.report(
                    ("journeys", index, "steps", step),
                    f"journey '{journey.id}' moves back from stage '{previous}' to the earlier "
                    f"stage '{stage}' at step '{touchpoint_id}'",
                )
            previous = stage


RULE = make_rule(
    "L113",
    "journey-backtracks",
    "a journey that moves back to an earlier stage",
    Severity.WARNING,
    JourneyBacktracks,
    __doc__,
)
