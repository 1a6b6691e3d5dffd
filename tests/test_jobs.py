"""Many maps at once: --jobs, worker processes, and results in a stable order."""

from __future__ import annotations

import gc
import os
from functools import partial
from pathlib import Path

import pytest

from cjmap import jobs
from cjmap.jobs import default_jobs, map_files
from cjmap.loader import InputError
from cjmap.validate import validate_path, validate_paths
from conftest import MINIMAL, run_cli


def _name_and_pid(path: Path) -> tuple[str, int]:
    return path.name, os.getpid()


def _gc_state(path: Path) -> bool:
    return gc.isenabled()


def _refuse_odd(path: Path) -> str:
    if int(path.stem[-1]) % 2:
        raise InputError(f"{path}: odd")
    return path.stem


def _maps(folder: Path, count: int) -> list[Path]:
    """``count`` maps, every third with a broken stage reference on its line 18."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        text = (
            MINIMAL.replace("stage: awareness", "stage: awarenes") if number % 3 == 0 else MINIMAL
        )
        path = folder / f"map-{number:02d}.yaml"
        path.write_text(text)
        paths.append(path)
    return paths


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small test files would otherwise stay in one process.
    monkeypatch.setattr(jobs, "MIN_PARALLEL_BYTES", 0)


@pytest.mark.usefixtures("always_parallel")
def test_workers_share_the_files_and_results_keep_their_order(tmp_path: Path) -> None:
    files = _maps(tmp_path, 24)
    results = map_files(_name_and_pid, files, jobs=2)
    assert [name for name, _ in results] == [file.name for file in files]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids
    assert len(pids) == 2


def test_small_work_stays_in_this_process(tmp_path: Path) -> None:
    files = _maps(tmp_path, 4)
    assert {pid for _, pid in map_files(_name_and_pid, files, jobs=4)} == {os.getpid()}


@pytest.mark.parametrize("workers", [1, 2])
def test_unreadable_files_give_their_error_in_place(
    tmp_path: Path, workers: int, always_parallel: None
) -> None:
    files = [tmp_path / f"m{number}.yaml" for number in range(6)]
    for file in files:
        file.write_text("cjmap: 1\n")
    results = map_files(_refuse_odd, files, jobs=workers)
    assert [r if isinstance(r, str) else str(r) for r in results] == [
        "m0",
        f"{files[1]}: odd",
        "m2",
        f"{files[3]}: odd",
        "m4",
        f"{files[5]}: odd",
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_each_file_runs_with_the_collector_paused_then_restored(
    tmp_path: Path, workers: int, always_parallel: None
) -> None:
    assert gc.isenabled()
    assert map_files(_gc_state, _maps(tmp_path, 4), jobs=workers) == [False] * 4
    assert gc.isenabled()


@pytest.mark.usefixtures("always_parallel")
def test_validate_paths_with_jobs_gives_the_same_findings(tmp_path: Path) -> None:
    _maps(tmp_path / "maps", 12)
    (tmp_path / "maps" / "map-05.yaml").write_text("cjmap: 1\nmap: [\n")
    one = validate_paths([tmp_path / "maps"], jobs=1, keep=False)
    two = validate_paths([tmp_path / "maps"], jobs=2, keep=False)
    assert two.findings == one.findings
    assert [item.path for item in two.checked] == [item.path for item in one.checked]
    assert [(f.path[-11:], f.line, f.code) for f in two.findings] == [
        ("map-00.yaml", 18, "E201"),
        ("map-03.yaml", 18, "E201"),
        ("map-05.yaml", 3, "E001"),
        ("map-06.yaml", 18, "E201"),
        ("map-09.yaml", 18, "E201"),
    ]


def test_keep_holds_documents_and_models_and_compact_does_not(tmp_path: Path) -> None:
    paths = _maps(tmp_path, 2)
    kept = validate_paths(paths)
    assert kept.checked[0].model is None  # map-00 is broken
    assert kept.checked[1].model is not None
    assert kept.checked[1].document.text == MINIMAL
    compact = validate_paths(paths, keep=False)
    assert [item.findings for item in compact.checked] == [item.findings for item in kept.checked]
    assert all(item.model is None and item.document.data is None for item in compact.checked)


def test_documents_cannot_be_kept_across_processes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="keep=False"):
        validate_paths(_maps(tmp_path, 2), jobs=2, keep=True)


def test_check_file_can_be_any_picklable_function(tmp_path: Path, always_parallel: None) -> None:
    from cjmap.validate import check_paths

    batch = check_paths(partial(validate_path, max_size=10), _maps(tmp_path, 4), jobs=2, keep=False)
    assert {f.code for f in batch.findings} == {"E007"}
    assert len(batch.findings) == 4


def test_default_jobs_is_the_usable_cores() -> None:
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)


@pytest.mark.usefixtures("always_parallel")
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_cli_output_is_the_same_with_any_number_of_jobs(tmp_path: Path, output_format: str) -> None:
    _maps(tmp_path / "maps", 9)
    missing = tmp_path / "missing.yaml"
    args = ("validate", "-f", output_format, tmp_path / "maps", missing)
    one = run_cli(*args, "--jobs", "1")
    two = run_cli(*args, "-j", "2")
    default = run_cli(*args)
    assert one.exit_code == two.exit_code == default.exit_code == 2  # the missing path
    assert one.stdout == two.stdout == default.stdout
    assert (
        one.stderr
        == two.stderr
        == default.stderr
        == (f"cjmap: error: {missing}: no such file or folder\n")
    )
    if output_format == "text":
        assert one.stdout.endswith("Found 3 errors in 3 of 9 maps.\n")
    else:
        assert [item["line"] for item in one.json()] == [18, 18, 18]


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_jobs_must_be_a_positive_number(tmp_path: Path, value: str) -> None:
    _maps(tmp_path, 1)
    result = run_cli("validate", "--jobs", value, tmp_path)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
    assert result.stdout == ""


SPAWNED = """\
import json, multiprocessing, os, sys
from pathlib import Path

def pid_of(path):
    return os.getpid()

def main():
    # The start method of Windows and of macOS by default: workers import afresh, and
    # everything sent to them is pickled.
    multiprocessing.set_start_method("spawn", force=True)
    multiprocessing.get_all_start_methods = lambda: ["spawn"]
    from cjmap import jobs
    from cjmap.lint import lint_paths
    jobs.MIN_PARALLEL_BYTES = 0
    folder = Path(sys.argv[1])
    together = lint_paths([folder], jobs=2, keep=False).batch
    alone = lint_paths([folder], jobs=1, keep=False).batch
    workers = set(jobs.map_files(pid_of, sorted(folder.iterdir()), 2)) - {os.getpid()}
    findings = [[f.to_dict() for f in b.findings] for b in (together, alone)]
    print(json.dumps({"findings": findings, "workers": len(workers)}))

if __name__ == "__main__":
    main()
"""


def test_workers_started_by_spawn_give_the_same_findings(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    folder = tmp_path / "maps"
    _maps(folder, 6)
    script = tmp_path / "spawned.py"
    script.write_text(SPAWNED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["workers"] >= 1  # the maps were checked in other processes
    together, alone = output["findings"]
    assert together == alone
    assert sum(finding["code"] == "E201" for finding in together) == 2  # maps 0 and 3
