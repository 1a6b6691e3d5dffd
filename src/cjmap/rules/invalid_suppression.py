"""Finds suppression comments that cjmap cannot use: a rule name that does not
exist, a check of `cjmap validate` (those cannot be suppressed), an empty
`[]`, an unclosed bracket, or a misspelt `ignore`.

## Why it matters

A suppression comment with a typo suppresses nothing, and without this rule it
would do so silently: the finding it was meant to hide still shows, and the
comment misleads the next reader into thinking a decision was taken about it.

## Example

### Bad

```yaml
touchpoints:
  - id: taste-quiz  # cjmap: ignore[missing-ownr]
    name: Take the taste quiz
    stage: awareness
    channels: [web]
```

### Good

```yaml
touchpoints:
  - id: taste-quiz  # cjmap: ignore[missing-owner]
    name: Take the taste quiz
    stage: awareness
    channels: [web]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.findings import Severity
from cjmap.rules import Context, Hit, make_rule


def find(context: Context) -> Iterator[Hit]:
    yield from context.suppressions.problems


RULE = make_rule(
    "L001",
    "invalid-suppression",
    "a suppression comment names no lint rule or is malformed",
    Severity.WARNING,
    find,
    __doc__,
)
