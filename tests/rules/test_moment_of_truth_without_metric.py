from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

UNMEASURED = replace(
    "    metrics:\n      - name: People who leave at the payment step\n        value: 30\n"
    '        target: 35\n        unit: "%"\n        better: lower\n',
    "",
)


def test_points_at_moment_of_truth(tmp_path: Path) -> None:
    assert found(tmp_path, UNMEASURED, "moment-of-truth-without-metric") == [
        ("L107", *at(UNMEASURED, "true", after="moment_of_truth"))
    ]
    assert messages(tmp_path, UNMEASURED, "moment-of-truth-without-metric") == [
        "touchpoint 'checkout' is a moment of truth, but nothing measures it; add a metric"
    ]


def test_other_touchpoints_need_no_metric(tmp_path: Path) -> None:
    ordinary = replace("    moment_of_truth: true\n", "", UNMEASURED)
    assert found(tmp_path, ordinary, "moment-of-truth-without-metric") == []
    assert found(tmp_path, CLEAN, "moment-of-truth-without-metric") == []
