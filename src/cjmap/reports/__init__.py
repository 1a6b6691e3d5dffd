"""Reports over valid maps: plain functions from maps and options to a Table of rows.

``pains`` lists where the customer hurts, worst first; ``gaps`` lists the parts of
the lifecycle nobody has mapped. Both take :class:`ValidMap` values (a map's model
plus its document, for line numbers) and return a :class:`~cjmap.writers.table.Table`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cjmap.loader import Document
from cjmap.model import CJMap
from cjmap.validate import Checked, suggest


@dataclass(frozen=True)
class ValidMap:
    """A map that passed validation: its model, and its document for line numbers."""

    document: Document
    model: CJMap

    @property
    def path(self) -> str:
        return self.document.path


def valid_maps(checked: Iterable[Checked]) -> list[ValidMap]:
    """The maps that validated, in the order given; the others are left out."""
    return [ValidMap(item.document, item.model) for item in checked if item.model is not None]


class UnknownIdError(ValueError):
    """An option names an id that no map defines (a usage error, with a suggestion)."""


def require_known(option: str, kind: str, wanted: Sequence[str], defined: Iterable[str]) -> None:
    """Raise UnknownIdError for the first wanted id that is not among the defined ones."""
    known = sorted(set(defined))
    for item in wanted:
        if item in known:
            continue
        hint = suggest(item, known)
        if not hint and not known:
            hint = "; the maps define none"
        elif not hint:
            more = f" and {len(known) - 8} more" if len(known) > 8 else ""
            hint = f"; the maps define {', '.join(known[:8])}{more}"
        raise UnknownIdError(f"{option} '{item}' is not a {kind} id in any of the maps{hint}")


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 map', '3 maps'."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
