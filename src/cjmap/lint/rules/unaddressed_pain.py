"""Finds pains that are `high` or `critical`, or roadblocks, on touchpoints
that no action in `actions` covers.

An action covers every pain of the touchpoints it lists, whatever its status.

## Why it matters

Severe pains and roadblocks are where customers give up: the product was
there, but it was too hard to get, so they left. A map that shows them and
plans nothing about them is a painting on the wall; lessons learned should
become actions with an owner and a KPI.

## Example

### Bad

```yaml
touchpoints:
  - id: track-parcel
    name: Track the first parcel
    stage: purchase
    channels: [web]
    pains:
      - text: The tracking link shows nothing for the first two days
        severity: high
```

### Good

```yaml
touchpoints:
  - id: track-parcel
    name: Track the first parcel
    stage: purchase
    channels: [web]
    pains:
      - text: The tracking link shows nothing for the first two days
        severity: high
actions:
  - id: tracking-from-day-one
    title: Send tracking only once the carrier has the parcel
    touchpoints: [track-parcel]
    owner: Logistics
    kpi: No "where is my order" chats in the first two days
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.loader import PathKey
from cjmap.model import SEVERITIES, Pain, Touchpoint
from cjmap.text import shown

SEVERE = SEVERITIES.index("high")


class UnaddressedPain(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.covered = context.model.covered_touchpoints

    def pain(self, where: PathKey, touchpoint: Touchpoint, pain: Pain) -> None:
        if not (pain.roadblock or pain.severity_rank >= SEVERE) or touchpoint.id in self.covered:
            return
        kind = f"roadblock ({pain.severity} pain)" if pain.roadblock else f"{pain.severity} pain"
        self.report(
            where, f"{kind} on touchpoint '{touchpoint.id}' has no action: {shown(pain.text)}"
        )


RULE = make_rule(
    "L106",
    "unaddressed-pain",
    "a high or critical pain, or a roadblock, on a touchpoint no action covers",
    Severity.WARNING,
    UnaddressedPain,
    __doc__,
)
