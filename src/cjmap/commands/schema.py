"""``cjmap schema``: print the JSON Schema of the map format."""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.errors import EXIT_OK


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    pass


def run(options: Options) -> int:
    from cjmap.output import Reads, as_is, emit_text
    from cjmap.schema import schema_json

    text = schema_json()
    emit_text(as_is(text), None, Reads())
    return EXIT_OK
