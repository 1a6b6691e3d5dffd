"""Reports over valid maps: plain functions from maps and options to a Table of rows.

``pains`` lists where the customer hurts, worst first; ``gaps`` lists the parts of
the lifecycle nobody has mapped. Both take :class:`ValidMap` values (a map's model
plus its document, for line numbers) and return a :class:`~cjmap.reports.table.Table`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

# Counted nouns moved to cjmap.text; ``plural`` stays importable from here.
from cjmap.errors import UsageError
from cjmap.text import plural as plural
from cjmap.text import unknown_id

if TYPE_CHECKING:
    from cjmap.loader import Document
    from cjmap.model import CJMap
    from cjmap.validate import Checked


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


class UnknownIdError(UsageError):
    """An option names an id that no map defines (a usage error, with a suggestion)."""


def require_known(option: str, kind: str, wanted: Sequence[str], defined: Iterable[str]) -> None:
    """Raise UnknownIdError for the first wanted id that is not among the defined ones."""
    message = unknown_id(option, kind, wanted, defined)
    if message:
        raise UnknownIdError(message)
