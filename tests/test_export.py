"""cjmap export --to csv | markdown, and what export does with files and options."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from cjmap.export import ExportOptions, export_map
from cjmap.export.csv import COLUMNS
from cjmap.export.mermaid import journey_diagram
from cjmap.loader import load
from cjmap.model import CJMap
from cjmap.validate import validate_document
from conftest import EXAMPLES, FIXTURES, MINIMAL, run_cli

HOSTILE = FIXTURES / "hostile-names.yaml"
MAPS = [*sorted(EXAMPLES.glob("*.yaml")), HOSTILE]
HEADER = [column.key for column in COLUMNS]


def model_of(path: Path) -> CJMap:
    checked = validate_document(load(path))
    assert checked.model is not None, checked.findings
    return checked.model


def flat(text: str) -> str:
    return " ".join(text.split())


# --- CSV -------------------------------------------------------------------------


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def as_cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
def test_csv_has_a_row_per_touchpoint_and_channel(path: Path, tmp_path: Path) -> None:
    model = model_of(path)
    target = tmp_path / "export.csv"
    result = run_cli("export", path, "--to", "csv", "-o", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_bytes().decode("utf-8")
    assert text.startswith(",".join(HEADER) + "\r\n")  # RFC 4180: CRLF line ends
    header, *rows = csv_rows(text)
    assert header == HEADER
    assert all(len(row) == len(header) for row in rows)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    expected = [
        (tp.id, as_cell(tp.name), as_cell(model.channels_by_id[channel].name))
        for stage in model.stages
        for tp in model.touchpoints
        if tp.stage == stage.id
        for channel in tp.channels
    ]
    # Texts come back exactly, newlines, quotes and commas included, in lifecycle order;
    # only those that begin like a spreadsheet formula carry an apostrophe before them.
    assert [(r["touchpoint_id"], r["touchpoint"], r["channel"]) for r in records] == expected


def test_csv_columns_for_a_touchpoint() -> None:
    text = export_map(model_of(EXAMPLES / "coffee-subscription.yaml"), "csv")
    records = [dict(zip(HEADER, row, strict=True)) for row in csv_rows(text)[1:]]
    checkout = [r for r in records if r["touchpoint_id"] == "checkout"]
    assert [r["channel"] for r in checkout] == ["Website", "Mobile app"]
    assert checkout[0] == {
        "stage": "Subscribe and pay",
        "touchpoint_id": "checkout",
        "touchpoint": "Pay for the first box",
        "channel": "Website",
        "channel_kind": "digital",
        "personas": "Busy parent, Home barista",
        "owner": "E-commerce team",
        "emotion": "-2",
        "pains": "2",
        "worst_severity": "high",
        "roadblock": "true",
        "moment_of_truth": "true",
        "importance": "high",
        "evidence": "observed",
        "metrics": "People who leave at the payment step: 64% (target 35%, lower is better)",
        "stage_lifecycle": "purchase",
        "organisation": "",
    }
    taste = next(r for r in records if r["touchpoint_id"] == "taste-quiz")
    assert (taste["owner"], taste["worst_severity"], taste["roadblock"]) == ("", "medium", "false")


# --- Markdown --------------------------------------------------------------------


def rendered(markdown: str) -> list[tuple[str, str]]:
    """(block, text) for every piece of inline text, as a CommonMark reader shows it."""
    parser = MarkdownIt("commonmark").enable("table")
    found: list[tuple[str, str]] = []
    context = ["document"]
    for token in parser.parse(markdown):
        if token.nesting == 1:
            context.append(token.tag)
        elif token.nesting == -1:
            context.pop()
        elif token.type == "inline":
            text = "".join(
                " " if child.type == "softbreak" else child.content
                for child in token.children or []
            )
            found.append((context[-1] if context[-1] != "p" else context[-2], text))
    return found


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
def test_markdown_document_shows_every_text_as_written(path: Path) -> None:
    model = model_of(path)
    result = run_cli("export", path, "--to", "markdown")
    assert result.exit_code == 0, result.stderr
    blocks = rendered(result.stdout)
    assert blocks[0] == ("h1", flat(model.map.title))
    headings = {(tag, text) for tag, text in blocks if tag.startswith("h")}

    def shown(name: str, item_id: str) -> str:
        return flat(name) or item_id

    for persona in model.personas:
        assert ("h3", shown(persona.name, persona.id)) in headings
    for number, stage in enumerate(model.stages, start=1):
        assert ("h3", f"{number}. {shown(stage.name, stage.id)}") in headings
    touchpoint_headings = [text for tag, text in blocks if tag == "h4"]
    assert touchpoint_headings == [
        shown(tp.name, tp.id)
        for stage in model.stages
        for tp in model.touchpoints
        if tp.stage == stage.id
    ]
    items = {text for tag, text in blocks if tag == "li"}
    for tp in model.touchpoints:
        for pain in tp.pains:
            roadblock = ", roadblock" if pain.roadblock else ""
            assert f"{flat(pain.text)} ({pain.severity}{roadblock})" in items
        assert {flat(delight) for delight in tp.delights} <= items
    cells = {text for tag, text in blocks if tag == "td"}
    assert {flat(action.title) for action in model.actions} <= cells
    assert ("h2", "Journeys") in headings if model.journeys else True
    assert ("h2", "Actions") in headings if model.actions else True


def test_markdown_touchpoint_section() -> None:
    text = export_map(model_of(EXAMPLES / "coffee-subscription.yaml"), "markdown")
    start = text.index("#### Pay for the first box\n")
    section = text[start : text.index("#### ", start + 1)]
    assert section == (
        "#### Pay for the first box\n"
        "\n"
        "**Moment of truth** · Channels: Website, Mobile app · Owner: E-commerce team · "
        "Importance: high · Evidence: observed · id `checkout`\n"
        "\n"
        "- **Doing:** Types card details on the phone\n"
        "- **Thinking:** Why is shipping extra? It said free delivery on the ad.\n"
        "- **Feeling:** Annoyed, feels tricked\n"
        "- **Emotion:** -2 (very negative)\n"
        "\n"
        "**Pains**\n"
        "\n"
        "- Shipping cost appears only at the last step (high, roadblock)\n"
        "- Card form rejects spaces in the card number (medium)\n"
        "\n"
        "**Delights**\n"
        "\n"
        "- Pay with one tap on the phone\n"
        "\n"
        "**Metrics**\n"
        "\n"
        "| Metric | Value | Target | Better | Status |\n"
        "| --- | ---: | ---: | --- | --- |\n"
        "| People who leave at the payment step | 64% | 35% | lower is better | off target |\n"
        "\n"
    )
    assert (
        "### 8. Tell friends about it\n\n"
        "*Not mapped yet; the referral programme is still an idea.*\n\n"
        "Lifecycle: advocacy\n\n"
        "- **Thinking:** I'd tell my sister, if she got something out of it too\n\n"
        "No touchpoints mapped in this stage yet.\n"
    ) in text


def test_markdown_embeds_the_mermaid_diagram(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(MINIMAL)
    result = run_cli("export", path, "--to", "markdown", "--mermaid", "--journey", "first")
    assert result.exit_code == 0, result.stderr
    diagram = journey_diagram(model_of(path), "first")
    assert f"## Journey diagram\n\n```mermaid\n{diagram}```\n" in result.stdout
    fences = [
        (token.info, token.content)
        for token in MarkdownIt().parse(result.stdout)
        if token.type == "fence"
    ]
    assert fences == [("mermaid", diagram)]


def test_export_options_reach_the_exporters() -> None:
    model = model_of(EXAMPLES / "coffee-subscription.yaml")
    with_diagram = export_map(model, "markdown", ExportOptions(mermaid=True))
    assert "```mermaid\njourney\n" in with_diagram
    assert "```mermaid" not in export_map(model, "markdown")


# --- Files and options -----------------------------------------------------------


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "coffee.csv"
    target.write_text("old contents", encoding="utf-8")
    result = run_cli("export", EXAMPLES / "coffee-subscription.yaml", "--to", "csv", "-o", target)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_bytes().decode("utf-8") == export_map(
        model_of(EXAMPLES / "coffee-subscription.yaml"), "csv"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["coffee.csv"]  # no temporary file left


@pytest.mark.parametrize(
    ("to", "suffix"), [("mermaid", ".mmd"), ("markdown", ".md"), ("csv", ".csv")]
)
def test_out_dir_writes_a_file_per_map(tmp_path: Path, to: str, suffix: str) -> None:
    out = tmp_path / "exports" / "new"
    result = run_cli("export", EXAMPLES, "--to", to, "--out-dir", out)
    assert result.exit_code == 0, result.stderr
    names = sorted(path.stem + suffix for path in EXAMPLES.glob("*.yaml"))
    assert sorted(p.name for p in out.iterdir()) == names
    assert result.stdout.splitlines() == [f"Wrote {out / name}" for name in names]
    coffee = out / f"coffee-subscription{suffix}"
    expected = export_map(model_of(EXAMPLES / "coffee-subscription.yaml"), to)
    assert coffee.read_bytes() == expected.encode("utf-8")


def test_several_maps_need_out_dir() -> None:
    result = run_cli("export", EXAMPLES, "--to", "mermaid")
    assert result.exit_code == 2
    count = len(list(EXAMPLES.glob("*.yaml")))
    assert result.stderr == (
        f"cjmap: error: {count} maps to export: give --out-dir DIR for one file per map\n"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--to", "csv", "--mermaid"], "--mermaid embeds the diagram in a Markdown export"),
        (["--to", "csv", "--journey", "first"], "--journey picks the journey of a Mermaid"),
        (["--to", "markdown", "--journey", "first"], "--journey picks the journey of a Mermaid"),
        (["--to", "csv", "-o", "a.csv", "--out-dir", "out"], "give -o FILE for one map or"),
        (["--to", "pdf"], "Invalid value for '--to'"),
    ],
)
def test_bad_option_combinations_are_usage_errors(
    write_map,
    options: list[str],
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    result = run_cli("export", write_map(MINIMAL), *options)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_map_that_is_not_valid_is_reported_and_the_others_exported(
    write_map,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    write_map(MINIMAL, "maps/good.yaml")
    write_map(MINIMAL.replace("stage: purchase", "stage: purchse"), "maps/bad.yaml")
    result = run_cli("export", tmp_path / "maps", "--to", "csv", "--out-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert "E201 touchpoint 'checkout' names stage 'purchse'" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.csv"]


def test_two_maps_with_the_same_file_name(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_map(MINIMAL, "a/map.yaml")
    write_map(MINIMAL, "b/map.yaml")
    result = run_cli(
        "export", tmp_path / "a", tmp_path / "b", "--to", "csv", "--out-dir", tmp_path / "out"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"cjmap: error: {tmp_path / 'a' / 'map.yaml'} and {tmp_path / 'b' / 'map.yaml'} would "
        f"both be exported to {tmp_path / 'out' / 'map.csv'}; export them to different folders\n"
    )
    assert not (tmp_path / "out").exists()


def test_out_dir_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "exports").write_text("a file", encoding="utf-8")
    path = EXAMPLES / "coffee-subscription.yaml"
    result = run_cli("export", path, "--to", "csv", "--out-dir", tmp_path / "exports")
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'exports'}: is a file, not a folder\n"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("export", tmp_path / "nope.yaml", "--to", "csv")
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'nope.yaml'}: no such file or folder\n"


def test_csv_never_hands_a_spreadsheet_a_formula(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace("name: Sees an ad", 'name: "=HYPERLINK(\\"http://x.test\\")"')
        .replace("name: Pays for the box", 'name: "@SUM(A1:A9)"')
        .replace(
            "    stage: purchase\n", "    stage: purchase\n    emotion: -2\n    owner: '+ops'\n"
        )
    )
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("export", path, "--to", "csv")
    assert result.exit_code == 0, result.stderr
    records = [dict(zip(HEADER, row, strict=True)) for row in csv_rows(result.stdout)[1:]]
    assert [record["touchpoint"] for record in records] == [
        '\'=HYPERLINK("http://x.test")',
        "'@SUM(A1:A9)",
    ]
    assert records[1]["owner"] == "'+ops"
    assert records[1]["emotion"] == "-2"  # a number stays a number
    with_pain = text.replace("    emotion: -2\n", "    emotion: -2\n    pains: ['=1+1']\n")
    path.write_text(with_pain, encoding="utf-8")
    pains = run_cli("pains", path, "-f", "csv")
    assert pains.exit_code == 0, pains.stderr
    header, *rows = csv_rows(pains.stdout)
    assert [dict(zip(header, row, strict=True))["text"] for row in rows] == ["'=1+1"]
