"""Finds personas that are declared in `personas` but that no journey and no
touchpoint's `personas` list names.

A touchpoint without `personas` applies to every persona, but it does not tell
any persona's story: a persona is used when a journey is theirs or when a
touchpoint is named as theirs.

## Why it matters

Personas give a map its point of view: journeys differ per persona, and a small
shop and a large firm using the same product live different journeys. A
persona that no journey follows is a group of customers the map claims to
speak for without ever showing their experience.

## Example

### Bad

```yaml
personas:
  - {id: busy-parent, name: Busy parent}
  - {id: home-barista, name: Home barista}
journeys:
  - id: first-order
    name: First order
    persona: busy-parent
    steps: [checkout]
```

### Good

```yaml
personas:
  - {id: busy-parent, name: Busy parent}
  - {id: home-barista, name: Home barista}
journeys:
  - id: first-order
    name: First order
    persona: busy-parent
    steps: [checkout]
  - id: barista-first-order
    name: A home barista's first order
    persona: home-barista
    steps: [checkout]
```
"""

from __future__ import annotations

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, make_rule
from cjmap.model import Journey, Persona, Touchpoint


class UnusedPersona(Checker):
    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.named: set[str] = set()

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        if touchpoint.personas:
            self.named.update(touchpoint.personas)

    def journey(self, index: int, journey: Journey) -> None:
        self.named.add(journey.persona)

    def persona(self, index: int, persona: Persona) -> None:
        if persona.id not in self.named:
            self.report(
                ("personas", index, "id"),
                f"persona '{persona.id}' ({persona.name}) is declared, "
                "but no journey or touchpoint names it",
            )


RULE = make_rule(
    "L103",
    "unused-persona",
    "a persona that no journey or touchpoint names",
    Severity.WARNING,
    UnusedPersona,
    __doc__,
)
