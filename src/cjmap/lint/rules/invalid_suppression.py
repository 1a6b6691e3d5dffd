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

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Located, make_rule


class InvalidSuppression(Checker):
    def finish(self) -> None:
        for (line, column), message in self.context.suppressions.problems:
            self.report(Located(line, column), message)


RULE = make_rule(
    "L001",
    "invalid-suppression",
    "a suppression comment names no lint rule or is malformed",
    Severity.WARNING,
    InvalidSuppression,
    __doc__,
)
