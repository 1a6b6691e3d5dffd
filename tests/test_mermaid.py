"""The Mermaid journey export: escaping pinned in Python, and read back by Mermaid itself."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cjmap.export.mermaid import escape, journey_diagram, score
from cjmap.loader import load
from cjmap.model import CJMap
from cjmap.validate import validate_document
from conftest import EXAMPLES, FIXTURES, MINIMAL, ROOT, run_cli

HOSTILE = FIXTURES / "hostile-names.yaml"
MAPS = [*sorted(EXAMPLES.glob("*.yaml")), HOSTILE]
NODE_DIR = ROOT / "tests" / "node"


def model_of(path: Path) -> CJMap:
    checked = validate_document(load(path))
    assert checked.model is not None, checked.findings
    return checked.model


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Pay for the first box", "Pay for the first box"),
        # One pass: the ';' of a code is never escaped again.
        ("a;b:c#d%e<f>g", "a#59;b#58;c#35;d#37;e#60;f#62;g"),
        ("#35;", "#35;35#59;"),
        ("%% not a comment", "#37;#37; not a comment"),
        ("Title page", "#84;itle page"),
        ("SECTION two", "#83;ECTION two"),
        ("journey's end", "#106;ourney's end"),
        ("accDescr { x", "#97;ccDescr { x"),
        ("Subtitle", "Subtitle"),
        ("line one\nline two\r\n\tthree  ", "line one line two three"),
        ("Smith, Jane", "Smith, Jane"),
        ('😀 "quotes" & <b>', '😀 "quotes" & #60;b#62;'),
        ("   ", ""),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_escape_actor_also_keeps_commas() -> None:
    assert escape("Smith, Jane: 50%", actor=True) == "Smith#44; Jane#58; 50#37;"


@pytest.mark.parametrize(
    ("emotion", "expected"), [(-2, 1), (-1, 2), (0, 3), (1, 4), (2, 5), (None, 3)]
)
def test_score_is_an_integer_from_1_to_5(emotion: int | None, expected: int) -> None:
    assert score(emotion) == expected


def test_whole_map_diagram(write_map) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL.replace("    stage: purchase\n", "    stage: purchase\n    emotion: -2\n")
    result = run_cli("export", write_map(text), "--to", "mermaid")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "journey\n"
        "    title Minimal map\n"
        "    %% no emotion recorded, shown as 3: ad\n"
        "    section Awareness\n"
        "      Sees an ad: 3: Busy parent\n"
        "    section Purchase\n"
        "      Pays for the box: 1: Busy parent\n"
    )


def test_hostile_names_are_escaped() -> None:
    diagram = journey_diagram(model_of(HOSTILE))
    lines = [line for line in diagram.splitlines() if not line.startswith("    %%")]
    assert lines[:4] == [
        "journey",
        '    title #84;itle#58; "Quotes" & #60;tags#62; #35;1#59; 100#37; 😀',
        "    section #115;ection#58; one#59; two #35; three",
        '      #35;hashtag first: 1: Smith#44; Jane#59; "JJ" #35;1 #60;admin#62;#58; 50#37;, '
        "#115;ection Lead 🧑\u200d💻, p3",
    ]
    # The stage with no touchpoint has no section: Mermaid draws sections around tasks.
    assert not any("Empty stage" in line for line in lines)


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
def test_no_line_holds_what_the_journey_grammar_reads(path: Path) -> None:
    model = model_of(path)
    for journey in [None, *model.journeys_by_id]:
        lines = journey_diagram(model, journey).splitlines()
        assert lines[0] == "journey"
        # Outside its #NN; codes no text holds # ; % < >, and only task lines hold the
        # ': ' separators (two with actors, one without).
        for line in lines[1:]:
            if line.startswith("    %% no emotion recorded, shown as 3: "):
                continue  # a comment, which Mermaid skips whole
            bare = re.sub(r"#\d+;", "", line)
            assert not set(bare) & set("#;%<>"), line
            is_heading = line.startswith(("    title ", "    section "))
            assert bare.count(":") == (0 if is_heading else 1 + bool(model.personas)), line
            assert not re.match(r"\s*(title|section|journey|accTitle|accDescr)\S", line, re.I)


def test_journey_diagram_follows_the_steps() -> None:
    result = run_cli("export", HOSTILE, "--to", "mermaid", "--journey", "j1")
    assert result.exit_code == 0, result.stderr
    sections = [line.strip() for line in result.stdout.splitlines() if "section " in line]
    # A new section whenever the stage changes along the steps, so a stage can come back.
    assert sections == [
        "section #84;itle with a newline",
        "section #115;ection#58; one#59; two #35; three",
        "section #84;itle with a newline",
    ]


@pytest.mark.parametrize(
    ("journey", "hint"),
    [
        ("parent-frist-month", "did you mean 'parent-first-month'?"),
        ("parent", "it defines parent-first-month, barista-first-month"),
    ],
)
def test_unknown_journey_is_a_usage_error(journey: str, hint: str) -> None:
    path = EXAMPLES / "coffee-subscription.yaml"
    result = run_cli("export", path, "--to", "mermaid", "--journey", journey)
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {path}: the map has no journey '{journey}'; {hint}\n"


# --- Mermaid itself --------------------------------------------------------------


def flat(text: str) -> str:
    return " ".join(text.split())


def expected_diagram(model: CJMap, journey_id: str | None) -> dict[str, Any]:
    """What Mermaid should read back: the texts as written, scores, persona names."""

    def task(touchpoint_id: str, people: list[str], persona: str | None = None) -> dict[str, Any]:
        # A journey's persona is scored with its own emotion; the whole map by the lowest.
        tp = model.touchpoints_by_id[touchpoint_id]
        stage = model.stages_by_id[tp.stage]
        return {
            "section": flat(stage.name) or stage.id,
            "task": flat(tp.name) or tp.id,
            "score": 3 if (emotion := tp.emotion_for(persona)) is None else emotion + 3,
            "people": people,
        }

    def name(persona_id: str) -> str:
        return flat(model.personas_by_id[persona_id].name) or persona_id

    sections: list[str] = []
    tasks: list[dict[str, Any]] = []
    if journey_id is None:
        title = model.map.title
        for stage in model.stages:
            on_stage = [tp for tp in model.touchpoints if tp.stage == stage.id]
            if on_stage:
                sections.append(flat(stage.name) or stage.id)
            for tp in on_stage:
                tasks.append(
                    task(tp.id, [name(p.id) for p in model.personas if tp.applies_to(p.id)])
                )
    else:
        journey = model.journeys_by_id[journey_id]
        title = journey.name
        previous = None
        for step in journey.steps:
            stage = model.stages_by_id[model.touchpoints_by_id[step].stage]
            if stage.id != previous:
                sections.append(flat(stage.name) or stage.id)
                previous = stage.id
            tasks.append(task(step, [name(journey.persona)], journey.persona))
    return {"title": flat(title), "sections": sections, "tasks": tasks}


@pytest.mark.skipif(
    shutil.which("node") is None
    or not all((NODE_DIR / "node_modules" / name).is_dir() for name in ("mermaid", "jsdom")),
    reason="needs Node.js and `npm install --prefix tests/node` (.ci/run does it)",
)
def test_mermaid_parses_every_export_and_reads_it_back_as_written(tmp_path: Path) -> None:
    cases: list[tuple[Path, str | None]] = []
    for path in MAPS:
        model = model_of(path)
        cases.append((path, None))
        cases.extend((path, journey.id) for journey in model.journeys)
    files = []
    for index, (path, journey) in enumerate(cases):
        file = tmp_path / f"{index}.mmd"
        file.write_text(journey_diagram(model_of(path), journey), encoding="utf-8")
        files.append(str(file))
    run = subprocess.run(
        ["node", str(NODE_DIR / "mermaid-journey.mjs"), *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    for (path, journey), result in zip(cases, results, strict=True):
        assert result == expected_diagram(model_of(path), journey), (path.name, journey)


def test_readme_shows_the_real_diagram() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```mermaid\njourney\n") + len("```mermaid\n")
    shown = readme[start : readme.index("```", start)]
    assert shown == journey_diagram(model_of(EXAMPLES / "coffee-subscription.yaml"))
