"""Property and mutation tests.

Hypothesis builds valid maps (every section, optional keys, ids that look like numbers or
YAML 1.1 booleans, any Unicode text, a team's own ``x-`` data); each one, written as YAML in
several styles, must load back to exactly the same values and pass every command that
reads maps. Then valid maps are broken at random (keys deleted, items duplicated, values
swapped for other types, lines and characters of the text cut or repeated): cjmap must
answer each with exit 0 or 1 and one clean line per finding, never a traceback.
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjmap.loader import load, load_text
from cjmap.model import CJMap
from cjmap.validate import validate_document
from conftest import EXAMPLES, run_cli
from robustness.hostile import assert_clean

# Bounded so the suite stays fast; CJMAP_EXAMPLES=2000 hunts harder locally.
SETTINGS = settings(
    max_examples=int(os.environ.get("CJMAP_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- strategies for valid maps -------------------------------------------------------------

IDS = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,10}\Z") | st.sampled_from(
    # Ids a YAML 1.1 reader or a careless writer would turn into numbers or booleans.
    ["no", "yes", "on", "off", "y", "n", "true", "null", "1e3", "012", "0x1F", "1.5", "2026"]
)
TEXT = st.text(
    st.characters(exclude_categories=("Cs",)),
    min_size=1,
    max_size=24,
)
NUMBERS = st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
DATES = st.dates().map(lambda day: day.isoformat())
OWN_DATA = st.recursive(
    st.none() | st.booleans() | NUMBERS | st.floats(allow_nan=False) | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
EXTENSIONS = {"x-team": OWN_DATA}


def _unique_ids(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(IDS, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def journey_maps(draw: st.DrawFn) -> dict[str, Any]:
    """A valid format v1 map as plain data: every reference resolves, every value fits."""
    stages = draw(_unique_ids(1, 5))
    channels = draw(_unique_ids(1, 4))
    personas = draw(_unique_ids(0, 3))
    touchpoints = draw(_unique_ids(0, 6))
    # Kinds are separate namespaces, so ids may repeat across them, as users do.

    def some(ids: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
        return st.lists(st.sampled_from(ids), min_size=min_size, max_size=3, unique=True)

    data: dict[str, Any] = {
        "cjmap": 1,
        "map": draw(
            st.fixed_dictionaries(
                {"title": TEXT},
                optional={
                    "state": st.sampled_from(["current", "future"]),
                    "owner": TEXT,
                    "scope": TEXT,
                    "objectives": st.lists(TEXT, max_size=2),
                    "updated": DATES,
                    **EXTENSIONS,
                },
            )
        ),
        "stages": [
            draw(
                st.fixed_dictionaries(
                    {"id": st.just(i), "name": TEXT}, optional={"description": TEXT}
                )
            )
            for i in stages
        ],
        "channels": [
            draw(
                st.fixed_dictionaries(
                    {"id": st.just(i), "name": TEXT},
                    optional={
                        "kind": st.sampled_from(["digital", "physical", "human", "print", "other"])
                    },
                )
            )
            for i in channels
        ],
    }
    if personas or draw(st.booleans()):
        data["personas"] = [
            draw(
                st.fixed_dictionaries(
                    {"id": st.just(i), "name": TEXT},
                    optional={
                        "description": TEXT,
                        "goals": st.lists(TEXT, max_size=2),
                        "needs": st.lists(TEXT, max_size=2),
                    },
                )
            )
            for i in personas
        ]
    pain = TEXT | st.fixed_dictionaries(
        {"text": TEXT},
        optional={
            "severity": st.sampled_from(["low", "medium", "high", "critical"]),
            "roadblock": st.booleans(),
        },
    )
    metric = st.fixed_dictionaries(
        {"name": TEXT},
        optional={
            "value": NUMBERS,
            "target": NUMBERS,
            "unit": TEXT,
            "better": st.sampled_from(["lower", "higher"]),
        },
    )
    touchpoint_optional: dict[str, st.SearchStrategy[Any]] = {
        "owner": TEXT,
        "doing": TEXT,
        "thinking": TEXT,
        "feeling": TEXT,
        "emotion": st.integers(-2, 2),
        "importance": st.sampled_from(["low", "medium", "high"]),
        "moment_of_truth": st.booleans(),
        "evidence": st.sampled_from(["hypothesis", "observed", "validated"]),
        "pains": st.lists(pain, max_size=3),
        "delights": st.lists(TEXT, max_size=2),
        "metrics": st.lists(metric, max_size=2),
        "notes": TEXT,
        **EXTENSIONS,
    }
    if personas:
        touchpoint_optional["personas"] = some(personas)
    if touchpoints or draw(st.booleans()):
        data["touchpoints"] = [
            draw(
                st.fixed_dictionaries(
                    {
                        "id": st.just(i),
                        "name": TEXT,
                        "stage": st.sampled_from(stages),
                        "channels": some(channels, min_size=1),
                    },
                    optional=touchpoint_optional,
                )
            )
            for i in touchpoints
        ]
    if personas and touchpoints:
        data["journeys"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "id": IDS,
                        "name": TEXT,
                        "persona": st.sampled_from(personas),
                        "steps": st.lists(st.sampled_from(touchpoints), min_size=1, max_size=5),
                    }
                ),
                max_size=2,
                unique_by=lambda journey: journey["id"],
            )
        )
    if touchpoints:
        data["actions"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"id": IDS, "title": TEXT, "touchpoints": some(touchpoints, min_size=1)},
                    optional={
                        "owner": TEXT,
                        "kpi": TEXT,
                        "due": DATES,
                        "status": st.sampled_from(["idea", "planned", "in-progress", "done"]),
                    },
                ),
                max_size=2,
                unique_by=lambda action: action["id"],
            )
        )
    return data


@st.composite
def yaml_styles(draw: st.DrawFn) -> dict[str, Any]:
    """How a writer lays the YAML out: block or flow, line width, Unicode or escapes."""
    return {
        "default_flow_style": draw(st.sampled_from([False, True, None])),
        "width": draw(st.sampled_from([40, 80, 4096])),
        "allow_unicode": draw(st.booleans()),
        "indent": draw(st.sampled_from([2, 4])),
    }


def to_yaml(data: Any, style: dict[str, Any] | None = None) -> str:
    """YAML text for plain data, as libyaml's emitter (behind most YAML tools) writes it.

    ruamel.yaml's pure-Python emitter is not used: it folds long double-quoted lines after an
    escape without the closing backslash (changing the text, even for its own loader), and
    writes YAML 1.2 plain scalars such as ``:0`` in flow style that libyaml cannot read
    (a known limit, in docs/robustness.md).
    """
    from ruamel.yaml import YAML

    writer = YAML(typ="safe")
    for name, value in (style or {"default_flow_style": False, "allow_unicode": True}).items():
        if name == "indent":
            writer.indent(mapping=value, sequence=value, offset=0)
        else:
            setattr(writer, name, value)
    out = io.StringIO()
    writer.dump(data, out)
    return out.getvalue()


# --- valid maps stay valid and keep every value -------------------------------------------


@SETTINGS
@given(data=journey_maps(), style=yaml_styles())
def test_yaml_round_trip_keeps_every_value(data: dict[str, Any], style: dict[str, Any]) -> None:
    text = to_yaml(data, style)
    document = load_text(text, "map.yaml")
    assert document.findings == []
    assert document.data == data


@SETTINGS
@given(data=journey_maps())
def test_generated_maps_are_valid(data: dict[str, Any]) -> None:
    checked = validate_document(load_text(to_yaml(data), "map.yaml"))
    assert checked.findings == []
    assert checked.model is not None
    assert checked.model == CJMap.model_validate(data)
    assert {t.id for t in checked.model.touchpoints} <= set(checked.model.touchpoints_by_id)


def map_commands(path: Path) -> dict[str, list[str | Path]]:
    """Each command that reads maps, run on ``path`` with output a test can parse."""
    return {
        "validate": ["validate", "--format", "json", path],
        "lint": ["lint", "--format", "json", path],
        "pains": ["pains", "--format", "json", "--metrics", path],
        "gaps": ["gaps", "--format", "json", "--by", "persona", "--journeys", path],
        "diff": ["diff", "--format", "json", path, path],
        "export": ["export", "--to", "markdown", "--mermaid", path],
        "render": ["render", "--format", "dot", "-o", "-", path],
        "share": ["share", "-o", "-", path],
    }


def test_every_command_that_reads_maps_is_covered() -> None:
    import typer.main

    from cjmap.cli import app

    commands = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    # lsp reads maps from an editor, not from paths: tests/lsp sends it random edits;
    # import reads Mermaid, CSV and Excel; preview serves until stopped, builds the page
    # as share does, and tests/share breaks its map while it runs.
    no_map = {"init", "schema", "rules", "lsp", "import", "preview"}
    assert commands - no_map == set(map_commands(Path("m.yaml"))), (
        "a command that reads maps was added or removed: update map_commands()"
    )


@SETTINGS
@given(data=journey_maps())
def test_generated_maps_pass_every_command(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    path = tmp_path_factory.mktemp("map") / "map.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    results = {name: run_cli(*args) for name, args in map_commands(path).items()}
    for name, result in results.items():
        # lint may find errors in a valid map; every other command succeeds.
        assert result.exit_code in ((0, 1) if name == "lint" else (0,)), (name, result.stderr)
    assert results["validate"].json() == []
    assert all(finding["code"].startswith("L") for finding in results["lint"].json())
    assert isinstance(results["pains"].json(), dict | list)
    assert isinstance(results["gaps"].json(), dict | list)
    assert results["render"].stdout.startswith("digraph")
    assert results["share"].stdout.startswith("<!DOCTYPE html>")
    assert run_cli("render", "--view", "matrix", "--format", "dot", "-o", "-", path).exit_code == 0


# --- broken maps get clean answers --------------------------------------------------------

# Values of every type the loader can produce, including the awkward ones.
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(),  # NaN and infinities too
    st.text(max_size=12),
    st.sampled_from(["", "yes", "2026-13-45", "-3", "checkout", "a" * 300]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a key or list item in plain data."""
    found: list[tuple[Any, ...]] = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_maps(draw: st.DrawFn, base: st.SearchStrategy[dict[str, Any]]) -> Any:
    """A valid map with one to three random deletions, duplications or type swaps."""
    import copy

    data = copy.deepcopy(draw(base))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "swap"]))
        if operation == "delete":
            del parent[key]
        elif operation == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif operation == "duplicate":
            # A mapping cannot repeat a key as data; the text mutations below do that.
            parent[key] = [parent[key], copy.deepcopy(parent[key])]
        else:
            parent[key] = draw(ANY_VALUE)
    return data


EXAMPLE_DATA = [load(path).data for path in sorted(EXAMPLES.glob("*.yaml"))]
VALID_MAPS = journey_maps() | st.sampled_from(EXAMPLE_DATA)


def _write(tmp_path_factory: pytest.TempPathFactory, text: str | bytes) -> Path:
    path = tmp_path_factory.mktemp("mutant") / "map.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def _check_every_command(path: Path) -> None:
    """Each command that reads maps answers cleanly; a raised exception fails in run_cli."""
    assert_clean(run_cli("validate", path), _exit_of(path))
    result = run_cli("validate", "--format", "github", path)
    assert result.exit_code in (0, 1)
    assert result.stderr == ""
    for name, args in map_commands(path).items():
        result = run_cli(*args)
        assert result.exit_code in (0, 1), (name, result.stdout, result.stderr)
        if name in ("validate", "lint"):
            findings = result.json()
            assert all(f["line"] >= 1 and f["column"] >= 1 for f in findings)


def _exit_of(path: Path) -> int:
    return 1 if validate_document(load(path)).findings else 0


@SETTINGS
@given(data=mutated_maps(VALID_MAPS))
def test_mutated_data_gets_a_clean_answer(
    tmp_path_factory: pytest.TempPathFactory, data: Any
) -> None:
    _check_every_command(_write(tmp_path_factory, to_yaml(data)))


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """The YAML text of a valid map with lines or characters cut, repeated, swapped or added."""
    lines = to_yaml(draw(VALID_MAPS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "insert"]))
        if operation == "delete":
            del lines[at]
        elif operation == "duplicate":  # also makes duplicate keys
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            line = lines[at]
            start = draw(st.integers(0, len(line)))
            end = draw(st.integers(start, min(len(line), start + 4)))
            added = (
                ""
                if operation == "cut"
                else draw(st.text(" \t:-[]{}#&*!|>'\"%@`,?\n\r\x00", max_size=3))
            )
            lines[at] = line[:start] + added + line[end:]
    return "".join(lines)


@SETTINGS
@given(text=mutated_texts())
def test_mutated_text_gets_a_clean_answer(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    _check_every_command(_write(tmp_path_factory, text))


@SETTINGS
@given(raw=st.binary(max_size=64), keep=st.integers(0, 400))
def test_truncated_or_garbled_bytes_get_a_clean_answer(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes, keep: int
) -> None:
    text = (EXAMPLES / "coffee-subscription.yaml").read_bytes()
    _check_every_command(_write(tmp_path_factory, text[:keep] + raw))


def test_nan_survives_the_round_trip_as_nan() -> None:
    # NaN never equals itself, so the round trip above leaves it out; check it here.
    assert math.isnan(load_text(to_yaml({"x-value": math.nan}), "m.yaml").data["x-value"])
