from __future__ import annotations

import csv
import io
import json

import pytest

from cjmap.writers import ROW_FORMATS, row_writer
from cjmap.writers.table import (
    DATA,
    MARKDOWN,
    TERMINAL,
    Column,
    Table,
    cell_text,
    markdown_cell,
    write_csv,
    write_json,
    write_markdown,
    write_table,
)

COLUMNS = (
    Column("where", "Where", TERMINAL | MARKDOWN),
    Column("path", "Map", DATA),
    Column("line", "Line", DATA, numeric=True),
    Column("name", "Name"),
    Column("score", "Score", numeric=True),
    Column("tags", "Tags"),
    Column("done", "Done"),
)
ROWS = [
    {
        "where": "a.yaml:3",
        "path": "a.yaml",
        "line": 3,
        "name": "Pay | ship",
        "score": -2,
        "tags": ["web", "app"],
        "done": True,
    },
    {
        "where": "a.yaml:12",
        "path": "a.yaml",
        "line": 12,
        "name": 'Says "hi",\nthen leaves',
        "score": None,
        "tags": [],
        "done": False,
    },
]
TABLE = Table(COLUMNS, ROWS, summary="2 things in 1 map", empty="No things found in 1 map.")
EMPTY = Table(COLUMNS, [], summary="", empty="No things found in 1 map.")


def render(writer, table: Table, color: bool = False) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    writer(table, out, color)
    return out.getvalue()


def test_registry_names_every_row_writer() -> None:
    assert set(ROW_FORMATS) == {"table", "json", "csv", "markdown"}
    assert row_writer("csv") is write_csv
    assert row_writer("table") is write_table


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "yes"),
        (False, "no"),
        (64.0, "64"),
        (4.4, "4.4"),
        (-1, "-1"),
        (["web", "app"], "web, app"),
        ("text", "text"),
    ],
)
def test_cell_text(value, text: str) -> None:  # type: ignore[no-untyped-def]
    assert cell_text(value) == text


def test_json_keeps_types_and_only_data_columns() -> None:
    records = json.loads(render(write_json, TABLE))
    assert records[0] == {
        "path": "a.yaml",
        "line": 3,
        "name": "Pay | ship",
        "score": -2,
        "tags": ["web", "app"],
        "done": True,
    }
    assert records[1]["score"] is None
    assert records[1]["tags"] == []


def test_json_empty_is_an_empty_list() -> None:
    assert render(write_json, EMPTY) == "[]\n"


def test_csv_is_rfc_4180_with_a_header_of_keys() -> None:
    text = render(write_csv, TABLE)
    assert text.endswith("\r\n")
    assert text.splitlines()[0] == "path,line,name,score,tags,done"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["a.yaml", "3", "Pay | ship", "-2", "web, app", "true"]
    # The quote and the newline survive inside one quoted field.
    assert rows[2] == ["a.yaml", "12", 'Says "hi",\nthen leaves', "", "", "false"]
    assert '"Says ""hi"",\nthen leaves"' in text


def test_csv_empty_is_the_header_alone() -> None:
    assert render(write_csv, EMPTY) == "path,line,name,score,tags,done\r\n"


def test_markdown_table_shape_and_escapes() -> None:
    lines = render(write_markdown, TABLE).splitlines()
    assert lines[0] == "| Where | Name | Score | Tags | Done |"
    assert lines[1] == "| --- | --- | ---: | --- | --- |"
    assert lines[2] == r"| a.yaml:3 | Pay \| ship | -2 | web, app | yes |"
    assert lines[3] == '| a.yaml:12 | Says "hi",<br>then leaves |  |  | no |'
    assert len(lines) == 4
    # Every line has the same number of unescaped pipes: one cell per column.
    assert {line.replace(r"\|", "").count("|") for line in lines} == {6}


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("a|b", r"a\|b"),
        ("*bold* _it_", r"\*bold\* \_it\_"),
        ("<script>", r"\<script\>"),
        ("C:\\temp", r"C:\\temp"),
        ("`code` [link]", r"\`code\` \[link\]"),
        ("one\r\ntwo\n", "one<br>two"),
    ],
)
def test_markdown_cell_escapes(text: str, cell: str) -> None:
    assert markdown_cell(text) == cell


def test_markdown_empty_says_so() -> None:
    assert render(write_markdown, EMPTY) == "No things found in 1 map.\n"


def test_plain_table_is_aligned_and_ends_with_the_summary() -> None:
    lines = render(write_table, TABLE).splitlines()
    assert lines == [
        "Where      Name                    Score  Tags      Done",
        "a.yaml:3   Pay | ship                 -2  web, app  yes",
        'a.yaml:12  Says "hi", then leaves                   no',
        "2 things in 1 map",
    ]


def test_plain_table_aligns_wide_characters() -> None:
    table = Table((Column("name", "Name"), Column("n", "N")), [{"name": "咖啡", "n": "x"}])
    lines = render(write_table, table).splitlines()
    assert lines == ["Name  N", "咖啡  x"]


def test_table_empty_says_so() -> None:
    assert render(write_table, EMPTY) == "No things found in 1 map.\n"


def test_rich_table_on_a_terminal_shows_titles_cells_and_summary() -> None:
    text = render(write_table, TABLE, color=True)
    for expected in ("Where", "Name", "a.yaml:12", "Pay | ship", "web, app", "2 things in 1 map"):
        assert expected in text
    assert "Map" not in text  # a data-only column


def test_rich_table_shows_brackets_as_they_are() -> None:
    table = Table((Column("text", "[b]Text[/b]"),), [{"text": "[red]not markup[/red]"}], "[i]1[/i]")
    text = render(write_table, table, color=True)
    for literal in ("[b]Text[/b]", "[red]not markup[/red]", "[i]1[/i]"):
        assert literal in text
