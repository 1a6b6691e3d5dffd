"""Finds touchpoints with the same name as an earlier touchpoint, ignoring
case and extra spaces.

## Why it matters

Names are what people read: in workshops, on the rendered map, in the pains
report. Two touchpoints called "Pay for the first box" are either one
touchpoint mapped twice (its pains and metrics split between two copies), or
two different moments that readers cannot tell apart. Name each for what the
customer does there ("Pay on the website", "Pay in the app").

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
  - id: app-checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box on the website
    stage: purchase
    channels: [web]
  - id: app-checkout
    name: Pay for the first box in the app
    stage: purchase
    channels: [web]
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Touchpoint


class DuplicateTouchpointName(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.first_with_name: dict[str, int] = {}

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        key = " ".join(touchpoint.name.casefold().split())
        first = self.first_with_name.setdefault(key, index)
        if first != index:
            model, document = self.context.model, self.context.document
            first_line = document.locate(("touchpoints", first, "name"))[0]
            self.report(
                ("touchpoints", index, "name"),
                f"touchpoint '{touchpoint.id}' has the same name as touchpoint "
                f"'{model.touchpoints[first].id}' (line {first_line}): {touchpoint.name!r}",
            )


RULE = make_rule(
    "L114",
    "duplicate-touchpoint-name",
    "two touchpoints with the same name",
    Severity.WARNING,
    DuplicateTouchpointName,
    __doc__,
)
