"""The registry of lint rules: every module in ``cjmap.lint.rules`` that defines ``RULE``.

Adding a rule is one module there, a test module in ``tests/rules/`` and its page
in ``docs/rules/`` (generated from the docstring: ``python -m cjmap.lint.docs``).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from cjmap.errors import UsageError
from cjmap.findings import VALIDATE_CHECKS, Check
from cjmap.lint.rule import Rule
from cjmap.text import suggest

RULES_PACKAGE = "cjmap.lint.rules"


class UnknownRule(UsageError):
    """A name or code that is no lint rule; the message says why, with a suggestion."""


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order (L001, L101, L102...)."""
    package = importlib.import_module(RULES_PACKAGE)
    found: list[Rule] = []
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{RULES_PACKAGE}.{module_info.name}")
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


def rule_name(name_or_code: str) -> str:
    """The name of the rule with this name or code; UnknownRule otherwise."""
    return find_rule(name_or_code).name


def all_checks() -> tuple[Check, ...]:
    """The validate checks and the lint rules: everything lint can report."""
    return VALIDATE_CHECKS + tuple(rule.info for rule in all_rules())
