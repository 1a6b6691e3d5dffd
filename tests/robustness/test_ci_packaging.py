"""The pre-commit hooks and the GitHub Action, run as their users would run them (offline)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from cjmap.cli import app
from cjmap.loader import load
from conftest import MINIMAL, ROOT

BROKEN = MINIMAL.replace("    stage: purchase", "    stage: purchse")
COMMANDS = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
HOOKS: list[dict[str, Any]] = load(ROOT / ".pre-commit-hooks.yaml").data
ACTION: dict[str, Any] = load(ROOT / "action.yml").data


def _tool_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user's shell: cjmap on PATH, caches in tmp_path, no colour."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-cache")
    env["NO_COLOR"] = "1"
    env.pop("CJMAP_NO_SKIP", None)
    return env


# --- pre-commit ---------------------------------------------------------------------------


def test_hooks_manifest_is_valid_for_pre_commit() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [hook["id"] for hook in hooks] == ["cjmap-validate", "cjmap-lint"]


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_each_hook_runs_an_existing_command(hook: dict[str, Any]) -> None:
    program, command = hook["entry"].split()
    assert program == "cjmap"
    assert command in COMMANDS
    assert hook["id"] == f"cjmap-{command}"
    assert hook["language"] == "python"  # pre-commit installs this repository with pip


def _local_repo(tmp_path: Path, hooks: list[dict[str, Any]]) -> Path:
    """A git repository whose .pre-commit-config.yaml runs these hooks from the installed cjmap.

    A `repo: local` copy of the manifest's hooks with language `system`: pre-commit would
    otherwise pip-install this repository from the network, which tests must not need.
    """
    import json

    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    local = [{**hook, "language": "system"} for hook in hooks]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2))  # JSON is YAML
    (repo / "maps" / "checkout.yaml").write_text(MINIMAL)
    (repo / ".github").mkdir()
    (repo / ".github" / "ci.yml").write_text("on: push\njobs: {}\n")  # YAML, not a map
    (repo / "README.md").write_text("notes\n")
    subprocess.run(["git", "init", "--quiet", str(repo)], check=True)
    return repo


def _pre_commit(repo: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "--all"], cwd=repo, check=True)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *args],
        cwd=repo,
        env=_tool_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_hook_passes_good_maps_and_fails_broken_ones(tmp_path: Path, hook: dict[str, Any]) -> None:
    repo = _local_repo(tmp_path, [hook])

    passed = _pre_commit(repo, tmp_path, "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert hook["name"] in passed.stdout
    assert "Passed" in passed.stdout

    (repo / "maps" / "checkout.yaml").write_text(BROKEN)
    failed = _pre_commit(repo, tmp_path, "--all-files")
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert (
        "maps/checkout.yaml:22:12: E201 touchpoint 'checkout' names stage 'purchse', "
        "which is not defined; did you mean 'purchase'?"
    ) in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr


def test_hook_skips_commits_without_yaml(tmp_path: Path) -> None:
    hooks = [hook for hook in HOOKS if hook["id"] == "cjmap-validate"]
    repo = _local_repo(tmp_path, hooks)
    (repo / "maps" / "checkout.yaml").write_text(BROKEN)
    result = _pre_commit(repo, tmp_path, "--files", "README.md")
    assert result.returncode == 0
    assert "(no files to check)" in result.stdout


def test_hook_args_narrow_the_folders_checked(tmp_path: Path) -> None:
    hooks = [{**hook, "args": ["maps/"]} for hook in HOOKS if hook["id"] == "cjmap-validate"]
    repo = _local_repo(tmp_path, hooks)
    (repo / "drafts").mkdir()
    (repo / "drafts" / "wip.yaml").write_text(BROKEN)
    result = _pre_commit(repo, tmp_path, "--all-files")
    assert result.returncode == 0, result.stdout


# --- the GitHub Action --------------------------------------------------------------------


def test_action_is_a_composite_action_with_documented_inputs() -> None:
    assert ACTION["name"] == "cjmap"
    assert ACTION["description"]
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert set(inputs) == {"command", "paths", "python-version", "args"}
    for name, spec in inputs.items():
        assert spec["description"], name
        assert spec["required"] is False, name
        assert isinstance(spec["default"], str), name
    assert inputs["command"]["default"] == "validate"
    assert inputs["paths"]["default"] == "."


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = ACTION["runs"]["steps"]
    return steps


def test_action_steps_run_safely() -> None:
    steps = _steps()
    assert steps[0]["uses"].startswith("actions/setup-python@v")
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"  # a composite step must name its shell
            # Inputs are passed through env: text pasted into a script could run as code.
            assert "${{" not in step["run"], step["name"]
    install, run = steps[1], steps[2]
    assert '"$GITHUB_ACTION_PATH"' in install["run"]  # cjmap from the action's own checkout
    assert "--format github" in run["run"]
    assert run["env"]["CJMAP"] == "${{ steps.install.outputs.cjmap }}"


def _run_step(
    tmp_path: Path, command: str, paths: str, args: str = ""
) -> subprocess.CompletedProcess[str]:
    """The action's last step, run by bash as the runner would, with cjmap installed here."""
    env = _tool_env(tmp_path)
    env.update(
        CJMAP=str(Path(sys.executable).parent / "cjmap"),
        CJMAP_COMMAND=command,
        CJMAP_PATHS=paths,
        CJMAP_ARGS=args,
    )
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", _steps()[2]["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_action_reports_findings_as_annotations(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "good.yaml").write_text(MINIMAL)
    (tmp_path / "maps" / "broken.yaml").write_text(BROKEN)
    result = _run_step(tmp_path, "validate", "maps")
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=maps/broken.yaml,line=22,col=12,title=E201 undefined-stage::"
    )
    assert _run_step(tmp_path, "validate", "maps/good.yaml").returncode == 0


def test_action_splits_paths_and_args_but_expands_no_globs(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL)
    (tmp_path / "b.yaml").write_text(MINIMAL)
    assert _run_step(tmp_path, "validate", "a.yaml\nb.yaml").returncode == 0
    too_small = _run_step(tmp_path, "validate", "a.yaml b.yaml", args="--max-size 10")
    assert too_small.returncode == 1
    assert too_small.stdout.count("E007") == 2
    globbed = _run_step(tmp_path, "validate", "*.yaml")
    assert globbed.returncode == 2
    assert "cjmap: error: *.yaml: no such file or folder" in globbed.stderr


@pytest.mark.parametrize(
    ("command", "paths", "says"),
    [
        ("render", ".", "input 'command' must be validate or lint, not 'render'"),
        ("validate", "  \n ", "input 'paths' is empty"),
    ],
)
def test_action_refuses_bad_inputs(tmp_path: Path, command: str, paths: str, says: str) -> None:
    result = _run_step(tmp_path, command, paths)
    assert result.returncode == 2
    assert result.stdout.startswith("::error title=cjmap::")
    assert says in result.stdout
