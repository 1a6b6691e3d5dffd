"""How the loader stays fast: what it does and does not do, checked without timing anything."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import _ruamel_yaml
import pytest
from ruamel.yaml import events

from cjmap.loader import compute_positions, load, load_text
from cjmap.validate import validate_document
from cjmap.yaml import build, marks, positions
from cjmap.yaml import events as handlers
from conftest import EXAMPLES, MINIMAL

EXAMPLE_MAPS = sorted(EXAMPLES.glob("*.yaml"))

# Texts that take every branch of both passes: tags, anchors, aliases, flow and block
# collections, quoted and plain scalars of every type, duplicate keys, odd keys.
TRICKY = [
    MINIMAL,
    "a: &x {b: [1, 2.5, true, null, '3', ~]}\nc: *x\nd: !!str 12\ne: !!int '7'\n",
    "- [a, [b, {c: d}]]\n- &s text\n- *s\n- ? complex key\n  : value\n",
    "k: 1\nk: 2\nm:\n  n: |\n    block\n  n: >\n    folded\n1: int key\ntrue: bool key\n",
    "a: !secret value\nb: !!python/object:os.system [x]\n",
    "just a scalar\n",
    "",
]


def _paths(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def test_a_valid_map_is_checked_without_computing_positions() -> None:
    for path in EXAMPLE_MAPS:
        document = load(path)
        checked = validate_document(document)
        assert checked.findings == []
        assert document._positions is None, path.name


def test_an_invalid_map_computes_positions_once_for_its_findings() -> None:
    document = load_text(MINIMAL.replace("stage: purchase", "stage: purchse"), "m.yaml")
    assert document._positions is None
    findings = validate_document(document).findings
    assert [(f.code, f.line, f.column) for f in findings] == [("E201", 22, 12)]
    positions = document._positions
    assert positions is not None
    document.locate(("touchpoints", 1, "stage"))
    assert document._positions is positions


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_during_a_load_and_restored_after(
    monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    seen: list[bool] = []
    resolve = build.resolve_plain

    def spying(value: str) -> Any:
        seen.append(gc.isenabled())
        return resolve(value)

    monkeypatch.setattr(build, "resolve_plain", spying)
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        for text in ("a: 1\nb: true\n", "a: [1\n", "a: 1\na: 2\n"):
            load_text(text, "m.yaml")
            assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
    assert seen
    assert not any(seen)


def test_no_event_objects_are_made_on_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    for name in handlers.EVENT_NAMES:
        cls = getattr(events, name)
        original = cls.__init__

        def counting(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> None:
            made.append(type(self).__name__)
            _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    document = load_text(MINIMAL.replace("name: Website", "name: Website\n    name: Web"), "m.yaml")
    assert [f.code for f in document.findings] == ["E002"]  # both passes ran
    assert made == []


@pytest.mark.parametrize("text", ["a: 1\n", "a: [1\n", "a: *nothing\n", "a: 1\n---\nb: 2\n"])
def test_the_parser_module_is_left_as_it_was(text: str) -> None:
    load_text(text, "m.yaml")
    compute_positions(text)
    for name in handlers.EVENT_NAMES:
        assert getattr(_ruamel_yaml, name) is getattr(events, name)


@pytest.mark.parametrize("text", TRICKY)
def test_replaying_event_objects_gives_the_same_result(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    # A parser build that ignores the handler gets its events replayed, slower but the same.
    fast = load_text(text, "m.yaml")
    fast_positions = compute_positions(text)
    monkeypatch.setattr(handlers, "EVENT_NAMES", ())
    slow = load_text(text, "m.yaml")
    assert slow.data == fast.data
    assert slow.findings == fast.findings
    assert compute_positions(text) == fast_positions


@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=lambda path: path.name)
def test_every_key_and_value_of_the_data_has_its_exact_position(path: Path) -> None:
    document = load(path)
    lines = document.text.splitlines()
    for data_path in _paths(document.data):
        line, column = document.locate(data_path)
        if data_path:
            parent = document.locate(data_path[:-1])
            assert (line, column) > parent, data_path  # its own position, not its parent's
        if data_path and isinstance(data_path[-1], str):
            line, column = document.locate(data_path, key=True)
            assert lines[line - 1][column - 1 :].startswith(data_path[-1]), data_path
    assert document.positions.duplicates == []


def test_both_passes_agree_on_keys_that_are_not_text() -> None:
    document = load_text("1: a\n2.5: b\n~: c\n'1': d\n", "m.yaml")
    assert document.data == {1: "a", 2.5: "b", None: "c", "1": "d"}
    assert document.locate(("1",), key=True) == (4, 1)
    assert document.locate((1,), key=True) == (1, 1)
    assert document.locate((2.5,)) == (2, 6)
    assert document.locate((None,)) == (3, 4)


def test_anchored_collections_count_their_expanded_size() -> None:
    # 3 + 1 nodes in the anchored list; the aliases add 4 and 4: 8 in all, under any limit.
    builder = build.DataBuilder("m.yaml")
    handlers.feed("a: &x [1, 2, 3]\nb: [*x, *x]\n", builder)
    assert builder.alias_nodes == 8
    assert builder.root == [{"a": [1, 2, 3], "b": [[1, 2, 3], [1, 2, 3]]}]


FOUND_WHILE_LOADING = [
    *TRICKY,
    *(path.read_text(encoding="utf-8") for path in EXAMPLE_MAPS),
    "a: *nothing\nb: 1\n",
    "a: [1\nb: 2\n",
    "a: {b: [], c: {}, d: [[], [1, {e: f}], '']}\ng: [x, y, [z], {}]\n",
    "- 1\n- - 2\n  - {a: b, c: [d, e]}\n  - 3\n- 4\n",
]


@pytest.mark.parametrize("text", FOUND_WHILE_LOADING)
def test_positions_found_while_loading_are_those_of_the_second_pass(text: str) -> None:
    together = load_text(text, "m.yaml", positions=True)
    apart = load_text(text, "m.yaml")
    assert together.data == apart.data
    assert together.findings == apart.findings
    second_pass = compute_positions(text)
    assert together.positions.duplicates == second_pass.duplicates
    for path in _paths(together.data):
        # Each path, its key, and paths that go past it or miss (the nearest parent).
        for probe in (path, (*path, "missing"), (*path, 0), (*path, 99)):
            for key in (False, True):
                found = together.locate(probe, key=key)
                assert found == second_pass.find(probe, key=key), (probe, key)


def test_lint_parses_a_map_with_findings_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from cjmap.lint import lint_paths

    feeds: list[str] = []
    feed = handlers.feed

    def counting(text: str, handler: Any) -> None:
        feeds.append(type(handler).__name__)
        feed(text, handler)

    for module in (build, positions):  # the data pass and the second pass
        monkeypatch.setattr(module, "feed", counting)
    path = tmp_path / "m.yaml"
    path.write_text(MINIMAL.replace("stage: purchase", "stage: purchse"), encoding="utf-8")
    [checked] = lint_paths([path]).batch.checked
    assert [(f.code, f.line, f.column) for f in checked.findings] == [("E201", 22, 12)]
    assert feeds == ["_MarkRecorder"]  # one pass, data and positions together
    assert isinstance(checked.document._positions, marks.MarkPositions)


def test_a_map_with_anchors_gets_its_positions_from_the_second_pass() -> None:
    # An alias repeats a collection without parsing it again: marks cannot be counted.
    document = load_text("a: &x {b: 1}\nc: *x\nd: [1, 2]\n", "m.yaml", positions=True)
    assert document._positions is None
    assert document.locate(("d", 1)) == (3, 8)
