"""Finds stage and touchpoint names that use the company's internal words
instead of the customer's: whole words, in any case, a plural with a trailing
`s` included ("Lead" and "leads" match `lead`; "misleading" does not).

The default list: lead, MQL, SQL, funnel, conversion, upsell, cross-sell, CTA,
acquisition, retention, churn, B2B, B2C, D2C, ARPU, LTV, KPI, NPS, CSAT, SLA,
CRM, SKU, touchpoint, omnichannel, onboarding flow. Pipeline words (lead,
funnel, conversion, churn) are how the company counts customers, not how
customers see themselves; the others are acronyms and systems customers never
meet.

## Options

In `[tool.cjmap]` of `pyproject.toml` or in `cjmap.toml`: `jargon = [...]`
replaces the list (an empty list turns the rule off in effect),
`extend-jargon = [...]` adds the company's own words to it:

```toml
[tool.cjmap]
extend-jargon = ["NBA", "deflection"]
```

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
from collections.abc import Iterable, Iterator
from functools import cache

from cjmap.findings import Severity
from cjmap.loader import PathKey
from cjmap.model import Stage, Touchpoint
from cjmap.rules import Context, Hit, Located, make_rule


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


def find(context: Context) -> Iterator[Hit]:
    words = context.config.jargon
    pattern = jargon_pattern(words)
    if pattern is None:
        return
    model = context.model
    # One search over all the names first: most maps have no jargon, and a word found
    # in a single name is found in them joined by line breaks (not a word character).
    names = "\n".join(
        [*(stage.name for stage in model.stages), *(tp.name for tp in model.touchpoints)]
    )
    if not may_have_jargon(names, words) or pattern.search(names) is None:
        return
    named: list[tuple[str, PathKey, Stage | Touchpoint]] = [
        ("stage", ("stages", index), item) for index, item in enumerate(model.stages)
    ]
    named += [
        ("touchpoint", ("touchpoints", index), item) for index, item in enumerate(model.touchpoints)
    ]
    lines: list[str] = []
    for kind, item_path, item in named:
        matches = list(pattern.finditer(item.name))
        if not matches:
            continue
        if not lines:
            lines = context.document.text.splitlines()
        path: PathKey = (*item_path, "name")
        words_found = list(dict.fromkeys(match.group(0) for match in matches))
        yield (
            _word_position(context, lines, path, matches[0]),
            f"{kind} '{item.id}' is named {item.name!r}, with {_listed(words_found)}; "
            "name it in the customer's words",
        )


def _word_position(
    context: Context, lines: list[str], path: PathKey, match: re.Match[str]
) -> PathKey | Located:
    """The column of the word itself when the name is on one line, else the name's."""
    line, column = context.document.locate(path)
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
    find,
    __doc__,
)
