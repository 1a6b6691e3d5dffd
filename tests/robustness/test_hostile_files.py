"""Every hostile file in fixtures/ gets a clean answer through the CLI: exit code, one line per
problem with its file, line and column, and no traceback. docs/robustness.md lists these cases."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import NamedTuple

import pytest
from hostile import FIXTURES, assert_clean

from cjmap.loader import load
from conftest import run_cli


class Expected(NamedTuple):
    exit_code: int
    findings: list[tuple[int, int, str]]  # (line, column, code), in output order
    says: str = ""  # a fragment of a finding's message


EXPECTED: dict[str, Expected] = {
    "empty.yaml": Expected(1, [(1, 1, "E008")], "the file is empty"),
    "only-comments.yaml": Expected(1, [(1, 1, "E008")], "only comments"),
    "top-level-list.yaml": Expected(1, [(1, 1, "E008")], "the top level is a list"),
    "top-level-scalar.yaml": Expected(1, [(1, 1, "E008")], "the top level is 'just some words'"),
    "version-2.yaml": Expected(1, [(1, 8, "E100")], "format version 2 is not supported"),
    "version-missing.yaml": Expected(1, [(1, 1, "E100")], "missing 'cjmap: 1'"),
    "version-quoted.yaml": Expected(1, [(1, 8, "E100")], "format version '1' is not supported"),
    "syntax-bad-indentation.yaml": Expected(1, [(4, 9, "E001")], "check this line's indentation"),
    "syntax-tab-indentation.yaml": Expected(1, [(6, 1, "E001")], "indent with spaces, not tabs"),
    "syntax-unclosed-double-quote.yaml": Expected(
        1, [(3, 10, "E001")], "the quote that opens here is never closed"
    ),
    "syntax-unclosed-single-quote.yaml": Expected(
        1, [(17, 11, "E001")], "the quote that opens here is never closed"
    ),
    "syntax-unclosed-bracket.yaml": Expected(
        1, [(29, 8, "E001")], "expected ',' or ']' (while parsing a flow sequence that starts at"
    ),
    "syntax-unclosed-brace.yaml": Expected(
        1, [(14, 17, "E001")], "expected ',' or '}' (while parsing a flow mapping that starts at"
    ),
    "syntax-at-sign.yaml": Expected(1, [(6, 11, "E001")], "'@' cannot start a value"),
    "syntax-two-documents.yaml": Expected(1, [(33, 1, "E001")], "more than one YAML document"),
    "duplicate-keys.yaml": Expected(
        1, [(23, 5, "E002")], "key 'name' appears twice in the same mapping (first at line 21"
    ),
    "tag-python.yaml": Expected(
        1, [(3, 10, "E003"), (3, 10, "E102")], "tag '!!python/object/apply:os.system' is not"
    ),
    "tag-custom.yaml": Expected(1, [(3, 10, "E003")], "tag '!include' is not allowed"),
    "anchors-reuse.yaml": Expected(0, []),
    "alias-bomb.yaml": Expected(1, [(7, 14, "E005")], "aliases expand to more than 100,000 nodes"),
    "deep-nesting-flow.yaml": Expected(1, [(2, 205, "E006")], "nests more than 200 levels"),
    "deep-nesting-block.yaml": Expected(1, [(3, 401, "E006")], "nests more than 200 levels"),
    "encoding-utf8-bom.yaml": Expected(0, []),
    "encoding-latin1.yaml": Expected(
        1, [(6, 23, "E004")], "not UTF-8 text: byte 0xe9 at offset 82"
    ),
    "encoding-utf16-bom.yaml": Expected(1, [(1, 1, "E004")], "a UTF-16 byte order mark"),
    "encoding-utf16-no-bom.yaml": Expected(1, [(1, 2, "E004")], "NUL byte at offset 1"),
    "encoding-binary.yaml": Expected(1, [(1, 1, "E004")], "byte 0x89 at offset 0"),
    "encoding-nul-byte.yaml": Expected(1, [(17, 18, "E004")], "NUL byte at offset 245"),
    "crlf.yaml": Expected(1, [(22, 12, "E201")], "names stage 'purchse'"),
    "yaml11-words.yaml": Expected(0, []),
    "yaml11-merge-key.yaml": Expected(
        1,
        [(25, 5, "E101"), (25, 5, "E101"), (25, 5, "E101"), (25, 5, "E103")],
        "unknown key '<<' (merge keys are YAML 1.1, which cjmap does not read",
    ),
    "line-breaks-in-values.yaml": Expected(
        1,
        [(18, 14, "E102"), (19, 5, "E103"), (20, 5, "E002")],
        "key 'note\\u2028s' appears twice",
    ),
    "wrong-types.yaml": Expected(
        1,
        [
            (4, 12, "E102"),  # updated: 2026-02-30
            (6, 9, "E102"),  # id: 42
            (9, 9, "E102"),  # id: 1e3
            (21, 14, "E102"),  # emotion: 3
            (22, 22, "E102"),  # moment_of_truth: "yes"
            (23, 15, "E102"),  # delights: null
            (28, 14, "E102"),  # emotion: "bad"
            (29, 22, "E102"),  # moment_of_truth: yes
            (31, 45, "E102"),  # value: .nan
            (31, 59, "E102"),  # target: .inf
            (36, 10, "E102"),  # due: next week
        ],
        "'updated' of 'map' must be a date written as YYYY-MM-DD, not '2026-02-30'",
    ),
}


_ANNOTATION = re.compile(
    r"^::error file=[^,]+,line=(?P<line>\d+),col=(?P<col>\d+),title=(?P<code>E\d{3}) [a-z0-9-]+::\S"
)


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_gets_a_clean_answer(name: str) -> None:
    expected = EXPECTED[name]
    path = FIXTURES / name
    result = run_cli("validate", path)
    found = assert_clean(result, expected.exit_code)
    assert [(line, col, code) for _, line, col, code in found] == expected.findings
    assert all(shown == str(path) for shown, *_ in found)
    if expected.says:
        assert expected.says in result.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("output_format", ["json", "github"])
def test_hostile_file_in_machine_formats(name: str, output_format: str) -> None:
    expected = EXPECTED[name]
    result = run_cli("validate", "--format", output_format, FIXTURES / name)
    assert result.exit_code == expected.exit_code
    assert result.stderr == ""
    if output_format == "json":
        found = [(f["line"], f["column"], f["code"]) for f in result.json()]
    else:
        annotations = [_ANNOTATION.match(line) for line in result.stdout.splitlines()]
        assert all(annotations), result.stdout
        found = [(int(m["line"]), int(m["col"]), m["code"]) for m in annotations if m]
    assert found == expected.findings


def test_python_tag_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "map.yaml"
    path.write_text(
        (FIXTURES / "tag-python.yaml").read_text().replace("/tmp/cjmap-pwned", str(marker))
    )
    assert run_cli("validate", path).exit_code == 1
    assert not marker.exists()
    # The value is read as the plain list it is written as, never constructed.
    assert load(path).data["map"]["title"] == [f"touch {marker}"]


def test_anchors_and_aliases_share_values() -> None:
    data = load(FIXTURES / "anchors-reuse.yaml").data
    assert [t["channels"] for t in data["touchpoints"]] == [["web"], ["web"]]


def test_yaml_1_1_words_are_text() -> None:
    data = load(FIXTURES / "yaml11-words.yaml").data
    assert data["map"]["title"] == "off"
    assert data["stages"][0]["id"] == "no"
    assert data["channels"][0] == {"id": "on", "name": "yes"}


def test_bom_is_dropped_and_positions_stay_right() -> None:
    document = load(FIXTURES / "encoding-utf8-bom.yaml")
    assert document.text.startswith("cjmap: 1")
    assert document.locate(("cjmap",)) == (1, 8)


def test_nan_and_inf_are_read_as_floats_and_refused() -> None:
    metric = load(FIXTURES / "wrong-types.yaml").data["touchpoints"][1]["metrics"][0]
    assert math.isnan(metric["value"])
    assert metric["target"] == math.inf


@pytest.mark.parametrize("length", [100_000, 2_000_000])
def test_very_long_lines_work(write_map, length: int) -> None:  # type: ignore[no-untyped-def]
    from conftest import MINIMAL

    long_title = "x" * length
    path = write_map(MINIMAL.replace("Minimal map", long_title))
    assert_clean(run_cli("validate", path), 0)
    broken = write_map(
        MINIMAL.replace("Minimal map", long_title).replace("stage: purchase", "stage: purchse"),
        "broken.yaml",
    )
    found = assert_clean(run_cli("validate", broken), 1)
    assert [(line, col, code) for _, line, col, code in found] == [(22, 12, "E201")]


def test_long_line_in_error_message_is_shortened(write_map) -> None:  # type: ignore[no-untyped-def]
    from conftest import MINIMAL

    path = write_map(MINIMAL.replace("    name: Sees an ad\n", f"    emotion: {'z' * 500_000}\n"))
    result = run_cli("validate", path)
    assert_clean(result, 1)
    assert max(len(line) for line in result.stdout.splitlines()) < 300


def test_robustness_doc_names_real_tests_and_every_fixture() -> None:
    # docs/robustness.md is the table of hostile inputs; each row must point at a test here.
    from conftest import ROOT

    doc = (ROOT / "docs" / "robustness.md").read_text()
    named = re.findall(r"`(\w+\.py)::(\w+)", doc)
    assert len(named) > 30
    for module, test in named:
        source = next((ROOT / "tests").rglob(module)).read_text()
        assert f"def {test}(" in source, f"{module}::{test}"
    cited = set(re.findall(r"`files\[([\w.-]+)\]`", doc)) - {"NAME"}
    assert cited == set(EXPECTED)
