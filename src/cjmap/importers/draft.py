"""What every importer builds: a draft map as plain data, with ids made from names.

A draft keeps its items in the order the map will list them, the source's name
for the top comment, what could not be carried over, and warnings that name the
source's lines. ``yamltext`` writes it as a map.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cjmap.errors import EXIT_USAGE, CjmapError
from cjmap.model import ID_PATTERN

UNSPECIFIED_CHANNEL = "unspecified"

_ID = re.compile(ID_PATTERN)
# Latin letters that Unicode does not decompose into a base letter and a mark.
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"})
_NOT_ID = re.compile(r"[^a-z0-9]+")
_MAX_ID = 48


class ImportProblem(CjmapError):
    """A source that cannot be imported: not a journey, no touchpoint column... (exit 1)."""


class ImportUsageError(ImportProblem):
    """An unusable path, an option the source cannot honour, a missing optional extra (exit 2)."""

    exit_code = EXIT_USAGE


def text_of(raw: bytes, display: str) -> str:
    """A source file's bytes as text (UTF-8, a BOM allowed); ImportProblem otherwise."""
    from cjmap.loader import decode

    text = decode(raw, display)
    if not isinstance(text, str):
        raise ImportProblem(f"{display}:{text.line}: {text.message}")
    return text


def slug(name: str) -> str:
    """An id made from a name: lowercase ASCII words joined by hyphens ('' when none)."""
    flat = unicodedata.normalize("NFKD", name.lower().translate(_LATIN))
    ascii_only = flat.encode("ascii", "ignore").decode("ascii")
    words = _NOT_ID.sub("-", ascii_only).strip("-")
    if len(words) > _MAX_ID:
        cut = words[:_MAX_ID]
        words = cut[: cut.rfind("-")] if "-" in cut else cut
    return words


def valid_id(text: str) -> bool:
    return _ID.match(text) is not None


class Ids:
    """Unique ids of one kind (stage, touchpoint...), kept from the source or made from names."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.taken: set[str] = set()
        self.count = 0

    def make(self, name: str, given: str | None = None) -> str:
        """The id for the next item: ``given`` when it is a valid id not yet taken, else
        one made from ``name`` (``stage-3`` for a name with no Latin letters), made unique."""
        self.count += 1
        if given is not None and valid_id(given) and given not in self.taken:
            self.taken.add(given)
            return given
        base = slug(name) or f"{self.kind}-{self.count}"
        made, number = base, 2
        while made in self.taken:
            made, number = f"{base}-{number}", number + 1
        self.taken.add(made)
        return made


@dataclass(frozen=True)
class ImportOptions:
    """What the user said about the source.

    ``index``: import the index-th journey of a file (1-based); ``every``: import all
    of them (``--out-dir``); ``sheet``: the xlsx sheet; ``transposed``: stages as
    columns (None: recognise it); ``columns``: header -> field, for headers not
    recognised; ``scale``: the emotion scale of the source (``-2-2``, ``1-5``...).
    """

    index: int | None = None
    every: bool = False
    sheet: str | None = None
    transposed: bool | None = None
    columns: tuple[tuple[str, str], ...] = ()
    scale: str = "-2-2"


@dataclass
class Draft:
    """A map being imported: plain data in the map's order, and what the source lacked.

    ``source`` names the source for people (a path, plus which journey of a file);
    ``lost`` lists what could not be carried over, one short phrase each; ``warnings``
    are lines for stderr that name the source's lines; ``comments`` put a comment above
    a top-level key of the map.
    """

    source: str
    title: str
    personas: list[dict[str, Any]] = field(default_factory=list)
    stages: list[dict[str, Any]] = field(default_factory=list)
    channels: list[dict[str, Any]] = field(default_factory=list)
    touchpoints: list[dict[str, Any]] = field(default_factory=list)
    journeys: list[dict[str, Any]] = field(default_factory=list)
    opportunities: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    map_extra: dict[str, Any] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)

    def need_channel(self) -> str:
        """The id of the ``unspecified`` channel, added (with a comment) on first use."""
        if not any(channel["id"] == UNSPECIFIED_CHANNEL for channel in self.channels):
            self.channels.append({"id": UNSPECIFIED_CHANNEL, "name": "Unspecified"})
            self.lost.append("channels (the source names none)")
            self.comments["channels"] = (
                "The source names no channel: replace 'unspecified' with the real ones "
                "(website, app, store, phone, mail...) and name them in each touchpoint."
            )
        return UNSPECIFIED_CHANNEL

    def data(self) -> dict[str, Any]:
        """The map as plain data, keys in the order the map lists them."""
        info: dict[str, Any] = {"title": self.title, **self.map_extra}
        data: dict[str, Any] = {"cjmap": 1, "map": info}
        keys = ("personas", "organisations", "stages", "channels", "touchpoints", "journeys")
        for key in (*keys, "opportunities"):
            items = getattr(self, key)
            if items or key in ("stages", "channels"):
                data[key] = items
        return data

    def summary(self) -> str:
        """One line for stderr: what was imported and what was not."""
        counts = [
            plural(len(self.stages), "stage"),
            plural(len(self.touchpoints), "touchpoint"),
            plural(len(self.personas), "persona"),
        ]
        text = f"imported {self.source}: {', '.join(counts)}"
        return text + (f"; not carried over: {'; '.join(self.lost)}" if self.lost else "")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
