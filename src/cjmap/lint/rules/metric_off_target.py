"""Finds metrics whose `value` is worse than their `target`, taking `better`
into account: with `better: lower` (abandonment, waiting time, effort) a value
above the target is worse; with `better: higher` (the default) a value below
it is.

## Why it matters

An off-target metric shows where the experience falls short and by how much;
painful touchpoints that matter most to customers are the ones to look at
first. This is an info, not a warning: being off target is what a current-state
map is there to show, and the list is a to-do list, not a defect in the map.

## Example

### Bad

```yaml
touchpoints:
  - id: call-change-plan
    name: Call to change the plan
    stage: purchase
    channels: [web]
    metrics:
      - name: Average wait on the phone line
        value: 19
        target: 5
        unit: minutes
        better: lower
```

### Good

```yaml
touchpoints:
  - id: call-change-plan
    name: Call to change the plan
    stage: purchase
    channels: [web]
    metrics:
      - name: Average wait on the phone line
        value: 4
        target: 5
        unit: minutes
        better: lower
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, make_rule
from cjmap.loader import PathKey
from cjmap.model import Metric, Touchpoint
from cjmap.text import amount, shown


class MetricOffTarget(Checker):
    def metric(self, where: PathKey, touchpoint: Touchpoint, metric: Metric) -> None:
        if metric.value is not None and metric.target is not None and metric.off_target:
            self.report(
                (*where, "value"),
                f"metric {shown(metric.name)} of touchpoint '{touchpoint.id}' is "
                f"{amount(metric.value, metric.unit)}, worse than its target of "
                f"{amount(metric.target, metric.unit)} ({metric.better} is better)",
            )


RULE = make_rule(
    "L109",
    "metric-off-target",
    "a metric whose value is worse than its target",
    Severity.INFO,
    MetricOffTarget,
    __doc__,
)
