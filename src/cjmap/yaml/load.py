"""A map file, or its text, as a Document: read, decode, parse, and report what went wrong.

The data is built in one pass without positions: that is the fast, common case of a
valid map. Line and column numbers are computed by a second pass over the same text
only when a finding needs them, or, for commands that nearly always report lines
(lint), read off the parser's marks kept during the one pass; either way they are
exact: the start of the key or value at fault. The garbage collector is paused while
either pass runs.
"""

from __future__ import annotations

from pathlib import Path

from cjmap.findings import Finding, error
from cjmap.yaml.build import Abort, parse
from cjmap.yaml.document import Document
from cjmap.yaml.events import ParseError, gc_paused
from cjmap.yaml.files import DEFAULT_MAX_SIZE, decode, read_bytes
from cjmap.yaml.marks import MarkPositions


def load_text(text: str, display: str, *, positions: bool = False) -> Document:
    """Parse already-decoded text into a Document.

    With ``positions``, the pass that builds the data also keeps the marks that give
    the positions (MarkPositions), which is cheaper than the second pass
    ``Document.positions`` makes on demand, when they are nearly always needed.
    """
    document = Document(path=display, text=text, data=None)
    marks = MarkPositions() if positions else None
    with gc_paused():
        try:
            data, findings, has_duplicates = parse(text, display, marks)
        except Abort as abort:
            document.findings.append(abort.finding)
            return document
        except ParseError as exc:
            # Only a map that is not YAML needs the wording of syntax errors (and its imports).
            from cjmap.yaml.syntax import syntax_finding

            document.findings.append(syntax_finding(display, exc, text))
            return document
    document.data = data
    document.findings.extend(findings)
    if marks is not None and marks.complete:
        document._positions = marks
    if has_duplicates:
        for key_path, first, second in document.positions.duplicates:
            document.findings.append(
                error(
                    display,
                    second[0],
                    second[1],
                    "E002",
                    f"key '{key_path[-1]}' appears twice in the same mapping "
                    f"(first at line {first[0]}, again at line {second[0]}); keep one",
                )
            )
    return document


def load(
    path: Path,
    display: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    *,
    positions: bool = False,
) -> Document:
    """Load a map file (see load_text for ``positions``). Raises InputError for an unusable path."""
    shown = display if display is not None else str(path)
    return load_bytes(read_bytes(path, max_size), shown, positions=positions)


def load_bytes(raw: bytes | Finding, display: str, *, positions: bool = False) -> Document:
    """Decode and parse a file's bytes (see load_text), or hold the finding given instead."""
    text = raw if isinstance(raw, Finding) else decode(raw, display)
    if isinstance(text, Finding):
        return Document(path=display, text="", data=None, findings=[text])
    return load_text(text, display, positions=positions)
