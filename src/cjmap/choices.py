"""Every named choice a user can make on the command line, one typed registry per kind.

A registry lists its choices in the order ``--help`` shows them; the first is the
default unless the command says otherwise. The command line builds its option's
choices and help from the registry, and the code that does the work imports the
chosen implementation by the dotted name the registry gives, only when it is chosen,
so start-up stays lean. This module imports nothing, so any layer may read it.

To add a choice, write its implementation, then add one line to its registry::

    Choice("blueprint", "cjmap.render.views.blueprint:build", "front and back stage by stage"),

- findings formats (validate, lint): ``write(report, out, color)``
- table formats (pains, gaps, rules): ``write_...(table, out, color)``
- diff formats: ``write_...(diffs, out, color)``
- export targets: ``export(model, options)`` returning text; ``suffix`` names the file
  an export gets in ``--out-dir``
- import sources: ``read(raw, display, options)`` returning drafts of maps
- render views: ``build(selection, title)`` returning DOT
- image formats: the Graphviz output format of that name; ``suffix`` is the file
  suffix, ``aliases`` other suffixes read as the same format

tests/test_choices.py runs every registered name end to end, so a new choice needs no
new test to be covered, though it deserves one of its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any, NamedTuple


class Choice(NamedTuple):
    """One name a user can give: what it is called, the code behind it, one line of help.

    (A named tuple rather than a dataclass: every command reads this module at start-up,
    and a named tuple costs a fraction of a dataclass to define.)
    """

    name: str
    target: str  # "package.module:function"
    help: str
    suffix: str = ""  # the file suffix of what it writes, where it writes files
    aliases: tuple[str, ...] = ()  # other file suffixes meaning the same choice


class Registry:
    """The choices of one kind, by name, in the order they are listed."""

    def __init__(self, kind: str, *choices: Choice) -> None:
        self.kind = kind
        self._choices = {choice.name: choice for choice in choices}

    def __iter__(self) -> Iterator[Choice]:
        return iter(self._choices.values())

    def __contains__(self, name: object) -> bool:
        return name in self._choices

    def __getitem__(self, name: str) -> Choice:
        return self._choices[name]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._choices)

    @property
    def default(self) -> str:
        return next(iter(self._choices))

    def only(self, *names: str) -> Registry:
        """The same kind of choice, narrowed to these names (for a command that offers fewer)."""
        return Registry(self.kind, *(self._choices[name] for name in names))

    def help(self, lead: str = "") -> str:
        """``lead`` then every choice with its help: "text: for people; json: for tools"."""
        listed = "; ".join(f"{choice.name}: {choice.help}" for choice in self)
        return f"{lead} {listed}." if lead else f"{listed}."

    def load(self, name: str) -> Any:
        """The implementation of a choice, imported now."""
        module, _, attribute = self._choices[name].target.partition(":")
        return getattr(importlib.import_module(module), attribute)

    def by_suffix(self, suffix: str) -> str | None:
        """The name of the choice that writes files ending in ``suffix`` (any case)."""
        suffix = suffix.lower()
        for choice in self:
            if suffix == choice.suffix or suffix in choice.aliases:
                return choice.name
        return None


FINDINGS_FORMATS = Registry(
    "findings format",
    Choice("text", "cjmap.writers.text:write", "one line per finding, for people"),
    Choice("json", "cjmap.writers.json:write", "a list of findings, for tools"),
    Choice("github", "cjmap.writers.github:write", "GitHub Actions annotations"),
    Choice("sarif", "cjmap.writers.sarif:write", "SARIF 2.1.0, for code scanning"),
)

TABLE_FORMATS = Registry(
    "table format",
    Choice("table", "cjmap.writers.table:write_table", "on a terminal"),
    Choice("json", "cjmap.writers.table:write_json", "for tools"),
    Choice("csv", "cjmap.writers.table:write_csv", "for spreadsheets"),
    Choice("markdown", "cjmap.writers.table:write_markdown", "for tickets"),
)

DIFF_FORMATS = Registry(
    "diff format",
    Choice("text", "cjmap.writers.diff:write_text", "for people"),
    Choice("json", "cjmap.writers.diff:write_json", "for tools"),
    Choice("markdown", "cjmap.writers.diff:write_markdown", "for PR comments"),
)

EXPORT_TARGETS = Registry(
    "export target",
    Choice("mermaid", "cjmap.export.mermaid:export", "a journey diagram that GitHub draws", ".mmd"),
    Choice("markdown", "cjmap.export.markdown:export", "a document of the whole map", ".md"),
    Choice(
        "csv",
        "cjmap.export.csv:export",
        "the touchpoint inventory, one row per touchpoint and channel",
        ".csv",
    ),
    Choice(
        "json",
        "cjmap.export.json:export",
        "the whole map for other tools, ids resolved (--inventory: the touchpoints only)",
        ".json",
    ),
)

IMPORT_SOURCES = Registry(
    "import source",
    Choice("mermaid", "cjmap.importers.mermaid:read", "a journey diagram (.mmd, Markdown, HTML)"),
    Choice("csv", "cjmap.importers.csv:read", "a touchpoint inventory or a journey template"),
    Choice("xlsx", "cjmap.importers.xlsx:read", "the same in Excel (pip install 'cjmap[xlsx]')"),
)

RENDER_VIEWS = Registry(
    "render view",
    Choice("flow", "cjmap.render.views.flow:build", "the lifecycle with touchpoints and journeys"),
    Choice("matrix", "cjmap.render.views.matrix:build", "stages by channels, gaps in grey"),
    Choice("emotion", "cjmap.render.views.emotion:build", "one journey's emotion curves"),
    Choice(
        "blueprint",
        "cjmap.render.views.blueprint:build",
        "the service blueprint: what the organisation does behind each touchpoint",
    ),
    Choice(
        "opportunities",
        "cjmap.render.views.opportunities:build",
        "the opportunities by impact and effort",
    ),
)

IMAGE_FORMATS = Registry(
    "image format",
    Choice("svg", "cjmap.render:render_dot", "scalable, for pages and documents", ".svg"),
    Choice("png", "cjmap.render:render_dot", "a bitmap, for slides and chats", ".png"),
    Choice("pdf", "cjmap.render:render_dot", "for print (needs Graphviz's dot)", ".pdf"),
    Choice("dot", "cjmap.render:render_dot", "the Graphviz source", ".dot", aliases=(".gv",)),
)
