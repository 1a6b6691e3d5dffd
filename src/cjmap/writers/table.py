"""Rows of a report as a terminal table, JSON, CSV or Markdown.

A report hands over a :class:`~cjmap.reports.table.Table`: typed values per row, and
columns that say how each value is titled and in which formats it appears. A value
keeps its type for JSON (numbers, booleans, lists, null) and becomes text for the
other formats through :func:`cell_text`. Map text is printed with its control
characters escaped (:func:`cjmap.text.escape_controls`) in every format for people.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from typing import TextIO

from cjmap.reports.table import DATA as DATA
from cjmap.reports.table import EVERY_FORMAT as EVERY_FORMAT
from cjmap.reports.table import MARKDOWN as MARKDOWN
from cjmap.reports.table import TERMINAL as TERMINAL
from cjmap.reports.table import Cell as Cell
from cjmap.reports.table import Column as Column
from cjmap.reports.table import Row as Row
from cjmap.reports.table import Table as Table
from cjmap.text import display_width, escape_controls, squashed

# How a terminal colours a severity column, by the severity its text starts with:
# a pain's (low .. critical) or a finding's (info .. error).
SEVERITY_STYLES = {
    "critical": "bold red",
    "high": "red",
    "medium": "yellow",
    "low": "dim",
    "error": "bold red",
    "warning": "yellow",
    "info": "cyan",
}


def cell_text(value: Cell, *, true: str = "yes", false: str = "no") -> str:
    """A value as text: lists joined with commas, booleans as words, None as nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return true if value else false
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return ", ".join(value)


def _terminal_line(value: Cell) -> str:
    """A cell on one line of a plain table: blanks squashed, controls escaped."""
    return escape_controls(squashed(cell_text(value)))


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def write_table(table: Table, out: TextIO, color: bool) -> None:
    """For people: a rich table on a terminal, aligned plain text otherwise."""
    if not table.rows:
        out.write(escape_controls(table.empty) + "\n")
        return
    columns = table.columns_for("table")
    if color:
        _write_rich(table, columns, out)
        return
    cells = [[column.title for column in columns]]
    cells += [[_terminal_line(row.get(column.key)) for column in columns] for row in table.rows]
    widths = [max(display_width(line[index]) for line in cells) for index in range(len(columns))]
    for line in cells:
        padded = [
            _pad(text, widths[index], columns[index].numeric) for index, text in enumerate(line)
        ]
        out.write("  ".join(padded).rstrip() + "\n")
    if table.summary:
        out.write(escape_controls(table.summary) + "\n")


def _write_rich(table: Table, columns: Sequence[Column], out: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    console = Console(file=out, highlight=False)
    shown = RichTable(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption=Text(escape_controls(table.summary)) if table.summary else None,
        caption_justify="left",
    )
    for column in columns:
        shown.add_column(
            Text(escape_controls(column.title)),
            justify="right" if column.numeric else "left",
            no_wrap=not column.wraps,
            ratio=column.share or None,
            overflow="fold",
        )
    for row in table.rows:
        texts = []
        for column in columns:
            # A severity keeps its line break (over "roadblock"); map text gets one line.
            value = row.get(column.key)
            lines = cell_text(value).split("\n") if column.severity else [cell_text(value)]
            text = "\n".join(escape_controls(squashed(line)) for line in lines)
            first_word = text.split(maxsplit=1)[0] if text.strip() else ""
            style = SEVERITY_STYLES.get(first_word, "") if column.severity else ""
            texts.append(Text(text, style=style))
        shown.add_row(*texts)
    console.print(shown)


def write_json(table: Table, out: TextIO, color: bool) -> None:
    """For tools: a list of objects, one per row, with typed values (``[]`` when empty)."""
    keys = [column.key for column in table.columns_for("json")]
    records = [{key: _json_value(row.get(key)) for key in keys} for row in table.rows]
    json.dump(records, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _json_value(value: Cell) -> object:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return list(value)


# What a spreadsheet reads as the start of a formula when a cell begins with it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Cell) -> str:
    """A value as a CSV cell that a spreadsheet shows as written and never runs.

    Text from a map that begins like a formula (``=HYPERLINK(...)``, ``-> next``) gets
    a leading apostrophe, as OWASP advises for CSV files: opened in a spreadsheet, it
    would otherwise be computed, show an error, or call out to the network. Numbers,
    such as an emotion of -2, stay numbers.
    """
    # Line breaks are data in CSV (the cell is quoted); other controls are escaped.
    text = escape_controls(cell_text(value, true="true", false="false"), keep="\r\n\t")
    if isinstance(value, str | list | tuple) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(table: Table, out: TextIO, color: bool) -> None:
    """For spreadsheets: RFC 4180 CSV, a header row of column keys, then one line per row."""
    columns = table.columns_for("csv")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.key for column in columns])
    for row in table.rows:
        writer.writerow([spreadsheet_cell(row.get(column.key)) for column in columns])


# Characters that Markdown would read as formatting inside a table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_cell(text: str) -> str:
    """Text that shows as itself inside a Markdown table cell, on one line."""
    lines = (escape_controls(line.strip()) for line in text.strip().splitlines())
    return "<br>".join(_MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in lines)


def write_markdown(table: Table, out: TextIO, color: bool) -> None:
    """For tickets and wikis: a GitHub-flavoured Markdown table (or the empty message)."""
    if not table.rows:
        out.write(escape_controls(table.empty) + "\n")
        return
    columns = table.columns_for("markdown")
    out.write("| " + " | ".join(markdown_cell(column.title) for column in columns) + " |\n")
    out.write("|" + "|".join(" ---: " if c.numeric else " --- " for c in columns) + "|\n")
    for row in table.rows:
        cells = [markdown_cell(cell_text(row.get(column.key))) for column in columns]
        out.write("| " + " | ".join(cells) + " |\n")
