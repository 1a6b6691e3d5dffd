"""Mermaid ``journey`` diagrams as maps: title -> map title, section -> stage, task ->
touchpoint, actor -> persona (and each persona's tasks in order -> a journey), score
1..5 -> emotion -2..+2.

A diagram is a ``.mmd`` file, a Markdown ```` ```mermaid ```` block or an HTML
``<div class="mermaid">`` (or ``<pre>``). The reading follows Mermaid's own journey
grammar (mermaid 11) where authors rely on it, and forgives what real authors write:

- indentation by tabs or any number of spaces, blank lines, trailing spaces;
- ``%%`` comments, ``%%{init: ...}%%`` directives, YAML front matter before
  ``journey`` (its ``title:`` is used when the diagram has no title line), and ``#``
  comments, which Mermaid starts at a ``#`` that is not a ``#NN;`` code;
- ``#NN;`` and ``#name;`` character codes, decoded as Mermaid's renderer does;
- colons inside task text: the score is the second field from the right, so
  ``Step 1: Sign in: 4: Me`` is the task ``Step 1: Sign in``; a task with one colon
  holds only a score, as Mermaid reads it, and one with none has no score;
- colons padded into columns, trailing commas and quotes around actors;
- ``accTitle`` and ``accDescr`` (also in braces over several lines), kept as
  ``x-mermaid`` in the map's ``map:`` section;
- scores outside 1..5 clamped, and scores that are not whole numbers rounded, with
  a warning naming the line; a missing or non-numeric score leaves the emotion out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from cjmap.importers.draft import (
    Draft,
    Ids,
    ImportOptions,
    ImportProblem,
    ImportUsageError,
    plural,
    text_of,
)

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{?[ \t]*mermaid\b[^\n]*$", re.M | re.I)
_HTML_BLOCK = re.compile(
    r"<(div|pre)\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmermaid\b[^\"']*[\"'][^>]*>(.*?)</\1\s*>",
    re.S | re.I,
)
_CODE = re.compile(r"#(\w+);")
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around a protected code
_PROTECTED = re.compile(f"{_OPEN}(\\w+){_CLOSE}")
_FIRST_WORD = re.compile(r"[A-Za-z][\w-]*")
_TITLE = re.compile(r"title(?:\s+(.*))?$", re.I)
_SECTION = re.compile(r"section(?:\s+(.*))?$", re.I)
_ACC = re.compile(r"acc(Title|Descr)\s*:\s*(.*)$", re.I)
_ACC_BLOCK = re.compile(r"accDescr\s*\{(.*)$", re.I)
_INT = re.compile(r"[-+]?\d+")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)")
DIAGRAM_NAMES = {"graph": "flowchart", "flowchart-v2": "flowchart"}
LOWEST, HIGHEST = 1, 5


@dataclass
class Block:
    """One Mermaid diagram in a file: its text and the file line of its first line."""

    text: str
    first_line: int
    kind: str  # the diagram's keyword, lower case: journey, flowchart, sequencediagram...
    kind_line: int


@dataclass
class Task:
    name: str
    score: int | None
    actors: list[str]
    line: int


@dataclass
class Section:
    name: str
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Journey:
    """What a journey diagram says, texts decoded."""

    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    accessibility: dict[str, str] = field(default_factory=dict)
    configured: bool = False
    comments: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) for each score not read as written."""


def _decode(text: str) -> str:
    """Protected ``#NN;`` / ``#name;`` codes as the characters a browser shows."""

    def char(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.isdigit():
            code = int(inner)
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
        shown = html.unescape(f"&{inner};")
        return shown if shown != f"&{inner};" else f"&{inner};"

    return _PROTECTED.sub(char, text)


def _protect(text: str) -> str:
    # Mermaid replaces the codes before it parses, so their '#' and ';' are not syntax.
    return _CODE.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", text)


def blocks(text: str) -> list[Block]:
    """Every Mermaid diagram in a file: fenced Markdown blocks, HTML blocks, or the file."""
    found: list[tuple[int, str]] = []
    for match in _FENCE.finditer(text):
        fence = match.group(1)
        start = match.end() + 1
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end = close.search(text, start)
        body = text[start : end.start() if end else len(text)]
        found.append((text.count("\n", 0, start) + 1, body))
    if not found:
        for match in _HTML_BLOCK.finditer(text):
            start = match.start(2)
            found.append((text.count("\n", 0, start) + 1, html.unescape(match.group(2))))
    if not found:
        found.append((1, text))
    return [_block(body, first) for first, body in found]


def _block(body: str, first_line: int) -> Block:
    lines = body.split("\n")
    index = 0
    if lines and lines[0].strip() == "---":  # front matter
        index = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 1)
    for offset, raw in enumerate(lines[index:], start=index):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        word = _FIRST_WORD.match(line)
        kind = word.group(0).lower() if word else line.split()[0]
        return Block(body, first_line, DIAGRAM_NAMES.get(kind, kind), first_line + offset)
    return Block(body, first_line, "", first_line)


def _front_matter_title(lines: list[str]) -> str | None:
    if not lines or lines[0].strip() != "---":
        return None
    for line in lines[1:]:
        if line.strip() == "---":
            break
        match = re.match(r"title\s*:\s*(.*)$", line.strip())
        if match:
            return match.group(1).strip().strip("\"'") or None
    return None


def _score(text: str, line: int, journey: Journey) -> int | None:
    value = _decode(text).strip().strip("\"'")
    if _INT.fullmatch(value):
        score = int(value)
    elif _NUMBER.fullmatch(value):
        score = round(float(value))
        journey.warnings.append((line, f"score {value} is not a whole number; rounded to {score}"))
    else:
        shown = f"'{value}'" if value else "empty"
        journey.warnings.append(
            (line, f"the score is {shown}, not a number from 1 to 5; the emotion is left out")
        )
        return None
    clamped = min(max(score, LOWEST), HIGHEST)
    if clamped != score:
        journey.warnings.append((line, f"score {score} is outside 1..5; clamped to {clamped}"))
    return clamped


def _task(text: str, line: int, journey: Journey) -> Task:
    parts = text.split(":")
    if len(parts) == 1:
        journey.warnings.append((line, "the task has no score; the emotion is left out"))
        return Task(_decode(text.strip()), None, [], line)
    if len(parts) == 2:
        name, score, actors = parts[0], parts[1], ""
    else:
        name, score, actors = ":".join(parts[:-2]), parts[-2], parts[-1]
    people = [_decode(actor.strip().strip("\"'").strip()) for actor in actors.split(",")]
    return Task(_decode(name.strip()), _score(score, line, journey), [p for p in people if p], line)


def parse(block: Block) -> Journey:
    """The journey a block holds (its kind must be ``journey``)."""
    journey = Journey()
    lines = block.text.split("\n")
    skip_to = 0
    if lines and lines[0].strip() == "---":
        journey.configured = True
        skip_to = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 1)
    front_title = _front_matter_title(lines)
    in_description: list[str] | None = None
    seen_keyword = False
    for offset in range(skip_to, len(lines)):
        number = block.first_line + offset
        line = _protect(lines[offset]).strip()
        if in_description is not None:
            if "}" in line:
                in_description.append(line[: line.index("}")])
                journey.accessibility["accDescr"] = _decode("\n".join(in_description).strip())
                in_description = None
            else:
                in_description.append(line)
            continue
        if line.startswith("%%{"):
            journey.configured = True
            continue
        if line.startswith(("%", "#")):
            journey.comments += 1
            continue
        if "#" in line:  # Mermaid reads the rest of the line as a comment
            line = line[: line.index("#")].rstrip()
            journey.comments += 1
        if not line:
            continue
        if not seen_keyword:
            seen_keyword = True  # the 'journey' line, checked by the caller
            continue
        if match := _ACC_BLOCK.match(line):
            rest = match.group(1)
            if "}" in rest:
                journey.accessibility["accDescr"] = _decode(rest[: rest.index("}")].strip())
            else:
                in_description = [rest]
        elif match := _ACC.match(line):
            journey.accessibility[f"acc{match.group(1).capitalize()}"] = _decode(
                match.group(2).strip()
            )
        elif match := _TITLE.match(line):
            journey.title = _decode((match.group(1) or "").strip()) or journey.title
        elif match := _SECTION.match(line):
            journey.sections.append(Section(_decode((match.group(1) or "").strip()), number))
        else:
            if not journey.sections:
                journey.sections.append(Section("", number))
            journey.sections[-1].tasks.append(_task(line, number, journey))
    if journey.title is None:
        journey.title = front_title
    return journey


def _draft(journey: Journey, source: str, display: str, fallback_title: str) -> Draft:
    if not any(section.tasks for section in journey.sections):
        raise ImportProblem(f"{source}: the journey has no tasks, so there is nothing to map")
    draft = Draft(source=source, title=journey.title or fallback_title)
    if not journey.title:
        draft.lost.append("a title (the map is titled after the file)")
    if journey.accessibility:
        draft.map_extra["x-mermaid"] = dict(journey.accessibility)
    stage_ids, touchpoint_ids, persona_ids = Ids("stage"), Ids("touchpoint"), Ids("persona")
    persona_of: dict[str, str] = {}
    steps: dict[str, list[str]] = {}
    channel = draft.need_channel()
    for number, section in enumerate(journey.sections, start=1):
        name = section.name or (
            "Tasks before the first section" if number == 1 else f"Section {number}"
        )
        stage_id = stage_ids.make(name)
        draft.stages.append({"id": stage_id, "name": name})
        for task in section.tasks:
            name = task.name or f"Task on line {task.line}"
            touchpoint: dict[str, Any] = {
                "id": touchpoint_ids.make(name),
                "name": name,
                "stage": stage_id,
                "channels": [channel],
            }
            actors = []
            for actor in task.actors:
                if actor not in persona_of:
                    persona_of[actor] = persona_ids.make(actor)
                    draft.personas.append({"id": persona_of[actor], "name": actor})
                if persona_of[actor] not in actors:
                    actors.append(persona_of[actor])
            touchpoint["personas"] = actors
            if task.score is not None:
                touchpoint["emotion"] = task.score - 3
            for persona_id in actors:
                steps.setdefault(persona_id, []).append(touchpoint["id"])
            draft.touchpoints.append(touchpoint)
    if not draft.personas:  # no actors at all: every touchpoint is everyone's
        for touchpoint in draft.touchpoints:
            del touchpoint["personas"]
    for persona in draft.personas:
        if persona["id"] in steps:
            draft.journeys.append(
                {
                    "id": persona["id"],
                    "name": f"{persona['name']}: {draft.title}",
                    "persona": persona["id"],
                    "steps": steps[persona["id"]],
                }
            )
    if journey.configured:
        draft.lost.append("the diagram's configuration (front matter, %%{init}%%)")
    if journey.comments:
        draft.lost.append(plural(journey.comments, "comment"))
    if journey.warnings:
        lines = ", ".join(str(line) for line, _ in journey.warnings)
        draft.lost.append(f"the scores on lines {lines} as written (see the warnings)")
    draft.warnings.extend(f"{display}:{line}: warning: {text}" for line, text in journey.warnings)
    return draft


def read(raw: bytes, display: str, options: ImportOptions) -> list[Draft]:
    """The journeys of a file as drafts: the one journey, the ``--index``-th, or all."""
    # Line ends as Windows or old Macs write them would keep fences from closing.
    text = text_of(raw, display).replace("\r\n", "\n").replace("\r", "\n")
    found = blocks(text)
    journeys = [block for block in found if block.kind == "journey"]
    if not journeys:
        kinds = [block.kind for block in found if block.kind]
        if not kinds:
            raise ImportProblem(f"{display}: no Mermaid diagram found (the file is empty)")
        if len(found) == 1:
            raise ImportProblem(
                f"{display}:{found[0].kind_line}: a Mermaid {kinds[0]} diagram, not a journey; "
                "cjmap imports `journey` diagrams"
            )
        raise ImportProblem(
            f"{display}: none of its {len(found)} Mermaid diagrams is a journey "
            f"({', '.join(kinds)})"
        )
    if options.index is not None:
        if not 1 <= options.index <= len(journeys):
            raise ImportUsageError(
                f"{display}: --index {options.index}: the file has "
                f"{plural(len(journeys), 'journey diagram')}"
            )
        chosen = [options.index]
    elif len(journeys) > 1 and not options.every:
        where = ", ".join(str(block.kind_line) for block in journeys)
        raise ImportUsageError(
            f"{display}: {len(journeys)} journey diagrams (lines {where}); pick one with "
            "--index N, or import them all with --out-dir DIR"
        )
    else:
        chosen = list(range(1, len(journeys) + 1))
    stem = PurePath(display).stem
    drafts = []
    for number in chosen:
        block = journeys[number - 1]
        source = display
        if len(journeys) > 1:
            source = f"{display} (journey {number} of {len(journeys)}, line {block.kind_line})"
        drafts.append(_draft(parse(block), source, display, stem))
    return drafts
