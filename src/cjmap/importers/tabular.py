"""What both layouts of a sheet (CSV, or a spreadsheet's) share: headers and the fields
they name, cells as text, and the reader that makes stages, channels, personas and
emotions. The layouts are told apart in ``layouts``: a row per touchpoint (``rows``),
or stages as columns and lanes as rows, as journey-map templates are drawn (``lanes``).

Headers are matched without regard to case, spaces or punctuation, with the common
synonyms in ``SYNONYMS``; ``--column HEADER=FIELD`` names the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from cjmap.importers.draft import Draft, Ids, ImportOptions, ImportUsageError
from cjmap.model import LIFECYCLE_STAGES

IGNORE = "ignore"

# Field -> the header words that mean it (compared as lowercase letters and digits).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "stage": (
        "stage",
        "stages",
        "phase",
        "stagename",
        "journeystage",
        "journeyphase",
        "lifecyclestage",
    ),
    "stage_id": ("stageid",),
    "lifecycle": ("lifecycle", "stagelifecycle"),
    "touchpoint": ("touchpoint", "touchpoints", "touchpointname", "step", "task", "interaction"),
    "touchpoint_id": ("touchpointid", "id"),
    "channel": ("channel", "channels", "channelname", "medium"),
    "channel_kind": ("channelkind", "channeltype"),
    "personas": ("persona", "personas", "actor", "actors", "segment"),
    "doing": ("doing", "action", "actions", "does", "customeraction", "customeractions"),
    "thinking": ("thinking", "thoughts", "thought", "thinks", "quote", "quotes"),
    "feeling": ("feeling", "feelings", "feels"),
    "emotion": ("emotion", "score", "sentiment", "emotionscore", "mood"),
    "pains": ("pain", "pains", "painpoint", "painpoints", "pointsofpain", "frustrations"),
    "worst_severity": ("worstseverity", "severity"),
    "roadblock": ("roadblock", "roadblocks"),
    "delights": ("delight", "delights", "pointsofdelight", "gains"),
    "owner": ("owner", "team", "owningteam"),
    "organisation": ("organisation", "organization", "org", "company", "provider"),
    "moment_of_truth": ("momentoftruth", "mot"),
    "importance": ("importance",),
    "evidence": ("evidence",),
    "metrics": ("metric", "metrics", "kpi", "kpis"),
    "metric_value": ("value", "metricvalue"),
    "target": ("target", "metrictarget"),
    "notes": ("notes", "note", "comment", "comments"),
    "opportunities": ("opportunity", "opportunities", "ideas"),
    "timeframe": ("timeframe", "when", "time"),
}
FIELDS = (*SYNONYMS, IGNORE)
_HEADER_FIELD = {word: name for name, words in SYNONYMS.items() for word in words}
_NOT_WORD = re.compile(r"[\W_]+")
_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]")
LIST_SPLIT = re.compile(r"\s*(?:\n|;)\s*")
NAME_SPLIT = re.compile(r"\s*[,;\n]\s*")
_FORMULA_SAFE = re.compile(r"'(?=[=+\-@\t\r])")  # the apostrophe cjmap's CSV export adds
SCALES: dict[str, tuple[float, float]] = {
    "-2-2": (-2, 2),
    "1-5": (1, 5),
    "1-10": (1, 10),
    "-5-5": (-5, 5),
    "0-10": (0, 10),
}


def header_key(text: str) -> str:
    """A header as compared: lowercase letters and digits only."""
    return _NOT_WORD.sub("", text.lower())


def header_field(header: str, named: dict[str, str]) -> str | None:
    """The field a header names: by ``--column``, else by its words, with or without what
    it says in brackets (``Score (1-5)``, ``Channel(s)``)."""
    for text in (header, _BRACKETS.sub("", header)):
        key = header_key(text)
        if key in named or key in _HEADER_FIELD:
            return named.get(key) or _HEADER_FIELD[key]
    return None


def cell(value: object) -> str:
    """A cell as text, without the apostrophe that keeps a formula from running."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _FORMULA_SAFE.sub("", str(value).strip(), count=1)


@dataclass
class Sheet:
    """Rows of cells as text, each with the line (CSV) or row number (xlsx) it came from."""

    display: str
    rows: list[tuple[int, list[str]]]
    where: str = "line"  # what a row number is called in messages


def column_overrides(options: ImportOptions) -> dict[str, str]:
    """``--column HEADER=FIELD`` as header key -> field; a usage error for an unknown field."""
    named: dict[str, str] = {}
    for header, name in options.columns:
        field_name = name.strip().lower().replace("-", "_").replace(" ", "_")
        if field_name not in FIELDS:
            raise ImportUsageError(
                f"--column {header}={name}: '{name}' is not a field; use one of "
                + ", ".join(FIELDS)
            )
        named[header_key(header)] = field_name
    return named


class Reader:
    """Builds the draft row by row; one instance per sheet."""

    def __init__(self, sheet: Sheet, options: ImportOptions) -> None:
        self.sheet = sheet
        self.options = options
        self.draft = Draft(source=sheet.display, title=PurePath(sheet.display).stem)
        self.stage_ids, self.channel_ids = Ids("stage"), Ids("channel")
        self.persona_ids, self.touchpoint_ids = Ids("persona"), Ids("touchpoint")
        self.stages: dict[str, str] = {}  # name (or given id) -> id
        self.channels: dict[str, str] = {}
        self.personas: dict[str, str] = {}
        self.organisations: dict[str, str] = {}
        self.organisation_ids = Ids("organisation")
        self.low, self.high = SCALES[options.scale]

    def warn(self, number: int, text: str) -> None:
        self.draft.warnings.append(f"{self.sheet.display}:{number}: warning: {text}")

    def stage(self, name: str, given: str | None = None, lifecycle: str = "") -> str:
        key = given or name
        if key not in self.stages:
            self.stages[key] = self.stage_ids.make(name, given)
            stage = {"id": self.stages[key], "name": name or self.stages[key]}
            if lifecycle.lower() in LIFECYCLE_STAGES:
                stage["lifecycle"] = lifecycle.lower()
            self.draft.stages.append(stage)
        return self.stages[key]

    def channel(self, name: str, kind: str) -> str:
        if name not in self.channels:
            self.channels[name] = self.channel_ids.make(name)
            channel: dict[str, Any] = {"id": self.channels[name], "name": name}
            if kind in ("digital", "physical", "human", "print", "other"):
                channel["kind"] = kind
            self.draft.channels.append(channel)
        return self.channels[name]

    def organisation(self, name: str) -> str:
        if name not in self.organisations:
            self.organisations[name] = self.organisation_ids.make(name)
            self.draft.organisations.append({"id": self.organisations[name], "name": name})
        return self.organisations[name]

    def persona(self, name: str) -> str:
        if name not in self.personas:
            self.personas[name] = self.persona_ids.make(name)
            self.draft.personas.append({"id": self.personas[name], "name": name})
        return self.personas[name]

    def emotion_cell(self, text: str, number: int) -> int | dict[str, int] | None:
        """An emotion cell: one number, or ``persona: n; persona: n`` for each persona."""
        if ":" not in text:
            return self.emotion(text, number)
        scores: dict[str, int] = {}
        for part in LIST_SPLIT.split(text):
            who, _, value = part.rpartition(":")
            emotion = self.emotion(value.strip(), number)
            if who.strip() and emotion is not None:
                scores[self.persona_named(who.strip())] = emotion
        return scores or None

    def persona_named(self, text: str) -> str:
        """The persona a name or an id made from a name stands for (new if none)."""
        if text in self.personas:
            return self.personas[text]
        if text in self.persona_ids.taken:
            return text
        return self.persona(text)

    def emotion(self, text: str, number: int) -> int | None:
        """A cell on the source's scale as an emotion of -2..2 (None when empty or not a number)."""
        if not text:
            return None
        try:
            value = float(text.replace(",", ".").replace("\u2212", "-"))
        except ValueError:
            self.warn(number, f"emotion '{text}' is not a number; left out")
            return None
        if not self.low <= value <= self.high:
            self.warn(number, f"emotion {text} is outside {self.options.scale}; clamped")
            value = min(max(value, self.low), self.high)
        scaled = -2 + (value - self.low) * 4 / (self.high - self.low)
        if scaled != round(scaled) and self.options.scale == "-2-2":
            self.warn(number, f"emotion {text} is not a whole number; rounded")
        return round(scaled)
