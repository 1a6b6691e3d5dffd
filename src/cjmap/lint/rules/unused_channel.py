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

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Channel, Touchpoint


class UnusedChannel(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.used: set[str] = set()

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        self.used.update(touchpoint.channels)

    def channel(self, index: int, channel: Channel) -> None:
        if channel.id not in self.used:
            self.report(
                ("channels", index, "id"),
                f"channel '{channel.id}' ({channel.name}) is declared, but no touchpoint uses it",
            )


RULE = make_rule(
    "L102",
    "unused-channel",
    "a channel that no touchpoint uses",
    Severity.WARNING,
    UnusedChannel,
    __doc__,
)
