"""Finds journey steps whose touchpoint does not apply to the journey's
persona: the touchpoint lists `personas`, and the journey's persona is not
among them.

A touchpoint without `personas` applies to everyone and never mismatches.

## Why it matters

A journey is one persona's story. Touchpoints differ per persona, and a step
that the map says this persona never meets is a contradiction: either the
journey borrowed a step from another persona's story, or the touchpoint's
`personas` list is wrong. Reports built on the map (pains per persona, gaps per
persona) would then be wrong too, so this is an error.

## Example

### Bad

```yaml
personas:
  - {id: busy-parent, name: Busy parent}
  - {id: home-barista, name: Home barista}
touchpoints:
  - id: market-tasting
    name: Taste a sample at the weekend market
    stage: awareness
    channels: [web]
    personas: [home-barista]
journeys:
  - id: parent-first-month
    name: A busy parent's first month
    persona: busy-parent
    steps: [market-tasting]
```

### Good

```yaml
personas:
  - {id: busy-parent, name: Busy parent}
  - {id: home-barista, name: Home barista}
touchpoints:
  - id: market-tasting
    name: Taste a sample at the weekend market
    stage: awareness
    channels: [web]
    personas: [home-barista]
journeys:
  - id: barista-first-month
    name: A home barista's first month
    persona: home-barista
    steps: [market-tasting]
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, make_rule
from cjmap.model import Journey


class JourneyPersonaMismatch(Checker):
    def journey(self, index: int, journey: Journey) -> None:
        touchpoints = self.context.model.touchpoints_by_id
        for step, touchpoint_id in enumerate(journey.steps):
            touchpoint = touchpoints[touchpoint_id]
            if not touchpoint.applies_to(journey.persona):
                only = ", ".join(f"'{persona}'" for persona in touchpoint.personas or ())
                self.report(
                    ("journeys", index, "steps", step),
                    f"journey '{journey.id}' is for persona '{journey.persona}', but its step "
                    f"'{touchpoint_id}' applies only to {only}",
                )


RULE = make_rule(
    "L112",
    "journey-persona-mismatch",
    "a journey step whose touchpoint does not apply to the journey's persona",
    Severity.ERROR,
    JourneyPersonaMismatch,
    __doc__,
)
