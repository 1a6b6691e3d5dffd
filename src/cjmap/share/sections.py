"""The sections of one map's part of the page, each a function from content to markup.

Headings nest from the map's title down (``level`` is the title's), so a page of one
map starts at ``h1`` and a page of several gives each map an ``h2``. Ids start with
the map's prefix (``m0-``), so several maps never share one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from cjmap.findings import Finding, Severity
from cjmap.model import CJMap, Journey, Opportunity, Persona
from cjmap.render import theme as th
from cjmap.share.content import GAPS_AGAINST, Figure, MapContent
from cjmap.share.details import (
    curve_scores,
    emotion_line,
    facts,
    field_label,
    pains_list,
    touchpoint_article,
    value,
    where,
)
from cjmap.share.markup import Html, el, join, text
from cjmap.share.svg import Marks, embed
from cjmap.text import plural

__all__ = ["findings_list", "map_sections", "section"]


def section(prefix: str, key: str, level: int, title: str, *body: Html | str | None) -> Html:
    """A section with an id (``prefix`` + ``key``) and a heading that names it."""
    heading = f"{prefix}{key}-title"
    return el(
        "section",
        el(f"h{min(level, 6)}", title, id=heading),
        *body,
        id=f"{prefix}{key}",
        class_=key,
        aria_labelledby=heading,
    )


def table(
    columns: Sequence[str | tuple[str, str]],
    rows: Sequence[Html],
    kind: str,
    caption: str | None = None,
) -> Html:
    """A table that scrolls sideways on a narrow screen. A column is a heading, or a
    heading and how the page's script sorts it (``number`` or ``text``)."""
    headings = [
        el("th", column, scope="col")
        if isinstance(column, str)
        else el("th", column[0], scope="col", data_sort=column[1])
        for column in columns
    ]
    body = el(
        "table",
        el("caption", caption) if caption else None,
        el("thead", el("tr", *headings)),
        el("tbody", *rows),
        class_=kind,
    )
    return el("div", body, class_="wide")


def map_sections(content: MapContent, prefix: str, level: int, pains: Html | None) -> Html:
    """Every section of a map, in reading order, after its title and a list of them;
    *pains* is its pains table, if it has one of its own (a page of several maps has
    one for all of them)."""
    model = content.model
    inner = level + 1
    parts: list[tuple[str, str, Html | None]] = [
        ("summary", "At a glance", _summary(content, prefix, inner)),
        ("pictures", "Pictures", _pictures(content, prefix, inner)),
        ("pains", "Pains", pains),
        ("touchpoints", "Touchpoints by stage", _touchpoints(content, prefix, inner)),
        ("personas", "Personas", _personas(content, prefix, inner)),
        ("journeys", "Journeys", _journeys(content, prefix, inner)),
        ("actions", "Actions", _actions(content, prefix, inner)),
        ("opportunities", "Opportunities", _opportunities(content, prefix, inner)),
        ("gaps", "Gaps", _gaps(content, prefix, inner)),
        ("lint", "Lint", _lint(content.findings, prefix, inner)),
    ]
    shown = [(key, title, body) for key, title, body in parts if body]
    contents = el(
        "nav",
        el(
            "ul",
            *(el("li", el("a", title, href=f"#{prefix}{key}")) for key, title, _ in shown),
        ),
        class_="contents",
        aria_label=f"Sections of {model.map.title}",
    )
    return join([_header(content, level), contents, *(body for _, _, body in shown if body)])


def _header(content: MapContent, level: int) -> Html:
    info = content.model.map
    state = "Future state" if info.state == "future" else "Current state"
    return el(
        "header",
        el(f"h{level}", info.title),
        el("p", el("span", state, class_=f"state state-{info.state}"), class_="badges"),
        facts(
            [
                ("scope", info.scope),
                ("objectives", info.objectives),
                ("owner", info.owner),
                ("updated", info.updated),
                ("file", content.path),
            ]
        ),
        class_="map-head",
    )


def _summary(content: MapContent, prefix: str, level: int) -> Html:
    model = content.model
    pains = [pain for touchpoint in model.touchpoints for pain in touchpoint.pains]
    severities = Counter(pain.severity for pain in pains)
    figures = [
        plural(len(model.stages), "stage"),
        plural(len(model.touchpoints), "touchpoint"),
        plural(len(model.channels), "channel"),
        plural(len(model.personas), "persona"),
        plural(len(model.journeys), "journey"),
        plural(len(pains), "pain")
        + (
            " ("
            + ", ".join(f"{severities[s]} {s}" for s in ("critical", "high") if severities[s])
            + ")"
            if severities["critical"] or severities["high"]
            else ""
        ),
        plural(sum(p.roadblock for p in pains), "roadblock"),
        plural(
            sum(t.moment_of_truth for t in model.touchpoints), "moment of truth", "moments of truth"
        ),
        plural(len(model.actions), "action"),
    ]
    items = [el("li", figure) for figure in figures]
    return section(prefix, "summary", level, "At a glance", el("ul", *items, class_="figures"))


def _personas(content: MapContent, prefix: str, level: int) -> Html | None:
    return _cards(content, prefix, level, "personas", "Personas", content.model.personas)


def _cards(
    content: MapContent,
    prefix: str,
    level: int,
    key: str,
    title: str,
    items: Sequence[Persona | Opportunity],
) -> Html | None:
    """A section of the map's *key* (personas, opportunities) as cards: each item's name
    or title, where it is written, and every other field it has."""
    if not items:
        return None
    cards = []
    for index, item in enumerate(items):
        name = item.name if isinstance(item, Persona) else item.title
        fields = [f for f in type(item).model_fields if f not in ("id", "name", "title")]
        cards.append(
            el(
                "li",
                el(f"h{min(level + 1, 6)}", name),
                el("p", where(content.document, key, index), class_="meta"),
                facts((field, getattr(item, field)) for field in fields),
            )
        )
    return section(prefix, key, level, title, el("ul", *cards, class_="cards"))


def _pictures(content: MapContent, prefix: str, level: int) -> Html:
    model = content.model
    marks = Marks(
        {touchpoint.id: touchpoint.name for touchpoint in model.touchpoints},
        {journey.id: journey.persona for journey in model.journeys},
    )
    figures = [
        _figure(figure, f"{prefix}v{number}-", marks, model, level + 1)
        for number, figure in enumerate(content.figures)
    ]
    intro = el(
        "p",
        "Select a touchpoint (click it, or Tab to it and press Enter) for everything the "
        "map says about it. The same content, as text, is under ",
        el("a", "Touchpoints", href=f"#{prefix}touchpoints"),
        ".",
    )
    return section(prefix, "pictures", level, "Pictures", intro, *figures)


def figure_title(figure: Figure) -> str:
    title = f"{field_label(figure.view)} view"
    return f"{title}: {figure.journey.name}" if figure.journey else title


def _figure(figure: Figure, prefix: str, marks: Marks, model: CJMap, level: int) -> Html:
    title_id = f"{prefix}title"
    journey = figure.journey
    if figure.svg is None:
        body = el("p", f"This view cannot draw the map: {figure.problem}", class_="problem")
    else:
        body = el(
            "div",
            embed(figure.svg, prefix, marks, title_id),
            class_="scroll",
            tabindex="0",
            role="region",
            aria_labelledby=title_id,
        )
    return el(
        "figure",
        el(
            "figcaption",
            el(f"h{min(level, 6)}", figure_title(figure), id=title_id),
            el("p", figure.description),
            el("button", "Fit to width", type="button", class_="zoom", hidden=True)
            if figure.svg
            else None,
        ),
        body,
        class_="view",
        data_view=figure.view,
        data_journey=journey.id if journey else None,
        data_persona=journey.persona if journey else None,
    )


def _touchpoints(content: MapContent, prefix: str, level: int) -> Html:
    model = content.model
    journeys_of: dict[str, list[str]] = {t.id: [] for t in model.touchpoints}
    for journey in model.journeys:
        for step in dict.fromkeys(journey.steps):
            journeys_of[step].append(journey.id)
    index_of = {touchpoint.id: index for index, touchpoint in enumerate(model.touchpoints)}
    stages = []
    for number, stage in enumerate(model.stages, start=1):
        inside = [t for t in model.touchpoints if t.stage == stage.id]
        articles = [
            touchpoint_article(
                model,
                content.document,
                index_of[t.id],
                prefix,
                min(level + 2, 6),
                journeys_of[t.id],
            )
            for t in inside
        ]
        stages.append(
            el(
                "section",
                el(f"h{min(level + 1, 6)}", f"{number}. {stage.name}"),
                el(
                    "p",
                    text(f"{stage.description} {th.DOT} ") if stage.description else None,
                    where(content.document, "stages", number - 1),
                    class_="meta",
                ),
                _stage_lanes(content, number - 1, level + 2),
                *articles,
                None if articles else el("p", "No touchpoint is mapped in this stage yet."),
                class_="stage",
                id=f"{prefix}stage-{stage.id}",
            )
        )
    return section(prefix, "touchpoints", level, "Touchpoints by stage", *stages)


def _stage_lanes(content: MapContent, index: int, level: int) -> Html | None:
    """What the map says about a stage as a whole: its lanes, emotion, pains, delights."""
    stage = content.model.stages[index]
    sub = f"h{min(level, 6)}"
    shown = [
        facts((key, getattr(stage, key)) for key in _STAGE_FACTS),
        facts([("curves", curve_scores(content.model, stage.curves))]),
        emotion_line(content.model, stage.emotion) if stage.emotion is not None else None,
        pains_list(content.document, ("stages", index), stage.pains, sub),
        el(sub, "Delights") if stage.delights else None,
        value(stage.delights) if stage.delights else None,
    ]
    if not any(shown):
        return None
    return el("div", *shown, class_="stage-lanes")


_STAGE_FACTS = ("timeframe", "lifecycle", "doing", "thinking", "feeling")


def touchpoint_button(model: CJMap, touchpoint_id: str) -> Html:
    """A button that opens the touchpoint's panel (a plain name without JavaScript)."""
    touchpoint = model.touchpoints_by_id.get(touchpoint_id)
    name = touchpoint.name if touchpoint else touchpoint_id
    return el(
        "button",
        name,
        type="button",
        class_="tp",
        data_touchpoint=touchpoint_id,
        aria_haspopup="dialog",
    )


def _journeys(content: MapContent, prefix: str, level: int) -> Html | None:
    model = content.model
    if not model.journeys:
        return None
    items = [
        _journey(content, index, journey, level) for index, journey in enumerate(model.journeys)
    ]
    return section(prefix, "journeys", level, "Journeys", *items)


def _journey(content: MapContent, index: int, journey: Journey, level: int) -> Html:
    model = content.model
    persona = model.personas_by_id.get(journey.persona)
    steps = [el("li", touchpoint_button(model, step)) for step in journey.steps]
    return el(
        "article",
        el(f"h{min(level + 1, 6)}", journey.name),
        el(
            "p",
            text(f"Taken by {persona.name if persona else journey.persona} {th.DOT} "),
            where(content.document, "journeys", index),
            class_="meta",
        ),
        el("ol", *steps, class_="steps"),
        class_="journey",
        data_journey=journey.id,
        data_persona=journey.persona,
    )


def _actions(content: MapContent, prefix: str, level: int) -> Html | None:
    model = content.model
    if not model.actions:
        return None
    rows = [
        el(
            "tr",
            el("td", action.title),
            el("td", el("span", action.status, class_=f"status status-{action.status}")),
            el("td", action.owner or ""),
            el("td", action.kpi or ""),
            el("td", str(action.due or "")),
            el("td", join([touchpoint_button(model, t) for t in action.touchpoints], " ")),
            el("td", where(content.document, "actions", index)),
        )
        for index, action in enumerate(model.actions)
    ]
    columns = ("Action", "Status", "Owner", "KPI", "Due", "Touchpoints", "Where")
    return section(prefix, "actions", level, "Actions", table(columns, rows, "actions"))


def _opportunities(content: MapContent, prefix: str, level: int) -> Html | None:
    model = content.model
    return _cards(content, prefix, level, "opportunities", "Opportunities", model.opportunities)


def _gaps(content: MapContent, prefix: str, level: int) -> Html:
    title = f"Gaps against the {GAPS_AGAINST} lifecycle"
    if not content.gaps:
        return section(prefix, "gaps", level, title, el("p", "No gaps: every stage is mapped."))
    rows = [
        el(
            "tr",
            el("td", gap.kind),
            el("td", gap.stage_name or gap.stage),
            el("td", gap.note),
            el("td", el("span", f"{gap.path}:{gap.line}", class_="where")),
        )
        for gap in content.gaps
    ]
    columns = ("Gap", "Stage", "Note", "Where")
    return section(prefix, "gaps", level, title, table(columns, rows, "gaps"))


def _lint(findings: Sequence[Finding], prefix: str, level: int) -> Html:
    counts = Counter(finding.severity for finding in findings)
    summary = ", ".join(
        plural(counts[severity], str(severity))
        if severity != Severity.INFO
        else f"{counts[severity]} info"
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    if not findings:
        body = el("p", "cjmap lint finds nothing to improve.")
    else:
        body = join([el("p", f"cjmap lint finds {summary}."), findings_list(findings)])
    return section(prefix, "lint", level, "Lint", body)


def findings_list(findings: Sequence[Finding]) -> Html:
    """Findings as a table: severity, code, message, and where."""
    rows = [
        el(
            "tr",
            el("td", el("span", str(f.severity), class_=f"severity finding-{f.severity}")),
            el("td", el("code", f.code), " ", f.rule),
            el("td", f.message),
            el("td", el("span", f"{f.path}:{f.line}:{f.column}", class_="where")),
        )
        for f in findings
    ]
    return table(("Severity", "Code", "Message", "Where"), rows, "findings")
