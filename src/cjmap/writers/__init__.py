"""Output formats: each module turns a Report (or report rows) into text on a stream.

The formats are registered in :mod:`cjmap.choices` (FINDINGS_FORMATS, TABLE_FORMATS,
DIFF_FORMATS); a writer is imported only when chosen, so a command pays for the
format it prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from cjmap.choices import DIFF_FORMATS, FINDINGS_FORMATS, TABLE_FORMATS
from cjmap.findings import Report

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cjmap.reports.changes import MapDiff
    from cjmap.writers.table import Table

FindingsWriter = Callable[[Report, TextIO, bool], None]
RowWriter = Callable[["Table", TextIO, bool], None]
DiffWriter = Callable[["Sequence[MapDiff]", TextIO, bool], None]

# The names of each kind of format, as the command line offers them.
ROW_FORMATS = TABLE_FORMATS.names


def findings_writer(name: str) -> FindingsWriter:
    """The writer for a findings format named on the command line."""
    writer: FindingsWriter = FINDINGS_FORMATS.load(name)
    return writer


def row_writer(name: str) -> RowWriter:
    """The writer for a row format named on the command line."""
    writer: RowWriter = TABLE_FORMATS.load(name)
    return writer


def diff_writer(name: str) -> DiffWriter:
    """The writer for a diff format named on the command line."""
    writer: DiffWriter = DIFF_FORMATS.load(name)
    return writer
