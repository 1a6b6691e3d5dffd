from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace


def metric(value: str, target: str, better: str, unit: str = '"%"') -> str:
    return (
        CLEAN.replace("        value: 30\n", f"        value: {value}\n")
        .replace("        target: 35\n", f"        target: {target}\n")
        .replace("        better: lower\n", f"        better: {better}\n")
        .replace('        unit: "%"\n', f"        unit: {unit}\n")
    )


def test_points_at_the_value(tmp_path: Path) -> None:
    text = metric("64", "35", "lower")
    assert found(tmp_path, text, "metric-off-target") == [("L109", *at(text, "64"))]
    assert messages(tmp_path, text, "metric-off-target") == [
        "metric 'People who leave at the payment step' of touchpoint 'checkout' is 64%, "
        "worse than its target of 35% (lower is better)"
    ]


def test_units_other_than_percent_take_a_space(tmp_path: Path) -> None:
    text = metric("4.4", "4.5", "higher", unit="out of 5")
    assert messages(tmp_path, text, "metric-off-target") == [
        "metric 'People who leave at the payment step' of touchpoint 'checkout' is "
        "4.4 out of 5, worse than its target of 4.5 out of 5 (higher is better)"
    ]


@pytest.mark.parametrize(
    ("value", "target", "better", "off"),
    [
        ("64", "35", "lower", True),
        ("35", "35", "lower", False),
        ("30", "35", "lower", False),
        ("30", "35", "higher", True),
        ("35", "35", "higher", False),
        ("40", "35", "higher", False),
    ],
)
def test_better_decides_the_direction(
    tmp_path: Path, value: str, target: str, better: str, off: bool
) -> None:
    assert bool(found(tmp_path, metric(value, target, better), "metric-off-target")) is off


def test_without_value_or_target_nothing_is_off(tmp_path: Path) -> None:
    text = replace("        value: 30\n", "")
    assert found(tmp_path, text, "metric-off-target") == []
