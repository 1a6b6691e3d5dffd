"""The row layout: a header row, then a row per touchpoint, or per touchpoint and channel
as ``cjmap export --to csv`` writes it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cjmap.importers.draft import Draft, ImportOptions, ImportProblem
from cjmap.importers.tabular import IGNORE, LIST_SPLIT, NAME_SPLIT, Reader, Sheet

# What people type in a yes/no column (moment of truth, roadblock).
_TRUE = frozenset({"yes", "y", "true", "x", "1", "✓", "✔", "ja", "oui", "si", "sí"})
# A metric as cjmap's CSV export writes it (cjmap.export.metric_text):
# "Checkout abandonment: 64% (target 35%, lower is better)".
_METRIC = re.compile(
    r"(?P<name>.+): (?P<value>-?\d+(?:\.\d+)?|none)(?P<unit>.*?)"
    r"(?: \((?:target (?P<target>-?\d+(?:\.\d+)?).*?, )?(?P<better>lower|higher) is better\))?$"
)


@dataclass
class _Touchpoint:
    data: dict[str, Any]
    personas: list[str] = field(default_factory=list)


def read_rows(
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
