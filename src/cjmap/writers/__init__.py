"""Output formats: each module turns a Report (or report rows) into text on a stream.

Writers are imported only when chosen, so a command pays for the format it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from cjmap.findings import Report

FindingsWriter = Callable[[Report, TextIO, bool], None]

# Formats for findings (validate, lint): name -> module holding `write(report, out, color)`.
FINDINGS_FORMATS: dict[str, str] = {
    "text": "cjmap.writers.text",
    "json": "cjmap.writers.json",
    "github": "cjmap.writers.github",
}


def findings_writer(name: str) -> FindingsWriter:
    """The writer for a findings format named on the command line."""
    module = importlib.import_module(FINDINGS_FORMATS[name])
    writer: FindingsWriter = module.write
    return writer
