"""cjmap share through the command line: where pages go, and what it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

from pages import EXAMPLE_PATHS, page_of

from conftest import run_cli


def copy_examples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(path, folder / path.name)) for path in EXAMPLE_PATHS]


def test_one_map_is_shared_beside_it_the_same_bytes_each_time(tmp_path: Path) -> None:
    (path, *_) = copy_examples(tmp_path)
    result = run_cli("share", path)
    assert result.exit_code == 0, result.stderr
    page = path.with_suffix(".html")
    assert result.stdout == f"Wrote {page}\n"
    first = page.read_bytes()
    assert run_cli("share", path).exit_code == 0
    assert page.read_bytes() == first
    assert first.startswith(b'<!DOCTYPE html>\n<html lang="en">')


def test_several_maps_make_one_page_or_a_page_each(tmp_path: Path) -> None:
    copy_examples(tmp_path / "maps")
    refused = run_cli("share", tmp_path / "maps")
    assert refused.exit_code == 2
    assert "give -o FILE for one page of them all, or --out-dir DIR" in refused.stderr
    combined = run_cli("share", tmp_path / "maps", "-o", tmp_path / "maps.html")
    assert combined.exit_code == 0, combined.stderr
    text = (tmp_path / "maps.html").read_text(encoding="utf-8")
    assert text.count('<article class="map"') == len(EXAMPLE_PATHS)
    each = run_cli("share", tmp_path / "maps", "--out-dir", tmp_path / "site")
    assert each.exit_code == 0, each.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == sorted(
        f"{path.stem}.html" for path in EXAMPLE_PATHS
    )


def test_standard_output_gets_the_page(tmp_path: Path) -> None:
    result = run_cli("share", EXAMPLE_PATHS[0], "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == page_of(EXAMPLE_PATHS[0])


def test_an_invalid_map_is_reported_and_no_page_is_written(tmp_path: Path) -> None:
    good, *_ = copy_examples(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text(good.read_text(encoding="utf-8").replace("stage: ", "stage: nowhere-", 1))
    line = next(
        number
        for number, text in enumerate(broken.read_text().splitlines(), start=1)
        if "nowhere-" in text
    )
    result = run_cli("share", good, broken, "-o", tmp_path / "page.html")
    assert result.exit_code == 1
    assert f"{broken}:{line}:" in result.stderr and "E201" in result.stderr
    assert "1 map not valid, so not shared" in result.stderr
    assert not (tmp_path / "page.html").exists()
    alone = run_cli("share", broken)
    assert alone.exit_code == 1 and not broken.with_suffix(".html").exists()


def test_refuses_to_write_over_a_map_or_to_use_both_outputs(tmp_path: Path) -> None:
    path, *_ = copy_examples(tmp_path)
    before = path.read_bytes()
    result = run_cli("share", path, "-o", path)
    assert result.exit_code == 2
    assert (
        result.stderr.startswith("cjmap: error: ") and "refusing to write over it" in result.stderr
    )
    assert path.read_bytes() == before
    both = run_cli("share", path, "-o", tmp_path / "a.html", "--out-dir", tmp_path / "site")
    assert both.exit_code == 2 and "not both" in both.stderr
    missing = run_cli("share", tmp_path / "missing.yaml")
    assert missing.exit_code == 2 and "missing.yaml" in missing.stderr
