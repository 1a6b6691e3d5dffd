"""Finds stage and touchpoint names that use the company's internal words
instead of the customer's: whole words, in any case, a plural with a trailing
`s` included ("Lead" and "leads" match `lead`; "misleading" does not).

The default list: lead, MQL, SQL, funnel, conversion, upsell, cross-sell, CTA,
acquisition, retention, churn, B2B, B2C, D2C, ARPU, LTV, KPI, NPS, CSAT, SLA,
CRM, SKU, touchpoint, omnichannel, onboarding flow. Pipeline words (lead,
funnel, conversion, churn) are how the company counts customers, not how
customers see themselves; the others are acronyms and systems customers never
meet.

## Why it matters

A journey map describes the experience in the customer's language only; a
process map describes the company's internal processes in its own jargon.
A stage called "Lead nurturing" or a touchpoint called "Upsell SKU page" shows
the map was written from inside the company, and it hides what the customer is
actually trying to do ("Compare plans", "Add a grinder to the order").

## Example

### Bad

```yaml
stages:
  - {id: awareness, name: Top of the funnel}
  - {id: purchase, name: Conversion}
```

### Good

```yaml
stages:
  - {id: awareness, name: Hear about us}
  - {id: purchase, name: Subscribe and pay}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from cjmap.findings import Severity
from cjmap.lint.rule import Checker, Context, Located, Option, TextList, make_rule
from cjmap.loader import PathKey
from cjmap.model import Stage, Touchpoint

DEFAULT_JARGON: tuple[str, ...] = (
    # Sales and marketing pipeline words.
    "lead",
    "MQL",
    "SQL",
    "funnel",
    "conversion",
    "upsell",
    "cross-sell",
    "CTA",
    "acquisition",
    "retention",
    "churn",
    # Business models and measures.
    "B2B",
    "B2C",
    "D2C",
    "ARPU",
    "LTV",
    "KPI",
    "NPS",
    "CSAT",
    "SLA",
    # Systems and catalogue words.
    "CRM",
    "SKU",
    # Journey-mapping words themselves: the customer never says them.
    "touchpoint",
    "omnichannel",
    "onboarding flow",
)
"""Words of the company, not of its customers, that the rule looks for."""

JARGON = Option(
    "jargon",
    TextList(),
    DEFAULT_JARGON,
    "the words to look for, in place of the default list (`[]` turns the rule off in effect)",
    example=("lead", "funnel", "SKU"),
)
EXTEND_JARGON = Option(
    "extend-jargon",
    TextList(),
    (),
    "more words to look for, added to `jargon`: the company's own",
    example=("NBA", "deflection"),
)


def jargon_words(context: Context) -> tuple[str, ...]:
    """The words of the map's config: ``jargon`` (or the default list) and ``extend-jargon``."""
    return context.option(JARGON) + context.option(EXTEND_JARGON)


def _terms(words: tuple[str, ...]) -> list[str]:
    return sorted({word.strip() for word in words if word.strip()}, key=len, reverse=True)


def _alternatives(terms: Iterable[str]) -> str:
    """The terms as regex alternatives, with any run of spaces between a term's words."""
    return "|".join(r"\s+".join(map(re.escape, term.split())) for term in terms)


@cache
def jargon_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for the whole list: whole words, any case, optional plural 's'."""
    terms = _terms(words)
    if not terms:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternatives(terms)})s?(?![\w-])", re.IGNORECASE)


@cache
def _ascii_lowercase_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words in lower case, matched anywhere: None when a word is not ASCII.

    Run over lower-cased ASCII text it finds everything jargon_pattern finds, and
    more, several times faster: a case-blind search of many words at every place
    of the text is slow in Python's regex engine, a case-sensitive one is not. In
    ASCII text, ignoring case is lower-casing exactly.
    """
    terms = _terms(words)
    if not terms or not all(term.isascii() for term in terms):
        return None
    return re.compile(_alternatives(term.lower() for term in terms))


def may_have_jargon(text: str, words: tuple[str, ...]) -> bool:
    """False only when no word of the list can be in ``text``: a quick first look."""
    quick = _ascii_lowercase_pattern(words)
    if quick is None or not text.isascii():
        return True
    return quick.search(text.lower()) is not None


def _listed(words: list[str]) -> str:
    quoted = [f"'{word}'" for word in words]
    if len(quoted) == 1:
        return f"the internal word {quoted[0]}"
    return f"the internal words {', '.join(quoted[:-1])} and {quoted[-1]}"


class InternalJargon(Checker):
    """Collects the names as the walk goes, then searches them all at once: most maps
    have no jargon, and a word found in a single name is found in the names joined by
    line breaks (not a word character). Only when that search finds something does it
    look at each stage and touchpoint again, to say which."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.words = jargon_words(context)
        self.names: list[str] = []

    def touchpoint(self, index: int, touchpoint: Touchpoint) -> None:
        self.names.append(touchpoint.name)

    def stage(self, index: int, stage: Stage) -> None:
        self.names.append(stage.name)

    def finish(self) -> None:
        pattern = jargon_pattern(self.words)
        if pattern is None:
            return
        names = "\n".join(self.names)
        if not may_have_jargon(names, self.words) or pattern.search(names) is None:
            return
        model = self.context.model
        named: list[tuple[str, PathKey, Stage | Touchpoint]] = [
            ("stage", ("stages", index, "name"), stage) for index, stage in enumerate(model.stages)
        ]
        named += [
            ("touchpoint", ("touchpoints", index, "name"), touchpoint)
            for index, touchpoint in enumerate(model.touchpoints)
        ]
        lines = self.context.document.text.splitlines()
        for kind, path, item in named:
            matches = list(pattern.finditer(item.name))
            if not matches:
                continue
            words_found = list(dict.fromkeys(match.group(0) for match in matches))
            self.report(
                self._word_position(lines, path, matches[0]),
                f"{kind} '{item.id}' is named {item.name!r}, with {_listed(words_found)}; "
                "name it in the customer's words",
            )

    def _word_position(
        self, lines: list[str], path: PathKey, match: re.Match[str]
    ) -> PathKey | Located:
        """The column of the word itself when the name is on one line, else the name's."""
        line, column = self.context.document.locate(path)
        if line > len(lines):
            return path
        text = lines[line - 1]
        start = column - 1 + (1 if text[column - 1 : column] in ("'", '"') else 0) + match.start()
        if text[start : start + len(match.group(0))] == match.group(0):
            return Located(line, start + 1)
        return path


RULE = make_rule(
    "L111",
    "internal-jargon",
    "a stage or touchpoint name in the company's words, not the customer's",
    Severity.WARNING,
    InternalJargon,
    __doc__,
    options=(JARGON, EXTEND_JARGON),
)
