from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import EXAMPLES, MINIMAL, ROOT, readme_output, run_cli

# MINIMAL plus a stage nobody maps, a phone channel and a second persona.
GAPPY = (
    MINIMAL.replace(
        "  - id: purchase\n    name: Purchase\n",
        "  - id: purchase\n    name: Purchase\n  - id: loyalty\n    name: Stay with us\n",
    )
    .replace(
        "  - id: web\n    name: Website\n",
        "  - id: web\n    name: Website\n  - id: phone\n    name: Phone line\n",
    )
    .replace(
        "  - id: parent\n    name: Busy parent\n",
        "  - id: parent\n    name: Busy parent\n  - id: student\n    name: Student\n",
    )
    .replace(
        "    stage: awareness\n    channels: [web]\n",
        "    stage: awareness\n    channels: [web]\n    personas: [parent]\n",
    )
)
COFFEE = EXAMPLES / "coffee-subscription.yaml"


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def kinds(*args: str | Path) -> list[tuple[str, str, str]]:
    result = run_cli("gaps", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [(row["kind"], row["subject"], row["stage"]) for row in result.json()]


def test_table_lists_unmapped_stages(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPPY)
    result = run_cli("gaps", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Gap", "For", "Stage", "Note", "Where"]
    assert lines[1].split()[:2] == ["unmapped-stage", "loyalty"]
    assert lines[1].endswith(f"no touchpoint in this stage  {path}:{line_of(GAPPY, 'id: loyalty')}")
    assert lines[2:] == ["1 gap in 1 map"]


def test_json_rows(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPPY)
    result = run_cli("gaps", path, "--format", "json")
    assert result.json() == [
        {
            "path": str(path),
            "line": line_of(GAPPY, "id: loyalty"),
            "column": 5,
            "kind": "unmapped-stage",
            "subject": "",
            "subject_name": "",
            "stage": "loyalty",
            "stage_name": "Stay with us",
            "note": "no touchpoint in this stage",
        }
    ]


def test_by_persona_and_channel(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPPY)
    assert kinds(path, "--by", "persona") == [
        ("unmapped-stage", "", "loyalty"),
        ("persona-absent", "student", "awareness"),
    ]
    expected = [
        ("unmapped-stage", "", "loyalty"),
        ("persona-absent", "student", "awareness"),
        ("channel-absent", "phone", "awareness"),
        ("channel-absent", "phone", "purchase"),
    ]
    assert kinds(path, "--by", "persona", "--by", "channel") == expected
    assert kinds(path, "--by", "channel,persona") == expected


def test_bad_by_is_a_usage_error(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("gaps", write_map(GAPPY), "--by", "personas")
    assert result.exit_code == 2
    assert result.stderr == (
        "cjmap: error: --by 'personas' is not one of persona, channel; did you mean 'persona'?\n"
    )


def test_journeys(write_map) -> None:  # type: ignore[no-untyped-def]
    text = GAPPY.replace("steps: [ad, checkout]", "steps: [checkout]").replace(
        "journeys:\n",
        "  - id: review\n    name: Reviews\n    stage: loyalty\n    channels: [web]\njourneys:\n",
    )
    path = write_map(text)
    result = run_cli("gaps", path, "--journeys", "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = result.json()
    assert [(r["kind"], r["subject"], r["stage"], r["note"]) for r in rows] == [
        ("outside-journey", "first", "awareness", "before the journey's first stage"),
        ("outside-journey", "first", "loyalty", "after the journey's last stage"),
    ]
    # Stages outside a journey are context: --check passes.
    assert run_cli("gaps", path, "--journeys", "--check").exit_code == 0
    skipping = write_map(text.replace("steps: [checkout]", "steps: [ad, review]"), "skip.yaml")
    assert kinds(skipping, "--journeys") == [("journey-skips", "first", "purchase")]
    assert run_cli("gaps", skipping, "--journeys", "--check").exit_code == 1


def test_against_standard(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPPY)
    # The map's 'loyalty' stage matches the standard one by id.
    missing = [stage for kind, _, stage in kinds(path, "--against", "standard")[1:]]
    assert missing == ["consideration", "onboarding", "use", "support", "advocacy"]


def test_against_a_file(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reference = tmp_path / "lifecycle.yaml"
    reference.write_text("- Awareness\n- Stay with us\n- Renewal\n", encoding="utf-8")
    path = write_map(GAPPY)
    result = run_cli("gaps", path, "--against", reference, "-f", "json")
    assert result.exit_code == 0
    rows = result.json()
    assert [(r["kind"], r["subject"], r["stage"]) for r in rows] == [
        ("unmapped-stage", "", "loyalty"),
        ("missing-stage", str(reference), "Renewal"),
    ]
    assert rows[1]["note"] == (
        f"in the lifecycle in {reference}; no stage of this map stands for it"
    )


def test_bad_against_file_names_the_file(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reference = tmp_path / "lifecycle.yaml"
    reference.write_text("- Awareness\n- {notes: x}\n", encoding="utf-8")
    result = run_cli("gaps", write_map(GAPPY), "--against", reference)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"cjmap: error: --against: {reference}:2:3: stage 2 must be a stage name or id, "
        "or a mapping with 'id' or 'name', not a mapping\n"
    )
    missing = run_cli("gaps", write_map(GAPPY), "--against", tmp_path / "none.yaml")
    assert missing.exit_code == 2
    assert missing.stderr == (
        f"cjmap: error: --against: '{tmp_path / 'none.yaml'}' is neither a lifecycle "
        "(standard, b2b) nor a file\n"
    )


def test_check_exits_1_on_gaps_and_0_without(write_map) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("gaps", write_map(GAPPY)).exit_code == 0
    assert run_cli("gaps", write_map(GAPPY), "--check").exit_code == 1
    full = write_map(MINIMAL, "full.yaml")
    result = run_cli("gaps", full, "--check")
    assert (result.exit_code, result.stdout) == (0, "No gaps found in 1 map.\n")
    assert run_cli("gaps", full, "--check", "--against", "standard").exit_code == 1


def test_csv_and_markdown(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(GAPPY)
    result = run_cli("gaps", path, "-f", "csv", "--by", "persona")
    records = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(r["kind"], r["subject"], r["stage_name"]) for r in records] == [
        ("unmapped-stage", "", "Stay with us"),
        ("persona-absent", "student", "Awareness"),
    ]
    lines = run_cli("gaps", path, "-f", "markdown", "--by", "persona").stdout.splitlines()
    assert lines[:2] == [
        "| Gap | For | Stage | Note | Where |",
        "| --- | --- | --- | --- | --- |",
    ]
    assert lines[3].startswith("| persona-absent | Student | Awareness | no touchpoint in this")
    assert len(lines) == 4


def test_empty_result(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(MINIMAL)
    assert run_cli("gaps", path, "-f", "json").json() == []
    assert run_cli("gaps", path, "-f", "markdown").stdout == "No gaps found in 1 map.\n"


def test_invalid_map_exits_1_and_valid_ones_are_still_reported(write_map) -> None:  # type: ignore[no-untyped-def]
    good = write_map(GAPPY, "good.yaml")
    bad = write_map("cjmap: 1\nmap: {title: x}\n", "bad.yaml")
    result = run_cli("gaps", good, bad, "-f", "json")
    assert result.exit_code == 1
    assert [row["path"] for row in result.json()] == [str(good)]
    assert result.stderr.splitlines()[0].startswith(f"{bad}:")


def test_examples() -> None:
    result = run_cli("gaps", EXAMPLES, "--against", "standard", "-f", "json")
    assert result.exit_code == 0
    rows = result.json()
    coffee = [(r["kind"], r["stage"]) for r in rows if r["path"] == str(COFFEE)]
    assert coffee == [("unmapped-stage", "advocacy")]
    claim = [(r["kind"], r["stage"]) for r in rows if r["path"].endswith("insurance-claim.yaml")]
    assert claim == [
        ("missing-stage", "awareness"),
        ("missing-stage", "onboarding"),
        ("missing-stage", "use"),
    ]
    assert (
        run_cli("gaps", EXAMPLES / "b2b-software.yaml", "--against", "b2b", "--check").exit_code
        == 0
    )
    assert run_cli("gaps", EXAMPLES, "--check").exit_code == 1


def test_readme_example_is_real_output(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    command = (
        "cjmap gaps examples/coffee-subscription.yaml examples/insurance-claim.yaml "
        "--against standard"
    )
    result = run_cli(*command.split()[1:])
    assert result.stdout == readme_output(command)
