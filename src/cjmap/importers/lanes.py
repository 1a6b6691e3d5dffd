"""The transposed layout of journey-map templates: stages as columns, lanes as rows.

The first row names the stages (its first cell may say ``Stage`` or ``Phase``); the
first cell of every other row names a lane. Doing, thinking and feeling, pains,
delights, an emotion and a timeframe go into the stage's own lanes; a Touchpoints
row gives each stage its touchpoints (one a line), a Channels row their channels;
an Opportunities row becomes ``opportunities:`` that address their stage.
"""

from __future__ import annotations

from typing import Any

from cjmap.importers.draft import Draft, Ids, ImportOptions, ImportProblem
from cjmap.importers.tabular import IGNORE, LIST_SPLIT, NAME_SPLIT, Reader, Sheet, header_field

# Lanes that a stage carries itself, as a text or a list of texts.
_TEXT_LANES = ("doing", "thinking", "feeling")
# Every row this layout understands; others are said to be left out.
_STAGE_LANES = (
    *_TEXT_LANES,
    "pains",
    "delights",
    "emotion",
    "timeframe",
    "channel",
    "opportunities",
    "touchpoint",
)


def _lines(text: str) -> list[str]:
    return [line for line in LIST_SPLIT.split(text) if line]


def read_transposed(
    sheet: Sheet,
    rows: list[tuple[int, list[str]]],
    named: dict[str, str],
    options: ImportOptions,
) -> Draft:
    reader = Reader(sheet, options)
    draft = reader.draft
    _, header = rows[0]
    stages: dict[int, dict[str, Any]] = {}  # column -> its stage
    for index, name in enumerate(header):
        if index and name:
            stages[index] = {"id": reader.stage_ids.make(name), "name": name}
            draft.stages.append(stages[index])
    if not stages:
        raise ImportProblem(f"{sheet.display}:{rows[0][0]}: the first row names no stage")
    lanes: list[tuple[int, str, list[str]]] = []
    left_out: list[str] = []
    for number, cells in rows[1:]:
        lane = header_field(cells[0], named)
        if lane in _STAGE_LANES:
            lanes.append((number, lane, cells))
        elif lane != IGNORE:
            left_out.append(cells[0])
    if left_out:
        draft.lost.append(
            "the rows "
            + ", ".join(f"'{label}'" for label in left_out)
            + " (name them with --column)"
        )
    channels: dict[int, list[str]] = {}
    touchpoints: list[tuple[int, str]] = []
    opportunity_ids = Ids("opportunity")
    for number, lane, cells in lanes:
        for index, stage in stages.items():
            text = cells[index] if index < len(cells) else ""
            if not text:
                continue
            if lane in _TEXT_LANES:
                items = _lines(text)
                stage[lane] = items[0] if len(items) == 1 else items
            elif lane in ("pains", "delights"):
                stage.setdefault(lane, []).extend(_lines(text))
            elif lane == "emotion":
                emotion = reader.emotion_cell(text, number)
                if emotion is not None:
                    stage["emotion"] = emotion
            elif lane == "timeframe":
                stage["timeframe"] = text
            elif lane == "channel":
                names = [name for name in NAME_SPLIT.split(text) if name]
                channels[index] = [reader.channel(name, "") for name in names]
            elif lane == "opportunities":
                for title in _lines(text):
                    draft.opportunities.append(
                        {
                            "id": opportunity_ids.make(title),
                            "title": title,
                            "addresses": [stage["id"]],
                        }
                    )
            else:  # touchpoint
                touchpoints.extend((index, name) for name in _lines(text))
    for index, name in touchpoints:
        draft.touchpoints.append(
            {
                "id": reader.touchpoint_ids.make(name),
                "name": name,
                "stage": stages[index]["id"],
                "channels": channels.get(index) or [draft.need_channel()],
            }
        )
    if not draft.channels:
        draft.need_channel()
    return draft
