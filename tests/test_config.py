"""Lint settings: found upward from each map, or named with --config; bad ones are exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.findings import Severity
from cjmap.lint.config import (
    Config,
    ConfigError,
    ConfigFinder,
    find_config_file,
    load_config,
)
from cjmap.lint.rules.internal_jargon import DEFAULT_JARGON, EXTEND_JARGON, JARGON
from cjmap.lint.rules.stale_map import STALE_DAYS
from conftest import MINIMAL, run_cli

# MINIMAL lints with these rules (no emotion, customer view or owner on its touchpoints,
# no updated date).
ALL = {"missing-emotion", "missing-customer-view", "missing-owner", "undated-map"}


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules(*args: str | Path) -> set[str]:
    result = run_cli("lint", "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return {finding["rule"] for finding in result.json()}


def test_pyproject_found_upward_from_the_map(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.cjmap]\nignore = ["L104"]\n')
    path = write(tmp_path, "maps/journeys/map.yaml", MINIMAL)
    assert rules(path) == ALL - {"missing-emotion"}


def test_cjmap_toml_found_upward(tmp_path: Path) -> None:
    write(tmp_path, "cjmap.toml", 'select = ["missing-owner"]\n')
    assert rules(write(tmp_path, "maps/map.yaml", MINIMAL)) == {"missing-owner"}


def test_in_one_folder_cjmap_toml_wins(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.cjmap]\nselect = ["missing-emotion"]\n')
    write(tmp_path, "cjmap.toml", 'select = ["missing-owner"]\n')
    assert find_config_file(tmp_path) == tmp_path / "cjmap.toml"
    assert rules(write(tmp_path, "map.yaml", MINIMAL)) == {"missing-owner"}


def test_the_nearest_file_wins_and_is_not_merged(tmp_path: Path) -> None:
    write(tmp_path, "cjmap.toml", 'ignore = ["missing-owner"]\n')
    write(tmp_path, "team/pyproject.toml", '[tool.cjmap]\nignore = ["missing-emotion"]\n')
    assert rules(write(tmp_path, "team/map.yaml", MINIMAL)) == ALL - {"missing-emotion"}


def test_pyproject_without_tool_cjmap_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path, "cjmap.toml", 'ignore = ["missing-owner"]\n')
    write(tmp_path, "team/pyproject.toml", '[project]\nname = "team"\n# cjmap is used here\n')
    assert find_config_file(tmp_path / "team") == tmp_path / "cjmap.toml"
    assert rules(write(tmp_path, "team/map.yaml", MINIMAL)) == ALL - {"missing-owner"}


def test_each_map_gets_its_own_config(tmp_path: Path) -> None:
    write(tmp_path, "a/cjmap.toml", 'select = ["missing-owner"]\n')
    write(tmp_path, "b/cjmap.toml", 'select = ["missing-emotion"]\n')
    a = write(tmp_path, "a/map.yaml", MINIMAL)
    b = write(tmp_path, "b/map.yaml", MINIMAL)
    result = run_cli("lint", "-f", "json", a, b)
    assert {(f["path"], f["rule"]) for f in result.json()} == {
        (str(a), "missing-owner"),
        (str(b), "missing-emotion"),
    }


def test_explicit_config_replaces_discovery(tmp_path: Path) -> None:
    write(tmp_path, "cjmap.toml", 'select = ["missing-owner"]\n')
    other = write(tmp_path, "settings/lint.toml", 'select = ["missing-emotion"]\n')
    path = write(tmp_path, "map.yaml", MINIMAL)
    assert rules("--config", other, path) == {"missing-emotion"}
    pyproject = write(tmp_path, "settings/pyproject.toml", '[tool.cjmap]\nignore = ["L105"]\n')
    assert rules("--config", pyproject, path) == ALL - {"missing-customer-view"}


def test_command_line_select_replaces_the_files_select_and_ignore(tmp_path: Path) -> None:
    write(
        tmp_path, "cjmap.toml", 'select = ["missing-owner", "missing-emotion"]\nignore = ["L115"]\n'
    )
    path = write(tmp_path, "map.yaml", MINIMAL)
    assert rules(path) == {"missing-emotion"}
    assert rules("--select", "missing-owner", path) == {"missing-owner"}
    assert rules("--ignore", "missing-emotion", path) == set()


def test_severity_override(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.cjmap.severity]\nL104 = "info"\nmissing-owner = "error"\n',
    )
    path = write(tmp_path, "map.yaml", MINIMAL)
    result = run_cli("lint", "-f", "json", path)
    assert result.exit_code == 1
    assert {(f["rule"], f["severity"]) for f in result.json()} == {
        ("missing-emotion", "info"),
        ("missing-customer-view", "info"),
        ("missing-owner", "error"),
        ("undated-map", "info"),
    }


def test_library_defaults_and_parsed_values(tmp_path: Path) -> None:
    assert Config().option(JARGON) == DEFAULT_JARGON and Config().option(STALE_DAYS) == 180
    config = load_config(
        write(
            tmp_path,
            "cjmap.toml",
            'select = ["L101", "missing-owner"]\njargon = ["deposit"]\nextend-jargon = ["NBA"]\n'
            'stale-days = 30\n[severity]\nL115 = "warning"\n',
        )
    )
    assert config.select == {"stage-without-touchpoints", "missing-owner"}
    assert (config.option(JARGON), config.option(EXTEND_JARGON)) == (("deposit",), ("NBA",))
    assert config.option(STALE_DAYS) == 30
    assert dict(config.severity) == {"missing-owner": Severity.WARNING}
    assert config.is_enabled("missing-owner") and not config.is_enabled("missing-emotion")
    extended = load_config(write(tmp_path, "b/cjmap.toml", 'extend-jargon = ["NBA"]\n'))
    assert (extended.option(JARGON), extended.option(EXTEND_JARGON)) == (DEFAULT_JARGON, ("NBA",))


def test_finder_reads_each_file_once(tmp_path: Path) -> None:
    config_file = write(tmp_path, "cjmap.toml", 'ignore = ["L104"]\n')
    finder = ConfigFinder()
    first = finder.for_map(write(tmp_path, "a.yaml", MINIMAL))
    config_file.write_text("this is not TOML", encoding="utf-8")
    assert finder.for_map(write(tmp_path, "b.yaml", MINIMAL)) is first


BAD_CONFIGS = [
    (
        "cjmap.toml",
        'selct = ["L101"]\n',
        "{file}: unknown key 'selct'; did you mean 'select'? (the keys are select, ignore, "
        "jargon, extend-jargon, severity, stale-days)",
    ),
    (
        "pyproject.toml",
        '[tool.cjmap]\nignore = ["missing-ownr"]\n',
        "{file}: tool.cjmap.ignore: 'missing-ownr' is not a lint rule; "
        "did you mean 'missing-owner'?",
    ),
    (
        "cjmap.toml",
        'select = "L101"\n',
        '{file}: select must be a list of text, like ["missing-owner", "L101"], not "L101"',
    ),
    (
        "cjmap.toml",
        '[severity]\nmissing-owner = "fatal"\n',
        '{file}: severity.missing-owner must be "error", "warning" or "info", not "fatal"',
    ),
    (
        "pyproject.toml",
        '[tool.cjmap.severity]\nmissing-owners = "info"\n',
        "{file}: tool.cjmap.severity.missing-owners: 'missing-owners' is not a lint rule; "
        "did you mean 'missing-owner'?",
    ),
    (
        "cjmap.toml",
        "stale-days = 0\n",
        "{file}: stale-days must be a whole number of days, 1 or more, not 0",
    ),
    (
        "cjmap.toml",
        'stale-days = "90"\n',
        '{file}: stale-days must be a whole number of days, 1 or more, not "90"',
    ),
    (
        "cjmap.toml",
        "jargon = [1, 2]\n",
        '{file}: jargon must be a list of text, like ["missing-owner", "L101"], not [1, 2]',
    ),
    (
        "cjmap.toml",
        'ignore = ["E201"]\n',
        "{file}: ignore: 'E201' is a check of cjmap validate (E201 undefined-stage), not a lint "
        "rule: validate errors cannot be selected, ignored or suppressed",
    ),
    (
        "pyproject.toml",
        '[tool]\ncjmap = "strict"\n',
        "{file}: tool.cjmap must be a table ([tool.cjmap])",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_CONFIGS)
def test_bad_config_is_exit_2_naming_file_and_key(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    config = write(tmp_path, name, text)
    result = run_cli("lint", write(tmp_path, "map.yaml", MINIMAL))
    assert result.exit_code == 2
    assert result.stderr.strip() == "cjmap: error: " + message.format(file=config)
    assert result.stdout == ""


def test_invalid_toml(tmp_path: Path) -> None:
    config = write(tmp_path, "cjmap.toml", "stale-days = 90\nselect = ]\n")
    result = run_cli("lint", write(tmp_path, "map.yaml", MINIMAL))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cjmap: error: {config}: not valid TOML: ")
    assert "line 2" in result.stderr


@pytest.mark.parametrize(
    ("relative", "text", "message"),
    [
        ("missing.toml", None, "{file}: no such config file"),
        ("settings", "folder", "{file}: is a folder, not a config file"),
        ("pyproject.toml", '[project]\nname = "x"\n', "{file}: has no [tool.cjmap] table"),
    ],
)
def test_unusable_explicit_config(
    tmp_path: Path, relative: str, text: str | None, message: str
) -> None:
    target = tmp_path / relative
    if text == "folder":
        target.mkdir()
    elif text is not None:
        target.write_text(text, encoding="utf-8")
    result = run_cli("lint", "--config", target, write(tmp_path, "map.yaml", MINIMAL))
    assert result.exit_code == 2
    assert result.stderr.strip() == "cjmap: error: " + message.format(file=target)


def test_load_config_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key 'x'"):
        load_config(write(tmp_path, "cjmap.toml", "x = 1\n"))


def test_config_pickles_for_worker_processes(tmp_path: Path) -> None:
    import pickle

    config = load_config(write(tmp_path, "cjmap.toml", '[severity]\nL115 = "error"\n'))
    assert pickle.loads(pickle.dumps(config)) == config
