"""Finds lifecycle stages that no touchpoint belongs to: the stages nobody has
mapped yet.

## Why it matters

The customer's experience starts long before the purchase and goes on long
after it. A stage with no touchpoint is a part of that lifecycle where the
company does not know how it meets its customers, and often where customers
are left on their own. `cjmap gaps` lists these stages for a workshop; this
rule keeps them visible on every pull request.

## Example

### Bad

```yaml
stages:
  - {id: purchase, name: Subscribe and pay}
  - {id: advocacy, name: Tell friends about it}
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
```

### Good

```yaml
stages:
  - {id: purchase, name: Subscribe and pay}
  - {id: advocacy, name: Tell friends about it}
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
  - id: refer-a-friend
    name: Send a friend a free bag
    stage: advocacy
    channels: [web]
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Stage, Touchpoint


class StageWithoutTouchpoints(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.used: set[str] = set()

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        self.used.add(touchpoint.stage)

    def stage(self, index: int, stage: Stage) -> None:
        if stage.id not in self.used:
            self.report(
                ("stages", index, "id"),
                f"stage '{stage.id}' ({stage.name}) has no touchpoint: "
                "nobody has mapped how customers meet the brand here",
            )


RULE = make_rule(
    "L101",
    "stage-without-touchpoints",
    "a lifecycle stage with no touchpoint",
    Severity.WARNING,
    StageWithoutTouchpoints,
    __doc__,
)
