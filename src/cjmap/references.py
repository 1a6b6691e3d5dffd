"""Duplicate ids and references to ids that do not exist, over a map's plain data.

Runs whatever the schema found, so that one run reports every problem; each check
looks only at values of the right type and leaves the others to the schema.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from contextlib import suppress
from typing import Any

from cjmap.findings import Finding, error
from cjmap.loader import Document, PathKey
from cjmap.naming import KINDS, describe
from cjmap.text import suggest

# What an opportunity may address.
_ADDRESSABLE = ("pains", "touchpoints", "stages")
# How a message names one item of each kind of id, pains included.
_SINGULAR = {**KINDS, "pains": "pain"}
# What an action must name at least one of.
_ACTION_TARGETS = ("touchpoints", "pains", "opportunity")


def items(data: dict[str, Any], kind: str) -> list[tuple[int, dict[str, Any]]]:
    """The mappings of a top-level list, with their positions."""
    found = data.get(kind)
    if not isinstance(found, list):
        return []
    return [(index, item) for index, item in enumerate(found) if isinstance(item, dict)]


def _folded(text: str) -> str:
    """A name as compared with a reference: case and runs of blanks do not matter."""
    return " ".join(text.casefold().split())


def _pains(data: dict[str, Any]) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    """Every pain written as a mapping, in stages then touchpoints, with its path."""
    for kind in ("stages", "touchpoints"):
        for index, item in items(data, kind):
            pains = item.get("pains")
            if isinstance(pains, list):
                for position, pain in enumerate(pains):
                    if isinstance(pain, dict):
                        yield (kind, index, "pains", position), pain


class _References:
    """The ids a map defines, and the findings about its references, gathered in one pass."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.data: dict[str, Any] = document.data
        self.findings: list[Finding] = []
        self.defined: dict[str, typing.AbstractSet[str]] = {
            kind: self._unique_ids(((kind, index), item) for index, item in items(self.data, kind))
            for kind in KINDS
        }
        self.defined["pains"] = self._unique_ids(_pains(self.data), singular="pain")

    def _unique_ids(
        self,
        holders: typing.Iterable[tuple[PathKey, dict[str, Any]]],
        singular: str | None = None,
    ) -> typing.AbstractSet[str]:
        first_seen: dict[str, PathKey] = {}
        for path, item in holders:
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id not in first_seen:
                first_seen[item_id] = path
                continue
            first_line = self.document.locate((*first_seen[item_id], "id"))[0]
            line, column = self.document.locate((*path, "id"))
            self.findings.append(
                error(
                    self.document.path,
                    line,
                    column,
                    "E105",
                    f"{singular or _SINGULAR[str(path[0])]} id '{item_id}' is used twice "
                    f"(first at line {first_line}); ids must be unique",
                )
            )
        return first_seen.keys()

    def add(self, path: PathKey, code: str, message: str, *, key: bool = False) -> None:
        line, column = self.document.locate(path, key=key)
        self.findings.append(error(self.document.path, line, column, code, message))

    # The item that holds a reference is named only for a message: describing every
    # touchpoint up front cost more than all the checks on a valid map.
    def check(self, path: PathKey, value: object, kind: str, code: str) -> None:
        if isinstance(value, str) and value not in self.defined[kind]:
            owner = describe(self.data, path[:2])
            self.add(
                path,
                code,
                f"{owner} names {_SINGULAR[kind]} '{value}', which is not defined"
                f"{self.meant(value, kind)}",
            )

    def meant(self, value: str, kind: str) -> str:
        """'; did you mean ...?' for a reference: the id of the item with that name, when
        the reference is an item's name instead of its id, else the closest id."""
        for _, item in items(self.data, kind):
            name = item.get("name", item.get("title"))
            if isinstance(name, str) and _folded(name) == _folded(value):
                item_id = item.get("id")
                if isinstance(item_id, str):
                    return f"; did you mean '{item_id}', the id of {_SINGULAR[kind]} '{name}'?"
        return suggest(value, self.defined[kind])

    def check_list(self, path: PathKey, values: object, kind: str, code: str) -> None:
        if not isinstance(values, list):
            return
        with suppress(TypeError):  # an unhashable item: looked at one by one below
            if self.defined[kind] >= set(values):  # the common case, in one step
                return
        for position, value in enumerate(values):
            self.check((*path, position), value, kind, code)

    def check_keys(self, path: PathKey, scores: object, kind: str, code: str) -> None:
        """The keys of a mapping of scores (emotion per persona, curves) name defined ids."""
        if not isinstance(scores, dict) or scores.keys() <= self.defined[kind]:
            return
        owner = describe(self.data, path[:2])
        for name in scores:
            if isinstance(name, str) and name not in self.defined[kind]:
                self.add(
                    (*path, name),
                    code,
                    f"'{path[-1]}' of {owner} scores {KINDS[kind]} '{name}', which is not "
                    f"defined{self.meant(name, kind)}",
                    key=True,
                )

    def check_addressed(self, path: PathKey, values: object) -> None:
        """An opportunity's ``addresses``: each the id of a pain, a touchpoint or a stage."""
        if not isinstance(values, list):
            return
        known = [self.defined[kind] for kind in _ADDRESSABLE]
        for position, value in enumerate(values):
            if isinstance(value, str) and not any(value in ids for ids in known):
                everything = [name for ids in known for name in ids]
                self.add(
                    (*path, position),
                    "E209",
                    f"{describe(self.data, path[:2])} addresses '{value}', which is not the id "
                    f"of a pain, a touchpoint or a stage{suggest(value, everything)}",
                )

    def check_scored(self, kind: str) -> None:
        """Emotion per persona and curve scores of stages or touchpoints."""
        for index, item in items(self.data, kind):
            if isinstance(item.get("emotion"), dict):
                self.check_keys((kind, index, "emotion"), item["emotion"], "personas", "E203")
            if "curves" in item:
                self.check_keys((kind, index, "curves"), item["curves"], "curves", "E207")

    def check_actions(self) -> None:
        for index, item in items(self.data, "actions"):
            path = ("actions", index)
            self.check_list((*path, "touchpoints"), item.get("touchpoints"), "touchpoints", "E204")
            self.check_list((*path, "pains"), item.get("pains"), "pains", "E205")
            self.check((*path, "opportunity"), item.get("opportunity"), "opportunities", "E206")
            if not any(item.get(key) is not None for key in _ACTION_TARGETS):
                self.add(
                    path,
                    "E101",
                    f"{describe(self.data, path)} names nothing it improves: add "
                    "'touchpoints', 'pains' (pain ids) or 'opportunity'",
                )


def reference_findings(document: Document) -> list[Finding]:
    """Duplicate ids and references to ids that do not exist, over the plain data."""
    refs = _References(document)
    for index, item in items(refs.data, "touchpoints"):
        path = ("touchpoints", index)
        refs.check((*path, "stage"), item.get("stage"), "stages", "E201")
        refs.check_list((*path, "channels"), item.get("channels"), "channels", "E202")
        refs.check_list((*path, "personas"), item.get("personas"), "personas", "E203")
        if "organisation" in item:
            refs.check((*path, "organisation"), item["organisation"], "organisations", "E208")
    refs.check_scored("stages")
    refs.check_scored("touchpoints")
    for index, item in items(refs.data, "journeys"):
        refs.check(("journeys", index, "persona"), item.get("persona"), "personas", "E203")
        refs.check_list(("journeys", index, "steps"), item.get("steps"), "touchpoints", "E204")
    for index, item in items(refs.data, "opportunities"):
        refs.check_addressed(("opportunities", index, "addresses"), item.get("addresses"))
    refs.check_actions()
    return refs.findings
