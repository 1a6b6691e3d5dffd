from __future__ import annotations

import pytest

from cjmap.findings import VALIDATE_CHECKS
from cjmap.loader import load_text
from cjmap.model import CJMap, Pain
from cjmap.validate import keys_at, validate_document
from conftest import MINIMAL, codes_at, findings_of


def replace(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def only(text: str) -> tuple[str, int, int, str]:
    found = findings_of(text)
    assert len(found) == 1, found
    f = found[0]
    return f.code, f.line, f.column, f.message


def test_minimal_map_is_valid_and_typed() -> None:
    checked = validate_document(load_text(MINIMAL, "m.yaml"))
    assert checked.findings == []
    assert isinstance(checked.model, CJMap)
    assert checked.model.stage_index == {"awareness": 0, "purchase": 1}
    assert checked.model.map.state == "current"
    assert checked.model.touchpoints[0].evidence == "hypothesis"
    assert checked.model.covered_touchpoints == {"checkout"}


def test_every_code_is_documented_once() -> None:
    codes = [check.code for check in VALIDATE_CHECKS]
    assert len(codes) == len(set(codes))
    assert len({check.rule for check in VALIDATE_CHECKS}) == len(codes)


def test_empty_file() -> None:
    assert only("")[:3] == ("E008", 1, 1)
    assert only("# only a comment\n")[0] == "E008"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_top_level_must_be_a_mapping(text: str) -> None:
    assert only(text)[0] == "E008"


def test_missing_version() -> None:
    code, line, column, message = only(MINIMAL.replace("cjmap: 1\n", ""))
    assert (code, line, column) == ("E100", 1, 1)
    assert "cjmap: 1" in message


@pytest.mark.parametrize("version", ["2", "'1'", "true", "1.0"])
def test_wrong_version(version: str) -> None:
    code, line, column, message = only(replace("cjmap: 1", f"cjmap: {version}"))
    assert (code, line, column) == ("E100", 1, 8)
    assert "not supported" in message


def test_missing_key_points_at_parent_mapping() -> None:
    code, line, column, message = only(
        replace("  - id: awareness\n    name: Awareness\n", "  - id: awareness\n")
    )
    assert (code, line, column) == ("E101", 8, 5)
    assert message == "stage 'awareness' is missing required key 'name'"


def test_missing_map_title() -> None:
    code, line, _, message = only(replace("  title: Minimal map\n", "  owner: CX\n"))
    assert (code, line) == ("E101", 3)
    assert "'title'" in message


def test_missing_top_level_section_points_at_top() -> None:
    text = MINIMAL.split("channels:")[0] + "touchpoints: []\n"
    assert [c for c, _, _ in codes_at(text)] == ["E101"]


def test_unknown_key_with_suggestion() -> None:
    code, line, column, message = only(
        replace("    name: Awareness", "    nmae: Awareness\n    name: A")
    )
    assert (code, line, column) == ("E103", 9, 5)
    assert message == "stage 'awareness' has unknown key 'nmae'; did you mean 'name'?"


def test_unknown_top_level_key() -> None:
    code, line, _, message = only(MINIMAL + "touchpoint: []\n")
    assert (code, line) == ("E103", 33)
    assert "did you mean 'touchpoints'?" in message


def test_unknown_key_without_close_match_mentions_x_keys() -> None:
    assert (
        "start with 'x-'" in only(replace("  title: Minimal map", "  title: M\n  colour: red"))[3]
    )


def test_x_keys_are_allowed_anywhere() -> None:
    text = "x-team: {a: 1}\n" + replace(
        "    name: Awareness", "    name: Awareness\n    x-source: survey"
    )
    text = replace("  title: Minimal map", "  title: M\n  x-review: 2026-10-01", text)
    assert findings_of(text) == []


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ('"2"', "whole number from -2 to 2, not '2'"),
        ("3", "whole number from -2 to 2, not 3"),
        ("-3", "whole number from -2 to 2, not -3"),
        ("1.5", "whole number from -2 to 2, not 1.5"),
        ("bad", "whole number from -2 to 2, not 'bad'"),
        ("true", "whole number from -2 to 2, not true"),
    ],
)
def test_emotion_range_and_type(value: str, fragment: str) -> None:
    code, line, column, message = only(
        replace("    channels: [web]\n", f"    channels: [web]\n    emotion: {value}\n")
    )
    assert (code, line, column) == ("E102", 20, 14)
    assert message.startswith("'emotion' of touchpoint 'ad' must be a ")
    assert fragment in message


@pytest.mark.parametrize("value", ['"yes"', "yes", "1", "on"])
def test_moment_of_truth_must_be_boolean(value: str) -> None:
    code, _, _, message = only(
        replace("    channels: [web]\n", f"    channels: [web]\n    moment_of_truth: {value}\n")
    )
    assert code == "E102"
    assert "must be true or false" in message


def test_literal_with_suggestion() -> None:
    _, _, _, message = only(
        replace("    channels: [web]\n", "    channels: [web]\n    evidence: validatd\n")
    )
    assert message == (
        "'evidence' of touchpoint 'ad' must be one of hypothesis, observed, "
        "validated, not 'validatd'; did you mean 'validated'?"
    )


def test_plain_string_pain_is_medium() -> None:
    text = replace(
        "    channels: [web]\n",
        "    channels: [web]\n    pains:\n      - Card form rejects spaces\n"
        "      - {text: Slow, severity: high, roadblock: true}\n",
    )
    checked = validate_document(load_text(text, "m.yaml"))
    assert checked.findings == []
    assert checked.model is not None
    assert checked.model.touchpoints[0].pains == [
        Pain(text="Card form rejects spaces", severity="medium", roadblock=False),
        Pain(text="Slow", severity="high", roadblock=True),
    ]


def test_pain_of_wrong_type() -> None:
    code, line, column, message = only(
        replace("    channels: [web]\n", "    channels: [web]\n    pains:\n      - ok\n      - 5\n")
    )
    assert (code, line, column) == ("E102", 22, 9)
    assert message == "pain 2 of touchpoint 'ad' must be text or a mapping with 'text', not 5"


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_metric_must_be_finite(value: str) -> None:
    code, _, _, message = only(
        replace(
            "    channels: [web]\n",
            f"    channels: [web]\n    metrics:\n      - {{name: NPS, value: {value}}}\n",
        )
    )
    assert code == "E102"
    assert message.startswith("'value' of metric 1 of touchpoint 'ad' must be a finite number")


@pytest.mark.parametrize("value", ["20261101", "2026-13-01", "next week", "2026-11-01T10:00:00"])
def test_dates_must_be_iso_dates(value: str) -> None:
    code, _, _, message = only(replace("  title: Minimal map", f"  title: M\n  updated: {value}"))
    assert code == "E102"
    assert "'updated' of 'map' must be a date written as YYYY-MM-DD" in message


def test_dates_parse() -> None:
    text = replace("  title: Minimal map", "  title: M\n  updated: 2026-11-01")
    checked = validate_document(load_text(text, "m.yaml"))
    assert checked.model is not None
    assert str(checked.model.map.updated) == "2026-11-01"


def test_null_where_a_list_belongs() -> None:
    code, _, _, message = only(
        replace("    channels: [web]\n", "    channels: [web]\n    delights:\n")
    )
    assert code == "E102"
    assert message == "'delights' of touchpoint 'ad' must be a list, not an empty value"


def test_empty_list_where_one_item_needed() -> None:
    code, line, _, message = only(replace("    steps: [ad, checkout]", "    steps: []"))
    assert (code, line) == ("E102", 28)
    assert message == "'steps' of journey 'first' needs at least one item"


def test_number_as_id_must_be_quoted() -> None:
    found = findings_of(replace("  - id: awareness", "  - id: 12"))
    assert [(f.code, f.line, f.column) for f in found] == [("E102", 8, 9), ("E201", 18, 12)]
    assert found[0].message == "'id' of stage 1 must be text (put quotes around it), not 12"


def test_invalid_id() -> None:
    text = replace("  - id: awareness", "  - id: 'my stage'").replace(
        "stage: awareness", "stage: my stage"
    )
    found = [(f.code, f.line, f.column) for f in findings_of(text)]
    assert ("E104", 8, 9) in found


def test_duplicate_id_names_first_line() -> None:
    code, line, _, message = only(
        replace(
            "  - id: purchase\n    name: Purchase\n",
            "  - id: purchase\n    name: Purchase\n  - id: purchase\n    name: Again\n",
        )
    )
    assert (code, line) == ("E105", 12)
    assert message == "stage id 'purchase' is used twice (first at line 10); ids must be unique"


def test_undefined_stage_with_suggestion() -> None:
    code, line, column, message = only(replace("    stage: purchase", "    stage: purchse"))
    assert (code, line, column) == ("E201", 22, 12)
    assert message == (
        "touchpoint 'checkout' names stage 'purchse', which is not defined; "
        "did you mean 'purchase'?"
    )


def test_undefined_channel() -> None:
    code, line, column, _ = only(
        replace(
            "    channels: [web]\n  - id: checkout", "    channels: [web, app]\n  - id: checkout"
        )
    )
    assert (code, line, column) == ("E202", 19, 21)


def test_undefined_persona_in_touchpoint_and_journey() -> None:
    text = replace("    channels: [web]\n", "    channels: [web]\n    personas: [parnet]\n")
    text = replace("    persona: parent", "    persona: nobody", text)
    found = [(f.code, f.line) for f in findings_of(text)]
    assert found == [("E203", 20), ("E203", 28)]
    assert "did you mean 'parent'?" in findings_of(text)[0].message


def test_undefined_touchpoint_in_journey_and_action() -> None:
    text = replace("    steps: [ad, checkout]", "    steps: [ad, chekout]")
    text = replace("    touchpoints: [checkout]", "    touchpoints: [gone]", text)
    found = [(f.code, f.line, f.column) for f in findings_of(text)]
    assert found == [("E204", 28, 17), ("E204", 32, 19)]


def test_every_problem_is_reported_in_one_run() -> None:
    text = replace("    stage: purchase", "    stage: purchse")
    text = replace("  title: Minimal map", "  title: M\n  state: past", text)
    text = replace("    name: Awareness", "    nme: Awareness", text)
    codes = sorted(code for code, _, _ in codes_at(text))
    assert codes == ["E101", "E102", "E103", "E201"]


def test_findings_are_sorted_by_position() -> None:
    text = replace("    stage: purchase", "    stage: purchse")
    text = replace("  title: Minimal map", "  title: M\n  state: past", text)
    lines = [line for _, line, _ in codes_at(text)]
    assert lines == sorted(lines)


def test_loader_findings_come_with_schema_findings() -> None:
    text = replace("  title: Minimal map", "  title: M\n  title: N")
    assert [c for c, _, _ in codes_at(text)] == ["E002"]


def test_keys_at_walks_the_models() -> None:
    assert "moment_of_truth" in keys_at(("touchpoints", 3))
    assert keys_at(("touchpoints", 0, "pains", 1)) == ["text", "severity", "roadblock", "id"]
    assert keys_at(("map",))[0] == "title"


@pytest.mark.parametrize(
    ("written", "flow"),
    [("1e3", False), ("007", False), ("0x1F", False), ("+12.50", False), ("1e3", True)],
)
def test_a_number_is_quoted_as_written(written: str, flow: bool) -> None:
    # YAML reads 1e3 as 1000.0 and 007 as 7; the author wrote neither.
    text = MINIMAL.replace("  - id: web\n", f"  - id: {written}\n")
    if flow:
        text = text.replace("  - id: web\n", "").replace(
            f"  - id: {written}\n    name: Website\n", f"  - {{id: {written}, name: Website}}\n"
        )
    messages = [
        finding.message for finding in validate_document(load_text(text, "m.yaml")).findings
    ]
    assert f"'id' of channel 1 must be text (put quotes around it), not {written}" in messages


def test_a_number_not_found_as_written_is_shown_as_read() -> None:
    from cjmap.loader import Document
    from cjmap.validate import shown_as_written

    document = Document("m.yaml", "x: 12 # twelve\n", {"x": 12})
    assert shown_as_written(document, (1, 4), 12) == "12"
    assert shown_as_written(document, (1, 1), 12) == "12"  # 'x' does not read as 12
    assert shown_as_written(document, (9, 1), 12.5) == "12.5"  # past the end
    assert shown_as_written(document, (1, 4), True) == "true"
