"""Everything the map says about one touchpoint, as an article of the page.

The article is the text version of the touchpoint's shapes in the pictures: without
JavaScript a reader finds it in the Touchpoints section; with it, the same article
opens in the panel when a touchpoint is clicked. Fields the page does not know by
name (added to the format later) are shown too, under their key, so nothing a map
says is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final

from pydantic import BaseModel

from cjmap.loader import Document
from cjmap.model import Action, CJMap, EmotionScore, Metric, Opportunity, Pain, Touchpoint
from cjmap.render import theme as th
from cjmap.reports.pains import metric_text
from cjmap.share.markup import Html, el, join, text
from cjmap.text import amount

__all__ = [
    "addressing",
    "curve_scores",
    "emotion_line",
    "facts",
    "field_label",
    "pains_list",
    "touchpoint_article",
    "value",
    "where",
]

# Fields shown in their own place in the article rather than in the list of facts.
_PLACED: Final = frozenset(
    {
        "id",
        "name",
        "stage",
        "channels",
        "pains",
        "delights",
        "metrics",
        "emotion",
        "moment_of_truth",
        "evidence",
    }
)
_STORY: Final = ("doing", "thinking", "feeling")


def where(document: Document, *path: str | int) -> Html:
    """``file:line`` of the item at *path* in the map, where a reader can find it."""
    line, _ = document.locate(path)
    return el("span", f"{document.path}:{line}", class_="where")


def field_label(key: str) -> str:
    """A field's key as a label: ``moment_of_truth`` is "Moment of truth"."""
    words = key.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def value(item: Any) -> Html:
    """Any value of a map, as text: lists as lists, mappings and records as facts."""
    if isinstance(item, bool):
        return text("yes" if item else "no")
    if isinstance(item, date | int | float | str):
        return text(item)
    if isinstance(item, BaseModel):
        return facts((key, getattr(item, key)) for key in type(item).model_fields)
    if isinstance(item, Mapping):
        return facts((str(key), entry) for key, entry in item.items())
    if isinstance(item, Sequence):
        return el("ul", *(el("li", value(entry)) for entry in item))
    return text(item)


def facts(pairs: Iterable[tuple[str, Any]]) -> Html:
    """A definition list of the pairs that have a value."""
    rows = [
        join([el("dt", field_label(key)), el("dd", value(entry))])
        for key, entry in pairs
        if entry is not None and entry != [] and entry != {}
    ]
    return el("dl", *rows) if rows else Html("")


def addressing(model: CJMap, touchpoint: Touchpoint) -> tuple[list[Action], list[Opportunity]]:
    """The opportunities that address the touchpoint (by its id, its stage's, or one of
    its pains' ids), and the actions that name it or one of its pains, or deliver one of
    those opportunities, in the map's order."""
    pain_ids = {pain.id for pain in touchpoint.pains if pain.id}
    wanted = {touchpoint.id, touchpoint.stage, *pain_ids}
    opportunities = [o for o in model.opportunities if wanted & set(o.addresses)]
    chosen = {opportunity.id for opportunity in opportunities}
    actions = [
        action
        for action in model.actions
        if touchpoint.id in action.touchpoints
        or pain_ids & set(action.pains)
        or action.opportunity in chosen
    ]
    return actions, opportunities


def touchpoint_article(
    model: CJMap,
    document: Document,
    index: int,
    prefix: str,
    level: int,
    journeys: Sequence[str],
) -> Html:
    """The article of the touchpoint at *index* in the map's list.

    *prefix* starts its id; *level* is its heading's; *journeys* are the ids of the
    journeys it is a step of (the page's journey filter reads them).
    """
    touchpoint = model.touchpoints[index]
    at = ("touchpoints", index)
    channels = model.channels_by_id
    stage = model.stages_by_id[touchpoint.stage]
    marks = _marks(touchpoint)
    meta = join(
        [
            text(f"{stage.name} {th.DOT} "),
            text(", ".join(channels[c].name for c in touchpoint.channels)),
            text(f" {th.DOT} "),
            where(document, *at),
        ]
    )
    story = [(key, getattr(touchpoint, key)) for key in _STORY]
    others = [
        (key, getattr(touchpoint, key))
        for key in type(touchpoint).model_fields
        if key not in _PLACED and key not in _STORY
    ]
    personas = None if touchpoint.personas is None else " ".join(touchpoint.personas)
    others = [
        (key, _persona_names(model, entry) if key == "personas" and entry else entry)
        if key != "curves"
        else (key, curve_scores(model, entry))
        for key, entry in others
    ]
    actions, opportunities = addressing(model, touchpoint)
    sub = f"h{min(level + 1, 6)}"
    return el(
        "article",
        el(f"h{level}", touchpoint.name, id=f"{prefix}tp-{touchpoint.id}-title", tabindex="-1"),
        el("p", *marks, class_="marks") if marks else None,
        el("p", meta, class_="meta"),
        emotion_line(model, touchpoint.emotion),
        facts(story),
        pains_list(document, at, touchpoint.pains, sub),
        _list(sub, "Delights", touchpoint.delights, "delights"),
        _metrics(touchpoint.metrics, sub),
        facts(others),
        _actions(actions, sub),
        _list(sub, "Opportunities", [_titled(o) for o in opportunities], "opportunities"),
        class_="touchpoint",
        id=f"{prefix}tp-{touchpoint.id}",
        data_details=touchpoint.id,
        data_about=touchpoint.id,
        data_personas=personas,
        data_journeys=" ".join(journeys),
        aria_labelledby=f"{prefix}tp-{touchpoint.id}-title",
    )


def _marks(touchpoint: Touchpoint) -> list[Html]:
    marks = []
    if touchpoint.moment_of_truth:
        marks.append(el("span", f"{th.MOMENT_OF_TRUTH_MARK} Moment of truth", class_="mark mot"))
    if any(pain.roadblock for pain in touchpoint.pains):
        marks.append(el("span", f"{th.ROADBLOCK_MARK} Roadblock", class_="mark roadblock"))
    marks.append(
        el("span", f"Evidence: {touchpoint.evidence}", class_=f"mark {touchpoint.evidence}")
    )
    return marks


def emotion_class(emotion: int | None) -> str:
    """The class that colours an emotion like the pictures do."""
    if emotion is None:
        return "emotion emotion-none"
    return f"emotion emotion-{'m' if emotion < 0 else 'p'}{abs(emotion)}"


def emotion_line(model: CJMap, emotion: EmotionScore | None) -> Html:
    """An emotion coloured as in the pictures, in words; one line per persona when the
    map records it per persona."""
    if not isinstance(emotion, dict):
        return el("p", th.emotion_text(emotion), class_=emotion_class(emotion))
    lines = [
        el(
            "li",
            f"{_persona_names(model, [persona])[0]}: {th.emotion_text(score)}",
            class_=emotion_class(score),
        )
        for persona, score in emotion.items()
    ]
    return el("ul", *lines, class_="emotions")


def curve_scores(model: CJMap, scores: Mapping[str, int]) -> dict[str, str]:
    """Scores on the map's named curves, by the curves' names, signed like emotions."""
    names = {curve.id: curve.name for curve in model.curves}
    return {names.get(key, key): th.emotion_number(score) for key, score in scores.items()}


def _persona_names(model: CJMap, ids: Sequence[str]) -> list[str]:
    return [model.personas_by_id[p].name if p in model.personas_by_id else p for p in ids]


def pains_list(document: Document, at: tuple[str, int], pains: Sequence[Pain], sub: str) -> Html:
    """The pains of a touchpoint or stage, with their severity and where each is written."""
    if not pains:
        return Html("")
    items = []
    for number, pain in enumerate(pains):
        severity = pain.severity + (f", {th.ROADBLOCK_MARK} roadblock" if pain.roadblock else "")
        items.append(
            el(
                "li",
                el("span", severity, class_=f"severity severity-{pain.severity}"),
                " ",
                text(pain.text),
                " ",
                where(document, *at, "pains", number),
            )
        )
    return join([el(sub, "Pains"), el("ul", *items, class_="pains")])


def _list(sub: str, title: str, items: Sequence[Html | str], kind: str) -> Html:
    if not items:
        return Html("")
    return join([el(sub, title), el("ul", *(el("li", item) for item in items), class_=kind)])


def _metrics(metrics: Sequence[Metric], sub: str) -> Html:
    if not metrics:
        return Html("")
    items = []
    for metric in metrics:
        if metric.off_target:
            items.append(el("li", el("span", "off target", class_="off"), " ", metric_text(metric)))
        elif metric.value is not None and metric.target is not None:
            items.append(el("li", el("span", "on target", class_="on"), " ", metric_text(metric)))
        else:
            measured = "" if metric.value is None else f": {amount(metric.value, metric.unit)}"
            target = "no target" if metric.target is None else "no value yet"
            items.append(el("li", el("span", target, class_="none"), f" {metric.name}{measured}"))
    return join([el(sub, "Metrics"), el("ul", *items, class_="metrics")])


def _actions(actions: Sequence[Action], sub: str) -> Html:
    items = [
        join(
            [
                el("span", action.status, class_=f"status status-{action.status}"),
                text(f" {action.title}"),
                text(f" (owner: {action.owner})") if action.owner else Html(""),
            ]
        )
        for action in actions
    ]
    return _list(sub, "Actions", items, "actions")


def _titled(item: Any) -> Html:
    title = getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "id", "")
    return text(title)
