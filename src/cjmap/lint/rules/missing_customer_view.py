"""Finds touchpoints that do not say what the customer is `doing`, `thinking`
or `feeling` (any of the three missing). A lane the touchpoint's stage fills
counts for every touchpoint of the stage: many maps describe the customer's view
per stage.

## Why it matters

A journey map tells the experience from the customer's side: what they do,
what goes through their mind and how it makes them feel, in their own words.
Without these a touchpoint is an entry in a process diagram, and the map loses
what makes it a journey map. This is an info: a first draft often fills them
in later, after talking to customers.

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    doing: Types card details on the phone
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    doing: Types card details on the phone
    thinking: Why is shipping extra? The ad said free delivery.
    feeling: Annoyed, feels tricked
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Touchpoint

VIEW = ("doing", "thinking", "feeling")


class MissingCustomerView(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.stages = context.model.stages_by_id

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        if (
            touchpoint.doing is not None
            and touchpoint.thinking is not None
            and touchpoint.feeling is not None
        ):
            return  # the common case, without building the list
        stage = self.stages[touchpoint.stage]
        missing = [
            key for key in VIEW if getattr(touchpoint, key) is None and getattr(stage, key) is None
        ]
        if not missing:
            return
        listed = " and ".join(
            [", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing
        )
        self.report(
            ("touchpoints", index),
            f"touchpoint '{touchpoint.id}' does not say what the customer is {listed}",
        )


RULE = make_rule(
    "L105",
    "missing-customer-view",
    "a touchpoint missing any of doing, thinking, feeling",
    Severity.INFO,
    MissingCustomerView,
    __doc__,
)
