"""Finds channels that are declared in `channels` but that no touchpoint names.

## Why it matters

Every channel listed is a promise that the map shows how customers use it. A
channel no touchpoint uses is either a touchpoint nobody has mapped (the phone
line exists, but nobody wrote down why customers call) or a channel the
company no longer offers. Either way the map and the real experience have
drifted apart, and the channels cannot be made to work as one experience if
one of them is missing from the picture.

## Example

### Bad

```yaml
channels:
  - {id: web, name: Website}
  - {id: phone, name: Phone line}
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
```

### Good

```yaml
channels:
  - {id: web, name: Website}
  - {id: phone, name: Phone line}
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web, phone]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.findings import Severity
from cjmap.rules import Context, Hit, make_rule


def find(context: Context) -> Iterator[Hit]:
    used = {channel for touchpoint in context.model.touchpoints for channel in touchpoint.channels}
    for index, channel in enumerate(context.model.channels):
        if channel.id not in used:
            yield (
                ("channels", index, "id"),
                f"channel '{channel.id}' ({channel.name}) is declared, but no touchpoint uses it",
            )


RULE = make_rule(
    "L102",
    "unused-channel",
    "a channel that no touchpoint uses",
    Severity.WARNING,
    find,
    __doc__,
)
