"""Finds pains that are `high` or `critical`, or roadblocks, that no action
answers: on touchpoints and on stages alike, each pain on its own.

A pain is answered by an action whose `status` is `planned` or `in-progress`
and that names the pain by its `id` (in `pains`), or its touchpoint (in
`touchpoints`), or that delivers an opportunity (`opportunity`) addressing the
pain, its touchpoint or, for a stage's pain, its stage. An action that is only
an `idea`, or is `done` while the pain is still on the map, does not answer it;
nor does an opportunity alone: it is a plan to weigh, not a commitment.

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
      - id: blind-tracking
        text: The tracking link shows nothing for the first two days
        severity: high
actions:
  - id: tracking-from-day-one
    title: Send tracking only once the carrier has the parcel
    pains: [blind-tracking]
    status: planned
    owner: Logistics
    kpi: No "where is my order" chats in the first two days
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.answers import UNDER_WAY, named_by_actions
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.loader import PathKey
from cjmap.model import SEVERITIES, Pain, Stage, Touchpoint
from cjmap.text import shown

SEVERE = frozenset(SEVERITIES[SEVERITIES.index("high") :])


class UnaddressedPain(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.answered = named_by_actions(context.model, UNDER_WAY)

    def pain(self, where: PathKey, holder: Stage | Touchpoint, pain: Pain) -> None:
        if (pain.roadblock or pain.severity in SEVERE) and not self.answered.answers_pain(
            holder, pain
        ):
            kind = (
                f"roadblock ({pain.severity} pain)" if pain.roadblock else f"{pain.severity} pain"
            )
            place = "stage" if isinstance(holder, Stage) else "touchpoint"
            self.report(
                where,
                f"{kind} on {place} '{holder.id}' has no planned or in-progress action: "
                f"{shown(pain.text)}",
            )


RULE = make_rule(
    "L106",
    "unaddressed-pain",
    "a high or critical pain, or a roadblock, that no planned or in-progress action answers",
    Severity.WARNING,
    UnaddressedPain,
    __doc__,
)
