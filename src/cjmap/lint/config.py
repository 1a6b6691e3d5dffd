"""Lint settings from ``cjmap.toml`` or ``[tool.cjmap]`` in ``pyproject.toml``.

The nearest file found upward from a map's folder applies to that map; in one
folder ``cjmap.toml`` wins over ``pyproject.toml``, and a ``pyproject.toml``
without a ``[tool.cjmap]`` table is passed over. ``--config PATH`` names the
file instead. Keys:

```toml
[tool.cjmap]                       # or the same keys at the top of cjmap.toml
select = ["missing-owner", "L101"] # rules to run (names or codes); default: all
ignore = ["internal-jargon"]       # rules not to run
jargon = ["SKU", "funnel"]         # an option of a rule (here internal-jargon)

[tool.cjmap.severity]              # or [severity] in cjmap.toml
missing-owner = "warning"          # error, warning or info
```

Besides select, ignore and severity, the keys are the options the rules declare
(``cjmap.lint.rule.Option``), each read and checked by its type. Any other key,
a rule name that does not exist or a value of the wrong type is a ConfigError
naming the file and the key: a typo must never silently turn a rule off.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from cjmap.errors import UsageError, cannot
from cjmap.findings import Severity
from cjmap.lint.registry import UnknownRule, all_rules, find_rule
from cjmap.lint.rule import Option, OptionType, TextList
from cjmap.text import suggest

T = TypeVar("T")

CONFIG_FILE = "cjmap.toml"
PYPROJECT = "pyproject.toml"

_RULE_LISTS = ("select", "ignore")
_RULE_LIST = TextList()


class ConfigError(UsageError):
    """A config file that cannot be used; the message names the file and the key."""


@cache
def rule_options() -> dict[str, Option[Any]]:
    """Every rule's options, by key."""
    return {option.key: option for rule in all_rules() for option in rule.options}


@cache
def config_keys() -> tuple[str, ...]:
    """Every key a config table may hold, as messages list them: the lists first
    (select, ignore, then the rules' lists of words), the severity table, the rest."""
    lists = [key for key, option in rule_options().items() if isinstance(option.type, TextList)]
    others = [key for key in rule_options() if key not in lists]
    return (*_RULE_LISTS, *lists, "severity", *others)


@dataclass(frozen=True)
class Config:
    """Resolved lint settings. Rule names are canonical (kebab-case names, not codes).

    Plain values only, so that a Config pickles into worker processes.
    """

    source: Path | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    """The rules' options set in the file, by key, as their types read them."""

    def is_enabled(self, rule_name: str) -> bool:
        selected = self.select is None or rule_name in self.select
        return selected and rule_name not in self.ignore

    def severity_of(self, rule_name: str, default: Severity) -> Severity:
        return self.severity.get(rule_name, default)

    def option(self, option: Option[T]) -> T:
        """A rule's option: the file's value, else the option's default."""
        value: T = self.options.get(option.key, option.default)
        return value

    def with_command_line(
        self, select: frozenset[str] | None, ignore: frozenset[str] = frozenset()
    ) -> Config:
        """Apply --select and --ignore: --select starts over (the file's select and
        ignore no longer apply), --ignore removes rules from what is selected."""
        if select is not None:
            return replace(self, select=select, ignore=ignore)
        return replace(self, ignore=self.ignore | ignore)


DEFAULT_CONFIG = Config()


def rule_names(values: Iterable[str], where: str) -> frozenset[str]:
    """Canonical rule names for names or codes; ConfigError naming ``where`` otherwise."""
    names: set[str] = set()
    for value in values:
        try:
            names.add(find_rule(value).name)
        except UnknownRule as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return frozenset(names)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return f"[{', '.join(_shown(item) for item in value)}]"
    return str(value)


def _read(kind: OptionType[T], value: Any, where: str) -> T:
    """The value as its type reads it; ConfigError naming ``where`` otherwise."""
    read = kind.read(value)
    if read is None:
        raise ConfigError(f"{where} must be {kind.expected}, not {_shown(value)}")
    return read


def _severities(table: Any, where: Callable[[str], str]) -> dict[str, Severity]:
    """The [severity] table: rule = "error", "warning" or "info"."""
    if not isinstance(table, dict):
        raise ConfigError(
            f'{where("severity")} must be a table of rule = "error", "warning" or "info", '
            f"not {_shown(table)}"
        )
    severity: dict[str, Severity] = {}
    for rule, level in table.items():
        (name,) = rule_names([rule], where(f"severity.{rule}"))
        if level not in {severity.value for severity in Severity}:
            raise ConfigError(
                f'{where(f"severity.{rule}")} must be "error", "warning" or "info", '
                f"not {_shown(level)}"
            )
        severity[name] = Severity(level)
    return severity


def parse_config(table: Mapping[str, Any], source: Path, prefix: str = "") -> Config:
    """A Config from the table read from ``source``; ``prefix`` is the table's name with a
    trailing dot ("tool.cjmap.") so that messages name keys as the file spells them.

    Keys are checked in the order config_keys lists them, each rule's options by
    their declared type."""
    keys = config_keys()
    for key in table:
        if key not in keys:
            raise ConfigError(
                f"{source}: unknown key '{prefix}{key}'{suggest(key, keys)} "
                f"(the keys are {', '.join(keys)})"
            )

    def where(key: str) -> str:
        return f"{source}: {prefix}{key}"

    rules: dict[str, frozenset[str]] = {}
    severity: dict[str, Severity] = {}
    options: dict[str, Any] = {}
    for key in keys:
        if key not in table:
            continue
        if key in _RULE_LISTS:
            names: tuple[str, ...] = _read(_RULE_LIST, table[key], where(key))
            rules[key] = rule_names(names, where(key))
        elif key == "severity":
            severity = _severities(table[key], where)
        else:
            options[key] = _read(rule_options()[key].type, table[key], where(key))
    return Config(
        source=source,
        select=rules.get("select"),
        ignore=rules.get("ignore", frozenset()),
        severity=severity,
        options=options,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            # A FIFO or a device such as /dev/zero would block or never end.
            raise ConfigError(f"{path}: not a regular file")
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a config file") from None
    except OSError as exc:
        raise ConfigError(cannot(path, "read", exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def _cjmap_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """The [tool.cjmap] table of a pyproject.toml, None when there is none."""
    tool = data.get("tool")
    if not isinstance(tool, dict) or "cjmap" not in tool:
        return None
    table = tool["cjmap"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.cjmap must be a table ([tool.cjmap])")
    return table


def load_config(path: Path) -> Config:
    """The settings in a cjmap.toml, or in the [tool.cjmap] table of a pyproject.toml."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        table = _cjmap_table(data, path)
        if table is None:
            raise ConfigError(f"{path}: has no [tool.cjmap] table")
        return parse_config(table, path, "tool.cjmap.")
    return parse_config(data, path)


def _pyproject_has_table(path: Path) -> bool:
    # Most pyproject.toml files never mention cjmap; skip parsing those.
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "cjmap" in text and _cjmap_table(_read_toml(path), path) is not None


def find_config_file(folder: Path) -> Path | None:
    """The nearest cjmap.toml, or pyproject.toml with [tool.cjmap], from folder upward."""
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file() or own.is_symlink() or own.exists():
            # Anything named cjmap.toml is this folder's config: a folder, a FIFO or a
            # broken link of that name is an error (load_config says which), not a
            # reason to go on to a config further up that was not meant.
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _pyproject_has_table(pyproject):
            return pyproject
    return None


class ConfigFinder:
    """Finds and loads each map's config, reading each folder and file once."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_config(explicit) if explicit is not None else None
        self._files: dict[Path, Path | None] = {}
        self._configs: dict[Path, Config] = {}

    def for_map(self, map_path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        folder = map_path.absolute().parent
        if folder not in self._files:
            self._files[folder] = find_config_file(folder)
        file = self._files[folder]
        if file is None:
            return DEFAULT_CONFIG
        if file not in self._configs:
            self._configs[file] = load_config(file)
        return self._configs[file]
