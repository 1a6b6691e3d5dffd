"""The commands: one module each, a typed function from options to an exit code.

Each module holds a frozen dataclass ``Options`` and ``run(options) -> int``, which reads
as load -> compute -> emit: load the maps (:mod:`cjmap.validate`), compute with the
library (checks, reports, render, export), emit through :mod:`cjmap.output`. It returns
0, 1 (:data:`cjmap.errors.EXIT_PROBLEMS`) or 2 (:data:`cjmap.errors.EXIT_USAGE`), and
raises :class:`cjmap.errors.CjmapError` for anything the user caused; the command line
turns that into one line and its exit code. A command never prints a traceback, calls
``sys.exit`` or imports typer.

Start-up stays lean: a module imports at its top only what every run needs (dataclasses,
pathlib, typing); the library it calls is imported inside ``run``, so a command pays
only for what it uses (tests/test_startup.py checks it). ``Options`` is declared
``@dataclass(frozen=True, eq=False, repr=False)``: no command compares or prints its
options, and generating those methods is a measurable part of a small map's check.

To add a command ``share`` (a command named by a Python keyword, such as ``import``,
lives in a module with a trailing underscore, ``import_.py``):

1. Write ``cjmap/commands/share.py`` with ``Options`` and ``run``, following
   :mod:`cjmap.commands.schema` (the smallest) or :mod:`cjmap.commands.export` (maps in,
   files out). Use :mod:`cjmap.commands.common` to load maps and report what was left
   out, and :mod:`cjmap.output` for stdout, ``-o`` and ``--out-dir``.
2. Declare it in ``cjmap/cli/share.py``: one ``@command`` function whose parameters are
   the options (reuse ``PathsArgument``, ``ReportOutputOption`` and the other shared
   options of :mod:`cjmap.cli.common`, and a registry of :mod:`cjmap.choices` for any
   ``--format``), and whose body is one line,
   ``finish(share.run, share.Options(...))`` (import the module inside the function).
   Then add its line to ``COMMANDS`` in :mod:`cjmap.cli`.
3. Test it through ``run_cli`` (tests/conftest.py), and document it in the README.
"""
