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

from collections.abc import Iterator

from cjmap.findings import Severity
from cjmap.model import SEVERITIES
from cjmap.rules import Context, Hit, make_rule
from cjmap.validate import shown

SEVERE = SEVERITIES.index("high")


def find(context: Context) -> Iterator[Hit]:
    covered = context.model.covered_touchpoints
    for index, touchpoint in enumerate(context.model.touchpoints):
        if touchpoint.id in covered:
            continue
        for number, pain in enumerate(touchpoint.pains):
            if pain.roadblock or pain.severity_rank >= SEVERE:
                kind = (
                    f"roadblock ({pain.severity} pain)"
                    if pain.roadblock
                    else f"{pain.severity} pain"
                )
                yield (
                    ("touchpoints", index, "pains", number),
                    f"{kind} on touchpoint '{touchpoint.id}' has no action: {shown(pain.text)}",
                )


RULE = make_rule(
    "L106",
    "unaddressed-pain",
    "a high or critical pain, or a roadblock, on a touchpoint no action covers",
    Severity.WARNING,
    find,
    __doc__,
)
