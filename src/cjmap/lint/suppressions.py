"""Suppression comments: which findings a map's own comments silence, and their mistakes.

Like ruff's ``# noqa``::

    - id: taste-quiz   # cjmap: ignore[missing-owner]
    # cjmap: ignore[missing-owner, missing-emotion]   (alone on a line: also the next line)
    # cjmap: ignore                                   (every rule on that line)
    # cjmap: ignore-file[stale-map]                   (anywhere: the whole file)

This module knows no rule: ``parse_suppressions`` is given the function that turns
a name or code into a rule's name, and reports what that function refuses.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from cjmap.errors import CjmapError

DIRECTIVES = ("ignore", "ignore-file")

Spot = tuple[int, int]
"""A 1-based line and column in the map's text."""

_COMMENT = re.compile(r"#[ \t]*cjmap:[ \t]*(?P<rest>[^\n]*)")
_DIRECTIVE = re.compile(
    r"(?P<kind>[A-Za-z][\w-]*)[ \t]*(?:\[(?P<names>[^\]\n]*)(?P<close>\])?)?(?P<tail>.*)"
)


@dataclass
class Directive:
    """One suppression comment: the rules it names (None: every rule) and what it matched."""

    line: int
    column: int
    text: str
    names: frozenset[str] | None
    covers: tuple[int, ...] = ()
    """Lines it applies to; empty for ignore-file, which applies everywhere."""
    used: set[str] = field(default_factory=set)

    def applies(self, rule: str) -> bool:
        return self.names is None or rule in self.names


@dataclass
class Suppressions:
    """The suppression comments of one file, and the problems found in them."""

    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[Spot, str]] = field(default_factory=list)
    _by_line: dict[int, list[Directive]] = field(default_factory=dict)
    _whole_file: list[Directive] = field(default_factory=list)

    def add(self, directive: Directive) -> None:
        self.directives.append(directive)
        if not directive.covers:
            self._whole_file.append(directive)
        for line in directive.covers:
            self._by_line.setdefault(line, []).append(directive)

    def suppresses(self, rule: str, line: int) -> bool:
        """Whether a finding of ``rule`` on ``line`` is suppressed; records the use."""
        for directive in (*self._by_line.get(line, ()), *self._whole_file):
            if directive.applies(rule):
                directive.used.add(rule)
                return True
        return False


RuleName = Callable[[str], str]
"""A rule's name for a name or code, raising CjmapError (with the reason) for neither."""


def parse_suppressions(text: str, rule_name: RuleName) -> Suppressions:
    """Every ``# cjmap: ignore[...]`` / ``ignore-file[...]`` comment in a map's text."""
    suppressions = Suppressions()
    line = 1
    offset = 0
    for match in _comments(text):
        start = match.start()
        if start and not text[start - 1].isspace():
            continue  # YAML's rule: a comment starts a line or follows a space
        line += text.count("\n", offset, start)
        offset = start
        line_start = text.rfind("\n", 0, start) + 1
        alone = not text[line_start:start].strip()
        _parse_directive(suppressions, rule_name, match, (line, start - line_start + 1), alone)
    return suppressions


def _comments(text: str) -> Iterator[re.Match[str]]:
    """The matches of _COMMENT, as its finditer gives them, found from each "cjmap:".

    A map has few of those (often only its version key), and str.find passes over
    the rest of the text several times faster than the regular expression does.
    """
    end = 0
    at = text.find("cjmap:")
    while at != -1:
        start = at
        while start > end and text[start - 1] in " \t":
            start -= 1
        if start > end and text[start - 1] == "#":
            match = _COMMENT.match(text, start - 1)
            if match is not None:
                yield match
                end = match.end()
        at = text.find("cjmap:", max(at + 1, end))


def _parse_directive(
    suppressions: Suppressions,
    rule_name: RuleName,
    match: re.Match[str],
    where: Spot,
    alone: bool,
) -> None:
    """Add the directive in one comment (``match`` of _COMMENT, starting at ``where``)."""
    line, column = where
    text = match.group(0).rstrip()
    rest = match.group("rest")
    at_rest = (line, column + match.start("rest") - match.start())
    directive = _DIRECTIVE.match(rest)
    kind = directive.group("kind") if directive else rest.split(" ", 1)[0]
    if directive is None or kind not in DIRECTIVES:
        close = difflib.get_close_matches(kind, DIRECTIVES, n=1, cutoff=0.7)
        if close:
            suppressions.problems.append(
                (
                    at_rest,
                    f"'{text}' is not a suppression comment; did you mean '# cjmap: "
                    f"{close[0]}[rule-name]'?",
                )
            )
        return  # any other comment that starts with "cjmap:" is not ours
    names_text = directive.group("names")
    # After a closed [...] any text is a reason; without brackets, text after the word
    # would be read as "every rule" while the author meant rule names.
    unclosed = names_text is not None and directive.group("close") is None
    if unclosed or (names_text is None and directive.group("tail").strip()):
        suppressions.problems.append(
            (at_rest, f"'{text}' is not a suppression comment; write '# cjmap: {kind}[rule, ...]'")
        )
        return
    names: frozenset[str] | None = None
    if names_text is not None:
        found: set[str] = set()
        names_column = at_rest[1] + directive.start("names")
        for part in re.finditer(r"[^,\s](?:[^,]*[^,\s])?", names_text):
            try:
                found.add(rule_name(part.group(0)))
            except CjmapError as exc:
                suppressions.problems.append(
                    ((line, names_column + part.start()), f"{kind}: {exc}")
                )
        if not found:
            if not names_text.strip():
                suppressions.problems.append(
                    (
                        at_rest,
                        f"'{text}' names no rule; write '# cjmap: {kind}[rule-name]', "
                        f"or '# cjmap: {kind}' for every rule",
                    )
                )
            return
        names = frozenset(found)
    if kind == "ignore-file":
        covers: tuple[int, ...] = ()
    else:
        covers = (line, line + 1) if alone else (line,)
    suppressions.add(Directive(line, column, text, names, covers))
