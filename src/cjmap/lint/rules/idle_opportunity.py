"""Finds opportunities that address nothing (an empty `addresses`), and
opportunities whose `status` is `chosen` that no action delivers (no action
names them in its `opportunity`).

## Why it matters

Insight, opportunity, solution: an opportunity answers pains or moments of the
journey, and a chosen one becomes work with an owner. One that addresses
nothing cannot be weighed against the pains it should answer; one chosen with
no action is a decision nobody carries out.

## Example

### Bad

```yaml
opportunities:
  - id: shipping-upfront
    title: Show the shipping cost from the first page
    addresses: [checkout]
    status: chosen
```

### Good

```yaml
opportunities:
  - id: shipping-upfront
    title: Show the shipping cost from the first page
    addresses: [checkout]
    status: chosen
actions:
  - id: price-page
    title: Add shipping to the product page
    opportunity: shipping-upfront
    status: planned
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Opportunity


class IdleOpportunity(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.delivered = {action.opportunity for action in context.model.actions}

    def opportunity(self, index: int, opportunity: Opportunity) -> None:
        if not opportunity.addresses:
            self.report(
                ("opportunities", index),
                f"opportunity '{opportunity.id}' addresses nothing; name the pains, "
                "touchpoints or stages it answers in addresses",
            )
        if opportunity.status == "chosen" and opportunity.id not in self.delivered:
            self.report(
                ("opportunities", index, "status"),
                f"opportunity '{opportunity.id}' is chosen, but no action delivers it; "
                f"add an action with opportunity: {opportunity.id}",
            )


RULE = make_rule(
    "L120",
    "idle-opportunity",
    "an opportunity that addresses nothing, or is chosen with no action",
    Severity.WARNING,
    IdleOpportunity,
    __doc__,
)
