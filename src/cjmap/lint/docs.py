"""The rules as people read them: docs pages, the index, and the `cjmap rules` listing.

A rule's page is built from its module docstring, so `cjmap rules NAME`, SARIF
help and ``docs/rules/NAME.md`` always say the same thing. After changing a
rule's docstring, regenerate the pages with::

    python -m cjmap.lint.docs docs/rules

(a test fails while the pages in the repository and the docstrings differ).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.lint.registry import all_rules
from cjmap.lint.rule import Rule

if TYPE_CHECKING:
    from cjmap.writers.table import Table

INDEX = "README.md"


def page(rule: Rule) -> str:
    """The rule's documentation page, in Markdown."""
    info = rule.info
    return (
        f"# {info.rule} ({info.code})\n\n"
        f"Default severity: **{info.severity.value}**. "
        f"{info.summary[:1].upper()}{info.summary[1:]}.\n\n"
        f"## What it checks\n\n{info.description}\n\n"
        f"{options_section(rule)}"
        "## Silencing it\n\n"
        f"- One finding: `# cjmap: ignore[{info.rule}]` at the end of the line the finding "
        "names (or alone on the line above it).\n"
        f"- One file: `# cjmap: ignore-file[{info.rule}]` anywhere in the file.\n"
        f'- Everywhere: `ignore = ["{info.rule}"]` in `[tool.cjmap]` of `pyproject.toml` '
        f"or in `cjmap.toml`, or `cjmap lint --ignore {info.rule}`.\n"
        f'- Another severity: `{info.rule} = "info"` in `[tool.cjmap.severity]` '
        "(`[severity]` in `cjmap.toml`).\n"
    )


def options_section(rule: Rule) -> str:
    """The rule's options as a table, for its page; empty for a rule without options."""
    if not rule.options:
        return ""
    rows = "\n".join(
        f"| `{option.key}` | {option.type.name} | `{option.type.toml(option.default)}` "
        f"| {option.help} |"
        for option in rule.options
    )
    example = "\n".join(
        f"{option.key} = "
        f"{option.type.toml(option.default if option.example is None else option.example)}"
        for option in rule.options
    )
    return (
        "## Options\n\n"
        "In `[tool.cjmap]` of `pyproject.toml`, or at the top of `cjmap.toml`:\n\n"
        "| Option | Type | Default | Meaning |\n|---|---|---|---|\n"
        f"{rows}\n\n"
        f"```toml\n[tool.cjmap]\n{example}\n```\n\n"
    )


def index_page(rules: Sequence[Rule]) -> str:
    """docs/rules/README.md: every rule in a table, and how to configure them."""
    rows = "\n".join(
        f"| {rule.code} | [{rule.name}]({rule.name}.md) | {rule.info.severity.value} "
        f"| {rule.info.summary} |"
        for rule in rules
    )
    return f"""\
# Lint rules

`cjmap lint` runs every check of `cjmap validate` first; a map that is not
valid gets those errors and nothing more. On a valid map it then runs these
rules, the practitioners' rules of journey mapping. `cjmap rules` lists them,
`cjmap rules NAME` prints a rule's page.

| Code | Name | Default severity | Finds |
|---|---|---|---|
{rows}

## Severities

- **error**: the map contradicts itself, and reports built on it would be
  wrong. `cjmap lint` exits with 1.
- **warning**: the map is misleading or incomplete in a way a practitioner
  would point out in a review. `cjmap lint --strict` exits with 1.
- **info**: work a first draft usually leaves for later (owners, targets,
  the customer's view), or facts the map is there to show (metrics off
  target). Never fails the run.

## Configuration

In `[tool.cjmap]` of the nearest `pyproject.toml`, or at the top of a
`cjmap.toml`, found upward from each map's folder (`--config PATH` names the
file instead):

```toml
[tool.cjmap]
select = ["L101", "unaddressed-pain"]  # only these rules (default: all)
ignore = ["internal-jargon"]           # not these
extend-jargon = ["NBA"]                # internal-jargon: add words (jargon = [...] replaces)
stale-days = 90                        # stale-map: days (default 180)

[tool.cjmap.severity]
missing-owner = "warning"
```

Rules are named by name or code. An unknown rule or key is an error (exit 2),
never silence. On the command line, `--select` replaces the file's `select`
and `ignore`, and `--ignore` removes more rules.

## Suppression comments

```yaml
  - id: taste-quiz  # cjmap: ignore[missing-owner]
    name: Take the taste quiz
```

`# cjmap: ignore[rule, ...]` suppresses findings of those rules on its line;
alone on a line, it also applies to the next line. `# cjmap: ignore` without
names suppresses every rule on the line, and `# cjmap: ignore-file[rule, ...]`
(anywhere in the file) suppresses them in the whole file. A comment that names
no lint rule is reported (invalid-suppression), and so is one that suppresses
nothing (unused-suppression). The checks of `cjmap validate` cannot be
suppressed.
"""


def write_pages(folder: Path) -> list[Path]:
    """Write every rule's page and the index into ``folder``; the paths written."""
    rules = all_rules()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in [(f"{rule.name}.md", page(rule)) for rule in rules] + [
        (INDEX, index_page(rules))
    ]:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def rules_table(rules: Sequence[Rule]) -> Table:
    """The rules as rows for the row writers: `cjmap rules` as a table or JSON."""
    from cjmap.writers.table import DATA, Column, Table

    return Table(
        columns=[
            Column("code", "Code"),
            Column("name", "Name"),
            Column("severity", "Severity", severity=True),
            Column("summary", "Finds", wraps=True, share=1),
            Column("description", "Description", formats=DATA),
        ],
        rows=[
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.info.severity.value,
                "summary": rule.info.summary,
                "description": rule.info.description,
            }
            for rule in rules
        ],
        summary=f"{len(rules)} rules. `cjmap rules NAME` prints a rule's page.",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the docs pages: ``python -m cjmap.lint.docs docs/rules``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m cjmap.lint.docs FOLDER", file=sys.stderr)
        return 2
    for path in write_pages(Path(args[0])):
        print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
