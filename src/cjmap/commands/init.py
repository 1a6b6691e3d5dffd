"""``cjmap init``: write a commented starter map, and the schema beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmap.errors import EXIT_OK


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    path: Path = Path("journey-map.yaml")


def run(options: Options) -> int:
    from cjmap.errors import UsageError, cannot
    from cjmap.output import make_folder, say
    from cjmap.starter import write_starter

    path = options.path
    make_folder(path.parent)  # `cjmap init maps/checkout.yaml` makes maps/ if it is missing
    try:
        written = write_starter(path)
    except FileExistsError:
        raise UsageError(f"{path} already exists; not overwritten (give another path)") from None
    except OSError as exc:
        raise UsageError(cannot(path, "write", exc)) from None
    for file in written:
        say(f"Wrote {file}")
    say(f"Next: edit it, then run: cjmap validate {path}")
    return EXIT_OK
