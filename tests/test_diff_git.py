"""cjmap diff with versions read from git: REV:PATH, and --git REV over folders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None, reason="needs the git program (.ci/run has it)"
)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Map Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "GIT_COMMITTER_NAME": "Map Author",
    "GIT_COMMITTER_EMAIL": "author@example.com",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": "/usr/bin:/bin:/usr/local/bin",
}

HAPPIER = MINIMAL.replace("    stage: purchase\n", "    stage: purchase\n    emotion: 1\n")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with maps/coffee.yaml committed twice (MINIMAL, then HAPPIER)."""
    for name, value in GIT_ENV.items():
        if name != "PATH":
            monkeypatch.setenv(name, value)
    git(tmp_path, "init", "-q")
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "coffee.yaml").write_text(MINIMAL, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "First map")
    (maps / "coffee.yaml").write_text(HAPPIER, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Happier checkout")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def emotion_changes(result_json: list[dict[str, object]]) -> list[object]:
    return [c for c in result_json[0]["changes"] if c["kind"] == "emotion"]  # type: ignore[index,attr-defined]


def test_rev_path_against_the_working_tree(repo: Path) -> None:
    (repo / "maps" / "coffee.yaml").write_text(
        HAPPIER.replace("emotion: 1", "emotion: 2"), encoding="utf-8"
    )
    result = run_cli("diff", "HEAD:maps/coffee.yaml", "maps/coffee.yaml", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data[0]["old"]["path"] == "HEAD:maps/coffee.yaml"
    assert emotion_changes(data) == [
        {
            "kind": "emotion",
            "change": "up",
            "id": "checkout",
            "on": None,
            "subject": None,
            "stage": "purchase",
            "old": 1,
            "new": 2,
            "regression": False,
            "line": HAPPIER[: HAPPIER.index("emotion: 1")].count("\n") + 1,
        }
    ]


def test_both_versions_from_git(repo: Path) -> None:
    result = run_cli("diff", "HEAD~1:maps/coffee.yaml", "HEAD:maps/coffee.yaml")
    assert result.exit_code == 0, result.stderr
    assert "  ~ checkout: emotion none → 1\n" in result.stdout


def test_path_is_relative_to_the_current_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "maps")
    result = run_cli("diff", "HEAD~1:coffee.yaml", "coffee.yaml")
    assert result.exit_code == 0, result.stderr
    assert "emotion none → 1" in result.stdout


def test_missing_revision_is_one_line_and_exit_2(repo: Path) -> None:
    result = run_cli("diff", "no-such-branch:maps/coffee.yaml", "maps/coffee.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "cjmap: error: no-such-branch: no such revision in this git repository\n"
    )


def test_missing_file_at_a_revision_is_one_line_and_exit_2(repo: Path) -> None:
    result = run_cli("diff", "HEAD:maps/tea.yaml", "maps/coffee.yaml")
    assert result.exit_code == 2
    assert result.stderr == "cjmap: error: HEAD:maps/tea.yaml: no such file at revision HEAD\n"


def test_a_folder_at_a_revision_is_not_a_map(repo: Path) -> None:
    result = run_cli("diff", "HEAD:maps", "maps/coffee.yaml")
    assert result.exit_code == 2
    assert (
        result.stderr == "cjmap: error: HEAD:maps: is a folder at revision HEAD, not a map file\n"
    )


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "map.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("diff", "HEAD:map.yaml", "map.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("cjmap: error: HEAD: not a git repository")
    assert result.stderr.count("\n") == 1


def test_git_runs_only_for_the_rev_path_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_git(*args: str) -> None:
        raise AssertionError(f"git was called: {args}")

    monkeypatch.setattr("cjmap.gitrev._git", no_git)
    monkeypatch.chdir(tmp_path)
    # A file whose name has a colon is a file, not a revision.
    (tmp_path / "v1:map.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(HAPPIER, encoding="utf-8")
    result = run_cli("diff", "v1:map.yaml", "map.yaml")
    assert result.exit_code == 0, result.stderr
    assert "emotion none → 1" in result.stdout


def test_git_option_compares_every_map_under_a_folder(repo: Path) -> None:
    maps = repo / "maps"
    (maps / "tea.yaml").write_text(MINIMAL.replace("Minimal map", "Tea"), encoding="utf-8")
    (maps / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Tea map and notes")
    (maps / "tea.yaml").unlink()
    (maps / "juice.yaml").write_text(MINIMAL.replace("Minimal map", "Juice"), encoding="utf-8")
    (maps / "coffee.yaml").write_text(MINIMAL, encoding="utf-8")

    result = run_cli("diff", "--git", "HEAD", "maps")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "maps/coffee.yaml: 1 touchpoint changed; mean emotion +1.0 → none\n"
        "\n"
        "Emotion\n"
        "  ~ checkout: emotion 1 → none\n"
        "\n"
        "maps/juice.yaml: new map 'Juice' (2 touchpoints)\n"
        "HEAD:maps/tea.yaml: map removed: 'Tea'\n"
    )
    data = run_cli("diff", "--git", "HEAD", "maps", "-f", "json").json()
    assert [
        (d["status"], (d["old"] or {}).get("path"), (d["new"] or {}).get("path")) for d in data
    ] == [
        ("changed", "HEAD:maps/coffee.yaml", "maps/coffee.yaml"),
        ("added", None, "maps/juice.yaml"),
        ("removed", "HEAD:maps/tea.yaml", None),
    ]


def test_git_option_with_a_missing_revision(repo: Path) -> None:
    result = run_cli("diff", "--git", "v9", "maps")
    assert result.exit_code == 2
    assert result.stderr == "cjmap: error: v9: no such revision in this git repository\n"


def test_git_option_with_a_path_in_neither(repo: Path) -> None:
    result = run_cli("diff", "--git", "HEAD", "elsewhere")
    assert result.exit_code == 2
    assert result.stderr == "cjmap: error: elsewhere: no such file or folder\n"


def test_max_size_applies_to_versions_read_from_git(repo: Path) -> None:
    size = len(HAPPIER.encode("utf-8"))
    result = run_cli("diff", "--max-size", "100", "HEAD:maps/coffee.yaml", "maps/coffee.yaml")
    assert result.exit_code == 1
    assert (
        f"HEAD:maps/coffee.yaml:1:1: E007 the file is {size:,} bytes, over the 100-byte limit "
        "(raise it with --max-size)"
    ) in result.stdout + result.stderr
    assert f"maps/coffee.yaml:1:1: E007 the file is {size:,} bytes" in result.stdout + result.stderr


def test_max_size_applies_to_a_map_only_at_the_revision(repo: Path) -> None:
    (repo / "maps" / "coffee.yaml").unlink()
    result = run_cli("diff", "--max-size", "100", "--git", "HEAD", "maps")
    assert result.exit_code == 1
    assert "HEAD:maps/coffee.yaml:1:1: E007" in result.stdout + result.stderr
    result = run_cli("diff", "--git", "HEAD", "maps")
    assert result.exit_code == 0, result.stderr
    assert "removed" in result.stdout.lower()
