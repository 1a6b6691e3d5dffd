"""Finds maps that give no `updated` date in `map`.

## Why it matters

Maps are never final: they are revised as new data comes in, and readers need
to know how fresh the picture is before they act on it. Without a date nobody
can tell a map revised last month from one left alone for years, and
`stale-map` cannot check it.

## Example

### Bad

```yaml
map:
  title: Coffee subscription, first order
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
from cjmap.lint.rule import Checker, make_rule


class UndatedMap(Checker):
    def finish(self) -> None:
        if self.context.model.map.updated is None:
            self.report(
                ("map",),
                "the map gives no updated date; add updated: YYYY-MM-DD to map, "
                "so that readers know how fresh it is",
            )


RULE = make_rule(
    "L119",
    "undated-map",
    "a map with no updated date",
    Severity.INFO,
    UndatedMap,
    __doc__,
)
