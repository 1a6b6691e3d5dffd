"""A sheet's layout: a row per touchpoint (``rows``), or stages as columns (``lanes``),
recognised from its first row and column or named with ``--transposed``."""

from __future__ import annotations

from collections.abc import Sequence

from cjmap.importers.draft import Draft, ImportOptions, ImportProblem
from cjmap.importers.lanes import read_transposed
from cjmap.importers.rows import read_rows
from cjmap.importers.tabular import Sheet, column_overrides, header_field


def read_sheet(sheet: Sheet, options: ImportOptions) -> Draft:
    """The map a sheet holds, in either layout."""
    rows = [(number, cells) for number, cells in sheet.rows if any(c for c in cells)]
    if not rows:
        raise ImportProblem(f"{sheet.display}: the file has no rows")
    named = column_overrides(options)
    # Templates often put the journey's title alone on the rows above the table.
    titles = []
    while len(rows) > 1:
        filled = [text for text in rows[0][1] if text]
        if len(filled) != 1 or header_field(filled[0], named) is not None:
            break
        titles.append(filled[0])
        rows = rows[1:]
    number, header = rows[0]
    fields = [header_field(h, named) for h in header]
    transposed = options.transposed
    if transposed is None:
        transposed = _looks_transposed(header, fields, rows[1:], named)
    if transposed:
        draft = read_transposed(sheet, rows, named, options)
    elif "touchpoint" not in fields and "touchpoint_id" not in fields:
        found = ", ".join(f"'{h}'" for h in header if h) or "none"
        raise ImportProblem(
            f"{sheet.display}:{number}: no touchpoint column; the columns found are {found}. "
            "Say which column holds the touchpoints with --column 'HEADER=touchpoint'"
        )
    else:
        draft = read_rows(sheet, header, fields, rows[1:], options)
    if titles:
        draft.title = titles[0]
        draft.lost.extend(f"the line '{text}' above the table" for text in titles[1:])
    return draft


def _looks_transposed(
    header: Sequence[str],
    fields: Sequence[str | None],
    rows: Sequence[tuple[int, list[str]]],
    named: dict[str, str],
) -> bool:
    if "touchpoint" in fields or "touchpoint_id" in fields or not rows:
        return False
    labels = [header_field(cells[0], named) for _, cells in rows]
    return sum(label is not None for label in labels) >= 2 and len(header) >= 2
