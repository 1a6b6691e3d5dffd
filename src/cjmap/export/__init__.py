"""Exports: a valid map as text in a format people already read elsewhere.

``mermaid``: a journey diagram that GitHub draws; ``markdown``: a document of the
whole map for wikis and READMEs; ``csv``: the touchpoint inventory for spreadsheets;
``json``: the whole map, or its touchpoint inventory, for other tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmap.choices import EXPORT_TARGETS
from cjmap.errors import UsageError
from cjmap.model import CJMap, Metric
from cjmap.text import amount, suggest
from cjmap.yaml.document import Document

# The export formats are registered in cjmap.choices.EXPORT_TARGETS.
FORMATS = EXPORT_TARGETS.names


@dataclass(frozen=True)
class ExportOptions:
    """``journey``: draw this journey's steps (an id the map defines) in the Mermaid
    diagram; ``mermaid``: embed the diagram in the Markdown document; ``inventory``: the
    flat touchpoint inventory instead of the whole map (json); ``document``: the loaded
    map, for the source positions and ``x-`` keys that the model does not keep (json)."""

    journey: str | None = None
    mermaid: bool = False
    inventory: bool = False
    document: Document | None = None


class ExportError(UsageError):
    """An option the map cannot honour, such as a journey id it does not define."""


def export_map(model: CJMap, to: str, options: ExportOptions | None = None) -> str:
    """The map as text in one export format (a name in EXPORT_TARGETS).

    Raises ExportError when ``options.journey`` is not a journey of the map.
    """
    options = options or ExportOptions()
    if options.journey is not None and options.journey not in model.journeys_by_id:
        known = list(model.journeys_by_id)
        hint = suggest(options.journey, known) or (
            f"; it defines {', '.join(known)}" if known else "; it defines none"
        )
        raise ExportError(f"the map has no journey '{options.journey}'{hint}")
    text: str = EXPORT_TARGETS.load(to)(model, options)
    return text


def output_name(path: str | Path, to: str) -> str:
    """The file name an export of the map at ``path`` gets in --out-dir."""
    return Path(path).stem + EXPORT_TARGETS[to].suffix


def metric_text(metric: Metric) -> str:
    """A metric on one line: 'Checkout abandonment: 64% (target 35%, lower is better)'."""
    details = []
    if metric.target is not None:
        details.append(f"target {amount(metric.target, metric.unit)}")
    details.append(f"{metric.better} is better")
    return f"{metric.name}: {amount(metric.value, metric.unit)} ({', '.join(details)})"
