"""A map as a Mermaid ``journey`` diagram, which GitHub draws from a Markdown code block.

The diagram has the map's title, a section per stage in lifecycle order (stages with
no touchpoint are left out: Mermaid draws a section only around its tasks), a task
per touchpoint with the names of the personas it applies to as actors, and a score
from the emotion: -2..2 becomes Mermaid's 1..5, and no emotion is 3, neutral. With a
journey, the tasks are its steps in order, a new section begins whenever the stage
changes, and the journey's persona is the one actor, scored with its own emotion where
the map gives one per persona. Without a journey, an emotion per persona is scored by
its lowest. A ``%%`` comment after the title (which Mermaid ignores) names, by
touchpoint id, the tasks that had no emotion, so that a reader of the source knows
their 3 is no measure.

Mermaid's journey grammar is unforgiving and fails silently, so every text is
escaped (tried with the mermaid npm package 11.17.2):

- ``;`` anywhere is a parse error; ``:`` in a section is one, and in a task it cuts
  the text and shifts the score; ``#`` starts a comment; a task that starts with
  ``#`` or ``%`` vanishes; ``,`` splits an actor in two; ``<`` in a title is dropped.
- Mermaid decodes ``#NN;`` decimal codes everywhere (not hex codes, not ``&...;``
  entities), so these characters are written as codes, in one pass so that the
  ``;`` of a code is never escaped again.
- A text that starts with ``title``, ``section`` or ``journey`` (in any case)
  becomes that keyword, so its first letter is written as a code too.
- Line breaks become spaces, control characters are escaped (``\\x1b``), and an
  empty text never reaches the diagram: it would swallow the next line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cjmap.export import ExportOptions
from cjmap.model import CJMap, Journey, Persona, Touchpoint
from cjmap.text import escape_controls, squashed

_CODES = {char: f"#{ord(char)};" for char in "#;:%<>"}
_TEXT = str.maketrans(_CODES)
_ACTOR = str.maketrans({**_CODES, ",": f"#{ord(',')};"})
# Words the journey lexer reads as keywords at the start of a line.
_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")

NEUTRAL_SCORE = 3


def escape(text: str, *, actor: bool = False) -> str:
    """Text that Mermaid's journey grammar shows as itself, on one line."""
    flat = escape_controls(squashed(text)).translate(_ACTOR if actor else _TEXT)
    if flat.lower().startswith(_KEYWORDS):
        flat = f"#{ord(flat[0])};{flat[1:]}"
    return flat


def score(emotion: int | None) -> int:
    """Mermaid's 1..5 score for an emotion of -2..2 (3 when there is none)."""
    return NEUTRAL_SCORE if emotion is None else emotion + NEUTRAL_SCORE


@dataclass(frozen=True)
class _Task:
    touchpoint: str
    text: str
    emotion: int | None
    people: str

    def line(self) -> str:
        return f"{self.text}: {score(self.emotion)}" + (f": {self.people}" if self.people else "")


def _task(touchpoint: Touchpoint, actors: list[Persona], persona: str | None = None) -> _Task:
    text = escape(touchpoint.name) or touchpoint.id
    people = ", ".join(escape(actor.name, actor=True) or actor.id for actor in actors)
    return _Task(touchpoint.id, text, touchpoint.emotion_for(persona), people)


def _map_sections(model: CJMap) -> Iterator[tuple[str, list[_Task]]]:
    for stage in model.stages:
        tasks = [
            _task(tp, [persona for persona in model.personas if tp.applies_to(persona.id)])
            for tp in model.touchpoints_by_stage[stage.id]
        ]
        if tasks:
            yield escape(stage.name) or stage.id, tasks


def _journey_sections(model: CJMap, journey: Journey) -> Iterator[tuple[str, list[_Task]]]:
    persona = model.personas_by_id[journey.persona]
    current: str | None = None
    tasks: list[_Task] = []
    for step in journey.steps:
        touchpoint = model.touchpoints_by_id[step]
        if touchpoint.stage != current and tasks:
            yield _stage_text(model, current), tasks
            tasks = []
        current = touchpoint.stage
        tasks.append(_task(touchpoint, [persona], persona.id))
    if tasks:
        yield _stage_text(model, current), tasks


def _stage_text(model: CJMap, stage_id: str | None) -> str:
    stage = model.stages_by_id[str(stage_id)]
    return escape(stage.name) or stage.id


def journey_diagram(model: CJMap, journey_id: str | None = None) -> str:
    """The Mermaid source of the whole map, or of one journey (a KeyError for an unknown id)."""
    journey = model.journeys_by_id[journey_id] if journey_id is not None else None
    lines = ["journey"]
    title = escape(journey.name if journey is not None else model.map.title)
    if title:
        lines.append(f"    title {title}")
    sections = list(_journey_sections(model, journey) if journey else _map_sections(model))
    unscored = [t.touchpoint for _, tasks in sections for t in tasks if t.emotion is None]
    # Ids only: a comment needs no escaping, and cannot reach the diagram.
    unscored = list(dict.fromkeys(unscored))
    if unscored:
        lines.append(f"    %% no emotion recorded, shown as 3: {', '.join(unscored)}")
    for section, tasks in sections:
        lines.append(f"    section {section}")
        lines.extend(f"      {task.line()}" for task in tasks)
    return "\n".join(lines) + "\n"


def export(model: CJMap, options: ExportOptions) -> str:
    return journey_diagram(model, options.journey)
