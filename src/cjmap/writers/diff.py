"""Map diffs as text for people (coloured on a terminal), JSON for tools, Markdown for PRs.

Each writer takes the :class:`~cjmap.reports.diff.MapDiff` list of one run: one diff
for two files, one per map when folders are compared with a git revision.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from cjmap.model import shortfall
from cjmap.reports.changes import Change, MapDiff
from cjmap.text import amount, escape_controls, number, plural, quoted

# Kinds of change: the heading of their section, and what their items are.
HEADINGS: dict[str, tuple[str, str]] = {
    "map": ("Map", ""),
    "stage": ("Stages", "Stage"),
    "channel": ("Channels", "Channel"),
    "persona": ("Personas", "Persona"),
    "organisation": ("Organisations", "Organisation"),
    "curve": ("Curves", "Curve"),
    "touchpoint": ("Touchpoints", "Touchpoint"),
    "emotion": ("Emotion", "Touchpoint"),
    "pain": ("Pains", "Touchpoint"),
    "delight": ("Delights", "Touchpoint"),
    "moment_of_truth": ("Moments of truth", "Touchpoint"),
    "metric": ("Metrics", "Touchpoint"),
    "opportunity": ("Opportunities", "Opportunity"),
    "action": ("Actions", "Action"),
    "journey": ("Journeys", "Journey"),
}
_ON_TOUCHPOINTS = frozenset(kind for kind, (_, item) in HEADINGS.items() if item == "Touchpoint")

_MARKS = {
    "added": "+",
    "new": "+",
    "gained": "+",
    "removed": "-",
    "gone": "-",
    "lost": "-",
}

# Good or bad news for the customer; every other change is neutral.
# A pain that is no longer on the map may be fixed or only deleted: neither good nor bad.
_GOOD = frozenset({("delight", "new"), ("emotion", "up"), ("metric", "toward")})
_BAD = frozenset({("pain", "new"), ("delight", "gone"), ("emotion", "down"), ("metric", "away")})

_SHORT = 40
"""A changed field whose old or new value reads longer than this is said to be 'edited'."""


# --- Phrasing, shared by the text and Markdown writers ---------------------------


def _show(value: Any) -> str:
    """A field value as a map author would recognise it: ids and words bare, text quoted."""
    if value is None or value == []:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, list):
        return ", ".join(_show(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_show(item)}" for key, item in value.items())
    text = str(value)
    return text if text and not any(char.isspace() for char in text) else quoted(text)


def _pain(state: dict[str, Any]) -> str:
    return f"{state['severity']}{', roadblock' if state['roadblock'] else ''}"


def _fields(group: Sequence[Change]) -> str:
    shown: list[str] = []
    edited: list[str] = []
    for change in group:
        old, new = _show(change.old), _show(change.new)
        if len(old) <= _SHORT and len(new) <= _SHORT:
            shown.append(f"{change.subject} {old} → {new}")
        else:
            edited.append(str(change.subject))
    if edited:
        shown.append(f"{', '.join(edited)} edited")
    return "; ".join(shown)


def _metric(change: Change) -> str:
    old, new = change.old or {}, change.new or {}
    name = quoted(str(change.subject))
    unit = new.get("unit", old.get("unit"))
    if change.change == "added":
        target = f" (target {amount(new['target'], unit)})" if new["target"] is not None else ""
        return f"new metric {name}: {amount(new['value'], unit)}{target}"
    if change.change == "removed":
        return f"metric removed: {name}"
    if change.change == "target":
        return f"{name} target {amount(old['target'], unit)} → {amount(new['target'], unit)}"
    if change.change == "changed":
        parts = [
            f"{key} {_show(old[key])} → {_show(new[key])}"
            for key in ("unit", "better")
            if old[key] != new[key]
        ]
        return f"{name} {'; '.join(parts)}"
    moved = f"{name} {amount(old['value'], unit)} → {amount(new['value'], unit)}"
    target = new["target"]
    if change.change == "toward":
        met = shortfall(new["value"], target, new["better"]) == 0
        return f"{moved}, {'meets' if met else 'toward'} the target {amount(target, unit)}"
    if change.change == "away":
        return f"{moved}, away from the target {amount(target, unit)}"
    return moved


def _steps(old: list[str], new: list[str]) -> str:
    parts = [f"-{step}" for step in old if step not in new]
    parts += [f"+{step}" for step in new if step not in old]
    return f"steps {', '.join(parts)}" if parts else "steps reordered"


def describe(group: Sequence[Change]) -> str:
    """What happened, in words: 'emotion -2 → 0 (+2)', "new pain 'x' (high)"...

    A group is one change, or several field changes of one item ("changed").
    """
    change = group[0]
    kind, what, old, new = change.kind, change.change, change.old, change.new
    if kind == "metric":
        return _metric(change)
    if what == "changed" and kind != "emotion":
        return _fields(group)
    if kind == "emotion":
        emotion = f"emotion for {change.subject}" if change.subject else "emotion"
        if what == "changed":
            return f"{emotion} {_show(old)} → {_show(new)}"
        return f"{emotion} {old} → {new} ({new - old:+d})"
    if kind == "pain":
        text = quoted(str(change.subject))
        if what == "new":
            return f"new pain {text} ({_pain(new)})"
        if what == "removed":
            return f"pain removed: {text} ({_pain(old)})"
        return f"pain {text}: {_pain(old)} → {_pain(new)}"
    if kind == "delight":
        text = quoted(str(change.subject))
        return f"new delight {text}" if what == "new" else f"delight gone: {text}"
    if kind == "moment_of_truth":
        return "now a moment of truth" if what == "gained" else "no longer a moment of truth"
    if what == "added":
        return f"added {quoted(new)}" + (f" in stage {change.stage}" if change.stage else "")
    if what == "removed":
        return f"removed {quoted(old)}" + (f" (stage {change.stage})" if change.stage else "")
    if what == "renamed":
        return f"renamed {quoted(old)} → {quoted(new)}"
    if what == "moved" and kind == "stage":
        return f"moved from position {old} to {new} in the lifecycle"
    if what == "moved":
        return f"moved from stage {old} to {new}"
    if what == "status":
        return f"status {old} → {new}"
    if what == "steps":
        return _steps(old, new)
    return f"{what} {_show(old)} → {_show(new)}"


def tone(group: Sequence[Change]) -> str:
    """'regression', 'good', 'bad' or 'neutral': how the change reads for the customer."""
    change = group[0]
    if change.regression:
        return "regression"
    if (change.kind, change.change) in _GOOD:
        return "good"
    if (change.kind, change.change) in _BAD:
        return "bad"
    return "neutral"


def groups(diff: MapDiff) -> Iterator[tuple[str, list[Change]]]:
    """(kind, changes) for each line of a report: field changes of one item share a line."""
    current: list[Change] = []
    for change in diff.changes:
        if (
            current
            and change.change == "changed"
            and change.kind not in ("map", "metric", "emotion")
            and (current[0].kind, current[0].id, current[0].change)
            == (change.kind, change.id, "changed")
        ):
            current.append(change)
            continue
        if current:
            yield current[0].kind, current
        current = [change]
    if current:
        yield current[0].kind, current


def _counted(numbers: Sequence[tuple[int, str]]) -> list[str]:
    """'+2', '-1', '3 changed' for the counts that are not zero."""
    return [
        f"{label}{count}" if label in ("+", "-") else f"{count} {label}"
        for count, label in numbers
        if count
    ]


# The summary's parts: (kind, label, [(change, word)]), in order. A word "+" or "-"
# is written before its number, any other after it; "status" reads "status change(s)".
_SUMMARY: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    *(
        (
            kind,
            label,
            (
                ("added", "+"),
                ("removed", "-"),
                ("renamed", "renamed"),
                ("moved", "moved"),
                ("changed", "changed"),
            ),
        )
        for kind, label in (
            ("stage", "stages"),
            ("channel", "channels"),
            ("persona", "personas"),
            ("organisation", "organisations"),
            ("curve", "curves"),
        )
    ),
    ("pain", "pains", (("removed", "removed"), ("new", "new"), ("changed", "changed"))),
    ("delight", "delights", (("new", "new"), ("gone", "gone"))),
    ("moment_of_truth", "moments of truth", (("gained", "+"), ("lost", "-"))),
    *(
        (
            kind,
            label,
            (("added", "+"), ("removed", "-"), ("status", "status"), ("changed", "changed")),
        )
        for kind, label in (("opportunity", "opportunities"), ("action", "actions"))
    ),
    ("journey", "journeys", (("added", "+"), ("removed", "-"), ("changed", "changed"))),
)
# Metrics: moving toward or away from the target, and every other change as "changed".
_METRIC_OTHER = ("added", "removed", "value", "target", "changed")


def summary(diff: MapDiff) -> str:
    """One line: '+3 touchpoints, -1, 5 changed; pains: 2 removed, 1 new; mean emotion ...'.

    Every number comes from ``diff.counts()``, which the JSON shows too.
    """
    if diff.old is None and diff.new is not None:
        return f"new map {quoted(diff.new.title)} ({plural(diff.new.touchpoints, 'touchpoint')})"
    if diff.new is None and diff.old is not None:
        return f"map removed: {quoted(diff.old.title)}"
    counts = diff.counts()
    parts: list[str] = []

    touchpoints = counts["touchpoint"]
    numbers = [
        (touchpoints[name], word)
        for name, word in (("added", "+"), ("removed", "-"), ("changed", "changed"))
    ]
    shown = _counted(numbers)
    if shown:
        first = next(count for count, _ in numbers if count)
        noun = "touchpoint" if first == 1 else "touchpoints"
        shown[0] = f"{shown[0]} {noun}" if shown[0][0] in "+-" else f"{first} {noun} changed"
        parts.append(", ".join(shown))

    def add(label: str, numbers: Sequence[tuple[int, str]]) -> None:
        shown = _counted(numbers)
        if shown:
            parts.append(f"{label}: {', '.join(shown)}")

    for kind, label, words in _SUMMARY:
        numbers = [
            (
                counts[kind].get(name, 0),
                _status_word(counts[kind][name]) if word == "status" else word,
            )
            for name, word in words
        ]
        add(label, numbers)
        if kind == "moment_of_truth":
            metrics = counts["metric"]
            add(
                "metrics",
                [
                    (metrics["toward"], "toward target"),
                    (metrics["away"], "away"),
                    (sum(metrics[name] for name in _METRIC_OTHER), "changed"),
                ],
            )
    fields = counts["map"]["changed"]
    add("map", [(fields, "field changed" if fields == 1 else "fields changed")])
    old_mean = diff.old.mean_emotion if diff.old else None
    new_mean = diff.new.mean_emotion if diff.new else None
    if old_mean != new_mean:
        parts.append(f"mean emotion {_mean(old_mean)} → {_mean(new_mean)}")
    if not parts:
        return "no changes"
    if diff.regressions:
        parts.append(plural(len(diff.regressions), "regression"))
    return "; ".join(parts)


def _status_word(count: int) -> str:
    return "status change" if count == 1 else "status changes"


def _mean(emotion: float | None) -> str:
    return "none" if emotion is None else f"{emotion:+.1f}"


def _label(diff: MapDiff) -> str:
    """Which map a diff is about, when a run compares several."""
    side = diff.new or diff.old
    return side.path if side else ""


def _item(change: Change) -> str:
    """The item a change is about: a touchpoint's (or other item's) id, or 'stage ID'."""
    return f"stage {change.id}" if change.on == "stage" else change.id


def _line(kind: str, group: Sequence[Change]) -> str:
    mark = _MARKS.get(group[0].change, "~")
    item = "" if kind == "map" else f"{_item(group[0])}: "
    return f"{mark} {item}{describe(group)}"


# --- Writers ---------------------------------------------------------------------


def write_text(diffs: Sequence[MapDiff], out: TextIO, color: bool) -> None:
    """For people: the summary line first, then one section per kind of change."""
    console = None
    if color:
        from rich.console import Console

        console = Console(file=out, highlight=False, soft_wrap=True)
    styles = {"regression": "bold red", "good": "green", "bad": "red", "neutral": "yellow"}

    def emit(text: str, style: str = "") -> None:
        # Map text may hold line breaks and escape sequences: one change, one line.
        text = escape_controls(text)
        if console is None:
            out.write(text + "\n")
        else:
            from rich.text import Text

            console.print(Text(text, style=style))

    several = len(diffs) > 1 or any(diff.status in ("added", "removed") for diff in diffs)
    for index, diff in enumerate(diffs):
        if index and (diff.changes or diffs[index - 1].changes):
            emit("")
        head = summary(diff)
        emit(f"{_label(diff)}: {head}" if several else head[:1].upper() + head[1:], "bold")
        heading = ""
        for kind, group in groups(diff):
            if kind != heading:
                heading = kind
                emit("")
                emit(HEADINGS[kind][0], "bold underline")
            flag = "  (regression)" if group[0].regression else ""
            emit(f"  {_line(kind, group)}{flag}", styles[tone(group)])


def write_json(diffs: Sequence[MapDiff], out: TextIO, color: bool) -> None:
    """For tools: a list with one object per compared map (see MapDiff.to_dict)."""
    json.dump([diff.to_dict() for diff in diffs], out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_markdown(diffs: Sequence[MapDiff], out: TextIO, color: bool) -> None:
    """For pull-request comments: the summary in bold, then a table per kind of change."""
    from cjmap.writers.table import markdown_cell

    for index, diff in enumerate(diffs):
        if index:
            out.write("\n")
        old, new = diff.old, diff.new
        paths = " → ".join(markdown_cell(side.path) for side in (old, new) if side)
        out.write(f"### Journey map changes: {paths}\n\n")
        head = summary(diff)
        out.write(f"**{markdown_cell(head[:1].upper() + head[1:])}**\n")
        heading = ""
        for kind, group in groups(diff):
            if kind != heading:
                heading = kind
                columns = [HEADINGS[kind][1], "Change"]
                if kind in _ON_TOUCHPOINTS:
                    columns.insert(1, "Stage")
                elif kind == "map":
                    columns = ["Change"]
                out.write(f"\n#### {HEADINGS[kind][0]}\n\n")
                out.write("| " + " | ".join(columns) + " |\n")
                out.write("|" + " --- |" * len(columns) + "\n")
            first = group[0]
            cells = (
                []
                if kind == "map"
                else [f"`{first.id}`" if first.on != "stage" else f"stage `{first.id}`"]
            )
            if kind in _ON_TOUCHPOINTS:
                cells.append(first.stage or "")
            text = markdown_cell(describe(group))
            cells.append(f"⚠️ **regression:** {text}" if first.regression else text)
            out.write("| " + " | ".join(cells) + " |\n")
