"""Lint: everything validate does, then the rules, with config, severities and suppressions.

A map with validate errors gets only those: the rules need a valid map. On a
valid map the engine makes one checker per enabled rule, walks the map once,
handing each item to the checkers that subscribe to its kind (see
``cjmap.lint.rule``), and turns their hits into findings: it finds the line and
column, drops what a suppression comment on that line (or for the whole file)
covers, and gives the rest the configured severity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from cjmap.findings import Finding
from cjmap.lint.config import DEFAULT_CONFIG, Config, ConfigFinder
from cjmap.lint.registry import all_rules, rule_name
from cjmap.lint.rule import Checker, Context, Located, Rule
from cjmap.lint.suppressions import parse_suppressions
from cjmap.loader import DEFAULT_MAX_SIZE, Document, PathKey
from cjmap.model import CJMap, Stage, Touchpoint
from cjmap.text import one_line
from cjmap.validate import Batch, Checked, check_paths, validate_document, validate_path

_ORDER = attrgetter("path", "line", "column", "code")
"""Finding.sort_key, read in C: lint sorts thousands of findings on a large map."""


def _subscribers(checkers: Sequence[Checker], kind: str) -> list[Callable[..., None]]:
    return [getattr(checker, kind) for checker in checkers if kind in type(checker).kinds()]


def walk(model: CJMap, checkers: Sequence[Checker]) -> None:
    """Hand every item of the map, once, to the checkers that subscribe to its kind.

    Uses come before what they use (touchpoints, journeys, actions and opportunities
    before stages, channels and personas), then every checker's ``finish``.
    """
    on_touchpoint = _subscribers(checkers, "touchpoint")
    on_pain = _subscribers(checkers, "pain")
    on_metric = _subscribers(checkers, "metric")
    if on_touchpoint or on_pain or on_metric:
        for index, touchpoint in enumerate(model.touchpoints):
            for handle in on_touchpoint:
                handle(index, touchpoint)
            if on_pain and touchpoint.pains:
                _pains(on_pain, ("touchpoints", index), touchpoint)
            if on_metric and touchpoint.metrics:
                for number, metric in enumerate(touchpoint.metrics):
                    where = ("touchpoints", index, "metrics", number)
                    for handle in on_metric:
                        handle(where, touchpoint, metric)
    items: tuple[tuple[str, Sequence[Any]], ...] = (
        ("journey", model.journeys),
        ("action", model.actions),
        ("opportunity", model.opportunities),
        ("stage", model.stages),
        ("channel", model.channels),
        ("persona", model.personas),
    )
    for kind, listed in items:
        handlers = _subscribers(checkers, kind)
        if handlers:
            for index, item in enumerate(listed):
                for handle in handlers:
                    handle(index, item)
    if on_pain:
        for index, stage in enumerate(model.stages):
            if stage.pains:
                _pains(on_pain, ("stages", index), stage)
    for handle in _subscribers(checkers, "finish"):
        handle()


def _pains(handlers: list[Callable[..., None]], at: PathKey, holder: Stage | Touchpoint) -> None:
    for number, pain in enumerate(holder.pains):
        where = (*at, "pains", number)
        for handle in handlers:
            handle(where, holder, pain)


def run_rules(
    checked: Checked, config: Config = DEFAULT_CONFIG, today: date | None = None
) -> Checked:
    """The findings of validate plus those of the enabled rules, when the map is valid."""
    model = checked.model
    if model is None:
        return checked
    document = checked.document
    suppressions = parse_suppressions(document.text, rule_name)
    enabled = [rule for rule in all_rules() if config.is_enabled(rule.name)]
    context = Context(
        model,
        document,
        today or date.today(),
        suppressions,
        config.options,
        frozenset(rule.name for rule in enabled),
    )
    # Rules about the suppressions themselves check once every other rule has used them.
    first = [rule for rule in enabled if not rule.runs_last]
    last = [rule for rule in enabled if rule.runs_last]
    findings = list(checked.findings)
    for rules in (first, last):
        checkers = [rule.checker(context) for rule in rules]
        walk(model, checkers)
        for rule, checker in zip(rules, checkers, strict=True):
            findings.extend(_findings(rule, checker, config, document))
    findings.sort(key=_ORDER)
    return Checked(document, model, findings)


def _findings(rule: Rule, checker: Checker, config: Config, document: Document) -> list[Finding]:
    """The findings of one checker's hits that no suppression comment covers."""
    severity = config.severity_of(rule.name, rule.info.severity)
    suppressions = checker.context.suppressions
    suppressible = bool(suppressions.directives) and not rule.runs_last
    path, code, name = document.path, rule.code, rule.name
    locate = document.positions.find  # thousands of hits on a large map: one lookup each
    found = []
    for where, message in checker.hits:
        line, column = where if type(where) is Located else locate(where)
        if suppressible and suppressions.suppresses(name, line):
            continue
        # Like validate's, a message can quote text from the map (a stage's name):
        # a line break in it must not split the finding over several lines.
        found.append(Finding(path, line, column, code, name, severity, one_line(message)))
    return found


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
