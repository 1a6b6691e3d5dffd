"""Lint settings from ``cjmap.toml`` or ``[tool.cjmap]`` in ``pyproject.toml``.

The nearest file found upward from a map's folder applies to that map; in one
folder ``cjmap.toml`` wins over ``pyproject.toml``, and a ``pyproject.toml``
without a ``[tool.cjmap]`` table is passed over. ``--config PATH`` names the
file instead. Keys:

```toml
[tool.cjmap]                       # or the same keys at the top of cjmap.toml
select = ["missing-owner", "L101"] # rules to run (names or codes); default: all
ignore = ["internal-jargon"]       # rules not to run
jargon = ["SKU", "funnel"]         # replaces the internal-jargon word list
extend-jargon = ["NBA"]            # adds words to it
stale-days = 90                    # stale-map: days after which a map is stale

[tool.cjmap.severity]              # or [severity] in cjmap.toml
missing-owner = "warning"          # error, warning or info
```

Any other key, a rule name that does not exist or a value of the wrong type is
a ConfigError naming the file and the key: a typo must never silently turn a
rule off.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cjmap.findings import Severity

DEFAULT_STALE_DAYS = 180
"""stale-map: a map last revised more than this many days ago is stale."""

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
"""Words of the company, not of its customers, that internal-jargon looks for."""

CONFIG_FILE = "cjmap.toml"
PYPROJECT = "pyproject.toml"

_LIST_KEYS = ("select", "ignore", "jargon", "extend-jargon")
KEYS = (*_LIST_KEYS, "severity", "stale-days")


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """Resolved lint settings. Rule names are canonical (kebab-case names, not codes).

    Plain values only, so that a Config pickles into worker processes.
    """

    source: Path | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    jargon: tuple[str, ...] = DEFAULT_JARGON
    stale_days: int = DEFAULT_STALE_DAYS

    def is_enabled(self, rule_name: str) -> bool:
        selected = self.select is None or rule_name in self.select
        return selected and rule_name not in self.ignore

    def severity_of(self, rule_name: str, default: Severity) -> Severity:
        return self.severity.get(rule_name, default)

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
    from cjmap.rules import UnknownRule, find_rule

    names: set[str] = set()
    for value in values:
        try:
            names.add(find_rule(value).name)
        except UnknownRule as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return frozenset(names)


def _string_list(value: Any, where: str, example: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ConfigError(f"{where} must be a list of text, like {example}, not {_shown(value)}")
    return value


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


def parse_config(table: Mapping[str, Any], source: Path, prefix: str = "") -> Config:
    """A Config from the table read from ``source``; ``prefix`` is the table's name with a
    trailing dot ("tool.cjmap.") so that messages name keys as the file spells them."""
    from cjmap.validate import suggest

    for key in table:
        if key not in KEYS:
            raise ConfigError(
                f"{source}: unknown key '{prefix}{key}'{suggest(key, KEYS)} "
                f"(the keys are {', '.join(KEYS)})"
            )

    def where(key: str) -> str:
        return f"{source}: {prefix}{key}"

    lists = {
        key: _string_list(table[key], where(key), '["missing-owner", "L101"]')
        for key in _LIST_KEYS
        if key in table
    }
    select = rule_names(lists["select"], where("select")) if "select" in lists else None
    ignore = rule_names(lists.get("ignore", []), where("ignore"))

    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(
            f'{where("severity")} must be a table of rule = "error", "warning" or "info", '
            f"not {_shown(raw_severity)}"
        )
    for rule, level in raw_severity.items():
        (name,) = rule_names([rule], where(f"severity.{rule}"))
        if level not in {severity.value for severity in Severity}:
            raise ConfigError(
                f'{where(f"severity.{rule}")} must be "error", "warning" or "info", '
                f"not {_shown(level)}"
            )
        severity[name] = Severity(level)

    jargon = tuple(lists.get("jargon", DEFAULT_JARGON)) + tuple(lists.get("extend-jargon", []))

    stale_days = table.get("stale-days", DEFAULT_STALE_DAYS)
    if isinstance(stale_days, bool) or not isinstance(stale_days, int) or stale_days < 1:
        raise ConfigError(
            f"{where('stale-days')} must be a whole number of days, 1 or more, "
            f"not {_shown(stale_days)}"
        )

    return Config(
        source=source,
        select=select,
        ignore=ignore,
        severity=severity,
        jargon=jargon,
        stale_days=stale_days,
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
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
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
