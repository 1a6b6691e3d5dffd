"""Finds metrics that have no `target`.

## Why it matters

A number without a target cannot say whether the experience is good or bad:
is 18% of subscribers watching the brewing video a success or a failure?
Agreeing on a target turns a measurement into a goal the team can act on, and
lets `metric-off-target` point out where the experience falls short. This is
an info: a metric is often measured for a while before anyone sets a target.

## Example

### Bad

```yaml
touchpoints:
  - id: first-brew
    name: Brew the first cup with the recipe card
    stage: purchase
    channels: [web]
    metrics:
      - name: Subscribers who scan the QR code for the brewing video
        value: 18
        unit: "%"
```

### Good

```yaml
touchpoints:
  - id: first-brew
    name: Brew the first cup with the recipe card
    stage: purchase
    channels: [web]
    metrics:
      - name: Subscribers who scan the QR code for the brewing video
        value: 18
        target: 30
        unit: "%"
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, make_rule
from cjmap.loader import PathKey
from cjmap.model import Metric, Touchpoint
from cjmap.text import shown


class MetricWithoutTarget(Checker):
    def metric(self, where: PathKey, touchpoint: Touchpoint, metric: Metric) -> None:
        if metric.target is None:
            self.report(
                where,
                f"metric {shown(metric.name)} of touchpoint '{touchpoint.id}' has no target",
            )


RULE = make_rule(
    "L108",
    "metric-without-target",
    "a metric with no target",
    Severity.INFO,
    MetricWithoutTarget,
    __doc__,
)
