"""Read a map file into plain Python data, with positions found on demand.

The work is done in :mod:`cjmap.yaml`, one module per concern; this module names what
the rest of cjmap uses of it, so that callers need not know that layout.
"""

from __future__ import annotations

from cjmap.yaml.build import MAX_ALIAS_NODES, MAX_DEPTH, parse
from cjmap.yaml.discovery import expand_paths, is_map_file
from cjmap.yaml.document import Document
from cjmap.yaml.events import Position, gc_paused
from cjmap.yaml.files import DEFAULT_MAX_SIZE, InputError, decode, read_bytes, too_large
from cjmap.yaml.load import load, load_bytes, load_text
from cjmap.yaml.marks import MarkPositions
from cjmap.yaml.positions import PathKey, Positions, compute_positions
from cjmap.yaml.scalars import resolve_plain

__all__ = [
    "DEFAULT_MAX_SIZE",
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "Document",
    "InputError",
    "MarkPositions",
    "PathKey",
    "Position",
    "Positions",
    "compute_positions",
    "decode",
    "expand_paths",
    "gc_paused",
    "is_map_file",
    "load",
    "load_bytes",
    "load_text",
    "parse",
    "read_bytes",
    "resolve_plain",
    "too_large",
]
