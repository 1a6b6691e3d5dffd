"""Finds suppression comments that suppress nothing: no finding of the rules
they name is on their line (or, for `ignore-file`, anywhere in the file).
Rules that are not enabled (through `select` or `ignore`) are not counted.

A `# cjmap: ignore[...]` comment applies to the line it is on; alone on its
line it also applies to the next line. Findings about a whole touchpoint
(missing-owner, missing-emotion...) are on the line where the touchpoint
starts (`- id: ...`); the text output shows each finding's line.

## Why it matters

A suppression that no longer hides anything is a leftover: the problem was
fixed, or the comment is on the wrong line and the finding still shows. Either
way it tells the next reader something that is not true about the map.

## Example

### Bad

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: awareness
    channels: [web]
    owner: E-commerce team  # cjmap: ignore[missing-owner]
```

### Good

```yaml
touchpoints:
  - id: checkout
    name: Pay for the first box
    stage: awareness
    channels: [web]
    owner: E-commerce team
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Located, make_rule


class UnusedSuppression(Checker):
    def finish(self) -> None:
        enabled = self.context.enabled
        for directive in self.context.suppressions.directives:
            if not directive.covers:
                scope = "in this file"
            else:
                scope = " or ".join(str(line) for line in directive.covers)
                scope = f"on line {scope}"
            where = Located(directive.line, directive.column)
            if directive.names is None:
                if not directive.used:
                    self.report(where, f"'{directive.text}' suppresses nothing: no finding {scope}")
                continue
            unused = sorted(
                name for name in directive.names if name in enabled and name not in directive.used
            )
            if unused:
                self.report(
                    where,
                    f"'{directive.text}' suppresses nothing for {', '.join(unused)}: "
                    f"no such finding {scope}",
                )


RULE = make_rule(
    "L002",
    "unused-suppression",
    "a suppression comment that suppresses nothing",
    Severity.WARNING,
    UnusedSuppression,
    __doc__,
    runs_last=True,
)
