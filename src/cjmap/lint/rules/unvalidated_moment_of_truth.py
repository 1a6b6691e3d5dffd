"""Finds moments of truth whose `evidence` is still `hypothesis` (the default
when `evidence` is not given).

## Why it matters

A first map is a set of hypotheses, written in a workshop. That is fine for
most touchpoints, but moments of truth decide whether customers stay or go,
and the fixes for them get priority and budget. Check them with real customers
(research, interviews, data) before acting on them: customers do not always do
what they say, nor what the team believes they do. Set `evidence` to
`observed` or `validated` once they are checked.

## Example

### Bad

```yaml
touchpoints:
  - id: skip-delivery
    name: Skip or pause a delivery
    stage: purchase
    channels: [web]
    moment_of_truth: true
    evidence: hypothesis
```

### Good

```yaml
touchpoints:
  - id: skip-delivery
    name: Skip or pause a delivery
    stage: purchase
    channels: [web]
    moment_of_truth: true
    evidence: observed
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, make_rule
from cjmap.model import Touchpoint

_ADVICE = "check it with customers and set evidence to observed or validated"


class UnvalidatedMomentOfTruth(Checker):
    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        if not touchpoint.moment_of_truth or touchpoint.evidence != "hypothesis":
            return
        if "evidence" in touchpoint.model_fields_set:
            self.report(
                ("touchpoints", index, "evidence"),
                f"moment of truth '{touchpoint.id}' rests on a hypothesis; {_ADVICE}",
            )
        else:
            self.report(
                ("touchpoints", index, "moment_of_truth"),
                f"moment of truth '{touchpoint.id}' gives no evidence, so it is a hypothesis; "
                f"{_ADVICE}",
            )


RULE = make_rule(
    "L110",
    "unvalidated-moment-of-truth",
    "a moment of truth whose evidence is still a hypothesis",
    Severity.WARNING,
    UnvalidatedMomentOfTruth,
    __doc__,
)
