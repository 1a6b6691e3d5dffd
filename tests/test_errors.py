"""The one error base: exit codes, one-line messages, and the handler at the boundary."""

from __future__ import annotations

import errno
import io
from pathlib import Path

from cjmap.errors import EXIT_PROBLEMS, EXIT_USAGE, CjmapError, UsageError, cannot, report
from conftest import run_cli


def test_the_base_means_a_map_problem_and_a_usage_error_means_exit_2() -> None:
    assert CjmapError("x").exit_code == EXIT_PROBLEMS == 1
    assert UsageError("x").exit_code == EXIT_USAGE == 2
    assert CjmapError("x", exit_code=2).exit_code == 2
    assert isinstance(UsageError("x"), CjmapError)
    assert UsageError("bad --by").message == "bad --by"


def test_a_subclass_sets_its_exit_code_once() -> None:
    class DrawError(CjmapError):
        exit_code = 1

    class PathError(UsageError):
        pass

    assert DrawError("x").exit_code == 1
    assert PathError("x").exit_code == 2


def test_an_os_error_reads_as_one_line() -> None:
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "a.yaml")
    assert cannot("a.yaml", "read", missing) == "a.yaml: cannot read (No such file or directory)"
    # An OSError without strerror still says something.
    assert cannot("out", "write", OSError("disk on fire")) == "out: cannot write (disk on fire)"


def test_the_handler_prints_one_prefixed_line_and_gives_the_code() -> None:
    stream = io.StringIO()
    assert report(UsageError("--jobs must be positive"), stream) == 2
    assert stream.getvalue() == "cjmap: error: --jobs must be positive\n"


def test_a_command_turns_the_error_into_its_line_and_exit_code(tmp_path: Path) -> None:
    result = run_cli("gaps", tmp_path, "--by", "nobody")
    assert result.exit_code == 2
    assert result.stderr.startswith("cjmap: error: --by 'nobody' is not one of")
    assert "Traceback" not in result.stderr


# Exceptions that never reach a user: each is caught and turned into a finding or an
# LSP answer inside the module that raises it.
INTERNAL_EXCEPTIONS = {
    "cjmap.yaml.build.Abort",
    "cjmap.yaml.events.ParseError",
    "cjmap.lsp.navigate.RefusedError",
}


def test_every_error_class_derives_from_the_one_base() -> None:
    """An exception class defined anywhere in cjmap is a CjmapError, so the one handler
    at the boundary reports it as one line with its exit code."""
    import ast
    import importlib

    import cjmap
    from cjmap.errors import CjmapError

    root = Path(cjmap.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                cls = getattr(importlib.import_module(module), node.name)
                if isinstance(cls, type) and issubclass(cls, BaseException):
                    found.append(f"{module}.{node.name}")
                    if f"{module}.{node.name}" not in INTERNAL_EXCEPTIONS:
                        assert issubclass(cls, CjmapError), f"{module}.{node.name}"
    assert len(found) > 10  # the walk really saw the error classes
