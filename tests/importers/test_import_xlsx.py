"""cjmap import --from xlsx: workbooks made here with openpyxl, a journey-map template
laid out by stages, and an XML bomb."""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from test_import_csv import expected_emotions, in_lifecycle_order

from cjmap.export import export_map
from cjmap.loader import load, load_text
from cjmap.model import CJMap
from cjmap.validate import validate_document
from conftest import EXAMPLES, run_cli


def workbook(path: Path, rows: list[list[Any]], sheet: str = "Journey", before: int = 0) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    for number in range(before):
        book.create_sheet(f"Notes {number}", 0)
    first.title = sheet
    for row in rows:
        first.append(row)
    book.save(path)
    return path


def imported(*args: str | Path) -> CJMap:
    result = run_cli("import", *args)
    assert result.exit_code == 0, result.stderr
    checked = validate_document(load_text(result.stdout, "imported.yaml"))
    assert checked.findings == []
    assert checked.model is not None
    return checked.model


def number_or_text(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        return text or None


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_through_a_workbook(tmp_path: Path, example: Path) -> None:
    original = validate_document(load(example)).model
    assert original is not None
    text = export_map(original, "csv")
    rows = [[number_or_text(value) for value in row] for row in csv.reader(io.StringIO(text))]
    path = workbook(tmp_path / "inventory.xlsx", rows)
    again = imported(path, "--from", "xlsx")
    emotions = expected_emotions(original, text)
    assert [(tp.id, tp.name, tp.emotion, len(tp.pains)) for tp in again.touchpoints] == [
        (tp.id, tp.name, emotions[tp.id], len(tp.pains)) for tp in in_lifecycle_order(original)
    ]


TEMPLATE = [
    ["Phase", "Plan the trip", "Book", "Travel"],
    ["When", "Weeks before", "Days before", "On the day"],
    ["Doing", "Searches routes\nCompares prices", "Pays online", "Boards the train"],
    ["Thinking", "Is this the cheapest day?", "Did it go through?\nWhere is my ticket?", None],
    ["Feeling", "Hopeful", "Anxious", "Relieved"],
    ["Emotion (1-5)", "Busy parent: 4; Student: 3", 2, 5],
    ["Touchpoints", "Search engine\nRail website", "Checkout", "Station\nTrain app"],
    ["Channels", "Web", "Web, App", "Station, App"],
    ["Pain points", "Too many sites", "Ticket email is late", None],
    ["Opportunities", "One search for every operator", "Send the ticket at once", None],
    ["Budget", 1, 2, 3],
]


def test_a_template_laid_out_by_stage(tmp_path: Path) -> None:
    titled = [["Rail booking: experience map"], [None, None], *TEMPLATE]
    path = workbook(tmp_path / "template.xlsx", titled, sheet="Map", before=1)
    result = run_cli("import", path, "--from", "xlsx", "--sheet", "Map", "--scale", "1-5")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"cjmap: imported {path} (sheet 'Map'): 3 stages, 5 touchpoints, 2 personas; "
        "not carried over: the rows 'Budget' (name them with --column)\n"
    )
    model = imported(path, "--from", "xlsx", "--sheet", "Map", "--scale", "1-5")
    assert model.map.title == "Rail booking: experience map"
    plan, book, travel = model.stages
    assert (plan.name, plan.timeframe, plan.doing, plan.feeling) == (
        "Plan the trip",
        "Weeks before",
        ["Searches routes", "Compares prices"],
        "Hopeful",
    )
    assert plan.emotion == {"busy-parent": 1, "student": 0}
    assert (book.emotion, travel.emotion) == (-1, 2)
    assert book.thinking == ["Did it go through?", "Where is my ticket?"]
    assert [p.text for p in book.pains] == ["Ticket email is late"]
    assert [(tp.name, tp.stage, tp.channels) for tp in model.touchpoints] == [
        ("Search engine", "plan-the-trip", ["web"]),
        ("Rail website", "plan-the-trip", ["web"]),
        ("Checkout", "book", ["web", "app"]),
        ("Station", "travel", ["station", "app"]),
        ("Train app", "travel", ["station", "app"]),
    ]
    assert [(o.title, o.addresses) for o in model.opportunities] == [
        ("One search for every operator", ["plan-the-trip"]),
        ("Send the ticket at once", ["book"]),
    ]
    # The same sheet as CSV, and the layout forced by name.
    rows = io.StringIO()
    csv.writer(rows).writerows(titled)
    (tmp_path / "template.csv").write_text(rows.getvalue(), encoding="utf-8")
    forced = imported(tmp_path / "template.csv", "--from", "csv", "--transposed", "--scale", "1-5")
    assert forced.model_dump() == model.model_dump()


def test_an_xml_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [["Touchpoint"], ["Pay"]])
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)).replace(
        "&lol0;", "&lol;"
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, bomb if item.filename == "xl/worksheets/sheet1.xml" else data)
    target = tmp_path / "map.yaml"
    result = run_cli("import", path, "--from", "xlsx", "-o", target)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cjmap: error: {path}: the workbook's XML declares entities")
    assert result.stderr.endswith("as XML bombs do; refused\n")
    assert result.stderr.count("\n") == 1
    assert not target.exists()


def test_not_a_workbook_and_an_unknown_sheet(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("Touchpoint\nPay\n", encoding="utf-8")
    result = run_cli("import", path, "--from", "xlsx")
    assert (result.exit_code, result.stderr) == (
        1,
        f"cjmap: error: {path}: not an .xlsx workbook (not a zip file)\n",
    )
    real = workbook(tmp_path / "real.xlsx", [["Touchpoint"], ["Pay"]])
    result = run_cli("import", real, "--from", "xlsx", "--sheet", "Nope")
    assert (result.exit_code, result.stderr) == (
        2,
        f"cjmap: error: {real}: no sheet 'Nope'; its sheets are 'Journey'\n",
    )


def test_without_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "book.xlsx", [["Touchpoint"], ["Pay"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run_cli("import", path, "--from", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "cjmap: error: reading .xlsx files needs the xlsx extra: pip install 'cjmap[xlsx]'\n"
    )
