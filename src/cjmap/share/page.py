"""The whole page: one self-contained HTML file for one map or several.

Nothing in it reaches the network. Its style sheet and script are inline, from the
files in ``assets/``, and a Content-Security-Policy lets exactly those run (by their
SHA-256 hashes) and forbids everything else: other scripts, inline event handlers,
``style`` attributes, images, fonts, frames, forms, and any connection. A page made
for ``cjmap preview`` also runs the live-update script and may connect to the server
that sent it (``connect-src 'self'``), for its events and the rebuilt page.

The same maps give the same bytes: no dates, counters or random ids.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Final

from cjmap import __version__
from cjmap.share.content import InvalidMap, MapContent
from cjmap.share.markup import Html, el
from cjmap.share.painstable import pains_section
from cjmap.share.sections import findings_list, map_sections
from cjmap.text import plural

__all__ = ["ASSETS", "build_page", "content_security_policy"]

ASSETS: Final = ("page.css", "page.js", "live.js")


@cache
def asset(name: str) -> str:
    """The text of a file in ``assets/``: the page's style sheet or one of its scripts."""
    if name not in ASSETS:
        raise ValueError(f"not an asset of the page: {name!r}")
    body = resources.files("cjmap.share").joinpath("assets", name).read_text(encoding="utf-8")
    # Inline, a closing tag in the text would end the element early.
    if "</script" in body.lower() or "</style" in body.lower():
        raise ValueError(f"assets/{name} holds a closing tag")
    return body


def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(*, live: bool = False) -> str:
    """The page's policy: its own inline style and scripts, nothing from anywhere else."""
    scripts = [asset("page.js"), *([asset("live.js")] if live else [])]
    parts = [
        "default-src 'none'",
        "script-src " + " ".join(_hash(script) for script in scripts),
        "style-src " + _hash(asset("page.css")),
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if live:
        parts.append("connect-src 'self'")
    return "; ".join(parts)


def build_page(
    maps: Sequence[MapContent | InvalidMap],
    *,
    live: bool = False,
    build: str | None = None,
    notes: Sequence[str] = (),
) -> str:
    """The page of *maps*: one map's own page, or for several an index of them, one
    pains table for all, and each map in turn.

    With *live* (for ``cjmap preview``) the page updates itself from the server that
    sent it; *build* names this build of it, so that the page knows when it is stale.
    *notes* are problems to show above everything (paths or a config file that cannot
    be used).
    """
    single = len(maps) <= 1
    level = 1 if single else 2
    valid = [(number, item) for number, item in enumerate(maps) if isinstance(item, MapContent)]
    parts: list[Html] = []
    if notes:
        items = [el("li", note) for note in notes]
        parts.append(el("div", el("ul", *items), class_="problems", role="alert"))
    if not single:
        parts.append(el("h1", "Journey maps"))
        parts.append(_index(maps))
        parts.append(pains_section(valid, "all-", 2))
    for number, item in enumerate(maps):
        prefix = f"m{number}-"
        if isinstance(item, InvalidMap):
            parts.append(_invalid(item, number, level))
            continue
        pains = pains_section([(number, item)], prefix, level + 1) if single else None
        parts.append(
            el(
                "article",
                map_sections(item, prefix, level, pains),
                class_="map",
                id=f"m{number}",
                data_map=number,
            )
        )
    title = _title(maps)
    scripts = [el("script", Html(asset("page.js")))]
    if live:
        scripts.append(el("script", Html(asset("live.js"))))
    head = el(
        "head",
        el("meta", charset="utf-8"),
        el(
            "meta", http_equiv="Content-Security-Policy", content=content_security_policy(live=live)
        ),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("meta", name="generator", content=f"cjmap {__version__}"),
        el("title", title),
        el("link", rel="icon", href="data:,"),
        el("style", Html(asset("page.css"))),
        *scripts,
    )
    body = el(
        "body",
        el("a", "Skip to the maps", href="#main", class_="skip"),
        _toolbar([item for _, item in valid]),
        el("main", *parts, id="main"),
        _panel(),
        el(
            "footer",
            el(
                "p",
                f"Made with cjmap {__version__}. Everything on this page is in the file "
                "itself: it opens with no network. The filters and the touchpoint panel "
                "need JavaScript; without it, every touchpoint is listed under "
                "Touchpoints by stage.",
            ),
        ),
    )
    html = el("html", head, body, lang="en", data_build=build, data_live="1" if live else None)
    return "<!DOCTYPE html>\n" + html + "\n"


def _title(maps: Sequence[MapContent | InvalidMap]) -> str:
    if len(maps) == 1:
        item = maps[0]
        name = item.model.map.title if isinstance(item, MapContent) else item.path
        return f"{name} - journey map"
    return f"Journey maps ({plural(len(maps), 'map')})"


def _index(maps: Sequence[MapContent | InvalidMap]) -> Html:
    items = []
    for number, item in enumerate(maps):
        if isinstance(item, MapContent):
            state = "future state" if item.model.map.state == "future" else "current state"
            note = f" ({state}, {plural(len(item.model.touchpoints), 'touchpoint')}, {item.path})"
            items.append(el("li", el("a", item.model.map.title, href=f"#m{number}"), note))
        else:
            items.append(el("li", el("a", item.path, href=f"#m{number}"), " (has problems)"))
    return el(
        "nav",
        el("h2", "Maps", id="index-title"),
        el("ol", *items),
        class_="index",
        aria_labelledby="index-title",
    )


def _invalid(item: InvalidMap, number: int, level: int) -> Html:
    return el(
        "article",
        el(f"h{level}", item.path),
        el(
            "div",
            el(
                "p",
                f"This map has problems ({plural(len(item.findings), 'finding')}); the "
                "pictures come back once they are fixed.",
            ),
            findings_list(item.findings),
            class_="problems",
            role="alert",
        ),
        class_="map invalid",
        id=f"m{number}",
        data_map=number,
    )


def _toolbar(maps: Sequence[MapContent]) -> Html:
    personas: dict[str, str] = {}
    journeys: dict[str, tuple[str, str]] = {}
    for content in maps:
        for persona in content.model.personas:
            personas.setdefault(persona.id, persona.name)
        for journey in content.model.journeys:
            journeys.setdefault(journey.id, (journey.name, journey.persona))
    persona_options = [el("option", "Every persona", value="")]
    persona_options += [el("option", name, value=key) for key, name in personas.items()]
    journey_options = [el("option", "Every journey", value="")]
    journey_options += [
        el("option", f"{name} ({personas.get(persona, persona)})", value=key, data_persona=persona)
        for key, (name, persona) in journeys.items()
    ]
    return el(
        "div",
        el(
            "label",
            "Persona ",
            el("select", *persona_options, id="filter-persona", data_filter="persona"),
            for_="filter-persona",
        ),
        el(
            "label",
            "Journey ",
            el("select", *journey_options, id="filter-journey", data_filter="journey"),
            for_="filter-journey",
        ),
        el("p", "", class_="filter-status", role="status"),
        class_="toolbar",
        role="region",
        aria_label="Narrow the maps to a persona or a journey",
        hidden=True,
    )


def _panel() -> Html:
    return el(
        "aside",
        el("p", el("button", "Close", type="button", class_="close"), class_="panel-bar"),
        el("div", class_="panel-body"),
        id="panel",
        class_="panel",
        role="dialog",
        aria_label="Touchpoint",
        hidden=True,
    )
