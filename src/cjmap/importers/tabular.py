"""A touchpoint inventory in rows and columns (CSV or a spreadsheet sheet) as a map.

Two layouts. Row per touchpoint (or per touchpoint and channel, as ``cjmap export
--to csv`` writes): a header row, then rows that share a touchpoint id, or a stage
and a name, are one touchpoint over several channels. Transposed, as most journey
map templates are drawn: the first row holds the stages, the first column the lanes
(Doing, Thinking, Feeling, Pains, Opportunities...).

Headers are matched without regard to case, spaces or punctuation, with the common
synonyms in ``SYNONYMS``; ``--column HEADER=FIELD`` names the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from cjmap.importers.draft import Draft, Ids, ImportOptions, ImportProblem, ImportUsageError
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
_TRUE = frozenset({"yes", "y", "true", "x", "1", "✓", "✔", "ja", "oui", "si", "sí"})
_FALSE = frozenset({"no", "n", "false", "0", "", "-"})
_METRIC = re.compile(
    r"(?P<name>.+): (?P<value>-?\d+(?:\.\d+)?|none)(?P<unit>.*?)"
    r"(?: \((?:target (?P<target>-?\d+(?:\.\d+)?).*?, )?(?P<better>lower|higher) is better\))?$"
)
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


def read_sheet(sheet: Sheet, options: ImportOptions) -> Draft:
    """The map a sheet holds, in either layout."""
    rows = [(number, cells) for number, cells in sheet.rows if any(c for c in cells)]
    if not rows:
        raise ImportProblem(f"{sheet.display}: the file has no rows")
    named = column_overrides(options)
    number, header = rows[0]
    fields = [header_field(h, named) for h in header]
    transposed = options.transposed
    if transposed is None:
        transposed = _looks_transposed(header, fields, rows[1:], named)
    if transposed:
        from cjmap.importers.lanes import read_transposed  # a layout of its own

        return read_transposed(sheet, rows, named, options)
    if "touchpoint" not in fields and "touchpoint_id" not in fields:
        found = ", ".join(f"'{h}'" for h in header if h) or "none"
        raise ImportProblem(
            f"{sheet.display}:{number}: no touchpoint column; the columns found are {found}. "
            "Say which column holds the touchpoints with --column 'HEADER=touchpoint'"
        )
    return _read_rows(sheet, header, fields, rows[1:], options)


def _looks_transposed(
    header: Sequence[str],
    fields: Sequence[str | None],
    rows: Sequence[tuple[int, list[str]]],
    named: dict[str, str],
) -> bool:
    if "touchpoint" in fields or "touchpoint_id" in fields or not rows:
        return False
    labels = [header_field(cells[0], named) for _, cells in rows]
    return sum(label is not None for label in labels) >= 2 and len(header) >= 2


@dataclass
class _Touchpoint:
    data: dict[str, Any]
    personas: list[str] = field(default_factory=list)


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


def _flag(text: str) -> bool:
    return text.strip().lower() in _TRUE


def _metrics(text: str) -> list[dict[str, Any]]:
    metrics = []
    for item in LIST_SPLIT.split(text):
        if not item:
            continue
        match = _METRIC.fullmatch(item)
        if match is None:
            metrics.append({"name": item})
            continue
        metric: dict[str, Any] = {"name": match["name"]}
        if match["value"] != "none":
            metric["value"] = _number(match["value"])
        if match["target"]:
            metric["target"] = _number(match["target"])
        unit = match["unit"].strip()
        if unit:
            metric["unit"] = unit
        if match["better"]:
            metric["better"] = match["better"]
        metrics.append(metric)
    return metrics


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _read_rows(
    sheet: Sheet,
    header: list[str],
    fields: list[str | None],
    rows: list[tuple[int, list[str]]],
    options: ImportOptions,
) -> Draft:
    reader = Reader(sheet, options)
    draft = reader.draft
    unknown = [h for h, f in zip(header, fields, strict=True) if f is None and h]
    if unknown:
        draft.lost.append(
            "the columns " + ", ".join(f"'{h}'" for h in unknown) + " (name them with --column)"
        )
    if "stage" not in fields and "stage_id" not in fields:
        draft.lost.append("stages (no stage column: every touchpoint is in one stage)")
    touchpoints: dict[tuple[str, str], _Touchpoint] = {}
    pains_only_counted = False
    for number, cells in rows:
        values: dict[str, str] = {}
        for name, text in zip(fields, cells, strict=False):
            if name is not None and name != IGNORE and name not in values:
                values[name] = text
        name = values.get("touchpoint", "")
        given = values.get("touchpoint_id") or None
        if not name and not given:
            reader.warn(number, "the row names no touchpoint; skipped")
            continue
        stage_name = values.get("stage", "")
        stage = reader.stage(
            stage_name or values.get("stage_id", "") or "Touchpoints",
            values.get("stage_id"),
            values.get("lifecycle", ""),
        )
        key = ("", given) if given else (stage, name)
        entry = touchpoints.get(key)
        if entry is None:
            data: dict[str, Any] = {
                "id": reader.touchpoint_ids.make(name or str(given), given),
                "name": name or str(given),
                "stage": stage,
                "channels": [],
            }
            entry = touchpoints[key] = _Touchpoint(data)
            first_row = True
        else:
            first_row = False
        for channel in NAME_SPLIT.split(values.get("channel", "")):
            if channel:
                channel_id = reader.channel(channel, values.get("channel_kind", "").lower())
                if channel_id not in entry.data["channels"]:
                    entry.data["channels"].append(channel_id)
        for persona in NAME_SPLIT.split(values.get("personas", "")):
            if persona and reader.persona(persona) not in entry.personas:
                entry.personas.append(reader.persona(persona))
        if first_row:  # after the personas, which an emotion per persona may name
            pains_only_counted |= _fill(reader, entry, values, number)
    if not touchpoints:
        raise ImportProblem(f"{sheet.display}: no row names a touchpoint")
    for entry in touchpoints.values():
        if not entry.data["channels"]:
            entry.data["channels"] = [draft.need_channel()]
        if entry.personas:
            entry.data = _after(entry.data, "channels", "personas", entry.personas)
        draft.touchpoints.append(entry.data)
    if pains_only_counted:
        draft.lost.append("the texts of pains (the source gives only how many there are)")
    return draft


def _after(data: dict[str, Any], key: str, new: str, value: object) -> dict[str, Any]:
    """``data`` with ``new`` inserted after ``key``, the order the map lists fields in."""
    result: dict[str, Any] = {}
    for name, item in data.items():
        result[name] = item
        if name == key:
            result[new] = value
    return result


def _fill(reader: Reader, entry: _Touchpoint, values: dict[str, str], number: int) -> bool:
    """The fields of a touchpoint from its first row; True when pains were only counted."""
    data = entry.data
    if values.get("organisation"):
        data["organisation"] = reader.organisation(values["organisation"])
    if values.get("owner"):
        data["owner"] = values["owner"]
    for lane in ("doing", "thinking", "feeling"):
        if values.get(lane):
            data[lane] = values[lane]
    emotion = reader.emotion_cell(values.get("emotion", ""), number)
    if emotion is not None:
        data["emotion"] = emotion
    importance = values.get("importance", "").lower()
    if importance in ("low", "medium", "high"):
        data["importance"] = importance
    if _flag(values.get("moment_of_truth", "")):
        data["moment_of_truth"] = True
    evidence = values.get("evidence", "").lower()
    if evidence in ("hypothesis", "observed", "validated"):
        data["evidence"] = evidence
    counted = False
    pains_text = values.get("pains", "")
    severity = values.get("worst_severity", "").lower()
    roadblock = _flag(values.get("roadblock", ""))
    pains: list[dict[str, Any]]
    if pains_text.isdigit():
        counted = int(pains_text) > 0
        pains = [
            {"text": f"Pain {n} of {pains_text} (its text was not in the source)"}
            for n in range(1, int(pains_text) + 1)
        ]
    else:
        pains = [{"text": text} for text in LIST_SPLIT.split(pains_text) if text]
    if pains:
        if severity in ("low", "medium", "high", "critical"):
            pains[0]["severity"] = severity
        if roadblock:
            pains[0]["roadblock"] = True
        data["pains"] = [p if len(p) > 1 else p["text"] for p in pains]
    delights = [text for text in LIST_SPLIT.split(values.get("delights", "")) if text]
    if delights:
        data["delights"] = delights
    metrics = _metrics(values.get("metrics", ""))
    if len(metrics) == 1 and values.get("metric_value"):
        metrics[0]["value"] = _number(values["metric_value"])
    if len(metrics) == 1 and values.get("target"):
        metrics[0]["target"] = _number(values["target"])
    if metrics:
        data["metrics"] = metrics
    if values.get("notes"):
        data["notes"] = values["notes"]
    return counted
