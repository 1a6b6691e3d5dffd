"""Finds actions marked `done` whose pains, named by id in the action's `pains`,
are still on the map.

## Why it matters

A done action says the pain is gone. If the pain is still on the map, either
the fix did not work (and the map should say so, with the action reopened or
a new one), or the map was not revised after it (and it now shows customers
suffering from something the team already fixed). Maps are revised with new
data: take the pain off, or turn it into the delight it became.

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    pains:
      - id: late-shipping-cost
        text: Shipping cost appears only at the last step
actions:
  - id: show-shipping-early
    title: Show shipping on the product page
    pains: [late-shipping-cost]
    status: done
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    delights:
      - The shipping cost is on the product page
actions:
  - id: show-shipping-early
    title: Show shipping on the product page
    touchpoints: [checkout]
    status: done
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, make_rule
from cjmap.model import Action, Stage


class DoneActionPainRemains(Checker):
    def action(self, index: int, action: Action) -> None:
        if action.status != "done":
            return
        pains = self.context.model.pains_by_id
        for number, pain_id in enumerate(action.pains):
            if pain_id not in pains:
                continue
            holder = pains[pain_id][1]
            place = "stage" if isinstance(holder, Stage) else "touchpoint"
            self.report(
                ("actions", index, "pains", number),
                f"action '{action.id}' is done, but its pain '{pain_id}' is still on "
                f"{place} '{holder.id}'; take the pain off the map, or reopen the action",
            )


RULE = make_rule(
    "L117",
    "done-action-pain-remains",
    "an action marked done whose pain is still on the map",
    Severity.WARNING,
    DoneActionPainRemains,
    __doc__,
)
