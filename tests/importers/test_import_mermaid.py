"""cjmap import --from mermaid: real journeys from public repositories, and every quirk
of what authors write, imported to valid maps and read back by Mermaid itself."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from cjmap.export.mermaid import journey_diagram
from cjmap.importers.convert import import_file
from cjmap.importers.draft import ImportOptions, ImportProblem, ImportUsageError
from cjmap.loader import load_text
from cjmap.model import CJMap
from cjmap.validate import validate_document
from conftest import FIXTURES, needs_mermaid, read_with_mermaid

CORPUS_DIRS = [FIXTURES / "mermaid"]
# The project's whole corpus, where it is on the machine (most of it may not be copied here).
if os.environ.get("CJMAP_MERMAID_CORPUS"):
    CORPUS_DIRS.append(Path(os.environ["CJMAP_MERMAID_CORPUS"]))
CORPUS = sorted(path for folder in CORPUS_DIRS for path in folder.glob("*.mmd"))


def imported(path: Path, options: ImportOptions | None = None) -> list[CJMap]:
    maps = []
    for result in import_file(path, "mermaid", options):
        checked = validate_document(load_text(result.text, str(path)))
        assert checked.findings == [], checked.findings
        assert checked.model is not None
        maps.append(checked.model)
    return maps


def strip(text: str) -> str:
    return " ".join(text.split())


def as_read(diagram: dict[str, Any]) -> dict[str, Any]:
    """What Mermaid read, with the padding of column-aligned colons and empty actors gone."""
    assert "error" not in diagram, diagram
    return {
        "title": strip(diagram["title"]),
        "sections": [strip(section) for section in diagram["sections"]],
        "tasks": [
            (strip(task["section"]), strip(task["task"]), task["score"], set(task["people"]) - {""})
            for task in diagram["tasks"]
        ],
    }


def test_corpus_is_there() -> None:
    assert len(CORPUS) >= 3


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_corpus_imports_to_a_valid_map(path: Path) -> None:
    (model,) = imported(path)
    assert model.touchpoints
    assert [channel.id for channel in model.channels] == ["unspecified"]
    for persona in model.personas:
        (journey,) = [j for j in model.journeys if j.persona == persona.id]
        assert journey.steps == [tp.id for tp in model.touchpoints if tp.applies_to(persona.id)]


@needs_mermaid
def test_corpus_keeps_every_name_and_its_export_reads_back_the_same(tmp_path: Path) -> None:
    exports = []
    for index, path in enumerate(CORPUS):
        (model,) = imported(path)
        export = tmp_path / f"{index}.mmd"
        export.write_text(journey_diagram(model), encoding="utf-8")
        exports.append(export)
    originals = read_with_mermaid(CORPUS)
    again = read_with_mermaid(exports)
    for path, original, exported in zip(CORPUS, originals, again, strict=True):
        (model,) = imported(path)
        source = as_read(original)
        assert as_read(exported) == source, path.name
        assert [stage.name for stage in model.stages] == source["sections"], path.name
        assert [(tp.name, (tp.emotion or 0) + 3) for tp in model.touchpoints] == [
            (task, score) for _, task, score, _ in source["tasks"]
        ], path.name
        assert model.map.title == source["title"]


QUIRKS = (
    "---\n"
    "title: From the front matter\n"
    "config:\n"
    "  theme: forest\n"
    "---\n"
    "%%{init: {'theme': 'dark'}}%%\n"
    "%% A comment before the diagram\n"
    "journey\n"
    "\taccTitle: Buying a coffee\n"
    "\taccDescr {\n"
    "\t  Two people, one shop\n"
    "\t}\n"
    "   section Find the shop\n"
    "\t\tSearch  for #34;coffee#34; #35;1   :   5   : Me,   Friend,\n"
    "  \t  \n"
    "      Step 1: read reviews: 4: \"Me\", 'Friend'  # they disagree\n"
    "      Walk there: 7: Me\n"
    "      Get lost: 0: Friend\n"
    "    section Pay\n"
    "      Pay: 3\n"
    "      Tap the card: great: Me\n"
    "      Think about it\n"
    "      Tip: 4.6: Me\n"
)


def test_quirks(tmp_path: Path) -> None:
    path = tmp_path / "quirks.mmd"
    path.write_text(QUIRKS, encoding="utf-8")
    (result,) = import_file(path, "mermaid")
    model = CJMap.model_validate(load_text(result.text, "m").data)
    assert model.map.title == "From the front matter"
    assert [stage.name for stage in model.stages] == ["Find the shop", "Pay"]
    assert [(tp.id, tp.name, tp.emotion, tp.personas) for tp in model.touchpoints] == [
        ("search-for-coffee-1", 'Search  for "coffee" #1', 2, ["me", "friend"]),
        ("step-1-read-reviews", "Step 1: read reviews", 1, ["me", "friend"]),
        ("walk-there", "Walk there", 2, ["me"]),
        ("get-lost", "Get lost", -2, ["friend"]),
        ("pay", "Pay", 0, []),
        ("tap-the-card", "Tap the card", None, ["me"]),
        ("think-about-it", "Think about it", None, []),
        ("tip", "Tip", 2, ["me"]),
    ]
    assert [(j.id, j.steps) for j in model.journeys] == [
        ("me", ["search-for-coffee-1", "step-1-read-reviews", "walk-there", "tap-the-card", "tip"]),
        ("friend", ["search-for-coffee-1", "step-1-read-reviews", "get-lost"]),
    ]
    assert result.draft.map_extra == {
        "x-mermaid": {"accTitle": "Buying a coffee", "accDescr": "Two people, one shop"}
    }
    assert result.draft.warnings == [
        f"{path}:17: warning: score 7 is outside 1..5; clamped to 5",
        f"{path}:18: warning: score 0 is outside 1..5; clamped to 1",
        f"{path}:21: warning: the score is 'great', not a number from 1 to 5; "
        "the emotion is left out",
        f"{path}:22: warning: the task has no score; the emotion is left out",
        f"{path}:23: warning: score 4.6 is not a whole number; rounded to 5",
    ]
    head = result.text.split("\ncjmap: 1\n")[0].splitlines()
    assert head[0] == "# yaml-language-server: $schema=cjmap.schema.json"
    said = " ".join(line.removeprefix("# ") for line in head[1:])
    assert said == (
        f"Imported from {path} by `cjmap import --from mermaid`. Not carried over: channels "
        "(the source names none); the diagram's configuration (front matter, %%{init}%%); "
        "2 comments; the scores on lines 17, 18, 21, 22, 23 as written (see the warnings). "
        "Check it with: cjmap lint THIS_FILE"
    )


TWO_JOURNEYS = """\
# Our journeys

```mermaid
flowchart LR
  A --> B
```

Text between.

```mermaid
journey
  title First
  section One
    Start: 5: Me
```

~~~mermaid
journey
  title Second
  section Two
    Finish: 1: You
~~~
"""


def test_markdown_with_several_journeys(tmp_path: Path) -> None:
    path = tmp_path / "journeys.md"
    path.write_text(TWO_JOURNEYS, encoding="utf-8")
    with pytest.raises(ImportUsageError) as raised:
        import_file(path, "mermaid")
    assert str(raised.value) == (
        f"{path}: 2 journey diagrams (lines 11, 18); pick one with --index N, "
        "or import them all with --out-dir DIR"
    )
    (second,) = imported(path, ImportOptions(index=2))
    assert second.map.title == "Second"
    assert [m.map.title for m in imported(path, ImportOptions(every=True))] == ["First", "Second"]
    with pytest.raises(ImportUsageError, match="--index 3: the file has 2 journey diagrams"):
        import_file(path, "mermaid", ImportOptions(index=3))
    results = import_file(path, "mermaid", ImportOptions(every=True))
    assert results[1].draft.source == f"{path} (journey 2 of 2, line 18)"


def test_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "journeys.md"
    path.write_bytes(TWO_JOURNEYS.replace("\n", "\r\n").encode("utf-8"))
    assert [m.map.title for m in imported(path, ImportOptions(every=True))] == ["First", "Second"]
    assert [tp.name for tp in imported(path, ImportOptions(index=1))[0].touchpoints] == ["Start"]


def test_html_div(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body><h1>Tour</h1>\n<div class="mermaid">\njourney\n  title Day 1 &amp; 2\n'
        "  section 出発\n    ツアー &lt;集合&gt;: 5: 参加者\n</div></body></html>\n",
        encoding="utf-8",
    )
    (model,) = imported(path)
    assert model.map.title == "Day 1 & 2"
    assert [(s.id, s.name) for s in model.stages] == [("stage-1", "出発")]
    assert [(tp.id, tp.name) for tp in model.touchpoints] == [("touchpoint-1", "ツアー <集合>")]
    assert [(p.id, p.name) for p in model.personas] == [("persona-1", "参加者")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "flowchart TD\n  A --> B\n",
            "{path}:1: a Mermaid flowchart diagram, not a journey; "
            "cjmap imports `journey` diagrams",
        ),
        (
            "%% hello\n\ngraph LR\n  A --> B\n",
            "{path}:3: a Mermaid flowchart diagram, not a "
            "journey; cjmap imports `journey` diagrams",
        ),
        ("", "{path}: no Mermaid diagram found (the file is empty)"),
        (
            "journey\n  title Nothing yet\n  section Later\n",
            "{path}: the journey has no tasks, so there is nothing to map",
        ),
        (
            "```mermaid\nsequenceDiagram\n```\n```mermaid\npie\n```\n",
            "{path}: none of its 2 Mermaid diagrams is a journey (sequencediagram, pie)",
        ),
    ],
)
def test_not_a_journey(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "diagram.mmd"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportProblem) as raised:
        import_file(path, "mermaid")
    assert str(raised.value) == message.format(path=path)
    assert raised.value.exit_code == 1


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.mmd"
    path.write_text("journey\n" + "  a: 3: Me\n" * 100, encoding="utf-8")
    with pytest.raises(ImportProblem, match="over the 100-byte limit"):
        import_file(path, "mermaid", max_size=100)
