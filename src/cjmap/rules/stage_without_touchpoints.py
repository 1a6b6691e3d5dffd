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

from collections.abc import Iterator

from cjmap.findings import Severity
from cjmap.rules import Context, Hit, make_rule


def find(context: Context) -> Iterator[Hit]:
    used = {touchpoint.stage for touchpoint in context.model.touchpoints}
    for index, stage in enumerate(context.model.stages):
        if stage.id not in used:
            yield (
                ("stages", index, "id"),
                f"stage '{stage.id}' ({stage.name}) has no touchpoint: "
                "nobody has mapped how customers meet the brand here",
            )


RULE = make_rule(
    "L101",
    "stage-without-touchpoints",
    "a lifecycle stage with no touchpoint",
    Severity.WARNING,
    find,
    __doc__,
)
