"""Entry point for ``python -m cjmap`` and the ``cjmap`` script."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Answer before typer, rich or pydantic are imported.
        from cjmap import __version__

        print(f"cjmap {__version__}")
        return
    import gc

    # A command is one short process whose work makes no reference cycles worth
    # collecting, while the imports of typer and pydantic and the building of the
    # models allocate enough objects to set off collections that rescan them all:
    # about 5% of a small map's check. The collector stays off for the run.
    gc.disable()
    from cjmap.cli import run

    try:
        run()
    finally:
        # On its way out Python collects garbage over every object still alive (typer's,
        # pydantic's), even with the collector off: about 40 ms, a fifth of a small
        # map's check, to free nothing a finished command needs. Frozen objects are
        # left out of that collection.
        gc.freeze()


if __name__ == "__main__":
    main()
