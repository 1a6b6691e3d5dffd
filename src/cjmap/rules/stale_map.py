"""Finds maps whose `map.updated` date is more than 180 days ago (the number
of days is configurable). A map without `updated` is not checked.

## Options

In `[tool.cjmap]` of `pyproject.toml` or in `cjmap.toml`:

```toml
[tool.cjmap]
stale-days = 90
```

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

from collections.abc import Iterator

from cjmap.findings import Severity
from cjmap.rules import Context, Hit, make_rule


def find(context: Context) -> Iterator[Hit]:
    updated = context.model.map.updated
    if updated is None:
        return
    age = (context.today - updated).days
    limit = context.config.stale_days
    if age > limit:
        yield (
            ("map", "updated"),
            f"the map was last updated {age} days ago ({updated.isoformat()}), "
            f"more than {limit} days; revise it with new customer data",
        )


RULE = make_rule(
    "L116",
    "stale-map",
    "a map last updated longer ago than the configured number of days (180)",
    Severity.WARNING,
    find,
    __doc__,
)
