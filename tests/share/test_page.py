"""The shared page as bytes: the same for the same maps, small, self-contained, with
the documented contract, and with every map text escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pages import EXAMPLE_PATHS, hostile_map, page_of

from cjmap.share.content import InvalidMap, gather_paths
from cjmap.share.markup import el, text
from cjmap.share.page import asset, build_page
from cjmap.share.svg import Marks, embed
from cjmap.validate import validate_path


class Parsed(HTMLParser):
    """Every start tag with its attributes, and the text of scripts and styles."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data

    def having(self, attribute: str) -> list[dict[str, str | None]]:
        return [attrs for _, attrs in self.tags if attribute in attrs]


def test_the_same_maps_give_the_same_bytes(tmp_path: Path) -> None:
    first = build_page(gather_paths(EXAMPLE_PATHS).maps)
    again = build_page(gather_paths(EXAMPLE_PATHS).maps)
    assert first == again
    assert not re.search(r"20\d\d-\d\d-\d\dT|\d\d:\d\d:\d\d", first)


@pytest.mark.parametrize("example", EXAMPLE_PATHS, ids=lambda path: path.stem)
def test_each_example_page_is_under_a_megabyte_and_holds_the_contract(example: Path) -> None:
    page = page_of(example)
    assert len(page.encode("utf-8")) < 1_000_000
    model = validate_path(example).model
    assert model is not None
    parsed = Parsed(page)
    touchpoints = {attrs["data-touchpoint"] for attrs in parsed.having("data-touchpoint")}
    assert touchpoints == {touchpoint.id for touchpoint in model.touchpoints}
    pains = parsed.having("data-pain")
    assert len(pains) == sum(len(item.pains) for item in [*model.touchpoints, *model.stages])
    assert all(row.get("data-about", "") in touchpoints | {""} for row in pains)
    filters = {
        attrs["data-filter"]
        for tag, attrs in parsed.tags
        if tag == "select" and "data-filter" in attrs
    }
    assert filters == {"persona", "journey"}
    views = [attrs["data-view"] for attrs in parsed.having("data-view")]
    assert views.count("flow") == 1 and views.count("matrix") == 1
    assert views.count("emotion") == len(model.journeys)


def test_the_page_asks_for_nothing_outside_itself() -> None:
    page = page_of(*EXAMPLE_PATHS[:1])
    parsed = Parsed(page)
    for _, attrs in parsed.tags:
        for key in ("src", "href", "xlink:href", "action", "srcset", "poster"):
            value = attrs.get(key)
            assert value is None or value.startswith("#") or value == "data:,", (key, value)
    assert "@import" not in page and "url(" not in asset("page.css")
    policy = next(
        a["content"] for t, a in parsed.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None and "default-src 'none'" in policy and "connect-src" not in policy
    # Only the page's own script and style run: the policy names them by hash.
    assert parsed.raw["script"] == [asset("page.js")]
    assert parsed.raw["style"] == [asset("page.css")]
    for body in (asset("page.js"), asset("page.css")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_a_hostile_map_is_text_on_the_page(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile_map(), encoding="utf-8")
    parsed = Parsed(page_of(path))
    assert [tag for tag, _ in parsed.tags].count("script") == 1
    assert [tag for tag, _ in parsed.tags].count("style") == 1
    assert not [
        tag for tag, _ in parsed.tags if tag in ("img", "iframe", "textarea", "object", "embed")
    ]
    for _, attrs in parsed.tags:
        assert not [key for key in attrs if key.startswith("on")]
        assert "autofocus" not in attrs


def test_text_is_escaped_cleaned_and_isolated() -> None:
    assert text('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    assert text("bell\x07 nul\x00 \ud800") == "bell\ufffd nul\ufffd \ufffd"
    assert text("\u202eevil") == "\u2068\u202eevil\u2069"
    assert el("p", "<b>", class_="x", data_touchpoint="a.b", hidden=True, title=None) == (
        '<p class="x" data-touchpoint="a.b" hidden>&lt;b&gt;</p>'
    )
    with pytest.raises(ValueError):
        el("p", onclick="alert(1)")


def test_pictures_keep_drawing_and_lose_anything_else() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        b' width="10pt"><g id="graph0" class="graph"><title>G</title>'
        b'<g id="tp_a" class="node touchpoint touchpoint-a" onclick="x()" style="fill:red">'
        b'<title>tp_a</title><a xlink:href="https://example.com" xlink:title="&lt;Pay&gt;">'
        b'<path fill="url(#grad)" d="M0,0"/><text>Pay for</text><text>the box</text></a></g>'
        b"<script>alert(1)</script><foreignObject><p>x</p></foreignObject>"
        b'<g class="edge journey journey-j"><path d="M1,1"/></g></g></svg>'
    )
    out = embed(svg, "m0-v1-", Marks({"a": "Pay for the box"}, {"j": "p"}), "caption")
    assert "<script" not in out and "foreignObject" not in out and "onclick" not in out
    assert "style=" not in out and "example.com" not in out and "<title" not in out
    assert 'id="m0-v1-tp_a"' in out and "url(#m0-v1-grad)" in out
    assert 'data-touchpoint="a" tabindex="0" role="button"' in out
    assert 'aria-label="Pay for the box"' in out
    assert 'data-journey="j" data-persona="p"' in out
    assert 'xlink:title="&lt;Pay&gt;"' in out
    assert out.startswith('<svg width="10pt" role="group" aria-labelledby="caption">')


def test_an_invalid_map_shows_its_findings(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        EXAMPLE_PATHS[0].read_text(encoding="utf-8").replace("stage: ", "stage: nowhere-", 1),
        encoding="utf-8",
    )
    gathered = gather_paths([path])
    (broken,) = gathered.maps
    assert isinstance(broken, InvalidMap)
    page = build_page(gathered.maps)
    assert "E201" in page and f"{path}:" in page and "<svg" not in page
    assert 'role="alert"' in page


def test_several_maps_share_one_page_with_an_index_and_one_pains_table() -> None:
    page = page_of(*EXAMPLE_PATHS)
    parsed = Parsed(page)
    maps = [
        attrs["data-map"] for tag, attrs in parsed.tags if tag == "article" and "data-map" in attrs
    ]
    assert maps == [str(number) for number in range(len(EXAMPLE_PATHS))]
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids)), "an id is used twice"
    tables = [
        attrs
        for tag, attrs in parsed.tags
        if tag == "table" and attrs.get("class") == "pains-table"
    ]
    assert len(tables) == 1
    for example in EXAMPLE_PATHS:
        assert f'href="#m{EXAMPLE_PATHS.index(example)}"' in page
