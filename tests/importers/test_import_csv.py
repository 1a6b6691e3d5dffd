"""cjmap import --from csv: cjmap's own export read back, inventories as teams keep them."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from cjmap.export import export_map
from cjmap.importers.convert import import_file
from cjmap.importers.draft import ImportOptions, ImportProblem, ImportUsageError
from cjmap.loader import load, load_text
from cjmap.model import CJMap, Touchpoint
from cjmap.reports.diff import diff_maps
from cjmap.validate import validate_document
from conftest import EXAMPLES

EXAMPLE_MAPS = sorted(EXAMPLES.glob("*.yaml"))


def model_of_text(text: str) -> CJMap:
    checked = validate_document(load_text(text, "imported.yaml"))
    assert checked.findings == [], checked.findings
    assert checked.model is not None
    return checked.model


def imported(path: Path, options: ImportOptions | None = None, source: str = "csv") -> CJMap:
    (result,) = import_file(path, source, options)
    return model_of_text(result.text)


def write(tmp_path: Path, text: str, name: str = "inventory.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def expected_emotions(original: CJMap, exported: str) -> dict[str, Any]:
    """Each touchpoint's emotion as the CSV export carries it: as in the map, except an
    emotion per persona that the export writes as one number (the persona worst off)."""
    cells = {row["touchpoint_id"]: row["emotion"] for row in csv.DictReader(io.StringIO(exported))}
    return {
        tp.id: tp.emotion_for()
        if isinstance(tp.emotion, dict) and ":" not in cells[tp.id]
        else tp.emotion
        for tp in original.touchpoints
    }


def in_lifecycle_order(model: CJMap) -> list[Touchpoint]:
    return sorted(model.touchpoints, key=lambda tp: model.stage_index[tp.stage])


@pytest.mark.parametrize("example", EXAMPLE_MAPS, ids=lambda path: path.name)
def test_export_then_import_keeps_touchpoints_emotions_and_pain_counts(
    tmp_path: Path, example: Path
) -> None:
    original = validate_document(load(example)).model
    assert original is not None
    text = export_map(original, "csv")
    again = imported(write(tmp_path, text))
    emotions = expected_emotions(original, text)
    collapsed = {tp.id for tp in original.touchpoints if emotions[tp.id] != tp.emotion}
    changes = diff_maps(original, again).changes
    assert not [c for c in changes if c.kind == "touchpoint" and c.change in ("added", "removed")]
    assert not [c for c in changes if c.kind == "emotion" and c.id not in collapsed]
    assert [(tp.id, tp.emotion, len(tp.pains)) for tp in again.touchpoints] == [
        (tp.id, emotions[tp.id], len(tp.pains)) for tp in in_lifecycle_order(original)
    ]
    for tp in again.touchpoints:
        before = original.touchpoints_by_id[tp.id]
        assert tp.name == before.name
        assert [again.channels_by_id[c].name for c in tp.channels] == [
            original.channels_by_id[c].name for c in before.channels
        ]
        assert tp.owner == before.owner
        assert tp.moment_of_truth == before.moment_of_truth
        assert [m.name for m in tp.metrics] == [m.name for m in before.metrics]
        assert [(m.value, m.target, m.better) for m in tp.metrics] == [
            (m.value, m.target, m.better) for m in before.metrics
        ]


def test_an_inventory_as_teams_keep_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Journey Phase;Step;Channel(s);Actor;Customer action;Thoughts;Feelings;Score (1-5);"
        "Pain point;Team;Moment of truth?;Budget\n"
        "Discover;See the ad;Instagram, TV;Busy parent;Scrolls;Nice;Curious;4;;Brand;;10\n"
        'Buy;Pay;Web;Busy parent, Barista;Types card;"Shipping, again?";Annoyed;1;'
        '"Shipping shown late\nNo PayPal";Checkout;yes;20\n'
        "Buy;Pay;App;;;;;;;;;\n",
    )
    model = imported(path, ImportOptions(scale="1-5"))
    assert [(s.id, s.name) for s in model.stages] == [("discover", "Discover"), ("buy", "Buy")]
    assert [(c.id, c.name) for c in model.channels] == [
        ("instagram", "Instagram"),
        ("tv", "TV"),
        ("web", "Web"),
        ("app", "App"),
    ]
    ad, pay = model.touchpoints
    assert (ad.id, ad.channels, ad.personas, ad.emotion, ad.owner) == (
        "see-the-ad",
        ["instagram", "tv"],
        ["busy-parent"],
        1,
        "Brand",
    )
    assert (pay.channels, pay.personas, pay.emotion, pay.moment_of_truth) == (
        ["web", "app"],
        ["busy-parent", "barista"],
        -2,
        True,
    )
    assert (pay.doing, pay.thinking, pay.feeling) == ("Types card", "Shipping, again?", "Annoyed")
    assert [p.text for p in pay.pains] == ["Shipping shown late", "No PayPal"]


def test_column_option_names_what_is_not_recognised(tmp_path: Path) -> None:
    path = write(tmp_path, "Moment,Wo,Wert\nPay,Web,-1\n")
    with pytest.raises(ImportProblem) as raised:
        import_file(path, "csv")
    assert str(raised.value) == (
        f"{path}:1: no touchpoint column; the columns found are 'Moment', 'Wo', 'Wert'. "
        "Say which column holds the touchpoints with --column 'HEADER=touchpoint'"
    )
    options = ImportOptions(
        columns=(("moment", "touchpoint"), ("WO", "channel"), ("Wert", "emotion"))
    )
    (tp,) = imported(path, options).touchpoints
    assert (tp.name, tp.channels, tp.emotion) == ("Pay", ["web"], -1)
    with pytest.raises(ImportUsageError, match="'feelings' is not a field; use one of stage, "):
        import_file(path, "csv", ImportOptions(columns=(("Wert", "feelings"),)))


def test_unknown_columns_and_missing_channels_are_said(tmp_path: Path) -> None:
    path = write(tmp_path, "Touchpoint,Budget\nPay,10\n")
    (result,) = import_file(path, "csv")
    assert result.draft.lost == [
        "the columns 'Budget' (name them with --column)",
        "stages (no stage column: every touchpoint is in one stage)",
        "channels (the source names none)",
    ]
    model = model_of_text(result.text)
    assert [c.id for c in model.channels] == ["unspecified"]
    assert "# The source names no channel: replace 'unspecified'" in result.text


@pytest.mark.parametrize(
    ("scale", "cells", "emotions"),
    [
        ("-2-2", ["-2", "0", "2", "3"], [-2, 0, 2, 2]),
        ("1-5", ["1", "3", "5"], [-2, 0, 2]),
        ("1-10", ["1", "10", "5.5", "7"], [-2, 2, 0, 1]),
        ("-5-5", ["-5", "0", "5", "-3"], [-2, 0, 2, -1]),
    ],
)
def test_scales(tmp_path: Path, scale: str, cells: list[str], emotions: list[int]) -> None:
    rows = "".join(f"Step {n},{value}\n" for n, value in enumerate(cells))
    path = write(tmp_path, "Touchpoint,Emotion\n" + rows)
    model = imported(path, ImportOptions(scale=scale))
    assert [tp.emotion for tp in model.touchpoints] == emotions


def test_out_of_scale_and_non_numbers_are_warned_with_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Touchpoint,Emotion\nA,7\nB,meh\n")
    (result,) = import_file(path, "csv")
    assert result.draft.warnings == [
        f"{path}:2: warning: emotion 7 is outside -2-2; clamped",
        f"{path}:3: warning: emotion 'meh' is not a number; left out",
    ]


def test_not_csv(tmp_path: Path) -> None:
    path = write(tmp_path, 'Touchpoint,Emotion\n"A,1\n')
    with pytest.raises(ImportProblem, match=r"csv:2: not valid CSV \(unexpected end of data\)"):
        import_file(path, "csv")


def test_organisations_and_lifecycles(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Stage,Lifecycle,Touchpoint,Organisation\n"
        "Look around,Awareness,Search,Search engine\nLook around,awareness,Reviews,Review site\n"
        "Pay,,Checkout,Bean Post\n",
    )
    model = imported(path)
    assert [(s.id, s.lifecycle) for s in model.stages] == [
        ("look-around", "awareness"),
        ("pay", None),
    ]
    assert [(o.id, o.name) for o in model.organisations] == [
        ("search-engine", "Search engine"),
        ("review-site", "Review site"),
        ("bean-post", "Bean Post"),
    ]
    assert [tp.organisation for tp in model.touchpoints] == [
        "search-engine",
        "review-site",
        "bean-post",
    ]


def test_an_emotion_per_persona_in_a_row(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Touchpoint,Personas,Emotion\n"
        '"Register the birth","First-time parent, Parent new to the country",'
        '"first-time-parent: 1; Parent new to the country: -2"\n',
    )
    (tp,) = imported(path).touchpoints
    assert tp.personas == ["first-time-parent", "parent-new-to-the-country"]
    assert tp.emotion == {"first-time-parent": 1, "parent-new-to-the-country": -2}


def test_excel_sep_line_and_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"sep=;\r\nStage;Touchpoint;Emotion\r\nBuy;Pay, then wait;-1\r\n")
    model = imported(path)
    assert [(tp.name, tp.stage, tp.emotion) for tp in model.touchpoints] == [
        ("Pay, then wait", "buy", -1)
    ]


def test_a_one_column_inventory(tmp_path: Path) -> None:
    model = imported(write(tmp_path, "Touchpoint\nSee the ad\nPay\n"))
    assert [tp.name for tp in model.touchpoints] == ["See the ad", "Pay"]
    assert model.map.title == "inventory"
