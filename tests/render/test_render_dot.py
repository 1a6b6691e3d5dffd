"""DOT text helpers: hostile map text goes through Graphviz and comes out as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rendertools import BACKENDS, needs_dot

from cjmap.render import dot
from cjmap.render.engine import render_dot

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

HOSTILE = [
    'He said "hi"',
    "<script>alert(1)</script>",
    '</text><script>alert("x")</script><text>',
    "<b>bold</b> <BR/> <TABLE>",
    "AT&T &amp; &lt; &#60; &#x3C; &nbsp; &bogus",
    "{record} | <port> [bracket] {{}}",
    "back\\slash \\N \\G \\E \\T \\H \\L \\n \\l \\r end\\",
    "\\",
    '"',
    '"]; evil [label="pwned"]; x -> y; a [label="',
    "}\ndigraph injected { a }",
    "// not a comment /* nor this */ # nor this",
    "-> -- edge ops",
    "line one\nline two\r\nline three\rline four\u2028line five",
    "tab\there",
    "emoji 😀🚀👩\u200d👩\u200d👧 ✓ ★",
    "中文 日本語 한국어 עברית العربية",
    "control \x00 \x01 \x08 \x0b \x0c \x1b \x7f \x85 \x9f chars",
    "lone \ud800 surrogate \udfff and U+FFFE \ufffe U+FFFF \uffff",
    "right-to-left \u202e override",
    "combining e\u0301 and NFC é",
    "\n€€€€€€€€€€€€€€€€€€€€€€€€ after a blank first line",
    "\n\n中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文",
    "x" * 3000,
    "Pneumonoultramicroscopicsilicovolcanoconiosis " * 40,
    "",
    "   ",
]


def visible(text: str) -> str:
    """What a reader sees, whitespace aside."""
    return " ".join(dot.clean(text).split())


def node_texts(svg: bytes) -> dict[str, str]:
    """The text drawn in each node and cluster, keyed by the DOT name."""
    root = ET.fromstring(svg)
    drawn: dict[str, str] = {}
    for group in root.iter(f"{SVG}g"):
        if (group.get("class") or "").split(" ")[0] not in ("node", "cluster", "edge"):
            continue
        title = group.find(f"{SVG}title")
        assert title is not None
        lines = [element.text or "" for element in group.iter(f"{SVG}text")]
        drawn[title.text or ""] = " ".join(" ".join(lines).split())
    return drawn


def hostile_graph(texts: list[str], *, width: int | None = None) -> str:
    """One node, one cluster and one edge label per text, plus tooltips and URLs."""
    parts = [f'digraph G {{\n  node [shape=box, fontname="{dot.FONTNAME}"];']
    for index, text in enumerate(texts):
        node = dot.node_id("tp", f"text-{index}")
        cluster = dot.node_id("cluster", f"s{index}")
        parts.append(
            f"  subgraph {cluster} {{ label={dot.label(text, width=width)};\n"
            f"    {node} [label={dot.label(text, width=width)}, tooltip={dot.quote(text)},"
            f" URL={dot.url('https://example.com/?q=' + text)}];\n"
            "  }"
        )
        if index:
            previous = dot.node_id("tp", f"text-{index - 1}")
            parts.append(f"  {previous} -> {node} [label={dot.label(text, width=width)}];")
    parts.append("}")
    return "\n".join(parts) + "\n"


def assert_only_graphviz_markup(svg: bytes) -> None:
    root = ET.fromstring(svg)
    allowed = {"svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline", "a"}
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= allowed
    for element in root.iter():
        for name in element.attrib:
            assert not name.lower().startswith("on"), name


@pytest.mark.parametrize("width", [None, 24])
@pytest.mark.parametrize("backend", BACKENDS)
def test_hostile_text_renders_as_text(backend: str, width: int | None) -> None:
    source = hostile_graph(HOSTILE, width=width)
    svg = render_dot(source, "svg", backend=backend)
    assert_only_graphviz_markup(svg)
    drawn = node_texts(svg)
    for index, text in enumerate(HOSTILE):
        node = dot.node_id("tp", f"text-{index}")
        cluster = dot.node_id("cluster", f"s{index}")
        expected = visible(text)
        if width is not None:
            expected = " ".join(" ".join(dot.wrap(text, width)).split())
        # Every node survived as itself: nothing ended a string or a statement early.
        assert drawn[node] == expected, text
        assert drawn[cluster] == expected, text
    edges = [name for name in drawn if "&gt;" in name or "->" in name]
    assert len(edges) == len(HOSTILE) - 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_hostile_attributes_stay_attributes(backend: str) -> None:
    svg = render_dot(hostile_graph(HOSTILE), "svg", backend=backend)
    root = ET.fromstring(svg)
    links = [element for element in root.iter(f"{SVG}a") if element.get(f"{XLINK}href")]
    hrefs = {unquote(element.get(f"{XLINK}href", "")) for element in links}
    titles = {" ".join(element.get(f"{XLINK}title", "").split()) for element in links}
    assert len(links) == len(HOSTILE)
    for text in HOSTILE:
        # Each node's link and tooltip kept their text: nothing leaked in or out.
        assert visible(f"https://example.com/?q={text}") in hrefs, text
        if "\\" not in text:  # Graphviz rewrites backslash sequences in tooltips
            assert visible(text) in titles, text


@pytest.mark.parametrize("backend", BACKENDS)
def test_hostile_text_in_record_shapes(backend: str) -> None:
    """Braces, bars and angle brackets are field syntax in records; escaped, they are text."""
    nodes = "\n".join(
        f"  r{index} [shape=record, label={dot.label(text, width=30)}];"
        for index, text in enumerate(HOSTILE)
    )
    svg = render_dot(f"digraph {{\n{nodes}\n}}\n", "svg", backend=backend)
    assert_only_graphviz_markup(svg)
    root = ET.fromstring(svg)
    drawn = node_texts(svg)
    for index, text in enumerate(HOSTILE):
        assert drawn[f"r{index}"] == " ".join(" ".join(dot.wrap(text, 30)).split()), text
    # One field per record: no text was taken as a field separator.
    for group in root.iter(f"{SVG}g"):
        if "node" in (group.get("class") or "").split():
            assert len([p for p in group.iter(f"{SVG}polyline")]) == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_very_long_text_wraps_and_renders(backend: str) -> None:
    name = "Onboarding-call-with-the-customer-success-manager-" * 200
    source = (
        "digraph {\n"
        f"  n [shape=box, label={dot.label(name, width=30, max_lines=4)}];\n"
        f"  m [shape=box, label={dot.label(name)}];\n"
        "}\n"
    )
    svg = render_dot(source, "svg", backend=backend)
    drawn = node_texts(svg)
    lines = [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")][:4]
    assert len(lines) == 4
    assert all(len(line) <= 30 for line in lines)
    assert drawn["n"].endswith("\u2026")
    assert drawn["m"] == name


@needs_dot
def test_hostile_text_in_html_labels() -> None:
    rows = []
    for index, text in enumerate(HOSTILE):
        rows.append(
            f"  n{index} [shape=plaintext, label=<<TABLE><TR><TD>"
            f"{dot.html(text, width=24)}</TD></TR></TABLE>>];"
        )
    svg = render_dot("digraph {\n" + "\n".join(rows) + "\n}\n", "svg", backend="dot")
    assert_only_graphviz_markup(svg)
    drawn = node_texts(svg)
    for index, text in enumerate(HOSTILE):
        assert drawn[f"n{index}"] == " ".join(" ".join(dot.wrap(text, 24)).split()), text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_any_text_renders_as_itself(text: str) -> None:
    source = (
        f"digraph {{ n [shape=box, label={dot.label(text)}, tooltip={dot.quote(text)}]; "
        f"subgraph cluster_x {{ label={dot.label(text, width=10, align='left')}; m; }} }}"
    )
    svg = render_dot(source, "svg", backend="wasm")
    drawn = node_texts(svg)
    assert drawn["n"] == (visible(text) or "")
    assert drawn["cluster_x"] == " ".join(" ".join(dot.wrap(text, 10)).split())


# --- the helpers on their own -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("a\\b", '"a\\\\b"'),
        ("end\\", '"end\\\\"'),
        ("AT&T", '"AT&amp;T"'),
        ("{x|<p>}", '"\\{x\\|\\<p\\>\\}"'),
        ("one\ntwo", '"one\\ntwo"'),
        ("", '""'),
    ],
)
def test_label_escapes(text: str, expected: str) -> None:
    assert dot.label(text) == expected


def test_label_drops_blank_first_and_last_lines() -> None:
    # A leading empty line followed by long non-ASCII text crashes the WebAssembly build.
    assert dot.label("\n\n  \nname\n\n") == '"name"'
    assert dot.label("a\n\nb") == '"a\\n\\nb"'
    assert dot.html("\nname\n") == "name"


def test_label_alignment() -> None:
    assert dot.label("a\nb", align="left") == '"a\\lb\\l"'
    assert dot.label("a\nb", align="right") == '"a\\rb\\r"'
    assert dot.label("a\nb") == '"a\\nb"'


def test_label_max_lines_without_width() -> None:
    assert dot.label("a\nb\nc", max_lines=2) == '"a\\nb\u2026"'


def test_quote() -> None:
    assert dot.quote('a "b" \\ & <c>\nd') == '"a \\"b\\" \\\\ &amp; <c>\\nd"'


def test_url() -> None:
    assert dot.url("https://example.com/a b?x=1&y='2'") == (
        '"https://example.com/a%20b?x=1&amp;y=&#39;2&#39;"'
    )
    assert dot.url('/docs/"quoted"<tag>\\') == '"/docs/%22quoted%22%3Ctag%3E%5C"'
    assert dot.url("mailto:cx@example.com") == '"mailto:cx@example.com"'
    for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc"]:
        with pytest.raises(ValueError):
            dot.url(bad)


def test_html() -> None:
    assert dot.html('<b> & "q" \\N\nnext') == "&lt;b&gt; &amp; &quot;q&quot; \\\\N<BR/>next"
    assert dot.html("one two three", width=7) == "one two<BR/>three"


def test_clean() -> None:
    assert dot.clean("a\r\nb\rc\u2028d\te") == "a\nb\nc\nd e"
    assert dot.clean("x\x00\x1b\x7f\x9f\ud800\ufffey") == "x" + "\ufffd" * 6 + "y"
    assert dot.clean("e\u0301") == "é"
    assert dot.clean("😀 中文") == "😀 中文"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Pay for the first box on the phone", 12, ["Pay for the", "first box on", "the phone"]),
        ("short", 12, ["short"]),
        ("", 12, []),
        ("  \n  ", 12, []),
        ("one\n\ntwo", 12, ["one", "", "two"]),
        ("a   b", 12, ["a b"]),
        ("abcdefghijklmnop", 6, ["abcdef", "ghijkl", "mnop"]),
        (
            "see https://example.com/a/very/long/path",
            12,
            ["see https://", "example.com/", "a/very/long/", "path"],
        ),
        ("中文中文中文", 4, ["中文", "中文", "中文"]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert dot.wrap(text, width) == lines


@given(st.text(max_size=200), st.integers(min_value=2, max_value=40))
def test_wrap_respects_width_and_keeps_words(text: str, width: int) -> None:
    lines = dot.wrap(text, width)
    assert all(dot.text_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(dot.clean(text).split())


def test_wrap_max_lines() -> None:
    assert dot.wrap("one two three four five six", 9, max_lines=2) == ["one two", "three\u2026"]
    assert dot.wrap("abcdefghij" * 3, 10, max_lines=2) == ["abcdefghij", "abcdefghi\u2026"]


def test_wrap_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        dot.wrap("x", 0)
    with pytest.raises(ValueError):
        dot.wrap("x", 5, max_lines=0)


def test_truncate() -> None:
    assert dot.truncate("Pay for the first box", 10) == "Pay for\u2026"
    assert dot.truncate("Pay for the first box", 12) == "Pay for the\u2026"
    assert dot.truncate("Supercalifragilistic", 8) == "Superca\u2026"
    assert dot.truncate("short", 10) == "short"
    assert dot.truncate("two\nlines", 20) == "two lines"
    assert dot.text_width(dot.truncate("中文" * 10, 7)) <= 7


def test_node_id_is_plain_and_stable() -> None:
    assert dot.node_id("tp", "checkout") == "tp_checkout"
    assert dot.node_id("stage", "Awareness2") == "stage_Awareness2"
    assert dot.node_id("tp", "check-out") == dot.node_id("tp", "check-out")
    assert dot.node_id("cluster", "first-order").startswith("cluster_first_order_")
    ids = [
        dot.node_id("tp", key)
        for key in ["check-out", "check_out", "check.out", "checkout", "check--out", "CHECK-OUT"]
    ]
    assert len(set(ids)) == len(ids)
    for key in HOSTILE:
        node = dot.node_id("tp", key)
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", node), node
        assert len(node) < 64


def test_node_id_never_a_dot_keyword() -> None:
    for keyword in ["node", "edge", "graph", "digraph", "subgraph", "strict"]:
        assert dot.node_id("n", keyword).lower() not in {keyword}


def test_node_id_rejects_bad_kinds() -> None:
    for kind in ["", "tp_", "1tp", "t p", "node-x"]:
        with pytest.raises(ValueError):
            dot.node_id(kind, "x")


def test_wrapping_a_long_word_measures_each_character_a_few_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Splitting a word once measured the rest of it for every line it cut: quadratic.
    measured = 0
    width_of = dot.text_width

    def counting(text: str) -> int:
        nonlocal measured
        measured += len(text)
        return width_of(text)

    monkeypatch.setattr(dot, "text_width", counting)
    word = "x" * 10_000
    lines = dot.wrap(f"start {word} end", 28)
    assert "".join(lines).replace(" ", "") == f"start{word}end"
    assert all(width_of(line) <= 28 for line in lines)
    assert measured <= 4 * len(word)


def test_a_line_longer_than_graphviz_reads_is_cut_with_an_ellipsis() -> None:
    assert dot.clean("x" * 10_000) == "x" * 10_000
    for char in ("x", "&", "中", "😀", '"'):
        cut = dot.clean(f"short\n{char * 20_000}\nend")
        first, middle, last = cut.split("\n")
        assert (first, last) == ("short", "end")
        assert middle.endswith("\u2026")
        assert middle[:-1] == char * (len(middle) - 1)
        # Escaped, no run between two backslashes passes Graphviz 2.43's 16,384 bytes.
        for quoted in (dot.quote(cut), dot.label(cut), dot.html(cut), dot.url(cut)):
            assert max(len(run.encode()) for run in quoted.split("\\")) < 16_384


@pytest.mark.parametrize("backend", BACKENDS)
def test_text_over_16384_characters_renders(backend: str) -> None:
    texts = ["x" * 20_000, "&" * 20_000, "中" * 20_000, "word " * 5_000]
    svg = render_dot(hostile_graph(texts, width=60), "svg", backend=backend)
    drawn = node_texts(svg)
    assert drawn[dot.node_id("tp", "text-0")].endswith("\u2026")
