"""Lint: everything validate does, then the rules, with config, severities and suppressions.

A map with validate errors gets only those: the rules need a valid map. On a
valid map each enabled rule yields (where, message) pairs; the engine finds the
line and column, drops what a suppression comment on that line (or for the
whole file) covers, and gives the rest the configured severity.

Suppression comments, like ruff's ``# noqa``::

    - id: taste-quiz   # cjmap: ignore[missing-owner]
    # cjmap: ignore[missing-owner, missing-emotion]   (alone on a line: also the next line)
    # cjmap: ignore                                   (every rule on that line)
    # cjmap: ignore-file[stale-map]                   (anywhere: the whole file)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cjmap.config import DEFAULT_CONFIG, Config, ConfigFinder
from cjmap.findings import Finding
from cjmap.loader import DEFAULT_MAX_SIZE, Document
from cjmap.rules import Context, Located, UnknownRule, all_rules, find_rule
from cjmap.validate import (
    Batch,
    Checked,
    check_paths,
    one_line,
    validate_document,
    validate_path,
)

DIRECTIVES = ("ignore", "ignore-file")

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
    problems: list[tuple[Located, str]] = field(default_factory=list)
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
        if not self.directives:  # most maps: asked once per finding
            return False
        for directive in (*self._by_line.get(line, ()), *self._whole_file):
            if directive.applies(rule):
                directive.used.add(rule)
                return True
        return False


def parse_suppressions(text: str) -> Suppressions:
    """Every ``# cjmap: ignore[...]`` / ``ignore-file[...]`` comment in a map's text."""
    suppressions = Suppressions()
    line = 1
    offset = 0
    for match in _COMMENT.finditer(text):
        start = match.start()
        if start and not text[start - 1].isspace():
            continue  # YAML's rule: a comment starts a line or follows a space
        line += text.count("\n", offset, start)
        offset = start
        line_start = text.rfind("\n", 0, start) + 1
        alone = not text[line_start:start].strip()
        _parse_directive(suppressions, match, line, start - line_start + 1, alone)
    return suppressions


def _parse_directive(
    suppressions: Suppressions, match: re.Match[str], line: int, column: int, alone: bool
) -> None:
    """Add the directive in one comment (``match`` of _COMMENT at ``line``:``column``)."""
    text = match.group(0).rstrip()
    rest = match.group("rest")
    at_rest = Located(line, column + match.start("rest") - match.start())
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
        names_column = at_rest.column + directive.start("names")
        for part in re.finditer(r"[^,\s](?:[^,]*[^,\s])?", names_text):
            try:
                found.add(find_rule(part.group(0)).name)
            except UnknownRule as exc:
                where = Located(line, names_column + part.start())
                suppressions.problems.append((where, f"{kind}: {exc}"))
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


def run_rules(
    checked: Checked, config: Config = DEFAULT_CONFIG, today: date | None = None
) -> Checked:
    """The findings of validate plus those of the enabled rules, when the map is valid."""
    model = checked.model
    if model is None:
        return checked
    document = checked.document
    suppressions = parse_suppressions(document.text)
    context = Context(model, document, config, today or date.today(), suppressions)
    enabled = [rule for rule in all_rules() if config.is_enabled(rule.name)]
    findings = list(checked.findings)
    # Rules about the suppressions themselves run last, once every other rule has used them.
    for rule in sorted(enabled, key=lambda rule: rule.runs_last):
        severity = config.severity_of(rule.name, rule.info.severity)
        for where, message in rule.find(context):
            line, column = where if isinstance(where, Located) else document.locate(where)
            if not rule.runs_last and suppressions.suppresses(rule.name, line):
                continue
            # Like validate's, a message can quote text from the map (a stage's name):
            # a line break in it must not split the finding over several lines.
            findings.append(
                Finding(
                    document.path, line, column, rule.code, rule.name, severity, one_line(message)
                )
            )
    findings.sort(key=Finding.sort_key)
    return Checked(document, model, findings)


def lint_document(
    document: Document, config: Config = DEFAULT_CONFIG, today: date | None = None
) -> Checked:
    """Validate a loaded map, then lint it."""
    return run_rules(validate_document(document), config, today)


@dataclass
class LintRun:
    """The result of linting paths, and the config each map was linted with."""

    batch: Batch
    configs: dict[str, Config] = field(default_factory=dict)


@dataclass(frozen=True)
class MapLinter:
    """Validates and lints one map file with the config that applies to it.

    An instance pickles, so that check_paths can hand it to worker processes; each
    process then finds and reads config files for its own maps.
    """

    finder: ConfigFinder
    select: frozenset[str] | None
    ignore: frozenset[str]
    today: date
    max_size: int = DEFAULT_MAX_SIZE

    def config_for(self, path: Path) -> Config:
        return self.finder.for_map(path).with_command_line(self.select, self.ignore)

    def __call__(self, path: Path) -> Checked:
        config = self.config_for(path)
        # Most maps get some lint finding, and every finding needs its line.
        checked = validate_path(path, max_size=self.max_size, positions=True)
        return run_rules(checked, config, self.today)


def lint_paths(
    paths: Sequence[Path],
    *,
    config_file: Path | None = None,
    select: frozenset[str] | None = None,
    ignore: frozenset[str] = frozenset(),
    max_size: int = DEFAULT_MAX_SIZE,
    today: date | None = None,
    jobs: int = 1,
    keep: bool = True,
) -> LintRun:
    """Lint every map in the given files and folders, each with its own config.

    ``jobs`` and ``keep`` are those of ``validate.check_paths``. Raises ConfigError
    for a config file that cannot be used.
    """
    linter = MapLinter(ConfigFinder(config_file), select, ignore, today or date.today(), max_size)
    batch = check_paths(linter, paths, jobs=jobs, keep=keep)
    configs = {checked.path: linter.config_for(Path(checked.path)) for checked in batch.checked}
    return LintRun(batch, configs)
