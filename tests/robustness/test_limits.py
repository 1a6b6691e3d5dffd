"""Bounded cost: alias bombs, deep nesting and oversized files are refused fast and small."""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hostile import FIXTURES, assert_clean

from cjmap.loader import DEFAULT_MAX_SIZE, MAX_ALIAS_NODES, MAX_DEPTH, load_text
from conftest import MINIMAL, run_cli


def _laughs(levels: int, width: int) -> str:
    lines = ["cjmap: 1", "l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("levels", "width"),
    [(10, 9), (30, 10), (64, 2)],  # up to 10**30 and 2**64 nodes if expanded
)
def test_alias_bomb_is_refused_fast_and_small(levels: int, width: int) -> None:
    text = _laughs(levels, width)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        document = load_text(text, "bomb.yaml")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [f.code for f in document.findings] == ["E005"]
    assert f"{MAX_ALIAS_NODES:,}" in document.findings[0].message
    assert elapsed < 5, f"took {elapsed:.1f}s"
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_alias_bomb_does_not_grow_the_process(tmp_path: Path) -> None:
    # tracemalloc sees only Python objects; the resident size of a fresh process sees all.
    path = tmp_path / "bomb.yaml"
    path.write_text(_laughs(64, 2))
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from cjmap.loader import load_text\n"
        "from cjmap.validate import validate_document, validate_path\n"
        "validate_document(load_text('cjmap: 1\\n', 'warm-up.yaml'))  # imports done\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "codes = [f.code for f in validate_path(Path(sys.argv[1])).findings]\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(codes, after - before)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    codes, growth_kb = completed.stdout.rsplit(" ", 1)
    assert codes == "['E005']"
    assert int(growth_kb) < 30_000, f"grew by {int(growth_kb) // 1024} MB"


def test_alias_bomb_through_the_cli_is_fast() -> None:
    started = time.perf_counter()
    result = run_cli("validate", FIXTURES / "alias-bomb.yaml")
    assert time.perf_counter() - started < 5
    found = assert_clean(result, 1)
    assert [code for *_, code in found] == ["E005"]


def test_aliases_below_the_limit_work() -> None:
    # 9**4 = 6,561 list items reached through aliases: plain reuse, well under the limit.
    document = load_text(_laughs(4, 9), "ok.yaml")
    assert document.findings == []
    assert len(document.data["l3"][0][0]) == 9


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_thousands_of_levels_is_an_error_not_a_recursion_error(opener: str) -> None:
    closer = {"[": "]", "{a: ": "}", "- ": ""}[opener]
    text = "cjmap: 1\nmap:\n  " + opener * 20_000 + "x" + closer * 20_000 + "\n"
    started = time.perf_counter()
    document = load_text(text, "deep.yaml")
    assert time.perf_counter() - started < 5
    assert [f.code for f in document.findings] == ["E006"]
    assert f"more than {MAX_DEPTH} levels" in document.findings[0].message


def test_nesting_just_under_the_limit_is_validated(write_map) -> None:  # type: ignore[no-untyped-def]
    # Deep but allowed data in a map's own x- key and in a wrong place both pass the
    # loader; validation then answers without recursing into trouble.
    deep = "[" * (MAX_DEPTH - 5) + "1" + "]" * (MAX_DEPTH - 5)
    path = write_map(
        MINIMAL.replace("  title: Minimal map\n", f"  title: Minimal map\n  x-deep: {deep}\n")
    )
    assert_clean(run_cli("validate", path), 0)
    path = write_map(MINIMAL.replace("  title: Minimal map\n", f"  title: {deep}\n"), "bad.yaml")
    found = assert_clean(run_cli("validate", path), 1)
    assert [(line, col, code) for _, line, col, code in found] == [(3, 10, "E102")]


def test_file_over_the_default_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    # A sparse file: 32 MB + 1 of NUL bytes costs no disk, and would be E004 if it were read.
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_SIZE + 1)
    started = time.perf_counter()
    result = run_cli("validate", path)
    assert time.perf_counter() - started < 5
    found = assert_clean(result, 1)
    assert [(line, col, code) for _, line, col, code in found] == [(1, 1, "E007")]
    assert "33,554,433 bytes, over the 33,554,432-byte limit (raise it with --max-size)" in (
        result.stdout
    )


def test_max_size_changes_the_limit(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(MINIMAL)
    size = len(MINIMAL.encode())
    found = assert_clean(run_cli("validate", "--max-size", str(size - 1), path), 1)
    assert [code for *_, code in found] == ["E007"]
    assert_clean(run_cli("validate", "--max-size", str(size), path), 0)


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_max_size_must_be_a_positive_number(write_map, value: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("validate", "--max-size", value, write_map(MINIMAL))
    assert result.exit_code == 2
    assert "--max-size" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("limit", ["30000000000", "9223372036854775807", "1" + "0" * 30])
@pytest.mark.parametrize("command", ["validate", "lint", "pains", "gaps", "diff"])
def test_a_limit_beyond_memory_reads_the_map_as_it_is(  # type: ignore[no-untyped-def]
    write_map, command: str, limit: str
) -> None:
    # The reader once allocated the limit + 1 bytes up front: MemoryError or OverflowError.
    path = write_map(MINIMAL)
    paths = [path, path] if command == "diff" else [path]
    result = run_cli(command, "--max-size", limit, *paths)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stderr == ""
    if command == "validate":
        assert result.stdout.splitlines() == ["No problems found in 1 map."]


def test_a_limit_beyond_memory_still_refuses_a_larger_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(30_000_000_001)  # sparse: no disk used, and never read
    result = run_cli("validate", "--max-size", "30000000000", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}:1:1: E007 the file is 30,000,000,001 bytes, over the 30,000,000,000-byte limit "
        "(raise it with --max-size)"
    )
    assert len(result.stdout.splitlines()) == 2  # the finding and the summary
