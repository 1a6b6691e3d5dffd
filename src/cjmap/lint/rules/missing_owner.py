"""Finds touchpoints without an `owner`: the team that owns the touchpoint. A
touchpoint whose `organisation` is a `third-party` one (a search engine, a
review site, a friend) needs none: nobody in the company owns it.

## Why it matters

Touchpoints cut across departments: the checkout belongs to the web team, the
parcel to logistics, the reminder email to lifecycle marketing. Naming the
owning team breaks the silos and gives each fix an owner; a touchpoint nobody
owns is one nobody will improve. This is an info, since a first draft often
names owners later.

## Example

### Bad

```yaml
touchpoints:
  - id: taste-quiz
    name: Take the taste quiz
    stage: awareness
    channels: [web]
```

### Good

```yaml
touchpoints:
  - id: taste-quiz
    name: Take the taste quiz
    stage: awareness
    channels: [web]
    owner: E-commerce team
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Touchpoint


class MissingOwner(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.third_parties = {
            organisation.id
            for organisation in context.model.organisations
            if organisation.kind == "third-party"
        }

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        if touchpoint.owner is None and touchpoint.organisation not in self.third_parties:
            self.report(
                ("touchpoints", index),
                f"touchpoint '{touchpoint.id}' has no owner; name the team that owns it",
            )


RULE = make_rule(
    "L115",
    "missing-owner",
    "a touchpoint with no owning team",
    Severity.INFO,
    MissingOwner,
    __doc__,
)
