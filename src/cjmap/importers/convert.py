"""Read a source file, hand it to its importer, and write each draft as a checked map."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmap.choices import IMPORT_SOURCES
from cjmap.importers.draft import Draft, ImportOptions, ImportProblem
from cjmap.importers.yamltext import map_text
from cjmap.loader import DEFAULT_MAX_SIZE, load_text, read_bytes
from cjmap.validate import validate_document


@dataclass(frozen=True)
class Imported:
    """One imported map: the draft (for its summary and warnings) and the map's text."""

    draft: Draft
    text: str


def import_file(
    path: Path,
    source: str,
    options: ImportOptions | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> list[Imported]:
    """The maps that a source file holds, as text that validates.

    Raises ImportProblem for a file that cannot be imported (exit 1), and a
    UsageError for an unusable path, option or missing extra (exit 2).
    """
    options = options or ImportOptions()
    display = str(path)
    raw = read_bytes(path, max_size)  # an unusable path raises a UsageError
    if not isinstance(raw, bytes):  # too large
        raise ImportProblem(f"{display}: {raw.message}")
    drafts: list[Draft] = IMPORT_SOURCES.load(source)(raw, display, options)
    return [Imported(draft, checked_text(draft, source)) for draft in drafts]


def checked_text(draft: Draft, source: str) -> str:
    """The draft's map text, read back through cjmap's own loader and checks."""
    text = map_text(draft, f"cjmap import --from {source}")
    findings = validate_document(load_text(text, draft.source)).findings
    if findings:  # a bug of the importer: never hand out a map that does not validate
        first = findings[0]
        raise ImportProblem(
            f"{draft.source}: the imported map would not be valid "
            f"(line {first.line}: {first.message}); nothing written"
        )
    return text
