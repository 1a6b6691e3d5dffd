"""Rows of a report as a terminal table, JSON, CSV or Markdown.

Reports (pains, gaps) and exports build a :class:`Table`: typed values per row, and
columns that say how each value is titled and in which formats it appears. A value
keeps its type for JSON (numbers, booleans, lists, null) and becomes text for the
other formats through :func:`cell_text`.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

Cell = str | int | float | bool | None | Sequence[str]
Row = Mapping[str, Cell]

TERMINAL = frozenset({"table"})
MARKDOWN = frozenset({"markdown"})
DATA = frozenset({"json", "csv"})
EVERY_FORMAT = TERMINAL | MARKDOWN | DATA


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``key`` names the value in each row and is the JSON key and CSV header; ``title``
    heads the column for people; ``formats`` are the formats that show it. On a
    terminal, ``numeric`` columns align right, ``styles`` colour a cell by its first word,
    a column that ``wraps`` may break its text over lines when the terminal is narrow,
    and one with a ``share`` takes that share of the width the others leave: give one
    to long text.
    """

    key: str
    title: str
    formats: frozenset[str] = EVERY_FORMAT
    numeric: bool = False
    styles: Mapping[str, str] = field(default_factory=dict)
    wraps: bool = False
    share: int = 0


@dataclass(frozen=True)
class Table:
    """What a report hands to a row writer.

    ``summary`` is one line for people ("17 pain points in 2 maps"); ``empty`` is what
    people read instead of a table when there are no rows.
    """

    columns: Sequence[Column]
    rows: Sequence[Row]
    summary: str = ""
    empty: str = "Nothing found."

    def columns_for(self, output_format: str) -> list[Column]:
        return [column for column in self.columns if output_format in column.formats]


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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _width(text: str) -> int:
    """Columns the text takes on a terminal: wide East Asian characters take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def write_table(table: Table, out: TextIO, color: bool) -> None:
    """For people: a rich table on a terminal, aligned plain text otherwise."""
    if not table.rows:
        out.write(table.empty + "\n")
        return
    columns = table.columns_for("table")
    if color:
        _write_rich(table, columns, out)
        return
    cells = [[column.title for column in columns]]
    cells += [
        [_one_line(cell_text(row.get(column.key))) for column in columns] for row in table.rows
    ]
    widths = [max(_width(line[index]) for line in cells) for index in range(len(columns))]
    for line in cells:
        padded = [
            _pad(text, widths[index], columns[index].numeric) for index, text in enumerate(line)
        ]
        out.write("  ".join(padded).rstrip() + "\n")
    if table.summary:
        out.write(table.summary + "\n")


def _write_rich(table: Table, columns: Sequence[Column], out: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    console = Console(file=out, highlight=False)
    shown = RichTable(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption=Text(table.summary) if table.summary else None,
        caption_justify="left",
    )
    for column in columns:
        shown.add_column(
            Text(column.title),
            justify="right" if column.numeric else "left",
            no_wrap=not column.wraps,
            ratio=column.share or None,
            overflow="fold",
        )
    for row in table.rows:
        texts = []
        for column in columns:
            text = cell_text(row.get(column.key))
            first_word = text.split(maxsplit=1)[0] if text.strip() else ""
            texts.append(Text(text, style=column.styles.get(first_word, "")))
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
    text = cell_text(value, true="true", false="false")
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
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return "<br>".join(line.strip() for line in escaped.strip().splitlines())


def write_markdown(table: Table, out: TextIO, color: bool) -> None:
    """For tickets and wikis: a GitHub-flavoured Markdown table (or the empty message)."""
    if not table.rows:
        out.write(table.empty + "\n")
        return
    columns = table.columns_for("markdown")
    out.write("| " + " | ".join(markdown_cell(column.title) for column in columns) + " |\n")
    out.write("|" + "|".join(" ---: " if c.numeric else " --- " for c in columns) + "|\n")
    for row in table.rows:
        cells = [markdown_cell(cell_text(row.get(column.key))) for column in columns]
        out.write("| " + " | ".join(cells) + " |\n")
