from __future__ import annotations

import math
from pathlib import Path

import pytest

from cjmap.loader import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    InputError,
    expand_paths,
    load,
    load_text,
    resolve_plain,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("abc", "abc"),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("12", 12),
        ("-3", -3),
        ("012", 12),
        ("0x1F", 31),
        ("0o17", 15),
        ("1e3", 1000.0),
        ("2.5", 2.5),
        (".inf", math.inf),
        ("-.inf", -math.inf),
        ("2026-11-01", "2026-11-01"),
        ("1.2.3", "1.2.3"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core_schema(text: str, value: object) -> None:
    assert resolve_plain(text) == value


def test_nan_is_a_float() -> None:
    assert math.isnan(resolve_plain(".nan"))


def test_quoted_scalars_stay_text() -> None:
    doc = load_text("a: '12'\nb: \"true\"\nc: 12\n", "m.yaml")
    assert doc.data == {"a": "12", "b": "true", "c": 12}


def test_positions_of_keys_and_values() -> None:
    doc = load_text("a: 1\nb:\n  - x\n  - {c: 2}\n", "m.yaml")
    assert doc.locate(("a",)) == (1, 4)
    assert doc.locate(("a",), key=True) == (1, 1)
    assert doc.locate(("b", 0)) == (3, 5)
    assert doc.locate(("b", 1, "c")) == (4, 9)
    assert doc.locate(("b", 1, "c"), key=True) == (4, 6)
    # A path that does not exist points at its nearest parent.
    assert doc.locate(("b", 1, "missing")) == (4, 5)


def test_positions_are_computed_only_when_asked() -> None:
    doc = load_text("a: 1\n", "m.yaml")
    assert doc._positions is None
    doc.locate(("a",))
    assert doc._positions is not None


def test_duplicate_keys_name_both_lines() -> None:
    doc = load_text("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "m.yaml")
    found = [(f.code, f.line, f.column, f.message) for f in doc.findings]
    assert found[0][:3] == ("E002", 4, 3)
    assert "first at line 3, again at line 4" in found[0][3]
    assert found[1][:3] == ("E002", 5, 1)
    assert "first at line 1" in found[1][3]
    assert doc.data == {"a": 1, "b": {"c": 1}}


def test_python_tags_are_refused_not_constructed() -> None:
    doc = load_text("a: !!python/object/apply:os.system [echo hi]\n", "m.yaml")
    assert [(f.code, f.line, f.column) for f in doc.findings] == [("E003", 1, 4)]
    assert "!!python/object/apply:os.system" in doc.findings[0].message
    assert doc.data == {"a": ["echo hi"]}


def test_custom_local_tag_is_refused() -> None:
    doc = load_text("a: !secret value\n", "m.yaml")
    assert [f.code for f in doc.findings] == ["E003"]


def test_standard_tags_are_accepted() -> None:
    doc = load_text("a: !!str 12\nb: !!int '7'\n", "m.yaml")
    assert doc.findings == []
    assert doc.data == {"a": "12", "b": 7}


def test_plain_alias_reuse_works() -> None:
    doc = load_text("a: &chan [web, app]\nb: *chan\n", "m.yaml")
    assert doc.findings == []
    assert doc.data == {"a": ["web", "app"], "b": ["web", "app"]}


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    doc = load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert doc.data is None
    assert [f.code for f in doc.findings] == ["E005"]
    assert f"{MAX_ALIAS_NODES:,}" in doc.findings[0].message


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    doc = load_text(text, "deep.yaml")
    assert [f.code for f in doc.findings] == ["E006"]
    assert str(MAX_DEPTH) in doc.findings[0].message


def test_syntax_error_has_line_and_column() -> None:
    doc = load_text("a: 1\nb: [x, y\nc: 2\n", "m.yaml")
    assert doc.data is None
    assert len(doc.findings) == 1
    finding = doc.findings[0]
    assert finding.code == "E001"
    assert finding.line == 3
    assert "YAML syntax error" in finding.message


def test_bad_indentation_is_a_syntax_error() -> None:
    doc = load_text("a:\n  b: 1\n c: 2\n", "m.yaml")
    assert [(f.code, f.line) for f in doc.findings] == [("E001", 3)]


def test_tab_indentation_is_a_syntax_error() -> None:
    doc = load_text("a:\n\tb: 1\n", "m.yaml")
    assert [(f.code, f.line) for f in doc.findings] == [("E001", 2)]


def test_several_documents_are_refused() -> None:
    doc = load_text("a: 1\n---\nb: 2\n", "m.yaml")
    assert [(f.code, f.line) for f in doc.findings] == [("E001", 2)]


def test_crlf_keeps_line_numbers() -> None:
    doc = load_text("a: 1\r\nb:\r\n  c: 1\r\n  c: 2\r\n", "m.yaml")
    assert [(f.code, f.line) for f in doc.findings] == [("E002", 4)]


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    doc = load(path)
    assert doc.findings == []
    assert doc.data == {"a": 1}


def test_latin1_is_not_utf8_at_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    doc = load(path)
    assert [(f.code, f.line, f.column) for f in doc.findings] == [("E004", 2, 7)]
    assert "byte 0xe9 at offset 11" in doc.findings[0].message


def test_nul_byte_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"a: 1\nb: \x00\n")
    doc = load(path)
    assert [f.code for f in doc.findings] == ["E004"]
    assert "offset 8" in doc.findings[0].message


def test_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("a: 1\n" * 100)
    doc = load(path, max_size=100)
    assert [f.code for f in doc.findings] == ["E007"]


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.yaml")


def test_folder_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        load(tmp_path)


def test_expand_paths_finds_maps_and_skips_other_yaml(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text("cjmap: 1\n")
    (tmp_path / "b.yml").write_text("# comment\ncjmap: 1\n")
    (tmp_path / "other.yaml").write_text("name: ci\n")
    (tmp_path / "notes.txt").write_text("cjmap: 1\n")
    files, skipped, problems = expand_paths([tmp_path])
    assert files == [tmp_path / "b.yml", tmp_path / "sub" / "a.yaml"]
    assert skipped == [tmp_path / "other.yaml"]
    assert problems == []


def test_expand_paths_reports_empty_folder_and_missing_path(tmp_path: Path) -> None:
    files, _, problems = expand_paths([tmp_path, tmp_path / "gone.yaml"])
    assert files == []
    assert len(problems) == 2
    assert "no maps in this folder" in problems[0]
    assert "no such file" in problems[1]


def test_a_file_that_grew_after_it_was_measured_is_read_only_up_to_the_limit() -> None:
    # A file's size is a hint: /proc files say 0, and a file may grow while it is read.
    from io import BytesIO

    from cjmap.yaml.files import _read_at_most

    grown = BytesIO(b"x" * 3_000_000)
    assert len(_read_at_most(grown, 2_500_001, 1)) == 2_500_001
    assert _read_at_most(BytesIO(b"a: 1\n"), 2**63, 6) == b"a: 1\n"


def test_an_unusable_path_is_a_usage_error(tmp_path: Path) -> None:
    from cjmap.errors import UsageError

    with pytest.raises(UsageError) as raised:
        load(tmp_path / "nope.yaml")
    assert raised.value.exit_code == 2
