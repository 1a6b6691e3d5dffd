from __future__ import annotations

import pytest
from reporttools import example_maps, line_of, maps_of

from cjmap.model import Metric
from cjmap.reports import UnknownIdError
from cjmap.reports.pains import (
    PainFilter,
    find_pains,
    metric_severity,
    metric_text,
    pains_table,
)

PAINFUL = """\
cjmap: 1
map:
  title: Pains fixture
personas:
  - {id: parent, name: Busy parent}
  - {id: barista, name: Home barista}
stages:
  - {id: aware, name: Awareness}
  - {id: buy, name: Purchase}
  - {id: use, name: Use}
channels:
  - {id: web, name: Website}
  - {id: phone, name: Phone line}
touchpoints:
  - id: ad
    name: Sees an ad
    stage: aware
    channels: [web]
    personas: [barista]
    emotion: 1
    pains:
      - Ad is blurry
      - {text: Ad hides the price, severity: high}
  - id: pay
    name: Pays
    stage: buy
    channels: [web, phone]
    emotion: -2
    pains:
      - {text: Shipping shows up late, severity: high, roadblock: true}
      - {text: Total is unclear, severity: high}
      - {text: Card form is fussy, severity: low}
    metrics:
      - {name: Checkout abandonment, value: 64, target: 35, unit: "%", better: lower}
      - {name: Satisfaction, value: 4.6, target: 4.5}
  - id: call
    name: Calls for help
    stage: use
    channels: [phone]
    personas: [parent]
    pains:
      - {text: Long hold, severity: high}
      - {text: No callback, severity: high}
      - {text: Line drops, severity: critical}
    metrics:
      - {name: Wait, value: 19, target: 5, unit: minutes, better: lower}
  - id: app
    name: Opens the app
    stage: aware
    channels: [web]
    emotion: -2
    pains:
      - {text: App crashes, severity: high}
journeys:
  - {id: parent-path, name: Parent path, persona: parent, steps: [pay, call]}
  - {id: barista-path, name: Barista path, persona: barista, steps: [ad, pay]}
actions:
  - {id: fix-pay, title: Fix pay, touchpoints: [pay]}
"""

WORST_FIRST = [
    "Line drops",  # critical
    "Shipping shows up late",  # high roadblock
    "App crashes",  # high, emotion -2, stage aware (later in the file)
    "Total is unclear",  # high, emotion -2, stage buy
    "Ad hides the price",  # high, emotion 1
    "Long hold",  # high, no emotion: after those with one; file order within
    "No callback",
    "Ad is blurry",  # medium
    "Card form is fussy",  # low
]


def texts(wanted: PainFilter | None = None) -> list[str]:
    return [point.text for point in find_pains(maps_of(PAINFUL), wanted or PainFilter())]


def test_worst_first_severity_roadblock_emotion_lifecycle_file_order() -> None:
    assert texts() == WORST_FIRST


def test_off_target_metrics_join_the_list_in_order() -> None:
    assert texts(PainFilter(metrics=True)) == [
        "Line drops",
        "Shipping shows up late",
        "App crashes",
        "Total is unclear",
        "Checkout abandonment: 64% against a target of 35% (lower is better)",
        "Ad hides the price",
        "Long hold",
        "No callback",
        "Wait: 19 minutes against a target of 5 minutes (lower is better)",
        "Ad is blurry",
        "Card form is fussy",
    ]


def test_a_pain_carries_its_touchpoint_stage_and_exact_line() -> None:
    (point,) = find_pains(maps_of(PAINFUL), PainFilter(min_severity="critical"))
    assert point.row() | {"severity_label": None} == {
        "where": f"map1.yaml:{line_of(PAINFUL, 'Line drops')}",
        "severity_label": None,
        "path": "map1.yaml",
        "line": line_of(PAINFUL, "Line drops"),
        "column": 9,
        "kind": "pain",
        "severity": "critical",
        "roadblock": False,
        "touchpoint": "call",
        "touchpoint_name": "Calls for help",
        "stage": "use",
        "stage_name": "Use",
        "channels": ["phone"],
        "personas": ["parent"],
        "emotion": None,
        "covered": False,
        "text": "Line drops",
        "at": "call",
        "pain_id": None,
        "opportunities": [],
        "actions": [],
    }


def test_plain_text_pain_is_medium_and_located_at_its_text() -> None:
    (point,) = find_pains(maps_of(PAINFUL), PainFilter(stages=["aware"], channels=["web"]))[-1:]
    assert (point.text, point.severity) == ("Ad is blurry", "medium")
    assert (point.line, point.column) == (line_of(PAINFUL, "Ad is blurry"), 9)


def test_touchpoint_without_personas_lists_every_persona_and_is_covered() -> None:
    pay = [p for p in find_pains(maps_of(PAINFUL)) if p.touchpoint == "pay"]
    assert {p.personas for p in pay} == {("parent", "barista")}
    assert all(p.covered for p in pay)


def test_roadblock_label_for_people() -> None:
    rows = pains_table(find_pains(maps_of(PAINFUL)), 1).rows
    assert rows[1]["severity_label"] == "high\nroadblock"
    assert rows[2]["severity_label"] == "high"


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (PainFilter(stages=["aware"]), ["App crashes", "Ad hides the price", "Ad is blurry"]),
        (PainFilter(stages=["aware", "use"], min_severity="critical"), ["Line drops"]),
        (
            PainFilter(channels=["phone"]),
            [
                "Line drops",
                "Shipping shows up late",
                "Total is unclear",
                "Long hold",
                "No callback",
                "Card form is fussy",
            ],
        ),
        # 'app' and 'pay' list no personas, so they are the barista's too.
        (
            PainFilter(personas=["barista"]),
            [
                "Shipping shows up late",
                "App crashes",
                "Total is unclear",
                "Ad hides the price",
                "Ad is blurry",
                "Card form is fussy",
            ],
        ),
        (
            PainFilter(journeys=["parent-path"]),
            [
                "Line drops",
                "Shipping shows up late",
                "Total is unclear",
                "Long hold",
                "No callback",
                "Card form is fussy",
            ],
        ),
        (
            PainFilter(min_severity="high"),
            WORST_FIRST[:7],
        ),
        # Filters combine: in the barista's journey and over the phone.
        (
            PainFilter(journeys=["barista-path"], channels=["phone"], min_severity="medium"),
            ["Shipping shows up late", "Total is unclear"],
        ),
    ],
)
def test_filters(wanted: PainFilter, expected: list[str]) -> None:
    assert texts(wanted) == expected


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        (
            PainFilter(stages=["by"]),
            "--stage 'by' is not a stage id in any of the maps; did you mean 'buy'?",
        ),
        (
            PainFilter(channels=["phnoe"]),
            "--channel 'phnoe' is not a channel id in any of the maps; did you mean 'phone'?",
        ),
        (
            PainFilter(personas=["parents"]),
            "--persona 'parents' is not a persona id in any of the maps; did you mean 'parent'?",
        ),
        (
            PainFilter(journeys=["xyz"]),
            "--journey 'xyz' is not a journey id in any of the maps; "
            "the maps define barista-path, parent-path",
        ),
    ],
)
def test_unknown_ids(wanted: PainFilter, message: str) -> None:
    with pytest.raises(UnknownIdError) as caught:
        find_pains(maps_of(PAINFUL), wanted)
    assert str(caught.value) == message


def test_an_id_known_in_one_map_filters_the_other_to_nothing() -> None:
    other = PAINFUL.replace("id: buy", "id: checkout").replace("stage: buy", "stage: checkout")
    points = find_pains(maps_of(PAINFUL, other), PainFilter(stages=["checkout"]))
    assert {point.path for point in points} == {"map2.yaml"}
    assert len(points) == 3


def test_a_persona_not_in_a_map_does_not_match_its_touchpoints_for_everyone() -> None:
    other = PAINFUL.replace("id: barista,", "id: student,").replace("[barista]", "[student]")
    other = other.replace("persona: barista", "persona: student")
    points = find_pains(maps_of(PAINFUL, other), PainFilter(personas=["barista"]))
    assert {point.path for point in points} == {"map1.yaml"}


def test_several_maps_interleave_worst_first_then_file_order() -> None:
    points = find_pains(maps_of(PAINFUL, PAINFUL), PainFilter(min_severity="critical"))
    assert [(p.path, p.text) for p in points] == [
        ("map1.yaml", "Line drops"),
        ("map2.yaml", "Line drops"),
    ]


def test_no_pains_gives_an_empty_table_with_a_message() -> None:
    table = pains_table(find_pains(maps_of(PAINFUL), PainFilter(stages=["buy"], personas=[])), 3)
    assert table.summary == "3 pain points in 3 maps"
    empty = pains_table([], 3)
    assert (list(empty.rows), empty.empty) == ([], "No pain points found in 3 maps.")


def test_summary_counts_metrics_apart() -> None:
    table = pains_table(find_pains(maps_of(PAINFUL), PainFilter(metrics=True)), 1)
    assert table.summary == "9 pain points and 2 off-target metrics in 1 map"


@pytest.mark.parametrize(
    ("value", "target", "better", "severity"),
    [
        (4.4, 4.5, "higher", "low"),  # 2% short
        (58, 75, "higher", "medium"),  # 23% short
        (64, 35, "lower", "high"),  # 83% over
        (3, 0, "lower", "high"),  # any miss of a zero target
        (1.09, 1.0, "lower", "low"),
        (1.1, 1.0, "lower", "medium"),
        (1.5, 1.0, "lower", "high"),
    ],
)
def test_metric_severity_from_how_far_it_misses(
    value: float, target: float, better: str, severity: str
) -> None:
    metric = Metric.model_validate(
        {"name": "m", "value": value, "target": target, "better": better}
    )
    assert metric.off_target
    assert metric_severity(metric) == severity


@pytest.mark.parametrize(
    ("unit", "text"),
    [
        ("%", "Rating: 58% against a target of 75% (higher is better)"),
        ("out of 5", "Rating: 58 out of 5 against a target of 75 out of 5 (higher is better)"),
        (None, "Rating: 58 against a target of 75 (higher is better)"),
    ],
)
def test_metric_text_says_value_target_and_unit(unit: str | None, text: str) -> None:
    metric = Metric.model_validate({"name": "Rating", "value": 58, "target": 75, "unit": unit})
    assert metric_text(metric) == text


def test_examples_worst_pain_is_the_checkout_roadblock() -> None:
    points = find_pains(example_maps("coffee-subscription.yaml"), PainFilter(metrics=True))
    worst = points[0]
    assert (worst.touchpoint, worst.severity, worst.roadblock) == ("checkout", "high", True)
    assert worst.text == "Shipping cost appears only at the last step"
    severities = [point.severity for point in points]
    order = ["critical", "high", "medium", "low"]
    assert severities == sorted(severities, key=order.index)
    assert sum(1 for point in points if point.kind == "metric") == 6


def test_unknown_id_without_a_close_match_lists_a_few_known_ones() -> None:
    many = PAINFUL.replace(
        "journeys:\n",
        "journeys:\n"
        + "".join(f"  - {{id: j{n}, name: J, persona: parent, steps: [pay]}}\n" for n in range(9)),
    )
    with pytest.raises(UnknownIdError) as caught:
        find_pains(maps_of(many), PainFilter(journeys=["xyz"]))
    assert str(caught.value) == (
        "--journey 'xyz' is not a journey id in any of the maps; the maps define "
        "barista-path, j0, j1, j2, j3, j4, j5, j6 and 3 more"
    )
    no_journeys = PAINFUL[: PAINFUL.index("journeys:")]
    with pytest.raises(UnknownIdError) as caught:
        find_pains(maps_of(no_journeys), PainFilter(journeys=["xyz"]))
    assert str(caught.value).endswith("; the maps define none")
