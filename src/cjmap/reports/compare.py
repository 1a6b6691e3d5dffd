"""Comparing maps named on the command line, or with their versions at a git revision,
and finding the line of each change."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cjmap.findings import Finding
from cjmap.loader import DEFAULT_MAX_SIZE, Document, load
from cjmap.model import CJMap
from cjmap.reports.changes import ITEM_KINDS, Change, MapDiff, Version
from cjmap.reports.diff import diff_maps
from cjmap.validate import validate_document

# Where the changes inside a touchpoint are found.
_HELD = ITEM_KINDS["touchpoint"]
# Changes that say an item is no longer in the new version: their line is in the old one.
# Changes that say an item is no longer in the new version: their line is in the old one.
_GONE = frozenset({"removed", "gone", "lost"})
# Changes of one field of a touchpoint, located at that field.
_FIELDS = {"emotion": "emotion", "moment_of_truth": "moment_of_truth"}


def with_lines(diff: MapDiff, old: Document, new: Document) -> MapDiff:
    """The diff with each change's line: where its item is in ``new`` (``old`` if gone)."""
    if not isinstance(old.data, dict) or not isinstance(new.data, dict):
        return diff
    indexes: dict[tuple[int, str], dict[Any, int]] = {}

    def index_of(document: Document, items_key: str, item_id: str) -> int | None:
        known = indexes.get((id(document), items_key))
        if known is None:
            items = document.data.get(items_key)
            known = {
                item.get("id"): number
                for number, item in enumerate(items if isinstance(items, list) else ())
                if isinstance(item, dict)
            }
            indexes[(id(document), items_key)] = known
        return known.get(item_id)

    def line_of(change: Change) -> int:
        document = old if change.change in _GONE else new
        # A field that changed is found at itself (at its item when the field is gone).
        field_name = _FIELDS.get(change.kind) or (
            change.subject if change.change == "changed" else None
        )
        if change.kind == "map":
            return document.locate(("map", field_name) if field_name else ("map",))[0]
        items_key = "stages" if change.on == "stage" else ITEM_KINDS.get(change.kind, _HELD)[0]
        index = index_of(document, items_key, change.id)
        if index is None:
            return document.locate((items_key,))[0]
        path = (items_key, index) if field_name is None else (items_key, index, field_name)
        return document.locate(path)[0]

    return replace(diff, changes=tuple(replace(c, line=line_of(c)) for c in diff.changes))


def added_map(path: str, model: CJMap) -> MapDiff:
    """A map that exists only in the new version (comparing folders)."""
    return MapDiff(None, Version.of(path, model))


def removed_map(path: str, model: CJMap) -> MapDiff:
    """A map that exists only in the old version (comparing folders)."""
    return MapDiff(Version.of(path, model), None)


# --- Comparing files and git revisions -------------------------------------------


@dataclass
class Comparison:
    """The diffs of one run, and the findings of maps that could not be compared."""

    diffs: list[MapDiff] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def load_argument(argument: str, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Load a map named on the command line: a file, or ``REV:PATH`` read from git.

    Raises InputError when the file (or revision) does not exist.
    """
    from cjmap.gitrev import load_at_revision, parse_rev_path

    spec = parse_rev_path(argument)
    if spec is not None:
        return load_at_revision(spec, max_size)
    return load(Path(argument), max_size=max_size)


def _validated(comparison: Comparison, document: Document | None) -> CJMap | None:
    if document is None:
        return None
    checked = validate_document(document)
    comparison.findings.extend(checked.findings)
    return checked.model


def _compare(comparison: Comparison, old: Document | None, new: Document | None) -> None:
    """Add the diff of two versions, or the findings of a version that is not valid."""
    old_model, new_model = _validated(comparison, old), _validated(comparison, new)
    if old is not None and new is not None:
        if old_model is not None and new_model is not None:
            diff = diff_maps(old_model, new_model, old.path, new.path)
            comparison.diffs.append(with_lines(diff, old, new))
    elif new is not None and new_model is not None:
        comparison.diffs.append(added_map(new.path, new_model))
    elif old is not None and old_model is not None:
        comparison.diffs.append(removed_map(old.path, old_model))


def compare_arguments(old: str, new: str, max_size: int = DEFAULT_MAX_SIZE) -> Comparison:
    """Compare two maps named on the command line (files or ``REV:PATH``)."""
    comparison = Comparison()
    _compare(comparison, load_argument(old, max_size), load_argument(new, max_size))
    return comparison


def _relative(path: Path | str) -> str:
    return os.path.normpath(os.path.relpath(path))


def compare_with_revision(
    rev: str, paths: Sequence[Path], max_size: int = DEFAULT_MAX_SIZE
) -> Comparison:
    """Compare every map in the given files and folders with its version at a git revision.

    A map found only in the working tree is new; a map found only at the revision
    was removed. Raises InputError for a path that exists in neither.
    """
    from cjmap.gitrev import RevPath, check_revision, load_at_revision, yaml_files_at_revision
    from cjmap.loader import InputError, expand_paths

    check_revision(rev)
    here: set[str] = set()
    there: set[str] = set()
    for path in paths:
        at_revision = {os.path.normpath(name) for name in yaml_files_at_revision(rev, path)}
        files, _, problems = expand_paths([path]) if path.exists() else ([], [], [])
        if not files and not at_revision:
            raise InputError(problems[0] if problems else f"{path}: no such file or folder")
        here.update(_relative(file) for file in files)
        there.update(at_revision)

    comparison = Comparison()
    for name in sorted(here | there):
        new = load(Path(name), max_size=max_size) if name in here else None
        old = load_at_revision(RevPath(rev, name), max_size) if name in there else None
        if (
            new is None
            and old is not None
            and old.text  # one too large to read is reported, as it may be a map
            and not (isinstance(old.data, dict) and "cjmap" in old.data)
        ):
            continue  # a YAML file at the revision that is not a map
        _compare(comparison, old, new)
    return comparison
