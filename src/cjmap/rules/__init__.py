"""The lint rules: what a rule is, what it sees, and the registry of all of them.

A rule is one module in this package that defines ``RULE``: its metadata (a
``Check``, shared with validate so that writers treat both alike, whose
``description`` is the module's docstring, the rule's documentation page) and a
function that takes a ``Context`` and yields ``(where, message)`` pairs. The
engine in ``cjmap.lint`` turns those into findings: it finds the line and
column, applies the configured severity and the suppression comments. A rule
never decides its own severity at run time, and never rescans the map per item:
each builds the sets or dicts it needs once per map.

Adding a rule is one module here, a test module in ``tests/rules/`` and its page
in ``docs/rules/`` (generated from the docstring: ``python -m cjmap.rules.docs``).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from cjmap.findings import VALIDATE_CHECKS, Check, Severity

if TYPE_CHECKING:
    from cjmap.config import Config
    from cjmap.lint import Suppressions
    from cjmap.loader import Document, PathKey
    from cjmap.model import CJMap


class Located(NamedTuple):
    """An explicit line and column, for a hit that is not at a data path (a comment)."""

    line: int
    column: int


Hit = tuple["PathKey | Located", str]
"""Where a problem is (a data path such as ``("channels", 2, "id")``) and the message."""


@dataclass(frozen=True)
class Context:
    """What a rule sees: the valid map, its document (for text and positions) and the config."""

    model: CJMap
    document: Document
    config: Config
    today: date
    suppressions: Suppressions


@dataclass(frozen=True)
class Rule:
    """A lint rule: its metadata and the function that finds its problems."""

    info: Check
    find: Callable[[Context], Iterable[Hit]]
    module: str = ""
    runs_last: bool = False
    """True for rules about suppression comments: they run after the others have used them."""

    @property
    def code(self) -> str:
        return self.info.code

    @property
    def name(self) -> str:
        return self.info.rule


class UnknownRule(ValueError):
    """A name or code that is no lint rule; the message says why, with a suggestion."""


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order (L001, L101, L102...)."""
    found: list[Rule] = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule)
    return tuple(sorted(found, key=lambda rule: rule.code))


@cache
def _rules_by_key() -> dict[str, Rule]:
    keys: dict[str, Rule] = {}
    for rule in all_rules():
        keys[rule.name] = rule
        keys[rule.code.upper()] = rule
    return keys


def find_rule(name_or_code: str) -> Rule:
    """The rule with this kebab-case name or code (any case); UnknownRule otherwise."""
    from cjmap.validate import suggest

    key = name_or_code.strip()
    rule = _rules_by_key().get(key.lower()) or _rules_by_key().get(key.upper())
    if rule is not None:
        return rule
    for check in VALIDATE_CHECKS:
        if key.upper() == check.code or key.lower() == check.rule:
            raise UnknownRule(
                f"'{key}' is a check of cjmap validate ({check.code} {check.rule}), not a "
                "lint rule: validate errors cannot be selected, ignored or suppressed"
            )
    if re.fullmatch(r"[A-Za-z]\d+", key):
        hint = suggest(key.upper(), [rule.code for rule in all_rules()])
    else:
        hint = suggest(key.lower(), [rule.name for rule in all_rules()])
    raise UnknownRule(f"'{key}' is not a lint rule{hint}")


def all_checks() -> tuple[Check, ...]:
    """The validate checks and the lint rules: everything lint can report."""
    return VALIDATE_CHECKS + tuple(rule.info for rule in all_rules())


def make_rule(
    code: str,
    name: str,
    summary: str,
    severity: Severity,
    find: Callable[[Context], Iterable[Hit]],
    doc: str | None,
    *,
    runs_last: bool = False,
) -> Rule:
    """A rule whose description is its module's docstring (pass ``__doc__``)."""
    return Rule(
        Check(code, name, summary, severity, (doc or "").strip()),
        find,
        find.__module__,
        runs_last,
    )
