"""Importers: journeys kept elsewhere (Mermaid diagrams, spreadsheets) as cjmap maps.

Each source is one module with a ``read`` function that takes the source file's
bytes and gives one or more :class:`~cjmap.importers.draft.Draft` maps; ``draft``
makes ids and collects what could not be carried over, and ``yamltext`` writes a
draft as the text of a map. ``import`` is a Python keyword, hence the package name.
"""

from __future__ import annotations

# Sources: name -> module with ``read(raw, display, options) -> list[Draft]``.
SOURCES: dict[str, str] = {
    "mermaid": "cjmap.importers.mermaid",
    "csv": "cjmap.importers.csv",
    "xlsx": "cjmap.importers.xlsx",
}
