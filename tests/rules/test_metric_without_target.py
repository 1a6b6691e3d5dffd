from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

NO_TARGET = replace("        target: 35\n", "")


def test_points_at_the_metric(tmp_path: Path) -> None:
    assert found(tmp_path, NO_TARGET, "metric-without-target") == [
        ("L108", *at(NO_TARGET, "name: People"))
    ]
    assert messages(tmp_path, NO_TARGET, "metric-without-target") == [
        "metric 'People who leave at the payment step' of touchpoint 'checkout' has no target"
    ]


def test_a_metric_not_yet_measured_still_needs_a_target(tmp_path: Path) -> None:
    text = replace("        value: 30\n", "", NO_TARGET)
    assert len(found(tmp_path, text, "metric-without-target")) == 1


def test_with_target(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "metric-without-target") == []
