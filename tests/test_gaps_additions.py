"""`cjmap gaps` with stages' lifecycle words, aliases in a reference file, and channel gaps
only where a channel of the same kind is at work."""

from __future__ import annotations

from typing import Any

from conftest import run_cli

MAP = """\
cjmap: 1
map: {title: Gaps}
stages:
  - {id: hear, name: Hear about us, lifecycle: awareness}
  - {id: pick, name: Pick a plan}
  - {id: pay, name: Pay, lifecycle: purchase}
  - {id: keep, name: Come back for more, lifecycle: loyalty}
channels:
  - {id: web, name: Website, kind: digital}
  - {id: app, name: App, kind: digital}
  - {id: shop, name: Shop, kind: physical}
  - {id: phone, name: Phone line, kind: human}
touchpoints:
  - {id: ad, name: Sees an ad, stage: hear, channels: [web]}
  - {id: compare, name: Compares plans, stage: pick, channels: [shop]}
  - {id: checkout, name: Pays, stage: pay, channels: [web, app, phone]}
  - {id: reorder, name: Orders again, stage: keep, channels: [app]}
"""


def gaps_json(write_map: Any, *options: str, text: str = MAP) -> list[tuple[str, str, str]]:
    result = run_cli("gaps", write_map(text), "-f", "json", *options)
    assert result.exit_code == 0, result.stderr
    return [(row["kind"], row["subject"], row["stage"]) for row in result.json()]


def test_against_standard_matches_by_lifecycle_first(write_map: Any) -> None:
    # hear, pay and keep stand for awareness, purchase and loyalty by their lifecycle
    # word; "Pick a plan" has none and matches nothing by id or name.
    assert [stage for _, _, stage in gaps_json(write_map, "--against", "standard")] == [
        "consideration",
        "onboarding",
        "use",
        "support",
        "advocacy",
    ]


def test_a_stage_without_lifecycle_still_matches_by_id_or_name(write_map: Any) -> None:
    text = MAP.replace("{id: pick, name: Pick a plan}", "{id: pick, name: Consideration}")
    missing = [stage for _, _, stage in gaps_json(write_map, "--against", "standard", text=text)]
    assert "consideration" not in missing


def test_b2b_stages_stand_for_the_lifecycle_words(write_map: Any) -> None:
    missing = [stage for _, _, stage in gaps_json(write_map, "--against", "b2b")]
    # pay (purchase) stands for procurement and keep (loyalty) for renewal.
    assert missing == ["evaluation", "onboarding", "use", "support", "advocacy"]


def test_a_reference_file_lists_aliases_per_stage(write_map: Any, tmp_path: Any) -> None:
    reference = tmp_path / "ours.yaml"
    reference.write_text(
        "stages:\n"
        "  - {id: discover, aliases: [awareness]}\n"
        "  - {id: choose, name: Choose, aliases: [pick a plan, Plan choice]}\n"
        "  - {id: buy, lifecycle: purchase}\n"
        "  - {id: stay, aliases: [retention]}\n",
        encoding="utf-8",
    )
    result = run_cli("gaps", write_map(MAP), "--against", reference, "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = result.json()
    # discover by the map stage's lifecycle word, choose by the stage's name, buy by the
    # lifecycle word the reference gives; nothing of the map stands for stay.
    assert [(row["kind"], row["stage"], row["note"]) for row in rows] == [
        (
            "missing-stage",
            "stay",
            f"in the lifecycle in {reference}; no stage of this map stands for it",
        )
    ]


def test_malformed_aliases_are_a_usage_error_at_their_line(write_map: Any, tmp_path: Any) -> None:
    reference = tmp_path / "ours.yaml"
    reference.write_text("- {id: discover}\n- {id: buy, aliases: purchase}\n", encoding="utf-8")
    result = run_cli("gaps", write_map(MAP), "--against", reference)
    assert result.exit_code == 2
    assert result.stderr == (
        f"cjmap: error: --against: {reference}:2:22: 'aliases' must be a list of words, "
        "not 'purchase'\n"
    )


def test_by_channel_reports_a_channel_only_where_its_kind_is_at_work(write_map: Any) -> None:
    assert gaps_json(write_map, "--by", "channel") == [
        # keep happens in the app: the website is missing there.
        ("channel-absent", "web", "keep"),
        # hear uses the website: the app, also digital, is missing; the shop and the
        # phone line are not, as nothing physical or human happens in this stage.
        ("channel-absent", "app", "hear"),
    ]


def test_channel_gap_note_names_the_channels_of_the_same_kind(write_map: Any) -> None:
    result = run_cli("gaps", write_map(MAP), "--by", "channel", "-f", "json")
    notes = {(row["subject"], row["stage"]): row["note"] for row in result.json()}
    assert notes[("app", "hear")] == (
        "no touchpoint in this stage happens over this channel, though others use "
        "digital channels (web)"
    )


def test_channels_with_no_kind_count_as_one_kind(write_map: Any) -> None:
    text = MAP.replace(", kind: digital}", "}").replace(", kind: physical}", "}")
    text = text.replace(", kind: human}", "}")
    found = gaps_json(write_map, "--by", "channel", text=text)
    assert ("channel-absent", "shop", "hear") in found
    assert ("channel-absent", "web", "pick") in found
