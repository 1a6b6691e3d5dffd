"""The pains table: every pain of the maps, worst first, as ``cjmap pains`` lists them.

Each row is ``<tr data-pain="LINE">`` (the line where the pain is written) and says,
in data attributes, what the page's script filters it by: its map, touchpoint,
severity, stage, channels and personas. Without JavaScript the table is a plain
table in the order of ``cjmap pains``; with it, the column headings sort it and the
selects above it narrow it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cjmap.model import SEVERITIES
from cjmap.render import theme as th
from cjmap.reports.pains import PainPoint
from cjmap.share.content import MapContent
from cjmap.share.markup import Html, el
from cjmap.share.sections import section, table, touchpoint_button
from cjmap.text import plural

__all__ = ["pains_section"]

_COLUMNS = (
    ("Severity", "number"),
    ("Touchpoint", "text"),
    ("Stage", "number"),
    ("Emotion", "number"),
    ("Covered", "text"),
    ("Pain", "text"),
    ("Where", "text"),
)


def pains_section(maps: Sequence[tuple[int, MapContent]], prefix: str, level: int) -> Html:
    """The section of the pains of *maps* (each with its number on the page)."""
    ranked = sorted(
        ((number, content, point) for number, content in maps for point in content.pains),
        key=lambda item: (item[2].sort_key(), item[0]),
    )
    rows = [_row(number, content, point) for number, content, point in ranked]
    if not rows:
        return section(prefix, "pains", level, "Pains", el("p", "No pains are mapped."))
    caption = (
        f"{plural(len(rows), 'pain')}, worst first: by severity, then roadblocks, then "
        "the lower emotion, then lifecycle order."
    )
    return section(
        prefix,
        "pains",
        level,
        "Pains",
        _filters(prefix, maps),
        el("p", "", class_="pain-count", role="status", hidden=True),
        table(_COLUMNS, rows, "pains-table", caption),
    )


def _row(number: int, content: MapContent, point: PainPoint) -> Html:
    rank = SEVERITIES.index(point.severity)
    severity = point.severity + (f"\n{th.ROADBLOCK_MARK}\u00a0roadblock" if point.roadblock else "")
    emotion = "" if point.emotion is None else th.emotion_number(point.emotion)
    return el(
        "tr",
        el(
            "td",
            severity,
            class_=f"severity severity-{point.severity}",
            data_value=rank * 2 + point.roadblock,
        ),
        el(
            "td",
            touchpoint_button(content.model, point.touchpoint)
            if point.touchpoint
            else el("span", "the stage as a whole", class_="meta"),
        ),
        el("td", point.stage_name, data_value=point.stage_index),
        el("td", emotion, data_value=point.emotion if point.emotion is not None else ""),
        el("td", "yes" if point.covered else "no"),
        el("td", point.text),
        el("td", el("span", f"{point.path}:{point.line}", class_="where")),
        data_pain=point.line,
        data_map=number,
        data_about=point.touchpoint,  # None for a stage's pain: every filter keeps it
        data_severity=point.severity,
        data_stage=point.stage,
        data_channels=" ".join(point.channels),
        data_personas=" ".join(point.personas),
    )


def _filters(prefix: str, maps: Sequence[tuple[int, MapContent]]) -> Html:
    models = [content.model for _, content in maps]
    stages = _unique((s.id, s.name) for m in models for s in m.stages)
    channels = _unique((c.id, c.name) for m in models for c in m.channels)
    personas = _unique((p.id, p.name) for m in models for p in m.personas)
    severities = [(s, f"{s} or worse") for s in SEVERITIES[1:]]
    selects = [
        _select(prefix, "severity", "Severity", "any severity", severities),
        _select(prefix, "stage", "Stage", "every stage", stages),
        _select(prefix, "channel", "Channel", "every channel", channels),
        _select(prefix, "persona", "Persona", "every persona", personas),
    ]
    return el("div", *selects, class_="pain-filters", hidden=True)


def _select(
    prefix: str, kind: str, label: str, everything: str, options: Sequence[tuple[str, str]]
) -> Html:
    control = f"{prefix}pains-{kind}"
    choices = [el("option", everything, value="")]
    choices += [el("option", name, value=key) for key, name in options]
    return el(
        "label",
        f"{label} ",
        el("select", *choices, id=control, data_pain_filter=kind),
        for_=control,
    )


def _unique(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Ids with the first name given for each, in first-seen order."""
    first: dict[str, str] = {}
    for key, name in pairs:
        first.setdefault(key, name)
    return list(first.items())
