from __future__ import annotations

from pathlib import Path

import pytest
from reporttools import EXAMPLES

from cjmap.lifecycles import LIFECYCLES, LifecycleError, load_lifecycle, stage_key
from cjmap.model import Stage


def test_standard_lifecycle_runs_from_awareness_to_advocacy() -> None:
    assert [stage.id for stage in LIFECYCLES["standard"].stages] == [
        "awareness",
        "consideration",
        "purchase",
        "onboarding",
        "use",
        "support",
        "loyalty",
        "advocacy",
    ]
    assert load_lifecycle("standard") is LIFECYCLES["standard"]
    assert LIFECYCLES["standard"].title == "the standard lifecycle"


@pytest.mark.parametrize(
    ("text", "key"),
    [("First delivery", "first delivery"), ("first-delivery", "first delivery"), ("USE", "use")],
)
def test_stage_key(text: str, key: str) -> None:
    assert stage_key(text) == key


@pytest.mark.parametrize(
    ("stage", "matches"),
    [
        (Stage(id="support", name="Get help"), True),  # by id
        (Stage(id="help", name="Support"), True),  # by name
        (Stage(id="SUPPORT", name="x"), True),  # case-insensitive
        (Stage(id="service", name="Get help"), False),
    ],
)
def test_reference_stage_matches_by_id_or_name(stage: Stage, matches: bool) -> None:
    support = next(s for s in LIFECYCLES["standard"].stages if s.id == "support")
    assert support.matches(stage) is matches


def test_missing_from_keeps_reference_order() -> None:
    stages = [Stage(id="use", name="Use"), Stage(id="buy", name="Buy")]
    missing = LIFECYCLES["b2b"].missing_from(stages)
    assert [stage.id for stage in missing] == [
        "awareness",
        "evaluation",
        "procurement",
        "onboarding",
        "support",
        "renewal",
        "advocacy",
    ]


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "lifecycle.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_file_with_a_list_of_names(tmp_path: Path) -> None:
    spec = write(tmp_path, "- Awareness\n- first delivery\n- Use\n")
    lifecycle = load_lifecycle(spec)
    assert [(s.id, s.name) for s in lifecycle.stages] == [
        ("Awareness", "Awareness"),
        ("first delivery", "first delivery"),
        ("Use", "Use"),
    ]
    assert (lifecycle.name, lifecycle.title) == (spec, f"the lifecycle in {spec}")
    assert lifecycle.missing_from([Stage(id="first-delivery", name="Wait")]) == [
        lifecycle.stages[0],
        lifecycle.stages[2],
    ]


def test_file_with_stage_mappings_under_a_stages_key(tmp_path: Path) -> None:
    spec = write(tmp_path, "stages:\n  - {id: aware, name: Awareness}\n  - name: Renewal\n")
    assert [(s.id, s.name) for s in load_lifecycle(spec).stages] == [
        ("aware", "Awareness"),
        ("Renewal", "Renewal"),
    ]


def test_another_map_serves_as_a_reference() -> None:
    lifecycle = load_lifecycle(str(EXAMPLES / "b2b-software.yaml"))
    assert [stage.id for stage in lifecycle.stages][:3] == [
        "awareness",
        "evaluation",
        "procurement",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "awareness: 1\n",
            "{path}:1:1: a reference lifecycle is a list of stage names or ids "
            "(or a mapping with a 'stages' list), not a mapping",
        ),
        ("[]\n", "{path}:1:1: the reference lifecycle has no stages"),
        ("stages: []\n", "{path}:1:9: the reference lifecycle has no stages"),
        (
            "- Awareness\n- [a, b]\n",
            "{path}:2:3: stage 2 must be a stage name or id, or a "
            "mapping with 'id' or 'name', not a list",
        ),
        (
            "- Awareness\n- {description: x}\n",
            "{path}:2:3: stage 2 must be a stage name or id, "
            "or a mapping with 'id' or 'name', not a mapping",
        ),
        (
            "- Awareness\n- ''\n",
            "{path}:2:3: stage 2 must be a stage name or id, or a mapping "
            "with 'id' or 'name', not ''",
        ),
        ("- Awareness\n- [unclosed\n", "{path}:3:1: YAML syntax error"),
        (
            "",
            "{path}:1:1: a reference lifecycle is a list of stage names or ids "
            "(or a mapping with a 'stages' list), not an empty value",
        ),
    ],
)
def test_bad_files_name_the_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    spec = write(tmp_path, text)
    with pytest.raises(LifecycleError) as caught:
        load_lifecycle(spec)
    assert str(caught.value).startswith(message.format(path=spec))


def test_unknown_name_suggests_a_lifecycle() -> None:
    with pytest.raises(LifecycleError) as caught:
        load_lifecycle("standart")
    assert str(caught.value) == (
        "'standart' is neither a lifecycle (standard, b2b) nor a file; did you mean 'standard'?"
    )


def test_a_folder_is_not_a_lifecycle(tmp_path: Path) -> None:
    with pytest.raises(LifecycleError) as caught:
        load_lifecycle(str(tmp_path))
    assert str(caught.value) == f"{tmp_path}: is a folder, not a map file"
