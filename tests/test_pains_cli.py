from __future__ import annotations

import csv
import io
from pathlib import Path

from cjmap.writers.table import markdown_cell
from conftest import EXAMPLES, MINIMAL, ROOT, readme_output, run_cli

# MINIMAL with pains: the ad is for the parent only, the checkout for everyone.
PAINS = (
    MINIMAL.replace(
        "    stage: awareness\n    channels: [web]\n",
        "    stage: awareness\n    channels: [web]\n    personas: [parent]\n    emotion: 1\n"
        "    pains:\n      - Too small to read\n",
    )
    .replace(
        "    stage: purchase\n    channels: [web]\n",
        "    stage: purchase\n    channels: [web]\n    emotion: -2\n    pains:\n"
        "      - {text: Shipping shows up late, severity: high, roadblock: true}\n"
        '      - {text: "Card | form, \\"fussy\\"", severity: low}\n'
        "    metrics:\n"
        "      - {name: Abandonment, value: 64, target: 35, unit: '%', better: lower}\n",
    )
    .replace(
        "  - id: parent\n    name: Busy parent\n",
        "  - id: parent\n    name: Busy parent\n  - id: student\n    name: Student\n",
    )
)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def test_table_lists_worst_first_with_a_summary(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(PAINS)
    result = run_cli("pains", path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Severity", "Touchpoint", "Emotion", "Covered", "Pain", "Where"]
    assert lines[1].split()[:5] == ["high", "roadblock", "checkout", "-2", "yes"]
    assert lines[1].endswith(f"Shipping shows up late  {path}:{line_of(PAINS, 'Shipping')}")
    assert "Too small to read" in lines[2]
    assert "Card | form" in lines[3]
    assert lines[-1] == "3 pain points in 1 map"


def test_json_rows_with_every_field(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(PAINS)
    result = run_cli("pains", path, "--format", "json")
    assert result.exit_code == 0
    rows = result.json()
    assert [row["text"] for row in rows] == [
        "Shipping shows up late",
        "Too small to read",
        'Card | form, "fussy"',
    ]
    assert rows[0] == {
        "path": str(path),
        "line": line_of(PAINS, "Shipping"),
        "column": 9,
        "kind": "pain",
        "severity": "high",
        "roadblock": True,
        "touchpoint": "checkout",
        "touchpoint_name": "Pays for the box",
        "stage": "purchase",
        "stage_name": "Purchase",
        "channels": ["web"],
        "personas": ["parent", "student"],
        "emotion": -2,
        "covered": True,
        "text": "Shipping shows up late",
        "pain_id": None,
        "opportunities": [],
        "actions": ["fix"],
    }
    assert rows[1]["personas"] == ["parent"]
    assert rows[1]["covered"] is False


def test_csv_parses_with_a_header(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("pains", write_map(PAINS), "-f", "csv")
    assert result.exit_code == 0
    records = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [r["text"] for r in records][-1] == 'Card | form, "fussy"'
    assert records[0]["roadblock"] == "true"
    assert records[0]["personas"] == "parent, student"
    assert records[1]["emotion"] == "1"


def test_markdown_is_one_table_row_per_pain(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(PAINS)
    result = run_cli("pains", path, "-f", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "| Severity | Touchpoint | Stage | Channels | Personas | Emotion | Covered | Pain "
        "| Pain id | Opportunities | Actions | Where |"
    )
    assert lines[1] == "| --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- | --- | --- |"
    assert len(lines) == 5
    assert lines[2].startswith("| high<br>roadblock | Pays for the box | Purchase | web |")
    assert lines[4] == (
        "| low | Pays for the box | Purchase | web | parent, student | -2 | yes | "
        rf'Card \| form, "fussy" |  |  | fix | '
        f"{markdown_cell(str(path))}:{line_of(PAINS, 'Card')} |"
    )


def test_metrics_adds_off_target_metrics(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("pains", write_map(PAINS), "--metrics", "-f", "json")
    metric = [row for row in result.json() if row["kind"] == "metric"]
    assert metric == [
        metric[0]
        | {
            "severity": "high",
            "touchpoint": "checkout",
            "text": "Abandonment: 64% against a target of 35% (lower is better)",
            "line": line_of(PAINS, "{name: Abandonment"),
        }
    ]
    table = run_cli("pains", write_map(PAINS), "--metrics")
    assert table.stdout.splitlines()[-1] == "3 pain points and 1 off-target metric in 1 map"


def texts(*args: str | Path) -> list[str]:
    result = run_cli("pains", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [row["text"] for row in result.json()]


def test_each_filter(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(PAINS)
    everything = texts(path)
    assert texts(path, "--stage", "awareness") == ["Too small to read"]
    assert texts(path, "--stage", "awareness,purchase") == everything
    assert texts(path, "--stage", "awareness", "--stage", "purchase") == everything
    assert texts(path, "--channel", "web") == everything
    assert texts(path, "--persona", "student") == [everything[0], everything[2]]
    assert texts(path, "--persona", "parent") == everything
    assert texts(path, "--journey", "first") == everything
    assert texts(path, "--min-severity", "medium") == everything[:2]
    assert texts(path, "--min-severity", "critical") == []
    assert texts(path, "--persona", "student", "--min-severity", "high") == everything[:1]


def test_unknown_ids_are_usage_errors_with_a_suggestion(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(PAINS)
    for option, wrong, message in [
        (
            "--stage",
            "purchse",
            "--stage 'purchse' is not a stage id in any of the maps; did you mean 'purchase'?",
        ),
        (
            "--channel",
            "wbe",
            "--channel 'wbe' is not a channel id in any of the maps; did you mean 'web'?",
        ),
        (
            "--persona",
            "parnet",
            "--persona 'parnet' is not a persona id in any of the maps; did you mean 'parent'?",
        ),
        (
            "--journey",
            "second",
            "--journey 'second' is not a journey id in any of the maps; the maps define first",
        ),
    ]:
        result = run_cli("pains", path, option, wrong)
        assert result.exit_code == 2
        assert result.stderr == f"cjmap: error: {message}\n"
        assert result.stdout == ""


def test_bad_min_severity_is_a_usage_error(write_map) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("pains", write_map(PAINS), "--min-severity", "severe")
    assert result.exit_code == 2
    assert "'severe' is not one of" in result.stderr


def test_empty_result_says_so(write_map) -> None:  # type: ignore[no-untyped-def]
    first = write_map(MINIMAL, "a.yaml")
    second = write_map(MINIMAL, "b.yaml")
    third = write_map(MINIMAL, "c.yaml")
    result = run_cli("pains", first, second, third)
    assert (result.exit_code, result.stdout) == (0, "No pain points found in 3 maps.\n")
    assert run_cli("pains", first, "-f", "json").json() == []
    assert run_cli("pains", first, "-f", "markdown").stdout == "No pain points found in 1 map.\n"
    assert run_cli("pains", first, "-f", "csv").stdout.startswith("path,line,column,kind,")


def test_invalid_maps_go_to_stderr_and_valid_ones_are_still_reported(write_map) -> None:  # type: ignore[no-untyped-def]
    good = write_map(PAINS, "good.yaml")
    bad = write_map(PAINS.replace("stage: purchase", "stage: purchse"), "bad.yaml")
    result = run_cli("pains", good, bad, "-f", "json")
    assert result.exit_code == 1
    assert {row["path"] for row in result.json()} == {str(good)}
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{bad}:")
    assert "E201 touchpoint 'checkout' names stage 'purchse'" in errors[0]
    assert errors[-1] == "cjmap: 1 map not valid, left out of the report (fix the problems above)"


def test_only_invalid_maps_does_not_complain_about_filter_ids(write_map) -> None:  # type: ignore[no-untyped-def]
    bad = write_map(PAINS.replace("stage: purchase", "stage: purchse"))
    result = run_cli("pains", bad, "--stage", "purchase")
    assert result.exit_code == 1
    assert result.stdout == "No pain points found in 0 maps.\n"


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run_cli("pains", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == f"cjmap: error: {tmp_path / 'nope.yaml'}: no such file or folder"
    )


def test_output_file(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "pains.csv"
    result = run_cli("pains", write_map(PAINS), "-f", "csv", "-o", target)
    assert (result.exit_code, result.stdout) == (0, "")
    records = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert len(records) == 3


def test_output_to_a_folder_is_a_usage_error(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("pains", write_map(PAINS), "-o", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cjmap: error: {tmp_path}: cannot write")


def test_examples_worst_first_across_maps() -> None:
    result = run_cli("pains", EXAMPLES, "-f", "json", "--metrics")
    assert result.exit_code == 0
    rows = result.json()
    assert len({row["path"] for row in rows}) == len(list(EXAMPLES.glob("*.yaml")))
    order = ["critical", "high", "medium", "low"]
    ranks = [(order.index(row["severity"]), not row["roadblock"]) for row in rows]
    assert ranks == sorted(ranks)
    for row in rows:
        assert row["line"] > 0
        source = Path(row["path"]).read_text(encoding="utf-8").splitlines()[row["line"] - 1]
        # The line holds the pain's text, or the metric's name.
        needle = row["text"] if row["kind"] == "pain" else row["text"].split(":")[0]
        assert needle[:20] in source


def test_examples_persona_and_journey_filters() -> None:
    path = EXAMPLES / "coffee-subscription.yaml"
    journey = texts(path, "--journey", "barista-first-month")
    persona = texts(path, "--persona", "home-barista")
    # The barista's journey avoids skip-delivery and call-change-plan but the persona
    # filter keeps call-change-plan, which lists no personas.
    assert 'Skip is hidden three menus deep under "Manage plan"' not in persona
    assert "Twenty minutes on hold just to change the plan" in persona
    assert "Twenty minutes on hold just to change the plan" not in journey
    assert set(journey) <= set(persona)


def test_readme_example_is_real_output(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    command = "cjmap pains examples/coffee-subscription.yaml --min-severity high"
    result = run_cli(*command.split()[1:])
    assert result.stdout == readme_output(command)
