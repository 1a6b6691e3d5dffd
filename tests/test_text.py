"""The wording helpers every command shares (cjmap.text)."""

from __future__ import annotations

import pytest

from cjmap.text import (
    amount,
    clipped,
    display_width,
    escape_controls,
    one_line,
    plural,
    quoted,
    squashed,
    suggest,
    unknown_id,
)


def test_suggest_names_the_closest_candidate_or_nothing() -> None:
    assert suggest("purchse", ["awareness", "purchase"]) == "; did you mean 'purchase'?"
    assert suggest("zzz", ["awareness", "purchase"]) == ""
    assert suggest(3, ["3"]) == ""


def test_unknown_id_suggests_or_lists_what_is_defined() -> None:
    assert unknown_id("--stage", "stage", ["buy"], ["buy", "use"]) == ""
    assert unknown_id("--stage", "stage", ["purchse"], ["purchase"]) == (
        "--stage 'purchse' is not a stage id in any of the maps; did you mean 'purchase'?"
    )
    assert unknown_id("--stage", "stage", ["x"], []).endswith("; the maps define none")
    many = [f"stage{n:02}" for n in range(10)]
    assert unknown_id("--stage", "stage", ["zzz"], many).endswith(
        "; the maps define stage00, stage01, stage02, stage03, stage04, stage05, stage06, "
        "stage07 and 2 more"
    )


def test_one_line_escapes_every_unprintable_character_as_yaml_does() -> None:
    assert one_line("plain text") == "plain text"
    assert one_line("a\nb\tc\rd") == "a\\nb\\tc\\rd"
    assert one_line("\x1b[2J\u200b\U000e0001") == "\\x1b[2J\\u200b\\U000e0001"
    assert one_line(one_line("a\nb")) == "a\\nb"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("x\n::error file=a.yaml,line=1::INJECTED", "x\\n::error file=a.yaml,line=1::INJECTED"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("clear \x1b[2J", "clear \\x1b[2J"),
        ("a\r\nb\x85c\u2028d\u2029e", "a\\r\\nb\\x85c\\u2028d\\u2029e"),
        ("safe \u202eevil", "safe \\u202eevil"),
        # An emoji's zero-width joiner and a no-break space are text, not control.
        ("team 👩\u200d💻 and\xa0co", "team 👩\u200d💻 and\xa0co"),
    ],
)
def test_escape_controls_escapes_what_could_drive_a_terminal_or_a_runner(
    text: str, shown: str
) -> None:
    assert escape_controls(text) == shown


def test_escape_controls_keeps_the_characters_asked_for() -> None:
    assert escape_controls("a\nb\x1bc", keep="\n") == "a\nb\\x1bc"


def test_squashed_makes_every_blank_run_one_space() -> None:
    assert squashed("  Title\n  with a\tnewline  ") == "Title with a newline"


def test_quoted_and_plural() -> None:
    assert quoted("Pay for the box") == "'Pay for the box'"
    assert plural(1, "map") == "1 map"
    assert plural(2, "map") == "2 maps"
    assert plural(3, "info", "info") == "3 info"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (64, "%", "64%"),
        (64.0, "%", "64%"),
        (4.4, "out of 5", "4.4 out of 5"),
        (19, "minutes", "19 minutes"),
        (20, "°C", "20 °C"),
        (3, None, "3"),
        (None, "%", "none"),
    ],
)
def test_amount_sets_off_every_unit_but_per_cent(
    value: float | None, unit: str | None, text: str
) -> None:
    assert amount(value, unit) == text


def test_metric_texts_agree_on_units_across_reports() -> None:
    from cjmap.export import metric_text as export_metric
    from cjmap.model import Metric
    from cjmap.reports.pains import metric_text as pains_metric

    metric = Metric.model_validate({"name": "Cup", "value": 20, "target": 60, "unit": "°C"})
    assert "20 °C" in export_metric(metric)
    assert "20 °C against a target of 60 °C" in pains_metric(metric)


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("abc", 3),
        ("中文", 4),
        ("👩\u200d👩\u200d👧", 6),  # three wide emoji; the joiners take no room
        ("e\u0301", 1),  # a combining accent takes none
        ("soft\u00adhyphen", 10),
    ],
)
def test_display_width_counts_columns(text: str, width: int) -> None:
    assert display_width(text) == width


def test_the_table_and_the_pictures_measure_alike() -> None:
    from cjmap.render import dot

    joined = "👩\u200d💻 dev"
    assert dot.text_width(joined) == display_width(joined) == 8


def test_clipped_ends_with_an_ellipsis_only_when_cut() -> None:
    assert clipped("short", 10) == "short"
    assert clipped("a longer text", 6) == "a lon\u2026"
    assert display_width(clipped("中文" * 10, 7)) <= 7
