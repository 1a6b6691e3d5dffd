"""Entry point for ``python -m cjmap`` and the ``cjmap`` script."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Answer before typer, rich or pydantic are imported.
        from cjmap import __version__

        print(f"cjmap {__version__}")
        return
    import gc

    from cjmap.cli import run

    try:
        run()
    finally:
        # On its way out Python collects garbage over every object still alive (typer's,
        # pydantic's): about 40 ms, a fifth of a small map's check, to free nothing a
        # finished command needs. Frozen objects are left out of those collections.
        gc.freeze()


if __name__ == "__main__":
    main()
