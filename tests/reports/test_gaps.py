from __future__ import annotations

from reporttools import example_maps, line_of, maps_of

from cjmap.lifecycles import LIFECYCLES, load_lifecycle
from cjmap.reports.gaps import GapOptions, find_gaps, gaps_table, has_gaps

GAPPY = """\
cjmap: 1
map:
  title: Gaps fixture
personas:
  - {id: parent, name: Busy parent}
  - {id: barista, name: Home barista}
stages:
  - {id: awareness, name: Hear about us}
  - {id: consider, name: Consideration}
  - {id: purchase, name: Buy}
  - {id: first-box, name: Wait for the box}
  - {id: use, name: Brew}
  - {id: refer, name: Tell friends}
channels:
  - {id: web, name: Website}
  - {id: phone, name: Phone line}
touchpoints:
  - {id: ad, name: Sees an ad, stage: awareness, channels: [web], personas: [barista]}
  - {id: compare, name: Compares, stage: consider, channels: [web], personas: [barista]}
  - {id: pay, name: Pays, stage: purchase, channels: [web, phone]}
  - {id: brew, name: Brews, stage: use, channels: [phone], personas: [parent]}
journeys:
  - {id: parent-path, name: Parent path, persona: parent, steps: [ad, brew]}
  - {id: barista-path, name: Barista path, persona: barista, steps: [compare]}
"""


def rows(options: GapOptions) -> list[tuple[str, str, str]]:
    return [(gap.kind, gap.subject, gap.stage) for gap in find_gaps(maps_of(GAPPY), options)]


def test_unmapped_stages_in_lifecycle_order_at_the_stage_line() -> None:
    gaps = find_gaps(maps_of(GAPPY))
    assert [(g.kind, g.stage, g.stage_name) for g in gaps] == [
        ("unmapped-stage", "first-box", "Wait for the box"),
        ("unmapped-stage", "refer", "Tell friends"),
    ]
    assert (gaps[0].line, gaps[0].column) == (line_of(GAPPY, "{id: first-box"), 5)
    assert gaps[0].note == "no touchpoint in this stage"


def test_by_persona_counts_touchpoints_without_personas_for_everyone() -> None:
    # 'pay' lists no personas, so purchase is mapped for both; unmapped stages are not repeated.
    assert rows(GapOptions(by=["persona"]))[2:] == [
        ("persona-absent", "parent", "awareness"),
        ("persona-absent", "parent", "consider"),
        ("persona-absent", "barista", "use"),
    ]


def test_by_channel() -> None:
    assert rows(GapOptions(by=["channel"]))[2:] == [
        ("channel-absent", "web", "use"),
        ("channel-absent", "phone", "awareness"),
        ("channel-absent", "phone", "consider"),
    ]


def test_by_both_lists_personas_then_channels() -> None:
    kinds = [kind for kind, _, _ in rows(GapOptions(by=["channel", "persona"]))]
    assert kinds == ["unmapped-stage"] * 2 + ["persona-absent"] * 3 + ["channel-absent"] * 3


def test_journeys_skips_inside_and_context_outside() -> None:
    gaps = find_gaps(maps_of(GAPPY), GapOptions(journeys=True))[2:]
    assert [(g.kind, g.subject, g.stage, g.counts) for g in gaps] == [
        ("journey-skips", "parent-path", "consider", True),
        ("journey-skips", "parent-path", "purchase", True),
        ("outside-journey", "barista-path", "awareness", False),
        ("outside-journey", "barista-path", "purchase", False),
        ("outside-journey", "barista-path", "use", False),
    ]
    assert gaps[0].line == line_of(GAPPY, "{id: parent-path")
    assert gaps[2].note == "before the journey's first stage"
    assert gaps[3].note == "after the journey's last stage"


def test_against_standard_names_the_missing_reference_stages() -> None:
    gaps = find_gaps(maps_of(GAPPY), GapOptions(against=LIFECYCLES["standard"]))[2:]
    # awareness matches by id, consideration by name, purchase by id, use by id.
    assert [(g.kind, g.subject, g.stage, g.stage_name) for g in gaps] == [
        ("missing-stage", "standard", "onboarding", "Onboarding"),
        ("missing-stage", "standard", "support", "Support"),
        ("missing-stage", "standard", "loyalty", "Loyalty"),
        ("missing-stage", "standard", "advocacy", "Advocacy"),
    ]
    assert (gaps[0].line, gaps[0].column) == (line_of(GAPPY, "stages:"), 1)
    assert gaps[0].note == "in the standard lifecycle; no stage of this map stands for it"


def test_has_gaps_ignores_context_rows() -> None:
    text = GAPPY.replace("steps: [ad, brew]", "steps: [ad, compare, pay, brew]")
    text = text.replace("  - {id: first-box, name: Wait for the box}\n", "")
    text = text.replace("  - {id: refer, name: Tell friends}\n", "")
    gaps = find_gaps(maps_of(text), GapOptions(journeys=True))
    assert {gap.kind for gap in gaps} == {"outside-journey"}
    assert not has_gaps(gaps)
    assert has_gaps(find_gaps(maps_of(GAPPY)))


def test_table_summary_and_empty_message() -> None:
    table = gaps_table(find_gaps(maps_of(GAPPY), GapOptions(journeys=True)), 1)
    assert table.summary == "4 gaps in 1 map, and 3 stages outside a journey (not counted)"
    empty = gaps_table([], 2)
    assert (list(empty.rows), empty.empty) == ([], "No gaps found in 2 maps.")


def test_examples_coffee_leaves_advocacy_unmapped_and_names_its_lifecycle() -> None:
    # "Wait for the first box" and "Get the second box" say which standard stage they
    # stand for (onboarding, loyalty): no standard stage is missing.
    maps = example_maps("coffee-subscription.yaml")
    gaps = find_gaps(maps, GapOptions(against=load_lifecycle("standard")))
    assert [(g.kind, g.stage) for g in gaps] == [("unmapped-stage", "advocacy")]


def test_examples_b2b_matches_the_b2b_lifecycle() -> None:
    gaps = find_gaps(example_maps("b2b-software.yaml"), GapOptions(against=LIFECYCLES["b2b"]))
    assert gaps == []
