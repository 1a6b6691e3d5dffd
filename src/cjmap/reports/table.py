"""What a report returns: rows of typed values, and columns that say how to title them.

Reports (pains, gaps) and exports build a :class:`Table`; a writer in
:mod:`cjmap.writers.table` turns it into a terminal table, JSON, CSV or Markdown. A
value keeps its type (numbers, booleans, lists, null) and the table says nothing about
colours or layout beyond which columns hold numbers, long text or severities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
    heads the column for people; ``formats`` are the formats that show it. ``numeric``
    columns hold numbers; a ``severity`` column's text starts with a severity (a pain's,
    low .. critical, or a finding's, info .. error); a column that ``wraps`` holds text
    that may break over lines, and one with a ``share`` takes that share of the width
    the others leave: give one to long text.
    """

    key: str
    title: str
    formats: frozenset[str] = EVERY_FORMAT
    numeric: bool = False
    severity: bool = False
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
