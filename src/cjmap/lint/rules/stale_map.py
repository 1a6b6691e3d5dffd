"""Finds maps whose `map.updated` date is more than 180 days ago (the number
of days is configurable). A map without `updated` is not checked.

## Why it matters

Maps are never final. New data brings new roadblocks and shows which fixes
worked, so maps are revised regularly and kept short-lived. A map that has not
been revised for half a year most likely describes an experience that no
longer exists, and decisions taken from it rest on old news.

## Example

### Bad

```yaml
map:
  title: Coffee subscription, first order
  updated: 2024-02-01
```

### Good

```yaml
map:
  title: Coffee subscription, first order
  updated: 2026-10-28
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Option, WholeNumber, make_rule

STALE_DAYS = Option(
    "stale-days",
    WholeNumber("days"),
    180,
    "a map last updated more than this many days ago is stale",
    example=90,
)


class StaleMap(Checker):
    def finish(self) -> None:
        updated = self.context.model.map.updated
        if updated is None:
            return
        age = (self.context.today - updated).days
        limit = self.context.option(STALE_DAYS)
        if age > limit:
            self.report(
                ("map", "updated"),
                f"the map was last updated {age} days ago ({updated.isoformat()}), "
                f"more than {limit} days; revise it with new customer data",
            )


RULE = make_rule(
    "L116",
    "stale-map",
    f"a map last updated longer ago than the configured number of days ({STALE_DAYS.default})",
    Severity.WARNING,
    StaleMap,
    __doc__,
    options=(STALE_DAYS,),
)
