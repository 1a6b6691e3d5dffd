"""Output formats: each module turns a Report (or report rows) into text on a stream.

Writers are imported only when chosen, so a command pays for the format it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from cjmap.findings import Report

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cjmap.reports.diff import MapDiff
    from cjmap.writers.table import Table

FindingsWriter = Callable[[Report, TextIO, bool], None]
RowWriter = Callable[["Table", TextIO, bool], None]
DiffWriter = Callable[["Sequence[MapDiff]", TextIO, bool], None]

# Formats for findings (validate, lint): name -> module holding `write(report, out, color)`.
FINDINGS_FORMATS: dict[str, str] = {
    "text": "cjmap.writers.text",
    "json": "cjmap.writers.json",
    "github": "cjmap.writers.github",
    "sarif": "cjmap.writers.sarif",
}


def findings_writer(name: str) -> FindingsWriter:
    """The writer for a findings format named on the command line."""
    module = importlib.import_module(FINDINGS_FORMATS[name])
    writer: FindingsWriter = module.write
    return writer


# Formats for report rows (pains, gaps, exports): name -> "module.function" taking
# `(table, out, color)`.
ROW_FORMATS: dict[str, str] = {
    "table": "cjmap.writers.table.write_table",
    "json": "cjmap.writers.table.write_json",
    "csv": "cjmap.writers.table.write_csv",
    "markdown": "cjmap.writers.table.write_markdown",
}


def row_writer(name: str) -> RowWriter:
    """The writer for a row format named on the command line."""
    module_name, _, function = ROW_FORMATS[name].rpartition(".")
    writer: RowWriter = getattr(importlib.import_module(module_name), function)
    return writer


# Formats for map diffs: name -> "module.function" taking `(diffs, out, color)`.
DIFF_FORMATS: dict[str, str] = {
    "text": "cjmap.writers.diff.write_text",
    "json": "cjmap.writers.diff.write_json",
    "markdown": "cjmap.writers.diff.write_markdown",
}


def diff_writer(name: str) -> DiffWriter:
    """The writer for a diff format named on the command line."""
    module_name, _, function = DIFF_FORMATS[name].rpartition(".")
    writer: DiffWriter = getattr(importlib.import_module(module_name), function)
    return writer
