"""Entry point for ``python -m cjmap`` and the ``cjmap`` script."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Answer before typer, rich or pydantic are imported.
        from cjmap import __version__

        print(f"cjmap {__version__}")
        return
    from cjmap.cli import run

    run()


if __name__ == "__main__":
    main()
