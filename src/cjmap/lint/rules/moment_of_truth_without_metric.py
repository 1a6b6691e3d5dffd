"""Finds moments of truth (`moment_of_truth: true`) that have no `metrics`.

## Why it matters

Moments of truth are the make-or-break points where the customer decides to
stay or go; they are the ones to get right first. A moment of truth nobody
measures cannot be known to be right, nor shown to improve after a fix.
Customer metrics (abandonment, satisfaction, effort) show where the pain is and
how big it is.

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    moment_of_truth: true
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: purchase
    channels: [web]
    moment_of_truth: true
    metrics:
      - name: People who leave at the payment step
        value: 64
        target: 35
        unit: "%"
        better: lower
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, make_rule
from cjmap.model import Touchpoint


class MomentOfTruthWithoutMetric(Checker):
    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        if touchpoint.moment_of_truth and not touchpoint.metrics:
            self.report(
                ("touchpoints", index, "moment_of_truth"),
                f"touchpoint '{touchpoint.id}' is a moment of truth, but nothing measures it; "
                "add a metric",
            )


RULE = make_rule(
    "L107",
    "moment-of-truth-without-metric",
    "a moment of truth nobody measures",
    Severity.WARNING,
    MomentOfTruthWithoutMetric,
    __doc__,
)
