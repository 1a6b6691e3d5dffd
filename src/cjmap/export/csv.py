"""The touchpoint inventory as CSV: the touchpoint map that teams keep in spreadsheets.

One row per touchpoint and channel, in lifecycle order, so that a spreadsheet can
filter by channel as well as by stage. An emotion given per persona is written in
its cell as ``busy-parent: -2; home-barista: 1``; the stage's lifecycle word and the
touchpoint's organisation come last, after the columns older exports had. RFC 4180:
a header row of column keys, every field quoted when it holds a comma, a quote or a
line break, and CRLF line ends. Text that begins like a formula gets a leading
apostrophe (``writers.table.spreadsheet_cell``).
"""

from __future__ import annotations

import io

from cjmap.export import ExportOptions, metric_text
from cjmap.model import CJMap, EmotionScore, Touchpoint
from cjmap.writers.table import Cell, Column, Table, write_csv

COLUMNS = (
    Column("stage", "Stage"),
    Column("touchpoint_id", "Touchpoint id"),
    Column("touchpoint", "Touchpoint"),
    Column("channel", "Channel"),
    Column("channel_kind", "Channel kind"),
    Column("personas", "Personas"),
    Column("owner", "Owner"),
    Column("emotion", "Emotion", numeric=True),
    Column("pains", "Pains", numeric=True),
    Column("worst_severity", "Worst severity"),
    Column("roadblock", "Roadblock"),
    Column("moment_of_truth", "Moment of truth"),
    Column("importance", "Importance"),
    Column("evidence", "Evidence"),
    Column("metrics", "Metrics"),
    Column("stage_lifecycle", "Stage lifecycle"),
    Column("organisation", "Organisation"),
)


def _in_lifecycle_order(model: CJMap) -> list[Touchpoint]:
    return sorted(model.touchpoints, key=lambda tp: model.stage_index[tp.stage])


def emotion_cell(emotion: EmotionScore | None) -> Cell:
    """The emotion as a number, or per persona as 'busy-parent: -2; home-barista: 1'."""
    if isinstance(emotion, dict):
        return "; ".join(f"{persona}: {score}" for persona, score in emotion.items())
    return emotion


def touchpoint_rows(model: CJMap) -> list[dict[str, Cell]]:
    """One row per touchpoint and channel, touchpoints in lifecycle order."""
    rows: list[dict[str, Cell]] = []
    for tp in _in_lifecycle_order(model):
        worst = max(tp.pains, key=lambda pain: pain.severity_rank, default=None)
        common: dict[str, Cell] = {
            "stage": model.stages_by_id[tp.stage].name,
            "touchpoint_id": tp.id,
            "touchpoint": tp.name,
            "personas": [p.name for p in model.personas if tp.applies_to(p.id)],
            "owner": tp.owner,
            "emotion": emotion_cell(tp.emotion),
            "pains": len(tp.pains),
            "worst_severity": worst.severity if worst else None,
            "roadblock": any(pain.roadblock for pain in tp.pains),
            "moment_of_truth": tp.moment_of_truth,
            "importance": tp.importance,
            "evidence": tp.evidence,
            "metrics": "; ".join(metric_text(metric) for metric in tp.metrics),
            "stage_lifecycle": model.stages_by_id[tp.stage].lifecycle,
            "organisation": (
                model.organisations_by_id[tp.organisation].name if tp.organisation else None
            ),
        }
        for channel_id in tp.channels:
            channel = model.channels_by_id[channel_id]
            rows.append({**common, "channel": channel.name, "channel_kind": channel.kind})
    return rows


def export(model: CJMap, options: ExportOptions) -> str:
    out = io.StringIO()
    write_csv(Table(COLUMNS, touchpoint_rows(model)), out, False)
    return out.getvalue()
