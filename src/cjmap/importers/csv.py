"""A CSV touchpoint inventory as a map (the layouts and headers are in ``tabular``).

The delimiter (comma, semicolon or tab, as spreadsheets in different locales save
them) is recognised from the header line, or read from Excel's ``sep=;`` line.
"""

from __future__ import annotations

import csv
import io
import re

from cjmap.importers.draft import Draft, ImportOptions, ImportProblem, text_of
from cjmap.importers.layouts import read_sheet
from cjmap.importers.tabular import Sheet, cell

_SEP = re.compile(r"sep=(.)")


def read(raw: bytes, display: str, options: ImportOptions) -> list[Draft]:
    text = text_of(raw, display)
    first_line = text.split("\n", 1)[0].rstrip("\r")
    # Excel writes "sep=;" on a first line of its own where the locale's delimiter is not ','.
    declared = _SEP.fullmatch(first_line)
    delimiter = declared.group(1) if declared else max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = 1
        if declared:
            next(reader)
            start = 2
        for cells in reader:
            rows.append((start, [cell(value) for value in cells]))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportProblem(f"{display}:{reader.line_num}: not valid CSV ({exc})") from None
    return [read_sheet(Sheet(display, rows), options)]
