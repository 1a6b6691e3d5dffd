"""An Excel workbook (.xlsx) as a map: the first sheet, or ``--sheet NAME``, read as a
CSV file would be (layouts and headers in ``tabular``).

openpyxl reads the workbook and defusedxml guards its XML against entity expansion
("billion laughs") and external entities; both come with ``pip install 'cjmap[xlsx]'``.
A workbook is a zip file: one whose parts would unpack to more than the size limit
is refused before it is read.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from cjmap.importers.draft import Draft, ImportOptions, ImportProblem, ImportUsageError
from cjmap.importers.layouts import read_sheet
from cjmap.importers.tabular import Sheet, cell

EXTRA = "reading .xlsx files needs the xlsx extra: pip install 'cjmap[xlsx]'"
MAX_UNPACKED = 256 * 1024 * 1024


def _workbook(raw: bytes, display: str) -> Any:
    try:
        import defusedxml  # noqa: F401 - openpyxl uses it when it is installed
        import openpyxl
    except ImportError:
        raise ImportUsageError(EXTRA) from None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportProblem(f"{display}: not an .xlsx workbook (not a zip file)") from None
    if unpacked > MAX_UNPACKED:
        raise ImportProblem(
            f"{display}: the workbook would unpack to {unpacked:,} bytes, "
            f"over the {MAX_UNPACKED:,}-byte limit"
        )
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds for a bad file
        raise _unreadable(display, exc) from None


def _unreadable(display: str, exc: BaseException) -> ImportProblem:
    """The one-line error for a workbook openpyxl could not read, naming an XML bomb."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return ImportProblem(
                f"{display}: the workbook's XML declares entities or a DTD ({cause}), "
                "as XML bombs do; refused"
            )
        cause = cause.__cause__ or cause.__context__
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return ImportProblem(f"{display}: not a readable .xlsx workbook ({reason})")


def read(raw: bytes, display: str, options: ImportOptions) -> list[Draft]:
    workbook = _workbook(raw, display)
    try:
        names = list(workbook.sheetnames)
        if options.sheet is not None and options.sheet not in names:
            raise ImportUsageError(
                f"{display}: no sheet '{options.sheet}'; its sheets are "
                + ", ".join(f"'{name}'" for name in names)
            )
        sheet = workbook[options.sheet or names[0]]
        try:
            rows = [
                (number, [cell(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        except Exception as exc:  # as in _workbook
            raise _unreadable(display, exc) from None
    finally:
        workbook.close()
    shown = f"{display} (sheet '{sheet.title}')" if len(names) > 1 else display
    return [read_sheet(Sheet(shown, rows, "row"), options)]
