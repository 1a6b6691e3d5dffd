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
from cjmap.lint.rule import Checker, make_rule
from cjmap.model import Journey


class JourneyBacktracks(Checker):
    def journey(self, index: int, journey: Journey) -> None:
        touchpoints = self.context.model.touchpoints_by_id
        order = self.context.model.stage_index
        previous = None
        for step, touchpoint_id in enumerate(journey.steps):
            stage = touchpoints[touchpoint_id].stage
            if previous is not None and order[stage] < order[previous]:
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
