"""Exports: a valid map as text in a format people already read elsewhere.

``mermaid``: a journey diagram that GitHub draws; ``markdown``: a document of the
whole map for wikis and READMEs; ``csv``: the touchpoint inventory for spreadsheets.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.model import CJMap, Metric
from cjmap.text import amount, suggest

# Export formats: name -> (module, file suffix for --out-dir).
FORMATS: dict[str, tuple[str, str]] = {
    "mermaid": ("cjmap.export.mermaid", ".mmd"),
    "markdown": ("cjmap.export.markdown", ".md"),
    "csv": ("cjmap.export.csv", ".csv"),
}


@dataclass(frozen=True)
class ExportOptions:
    """``journey``: draw this journey's steps (an id the map defines) in the Mermaid
    diagram; ``mermaid``: embed the diagram in the Markdown document."""

    journey: str | None = None
    mermaid: bool = False


class ExportError(ValueError):
    """An option the map cannot honour, such as a journey id it does not define."""


def export_map(model: CJMap, to: str, options: ExportOptions | None = None) -> str:
    """The map as text in one export format (a name in FORMATS).

    Raises ExportError when ``options.journey`` is not a journey of the map.
    """
    options = options or ExportOptions()
    if options.journey is not None and options.journey not in model.journeys_by_id:
        known = list(model.journeys_by_id)
        hint = suggest(options.journey, known) or (
            f"; it defines {', '.join(known)}" if known else "; it defines none"
        )
        raise ExportError(f"the map has no journey '{options.journey}'{hint}")
    module = importlib.import_module(FORMATS[to][0])
    text: str = module.export(model, options)
    return text


def output_name(path: str | Path, to: str) -> str:
    """The file name an export of the map at ``path`` gets in --out-dir."""
    return Path(path).stem + FORMATS[to][1]


def export_files(out_dir: Path, exported: Sequence[tuple[str, str]], to: str) -> dict[Path, str]:
    """Where each (map path, export) goes in ``out_dir``, by the map file's name.

    Raises ExportError when two maps would write the same file, or when ``out_dir``
    exists but is not a folder.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir}: is a file, not a folder")
    files: dict[Path, str] = {}
    sources: dict[Path, str] = {}
    for path, text in exported:
        target = out_dir / output_name(path, to)
        if target in files:
            raise ExportError(
                f"{sources[target]} and {path} would both be exported to {target}; "
                "export them to different folders"
            )
        files[target], sources[target] = text, path
    return files


def metric_text(metric: Metric) -> str:
    """A metric on one line: 'Checkout abandonment: 64% (target 35%, lower is better)'."""
    details = []
    if metric.target is not None:
        details.append(f"target {amount(metric.target, metric.unit)}")
    details.append(f"{metric.better} is better")
    return f"{metric.name}: {amount(metric.value, metric.unit)} ({', '.join(details)})"
